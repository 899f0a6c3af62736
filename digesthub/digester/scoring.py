"""Shared text features for key points, summary and the citation verifier.

Words are lower-cased and Porter-stemmed (the stemmer ROUGE uses, so what we
optimize and what we measure agree); PTB-tokenized text (``-lrb-``, ``````,
``''``) and ordinary text give the same features. Numbers are normalized
("1,000" -> "1000", "three" -> "3") so a claim's figures can be checked.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from nltk.stem.porter import PorterStemmer

from digesthub.analyze.sentences import dateline_length
from digesthub.types import AnnotatedArticle, Sentence

_STEMMER = PorterStemmer()

# Closed-class English words: they carry no content to cover or to match.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these
they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours yourself yourselves said says say told according mr mrs
ms dr s t 's n't 'll 're 've 'd 'm one new would may might must shall us get got also yet however
""".split())

NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
    "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40",
    "fifty": "50", "hundred": "100", "thousand": "1000", "million": "1e6", "billion": "1e9",
    "dozen": "12",
}

# PTB escapes as the CNN/DailyMail release writes them.
_PTB = {"-lrb-": "(", "-rrb-": ")", "-lsb-": "[", "-rsb-": "]", "-lcb-": "{", "-rcb-": "}",
        "``": '"', "''": '"', "`": "'"}
_PTB_RE = re.compile("|".join(re.escape(k) for k in sorted(_PTB, key=len, reverse=True)))
_WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


def unescape_ptb(text: str) -> str:
    """Replace PTB bracket and quote escapes with the characters they stand for."""
    return _PTB_RE.sub(lambda m: _PTB[m.group(0)], text)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter stem of a lower-cased word (cached: the same words recur)."""
    return _STEMMER.stem(word) if len(word) > 3 else word


def words(text: str) -> list[str]:
    """Lower-cased word and number tokens of ``text``."""
    tokens = (w.lower() for w in _WORD_RE.findall(unescape_ptb(text)))
    # Possessives match the bare name: "Acme's" -> "acme".
    return [w[:-2] if w.endswith(("'s", "’s")) else w for w in tokens]


def stems(text: str) -> list[str]:
    """Stems of all words (stopwords included), in order: for n-gram overlap."""
    return [stem(w) for w in words(text)]


def content_stems(text: str) -> list[str]:
    """Stems of the content words (no stopwords, no 1-letter tokens), in order."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


def normalize_number(token: str) -> str:
    """"1,000" -> "1000", "3.50" -> "3.5", "three" -> "3"; other tokens unchanged."""
    token = token.lower()
    if token in NUMBER_WORDS:
        return NUMBER_WORDS[token]
    if not _NUMBER_RE.fullmatch(token):
        return token
    # A comma followed by exactly three digits groups thousands; otherwise it is a decimal mark.
    plain = re.sub(r",(?=\d{3}(?:\D|$))", "", token).replace(",", ".")
    if "." in plain:
        plain = plain.rstrip("0").rstrip(".")
    return plain.lstrip("0") or "0"


def numbers(text: str) -> set[str]:
    """The normalized numbers a text states (digits and number words)."""
    found = {normalize_number(m) for m in _NUMBER_RE.findall(unescape_ptb(text))}
    found.update(NUMBER_WORDS[w] for w in words(text) if w in NUMBER_WORDS and w != "one")
    return found


def bigrams(tokens: list[str]) -> set[tuple[str, str]]:
    """Adjacent pairs of ``tokens``."""
    return set(zip(tokens, tokens[1:]))


def char_ngrams(text: str, n: int = 4) -> dict[str, int]:
    """Counts of character n-grams of the lower-cased words (a spelling-tolerant profile)."""
    joined = " " + " ".join(words(text)) + " "
    counts: dict[str, int] = {}
    for i in range(len(joined) - n + 1):
        gram = joined[i:i + n]
        counts[gram] = counts.get(gram, 0) + 1
    return counts


