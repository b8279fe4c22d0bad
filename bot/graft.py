"""Ellipses and counted times in a follow-up, put into the previous question (bot/rewrite.py).

"And in Basra?" after "When did fighting erupt in Najaf?" is the previous question with its place swapped;
"a year later" after a turn about 1971 is "in 1972".
"""

from __future__ import annotations

import re

from bot.answer import is_participle, split_subject
from bot.referents import entities

# A time counted from the previous turn's year: "a year later", "two years after that", "the following year",
# "the year before" (the number of years, and which way)
_YEARS_LATER = re.compile(r"(?i)\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+"
                          r"(?P<dir>later|after(?:\s+that)?|afterwards|earlier|before(?:\s+that)?)"
                          r"|the\s+(?P<dir1>next|following|previous)\s+year|the\s+year\s+(?P<dir2>after|before))\b")
_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
# A follow-up that brings a subject of its own for the previous question's frame: "And the prime minister?"
_NOUN_PHRASE = re.compile(r"(?i:the|a|an|his|her|their|its)\s+[\w'\- ]+|[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*")
_ORDINAL = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|last|final|previous"


def graft(prev: str, rest: str) -> str | None:
    """Put the ellipsis into the previous question: "And in Basra?" after "When did fighting erupt in
    Najaf?" swaps the place ("... erupt in Basra"); a bare name swaps the previous question's last name;
    anything else is appended ("... in exchange in Najaf"), but a thing the frame has no place for is None."""
    # Another act and another place: "How many were killed in Kut?" + "and wounded in Basra?" -> both swapped
    both = re.fullmatch(r"([a-z]+)\s+((?:in|at|on|for|from|to|during|after|before)\s+\S.*)", rest)
    if both and is_participle(both.group(1)):
        return graft(graft(prev, both.group(1)), both.group(2))
    # (a year for a year: "what happened in 1066" + "and the year before?" -> "... in 1065")
    pm = re.match(r"(?i)(in|at|on|for|from|to|during|after|before)\s+([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*|\d{4})$", rest)
    if pm:
        old = re.search(rf"\b(?i:{pm.group(1)})\s+(?:[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*|\d{{4}})(?=\W*$)", prev)
        if old:
            return prev[:old.start()] + rest + prev[old.end():]
    # Another of a series: "what's the second step" + "and the third?" -> "what's the third step"
    nth = re.fullmatch(rf"(?:the\s+)?({_ORDINAL})", rest, re.I)
    old = re.search(rf"\b(?:{_ORDINAL})(?=\s+[a-z])", prev, re.I) if nth else None
    if old:
        return prev[:old.start()] + nth.group(1).lower() + prev[old.end():]
    # Another of the same kind: "what is the worst case for quicksort" + "and the average case?" -> "what is
    # the average case for quicksort" (the noun phrase with the same last word is swapped)
    kind = re.fullmatch(r"(?:the|a|an|his|her|their|its)\s+(?:[a-z][\w'\-]*\s+){1,3}([a-z][\w'\-]*)", rest)
    same = re.search(rf"\b(?i:the|a|an|his|her|their|its)\s+(?:[\w'\-]+\s+){{0,3}}{re.escape(kind.group(1))}\b",
                     prev) if kind else None
    if same:
        return prev[:same.start()] + rest + prev[same.end():]
    # Another act in the previous question's frame: "How many were hurt in Basra?" + "And killed?" -> "How
    # many were killed in Basra?" (the last past participle of the previous question is swapped)
    if re.fullmatch(r"[a-z]+", rest) and is_participle(rest):
        acts = [m for m in re.finditer(r"\b[a-z]+\b", prev) if is_participle(m.group())]
        if acts:
            return prev[:acts[-1].start()] + rest + prev[acts[-1].end():]
    # A new subject in the previous question's frame: "What did the Sadrist lawmakers say?" + "And the prime
    # minister?" -> "What did the prime minister say?"
    parts = split_subject(prev + "?")
    if parts and _NOUN_PHRASE.fullmatch(rest):
        head, _, tail = parts
        return f"{head} {rest} {tail.rstrip(' ?')}"
    if re.fullmatch(r"[A-Z][\w'\-]*(?:\s+(?:al-|of )?[A-Z][\w'\-]*)*", rest):
        names = entities(prev)
        if names:
            last = prev.rfind(names[-1])
            return prev[:last] + rest + prev[last + len(names[-1]):]
    # "what happened in Najaf" + "what about the economy?": a thing, and the frame has no subject to swap
    if re.fullmatch(r"(?:the|a|an|his|her|their|its)\s+[a-z][\w'\- ]*", rest) and not parts:
        return None
    return f"{prev} {rest}"


def dated(q: str, prev_q: str, answer: str) -> str:
    """"a year later" after a turn about 1971 -> "in 1972": the one year the previous question names (else its
    answer) moved by the years counted; q unchanged when there is no such phrase or no single year."""
    m = _YEARS_LATER.search(q)
    if not m:
        return q
    years = next((ys for ys in ({int(y) for y in _YEAR.findall(t)} for t in (prev_q, answer)) if ys), set())
    if len(years) != 1:
        return q
    n = m.group("n")
    count = 1 if not n else int(n) if n.isdigit() else _COUNT[n.lower()]
    way = (m.group("dir") or m.group("dir1") or m.group("dir2")).lower()
    sign = -1 if way.startswith(("earlier", "before", "previous")) else 1
    return f"{q[:m.start()]}in {years.pop() + sign * count}{q[m.end():]}"
