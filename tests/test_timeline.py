"""Timelines from hand-written articles: grouping, order, duplicates, citations."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from digesthub.digester.timeline import article_timeline, build_timeline, join_events
from digesthub.digester.timeline_events import event_clause, is_calendar_date, rule_sentences, split_text
from digesthub.types import AnnotatedArticle, Article, Citation, EntityRef, Mention, Paragraph, Sentence, TimeExpression

D = dt.date


def _time(text: str, article: Article, wording: str, value: str, first: D | None, last: D | None,
          kind: str = "DATE", mod: str | None = None) -> TimeExpression:
    start = text.index(wording)
    return TimeExpression(start, start + len(wording), wording, kind, value, mod, first, last,
                          paragraph=article.paragraph_at(start))


def _annotated(article_id: str, paragraphs: list[str], published: D | None,
               times: list[tuple[str, str, D | None, D | None]]) -> AnnotatedArticle:
    """An annotated article; ``times`` are (wording, value, first_day, last_day), found in order."""
    article = Article(article_id, None, [Paragraph(i, p) for i, p in enumerate(paragraphs, 1)], published)
    text = article.text
    expressions = []
    for wording, value, first, last in times:
        kind = "DURATION" if value.startswith("P") else "DATE"
        expressions.append(_time(text, article, wording, value, first, last, kind))
    return AnnotatedArticle(article, rule_sentences(article), [], [], expressions, [])


def _one_article() -> AnnotatedArticle:
    return _annotated("a1", [
        "The company was founded in Beijing in late 2022 by two former researchers.",
        "In August 2022 the founders left their jobs at a large search company. "
        "They spent three years building models before that.",
        "The startup raised 20 million dollars in December from several investors. "
        "It also opened an office in Shanghai in December.",
        "Revenue now grows every month, the chief executive said on the phone.",
    ], D(2024, 3, 5), [
        ("late 2022", "2022", D(2022, 9, 1), D(2022, 12, 31)),
        ("August 2022", "2022-08", D(2022, 8, 1), D(2022, 8, 31)),
        ("three years", "P3Y", None, None),
        ("December", "2023-12", D(2023, 12, 1), D(2023, 12, 31)),
        ("December.", "2023-12", D(2023, 12, 1), D(2023, 12, 31)),
    ])


def test_article_timeline_orders_dates_and_keeps_wording() -> None:
    timeline = article_timeline(_one_article())
    assert [e.date.text for e in timeline.entries] == ["August 2022", "late 2022", "December"]
    assert [e.date.value for e in timeline.entries] == ["2022-08", "2022", "2023-12"]
    first_days = [e.date.first_day for e in timeline.entries]
    assert first_days == sorted(first_days)


def test_article_timeline_merges_one_date_and_cites_paragraphs() -> None:
    december = article_timeline(_one_article()).entries[-1]
    assert "raised 20 million dollars" in december.text and "opened an office" in december.text
    assert "; " in december.text
    assert december.citations == [Citation(3, "a1")]


def test_article_timeline_skips_durations_and_undated_sentences() -> None:
    texts = " ".join(e.text for e in article_timeline(_one_article()).entries)
    assert "three years" not in texts
    assert "Revenue now grows" not in texts


def test_calendar_dates_only() -> None:
    base = dict(start=0, end=5, text="x", type="DATE")
    assert is_calendar_date(TimeExpression(**base, value="2024-12", first_day=D(2024, 12, 1),
                                           last_day=D(2024, 12, 31)))
    assert not is_calendar_date(TimeExpression(**base, value="PRESENT_REF", first_day=D(2024, 1, 1)))
    assert not is_calendar_date(TimeExpression(0, 5, "08:14", "TIME", "2024-01-02T08:14", first_day=D(2024, 1, 2)))
    assert is_calendar_date(TimeExpression(0, 5, "Tuesday night", "TIME", "2024-01-02TNI",
                                           first_day=D(2024, 1, 2), last_day=D(2024, 1, 2)))
    assert not is_calendar_date(TimeExpression(0, 5, "x", "DURATION", "P3Y"))
    assert not is_calendar_date(TimeExpression(0, 5, "x", "SET", "P1W", first_day=D(2024, 1, 1)))


def _quake(article_id: str, published: D, opening: str) -> AnnotatedArticle:
    paragraphs = [opening,
                  "On Tuesday a powerful earthquake struck the capital and destroyed the main hospital.",
                  "Aid workers said on Thursday that food and clean water were running out fast."]
    tuesday, thursday = D(2010, 1, 12), D(2010, 1, 14)
    times = [("Tuesday", tuesday.isoformat(), tuesday, tuesday),
             ("Thursday", thursday.isoformat(), thursday, thursday)]
    return _annotated(article_id, paragraphs, published, times)


def test_same_event_in_two_articles_is_one_entry_with_two_citations() -> None:
    articles = [_quake("x", D(2010, 1, 15), "Rescue teams from many countries searched the rubble for survivors."),
                _quake("y", D(2010, 1, 16), "The government appealed for more tents and medicine for families.")]
    timeline = build_timeline(articles, max_dates=5)
    tuesday = [e for e in timeline.entries if e.date.value == "2010-01-12"]
    assert len(tuesday) == 1
    assert {c.article_id for c in tuesday[0].citations} == {"x", "y"}
    assert tuesday[0].date.text == "Tuesday"


def test_build_timeline_date_order_no_duplicates_and_limits() -> None:
    articles = [_quake(f"a{i}", D(2010, 1, 15), f"Survivors number {i} slept in the open streets again.")
                for i in range(3)]
    timeline = build_timeline(articles, max_dates=2, sentences_per_date=2)
    assert len(timeline.entries) == 2
    days = [e.date.first_day for e in timeline.entries]
    assert days == sorted(days) and len(set(days)) == 2
    texts = [t for e in timeline.entries for t in e.text.split("; ")]
    assert len(texts) == len(set(texts))
    assert all(len(e.text.split("; ")) <= 2 for e in timeline.entries)


def test_build_timeline_span_and_days_only() -> None:
    articles = [_quake("a", D(2010, 1, 15), "Rescue teams searched the rubble for survivors all night.")]
    timeline = build_timeline(articles, start=D(2010, 1, 13), end=D(2010, 1, 31), days_only=True)
    assert timeline.entries and all(e.date.first_day >= D(2010, 1, 13) for e in timeline.entries)


def test_publication_date_gives_undated_leads_a_date() -> None:
    article = _annotated("p", ["The parliament passed the new budget after a long and bitter debate."],
                         D(2021, 5, 4), [])
    timeline = build_timeline([article])
    assert [e.date.value for e in timeline.entries] == ["2021-05-04"]
    assert timeline.entries[0].citations == [Citation(1, "p")]
    assert article_timeline(article).entries == []


def test_rule_splitter_keeps_abbreviations() -> None:
    text = "Dr. Smith met Mr. Jones in the U.S. on Jan. 5. They talked. \"It went well.\" He left."
    pieces = [text[a:b] for a, b in split_text(text)]
    assert pieces[0] == "Dr. Smith met Mr. Jones in the U.S. on Jan. 5."
    assert len(pieces) == 4


def test_long_sentence_is_cut_to_the_clause_with_its_date() -> None:
    text = ("The firm, which had struggled for years to find buyers for its older chips in a crowded "
            "market, hired a new chief executive; in March 2023 it launched its first model for "
            "phones and cars with several partners.")
    start = text.index("March 2023")
    expression = TimeExpression(start, start + 10, "March 2023", "DATE", "2023-03")
    clause = event_clause(Sentence(0, len(text), text, 1), expression)
    assert clause.startswith("In March 2023 it launched") and clause.endswith(".")


def test_join_events() -> None:
    assert join_events(["A happened.", "The B happened."]) == "A happened; the B happened."
    assert join_events(["Only one."]) == "Only one."


@pytest.mark.parametrize("published", [D(2010, 1, 15)])
def test_relative_dates_resolved_against_publication(published: D) -> None:
    times = pytest.importorskip("digesthub.analyze.times")
    if not hasattr(times, "tag_times"):
        pytest.skip("the temporal tagger is not there yet")
    article = Article("r", None, [Paragraph(1, "On Tuesday a strong earthquake struck the island nation.")],
                      published)
    timeline = build_timeline([article])
    dated = [e for e in timeline.entries if re.search("Tuesday", e.date.text)]
    assert times and dated and dated[0].date.first_day == D(2010, 1, 12)


def test_off_topic_page_full_of_dates_does_not_outrank_the_story() -> None:
    story = [_quake(f"q{i}", D(2010, 1, 15), "Rescue teams searched the rubble of the capital for survivors.")
             for i in range(2)]
    friday = D(2010, 1, 15)
    listing = [f"Concert number {i} of the week is broadcast live on Friday from the music hall."
               for i in range(8)]
    schedule = _annotated("radio", listing, friday, [])
    schedule.times = [TimeExpression(m.start(), m.end(), "Friday", "DATE", friday.isoformat(), None, friday, friday)
                      for m in re.finditer("Friday", schedule.article.text)]
    timeline = build_timeline(story + [schedule], max_dates=1)
    assert [e.date.first_day for e in timeline.entries] == [D(2010, 1, 12)]


def test_questions_and_fragments_are_not_events() -> None:
    day = D(2020, 3, 2)
    article = _annotated("q", ["Will the council approve the plan on Monday next week?",
                               "Monday: vote.",
                               "The council approved the new housing plan on Monday after a debate."],
                         D(2020, 3, 3), [])
    article.times = [TimeExpression(m.start(), m.end(), "Monday", "DATE", day.isoformat(), None, day, day)
                     for m in re.finditer("Monday", article.article.text)]
    entries = article_timeline(article).entries
    assert [e.text for e in entries] == ["The council approved the new housing plan on Monday after a debate."]
    assert entries[0].citations == [Citation(3, "q")]


def test_sentence_with_two_dates_is_listed_once_under_the_narrower() -> None:
    text = "Daily usage of the assistant grew from 120 billion in May to 4 trillion by mid-December."
    article = _annotated("u", [text], D(2024, 12, 20), [
        ("May", "2024-05", D(2024, 5, 1), D(2024, 5, 31)),
        ("mid-December", "2024-12", D(2024, 12, 11), D(2024, 12, 20))])
    entries = article_timeline(article).entries
    assert [e.date.text for e in entries] == ["mid-December"]


def test_timestamps_bylines_and_section_labels_are_not_events() -> None:
    day = D(2011, 11, 8)
    article = _annotated("t", ["Updated 8 November 2011 - 17:42 GMT.",
                               "Jane Doe | 8 November 2011 , Business & Markets.",
                               "The harbour board approved the new ferry timetable on 8 November 2011."],
                         D(2011, 11, 9), [])
    article.times = [TimeExpression(m.start(), m.end(), m.group(), "DATE", day.isoformat(), None, day, day)
                     for m in re.finditer("8 November 2011", article.article.text)]
    entries = article_timeline(article).entries
    assert [e.text for e in entries] == ["The harbour board approved the new ferry timetable on 8 November 2011."]


def _dated(article_id: str, paragraphs: list[str], published: D,
           dates: list[tuple[str, str, D, D]]) -> AnnotatedArticle:
    """An annotated article whose every occurrence of each wording is one date (wording, value, first, last)."""
    article = _annotated(article_id, paragraphs, published, [])
    article.times = sorted(
        (TimeExpression(m.start(), m.end(), wording, "DATE", value, None, first, last)
         for wording, value, first, last in dates
         for m in re.finditer(re.escape(wording), article.article.text)), key=lambda t: t.start)
    return article


def test_comparison_baselines_and_lead_ins_are_not_events() -> None:
    year = ("a year ago", "2011", D(2011, 1, 1), D(2011, 12, 31))
    earlier = ("a year earlier", "2011", D(2011, 1, 1), D(2011, 12, 31))
    monday = ("Monday", "2012-10-22", D(2012, 10, 22), D(2012, 10, 22))
    article = _dated("c", ["The Harbour Gazette said in an editorial on Monday:",
                           "Profit at the ferry company fell 12% from a year ago, the company said.",
                           "Ticket sales reached 40% of revenue, compared with 35% a year earlier.",
                           "The company opened its first ferry line a year ago with two boats."],
                     D(2012, 10, 23), [year, earlier, monday])
    texts = [e.text for e in article_timeline(article).entries]
    assert texts == ["The company opened its first ferry line a year ago with two boats."]


def test_an_aside_after_a_short_subject_is_not_a_clause_cut() -> None:
    text = ("Albers, after a 16-hour flight from the coast, is scheduled to spend only five hours on the "
            "ground in the capital, her first stop Tuesday morning, and then about six hours in the port "
            "city later in the day before returning home.")
    start = text.index("Tuesday morning")
    expression = TimeExpression(start, start + 15, "Tuesday morning", "TIME", "2012-10-23TMO")
    clause = event_clause(Sentence(0, len(text), text, 1), expression)
    assert clause.startswith("Albers, after a 16-hour flight") and "Tuesday morning" in clause


def test_entry_leads_with_a_standalone_statement_and_joins_only_whole_ones() -> None:
    friday = ("Friday", "2012-10-19", D(2012, 10, 19), D(2012, 10, 19))
    article = _dated("j", ["He was seen near the harbour on Friday with two friends.",
                           "But the port authority closed the harbour on Friday after a storm warning.",
                           '"We had no choice on Friday," said a spokesman for the port authority.',
                           'The mayor said on Friday that "the port will reopen when the sea',
                           "Fishing boats stayed in the harbour on Friday as the storm passed the coast."],
                     D(2012, 10, 22), [friday])
    entry = article_timeline(article).entries[0]
    assert entry.text == ("The port authority closed the harbour on Friday after a storm warning. "
                          "Fishing boats stayed in the harbour on Friday as the storm passed the coast.")
    assert entry.citations[:2] == [Citation(2, "j"), Citation(5, "j")]


def test_a_century_places_nothing_on_an_article_timeline() -> None:
    article = _dated("y", ["The region saw many of the disasters of this century, the minister said.",
                           "The alliance admitted three new members in March 1999 at a ceremony."],
                     D(1999, 3, 12), [("this century", "19", D(1900, 1, 1), D(1999, 12, 31)),
                                      ("March 1999", "1999-03", D(1999, 3, 1), D(1999, 3, 31))])
    assert [e.date.text for e in article_timeline(article).entries] == ["March 1999"]


def test_a_subordinate_aside_closed_by_a_comma_is_not_a_clause_cut() -> None:
    text = ("What matters most to the court is that the girl, after losing her parents in a storm at sea "
            "last November, needs the care of the relatives who have known her all her life in the village.")
    start = text.index("last November")
    expression = TimeExpression(start, start + 13, "last November", "DATE", "1999-11")
    assert event_clause(Sentence(0, len(text), text, 1), expression) == text


def test_compared_with_a_year_earlier_is_a_baseline_even_after_amounts() -> None:
    ago = ("a year ago", "1988", D(1988, 1, 1), D(1988, 12, 31))
    article = _dated("b", ["The bank reported a loss of $175 million, or $13 a share, compared with net income "
                           "of $27 million, or $1.16 a share, a year ago."], D(1989, 10, 30), [ago])
    assert article_timeline(article).entries == []


def test_an_opening_pronoun_is_written_as_the_person_the_sentence_before_names() -> None:
    years = [("in 1996", "1996", D(1996, 1, 1), D(1996, 12, 31)), ("in 1997", "1997", D(1997, 1, 1), D(1997, 12, 31))]
    article = _dated("p", ["Tomas Brandt has been on the run since the bombing of a clinic in the valley. "
                           "He also is charged in the harbour attack in 1996 that killed one person.",
                           "Brandt's sister Ilse Brandt moved to the coast in the 1980s. "
                           "She opened a bakery there in 1997 with her husband."], D(1999, 5, 6), years)
    text = article.article.text
    person = EntityRef("Tomas Brandt", "PERSON", [], [Mention(0, 12, "Tomas Brandt", "PERSON", 1)], 0.9)
    start = text.index("Ilse Brandt")
    sister = EntityRef("Ilse Brandt", "PERSON", [], [Mention(start, start + 11, "Ilse Brandt", "PERSON", 2)], 0.5)
    start = text.index("Brandt's")
    person.mentions.append(Mention(start, start + 6, "Brandt", "PERSON", 2))
    article.entities = [person, sister]
    first, second = article_timeline(article).entries
    assert first.text.startswith("Tomas Brandt also is charged in the harbour attack in 1996")
    # "Brandt's sister Ilse Brandt": two people, so "She" stays as written, after the sentence it leans on.
    assert second.text == ("Brandt's sister Ilse Brandt moved to the coast in the 1980s. "
                           "She opened a bakery there in 1997 with her husband.")


def test_joined_events_go_on_in_lower_case_after_the_semicolon_or_keep_their_full_stop() -> None:
    # a capital that may be a name ("US", "Harbour", "Revenue" without the article's tags) stays, after a full stop
    assert join_events(["The court ruled.", "A bomb exploded.", "US troops left.", "Harbour workers marched"]) == \
        "The court ruled; a bomb exploded. US troops left. Harbour workers marched"
    assert join_events(["It swung to a profit.", "Revenue rose 68%."]) == "It swung to a profit. Revenue rose 68%."


def test_a_leaning_sentence_brings_its_short_undated_context_along() -> None:
    years = [("in 2003", "2003", D(2003, 1, 1), D(2003, 12, 31)), ("in 1999", "1999", D(1999, 1, 1), D(1999, 12, 31))]
    article = _dated("k", ["The club named a new coach on Saturday.",
                           "The new coach has spent 19 seasons with the club.",
                           "He was promoted to general manager in 2003.",
                           "The team moved to a new arena in 1999. It was sold to new owners in 2003."],
                     D(2008, 12, 13), years)
    timeline = article_timeline(article)
    entries = {e.date.text: e.text for e in timeline.entries}
    assert [e.citations for e in timeline.entries if e.date.text == "in 2003"] == [[Citation(2, "k"), Citation(3, "k")]]
    assert entries["in 2003"].startswith("The new coach has spent 19 seasons with the club. He was promoted")
    # the sentence before "It was sold" is an event of its own: it is never brought along as context
    assert "The team moved" not in entries["in 2003"] and entries["in 1999"] == "The team moved to a new arena in 1999."


def test_a_date_in_a_relative_clause_dates_what_the_clause_says_of_its_name() -> None:
    years = [("in 1991", "1991", D(1991, 1, 1), D(1991, 12, 31)), ("in 1962", "1962", D(1962, 1, 1), D(1962, 12, 31)),
             ("next month", "2000-05", D(2000, 5, 1), D(2000, 5, 31))]
    article = _dated("r", ["In November the navy was allowed to chase pirates into the waters of Eastland, "
                           "which descended into anarchy in 1991.",
                           '"They betrayed us," said Ana Reyes, who left the island in 1962 when she was 4.',
                           "The family will wait for a ruling on the case, which is expected next month.",
                           "The mayor met the Harbour Council of Churches, which opened a shelter in 1991."],
                     D(2000, 4, 17), years)
    texts = {e.date.text: e.text for e in article_timeline(article).entries}
    assert texts["in 1991"] == ("Eastland descended into anarchy in 1991; "
                                "the mayor met the Harbour Council of Churches, which opened a shelter in 1991.")
    assert texts["in 1962"] == "Ana Reyes left the island in 1962 when she was 4."
    # "the case" is no name, "Harbour Council of Churches" is longer than the words before ", which":
    # the sentence stays whole
    assert texts["next month"].startswith("The family will wait for a ruling")



def _analyzed_timeline(paragraphs: list[str], published: dt.date) -> list:
    """The digest timeline entries of an article run through the real analysis (spaCy, tagger)."""
    from digesthub.analyze import analyze

    article = Article("t", "T", [Paragraph(n, text) for n, text in enumerate(paragraphs, 1)], published=published)
    return article_timeline(analyze(article)).entries


def _texts_by_value(paragraphs: list[str], published: dt.date) -> dict[str, str]:
    """The analyzed article's timeline as {date value: entry text}."""
    return {entry.date.value: entry.text for entry in _analyzed_timeline(paragraphs, published)}


