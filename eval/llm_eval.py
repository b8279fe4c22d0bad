"""`python -m eval --mode llm`: the LLM answer mode measured beside the extractive one.

Both modes answer the same questions on the same temporary index (eval/run.py). This module turns an LLM
answer into per-question fields (what the model drafted, which sentences were shown, which were flagged),
sums them up, and lays both modes side by side for the console, the JSON and the report. Whether a shown
sentence is supported is judged against the gold data (eval/metrics.py), never by the bot's own verifier.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from bot import Answer, Settings
from bot.llm import DECLINED, describe_llm, make_llm, split_claims
from eval.metrics import accounted_for, backed_by, marked_sentences, sentence_scores, sentence_supported
from eval.report import _q, _table

# prompts/answer_system.md asks the model to reply exactly this when the sources do not answer: a protocol
# word, not a claim, so such a draft counts as drafting no sentence.


def llm_env(environ: Mapping[str, str]) -> dict[str, str]:
    """The NEWSBOT_LLM* variables only: the rest of the user's NEWSBOT_* setup must not leak into the eval."""
    return {k: v for k, v in environ.items() if k.startswith("NEWSBOT_LLM")}


def shown_sentences(answer: str, abstained: bool, citations: list[dict], answerable: bool) -> list[dict]:
    """Each sentence shown as the answer, the citation numbers it carries, and whether one of those
    citations supports the gold answer (``citations``: the record's dicts with "n" and "supports")."""
    if abstained:
        return []  # the abstention message is not an answer sentence
    supports = {c["n"]: bool(c["supports"]) for c in citations}
    quotes = {c["n"]: c["quote"] for c in citations}
    # "backed": its citations hold what it says (strict lexical check); "supported": one of them is the gold
    # evidence or holds a gold answer (so the sentence is also the right answer).
    return [{"sentence": s, "cites": list(cites), "supported": sentence_supported(cites, supports, answerable),
             "backed": backed_by(s, [quotes[n] for n in cites if n in quotes])}
            for s, cites in marked_sentences(answer)]


def llm_fields(a: Answer) -> dict:
    """What an LLM-mode answer adds to its record: the draft, its sentences, the flagged ones, tokens."""
    declined = any(u.reason == DECLINED for u in a.unsupported)
    # Counted as the verifier splits it (dedup of repeated sentences included), over the sources shown; a
    # decline is one flagged sentence, however the model worded it.
    drafted = [a.draft.strip()] if declined else \
        [c.text for c in split_claims(a.draft, int(a.usage.get("sources_used", 0)))]
    return {"draft": a.draft, "drafted": drafted, "declined": declined, "fallback": a.fallback,
            "flagged": [{"sentence": u.sentence, "cites": list(u.cites), "reason": u.reason} for u in a.unsupported],
            "usage": dict(a.usage)}


def llm_shown(r: dict) -> list[dict]:
    """The LLM-written sentences a record shows: none when it fell back to the extractive answer."""
    return [] if r["fallback"] else r["sentences"]


def unaccounted(r: dict) -> list[str]:
    """Drafted sentences neither shown nor flagged (compared by text; shown ones are found as written)."""
    seen = {s["sentence"] for s in llm_shown(r)} | {f["sentence"] for f in r["flagged"]}
    return [t for t in r["drafted"] if t not in seen]


