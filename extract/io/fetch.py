"""Fetching web pages and feeds, politely, only when asked, with an on-disk cache.

The only network use newsgraph makes. Every request carries a ``User-Agent`` naming newsgraph, obeys
the host's ``robots.txt`` (fetched once per host and run with the same agent; its ``Crawl-delay`` is
honoured), waits ``delay`` seconds between two requests to the same host, gives up after ``timeout``
seconds without an answer, and retries connection failures, timeouts, 429 and 5xx answers
``retries`` times with exponential backoff (a ``Retry-After`` is honoured, up to a minute). Redirects
are followed by hand (at most ``max_redirects``, http and https only, robots.txt checked at every hop).
Pages are cached on disk by URL: building again reads them from the cache and sends nothing. Every
failure is a ``FetchError`` naming the URL and the reason.
"""

from __future__ import annotations

import email.utils
import hashlib
import http.client
import importlib.metadata
import json
import os
import socket
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from extract.errors import FetchError
from extract.io.files import atomic_open

try:
    VERSION = importlib.metadata.version("newsgraph")
except importlib.metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
    VERSION = "0"
USER_AGENT = f"newsgraph/{VERSION} (knowledge-graph builder; fetches only the pages it is given)"
#: robots.txt rules are matched against this product token.
ROBOTS_AGENT = "newsgraph"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
#: Longest wait newsgraph accepts from a Retry-After or Crawl-delay.
MAX_WAIT = 60.0


