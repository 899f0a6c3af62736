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


def _analyzed_names(text: str) -> dict[str, tuple[str, list[str]]]:
    """Entity name -> (label, aliases) after grouping (the analysis a digest shows)."""
    from digesthub.analyze import analyze
    from digesthub.ingest import read_article

    annotated = analyze(read_article(text.encode(), published="2025-03-01"))
    return {e.name: (e.label, e.aliases) for e in annotated.entities}


def test_an_acronym_of_words_the_article_writes_in_lower_case_is_no_name() -> None:
    text = ("Orvane designs solid state drives for laptops. Orvane said its SSD sales doubled last year, "
            "and the SSD unit now employs 400 people across three factories in northern Portugal.")
    names = _analyzed_names(text)
    assert "SSD" not in names, names
    assert names.get("Orvane", ("",))[0] == "ORG", names


def test_camel_case_name_keeps_the_capitalized_words_after_it() -> None:
    types = _types("KestraNova Integrated Circuits, another domestic chip startup, filed its listing papers.")
    assert types.get("KestraNova Integrated Circuits") == {"ORG"}, types
    assert "Integrated Circuits" not in types, types


def test_a_country_unit_makes_its_parent_a_company_named_by_the_parent() -> None:
    text = ("Li Wen, a former Velmora China general manager, founded the start-up in 2020. "
            "Li spent 15 years at Velmora before leaving to build a rival in the same market.")
    names = _analyzed_names(text)
    assert names.get("Velmora", ("",))[0] == "ORG", names
    assert "Velmora China" in names["Velmora"][1]


def test_a_registered_name_joins_the_company_it_registers() -> None:
    names = _analyzed_names(
        "Velmora doubled its revenue last year, according to two people familiar with the matter. "
        "The company, officially registered as Hangzhou Kestrel Data Technology, was founded in 2021 by "
        "a former banker. Velmora now sells its software in Europe.")
    assert "Hangzhou Kestrel Data Technology" in names.get("Velmora", ("", []))[1], names


def test_the_name_before_a_leaders_title_and_an_analysts_firm_are_companies() -> None:
    types = _types("Stellaris Chief Executive Anne-Marie Colbert promised cuts.")
    assert types.get("Stellaris") == {"ORG"}, types
    assert types.get("Anne-Marie Colbert") == {"PERSON"}, types
    types = _types("Analysts at Brantwood said the fine would hurt profit.")
    assert types.get("Brantwood") == {"ORG"}, types


def test_a_carmaker_named_after_its_noun_is_a_company() -> None:
    types = _types("The Commission fined French carmaker Stellaris on Wednesday. Stellaris said it would appeal.")
    assert types.get("Stellaris") == {"ORG"}, types


def test_a_name_in_chinese_script_and_a_name_known_in_chinese_are_aliases_not_the_name() -> None:
    names = _analyzed_names(
        "Velmora AI (云帆智能), the Beijing-based start-up behind a popular chatbot, said on Monday that sales "
        "doubled. The company, known in Chinese as Yunfan Zhineng, was valued at $3 billion last year, "
        "founder Li Wen (李文) said.")
    label, aliases = names.get("Velmora AI", ("", []))
    assert label == "ORG" and {"云帆智能", "Yunfan Zhineng"} <= set(aliases), names
    assert "李文" in names.get("Li Wen", ("", []))[1], names


def test_known_in_chinese_as_links_the_names_the_language_stands_between() -> None:
    names = _analyzed_names(
        "Velmora Robotics Co. Ltd. raised 1 billion yuan on Monday. Velmora Robotics, known in Chinese as "
        "Yunfan Dongli (云帆动力), was founded in 2022.")
    label, aliases = names.get("Velmora Robotics", ("", []))
    assert label == "ORG" and {"Yunfan Dongli", "云帆动力"} <= set(aliases), names
    assert "Yunfan Dongli" not in names


def test_an_untagged_name_with_a_model_code_before_a_model_noun_is_a_product() -> None:
    from digesthub.analyze.entities.modelcodes import extend_model_codes

    doc = parse("Velmora released its Kestra K2 model in July, the company said.")
    found = extend_model_codes(doc, [])  # as if the model had tagged nothing there
    assert [(c.text, c.best()) for c in found] == [("Kestra K2", "PRODUCT")]


