"""Load articles from files and folders: .txt/.md as-is, HTML via trafilatura, JSON/JSONL records.

Everything is reported through the yielded records (Article, Skip, Notice); nothing is printed or raised
for a bad input, so one broken file never stops an ingest.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .types import Article, Notice, Skip

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Inside folders these describe the corpus rather than belong to it (name them explicitly to ingest).
FOLDER_DOCS = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG"})
SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")

Record = Article | Skip | Notice

_TEXT_FIELDS = ("text", "content", "body")
_SNIFF_BYTES = 8192
_DATE_LINE = re.compile(r"^\s*(?:date|published|posted)\s*:\s*(\S.*?)\s*$", re.IGNORECASE)
# A sentence ends at . ! ? (plus closing quotes/brackets) before whitespace and a capital or digit,
# but not after a lone capital letter, so "U.S. troops" stays whole.
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def derive_title(text: str) -> str:
    """A headline-like first line if there is one, else the first sentence cut to <= 80 characters."""
    lines = text.splitlines()
    # A Markdown heading ("# Title") counts as a headline, without its markers.
    plain = [re.sub(r"^#{1,6}(?:\s+|$)", "", line.strip()) for line in lines]
    first = next((i for i, line in enumerate(plain) if line), None)
    if first is None:
        return ""
    line = plain[first]
    has_more = any(rest.strip() for rest in lines[first + 1 :])
    short = len(line) <= 120 and len(line.split()) <= 16
    if has_more and short and not line.endswith((".", "!", "?", ":", ";")):
        return line
    # The first paragraph (up to a blank line), re-joined, so hard-wrapped sentences stay whole.
    para_end = next((i for i in range(first, len(lines)) if not lines[i].strip()), len(lines))
    para = " ".join(" ".join(lines[first:para_end]).split())
    end = _SENTENCE_END.search(para)
    sentence = para[: end.end()] if end else para
    if len(sentence) <= 80:
        return sentence
    cut = sentence[:80].rsplit(" ", 1)[0][:79]  # whole words only, leaving room for the ellipsis
    return cut.rstrip(" ,;:-\u2013\u2014") + "\u2026"


def load_paths(paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record]:
    """Yield an Article, Skip or Notice for every input found under ``paths``, in a deterministic order."""
    used_ids: dict[str, str] = {}  # article id -> source, so two files never share an id
    for arg in paths:
        path = Path(os.path.abspath(arg))
        for item in _expand(path):
            if isinstance(item, Skip):
                yield item
                continue
            file_path, root = item
            for record in _load_file(file_path, root, max_bytes):
                if isinstance(record, Article):
                    if record.id in used_ids:  # e.g. a.txt and a.md in one folder
                        first = used_ids[record.id]
                        record = Skip(record.source, f"duplicate article id {record.id!r} (already used by {first})")
                    else:
                        used_ids[record.id] = record.source
                yield record


def _expand(path: Path) -> Iterator[tuple[Path, Path] | Skip]:
    """Turn one argument into (file, root) pairs; the root is what article ids are relative to."""
    if not path.exists():
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


def _load_file(path: Path, root: Path, max_bytes: int) -> Iterator[Record]:
    source = str(path)
    ext = path.suffix.lower()
    # The id is the path below the root, without extension, always with "/" separators.
    file_id = path.relative_to(root).with_suffix("").as_posix()
    try:
        size = path.stat().st_size
        # JSONL is streamed, so only its individual records are held to the limit.
        if ext != ".jsonl" and size > max_bytes:
            yield Skip(source, f"file is {size} bytes, over the {_limit(max_bytes)}")
            return
        if size == 0:
            yield Skip(source, "empty file")
            return
        if ext == ".jsonl":
            yield from _load_jsonl(path, file_id, max_bytes)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Skip(source, f"cannot read file: {exc.strerror or exc}")
        return
    if _looks_binary(data[:_SNIFF_BYTES]):
        yield Skip(source, "binary file (not text); expected " + ", ".join(SUPPORTED))
        return
    text, notice = _decode(data)
    if ext == ".json":
        records = list(_load_json(text, source, file_id, max_bytes))
    elif ext in (".html", ".htm"):
        records = [_load_html(text, source, file_id)]
    else:
        records = [_load_plain(text, source, file_id)]
    # The decoding notice only matters if something was ingested, and it comes first.
    if notice and any(isinstance(r, Article) for r in records):
        yield Notice(source, notice)
    yield from records


def _looks_binary(head: bytes) -> bool:
    """A NUL byte, or more than 10% control characters other than tab/newline/CR/FF, means binary."""
    if b"\0" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13) or b == 127)
    return bool(head) and controls / len(head) > 0.10


def _decode(data: bytes) -> tuple[str, str | None]:
    """Decode as UTF-8 (dropping a BOM); fall back to cp1252, then latin-1 (which never fails)."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not valid UTF-8; decoded as cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not valid UTF-8 or cp1252; decoded as latin-1"


