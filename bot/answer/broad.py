"""Broad questions ("What happened in Basra?", "Tell me about the Najaf truce", "Who is Hazem al-Aaraji?"):
answered by two to four sentences of the most relevant article(s), each cited, in article order, no two
saying the same thing. A single best sentence is the wrong shape for them."""

from __future__ import annotations

import re

import numpy as np

from bot.answer import lexicon, wordkinds
from bot.answer.aliases import introduces
from bot.answer.features import CALENDAR, Question, analyse_question, coverage, held_terms, known_word
from bot.answer.provenance import credit_lines
from bot.library import Library
from bot.types import Passage
from index.terms import stopwords, terms, words

# The topic follows the opening; the opening words are not part of it.
_BROAD = re.compile(
    r"^\s*(?:(?:so|ok|okay|and|hey|please|can you|could you)[\s,]+)*"
    r"(?:what(?:'s| is| was| has been)?\s+(?:happened|happening|going on|went on|the story|the news|the deal|up|new)"
    r"(?:\s+(?:in|at|with|to|on|about|over|around|between))?"
    # "tell me about Basra", "tell me some stuff about the truce", "tell me everything about Najaf"
    r"|(?:tell|talk|brief)\s+(?:me|us)\s+(?:(?:some\s+)?(?:more|stuff|things|something|anything|everything)\s+)?(?:about|on)"
    r"|(?:give\s+(?:me|us)\s+)?(?:a\s+|the\s+)?(?:(?:quick|short|brief|simple|one-line|rough)\s+)?(?:summary|overview|"
    r"rundown|run-down|recap|gist|lowdown|synopsis|breakdown|timeline|chronology)\s+(?:of|about|on)"
    # "what is the main event in Basra", "what are the key issues with the truce"
    r"|what(?:'s|\s+is|\s+was|\s+are|\s+were)\s+the\s+(?:main|big|key|major)\s+(?:events?|stor(?:y|ies)|news|issues?)"
    r"\s+(?:in|at|on|about|with|around|for)"
    # "key points about the ceasefire", "highlights of the Basra story"
    r"|(?:give\s+(?:me|us)\s+)?(?:the\s+)?(?:(?:key|main)\s+(?:points|facts)|highlights)\s+(?:of|about|on)"
    r"|summari[sz]e|sum\s+up|recap|explain|describe"
    # "what should I know about Najaf", "fill me in on the truce", "what's the background to the offensive"
    r"|what\s+(?:should|do|can|would|must)\s+(?:i|we)\s+(?:know|learn|need\s+to\s+know)\s+(?:about|on)"
    r"|what\s+(?:do|can)\s+you\s+(?:tell\s+(?:me|us)|say)\s+(?:about|on)"
    r"|(?:fill|catch)\s+(?:me|us)\s+(?:in|up)\s+on"
    r"|what(?:'s|\s+is|\s+was)\s+the\s+(?:(?:current|latest|overall|general)\s+)?(?:background|context|situation|story)"
    r"\s+(?:on|of|to|in|with|behind)"
    r"|(?:what(?:'s|\s+is)\s+)?(?:the\s+)?latest\s+(?:on|from|in|about|with)"  # "what's the latest from Iraq"
    # "what's the outcome in Najaf", "how did things turn out in Najaf", "where do things stand in Basra": how it went
    # there, which the story's lead tells (the outcome *of* a thing is one fact: _FACT_HEAD)
    r"|what(?:'s|\s+is|\s+was)\s+the\s+(?:outcome|result|upshot)\s+(?:in|at)"
    r"|how\s+(?:did|have|has)\s+(?:things|it|it\s+all|everything)\s+(?:turn(?:ed)?\s+out|end(?:ed)?(?:\s+up)?|go(?:ne)?|"
    r"play(?:ed)?\s+out)\s+(?:in|at)"
    r"|where\s+do\s+things\s+stand\s+(?:in|at|with)"
    # "what's in the Najaf deal": what it holds
    r"|what(?:'s|\s+is|\s+was)\s+in"
    r"|(?:who|what)(?:'s|\s+is|\s+was|\s+are|\s+were)"
    r"|(?:any\s+|the\s+latest\s+|latest\s+)?(?:news|updates?)\s+(?:on|about|from)"
    r"|what\s+(?:do|does|did)\s+(?:the|these|this|my|your)\s+(?:articles?|stories|story|news|reports?|sources?)\s+"
    r"(?:say|tell\s+(?:me|us))\s+(?:about|on)"
    r"|(?:is\s+there\s+)?anything\s+(?:about|on))"
    r"\s+(?P<topic>.+?)[\s?.!]*$"
    # "iraq news", "basra updates": the topic first
    r"|^\s*(?!(?:what|who|whom|whose|where|when|why|how|which|is|are|was|were|any|the)\b)"
    r"(?P<before>[\w'\- ]+?)\s+(?:news|updates?|latest)[\s?.!]*$", re.I)