def test_a_defined_short_name_joins_the_longer_name_that_opens_with_it() -> None:
    names = _analyzed_names(
        "Kestrel Robotics, a Hangzhou-based company founded in 2016, said its robots set a record in March. "
        "Hangzhou Kestrel Technology Co., Ltd. (hereinafter referred to as \"Kestrel\") completed a financing "
        "round of 700 million yuan this year, with investors including Tencent.")
    assert "Hangzhou Kestrel Technology Co., Ltd." in names.get("Kestrel Robotics", ("", []))[1], names


def test_a_model_code_alone_after_a_determiner_before_a_product_noun_is_a_product() -> None:
    types = _types("Velmora unveiled the KX7 sport-utility vehicle on Thursday. Orvane said its Q3 smartphone "
                   "sales rose, and Brantwood's V20 chips were banned.")
    assert types.get("KX7") == {"PRODUCT"} and types.get("V20") == {"PRODUCT"}, types
    assert "Q3" not in types, types


def test_a_short_name_a_legal_name_defines_is_a_candidate_of_its_type() -> None:
    from digesthub.analyze.entities.acronyms import defined_name_candidates
    from digesthub.analyze.entities.candidate import PATTERN_WEIGHT
    from digesthub.analyze.entities.spans import make_candidate

    doc = parse("Hangzhou Velmora Technology Co., Ltd. (hereinafter referred to as \"Velmora\") said on Wednesday "
                "that its chatbot reads long files.")
    words = [t.text for t in doc]
    legal = make_candidate(doc, 0, words.index("("))
    legal.vote("ORG", PATTERN_WEIGHT)
    assert [(c.text, c.best()) for c in defined_name_candidates(doc, [legal])] == [("Velmora", "ORG")]


def test_a_clipped_name_in_brackets_and_an_owned_assistant_are_products() -> None:
    names = _analyzed_names(
        "Orvane Cloud said on Tuesday that the price of its Tongmei Kestrel (Kes) model would fall by 97 percent, "
        "and that its Lumo assistant now reads whole books. Rivals are expected to follow within weeks.")
    label, aliases = names.get("Tongmei Kestrel", ("", []))
    assert label == "PRODUCT" and "Kes" in aliases, names
    assert names.get("Lumo", ("",))[0] == "PRODUCT", names


def test_a_name_right_after_a_kind_of_organization_is_a_company() -> None:
    assert _types("Rival Quillon Robotics, based in Hangzhou, started preparations for a listing in July.").get(
        "Quillon Robotics") == {"ORG"}
    assert _types("Li Mengqi previously led hardware engineering at drone maker DJI.").get("DJI") == {"ORG"}
    # a day the model tags, a ship, an all-caps form label: no company
    assert _types("The firm Tuesday said profits rose.") == {}
    assert "Enterprise" not in _types("The aircraft carrier Enterprise was in the Gulf.")


def test_a_backer_is_never_a_place() -> None:
    types = _types("Existing backers Meituan and Shenzhen Capital Group also took part.")
    assert types.get("Meituan") == {"ORG"}, types


def test_a_launched_name_takes_its_release_number() -> None:
    types = _types("Velmora on Saturday launched Zorvu 2.0, which it says makes a clip for less than a cent.")
    assert types.get("Zorvu 2.0") == {"PRODUCT"}, types
    # a number then a unit is an amount, not a release
    assert "Zorvu 2.5" not in _types("Velmora launched Zorvu 2.5 billion yuan of bonds.")


def test_known_in_chinese_as_between_dashes_or_brackets_links_the_names() -> None:
    for text in ("Velmora AI raised 1 billion yuan on Monday. Founded in 2022, Velmora AI — known in Chinese "
                 "as Yunfan Anmian (云帆暗面) — is one of the best-funded start-ups.",
                 "Velmora AI raised 1 billion yuan on Monday. Velmora AI (known in Chinese as Yunfan Anmian, "
                 "云帆暗面) is one of the best-funded start-ups."):
        names = _analyzed_names(text)
        label, aliases = names.get("Velmora AI", ("", []))
        assert label == "ORG" and "Yunfan Anmian" in aliases, (text, names)
        assert "Yunfan Anmian" not in names, text


