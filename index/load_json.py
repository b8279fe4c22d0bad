"""JSON and JSONL files -> one Article per record; a bad record is a Skip naming its line or position.

A .json file holds one record (the file is the article) or a list of records; a .jsonl file one record
per line, read line by line. A record is ``{"text": ..., "title"?: ..., "url"?: ..., "date"?: ..., "id"?: ...}``
(``content`` or ``body`` also work for the text).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .article import (SNIFF_BYTES, binary_reason, decode, limit_text, looks_binary, make_article,
                      replace_lone_surrogates)
from .types import Article, Notice, Skip

TEXT_FIELDS = ("text", "content", "body")
# json.loads recurses once per level of nesting: a file (or line) nested deeper than Python's recursion limit
# raises RecursionError, which must cost that file or line only.
TOO_DEEP = "nested too deeply to read (deeper than Python's recursion limit)"


def parse(text: str) -> tuple[Any, str | None]:
    """(the JSON value, None), or (None, why it cannot be read): bad syntax, nesting deeper than the recursion
    limit, or a number longer than Python converts (4300 digits: json.loads raises a plain ValueError)."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON ({exc})"
    except RecursionError:
        return None, f"JSON {TOO_DEEP}"
    except ValueError:  # only Pythons with the limit (3.10.7+) raise this, and they have its getter
        return None, f"a JSON number longer than {sys.get_int_max_str_digits()} digits"


def load_json(text: str, source: str, file_id: str, max_bytes: int) -> Iterator[Article | Skip]:
    data, why = parse(text)
    if why is not None:
        yield Skip(source, why)
        return
    if isinstance(data, dict):  # one record: the file is the article
        yield record(data, source, source, file_id, max_bytes, where="record")
    elif isinstance(data, list):
        if not data:
            yield Skip(source, "empty file (a JSON list with no records)")
        first = _FirstUse(file_id, source)
        for n, item in enumerate(data, 1):
            where, at = f"record {n}", f"{source}[{n}]"
            yield first.check(record(item, source, at, file_id, max_bytes, where=where, n=n), where, at)
    else:
        yield Skip(source, f"expected a JSON object or a list of objects, found {type(data).__name__}")


def load_jsonl(path: Path, file_id: str, max_bytes: int) -> Iterator[Article | Skip | Notice]:
    source, found, warned = str(path), False, False
    first = _FirstUse(file_id, source)
    # Escaping can make a JSON line much longer than its text, so lines get room beyond max_bytes.
    line_limit = 6 * max_bytes + 65536
    with path.open("rb") as fh:
        if looks_binary(fh.read(SNIFF_BYTES)):
            yield Skip(source, binary_reason())
            return
        fh.seek(0)
        for lineno, raw in enumerate(iter(lambda: fh.readline(line_limit + 1), b""), 1):
            where, line_source = f"line {lineno}", f"{source}:{lineno}"
            if len(raw) > line_limit and not raw.endswith(b"\n"):
                while (rest := fh.readline(line_limit)) and not rest.endswith(b"\n"):
                    pass  # drain the rest of the over-long line without keeping it
                found = True
                yield Skip(line_source, f"{where}: over {line_limit} bytes, too long for one record", source)
                continue
            line, notice = decode(raw)
            if not line.strip():
                continue
            found = True
            data, why = parse(line)
            if why is not None:
                yield Skip(line_source, f"{where}: {why}", source)
                continue
            rec = first.check(record(data, source, line_source, file_id, max_bytes, where=where, n=lineno),
                              where, line_source)
            if notice and not warned and isinstance(rec, Article):
                warned = True  # said once per file, before the first record it affects
                yield Notice(source, notice)
            yield rec
    if not found:
        yield Skip(source, "empty file")


def record(data: Any, source: str, at: str, file_id: str, max_bytes: int, *, where: str,
           n: int | None = None) -> Article | Skip:
    """One JSON record -> Article (from file ``source``); Skips name ``at``, e.g. "file:12".

    ``n`` is the record's line/position, None for a single-object file whose id is just the file id.
    """
    file = None if n is None else source  # a Skip of one record among others names its file (see Skip.file)
    if not isinstance(data, dict):
        return Skip(at, f"{where}: expected a JSON object, found {type(data).__name__}", file)
    # json.loads joins an escaped pair into one character; a "\ud800" without its pair stays a lone surrogate.
    data = {k: replace_lone_surrogates(v) if isinstance(v, str) else v for k, v in data.items()}
    field = next((f for f in TEXT_FIELDS if isinstance(data.get(f), str)), None)
    if field is None:
        # A text field that is there but not a string is named with what it is ("text": 12345, "text": null).
        present = next((f for f in TEXT_FIELDS if f in data), None)
        if present is not None:
            return Skip(at, f"{where}: \"{present}\" is {_kind(data[present])}: expected a string", file)
        return Skip(at, f"{where}: missing field \"text\" (or \"content\"/\"body\")", file)
    text = data[field]
    if not text.strip():
        return Skip(at, f"{where}: empty \"{field}\"", file)
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        return Skip(at, f"{where}: text is {size} bytes, over the {limit_text(max_bytes)}", file)
    key = data.get("id")
    if key is not None and (isinstance(key, bool) or not isinstance(key, (str, int, float))):
        return Skip(at, f"{where}: \"id\" is {_kind(key)}: expected a string or a number", file)
    article_id = file_id if n is None else f"{file_id}#{key if key not in (None, '') else n}"
    title = data.get("title") if isinstance(data.get("title"), str) else None
    url = data.get("url") if isinstance(data.get("url"), str) and data["url"].strip() else None
    return make_article(article_id, source, text, title=title, date_text=data.get("date"), url=url)


def _kind(value: Any) -> str:
    """What a JSON value is, in JSON's words."""
    if value is None:
        return "null"
    if isinstance(value, bool):  # before int: True is an int in Python
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "a list" if isinstance(value, list) else "an object"


class _FirstUse:
    """The record ids of one file: a later record with an id already used is skipped, naming both places."""

    def __init__(self, file_id: str, source: str):
        self.prefix, self.source = f"{file_id}#", source
        self.where: dict[str, str] = {}  # article id -> where it was first used ("line 2", "record 3")

    def check(self, rec: Article | Skip, where: str, at: str) -> Article | Skip:
        if not isinstance(rec, Article):
            return rec
        first = self.where.setdefault(rec.id, where)
        if first == where:
            return rec
        key = rec.id.removeprefix(self.prefix)
        return Skip(at, f"{where}: duplicate id {key!r} (already used by {first}); kept the first", self.source)
