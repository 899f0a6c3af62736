"""Timeline rules taken from the TLS literature (news-tls DATEWISE), on invented sentences."""

from __future__ import annotations

import datetime as dt

from digesthub.digester.timeline import _date_centroid, build_timeline
from digesthub.types import Article, Paragraph

D = dt.date


def test_date_centroid_keeps_only_words_mentions_and_leads_share() -> None:
    mentions = [{"verdict": 0.8, "jury": 0.6}, {"verdict": 0.6, "weather": 0.8}]
    leads = [{"verdict": 0.6, "football": 0.8}, {"jury": 1.0}]
    centroid = _date_centroid(mentions, leads)
    assert set(centroid) == {"verdict", "jury"}
    assert centroid["verdict"] > centroid["jury"] > 0


def test_date_centroid_with_one_side_empty_is_that_side_mean() -> None:
    mentions = [{"verdict": 1.0}, {"storm": 1.0}]
    assert set(_date_centroid(mentions, [])) == {"verdict", "storm"}
    assert set(_date_centroid(mentions, [{"football": 1.0}])) == {"verdict", "storm", "football"}


def _article(uid: str, published: D, *paragraphs: str) -> Article:
    return Article(uid, None, [Paragraph(i, p) for i, p in enumerate(paragraphs, 1)], published)


def test_date_summary_prefers_the_sentence_on_what_mentions_and_leads_share() -> None:
    articles = [
        _article("a", D(2020, 3, 6), "The jury returned a guilty verdict against the mayor on 5 March 2020 after a long trial."),
        _article("b", D(2020, 3, 9), "The mayor was found guilty by the jury on 5 March 2020, his lawyer said."),
        _article("c", D(2020, 3, 5), "The jury found the mayor guilty of fraud in a verdict read out in court.",
                 "Heavy rain flooded the town centre and closed the football ground for the weekend."),
    ]
    timeline = build_timeline(articles, max_dates=1, sentences_per_date=1, days_only=True)
    assert [e.date.first_day for e in timeline.entries] == [D(2020, 3, 5)]
    assert "rain" not in timeline.entries[0].text


def test_a_page_timestamp_is_no_date_mention_and_is_cut_from_the_lead() -> None:
    from digesthub.digester.timeline_events import annotate_light, article_events

    stamped = _article("s", D(2021, 4, 13),
                       "Page last updated at 08:14 GMT, Tuesday, 13 April 2021 09:14 UK The council "
                       "closed the old bridge to all traffic after engineers found deep cracks.")
    events = article_events(annotate_light(stamped))
    assert events and all(not e.stated for e in events)  # the stamp's date is not a mention
    assert events[0].text.startswith("The council closed the old bridge")


def test_a_date_near_other_words_for_updated_still_counts() -> None:
    from digesthub.digester.timeline_events import annotate_light, article_events

    plain = _article("p", D(2021, 4, 20),
                     "The council updated its flood plan on 13 April 2021 after engineers found deep cracks.")
    events = article_events(annotate_light(plain))
    assert [e.day for e in events if e.stated] == [D(2021, 4, 13)]


def _stated(text: str) -> list[str]:
    from digesthub.digester.timeline_events import annotate_light, article_events

    events = article_events(annotate_light(_article("m", D(2020, 5, 5), text)))
    return [e.date.value for e in events if e.stated]


def test_a_year_or_decade_modifying_a_noun_is_no_event_date() -> None:
    assert _stated("He crashed his 1987 Chevrolet into a wall at the race track.") == []
    assert "195" not in _stated("The actress, the 1950s pin-up queen, died in hospital on Monday.")


def test_a_year_or_decade_that_dates_the_clause_stays() -> None:
    assert _stated("In the 1950s, she starred in twelve films for the studio.") == ["195"]
    assert _stated("The 1950s were a golden decade for the studio in Hollywood.") == ["195"]
    assert _stated("The company was founded in 2019 by two researchers in Beijing.") == ["2019"]


def test_a_verbless_list_item_does_not_file_the_sentence_under_its_date() -> None:
    text = "Greece joined the alliance in 1952, West Germany in 1955 and Spain in 1982, the alliance said."
    assert _stated(text) == ["1952"]
    # a city and its country before the date are no list item
    text = ("The company, backed by a fund until it sold its shares in 2025, started building a plant in "
            "Szeged, Hungary in October 2024.")
    assert _stated(text) == ["2025", "2024-10"]


def test_list_items_with_their_own_verbs_keep_their_dates() -> None:
    assert _stated("Prices rose in 2019, fell in 2020 and recovered in 2021 across the region.") == \
        ["2019", "2020", "2021"]
    assert _stated("Mr Smith was born in 1950, and Jones in 1955 joined the firm as a clerk.") == ["1950", "1955"]


def test_a_year_before_a_happening_still_dates_it() -> None:
    assert _stated("The 2010 earthquake killed more than 200,000 people in the capital.") == ["2010"]
    assert _stated("He lost the 2016 election by a narrow margin to his rival.") == ["2016"]
    assert _stated("She drove her 1987 Chevrolet to the 2012 summit in Seoul.") == ["2012"]
