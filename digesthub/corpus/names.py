"""Entity names reduced to comparable keys, and how alike two names are.

A name is romanized (Chinese through pinyin: 智谱 -> zhipu), folded to ASCII
lowercase tokens, and an organization's legal and generic suffixes are
dropped (Zhipu AI, Zhipu Technology Co., Ltd. -> zhipu). Blocking keys (the
key, its NYSIIS code, an acronym, a person's first and last name) find
candidates cheaply; :func:`pair_score` then decides.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import jellyfish
from rapidfuzz import fuzz

from digesthub.analyze.pinyin import same_name_romanized

# Legal forms and generic words a company name is often given with or without.
COMPANY_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company ltd limited llc plc lp llp ag sa se nv bv "
    "gmbh kk pte pty group holding holdings technology technologies tech ai labs lab "
    "international intl com magazine newspaper motor motors computer computers airlines airways "
    "entertainment pictures studios pharmaceuticals pharma industries enterprises systems "
    "communications telecom robotics".split()
)
# Institution words an organization's name ends in: alone ("the Department", "Police") they name a kind,
# not the one organization, so they never stand for "Interior Department" as a short form.
GENERIC_ORG_HEADS = frozenset(
    "police department dept ministry agency office bureau commission committee council court courts "
    "government administration university college school institute party army navy force forces "
    "service services bank hospital church company group association union federation league team "
    "club board authority center centre foundation fund house senate congress parliament assembly "
    "state city county district region province government media news press network".split()
)
# Generational suffixes: "Arcade Comeaux Jr." is "Comeaux" in later mentions.
_GENERATIONS = frozenset("jr sr ii iii iv".split())
_SKIP_IN_ACRONYM = frozenset("of and the for de &".split())
# Titles and roles written before a person's name ("Attorney Mark Heller", "Coach Sean Payton").
_TITLES = frozenset(
    "mr mrs ms miss dr prof sir lord lady dame president vice ceo chairman chairwoman gen general "
    "attorney lawyer judge justice coach sheriff deputy officer detective det sgt sergeant lt "
    "lieutenant capt captain col colonel cmdr commander adm admiral maj major cpl private "
    "senator sen rep representative gov governor mayor minister prime secretary chancellor "
    "rev reverend bishop cardinal rabbi "
    "chief director spokesman spokeswoman actress actor singer rapper".split())
_CJK = re.compile(r"[\u3400-\u9fff]")
_TOKEN = re.compile(r"[a-z0-9]+")

SHORT, EXACT, ACRONYM, FUZZY, PHONETIC = "short", "exact", "acronym", "fuzzy", "phonetic"
GENERIC = "generic"


def coarse_type(label: str) -> str:
    """Labels that may name the same thing: PERSON, ORG, place, or the label itself."""
    if label in ("GPE", "LOC", "FAC"):
        return "PLACE"
    return label or "OTHER"


@functools.lru_cache(maxsize=65536)
def tokens(name: str) -> tuple[str, ...]:
    """ASCII lowercase word tokens; Chinese characters become pinyin syllables of one word."""
    if _CJK.search(name):
        from pypinyin import lazy_pinyin

        name = "".join(lazy_pinyin(name))
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"'s\b", "", folded).replace("&", " and ")
    words = tuple(_TOKEN.findall(folded))
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return words


def is_cjk_name(name: str) -> bool:
    """A name written in Chinese (or Japanese) characters: 月之暗面, 智谱."""
    return bool(_CJK.search(name)) and not re.search(r"[A-Za-z]", name)


@functools.lru_cache(maxsize=65536)
def core_tokens(name: str, label: str) -> tuple[str, ...]:
    """Tokens without company suffixes (ORG) or titles (PERSON); never empty if tokens exist."""
    words = list(tokens(name))
    if coarse_type(label) == "PERSON":
        while len(words) > 1 and words[0] in _TITLES:
            words.pop(0)
        while len(words) > 1 and words[-1] in _GENERATIONS:
            words.pop()
        return tuple(words)
    while len(words) > 1 and words[-1] in COMPANY_SUFFIXES:
        words.pop()
    return tuple(words)


def name_key(name: str, label: str) -> str:
    """The normalized key: equal keys mean the same name."""
    return "".join(core_tokens(name, label))


def acronyms(name: str) -> set[str]:
    """Initials of a multi-word name, with and without its company suffixes.

    International Business Machines -> ibm; British Broadcasting Corporation -> bbc and bb.
    """
    if any(len(w) > 1 and w.isalpha() and w.isupper() for w in name.split()):
        return set()  # "US Navy" is not "UN": a name already holding an acronym has no initials
    words = [w for w in tokens(name) if w not in _SKIP_IN_ACRONYM]
    found = set()
    if name.lower().startswith("the ") and len(words) >= 2:
        found.add("t" + "".join(w[0] for w in words))  # The Hollywood Reporter -> thr
    while len(words) >= 2:
        found.add("".join(w[0] for w in words))
        if words[-1] not in COMPANY_SUFFIXES:
            break
        words.pop()
    return found


def looks_like_acronym(name: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", name)
    if letters.endswith("s") and letters[:-1].isupper():
        letters = letters[:-1]  # a plural: ISPs
    return 2 <= len(letters) <= 6 and letters.isupper() and " " not in name.strip()


def acronym_key(name: str) -> str:
    """The letters of an acronym as a key: "ISPs" -> isp, "U.N." -> un."""
    letters = re.sub(r"[^A-Za-z]", "", name)
    if letters.endswith("s") and letters[:-1].isupper():
        letters = letters[:-1]
    return letters.lower()


def blocking_keys(name: str, label: str) -> set[str]:
    """Keys under which candidates for ``name`` are looked up."""
    key = name_key(name, label)
    if not key:
        return set()
    kind = coarse_type(label)
    keys = {f"k:{kind}:{key}", f"p:{kind}:{jellyfish.nysiis(key)}"}
    if kind != "PERSON":
        keys.add(f"x:{key}")  # the recognizer may call one company ORG here and GPE there
    if kind != "PERSON":
        keys.update(f"a:{kind}:{initials}" for initials in acronyms(name))
    if looks_like_acronym(name):
        keys.add(f"a:{kind}:{acronym_key(name)}")
    words = core_tokens(name, label)
    if kind == "ORG" and words[-1] not in GENERIC_ORG_HEADS and not looks_like_acronym(name):
        keys.add(f"t:{kind}:{words[-1]}")  # "Saints" finds "New Orleans Saints"
    if kind == "PERSON":
        # Western names are shortened to the last name, Chinese ones to the first (the surname).
        keys.update(f"s:{kind}:{w}" for w in {words[0], words[-1]})
    return keys


def cross_type_score(a: str, label_a: str, b: str, label_b: str) -> float:
    """Score of two names whose labels differ: only equal keys of non-persons count, weakly."""
    if "PERSON" in (coarse_type(label_a), coarse_type(label_b)):
        return 0.0
    key_a = name_key(a, label_a)
    return 0.8 if key_a and key_a == name_key(b, label_b) else 0.0


def pair_score(a: str, b: str, label: str) -> tuple[float, str]:
    """How likely names ``a`` and ``b`` (same coarse type) name one entity, and why."""
    key_a, key_b = name_key(a, label), name_key(b, label)
    if not key_a or not key_b:
        return 0.0, ""
    kind = coarse_type(label)
    if key_a == key_b:
        # A bare surname is a short form even when spelled the same: it may fit several people.
        if kind == "PERSON" and len(core_tokens(a, label)) == 1:
            return 0.8, SHORT
        if core_tokens(a, label)[-1] in GENERIC_ORG_HEADS and len(core_tokens(a, label)) == 1:
            return 0.78, GENERIC  # "Police" in two articles: two forces unless the context agrees
        return 1.0, EXACT
    words_a, words_b = core_tokens(a, label), core_tokens(b, label)
    if kind == "PERSON":
        return _person_score(words_a, words_b)
    for short, long in ((a, b), (b, a)):
        if looks_like_acronym(short) and acronym_key(short) in acronyms(long):
            return 0.9, ACRONYM
    if kind == "ORG" and _trailing_short_form(words_a, words_b):
        return 0.8, SHORT
    ratio = fuzz.ratio(key_a, key_b)
    if ratio >= 92 and min(len(key_a), len(key_b)) >= 5:
        return 0.85, FUZZY
    if kind in ("ORG", "PRODUCT") and same_name_romanized(key_a, key_b):
        return 0.8, PHONETIC  # "Zhipei" for "Zhipu": one Chinese name romanized two ways
    if ratio >= 70 and jellyfish.nysiis(key_a) == jellyfish.nysiis(key_b):
        return 0.78, PHONETIC
    return 0.0, ""


def _trailing_short_form(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One organization name is the other's closing words: "Saints" of "New Orleans Saints".

    A place or owner before the name is often dropped; a generic closing word
    ("Police", "Department") is a kind, not a short form. Like a surname, the
    short form may fit several organizations (the caller checks that).
    """
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return (len(short) < len(long) and long[-len(short):] == short
            and short[-1] not in GENERIC_ORG_HEADS and len("".join(short)) >= 3)