def test_a_nationality_before_a_word_for_what_companies_have_stays_a_nationality() -> None:
    types = _types("Velmora's utilization rate climbed as Chinese customers moved orders home. "
                   "Chinese foundries are expected to grow.")
    assert "ORG" not in types.get("Chinese", set()), types
    assert types.get("Velmora") == {"ORG"}, types


def test_a_camel_case_word_the_tagger_took_for_a_common_noun_is_a_name() -> None:
    # a real name: invented ones of this shape the model tags itself
    types = _types("But the company faces competition. AgiBot, a Shanghai start-up founded by former Helix "
                   "engineer Peng Wei in February 2023, raised new funds in March.")
    assert types.get("AgiBot") == {"ORG"}, types


def test_company_cues_of_a_technology_name_a_report_and_a_founder_ceo() -> None:
    types = _types("Kuaishou said in its quarterly earnings report that sales rose. The company expects more, "
                   "Kuaishou founder and CEO Cheng Yixiao told analysts.")
    assert types.get("Kuaishou") == {"ORG"}, types
    types = _types("Shengshu Technology, a Beijing-based start-up spun off from Tsinghua University, said its "
                   "model had 30 million users. Shengshu, known in Chinese as Shengshu Keji, raised money in July.")
    assert types.get("Shengshu Technology") == {"ORG"} and types.get("Shengshu Keji") == {"ORG"}, types


def test_the_version_of_a_product_is_a_product() -> None:
    types = _types("Liu said developers benefit from a large pool of engineers and a domestic market with hundreds "
                   "of millions of short-video users. Douyin, the Chinese version of TikTok, had more than 750 "
                   "million daily active users as of the end of last year, according to ByteDance.")
    assert types.get("Douyin") == {"PRODUCT"}, types


def test_whose_chinese_name_is_links_the_names() -> None:
    names = _analyzed_names(
        "Velmora, the Shanghai-based company behind a video app, said it was preparing a listing. According to "
        "media reports, Velmora, whose Chinese name is Xiyu Keji, filed a draft prospectus in late October.")
    label, aliases = names.get("Velmora", ("", []))
    assert label == "ORG" and "Xiyu Keji" in aliases, names


def test_a_pinyin_company_name_the_model_reads_as_a_person_joins_its_short_form() -> None:
    for long, short in (("Longteng Weilai", "Longteng"), ("Qingyun Jiyuan", "Qingyun")):
        text = (f"Robot brains\n\nThree start-ups lead the field.\n\nBeijing's {long} takes a different approach. "
                f"Its team builds models for robots. {short} raised 900 million yuan in a Series A round in late 2024. "
                f"{short} has around 320 staff.")
        names = _analyzed_names(text)
        assert names.get(long) == ("ORG", [short]), names


def test_a_company_name_opening_with_its_city_and_closing_with_its_head_word_joins_its_short_form() -> None:
    text = ("Warehouse robots\n\nHer startup, Hangzhou Lanfeng Robotics, is valued at 12 billion yuan. "
            "She met an angel investor from a Hangzhou-based fund. Lanfeng signed its first customer in 2020, "
            "and Lanfeng now employs 900 people.")
    names = _analyzed_names(text)
    grouped = [name for name, (label, aliases) in names.items()
               if "Lanfeng" in name or any("Lanfeng" in a for a in aliases)]
    assert len(grouped) == 1, names


def test_investors_in_a_round_are_organizations_and_a_fund_name_is_whole() -> None:
    text = ("Funding\n\nIn January, Lumio completed a 2 billion yuan Series C financing round led by the state-backed "
            "Harbor Internet Investment Fund, with Lenovo and Hongtai Capital participating.\n\nIn March 2024, Qingfan "
            "closed a 1.1 billion yuan Series C round led by Temasek, with participation from Meituan.")
    names = _analyzed_names(text)
    for name in ("Harbor Internet Investment Fund", "Lenovo", "Temasek", "Meituan", "Qingfan"):
        assert names.get(name, ("",))[0] == "ORG", (name, names)
