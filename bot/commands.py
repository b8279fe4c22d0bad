"""The `newsbot` subcommands that index and answer: ingest (with its progress bar and report), ask (the
answer printed for a reader) and chat (the sample corpus ingested first when there is no index yet).
bot/cli.py parses the command line and calls them; status is bot/status.py's.

Imports are lazy on purpose (see bot/cli.py): the index, the LLM and gradio load inside the subcommand.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import Callable

from bot.terminal import json_text, term  # every article- or file-derived text printed goes through term()

PROGRESS_MIN_ARTICLES = 10  # an ingest writing fewer is quick: no progress bar


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
