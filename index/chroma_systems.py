"""The Chroma instances of this process: which VectorStores use each one, and stopping those none uses any more.

Every Chroma client stands on a chromadb System: for the embedded store its Rust bindings, with their SQLite
pool, tokio runtime and the HNSW indexes they load (native memory, several MB each). A long-lived reader opens a
new one at every new generation of the index (index/vectors.py: VectorStore.reopened(), since the embedded
Chroma does not see another process's writes). The System and its components refer to each other, so one no
VectorStore uses any more is only freed by Python's cyclic garbage collector, which in the chat makes a full pass
seldom: a reader under churn held 6 to 9 of them at a time, and glibc kept most of the memory they freed from
their threads' arenas. The chat's RSS grew by ~0.35 MB per committed change for as long as the churn went on
(issue 12; measured with eval/soak.py).

A server's client (NEWSBOT_CHROMA_URL) was worse off: chromadb caches its two Systems (the client's and its admin
client's) under identifiers of their own for the life of the process, so each generation's client stayed.

So each VectorStore holds a Use of its Systems (uses()); once the last Use of a System is gone, stop_unused() stops
it (its Rust bindings are dropped at once) and forgets it, unless chromadb's cache by folder still hands that
System to new clients (it then goes when a newer one replaces it); the caller then gives the freed memory back to
the OS (give_back_memory(): glibc's malloc_trim).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
import weakref
from collections import deque
from dataclasses import dataclass
from functools import lru_cache

# Guards _HELD, and chromadb's class-level caches while we read or change them; index/vectors.py makes its
# clients under it too (chromadb changes the caches then). Reentrant: uses() runs inside that.
LOCK = threading.RLock()


@dataclass
class _Held:
    system: object  # chromadb.config.System
    folder: str | None  # the embedded store's folder (chromadb's cache key for it); None: a server's client
    uses: int = 0


_HELD: dict[int, _Held] = {}  # id(System) -> its entry, while a Use of it lives or until it is stopped
# Systems whose Use was freed. Appended by the Use's finalizer, which takes no lock: a finalizer may run in any
# thread at any moment (one holding LOCK or a Chroma lock included); stop_unused() counts them down.
_LET_GO: deque = deque()


class Use:
    """A VectorStore's hold on the System its client stands on: while one lives, the System is not stopped."""

    def __init__(self, system: object, folder: str | None):
        with LOCK:
            held = _HELD.setdefault(id(system), _Held(system, folder))
            held.uses += 1
        weakref.finalize(self, _LET_GO.append, id(system))


def uses(client, folder: str | None) -> tuple[Use, ...]:
    """Uses of the Systems a chromadb client was made on, which chromadb 1.x keeps in a class-level cache: its
    own and its admin client's (one System for an embedded folder; a server's client makes two)."""
    from chromadb.api.shared_system_client import SharedSystemClient

    with LOCK:
        cache = SharedSystemClient._identifier_to_system
        systems = {id(s): s for s in (cache[client._identifier], cache[client._admin_client._identifier])}
        return tuple(Use(s, folder) for s in systems.values())


def stop_unused(folder: str | None) -> int:
    """Stop the Systems no Use holds any more, of this embedded folder (whose Chroma lock the caller holds: the
    System's SQLite connections close as it stops) or of a server; returns how many were stopped. The caller
    gives the memory back after (give_back_memory(), once it has let go of its lock)."""
    from chromadb.api.shared_system_client import SharedSystemClient

    stopped = []
    with LOCK:
        while _LET_GO:
            _HELD[_LET_GO.popleft()].uses -= 1
        cache = SharedSystemClient._identifier_to_system
        for key, held in list(_HELD.items()):
            if held.uses > 0 or (held.folder is not None and held.folder != folder):
                continue
            if held.folder is not None and cache.get(held.folder) is held.system:
                continue  # a client made now without fresh=True would get it: kept until a newer one replaces it
            # A server's client is cached under identifiers of its own (uuids): nothing else can be handed it.
            for ident in [i for i, s in cache.items() if s is held.system]:
                del cache[ident]
                SharedSystemClient._identifier_to_refcount.pop(ident, None)
            del _HELD[key]
            stopped.append(held.system)
    for system in stopped:
        system.stop()  # RustBindingsAPI.stop() drops the bindings: their memory is freed here, not at some GC
    return len(stopped)


def held() -> int:
    """How many Systems are held now (tests: it stays bounded however many generations a reader goes through)."""
    with LOCK:
        return len(_HELD)


@lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's malloc_trim, or None (another C library: nothing to call)."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def give_back_memory() -> None:
    """Return the free pages of every malloc arena to the OS. A stopped System's memory was allocated by the
    tokio threads of its runtime, each in an arena of its own, and glibc only shrinks an arena from its top: without
    this the freed pages stay resident (measured: a few ms a call, once per new generation at most)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