# "What is the capital of ...?" / "Who was the leader of ...?" ask for one fact, not an overview.
_FACT_HEAD = re.compile(r"^(?:the\s+)?(?:name|number|capital|leader|head|cause|reason|role|purpose|date|"
                        r"population|size|goal|aim|result|outcome|meaning|difference|first|last|best|most|"
                        r"biggest|largest|main)\b", re.I)
SENTENCES_MIN, SENTENCES_MAX = 2, 4
TOPIC_MIN = 0.6  # idf-weighted share of the topic's terms an article must hold to be summed up
SENTENCE_MIN = 0.3  # ... and each sentence of the summary
SAME = 0.5  # share of content terms two sentences share above which the second says the same thing
INTRODUCES = 0.3  # "who is X?": bonus for a sentence giving X a title ("Shi'ite cleric Moqtada al-Sadr")


# A bare topic typed as the whole question: "basra", "the najaf truce?", "mahdi army"
_BARE = re.compile(r"^\s*(?P<topic>[\w'\-]+(?:\s+[\w'\-]+){0,3})[\s?.!]*$")


def _bare_topic(question: str) -> str | None:
    """A question of one to four words, none a verb form or a question or function word but "the", "of",
    "in", naming one thing: a topic to tell about ("basra", "the truce", "Mahdi Army"), not a question ("who
    won", "sadr demands") nor keywords ("sadr ceasefire")."""
    m = _BARE.match(question)
    if not m:
        return None
    ws = m.group("topic").split()
    allowed = {"the", "of", "in", "on", "a", "an"}
    if any((w.lower() in stopwords() and w.lower() not in allowed) or lexicon.is_verb(w.lower()) for w in ws):
        return None
    # One thing: a word ("the truce") or a name ("Mahdi Army", as normalize capitalised it). Keywords
    # ("mahdi army prisoners", "sadr ceasefire") ask for a fact about one thing: the best sentence answers.
    content = [w for w in ws if w.lower() not in allowed]
    if len(content) > 1 and not all(w[:1].isupper() for w in content):
        return None
    # ... nor is a day or a month part of a name: "Maliki Basra Monday" are keywords
    if len(content) > 1 and any(w.lower() in CALENDAR for w in content):
        return None
    topic = m.group("topic").strip()
    return topic if terms(topic) else None


