"""The Corpus tab: the indexed articles as a table, upload (ingest with a progress bar), deletion.

Uploaded files are copied to <NEWSBOT_HOME>/uploads/ so their source paths outlive gradio's temp files (and
`newsbot ingest --prune` keeps them); an article's id is its file name without the extension (qualified as
`uploads/name` when another file has that id, index/ids.py). A file that
yields no article (binary, empty, malformed) is reported inline with the loader's reason and never copied,
so the index, and any earlier upload of the same name, stay as they were.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import gradio as gr

from bot.ui.render import esc
from index.errors import NewsbotError
from index.ingest import IngestReport, ingest, manifest_path, remove_articles
from index.load import SUPPORTED, load_paths
from index.manifest import Manifest
from index.settings import Settings
from index.types import Article, Skip

HEADERS = ["id", "title", "date", "chunks", "file"]


def uploads_dir(settings: Settings) -> Path:
    return Path(os.path.abspath(settings.home)) / "uploads"  # absolute, as the loader records sources


def article_rows(settings: Settings) -> list[list]:
    """[id, title, date, chunks, file name] of every indexed article, by id."""
    if not manifest_path(settings).exists():
        return []
    manifest = Manifest(manifest_path(settings))
    try:
        rows = manifest.db.execute(
            "SELECT a.id, a.title, COALESCE(a.date, ''), COUNT(c.id), a.source FROM articles a "
            "LEFT JOIN chunks c ON c.article_id = a.id GROUP BY a.id ORDER BY a.id").fetchall()
    finally:
        manifest.close()
    return [[aid, title, date, n, Path(source).name] for aid, title, date, n, source in rows]


def count_text(rows: list[list]) -> str:
    n, chunks = len(rows), sum(r[3] for r in rows)
    return f"**{n} article{'s' * (n != 1)}** \u00b7 {chunks} chunks"


def status_html(ok: list[str], bad: list[str]) -> str:
    """Escaped lines: what went in (green) and what did not, with the reason (red)."""
    out = []
    for cls, sign, lines in (("nb-ok", "\u2713", ok), ("nb-bad", "\u2717", bad)):
        if lines:
            out.append(f'<ul class="{cls}">' + "".join(f"<li>{sign} {esc(x)}</li>" for x in lines) + "</ul>")
    return "".join(out)


NAME_MAX = 255  # bytes in one file name (Linux, macOS, Windows alike)


def _safe_name(name: str) -> str:
    """The browser's file name as a name in uploads/: its last part, not hidden, no NUL, at most NAME_MAX bytes.

    Anything else the file system takes ('#', spaces, unicode, newlines) is kept: the stored source is the
    file's own path, never cut at a '#'."""
    name = Path(name.replace("\0", "")).name.strip() or "upload.txt"
    name = "upload" + name if name.startswith(".") else name
    if len(name.encode()) > NAME_MAX:
        suffix = Path(name).suffix if len(Path(name).suffix.encode()) <= 16 else ""
        stem = name[: len(name) - len(suffix)].encode()[: NAME_MAX - len(suffix.encode())]
        name = stem.decode("utf-8", "ignore") + suffix
    return name


def _shown(source: str, names: dict[str, str]) -> str:
    """A loader's source path as the user knows it: the uploaded file's name (plus ':line' / '[n]')."""
    for path, name in names.items():
        if source == path or source.startswith(path) and source[len(path)] in ":[":
            return name + source[len(path):]
    return Path(source).name


def ingest_uploads(settings: Settings, files: list | None, progress=None) -> tuple[list[str], list[str]]:
    """Check, copy and ingest uploaded files; return (lines for what went in, lines for what did not)."""
    ok, bad = [], []
    if not files:
        return ok, ["choose one or more files first (" + ", ".join(SUPPORTED) + ")"]
    dest_dir = uploads_dir(settings)
    dest_dir.mkdir(parents=True, exist_ok=True)
    copies, names = [], {}
    for f in files:
        src = Path(getattr(f, "name", None) or str(f))
        name = _safe_name(getattr(f, "orig_name", None) or src.name)
        names[str(src)] = name
        # Read it once first: a file that gives no article is reported and never copied over a good one.
        records = list(load_paths([src], max_bytes=settings.max_file_bytes))
        if not any(isinstance(r, Article) for r in records):
            reasons = "; ".join(r.reason for r in records if isinstance(r, Skip)) or "no article found"
            bad.append(f"{name}: {reasons}")
            continue
        dest = dest_dir / name
        shutil.copyfile(src, dest)
        copies.append(dest)
        names[str(dest)] = name
    if not copies:
        return ok, bad
    cb = None
    if progress is not None:
        progress(0, desc="Embedding")
        cb = lambda done, total: progress((done, total), desc="Embedding", unit="vectors")  # noqa: E731
    try:
        report = ingest(copies, settings, progress=cb, embed_model=_library_embedder(settings))
    except NewsbotError:  # e.g. another ingest is running: nothing was written; keep no stray copies
        _drop_unused(settings, copies)
        raise
    ok.extend(_report_lines(report, names))
    bad.extend(f"{_shown(s.source, names)}: {s.reason}" for s in report.skipped)
    _drop_unused(settings, copies)
    return ok, bad


