"""From bytes to an Article: decoding, binary sniffing, the title, the date, the content hash.

Shared by the loaders of every file type (index/load.py, index/load_json.py).
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Any

from .types import Article

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")
SNIFF_BYTES = 8192  # how much of a file is looked at to tell text from binary

# A sentence ends at . ! ? (plus closing quotes/brackets) before whitespace and a capital or digit,
# but not after a lone capital letter, so "U.S. troops" stays whole.
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (what a "\\ud800" JSON escape without its pair decodes to) replaced by
    U+FFFD: no UTF-8 text, hash, store or tokenizer takes them."""
    return _LONE_SURROGATE.sub("\ufffd", text)


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


def looks_binary(head: bytes) -> bool:
    """A NUL byte, or more than 10% control characters other than tab/newline/CR/FF, means binary."""
    if b"\0" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13) or b == 127)
    return bool(head) and controls / len(head) > 0.10


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode as UTF-8 (dropping a BOM); fall back to cp1252, then latin-1 (which never fails)."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not valid UTF-8; decoded as cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not valid UTF-8 or cp1252; decoded as latin-1"


def limit_text(max_bytes: int) -> str:
    return f"{max_bytes}-byte limit (set NEWSBOT_MAX_FILE_BYTES to raise it)"


def binary_reason() -> str:
    return "binary file (not text); expected " + ", ".join(SUPPORTED)


def make_article(article_id: str, source: str, text: str, *, title: str | None, date_text: Any,
                 url: str | None) -> Article:
    return Article(
        id=article_id,
        title=(title or "").strip() or derive_title(text),
        source=source,
        text=text,
        content_hash=content_hash(text),
        date=normalise_date(date_text),
        url=url,
    )


def normalise_date(value: Any) -> str | None:
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
