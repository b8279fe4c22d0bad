"""Why-questions and what follows: a sentence giving a reason for the act asked about ("... in order to stop
Iraqi bloodshed"), one stating a consequence of the condition asked about ("anyone who continues carrying
weapons ... will not be part of the Sadrist movement"), one saying what caused a state ("... has angered many
residents") goes first. Split from bot/answer/promote.py, whose promote_first reorders the candidates."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.answer import lexicon, rewordings
from bot.answer.question import Question
from bot.answer.promote import promote_first
from bot.answer.actor import says_verb
from bot.answer.verbs import is_participle
from bot.library import Library
from index.terms import stopwords, terms, words

if TYPE_CHECKING:  # scoring.py defines Candidate
    from bot.answer.scoring import Candidate


REASON_WINDOW = 4  # how far down the scored candidates a sentence giving a reason is looked for
EFFECT_WINDOW = 10  # ... and one telling what followed the act asked about ("did it work?")




# What opens a reason ("... ordering an end to the fighting in order to stop Iraqi bloodshed").
_REASON = re.compile(r"\b(?:because|in\s+order\s+to|in\s+an\s+effort\s+to|in\s+a\s+bid\s+to|so\s+that|so\s+as\s+to|"
                     r"due\s+to|owing\s+to|as\s+a\s+result\s+of|in\s+response\s+to|aimed\s+at|designed\s+to|"
                     r"intended\s+to|for\s+fear|in\s+protest|the\s+reason)\b", re.I)


_WHY = re.compile(r"^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:why|how\s+come)\b", re.I)


def _asked_act(q: Question) -> str | None:
    """The act a why-question asks about: its verb; of "why was the bridge closed?" / "why are people staying
    home?" its participle. None for any other question."""
    if not _WHY.match(q.text):
        return None
    # (never an auxiliary: "why *are* people angry" asks about "angry", _asked_state; nor a verb of becoming:
    # "why did residents *get* angry" asks about "angry" too)
    if q.verb_word and q.verb_word in _BECOMING and _state_word(q):
        return None
    return q.verb_word or next((w for w in reversed(q.sequence) if w not in stopwords() and (
        is_participle(w) or (w.endswith("ing") and lexicon.base_forms(w, "v")))), None)


def _asked_state(q: Question) -> str | None:
    """The state a why-question without a verb asks about: "why are people angry in najaf" -> "angry"."""
    if not _WHY.match(q.text) or _asked_act(q):
        return None
    return _state_word(q)


_BECOMING = frozenset("get gets got gotten getting become becomes became becoming grow grew grown turn turned "
                      "feel feels felt seem seemed stay stayed remain remained".split())


def _state_word(q: Question) -> str | None:
    """The question's first word that is only an adjective ("angry")."""
    return next((w for w in q.sequence if w.isalpha() and w not in q.names and lexicon.base_forms(w, "a")
                 and not lexicon.base_forms(w, "n") and not lexicon.base_forms(w, "v")), None)


def causes_state(sentence: str, state: str) -> bool:
    """Does the sentence tell what caused the state, by a verb made from it ("The militia's grip ... has
    angered many residents" for "angry"), not by the state itself ("Angry protesters took to the streets")?"""
    for w in set(words(sentence)):
        if w != state and w.endswith(("ed", "es", "ing")) and any(
                lexicon.related(state, b, "a") for b in lexicon.base_forms(w, "v")):
            return True
    return False


