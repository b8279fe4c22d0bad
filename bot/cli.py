"""The `newsbot` command: ingest, ask, status, chat, eval.

Imports are lazy on purpose: `newsbot ask` must start fast, so heavy modules (the index, Chroma, the
embedder) load inside the subcommand that needs them, and gradio only inside `chat`.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from typing import Callable, Sequence

from bot.terminal import json_text, term  # every article- or file-derived text printed goes through term()

EPILOG = """\
exit status: 0 ok, 1 error (e.g. no index yet), 2 usage error (bad argument or NEWSBOT_* value), 130 interrupted.
environment: NEWSBOT_HOME (where the index lives), NEWSBOT_CHROMA_URL, NEWSBOT_COLLECTION, NEWSBOT_TOP_K,
NEWSBOT_CORPUS, NEWSBOT_HOST, NEWSBOT_PORT, NEWSBOT_UI_AUTH=user:password (chat login)."""

PROGRESS_MIN_ARTICLES = 10  # an ingest writing fewer is quick: no progress bar


def _top_k(raw: str) -> int:
    try:
        k = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {raw!r}") from None
    if not 1 <= k <= 50:
        raise argparse.ArgumentTypeError(f"must be from 1 to 50, got {k}")
    return k


def _port(raw: str) -> int:
    try:
        p = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {raw!r}") from None
    if not 0 <= p <= 65535:
        raise argparse.ArgumentTypeError(f"must be from 0 to 65535, got {p}")
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbot", description="Answer questions about news articles, citing exact sentences.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("ingest", help="index articles (.txt, .md, .html, .json, .jsonl files or folders)",
                       description="Index articles; unchanged files are skipped. Default PATH: the sample corpus "
                                   "(NEWSBOT_CORPUS). Exits 1 when nothing at all could be ingested.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the sample corpus)")
    p.add_argument("--prune", action="store_true", help="remove indexed articles whose file is gone")
    p.set_defaults(func=run_ingest)

    p = sub.add_parser("ask", help="ask one question", description="Answer one question with cited quotes.")
    p.add_argument("question", nargs="+", metavar="QUESTION", help="the question (quotes optional)")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.add_argument("--top-k", type=_top_k, metavar="N", help="passages to retrieve, 1-50 (default NEWSBOT_TOP_K)")
    p.add_argument("--article", action="append", metavar="ID", help="only search this article (repeatable)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="only articles dated on/after YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="only articles dated on/before YYYY-MM-DD")
    p.add_argument("--mode", choices=("extractive", "llm"), default="extractive",
                   help="extractive (default, offline) or llm: the configured LLM writes the answer "
                        "(NEWSBOT_LLM_BASE_URL or NEWSBOT_LLM=local), then unsupported sentences are removed")
    p.set_defaults(func=run_ask)

    p = sub.add_parser("status", help="show where the index is and what it holds",
                       description="Show the index location and contents. Exits 1 when there is no index yet "
                                   "(so scripts can test for one), after saying where it was looked for.")
    p.set_defaults(func=run_status)

    p = sub.add_parser("chat", help="open the chat UI in the browser (ingests the sample corpus if needed)",
                       description="Start the chat UI. With no index yet, the sample corpus is ingested first.")
    p.add_argument("--host", help="interface to bind (default NEWSBOT_HOST or 127.0.0.1)")
    p.add_argument("--port", type=_port, help="port (default NEWSBOT_PORT or 7860)")
    p.set_defaults(func=run_chat)

    # Only listed here: main() hands `newsbot eval ...` to `python -m eval` before parsing (bot never imports eval).
    p = sub.add_parser("eval", add_help=False, help="measure answer quality on a dataset (`newsbot eval --help`)",
                       description="Runs `python -m eval` with the same arguments.")
    p.add_argument("eval_args", nargs=argparse.REMAINDER)
    p.set_defaults(func=lambda args, settings: run_eval(args.eval_args))
    return parser


# -- ingest ---------------------------------------------------------------------------------------

def _progress_bar() -> tuple[Callable[[int, int], None], Callable[[], None]]:
    """A progress callback that shows a tqdm bar on stderr only for big ingests, and its closer."""
    state: dict = {}

    def update(done: int, total: int) -> None:
        if total < PROGRESS_MIN_ARTICLES:
            return
        if "bar" not in state:
            from tqdm import tqdm

            state["bar"] = tqdm(total=total, unit="article", desc="embedding", file=sys.stderr)
        state["bar"].update(done - state["bar"].n)

    def close() -> None:
        if "bar" in state:
            state["bar"].close()

    return update, close


def print_report(report) -> None:
    print(f"added {len(report.added)}, updated {len(report.updated)}, unchanged {len(report.unchanged)}, "
          f"removed {len(report.removed)}, skipped {len(report.skipped)}")
    if report.chunks_embedded:
        print(f"embedded {report.chunks_embedded} chunks ({report.vectors_embedded} vectors with sentences) "
              f"in {report.seconds:.1f} s")
    elif not report.vectors_restored:
        print("embedded 0 chunks (nothing changed)")
    if report.sentences_moved:  # an index from before the sentence vectors file (index/sentence_migration.py)
        print(f"moved {report.sentences_moved} sentence vectors out of Chroma (nothing embedded again)")
    if report.vectors_restored:  # the vector store had lost them: say so, it is not "nothing changed"
        print(f"re-embedded {report.vectors_restored} missing vectors (the vector store had lost them)")
    for skip in report.skipped:
        print(f"  skipped {term(skip.source)}: {term(skip.reason)}")
    for notice in report.notices:
        print(f"  note {term(notice.source)}: {term(notice.message)}")


def run_ingest(args: argparse.Namespace, settings) -> int:
    from index.ingest import ingest

    update, close = _progress_bar()
    try:
        report = ingest(args.paths or None, settings, prune=args.prune, progress=update)
    finally:
        close()
    print_report(report)
    nothing = not (report.added or report.updated or report.unchanged or report.removed)
    if nothing and report.skipped:
        print("newsbot: error: nothing was ingested (see the reasons above)", file=sys.stderr)
        return 1
    return 0


# -- ask ------------------------------------------------------------------------------------------

def _indent(text: str, prefix: str = "    ") -> str:
    # fill() turns line breaks into spaces first; term() then escapes what is left (ESC, BEL, ...).
    filled = textwrap.fill(text, width=96, break_long_words=False, break_on_hyphens=False)
    return term(textwrap.indent(filled, prefix), lines=True)


def format_answer(answer) -> str:
    """The human-readable answer: text, what the question was understood as, and numbered sources."""
    lines = []
    if answer.standalone_question.strip() != answer.question.strip():
        lines.append(f"(understood as: {term(answer.standalone_question)})")
    # The three outcomes look different: an answer with its sources; "uncertain", flagged, with the closest
    # passage it quotes and the other related ones; "not found" with the related passages only.
    if answer.status == "uncertain":
        lines.append("? Not said directly in the articles.")
    elif answer.status == "not_found" and not answer.smalltalk:
        lines.append("\u2717 Not in the corpus.")
    lines.append(term(answer.answer, lines=True))
    groups = [("Sources:", answer.citations)] if not answer.abstained else [
        ("Closest passage (not a direct answer):", answer.citations), ("Related, but not an answer:", answer.related)]
    for head, cites in groups:
        if not cites:
            continue
        lines += ["", head]
        for c in cites:
            lines.append(f"[{c.n}] {term(c.title)} ({term(c.article_id)}, {term(c.source)})")
            lines.append(_indent(f"\u201c{c.quote}\u201d"))
    if answer.fallback:
        lines += ["", "(The LLM's answer was not supported by the sources: this is the extractive answer.)"]
    if answer.unsupported:
        lines += ["", "Not shown, not supported by the sources:"]
        for u in answer.unsupported:
            lines.append(_indent(f"\u2717 \u201c{u.sentence}\u201d: {u.reason}"))
    return "\n".join(lines)


def run_ask(args: argparse.Namespace, settings) -> int:
    from bot.ask import ask, check_question

    question = check_question(" ".join(args.question))  # fail fast (exit 2) before loading the index
    on_token = None
    if args.mode == "llm" and not args.json:
        from bot.llm import describe_llm, make_llm

        make_llm(settings)  # fail fast when no LLM is configured
        print(f"Draft from {term(describe_llm(settings))} (checked against the sources when it ends):", flush=True)

        def on_token(text: str) -> None:
            sys.stdout.write(term(text, lines=True))  # the model may copy escapes from an article
            sys.stdout.flush()

    answer = ask(question, top_k=args.top_k, settings=settings, article_ids=args.article,
                 date_from=args.date_from, date_to=args.date_to, mode=args.mode, on_token=on_token)
    if on_token is not None:
        print("\n\nVerified answer:")
    if args.json:
        print(json_text(answer.to_dict()))  # exact JSON: control characters as JSON escapes
    else:
        print(format_answer(answer))
    return 0


# -- status ---------------------------------------------------------------------------------------

def _where(settings) -> list[str]:
    from index.sentence_store import sentence_vectors_path

    store = settings.chroma_url or f"{settings.home}/chroma (embedded)"
    sentences = sentence_vectors_path(settings.home, settings.collection)  # in NEWSBOT_HOME, with a server too
    return [f"NEWSBOT_HOME: {term(settings.home)}", f"Chroma:       {term(store)}",
            f"collection:   {settings.collection}_chunks; sentence vectors: {term(sentences)}",
            f"LLM (--mode llm): {term(_llm_name(settings))}"]


def _llm_name(settings) -> str:
    from bot.llm import describe_llm  # lazy: the LLM integrations are slow to import

    return describe_llm(settings)


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in rows]


def run_status(args: argparse.Namespace, settings) -> int:
    from index.errors import NoIndexError
    from index.home import check_home, disk_errors, writable
    from index.ingest import manifest_path
    from index.manifest import Manifest

    print("\n".join(_where(settings)))
    path = manifest_path(settings)
    check_home(settings)  # a file: say so, not "no index yet"
    if not path.exists():  # checked first: opening a Manifest would create the file
        raise NoIndexError(f"no index yet at {settings.home}: run `newsbot ingest` (sample corpus) or "
                           "`newsbot ingest PATH`")
    with disk_errors(settings):
        _print_status(settings, Manifest(path, readonly=not writable(settings.home)))
    return 0


def _print_status(settings, manifest) -> None:
    import time

    from index.errors import NoIndexError

    try:
        articles = manifest.articles()
        if not articles:
            raise NoIndexError(f"the index at {settings.home} is empty: run `newsbot ingest PATH`")
        per_article: dict[str, int] = {}
        for row in manifest.chunks():
            per_article[row[1]] = per_article.get(row[1], 0) + 1
        last = manifest.db.execute("SELECT MAX(ingested_at) FROM articles").fetchone()[0]
        print(f"articles:     {len(articles)}, chunks: {manifest.count('chunks')}, "
              f"sentences: {manifest.count('sentences')}")
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(last))
        print(f"generation:   {manifest.generation()} (last change {when})")
        print(f"vectors:      {_vector_health(settings, manifest)}")
        print()
        rows = [("ID", "TITLE", "DATE", "CHUNKS")]
        for a in articles:
            title = a.title if len(a.title) <= 60 else a.title[:59] + "\u2026"
            rows.append((term(a.id), term(title), term(a.date or "-"), str(per_article.get(a.id, 0))))
        print("\n".join(_table(rows)))
    finally:
        manifest.close()


def _vector_health(settings, manifest) -> str:
    """Whether the store holds a vector for every live chunk and sentence (a deleted Chroma folder or sentence
    vectors file, another server...)."""
    from index.ingest import missing_vectors
    from index.vectors import VectorStore

    store = VectorStore(settings, readonly=manifest.readonly)
    lost = sum(len(ids) for ids in missing_vectors(manifest, store).values())
    if lost:
        return f"{lost} vectors missing: run `newsbot ingest` (answers use keyword search only for those)"
    return "all present" + _older_vectors(settings, manifest) + _parts(store) + _waiting(store)


def _parts(store) -> str:
    """A big index split into parts by topic (index/partition.py)."""
    from index.partition import PROBES

    if store.part is None:
        return ""
    return f"; in {len(store.part.centroids)} parts by topic, a question searching {PROBES} of them"


def _waiting(store) -> str:
    """The small changes made around a big chunk collection (index/chunk_delta.py) that wait to be folded in."""
    from index.chunk_delta import COMPACT_DEAD, COMPACT_DELTA

    waiting, buried = store.delta_count(), len(store.dead())
    if not (waiting or buried):
        return ""
    return (f"; {waiting:,} new chunk vectors wait in the second collection and {buried:,} deleted ones are "
            f"buried, until an ingest folds them in (at {COMPACT_DELTA:,} / {COMPACT_DEAD:,}, or with a big change)")


def _older_vectors(settings, manifest) -> str:
    """Vectors an older embedding pipeline made: questions are embedded the same way until an ingest redoes them."""
    from index.index_format import embed_format, stored_embed_format

    vectors, now = stored_embed_format(manifest), embed_format(settings.embed_model)
    if vectors in (None, now):
        return ""
    return (f"; made by an older embedding pipeline ({vectors}; questions are embedded the same way): "
            f"`newsbot ingest` embeds them again ({now})")


# -- chat -----------------------------------------------------------------------------------------

def _has_index(settings) -> bool:
    from index.ingest import manifest_path
    from index.manifest import Manifest

    if not manifest_path(settings).exists():
        return False
    manifest = Manifest(manifest_path(settings))
    try:
        return manifest.count("articles") > 0
    finally:
        manifest.close()


# glibc's malloc settings for the long-running chat (issue 12), in the environment because glibc reads them when
# a process starts. With the defaults, the ~40 worker threads (Gradio's, onnxruntime's, Chroma's tokio runtime)
# spread over up to 8 arenas per core (17 seen), and the dynamic mmap threshold rises with the first large block
# freed, so later large blocks (likely the ~170 KB copy of the config each session gets, and the responses) come
# from those arenas too, whose free pages stay resident. `python -m eval.soak --sessions 20 --seconds 180
# --pause 1000`, RSS over the last 90 s: three runs with the defaults +6.1, +10.7, +5.8 MB (80% of the growth
# of the last 2 minutes in the arenas); with these three settings +1.4 MB, flat at 541-542 MB (one run;
# MALLOC_ARENA_MAX=2 alone: +4.6 MB). Answers per second and latency as with the defaults.
CHAT_MALLOC_ENV = {"MALLOC_ARENA_MAX": "2", "MALLOC_MMAP_THRESHOLD_": "131072", "MALLOC_TRIM_THRESHOLD_": "131072"}


def _glibc() -> bool:
    try:
        return os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc")
    except (AttributeError, ValueError, OSError, TypeError):
        return False  # not glibc (musl, macOS, Windows): these variables mean nothing there


def chat_malloc_env(environ: dict[str, str]) -> dict[str, str] | None:
    """The environment to start `newsbot chat` again with: `environ` plus the CHAT_MALLOC_ENV settings it lacks
    (one set by the user, to any value, is kept); None when it lacks none or the C library is not glibc."""
    missing = {k: v for k, v in CHAT_MALLOC_ENV.items() if k not in environ}
    if not missing or not _glibc():
        return None
    return {**environ, **missing}


def reexec_with_malloc_env() -> None:
    """Replace this process (same PID, same command line) by one started with CHAT_MALLOC_ENV, unless it has it:
    `newsbot chat` gets the settings however it is started (`make chat`, the script, `python -m bot.cli`)."""
    env = chat_malloc_env(dict(os.environ))
    if env is None:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        os.execve(sys.executable, list(sys.orig_argv), env)
    except OSError:
        pass  # could not start again: serve with the defaults


def run_chat(args: argparse.Namespace, settings) -> int:
    if not _has_index(settings):
        from index.ingest import ingest

        print(f"no index at {term(settings.home)} yet: ingesting the sample corpus {term(settings.corpus)}", flush=True)
        update, close = _progress_bar()
        try:
            print_report(ingest(None, settings, progress=update))
        finally:
            close()
    from bot.ui import launch

    host = args.host or settings.host
    port = settings.port if args.port is None else args.port
    print(f"newsbot chat on http://{term(host)}:{port} (Ctrl+C to stop)", flush=True)
    launch(settings, host, port)
    return 0


# -- eval -----------------------------------------------------------------------------------------

def run_eval(argv: Sequence[str]) -> int:
    """`newsbot eval ARGS` = `python -m eval ARGS` in a child process of this interpreter."""
    import subprocess

    try:
        return subprocess.call([sys.executable, "-m", "eval", *argv])
    except KeyboardInterrupt:
        print("\nnewsbot: interrupted", file=sys.stderr)
        return 130


# -- entry point ----------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    # Nothing may phone home or download at run time (gradio analytics, Chroma telemetry, the HF hub).
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from_command_line = argv is None  # main(["chat"]) called from Python is never re-executed
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["eval"]:
        return run_eval(argv[1:])  # its own parser: `newsbot eval --help` is python -m eval's help
    args = build_parser().parse_args(argv)  # argparse exits 2 itself on a usage error
    if from_command_line and args.command == "chat":
        reexec_with_malloc_env()  # returns only when the settings are there already (or cannot be)
    from index.errors import NewsbotError, UsageError

    try:
        from index.settings import Settings

        settings = Settings.from_env()
        return args.func(args, settings)
    except UsageError as exc:  # messages may quote an article id or file name: term() them too
        print(f"newsbot: error: {term(exc, lines=True)}", file=sys.stderr)
        return 2
    except NewsbotError as exc:
        print(f"newsbot: error: {term(exc, lines=True)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nnewsbot: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `newsbot status | head`: no traceback (recipe from the Python docs)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
