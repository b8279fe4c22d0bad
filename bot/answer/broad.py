"""Broad questions ("What happened in Basra?", "Tell me about the Najaf truce", "Who is Hazem al-Aaraji?"):
answered by two to four sentences of the most relevant article(s), each cited, in article order, no two
saying the same thing. A single best sentence is the wrong shape for them. Which questions are broad, and
what their topic is, is told in topic.py."""

from __future__ import annotations

import re

import numpy as np

from bot.answer import lexicon, wordkinds
from bot.answer.aliases import introduces
from bot.answer.features import coverage, held_terms
from bot.answer.narrow import lesser
from bot.answer.question import Question, analyse_question, known_word
from bot.answer.provenance import credit_lines
from bot.answer.role import role_words, writes_role
from bot.library import Library
from bot.types import Passage
from index.terms import stopwords, terms, words

SENTENCES_MIN, SENTENCES_MAX = 2, 4
TOPIC_MIN = 0.6  # idf-weighted share of the topic's terms an article must hold to be summed up
SENTENCE_MIN = 0.3  # ... and each sentence of the summary
SAME = 0.5  # share of content terms two sentences share above which the second says the same thing
INTRODUCES = 0.3  # "who is X?": bonus for a sentence giving X a title ("Shi'ite cleric Moqtada al-Sadr")


# "the neighborhood", "the district", "there": a place named by the sentence before
_PLACE_AGAIN = re.compile(r"(?i)\b(?:the|this|that)\s+(?:neighbo(?:u)?rhood|district|city|town|area|province|region|"
                          r"village|quarter|slum|suburb)\b|\bthere\b(?!\s+(?:is|are|was|were|will|has|have|had)\b)")


PERSON_LOOKUP = 5  # how many of the topic's articles are read for a title given to a name, the topic