def test_a_wire_dateline_is_no_part_of_a_timeline_entry() -> None:
    entries = _analyzed_timeline([
        "BEIJING, May 21 (Reuters) - Baidu said on Tuesday it would make two of its models "
        "free to use, intensifying a price war among Chinese tech companies.",
        "The company first released its chatbot in March 2023, months after ChatGPT."], dt.date(2024, 5, 21))
    texts = [entry.text for entry in entries]
    assert any(text.startswith("Baidu said on Tuesday") for text in texts)
    assert not any("Reuters" in text or "BEIJING" in text for text in texts)


def test_a_record_baseline_and_a_speakers_tomorrow_date_nothing() -> None:
    entries = _analyzed_timeline([
        "The earthquake was the strongest to hit the island since 1770, officials said on Sunday.",
        "The minister visited the city on Saturday and promised that the country would help "
        "\"today, tomorrow and for the time ahead.\""], dt.date(2010, 1, 17))
    values = [entry.date.value for entry in entries]
    assert "1770" not in values and "2010-01-18" not in values
    assert "2010-01-16" in values


def test_a_sentence_with_two_month_dates_is_news_of_the_later_one() -> None:
    entries = _analyzed_timeline([
        "Baichuan, the start-up founded by Wang Xiaochuan in April 2023, said in December that it "
        "would focus on healthcare applications after raising 5 billion yuan.",
        "Analysts expect consolidation in the second half of next year."], dt.date(2025, 1, 20))
    values = [entry.date.value for entry in entries]
    assert "2024-12" in values and "2023-04" not in values  # April has 30 days, December 31: one granularity


