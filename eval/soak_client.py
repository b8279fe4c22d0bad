"""Clients of a running `newsbot chat` for the soak test (eval/soak.py) and the UI concurrency tests.

- ``ChatPage``: one browser tab of the chat, speaking Gradio's own protocol over HTTP as the page's JavaScript
  does: the question step (``/gradio_api/run/predict``), then the streamed answer (``/gradio_api/queue/join``
  and the session's server-sent events, ``/gradio_api/queue/data``). The conversation lives on the server
  (gr.State per session hash), so a page that sees another page's messages is cross-talk. With heartbeat=True
  it holds ``/gradio_api/heartbeat/<session>`` open from its first question until close(), as the browser
  does while the tab is open: the server learns when the page is gone (bot/ui/sessions.py).
- ``ApiSession``: the ``/ask`` endpoint through Gradio's plain HTTP API; the client keeps the history.

Both return a ``Turn``: what the answer shows, and when it started and ended (wall clock, ``time.time()``,
comparable with the churn process's commit times).
"""

from __future__ import annotations

import html
import json
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Callable

import httpx

PREFIX = "gradio_api"


class ChatError(RuntimeError):
    """The server answered with an error (HTTP, a Gradio error event, or an error message in the chat)."""


@dataclass(frozen=True)
class Turn:
    question: str
    start: float  # time.time() when the request was sent
    end: float  # ... when its answer was complete
    answer: str  # the answer as shown: the chat message's HTML, or /ask's answer text
    standalone: str  # how the question was understood ("" if the chat did not say)
    sources: tuple[str, ...]  # cited and related article sources (file paths) or ids
    quotes: tuple[str, ...] = ()  # /ask: the citations' and related passages' quotes
    first_frame: float | None = None  # chat: when the first streamed frame arrived
    messages: tuple[dict, ...] = ()  # chat: every message the page shows after this turn

    @property
    def seconds(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class ChatConfig:
    """The ids a page needs, read from the app's /config: the question box, its two chained events, and what
    each input of the answer event is (components by elem_id; gr.State inputs are sent as null)."""

    box: int
    ask_fn: int  # show_question: the question appears at once (queue=False)
    answer_fn: int  # respond: the streamed answer (queued)
    answer_inputs: tuple[tuple[str, str], ...]  # (component type, elem_id) per input of the answer event

    @classmethod
    def read(cls, http: httpx.Client, url: str) -> "ChatConfig":
        config = _ok(http.get(f"{url}config")).json()
        comps = {c["id"]: c for c in config["components"]}
        box = next(i for i, c in comps.items() if c.get("props", {}).get("elem_id") == "question")
        deps = config["dependencies"]
        ask = next(d for d in deps if [box, "submit"] in [list(t) for t in d["targets"]])
        answer = next(d for d in deps if d.get("trigger_after") == ask["id"])
        inputs = tuple((comps[i]["type"], comps[i].get("props", {}).get("elem_id") or "") for i in answer["inputs"])
        return cls(box, ask["id"], answer["id"], inputs)


def message_text(content) -> str:
    """A chat message's text, whether Gradio sends it as a string or as a list of typed parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or content.get("value") or "")
    if isinstance(content, list):
        return "".join(message_text(p) for p in content)
    return ""


_SOURCE = '<span class="nb-file" title="'
_UNDERSTOOD = "understood as: <q>"


def shown_sources(answer_html: str) -> tuple[str, ...]:
    """The article sources of every card (cited or related) in a rendered answer."""
    out, i = [], answer_html.find(_SOURCE)
    while i >= 0:
        j = answer_html.find('"', i + len(_SOURCE))
        out.append(html.unescape(answer_html[i + len(_SOURCE):j]))
        i = answer_html.find(_SOURCE, j)
    return tuple(out)


def understood(answer_html: str) -> str:
    i = answer_html.find(_UNDERSTOOD)
    return html.unescape(answer_html[i + len(_UNDERSTOOD):answer_html.find("</q>", i)]) if i >= 0 else ""


class ChatPage:
    """One page of the chat: a session hash of its own, its questions asked one after another."""

    def __init__(self, url: str, http: httpx.Client, config: ChatConfig, *, mode: str = "extractive",
                 top_k: int = 5, heartbeat: bool = False):
        self.url, self.http, self.config = url, http, config
        self.session = uuid.uuid4().hex[:12]
        self.values = {"top-k": top_k, "article-filter": [], "date-from": "", "date-to": "", "mode": mode}
        self.questions: list[str] = []
        # The page's JavaScript holds /heartbeat/<session> open from its first event until the tab is closed
        # or reloaded: that is how the server learns the page is gone (and may drop its conversation).
        self._heartbeat = threading.Event() if heartbeat else None
        self._beating = False

    def close(self) -> None:
        """Leave the page (a reload, or the tab closed): its heartbeat ends at the server's next beat."""
        if self._heartbeat is not None:
            self._heartbeat.set()

    def _beat(self) -> None:
        # A client of its own: closing a stream another thread reads is not safe on a shared one.
        try:
            with httpx.Client(timeout=httpx.Timeout(30, read=None)) as http, http.stream(
                    "GET", f"{self.url}{PREFIX}/heartbeat/{self.session}") as resp:
                for _ in resp.iter_lines():  # "data: ALIVE" every 15 s (GRADIO_HEARTBEAT_INTERVAL)
                    if self._heartbeat.is_set():
                        break
        except httpx.HTTPError:
            pass  # the server stopped: the page is gone with it

    def _body(self, fn: int, data: list) -> dict:
        return {"data": data, "fn_index": fn, "session_hash": self.session, "trigger_id": self.config.box,
                "event_data": None}

    def ask(self, question: str, on_frame: Callable[[list], None] | None = None) -> Turn:
        """Type the question and press Enter; return when the answer is complete."""
        start = time.time()
        if self._heartbeat is not None and not self._beating:
            self._beating = True
            threading.Thread(target=self._beat, name=f"heartbeat-{self.session}", daemon=True).start()
        shown = _ok(self.http.post(f"{self.url}{PREFIX}/run/predict", json=self._body(
            self.config.ask_fn, [question, None]))).json()["data"][0]
        self.questions.append(question)
        if len(shown) != 2 * len(self.questions) - 1:
            raise ChatError(f"the page shows {len(shown)} messages after its question {len(self.questions)}")
        data = [None if kind == "state" else self.values[elem] for kind, elem in self.config.answer_inputs]
        event = _ok(self.http.post(f"{self.url}{PREFIX}/queue/join",
                                   json=self._body(self.config.answer_fn, data))).json()["event_id"]
        first, final = None, None
        with self.http.stream("GET", f"{self.url}{PREFIX}/queue/data", params={"session_hash": self.session},
                              timeout=httpx.Timeout(30, read=300)) as resp:
            _ok(resp)
            for line in resp.iter_lines():
                if not line.startswith("data:"):
                    continue
                msg = json.loads(line[5:])
                if msg.get("event_id") not in (None, event):
                    raise ChatError(f"session {self.session} received another event's message: {msg}")
                kind = msg.get("msg")
                if kind == "process_generating":
                    first = first or time.time()
                    if on_frame is not None:
                        on_frame(msg["output"].get("data") or [])
                elif kind == "process_completed":
                    if not msg.get("success"):
                        raise ChatError(f"the answer failed: {msg.get('output')}")
                    final = msg["output"]["data"]
                    break
                elif kind in ("unexpected_error", "close_stream"):
                    raise ChatError(f"the event stream ended without an answer: {msg}")
        end = time.time()
        if final is None:
            raise ChatError("the event stream ended without an answer")
        messages = tuple(final[0])
        answer = message_text(messages[-1].get("content")) if messages else ""
        if "nb-error" in answer:
            raise ChatError(f"the chat shows an error: {answer}")
        return Turn(question, start, end, answer, understood(answer), shown_sources(answer), first_frame=first,
                    messages=messages)


class ApiSession:
    """A client of the `/ask` endpoint over Gradio's plain HTTP API (POST /gradio_api/call/ask, then its
    event stream) that behaves as gradio_client does: one session hash for all its calls, and the history
    kept on the client side as the README shows."""

    def __init__(self, url: str, http: httpx.Client):
        self.url, self.http = url, http
        self.session = uuid.uuid4().hex[:12]
        self.history: list[dict] = []

    def ask(self, question: str, mode: str = "extractive") -> Turn:
        start = time.time()
        event = _ok(self.http.post(f"{self.url}{PREFIX}/call/ask",
                                   json={"data": [question, self.history, mode],
                                         "session_hash": self.session})).json()["event_id"]
        kind, data = None, None
        with self.http.stream("GET", f"{self.url}{PREFIX}/call/ask/{event}",
                              timeout=httpx.Timeout(30, read=300)) as resp:
            _ok(resp)
            for line in resp.iter_lines():
                if line.startswith("event:"):
                    kind = line[6:].strip()
                elif line.startswith("data:") and kind in ("complete", "error"):
                    data = json.loads(line[5:])
                    break
        end = time.time()
        if kind != "complete" or not data:
            raise ChatError(f"/ask failed: {kind}: {data}")
        d = data[0]
        self.history += [{"role": "user", "content": d["standalone_question"]},
                         {"role": "assistant", "content": d["answer"]}]
        cards = list(d["citations"]) + list(d["related"])
        return Turn(question, start, end, d["answer"], d["standalone_question"],
                    tuple(c["article_id"] for c in cards), tuple(c["quote"] for c in cards))


def _ok(resp: httpx.Response) -> httpx.Response:
    if resp.status_code != 200:
        resp.read()
        raise ChatError(f"HTTP {resp.status_code} from {resp.request.url}: {resp.text[:300]}")
    return resp

