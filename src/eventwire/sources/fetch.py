"""Polite HTTP fetching: timeouts, size limits, retries with backoff, per-host pacing, robots.txt.

One ``Fetcher`` is shared by everything a run fetches (feeds, pages, robots.txt
files), so the per-host pacing and the robots.txt cache apply across all of them.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.robotparser
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Self
from urllib.parse import urlsplit

import httpx

from eventwire.config import Config
from eventwire.errors import Errors, EventwireError

log = logging.getLogger(__name__)

# Statuses worth another try: rate limited, or a server-side hiccup.
RETRY_STATUSES = {429, 500, 502, 503, 504}
# Longest Retry-After we honour, so a hostile header cannot park a run for hours.
MAX_RETRY_AFTER = 60.0
# robots.txt answers are cached this long (seconds), as RFC 9309 section 2.4 allows up to 24 h.
ROBOTS_TTL = 3600.0


class FetchError(EventwireError):
    """A URL that could not be fetched; the message is a coded E50x message."""

    def __init__(self, message: str, *, url: str, status: int | None = None):
        super().__init__(message)
        self.url = url
        self.status = status


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched resource.

    Attributes:
        url: the URL asked for.
        final_url: where redirects ended.
        status: HTTP status (always 2xx here; other statuses raise ``FetchError``).
        content_type: media type without parameters, lower case ("text/html").
        body: the bytes (at most ``sources.max_bytes``).
        encoding: the charset the server declared, or None.
    """

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    encoding: str | None = None

    def text(self) -> str:
        """The body decoded with the declared charset, else UTF-8 (bad bytes replaced)."""
        try:
            return self.body.decode(self.encoding or "utf-8", errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """The ``[sources]`` config section, typed."""

    user_agent: str
    timeout: float
    total_timeout: float
    max_bytes: int
    retries: int
    backoff: float
    host_interval: float
    max_redirects: int
    respect_robots: bool

    @classmethod
    def from_config(cls, config: Config) -> FetchSettings:
        get = config.sections["sources"].get
        return cls(
            user_agent=str(get("user_agent")), timeout=float(get("timeout")),
            total_timeout=float(get("total_timeout")), max_bytes=int(get("max_bytes")),
            retries=int(get("retries")), backoff=float(get("backoff")),
            host_interval=float(get("host_interval")), max_redirects=int(get("max_redirects")),
            respect_robots=bool(get("respect_robots")),
        )


class HostPacer:
    """Keeps at least ``interval`` seconds between two requests to the same host (thread-safe)."""

    def __init__(self, interval: float):
        self.interval = interval
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            at = max(self._next.get(host, now), now)
            self._next[host] = at + self.interval
        if at > now:
            time.sleep(at - now)


class Fetcher:
    """Fetches URLs politely. Use as a context manager, or call ``close()``.

    Args:
        config: settings (section ``[sources]``).
        transport: an httpx transport (tests may pass one; default is the network).
    """

    def __init__(self, config: Config, *, transport: httpx.BaseTransport | None = None):
        self.settings = s = FetchSettings.from_config(config)
        self.client = httpx.Client(
            headers={"User-Agent": s.user_agent},
            timeout=httpx.Timeout(s.timeout),
            follow_redirects=True,
            max_redirects=s.max_redirects,
            transport=transport,
        )
        self.pacer = HostPacer(s.host_interval)
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser]] = {}

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def get(self, url: str) -> Response:
        """Fetch ``url`` (robots.txt permitting), retrying transient failures.

        Raises:
            FetchError: disallowed, too large, too slow, a redirect loop, a non-2xx
                status after the retries, or a network error after the retries.
        """
        if self.settings.respect_robots and not self.allowed(url):
            host = urlsplit(url).netloc
            raise FetchError(Errors.E505.format(url=url, host=host, agent=self.settings.user_agent), url=url)
        return self._get_with_retries(url)

    def _get_with_retries(self, url: str) -> Response:
        s = self.settings
        attempts = s.retries + 1
        status = 0
        for attempt in range(1, attempts + 1):
            last = attempt == attempts
            try:
                response, status, retry_after = self._get_once(url)
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as e:
                if last:
                    detail = type(e).__name__ + (f": {e}" if str(e) else "")
                    raise FetchError(Errors.E500.format(url=url, detail=detail, attempts=attempt), url=url) from e
                retry_after = None
            else:
                if response is not None:
                    return response
                if last:
                    break
            delay = retry_after if retry_after is not None else s.backoff * 2 ** (attempt - 1)
            log.info("%s: attempt %d failed; retrying in %.1f s", url, attempt, delay)
            time.sleep(delay)
        message = Errors.E501.format(url=url, status=status, retried=f" {attempts} time(s)")
        raise FetchError(message, url=url, status=status)

    def _get_once(self, url: str) -> tuple[Response | None, int, float | None]:
        """One request: (response, status, None), or (None, status, retry_after) for a retryable status."""
        s = self.settings
        self.pacer.wait(urlsplit(url).netloc)
        started = time.monotonic()
        try:
            with self.client.stream("GET", url) as r:
                if r.status_code in RETRY_STATUSES:
                    return None, r.status_code, _retry_after(r.headers.get("Retry-After"))
                if not 200 <= r.status_code < 300:
                    message = Errors.E501.format(url=url, status=r.status_code, retried="")
                    raise FetchError(message, url=url, status=r.status_code)
                body = self._read_body(url, r, started)
                content_type = r.headers.get("Content-Type", "").split(";")[0].strip().lower()
                response = Response(url, str(r.url), r.status_code, content_type, body, r.charset_encoding)
                return response, r.status_code, None
        except httpx.TooManyRedirects as e:
            raise FetchError(Errors.E502.format(url=url, limit=s.max_redirects), url=url) from e

    def _read_body(self, url: str, r: httpx.Response, started: float) -> bytes:
        s = self.settings
        declared = r.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > s.max_bytes:
            raise FetchError(Errors.E503.format(url=url, limit=s.max_bytes), url=url)
        chunks: list[bytes] = []
        size = 0
        for chunk in r.iter_bytes():
            size += len(chunk)
            if size > s.max_bytes:
                raise FetchError(Errors.E503.format(url=url, limit=s.max_bytes), url=url)
            if time.monotonic() - started > s.total_timeout:
                raise FetchError(Errors.E506.format(url=url, limit=s.total_timeout), url=url)
            chunks.append(chunk)
        return b"".join(chunks)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of ``url``'s host lets our user agent fetch it (cached per host)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(origin)
        if cached is None or time.monotonic() - cached[0] > ROBOTS_TTL:
            cached = (time.monotonic(), self._load_robots(origin))
            self._robots[origin] = cached
        return cached[1].can_fetch(self.settings.user_agent, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser:
        """RFC 9309: 4xx means no rules; 5xx or unreachable means disallow everything."""
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            response = self._get_with_retries(origin + "/robots.txt")
        except FetchError as e:
            if e.status is not None and 400 <= e.status < 500:
                parser.allow_all = True
            else:
                log.warning("%s/robots.txt unreachable (%s): treating the site as disallowed", origin, e)
                parser.disallow_all = True
            return parser
        parser.parse(response.text().splitlines())
        return parser


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), capped."""
    if not value:
        return None
    if value.strip().isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, min(when.timestamp() - time.time(), MAX_RETRY_AFTER))