def summarize(lib: Library, topic: str, passages: list[Passage], qv: np.ndarray,
              person: bool = False, shown: frozenset[str] = frozenset(),
              kind: bool = False) -> list[tuple[str, int, int, float]]:
    """(article_id, start, end, score) of the sentences that sum up `topic`, in article order.

    The article is the one whose passages rank best; its body sentences are scored by how much of the
    topic they hold and how close they are to the question in meaning, with a small bonus for the lead.
    A second article adds its best sentence when the first has too few on the topic. For a person ("who is
    X?"), sentences giving X a title come first. Sentences whose ids are in `shown` (the previous answer, for
    "tell me more") are left out.

    A topic carried from the turn before, in parentheses ("the second step (Moqtada al-Sadr)"), is no part of
    what the sentences must hold: the articles holding it come first."""
    topic, carried = _carried(topic)
    t = analyse_question(topic, lib.bm25.idf, lambda term: lib.bm25.doc_freq(term) > 0)
    if not t.terms:
        return []
    # Articles whose text holds most of the topic, in retrieval order.
    # Every name of the topic must be in the article: "who is Sadr's father" is no summary of an article
    # about someone else's father.
    # ... and a role its words together: "who is the iraqi defence minister" is no summary of an article holding
    # "self-defence" and "Prime Minister" (role.role_words)
    role = role_words(topic)
    articles = [a for a in dict.fromkeys(p.article_id for p in passages)
                if coverage(t, ts := _body_terms(lib, a, t.unseen)) >= TOPIC_MIN
                and all(n in ts or known_word(t.term_words.get(n, n)) for n in t.specific)
                and writes_role(lib.articles[a].text, role)]
    # A first article that names the topic in passing gives way to one of the next that tells of it: "what's
    # going on in Najaf these days" is summed up from the story set in Najaf, not from the one naming Najaf
    # once and ranked first for "10 days"
    if articles and _telling(lib, t, articles[0]) <= PASSING:
        telling = [a for a in articles[1:TOPIC_LOOKUP] if _telling(lib, t, a) >= SENTENCES_MIN + 1]
        if telling:
            articles.remove(telling[0])
            articles.insert(0, telling[0])
    if carried:  # (a stable sort: retrieval order within each)
        c = analyse_question(carried, lib.bm25.idf, lambda term: lib.bm25.doc_freq(term) > 0)
        articles.sort(key=lambda a: coverage(c, _body_terms(lib, a, c.unseen)) < TOPIC_MIN)
    # the topic's names as the articles write them ("Sadr City"), lower-cased for the sentences' test
    names = tuple(dict.fromkeys(n.lower() for a in articles[:2] for n in name_phrases(t.text, lib.articles[a].text)))
    if names:  # only the articles that write the name
        articles = [a for a in articles if _holds(lib.articles[a].text, names)]
    # "tell me about Sadr": a name the articles give a person's title ("Shi'ite cleric Moqtada al-Sadr") is a
    # person, summed up as "who is Sadr?" is
    introducing: dict[str, bool] = {}  # article id -> does it give the topic a person's title (read once)

    def introduced_in(aid: str) -> bool:
        if aid not in introducing:
            text = lib.articles[aid].text
            introducing[aid] = any(introduces(text[s.start:s.end], set(t.terms)) for s in lib.sentences.get(aid, []))
        return introducing[aid]
    # ("what is Normandy": a name an article says is a place, "Normandy, a region in France", is no person for
    # "Duke Richard II of Normandy")
    # (each article read once for it: the sort below takes the same set)
    describing = {a for a in articles if _describes_in(lib, a, topic)} if kind and is_name(topic) else set()
    person = not describing and (person or (is_name(topic) and any(introduced_in(a) for a in articles[:PERSON_LOOKUP])))
    if person:  # "who was Rollo": an article giving him a title ("the famed Viking ruler Rollo") first
        articles.sort(key=lambda a: not introduced_in(a))
    # "what is Najaf" (`kind`: the question asks what it is): a place is summed up first from an article saying
    # what it is ("the Shi'ite holy city of Najaf"), that sentence first
    place = topic if kind and not person and is_name(topic) else None
    if place:
        articles.sort(key=lambda a: a not in describing)
    # "summarize the VOA story": a topic only its credit line names (and no person: "who is Challiss McDonough") is
    # who reported it; the story is summed up by its lead
    # ... but "what is VOA" (`kind`) asks what it is, which no lead of a story it reported says: the credit line
    # naming it ("VOA Correspondent Challiss McDonough has more from our Middle East bureau in Cairo.") is all
    # the articles say of it
    if articles and not person and _credited(lib, t, articles[0]):
        return _credit(lib, t, articles[0], shown) if kind else _lead(lib, articles[0], shown)
    picked: list[tuple[str, int, int, float]] = []
    taken: list[list[str]] = []
    # a topic every article names in passing ("what happened in Baghdad": a curfew in one, protests in another, a
    # press conference in the third): the best sentence of each, not two articles' worth
    scattered = len(articles) > 2 and all(_telling(lib, t, a) <= PASSING + 1 for a in articles[:SENTENCES_MAX - 1])
    for aid in articles[:SENTENCES_MAX - 1] if scattered else articles[:2]:
        need = 1 if scattered else SENTENCES_MAX - 1 if not picked else SENTENCES_MIN - len(picked)
        if need <= 0:
            break
        picked += _best_of_article(lib, t, aid, qv, need, taken, person, shown, names, place)
    if articles and len(picked) < SENTENCES_MIN:
        picked += _headline_lead(lib, t, articles[0], picked, shown)
    order = {a: i for i, a in enumerate(articles)}
    return sorted(picked, key=lambda r: (order[r[0]], r[1]))


def _carried(topic: str) -> tuple[str, str]:
    """"the second step (Moqtada al-Sadr)" -> ("the second step", "Moqtada al-Sadr"); (topic, "") for one
    carrying nothing."""
    m = re.fullmatch(r"\s*(\S.*?)\s*\(([^()]+)\)\s*", topic)
    return (m.group(1), m.group(2)) if m else (topic, "")


def _credited(lib: Library, t: Question, aid: str) -> bool:
    """Do only the article's credit lines hold the topic ("VOA Correspondent Challiss McDonough has more ...")?"""
    text = lib.articles[aid].text
    credits = {s.id for s in credit_lines(lib, aid)}
    holding = {s.id for s in lib.sentences.get(aid, [])
               if coverage(t, held_terms(text[s.start:s.end], t.unseen)) >= SENTENCE_MIN}
    return bool(holding) and holding <= credits


def _credit(lib: Library, t: Question, aid: str, shown: frozenset[str]) -> list[tuple[str, int, int, float]]:
    """The article's first credit line holding the topic (not shown already)."""
    text = lib.articles[aid].text
    return [(aid, s.start, s.end, 0.0) for s in credit_lines(lib, aid) if s.id not in shown
            and coverage(t, held_terms(text[s.start:s.end], t.unseen)) >= SENTENCE_MIN][:1]


def _lead(lib: Library, aid: str, shown: frozenset[str]) -> list[tuple[str, int, int, float]]:
    """The article's first body sentences but its credit lines (and those already shown)."""
    credits = {s.id for s in credit_lines(lib, aid)}
    lead = [s for s in lib.sentences.get(aid, []) if s.kind == "body" and s.id not in credits and s.id not in shown]
    return [(aid, s.start, s.end, 0.0) for s in lead[:SENTENCES_MAX - 1]]