def gives_reason(lib: Library, q: Question, c: Candidate) -> bool:
    """For "why did Sadr order his militia to stop fighting": does the candidate give a reason ("in order to
    stop Iraqi bloodshed") for the act asked about? It must hold the act's verb or a synonym ("why did Maliki
    go to Basra" is not answered by why the offensive was launched, "designed to bring the city under
    control") and something else the question names. False for any other question."""
    verb = _asked_act(q)
    sentence = lib.articles[c.article_id].text[c.start:c.end]
    if not verb:  # "why are people angry": what angered them
        state = _asked_state(q)
        return bool(state) and causes_state(sentence, state)
    # ... and something of what the act is about, in the sentence or just before it ("why was the warrant issued"
    # is not answered by why a statement was issued)
    return (bool(_REASON.search(sentence) or _purpose_of(verb, sentence)) and says_verb(verb, sentence)
            and c.features.get("cov_ctx_nv", 1.0) > 0)


# "why is it called "Charge of the Knights"", "why the name ...", "what does the name ... mean": why a name was given
_ASKS_NAMING = re.compile(r"(?i)^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:(?:why|how\s+come)\b.*\b(?:called|named|dubbed|"
                          r"nicknamed|known\s+as|name)\b|what\s+does\s+the\s+name\b.*\bmean\b|"
                          r"what\s+does\s+[\"\u201c][^\"\u201d]+[\"\u201d]\s+(?:mean|stand\s+for)\b)")
# ... and what tells it: "named after", "in honour of", "refers to", "means", or any reason
_EXPLAINS_NAME = re.compile(r"(?i)\b(?:(?:named|called)\s+(?:after|for)|in\s+(?:honou?r|memory)\s+of|refers?\s+to|"
                            r"referring\s+to|means|meaning|stands\s+for|comes?\s+from|derived?\s+from|derives\s+from|"
                            r"because|since)\b")


def leaves_name_unexplained(question: str, sentence: str) -> bool:
    """Does the question ask why a name was given (or what it means) and the sentence give no reason for it?
    ("... the operation, dubbed "Charge of the Knights."" only gives the name.) False for any other question."""
    return bool(_ASKS_NAMING.match(question)) and not (_REASON.search(sentence) or _EXPLAINS_NAME.search(sentence))


_CLAUSE_BREAK = frozenset("but while whereas although though which who".split())


# Verbs whose object takes an infinitive that completes them, no purpose: "he was ordering his militia ... to stop
# fighting" tells what he ordered, not why (a purpose may still follow it: "... to stop fighting to spare lives").
_TO_COMPLEMENT = frozenset("order tell ask urge want allow force instruct direct encourage persuade expect warn invite "
                           "permit require advise command compel oblige beg request remind authorize convince "
                           "enable call".split())


def _purpose_of(verb: str, sentence: str) -> bool:
    """A purpose infinitive after the act and its object: "... launched a pre-dawn offensive to crack down on armed
    groups", "went to Basra on Monday to personally supervise ..." (the verb's form, up to six words, "to" and a
    verb's base form)."""
    ws = re.findall(r"[A-Za-z'\-]+", sentence)
    for i, w in enumerate(ws):
        if verb not in lexicon.base_forms(w.lower(), "v") and w.lower() != verb:
            continue
        complement = verb in _TO_COMPLEMENT  # its first infinitive is what was ordered, asked, ...
        for j in range(i + 2, min(i + 8, len(ws) - 1)):
            # ... in the act's own clause: "would suspend offensive operations but will continue to provide security"
            # gives no purpose of suspending
            if ws[j].lower() in _CLAUSE_BREAK:
                break
            nxt = ws[j + 1].lower()
            if ws[j].lower() == "to" and (lexicon.base_forms(nxt, "v") == (nxt,) or (
                    nxt.endswith("ly") and j + 2 < len(ws) and ws[j + 2].lower() in lexicon.base_forms(ws[j + 2].lower(), "v"))):
                if not complement:
                    return True
                complement = False
    return False


def reason_first(lib: Library, q: Question, cands: list[Candidate]) -> list[Candidate]:
    """For a why-question, the best of the first candidates that gives a reason for the act asked about
    (gives_reason) goes before one only telling of the act."""
    if not _asked_act(q) and not _asked_state(q):
        return cands
    return promote_first(cands, [lambda c: gives_reason(lib, q, c)], window=REASON_WINDOW)