def test_a_date_after_up_from_an_amount_is_the_comparisons_baseline() -> None:
    entries = _analyzed_timeline([
        "The company said on Monday it had hired a new finance chief from a rival bank.",
        "Velmora reported revenue of 438 million euros in 2024, up from 124 million euros in 2023, "
        "but its net loss widened."], dt.date(2025, 3, 12))
    values = [entry.date.value for entry in entries]
    assert "2023" not in values and "2024" in values, values


def test_a_date_after_a_multiple_is_the_comparisons_baseline() -> None:
    entries = _analyzed_timeline([
        "Velmora said on Monday it had closed a new funding round.",
        "The round values the company at about 8 billion euros, more than double its valuation in late 2024.",
        "Its sales in 2024 were three times the level of 2021."], dt.date(2025, 9, 18))
    values = [entry.date.value for entry in entries]
    assert values == ["2024", "2025-09-15"], values
    assert "three times" in entries[0].text


def test_a_clause_after_a_place_that_follows_a_noun_keeps_its_sentence_whole() -> None:
    texts = _texts_by_value([
        "Velmora will build robots at a new factory in Dongguan, which is expected to open in the first "
        "half of next year."], dt.date(2025, 9, 18))
    assert texts["2026-H1"].startswith("Velmora will build robots"), texts


