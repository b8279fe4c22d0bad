"""NEWSBOT_HOME as a place on disk: is it a folder, may we write there, and what a failed write means.

Readers (ask, status) open a home they cannot write read-only; writers (ingest) refuse it up front. An
OSError or SQLite error met on the way becomes one HomeError line that says what to do.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from index.errors import HomeError
from index.settings import Settings

_FULL = (errno.ENOSPC, errno.EDQUOT)
_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)


def check_home(settings: Settings) -> Path:
    """The home folder; a HomeError when it is a file (or anything else that is not a folder)."""
    home = Path(settings.home)
    if home.exists() and not home.is_dir():
        raise HomeError(f"NEWSBOT_HOME {home} is a file, not a folder: set NEWSBOT_HOME to a folder (it is "
                        "created if missing)")
    return home


def writable(path: Path) -> bool:
    """Whether we may write in this folder (False on a read-only mount even for root), or create it."""
    path = Path(path)
    while not path.exists() and path != path.parent:  # a missing home is created: ask about its parent
        path = path.parent
    return os.access(path, os.W_OK)


def require_writable(settings: Settings) -> Path:
    home = check_home(settings)
    if not writable(home):
        raise HomeError(f"NEWSBOT_HOME {home} is read-only: ingest needs to write there; make it writable or "
                        "set NEWSBOT_HOME to another folder (ask and status still work on a read-only home)")
    return home


def home_error(exc: BaseException, settings: Settings) -> HomeError | None:
    """The HomeError for a failed write under NEWSBOT_HOME, or None when the error is not about the disk."""
    home = settings.home
    code = getattr(exc, "errno", None)
    text = str(exc).lower()
    if code in _FULL or "disk is full" in text or "no space left" in text:
        return HomeError(f"the disk holding NEWSBOT_HOME {home} is full: free some space and run again "
                         "(the index is unchanged; the next ingest finishes the work)")
    if code in _READ_ONLY or "readonly database" in text or "read-only file system" in text:
        return HomeError(f"cannot write to NEWSBOT_HOME {home} ({exc}): make it writable or set NEWSBOT_HOME "
                         "to another folder")
    if isinstance(exc, sqlite3.OperationalError) and "unable to open database" in text:
        return HomeError(f"cannot open the index in NEWSBOT_HOME {home}: check that the folder and its files "
                         "are readable")
    return None


@contextmanager
def disk_errors(settings: Settings) -> Iterator[None]:
    """Turn an OSError or SQLite error about the disk (full, read-only, unreadable) into a HomeError."""
    try:
        yield
    except (OSError, sqlite3.Error) as exc:
        err = home_error(exc, settings)
        if err is None:
            raise
        raise err from None
