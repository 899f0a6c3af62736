"""Questions about a stored fact ("Who is OpenAI's CEO?", "How much did Baichuan raise?").

When a question asks for a kind of fact about an entity the corpus knows, the
sentences the fact extractor took that fact from are the likeliest answer:
their paragraphs join the retrieved passages and their sentences rank first
among sentences that cover the question as well. Nothing is answered from the
fact table alone: the quoted sentence still has to pass the citation check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digesthub.corpus.db import Database
from digesthub.corpus.names import core_tokens
from digesthub.corpus.search import SearchHit

# Question wording -> the fact kinds it asks for (digesthub.types.FactKind).
_KIND_CUES: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(r"\b(?:ceo|chief executive|boss)\b", re.I), ("ceo",)),
    (re.compile(r"\bwho\b.*\b(?:found(?:ed|s)?|co-?found(?:ed)?|set up|started)\b|\bfounders?\b", re.I),
     ("founder",)),
    (re.compile(r"\b(?:when|what year)\b.*\b(?:founded|established|set up|started)\b|\bhow old\b", re.I),
     ("founded",)),
    (re.compile(r"\b(?:valu(?:ed|ation)|worth)\b", re.I), ("valuation",)),
    (re.compile(r"\b(?:rais(?:e|ed|ing)|funding|round)\b", re.I), ("funding", "investors")),
    (re.compile(r"\b(?:investors?|backers?|backed|invested|funds?)\b", re.I), ("investors", "funding")),
    (re.compile(r"\b(?:profits?|profitable|loss(?:es)?|lose|losing|lost|net\s+income|earnings)\b", re.I), ("profit",)),
    (re.compile(r"\b(?:revenues?|sales|turnover|earn(?:s|ed)?|(?<!net\s)income)\b", re.I), ("revenue",)),
    (re.compile(r"\b(?:users?|subscribers?|customers?)\b", re.I), ("users",)),
    (re.compile(r"\b(?:employees?|staff|workers|headcount|employ)\b", re.I), ("employees",)),
    (re.compile(r"\b(?:headquarter(?:s|ed)?|based)\b|\bwhere is\b", re.I), ("headquarters",)),
    (re.compile(r"\b(?:launch(?:ed)?|releas(?:e|ed)|unveil(?:ed)?|debut(?:ed)?)\b", re.I), ("launch",)),
]


@dataclass(frozen=True)
class FactEvidence:
    """The sentence a stored fact was taken from, and where."""

    kind: str
    entity: str
    text: str
    article_id: str
    paragraph: int


def asked_kinds(question: str) -> list[str]:
    """The fact kinds a question asks for, in cue order (none for an open question)."""
    kinds: list[str] = []
    for cue, wanted in _KIND_CUES:
        if cue.search(question):
            kinds.extend(k for k in wanted if k not in kinds)
    return kinds


def fact_evidence(db: Database, question: str, limit: int = 6) -> list[FactEvidence]:
    """Evidence sentences of the facts of the asked kinds about entities named in ``question``."""
    kinds = asked_kinds(question)
    if not kinds:
        return []
    marks = ", ".join("?" * len(kinds))
    rows = db.query(
        "SELECT DISTINCT f.kind, n.name, f.text, f.article_id, f.paragraph FROM facts f"
        f" JOIN entity_names n ON n.entity_id = f.entity_id WHERE f.kind IN ({marks})"
        " ORDER BY f.article_id, f.paragraph", kinds)
    found = [FactEvidence(str(r[0]), str(r[1]), str(r[2]), str(r[3]), int(r[4])) for r in rows
             if names(question, str(r[1])) or names(question, _short_name(str(r[1])))]
    found.sort(key=lambda e: (kinds.index(e.kind), -len(e.entity)))
    unique: list[FactEvidence] = []
    for evidence in found:
        if all((evidence.text, evidence.article_id) != (u.text, u.article_id) for u in unique):
            unique.append(evidence)
    return unique[:limit]


def _short_name(name: str) -> str:
    """"UBTech" of "UBTech Robotics", "Zhipu" of "Zhipu AI": the name without its company words (as
    a question may ask); "" when nothing is left or it is too short to trust."""
    short = " ".join(core_tokens(name, "ORG"))
    return short if len(short) >= 4 and short != name.lower() else ""


def names(text: str, name: str) -> bool:
    """Whether ``text`` names the entity ``name`` (whole words, any case, possessive allowed)."""
    if len(name) < 2 or not re.search(r"\w", name):
        return False
    return re.search(rf"(?<!\w){re.escape(name)}(?:'s|’s)?(?!\w)", text, re.I) is not None


def names_asked_about(db: Database, question: str) -> list[str]:
    """Every stored name (aliases included) of the entities ``question`` names ("Stellaris's CEO")."""
    words = re.findall(r"[\w.&'’-]+", re.sub(r"(?:'s|’s)\b", "", question))
    grams = {" ".join(words[i:j]).lower() for i in range(len(words)) for j in range(i + 1, min(len(words), i + 5) + 1)}
    grams = {g for g in grams if len(g) >= 2}
    if not grams:
        return []
    marks = ", ".join("?" * len(grams))
    ids = [r[0] for r in db.query(f"SELECT DISTINCT entity_id FROM entity_names WHERE lower(name) IN ({marks})",
                                  sorted(grams))]
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    return [str(r[0]) for r in db.query(f"SELECT name FROM entity_names WHERE entity_id IN ({marks})", ids)]


def evidence_hits(db: Database, evidence: list[FactEvidence], hits: list[SearchHit]) -> list[SearchHit]:
    """``hits`` plus the paragraphs holding ``evidence`` that search did not retrieve."""
    have = {(h.article_id, h.paragraph) for h in hits}
    extra = []
    for item in evidence:
        if (item.article_id, item.paragraph) in have:
            continue
        rows = db.query("SELECT p.text, a.title FROM paragraphs p JOIN articles a ON a.id = p.article_id"
                        " WHERE p.article_id = ? AND p.number = ?", (item.article_id, item.paragraph))
        if rows:
            extra.append(SearchHit(item.article_id, item.paragraph, rows[0][1], rows[0][0], 0.0))
            have.add((item.article_id, item.paragraph))
    return hits + extra


def is_evidence(sentence: str, evidence: list[FactEvidence]) -> bool:
    """Whether ``sentence`` is (part of) one of the evidence sentences (splitters differ slightly)."""
    flat = " ".join(sentence.split())
    return any(flat in " ".join(e.text.split()) or " ".join(e.text.split()) in flat for e in evidence
               if len(flat) >= 20)
