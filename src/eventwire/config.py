"""Configuration: defaults from ``default_config.toml``, then a user file, then env and options.

Lookup order for the user file: an explicit path, ``$EVENTWIRE_CONFIG``, then
``./eventwire.toml`` if it exists. Environment variables ``EVENTWIRE_DB`` and
``EVENTWIRE_API_TOKEN`` override the file; command-line options override both.
"""

from __future__ import annotations

import copy
import os
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError, Errors

ENV_CONFIG = "EVENTWIRE_CONFIG"
ENV_OVERRIDES = {"EVENTWIRE_DB": ("store", "db"), "EVENTWIRE_API_TOKEN": ("api", "token")}


def _defaults() -> dict[str, dict[str, Any]]:
    text = resources.files("eventwire").joinpath("default_config.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True)
class Config:
    """All settings, as nested sections: ``config.get("ingest", "max_text_bytes")``."""

    sections: dict[str, dict[str, Any]]
    path: str | None = None

    def get(self, section: str, key: str) -> Any:
        return self.sections[section][key]

    def with_values(self, **overrides: Any) -> Config:
        """A copy with ``section__key=value`` overrides (None values are ignored)."""
        sections = copy.deepcopy(self.sections)
        for name, value in overrides.items():
            if value is None:
                continue
            section, _, key = name.partition("__")
            if section not in sections or key not in sections[section]:
                raise ConfigError(f"unknown setting {section}.{key}")
            sections[section][key] = value
        return Config(sections, self.path)


def _merge(base: dict[str, dict[str, Any]], user: dict[str, Any], path: str) -> None:
    for section, values in user.items():
        if section not in base or not isinstance(values, dict):
            known = ", ".join(sorted(base))
            raise ConfigError(Errors.E013.format(key=section, path=path, known=known))
        for key, value in values.items():
            if key not in base[section]:
                known = ", ".join(f"{section}.{k}" for k in base[section])
                raise ConfigError(Errors.E013.format(key=f"{section}.{key}", path=path, known=known))
            expected = type(base[section][key])
            wrong = expected is int and isinstance(value, bool) or not isinstance(value, expected)
            if wrong and not (expected is float and isinstance(value, int)):
                raise ConfigError(
                    Errors.E012.format(path=path, detail=f"{section}.{key} must be {expected.__name__}")
                )
            base[section][key] = value


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Load the effective configuration.

    Args:
        path: a TOML file; None looks at ``$EVENTWIRE_CONFIG`` and ``./eventwire.toml``.

    Returns:
        The merged ``Config``.

    Raises:
        ConfigError: the file is missing, not TOML, or has unknown keys or wrong types.
    """
    sections = _defaults()
    chosen = path or os.environ.get(ENV_CONFIG)
    if not chosen and Path("eventwire.toml").is_file():
        chosen = "eventwire.toml"
    if chosen:
        file = Path(chosen)
        if not file.is_file():
            raise ConfigError(Errors.E012.format(path=file, detail="no such file"))
        try:
            user = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise ConfigError(Errors.E012.format(path=file, detail=f"not valid TOML: {e}")) from e
        _merge(sections, user, str(file))
    for env, (section, key) in ENV_OVERRIDES.items():
        if os.environ.get(env):
            sections[section][key] = os.environ[env]
    return Config(sections, str(chosen) if chosen else None)