def test_a_which_clause_after_a_name_and_its_bracketed_chinese_name_is_its_own_event() -> None:
    texts = _texts_by_value([
        "Beijing-based Velmora Technology (云帆科技), which spun out of a university lab in March 2023, said "
        "this week it had raised 50 million dollars."], dt.date(2025, 1, 16))
    assert texts.get("2023-03") == "Velmora Technology spun out of a university lab in March 2023.", texts


def test_two_clauses_each_opening_on_its_own_date_are_two_events() -> None:
    texts = _texts_by_value([
        "In December, the Velmora Commission added 140 firms to its blacklist, and in January it announced "
        "new rules on chip sales."], dt.date(2025, 8, 8))
    assert texts.get("2024-12") == "In December, the Velmora Commission added 140 firms to its blacklist.", texts
    assert texts.get("2025-01") == "In January the Velmora Commission announced new rules on chip sales.", texts


def test_a_but_clause_with_its_own_subject_and_date_is_its_own_event() -> None:
    texts = _texts_by_value([
        "Velmora allowed driverless ferries on some routes in the first half of 2023, but a collision "
        "involving a Kestrel ferry in the harbour in December prompted a review."], dt.date(2025, 6, 12))
    assert texts.get("2023-H1") == "Velmora allowed driverless ferries on some routes in the first half of 2023.", texts
    assert texts.get("2024-12", "").startswith("A collision involving a Kestrel ferry"), texts


