"""Load articles from files and folders: .txt/.md as-is, HTML via trafilatura, JSON/JSONL records.

Everything is reported through the yielded records (Article, Skip, Notice); nothing is printed or raised
for a bad input, so one broken file never stops an ingest.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from .article import (SNIFF_BYTES, SUPPORTED, binary_reason, content_hash, decode, derive_title, limit_text,
                      looks_binary, make_article)
from .ids import IdRegistry
from .load_json import load_json, load_jsonl
from .types import Article, Notice, Skip

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED", "Record", "content_hash", "derive_title", "load_paths"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Inside folders these describe the corpus rather than belong to it (name them explicitly to ingest).
FOLDER_DOCS = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG"})

Record = Article | Skip | Notice

_DATE_LINE = re.compile(r"^\s*(?:date|published|posted)\s*:\s*(\S.*?)\s*$", re.IGNORECASE)


def load_paths(paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES,
               stored: Mapping[str, str] | None = None) -> Iterator[Record]:
    """Yield an Article, Skip or Notice for every input found under ``paths``, in a deterministic order.

    ``stored`` maps the ids already in the index to their files: a file never takes another file's id, and a
    file already indexed keeps its id (index/ids.py says how a colliding file's id is qualified)."""
    ids = IdRegistry(stored)
    for arg in paths:
        path = Path(os.path.abspath(arg))
        for item in _expand(path):
            if isinstance(item, Skip):
                yield item
                continue
            file_path, root = item
            file_id, note = ids.file_id(file_path, root)
            for record in _load_file(file_path, file_id, max_bytes):
                if isinstance(record, Article):
                    owner = ids.owner(record.id, record.source)
                    if owner is not None:  # only when a record's "#key" meets another file's id: refuse, never replace
                        record = Skip(record.source, f"article id {record.id!r} already belongs to {owner}; not ingested")
                    else:
                        ids.claim(record.id, record.source)
                        if note:  # said once, before the file's first article
                            yield Notice(str(file_path), note)
                            note = None
                yield record


def _not_text(path: Path) -> Skip | None:
    """A Skip for a path whose name is not valid UTF-8 (bytes the file system decoded as lone surrogates): it
    could be neither stored nor shown. None for every other name."""
    try:
        str(path).encode("utf-8")
        return None
    except UnicodeEncodeError:
        pass
    try:
        raw = os.fsencode(path)  # the name's bytes as the file system holds them
    except UnicodeEncodeError:  # a lone surrogate that did not come from the file system
        raw = str(path).encode("utf-8", "backslashreplace")
    return Skip(raw.decode("utf-8", "backslashreplace"),
                "name is not valid UTF-8 (the index keeps names as text): rename it to ingest it")


def _expand(path: Path) -> Iterator[tuple[Path, Path] | Skip]:
    """Turn one argument into (file, root) pairs; the root is what article ids are relative to."""
    if (bad := _not_text(path)) is not None:
        yield bad
    elif not path.exists():
        reason = "broken symlink (target does not exist)" if path.is_symlink() else "path does not exist"
        yield Skip(str(path), reason)
    elif path.is_dir():
        yield from _walk(path, path, {}, set())
    elif path.suffix.lower() not in SUPPORTED:
        kind = f"extension {path.suffix!r}" if path.suffix else "no extension"
        yield Skip(str(path), f"unsupported file type ({kind}); supported: {', '.join(SUPPORTED)}")
    else:
        yield path, path.parent


def _walk(
    folder: Path, root: Path, visited: dict[tuple[int, int], Path], ancestors: set[tuple[int, int]]
) -> Iterator[tuple[Path, Path] | Skip]:
    """Walk ``folder`` recursively in sorted order, following symlinks but never a folder twice."""
    try:
        st = folder.stat()
        # (device, inode) identifies a folder however it was reached, through any chain of symlinks.
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            yield Skip(str(folder), f"symlink loop (leads back to {visited[key]}); not followed")
            return
        if key in visited:
            yield Skip(str(folder), f"folder already ingested as {visited[key]}; not read twice")
            return
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield Skip(str(folder), f"cannot read folder: {exc.strerror or exc}")
        return
    visited[key] = folder
    ancestors = ancestors | {key}
    for entry in entries:
        if entry.name.startswith("."):  # hidden files and folders (.git, .DS_Store, ...)
            continue
        path = Path(entry.path)
        if (bad := _not_text(path)) is not None:
            if path.suffix.lower() in SUPPORTED or _is_dir(entry):  # other files are not ours (below)
                yield bad
            continue
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()  # both follow symlinks
        except OSError as exc:
            yield Skip(str(path), f"cannot stat: {exc.strerror or exc}")
            continue
        if is_dir:
            yield from _walk(path, root, visited, ancestors)
        elif path.suffix.lower() not in SUPPORTED:
            continue  # other files in a folder are not ours to complain about
        elif path.stem.upper() in FOLDER_DOCS:
            continue  # a folder's README/LICENSE describes the corpus; it is not an article
        elif is_file:
            yield path, root
        elif entry.is_symlink():
            yield Skip(str(path), "broken symlink (target does not exist)")


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _load_file(path: Path, file_id: str, max_bytes: int) -> Iterator[Record]:
    source = str(path)
    ext = path.suffix.lower()
    try:
        size = path.stat().st_size
        # JSONL is streamed, so only its individual records are held to the limit.
        if ext != ".jsonl" and size > max_bytes:
            yield Skip(source, f"file is {size} bytes, over the {limit_text(max_bytes)}")
            return
        if size == 0:
            yield Skip(source, "empty file")
            return
        if ext == ".jsonl":
            yield from load_jsonl(path, file_id, max_bytes)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Skip(source, f"cannot read file: {exc.strerror or exc}")
        return
    if looks_binary(data[:SNIFF_BYTES]):
        yield Skip(source, binary_reason())
        return
    text, notice = decode(data)
    if ext == ".json":
        records = list(load_json(text, source, file_id, max_bytes))
    elif ext in (".html", ".htm"):
        records = [_load_html(text, source, file_id)]
    else:
        records = [_load_plain(text, source, file_id)]
    # The decoding notice only matters if something was ingested, and it comes first.
    if notice and any(isinstance(r, Article) for r in records):
        yield Notice(source, notice)
    yield from records


def _load_plain(text: str, source: str, file_id: str) -> Article | Skip:
    # The text is kept exactly as decoded: chunk and citation offsets index into it.
    if not text.strip():
        return Skip(source, "empty file")
    return make_article(file_id, source, text, title=None, date_text=_find_date_line(text), url=None)


def _find_date_line(text: str) -> str | None:
    """A "Date: ..." / "Published: ..." line among the first five non-empty lines, if any."""
    lines = [line for line in text.splitlines() if line.strip()][:5]
    return next((m.group(1) for m in map(_DATE_LINE.match, lines) if m), None)


def _load_html(html: str, source: str, file_id: str) -> Article | Skip:
    from .extract_html import extract_html

    try:
        page = extract_html(html)
    except Exception as exc:  # lxml/trafilatura can fail in many ways on broken markup
        return Skip(source, f"HTML could not be parsed ({type(exc).__name__}: {exc})")
    if page is None:
        return Skip(source, "no article text found in HTML")
    return make_article(file_id, source, page.text, title=page.title, date_text=page.date, url=page.url)