def cosine(a: dict[str, int] | dict[str, float], b: dict[str, int] | dict[str, float]) -> float:
    """Cosine similarity of two sparse vectors."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(value * b.get(key, 0) for key, value in a.items())
    norm_a = sum(v * v for v in a.values()) ** 0.5
    norm_b = sum(v * v for v in b.values()) ** 0.5
    return dot / (norm_a * norm_b) if norm_a and norm_b else 0.0


# --------------------------------------------------------------------------- sentences

# PTB-tokenized text (as in CNN/DailyMail): punctuation stands alone, "n't" and
# "'s" are split off, quotes are `` and ''.
_TOKENIZED_MARKS = re.compile(r" (?:,|\.|'s|n't|``|''|-lrb-|-rrb-) ")
_TOKENIZED_END = re.compile(r" [.!?](?: '')?(?= |$)")


def looks_tokenized(text: str) -> bool:
    """True for PTB-tokenized text, whose sentences a statistical parser splits badly."""
    marks = len(_TOKENIZED_MARKS.findall(text))
    return marks >= 3 and marks >= len(text.split()) / 40


def split_tokenized(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of PTB-tokenized ``text``: ends are " . ", " ! ", " ? ".

    A closing quote left at the start of the next sentence (" . ' the ...",
    " . ’ a reviewer ...") goes back to the sentence whose quotation it closes.
    """
    spans, start = [], 0
    for match in _TOKENIZED_END.finditer(text):
        end = match.end()
        if text.startswith(" '", end) and text[end + 2:end + 3] in (" ", "") and \
                _open_single_quotes(text[start:end]):
            end += 2
        elif text.startswith((" ’", " ”"), end) and text[end + 2:end + 3] in (" ", ""):
            end += 2  # a curly closing quote always closes the sentence before it
        if end - start > 2:
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    result = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        if begin < end:
            result.append((begin, end))
    return result


def _open_single_quotes(sentence: str) -> bool:
    """True when ``sentence`` opens more standalone ' quotes than it closes (an odd count)."""
    return len(re.findall(r"(?:^| )'(?= |$)|(?:^| )'(?=\w)|(?<=\w)'(?= |$)", sentence)) % 2 == 1


# Page furniture that survives ingest inside sentences: media prompts, bylines,
# timestamps, photo credits. Real pages carry these, not just the evaluation data.
_BOILERPLATE = re.compile(
    r"scroll down|click here|\bvideo\b.{0,20}\bbelow\b|watch the video|^\W*(?:by|published|updated|"
    r"last updated|follow)\b.{0,80}(?:\||\d{4}|@|\bfor\b)|\bpublished\s*:|\bupdated\s*:|"
    r"(?:photo|picture|image)s?\s*(?:credit|courtesy)|\(\s*(?:file )?(?:picture|photo|pictured)\s*\)|"
    r"^\W*(?:read more|related|see also|share this|advertisement)\b|"
    r"\bcopyright\b|all rights reserved|@\w+|#\w+",
    re.I)
# A photo caption opens with a short label and a colon: "Tearful: Ariana Mason, 21, relives ...".
_CAPTION_LABEL = re.compile(r"^\s*(?:[\w'’.-]+\s+){0,3}[\w'’.-]+\s*:\s+\S")


def is_boilerplate(sentence: str) -> bool:
    """True for page furniture (media prompts, bylines, timestamps, captions), not article prose."""
    text = unescape_ptb(sentence)
    # "Editor's note:" and the like introduce prose (compress() drops the label).
    return bool(_BOILERPLATE.search(text) or _CAPTION_LABEL.match(_LEADING_LABEL.sub("", text, count=1)))


def strip_dateline(sentence: str) -> str:
    """Drop a leading news-agency dateline: "Washington (CNN) -- ", "( cnn ) ", "PARIS (AP) -"."""
    return sentence[dateline_length(sentence):]


def article_sentences(annotated: AnnotatedArticle) -> list[Sentence]:
    """The article's sentences; PTB-tokenized paragraphs are re-split on their own punctuation.

    The statistical parser splits tokenized text (`` quotes, " . " ends) badly,
    so such text gets the light splitter, here and in the evaluation alike.
    """
    article = annotated.article
    if annotated.sentences and not looks_tokenized(article.text):
        return list(annotated.sentences)
    sentences: list[Sentence] = []
    for number, (start, end) in enumerate(article.paragraph_offsets(), start=1):
        text = article.paragraphs[number - 1].text
        for begin, finish in split_tokenized(text) if looks_tokenized(article.text) else [(0, len(text))]:
            sentences.append(Sentence(start + begin, start + finish, text[begin:finish], number))
    return sentences