def test_an_elliptical_second_clause_shares_the_sentences_subject() -> None:
    texts = _texts_by_value([
        "The Velmora Commission in April tightened rules on chip exports, and in late October added "
        "fourteen firms to its list."], dt.date(2025, 11, 20))
    assert texts.get("2025-10") == "In late October the Velmora Commission added fourteen firms to its list.", texts


def test_a_pronoun_after_an_opening_time_phrase_is_named() -> None:
    texts = _texts_by_value([
        "Mara Quint is the founder and chief executive of Velmora, a maker of electric ferries.",
        "In 2019 she left her job at a shipyard to found the company.",
        "Velmora has raised 40 million euros from investors.",
        "Last summer it closed a 25 million euro round that valued the company at 200 million euros."],
        dt.date(2026, 11, 24))
    assert texts.get("2019") == "In 2019 Mara Quint left her job at a shipyard to found the company.", texts
    assert texts.get("2026-SU", "").startswith("Last summer Velmora closed a 25 million euro round"), texts


def test_a_short_sentence_with_one_date_per_clause_but_no_break_stays_whole() -> None:
    entries = _analyzed_timeline([
        "Velmora, founded in 2019, said in March that sales had doubled."], dt.date(2025, 8, 8))
    assert all(entry.text.startswith("Velmora, founded in 2019") for entry in entries), entries


