"""Chinese personal names in pinyin, written family name first ("Yan Junjie", "Wang Xingxing").

English news writes a Chinese person's name in Chinese order and then calls the person
by the family name alone: "Yan Junjie ... Yan, 36, serves as chief executive". A
Western name's short form is its last word; a Chinese name's is its first. The common
family names (general knowledge, the hundred or so that cover most people) and a given
name that reads as one or two Mandarin syllables tell the two orders apart ("Ian Chen"
is Western: "Ian" is no family name).
"""

from __future__ import annotations

from digesthub.analyze.pinyin import syllables

FAMILY_NAMES: frozenset[str] = frozenset("""
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song
tang han feng deng cao peng zeng xiao tian dong yuan pan cai jiang yu du ye cheng wei su lu ding ren shen
yao jin fu zhong cui tan fan shi qin jia xia lei hou long duan hao kong shao meng bai qiu qian yan yin
xiong mao wan gu lai kang niu hong gong chang wen pang zou ni bao shu fang geng yi che ge ouyang situ
zhuge shangguan mo qi zhan rao ke lan tao tong ou luan guan nie zuo dai mei bi ji jing hua miao
""".split())


def family_name_first(words: tuple[str, ...]) -> bool:
    """Whether a two-word name reads as a Chinese name in Chinese order: a common family name,
    then a given name of one or two Mandarin syllables."""
    if len(words) != 2 or not all(w.isalpha() and w[:1].isupper() for w in words):
        return False
    family, given = (w.lower() for w in words)
    if family not in FAMILY_NAMES or family == given:
        return False
    read = syllables(given)
    return read is not None and 1 <= len(read) <= 2
