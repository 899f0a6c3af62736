"""Cross-article entity resolution, the coreference metrics, and the ECB+ evaluation."""

from __future__ import annotations

from pathlib import Path

import pytest

from digesthub.corpus import linking
from digesthub.corpus.linking import NameRecord, Resolver, best_match, link_entities
from digesthub.corpus.names import name_key, pair_score
from digesthub.evaluate.coref import b_cubed, ceaf_e, conll_scores, max_assignment, muc
from digesthub.types import Mention

ECB = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ecbplus"


@pytest.mark.parametrize(("a", "b", "label"), [
    ("Zhipu AI", "Zhipei", "ORG"),                      # transliteration variant
    ("智谱", "Zhipu AI", "ORG"),                         # Chinese characters through pinyin
    ("Zhipu Technology Co., Ltd.", "Zhipu", "ORG"),     # company suffixes
    ("IBM", "International Business Machines", "ORG"),  # acronym
    ("Sam Altman", "Altman", "PERSON"),                 # full and short name
    ("Dr. Sanjay Gupta", "Sanjay Gupta", "PERSON"),     # title
    ("the Philadelphia 76ers", "Philadelphia 76ers", "ORG"),
])
def test_variants_of_one_name_match(a: str, b: str, label: str) -> None:
    assert pair_score(a, b, label)[0] >= linking.MERGE_THRESHOLD


@pytest.mark.parametrize(("a", "b", "label"), [
    ("Apple", "Applied Materials", "ORG"),
    ("Alibaba", "Alibaba Cloud", "ORG"),
    ("Jack Ma", "Pony Ma", "PERSON"),
    ("Zhang Peng", "Zhang Yiming", "PERSON"),
    ("UN", "US Navy", "ORG"),
])
def test_similar_names_of_different_entities_do_not(a: str, b: str, label: str) -> None:
    assert pair_score(a, b, label)[0] < linking.MERGE_THRESHOLD


def test_type_must_agree_and_context_decides_close_calls() -> None:
    assert best_match(NameRecord(["Jordan"], "PERSON"), [NameRecord(["Jordan"], "GPE")]) is None
    shared = NameRecord(["Zhipu"], "ORG", {"beijing", "alibaba", "zhangpeng"})
    assert best_match(NameRecord(["Zhipei"], "ORG", {"alibaba", "tencent"}), [shared]) == 0
    assert best_match(NameRecord(["Zhipei"], "ORG", {"nasa", "houston"}), [shared]) is None


def test_a_romanization_variant_needs_little_shared_context_and_none_contradicting() -> None:
    from digesthub.analyze.pinyin import same_name_romanized

    assert same_name_romanized("zhipu", "zhipei") and same_name_romanized("xiaomi", "xiaomei")
    assert not same_name_romanized("zhipu", "zhipuxin") and not same_name_romanized("moonshot", "moonshoot")
    assert not same_name_romanized("baidu", "caidu")  # another first syllable
    # one shared name among a dozen each (two articles on one company) is enough ...
    many = {f"name{i}" for i in range(10)}
    known = NameRecord(["Zhipu AI"], "ORG", many | {"openai"})
    assert best_match(NameRecord(["Zhipei"], "ORG", {f"other{i}" for i in range(10)} | {"openai"}), [known]) == 0
    # ... and nothing shared keeps two similar spellings apart
    assert best_match(NameRecord(["Zhipei"], "ORG", {f"other{i}" for i in range(11)}), [known]) is None


def test_a_bare_surname_stays_apart_when_two_people_share_it() -> None:
    resolver = Resolver()
    first = resolver.add(NameRecord(["Zhang Peng"], "PERSON"))
    assert resolver.add(NameRecord(["Zhang"], "PERSON")) == first  # unambiguous: merged
    second = resolver.add(NameRecord(["Zhang Yiming"], "PERSON"))
    assert second != first
    assert resolver.add(NameRecord(["Zhang"], "PERSON")) not in (first, second)


def _mentions(text: str, names: list[tuple[str, str]]) -> list[Mention]:
    found = []
    for name, label in names:
        start = text.index(name)
        found.append(Mention(start, start + len(name), name, label))
    return found


