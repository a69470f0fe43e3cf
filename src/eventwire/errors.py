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

    # E150-E199: event coding
    E150 = "[E150] Verb dictionary {path}: cannot be read ({detail})."
    E151 = (
        "[E151] Verb dictionary {path}: {detail}. A YAML verb dictionary needs a top-level "
        "'verbs' mapping (see docs/events.md)."
    )
    E152 = "[E152] Verb dictionary {path}: entry {entry!r} has code {code!r}, which is not a CAMEO code."
    E153 = "[E153] Verb dictionary {path}: unknown file type; use .yaml/.yml (eventwire) or .txt (PETRARCH)."

    # E100-E149: actor dictionaries (actors/dictionary.py, dictionary_yaml.py, petrarch.py)
    E100 = "[E100] Actor dictionary {path}: no such file. Check the path given in [actors] dictionaries or --dictionary."
    E101 = "[E101] Actor dictionary {origin}, line {line}: {detail}"
    E102 = "[E102] Actor dictionary {origin}, line {line}: entry has no {field!r}; every entry needs one."
    E103 = (
        "[E103] Actor dictionary {origin}, line {line}: {field} {value!r} is not a date; "
        "write YYYY-MM-DD, YYYY-MM or YYYY."
    )
    E104 = "[E104] Actor dictionary {origin}, line {line}: kind {value!r} is unknown; use one of {known}."
    E105 = "[E105] Actor dictionary {origin}, line {line}: unknown field {field!r}; known fields: {known}."
    E106 = "[E106] Actor dictionary {origin}, line {line}: field {field!r} must be {expected}, got {value!r}."
    E107 = "[E107] Actor dictionary {origin}, line {line}: duplicate key {key!r} (first at line {first})."
    E108 = (
        "[E108] Actor dictionary {path}: unknown format. Give a .yaml/.yml file in eventwire's format "
        "or a PETRARCH/TABARI .txt actors or agents file."
    )
    E109 = "[E109] Actor dictionary {origin}, line {line}: role ends ({end}) before it starts ({start})."
    E110 = "[E110] PETRARCH dictionary {origin}, line {line}: {detail}: {text!r}"
    E111 = "[E111] PETRARCH dictionary {origin}, line {line}: bad date restriction {text!r}; use YYMMDD or YYYYMMDD."
    E112 = "[E112] Actor dictionary {origin}, line {line}: membership ends ({end}) before it starts ({start})."

    # E200-E249: quotes (eventwire.quotes: the speech-verb lexicon and the quote finder)
    E200 = (
        "[E200] {origin}: speech-verb lexicon line {line!r} is malformed. Each line is "
        "CUE<TAB>CLASS[<TAB>SOURCE] with CLASS one of: {classes}."
    )
    E201 = "[E201] Speech-verb lexicon {path} does not exist. Check the path given for extra speech verbs."
    E202 = "[E202] quote finding failed ({detail}); this article's quotes were left empty."

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

    # E500-E549: sources (WARC, feeds, URLs) and engines (local, Ray); see docs/scale.md.
    E500 = "[E500] {url}: could not fetch ({detail}) after {attempts} attempt(s). Check the address and network."
    E501 = "[E501] {url}: the server answered HTTP {status}{retried}."
    E502 = "[E502] {url}: too many redirects (more than {limit}); the site redirects in a loop."
    E503 = (
        "[E503] {url}: the response is over {limit:,} bytes, so it was not read. "
        "Raise `sources.max_bytes` in the config to accept larger pages."
    )
    E504 = "[E504] {url}: not an HTML page, text or feed (Content-Type {content_type!r}); skipped."
    E505 = "[E505] {url}: robots.txt of {host} disallows fetching it for user agent {agent!r}; skipped."
    E506 = "[E506] {url}: the response took longer than {limit:g} s in total; gave up."
    E507 = "[E507] {origin}: not a readable RSS/Atom feed ({detail})."
    E508 = "[E508] {origin}: feed entry has no link and no text; nothing to analyse."
    E509 = "[E509] {origin}: the WARC file is damaged or not a WARC file ({detail}); records before it were read."
    E510 = (
        "[E510] The Ray engine needs Ray: install it with `pip install 'eventwire[ray]'`. ({detail})"
    )
    E511 = "[E511] {origin}: a worker process died while analysing this batch ({detail})."
    E512 = "[E512] --workers must be 0 (one per CPU core) or more, got {workers}."
    E516 = (
        "[E516] Worker processes died {times} times in a row without finishing a batch ({detail}). "
        "They may be unable to start (run with --workers 1 to see the error) or be killed for memory "
        "(lower engine.chunk_size or --workers)."
    )
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
