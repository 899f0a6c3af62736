"""Hostile or careless input at the user-facing entry points: a clear E-code, never a traceback,
nothing good lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digesthub.errors import DigesthubError
from digesthub.ingest import iter_articles, read_article

BODY = ("The city council of Springfield approved a new budget on Monday. Mayor Jane Smith said "
        "the plan adds 200 teachers to the public schools.\n\nThe vote was 7 to 2. Critics said "
        "the plan raises property taxes by 3 percent next year.\n")


def _errors_and_articles(path: Path) -> tuple[list[str], list[str]]:
    errors: list[DigesthubError] = []
    titles = [a.title or "" for a in iter_articles(path, on_error=errors.append)]
    return [e.code for e in errors], titles


def test_a_broken_jsonl_line_keeps_the_good_records(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"title": "A", "text": BODY}), "{broken json",
             json.dumps({"title": "B", "text": BODY.replace("Monday", "Tuesday")})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    codes, titles = _errors_and_articles(path)
    assert codes == ["E009"]
    assert titles == ["A", "B"]


def test_text_starting_with_a_bracket_is_text_not_json(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("[Reuters] " + BODY, encoding="utf-8")
    article = read_article(path)
    assert article.paragraphs[0].text.startswith("[Reuters] The city council")
    garbage = tmp_path / "not.txt"
    garbage.write_text("[not json at all\n[still not\n", encoding="utf-8")
    with pytest.raises(DigesthubError) as info:
        read_article(garbage, format="jsonl")
    assert info.value.code == "E009"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_decoded_not_called_binary(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(BODY.encode(codec))
    assert read_article(path).paragraphs[0].text.startswith("The city council")
    assert read_article(path, encoding=codec).paragraphs[0].text.startswith("The city council")


def test_a_folder_devnull_and_closed_stdin_get_clear_errors(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from digesthub.cli.main import main

    assert main(["digest", str(tmp_path)]) == 2
    assert "error E015:" in capsys.readouterr().err
    assert main(["digest", "/dev/null"]) == 2
    assert "error E001:" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", None)
    assert main(["digest", "-"]) == 2
    assert "error E007: <stdin>" in capsys.readouterr().err


def test_forcing_an_unsupported_language_is_refused_not_garbled(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    for code in ("zh", "xx"):
        with pytest.raises(DigesthubError) as info:
            read_article(path, language=code)
        assert info.value.code == "E016" and repr(code) in str(info.value)
    assert read_article(path, language="en-US").language == "en"


def test_a_page_of_only_scripts_is_html_with_no_text_not_digested_as_prose(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(f"<script>var story = {json.dumps(BODY)};</script>", encoding="utf-8")
    with pytest.raises(DigesthubError) as info:
        read_article(path)
    assert info.value.code == "E004"


def test_search_of_an_empty_corpus_says_it_is_empty(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from digesthub.cli.main import main

    from digesthub.corpus import Corpus

    Corpus(f"sqlite:///{tmp_path / 'empty.db'}").close()  # created, nothing ingested
    assert main(["search", "budget", "--db", f"sqlite:///{tmp_path / 'empty.db'}"]) == 2
    assert "error E203:" in capsys.readouterr().err


def test_a_read_command_on_a_missing_sqlite_file_does_not_create_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from digesthub.cli.main import main

    missing = tmp_path / "typo.db"
    for command in (["search", "budget"], ["entity", "Acme"], ["timeline"], ["ask", "Who?"]):
        assert main([*command, "--db", f"sqlite:///{missing}"]) == 2
        assert "error E201:" in capsys.readouterr().err
    assert not missing.exists()


@pytest.mark.parametrize("task", ["ner", "timex", "facts", "summary"])
def test_eval_on_the_wrong_kind_of_file_is_e302_not_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], task: str) -> None:
    from digesthub.cli.main import main

    files = {"keys.jsonl": '{"a": 1}\n', "prose.jsonl": "not json\n", "blob.jsonl": None}
    for name, content in files.items():
        path = tmp_path / name
        if content is None:
            path.write_bytes(bytes(range(128, 256)) * 8)
        else:
            path.write_text(content, encoding="utf-8")
        assert main(["eval", task, str(path), "--json"]) == 2, name
        assert "error E302:" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["bench", "--repeat", "0", "x.txt"], ["search", "q", "--limit", "-1"],
                                  ["ingest", "x.txt", "--limit", "0"], ["eval", "ner", "x", "--limit", "z"]])
def test_counts_below_one_are_refused_at_parse_time(argv: list[str],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from digesthub.cli.main import main

    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "must be 1 or more" in err or "is not a whole number" in err


def test_digest_output_to_a_missing_folder_is_e017(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from digesthub.cli.main import main

    source = tmp_path / "a.txt"
    source.write_text(BODY, encoding="utf-8")
    assert main(["digest", str(source), "-o", str(tmp_path / "no" / "out.md")]) == 2
    assert "error E017:" in capsys.readouterr().err


def test_legacy_and_mixed_encodings_decode_without_mojibake(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes((BODY + "\nA naïve señor ordered a café crème, he said.\n").encode("latin-1"))
    assert "naïve señor ordered a café crème" in read_article(latin).text
    mixed = tmp_path / "mixed.txt"  # a UTF-8 file with one line pasted from a Windows-1252 one
    mixed.write_bytes((BODY + "\nJosé Martínez said “we are pleased” on Monday.\n").encode("utf-8")
                      + "Another café closed last year, said the council.\n".encode("cp1252"))
    text = read_article(mixed).text
    assert "José Martínez said “we are pleased”" in text and "Another café closed" in text
    russian = tmp_path / "ru.txt"
    russian.write_bytes(("Городской совет Москвы в понедельник утвердил новый бюджет города. " * 6)
                        .encode("cp1251"))
    with pytest.raises(DigesthubError) as info:
        read_article(russian)
    assert info.value.code == "E006"


def test_odd_record_fields_keep_the_article(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    records = [{"text": BODY, "title": 123, "source": {"name": "x"}, "url": 7, "authors": [1, None]},
               {"text": BODY.replace("Monday", "Friday"), "published": "not a date"},
               {"text": BODY.split("\n\n")},
               {"text": 42}]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    errors: list[DigesthubError] = []
    articles = list(iter_articles(path, on_error=errors.append))
    assert [a.title for a in articles] == ["123", None, None]
    assert articles[0].source is None and articles[0].authors == ["1"] and articles[0].url == "7"
    assert articles[1].published is None and len(articles[2].paragraphs) == 2
    assert [e.code for e in errors] == ["E009"] and "not text" in str(errors[0])


def test_a_truncated_feed_says_it_is_broken_not_too_short(tmp_path: Path) -> None:
    path = tmp_path / "cut.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item>'
                    f"<title>T</title><description>{BODY}", encoding="utf-8")
    with pytest.raises(DigesthubError) as info:
        read_article(path)
    assert info.value.code == "E009" and "not well-formed XML" in str(info.value)


def test_ingest_into_an_in_memory_url_warns_that_nothing_is_kept(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from digesthub.cli.main import main

    source = tmp_path / "a.txt"
    source.write_text(BODY, encoding="utf-8")
    assert main(["ingest", str(source), "--quiet", "--db", "sqlite:///"]) == 0
    assert "in-memory database; nothing is kept" in capsys.readouterr().err


def test_an_unknown_encoding_name_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    with pytest.raises(DigesthubError) as info:
        read_article(path, encoding="utf-9")
    assert info.value.code == "E005" and "'utf-9' is not an encoding" in str(info.value)


@pytest.mark.parametrize("argv", [["search", '"""'], ["ask", "  "], ["entity", ""]])
def test_empty_queries_are_e014_not_no_match(tmp_path: Path, argv: list[str],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from digesthub.cli.main import main

    assert main([*argv, "--db", f"sqlite:///{tmp_path / 'c.db'}"]) == 2
    assert "error E014:" in capsys.readouterr().err


def test_other_compressed_archives_are_named(tmp_path: Path) -> None:
    import bz2
    import lzma

    for name, data in {"a.txt.bz2": bz2.compress(BODY.encode()), "a.txt.xz": lzma.compress(BODY.encode())}.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(DigesthubError) as info:
            read_article(path)
        assert info.value.code == "E002" and name.split(".")[-1].replace("bz2", "bzip2") in str(info.value)


def test_a_text_too_long_to_analyze_is_refused_at_ingest(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"  # under the byte limit, over what the pipeline takes (was a ValueError)
    path.write_text(BODY.replace("\n", " ") * 9000, encoding="utf-8")
    with pytest.raises(DigesthubError) as info:
        read_article(path)
    assert info.value.code == "E018" and "split it" in str(info.value)


def test_a_publication_date_near_the_end_of_the_calendar_is_e012_not_overflow(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from digesthub.cli.main import main

    source = tmp_path / "a.txt"
    source.write_text(BODY.replace("on Monday", "tomorrow, and next year"), encoding="utf-8")
    assert main(["digest", str(source), "--published", "9999-12-31"]) == 2
    assert "error E012:" in capsys.readouterr().err
