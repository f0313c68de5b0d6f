"""A local web server on 127.0.0.1 (an ephemeral port) serving the pages and feeds in tests/data/web.

Routes besides the files: a redirect, a redirect loop, 404, 500, a 500 that heals, a slow page, a
non-HTML answer, and a robots.txt that disallows /private/. Every request is recorded (path and
User-Agent) so tests can check what was sent and that a rebuild sends nothing.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WEB = Path(__file__).parent / "data" / "web"
ROBOTS = b"User-agent: *\nDisallow: /private/\n"
SLOW_SECONDS = 1.5


@dataclass
class Request:
    path: str
    user_agent: str


@dataclass
class WebServer:
    base: str = ""
    requests: list[Request] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]


def _handler(server: WebServer):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            path = self.path
            server.requests.append(Request(path, self.headers.get("User-Agent", "")))
            server.hits[path] = server.hits.get(path, 0) + 1
            if path == "/robots.txt":
                return self._send(200, ROBOTS, "text/plain")
            if path == "/redirect":
                return self._redirect("/article.html")
            if path == "/loop":
                return self._redirect("/loop")
            if path == "/to-private":
                return self._redirect("/private/secret.html")
            if path == "/to-ftp":
                return self._redirect("ftp://127.0.0.1/file")
            if path == "/error":
                return self._send(500, b"<h1>Internal error</h1>", "text/html")
            if path == "/flaky":
                if server.hits[path] == 1:
                    return self._send(503, b"busy", "text/plain", {"Retry-After": "0"})
                return self._send(200, (WEB / "second.html").read_bytes(), "text/html; charset=utf-8")
            if path == "/slow":
                time.sleep(SLOW_SECONDS)
                return self._send(200, (WEB / "article.html").read_bytes(), "text/html")
            if path == "/image.png":
                return self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
            if path.startswith("/private/"):
                return self._send(200, (WEB / "article.html").read_bytes(), "text/html")
            file = WEB / path.lstrip("/")
            if path.count("/") == 1 and file.is_file():
                body = file.read_bytes().replace(b"http://HOST", server.base.encode())
                kind = "application/rss+xml" if file.suffix == ".xml" else "text/html; charset=utf-8"
                return self._send(200, body, kind)
            return self._send(404, b"<h1>Not found</h1>", "text/html")

        def _redirect(self, location: str) -> None:
            self._send(302, b"", "text/html", {"Location": location})

        def _send(self, status: int, body: bytes, kind: str, headers: dict | None = None) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (the slow page)
                pass

    return Handler


def start() -> tuple[WebServer, ThreadingHTTPServer]:
    state = WebServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    return state, httpd
