"""Answers from the corpus, every sentence cited (article and paragraph).

Offline: the best-matching paragraphs are found by full-text search and the
sentences that cover most of the question's words are quoted, each citing its
paragraph. With an LLM endpoint configured, the model writes the answer from
the same passages; either way each sentence must pass the support check
against the paragraphs it cites, or it is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from digesthub.corpus.db import Database
from digesthub.corpus.fact_questions import (
    FactEvidence, evidence_hits, fact_evidence, is_evidence, names_asked_about,
)
from digesthub.corpus.fact_questions import names as names_entity
from digesthub.corpus.search import SearchHit, query_words, search
from digesthub.digester.scoring import strip_dateline
from digesthub.errors import EngineError, Errors
from digesthub.types import Citation, Dropped, SummarySentence, Verification

PASSAGES = 8
ENGINES = ("auto", "offline", "llm")
MAX_SENTENCES = 3
ANSWER_TYPE_BONUS = 0.3
# A sentence after the first must cover this share of the question's words (or be a stored fact's).
MIN_FURTHER_COVER = 0.4
FACT_BONUS = 1.5  # above full word cover + answer type (1.3): the sentence a stored fact of the asked kind came from
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_ANSWER_TYPES = [
    (r"^\s*(when|what (year|date|day|month))\b",
     re.compile(rf"\b(1[89]\d\d|20\d\d|{_MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|"
                rf"sunday|yesterday|today|last (week|month|year))\b", re.IGNORECASE)),
    (r"^\s*how (many|much|old|long)\b", re.compile(r"\d")),
    (r"^\s*(who|whom)\b", re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+")),
    (r"^\s*where\b", re.compile(r"\b(in|at|from) [A-Z]")),
]
_SENTENCE_END = re.compile(r"[.!?](?:\s*(?:''|\"|'|\)))?(?=\s+(?:``|\"|'|\()?\s*[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Gov|Sen|Rep|Inc|Co|Corp|Ltd|No|vs|[A-Z]|"
                           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|"  # "the Aug. 15 run-off"
                           r"(?:[A-Z]\.)+[A-Z])", re.IGNORECASE)  # "U.S. Commerce": the last dot of "U.S."


@dataclass
class Answer:
    """An answer: cited sentences (empty when the corpus says nothing about it)."""

    question: str
    sentences: list[SummarySentence]
    engine: str = "offline"
    verification: Verification = field(default_factory=Verification)

    def to_markdown(self) -> str:
        if not self.sentences:
            return "The corpus has nothing that answers this question."
        return " ".join(f"{s.text} [{', '.join(f'{c.article_id} para. {c.paragraph}' for c in s.citations)}]"
                        for s in self.sentences)


def answer(db: Database, question: str, *, engine: str = "auto", model: Any = None) -> Answer:
    """Answer ``question`` from the corpus.

    ``engine``: "offline" (extractive), "llm" (needs an endpoint, else E102) or
    "auto" (the LLM when one is configured). ``model`` is a chat model to use
    instead of the configured one (any ``digesthub.llm.client.ChatModel``).
    """
    if engine not in ENGINES:
        raise EngineError(Errors.E101, engine=engine, choices=", ".join(ENGINES))
    evidence = fact_evidence(db, question)
    hits = evidence_hits(db, evidence, search(db, question, limit=PASSAGES))
    if model is None and engine != "offline":
        model = _llm_settings(required=engine == "llm")
    if model is not None and hits:
        from digesthub.llm.answer import llm_answer

        sentences, _ = llm_answer(question, [(hit.citation, hit.text) for hit in hits], model=model)
        checked, verification = check_citations(sentences, hits)
        return Answer(question, checked, "llm", verification)
    names = names_asked_about(db, question)
    checked, verification = check_citations(extractive_answer(question, hits, evidence, names), hits)
    return Answer(question, checked, "offline", verification)


def _llm_settings(*, required: bool) -> Any:
    """The configured LLM settings, or None when no endpoint is set up (E102 when required)."""
    from digesthub.llm.config import LLMSettings

    settings = LLMSettings.load(require=required)
    return settings if settings.configured else None


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph: end punctuation (and closing quotes) before a capital or digit.

    Not after a title abbreviation or an initial ("Dr. Gupta", "J. Smith").
    """
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        before = text[max(0, match.start() - 6):match.start()].split()
        if match.group().startswith(".") and before and _ABBREVIATION.fullmatch(before[-1]):
            continue
        sentences.append(text[start:match.end()].strip())
        start = match.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def extractive_answer(question: str, hits: list[SearchHit], evidence: list[FactEvidence] | None = None,
                      names: list[str] | None = None) -> list[SummarySentence]:
    """The sentences of ``hits`` that cover most question words, best first; a sentence a
    stored fact of the asked kind was taken from (``evidence``) ranks above the others.

    When the question names an entity (``names``: all its stored names), only sentences of
    paragraphs that name it or hold a fact about it answer ("Who is Stellaris's CEO?" is not
    answered by Meta's CEO).
    """
    words = query_words(question)
    if not words:
        return []
    wanted = _answer_type(question)
    if names:
        about = [hit for hit in hits if any(names_entity(hit.text, name) for name in names)
                 or any((e.article_id, e.paragraph) == (hit.article_id, hit.paragraph) for e in evidence or [])]
        hits = about or hits
    scored = []
    for rank, hit in enumerate(hits):
        for order, sentence in enumerate(split_sentences(hit.text)):
            sentence = strip_dateline(sentence)
            lowered = sentence.lower()
            covered = sum(1 for w in words if re.search(rf"\b{re.escape(w[:6])}", lowered))
            from_fact = bool(evidence) and is_evidence(sentence, evidence or [])
            if covered or from_fact:  # a fact's sentence may say "the company" for the name asked
                bonus = ANSWER_TYPE_BONUS if wanted and wanted.search(sentence) else 0.0
                bonus += FACT_BONUS if from_fact else 0.0
                cover = covered / len(words)
                scored.append((cover + bonus - 0.02 * rank - 0.001 * order, sentence, hit,
                               cover if not from_fact else 1.0))
    scored.sort(key=lambda item: -item[0])
    chosen: list[SummarySentence] = []
    for _, sentence, hit, cover in scored:
        if any(fuzz.ratio(sentence, s.text) >= 90 for s in chosen):
            continue  # the same sentence quoted by several articles is said once
        if chosen and cover < MIN_FURTHER_COVER:
            continue  # a sentence sharing one word of five ("cutting them off" for "run-off") answers nothing
        chosen.append(SummarySentence(sentence, [hit.citation]))
        if len(chosen) == MAX_SENTENCES:
            break
    return chosen


def _answer_type(question: str) -> re.Pattern[str] | None:
    """What an answer sentence should contain, from the question word (when -> a date)."""
    lowered = question.lower()
    for cue, pattern in _ANSWER_TYPES:
        if re.search(cue, lowered):
            return pattern
    return None


def check_citations(sentences: list[SummarySentence],
                    hits: list[SearchHit]) -> tuple[list[SummarySentence], Verification]:
    """Keep sentences whose citations point at retrieved paragraphs that support them."""
    from digesthub.digester.verify import supports

    texts: dict[Citation, str] = {hit.citation: hit.text for hit in hits}
    kept, verification = [], Verification()
    for sentence in sentences:
        verification.citations_checked += max(1, len(sentence.citations))
        good = [c for c in sentence.citations if c in texts and supports(sentence.text, texts[c])]
        verification.citations_verified += len(good)
        if good:
            kept.append(SummarySentence(sentence.text, good, sentence.group, verified=True))
        else:
            verification.dropped.append(Dropped("answer", sentence.text, "no cited paragraph supports it"))
    return kept, verification
