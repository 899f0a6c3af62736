"""Transfer training of the key-point model: text form, weak labels from other news sets, the fit."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from digesthub.digester import keypoint_model as model
from digesthub.digester.scoring import looks_tokenized, split_tokenized
from digesthub.evaluate import keypoint_sources as ks
from digesthub.evaluate import keypoint_training as kt

from .conftest import SHARED

DATA = SHARED / "data"


def test_raw_text_is_put_in_the_cnndm_form() -> None:
    raw = ('NAIROBI, Kenya (AP) _\n\nSuspected bombs exploded outside the U.S. Embassy in Nairobi on Friday. '
           '"It was definitely a bomb," said Mr. Smith, who didn\'t give his name. Dozens died.')
    text = ks.cnndm_form(raw, tokenized=False)
    assert text == text.lower() and "\n" not in text
    assert "`` it was definitely a bomb , ''" in text and "did n't" in text
    assert looks_tokenized(text)
    sentences = [text[a:b] for a, b in split_tokenized(text)]
    # Initials and titles ("U.S.", "Mr.") do not end a sentence; the three real ends do.
    assert len(sentences) == 3 and "u.s. embassy" in sentences[0] and sentences[-1] == "dozens died ."


def test_tokenized_text_keeps_its_tokens_but_not_ptb_bracket_names() -> None:
    assert ks.cnndm_form("The quake -LRB- 7.0 -RRB- struck Haiti .", tokenized=True) == \
        "the quake ( 7.0 ) struck haiti ."


def test_wsj_headline_is_read_from_extrainfo() -> None:
    tml = ("<EXTRAINFO>\nWSJ891102-0188 = 891102 891102-0188.\nBusiness Brief -- Savin Corp.: @ Office Firm Posts "
           "@ Net Loss for Third Quarter 11/02/89 WALL STREET JOURNAL (J) SVB\n</EXTRAINFO>")
    assert ks._wsj_headline(tml) == "Savin Corp.: Office Firm Posts Net Loss for Third Quarter"
    byline = ("<EXTRAINFO>\nWSJ891102-0001 = 891102 891102-0001.\nRalston Profit @ Declined 47% @ --- @ By R. Gibson "
              "@ Staff Reporter 11/02/89 WALL STREET JOURNAL\n</EXTRAINFO>")
    assert ks._wsj_headline(byline) == "Ralston Profit Declined 47%"
    assert ks._wsj_headline("<EXTRAINFO>\nAPW19991008.0265 NEWS STORY\n</EXTRAINFO>") is None


def _write(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in records)


def test_t17_references_are_the_timeline_entries_near_publication(tmp_path: Path) -> None:
    body = "Rescuers searched the rubble on Wednesday . The quake killed thousands . Aid began to arrive ."
    _write(tmp_path / "tls_t17" / "articles.jsonl.gz", [
        {"collection": "haiti_bbc", "id": "haiti_bbc/1", "pub_date": "2010-01-14", "text": body},
        {"collection": "haiti_bbc", "id": "haiti_bbc/2", "pub_date": "2010-03-01", "text": body}])
    _write(tmp_path / "tls_t17" / "timelines.jsonl.gz", [{"collection": "haiti_bbc", "entries": [
        {"date": "2010-01-12", "sentences": ["The quake strikes Haiti ."]},
        {"date": "2010-01-25", "sentences": ["A donors' conference opens ."]}]}])
    texts = list(ks.t17_texts(tmp_path))
    # Article 2 has no entry within the window, so it gives no training text; entry 2 is too far from article 1.
    assert [t.doc_id for t in texts] == ["haiti_bbc/1"] and texts[0].references == ["the quake strikes haiti ."]


def test_the_headline_is_a_reference_never_a_candidate(tmp_path: Path) -> None:
    text = ("SOCCER - ARSENAL BEAT CHELSEA IN LONDON DERBY .\nLONDON 1996-08-30\n"
            "Arsenal beat Chelsea 2-1 in the London derby on Saturday , with two late goals from Ian Wright .\n"
            "The weather was mild and the ground was full of families for the early kick-off .\n"
            "Chelsea had led through a first-half header from their captain Dennis Wise .\n"
            "Both managers praised the referee after a tense and often scrappy match .\n"
            "Arsenal now sit third in the table , two points behind the leaders Newcastle .\n"
            "The two clubs meet again in the cup next month at Stamford Bridge .")
    _write(tmp_path / "conll2003" / "dev_testa.jsonl.gz", [{"doc_id": "eng.testa-001", "text": text}])
    documents = kt.labelled_documents(tmp_path, ("conll2003",))
    assert len(documents) == 1
    document = documents[0]
    candidates = [c.text for c in document.ordered]
    assert not any("derby ." in c and "soccer" in c for c in candidates)  # neither headline nor dateline
    assert not any("1996-08-30" in c for c in candidates)
    positives = [c for c, y in zip(candidates, document.labels) if y]
    assert positives and positives[0].startswith("arsenal beat chelsea 2-1")
    assert all(len(row) == len(model.FEATURES) for row in document.rows)


def test_transfer_training_is_reproducible_and_uses_no_cnndm() -> None:
    if not (DATA / "ecbplus").exists() or not (DATA / "tls_t17").exists():
        pytest.skip("../shared/data is not beside the repository")
    sources = ("ecbplus_topic", "t17")
    first, counts = kt.train_key_point_model_transfer(DATA, sources=sources, l2=30.0, position_prior=False,
                                                      limit=25)
    again, _ = kt.train_key_point_model_transfer(DATA, sources=sources, l2=30.0, position_prior=False, limit=25)
    assert first == again and len(first) == len(model.FEATURES)
    assert set(counts) == set(sources) and all(0 < n <= 25 for n in counts.values())
    assert dict(zip(model.FEATURES, first))["centrality"] > 0  # editors pick what the article is about
    # Multi-title references give several positives a story, unlike a single headline.
    documents = kt.labelled_documents(DATA, ("ecbplus_topic",), limit=10)
    assert sum(sum(d.labels) for d in documents) > 1.5 * len(documents)


def test_the_lead_prior_holds_under_strong_regularization() -> None:
    if not (DATA / "ecbplus").exists():
        pytest.skip("../shared/data is not beside the repository")
    documents = kt.labelled_documents(DATA, ("ecbplus",), limit=30)
    weights = dict(zip(model.FEATURES, kt.fit_documents(documents, 1e9, position_prior=True)))
    assert weights["log_rank"] < -0.2  # news leads with its news: earlier sentences are likelier key points
    assert all(abs(w) < 1e-3 for f, w in weights.items() if f not in ("bias", "log_rank"))
    free = dict(zip(model.FEATURES, kt.fit_documents(documents, 1.0, position_prior=False)))
    assert max(abs(w) for f, w in free.items() if f not in ("bias", "log_rank")) > 0.05