def llm_summary(records: list[dict]) -> dict:
    """The LLM-only metrics of eval/README.md ("llm" section of the JSON), over all questions."""
    fb = [r for r in records if r["fallback"]]
    shown = sum(len(llm_shown(r)) for r in records)
    flagged = sum(len(r["flagged"]) for r in records)
    drafted = sum(len(r["drafted"]) for r in records)
    n = len(records)
    return {
        "sentences": sentence_scores([s["supported"] for r in records for s in llm_shown(r)]),
        # The acceptance measure: of every sentence shown as supported (LLM-written or fallback), the
        # share its citations back.
        "backed": sentence_scores([s["backed"] for r in records for s in llm_shown(r)]),
        "backed_all": sentence_scores([s["backed"] for r in records for s in r["sentences"]]),
        "fallback_sentences": sentence_scores([s["supported"] for r in fb for s in r["sentences"]]),
        "flagged": flagged, "drafted": drafted,
        "accounted_for": accounted_for(shown, flagged, drafted),
        # Per question, so that one question's excess cannot hide another's loss in the sums above.
        "unaccounted_questions": sum(accounted_for(len(llm_shown(r)), len(r["flagged"]), len(r["drafted"])) != 1.0
                                     for r in records),
        "declined": sum(r["declined"] for r in records),
        "fallbacks": len(fb), "fallback_rate": len(fb) / n if n else 0.0,
        "tokens": {"prompt_mean": _mean([r["usage"].get("prompt_tokens", 0) for r in records]),
                   "completion_mean": _mean([r["usage"].get("completion_tokens", 0) for r in records])},
    }


def _mean(xs: list) -> float:
    return sum(xs) / len(xs) if xs else 0.0


def _share(s: dict) -> str:
    rate = f"{s['supported_rate']:.3f}" if s["shown"] else "n/a"  # nothing shown: no rate (0.0 in the JSON)
    return f"{rate} ({s['supported']}/{s['shown']})"


def mode_rows(ext: dict, llm: dict) -> list[tuple[str, str, str]]:
    """(metric, extractive, llm) rows: the shared metrics, then the LLM-only ones ("-" for extractive)."""
    def both(label: str, fmt) -> tuple[str, str, str]:
        return label, fmt(ext), fmt(llm)

    abst = "{precision:.3f} / {recall:.3f} / {f1:.3f}"
    return [
        both("questions", lambda m: f"{m['n']} ({m['n_answerable']} answerable, {m['n_unanswerable']} unanswerable)"),
        both("answer contains gold", lambda m: f"{m['answer_contains_gold']:.3f}"),
        both("abstention P / R / F1", lambda m: abst.format(**m["abstention"])),
        both("overall accuracy", lambda m: f"{m['overall_accuracy']:.3f}"),
        both("citation precision / recall", lambda m: f"{m['citation_precision']:.3f} / {m['citation_recall']:.3f}"),
        both("offset errors", lambda m: str(m["offset_errors"])),
        ("supported-sentence rate, all shown", _share(ext["backed_all"]), _share(llm["backed_all"])),
        ("supported-sentence rate, LLM-written", "-", _share(llm["backed"])),
        # Extractive: its quoted sentences; llm: the sentences the model wrote, in non-fallback answers.
        both("shown sentences citing gold evidence", lambda m: _share(m["sentences"])),
        ("fallback answers' sentences supported", "-", _share(llm["fallback_sentences"])),
        ("LLM sentences shown / flagged", "-", f"{llm['sentences']['shown']} / {llm['flagged']}"),
        ("accounted-for rate", "-", f"{llm['accounted_for']:.3f} ({llm['sentences']['shown'] + llm['flagged']}"
                                    f"/{llm['drafted']}; {llm['unaccounted_questions']} questions off)"),
        ("fallback rate", "-", f"{llm['fallback_rate']:.3f} ({llm['fallbacks']}/{llm['n']})"),
        ("drafts declined (no answer in sources)", "-", str(llm["declined"])),
        both("latency p50 / p95 ms", lambda m: "{p50:.1f} / {p95:.1f}".format(**m["latency_ms"])),
        ("mean prompt / completion tokens", "-", "{prompt_mean:.1f} / {completion_mean:.1f}".format(**llm["tokens"])),
    ]