def test_link_entities_clusters_across_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = {
        "d1": ("Zhipu AI raised money from Alibaba Group; Zhang Peng leads it.",
               [("Zhipu AI", "ORG"), ("Alibaba Group", "ORG"), ("Zhang Peng", "PERSON")]),
        "d2": ("Zhipei is backed by Alibaba, Zhang said.",
               [("Zhipei", "ORG"), ("Alibaba", "ORG"), ("Zhang", "PERSON")]),
        "d3": ("Applied Materials and Apple Inc. reported results.",
               [("Applied Materials", "ORG"), ("Apple Inc.", "ORG")]),
    }
    monkeypatch.setattr(linking, "find_mentions", lambda text: next(
        _mentions(t, names) for t, names in docs.values() if t == text))
    clusters = link_entities((doc_id, text) for doc_id, (text, _) in docs.items())
    by_name = {c.name: c for c in clusters}
    assert len(clusters) == 5
    assert sorted(by_name["Zhipu AI"].aliases) == ["Zhipei"]
    assert {m[0] for m in by_name["Zhang Peng"].mentions} == {"d1", "d2"}
    assert by_name["Zhipu AI"].mentions[1] == ("d2", 0, 6)
    assert "Apple Inc." in by_name and "Applied Materials" in by_name


def test_link_entities_with_the_real_recognizer() -> None:
    clusters = link_entities([
        ("a", "Zhipu AI, a start-up in Beijing, said on Monday that Sam Altman visited."),
        ("b", "Sam Altman met the founders of Zhipu AI in Beijing."),
    ])
    spread = {name_key(c.name, c.label): {m[0] for m in c.mentions} for c in clusters}
    assert spread.get("samaltman") == {"a", "b"}
    assert spread.get("beijing") == {"a", "b"}


def test_metrics_on_the_textbook_example() -> None:
    key = [frozenset("abc"), frozenset("de")]
    response = [frozenset("ab"), frozenset("cde")]
    assert muc(key, response)[2] == pytest.approx(2 / 3)
    assert b_cubed(key, response)[0] == pytest.approx(11 / 15)
    assert ceaf_e(key, response)[2] == pytest.approx(0.8)
    assert conll_scores(key, key)["conll_f1"] == pytest.approx(1.0)
    assert conll_scores(key, [frozenset(m) for m in "abcde"])["muc_f1"] == 0.0


def test_assignment_is_optimal() -> None:
    weights = [[0.9, 0.8, 0.0], [0.85, 0.0, 0.0]]
    assert sorted(max_assignment(weights)) == [(0, 1), (1, 0)]


def test_linker_beats_the_same_string_baseline_on_an_ecb_subset() -> None:
    if not (ECB / "dev_and_train.jsonl.gz").exists():
        pytest.skip("../shared/data/ecbplus is not beside the repository")
    from digesthub.evaluate.link import evaluate

    report = evaluate(ECB, limit=40)
    assert report.documents == 40
    linker, baseline = report.systems["linker"], report.systems["same-string"]
    assert linker["conll_f1"] > baseline["conll_f1"]
    assert linker["conll_f1"] > 0.55


def test_an_acronym_never_bridges_two_different_full_names() -> None:
    resolver = Resolver()
    press = resolver.add(NameRecord(["Associated Press", "AP"], "ORG"))
    assert resolver.add(NameRecord(["Aids Project"], "ORG")) != press
    assert resolver.add(NameRecord(["British Broadcasting Corporation"], "ORG")) == \
        resolver.add(NameRecord(["BBC"], "ORG"))


def test_aliases_our_rules_reject_are_not_used_to_match() -> None:
    aliases = ["BBC Radio", "British Broadcasting Corporation", "BBC Two"]
    assert linking.compatible_aliases("BBC", aliases, "ORG") == ["British Broadcasting Corporation"]
    assert linking.compatible_aliases("Zhipu AI", ["智谱", "Zhipu"], "ORG") == ["智谱", "Zhipu"]
    # a Chinese name, and the romanized name that spells it, are kept whatever they look like
    assert linking.compatible_aliases("Moonshot AI", ["Moonshot", "Yuezhi Anmian", "月之暗面", "Yuezhi Labs"],
                                      "ORG") == ["Moonshot", "Yuezhi Anmian", "月之暗面"]