def default_cache_dir() -> Path:
    """``$NEWSGRAPH_CACHE``, else ``$XDG_CACHE_HOME/newsgraph``, else ``~/.cache/newsgraph``."""
    if os.environ.get("NEWSGRAPH_CACHE"):
        return Path(os.environ["NEWSGRAPH_CACHE"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "newsgraph"


@dataclass(frozen=True)
class FetchSettings:
    """How to fetch: the options a user sets with ``--cache``, ``--refetch``, ``--delay``, ``--timeout``, ``--retries``."""

    cache_dir: Path | None = None  # None: default_cache_dir()
    refetch: bool = False  # fetch again even what the cache holds (the cache is then updated)
    delay: float = 1.0
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    user_agent: str = USER_AGENT
    max_bytes: int = 20_000_000
    max_redirects: int = 5

    @property
    def cache(self) -> Path:
        return (self.cache_dir or default_cache_dir()) / "pages"


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    content_type: str  # lower case, without parameters
    charset: str
    body: bytes
    from_cache: bool = False


@dataclass
class FetchStats:
    fetched: int = 0
    cached: int = 0
    failed: int = 0


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects come back as responses so each hop can be checked against robots.txt and the scheme."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001 - urllib's signature
        return None


@dataclass
class Fetcher:
    """One polite client for a run: per-host timing and robots.txt rules are remembered between requests."""

    settings: FetchSettings = field(default_factory=FetchSettings)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    stats: FetchStats = field(default_factory=FetchStats)

    def __post_init__(self) -> None:
        self._opener = urllib.request.build_opener(_NoRedirects())
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}

    # --- the one public call --------------------------------------------------------------------

    def get(self, url: str, *, accept: tuple[str, ...] = HTML_TYPES, cache: bool = True) -> Response:
        """The body at ``url``: from the cache when there, else fetched (and cached when ``cache``)."""
        _check_scheme(url, url)
        if cache and not self.settings.refetch:
            hit = self._cached(url)
            if hit is not None:
                self.stats.cached += 1
                return hit
        try:
            response = self._follow(url)
            _check_type(url, response, accept)
        except FetchError:
            self.stats.failed += 1
            raise
        self.stats.fetched += 1
        if cache:
            self._store(url, response)
        return response

    # --- requests -------------------------------------------------------------------------------

    def _follow(self, url: str) -> Response:
        current = url
        for _ in range(self.settings.max_redirects + 1):
            self._check_robots(url, current)
            status, headers, body = self._request(url, current)
            if status in _REDIRECT_STATUS:
                location = headers.get("Location")
                if not location:
                    raise FetchError(url, f"HTTP {status} redirect without a Location header")
                current = urljoin(current, location)
                _check_scheme(url, current)
                continue
            if status >= 400:
                raise FetchError(url, f"HTTP {status} {_reason(status)}")
            content_type, charset = _content_type(headers.get("Content-Type", ""))
            return Response(current, status, content_type, charset, body)
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects (last to {current})")

    def _request(self, url: str, target: str, *, retries: int | None = None) -> tuple[int, Message, bytes]:
        """(status, headers, body) of one GET, with retries; redirects and HTTP errors are returned, not raised."""
        s = self.settings
        tries = 1 + (s.retries if retries is None else retries)
        for attempt in range(tries):
            self._wait_for_host(target)
            wait = s.backoff * 2**attempt
            try:
                request = urllib.request.Request(target, headers={"User-Agent": s.user_agent, "Accept-Encoding": "identity"})
                with self._opener.open(request, timeout=s.timeout) as answer:
                    status, headers = answer.status, answer.headers
                    body = self._read(url, answer, headers)
            except urllib.error.HTTPError as error:
                status, headers = error.code, error.headers or Message()
                body = b""
                if status in _RETRY_STATUS and attempt + 1 < tries:
                    self.sleep(min(MAX_WAIT, max(wait, _retry_after(headers))))
                    continue
                return status, headers, body
            except (TimeoutError, socket.timeout):
                if attempt + 1 < tries:
                    self.sleep(wait)
                    continue
                raise FetchError(url, f"timed out: no answer within {s.timeout:g} s ({tries} tries)") from None
            except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
                reason = getattr(error, "reason", error)
                if isinstance(reason, (TimeoutError, socket.timeout)):
                    if attempt + 1 < tries:
                        self.sleep(wait)
                        continue
                    raise FetchError(url, f"timed out: no answer within {s.timeout:g} s ({tries} tries)") from None
                if attempt + 1 < tries:
                    self.sleep(wait)
                    continue
                raise FetchError(url, f"cannot connect to {urlsplit(target).netloc}: {reason} ({tries} tries)") from None
            finally:
                self._last[urlsplit(target).netloc] = self.clock()
            return status, headers, body
        raise AssertionError("unreachable")  # pragma: no cover

    def _read(self, url: str, answer, headers: Message) -> bytes:
        limit = self.settings.max_bytes
        length = headers.get("Content-Length")
        if length and length.isdigit() and int(length) > limit:
            raise FetchError(url, f"response is {int(length):,} bytes, over the {limit:,} limit")
        body = answer.read(limit + 1)
        if len(body) > limit:
            raise FetchError(url, f"response is over the {limit:,} bytes limit")
        return body

    def _wait_for_host(self, target: str) -> None:
        host = urlsplit(target).netloc
        last = self._last.get(host)
        if last is None:
            return
        delay = max(self.settings.delay, self._crawl_delay(host))
        remaining = last + delay - self.clock()
        if remaining > 0:
            self.sleep(remaining)

    # --- robots.txt -----------------------------------------------------------------------------

    def _check_robots(self, url: str, target: str) -> None:
        parts = urlsplit(target)
        rules = self._robots.get(parts.netloc)
        if rules is None:
            rules = self._robots[parts.netloc] = self._load_robots(f"{parts.scheme}://{parts.netloc}/robots.txt")
        if isinstance(rules, str):
            raise FetchError(url, rules)
        if not rules.can_fetch(ROBOTS_AGENT, target):
            where = "" if target == url else f" (redirected to {target})"
            raise FetchError(url, f"robots.txt of {parts.netloc} disallows fetching this page{where}")

    def _load_robots(self, robots_url: str) -> urllib.robotparser.RobotFileParser | str:
        """The host's rules; a missing robots.txt (4xx) allows all, an unavailable one (5xx, no answer) none."""
        rules = urllib.robotparser.RobotFileParser(robots_url)
        try:
            status, _, body = self._request(robots_url, robots_url, retries=min(1, self.settings.retries))
        except FetchError as error:
            return f"robots.txt could not be read ({error.reason}); not fetching from this host"
        if status >= 500:
            return f"robots.txt answered HTTP {status}; not fetching from this host until it can be read"
        rules.parse([] if status >= 300 else body.decode("utf-8", errors="replace").splitlines())
        return rules

    def _crawl_delay(self, host: str) -> float:
        rules = self._robots.get(host)
        if isinstance(rules, urllib.robotparser.RobotFileParser):
            delay = rules.crawl_delay(ROBOTS_AGENT)
            if delay:
                return min(MAX_WAIT, float(delay))
        return 0.0

    # --- the cache ------------------------------------------------------------------------------

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.settings.cache / key[:2]
        return folder / f"{key}.json", folder / f"{key}.body"

    def _cached(self, url: str) -> Response | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        if meta.get("requested") != url or len(body) != meta.get("bytes"):
            return None  # a hash collision or a half-written entry: fetch again
        return Response(meta["url"], meta["status"], meta["content_type"], meta["charset"], body, from_cache=True)

    def _store(self, url: str, response: Response) -> None:
        meta_path, body_path = self._paths(url)
        try:
            with atomic_open(body_path, "wb") as handle:
                handle.write(response.body)
            meta = {"requested": url, "url": response.url, "status": response.status, "content_type": response.content_type,
                    "charset": response.charset, "bytes": len(response.body), "fetched": email.utils.formatdate(usegmt=True)}  # fmt: skip
            with atomic_open(meta_path) as handle:
                json.dump(meta, handle)
        except OSError:
            pass  # an unwritable cache costs a fetch next time, nothing else


def _check_scheme(url: str, target: str) -> None:
    parts = urlsplit(target)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        where = "" if target == url else f" (redirected to {target})"
        raise FetchError(url, f"not an http:// or https:// address{where}")


def _check_type(url: str, response: Response, accept: tuple[str, ...]) -> None:
    kind = response.content_type
    if kind in accept or (not kind and response.body.lstrip()[:1] == b"<"):
        return
    if accept == HTML_TYPES:
        raise FetchError(url, f"not an HTML page (Content-Type: {kind or 'none'})")
    if "html" in kind or "xml" in kind or kind.startswith("text/"):
        return  # feeds are often served as text/html or text/plain; the feed parser decides
    raise FetchError(url, f"not a feed (Content-Type: {kind or 'none'})")


def _content_type(header: str) -> tuple[str, str]:
    kind, _, params = header.partition(";")
    charset = ""
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset":
            charset = value.strip().strip('"').lower()
    return kind.strip().lower(), charset


def _retry_after(headers: Message) -> float:
    value = (headers.get("Retry-After") or "").strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError):
        return 0.0


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
