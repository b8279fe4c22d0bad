"""A slow OpenAI-compatible server for tests: a real HTTP server on 127.0.0.1 (stdlib http.server, one thread
per request) whose /v1/chat/completions streams a fixed reply word by word, `delay` seconds apart, as
server-sent events (the format llama.cpp's and OpenAI's servers use). It records every stream's start and
end, and the most streams it served at once, so a test can tell concurrent requests from serialised ones.

    with SlowLLM(REPLY, delay=0.2) as llm:      # llm.url == "http://127.0.0.1:PORT/v1"
        ...
        llm.streams        # [(start, end), ...] time.time() of each finished stream
        llm.most_at_once   # the largest number of streams in progress at the same moment
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODEL = "slow-model"


class SlowLLM:
    def __init__(self, reply: str, delay: float):
        self.words = reply.split(" ")
        self.delay = delay
        self.streams: list[tuple[float, float]] = []
        self.started: list[float] = []
        self.active = 0
        self.most_at_once = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    @property
    def seconds(self) -> float:
        """How long one stream takes at least."""
        return self.delay * len(self.words)

    def __enter__(self) -> "SlowLLM":
        threading.Thread(target=self._server.serve_forever, name="slow-llm", daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def reset(self) -> None:
        with self._lock:
            self.streams, self.started, self.most_at_once = [], [], self.active

    def _enter(self) -> float:
        with self._lock:
            self.active += 1
            self.most_at_once = max(self.most_at_once, self.active)
            t = time.time()
            self.started.append(t)
            return t

    def _leave(self, start: float) -> None:
        with self._lock:
            self.active -= 1
            self.streams.append((start, time.time()))

    def _handler(self):
        llm = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def _json(self, obj: dict) -> None:
                body = json.dumps(obj).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                self._json({"object": "list", "data": [{"id": MODEL, "object": "model", "owned_by": "test"}]})

            def do_POST(self) -> None:  # noqa: N802
                request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                if not request.get("stream"):
                    self._json({"id": "c", "object": "chat.completion", "created": 0, "model": MODEL,
                                "choices": [{"index": 0, "finish_reason": "stop", "message": {
                                    "role": "assistant", "content": " ".join(llm.words)}}]})
                    return
                start = llm._enter()
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.send_header("Cache-Control", "no-cache")
                    self.end_headers()  # HTTP/1.0: the body ends when the connection closes
                    for i, word in enumerate(llm.words):
                        time.sleep(llm.delay)
                        self._event({"role": "assistant", "content": word} if i == 0 else {"content": " " + word})
                    self._event({}, finish="stop")
                    self.wfile.write(b"data: [DONE]\n\n")
                    self.wfile.flush()
                finally:
                    llm._leave(start)

            def _event(self, delta: dict, finish: str | None = None) -> None:
                chunk = {"id": "c", "object": "chat.completion.chunk", "created": 0, "model": MODEL,
                         "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()

        return Handler
