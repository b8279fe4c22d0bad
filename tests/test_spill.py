"""index/spill.py: the articles an ingest is to write wait in an unlinked temporary file, not in memory."""

from __future__ import annotations

import gc
import tempfile
from pathlib import Path

import pytest

from index.load import load_paths
from index.manifest import Manifest
from index.plan import plan
from index.spill import Spill
from index.types import Article


def test_spilled_articles_read_back_exactly(tmp_path) -> None:
    arts = [Article("a", "Título", "/x/caf\udce9.txt", "Text with \u2010 and emoji \U0001F600.", "h1", None, None),
            Article("b#2", "", "/x/b.jsonl", "Second\n\nline", "h2", "2008-03-30", "https://example.org/b")]
    spill = Spill(tmp_path)
    for a in arts:
        spill.append(a)
    assert len(spill) == 2 and [spill[1], spill[0]] == [arts[1], arts[0]]  # any order, as often as asked
    with pytest.raises(IndexError):
        spill[2]
    assert list(tmp_path.iterdir()) == []  # unlinked from the start: a killed ingest leaves nothing behind
    spill.close()


def _alive_articles() -> int:
    gc.collect()
    return sum(isinstance(o, Article) for o in gc.get_objects())


@pytest.mark.parametrize("spilled", [True, False])
def test_a_planned_archive_waits_on_disk_not_in_memory(tmp_path, spilled) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(40):
        (docs / f"d{i:02d}.txt").write_text(f"Story {i}\n\nThe council met on day {i}.\n", encoding="utf-8")
    (docs / "copy.txt").write_text("Story 7\n\nThe council met on day 7.\n", encoding="utf-8")  # a twin
    m = Manifest(Path(tempfile.mkdtemp(dir=tmp_path)) / "m.sqlite")
    before = _alive_articles()
    todo = plan(load_paths([docs]), m, False, spill=tmp_path if spilled else None)
    held = _alive_articles() - before
    assert len(todo.work) == 40 and len(todo.skipped) == 1
    # with the spill, no article is held in memory once planned; without it, all of them are
    assert held == (0 if spilled else 40)
    assert sorted(todo.work[i].id for i in range(40)) == sorted(todo.added)
    by_id = {todo.work[i].id: todo.work[i] for i in range(40)}
    assert by_id["d12"].text == (docs / "d12.txt").read_text(encoding="utf-8")
    m.close()
