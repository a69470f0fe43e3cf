"""The guide covers the code: every command, option and config key is documented (STYLE.md §11)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

from eventwire.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _all_docs() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in DOCS.glob("*.md"))


def test_docs_cli_reference_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_cli_docs.py"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_docs_every_command_has_a_worked_example():
    text = _all_docs()
    for name in main.commands:
        assert f"eventwire {name}" in text.replace("cli.md", ""), f"no example of `eventwire {name}` in docs/"


def test_docs_every_option_is_explained_in_a_topic_page():
    topic = "\n".join(p.read_text(encoding="utf-8") for p in DOCS.glob("*.md") if p.name != "cli.md")
    missing = []
    for name, command in main.commands.items():
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt not in ("--help", "--config") and opt not in topic:
                    missing.append(f"eventwire {name} {opt}")
    assert not missing, "options not explained outside cli.md: " + ", ".join(missing)


def test_docs_every_config_key_is_documented():
    defaults = tomllib.loads(resources.files("eventwire").joinpath("default_config.toml").read_text("utf-8"))
    config_md = (DOCS / "config.md").read_text(encoding="utf-8")
    missing = [f"{s}.{k}" for s, keys in defaults.items() for k in keys if f"`{s}.{k}`" not in config_md]
    assert not missing, f"config keys missing from docs/config.md: {missing}"


def test_docs_index_links_every_page():
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    pages = [p.name for p in DOCS.glob("*.md") if p.name != "index.md"]
    assert not [p for p in pages if f"({p})" not in index]
    linked = [part.split(")")[0] for part in index.split("](")[1:]]
    assert not [p for p in linked if p.endswith(".md") and not (DOCS / p).exists()]


def test_docs_readme_has_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