def test_a_relative_clause_about_a_titled_person_is_its_own_event() -> None:
    texts = _texts_by_value([
        "Velmora said on Monday that sales had fallen for a third quarter.",
        "Velmora Chief Executive Mara Quint, who took over in the first half of 2024, has promised to cut "
        "costs by 3 billion euros by mid-2027."], dt.date(2026, 1, 14))
    assert texts.get("2024-H1", "").startswith("Mara Quint took over in the first half of 2024"), texts
    assert "2027" in "".join(texts), texts


def test_a_closing_attributions_date_only_says_when_it_was_told() -> None:
    entries = _analyzed_timeline([
        "Velmora released its new translation model in July, founder Li Wen said on Monday.",
        "Baichuan, the start-up founded by Wang Xiaochuan in April 2023, said in December that it "
        "would focus on healthcare applications."], dt.date(2025, 8, 6))
    values = [entry.date.value for entry in entries]
    assert "2025-07" in values and "2025-08-04" not in values, values
    assert "2024-12" in values  # an opening "said in December that ..." is the news itself


def test_a_reporting_verbs_date_gives_way_to_the_date_of_what_was_reported() -> None:
    entries = _analyzed_timeline([
        "Velmora said in a statement on Tuesday that its robot set a running record in March.",
        "Analysts expect more records next year."], dt.date(2025, 7, 10))
    values = [entry.date.value for entry in entries]
    assert "2025-03" in values and "2025-07-08" not in values, values


def test_two_days_in_one_sentence_file_it_under_the_later_day_whatever_their_order() -> None:
    entries = _analyzed_timeline([
        "Opposition leader Mara Quint conceded defeat on Thursday, three days after the commission declared "
        "Ivo Brandt the winner of the Aug. 15 run-off.", "Observers praised the vote."], dt.date(2027, 8, 19))
    values = [entry.date.value for entry in entries]
    assert "2027-08-19" in values and "2027-08-15" not in values, values


def test_a_clause_is_not_cut_out_of_a_quotation() -> None:
    text = ("Speaking at a briefing in the city, the chief executive of the company said: \"Our new production "
            "line will begin its trial runs in 2027, and the cells it makes will not be cheap for years after that.\"")
    start = text.index("2027")
    expression = TimeExpression(start, start + 4, "2027", "DATE", "2027")
    assert event_clause(Sentence(0, len(text), text, 1), expression) == text


def test_the_date_a_source_came_out_gives_way_to_the_date_of_what_it_reports() -> None:
    entries = _analyzed_timeline([
        "Velmora delivered 40,000 cars in December, a record for the company, according to figures "
        "released at the beginning of this month."], dt.date(2026, 1, 12))
    values = [entry.date.value for entry in entries]
    assert values == ["2025-12"], values


def test_two_clauses_each_with_its_subject_and_its_date_are_two_events() -> None:
    texts = _texts_by_value([
        "Mara Quint set up Orion Capital in 2015, and the hedge fund managed about 60 billion yuan at its "
        "peak in 2021."], dt.date(2026, 4, 22))
    assert set(texts) == {"2015", "2021"}
    assert texts["2021"].startswith("The hedge fund managed") and "2021" not in texts["2015"]


def test_a_company_named_after_the_first_clauses_pronoun_is_not_what_the_second_it_means() -> None:
    texts = _texts_by_value([
        "Velmora has been expanding through acquisitions.",
        "In 2005 it bought Orbis Corp's personal computer business for $1.75 billion, and in 2014 it bought "
        "Orbis Corp's server business for $2.1 billion."], dt.date(2026, 1, 14))
    assert "Orbis Corp bought" not in texts.get("2014", ""), texts


