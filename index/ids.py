"""Article ids: the file's path below the ingested folder, without its extension, qualified only on a collision.

``news/world/iraq.txt`` ingested as ``news`` is ``world/iraq``; a JSON/JSONL record adds ``#id`` (or ``#line``).
An id belongs to the first file that used it (in the index, or earlier in the same run); another file never
takes it over. A file whose plain id is taken gets the first free one of:

- when the owner differs from it only by its extension (``a.md`` beside ``a.txt``): the id with the extension
  (``a.txt``), then that under the ingested folder's name (``news/a.txt``), its parent's, ...;
- otherwise (the same relative path under another ingested folder, ``A/x.txt`` then ``B/x.txt``): the id
  under the ingested folder's name (``B/x``), its parent's (``tmp/B/x``), ..., then the same with the extension;
- last, the file's absolute path, which no other file can have.

A file already in the index keeps the id it was stored under (ids never move between runs).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


def _prefixes(article_id: str) -> list[str]:
    """The file-id parts an article id may have: "feed#r1" -> ["feed", "feed#r1"] (records add "#key")."""
    parts = article_id.split("#")
    return ["#".join(parts[: i + 1]) for i in range(len(parts))]


def candidates(path: Path, root: Path, owner: str | None) -> list[str]:
    """The ids ``path`` (ingested as ``root``) may take, in order of preference; ``owner`` holds the plain one."""
    rel = path.relative_to(root)
    plain, with_ext = rel.with_suffix("").as_posix(), rel.as_posix()
    folders = root.parts[1:]  # parts[0] is the file system root "/"
    above = ["/".join(folders[i:]) for i in range(len(folders) - 1, -1, -1)]  # "B", "tmp/B", ...
    same_stem = owner is not None and Path(owner).with_suffix("") == path.with_suffix("")
    qualified = [f"{a}/{with_ext}" for a in above]
    if not same_stem:  # another folder: its name tells the two apart before the extension does
        qualified = [f"{a}/{plain}" for a in above] + [with_ext] + qualified
    else:
        qualified = [with_ext] + qualified
    return list(dict.fromkeys([plain, *qualified, path.as_posix()]))


class IdRegistry:
    """Which file owns which ids: those in the index (``stored``: article id -> source) and those of this run."""

    def __init__(self, stored: Mapping[str, str] | None = None):
        # An id (or the file-id part of a record's id) -> the files using it.
        self._owners: dict[str, set[str]] = {}
        for article_id, source in (stored or {}).items():
            self.claim(article_id, source)

    def claim(self, article_id: str, source: str) -> None:
        for prefix in _prefixes(article_id):
            self._owners.setdefault(prefix, set()).add(source)

    def owner(self, article_id: str, source: str) -> str | None:
        """Another file using this id (the first by name), or None when it is free or already ``source``'s."""
        others = self._owners.get(article_id, set()) - {source}
        return min(others) if others else None

    def file_id(self, path: Path, root: Path) -> tuple[str, str | None]:
        """The id of this file's article (the prefix of its records' ids), and a note when it had to be qualified."""
        source = str(path)
        plain = path.relative_to(root).with_suffix("").as_posix()
        owner = self.owner(plain, source)
        ids = candidates(path, root, owner)
        # A file already indexed keeps its id, even if a shorter one has become free since.
        for candidate in ids:
            if source in self._owners.get(candidate, ()):
                return candidate, None
        for candidate in ids:
            if self.owner(candidate, source) is None:
                note = None if candidate == plain else f"id {plain!r} belongs to {owner}: this file is {candidate!r}"
                return candidate, note
        return ids[-1], None  # not reached: the absolute path is this file's alone
