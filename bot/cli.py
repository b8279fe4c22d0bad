"""The `newsbot` command: ingest, ask, status, chat, eval.

Imports are lazy on purpose: `newsbot ask` must start fast, so heavy modules (the index, Chroma, the
embedder) load inside the subcommand that needs them, and gradio only inside `chat`.

This module parses the command line, re-executes `newsbot chat` with glibc's malloc settings and hands
`newsbot eval` to `python -m eval`; the subcommands ingest, ask and chat are bot/commands.py's, status is
bot/status.py's.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from bot.commands import run_ask, run_chat, run_ingest
from bot.status import run_status
from bot.terminal import term  # every article- or file-derived text printed goes through term()

EPILOG = """\
exit status: 0 ok, 1 error (e.g. no index yet), 2 usage error (bad argument or NEWSBOT_* value), 130 interrupted.
environment: NEWSBOT_HOME (where the index lives), NEWSBOT_CHROMA_URL, NEWSBOT_COLLECTION, NEWSBOT_TOP_K,
NEWSBOT_CORPUS, NEWSBOT_HOST, NEWSBOT_PORT, NEWSBOT_UI_AUTH=user:password (chat login)."""


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