def _person_score(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[float, str]:
    if len(a) == 1 or len(b) == 1:
        single, full = (a, b) if len(a) == 1 else (b, a)
        if len(full) > 1 and single[0] in (full[0], full[-1]):
            return 0.8, SHORT
        return 0.0, ""
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    if longer[-len(shorter):] == shorter:
        return 0.85, FUZZY  # a descriptor before the same full name
    if len(a) == len(b) == 2 and a == b[::-1]:
        return 0.85, FUZZY  # "Zhang Peng" written in Western order: "Peng Zhang"
    if a[-1] == b[-1] and _given_names_fit(shorter[:-1], longer[:-1]):
        return 0.85, FUZZY  # "Mark Heller" ~ "Mark Jay Heller", "Fred LaRue" ~ "Frederick C. LaRue"
    if a[-1] != b[-1] and a[0] != b[0]:
        return 0.0, ""
    first_a, first_b = (a[0], b[0]) if a[-1] == b[-1] else (a[-1], b[-1])
    if first_a[0] == first_b[0] and (len(first_a) == 1 or len(first_b) == 1):
        return 0.8, SHORT  # "J. Smith" and "John Smith"
    if fuzz.ratio("".join(a), "".join(b)) >= 90:
        return 0.8, FUZZY  # a transliteration variant of the whole name
    return 0.0, ""


def _given_names_fit(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Every given name of ``short`` fits one of ``long``'s, in order, the first one included.

    A given name fits itself, its initial, or a nickname that is its start
    ("Fred" of "Frederick", "Alex" of "Alexander"); middle names may be left out.
    """
    if not short or not long:
        return False
    position = 0
    for word in short:
        while position < len(long) and not _given_name_fits(word, long[position]):
            position += 1
        if position == len(long):
            return False
        position += 1
    return _given_name_fits(short[0], long[0]) or len(long) > len(short)


def _given_name_fits(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) == 1:
        return a[0] == b[0] and max(len(a), len(b)) > 1
    shorter, longer = sorted((a, b), key=len)
    return 3 <= len(shorter) <= 5 and len(longer) > len(shorter) + 1 and longer.startswith(shorter)
