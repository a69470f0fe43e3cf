"""eventwire's messages and exceptions, one place for all of them.

Each message says what happened, why, and what to do. Codes (``E001``) are
stable so users can search for them.
"""

from __future__ import annotations


class Errors:
    E001 = "[E001] No such file or folder: {path}. Check the path, or quote it if it has spaces."
    E002 = "[E002] No articles found in folder {path}: it has no .txt, .html, .htm or .jsonl files."
    E003 = "[E003] {origin}: the file is empty."
    E004 = "[E004] {origin}: looks like a binary file (it contains NUL bytes); give text, HTML or JSONL."
    E005 = "[E005] {origin}: not valid UTF-8 at byte {pos}; decoded with replacement characters."
    E006 = "[E006] {origin}: not valid JSON ({detail}). Each line of a .jsonl file must be one JSON object."
    E007 = "[E007] {origin}: the JSON object has no 'text' field (or 'html'); nothing to analyse."
    E008 = (
        "[E008] {origin}: the article text is {size:,} bytes, over the limit of {limit:,} bytes. "
        "Raise `max_text_bytes` in the config (or --max-text-bytes) to accept it."
    )
    E009 = "[E009] {origin}: no article text could be extracted from the HTML."
    E010 = "[E010] {origin}: the 'text' field must be a string, got {type}."
    E011 = "[E011] {origin}: analysis failed: {detail}"
    E012 = "[E012] Config file {path}: {detail}"
    E013 = "[E013] Unknown config key {key!r} in {path}. Known keys: {known}."
    E014 = "[E014] {origin}: each line of a .jsonl file must be a JSON object, got {type}."
    # E150-E199: event coding
    E150 = "[E150] Verb dictionary {path}: cannot be read ({detail})."
    E151 = (
        "[E151] Verb dictionary {path}: {detail}. A YAML verb dictionary needs a top-level "
        "'verbs' mapping (see docs/events.md)."
    )
    E152 = "[E152] Verb dictionary {path}: entry {entry!r} has code {code!r}, which is not a CAMEO code."
    E153 = "[E153] Verb dictionary {path}: unknown file type; use .yaml/.yml (eventwire) or .txt (PETRARCH)."


class EventwireError(Exception):
    """Base class for eventwire's own errors."""


class InputError(EventwireError):
    """An input file or record that cannot be turned into an article."""

    def __init__(self, message: str, *, origin: str | None = None):
        super().__init__(message)
        self.origin = origin


class ConfigError(EventwireError):
    """A config file or option that cannot be used."""
