"""The chat lets go of the sessions that are gone (issue 12, bot/ui/sessions.py).

Gradio kept a SessionState (a copy of every component's config, about 170 KB, and the conversation) for every
session hash it had seen, up to 10,000: every page and every `/ask` client has one, so a long-lived chat's
memory grew with the questions it answered. Here the app is served in this process (bot.ui.app.launch, as
`newsbot chat` serves it) so that its sessions can be counted, with the sweep's delays shortened.
"""

from __future__ import annotations

import datetime
import time
from types import SimpleNamespace

import httpx
import pytest

from bot.ui import sessions
from eval.soak_client import ApiSession, ChatConfig, ChatPage
from conftest import PROBE_ANSWER, PROBE_QUESTION, free_port


@pytest.fixture
def served(sample_home, monkeypatch):
    """The chat on a free port, sweeping every 0.2 s; yields (url, the gr.Blocks)."""
    from bot.ui import app as app_module

    built = []  # the app launch() serves, to count its sessions
    build = app_module.build_app
    monkeypatch.setattr(app_module, "build_app", lambda settings: built.append(build(settings)) or built[-1])

    monkeypatch.setattr(sessions, "SWEEP_SECONDS", 0.2)
    monkeypatch.setattr(sessions, "STATELESS_IDLE_SECONDS", 1.0)
    monkeypatch.setattr(sessions, "CLOSED_GRACE_SECONDS", 1.0)
    monkeypatch.setenv("GRADIO_HEARTBEAT_INTERVAL", "0.5")  # a closed page is noticed within half a second
    monkeypatch.setenv("GRADIO_ANALYTICS_ENABLED", "False")
    port = free_port()
    app_module.launch(sample_home, port=port, prevent_thread_lock=True, quiet=True)
    app = built[0]
    try:
        yield f"http://127.0.0.1:{port}/", app
    finally:
        app.close()


def wait_for(condition, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def test_gone_sessions_are_dropped_and_an_open_page_keeps_its_conversation(served) -> None:
    url, app = served
    with httpx.Client(timeout=httpx.Timeout(60, read=300)) as http:
        for _ in range(10):  # ten gradio_client users, one question each: a session hash each
            assert PROBE_ANSWER in ApiSession(url, http).ask(PROBE_QUESTION).answer
        config = ChatConfig.read(http, url)
        kept, left = (ChatPage(url, http, config, heartbeat=True) for _ in range(2))
        kept.ask(PROBE_QUESTION)
        left.ask(PROBE_QUESTION)
        left.close()  # the tab is closed: its heartbeat ends
        holder = app.state_holder
        # Before the fix all twelve stayed (gradio drops a session only beyond 10,000 of them).
        assert wait_for(lambda: set(holder.session_data) == {kept.session}), \
            f"{len(holder.session_data)} sessions kept: {sorted(holder.session_data)} (open page: {kept.session})"
        # The open page still has its conversation: a follow-up is read with it (ask() checks the page
        # shows both rounds, which a fresh session would not).
        follow_up = kept.ask("What did he want in return?")
        assert "Sadr" in follow_up.standalone
    kept.close()


# -- unit: which sessions go -------------------------------------------------------------------------------

def fake_session(closed: bool = False, state: dict | None = None, blocks: dict | None = None):
    return SimpleNamespace(is_closed=closed, state_data=state or {},
                           blocks_config=SimpleNamespace(blocks=blocks if blocks is not None else dict(DEFAULTS)))


DEFAULTS = {1: object(), 2: object()}


def test_gone_sessions_by_idle_time_state_and_pending_events() -> None:
    now = datetime.datetime(2026, 12, 3, 12, 0, 0)
    ago = lambda s: now - datetime.timedelta(seconds=s)  # noqa: E731
    sessions_ = {
        "api-fresh": (fake_session(), ago(5)),
        "api-idle": (fake_session(), ago(sessions.STATELESS_IDLE_SECONDS)),
        "api-busy": (fake_session(), ago(sessions.IDLE_SECONDS * 2)),  # its answer is still being made
        "page-open": (fake_session(state={7: ["a conversation"]}), ago(sessions.IDLE_SECONDS - 1)),
        "page-loaded": (fake_session(blocks={1: DEFAULTS[1], 2: object()}), ago(600)),  # a changed component
        "page-closed-now": (fake_session(closed=True, state={7: []}), ago(1)),
        "page-closed": (fake_session(closed=True, state={7: []}), ago(sessions.CLOSED_GRACE_SECONDS)),
        "page-forgotten": (fake_session(state={7: []}), ago(sessions.IDLE_SECONDS)),
    }
    holder = SimpleNamespace(session_data={k: s for k, (s, _) in sessions_.items()},
                             time_last_used={k: t for k, (_, t) in sessions_.items()})
    gone = sessions.gone_sessions(holder, DEFAULTS, {"api-busy": {"event"}}, now)
    assert sorted(gone) == ["api-idle", "page-closed", "page-forgotten"]
