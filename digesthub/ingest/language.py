"""Which language an article is in, so unsupported ones are refused, not garbled."""

from __future__ import annotations

import re

from langdetect import DetectorFactory, LangDetectException, detect_langs

from digesthub.errors import Errors, InputError
from digesthub.types import Article

SUPPORTED = {"en"}
DetectorFactory.seed = 0  # langdetect is random by default; digests must be deterministic

_NAMES = {"zh-cn": "Chinese", "zh-tw": "Chinese", "ja": "Japanese", "ko": "Korean", "de": "German",
          "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "ru": "Russian",
          "ar": "Arabic", "nl": "Dutch", "tr": "Turkish", "pl": "Polish", "vi": "Vietnamese"}
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def detect_language(text: str) -> str:
    """An ISO code ("en", "zh-cn", ...) for the body text."""
    sample = text[:5000]
    if len(_CJK.findall(sample)) > 0.3 * max(1, len(sample.replace(" ", ""))):
        return "zh-cn"
    try:
        guesses = detect_langs(sample)
    except LangDetectException:
        return "unknown"
    best = guesses[0]
    return best.lang if best.prob >= 0.7 else "unknown"


def check_language(article: Article, source_name: str, forced: str | None = None) -> None:
    """Refuse an article in a language the analysis does not support (E006)."""
    if forced:
        code = forced.strip().lower().replace("_", "-")
        if code.split("-")[0] not in SUPPORTED:  # "en-US" is English; "zh" would be garbled
            raise InputError(Errors.E016, language=forced)
        article.language = code.split("-")[0]
        return
    code = detect_language(article.text)
    if code == "unknown":
        return  # too mixed to tell: analysis proceeds as English, which is what most such texts are
    article.language = code
    if code not in SUPPORTED:
        raise InputError(Errors.E006, source=source_name, language=_NAMES.get(code, code))