def test_a_release_then_with_the_rules_set_to_take_effect_are_two_events() -> None:
    texts = _texts_by_value([
        "The Velmora regulator on Wednesday released a revised regulation requiring platforms to label "
        "generated content, with the new rules set to take effect on March 1, 2027."], dt.date(2026, 11, 12))
    assert texts.get("2026-11-11") == ("The Velmora regulator on Wednesday released a revised regulation requiring "
                                       "platforms to label generated content."), texts
    assert texts.get("2027-03-01", "").endswith("set to take effect on March 1, 2027."), texts


def test_a_which_clause_of_a_name_opening_with_the_is_its_own_event() -> None:
    texts = _texts_by_value([
        "The Velmora Union's Robot Act, which entered into force in August 2024, also requires makers to "
        "mark their machines, with those duties applying from August 2026."], dt.date(2026, 11, 12))
    assert texts.get("2024-08") == "The Velmora Union's Robot Act entered into force in August 2024.", texts


def test_a_scene_setting_opening_is_no_event_and_no_card_description() -> None:
    from digesthub.analyze import analyze
    from digesthub.digester.cards import build_cards

    paragraphs = [
        "On a wet Thursday evening in the old harbour district, the workshop of Velmora is nearly empty.",
        "Mara Quint is the founder of Velmora, a start-up that builds small electric ferries for city rivers.",
        "Velmora has raised 40 million euros from investors and sold twelve ferries to three cities.",
        "In March Velmora opened a second yard, and it expects to break even in 2028.",
    ]
    article = Article("t", "The founder who wants to electrify city ferries",
                      [Paragraph(n, text) for n, text in enumerate(paragraphs, 1)], published=dt.date(2026, 11, 26))
    annotated = analyze(article)
    entries = article_timeline(annotated).entries
    assert all(citation.paragraph != 1 for entry in entries for citation in entry.citations), entries
    card = next(c for c in build_cards(annotated) if c.name == "Velmora")
    assert "Thursday evening" not in card.description, card.description


def test_two_verbs_of_one_subject_each_with_its_date_are_two_events() -> None:
    texts = _texts_by_value([
        "Velmora Marine builds electric ferries for city rivers and has sold twelve of them to three cities.",
        "Velmora Marine plans to open an office in Oslo in the first half of next year and expects to break "
        "even in 2028."], dt.date(2026, 11, 24))
    assert texts.get("2027-H1") == "Velmora Marine plans to open an office in Oslo in the first half of next year.", texts
    assert texts.get("2028") == "Velmora Marine expects to break even in 2028.", texts


def test_an_opening_it_is_the_company_the_sentence_before_is_about() -> None:
    texts = _texts_by_value([
        "Founded in 2014 by Mara Quint, Velmora Motors sold 15,000 cars in 2022, more than any rival that year. "
        "But it never turned a profit, and its losses widened to 6.9 billion yuan in 2023."], dt.date(2026, 10, 9))
    assert texts.get("2023", "").startswith("Velmora Motors never turned a profit"), texts
    # "It was ..." is as often the situation as the company: left as written
    entries = _analyzed_timeline([
        "Velmora Motors cut its prices twice in 2024 to win back buyers. It was a hard time for the industry in "
        "2025, analysts said."], dt.date(2026, 10, 9))
    assert not any(entry.text.startswith("Velmora Motors was") for entry in entries), entries


def test_a_founders_appositive_in_the_opening_phrase_is_not_the_subject_it_stands_for() -> None:
    texts = _texts_by_value([
        "Founded in March 2023 by Tomas Berg, a Delft University graduate who later studied at Kyoto University, "
        "Velmora Labs has become a closely watched start-up. Its chatbot, launched in October 2023, reads whole "
        "books in one prompt."], dt.date(2024, 2, 20))
    assert texts.get("2023-10", "").startswith("Velmora Labs' chatbot, launched in October 2023"), texts


def test_news_said_on_a_day_is_that_days_when_the_sentences_other_date_is_a_plan() -> None:
    entries = _analyzed_timeline([
        "Velmora Robotics said on Tuesday it had completed its pre-listing tutoring with the regulator, clearing "
        "the way for a share sale as early as the fourth quarter.",
        "Velmora's revenue exceeded 1 billion yuan in 2024, its founder told a state broadcaster in March."],
        dt.date(2025, 6, 10))
    by_text = {entry.text: entry.date.value for entry in entries}
    assert by_text.get(next(t for t in by_text if t.startswith("Velmora Robotics said"))) == "2025-06-10", by_text
    # "..., its founder told a broadcaster in March": March is when it was told, 2024 the news
    assert by_text.get(next(t for t in by_text if "1 billion" in t)) == "2024", by_text


def test_the_second_verb_of_a_reported_clause_keeps_the_reported_subject() -> None:
    texts = _texts_by_value([
        "Velmora Labs makes medical chatbots for hospitals in three provinces.",
        "Tomas Berg said the company would release a model for doctors in the first quarter of next year and "
        "aims to break even by the end of 2027."], dt.date(2025, 11, 3))
    assert texts.get("2027") == "Tomas Berg said the company aims to break even by the end of 2027.", texts
    assert texts.get("2026-Q1", "").endswith("in the first quarter of next year."), texts


