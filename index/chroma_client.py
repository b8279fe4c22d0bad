"""The Chroma clients of the vector store (index/vectors.py): embedded (a PersistentClient under NEWSBOT_HOME,
a private copy when the home is read-only) or a server's (NEWSBOT_CHROMA_URL), and the folder lock every call
on an embedded store takes.
"""

from __future__ import annotations

import atexit
import fcntl
import os
import shutil
import tempfile
import threading
from contextlib import contextmanager, nullcontext
from pathlib import Path
from urllib.parse import urlparse

from index.chroma_systems import LOCK as SYSTEMS_LOCK, Use, uses
from index.errors import StoreError
from index.home import writable
from index.settings import Settings

# Chroma registers a folder's System before starting it: a client made meanwhile in another thread gets the
# half-started one ("Could not connect to tenant default_tenant"). Clients are made one at a time, under the lock
# that also guards chromadb's cache of Systems when index/chroma_systems.py stops the unused ones (reentrant).
_CLIENT_LOCK = SYSTEMS_LOCK


def open_client(settings: Settings, readonly: bool = False,
            fresh: bool = False) -> tuple[object, str | None, tuple[Use, ...]]:
    """(a client, its folder, the Uses that keep its Systems from being stopped: index/chroma_systems.py)."""
    with _CLIENT_LOCK:
        client, folder = _new_client(settings, readonly, fresh)
        return client, folder, uses(client, folder)


class _FolderLock:
    """One Chroma call at a time on an embedded store, among this process's threads and other processes.

    The embedded Chroma is made for one process: each client holds its own copy of the HNSW index, applies the
    write log to it, and now and then rewrites the index files. A reader that loads them while a writer rewrites
    them (`newsbot ingest` beside the chat) gets a torn index, and the process dies of a segmentation fault in
    chromadb_rust_bindings (the soak test, eval/soak.py, killed the chat within minutes). So every Chroma call on
    the folder, opening a client included, holds an exclusive flock on <NEWSBOT_HOME>/chroma.lock (and a thread
    lock: flock does not exclude the threads of one process). Calls are short: an ingest holds it per batch."""

    def __init__(self, path: Path):
        self.path = path
        self.threads = threading.Lock()
        self.fd: int | None = None

    @contextmanager
    def __call__(self):
        with self.threads:
            if self.fd is None:
                self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            fcntl.flock(self.fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(self.fd, fcntl.LOCK_UN)


_FOLDER_LOCKS: dict[Path, _FolderLock] = {}


def folder_lock(settings: Settings, readonly: bool):
    """The lock every Chroma call of this store takes: none for a server (it orders its own calls) or for a
    read-only home (read from a private copy, which no one else writes)."""
    home = Path(settings.home)
    if settings.chroma_url or (readonly and not writable(home / "chroma")):
        return nullcontext
    path = (home / "chroma.lock").resolve()
    with _CLIENT_LOCK:
        lock = _FOLDER_LOCKS.get(path)
        if lock is None:
            lock = _FOLDER_LOCKS[path] = _FolderLock(path)
    return lock


def _new_client(settings: Settings, readonly: bool, fresh: bool):
    """(a client, its folder: chromadb's key for an embedded store's System; None for a server)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    cs = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        u = urlparse(settings.chroma_url)
        try:
            client = chromadb.HttpClient(
                host=u.hostname, port=u.port or (443 if u.scheme == "https" else 8000), ssl=u.scheme == "https",
                settings=cs)
            client.heartbeat()
        except Exception as exc:  # chromadb raises a variety of connection errors
            raise StoreError(
                f"cannot reach the Chroma server at {settings.chroma_url} ({exc.__class__.__name__}): start it with "
                "`chroma run --path DIR --host 127.0.0.1 --port 8000`, or unset NEWSBOT_CHROMA_URL to use the "
                "embedded store") from None
        return client, None
    path = Path(settings.home) / "chroma"
    if readonly and not writable(path):
        path = _private_copy(path)
    path.mkdir(parents=True, exist_ok=True)
    if fresh:
        # Chroma shares one System per folder in a process, with the index it loaded; forget it so this client
        # loads the folder anew (clients still holding the old one keep working with it, and it is stopped once
        # none does: index/chroma_systems.py). Private API of chromadb 1.x: without it a long-lived process
        # raises "Error finding id" after another process ingests.
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient._identifier_to_system.pop(str(path), None)
    return chromadb.PersistentClient(path=str(path), settings=cs), str(path)


_COPIES: dict[Path, Path] = {}


def _private_copy(path: Path) -> Path:
    """A copy of a read-only embedded store in a temporary folder, made once per process and removed at exit.

    The embedded Chroma cannot open its SQLite file without writing to it, so a reader in a read-only
    NEWSBOT_HOME (a read-only mount, another user's index) reads a copy instead; nothing is written back."""
    if path not in _COPIES:
        tmp = Path(tempfile.mkdtemp(prefix="newsbot-chroma-"))
        atexit.register(shutil.rmtree, tmp, ignore_errors=True)
        if path.is_dir():
            shutil.copytree(path, tmp / "chroma")
        _COPIES[path] = tmp / "chroma"
    return _COPIES[path]