# "what is Sadr City like?", "how is Sadr City described?", "which article talks about Najaf?": the topic
# sits inside the question
_DESCRIBE = re.compile(r"^\s*(?:what(?:'s|\s+is|\s+was)\s+(?:life|it|the\s+(?:situation|mood|atmosphere|scene))\s+like\s+"
                       r"(?:in|at)\s+(?P<lifein>.+?)"  # "what's life like in najaf": the place
                       # ... "like" left out: "whats the mood in najaf", "how's the atmosphere in basra"
                       r"|(?:what|how)(?:'s|\s+is|\s+was)\s+the\s+(?:mood|atmosphere)\s+(?:in|at)\s+(?P<moodin>.+?)"
                       # "how are the residents of sadr city coping", "how are the people of najaf": life there
                       r"|how\s+(?:are|were)\s+(?:the\s+)?(?:people|residents|locals|civilians|citizens|inhabitants|"
                       r"folks)\s+(?:of|in)\s+(?P<faring>.+?)(?:\s+(?:doing|coping|faring|holding\s+up|managing|"
                       r"getting\s+(?:on|by)))?"
                       r"|what(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?P<like>.+?)\s+(?:like|(?:best\s+)?(?:known|"
                       r"famous|noted|renowned)\s+for)"  # "what's najaf known for"
                       # "what kind of place is Sadr City", "what sort of man is Sadr"
                       r"|what\s+(?:kind|sort|type)s?\s+of\s+[a-z]+\s+(?:is|was|are|were)\s+(?P<kind>.+?)"
                       r"|how\s+(?:is|are|was|were)\s+(?P<described>.+?)\s+described"
                       # "what does the truce involve": what it holds
                       r"|what\s+(?:does|did|do)\s+(?P<involves>.+?)\s+(?:involve|include|entail|cover|consist\s+of)"
                       r"|which\s+(?:articles?|stories|story|reports?)\s+(?:(?:talks?|is|are|says?|tells?)\s+about|"
                       r"mentions?|covers?|discuss(?:es)?|names?)"  # "which articles mention sadr"
                       r"\s+(?P<about>.+?)"
                       # "why is najaf important", "what's special about najaf": what the articles say it is
                       r"|why\s+(?:is|was|are|were)\s+(?P<why>.+?)\s+(?:so\s+)?(?:important|significant|special|"
                       r"famous|notable)"
                       r"|what(?:'s|\s+is)\s+(?:so\s+)?(?:special|important|significant)\s+about\s+(?P<special>.+?))"
                       r"(?:,?\s+(?:right\s+)?(?:now|today|these\s+days|at\s+the\s+moment))?"  # "what's najaf like now"
                       r"[\s?.!]*$", re.I)


# "what's Abu Faris's job?" asks who he is
_ROLE_OF = re.compile(r"^\s*what(?:'s|\s+is|\s+was)\s+(?P<name>.+?)['\u2019]s\s+(?:job|role|title|position|occupation|"
                      r"profession)[\s?.!]*$", re.I)


_DETERMINER = re.compile(r"(?i)(?:the|a|an|his|her|their|its)\b")  # "the government's role" is no person's
_OWNED_THING = re.compile(r"(?:[A-Z][\w\-]*\s+)*[A-Z][\w\-]*['\u2019]s\s+[a-z][a-z\-]*"  # "Najaf's economy"
                          # "the economy of Najaf" (not the place itself, its life: "the city of Najaf", "the mood
                          # of Basra")
                          r"|(?:the\s+)?(?!(?:city|town|place|area|region|province|district|country|village|mood|"
                          r"atmosphere|situation|life|people|scene)\s)[a-z][a-z\-]*\s+of\s+(?:[A-Z][\w\-]*\s+)*[A-Z][\w\-]*")


# "what did the Najaf article say", "what does the VOA report tell me": the story named by its topic or source
_STORY_SAYS = re.compile(r"^\s*what\s+(?:do|does|did)\s+(?:the|this|that)\s+(?P<topic>(?:[\w'\-]+\s+){1,3}?)"
                         r"(?:articles?|stor(?:y|ies)|reports?|piece)\s+(?:say|tell\s+(?:me|us)|report|cover|talk\s+about)"
                         r"[\s?.!]*$", re.I)


