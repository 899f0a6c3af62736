"""Renderers: layout, escaping of article text, citation links, JSON round trip."""

from __future__ import annotations

import datetime as dt
import json

from digesthub.present.jsonout import render_json
from digesthub.types import (
    Article, Citation, Digest, EntityCard, Fact, KeyPoint, NamedEntity, Paragraph, Quantity, SummarySentence,
    TimeExpression, Timeline, TimelineEntry, Verification,
)

EVIL = '<script>alert("x")</script> [click](javascript:alert(1)) # heading'


def make_digest() -> Digest:
    article = Article(id="a1", title=f"Title {EVIL}", published=dt.date(2024, 12, 20), source="Daily",
                      paragraphs=[Paragraph(1, f"Acme raised money. {EVIL}"), Paragraph(2, "Acme was founded in 2019.")])
    valuation = Fact(kind="valuation", subject="Acme", text="valued at over 20 billion yuan ($2.7 billion)",
                     paragraph=1, quantity=Quantity(2e10, "CNY", "over", [Quantity(2.7e9, "USD")]))
    late_2022 = TimeExpression(0, 9, "late 2022", "DATE", "2022", "END", dt.date(2022, 9, 1), dt.date(2022, 12, 31))
    return Digest(
        article=article,
        key_points=[KeyPoint(f"Acme raised money {EVIL}", [Citation(1)])],
        summary=[SummarySentence("Acme raised money.", [Citation(1), Citation(2)], group=0, verified=True)],
        entities=[EntityCard("Acme", "organization", ["Acme Inc."], f"Acme is a firm {EVIL}.", [valuation],
                             0.9, "ORG", [Citation(1)])],
        timeline=Timeline([TimelineEntry(late_2022, "Acme was founded.", [Citation(2)])]),
        verification=Verification(2, 2, []),
        mentioned=[NamedEntity(f"Bolt {EVIL}", "ORG", [], [2], "Bolt invested.", 0.2)],
    )


def test_markdown_layout_and_citations():
    text = make_digest().to_markdown()
    order = [text.index(h) for h in ("## Digest hub", "## Summary", "## Entities", "## Timeline", "## Checks")]
    assert order == sorted(order)
    assert "Acme raised money. [para. 1][para. 2]" in text
    assert "**Late 2022** (2022 END, 2022-09-01 – 2022-12-31)" in text
    assert "20 billion CNY (≈ 2.7 billion USD)" in text
    assert "Citations verified: 2/2." in text


def test_markdown_escapes_article_text():
    text = make_digest().to_markdown()
    assert "<script>" not in text
    assert "[click](javascript" not in text
    assert "\\<script\\>" in text


def test_html_escapes_and_links_citations():
    page = make_digest().to_html()
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'href="#para-1"' in page and 'id="para-1"' in page and 'id="para-2"' in page
    assert "http" not in page.split("<body>")[1]  # standalone: no external assets or links


def test_json_is_versioned_and_round_trips():
    original = make_digest()
    document = json.loads(render_json(original))
    assert document["schema"] == "digesthub.digest" and document["schema_version"] == "1.2"
    assert document["entities"][0]["facts"][0]["quantity"]["equivalents"][0]["unit"] == "USD"
    assert document["timeline"]["entries"][0]["date"]["first_day"] == "2022-09-01"
    assert document["mentioned"][0]["paragraphs"] == [2]
    document.pop("schema")
    assert Digest.from_dict(document) == original
    # a 1.0 document (no "mentioned") still loads
    document.pop("mentioned")
    assert Digest.from_dict(document).mentioned == []


def test_names_without_a_card_are_listed_with_the_paragraph_naming_them() -> None:
    digest = make_digest()
    assert "*Also named:* Bolt \\<script\\>" in digest.to_markdown()
    assert "[para. 2]" in digest.to_markdown().split("*Also named:*")[1].split("\n")[0]
    page = digest.to_html()
    assert "Also named: Bolt &lt;script&gt;" in page and "<script>" not in page


def test_fact_value_does_not_repeat_a_detail_equal_to_the_value() -> None:
    from digesthub.present.format import fact_value
    from digesthub.types import Fact

    fact = Fact(kind="investors", subject="Kestrel", text="led by A and B", paragraph=1,
                value="A, B", details={"investors": "A, B", "round": "Series A"})
    assert fact_value(fact) == "A, B; round: Series A"


