"""The web app and JSON API, through FastAPI's test client (real HTTP semantics, no server)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from digesthub.present.web import create_app


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def test_health(client):
    assert client.get("/api/health").json()["status"] == "ok"


def test_form_page(client):
    page = client.get("/")
    assert page.status_code == 200 and "<form" in page.text


def test_user_errors_are_422_with_code(client):
    response = client.post("/api/digest", json={"text": ""})
    assert response.status_code == 422 and response.json()["error"] == "E001"
    response = client.post("/api/digest", json={"text": "Too short to digest."})
    assert response.status_code == 422 and response.json()["error"] == "E010"


def test_form_error_is_escaped(client):
    response = client.post("/digest", content=b"text=%3Cb%3Ehi%3C%2Fb%3E",
                           headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 422 and "<b>hi" not in response.text


def test_api_digest_of_an_article(client, globaltimes_path):
    text = globaltimes_path.read_text(encoding="utf-8")
    response = client.post("/api/digest", json={"text": text, "published": "2025-07-08"})
    assert response.status_code == 200
    document = response.json()
    assert document["schema_version"] == "1.2" and document["article"]["published"] == "2025-07-08"
    assert document["key_points"] and document["entities"]