def broad_topic(question: str) -> str | None:
    """The topic of a broad question, or None for a question that asks for one fact."""
    says = _STORY_SAYS.match(question)
    if says and terms(says.group("topic")):
        return says.group("topic").strip()
    r = _ROLE_OF.match(question)
    if r and len(r.group("name").split()) <= 4 and not _DETERMINER.match(r.group("name")):
        return r.group("name").strip()
    d = _DESCRIBE.match(question)
    if d:
        topic = next(g for g in d.groups() if g).strip()
        # "what is Najaf's economy like" asks of one thing, as "what is the economy like in Najaf" does: a fact
        if d.group("like") and _OWNED_THING.fullmatch(topic):
            return None
        return topic if terms(topic) and len(topic.split()) <= 5 else None
    m = _BROAD.match(question)
    if not m:
        return _bare_topic(question)
    topic = (m.group("topic") or m.group("before")).strip()
    who_what = re.match(r"^\s*(?:who|what)", m.group(0), re.I) and not re.match(
        r"^\s*what(?:'s| is| was)?\s+(?:happen|going|went|the story|the news|the deal|up|new)", m.group(0), re.I)
    # "Who is X" / "What is X": broad only for a short name-like X ("who is hazem al-aaraji", "what is
    # the mahdi army"), not "what is the name of ..." nor "who was killed in ...".
    # ... nor "what's his militia called" (its name).
    # "what are the fighters doing", "what is Sadr planning": an act asked about, no thing to sum up
    if who_what and _DOING.search(topic):
        return None
    # "who is leading the Basra offensive": the one doing an act is asked for, no thing to sum up
    if who_what and re.match(r"[a-z]+ing\b", topic) and lexicon.is_verb(topic.split()[0]):
        return None
    # ... nor "who is the Mahdi Army's leader" (the leader of the Mahdi Army, one fact)
    owned = re.search(r"['\u2019]s\s+(.+)$", topic)
    if who_what and owned and _FACT_HEAD.match(owned.group(1)):
        return None
    if who_what and (_FACT_HEAD.match(topic) or len(topic.split()) > 5
                     or re.search(r"\b(of|in|by|for|to|from|with|that|which|who|did|does|do)\b|\b(called|named)$",
                                  topic, re.I)):
        return None
    # "what happened after the cleric's order went out" asks what followed an event, a fact ("After the
    # cleric's order went out, fighting appeared to have slacked off ..."), not an overview
    if re.match(r"(?i)(?:after|before|since|following|during|while|when|once|until)\b", topic):
        return None
    # "What happened to the economy of Najaf?" asks what became of one thing, a fact ("crippled"); "what
    # happened to the Mahdi Army" / "in Basra" stays an overview.
    if _HAPPENED_TO.match(m.group(0)) and _HEAD.match(topic).group("head")[:1].islower():
        return None
    # "summarize the Najaf article", "tell me about the story on the truce": the topic, not the article
    # ... "what is the Najaf story about": the story's topic
    topic = _ARTICLE_WORDS.sub("", _ARTICLE_ABOUT.sub("", re.sub(r"(?i)\s+about$", "", topic))).strip()
    # "explain the situation in Basra", "tell me about the latest developments in Najaf": the place is the topic
    topic = _SITUATION_IN.sub("", topic).strip()
    # "what's happening in Basra right now": when is no part of the topic
    topic = _WHEN_NOW.sub("", topic).strip()
    # "what happened there (Kut)?", a follow-up carrying the place "there" stood for: the place
    carried = re.fullmatch(r"(?i)(?:there|it|that|this|them|him|her)\s*\((.+)\)", topic)
    topic = carried.group(1).strip() if carried else topic
    return topic if terms(topic) else None


# a subject and its -ing verb ("the fighters doing", "Sadr planning"), not a determiner's noun ("the fighting")
_DOING = re.compile(r"(?i)\b(?!(?:the|a|an|his|her|their|its|this|that)\b)[\w'\-]+\s+(?:doing|saying|planning|"
                    r"thinking|asking|demanding|threatening|trying|wanting|hoping|offering|proposing|expecting)$")
