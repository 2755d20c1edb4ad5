#!/usr/bin/env python3
"""A local OTLP http/protobuf receiver that discards what it gets.

Answers 200 with an empty protobuf message (a valid Export*ServiceResponse) to POST /v1/traces, /v1/metrics and
/v1/logs, over keep-alive HTTP/1.1, so that exporters run exactly as against a real collector. GET /stats returns
the requests and bytes received per path as JSON, for the overhead run to check that an agent did export.

Usage: otlp_sink.py PORT
"""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_lock = threading.Lock()
_stats = {}


def _count(path, size):
    with _lock:
        entry = _stats.setdefault(path, {"requests": 0, "bytes": 0})
        entry["requests"] += 1
        entry["bytes"] += size


class Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        size = self._read_body()
        if self.path.startswith("/v1/"):
            _count(self.path, size)
            self._reply(200, b"", "application/x-protobuf")
        else:
            self._reply(404, b"", "text/plain")

    def do_GET(self):
        if self.path == "/stats":
            with _lock:
                body = json.dumps(_stats).encode()
            self._reply(200, body, "application/json")
        else:
            self._reply(404, b"", "text/plain")

    def _read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            size = 0
            while True:
                chunk_size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if chunk_size == 0:
                    # trailers end with an empty line
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return size
                size += len(self.rfile.read(chunk_size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return len(self.rfile.read(length)) if length else 0

    def _reply(self, status, body, content_type):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


def main():
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
