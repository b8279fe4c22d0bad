"""The answer policy: answered, uncertain, or not found.

People mostly ask what the articles do say, in their own words; every answer is a quoted, cited sentence
they can check. So the answerer refuses outright ("not_found") only on evidence: nothing retrieved is on
the question's topic, or a veto found the passage saying something else (another name in the question's
slot, a negation, an opposite, no number for "how many"). Between a confident answer and a refusal lies
"uncertain": the closest sentence, cited, introduced as not saying it directly. Thresholds live in
bot/answer/weights.json ("policy"), chosen by eval/tune_policy.py on the development sets.
"""

from __future__ import annotations

ANSWERED, UNCERTAIN, NOT_FOUND = "answered", "uncertain", "not_found"
STATUSES = (ANSWERED, UNCERTAIN, NOT_FOUND)


def off_topic(features: dict, af: dict, policy: dict) -> bool:
    """Nothing retrieved is about the question: the best sentence's whole article holds little of what the
    question is about (its idf-weighted terms but the main verb), and the sentence is not close to the
    question in meaning either."""
    topic = af.get("topic_article", 1.0)
    # An article holding none of the question's terms (but its verb) is off topic however close MiniLM puts
    # it ("what did Iran say" against an article on Iraq).
    return topic <= 0.0 or (topic < policy.get("topic_article", 0.34) and features["dense"] < policy.get("topic_dense", 0.45))


def decide(p: float, vetoed: bool, features: dict, af: dict, weights: dict) -> str:
    """The status of an answer whose best sentence has `features`, P(answer) `p`, and abstention features
    `af`; `vetoed` when a guard found evidence that the passage says something else."""
    policy = weights.get("policy", {})
    confident = p >= policy.get("answer_threshold", weights["abstain"]["threshold"])
    if vetoed:
        return NOT_FOUND
    # Off the topic by its words, though the scorer would answer with it: the question may just use words
    # the articles do not ("who took that further a year later"); the sentence is shown as the closest.
    if off_topic(features, af, policy):
        return UNCERTAIN if confident else NOT_FOUND
    # A sentence sharing nothing with the question but its verb is at best close to it.
    shares = af.get("cov_ctx_nv", features.get("cov_ctx_nv", 1.0)) > 0
    return ANSWERED if confident and shares else UNCERTAIN
