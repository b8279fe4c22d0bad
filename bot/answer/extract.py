"""The offline answerer: pick the sentence(s) that answer the question, quote them exactly, or abstain.

For every sentence of the retrieved passages we compute features (bot/answer/features.py): how much of the
question it covers, alone and with the sentence before it (its subject often lives there: "In
exchange, he asked ..."), its embedding similarity, the rank of its passage, whether it holds the
expected answer type, and what it adds beyond the question. A logistic model scores sentences; a
second one, over the best sentence and what the passage lacks, decides whether to answer at all (the two
models, their features and weights: bot/answer/scoring.py). What the best sentence says may then override
that decision (bot/answer/overrides.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from bot.answer.abstain import abstain_features, answer_context
from bot.answer.question import TYPED, Question
from bot.answer.guards import asked_places, place_elsewhere
from bot.answer import lexicon, wordkinds
from bot.answer.broad import describes, held_topic, is_name, summarize
from bot.answer.topic import asks_what_it_is, broad_topic
from bot.answer.cast import CARRIED, asks_cast, cast
from bot.answer.common import asks_common, common
from bot.answer.compare import asks_comparison, compare
from bot.answer.neighbours import (counted_before, dated_before, named_before, pointed_ahead, pointed_at,
                                   spelled_out)
from bot.answer.mood import asks_mood, mood_sentences
from bot.answer.deal import asks_terms, deal_terms
from bot.answer.define import defined_term
from bot.answer.reaction import reaction_topic
from bot.answer.outlook import asks_outlook, outlook
from bot.answer.overview import asks_mentions, asks_overview, mentions, overview
from bot.answer.second import second_sentence
from bot.answer.followup import (around, asks_next, asks_who_said, nearest_typed, next_sentence, points_at_event,
                                 previous_sentences, refers_back, said_by, setting_near, spoken_where,
                                 wants_more)
from bot.answer.policy import ANSWERED, NOT_FOUND, UNCERTAIN, decide
from bot.answer.provenance import asks_all_sources, asks_article, asks_source, credit_lines
from bot.answer.role import asks_for_leader
from bot.answer.actor import actor_terms, asks_reaction, asks_view, source_terms
from bot.answer.speaker import does_as_subject, names_speaker, reports_speech, says_as_subject, speaks_first
from bot.answer.order import by_kind
from bot.answer.promote import SPEAKER_WINDOW, definition_first, naming_first, prefer_actor, promote_first, reacts
from bot.answer.hearsay import others_words_last
from bot.answer.gather import (acting_sentences, consequence_sentences, naming_sentences, role_sentences,
                               speaking_sentences)
from bot.answer.reasons import states_consequence
from bot.answer.locate import placing_sentences, sentences_of_shape
from bot.answer.spelling import name_variants
from bot.answer.unknown import unknown_names
from bot.answer.overrides import YES_NO, override_status
from bot.answer.said_about import said_about_first, says_of_topic
from bot.answer.scoring import Candidate, candidates, choose_best, covered, linear, load_weights, sigmoid
from bot.library import Library, SentenceRow
from bot.types import Citation, Passage
from index.terms import stopwords, terms, words


@dataclass(frozen=True)
class Extraction:
    abstained: bool
    chosen: tuple[Candidate, ...]  # the answer; for "uncertain", the closest sentence
    related: tuple[Candidate, ...]
    p_answer: float
    abstain_features: dict
    status: str = "answered"  # "answered" | "uncertain" | "not_found" (bot/answer/policy.py)
    unknown: tuple[str, ...] = ()  # names of the question no indexed article mentions (never "answered")


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
    # "what happens to people who keep fighting": the sentences stating a consequence of that condition
    extra += consequence_sentences(lib, q, passages)
    # "What did the US say about Sadr?": the sentences of the passages' articles where it speaks, wherever they are
    # ... about all else the question names ("Sadr"; "what strike did Sadr call for": a strike)
    if actor and verb and wordkinds.is_speech_verb(verb):
        extra += speaking_sentences(lib, actor, passages, frozenset(q.terms) - actor - set(terms(verb)))
    cands = candidates(lib, q, passages, qv, weights, extra, variants) if passages else []
    near = setting = None
    if shown:
        repeated = {s.id for s in shown}
        # "when did it happen?", "when did they do that?": the date nearest to what the previous answer quoted,
        # in its article; the quoted sentence itself when it holds one ("handed control ... in December")
        near = nearest_typed(lib, shown, [c for c in cands if c.features["atype"] > 0]) if pointed else None
        # ... a place or date named, when the question has no word of its own ("where was that?", below)
        setting = setting_near(lib, shown, cands, q.atype) if pointed and not q.terms else None
        cands = [c for c in cands if c.sentence_id not in repeated] or cands
        cands = [near, *(c for c in cands if c is not near)] if near else cands
    related = _related(cands)
    # "where did he say that?" after "Speaking at a press conference in Baghdad, Senor confirmed ...": the previous
    # answer's own sentence tells where it was said (was the sentence before it, "... Dan Senor, said on Thursday ...")
    spoken_at = [s for s in shown if spoken_where(lib.articles[s.article_id].text[s.start:s.end])] \
        if shown and q.atype == "place" and q.verb_word and wordkinds.is_speech_verb(q.verb_word) else []
    if spoken_at:
        return _quoting(spoken_at[:1], related)
    # "Who said that?": the previous answer's own sentence names the speaker (or the one before it does)
    # ... and when none of them reports speech, nor has a verb that may say something ("threatening", "dubbed"):
    # "The ceasefire is seen as having a significant role ..." is said by no one, the sentence is the closest they come
    if shown and asks_who_said(q.text):
        rows = said_by(lib, shown)
        spoken = any(reports_speech(lib, s.article_id, s.start)
                     or _may_say_it(lib.articles[s.article_id].text[s.start:s.end]) for s in rows)
        return _quoting(rows, related, ANSWERED if spoken else UNCERTAIN)
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
    # "what are the terms of the truce": what each side agreed to, in the article holding the deal
    if not summary and passages and (deal := asks_terms(q.text)) is not None:
        summary = deal_terms(lib, passages, deal)
        topic = None if summary else topic
    # "what's the mood in Najaf": the words of feeling in the story telling of the place
    if not summary and passages and (place := asks_mood(q.text)):
        summary = mood_sentences(lib, passages, place)
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
    # "how many were wounded" + "where was that?" ("where did it happen"): no word of its own to weigh a sentence
    # by, the place (date) nearest to what the previous answer quoted, in its article, answers (was "not found")
    if setting:
        return Extraction(False, (setting,), related, 1.0, {}, ANSWERED)
    if not cands or not q.terms:
        return Extraction(True, (), related, 0.0, {}, NOT_FOUND)
    # (not "who will the Mahdi Army talk to": whom they speak to is asked, not what they said)
    speaker = actor if verb and wordkinds.is_speech_verb(verb) and not _ADDRESSEE.match(q.text) else frozenset()
    others = frozenset(q.terms) - actor - set(terms(verb))  # what else the question names
    names = frozenset(t for w in q.names for t in terms(w))
    carried = frozenset(t for m in CARRIED.findall(q.text) for t in terms(m))
    cands = prefer_actor(lib, actor, verb, speaker, cands, others, names, frozenset(s.id for s, _ in acting), carried)
    # ... not someone else's words naming X ("did the government say ...?" is still shown the closest of them; a
    # topic carried over is weighed by answering the question alone as well, bot/answer/carry.py)
    if not YES_NO.match(q.text) and not carried:
        cands = others_words_last(lib, speaker, names, verb, others, cands)
    # "what did Hazem al-Aaraji say about weapons": his words holding weapons, not his first words (said_about.py)
    cands = said_about_first(lib, q.text, speaker, cands)
    # "according to Senor, what will US forces do?": a sentence where the source speaks goes first
    source = source_terms(q.text) if not speaker else frozenset()
    if source:
        cands = promote_first(cands, [lambda c: says_as_subject(lib, source, c.article_id, c.start)], window=SPEAKER_WINDOW)
    # "What did Sadr agree to?" against "The cleric agreed to ...": X named doing the very act asked about;
    # "How did the government respond to Sadr?": X doing anything about it ("has welcomed Sadr's move").
    acts = bool(actor) and (
        # (an act standing in for reacting, in an article never naming what the question names, is no reaction to
        # it: "how did Maliki react to the truce" is not answered by "Mr. Maliki acknowledged that he was caught off
        # guard ...")
        (not lexicon.related("say", verb)
         and not (asks_reaction(verb) and not others <= set(terms(lib.articles[cands[0].article_id].text)))
         and does_as_subject(lib, actor, verb, cands[0].article_id, cands[0].start))
        # ("respond" is "reply" too; "what does X think of Y": a stand taken, or words, asks_view)
        or (asks_reaction(verb) and reacts(lib, actor, others, cands[0], after=True, view=asks_view(verb)))
        # ... to the names asked about, in other words, by the sentence before too ("... respond to Sadr's demands":
        # "has welcomed Sadr's move"; "how did Maliki react to Sadr's order": "... calling it a step ..." after it)
        or (asks_reaction(verb) and bool(others & names)
            and reacts(lib, actor, others & names, cands[0], after=True, view=asks_view(verb)))
        # "What did Maliki say about Sadr's order?": X the subject of a sentence reporting speech, which (with
        # the sentence before: "calling it a step ..." after "... Sadr's order") names what it is about
        or (bool(speaker) and bool(others) and speaks_about(lib, speaker, others, names, cands[0], variants))
        # ... or of the topic asked about, as "He said ..." after a sentence naming X ("He said anyone who continues
        # carrying weapons ..." for "what did Hazem al-Aaraji say about weapons")
        or (bool(speaker) and says_of_topic(lib, q.text, speaker, cands[0]))
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
        # (one still holding a word of the question: "is there a curfew in najaf" is not answered by "Sadr's
        # spokesman said the fighters would not be turning in their guns", after a sentence naming Najaf)
        # (a word other than the place: "which compound in Baghdad was hit by mortar and rocket fire" is not answered
        # by "Iraqi authorities say a citywide curfew in Baghdad is to be lifted early Monday")
        others = set(q.terms) - asked_places(q.text)
        elsewhere = [c for c in cands[:SPEAKER_WINDOW] if c is not best and c.article_id == best.article_id
                     and set(terms(lib.articles[c.article_id].text[c.start:c.end])) & others and about_the_place(c)]
        if elsewhere:
            cands = [elsewhere[0], *(c for c in cands if c is not elsewhere[0])]
            best, runner_up = choose_best(q, cands, weights)
            af = abstain_features(lib, q, best, passages, runner_up, variants)
    p = sigmoid(linear(weights["abstain"], af))
    vetoed = False
    # Guard, measured on SQuAD 2.0 and the gold set (eval/tune.py): a "how many" / "when" question
    # whose candidates hold no number / date is not answered by them.
    # ("when was the press conference?": a sentence going on about the one before is dated by it)
    dated = dated_before(lib, q.words, best.article_id, best.start, best.end) if q.atype == "date" else None
    if weights["abstain"].get("require_type") and q.atype in TYPED and not best.features["atype"] and not dated:
        p, vetoed = 0.0, True
    # Guards (GUARDS, bot/answer/scoring.py), each kept only when it helps on the training data (eval/tune.py):
    # the question asks about what the passage does not say.
    # A yes/no question is answered by a sentence saying the opposite ("are shops open?" / "shops were
    # closed"): no antonym veto for it.
    elif any(af.get(g, 0.0) > 0 for g in weights["abstain"].get("guards", ())
             if not (g == "antonym" and YES_NO.match(q.text))):
        p, vetoed = 0.0, True
    # Override, kept only when it helps on the training data (eval/tune.py): a sentence that, with the
    # one before it, holds every term of the question and every name, and the main verb or a word WordNet
    # lets stand in for it ("demand" -> "asked", not "lifted" -> "imposed"), answers it.
    elif weights["abstain"].get("answer_when_covered") and covered(best, af):
        p = 1.0
    status = decide(p, vetoed, best.features, af, weights)
    # What the best sentence says overrides that: its shape is evidence that it answers, or that it does not
    # (bot/answer/overrides.py)
    status = override_status(status, lib, q, best, cands, af, vetoed, variants, leader=leader, acts=acts,
                             definition=definition, placed=placed, actor=actor, verb=verb, speaker=speaker,
                             shown=shown)
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
    # ... and "what are the three steps", answered by the third, the one before telling of the second
    before = _beside(best, pointed_at(lib, best.article_id, best.start, best.end) or dated or named
                     or counted_before(lib, q.text, best.article_id, best.start, best.end))
    opening = (before, best) if before else (best,)
    # "An example of a decision problem is the following.": what it announces is the sentence after it
    # ... and "what terms did Sadr offer", answered by "... to offer terms for withdrawal ...", what they are after it
    after = _beside(best, pointed_ahead(lib, best.article_id, best.start, best.end)
                    or spelled_out(lib, q.text, best.article_id, best.start, best.end))
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


def speaks_about(lib: Library, speaker: frozenset[str], about: frozenset[str], names: frozenset[str],
                 c: Candidate, variants: dict) -> bool:
    """Is the speaker the subject of the candidate, a sentence reporting speech, which (with the sentence
    before it) names every name of `about`, what the question asks them to speak of, and one of its other
    words ("Sadr's move" for "Sadr's order": a word may be put otherwise, a name not)?"""
    if not speaks_first(lib, speaker, c.article_id, c.start):
        return False
    held = set(terms(answer_context(lib, c, variants)[1]))
    return bool(about & held) and about & names <= held


def _may_say_it(sentence: str) -> bool:
    """Does the sentence hold a verb that may say something ("threatening", "dubbed"; no stop word: "having")?"""
    return any(wordkinds.may_say(w) for w in set(words(sentence)) if w.isalpha() and w not in stopwords())


def _quoting(rows: list[SentenceRow], related: tuple, status: str = ANSWERED) -> Extraction:
    """An answer that is these sentences, by the shape of the question alone (who said it, what came next, the
    credit line), not scored."""
    chosen = tuple(Candidate(s.id, s.article_id, s.start, s.end, 0, {}, 1.0, 1.0 / len(rows)) for s in rows)
    return Extraction(status != ANSWERED, chosen, related, 1.0, {}, status)


def _beside(best: Candidate, row: SentenceRow | None) -> Candidate | None:
    """The sentence `row` (bot/answer/neighbours.py), cited beside `best` with its scores; None for no row."""
    if row is None:
        return None
    return Candidate(row.id, row.article_id, row.start, row.end, best.passage_rank, {}, best.score, best.prob)


# "who will they talk to", "who did Sadr speak with": the one spoken to, asked for
_ADDRESSEE = re.compile(r"(?i)^\W*(?:(?:and|so|but)\s+)?(?:who|whom)\b.*\b(?:to|with)\s*(?:\(.*\))?\s*[?.!]*\s*$")


# "who said ...", "who repeated ...": who, then the act (no auxiliary: "who did Edward make ...", "who was ...")
_WHO_DID = re.compile(r"(?i)^\W*who\s+(?!(?:did|does|do|is|are|was|were|will|would|has|have|had|can|could|should)\b)"
                      r"[a-z]+\b")


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
