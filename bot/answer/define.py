"""What a term is, and what a thing is called: "whats a reduction in complexity theory" is answered by the
sentence that defines it, "what is the name of Sadr's militia" by the one that names it.

A definition question names a term and nothing else about it. The sentence the articles define it with
("A reduction is a transformation of one problem into another problem.") shares only the term with the
question, so the scorer ranks sentences that merely use the term ("Many complexity classes are defined
using the concept of a reduction.") as high or higher. A sentence whose subject is the term, followed by
a defining verb ("is", "are", "refers to", "means"), says what the term is.
"""

from __future__ import annotations

import re

from index.terms import terms

# "what is a X", "whats X", "what are X", "define X", "what does X mean", "meaning of X"; a trailing
# "in <field>" / "of <thing>" qualifies the term ("in complexity theory") and is not part of it.
_QUESTION = re.compile(
    r"^\s*(?:(?:so|ok|okay|and|hey|please)[\s,]+)*"
    r"(?:what(?:'s|s|\s+is|\s+are|\s+was|\s+were)|define|definition\s+of|meaning\s+of|what\s+does|what\s+do)\s+"
    r"(?:(?:a|an|the)\s+)?(?P<term>[^?.!,]+?)"
    r"(?:\s+(?:mean|means|stand\s+for))?"
    r"(?:\s+(?:in|within|according\s+to)\s+[^?.!,]+)?[\s?.!]*$", re.I)
_TERM_WORDS = 4  # a longer "term" is a question about something, not a term to define
# Words after "what is" that open a question about one fact, not a term: "what is the name of ...".
_NOT_TERM = re.compile(r"^(?:the\s+)?(?:name|number|capital|cause|reason|role|date|population|size|"
                       r"difference|first|last|best|most|biggest|largest|main|it|that|this|he|she|they|"
                       r"going|happening|happened|up)\b", re.I)
_DEFINING_VERB = r"(?:is|are|was|were|refers?\s+to|means?|denotes?|describes?)"


def defined_term(question: str) -> str | None:
    """The term a definition question asks about ("whats a decision problem in complexity theory" ->
    "decision problem"), or None when the question is not one."""
    m = _QUESTION.match(question)
    if not m:
        return None
    term = m.group("term").strip()
    # "what does Sadr want" has a verb after the subject: the term must be a noun phrase (what does X
    # mean) only when "mean" was there; otherwise "what does/do" questions are about an act.
    if re.match(r"^\s*what\s+do(?:es)?\b", question, re.I) and not re.search(r"\b(mean|means|stand\s+for)\b", question, re.I):
        return None
    if len(term.split()) > _TERM_WORDS or _NOT_TERM.match(term) or not terms(term):
        return None
    # A term with a verb or a wh-word in it is a clause ("what is he going to do"), not a term.
    if re.search(r"\b(did|does|do|will|would|can|could|should|has|have|had|who|which|that)\b", term, re.I):
        return None
    return term


def defines(sentence: str, term: str, strict: bool = False, modified: bool = False) -> bool:
    """Does the sentence define the term: its subject is the term (an article before it, a plural or
    singular form of its last word, a parenthesis or an aside after it) and a defining verb follows?
    strict: the classic shape only, one thing said to be a kind of thing ("A reduction is a
    transformation ..."), not a statement about all of them ("Decision problems are one of ...").
    modified: one word may come before the term ("Computational complexity theory is a branch ..." for
    "complexity theory")."""
    words = term.split()
    head = re.escape(words[-1].rstrip("s"))
    lead = r"\s+".join(re.escape(w) for w in words[:-1])
    # Every word of the term, the last one in either number ("decision problems are ...").
    subject = rf"{lead}\s+{head}(?:s|es)?" if lead else rf"{head}(?:s|es)?"
    verb = _DEFINING_VERB
    if strict:
        subject = rf"{lead}\s+{head}" if lead else head
        verb = r"(?:is|was|refers\s+to|means|denotes)\s+(?:a|an|the|any)"
    modifier = r"(?:[\w\-]+\s+)?" if modified else ""
    pattern = rf"^\s*(?:(?:a|an|the)\s+)?{modifier}{subject}(?:\s*\([^)]*\))?(?:,[^,]{{1,80}},)?\s+{verb}\b"
    return re.match(pattern, sentence, re.I) is not None


# "what is the name of Sadr's militia", "what's the militia called", "what was the operation dubbed"
_NAME_OF = re.compile(r"^\s*what(?:'s|s|\s+is|\s+was|\s+are|\s+were)\s+the\s+names?\s+of\s+(?P<thing>[^?.!]+?)[\s?.!]*$", re.I)
_CALLED = re.compile(r"^\s*what(?:'s|s|\s+is|\s+was|\s+are|\s+were)\s+(?P<thing>[^?.!]+?)\s+"
                     r"(?:called|named|dubbed|known\s+as)[\s?.!]*$", re.I)
