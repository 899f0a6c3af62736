"""Every user-facing error text of digesthub, in one place, with its code.

Raise ``DigesthubError(Errors.E001, path=...)``: the message template is
formatted with the keyword arguments. Each message says what is wrong and how
to fix it. The CLI prints ``error E001: ...`` and exits non-zero; the library
never prints.
"""

from __future__ import annotations

from enum import Enum


class Errors(str, Enum):
    # input (E0xx)
    E001 = "{source} is empty: there is no article text to digest."
    E002 = "{source} looks like a binary file ({detail}), not text, HTML or JSON."
    E003 = ("{source} is {size:,} bytes, over the {limit:,}-byte limit; split it, or raise "
            "the limit with DIGESTHUB_MAX_BYTES.")
    E004 = "{source} is HTML but no article text could be extracted from it (menus, scripts or an empty page)."
    E005 = ("{source} could not be decoded as text ({detail}); save it as UTF-8 or pass the "
            "encoding with --encoding.")
    E006 = ("{source} appears to be in {language}; digesthub supports English only for now "
            "(pass --language en to force it).")
    E007 = "{source} does not exist or cannot be read."
    E008 = "Could not fetch {source}: {detail}."
    E009 = "{source}: record {record} is not a usable article ({detail})."
    E010 = "{source} has too little text to digest ({words} words; at least {minimum} needed)."
    E011 = "Unknown input format {format!r}; use one of: {choices}."
    E012 = "Could not read the date {value!r}; use YYYY-MM-DD, with a year from 1000 to 9000."
    E013 = ("{source} is gzip-compressed and expands to more than the {limit:,}-byte limit; split it, "
            "or raise the limit with DIGESTHUB_MAX_BYTES.")
    E014 = "The request is invalid: {detail}."
    # engines (E1xx)
    E101 = "Unknown engine {engine!r}; use one of: {choices}."
    E102 = ("The llm engine needs an endpoint: set DIGESTHUB_LLM_BASE_URL and DIGESTHUB_LLM_MODEL "
            "(and DIGESTHUB_LLM_API_KEY if the server wants one), or write them in {config}.")
    E103 = "The LLM endpoint failed after {attempts} attempts: {detail}."
    E104 = "The spaCy pipeline {model!r} is not installed; run the README's install command."
    E105 = "The LLM endpoint rejected the request (HTTP {status}): {detail}; check the model name and API key."
    E106 = "{path} is not a valid config file ({detail}); the [llm] section takes base_url, model, api_key, ..."
    E107 = "The LLM setting {name} = {value!r} is invalid: {detail}."
    E108 = "Unknown LLM backend {backend!r}; use one of: {choices}."
    # corpus (E2xx)
    E201 = "Cannot open the database {url}: {detail}."
    E202 = "No entity matching {name!r} in the corpus{hint}"
    E203 = "The corpus is empty: add articles with `digesthub ingest PATH...` first."
    E204 = "Unsupported database URL {url!r}; use a file path, sqlite:///PATH or postgresql://..."
    E205 = "No articles found in {paths}; give article files, folders, JSONL files or RSS/Atom feeds."
    # evaluation (E3xx)
    E301 = "Unknown evaluation task {task!r}; use one of: {choices}."
    E302 = "Evaluation data {path} is missing or unreadable: {detail}."
    # input, added later (kept after the others: codes are never reordered)
    E015 = ("{source} is a folder, not an article: give an article file, a URL or - for standard input "
            "(use `digesthub ingest` for folders).")
    E016 = ("The language {language!r} is not supported; digesthub analyzes English only "
            "(--language en).")
    E017 = "Cannot write the output to {path}: {detail}; give a file path in an existing folder."
    E018 = ("{source} holds {chars:,} characters of article text, over the {limit:,} one digest can "
            "analyze; split it into separate articles.")


class DigesthubError(Exception):
    """An error a user can act on; ``code`` is the key in :class:`Errors`."""

    def __init__(self, error: Errors, **details: object) -> None:
        self.code = error.name
        self.details = details
        super().__init__(error.value.format(**details))

    def __str__(self) -> str:
        return f"{self.code}: {self.args[0]}"


class InputError(DigesthubError):
    """The input cannot be turned into an article."""


class EngineError(DigesthubError):
    """A digest engine cannot run (configuration, endpoint)."""


class CorpusError(DigesthubError):
    """The corpus database cannot do what was asked."""
