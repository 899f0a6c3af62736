"""Business-news cues: "-based", founding, "one of ... start-ups". Invented sentences."""

from __future__ import annotations

from digesthub.analyze.entities import find_entities
from digesthub.analyze.entities.business import business_cue
from digesthub.analyze.nlp import parse


def _types(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for mention in find_entities(text):
        found.setdefault(mention.text, set()).add(mention.label)
    return found


def _span(doc: object, words: list[str], name: str) -> tuple[int, int]:
    parts = name.split()
    first = words.index(parts[0])
    return first, first + len(parts)


def test_place_based_company_is_an_organization() -> None:
    types = _types("Beijing-based Zhipei raised new funds.")
    assert types.get("Zhipei") == {"ORG"}, types
    assert types.get("Beijing") == {"GPE"}


def test_based_analyst_keeps_the_person() -> None:
    types = _types("London-based analyst Mara Voss disagreed.")
    assert types.get("Mara Voss") == {"PERSON"}, types


def test_one_of_the_startups_is_an_organization() -> None:
    types = _types("Zhipei, one of China's earliest generative AI start-ups, is valued highly.")
    assert types.get("Zhipei") == {"ORG"}, types


def test_founding_cues() -> None:
    doc = parse("Orvane was co-founded by Zhou Kestrel in 2019. Later she co-founded Brightwater in Oslo.")
    words = [t.text for t in doc]
    assert business_cue(doc, *_span(doc, words, "Zhou Kestrel"))[0] == "PERSON"
    assert business_cue(doc, *_span(doc, words, "Brightwater"))[0] == "ORG"


def test_the_founder_s_former_employer_is_no_founder() -> None:
    doc = parse("Kestrel was founded by Microsoft veteran Jiang Daxin.")
    words = [t.text for t in doc]
    assert business_cue(doc, *_span(doc, words, "Microsoft"))[0] != "PERSON"
    assert _types("Kestrel was founded by Microsoft veteran Jiang Daxin.").get("Microsoft") == {"ORG"}


def test_subject_raising_money_is_an_organization() -> None:
    assert _types("In July, Baichuan raised 5 billion yuan in Series A funding.").get("Baichuan") == {"ORG"}
    assert _types("Zhipei secured a Series B round led by Kestrel Capital.").get("Zhipei") == {"ORG"}


def test_person_raising_money_for_charity_stays_a_person() -> None:
    assert _types("Lin Qiao raised $3 million for charity.").get("Lin Qiao") == {"PERSON"}
