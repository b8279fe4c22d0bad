"""The question's words the archive never uses, replaced for keyword search by synonyms it does use.

A user types "when did the fighting start"; the article says "fighting erupted Tuesday after the
government began ...". BM25 scores no chunk for "start", the word no article holds, so the question
ranks by "fighting" alone and the chunk saying it can fall below the passages read. Each such word is
searched as its WordNet synonyms that the index holds ("start" -> "begin"), up to MAX_SYNONYMS of them.
A name the archive also spells with another vowel is searched in both spellings (bot/answer/spelling.py).
A word the archive does use is left as it is: the expansion adds words only where BM25 had none. Of a broad
question ("tell me more about ...") only the topic is expanded, and a synonym must have the shared meaning
among its own most frequent senses too (rewordings.synonyms): "died" is not searched as "go".
"""

from __future__ import annotations

from bot.answer import (act_verbs, broad_topic, causers, is_person_first, leader_named, name_variants, root_nouns,
                        state_nouns, synonyms)
from index.bm25 import BM25Index
from index.terms import stopwords, terms, words
from index.words import WordStats

MAX_SYNONYMS = 2  # per absent word: the most frequent senses' lemmas first


def keyword_query(bm25: BM25Index, question: str, corpus: WordStats | None = None) -> str:
    """The question, followed by the indexed synonyms of each of its words that no chunk holds, and (with the
    archive's word statistics, `corpus`) the archive's other spellings of its names ("Mahdi" -> "Mehdi")."""
    sw = stopwords()
    extra: dict[str, str] = {}  # term -> the synonym it comes from ("begin" and "beginning" are one term)
    # "tell me more about Basra": the request's own words ("tell") are not what it asks about
    for word in dict.fromkeys(words(broad_topic(question) or question)):
        if word in sw or not word.isalpha() or any(bm25.doc_freq(t) for t in terms(word)):
            continue
        found: dict[str, str] = {}
        # ... and, for a verb, the verbs causing it, as an article may say it ("die" -> "kill": "12 people have
        # been killed"); for a noun naming an act, its verb, as the answerer reads it (bot/answer/question._aliases:
        # "how long is the extension" -> "extend": "... then extended the deadline for 10 days ...")
        acts = () if is_person_first(word) else tuple(sorted(act_verbs(word)))
        for syn in synonyms(word) + acts + causers(word):
            ts = terms(syn)
            if len(found) < MAX_SYNONYMS and ts and all(bm25.doc_freq(t) for t in ts):
                found.setdefault(ts[0], syn)
        extra.update((t, s) for t, s in found.items() if t not in extra)
    # "what made residents angry": the state's noun, whose verb the article may use ("has angered many residents")
    for word in dict.fromkeys(words(question)):
        if word in sw or not word.isalpha():
            continue
        # ... and, for an adjective no article uses, the noun it pertains to ("economic" -> "economy")
        unused = not any(bm25.doc_freq(t) for t in terms(word))
        for noun in sorted(state_nouns(word))[:MAX_SYNONYMS] + (sorted(root_nouns(word))[:MAX_SYNONYMS] if unused else []):
            ts = terms(noun)
            if ts and ts[0] not in extra and ts[0] not in terms(word) and bm25.doc_freq(ts[0]):
                extra[ts[0]] = noun
        # ... and, for a follower's word, the leader's name it comes from ("Sadrists": "Sadr is threatening a
        # campaign ...", a chunk naming no Sadrist)
        leader = leader_named(word)
        if leader and (ts := terms(leader)) and ts[0] not in extra and bm25.doc_freq(ts[0]):
            extra[ts[0]] = leader
    if corpus is not None:
        extra.update((v, v) for v in name_variants(bm25, corpus, question) if v not in extra)
    return " ".join([question, *extra.values()])