def _library_embedder(settings: Settings):
    """The open library's embedding model (no second load), or None to let ingest load one."""
    try:
        from bot.library import open_library

        return open_library(settings).embed_model
    except NewsbotError:
        return None


def _report_lines(report: IngestReport, names: dict[str, str]) -> list[str]:
    lines = [f"added {a}" for a in report.added] + [f"updated {a}" for a in report.updated]
    lines += [f"{a} is already indexed (unchanged)" for a in report.unchanged]
    return lines + [f"note: {_shown(n.source, names)}: {n.message}" for n in report.notices]


def _referenced(settings: Settings) -> set[str]:
    if not manifest_path(settings).exists():
        return set()
    manifest = Manifest(manifest_path(settings))
    try:
        return set(manifest.article_sources().values())
    finally:
        manifest.close()


def _drop_unused(settings: Settings, paths: list[Path]) -> None:
    """Delete uploaded copies no article comes from (duplicates, all records skipped, articles deleted)."""
    used = _referenced(settings)
    for p in paths:
        if str(p) not in used and p.parent == uploads_dir(settings):
            p.unlink(missing_ok=True)


def delete_articles(settings: Settings, ids: list[str] | None) -> tuple[list[str], list[str]]:
    if not ids:
        return [], ["choose the articles to delete first"]
    if not manifest_path(settings).exists():
        return [], ["there is no index yet"]
    manifest = Manifest(manifest_path(settings))
    try:
        sources = manifest.article_sources()
    finally:
        manifest.close()
    removed = remove_articles(ids, settings)
    _drop_unused(settings, [Path(sources[a]) for a in removed])
    gone = [a for a in ids if a not in removed]
    return [f"deleted {a}" for a in removed], [f"{a}: not in the index" for a in gone]


@dataclass
class CorpusTab:
    table: gr.Dataframe
    count: gr.Markdown
    status: gr.HTML
    files: gr.File
    to_delete: gr.Dropdown


def build_corpus_tab(settings: Settings, article_filter: gr.Dropdown) -> CorpusTab:
    """The tab's components and events; `article_filter` (the chat's) gets the new ids after each change."""
    rows = article_rows(settings)
    ids = [r[0] for r in rows]
    count = gr.Markdown(count_text(rows), elem_id="corpus-count")
    table = gr.Dataframe(rows, headers=HEADERS, interactive=False, elem_id="corpus-table", wrap=True,
                         column_widths=["22%", "44%", "12%", "8%", "14%"])
    with gr.Row():
        with gr.Column(scale=3):
            files = gr.File(label="Add articles (" + ", ".join(SUPPORTED) + ")", file_count="multiple",
                            file_types=list(SUPPORTED), elem_id="corpus-upload", height=140)
        with gr.Column(scale=2):
            to_delete = gr.Dropdown(ids, value=[], multiselect=True, label="Articles to delete",
                                    elem_id="corpus-delete")
            delete_btn = gr.Button("Delete selected articles", variant="stop", elem_id="corpus-delete-btn")
    status = gr.HTML("", elem_id="corpus-status")
    tab = CorpusTab(table, count, status, files, to_delete)
    outputs = [status, table, count, to_delete, article_filter]

    def refreshed(ok: list[str], bad: list[str], keep: list | None = None) -> tuple:
        return (status_html(ok, bad), *corpus_view(settings, keep))

    def on_upload(paths, keep, progress=gr.Progress()):
        try:
            ok, bad = ingest_uploads(settings, paths, progress)
        except NewsbotError as exc:  # e.g. another ingest running: the index is untouched
            ok, bad = [], [str(exc)]
        return (*refreshed(ok, bad, keep), None)

    def on_delete(ids, keep):
        try:
            ok, bad = delete_articles(settings, ids)
        except NewsbotError as exc:
            ok, bad = [], [str(exc)]
        return refreshed(ok, bad, keep)

    files.upload(on_upload, [files, article_filter], outputs + [files], api_visibility="private",
                 concurrency_limit=1, concurrency_id="index-write")
    delete_btn.click(on_delete, [to_delete, article_filter], outputs, api_visibility="private",
                     concurrency_limit=1, concurrency_id="index-write")
    return tab


def corpus_view(settings: Settings, keep: list | None = None) -> tuple:
    """(table rows, count, delete choices, chat filter choices keeping the still-indexed ids in `keep`)."""
    rows = article_rows(settings)
    ids = [r[0] for r in rows]
    return (rows, count_text(rows), gr.Dropdown(choices=ids, value=[]),
            gr.Dropdown(choices=ids, value=[a for a in keep or [] if a in ids]))
