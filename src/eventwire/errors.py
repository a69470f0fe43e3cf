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

    # E300-E349: the store (eventwire.store), ingest, query and export.
    E300 = "[E300] Cannot open the database {url}: {detail}"
    E301 = (
        "[E301] Unsupported database URL {url!r}. Use sqlite:///path/to/file.db, a plain file path, "
        "or postgresql://user:password@host:port/dbname."
    )
    E302 = "[E302] Could not upgrade the database schema at {url}: {detail}"
    E303 = "[E303] {origin}: article {id!r} could not be stored ({detail}); nothing of it was written."
    E304 = (
        "[E304] The database {url} has schema revision {revision!r}, which this eventwire does not know. "
        "It was written by a newer eventwire: upgrade eventwire to read it."
    )
    E305 = "[E305] Bad value for {field}: {value!r}. {hint}"
    E306 = "[E306] Unknown {what} {value!r}. Choose one of: {choices}."
    E307 = "[E307] Cannot write {path}: {detail}"

    # E400-E449: the REST API and web UI (eventwire serve).
    E400 = "[E400] {method} {path}: no such page or endpoint. The API is listed at /docs."
    E401 = "[E401] Bad request parameters: {detail}"
    E402 = "[E402] {method} is not allowed on {path}; allowed: {allowed}."
    E403 = (
        "[E403] Request body is {size:,} bytes, over the limit of {limit:,} bytes. "
        "Send a shorter article or raise `api.max_body_bytes` in the config."
    )
    E404 = "[E404] No article with id {id!r}. Search for articles at /api/articles?q=..."
    E405 = "[E405] No actor with code {code!r} in the store. List actors at /api/actors."
    E406 = (
        "[E406] Submitting articles is disabled: no API token is set. "
        "Set `api.token` in the config or the EVENTWIRE_API_TOKEN environment variable."
    )
    E407 = "[E407] This endpoint needs a token: send the header 'Authorization: Bearer TOKEN'."
    E408 = "[E408] The token sent is not the server's API token."
    E409 = "[E409] Give exactly one of 'text' or 'html' in the JSON body."
    E410 = "[E410] The article could not be read: {detail}"
    E411 = "[E411] The article could not be analysed: {detail}"
    E412 = "[E412] Internal error ({kind}); the server log has the details. Nothing was stored."
    E413 = "[E413] `eventwire serve` cannot start: {detail}"


class EventwireError(Exception):
    """Base class for eventwire's own errors."""


class InputError(EventwireError):
    """An input file or record that cannot be turned into an article."""

    def __init__(self, message: str, *, origin: str | None = None):
        super().__init__(message)
        self.origin = origin


class ConfigError(EventwireError):
    """A config file or option that cannot be used."""


class StoreError(EventwireError):
    """The database cannot be opened, upgraded, written or queried as asked."""
