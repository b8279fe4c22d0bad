"""The Corpus tab: the indexed articles as a table, upload (ingest with a progress bar), deletion.

Uploaded files are copied to <NEWSBOT_HOME>/uploads/ under their own names (any name: '#', spaces, unicode)
so their source paths outlive gradio's temp files (and `newsbot ingest --prune` keeps them); an article's id
is its file name without the extension (qualified as `uploads/name` when another file has that id,
index/ids.py). A stored file changes only when the index does: a file that yields no article (binary, empty,
malformed) is reported inline with the loader's reason and never copied, and one the ingest did not take
(refused while another ingest runs, a full disk, a re-upload whose text is another article's) is put back
as it was, so the index and any earlier upload of the same name stay as they were.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import gradio as gr

from bot.ui.render import esc
from index.errors import NewsbotError
from index.ingest import IngestReport, ingest, manifest_path, remove_articles, write_lock
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


BACKUPS = ".previous"  # uploads/.previous/<name>: the stored file an upload replaces, until the index has the new one


@dataclass(frozen=True)
class _Staged:
    """An uploaded file copied to ``dest``; the file it replaced waits in ``backup`` until the ingest settles."""

    dest: Path
    hashes: frozenset[str]  # the content hashes of its articles
    backup: Path | None


def ingest_uploads(settings: Settings, files: list | None, progress=None) -> tuple[list[str], list[str]]:
    """Check, copy and ingest uploaded files; return (lines for what went in, lines for what did not).

    The stored files change only when the index does: everything happens under the ingest lock (refused at once
    while another ingest runs, before any file is touched), and a file the index did not take (an error, a
    duplicate of another article) is put back as it was."""
    if not files:
        return [], ["choose one or more files first (" + ", ".join(SUPPORTED) + ")"]
    with write_lock(settings):
        _settle_leftovers(settings)  # a chat killed in the middle of an upload
        staged: list[_Staged] = []
        try:
            ok, bad = [], []
            names = _stage(settings, files, staged, bad)
            if not staged:
                return ok, bad
            cb = None
            if progress is not None:
                progress(0, desc="Embedding")
                cb = lambda done, total: progress((done, total), desc="Embedding", unit="articles")  # noqa: E731
            report = ingest([s.dest for s in staged], settings, progress=cb, embed_model=_library_embedder(settings),
                            keep_twins=True)  # a re-upload copying another article never removes the earlier one
            ok.extend(_report_lines(report, names))
            bad.extend(f"{_shown(s.source, names)}: {s.reason}" for s in report.skipped)
        finally:
            _settle(settings, staged)
    return ok, bad


def _stage(settings: Settings, files: list, staged: list[_Staged], bad: list[str]) -> dict[str, str]:
    """Copy each file that yields an article into uploads/ (appending to ``staged``); the path -> name map."""
    dest_dir = uploads_dir(settings)
    dest_dir.mkdir(parents=True, exist_ok=True)
    names: dict[str, str] = {}
    for f in files:
        src = Path(getattr(f, "name", None) or str(f))
        name = _safe_name(getattr(f, "orig_name", None) or src.name)
        names[str(src)] = name
        # Read it once first: a file that gives no article is reported and never copied over a good one.
        records = list(load_paths([src], max_bytes=settings.max_file_bytes))
        hashes = frozenset(r.content_hash for r in records if isinstance(r, Article))
        if not hashes:
            reasons = "; ".join(r.reason for r in records if isinstance(r, Skip)) or "no article found"
            bad.append(f"{name}: {reasons}")
            continue
        dest = dest_dir / name
        if any(s.dest == dest for s in staged):
            bad.append(f"{name}: uploaded twice at once; kept the first")
            continue
        backup = None
        if dest.exists():
            backup = dest_dir / BACKUPS / name
            backup.parent.mkdir(exist_ok=True)
            os.replace(dest, backup)
        staged.append(_Staged(dest, hashes, backup))
        names[str(dest)] = name
        shutil.copyfile(src, dest)
    return names


def _settle(settings: Settings, staged: list[_Staged]) -> None:
    """Keep each new file the index took (an article from it holds one of its texts); put the others back."""
    held = _indexed_hashes(settings)
    for s in staged:
        if held.get(str(s.dest), set()) & s.hashes:
            if s.backup is not None:
                s.backup.unlink(missing_ok=True)
        elif s.backup is not None:
            os.replace(s.backup, s.dest)
        else:
            s.dest.unlink(missing_ok=True)
    _remove_empty_backups(settings)


def _settle_leftovers(settings: Settings) -> None:
    """Files an interrupted upload left aside: put back unless the index holds the new file's text."""
    folder = uploads_dir(settings) / BACKUPS
    if not folder.is_dir():
        return
    staged = []
    for backup in sorted(folder.iterdir()):
        dest = uploads_dir(settings) / backup.name
        records = load_paths([dest], max_bytes=settings.max_file_bytes) if dest.exists() else []
        staged.append(_Staged(dest, frozenset(r.content_hash for r in records if isinstance(r, Article)), backup))
    _settle(settings, staged)


def _remove_empty_backups(settings: Settings) -> None:
    try:
        (uploads_dir(settings) / BACKUPS).rmdir()
    except OSError:
        pass  # not there, or still holding a file


def _indexed_hashes(settings: Settings) -> dict[str, set[str]]:
    """Source file -> the content hashes of its indexed articles."""
    if not manifest_path(settings).exists():
        return {}
    manifest = Manifest(manifest_path(settings))
    try:
        rows = manifest.db.execute("SELECT source, hash FROM articles").fetchall()
    finally:
        manifest.close()
    out: dict[str, set[str]] = {}
    for source, digest in rows:
        out.setdefault(source, set()).add(digest)
    return out


def _library_embedder(settings: Settings):
    """The open library's embedding model (no second load), or None to let ingest load one."""
    try:
        from bot.library import open_library

        return open_library(settings).ingest_embedder
    except NewsbotError:
        return None


def _report_lines(report: IngestReport, names: dict[str, str]) -> list[str]:
    lines = [f"added {a}" for a in report.added] + [f"updated {a}" for a in report.updated]
    lines += [f"{a} is already indexed (unchanged)" for a in report.unchanged]
    lines += [f"removed {a}" for a in report.removed]
    return lines + [f"note: {_shown(n.source, names)}: {n.message}" for n in report.notices]


def _drop_unused(settings: Settings, paths: list[Path]) -> None:
    """Delete uploaded copies no article comes from any more (their articles deleted)."""
    used = _indexed_hashes(settings)
    for p in paths:
        if str(p) not in used and p.parent == uploads_dir(settings):
            p.unlink(missing_ok=True)


def delete_articles(settings: Settings, ids: list[str] | None) -> tuple[list[str], list[str]]:
    if not ids:
        return [], ["choose the articles to delete first"]
    if not manifest_path(settings).exists():
        return [], ["there is no index yet"]
    with write_lock(settings):  # the articles and their uploaded files go together
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
