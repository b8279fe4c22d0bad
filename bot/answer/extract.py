"""The offline answerer: pick the sentence(s) that answer the question, quote them exactly, or abstain.

For every sentence of the retrieved passages we compute features (bot/answer/features.py): how much of the
question it covers, alone and with the sentence before it (its subject often lives there: "In
exchange, he asked ..."), its embedding similarity, the rank of its passage, whether it holds the
expected answer type, and what it adds beyond the question. A logistic model scores sentences; a
second one, over the best sentence and what the passage lacks, decides whether to answer at all.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot.answer.abstain import abstain_features, answer_context
from bot.answer.features import missing_names, sentence_features
from bot.answer.question import TYPED, Question, known_word
from bot.answer.guards import lacks_kind, only_requested, place_elsewhere
from bot.answer import lexicon, wordkinds
from bot.answer.aliases import named_by_title
from bot.answer.broad import describes, held_topic, is_name, summarize
from bot.answer.topic import asks_what_it_is, broad_topic
from bot.answer.cast import asks_cast, cast
from bot.answer.common import asks_common, common
from bot.answer.compare import asks_comparison, compare
from bot.answer.neighbours import dated_before, named_before, pointed_ahead, pointed_at
from bot.answer.define import defined_term, named_thing
from bot.answer.example import gives_example
from bot.answer.reaction import reaction_topic, reacts_to_topic
from bot.answer.outlook import asks_outlook, outlook
from bot.answer.overview import asks_mentions, asks_overview, mentions, overview
from bot.answer.second import second_sentence
from bot.answer.followup import (around, asks_next, asks_who_said, nearest_typed, next_sentence, points_at_event,
                                 previous_sentences, refers_back, said_by, wants_more)
from bot.answer.policy import ANSWERED, NOT_FOUND, UNCERTAIN, decide
from bot.answer.provenance import asks_all_sources, asks_article, asks_source, credit_lines
from bot.answer.role import asks_for_leader, led_by
from bot.answer.speaker import (actor_terms, acts_in, asks_reaction, does_as_agent, does_as_subject, names_speaker,
                               reports_speech, says_as_subject, source_terms, speaks_as_subject, speaks_first)
from bot.answer.order import by_kind
from bot.answer.promote import (SPEAKER_WINDOW, definition_first, gives_role, naming_first, prefer_actor, promote_first,
                                reacts)
from bot.answer.gather import acting_sentences, naming_sentences, role_sentences, speaking_sentences
from bot.answer.act import holds_act, says_how_long
from bot.answer.reasons import gives_reason, states_consequence, tells_effect
from bot.answer.locate import placing_sentences, sentences_of_shape
from bot.answer.spelling import name_variants, respell
from bot.answer.unknown import unknown_names
from bot.answer.verbs import BE_FORMS, asks_whether_any, is_participle, verb_stated
from bot.library import Library, SentenceRow, prose_before
from bot.types import Citation, Passage
from index.terms import terms, words

WEIGHTS_FILE = Path(__file__).with_name("weights.json")
ABSTAIN_FEATURES = ("score", "cov", "cov_ctx", "cov_ctx_nv", "dense", "chunk_dense", "atype", "miss_ctx", "miss_passage",
                    "passage_cov", "miss_spec_ctx", "miss_spec_article", "margin", "verb_ok", "neg_gap", "antonym",
                    "name_swap")

# Abstention features that may veto an answer outright (eval/tune.py keeps those that help). Only positive
# evidence that the passage says otherwise: the question is negated and the sentence is not; an opposite of
# a question word; another name in the question's slot. A word the article lacks is weak evidence in
# questions written in other words than the article's (it cost RealTimeQA answers), so absence stays a
# feature of the model ("miss_spec_*").
GUARDS = ("neg_gap", "antonym", "name_swap")


@dataclass(frozen=True)
class Candidate:
    sentence_id: str
    article_id: str
    start: int
    end: int
    passage_rank: int
    features: dict
    score: float  # the sentence model's logit
    prob: float = 0.0  # softmax of the scores over this question's candidates: P(this sentence is the answer)


@dataclass(frozen=True)
class Extraction:
    abstained: bool
    chosen: tuple[Candidate, ...]  # the answer; for "uncertain", the closest sentence
    related: tuple[Candidate, ...]
    p_answer: float
    abstain_features: dict
    status: str = "answered"  # "answered" | "uncertain" | "not_found" (bot/answer/policy.py)
    unknown: tuple[str, ...] = ()  # names of the question no indexed article mentions (never "answered")


# "when will X ...", "what day will X ...": a question about the future
_WHEN_WILL = re.compile(r"(?i)^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:when|what\s+(?:day|date|time|month|year))\s+"
                        r"(?:will|would|is\s+\S+\s+going\s+to)\b")
# what a sentence says of the future: "will", "would", "is to be", "expected", "plans", "next", "until", "due"
_AHEAD = re.compile(r"(?i)\b(?:will|would|shall|going\s+to|(?:is|are|was|were)\s+to|expected|expects?|plans?|planned|"
                    r"scheduled|set\s+to|due|next|until|soon|later|upcoming|coming)\b|'ll\b")


# "what is the name of X", "what's X's name": a name asked for outright, which only a sentence giving one answers
_NAME_ASKED = re.compile(r"(?i)^\W*(?:what|which)(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?names?\s+of\b"
                         r"|^\W*what(?:'s|\s+is|\s+was)\s+.+['\u2019]s?\s+names?\b")


@lru_cache(maxsize=4)
def load_weights(path: str = str(WEIGHTS_FILE)) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _linear(model: dict, features: dict) -> float:
    return model["bias"] + sum(model["w"].get(k, 0.0) * v for k, v in features.items())


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(x, 40.0), -40.0)))


def candidates(lib: Library, q: Question, passages: list[Passage], qv: np.ndarray, weights: dict,
               extra: tuple = (), variants: dict | None = None) -> list[Candidate]:
    """Every sentence of the passages, scored, best first (a sentence in two overlapping chunks counts once).
    `extra`: more (SentenceRow, passage rank) pairs to score beside them (sentences elsewhere in the
    passages' articles). `variants`: the archive's other spellings of the question's names (spelling.py)."""
    rows = {}
    for rank, p in enumerate(passages):
        chunk = lib.chunks[p.chunk_id]
        for s in lib.sentences[p.article_id][chunk.first_sentence:chunk.last_sentence + 1]:
            # Headings, captions, pull quotes and page boilerplate help retrieval but are no answer.
            if s.kind == "body":
                rows.setdefault(s.id, (s, rank))
    for s, rank in extra:
        if s.kind == "body":
            rows.setdefault(s.id, (s, rank))
    vectors = lib.store.vectors("sentence", list(rows))
    out = []
    texts: dict[str, str] = {}  # article id -> its text, "Mehdi" read as the question's "Mahdi" (once an article)
    for sid, (s, rank) in rows.items():
        if s.article_id not in texts:
            texts[s.article_id] = respell(lib.articles[s.article_id].text, variants or {})
        text = texts[s.article_id]
        prev = prose_before(lib, s)
        previous = text[prev.start:prev.end] if prev else ""
        # "The cleric agreed ...": the person the article calls "cleric" is named by the sentence too.
        alias = named_by_title(text, text[s.start:s.end])
        if alias:
            previous = f"{previous} {alias}"
        vec = vectors.get(sid)
        dense = float(vec @ qv) if vec is not None else 0.0
        feats = sentence_features(q, text[s.start:s.end], previous, dense, rank, s.ordinal,
                                  passages[rank].dense_score)
        if q.atype == "date" and not feats["atype"] and s.ordinal > 0:
            # dated by the sentence before, which it goes on about (bot/answer/neighbours.py)
            feats["atype"] = 1.0 if dated_before(lib, q.words, s.article_id, s.start, s.end) else 0.0
        out.append(Candidate(sid, s.article_id, s.start, s.end, rank, feats, _linear(weights["sentence"], feats)))
    out.sort(key=lambda c: -c.score)
    if out:
        # The scorer was fitted listwise (softmax over a question's candidates): its softmax is the
        # probability that this sentence is the one that answers, which is what a citation score shows.
        z = np.exp(np.array([c.score for c in out]) - out[0].score)
        out = [replace(c, prob=float(p)) for c, p in zip(out, z / z.sum())]
    return out


def extract(lib: Library, q: Question, passages: list[Passage], qv: np.ndarray,
            weights: dict | None = None, previous: str = "") -> Extraction:
    """The answer to q from the passages. `previous`: the answer shown for the turn before, for a
    follow-up pointing back at it ("where did he say that?")."""
    weights = weights or load_weights()
    leader = asks_for_leader(q.text)
    variants = name_variants(lib.bm25, lib.words, q.text)  # "Mehdi" in an article is the question's "Mahdi"
    extra = role_sentences(lib, q, passages, variants) if leader else naming_sentences(lib, q, passages)
    # "Where did he say that?": the sentences around the previous answer may answer, the previous answer not.
    shown = previous_sentences(lib, passages, previous) if previous and refers_back(q.text) else []
    extra += around(lib, shown, whole=points_at_event(q.text))
    # "when did they do that?": the date may be in the previous answer's own sentence (below)
    # ... and "where did they do that?" the place (not for "where did he say that": what was said names places
    # other than where it was said)
    typed = q.atype in TYPED or (q.atype == "place" and not (q.verb_word and wordkinds.is_speech_verb(q.verb_word)))
    pointed = bool(shown) and typed and (points_at_event(q.text) or not wants_more(q.text))
    extra += tuple((s, 0) for s in shown) if pointed else ()
    # "Where is Normandy?": the sentences placing it, wherever they are ("Normandy, a region in France")
    passages, placing = placing_sentences(lib, q.text, passages)
    placed = {s.id for s, _ in placing}
    extra += placing
    # "What does Sadr want?": the sentences of the passages' articles where he does it, as their own verb's subject
    # ("how did people react to the truce" names no one reacting: anyone's stand on it answers, bot/answer/reaction.py)
    actor, verb = actor_terms(q.text) if not reaction_topic(q.text) else (frozenset(), "")
    acting = acting_sentences(lib, actor, verb, passages) if (
        actor and verb and verb not in ("do", "done") and not asks_reaction(verb) and not lexicon.related("say", verb)) \
        else ()
    extra += acting
    # "What did the US say about Sadr?": the sentences of the passages' articles where it speaks, wherever they are
    # ... about all else the question names ("Sadr"; "what strike did Sadr call for": a strike)
    if actor and verb and wordkinds.is_speech_verb(verb):
        extra += speaking_sentences(lib, actor, passages, frozenset(q.terms) - actor - set(terms(verb)))
    cands = candidates(lib, q, passages, qv, weights, extra, variants) if passages else []
    near = None
    if shown:
        repeated = {s.id for s in shown}
        # "when did it happen?", "when did they do that?": the date nearest to what the previous answer quoted,
        # in its article; the quoted sentence itself when it holds one ("handed control ... in December")
        near = nearest_typed(lib, shown, [c for c in cands if c.features["atype"] > 0]) if pointed else None
        cands = [c for c in cands if c.sentence_id not in repeated] or cands
        cands = [near, *(c for c in cands if c is not near)] if near else cands
    related = _related(cands)
    # "Who said that?": the previous answer's own sentence names the speaker (or the one before it does)
    if shown and asks_who_said(q.text):
        return _quoting(said_by(lib, shown), related)
    # "what came next?": the sentence after the previous answer's, in its article
    after = next_sentence(lib, shown) if shown and asks_next(q.text) else None
    if after:
        return _quoting([after], related)
    # "who wrote the Najaf story?": the article's credit lines (the one the previous answer quoted, else the
    # first retrieved)
    credits = credit_lines(lib, shown[0].article_id if shown else passages[0].article_id) \
        if asks_source(q.text, answered=bool(previous)) and passages else []
    # ... "list the sources": those of every article read, in the order read
    if not credits and asks_all_sources(q.text):
        credits = [s for a in dict.fromkeys(p.article_id for p in passages) for s in credit_lines(lib, a)]
    if credits:
        return _quoting(credits, related)
    # "which article says that?": the answer just given, quoted again (its citation names the article)
    if shown and asks_article(q.text):
        return _quoting(shown, related)
    # "what is Najaf", "why is Najaf important": the story saying what kind of place it is ("the Shi'ite holy
    # city of Najaf"), wherever in the archive, is among those summed up (its passages read after the others)
    topic = broad_topic(q.text)
    if topic and asks_what_it_is(q.text) and is_name(topic):
        passages, _ = sentences_of_shape(lib, topic, passages, lambda sentence: describes(sentence, topic))
    # "whats a reduction": the sentence defining the term goes first (the classic shape before any). A
    # broad question ("what is the p versus np problem") takes a looser "X is one of ..." for no
    # definition: a summary says more.
    definition = definition_first(lib, defined_term(q.text), cands, strict_only=bool(topic)) or naming_first(lib, q, cands)
    if definition:
        cands, topic = definition, None
    # "summarize the articles", "what's in the news": no topic named, the lead of each article
    # ... "which articles mention Sadr?": a sentence naming it from each article that does
    about = asks_mentions(q.text)
    summary = overview(lib, passages) if asks_overview(q.text) else mentions(lib, passages, about) if about else []
    # "who are the main players?": the sentences introducing the people involved
    cast_topic = asks_cast(q.text)
    if not summary and cast_topic is not None and passages:
        summary = cast(lib, passages, cast_topic)
    # "compare Najaf and Basra": what the articles say of each side, side by side
    sides = asks_comparison(q.text)
    if not summary and sides and passages:
        summary = compare(lib, passages, qv, sides)
    # "what do the articles have in common": the name most of them share, where each takes it up
    if not summary and asks_common(q.text) and passages:
        summary = common(lib, passages)
    # "what's next?" with nothing shown before: what the articles say lies ahead
    ahead = asks_outlook(q.text) if not shown else None
    if not summary and ahead is not None and passages:
        summary, topic = outlook(lib, passages, q.text), None
    summary_status = ANSWERED
    if topic and passages and not summary:
        summary = summarize(lib, topic, passages, qv, person=q.atype == "person",
                            shown=frozenset(s.id for s in shown), kind=asks_what_it_is(q.text))
        # "explain the Najaf deal", where the articles call it a truce: their summary of Najaf, as the
        # closest they come
        if not summary and (held := held_topic(lib, topic)):
            summary = summarize(lib, held, passages, qv, person=q.atype == "person",
                                shown=frozenset(s.id for s in shown))
            summary_status = UNCERTAIN
    if summary:
        chosen = tuple(Candidate(f"{a}:{s}", a, s, e, 0, {}, sc, 1.0 / len(summary)) for a, s, e, sc in summary)
        return Extraction(summary_status != ANSWERED, chosen, related, 1.0, {}, summary_status)
    if not cands or not q.terms:
        return Extraction(True, (), related, 0.0, {}, NOT_FOUND)
    speaker = actor if verb and wordkinds.is_speech_verb(verb) else frozenset()
    others = frozenset(q.terms) - actor - set(terms(verb))  # what else the question names
    names = frozenset(t for w in q.names for t in terms(w))
    cands = prefer_actor(lib, actor, verb, speaker, cands, others, names, frozenset(s.id for s, _ in acting))
    # "according to Senor, what will US forces do?": a sentence where the source speaks goes first
    source = source_terms(q.text) if not speaker else frozenset()
    if source:
        cands = promote_first(cands, [lambda c: says_as_subject(lib, source, c.article_id, c.start)], window=SPEAKER_WINDOW)
    # "What did Sadr agree to?" against "The cleric agreed to ...": X named doing the very act asked about;
    # "How did the government respond to Sadr?": X doing anything about it ("has welcomed Sadr's move").
    acts = bool(actor) and (
        (not lexicon.related("say", verb) and does_as_subject(lib, actor, verb, cands[0].article_id, cands[0].start))
        or (asks_reaction(verb) and reacts(lib, actor, others, cands[0], after=True))  # "respond" is "reply" too
        # ... to the names asked about, in other words ("... respond to Sadr's demands": "has welcomed Sadr's move")
        or (asks_reaction(verb) and bool(others & names) and reacts(lib, actor, others & names, cands[0]))
        # "What did Maliki say about Sadr's order?": X the subject of a sentence reporting speech, which (with
        # the sentence before: "calling it a step ..." after "... Sadr's order") names what it is about
        or (bool(speaker) and bool(others) and speaks_about(lib, speaker, others, names, cands[0], variants))
        # "what else did Sadr's spokesman say?" once some of it was shown: a sentence reporting speech that names
        # him, by a pronoun too, down a run of them ("He said ... He said anyone who ...")
        or (bool(speaker) and bool(shown) and wants_more(q.text) and reports_speech(lib, cands[0].article_id, cands[0].start)
            and names_speaker(lib, speaker, cands[0].article_id, cands[0].start)))
    cands = by_kind(lib, q, cands, leader, placed, near, variants)
    best, runner_up = choose_best(q, cands, weights)
    af = abstain_features(lib, q, best, passages, runner_up, variants)
    # "What are people in Sadr City doing?" against a sentence about another place: the best of the first
    # candidates about the place asked about answers instead, if there is one.
    if af.get("place_elsewhere", 0.0) > 0:
        def about_the_place(c: Candidate) -> bool:
            text, context = answer_context(lib, c, variants)
            return not place_elsewhere(q, context, text, text[c.start:c.end])
        elsewhere = [c for c in cands[:SPEAKER_WINDOW]
                     if c is not best and c.article_id == best.article_id and about_the_place(c)]
        if elsewhere:
            cands = [elsewhere[0], *(c for c in cands if c is not elsewhere[0])]
            best, runner_up = choose_best(q, cands, weights)
            af = abstain_features(lib, q, best, passages, runner_up, variants)
    p = _sigmoid(_linear(weights["abstain"], af))
    vetoed = False
    # Guard, measured on SQuAD 2.0 and the gold set (eval/tune.py): a "how many" / "when" question
    # whose candidates hold no number / date is not answered by them.
    # ("when was the press conference?": a sentence going on about the one before is dated by it)
    dated = dated_before(lib, q.words, best.article_id, best.start, best.end) if q.atype == "date" else None
    if weights["abstain"].get("require_type") and q.atype in TYPED and not best.features["atype"] and not dated:
        p, vetoed = 0.0, True
    # Guards (GUARDS), each kept only when it helps on the training data (eval/tune.py): the question asks
    # about what the passage does not say.
    # A yes/no question is answered by a sentence saying the opposite ("are shops open?" / "shops were
    # closed"): no antonym veto for it.
    elif any(af.get(g, 0.0) > 0 for g in weights["abstain"].get("guards", ())
             if not (g == "antonym" and _YES_NO.match(q.text))):
        p, vetoed = 0.0, True
    # Override, kept only when it helps on the training data (eval/tune.py): a sentence that, with the
    # one before it, holds every term of the question and every name, and the main verb or a word WordNet
    # lets stand in for it ("demand" -> "asked", not "lifted" -> "imposed"), answers it.
    elif weights["abstain"].get("answer_when_covered") and covered(best, af):
        p = 1.0
    status = decide(p, vetoed, best.features, af, weights)
    # "Who runs X?" answered by a sentence giving someone a title over X: the role is the evidence (the
    # topic check counts the question's verb, which no such sentence holds).
    if leader and not vetoed and (gives_role(lib, q, best) or gives_role(lib, q, best, loose=True)
                                  or led_by(q, respell(lib.articles[best.article_id].text[best.start:best.end], variants))):
        status = ANSWERED
    # The person asked about doing what the question asks, or the term's definition: the shape of the
    # sentence is the evidence that it answers, however few of the question's other words it repeats
    # (and that its article is on the question's topic); a veto still refuses.
    # Every name and number of the question must be in its article ("... in 1995?" is not); a rare word
    # may be paraphrased ("the Najaf standoff" / "the crisis").
    # So is a consequence stated for the condition asked about ("what happens to fighters who keep their
    # weapons": "anyone who continues carrying weapons ... will not be part of ..."), or a reason given for the
    # act a why-question asks about ("... ordering an end to the fighting in order to stop Iraqi bloodshed").
    # So is what followed the thing a "did X work?" asks about ("After the cleric's order went out, fighting
    # appeared to have slacked off ...").
    # So is, for "who pushed Sadr to ...?", a sentence doing the act to every name the question gives
    # ("... pushing cleric Muqtada al-Sadr to offer terms"; the doer may be no name: "Shipping firms").
    if (status != ANSWERED and not vetoed and best is cands[0]
            and (acts or definition or states_consequence(lib, q, best) or gives_reason(lib, q, best)
                 or tells_effect(lib, q, best)
                 or does_to_named(lib, q, best, variants) or reacts_to_topic(lib, q, best)
                 or says_how_long(lib, q, best, whole_topic=True) or gives_example(lib, q, best)
                 or best.sentence_id in placed)
            and missing_names(q, set(terms(respell(lib.articles[best.article_id].text, variants)))) == 0):
        status = ANSWERED
    # "How many were killed in the clashes in Kut?" against a sentence about Basra's clashes, the article
    # naming Kut elsewhere: the sentence is about another place, at best close to the question.
    if status == ANSWERED and af.get("place_elsewhere", 0.0) > 0:
        status = UNCERTAIN
    # "did the government release the prisoners?" against "he asked the government to release Mahdi Army
    # prisoners": the act asked about is only requested there, not done: at best close to the question.
    # ("was an amnesty declared?": the passive's participle is the act)
    # ("are they leaving?": the present participle of a progressive)
    act = (q.verb_word if q.verb_word not in BE_FORMS else None) or next(
        (w for w in reversed(q.sequence) if w not in BE_FORMS and (is_participle(w) or (
            w.endswith("ing") and lexicon.is_verb(w)))), None)
    if (status == ANSWERED and _YES_NO.match(q.text) and act
            and only_requested(act, lib.articles[best.article_id].text[best.start:best.end])):
        status = UNCERTAIN
    # "did the government agree?" against "The cleric agreed to ...": someone else doing the act asked about is
    # no yes or no for the one asked about
    if (status == ANSWERED and _YES_NO.match(q.text) and actor and verb and verb not in ("do", "done")
            and not does_as_subject(lib, actor, verb, best.article_id, best.start)
            # (or its passive's agent: "... was greeted ... by the embattled residents")
            and not does_as_agent(lib, actor, verb, best.article_id, best.start)
            and not (wordkinds.is_speech_verb(verb) and (speaks_as_subject(lib, actor, best.article_id, best.start)
                                                        or says_as_subject(lib, actor, best.article_id, best.start)))):
        status = UNCERTAIN
    # "how did Sadr respond?" against "The Iraqi government has welcomed Sadr's move": someone else reacting is no
    # answer for the one asked about, who must act in it (or be its passive's agent: "... greeted with cautious
    # relief by the embattled residents")
    if status == ANSWERED and actor and verb and asks_reaction(verb) and not acts_in(lib, actor, best.article_id, best.start):
        status = UNCERTAIN
    # "who runs the green zone?" against "... fire have also slammed into the heavily fortified Green Zone
    # government ...": a who-question's sentence naming no one new and holding nothing standing in for its verb
    if (status == ANSWERED and q.atype == "person" and not best.features["atype"] and not af.get("verb_ok", 1.0)):
        status = UNCERTAIN
    # "where is the green zone?" against "... slammed into the heavily fortified Green Zone government and diplomatic
    # compound": a where-question's sentence naming no place the question does not is at best close
    # (a name opening the sentence is a place too: "Brazil's polarizing presidential race will go to ...")
    if status == ANSWERED and q.atype == "place" and not best.features["atype"] and not _opens_with_name(
            lib.articles[best.article_id].text[best.start:best.end], q):
        status = UNCERTAIN
    # "what was the operation in Najaf dubbed?" against a sentence naming nothing of the kind, its context holding
    # no word for naming (the Basra article's "the operation, dubbed ..." is about another place)
    # ... nor, asked for a name outright ("what is the name of the shrine in najaf"), a sentence giving none
    # (a thing's: a person's name comes with a title, "VOA Correspondent Challiss McDonough", names_it reads none)
    if status == ANSWERED and not definition and (head := named_thing(q.text)) and (
            not af.get("verb_ok", 1.0) or (_NAME_ASKED.match(q.text) and not wordkinds.is_person_noun(head))):
        status = UNCERTAIN
    # "what was the reaction to the curfew?" against "... a citywide curfew in Baghdad is to be lifted": a sentence
    # where no one takes a stand on the thing is no reaction to it
    if status == ANSWERED and reaction_topic(q.text) and not reacts_to_topic(lib, q, best):
        status = UNCERTAIN
    # "was Sadr arrested?" against "... his order ... would in turn stop the raids and arrests of militia members":
    # a yes or no about a name (number, rare word) the sentence and its context hold none of is no yes or no
    # (for other questions that cost right answers: the answer may name them otherwise)
    if status == ANSWERED and af.get("miss_spec_ctx", 0.0) >= 1.0 and _YES_NO.match(q.text):
        status = UNCERTAIN
    # "when will the british troops leave?" against "British troops handed control ... in December": a past date is
    # no answer to when something will be; the sentence must look ahead ("is to be lifted early Monday")
    if (status == ANSWERED and _WHEN_WILL.match(q.text)
            and not _AHEAD.search(lib.articles[best.article_id].text[best.start:best.end])):
        status = UNCERTAIN
    # "what else did Senor say?" once all his words were shown: a sentence not naming him (itself, by title, by a
    # pronoun after one that does) is nothing else he said.
    # Nor, for "what did Sistani say about the offensive in Basra?", is "The prime minister issued a statement saying
    # the offensive was targeting ...": what a name said, in a sentence that names them nowhere, is someone else's
    # words (a speaker by a common noun is left to the scorer: "what did Sadr's people promise" is answered by "He
    # said he was ordering ..." after his aide's words)
    if (status == ANSWERED and speaker
            and ((shown and wants_more(q.text)) or speaker <= {t for w in q.names for t in terms(w)})
            and not names_speaker(lib, speaker, best.article_id, best.start)):
        status = UNCERTAIN
    # "where else is there a curfew?" once the curfews elsewhere were shown: a sentence holding nothing of the
    # question itself (only the sentence before it does) is nothing more on it ("Angry protesters took to ...")
    if shown and wants_more(q.text) and not speaker and not best.features.get("cov", 1.0):
        status = NOT_FOUND
    # "what did Sistani's spokesman say?" against "... those loyal to ... al-Sistani to ask the militia to leave":
    # a speaker named by a kind of person narrowed by a name is not there when the sentence and its context name
    # no such person ("Sadr spokesman Hazem al-Aaraji ..." does)
    role = {t for t in speaker if (w := q.term_words.get(t, "")) and w not in q.names and wordkinds.is_person_noun(w)}
    if (status == ANSWERED and role and speaker - role and not role & set(terms(answer_context(lib, best, variants)[1]))
            and not names_speaker(lib, speaker, best.article_id, best.start)):  # ("He said ... He said ...")
        status = UNCERTAIN
    # "what did Abu Faris say about the US?" against his words naming no American: what someone said about a name
    # the sentence and its context do not hold is not there
    spoke_of = _SAID_ABOUT.search(q.text) if status == ANSWERED and speaker else None
    if spoke_of and (named := {t for w in re.findall(r"\b[A-Z][\w'\-]*", spoke_of.group(1)) for t in terms(w)}):
        _, context = answer_context(lib, best, variants)
        if not named <= set(terms(context)):
            status = UNCERTAIN
    # "what weapons did the Mahdi Army use?" against "... the Mahdi Army remained in firm control": a sentence
    # naming nothing of the kind asked for is at best close to the question
    if status == ANSWERED and lacks_kind(q.text, lib.articles[best.article_id].text[best.start:best.end]):
        status = UNCERTAIN
    # "did anyone die in Najaf?": whoever it was, the sentence itself must tell of the act (or a stand-in:
    # "killed"; not "Najaf siege ends in truce" before it)
    if (status == ANSWERED and asks_whether_any(q.text)
            and not verb_stated(q, words(lib.articles[best.article_id].text[best.start:best.end]))):
        status = UNCERTAIN
    # A place, person or event no article mentions: the archive does not say it, however close the rest
    # comes; the closest sentence is still shown, as such ("Spain" may be the "Iberian Peninsula").
    unknown = tuple(unknown_names(lib, q))
    if unknown and status == ANSWERED:
        status = UNCERTAIN
    # "Indeed, this is the statement of the Church-Turing thesis.": a sentence whose subject points back
    # says what it is about in the sentence before, which goes first.
    # ... so does the one naming who "He" is, for a who-question asking who did something ("who said ...": "He said
    # Sadr's group was calling ..."; not "who did Edward make archbishop": "He" is Edward)
    named = named_before(lib, best.article_id, best.start, best.end) if _WHO_DID.match(q.text) else None
    before = _beside(best, pointed_at(lib, best.article_id, best.start, best.end) or dated or named)
    opening = (before, best) if before else (best,)
    # "An example of a decision problem is the following.": what it announces is the sentence after it
    after = _beside(best, pointed_ahead(lib, best.article_id, best.start, best.end))
    opening += (after,) if after else ()
    if status != ANSWERED:
        # "uncertain" still shows the closest sentence, cited; the related list holds the others.
        chosen = opening if status == UNCERTAIN else ()
        return Extraction(True, chosen, tuple(c for c in related if c not in chosen), p, af, status, unknown)
    # a definition or a name is one sentence; so is what follows for whoever does something ("anyone who
    # continues carrying weapons ... will not be part of the Sadrist movement")
    single = bool(definition) or states_consequence(lib, q, best)
    second = None if single else second_sentence(lib, q, best, opening, cands, weights.get("second", {}),
                                                      speaker, leader)
    return Extraction(False, opening + ((second,) if second else ()), related, p, af)


_SAID_ABOUT = re.compile(r"(?i)\b(?:about|on|regarding|concerning)\s+(.+?)[\s?.!]*$")
_YES_NO = re.compile(r"^\W*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b", re.I)


def speaks_about(lib: Library, speaker: frozenset[str], about: frozenset[str], names: frozenset[str],
                 c: Candidate, variants: dict) -> bool:
    """Is the speaker the subject of the candidate, a sentence reporting speech, which (with the sentence
    before it) names every name of `about`, what the question asks them to speak of, and one of its other
    words ("Sadr's move" for "Sadr's order": a word may be put otherwise, a name not)?"""
    if not speaks_first(lib, speaker, c.article_id, c.start):
        return False
    held = set(terms(answer_context(lib, c, variants)[1]))
    return bool(about & held) and about & names <= held


def does_to_named(lib: Library, q: Question, c: Candidate, variants: dict) -> bool:
    """Does the candidate hold a who-question's act (act.holds_act) and every name of the question?"""
    names = {t for w in q.names for t in terms(w)}
    return (bool(names) and holds_act(lib, q, c)
            and names <= set(terms(respell(lib.articles[c.article_id].text[c.start:c.end], variants))))


def _quoting(rows: list[SentenceRow], related: tuple) -> Extraction:
    """An answer that is these sentences, by the shape of the question alone (who said it, what came next, the
    credit line), not scored."""
    chosen = tuple(Candidate(s.id, s.article_id, s.start, s.end, 0, {}, 1.0, 1.0 / len(rows)) for s in rows)
    return Extraction(False, chosen, related, 1.0, {}, ANSWERED)


def _beside(best: Candidate, row: SentenceRow | None) -> Candidate | None:
    """The sentence `row` (bot/answer/neighbours.py), cited beside `best` with its scores; None for no row."""
    if row is None:
        return None
    return Candidate(row.id, row.article_id, row.start, row.end, best.passage_rank, {}, best.score, best.prob)


# "who said ...", "who repeated ...": who, then the act (no auxiliary: "who did Edward make ...", "who was ...")
_WHO_DID = re.compile(r"(?i)^\W*who\s+(?!(?:did|does|do|is|are|was|were|will|would|has|have|had|can|could|should)\b)"
                      r"[a-z]+\b")


def choose_best(q: Question, cands: list[Candidate], weights: dict) -> tuple[Candidate, Candidate | None]:
    """The best candidate and the runner-up. For a "how many" / "when" question (with the answer-type
    guard on) the best is the highest-scoring sentence that holds a number / date, when there is one."""
    if weights["abstain"].get("require_type") and q.atype in TYPED and not cands[0].features["atype"]:
        typed = next((c for c in cands if c.features["atype"]), None)
        if typed is not None:
            rest = [c for c in cands if c is not typed]
            return typed, rest[0] if rest else None
    return cands[0], cands[1] if len(cands) > 1 else None


def _opens_with_name(sentence: str, q: Question) -> bool:
    """Does the sentence open with a name the question does not hold (a word WordNet knows only as a particular or
    first as a country, or none it knows at all)?"""
    first = re.match(r"\W*([A-Z][a-z]+)", sentence)
    word = first.group(1).lower() if first else ""
    return bool(word) and word not in q.words and (wordkinds.is_proper_noun(word) or wordkinds.is_land(word)
                                                   or not known_word(word))


def covered(best: Candidate, af: dict) -> bool:
    return (af["cov_ctx_nv"] >= 0.999 and af["miss_spec_ctx"] == 0 and best.features["atype"] > 0
            and af.get("verb_near", af.get("verb_ok", 1.0)) > 0)


def _related(cands: list[Candidate], limit: int = 3) -> tuple[Candidate, ...]:
    """The best sentence of each of the first passages: "related, but not an answer"."""
    seen, out = set(), []
    for c in cands:
        if c.passage_rank not in seen:
            seen.add(c.passage_rank)
            out.append(c)
        if len(out) == limit:
            break
    return tuple(out)


def cite(lib: Library, chosen: tuple[Candidate, ...]) -> tuple[Citation, ...]:
    out = []
    for n, c in enumerate(chosen, start=1):
        art = lib.articles[c.article_id]
        out.append(Citation(n=n, article_id=art.id, title=art.title, source=art.source, start=c.start, end=c.end,
                            quote=art.text[c.start:c.end], score=c.prob, date=art.date))
    return tuple(out)