_WHEN_NOW = re.compile(r"(?i)[\s,]+(?:right\s+now|just\s+now|now|currently|today|tonight|these\s+days|this\s+week|"
                       r"at\s+the\s+moment|at\s+present|lately|recently|so\s+far|at\s+this\s+point)$")
_HAPPENED_TO = re.compile(r"^\s*(?:\w+[\s,]+)*?what(?:'s| has| is)?\s+(?:happened|happening)\s+to\s", re.I)
# A topic's head: its last word before any phrase qualifying it ("the economy of Najaf": economy)
_HEAD = re.compile(r"^(?:(?!\b(?:of|in|at|on|for|from|with)\b)[\w'\- ])*?\s*(?P<head>[\w'\-]*)"
                   r"(?:\s+(?:of|in|at|on|for|from|with)\b.*)?$", re.I)
_ARTICLE_ABOUT = re.compile(r"^(?:the|this|that)\s+(?:article|story|piece|report|news)\s+(?:about|on|of)\s+", re.I)
_SITUATION_IN = re.compile(r"^(?:the\s+)?(?:(?:current|latest|overall|general|recent)\s+)?(?:situation|state\s+of\s+affairs|"
                           r"developments?|events|goings[\s-]on)\s+(?:in|at|on|with|around)\s+(?=\S)", re.I)
_ARTICLE_WORDS = re.compile(r"\s+(?:article|story|piece|report|news|situation)$", re.I)  # ("the Najaf situation")


# "the neighborhood", "the district", "there": a place named by the sentence before
_PLACE_AGAIN = re.compile(r"(?i)\b(?:the|this|that)\s+(?:neighbo(?:u)?rhood|district|city|town|area|province|region|"
                          r"village|quarter|slum|suburb)\b|\bthere\b(?!\s+(?:is|are|was|were|will|has|have|had)\b)")


PERSON_LOOKUP = 5  # how many of the topic's articles are read for a title given to a name, the topic


def asks_what_it_is(question: str) -> bool:
    """Does the question ask what its topic is ("what is Najaf", "what kind of city is Najaf", "why is Najaf
    important"), not what is going on there?"""
    d = _DESCRIBE.match(question)
    if d:
        # (how its people are, or what it holds, is not what it is)
        return not (d.group("about") or d.group("faring") or d.group("involves"))
    return bool(_WHAT_NAME.match(question))


# "what is Najaf", "describe Sadr City": a name and nothing else
_WHAT_NAME = re.compile(r"^\s*(?i:what(?:'s|\s+is|\s+was)|describe)\s+(?:[A-Z][\w'\-]*\s*)+[\s?.!]*$")


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
    articles = [a for a in dict.fromkeys(p.article_id for p in passages)
                if coverage(t, ts := _body_terms(lib, a, t.unseen)) >= TOPIC_MIN
                and all(n in ts or known_word(t.term_words.get(n, n)) for n in t.specific)]
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
    if articles and not person and _credited(lib, t, articles[0]):
        return _lead(lib, articles[0], shown)
    picked: list[tuple[str, int, int, float]] = []
    taken: list[list[str]] = []
    for aid in articles[:2]:
        need = SENTENCES_MAX - 1 if not picked else SENTENCES_MIN - len(picked)
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
        scored.append((cov + dense + (0.15 if s.ordinal <= 1 else 0.0) + titled, s))
    scored.sort(key=lambda x: -x[0])
    out: list[tuple[str, int, int, float]] = []
    for score, s in scored:
        ts = set(terms(text[s.start:s.end]))
        # Skip a sentence that repeats one already picked (the lead often restates the next paragraph).
        if any(len(ts & set(o)) / max(min(len(ts), len(set(o))), 1) > SAME for o in taken):
            continue
        out.append((aid, s.start, s.end, score))
        taken.append(list(ts))
        if len(out) == limit:
            break
    return out
