"""The merged corpus timeline: one entry per date, its most reported events first, absolute headings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from digesthub.corpus import Corpus
from digesthub.corpus.timeline import heading, render_timeline
from digesthub.present.date_label import date_label
from digesthub.types import Citation, Digest, SummarySentence, Timeline, TimelineEntry, TimeExpression
from tests.corpus_fixtures import card, make_article

QUAKE = "A strong earthquake struck the coastal province, toppling houses near the harbour."
FERRY = "The ferry operator suspended crossings to the islands until the port is inspected."
TALKS = "Trade ministers opened talks on fishing quotas in the capital."


def _said(wording: str, value: str, text: str, paragraph: int) -> TimelineEntry:
    day = dt.date.fromisoformat(value)
    return TimelineEntry(TimeExpression(0, 0, wording, "DATE", value, first_day=day, last_day=day),
                         text, [Citation(paragraph)])


def _corpus(tmp_path: Path) -> Corpus:
    reports = {  # article id -> what its timeline says about 2025-03-04
        "r1": [("on Tuesday", QUAKE, 1), ("on Tuesday", TALKS, 2)],
        "r2": [("Tuesday", "The earthquake struck the coastal province on Tuesday, toppling houses.", 1)],
        "r3": [("March 4", QUAKE, 2), ("March 4", FERRY, 3)],
        "r4": [("Tuesday", FERRY.replace("operator", "company"), 1)],
        "r5": [("last Tuesday", "Fishermen counted their losses after a storm flooded the old market.", 1)],
    }
    digests = {}
    for number, (article_id, events) in enumerate(reports.items()):
        article = make_article(article_id, [f"Report {article_id} paragraph {i} about the coast." for i in (1, 2, 3)],
                               f"2025-03-0{5 + number}")
        entries = [_said(w, "2025-03-04", t, p) for w, t, p in events]
        digests[article_id] = Digest(article, [], [SummarySentence(article.paragraphs[0].text, [Citation(1)])],
                                     [], Timeline(entries))
    corpus = Corpus(f"sqlite:///{tmp_path / 'c.db'}", digester=lambda a: digests[a.id])
    corpus.add(*[d.article for d in digests.values()])
    return corpus


def test_one_entry_per_date_with_its_most_reported_events(tmp_path: Path) -> None:
    with _corpus(tmp_path) as corpus:
        entries = corpus.timeline().entries
    assert len(entries) == 1
    text = entries[0].text
    assert text.startswith(QUAKE[:-1])  # three reports (r1, r2, r3): first
    assert text.index("ferry") < text.index("Trade ministers")  # two reports before one
    assert "Fishermen" not in text  # the date's fourth event (one report, the latest) is not shown ...
    cited = {(c.article_id, c.paragraph) for c in entries[0].citations}
    assert "r5" not in {article for article, _ in cited}  # ... nor cited
    assert {("r1", 1), ("r1", 2), ("r2", 1), ("r3", 2), ("r3", 3), ("r4", 1)} <= cited


def test_headings_are_absolute_dates() -> None:
    day = dt.date(2025, 3, 4)
    relative = TimeExpression(0, 0, "last Tuesday", "DATE", "2025-03-04", first_day=day, last_day=day)
    assert heading(relative) == "4 March 2025"
    stated = TimeExpression(0, 0, "late 2022", "DATE", "2022", first_day=dt.date(2022, 9, 1),
                            last_day=dt.date(2022, 12, 31))
    assert heading(stated) == "Late 2022"  # the article's own absolute wording is kept
    early = TimeExpression(0, 0, "early this year", "DATE", "2009", first_day=dt.date(2009, 1, 1),
                           last_day=dt.date(2009, 4, 30))
    assert heading(early) == "Early 2009"  # the part of the year is read from the stored span
    # a span that is neither the value's own nor one of its thirds is written out
    months = TimeExpression(0, 0, "January-September", "DATE", "2023", first_day=dt.date(2023, 1, 1),
                            last_day=dt.date(2023, 9, 30))
    assert heading(months) == "January – September 2023"
    earlier = TimeExpression(0, 0, "earlier this year", "DATE", "2025", "START", first_day=dt.date(2025, 1, 1),
                             last_day=dt.date(2025, 7, 9))
    assert heading(earlier) == "1 January – 9 July 2025"
    line = render_timeline(Timeline([TimelineEntry(relative, "It rained.", [Citation(2, "a1")])]))
    assert line.startswith("- **4 March 2025** (2025-03-04, 2025-03-04): It rained. [a1 para. 2]")


def test_date_labels() -> None:
    assert date_label("2009-06") == "June 2009"
    assert date_label("2009-06", "END") == "Late June 2009"
    assert date_label("2024-H1") == "First half of 2024"
    assert date_label("2024-Q3", "START") == "Early Q3 2024"
    assert date_label("2009-SP") == "Spring 2009"
    assert date_label("199") == "The 1990s" and date_label("199", "START") == "Early 1990s"
    assert date_label("2009-06-25TAF") == "25 June 2009 (afternoon)"
    assert date_label("FY2025") == "Fiscal year 2025"
    assert date_label("PAST_REF") is None and date_label("2009-13") is None


def test_an_entity_timeline_keeps_only_the_sentences_that_name_it(tmp_path: Path) -> None:
    first = "Harbor Lines was founded in 2019 by two ferry captains."
    second = "The city council also rebuilt the old pier in 2019."
    article = make_article("h1", [first, "Ticket sales rose all summer.", second], "2024-05-01")
    day = TimeExpression(0, 0, "2019", "DATE", "2019", first_day=dt.date(2019, 1, 1), last_day=dt.date(2019, 12, 31))
    joined = TimelineEntry(day, f"{first[:-1]}; {second}", [Citation(1), Citation(3)])  # as a digest joins a date
    digest = Digest(article, [], [SummarySentence(first, [Citation(1)])],
                    [card("Harbor Lines", paragraphs=[1]), card("City Council", paragraphs=[3])], Timeline([joined]))
    with Corpus(f"sqlite:///{tmp_path / 'h.db'}", digester=lambda a: digest) as corpus:
        corpus.add(article)
        [entry] = corpus.timeline("Harbor Lines").entries
        assert entry.text == first and entry.citations == [Citation(1, "h1")]
        [everything] = corpus.timeline().entries  # the corpus view joins the date's sentences again
        assert "ferry captains" in everything.text and "old pier" in everything.text
        assert {c.paragraph for c in everything.citations} == {1, 3}


def test_about_keeps_the_events_of_articles_containing_every_query_word(tmp_path: Path) -> None:
    texts = {"q1": ["The earthquake destroyed the harbour.", "Rescuers in Haiti searched the rubble."],
             "q2": ["An earthquake shook Chile overnight.", "No damage was reported."],
             "g1": ["A family history society traced Haiti's first settlers.", "Its archive opened in 1510."]}
    digests = {}
    for number, (article_id, paragraphs) in enumerate(texts.items()):
        article = make_article(article_id, paragraphs, f"2010-01-1{3 + number}")
        entry = _said("on Tuesday", f"2010-01-1{2 + number}", paragraphs[0], 1)
        digests[article_id] = Digest(article, [], [SummarySentence(paragraphs[0], [Citation(1)])], [],
                                     Timeline([entry]))
    with Corpus(f"sqlite:///{tmp_path / 'a.db'}", digester=lambda a: digests[a.id]) as corpus:
        corpus.add(*[d.article for d in digests.values()])
        about = corpus.timeline(about="Haiti earthquake").entries
        phrase = corpus.timeline(about='"earthquake shook"').entries
        split_phrase = corpus.timeline(about='"Haiti rubble"').entries
        everything = corpus.timeline().entries
    assert {c.article_id for e in about for c in e.citations} == {"q1"}
    assert {c.article_id for e in phrase for c in e.citations} == {"q2"} and split_phrase == []
    assert len(everything) == 3


def test_about_keeps_only_the_events_that_name_the_topic_of_an_article_about_something_else(
        tmp_path: Path) -> None:
    texts = {"lead": ["Haiti was struck by an earthquake on Tuesday.", "Aid arrived on Friday from abroad."],
             "list": ["A concert opens the festival on Monday.", "A film premieres on Thursday.",
                      "A benefit for Haiti is held on Saturday."]}
    days = {"lead": ["2010-01-12", "2010-01-15"], "list": ["2010-01-18", "2010-01-21", "2010-01-23"]}
    digests = {}
    for article_id, paragraphs in texts.items():
        article = make_article(article_id, paragraphs, "2010-01-25")
        entries = [_said("on a day", day, text, number)
                   for number, (day, text) in enumerate(zip(days[article_id], paragraphs), start=1)]
        digests[article_id] = Digest(article, [], [SummarySentence(paragraphs[0], [Citation(1)])], [],
                                     Timeline(entries))
    with Corpus(f"sqlite:///{tmp_path / 'a.db'}", digester=lambda a: digests[a.id]) as corpus:
        corpus.add(*[d.article for d in digests.values()])
        about = corpus.timeline(about="Haiti").entries
    # the article led by Haiti keeps every event; the listings page only its event naming Haiti
    assert [e.date.value for e in about] == ["2010-01-12", "2010-01-15", "2010-01-23"], about


def test_an_entry_joined_with_full_stops_and_rewritten_openings_still_splits_per_sentence(tmp_path: Path) -> None:
    first = "The company was founded in 2019 by two ferry captains."
    second = "Harbour Council rebuilt the old pier in 2019."
    article = make_article("h2", ["Harbor Lines runs ferries. " + first, "Ticket sales rose.", second], "2024-05-01")
    day = TimeExpression(0, 0, "2019", "DATE", "2019", first_day=dt.date(2019, 1, 1), last_day=dt.date(2019, 12, 31))
    # as a digest writes it: "The company" named, the second sentence after a full stop (a capital opens it)
    joined = TimelineEntry(day, "Harbor Lines was founded in 2019 by two ferry captains. " + second,
                           [Citation(1), Citation(3)])
    digest = Digest(article, [], [SummarySentence(first, [Citation(1)])],
                    [card("Harbor Lines", paragraphs=[1]), card("Harbour Council", paragraphs=[3])], Timeline([joined]))
    with Corpus(f"sqlite:///{tmp_path / 'h2.db'}", digester=lambda a: digest) as corpus:
        corpus.add(article)
        [entry] = corpus.timeline("Harbor Lines").entries
        assert entry.text == "Harbor Lines was founded in 2019 by two ferry captains."
        assert entry.citations == [Citation(1, "h2")]