def test_ceaf_splits_into_independent_pieces_without_changing_the_score() -> None:
    # Two disconnected pieces; the greedy choice in the first piece would be wrong.
    key = [frozenset({1, 2, 3}), frozenset({4}), frozenset({10, 11}), frozenset({12})]
    response = [frozenset({1, 2}), frozenset({3, 4}), frozenset({10, 11, 12})]
    recall, precision, _ = ceaf_e(key, response)
    # piece 1: {123}-{12} 0.8 + {4}-{34} 2/3; piece 2: {10,11}-{10,11,12} 0.8
    assert recall == pytest.approx((0.8 + 2 / 3 + 0.8) / 4)
    assert precision == pytest.approx((0.8 + 2 / 3 + 0.8) / 3)


def test_eval_link_reports_each_split(monkeypatch: pytest.MonkeyPatch) -> None:
    if not (ECB / "dev_and_train.jsonl.gz").exists():
        pytest.skip("../shared/data/ecbplus is not beside the repository")
    from digesthub.evaluate import link

    docs = link.read_documents(ECB, "train,dev")
    picked = [d for d in docs if d["split"] == "train"][:5] + [d for d in docs if d["split"] == "dev"][:5]
    monkeypatch.setattr(link, "read_documents", lambda *args, **kwargs: picked)
    report = link.evaluate(ECB)
    assert {"linker", "linker [train]", "linker [dev]", "same-string [dev]"} <= set(report.systems)
    assert report.systems["linker [dev]"] != report.systems["linker [train]"]


@pytest.mark.parametrize(("a", "b", "label"), [
    ("Quenby Harrowgate", "Quenby Tamsin Harrowgate", "PERSON"),   # a middle name left out
    ("Fred Olvenmark", "Frederick C. Olvenmark", "PERSON"),        # a nickname that is the name's start
    ("Dorin Vask", "T. Dorin Vask Sr.", "PERSON"),                 # initial first, generation suffix
    ("Vask", "Dorin Vask Jr.", "PERSON"),                          # surname of a Jr.
    ("Attorney Bram Tollis", "Bram Tollis", "PERSON"),             # a role written as a title
    ("Coach Tollis", "Bram Tollis", "PERSON"),
    ("Krellers", "Port Ambry Krellers", "ORG"),                    # a team without its city
    ("Zantor", "Zantor Motor Company", "ORG"),                     # an industry word after the brand
    ("Quillbeat", "Quillbeat.com", "ORG"),
    ("TVM", "The Velm Mercury", "ORG"),                            # initials that keep "The"
    ("QSPs", "Quantum Storage Providers", "ORG"),                  # a plural acronym
])
def test_more_variants_of_one_name_match(a: str, b: str, label: str) -> None:
    assert pair_score(a, b, label)[0] >= linking.MERGE_THRESHOLD


@pytest.mark.parametrize(("a", "b", "label"), [
    ("Bram Tollis", "Jessa Tollis", "PERSON"),             # relatives share the surname only
    ("Fredo Olvenmark", "Frederick Olvenmark", "PERSON"),  # not a start of the other name
    ("Police", "Port Ambry Police", "ORG"),                # a generic closing word is a kind
    ("Department", "Krell Department", "ORG"),
    ("Indian", "India", "GPE"),                            # demonym is not the country
    ("Zantor", "Zantor Cloud", "ORG"),                     # an opening word is not a short form
    ("TV", "The Velm", "ORG"),                             # "The" is no initial of a one-word name
    ("Prince Tavish", "Tavish Corran", "PERSON"),          # a royal's name is a given name, no surname
])
def test_more_similar_names_of_different_entities_do_not(a: str, b: str, label: str) -> None:
    assert pair_score(a, b, label)[0] < linking.MERGE_THRESHOLD


def test_a_closing_short_form_stays_apart_when_two_organizations_end_in_it() -> None:
    resolver = Resolver()
    first = resolver.add(NameRecord(["Port Ambry Krellers"], "ORG"))
    assert best_match(NameRecord(["Krellers"], "ORG"), resolver.records) == first
    second = resolver.add(NameRecord(["Velm City Krellers"], "ORG"))
    assert second != first
    assert resolver.add(NameRecord(["Krellers"], "ORG")) not in (first, second)