def _headline_lead(lib: Library, t: Question, aid: str, picked: list, shown: frozenset[str]) -> list:
    """"tell me everything about the truce": a story whose headline holds the topic ("Najaf siege ends in
    truce") is about it, though one body sentence names it; its lead sentences, not yet picked, tell the rest."""
    text = lib.articles[aid].text
    rows = lib.sentences.get(aid, [])
    head = rows[0] if rows and rows[0].kind == "heading" else None
    if head is None or coverage(t, held_terms(text[head.start:head.end], t.unseen)) < TOPIC_MIN:
        return []
    have = {(a, start) for a, start, _, _ in picked}
    lead = [s for s in rows if s.kind == "body" and s.id not in shown and (aid, s.start) not in have]
    return [(aid, s.start, s.end, 0.0) for s in lead[:SENTENCES_MIN - len(picked)]]


def held_topic(lib: Library, topic: str) -> str | None:
    """The topic without its common English words that no article holds ("the Najaf deal" -> "the Najaf",
    where the articles call it a truce): what the articles can sum up of it, then only as the closest they
    come. None when every word is held, when a name is missing (a person no article mentions is no topic of
    theirs) or when nothing would be left."""
    kept, dropped = [], False
    for w in topic.split():
        ts = terms(w)
        if ts and all(lib.bm25.doc_freq(t) == 0 for t in ts):
            if w[:1].isupper() or not known_word(w.lower()):
                return None
            dropped = True
        else:
            kept.append(w)
    rest = " ".join(kept)
    return rest if dropped and terms(rest) else None


TOPIC_LOOKUP = 3  # how many of the retrieved articles holding the topic are compared for how much they tell of it
PASSING = 1  # an article with this many sentences holding the topic names it in passing
QUOTED_ONLY = 0.5  # taken off a sentence holding the topic only inside a quotation
_QUOTED = re.compile(r"[\"\u201c][^\"\u201d]*[\"\u201d]")


def _telling(lib: Library, t: Question, aid: str) -> int:
    """How many body sentences of the article hold the topic (SENTENCE_MIN of its weight)."""
    text = lib.articles[aid].text
    return sum(coverage(t, held_terms(text[s.start:s.end], t.unseen)) >= SENTENCE_MIN
               for s in lib.sentences.get(aid, []) if s.kind == "body")


def describes(sentence: str, name: str) -> bool:
    """Does the sentence say what kind of place the name is: "the Shi'ite holy city of Najaf", "the Sadr City
    district of Baghdad", "Kut, a city in ..." (a place noun of WordNet's before "of <name>" or after the name)?
    Not "the city of Najaf", which says no more than that."""
    n = re.escape(name)
    # (a word saying more than "the city of Najaf" before the place noun)
    for m in re.finditer(rf"(?i:\b(?:the|a|an)\s+(?:[\w'\-]+\s+){{1,4}}?([a-z]+)\s+of\s+){n}\b"
                         rf"|\b{n}\s+([a-z]+)\s+of\b|\b{n},\s+(?:a|an|the)\s+(?:[\w'\-]+\s+){{0,3}}?([a-z]+)\b", sentence):
        head = next(g for g in m.groups() if g)
        # (one place: "the major scriptoria of Normandy" are places in it, not what it is)
        if wordkinds.is_place_noun(head.lower()) and head.lower() in lexicon.base_forms(head.lower(), "n"):
            return True
    return False


def _describes_in(lib: Library, aid: str, name: str) -> bool:
    text = lib.articles[aid].text
    return any(describes(text[s.start:s.end], name) for s in lib.sentences.get(aid, []) if s.kind == "body")


def is_name(topic: str) -> bool:
    """Is the topic a name: capitalised words only ("Sadr", "Moqtada al-Sadr"; "the truce" is not)?"""
    ws = topic.split()
    return bool(ws) and all(w[:1].isupper() or w.lower() in ("al", "el", "bin", "de", "van", "von") or
                            re.match(r"^(?:al|el)-[A-Z]", w) for w in ws)


def _body_terms(lib: Library, aid: str, unseen: frozenset[str]) -> set[str]:
    """The terms of an article's headline and body sentences: a teaser of other stories after its end ("the
    Soviet ambassador to Saudi Arabia") puts no topic in it; its headline does ("Najaf siege ends in truce" is
    about the Najaf siege, which no body sentence calls a siege)."""
    text = lib.articles[aid].text
    return {t for s in lib.sentences.get(aid, []) if s.kind == "body" or (s.ordinal == 0 and s.kind == "heading")
            for t in held_terms(text[s.start:s.end], unseen)}


