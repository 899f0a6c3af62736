"""Acronyms defined beside their long form: "the Central Narcotics Bureau ( CNB )"; names in
Chinese, Japanese or Korean script in brackets after a name: "Moonshot AI (月之暗面)"; short
names a company's legal name defines: 'Beijing Moonshot Technology Co., Ltd. (hereinafter
referred to as "Moonshot")'.

The long form and the acronym in brackets (or the acronym and the long form in
brackets) name one thing, so they are of one type. The model often leaves the
acronym untagged or types it on its own; the acronym takes the long form's
type (a new candidate where it was untagged), and propagation then finds its
other occurrences.
"""

from __future__ import annotations

from spacy.tokens import Doc

import re

from digesthub.analyze.entities.candidate import CUE_WEIGHT, PATTERN_WEIGHT, Candidate
from digesthub.analyze.entities.patterns import CJK_CHARACTER
from digesthub.analyze.entities.spans import make_candidate

_MIN_LETTERS, _MAX_LETTERS = 2, 7


def acronym_candidates(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Votes for acronyms defined next to a typed long form; new candidates for untagged ones."""
    ends = {c.last: c for c in candidates}
    starts = {c.first: c for c in candidates}
    found: list[Candidate] = []
    for token in doc:
        if token.text != "(":
            continue
        pair = _defined_pair(doc, token.i, ends, starts)
        if pair is None:
            continue
        short, long_form = pair
        existing = starts.get(short)
        if existing is not None and existing.last == short + 1:
            existing.vote(long_form.best(), CUE_WEIGHT)
        elif existing is None:
            candidate = make_candidate(doc, short, short + 1)
            candidate.vote(long_form.best(), CUE_WEIGHT)
            found.append(candidate)
    return found


def _defined_pair(doc: Doc, bracket: int, ends: dict[int, Candidate],
                  starts: dict[int, Candidate]) -> tuple[int, Candidate] | None:
    """(acronym token, long-form candidate) for "Long Form ( LF )" or "LF ( Long Form )" at ``bracket``."""
    after = bracket + 1
    if after + 1 < len(doc) and doc[after + 1].text == ")" and bracket in ends:
        short, long_form = after, ends[bracket]  # "the Central Narcotics Bureau ( CNB )"
    elif after in starts and starts[after].last < len(doc) and doc[starts[after].last].text == ")":
        short, long_form = bracket - 1, starts[after]  # "the FOMC ( Federal Open Market Committee )"
    else:
        return None
    if short < 0 or not _is_acronym(doc[short].text) or doc[short].is_stop or not long_form.best():
        return None
    return (short, long_form) if _abbreviates(doc[short].text, doc[long_form.first:long_form.last].text) else None


def _is_acronym(text: str) -> bool:
    return text.isalpha() and text.isupper() and _MIN_LETTERS <= len(text) <= _MAX_LETTERS


def _abbreviates(acronym: str, long_form: str) -> bool:
    """The acronym's letters are the long form's initials, in order ("FOMC" of "Federal Open
    Market Committee"; "LIFFE" of "London International Financial Futures and Options Exchange")."""
    words = [w for w in long_form.replace("-", " ").split() if w[:1].isalpha()]
    initials = "".join(w[0].upper() for w in words)
    capitals = "".join(w[0] for w in words if w[0].isupper())
    if not capitals or acronym[0] != capitals[0] or len(acronym) * 5 < len(capitals) * 3:
        return False
    position = 0
    for letter in acronym:
        position = initials.find(letter, position) + 1
        if position == 0:
            return False
    return True


_CJK_NAME = re.compile(rf"^{CJK_CHARACTER}+$")
# Endings of Chinese organization names (company, group, technology, automobile, bank, intelligence,
# power, energy, ...); a personal name (two to four characters) never ends so.
_CJK_ORG_ENDING = re.compile(
    "(?:公司|集团|科技|汽车|银行|智能|动力|能源|新能源|电子|网络|医药|制药|生物|控股|股份|传媒|证券|保险|"
    "资本|基金|创投|投资|研究院|研究所|大学|学院|实验室|技术|机器人|半导体|电池|通信|软件|航空|电气|"
    "电器|重工|工业|协会|委员会|有限)$")
_MAX_CJK_TOKENS = 4


def cjk_name_candidates(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """"Moonshot AI (月之暗面)", "Yang Zhilin (杨植麟)": the bracketed name in CJK script is the same
    entity's name in its own language: a candidate of the long form's type, marked secondary."""
    found: list[Candidate] = []
    for candidate in candidates:
        bracket = candidate.last
        if bracket >= len(doc) or doc[bracket].text != "(" or not candidate.best():
            continue
        close = next((i for i in range(bracket + 1, min(len(doc), bracket + 2 + _MAX_CJK_TOKENS))
                      if doc[i].text == ")"), None)
        if close is None or close == bracket + 1:
            continue
        if all(_CJK_NAME.match(doc[i].text) for i in range(bracket + 1, close)):
            name = make_candidate(doc, bracket + 1, close)
            if _CJK_ORG_ENDING.search(name.text):
                # "零跑汽车" (-automobile), "银河动力" (-power): the Chinese name says it is a company
                name.vote("ORG", PATTERN_WEIGHT)
                candidate.vote("ORG", CUE_WEIGHT)
            else:
                name.vote(candidate.best(), CUE_WEIGHT)
            name.secondary = True
            found.append(name)
    return found + _named_in_chinese(doc, candidates)


_COMPANY_WORDS = frozenset({"company", "firm", "startup", "start-up", "group", "lab", "business", "maker"})


def _named_in_chinese(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """"The company, known in Chinese as 智谱, said": the name in CJK script after "known in
    Chinese as" is a name of the company (or of the name right before the cue), marked secondary
    (grouping links it to whom it names)."""
    ends = {c.last: c for c in candidates}
    found = []
    for token in doc[3:]:
        index = token.i
        if not (_CJK_NAME.match(token.text) and doc[index - 1].lower_ == "as" and doc[index - 3].lower_ == "in"
                and doc[index - 4].lower_ == "known" if index >= 4 else False):
            continue
        if index > 0 and _CJK_NAME.match(doc[index - 1].text):
            continue
        last = index + 1
        while last < len(doc) and last - index < _MAX_CJK_TOKENS and _CJK_NAME.match(doc[last].text):
            last += 1
        opener = index - 4 - (1 if doc[index - 5].text == "," else 0) if index >= 5 else index - 4
        named = ends.get(opener)
        label = named.best() if named is not None and named.best() else (
            "ORG" if any(t.lower_ in _COMPANY_WORDS for t in doc[token.sent.start:index]) else "")
        if not label:
            continue
        name = make_candidate(doc, index, last)
        name.vote(label, CUE_WEIGHT)
        name.secondary = True
        found.append(name)
    return found


_DEFINING_WORDS = frozenset({"hereinafter", "referred", "to", "as", "the", "called"})
_QUOTE_MARKS = frozenset({"\"", "“", "”", "'", "‘", "’"})


def defined_name_candidates(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """'Foo Bar Technology Co., Ltd. (hereinafter referred to as "Foo")': the quoted short name is
    a candidate of the long form's type (the model rarely tags it), found wherever it recurs."""
    covered = {i for c in candidates for i in range(c.first, c.last)}
    found: list[Candidate] = []
    for candidate in candidates:
        bracket = candidate.last
        if bracket >= len(doc) or doc[bracket].text != "(" or not candidate.best():
            continue
        close = next((i for i in range(bracket + 1, min(len(doc), bracket + 12)) if doc[i].text == ")"), None)
        if close is None or doc[bracket + 1].lower_ != "hereinafter":
            continue
        inner = [i for i in range(bracket + 1, close)
                 if doc[i].lower_ not in _DEFINING_WORDS and doc[i].text not in _QUOTE_MARKS]
        if inner and not covered.intersection(inner) and all(doc[i].text[:1].isupper() for i in inner):
            name = make_candidate(doc, inner[0], inner[-1] + 1)
            name.vote(candidate.best(), CUE_WEIGHT)
            found.append(name)
    return found