# "what happens to fighters who keep their weapons", "what will happen if the talks fail": the question asks
# for a consequence; its condition is what follows "to" / "if" / "when".
# ("what did Sadr say would happen to ...": what someone said would follow, the same question)
_WHAT_HAPPENS = re.compile(r"^\W*(?:(?:and|so|but|ok|okay)\W+)?what\s+(?:(?:did|does|do)\s+(?:\S+\s+){1,4}?"
                           r"(?:say|said|warn|threaten)\s+)?(?:(?:happens|will\s+happen|would\s+happen|"
                           r"is\s+going\s+to\s+happen)\s+(?:to|if|when|with)"
                           # "what will Sadr do if the government does not comply": what someone will do then
                           r"|(?:will|would|could|might)\s+(?:\S+\s+){1,4}?do\s+(?:if|when|unless))"
                           r"\s+(?P<condition>.+)", re.I)


# A sentence stating a consequence: a condition ("if", "unless", "anyone who", "those who", "whoever")
# followed by what will or must follow ("anyone who continues carrying weapons ... will not be part of ...")
_CONSEQUENCE = re.compile(r"\b(?:if|unless|whoever|(?:anyone|anybody|those|any\s+\w+|all\s+\w+)\s+who)\b"
                          r".*\b(?:will|would|shall|must|could|face|faces|risk|risks)\b"
                          # ... or a threat or a promise made on the condition ("is threatening a campaign of civil
                          # disobedience if the crackdown on his militias continues")
                          r"|\b(?:threat\w*|warn\w*|vow\w*|promis\w*|pledg\w*)\b.*\b(?:if|unless)\b", re.I | re.S)


_SOME_WHO = re.compile(r"^\s*(?:[\w']+\s+){1,3}who\b", re.I)  # "sadr fighters who ...", "people who ..."


_ANYONE_WHO = re.compile(r"\b(?:whoever|(?:anyone|anybody|those|people|any\s+\w+|all\s+\w+)\s+who)\b", re.I)


_WHOEVER = frozenset(terms("anyone anybody everyone everybody someone somebody people person whoever"))


def states_consequence(lib: Library, q: Question, c: Candidate, every: bool = False) -> bool:
    """For "what happens to sadr fighters who keep their weapons": does the candidate state a consequence of
    a condition it shares a word with ("anyone who continues carrying weapons ... will not be part of the
    Sadrist movement")? False for any other question, and for what happens to a thing, no condition ("what will
    happen to the arrest warrant" is not "if his order ... would in turn stop the raids and arrests ...")."""
    return consequence_in(q, lib.articles[c.article_id].text[c.start:c.end], every)


def consequence_in(q: Question, sentence: str, every: bool = False) -> bool:
    """states_consequence of a sentence's text."""
    m = _conditional(q.text)
    if not m:
        return False
    # what the condition is about, not "anyone"; a word of its as its most frequent senses' synonyms ("people
    # who keep fighting" / "anyone who continues carrying weapons")
    by_word = [set(terms(w)) | {t for x in rewordings.synonyms(w) for t in terms(x)}
               for w in words(m.group("condition")) if terms(w) and not set(terms(w)) <= _WHOEVER]
    condition = set().union(*by_word) - _WHOEVER
    # "people who keep fighting" asks about whoever does it: a sentence on "anyone who ...", not "if his order ..."
    if _SOME_WHO.match(m.group("condition")) and not _ANYONE_WHO.search(sentence):
        return False
    if not _CONSEQUENCE.search(sentence):
        return False
    held = set(terms(sentence))
    if every:  # ("if the crackdown on his militias continues" for "if the crackdown continues", before "anyone who
        # continues carrying weapons ...")
        return bool(by_word) and all(ws & held for ws in by_word)
    # ... or, for a condition negated ("what will he do if he doesn't get it"), a negated one ("if the Iraqi
    # government does not comply")
    return bool(condition & held) or bool(_NEGATED.search(m.group("condition")) and _NEGATED_CONDITION.search(sentence))


