"""The house's layout rules, read from the source: imports run downward only (eval/ -> bot/ -> index/), and
code outside a bot/ stage folder (answer/, llm/, ui/) imports the stage's public face, never its modules."""

from __future__ import annotations

import ast
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
STAGES = ("answer", "llm", "ui")
LAYERS = {"index": 0, "bot": 1, "eval": 2}


def imported_modules(path: Path) -> list[str]:
    """Every absolute module a file imports, lazily inside functions included."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.append(node.module)
            # "from bot.answer import lexicon" names a module too
            out += [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level:
            # "from .types import X" in index/load.py: resolved against the file's package
            parts = list(path.relative_to(PROJECT).parent.parts)
            base = ".".join(parts[:len(parts) - node.level + 1] + ([node.module] if node.module else []))
            out.append(base)
            out += [f"{base}.{a.name}" for a in node.names]
    return out


def source_files(*folders: str) -> list[Path]:
    return [p for f in folders for p in sorted((PROJECT / f).rglob("*.py"))]


def exported(stage: str) -> set[str]:
    """The names a stage's __init__ lists in __all__."""
    tree = ast.parse((PROJECT / "bot" / stage / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            return {e.value for e in node.value.elts}
    return set()


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "bot" and parts[1] in STAGES else None


def test_imports_run_downward_only() -> None:
    upward = []
    for path in source_files("index", "bot", "eval"):
        layer = LAYERS[path.relative_to(PROJECT).parts[0]]
        for m in imported_modules(path):
            top = m.split(".")[0]
            if top in LAYERS and LAYERS[top] > layer:
                upward.append(f"{path.relative_to(PROJECT)} imports {m}")
    assert not upward, upward


def test_stage_modules_are_private_to_their_stage() -> None:
    leaks = []
    for path in source_files("bot", "eval"):
        rel = path.relative_to(PROJECT)
        own = rel.parts[1] if rel.parts[0] == "bot" and len(rel.parts) > 2 else None
        for m in imported_modules(path):
            stage = stage_of(m)
            # bot.<stage>.<module> from outside that stage (bot.answer.lexicon is a module: private too),
            # unless the stage's __init__ exports that name (the function `extract`, not the module)
            if stage and stage != own and len(m.split(".")) > 2 and m.split(".")[2] in {
                    p.stem for p in (PROJECT / "bot" / stage).glob("*.py")} and not (
                    len(m.split(".")) == 3 and m.split(".")[2] in exported(stage)):
                leaks.append(f"{rel} imports {m}")
    assert not leaks, leaks


def test_bot_top_level_is_the_query_path_and_three_stages() -> None:
    bot = PROJECT / "bot"
    folders = sorted(p.name for p in bot.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert folders == sorted(STAGES)
    for stage in STAGES:
        doc = ast.get_docstring(ast.parse((bot / stage / "__init__.py").read_text(encoding="utf-8")))
        assert doc and len(doc) > 40, f"bot/{stage}/__init__.py says what the stage does"
    assert {p.stem for p in bot.glob("*.py")} <= {"__init__", "ask", "cli", "engine", "expand", "library", "normalize", "direct", "prompts", "terminal",
                                                  "retrieve", "rewrite", "referents", "graft", "search", "tense", "types", "compound",
                                                  "corrections", "idioms", "names", "bare", "pronouns", "antecedents",
                                                  "commands", "status", "demonstratives", "act_told", "which",
                                                  "numbered", "put_name"}


def test_the_checks_see_a_violation(tmp_path) -> None:
    """The scanners above are not vacuous: they flag an upward and a private import when there is one."""
    f = tmp_path / "x.py"
    f.write_text("from bot.answer.features import NAME\nimport eval.run\n")
    mods = imported_modules(f)
    assert "bot.answer.features" in mods and "eval.run" in mods
    assert stage_of("bot.answer.features") == "answer" and stage_of("bot.ask") is None
