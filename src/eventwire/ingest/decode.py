"""Bytes -> text: binary sniffing, UTF-8 (with a BOM or not), UTF-16 with a BOM, invalid bytes."""

from __future__ import annotations

import codecs
import logging
import re

from eventwire.errors import Errors, InputError

log = logging.getLogger(__name__)

# Look at this many bytes to decide whether a file is binary.
SNIFF_BYTES = 8192
# More than this share of control characters (other than tab, newlines, form
# feed and escape) in the sniffed bytes means binary; real text has none.
CONTROL_SHARE = 0.05
_TEXT_CONTROLS = set(b"\t\n\r\f\x1b")
# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)


def looks_binary(data: bytes) -> bool:
    """True when ``data`` is not text: it has NUL bytes or many control characters."""
    head = data[:SNIFF_BYTES]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    return bool(head) and controls / len(head) > CONTROL_SHARE


def decode(data: bytes, origin: str, *, base: int = 0) -> str:
    """Decode ``data`` as text, warning (E005) about invalid UTF-8 rather than failing.

    Args:
        data: the bytes of a file or of one JSONL line.
        origin: ``path`` or ``path:line``, for messages.
        base: byte offset of ``data`` in its file, so warnings name the file offset.

    Returns:
        The text; invalid bytes become U+FFFD.

    Raises:
        InputError: E004, the data is binary.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if looks_binary(data):
        raise InputError(Errors.E004.format(origin=origin), origin=origin)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        log.warning(Errors.E005.format(origin=origin, pos=base + e.start))
        return data.decode("utf-8-sig", errors="replace")


def _declared_charset(data: bytes) -> str | None:
    m = _DECLARED_CHARSET.search(data[:SNIFF_BYTES])
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes, origin: str) -> str:
    """Decode a web page: UTF-8, else the charset the page declares, else a detected one.

    A page in another encoding is not broken input, so only a page that is none
    of these gets warning E005 (and replacement characters).

    Raises:
        InputError: E004, the data is binary.
    """
    if looks_binary(data):
        raise InputError(Errors.E004.format(origin=origin), origin=origin)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        first_bad = e.start
    from trafilatura.utils import detect_encoding

    declared = _declared_charset(data)
    for encoding in ([declared] if declared else []) + detect_encoding(data):
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
        log.info("%s: decoded as %s", origin, encoding)
        return text
    log.warning(Errors.E005.format(origin=origin, pos=first_bad))
    return data.decode("utf-8", errors="replace")