def test_a_definite_singular_noun_refers_back_but_not_an_indefinite_or_plural() -> None:
    from digesthub.evaluate.link import _definite_singular

    sentence = "Tarn Olvey , the veteran director , met a director and the directors .".split()
    at = {i: {"token_start": i} for i in range(len(sentence))}
    assert _definite_singular(at[5], sentence, "director")
    assert not _definite_singular(at[9], sentence, "director")
    assert not _definite_singular(at[12], sentence, "directors")
    assert _definite_singular({"token_start": 1}, ["the", "actress"], "actress")  # -ss is singular


def test_a_pronoun_skips_a_person_the_other_gender_was_used_for() -> None:
    from digesthub.evaluate.link import _pronoun_antecedent

    genders: dict = {}
    people = ["Orla", "Bastien"]
    assert _pronoun_antecedent("he", people, genders) == "Bastien"
    assert _pronoun_antecedent("she", people, genders) == "Orla"  # Bastien is "he"
    assert _pronoun_antecedent("her", ["Orla", "Bastien", "Cyan"], genders) == "Cyan"  # unknown fits


def test_a_generic_name_merges_across_articles_only_when_the_context_agrees() -> None:
    police = NameRecord(["Police"], "ORG", {"velmcity", "tarnolvey"})
    assert best_match(NameRecord(["Police"], "ORG", {"velmcity", "orlaquist"}), [police]) == 0
    assert best_match(NameRecord(["Police"], "ORG", {"portambry", "krellers"}), [police]) is None
    named = NameRecord(["Velm Mercury"], "ORG", {"velmcity"})
    assert best_match(NameRecord(["Velm Mercury"], "ORG", {"portambry"}), [named]) == 0  # a real name does


def test_name_part_drops_a_tokenized_possessive_and_joins_a_domain() -> None:
    from digesthub.evaluate.link import name_part

    assert name_part("The Velm Mercury 's") == "The Velm Mercury"
    assert name_part("Quillbeat . com") == "Quillbeat .com"
    assert name_part("veteran director Tarn Olvey") == "Tarn Olvey"
    assert name_part("the director") is None


def test_a_chinese_name_in_western_order_is_the_same_person() -> None:
    from digesthub.corpus.names import pair_score

    assert pair_score("Peng Zhang", "Zhang Peng", "PERSON")[0] >= 0.85
    assert pair_score("Peng Zhang", "Zhang Wei", "PERSON")[0] == 0.0


def test_facts_naming_one_thing_two_ways_do_not_disagree() -> None:
    from digesthub.corpus.dossier import FactGroup, FactRecord
    from digesthub.types import Citation

    def group(kind: str, *values: str) -> FactGroup:
        return FactGroup(kind, [FactRecord(v, None, Citation(1, f"a{i}"), None, None, "") for i, v in enumerate(values)])

    assert not group("ceo", "Peng Zhang", "Zhang Peng").conflicting
    assert not group("ceo of", "Zhipu", "Zhipu AI").conflicting
    assert group("ceo", "Zhang Peng", "Wang Xiaochuan").conflicting
    assert group("ceo of", "Zhipu AI", "Baichuan").conflicting


def test_amounts_of_different_years_are_a_history_and_investors_add_up() -> None:
    from digesthub.corpus.dossier import FactGroup, FactRecord
    from digesthub.types import Citation

    def record(value: str, date: str | None, published: str | None = None, article: str = "a1") -> FactRecord:
        return FactRecord(value, date, Citation(1, article), published, None, "")

    rounds = FactGroup("funding", [record("250 million USD", "2023-H1"), record("600 million USD", "2024-03"),
                                   record("over 600 million USD", "2024", article="a2")])
    assert not rounds.conflicting
    same_year = FactGroup("valuation", [record("2 billion USD", "2024-03-01"),
                                        record("3 billion USD", None, "2024-04-01", "a2")])
    assert same_year.conflicting
    assert not FactGroup("investors", [record("Alibaba Group", None), record("Tencent", None)]).conflicting