_NEGATED = re.compile(r"(?i)\b(?:not|never|no|fails?|refuses?)\b|n't\b")
_NEGATED_CONDITION = re.compile(r"(?i)\bunless\b|\bif\b[^,;.]*?(?:\b(?:not|never|fails?|refuses?)\b|n't\b)")


def consequence_first(lib: Library, q: Question, cands: list[Candidate]) -> list[Candidate]:
    """For "what happens to ...", the best of the first candidates stating a consequence (states_consequence)
    goes before one only telling of the weapons."""
    if not _conditional(q.text):
        return cands
    # (any of them: the shape is narrow, a condition then "will" / "would", and the words of the question it may not
    # share, "people who keep fighting" / "anyone who continues carrying weapons", rank it low; gather.py adds every
    # such sentence of the passages' articles)
    return promote_first(cands, [lambda c: states_consequence(lib, q, c, every=True),
                                 lambda c: states_consequence(lib, q, c)], window=len(cands))


def asks_consequence(question: str) -> bool:
    """Does the question ask what follows a condition ("what happens to people who keep fighting")?"""
    return bool(_conditional(question))


def _conditional(question: str) -> re.Match | None:
    """_WHAT_HAPPENS when it asks of a condition: "if" / "when" ..., or "to" people picked out by what they do
    ("fighters who keep their weapons"); None for a thing ("to the arrest warrant")."""
    m = _WHAT_HAPPENS.match(question)
    if m and re.search(r"(?i)\bto\s+$", question[:m.start("condition")]) and not re.search(
            r"(?i)\b(?:who|that|which|whoever)\b", m.group("condition")):
        return None
    return m


# "What made residents angry?", "what has caused people to be afraid?": the cause of a state asked for
_CAUSED = re.compile(r"^\W*(?:what|who)\s+(?:has\s+|had\s+)?(?:made|makes|make|caused|causes|cause)\b", re.I)


def cause_of_state_first(lib: Library, q: Question, cands: list[Candidate]) -> list[Candidate]:
    """For "what made residents angry?", the best of the first candidates holding the state as its verb or
    noun ("... has angered many residents") goes first, before one that only names it ("Angry protesters
    took to the streets"): the adjective's aliases (Question.aliases), not the adjective itself."""
    if not q.aliases or not _CAUSED.match(q.text):
        return cands
    alias = frozenset().union(*(other for _, other in q.aliases))
    return promote_first(cands, [lambda c: bool(alias & set(terms(lib.articles[c.article_id].text[c.start:c.end])))])


# "did Sadr's order work?", "has the ceasefire helped?": whether a thing had its effect, which a sentence telling
# what followed it answers ("After the cleric's order went out, fighting appeared to have slacked off ...")
# ("has the truce actually made Iraq any calmer?": a change it made to something)
_WORKED = re.compile(r"^\W*(?:did|does|do|has|have|had|is|was|will)\s+(?P<thing>.+?)\s+(?:(?:actually|really)\s+)?"
                     r"(?:work(?:ed|ing)?|succeed(?:ed)?|help(?:ed)?|fail(?:ed)?|pay\s+off|paid\s+off|"
                     r"make\s+a\s+difference|(?:have|had)\s+(?:any\s+|an\s+)?(?:effect|impact)|"
                     r"(?:make|made)\s+.+?\s+(?:any\s+|much\s+)?(?:more\s+\w+|less\s+\w+|\w{3,}er))\b", re.I)


