"""Ingest: paragraphs, boilerplate, metadata and bad input, from general rules."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest

from digesthub.errors import DigesthubError, InputError
from digesthub.ingest import iter_articles, read_article
from digesthub.ingest.boilerplate import classify_lines, is_furniture, split_authors

BODY = ("The city council approved the new budget on Tuesday after a long debate about transport. "
        "Officials said the plan would add three bus lines and repair forty bridges over five years.")
BODY2 = ("Critics argued the spending was too high, while supporters pointed to rising ridership. "
         "The mayor is expected to sign the measure next week, according to her office.")


def test_plain_text_paragraphs_are_numbered_in_order():
    article = read_article(f"Budget passes\n\n{BODY}\n\n{BODY2}\n")
    assert article.title == "Budget passes"
    assert [p.number for p in article.paragraphs] == [1, 2]
    assert article.paragraphs[1].text.startswith("Critics argued")


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = BODY.replace(" after ", "\nafter ").replace(" bus ", "\nbus ")
    article = read_article(f"{wrapped}\n\n{BODY2}\n")
    assert len(article.paragraphs) == 2
    assert "after a long debate" in article.paragraphs[0].text


def test_furniture_and_menus_are_not_paragraphs():
    text = "\n".join([
        "Listen to the full version", BODY,
        "Get 30% off with a group subscription — ideal for teams.",
        "- NEWSLETTER", "- MOST READ", BODY2, "Advertisement"])
    article = read_article(text)
    assert [p.text for p in article.paragraphs] == [BODY, BODY2]


def test_publisher_digest_block_is_removed():
    text = "\n".join([
        BODY, BODY2, "- KEY POINTS", "- The council passed a budget.", "- Critics object to costs.",
        "The council passed the budget [para. 1]. Critics objected [para. 2].",
        "- City Council", "The city's legislative body approved spending.",
        "- Tuesday:", "- Budget approved"])
    article = read_article(text)
    assert len(article.paragraphs) == 2
    assert all("[para." not in p.text for p in article.paragraphs)


def test_metadata_lines_become_fields():
    text = "\n".join([
        "Source: Example Daily", "【Example Daily reporter, Ana Ruiz, Li Wei】" + BODY, BODY2,
        "Original text: https://example.com/story/1",
        "Statement: This article represents the views of the author."])
    article = read_article(text)
    assert article.source == "Example Daily"
    assert article.authors == ["Ana Ruiz", "Li Wei"]
    assert article.original_url == "https://example.com/story/1"
    assert article.paragraphs[0].text == BODY
    assert len(article.paragraphs) == 2
    assert "statement" in article.metadata


def test_title_line_is_the_title_even_when_long():
    headline = "Chinese Chip Designer Files for Shanghai Listing After Raising 4.5 Billion Yuan From State Investors"
    article = read_article("\n".join([f"Title: {headline}", "Source: Example Daily", BODY, BODY2]))
    assert article.title == headline
    assert [p.text for p in article.paragraphs] == [BODY, BODY2]


def test_a_by_line_written_with_a_capital_is_the_byline():
    for line in ("By Wang Xintong and Luo Yuqing", "BY Wang Xintong and Luo Yuqing"):
        article = read_article("\n".join(["Title: Robots raise money", line, BODY, BODY2]))
        assert article.authors == ["Wang Xintong", "Luo Yuqing"]
        assert len(article.paragraphs) == 2
    # a sentence opening with "By" is body text
    assert read_article("\n".join(["By Monday, the company had sold 5,000 units of its new robot.", BODY])).authors == []


def test_split_authors_drops_roles():
    assert split_authors("Staff reporter, Jo Park and Sam Lee") == ["Jo Park", "Sam Lee"]
    # the role word can stand before the first name, in the same piece
    assert split_authors("City Daily reporters Mei Tan and Oskar Lind") == ["Mei Tan", "Oskar Lind"]
    assert split_authors("Ann Ward, staff writer") == ["Ann Ward"]


def test_is_furniture_keeps_real_sentences_about_subscriptions():
    sentence = ("Netflix said its subscription revenue rose 12% in the quarter as more households "
                "joined its cheaper plan with advertising, beating analysts' forecasts by a wide margin.")
    assert not is_furniture(sentence)


def test_section_headings_are_kept_out_of_paragraphs():
    parts = classify_lines([BODY, "A new era for buses", BODY2])
    assert parts.body == [BODY, BODY2]
    assert parts.headings == ["A new era for buses"]


def test_html_page_article_and_metadata():
    html = f"""<html><head><title>Budget passes</title><meta name="author" content="Ana Ruiz">
    <meta property="article:published_time" content="2024-05-02T10:00:00Z"></head><body>
    <nav><ul><li>Home</li><li>World</li></ul></nav><article><h1>Budget passes</h1>
    <p>{BODY}</p><p>{BODY2}</p><div>Subscribe now for 50% off</div></article>
    <footer>Copyright 2024 Example</footer></body></html>"""
    article = read_article(html.encode("utf-8"))
    assert article.title == "Budget passes"
    assert article.published == dt.date(2024, 5, 2)
    assert [p.text for p in article.paragraphs] == [BODY, BODY2]
    assert article.authors == ["Ana Ruiz"]


def test_the_site_named_after_the_headline_in_the_page_title_is_the_source():
    page = """<html><head><title>{title}</title><meta property="og:title" content="Budget - at last - passes">
    </head><body><article><h1>Budget - at last - passes</h1><p>{body}</p><p>{body2}</p></article></body></html>"""
    article = read_article(page.format(title="Budget - at last - passes | Example Daily", body=BODY, body2=BODY2))
    assert article.source == "Example Daily" and article.title == "Budget - at last - passes"
    # a title that is not the headline and a site name names no source
    assert read_article(page.format(title="Home | Example Daily", body=BODY, body2=BODY2)).source is None


def test_published_override_and_bad_date():
    article = read_article(f"{BODY}\n{BODY2}", published="2025-01-15")
    assert article.published == dt.date(2025, 1, 15)
    with pytest.raises(InputError, match="E012"):
        read_article(f"{BODY}\n{BODY2}", published="someday")


def test_jsonl_records_and_ids(tmp_path):
    path = tmp_path / "batch.jsonl"
    records = [{"id": "r1", "title": "One", "text": f"{BODY}\n\n{BODY2}", "date": "2024-02-03"},
               {"id": "r2", "text": "too short"},
               {"id": "r3", "headline": "Three", "body": f"{BODY2}\n\n{BODY}"}]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    errors: list[DigesthubError] = []
    articles = list(iter_articles(path, on_error=errors.append))
    assert [a.id for a in articles] == ["r1", "r3"]
    assert articles[0].published == dt.date(2024, 2, 3) and articles[1].title == "Three"
    assert len(errors) == 1 and errors[0].code == "E010"


def test_rss_feed_entries(tmp_path):
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>
    <item><title>First</title><link>https://example.com/1</link><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>
    <description>&lt;p&gt;{BODY}&lt;/p&gt;&lt;p&gt;{BODY2}&lt;/p&gt;</description></item></channel></rss>"""
    path = tmp_path / "feed.xml"
    path.write_text(feed, encoding="utf-8")
    (article,) = list(iter_articles(path))
    assert article.title == "First" and article.published == dt.date(2024, 1, 2)
    assert article.source == "Example News" and len(article.paragraphs) == 2


