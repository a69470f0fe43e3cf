"""eventwire's messages and exceptions, one place for all of them.

Each message says what happened, why, and what to do. Codes (``E001``) are
stable so users can search for them.
"""

from __future__ import annotations


class Errors:
    E001 = "[E001] No such file or folder: {path}. Check the path, or quote it if it has spaces."
    E002 = "[E002] No articles found in folder {path}: it has no .txt, .html, .htm, .jsonl or .json files."
    E003 = "[E003] {origin}: the article is empty (no text, or only white space)."
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
    E015 = "[E015] Boilerplate patterns file {origin}: {detail}."
    E016 = (
        "[E016] {origin}: 'published' value {value!r} is not a date eventwire can read "
        "(use YYYY-MM-DD); looking for a dateline in the text instead."
    )
    E017 = "[E017] {origin}: the '{field}' field must be a string or null, got {type}; ignored."
    E018 = (
        "[E018] {origin}: the file is {size:,} bytes, too large to read as one article "
        "(limit {limit:,} bytes, 10x `max_text_bytes` for HTML). Split it, or raise the limit."
    )
    E019 = "[E019] {origin}: cannot read the file: {detail}"
    E020 = (
        "[E020] {origin}: nothing is left after removing boilerplate ({n} line(s) dropped, e.g. {example!r}). "
        "Set `strip_boilerplate = false` in the config if this is wrong."
    )


class EventwireError(Exception):
    """Base class for eventwire's own errors."""


class InputError(EventwireError):
    """An input file or record that cannot be turned into an article."""

    def __init__(self, message: str, *, origin: str | None = None):
        super().__init__(message)
        self.origin = origin


class ConfigError(EventwireError):
    """A config file or option that cannot be used."""
