"""News texts beside the repository, put in the CNN/DM form and paired with human-written references.

The weak supervision of :mod:`digesthub.evaluate.keypoint_training` (no CNN/DM):

- ``tempeval3``: TimeBank/AQUAINT stories whose headline is known (the
  ``title`` field, or the WSJ headline in the TimeML ``EXTRAINFO`` block);
- ``conll2003``: Reuters stories (first line: the headline, then a dateline);
- ``ecbplus``: ECB+ stories whose sentence 0 is a title (not a URL);
  ``ecbplus_topic``: the same stories with the titles of their whole sub-topic;
- ``t17``: Timeline17 articles; their references are the journalists' gold
  timeline sentences dated within a few days of the article's publication.

The headline is never part of the returned text. Every text is lower-cased,
PTB-tokenized and on one line (no paragraphs), like the See et al. release.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

SOURCES = ("tempeval3", "conll2003", "ecbplus", "t17", "ecbplus_topic")
T17_WINDOW_DAYS = 2  # timeline entries this close to the publication date are the article's news


@dataclass(frozen=True)
class TrainingText:
    """One article in CNN/DM form and the human-written text its key points should match."""

    source: str
    doc_id: str
    text: str
    references: list[str]


# ----------------------------------------------------------------------------- text form

_PTB_BRACKETS = {"-lrb-": "(", "-rrb-": ")", "-lsb-": "[", "-rsb-": "]", "-lcb-": "{", "-rcb-": "}"}
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]\.(?:[A-Za-z]\.)*|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|"
                           r"Jr|Sr|Inc|Corp|Co|Ltd|No|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Calif|Mass|Ariz)\.)$")
_SENTENCE_GAP = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“`'(]*[A-Z0-9])")


def cnndm_form(text: str, *, tokenized: bool) -> str:
    """``text`` as the See et al. CNN/DM release has it: PTB tokens, lower case, one line."""
    if tokenized:
        tokens = text.split()
    else:
        tokens = [t for line in text.splitlines() for s in _split_sentences(line) for t in _tokenize(s)]
    return " ".join(_PTB_BRACKETS.get(t.lower(), t.lower()) for t in tokens)


def _split_sentences(line: str) -> list[str]:
    """Cased raw text cut at sentence ends (not after initials or common abbreviations)."""
    pieces, start = [], 0
    for gap in _SENTENCE_GAP.finditer(line):
        head = line[start:gap.start()].rstrip("\"'”’)")
        if not _ABBREVIATION.search(head.split()[-1] if head.split() else ""):
            pieces.append(line[start:gap.start()] + line[gap.start():gap.end()].rstrip())
            start = gap.end()
    return [p for p in pieces + [line[start:]] if p.strip()]


def _tokenize(sentence: str) -> list[str]:
    from nltk.tokenize import TreebankWordTokenizer

    return TreebankWordTokenizer().tokenize(sentence.replace("“", '"').replace("”", '"').replace("’", "'"))


# ----------------------------------------------------------------------------- sources

def _jsonl(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def tempeval3_texts(data: Path) -> Iterator[TrainingText]:
    """TimeBank/AQUAINT stories with a known headline (title, or the WSJ one in EXTRAINFO)."""
    for record in _jsonl(data / "tempeval3" / "dev_tbaq.jsonl.gz"):
        headline = record.get("title") or _wsj_headline(record.get("tml", ""))
        if headline:
            yield TrainingText("tempeval3", record["doc_id"], cnndm_form(record["text"], tokenized=False),
                               [cnndm_form(headline, tokenized=False)])


def _wsj_headline(tml: str) -> str | None:
    """The headline line of a WSJ EXTRAINFO block ("Xerox Will Lay Off 300 @ At ... 11/02/89 WALL ...")."""
    match = re.search(r"<EXTRAINFO>\s*WSJ[^\n]*\n(.*?)(?:\d\d/\d\d/\d\d|</EXTRAINFO>)", tml, re.S)
    if not match:
        return None
    headline = re.split(r"@\s*-{3,}", match.group(1))[0]  # "---- @ By <byline>" follows
    headline = re.sub(r"^[\w ]+(?:Brief|News)\s*(?:--|:)\s*", "", headline.replace("\n", " "))  # column label
    headline = " ".join(headline.replace("@", " ").split())
    return headline if len(headline.split()) >= 3 else None


def conll2003_texts(data: Path) -> Iterator[TrainingText]:
    """Reuters stories: line 1 is the headline, line 2 the dateline ("LONDON 1996-08-30")."""
    for record in _jsonl(data / "conll2003" / "dev_testa.jsonl.gz"):
        lines = record["text"].splitlines()
        if len(lines) < 3:
            continue
        body = lines[2:] if re.search(r"\d{4}-\d\d-\d\d\s*$", lines[1]) else lines[1:]
        yield TrainingText("conll2003", record["doc_id"], cnndm_form(" ".join(body), tokenized=True),
                           [cnndm_form(lines[0], tokenized=True)])


def ecbplus_texts(data: Path, *, related_titles: bool = False) -> Iterator[TrainingText]:
    """ECB+ stories whose sentence 0 is a title (not a URL or a one-word line).

    With ``related_titles`` the references are the titles of every story of the
    same sub-topic (one seminal event, several publishers): what they all
    headline is the event's key content, and the oracle then picks up to three
    sentences, as for multi-bullet highlights.
    """
    stories = []
    for record in _jsonl(data / "ecbplus" / "dev_and_train.jsonl.gz"):
        sentences = [" ".join(s["tokens"]) for s in sorted(record["sentences"], key=lambda s: s["sent"])]
        title = sentences[0] if sentences else ""
        if len(title.split()) >= 3 and not re.search(r"https?:|www\.|\.(?:com|org|net)\b", title, re.I):
            stories.append((record, cnndm_form(title, tokenized=True), sentences[1:]))
    titles: dict[str, list[str]] = {}
    for record, title, _body in stories:
        titles.setdefault(record["subtopic"], []).append(title)
    for record, title, body in stories:
        references = [title] + [t for t in titles[record["subtopic"]] if t != title] if related_titles else [title]
        yield TrainingText("ecbplus_topic" if related_titles else "ecbplus", record["doc_id"],
                           cnndm_form(" ".join(body), tokenized=True), references)


def t17_texts(data: Path, window: int = T17_WINDOW_DAYS) -> Iterator[TrainingText]:
    """T17 articles with the gold timeline sentences dated within ``window`` days of publication."""
    folder = data / "tls_t17"
    entries: dict[str, list[tuple[dt.date, list[str]]]] = {}
    for timeline in _jsonl(folder / "timelines.jsonl.gz"):
        entries.setdefault(timeline["collection"], []).extend(
            (dt.date.fromisoformat(e["date"][:10]), e["sentences"]) for e in timeline["entries"])
    for record in _jsonl(folder / "articles.jsonl.gz"):
        published = dt.date.fromisoformat(record["pub_date"][:10])
        closest_first = sorted(entries.get(record["collection"], []), key=lambda e: abs((e[0] - published).days))
        near = [cnndm_form(s, tokenized=True) for day, sentences in closest_first
                if abs((day - published).days) <= window for s in sentences]
        if near:
            yield TrainingText("t17", record["id"], cnndm_form(record["text"], tokenized=True), near)


LOADERS: dict[str, Callable[[Path], Iterator[TrainingText]]] = {
    "tempeval3": tempeval3_texts, "conll2003": conll2003_texts, "ecbplus": ecbplus_texts, "t17": t17_texts,
    "ecbplus_topic": lambda data: ecbplus_texts(data, related_titles=True)}
