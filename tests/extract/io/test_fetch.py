"""extract.io.fetch: polite fetching against a local server (robots.txt, delays, retries, cache, failures)."""

from __future__ import annotations

import dataclasses

import pytest

from extract.errors import FetchError
from extract.io.fetch import USER_AGENT, Fetcher


def test_a_page_is_fetched_with_our_user_agent_after_robots_txt(web, fetch_settings):
    response = Fetcher(fetch_settings).get(web.url("/article.html"))
    assert response.status == 200 and b"Library opens on Sundays" in response.body
    assert response.content_type == "text/html" and response.charset == "utf-8"
    assert web.paths() == ["/robots.txt", "/article.html"]
    assert {r.user_agent for r in web.requests} == {USER_AGENT} and "newsgraph" in USER_AGENT


def test_the_cache_means_a_second_run_sends_nothing(web, fetch_settings):
    Fetcher(fetch_settings).get(web.url("/article.html"))
    sent = len(web.requests)
    again = Fetcher(fetch_settings)
    response = again.get(web.url("/article.html"))
    assert response.from_cache and b"Library" in response.body
    assert len(web.requests) == sent and again.stats.cached == 1 and again.stats.fetched == 0
    refetched = Fetcher(dataclasses.replace(fetch_settings, refetch=True)).get(web.url("/article.html"))
    assert not refetched.from_cache and web.paths()[-1] == "/article.html"


def test_redirects_are_followed_and_the_final_address_kept(web, fetch_settings):
    response = Fetcher(fetch_settings).get(web.url("/redirect"))
    assert response.url == web.url("/article.html") and b"Library" in response.body


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/error", "HTTP 500 Internal Server Error"),
        ("/image.png", "not an HTML page (Content-Type: image/png)"),
        ("/private/secret.html", "robots.txt of 127.0.0.1"),
        ("/to-private", "disallows fetching this page (redirected to"),
        ("/loop", "more than 5 redirects"),
        ("/to-ftp", "not an http:// or https:// address (redirected to ftp://"),
        ("/slow", "timed out: no answer within 0.5 s (2 tries)"),
    ],
)
def test_each_failure_names_the_url_and_the_reason(web, fetch_settings, path, reason):
    fetcher = Fetcher(fetch_settings)
    with pytest.raises(FetchError) as caught:
        fetcher.get(web.url(path))
    assert caught.value.path == web.url(path) and reason in caught.value.reason
    assert fetcher.stats.failed == 1
    if path == "/private/secret.html":
        assert "/private/secret.html" not in web.paths()  # robots.txt obeyed: never requested


def test_server_errors_are_retried_with_backoff_then_reported(web, fetch_settings):
    waits: list[float] = []
    fetcher = Fetcher(dataclasses.replace(fetch_settings, retries=2, backoff=0.01), sleep=waits.append)
    with pytest.raises(FetchError, match="HTTP 500"):
        fetcher.get(web.url("/error"))
    assert web.hits["/error"] == 3 and waits == [0.01, 0.02]


def test_a_transient_error_heals_on_retry(web, fetch_settings):
    response = Fetcher(fetch_settings).get(web.url("/flaky"))
    assert response.status == 200 and web.hits["/flaky"] == 2


def test_an_unreachable_host_is_reported(fetch_settings):
    import socket

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="robots.txt could not be read .*cannot connect to 127.0.0.1"):
        Fetcher(fetch_settings).get(f"http://127.0.0.1:{port}/page.html")


def test_requests_to_one_host_are_spaced_by_the_delay(web, fetch_settings):
    now = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    fetcher = Fetcher(dataclasses.replace(fetch_settings, delay=2.0), sleep=sleep, clock=lambda: now[0])
    fetcher.get(web.url("/article.html"))  # robots.txt, then the page 2 s later
    fetcher.get(web.url("/second.html"))
    assert waits == [2.0, 2.0]


def test_only_http_addresses_are_fetched(fetch_settings):
    with pytest.raises(FetchError, match="not an http"):
        Fetcher(fetch_settings).get("file:///etc/passwd")


def test_a_response_over_the_size_limit_is_refused(web, fetch_settings):
    with pytest.raises(FetchError, match="over the 100 limit"):
        Fetcher(dataclasses.replace(fetch_settings, max_bytes=100)).get(web.url("/article.html"))