def print_modes(rows: list[tuple[str, str, str]], llm: dict) -> None:
    """The side-by-side table, after the extractive one (and a blank line)."""
    w0 = max(len(k) for k, _, _ in rows)
    w1 = max(len(v) for _, v, _ in rows + [("", "extractive", "")])
    print(f"\ndataset: {llm['dataset']}; llm: {llm['model']}")
    print(f"  {'':<{w0}}  {'extractive':<{w1}}  llm")
    for k, v, lv in rows:
        print(f"  {k:<{w0}}  {v:<{w1}}  {lv}")


def needs_review(r: dict) -> bool:
    """A question the report details: a sentence flagged, shown without gold support, or unaccounted for."""
    return bool(r["flagged"]) or any(not s["supported"] for s in r["sentences"]) or bool(unaccounted(r))


def report_section(rows: list[tuple[str, str, str]], llm: dict, records: list[dict]) -> list[str]:
    """The "LLM mode" section of report.md: the side-by-side table and every question to review."""
    lines = ["## LLM mode", "", f"LLM: {llm['model']}. Both modes answered the same questions on the same index.",
             ""] + _table(["metric", "extractive", "llm"], [list(r) for r in rows])
    lines += ["", "A shown sentence is *supported* when the question is answerable and one of its citations "
                  "overlaps the gold evidence or quotes a gold answer (eval/README.md); the verifier's own "
                  "verdict is not used.", ""]
    todo = [r for r in records if needs_review(r)]
    lines += [f"### Questions with a flagged or unsupported sentence ({len(todo)})", ""]
    for i, r in enumerate(todo, 1):
        lines += question_section(i, r)
    return lines if todo else lines + ["None.", ""]


def question_section(i: int, r: dict) -> list[str]:
    expected = "; ".join(_q(a) for a in r["answers"]) if r["answers"] else "abstain"
    shown = "ABSTAIN" if r["abstained"] else _q(r["answer"])
    how = "fallback: the extractive answer" if r["fallback"] else "the LLM's supported sentences"
    lines = [f"#### {i}. [{r['type']}] {r['id']}: {_q(r['question'])}", "", f"- expected: {expected}",
             f"- draft: {_q(r['draft'])}" + (" (declined)" if r["declined"] else ""),
             f"- shown ({how}): {shown}",
             f"- {r['latency_ms']:.0f} ms; tokens: prompt {r['usage'].get('prompt_tokens', '-')}, "
             f"completion {r['usage'].get('completion_tokens', '-')}", ""]
    if r["sentences"]:
        lines += ["Shown sentences:", ""] + _table(
            ["sentence", "cites", "supported (gold)"],
            [[_q(s["sentence"]), _marks(s["cites"]), "yes" if s["supported"] else "no"] for s in r["sentences"]]) + [""]
    if r["flagged"]:
        lines += ["Flagged by the verifier:", ""] + _table(
            ["sentence", "cites", "reason"],
            [[_q(f["sentence"]), _marks(f["cites"]), f["reason"]] for f in r["flagged"]]) + [""]
    lost = unaccounted(r)
    if lost:
        lines += ["Drafted but neither shown nor flagged:", ""] + [f"- {_q(t)}" for t in lost] + [""]
    return lines


def _marks(cites: list[int]) -> str:
    return "".join(f"[{n}]" for n in cites) or "(none)"


def llm_settings(environ: Mapping[str, str], home: Path, llm: str | None) -> Settings:
    """Settings of an llm-mode run from the NEWSBOT_LLM* variables only (``llm``: the --llm override);
    raises LLMError now, before anything is ingested, when no LLM is configured or its package is missing."""
    settings = Settings.from_env(llm_env(environ), home=home, llm=llm)
    make_llm(settings)
    return settings


def with_sentences(metrics: dict, records: list[dict]) -> dict:
    """The extractive metrics plus their shown sentences judged the same way ("sentences"), for comparison."""
    return dict(metrics, sentences=sentence_scores([s["supported"] for r in records for s in r["sentences"]]),
                backed_all=sentence_scores([s["backed"] for r in records for s in r["sentences"]]))
