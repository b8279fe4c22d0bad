"""What an ingest will do, decided before anything is written: which loaded articles are unchanged, which
are new or changed (to embed), which repeat another article's text (skipped), and which stored articles
--prune may remove.

Duplicates are judged on the texts as they are *now*: a loaded article's current text, and a stored
article's text only while it is still current (its file exists and was not read again by this run). So
two files that swap their contents, or a JSONL feed whose records all move down a line, are every one
stored under its current id; nothing is dropped as a copy of a text that has itself moved.
"""

from __future__ import annotations

import os
from pathlib import Path
from dataclasses import dataclass, field
from typing import Iterable

from index.manifest import Manifest
from index.spill import Spill
from index.types import Article, Notice, Skip


@dataclass
class Plan:
    work: Spill | list[Article] = field(default_factory=list)  # to split, embed and commit, read one at a time
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)  # ids this run loaded
    read: set[str] = field(default_factory=set)  # files this run loaded an article from
    partial: set[str] = field(default_factory=set)  # files with a record this run could not read
    twins: list[str] = field(default_factory=list)  # stored ids whose new text copies another article: removed


def plan(items: Iterable[Article | Skip | Notice], manifest: Manifest, rechunk: bool, *,
         keep_twins: bool = False, spill: Path | None = None) -> Plan:
    """``keep_twins``: a stored article whose new text copies another keeps its stored version (else: twins).
    ``spill``: a folder where the new and changed articles wait on disk (index/spill.py), not in memory."""
    hashes = manifest.article_hashes()
    p = Plan()
    # What pass 2 needs of a new or changed article; the article itself waits in `waiting` (on disk with spill).
    changed: list[tuple[str, str, str]] = []  # (id, content hash, source), in load order
    waiting: Spill | list[Article] = Spill(spill) if spill is not None else []
    current: dict[str, str] = {}  # content hash -> the id that holds that text now
    # Pass 1: sort what was loaded. Unchanged articles hold their text already; the others wait for pass 2,
    # when every current text is known.
    for item in items:
        if isinstance(item, Skip):
            p.skipped.append(item)
            if item.file:
                p.partial.add(item.file)
            continue
        if isinstance(item, Notice):
            p.notices.append(item)
            continue
        if item.id in p.seen:
            p.skipped.append(Skip(item.source, f"article id {item.id!r} appears twice; kept the first"))
            continue
        p.seen.add(item.id)
        p.read.add(item.source)
        if hashes.get(item.id) == item.content_hash and not rechunk:
            p.unchanged.append(item.id)
            current.setdefault(item.content_hash, item.id)
        else:
            changed.append((item.id, item.content_hash, item.source))
            waiting.append(item)
    # A stored article this run did not load still holds its text while its file exists and was not read
    # again (it may come from another ingested folder), or was read only in part. One that was read again in
    # full and is not among the loaded ones has left its file; its old text holds nothing.
    for aid, source in sorted(manifest.article_sources().items()):
        if aid not in p.seen and (source not in p.read or source in p.partial) and os.path.exists(source):
            current.setdefault(hashes[aid], aid)
    # Pass 2: a new or changed text that another article holds now is a duplicate; the rest is written.
    kept: list[int] = []  # positions in `waiting` of the articles to write
    for n, (aid, content_hash, source) in enumerate(changed):
        twin = current.setdefault(content_hash, aid)
        if twin != aid:
            reason = f"same text as article {twin!r} (stored once)"
            if aid in hashes and keep_twins:
                reason += f"; {aid!r} keeps its earlier text"
                current.setdefault(hashes[aid], aid)
            elif aid in hashes:  # its stored version is no longer its file's text: it must not stay live
                p.twins.append(aid)
            p.skipped.append(Skip(source, reason))
            continue
        (p.updated if aid in hashes else p.added).append(aid)
        kept.append(n)
    if isinstance(waiting, Spill):
        waiting.keep(kept)  # the duplicates stay unread in its file
        p.work = waiting
    else:
        p.work = [waiting[n] for n in kept]
    return p


def prunable(p: Plan, sources: dict[str, str]) -> tuple[list[str], list[Notice]]:
    """What --prune removes (ids, given the stored id -> file), and notices for what it keeps on purpose.

    Gone: an article whose file no longer exists, or whose record is no longer in a file read again in full.
    A file with a record that could not be read (a malformed line) keeps its other stored records: the
    unreadable one may be any of them, so none is pruned until the file reads cleanly."""
    gone: list[str] = []
    kept: dict[str, list[str]] = {}
    for aid, source in sorted(sources.items()):
        if aid in p.seen:
            continue
        if not os.path.exists(source) or (source in p.read and source not in p.partial):
            gone.append(aid)
        elif source in p.partial:
            kept.setdefault(source, []).append(aid)
    notices = [Notice(source, f"--prune kept {len(ids)} indexed record(s) not read this time "
                              f"({', '.join(ids[:3])}{', ...' if len(ids) > 3 else ''}): some records of this file "
                              "could not be read (see the skips); fix them and run again")
               for source, ids in kept.items()]
    return gone, notices
