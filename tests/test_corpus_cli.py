"""The corpus commands end to end through ``digesthub.cli.main`` on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digesthub.cli.main import main
from digesthub.corpus import Corpus
from tests.corpus_fixtures import FakeDigester, plain_digest
from tests.test_corpus import _news


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    news = _news()
    with Corpus(url, digester=FakeDigester(news["digests"])) as corpus:  # type: ignore[arg-type]
        corpus.add(*news["articles"])  # type: ignore[arg-type]
    return url


def test_entity_prints_a_dossier(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entity", "zhipu", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Zhipu AI (ORG)") or out.startswith("# Zhipei (ORG)")
    assert "sources disagree" in out and "## Timeline" in out


def test_timeline_search_and_ask(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "a1 para. 3; a2 para. 3" in out
    assert main(["search", "Kimi", "--db", db]) == 0
    assert "[a3 para. 1]" in capsys.readouterr().out
    assert main(["search", "nothingmatcheshere", "--db", db]) == 1
    assert main(["ask", "Who backs Moonshot?", "--engine", "offline", "--db", db]) == 0
    assert "[a3 para. 2]" in capsys.readouterr().out


def test_unknown_entity_prints_one_line_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entity", "Nonexistent Widgets Corp", "--db", db]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error E202") and len(err.strip().splitlines()) == 1


def test_ingest_jsonl_twice_is_a_noop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("digesthub.corpus.ingest.offline_digest", plain_digest)
    monkeypatch.setattr("digesthub.corpus.offline_digest", plain_digest)
    records = [{"id": f"r{i}", "title": f"Story {i}", "published": "2024-01-0%d" % (i + 1),
                "text": f"Paragraph one of story {i} tells how the harbour authority reopened the old "
                        f"northern pier after two years of repairs and a long public debate.\n\n"
                        f"Paragraph two of story {i} adds that ferries will resume their service next week."}
               for i in range(3)]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'ingest.db'}"
    assert main(["ingest", str(path), "--db", url, "--quiet"]) == 0
    assert "added 3, replaced 0, unchanged 0" in capsys.readouterr().out
    assert main(["ingest", str(path), "--db", url, "--quiet"]) == 0
    assert "added 0, replaced 0, unchanged 3" in capsys.readouterr().out
    records[0]["text"] += "\n\nA correction was appended."
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    assert main(["ingest", str(path), "--db", url, "--quiet"]) == 0
    assert "added 0, replaced 1, unchanged 2" in capsys.readouterr().out
    with Corpus(url) as corpus:
        assert corpus.count() == 3
        assert [h.article_id for h in corpus.search("correction")] == ["r0"]


def test_ingest_of_nothing_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["ingest", str(empty), "--db", f"sqlite:///{tmp_path / 'x.db'}"]) == 2
    assert "E205" in capsys.readouterr().err


def test_timeline_filters_by_reports_and_dates(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--db", db]) == 0
    everything = [line for line in capsys.readouterr().out.splitlines() if line.startswith("- ")]
    assert main(["timeline", "--db", db, "--min-reports", "2"]) == 0
    shared = [line for line in capsys.readouterr().out.splitlines() if line.startswith("- ")]
    assert shared and len(shared) < len(everything)
    assert all("; " in line.rsplit("[", 1)[1] for line in shared)  # two or more citations
    assert main(["timeline", "--db", db, "--until", "1900"]) == 0
    assert "(no dated events)" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["timeline", "--db", db, "--since", "2024-02-30"])
    assert "not a calendar date" in capsys.readouterr().err


def test_filter_timeline_keeps_overlapping_spans() -> None:
    import datetime as dt

    from digesthub.corpus.timeline import filter_timeline
    from digesthub.types import Citation, TimeExpression, Timeline, TimelineEntry

    def entry(value: str, first: dt.date | None, last: dt.date | None) -> TimelineEntry:
        date = TimeExpression(0, 0, value, "DATE", value, first_day=first, last_day=last)
        return TimelineEntry(date, value, [Citation(1, "a")])

    year = entry("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    day = entry("2024-03-05", dt.date(2024, 3, 5), dt.date(2024, 3, 5))
    now = entry("PRESENT_REF", None, None)
    kept = filter_timeline(Timeline([year, day, now]), since=dt.date(2024, 6, 1))
    assert [e.date.value for e in kept.entries] == ["2024"]
    assert len(filter_timeline(Timeline([year, day, now])).entries) == 3


def test_a_plain_file_path_is_a_sqlite_corpus(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = db[len("sqlite:///"):]
    assert main(["search", "Kimi", "--db", path]) == 0  # same corpus as sqlite:///PATH
    assert "[a3 para. 1]" in capsys.readouterr().out
    monkeypatch.chdir(tmp_path)
    assert main(["entity", "zhipu", "--db", "cli.db"]) == 0  # relative to the working folder


def test_an_unknown_url_scheme_fails_before_reading_the_batch(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "not-there.jsonl"  # never read: the URL is refused first
    assert main(["ingest", str(missing), "--db", "mysql://host/db"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error E204") and "file path" in err and "not-there" not in err


def test_a_long_paragraph_is_shown_from_its_matching_sentence() -> None:
    from digesthub.corpus.search import snippet

    filler = " ".join(f"The council met on day {n} and discussed the budget at length." for n in range(12))
    text = f"{filler} The harbour pilots voted to strike over night shifts. {filler}"
    shown = snippet(text, "pilots strike")
    assert shown.startswith("…The harbour pilots voted to strike") and shown.endswith("…")
    assert len(shown) <= 302
    assert snippet("Short paragraph about pilots.", "pilots") == "Short paragraph about pilots."


def test_ingest_published_dates_only_the_articles_that_state_no_date(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("digesthub.corpus.ingest.offline_digest", plain_digest)
    monkeypatch.setattr("digesthub.corpus.offline_digest", plain_digest)
    body = ("The harbour authority reopened the old northern pier after two years of repairs and a long "
            "public debate.\n\nFerries will resume their service next week, the authority said.\n")
    news = tmp_path / "news"
    news.mkdir()
    (news / "undated.txt").write_text(body, encoding="utf-8")
    (news / "dated.txt").write_text("Published: 2024-05-02\n\n" + body.replace("northern", "southern"),
                                        encoding="utf-8")
    assert main(["ingest", str(news / "undated.txt"), "--db", f"sqlite:///{tmp_path / 'a.db'}", "--quiet"]) == 0
    assert "1 article(s) state no publication date" in capsys.readouterr().err
    url = f"sqlite:///{tmp_path / 'dates.db'}"
    assert main(["ingest", str(news), "--db", url, "--quiet", "--published", "2026-01-12"]) == 0
    with Corpus(url) as corpus:
        published = dict(corpus.db.query("SELECT id, published FROM articles"))  # type: ignore[attr-defined]
    assert sorted(str(day) for day in published.values()) == ["2024-05-02", "2026-01-12"]
    assert main(["ingest", str(news), "--db", url, "--published", "January"]) == 2


def test_an_undated_article_ingested_again_with_a_date_is_replaced_and_dated(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("digesthub.corpus.ingest.offline_digest", plain_digest)
    monkeypatch.setattr("digesthub.corpus.offline_digest", plain_digest)
    path = tmp_path / "pasted.txt"
    path.write_text("The harbour authority reopened the old northern pier after two years of repairs and a "
                    "long public debate.\n\nFerries will resume their service next week, the authority said.\n",
                    encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'redate.db'}"
    assert main(["ingest", str(path), "--db", url, "--quiet"]) == 0
    assert main(["ingest", str(path), "--db", url, "--quiet", "--published", "2026-01-12"]) == 0
    assert "added 0, replaced 1, unchanged 0" in capsys.readouterr().out
    with Corpus(url) as corpus:
        assert [str(day) for (day,) in corpus.db.query("SELECT published FROM articles")] == ["2026-01-12"]  # type: ignore[attr-defined]