def test_a_founding_year_dated_to_the_month_reads_as_the_month() -> None:
    from digesthub.present.format import fact_value

    march = TimeExpression(0, 10, "March 2023", "DATE", "2023-03", None, dt.date(2023, 3, 1), dt.date(2023, 3, 31))
    fact = Fact(kind="founded", subject="Moonshot", text="founded in March 2023", paragraph=2,
                value="2023", date=march)
    assert fact_value(fact) == "March 2023"
    late = TimeExpression(0, 9, "late 2021", "DATE", "2021", "END", dt.date(2021, 9, 1), dt.date(2021, 12, 31))
    assert fact_value(Fact(kind="founded", subject="X", text="t", paragraph=1, value="2021", date=late)) == "Late 2021"
    # a date of another year is when the fact was stated, and stays beside the value
    other = TimeExpression(0, 4, "2024", "DATE", "2024", None, dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert fact_value(Fact(kind="founded", subject="X", text="t", paragraph=1, value="2023", date=other)) == \
        "2023; as of 2024 (2024)"


def test_facts_one_sentence_states_alike_share_a_card_line() -> None:
    from digesthub.present.format import card_fact_lines

    text = "Orion was founded in 2022 by Mara Quint and Lena Ruiz."
    year = TimeExpression(0, 4, "2022", "DATE", "2022", None, dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    facts = [Fact("founder", "Orion", text, 3, value=name, date=year) for name in ("Mara Quint", "Lena Ruiz")]
    facts.append(Fact("ceo", "Orion", text, 3, value="Mara Quint"))
    lines = [(label, value) for label, value, _ in card_fact_lines(facts, {"Orion"})]
    assert lines == [("Founder", "Mara Quint, Lena Ruiz; as of 2022 (2022)"), ("CEO", "Mara Quint")]
    # on a founder's own card the line reads from there, unmerged
    assert [v for _, v, _ in card_fact_lines(facts[:1], {"Mara Quint"})] == ["Orion; as of 2022 (2022)"]


def test_date_note_says_a_day_once_and_facts_hide_provenance() -> None:
    import datetime as dt

    from digesthub.present.format import date_note, fact_value
    from digesthub.types import Fact, TimeExpression

    day = dt.date(1998, 8, 14)
    assert date_note(TimeExpression(0, 6, "Friday", "DATE", "1998-08-14", None, day, day)) == "1998-08-14"
    assert date_note(TimeExpression(0, 13, "Friday night", "TIME", "1998-08-14TNI", None, day, day)) == \
        "1998-08-14TNI"
    late = TimeExpression(0, 9, "late 2022", "DATE", "2022", "END", dt.date(2022, 9, 1), dt.date(2022, 12, 31))
    assert date_note(late) == "2022 END, 2022-09-01 – 2022-12-31"
    year = TimeExpression(0, 4, "1949", "DATE", "1949", None, dt.date(1949, 1, 1), dt.date(1949, 12, 31))
    fact = Fact(kind="founded", subject="Harbour Trust", text="since its founding in 1949", paragraph=3,
                value="1949", date=year, details={"span": "its founding in 1949"})
    assert fact_value(fact) == "1949"


def test_html_leaves_out_empty_sections_and_capitalizes_dates() -> None:
    import dataclasses

    from digesthub.present.html import render_html
    from digesthub.types import Timeline

    page = render_html(dataclasses.replace(make_digest(), entities=[], key_points=[], mentioned=[]))
    assert "<h2>Entities</h2>" not in page and "<h2>Digest hub</h2>" not in page and "<ul></ul>" not in page
    assert "<h2>Summary</h2>" in page and "<h2>Timeline</h2>" in page
    first = make_digest().timeline.entries[0].date.text
    assert f'<span class="date">{first[:1].upper() + first[1:]}</span>' in page
    assert "<h2>Timeline</h2>" not in render_html(dataclasses.replace(make_digest(), timeline=Timeline([])))


def test_a_role_fact_reads_from_the_card_it_sits_on() -> None:
    from digesthub.present.format import card_fact
    from digesthub.types import Fact

    fact = Fact("ceo", "Harbor Lines", "Harbor Lines chief Ana Ruiz said fares would fall.", 2, value="Ana Ruiz")
    assert card_fact(fact, {"Harbor Lines"}) == ("CEO", "Ana Ruiz")
    assert card_fact(fact, {"Ana Ruiz", "Ruiz"}) == ("CEO of", "Harbor Lines")


def test_a_forecast_says_so_in_its_label_not_among_its_details() -> None:
    from digesthub.present.format import card_fact

    fact = Fact("revenue", "Orion", "It expects revenue of $6 billion.", 2, details={"status": "forecast"})
    label, value = card_fact(fact, {"Orion"})
    assert label == "Revenue (forecast)" and "status" not in value


def test_a_date_that_opened_its_sentence_reads_in_lower_case_after_as_of() -> None:
    from digesthub.present.format import fact_value

    summer = TimeExpression(0, 11, "Last summer", "DATE", "2026-SU", None, dt.date(2026, 6, 1), dt.date(2026, 8, 31))
    fact = Fact(kind="valuation", subject="X", text="Last summer it was valued at 2 billion yuan.", paragraph=3,
                date=summer)
    assert fact_value(fact) == "as of last summer (2026-SU)"
    friday = TimeExpression(0, 6, "Friday", "DATE", "2026-11-20", None, dt.date(2026, 11, 20), dt.date(2026, 11, 20))
    assert fact_value(Fact(kind="valuation", subject="X", text="t", paragraph=1, date=friday)) == \
        "as of Friday (2026-11-20)"


def test_a_period_shorter_than_its_year_shows_its_months() -> None:
    from digesthub.present.format import fact_value

    months = TimeExpression(0, 17, "January-September", "DATE", "2023", None, dt.date(2023, 1, 1), dt.date(2023, 9, 30))
    fact = Fact(kind="revenue", subject="X", text="t", paragraph=1, date=months)
    assert fact_value(fact) == "as of January-September (2023-01 – 2023-09)"
    year = TimeExpression(0, 4, "2023", "DATE", "2023", None, dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert fact_value(Fact(kind="revenue", subject="X", text="t", paragraph=1, date=year)) == "as of 2023 (2023)"


def test_a_run_of_years_and_a_fiscal_year_across_new_year_show_their_span() -> None:
    from digesthub.present.format import fact_value

    years = TimeExpression(0, 17, "2026 through 2028", "DATE", "2026", None, dt.date(2026, 1, 1), dt.date(2028, 12, 31))
    assert fact_value(Fact(kind="profit", subject="X", text="t", paragraph=1, date=years)) == \
        "as of 2026 through 2028 (2026 – 2028)"
    fiscal = TimeExpression(0, 33, "the fiscal year ending March 2025", "DATE", "2024-04", None,
                            dt.date(2024, 4, 1), dt.date(2025, 3, 31))
    assert fact_value(Fact(kind="profit", subject="X", text="t", paragraph=1, date=fiscal)) == \
        "as of the fiscal year ending March 2025 (2024-04 – 2025-03)"