def _load_plain(text: str, source: str, file_id: str) -> Article | Skip:
    # The text is kept exactly as decoded: chunk and citation offsets index into it.
    if not text.strip():
        return Skip(source, "empty file")
    return _article(file_id, source, text, title=None, date_text=_find_date_line(text), url=None)


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
    return _article(file_id, source, page.text, title=page.title, date_text=page.date, url=page.url)


def _load_json(text: str, source: str, file_id: str, max_bytes: int) -> Iterator[Article | Skip]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Skip(source, f"not valid JSON ({exc})")
        return
    if isinstance(data, dict):  # one record: the file is the article
        yield _record(data, source, source, file_id, max_bytes, where="record")
    elif isinstance(data, list):
        if not data:
            yield Skip(source, "empty file (a JSON list with no records)")
        for n, item in enumerate(data, 1):
            yield _record(item, source, f"{source}[{n}]", file_id, max_bytes, where=f"record {n}", n=n)
    else:
        yield Skip(source, f"expected a JSON object or a list of objects, found {type(data).__name__}")


def _load_jsonl(path: Path, file_id: str, max_bytes: int) -> Iterator[Record]:
    source, found, warned = str(path), False, False
    # Escaping can make a JSON line much longer than its text, so lines get room beyond max_bytes.
    line_limit = 6 * max_bytes + 65536
    with path.open("rb") as fh:
        if _looks_binary(fh.read(_SNIFF_BYTES)):
            yield Skip(source, "binary file (not text); expected " + ", ".join(SUPPORTED))
            return
        fh.seek(0)
        for lineno, raw in enumerate(iter(lambda: fh.readline(line_limit + 1), b""), 1):
            where, line_source = f"line {lineno}", f"{source}:{lineno}"
            if len(raw) > line_limit and not raw.endswith(b"\n"):
                while (rest := fh.readline(line_limit)) and not rest.endswith(b"\n"):
                    pass  # drain the rest of the over-long line without keeping it
                found = True
                yield Skip(line_source, f"{where}: over {line_limit} bytes, too long for one record")
                continue
            line, notice = _decode(raw)
            if not line.strip():
                continue
            found = True
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Skip(line_source, f"{where}: not valid JSON ({exc})")
                continue
            record = _record(data, source, line_source, file_id, max_bytes, where=where, n=lineno)
            if notice and not warned and isinstance(record, Article):
                warned = True  # said once per file, before the first record it affects
                yield Notice(source, notice)
            yield record
    if not found:
        yield Skip(source, "empty file")


def _record(
    data: Any, source: str, at: str, file_id: str, max_bytes: int, *, where: str, n: int | None = None
) -> Article | Skip:
    """One JSON record -> Article (from file ``source``); Skips name ``at``, e.g. "file:12".

    ``n`` is the record's line/position, None for a single-object file whose id is just the file id.
    """
    if not isinstance(data, dict):
        return Skip(at, f"{where}: expected a JSON object, found {type(data).__name__}")
    field = next((f for f in _TEXT_FIELDS if isinstance(data.get(f), str)), None)
    if field is None:
        return Skip(at, f"{where}: missing field \"text\" (or \"content\"/\"body\")")
    text = data[field]
    if not text.strip():
        return Skip(at, f"{where}: empty \"{field}\"")
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        return Skip(at, f"{where}: text is {size} bytes, over the {_limit(max_bytes)}")
    key = data.get("id")
    article_id = file_id if n is None else f"{file_id}#{key if key not in (None, '') else n}"
    title = data.get("title") if isinstance(data.get("title"), str) else None
    url = data.get("url") if isinstance(data.get("url"), str) and data["url"].strip() else None
    return _article(article_id, source, text, title=title, date_text=data.get("date"), url=url)


def _limit(max_bytes: int) -> str:
    return f"{max_bytes}-byte limit (set NEWSBOT_MAX_FILE_BYTES to raise it)"


def _article(article_id: str, source: str, text: str, *, title: str | None, date_text: Any, url: str | None) -> Article:
    return Article(
        id=article_id,
        title=(title or "").strip() or derive_title(text),
        source=source,
        text=text,
        content_hash=content_hash(text),
        date=_normalise_date(date_text),
        url=url,
    )


def _normalise_date(value: Any) -> str | None:
    """YYYY-MM-DD for anything with a 4-digit year that parses as a date; else None."""
    if not isinstance(value, str) or not re.search(r"\b\d{4}\b", value):
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value[:10]).isoformat()  # the common ISO case, no dependency needed
    except ValueError:
        pass
    try:
        from dateutil import parser  # ships with llama-index; optional here
    except ImportError:
        return None
    try:
        return parser.parse(value).date().isoformat()
    except (ValueError, OverflowError):
        return None
