"""Gradio's per-session state, let go once the session is gone (issue 12).

Gradio keeps a SessionState for every session hash it has seen: a copy of every component's config (about
170 KB for this app), the gr.State values (the conversation) and the last value each output showed. It drops
one only beyond 10,000 sessions (its state_session_capacity); a page whose tab was closed loses its gr.State
values an hour later, but not the SessionState. Every browser page and every gradio_client has a session
hash of its own, so under a steady stream of questions the chat's memory grew with the sessions it had
served, not with the index: in `python -m eval.soak` (a new page or `/ask` client every 9 questions) about
16 KB per answer, for as long as the chat ran.

A task on the server's event loop (where gradio itself reads and writes the sessions, so no lock is needed)
drops, every SWEEP_SECONDS, the sessions that are gone:

- a page whose heartbeat ended (the tab was closed or reloaded), once idle CLOSED_GRACE_SECONDS;
- a session that holds nothing a later request would read back (no gr.State value, no component changed by
  an update): an `/ask` client, which sends its own history each time; once idle STATELESS_IDLE_SECONDS;
- any session idle IDLE_SECONDS (a conversation nobody has touched for an hour);

and gradio's own least-recently-used bound keeps at most SESSIONS_KEPT. A session with an event still
queued or running is left alone, whatever its age. Gradio's queue also keeps an (empty) set of pending events
per page session for good: it goes with the session. Then the freed memory is given back to the OS
(malloc_trim, at most once per TRIM_SECONDS): the sessions were made by Gradio's worker threads, each with a
malloc arena of its own, and glibc kept their free pages resident (27 MB after 4 minutes of 20 sessions).
"""

from __future__ import annotations

import asyncio
import datetime
import logging
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager, suppress
from typing import Any

from index.chroma_systems import give_back_memory

log = logging.getLogger(__name__)

SWEEP_SECONDS = 10.0
# Gradio's heartbeat comes every 15 s (GRADIO_HEARTBEAT_INTERVAL): a page that reconnects within a minute
# (a network hiccup) keeps its conversation.
CLOSED_GRACE_SECONDS = 60.0
STATELESS_IDLE_SECONDS = 60.0  # nothing is lost when it goes: the next call starts from the defaults
IDLE_SECONDS = 3600.0  # as long as gradio keeps a closed page's gr.State values
# The hard bound, whatever the sessions do (a page without a heartbeat looks open forever): about 170 KB
# each plus its conversation, so 500 sessions are ~100 MB, well above the conversations open at once.
SESSIONS_KEPT = 500
TRIM_SECONDS = 60.0  # a malloc_trim costs a few ms


def holds_state(session: Any, defaults: Mapping[int, Any]) -> bool:
    """Whether a later request of this session would read something back from the server: a gr.State value
    (the page's conversation), or a component an update replaced (e.g. the article filter's choices after
    the page loaded; gradio checks a submitted value against them)."""
    if session.state_data:
        return True
    blocks = session.blocks_config.blocks
    return any(blocks.get(key) is not block for key, block in defaults.items())


def gone_sessions(holder: Any, defaults: Mapping[int, Any], busy: Mapping[str, Any],
                  now: datetime.datetime) -> list[str]:
    """The session hashes of `holder` (gradio's StateHolder) to drop now: see the module docstring.
    `busy` maps a session hash to its queued or running events (gradio's pending_event_ids_session)."""
    out = []
    for session_id, session in list(holder.session_data.items()):
        if busy.get(session_id):
            continue
        last = holder.time_last_used.get(session_id)
        idle = (now - last).total_seconds() if last is not None else IDLE_SECONDS
        if (idle >= IDLE_SECONDS
                or session.is_closed and idle >= CLOSED_GRACE_SECONDS
                or idle >= STATELESS_IDLE_SECONDS and not holds_state(session, defaults)):
            out.append(session_id)
    return out


def drop_gone_sessions(app: Any, now: datetime.datetime | None = None) -> int:
    """Drop the gone sessions of a served gradio app (its FastAPI App); returns how many were dropped."""
    holder, blocks = app.state_holder, app.get_blocks()
    queue = getattr(blocks, "_queue", None)
    busy = getattr(queue, "pending_event_ids_session", None) or {}
    # gradio's StateHolder compares with datetime.now() (local, naive): so does the idle time here
    gone = gone_sessions(holder, blocks.default_config.blocks, busy, now or datetime.datetime.now())
    for session_id in gone:
        # The SessionState goes with its conversation and its copy of the config; a request that comes
        # later with the same hash starts a fresh one from the defaults, as a new page would (and gradio
        # makes its set of pending events again when it queues one).
        holder.session_data.pop(session_id, None)
        holder.time_last_used.pop(session_id, None)
        if session_id in busy and not busy[session_id]:
            busy.pop(session_id, None)
    return len(gone)


async def _sweep(app: Any, every: float) -> None:
    trimmed = time.monotonic()
    while True:
        await asyncio.sleep(every)
        try:
            dropped = drop_gone_sessions(app)
        except Exception:  # noqa: BLE001 - gradio's internals moved: keep serving, say so once per sweep
            log.exception("could not drop the chat's gone sessions")
            continue
        if dropped and time.monotonic() - trimmed >= TRIM_SECONDS:
            trimmed = time.monotonic()
            await asyncio.to_thread(give_back_memory)  # off the event loop: it walks every arena


def session_reaper(every: float | None = None):
    """A FastAPI lifespan for app.launch(app_kwargs={"lifespan": ...}): sweeps every `every` seconds
    (SWEEP_SECONDS by default, read when the server starts) while the server runs."""

    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        task = asyncio.create_task(_sweep(app, every or SWEEP_SECONDS))
        try:
            yield
        finally:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task

    return lifespan
