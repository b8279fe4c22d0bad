"""Text that is safe to print on a terminal, for everything the CLI shows that comes from articles or files.

An article title, a quote or a file name may hold control characters: an escape sequence (ESC [ 2 J clears
the screen, ESC ] 0 ; ... BEL retitles the window), a carriage return that lets later text overwrite
earlier text, a newline that breaks a table row, or a bidirectional override that reorders what is shown.
term() shows them as visible escapes instead; json_text() keeps JSON output exact and lets JSON escape them.
"""

from __future__ import annotations

import json
import re

# C0 controls, DEL, C1 controls (U+0080-U+009F: a UTF-8 terminal may act on CSI U+009B), and the
# bidirectional marks, embeddings, overrides and isolates.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# json.dumps escapes C0 controls itself; these it would write raw (U+2028/9 end lines in some viewers).
_JSON_RAW = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def term(text: object, *, lines: bool = False) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``, ``\\n``, ``\\u202e``).

    One-line fields (ids, titles, file names, reasons) escape line breaks too, so a row stays one row; with
    ``lines=True`` (running text: answers, quotes, the LLM's draft, error messages) line breaks and tabs stay."""
    text = str(text)
    if lines:
        text = text.replace("\r\n", "\n")

    def escape(m: re.Match) -> str:
        c = m.group()
        if lines and c in "\n\t":
            return c
        return _NAMED.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")

    return _CONTROL.sub(escape, text)


def json_text(data: object) -> str:
    """Indented JSON of ``data`` with no raw control character: json.loads gives ``data`` back exactly."""
    # Outside strings JSON is plain ASCII, so every character matched here is inside a string: a \\u escape
    # there stands for the very same character.
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(data, indent=2, ensure_ascii=False))