_POSSESSOR = re.compile(r"^(?:(?:the|a|an|his|her|their|its)\s+|\S+(?:'s|\u2019s)\s+)", re.I)


def named_thing(question: str) -> str | None:
    """The head noun of the thing whose name a question asks ("what is the name of Sadr's militia" ->
    "militia"), or None."""
    m = _NAME_OF.match(question) or _CALLED.match(question)
    if not m:
        return None
    thing = _POSSESSOR.sub("", m.group("thing").strip())
    # (up to what qualifies it: "the Shi'ite holy city where the two sides negotiated" -> "city")
    thing = re.split(r"\s+(?:in|of|at|for|that|which|who|where|when|whose|whom)\s+", thing, maxsplit=1)[0]
    words = thing.split()
    return words[-1].lower() if words and words[-1].isalpha() else None


def names_it(sentence: str, head: str) -> bool:
    """Does the sentence give the thing a name: "his militia, the Mahdi Army,", "an operation dubbed
    "Charge of the Knights"", "the Mahdi Army militia"?"""
    h = re.escape(head)
    name = r"[\"\u201c']?(?:the\s+)?[A-Z][\w'\-]+"
    # (an appositive, closed by a comma or the sentence's end: not "For their part, the US agreed ...", a clause's
    # subject after a comma)
    return bool(re.search(rf"\b{h}s?,\s+{name}(?:\s+[A-Z][\w'\-]+)*\s*(?:[,.;:)]|$)", sentence)
                or re.search(rf"\b{h}s?\b[^.]{{0,40}}?\b(?:called|named|dubbed|known\s+as)\s+{name}", sentence)
                # ... or "the name of their castle: Afranji"
                or re.search(rf"\bnames?\s+of\s+(?:\w+\s+){{0,2}}{h}s?\s*[:,]\s*{name}", sentence)
                # two capitalised words before it are a name, one may be an adjective ("Shi'ite militia")
                or re.search(rf"(?:\b[A-Z][\w'\-]+\s+){{2,}}{h}\b", sentence))


# "which treaty set up the duchy", "what militia leader called for calm": "which"/"what" (after an optional
# preposition), the noun (after at most one modifier), then a verb; not "what is", "which of".
_WHICH = re.compile(r"^\W*(?:(?:in|on|at|by|from|to|under|for|with|during)\s+)?(?:which|what)\s+(?P<rest>.*)", re.I)
_AUX = frozenset("did does do was were is are has have had will would can could should may might must".split())
# Nouns a "which" question uses for a kind the answer type already reads (bot/answer/question.py), or
# that say nothing about the thing ("what kind", "which one").
_NOT_THING = frozenset("year years date day days month months time times century decade number percentage "
                       "amount size person man woman people city country place places region province town "
                       "state district kind kinds type types sort way ways one ones part parts thing things "
                       "else".split())


def asked_thing(question: str, is_noun, is_verb) -> str | None:
    """The noun a "which X ..." / "what X did ..." question asks an instance of ("which treaty set up the
    duchy of normandy" -> "treaty"), or None. `is_noun` / `is_verb` say what a word can be (WordNet)."""
    m = _WHICH.match(question)
    if not m:
        return None
    toks = re.findall(r"[a-z][a-z'\-]*", m.group("rest").lower())
    for k in (0, 1):  # the noun right after "which", else after one modifier
        if len(toks) < k + 2 or toks[0] in _AUX:
            break
        noun, after = toks[k], toks[k + 1]
        if noun in _AUX or noun in _NOT_THING or not is_noun(noun):
            continue
        # the word after the noun must be a verb: "which treaty set up", "what king led", "which party was"
        if after in _AUX or after.endswith("ed") or is_verb(after):
            return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") and is_noun(noun[:-1]) else noun
    return None


def names_instance(sentence: str, noun: str, asked: set[str]) -> bool:
    """Does the sentence name an instance of the noun that the question does not ("the treaty of
    Saint-Clair-sur-Epte", "his militia, the Mahdi Army,")? `asked`: the question's words, lower case."""
    n = re.escape(noun)
    for m in re.finditer(rf"\b(?i:{n})(?:e?s)?\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)*)",
                         sentence):
        if {w.lower() for w in re.findall(r"[\w'\-]+", m.group("name"))} - asked:
            return True
    return names_it(sentence, noun) and not all(w.lower() in asked for w in re.findall(r"\b[A-Z][\w'\-]+", sentence))
