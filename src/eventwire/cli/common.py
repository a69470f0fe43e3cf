"""Options and helpers shared by the subcommands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from eventwire.config import Config, load_config
from eventwire.errors import ConfigError


def config_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        help="Config file (TOML); default $EVENTWIRE_CONFIG or ./eventwire.toml.",
    )(f)


def get_config(config_path: str | None, **overrides: Any) -> Config:
    """Load the config, turning problems into a clean usage error (exit 2)."""
    try:
        return load_config(config_path).with_values(**overrides)
    except ConfigError as e:
        raise click.UsageError(str(e)) from e


def exit_code(done: int, failed: int) -> int:
    """0 when all succeeded, 1 when some failed, 2 when nothing was processed."""
    if done == 0:
        return 2
    return 1 if failed else 0