# ... and "what happened after Sadr's order?", "what came of the order", "what was the result of the order"
_FOLLOWED = re.compile(r"^\W*what\s+(?:(?:has\s+|had\s+)?happened|happens|came|comes|followed)\s+"
                       r"(?:after|since|following|of)\s+(?P<thing>.+?)[\s?.!]*$|"
                       r"^\W*what\s+(?:was|were|is|are|has\s+been)\s+the\s+"
                       r"(?:result|outcome|effect|upshot|aftermath)s?\s+"
                       r"of\s+(?P<thing2>.+?)[\s?.!]*$", re.I)


# ... and "did fighting stop after Sadr's order?", "has the violence eased since the truce?": what followed X, said
_AFTER = re.compile(r"^\W*(?:did|does|do|has|have|had|is|was|are|were|will)\s+(?P<what>.+?)\s+"
                    r"(?:after|since|following)\s+(?P<thing>.+?)[\s?.!]*$", re.I)


def _asks_effect(text: str) -> str | None:
    """The thing whose effect the question asks about ("did *Sadr's order* work", "what happened after *the
    order*", "did fighting stop after *Sadr's order*"), or None."""
    m = _WORKED.match(text) or _FOLLOWED.match(text) or _AFTER.match(text)
    return (m.groupdict().get("thing") or m.group("thing2")) if m else None


# what a thing is said to have brought about, after its name ("The ceasefire is seen as having a significant role
# in the reduction of violence", "... a major contributor to ...", "the truce ended the fighting")
_BROUGHT = (r"(?:role\s+in|contribut\w*\s+to|(?:led|lead|leading)\s+to|result(?:ed|s)?\s+in|credited\s+with|"
            r"responsible\s+for|helped|brought|reduced|eased|calmed|curbed|ended|stopped|succeeded|failed|worked|"
            r"(?:effect|impact)\s+on|paid\s+off)")


def tells_effect(lib: Library, q: Question, c: Candidate) -> bool:
    """For "did X work?", "what happened after X?": does the candidate tell what followed X ("after", "since",
    "following" before X's head noun: "After the cleric's order went out, ...")? For "did X work?" also what X
    brought about, X named before it in the sentence by its head noun or a synonym ("The ceasefire is seen as
    having a significant role in the reduction of violence" for "did the truce work?"). False for any other
    question."""
    thing = _asks_effect(q.text)
    # the head noun is the last word before a preposition ("the militia's truce from last summer")
    head = thing and re.split(r"(?i)\s+(?:from|of|in|on|at|since|during|with|by|last|this)\s+", thing)[0].split()[-1]
    head = re.sub(r"['\u2019]s$", "", head).lower() if head else ""
    if not head.isalpha():
        return False
    after = rf"(?i)\b(?:after|since|following)\s+(?:[\w'\u2019\-]+\s+){{0,4}}{re.escape(head)}s?\b"
    sentence = lib.articles[c.article_id].text[c.start:c.end]
    if _WORKED.match(q.text):
        # (a synonym's hyphen may be written or not: "cease-fire", "ceasefire")
        forms = "|".join(re.escape(f).replace(r"\-", "-?") for f in (head, *rewordings.synonyms(head)))
        if re.search(rf"(?i)\b(?:{forms})s?\b[^;:]{{0,60}}?\b{_BROUGHT}\b", sentence):
            return True
    # "did fighting stop after X": what is said to have followed must be there too ("fighting appeared to have
    # slacked off"), not only X
    said = _AFTER.match(q.text) if not (_WORKED.match(q.text) or _FOLLOWED.match(q.text)) else None
    if said and not (set(terms(said.group("what"))) - {q.verb}) & set(terms(sentence)):
        return False
    return bool(re.search(after, sentence))


def effect_first(lib: Library, q: Question, cands: list[Candidate]) -> list[Candidate]:
    """For "did X work?", "what happened after X?", the best of the first candidates telling what followed X
    (tells_effect) goes first."""
    if not _asks_effect(q.text):
        return cands
    return promote_first(cands, [lambda c: tells_effect(lib, q, c)], window=EFFECT_WINDOW)