def test_a_which_clause_after_the_company_dates_what_it_says_of_the_company() -> None:
    texts = _texts_by_value([
        "Velmora Motors reported a record quarterly profit on Tuesday as deliveries of its sedan surged.",
        "The company, which launched the Velmora S7 sedan in March last year, plans to start selling cars in "
        "Europe in 2027."], dt.date(2025, 11, 18))
    assert texts.get("2024-03") == "Velmora Motors launched the Velmora S7 sedan in March last year.", texts
    assert "Europe in 2027" in texts.get("2027", ""), texts


def test_an_age_between_the_subject_and_two_dated_verbs_keeps_both_events() -> None:
    texts = _texts_by_value([
        "Velmora Motors sells cars in six countries and employs 30,000 people.",
        "Tomas Berg, 55, founded Velmora Motors in 2010 with seven co-founders and took it public in Hong Kong "
        "in July 2018."], dt.date(2025, 11, 18))
    assert texts.get("2010", "").startswith("Tomas Berg, 55, founded Velmora Motors in 2010"), texts
    assert texts.get("2018-07") == "Tomas Berg took Velmora Motors public in Hong Kong in July 2018.", texts


def test_a_date_in_an_apposition_clause_dates_what_it_says_of_the_name_and_the_main_date_stays() -> None:
    years = [("In 2015", "2015", D(2015, 1, 1), D(2015, 12, 31)), ("in 2021", "2021", D(2021, 1, 1), D(2021, 12, 31))]
    article = _dated("h", ["In 2015 the engineer co-founded Kestrel Capital, a quantitative hedge fund that managed "
                           "more than 100 billion yuan at its peak in 2021."], D(2025, 5, 6), years)
    texts = {e.date.text: e.text for e in article_timeline(article).entries}
    assert texts["in 2021"] == "Kestrel Capital managed more than 100 billion yuan at its peak in 2021."
    assert texts["In 2015"].startswith("In 2015 the engineer co-founded Kestrel Capital")


def test_an_opening_the_company_and_the_it_after_it_are_written_as_the_company() -> None:
    years = [("last year", "2024", D(2024, 1, 1), D(2024, 12, 31)), ("in 2025", "2025", D(2025, 1, 1), D(2025, 12, 31))]
    article = _dated("o", ["Orion Dynamics raised $700 million on Monday.",
                           "The company posted a net loss of $90 million last year. It expects revenue to triple in 2025."],
                     D(2025, 3, 18), years)
    start = article.article.text.index("Orion Dynamics")
    mention = Mention(start, start + 14, "Orion Dynamics", "ORG", 1)
    article.entities = [EntityRef("Orion Dynamics", "ORG", [], [mention], 0.9)]
    article.mentions = [mention]
    texts = {e.date.text: e.text for e in article_timeline(article).entries}
    assert texts["last year"] == "Orion Dynamics posted a net loss of $90 million last year."
    assert texts["in 2025"] == "Orion Dynamics expects revenue to triple in 2025."


def test_part_of_a_year_is_its_own_date_and_a_based_company_opening_is_named() -> None:
    from digesthub.digester.timeline_events import date_key

    nine = TimeExpression(0, 5, "the first nine months of the year", "DATE", "2025", None, D(2025, 1, 1), D(2025, 9, 30))
    year = TimeExpression(0, 5, "this year", "DATE", "2025", None, D(2025, 1, 1), D(2025, 12, 31))
    assert date_key(nine) != date_key(year) and date_key(year) == "2025"
    years = [("this year", "2025", D(2025, 1, 1), D(2025, 12, 31))]
    article = _dated("s", ["Orion Dynamics plans to double output next month.",
                           "The Shenzhen-based company has told customers it can supply 300,000 chips this year."],
                     D(2025, 10, 21), years)
    start = article.article.text.index("Orion Dynamics")
    mention = Mention(start, start + 14, "Orion Dynamics", "ORG", 1)
    article.entities, article.mentions = [EntityRef("Orion Dynamics", "ORG", [], [mention], 0.9)], [mention]
    [entry] = article_timeline(article).entries
    assert entry.text.startswith("Orion Dynamics has told customers")


def test_two_dated_past_verbs_of_a_pronoun_or_the_company_are_two_events() -> None:
    texts = _texts_by_value([
        "Marta Kowal, the founder of Brightwell Labs, has returned to run the company.",
        "Kowal studied chemistry in Warsaw. She moved to Berlin in March 2019 and met her co-founder in Munich in "
        "February 2020.",
        "The company raised 40 million euros in a round led by Norrow Ventures in late 2021 and opened a plant in "
        "Gdansk in April this year."], dt.date(2023, 7, 10))
    assert texts.get("2019-03", "").endswith("moved to Berlin in March 2019."), texts
    assert texts.get("2020-02", "").endswith("met her co-founder in Munich in February 2020."), texts
    assert "Munich" not in texts["2019-03"] and "Berlin" not in texts["2020-02"]
    assert texts.get("2021", "").endswith("in late 2021."), texts
    assert texts.get("2023-04", "").endswith("opened a plant in Gdansk in April this year."), texts