@pytest.mark.parametrize(("data", "code"), [
    (b"", "E001"), (b"   \n\t ", "E001"), (b"\x00\x01\x02binary\x00", "E002"), (b"%PDF-1.7 rest", "E002"),
    (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "E004"),
    ("Dies ist ein Artikel über die Wirtschaft in Berlin und die Politik der Regierung. ".encode() * 8, "E006"),
    ("这是一篇关于中国经济发展和人工智能产业的新闻文章，内容涉及多家公司。".encode() * 10, "E006"),
    (b"Too short to digest.", "E010"),
])
def test_bad_input_errors_name_the_problem(data, code):
    with pytest.raises(InputError) as info:
        read_article(data)
    assert info.value.code == code


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 40)
    with pytest.raises(InputError) as info:
        read_article(path)
    assert info.value.code in {"E002", "E005"}


def test_forced_encoding(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(f"{BODY} Café prices rose.\n{BODY2}".encode("latin-1"))
    article = read_article(path, encoding="latin-1")
    assert "Café" in article.text


def test_size_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("DIGESTHUB_MAX_BYTES", "1000")
    path = tmp_path / "big.txt"
    path.write_text((BODY + "\n") * 50, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_article(path)
    assert info.value.code == "E003"


def test_missing_file():
    with pytest.raises(InputError) as info:
        read_article("/nonexistent/article.txt")
    assert info.value.code == "E007"


def test_gzip_text_is_read_like_the_text(tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(f"{BODY}\n\n{BODY2}".encode()))
    assert [p.text for p in read_article(path).paragraphs] == [BODY, BODY2]


def test_gzip_inside_gzip_is_refused_as_binary(tmp_path):
    path = tmp_path / "a.txt.gz.gz"
    path.write_bytes(gzip.compress(gzip.compress(BODY.encode())))
    with pytest.raises(InputError, match="gzip") as info:
        read_article(path)
    assert info.value.code == "E002"


def test_samples_boilerplate_not_numbered(caixin_path, globaltimes_path):
    for path in (caixin_path, globaltimes_path):
        article = read_article(path)
        texts = [p.text for p in article.paragraphs]
        for text in texts:
            assert "[para." not in text
            assert not text.startswith(("Source:", "Original text:", "Statement:", "- ", "【"))
            assert "subscription" not in text.lower() and "listen to the full" not in text.lower()
    caixin = read_article(caixin_path)
    assert caixin.title and caixin.title.startswith("Cover Story")
    gt = read_article(globaltimes_path)
    assert gt.source == "Global Times" and len(gt.authors) == 2
    assert gt.original_url and gt.original_url.startswith("https://")


def test_a_batch_file_may_exceed_the_article_limit_but_each_article_may_not(tmp_path, monkeypatch):
    monkeypatch.setenv("DIGESTHUB_MAX_BYTES", "3000")
    body = ("The council approved the new budget for the harbour district on Tuesday after a long "
            "debate about housing, transport and the cost of repairs to the old sea wall. ")
    records = [{"id": f"a{n}", "title": f"Budget {n}", "text": body * 4} for n in range(5)]
    records.append({"id": "huge", "title": "Huge", "text": body * 40})
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    assert batch.stat().st_size > 3000
    with pytest.raises(InputError) as refused:
        read_article(batch)  # one article's limit applies to a single read
    assert refused.value.code == "E003"
    errors: list[DigesthubError] = []
    ids = [a.id for a in iter_articles(batch, on_error=errors.append)]
    assert len(ids) == 5 and len(errors) == 1
    assert errors[0].code == "E003" and "huge" in str(errors[0])
    monkeypatch.setenv("DIGESTHUB_MAX_BATCH_BYTES", "4000")
    with pytest.raises(InputError):
        list(iter_articles(batch))


def test_a_record_with_an_empty_text_field_says_so(tmp_path):
    batch = tmp_path / "r.jsonl"
    batch.write_text('{"id": "x", "text": "  "}\n{"id": "y", "title": "only a title"}\n', encoding="utf-8")
    errors: list[DigesthubError] = []
    assert list(iter_articles(batch, on_error=errors.append)) == []
    assert "'text' field is empty" in str(errors[0])
    assert "no text field" in str(errors[1])


def test_a_long_headline_or_one_asking_a_question_is_the_title() -> None:
    long_headline = ("Regional Lender Wins Approval to Buy Two Rivals as Smaller Banks Race to Merge "
                     "Before New Capital Rules Take Effect")  # 20 words: longer than a section heading
    for headline in (long_headline, "Can Cheap Batteries Save the Electric Bus?"):
        article = read_article("\n".join([headline, BODY, BODY2]))
        assert article.title == headline
        assert [p.text for p in article.paragraphs] == [BODY, BODY2]


def test_a_publication_name_under_the_headline_is_the_source() -> None:
    for masthead in ("Harbour City Times", "The Northern Daily", "Meridian Business Review"):
        article = read_article("\n".join(["Budget passes", masthead, "By Ana Ruiz", BODY, BODY2]))
        assert article.source == masthead
        assert article.authors == ["Ana Ruiz"]
        assert [p.text for p in article.paragraphs] == [BODY, BODY2]
    # a section label under the headline is no publication
    article = read_article("\n".join(["Budget passes", "City Politics", BODY, BODY2]))
    assert article.source is None


def test_a_date_alone_under_the_headline_is_the_publication_date() -> None:
    for line, expected in (("November 4, 2026", dt.date(2026, 11, 4)), ("Nov. 4, 2026", dt.date(2026, 11, 4)),
                           ("Wednesday, November 4, 2026 10:31 AM ET", dt.date(2026, 11, 4)),
                           ("2026-11-04", dt.date(2026, 11, 4))):
        article = read_article("\n".join(["Budget passes", "By Ana Ruiz", line, BODY, BODY2]))
        assert article.published == expected, line
        assert [p.text for p in article.paragraphs] == [BODY, BODY2]
    # a short body line that opens with a date is body text
    article = read_article("\n".join(["Budget passes", "May 2026 sales rose by a third", BODY]))
    assert article.published is None


def test_a_header_line_joining_byline_and_date_gives_both_fields() -> None:
    for line in ("By Ana Ruiz | Published: 2024-02-20", "By Ana Ruiz · Updated February 20, 2024",
                 "By Ana Ruiz | February 20, 2024"):
        article = read_article("\n".join(["Budget passes", line, BODY, BODY2]))
        assert article.published == dt.date(2024, 2, 20), line
        assert article.authors == ["Ana Ruiz"], line
        assert [p.text for p in article.paragraphs] == [BODY, BODY2], line
    # a body sentence with a bar in it stays body text
    sentence = "Sales rose 5% | analysts had expected a fall, said Ana Ruiz of the bank."
    assert read_article("\n".join([sentence, BODY])).paragraphs[0].text == sentence


def test_a_wire_credit_line_is_no_paragraph():
    for credit in ("(Reporting by Jo Park in Seoul and Sam Lee in Tokyo; Editing by Kim Ray)",
                   "Additional reporting by Jo Park; Writing by Sam Lee; Editing by Kim Ray",
                   "Associated Press writer Jo Park in Paris contributed to this report."):
        parts = classify_lines([BODY, credit, BODY2])
        assert parts.body == [BODY, BODY2], credit
    # prose that mentions reporting stays
    sentence = "Reporting by local outlets suggested the plant would close, but the company denied it."
    assert classify_lines([BODY, sentence]).body == [BODY, sentence]