def name_phrases(topic: str, text: str) -> list[str]:
    """Runs of two or more topic words the article writes as one capitalised name ("sadr city" -> "Sadr City"):
    a sentence about the topic holds the whole name, not one of its words ("Sadr", "city")."""
    words = topic.split()
    sw = stopwords()
    out = []
    for i in range(len(words) - 1):
        if words[i].lower() in sw or words[i + 1].lower() in sw:
            continue  # "The P versus NP problem" opening a sentence makes no name of "the p"
        pair = re.escape(words[i]) + r"\s+" + re.escape(words[i + 1])
        m = re.search(rf"\b{pair}\b", text, re.I)
        if m and all(w[:1].isupper() for w in m.group().split()):
            out.append(m.group())
    return out


def _holds(text: str, names: tuple[str, ...]) -> bool:
    """Does the text write every one of the (lower-case) names, whatever its case and spacing?"""
    flat = " ".join(text.lower().split())
    return all(n in flat for n in names)


def _best_of_article(lib: Library, t: Question, aid: str, qv: np.ndarray, limit: int,
                     taken: list[list[str]], person: bool = False, shown: frozenset[str] = frozenset(),
                     names: tuple[str, ...] = (), place: str | None = None) -> list[tuple[str, int, int, float]]:
    text = lib.articles[aid].text
    rows = [s for s in lib.sentences.get(aid, []) if s.kind == "body" and s.id not in shown]
    # a sentence going on about the place the one before names ("... throughout the neighborhood") tells of it
    going_on: dict[str, str] = {}
    if names:  # "what's up with sadr city": not the sentences about Sadr elsewhere, nor about another city
        held = {s.id for s in rows if _holds(text[s.start:s.end], names)}
        going_on = {b.id: text[a.start:a.end] for a, b in zip(rows, rows[1:])
                    if a.id in held and b.id not in held and b.ordinal == a.ordinal + 1
                    and _PLACE_AGAIN.search(text[b.start:b.end])}
        rows = [s for s in rows if s.id in held or s.id in going_on]
    vectors = lib.store.vectors("sentence", [s.id for s in rows])
    # "who is the VOA reporter": a word for a kind of person is held as that noun, not as its verb's stem ("Clashes
    # were also reported ...")
    roles = {w: set(terms(w)) for w in t.sequence if person and w.isalpha() and wordkinds.is_person_first(w)}
    scored = []
    for s in rows:
        held = held_terms(f"{going_on.get(s.id, '')} {text[s.start:s.end]}", t.unseen)
        for role, stems in roles.items():
            if not any(role in lexicon.base_forms(w, "n") or w == role for w in words(text[s.start:s.end])):
                held -= stems
        cov = coverage(t, held)
        if cov < SENTENCE_MIN:
            continue  # a sentence that says little of the topic is no part of its summary
        vec = vectors.get(s.id)
        dense = float(vec @ qv) if vec is not None else 0.0
        titled = INTRODUCES if person and introduces(text[s.start:s.end], set(t.terms)) else 0.0
        titled += INTRODUCES if place and describes(text[s.start:s.end], place) else 0.0
        # (a topic held only inside someone's quoted words is said, not told: "... \"the second step will be civil
        # disobedience in Baghdad ...\"" tells nothing that happened in Baghdad)
        quoted = QUOTED_ONLY if coverage(t, held_terms(_QUOTED.sub(" ", text[s.start:s.end]), t.unseen)) < SENTENCE_MIN \
            else 0.0
        scored.append((cov + dense + (0.15 if s.ordinal <= 1 else 0.0) + titled - quoted, held, s))
    # ("the economy in Najaf": not the sentences naming Najaf alone, when one tells of its economy)
    off = lesser(t.text, [held & set(t.terms) for _, held, _ in scored], [text[s.start:s.end] for _, _, s in scored])
    scored = [row for row, o in zip(scored, off) if not o]
    scored.sort(key=lambda x: -x[0])
    out: list[tuple[str, int, int, float]] = []
    for score, _, s in scored:
        ts = set(terms(text[s.start:s.end]))
        # Skip a sentence that repeats one already picked (the lead often restates the next paragraph).
        if any(len(ts & set(o)) / max(min(len(ts), len(set(o))), 1) > SAME for o in taken):
            continue
        out.append((aid, s.start, s.end, score))
        taken.append(list(ts))
        if len(out) == limit:
            break
    return out
