"""Settings of the llm engine: endpoint, model, key, timeouts, retries, limits.

Read from the environment, then a TOML file; the environment wins so that one
run can override a shared config file::

    DIGESTHUB_LLM_BASE_URL=http://localhost:8000/v1
    DIGESTHUB_LLM_MODEL=qwen2.5-7b-instruct
    DIGESTHUB_LLM_API_KEY=...            # OPENAI_API_KEY is used when unset

or, in ``~/.config/digesthub/config.toml`` (or the file named by
``DIGESTHUB_CONFIG``)::

    [llm]
    base_url = "http://localhost:8000/v1"
    model = "qwen2.5-7b-instruct"
    timeout_s = 60

Every field of :class:`LLMSettings` is a key of the ``[llm]`` section; the
environment variable is ``DIGESTHUB_LLM_`` plus the key in capitals (with the
aliases in :data:`_ENV_ALIASES`).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digesthub.errors import EngineError, Errors

DEFAULT_CONFIG = Path("~/.config/digesthub/config.toml")

# Shorter or conventional names people type, mapped to the field they set.
_ENV_ALIASES: dict[str, str] = {
    "DIGESTHUB_LLM_TIMEOUT": "timeout_s",
    "DIGESTHUB_LLM_CONCURRENCY": "max_concurrency",
    "OPENAI_BASE_URL": "base_url",
    "OPENAI_API_KEY": "api_key",
    "OPENAI_MODEL": "model",
}
_RESPONSE_FORMATS = ("json_schema", "json_object")


@dataclass(frozen=True)
class LLMSettings:
    """Everything the llm engine needs to reach and use a chat model.

    ``response_format`` is ``json_schema`` (structured output, the default) or
    ``json_object`` for servers that only know JSON mode; the output is
    schema-checked either way.
    """

    base_url: str | None = None
    model: str | None = None
    api_key: str | None = None
    backend: str = "openai"
    timeout_s: float = 60.0
    max_retries: int = 4
    backoff_s: float = 1.0
    max_backoff_s: float = 30.0
    max_concurrency: int = 4
    temperature: float = 0.0
    max_tokens: int = 4096
    response_format: str = "json_schema"
    config_path: str | None = None

    @property
    def configured(self) -> bool:
        """True when an endpoint and a model are set."""
        return bool(self.base_url and self.model)

    def require(self) -> LLMSettings:
        """These settings, or EngineError E102 when endpoint or model is missing."""
        if not self.configured:
            raise EngineError(Errors.E102, config=self.config_path or str(DEFAULT_CONFIG))
        return self

    @classmethod
    def load(cls, config_path: str | Path | None = None, *, require: bool = False,
             environ: Mapping[str, str] | None = None) -> LLMSettings:
        """Settings from the config file and the environment (which wins).

        With ``require=True`` a missing endpoint or model raises EngineError
        E102; otherwise check :attr:`configured` (the corpus asks whether an
        LLM is set up without wanting an error when it is not).
        """
        env = os.environ if environ is None else environ
        path = Path(config_path or env.get("DIGESTHUB_CONFIG") or DEFAULT_CONFIG).expanduser()
        values: dict[str, Any] = _read_file(path)
        values.update(_read_env(env))
        settings = cls(**{name: _coerce(name, value) for name, value in values.items()},
                       config_path=str(path))
        _check(settings)
        return settings.require() if require else settings


def _fields() -> dict[str, dataclasses.Field[Any]]:
    return {f.name: f for f in dataclasses.fields(LLMSettings) if f.name != "config_path"}


def _read_file(path: Path) -> dict[str, Any]:
    """The ``[llm]`` table of ``path``; empty when the file does not exist."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise EngineError(Errors.E106, path=path, detail=str(error)) from error
    table = data.get("llm", {})
    if not isinstance(table, dict):
        raise EngineError(Errors.E106, path=path, detail="[llm] is not a table")
    unknown = sorted(set(table) - set(_fields()))
    if unknown:
        raise EngineError(Errors.E106, path=path, detail=f"unknown key {unknown[0]!r} in [llm]")
    return dict(table)


def _read_env(env: Mapping[str, str]) -> dict[str, str]:
    """Settings named in the environment; DIGESTHUB_LLM_* beat the OPENAI_* fallbacks."""
    found: dict[str, str] = {}
    for variable, name in _ENV_ALIASES.items():
        if variable.startswith("OPENAI_") and env.get(variable):
            found[name] = env[variable]
    for name in _fields():
        variable = f"DIGESTHUB_LLM_{name.upper()}"
        if env.get(variable):
            found[name] = env[variable]
    for variable, name in _ENV_ALIASES.items():
        if variable.startswith("DIGESTHUB_") and env.get(variable):
            found[name] = env[variable]
    return found


def _coerce(name: str, value: Any) -> Any:
    """``value`` (a string from the environment, or a TOML value) as field ``name``'s type."""
    kind = _fields()[name].type
    try:
        if kind == "int" and not isinstance(value, bool):
            return int(value)
        if kind == "float" and not isinstance(value, bool):
            return float(value)
    except (TypeError, ValueError) as error:
        raise EngineError(Errors.E107, name=name, value=value, detail=f"not a number ({error})") from error
    if kind in ("int", "float"):
        raise EngineError(Errors.E107, name=name, value=value, detail="not a number")
    if not isinstance(value, str):
        raise EngineError(Errors.E107, name=name, value=value, detail="not a string")
    return value.strip()


def _check(settings: LLMSettings) -> None:
    """Reject values that would make the engine misbehave rather than fail clearly."""
    positive = {"timeout_s": settings.timeout_s, "max_concurrency": settings.max_concurrency,
                "max_tokens": settings.max_tokens}
    for name, value in positive.items():
        if value <= 0:
            raise EngineError(Errors.E107, name=name, value=value, detail="must be positive")
    if settings.max_retries < 0 or settings.backoff_s < 0 or settings.max_backoff_s < 0:
        raise EngineError(Errors.E107, name="max_retries/backoff_s", value=settings.max_retries,
                          detail="must not be negative")
    if settings.response_format not in _RESPONSE_FORMATS:
        raise EngineError(Errors.E107, name="response_format", value=settings.response_format,
                          detail=f"use one of {', '.join(_RESPONSE_FORMATS)}")