def tfidf_vectors(token_lists: list[list[str]]) -> list[dict[str, float]]:
    """TF-IDF vectors with the IDF taken over ``token_lists`` themselves (one article's sentences)."""
    count = len(token_lists)
    df: dict[str, int] = {}
    for tokens in token_lists:
        for token in set(tokens):
            df[token] = df.get(token, 0) + 1
    idf = {token: math.log((count + 1) / (n + 0.5)) for token, n in df.items()}
    vectors = []
    for tokens in token_lists:
        vector: dict[str, float] = {}
        for token in tokens:
            vector[token] = vector.get(token, 0.0) + idf[token]
        vectors.append(vector)
    return vectors


# Sentence compression: asides a takeaway can lose without changing what it states.
_PARENTHETICAL = re.compile(r"\s*(?:\(|-lrb-)(?:(?!\)|-rrb-).){1,80}?(?:\)|-rrb-)")
_DASH_ASIDE = re.compile(r"\s+(?:--|—)\s+[^-—]{1,90}?\s+(?:--|—)(?=\s)")
_LEADING_CONNECTIVE = re.compile(
    r"^(?:but|and|so|yet|however|meanwhile|still|now|also|instead|indeed|in fact|in addition|"
    r"as a result|at the same time|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
    r"\s*,?\s+", re.I)
_TRAILING_ATTRIBUTION = re.compile(
    r"\s*,\s*(?:(?:[\w'.-]+\s+){0,5}(?:said|says|told\s+[\w'.-]+(?:\s+[\w'.-]+)?|reported|added|"
    r"explained)(?:\s+(?:on|last|this)\s+\w+)?|according\s+to\s+[^,]{1,60})(?=\s*[.!?](?:\s*(?:''|\"|”))?\s*$)",
    re.I)


_LEADING_LABEL = re.compile(r"^\s*(?:editor'?s'? note|update[d]?|breaking(?: news)?|exclusive|analysis|"
                            r"opinion|watch|video|photos?)\s*:\s*", re.I)


def compress(sentence: str) -> str:
    """A shorter sentence stating the same: no dateline, label ("Editor's note:"),
    parentheticals, dash asides, leading connective or trailing attribution ("..., police said.")."""
    text = _LEADING_LABEL.sub("", strip_dateline(sentence), count=1)
    text = _PARENTHETICAL.sub("", text)
    text = _DASH_ASIDE.sub("", text)
    text = _one_full_stop(_TRAILING_ATTRIBUTION.sub("", text))
    shorter = _LEADING_CONNECTIVE.sub("", text)
    if shorter and len(shorter.split()) >= 4:
        text = shorter[0].upper() + shorter[1:] if text[:1].isupper() else shorter
    return re.sub(r"\s{2,}", " ", text).strip()


# "... Holding Ltd., the people said." without its attribution ends "Ltd.." (not an ellipsis "...").
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?=(?:''|\"|”)?\s*$)")


def _one_full_stop(text: str) -> str:
    return _DOUBLE_STOP.sub(".", text)


_TRAILING_CLAUSE = re.compile(
    r"\s*,\s+(?:which|who|after|as|while|when|because|before|despite|following|including|but|and|"
    r"with|where|although|though|amid|leaving|saying)\b.*?(?=\s*[.!?](?:\s*(?:''|\"|”))?\s*$)", re.I)


def trim_trailing_clause(sentence: str, *, min_words: int = 12) -> str:
    """Cut a trailing subordinate clause (", which ...", ", after ...") when a main clause
    of ``min_words`` words or more stays: a takeaway keeps the main statement."""
    match = _TRAILING_CLAUSE.search(sentence)
    if match and len(sentence[:match.start()].split()) >= min_words:
        return _one_full_stop(sentence[:match.start()] + sentence[match.end():])
    return sentence
