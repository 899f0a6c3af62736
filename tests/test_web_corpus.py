"""The corpus JSON API (search, entity, timeline, ask, ingest) on a temporary SQLite corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from digesthub.present.web import create_app

NORTHWIND_1 = (
    "Northwind Robotics, a warehouse automation company based in Oslo, said on Monday that it had raised "
    "$40 million in a Series B round led by Fjord Ventures. Chief executive Ingrid Solberg said the money "
    "would pay for a new factory in Bergen.\n\n"
    "The company was founded in 2019 and employs 120 people. It sells picking robots to grocery chains "
    "in Norway and Sweden, and plans to enter Germany in the first half of 2025.")
NORTHWIND_2 = (
    "Northwind Robotics opened its new factory in Bergen on Thursday, six months after raising "
    "$40 million from investors. The plant will build 500 picking robots a year, Ingrid Solberg told "
    "reporters.\n\n"
    "The opening comes as grocery chains across Europe automate their warehouses. Fjord Ventures, the "
    "company's largest shareholder, said it expected Northwind Robotics to double its sales next year.")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'corpus.db'}"
    with TestClient(create_app(url)) as test_client:
        for text, title, published in ((NORTHWIND_1, "Northwind raises $40 million", "2024-03-04"),
                                       (NORTHWIND_2, "Northwind opens Bergen factory", "2024-09-12")):
            response = test_client.post("/api/ingest", json={"text": text, "title": title, "published": published})
            assert response.status_code == 200 and response.json()["status"] == "added", response.text
        yield test_client


@pytest.fixture
def ids(client: TestClient) -> dict[str, str]:
    hits = client.get("/api/search", params={"q": "Northwind", "limit": 10}).json()["hits"]
    return {hit["title"]: hit["article_id"] for hit in hits}


def test_ingest_reports_the_article_and_skips_a_repeat(client):
    response = client.post("/api/ingest", json={"text": NORTHWIND_2, "title": "Northwind opens Bergen factory",
                                                "published": "2024-09-12"})
    body = response.json()
    assert response.status_code == 200 and body["status"] == "skipped" and body["corpus_articles"] == 2
    assert body["paragraphs"] == 2 and body["published"] == "2024-09-12"


def test_search_ranks_paragraphs(client, ids):
    response = client.get("/api/search", params={"q": "factory Bergen plant", "limit": 1})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    (hit,) = response.json()["hits"]
    assert hit["article_id"] == ids["Northwind opens Bergen factory"] and hit["paragraph"] == 1
    assert "500 picking robots" in hit["text"]
    assert client.get("/api/search", params={"q": "zeppelin"}).json()["hits"] == []


def test_entity_dossier_across_both_articles(client, ids):
    response = client.get("/api/entity/Northwind Robotics")
    assert response.status_code == 200
    dossier = response.json()
    assert dossier["name"] == "Northwind Robotics" and dossier["label"] == "ORG"
    assert sorted(dossier["articles"]) == sorted(ids.values())
    assert all("conflicting" in group and group["records"] for group in dossier["facts"])
    assert client.get("/api/entity/Northwind").json()["name"] == "Northwind Robotics"  # lookup is lenient


def test_unknown_entity_is_404_with_code(client):
    response = client.get("/api/entity/Zebulon Quarry Partners")
    assert response.status_code == 404 and response.json()["error"] == "E202"
    assert "Traceback" not in response.text
    response = client.get("/api/timeline", params={"entity": "Zebulon Quarry Partners"})
    assert response.status_code == 404 and response.json()["error"] == "E202"


def test_timeline_of_an_entity_is_dated_and_cited(client, ids):
    response = client.get("/api/timeline", params={"entity": "Northwind Robotics"})
    assert response.status_code == 200
    entries = response.json()["entries"]
    values = [entry["date"]["value"] for entry in entries]
    assert "2024-03-04" in values and "2024-09-12" in values and values == sorted(values)
    cited = {c["article_id"] for entry in entries for c in entry["citations"]}
    assert cited == set(ids.values())
    everything = client.get("/api/timeline").json()
    assert everything["entity"] is None and len(everything["entries"]) >= len(entries)
    nothing = client.get("/api/timeline", params={"about": "zzyzx quokka"}).json()
    assert nothing["about"] == "zzyzx quokka" and nothing["entries"] == []


def test_ask_answers_with_citations(client, ids):
    response = client.get("/api/ask", params={"q": "When did Northwind open its factory in Bergen?",
                                              "engine": "offline"})
    assert response.status_code == 200
    answer = response.json()
    assert answer["engine"] == "offline" and answer["sentences"]
    first = answer["sentences"][0]
    assert "opened its new factory" in first["text"]
    assert first["citations"][0] == {"paragraph": 1, "article_id": ids["Northwind opens Bergen factory"]}


@pytest.mark.parametrize(("method", "path", "payload", "code"), [
    ("get", "/api/search", {}, "E014"),
    ("get", "/api/search", {"q": "   "}, "E014"),
    ("get", "/api/search", {"q": "factory", "limit": "0"}, "E014"),
    ("get", "/api/search", {"q": "factory", "limit": "many"}, "E014"),
    ("get", "/api/ask", {"q": ""}, "E014"),
    ("get", "/api/ask", {"q": "who?", "engine": "oracle"}, "E101"),
    ("post", "/api/ingest", {}, "E014"),
    ("post", "/api/ingest", {"text": " "}, "E014"),
    ("post", "/api/ingest", {"text": "Too short to be news."}, "E010"),
    ("post", "/api/ingest", {"text": NORTHWIND_1, "published": "next spring"}, "E012"),
])
def test_bad_requests_are_422_with_code(client, method, path, payload, code):
    if method == "get":
        response = client.get(path, params=payload)
    else:
        response = client.post(path, json=payload)
    body = response.json()
    assert response.status_code == 422 and body["error"] == code and body["message"]
    assert "Traceback" not in response.text


def test_ingest_text_is_never_a_path(client, tmp_path):
    secret = tmp_path / "server-file.txt"
    secret.write_text(NORTHWIND_1.replace("Northwind", "Southwind"), encoding="utf-8")
    response = client.post("/api/ingest", json={"text": str(secret)})  # a path on the server: only text here
    assert response.status_code == 422 and response.json()["error"] == "E010"


def test_malformed_json_body_is_422(client):
    response = client.post("/api/ingest", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422 and response.json()["error"] == "E014"


def test_empty_corpus_is_404_and_search_is_empty(tmp_path):
    with TestClient(create_app(f"sqlite:///{tmp_path / 'empty.db'}")) as client:
        for path in ("/api/entity/Anyone", "/api/timeline", "/api/ask?q=what%20happened"):
            response = client.get(path)
            assert response.status_code == 404 and response.json()["error"] == "E203", path
        assert client.get("/api/search", params={"q": "anything"}).json()["hits"] == []


def test_unusable_database_url_is_503(tmp_path):
    with TestClient(create_app("mysql://localhost/news")) as client:
        response = client.get("/api/search", params={"q": "anything"})
        assert response.status_code == 503 and response.json()["error"] == "E204"
        assert client.get("/api/health").json()["status"] == "ok"  # the digest side still works


def test_unexpected_failure_is_500_without_details(tmp_path, monkeypatch):
    from digesthub.corpus import Corpus

    def broken(self, query, limit=10):
        raise RuntimeError("secret connection string postgresql://user:pw@db")

    monkeypatch.setattr(Corpus, "search", broken)
    app = create_app(f"sqlite:///{tmp_path / 'c.db'}")
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/search", params={"q": "anything"})
    assert response.status_code == 500 and response.json()["error"] == "internal"
    assert "secret" not in response.text and "Traceback" not in response.text


def test_digest_page_escapes_article_text(client):
    text = (NORTHWIND_1 + "\n\nA visitor typed <img src=x onerror=alert(1)> into the robot's screen during "
            "the demonstration, and the robot printed it back without complaint to the crowd.")
    response = client.post("/digest", data={"text": text, "published": "2024-03-04"})
    assert response.status_code == 200 and "<img src=x" not in response.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in response.text


def test_serve_takes_db(monkeypatch, tmp_path):
    from digesthub.cli import serve_cmd
    from digesthub.cli.main import build_parser

    url = f"sqlite:///{tmp_path / 'serve.db'}"
    args = build_parser().parse_args(["serve", "--db", url, "--port", "8123"])
    seen = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: seen.update(app=app, **kwargs))
    assert serve_cmd.run(args) == 0 and seen["port"] == 8123
    with TestClient(seen["app"]) as client:
        client.get("/api/search", params={"q": "x"})
    assert Path(url[len("sqlite:///"):]).exists()  # the app opened the corpus named by --db
