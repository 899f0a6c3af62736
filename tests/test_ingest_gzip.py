"""Ingest of gzip-compressed files and of PTB-tokenized text (bracket and quote tokens)."""

from __future__ import annotations

import gzip
import json
import zlib

import pytest

from digesthub.errors import DigesthubError, InputError
from digesthub.ingest import iter_articles, read_article
from digesthub.ingest.gzipped import gunzip_capped
from digesthub.ingest.text import normalize_text, untokenize_ptb

BODY = ("The harbour authority opened a second container terminal on Monday after two years of work. "
        "Shipping firms said the expansion would cut waiting times for freighters by half.")
BODY2 = ("Dock workers welcomed the new jobs, while residents complained about night traffic. "
         "The authority plans a third terminal if volumes keep growing, its director said.")


def _records(*items: dict) -> bytes:
    return "\n".join(json.dumps(item) for item in items).encode("utf-8")


def test_jsonl_gz_records_become_articles(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(gzip.compress(_records(
        {"id": "t/1", "title": "Port", "date": "2010-01-12", "url": "https://example.org/1",
         "text": f"{BODY}\n\n{BODY2}"},
        {"id": "t/2", "text": ""})))
    errors: list[DigesthubError] = []
    articles = list(iter_articles(path, on_error=errors.append))
    assert [a.id for a in articles] == ["t/1"] and articles[0].title == "Port"
    assert str(articles[0].published) == "2010-01-12" and articles[0].url == "https://example.org/1"
    assert [e.code for e in errors] == ["E009"]


def test_gzip_html_and_bytes(tmp_path):
    html = f"<html><head><title>Port news</title></head><body><article><p>{BODY}</p><p>{BODY2}</p>" \
           "</article></body></html>"
    article = read_article(gzip.compress(html.encode("utf-8")))
    assert BODY in article.text and BODY2 in article.text


def test_folder_scan_takes_article_gz_but_not_tarballs(tmp_path):
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(_records({"id": "x", "text": f"{BODY}\n\n{BODY2}"})))
    (tmp_path / "b.tar.gz").write_bytes(gzip.compress(b"\x00" * 512))
    (tmp_path / "c.txt").write_text(f"{BODY2}\n\n{BODY}", encoding="utf-8")
    ids = [a.id for a in iter_articles(tmp_path)]  # the tarball would raise E002 if it were read
    assert len(ids) == 2 and ids[0] == "x"


def test_concatenated_gzip_members_are_one_file(tmp_path):
    path = tmp_path / "two.jsonl.gz"
    path.write_bytes(gzip.compress(_records({"id": "m1", "text": f"{BODY}\n\n{BODY2}"}) + b"\n")
                     + gzip.compress(_records({"id": "m2", "text": f"{BODY2}\n\n{BODY}"})))
    assert [a.id for a in iter_articles(path)] == ["m1", "m2"]


def test_gzip_bomb_is_stopped_at_the_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("DIGESTHUB_MAX_BYTES", "100000")
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a " * 5_000_000))  # 10 MB of text in ~10 kB
    assert path.stat().st_size < 100_000
    with pytest.raises(InputError) as info:
        read_article(path)
    assert info.value.code == "E013" and "100,000-byte limit" in str(info.value)


def test_decompressed_size_limit_is_exact():
    data = gzip.compress(b"x" * 1000)
    assert len(gunzip_capped(data, "<t>", 1000)) == 1000
    with pytest.raises(InputError, match="E013"):
        gunzip_capped(data, "<t>", 999)


@pytest.mark.parametrize("damage", ["truncate", "corrupt", "trailing"])
def test_damaged_gzip_is_a_clear_binary_error(damage):
    data = gzip.compress((BODY + "\n\n" + BODY2).encode())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "corrupt":
        data = data[:10] + bytes(b ^ 0xFF for b in data[10:30]) + data[30:]
    else:
        data = data + b"not gzip"
    with pytest.raises(InputError) as info:
        read_article(data)
    assert info.value.code == "E002" and "gzip" in str(info.value)


def test_gzip_of_nothing_is_empty():
    with pytest.raises(InputError, match="E001"):
        read_article(gzip.compress(b"  \n"))


def test_zlib_without_gzip_header_is_still_binary():
    with pytest.raises(InputError, match="E002"):
        read_article(zlib.compress(BODY.encode()) + b"\x00\x01")


# --------------------------------------------------------------------------- PTB tokens

@pytest.mark.parametrize(("text", "expected"), [
    ("Reuters -LRB- AP -RRB- reported", "Reuters (AP) reported"),
    ("a -LSB- sic -RSB- b -LCB- c -RCB-", "a [sic] b {c}"),
    ("he said `` we will rebuild '' today", 'he said "we will rebuild" today'),
    ("-lrb- cnn -rrb- police", "(cnn) police"),
    ("a 12'' record", 'a 12" record'),
    # not PTB tokens: left alone
    ("code ``` fence and ''' marks", "code ``` fence and ''' marks"),
    ("a ` single ' quote and (real) brackets", "a ` single ' quote and (real) brackets"),
    ("Mixed-case -Lrb- stays, as does -LRBX-", "Mixed-case -Lrb- stays, as does -LRBX-"),
])
def test_untokenize_ptb(text, expected):
    assert untokenize_ptb(text) == expected


def test_ptb_tokens_keep_line_breaks():
    assert normalize_text("Haiti -LRB-\nAP -RRB- said") == "Haiti (\nAP) said"


def test_ptb_tokens_do_not_reach_paragraphs_or_titles(tmp_path):
    tokenized = ("The United Nations -LRB- UN -RRB- said `` aid is arriving '' in Port-au-Prince on "
                 "Tuesday . Rescue teams from the Red Cross -LSB- ICRC -RSB- searched the rubble for survivors "
                 "as aftershocks shook the capital .")
    path = tmp_path / "t17.jsonl"
    path.write_bytes(_records({"id": "h/1", "title": "`` Aid '' -LRB- update -RRB-", "pub_date": "2010-01-13",
                               "text": tokenized}))
    (article,) = list(iter_articles(path))
    assert article.title == '"Aid" (update)'
    assert "The United Nations (UN) said \"aid is arriving\" in" in article.text
    assert "Red Cross [ICRC]" in article.text
    assert not any(token in article.text for token in ("-LRB-", "-RRB-", "-LSB-", "``", "''"))
