"""Ellipses and counted times in a follow-up, put into the previous question (bot/rewrite.py).

"And in Basra?" after "When did fighting erupt in Najaf?" is the previous question with its place swapped;
"a year later" after a turn about 1971 is "in 1972".
"""

from __future__ import annotations

import re

from bot.answer import (BE_FORMS, CALENDAR, base_forms, is_group_noun, is_participle, is_person_noun, is_place_noun,
                        is_speech_verb, may_say, split_subject)
from bot.names import entities, is_place
from bot.referents import plural_noun
from index.terms import stopwords

# A time counted from the previous turn's year: "a year later", "two years after that", "the following year",
# "the year before" (the number of years, and which way)
_YEARS_LATER = re.compile(r"(?i)\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+"
                          r"(?P<dir>later|after(?:\s+that)?|afterwards|earlier|before(?:\s+that)?)"
                          r"|the\s+(?P<dir1>next|following|previous)\s+year|the\s+year\s+(?P<dir2>after|before))\b")
_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
# A follow-up that brings a subject of its own for the previous question's frame: "And the prime minister?"
_NOUN_PHRASE = re.compile(r"(?i:the|a|an|his|her|their|its)\s+[\w'\- ]+|[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*")
_PREPOSITIONS = r"in|at|on|for|from|to|with|against|during|after|before|inside|outside|near"
# a day, month or year typed alone: the calendar's words (the days those ending in "day") or a year
_DAYS = frozenset(w for w in CALENDAR if w.endswith("day"))
_DATE_WORD = "|".join(sorted(CALENDAR)) + r"|(?:1\d|20)\d\d"
_DATE_PREPS = r"in|on|since|until|till|by|before|after|during"
_ORDINAL = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|last|final|previous"


def graft(prev: str, rest: str, answer: str = "") -> str | None:
    """Put the ellipsis into the previous question: "And in Basra?" after "When did fighting erupt in
    Najaf?" swaps the place ("... erupt in Basra"); a bare name swaps the previous question's last name;
    anything else is appended ("... in exchange in Najaf"), but a thing the frame has no place for is None.
    `answer`, the previous answer, tells which of the question's names are places."""
    # Another act and another place: "How many were killed in Kut?" + "and wounded in Basra?" -> both swapped
    both = re.fullmatch(r"([a-z]+)\s+((?:in|at|on|for|from|to|during|after|before)\s+\S.*)", rest)
    if both and is_participle(both.group(1)):
        return graft(graft(prev, both.group(1)), both.group(2))
    # A day, month or year for the one the question dated itself by: "what happened on saturday" + "and friday?" ->
    # "what happened on friday" (was "... on saturday friday?"); "and in august?" -> "what happened in august"
    dm = re.fullmatch(rf"(?i)(?:({_DATE_PREPS})\s+)?({_DATE_WORD})", rest)
    old = re.search(rf"(?i)\b({_DATE_PREPS})\s+(?:the\s+)?({_DATE_WORD})\b", prev) if dm else None
    if old:
        # (a day is "on" it, a month or a year "in" it; "since", "until", "before", ... stay)
        prep = dm.group(1) or (old.group(1) if old.group(1).lower() not in ("on", "in") else
                               "on" if dm.group(2).lower() in _DAYS else "in")
        return f"{prev[:old.start()]}{prep} {dm.group(2)}{prev[old.end():]}"
    # (a year for a year: "what happened in 1066" + "and the year before?" -> "... in 1065")
    pm = re.match(r"(?i)(in|at|on|for|from|to|during|after|before)\s+([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*|\d{4})$", rest)
    if pm:
        old = re.search(rf"\b(?i:{pm.group(1)})\s+(?:[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*|\d{{4}})(?=\W*$)", prev)
        if old:
            return prev[:old.start()] + rest + prev[old.end():]
        # ... or the place modifying a thing: "when is the Baghdad curfew lifted" + "and in Kut?" -> "when is the Kut
        # curfew lifted" (a place the previous answer puts after a preposition of place: "... curfew in Baghdad")
        # (or its people: "what did residents of Basra hear" + "and in Sadr city?" -> "... residents of Sadr city ...")
        places = [n for n in entities(prev) if is_place(n, answer) or re.search(
            rf"(?i)\b(?:residents|people|citizens|inhabitants|streets|city|province)\s+of\s+{re.escape(n)}\b",
            f"{prev} {answer}")] if pm.group(1).lower() in ("in", "at") else []
        if len(places) == 1 and not pm.group(2).isdigit():
            at = prev.find(places[0])
            return prev[:at] + pm.group(2) + prev[at + len(places[0]):]
    # ... and a thing for a thing after the same preposition: "what does Sadr want from the government" + "and from
    # the militia?" -> "what does Sadr want from the militia" (was "... from the government from the militia")
    pt = re.fullmatch(rf"(?i)({_PREPOSITIONS})\s+((?:the|a|an|his|her|their|its)\s+[\w'\- ]+)", rest)
    old = re.search(rf"\b(?i:{re.escape(pt.group(1))})\s+(?i:the|a|an|his|her|their|its)"
                    rf"(?:\s+(?!(?i:{_PREPOSITIONS})\b)[\w'\-]+)+", prev) if pt else None
    if old:
        return prev[:old.start()] + rest + prev[old.end():]
    # "where were curfews imposed" + "what about Baghdad?": whether they were there ("were curfews imposed in
    # Baghdad"; was "where were curfews imposed Baghdad")
    where = re.match(r"(?i)\s*where\s+(is|are|was|were|did|does|do|has|have|had|will)\s+(\S.*?)\s*\??$", prev)
    if where and re.fullmatch(r"(?:the\s+)?[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*", rest):
        return f"{where.group(1).lower()} {where.group(2)} in {rest}"
    # ... or what it is about: "what did Sadr's spokesman say about weapons" + "and about the fighting?" -> "... say
    # about the fighting"
    about = re.fullmatch(r"(?i)(about|regarding|concerning|on|over|against|toward|towards)\s+(\S.*)", rest)
    old = re.search(rf"\b(?i:{about.group(1)})\s+[^?]+?(?=\W*$)", prev) if about else None
    if old:
        return prev[:old.start()] + rest + prev[old.end():]
    # Another of a series: "what's the second step" + "and the third?" -> "what's the third step"
    nth = re.fullmatch(rf"(?:the\s+)?({_ORDINAL})", rest, re.I)
    old = re.search(rf"\b(?:{_ORDINAL})(?=\s+[a-z])", prev, re.I) if nth else None
    if old:
        return prev[:old.start()] + nth.group(1).lower() + prev[old.end():]
    # Another of the same kind: "what is the worst case for quicksort" + "and the average case?" -> "what is
    # the average case for quicksort" (the noun phrase with the same last word is swapped)
    kind = re.fullmatch(r"(?:the|a|an|his|her|their|its)\s+(?:[a-z][\w'\-]*\s+){1,3}([a-z][\w'\-]*)", rest)
    same = re.search(rf"\b(?i:the|a|an|his|her|their|its)\s+(?:[\w'\-]+\s+){{0,3}}{re.escape(kind.group(1))}\b",
                     prev) if kind else None
    if same:
        return prev[:same.start()] + rest + prev[same.end():]
    # ... or in the plural with no article: "where were clashes reported besides Basra" + "and curfews?" -> "where
    # were curfews reported besides Basra" (the previous question's first plural noun is swapped)
    if re.fullmatch(r"[a-z][a-z\-]*s", rest) and plural_noun(rest):
        old = plural_noun(prev)
        at = re.search(rf"\b{re.escape(old)}\b", prev, re.I) if old else None
        if at:
            return prev[:at.start()] + rest + prev[at.end():]
    # Another act in the previous question's frame: "How many were hurt in Basra?" + "And killed?" -> "How
    # many were killed in Basra?" (the last past participle of the previous question is swapped)
    if re.fullmatch(r"[a-z]+", rest) and is_participle(rest):
        acts = [m for m in re.finditer(r"\b[a-z]+\b", prev) if is_participle(m.group())]
        if acts:
            return prev[:acts[-1].start()] + rest + prev[acts[-1].end():]
    # A new subject in the previous question's frame: "What did the Sadrist lawmakers say?" + "And the prime
    # minister?" -> "What did the prime minister say?"
    parts = split_subject(prev + "?")
    # (not the one asking: "what do we know about Kut" + "and Nasiriya?" swaps Kut, below)
    if parts and parts[1].lower() in _ASKERS:
        parts = None
    # ... but a thing, after a question of what someone said, is what it was about: "what did Sadr's spokesman say"
    # + "what about the weapons?" -> "what did Sadr's spokesman say about the weapons" (was "what did the weapons
    # say?")
    thing = re.fullmatch(r"(?i:the|a|an|his|her|their|its)\s+(?:[a-z][\w'\-]*\s+){0,3}([a-z][\w'\-]*)", rest)
    said = re.match(r"([a-z]+)\b(.*)$", parts[2].rstrip(" ?")) if parts and thing else None
    # (a verb one of whose senses is saying: "what did Senor confirm" + "and the patrols?")
    # ... and so are people the answer's words were about: "what else did Sadr's spokesman say" + "and the fighters?",
    # its answer "Sadr's spokesman said the fighters would not be turning in their guns" (a kind of person in the
    # plural, not a body of people: "and the government?" asks what the government said)
    head = thing.group(1).lower() if thing else ""
    # (named after the answer's verb of saying: "Sadrist lawmakers and officials denounced ..." + "and the officials?"
    # asks what the officials said)
    verb_at = next((w.end() for w in re.finditer(r"[a-z]+", answer) if is_speech_verb(w.group()) or may_say(w.group())),
                   None)
    spoken_of = (is_person_noun(head) and not is_group_noun(head) and re.search(r"[^s]s$", head) and verb_at
                 and re.search(rf"(?i)\b{re.escape(head)}\b", answer[verb_at:])
                 and not re.search(rf"(?i)\b{re.escape(head)}\b", prev))
    # "what did he call the move" + "and the operation?": a thing for the thing the act was done to ("what did he call
    # the operation", was "... call the move about the operation?"), neither a kind of person nor a body of people
    done_to = re.fullmatch(r"(?i)\s*((?:the|a|an|his|her|their|its)\s+(?:[a-z][\w'\-]*\s+){0,3}([a-z][\w'\-]*))(.*)$",
                           said.group(2)) if said else None
    # (the whole of it: what follows it, if anything, a phrase of its own, "... call the move in Basra")
    if done_to and not any(is_person_noun(h) or is_group_noun(h) for h in (head, done_to.group(2).lower())) and (
            not done_to.group(3).strip(" ?") or re.match(rf"(?i)\s+(?:{_PREPOSITIONS})\b", done_to.group(3))):
        at = prev.find(done_to.group(1), len(parts[0]) + len(parts[1]))
        return prev[:at] + rest + prev[at + len(done_to.group(1)):]
    if said and (is_speech_verb(said.group(1)) or may_say(said.group(1))) and (spoken_of or not (
            is_person_noun(head) or is_group_noun(head))):
        head = re.sub(r"(?i)\s+else\b", "", parts[0])
        tail = re.sub(r"(?i)\s+(?:about|on|regarding|concerning)\s+.*$", "", said.group(2))
        return f"{head} {parts[1]} {said.group(1)}{tail} about {rest}"
    # "what did residents hear" + "and see?": another act of the same subject, its verb swapped (was "what did
    # residents hear see?")
    verb = re.match(r"([a-z]+)\b(.*)$", parts[2]) if parts and re.fullmatch(r"[a-z]+", rest) else None
    if (verb and parts[0].split()[-1].lower() in _AUXILIARIES and rest in base_forms(rest, "v")
            and verb.group(1) in base_forms(verb.group(1), "v") and rest != verb.group(1)):
        return f"{parts[0]} {parts[1]} {rest}{verb.group(2).rstrip(' ?')}"
    # "did anyone die in Baghdad" + "what about Kut?": a name for no one in particular is no subject to swap; the
    # place is (was "did Kut die in Baghdad?")
    at = re.search(r"\b(?:in|at)\s+([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*(?:\s+(?:city|province|district))?)(?=\W*$)",
                   prev) if parts and parts[1].lower() in _NO_ONE and re.fullmatch(
                       r"[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*", rest) else None
    if at:
        return prev[:at.start(1)] + rest + prev[at.end(1):]
    if parts and _NOUN_PHRASE.fullmatch(rest):
        head, _, tail = parts
        return f"{_agree(head, rest)} {rest} {tail.rstrip(' ?')}"
    # ... with its article ("and the Mahdi Army?") or a place noun typed in lower case ("and Sadr city?")
    named = re.fullmatch(r"(?:(?i:the)\s+)?[A-Z][\w'\-]*(?:\s+(?:al-|of )?[A-Z][\w'\-]*)*(?:\s+([a-z]+))?", rest)
    if named and (not named.group(1) or is_place_noun(named.group(1))):
        names = entities(prev)
        if names:
            last = prev.rfind(names[-1])
            before = prev[:last]
            if re.match(r"(?i)the\s", rest) and re.search(r"(?i)\bthe\s+$", before):
                before = re.sub(r"(?i)\bthe\s+$", "", before)  # "... to the Green Zone" + "the Mahdi Army"
            after = prev[last + len(names[-1]):]
            # "who read Sadr's statement" + "what about Maliki's?": one possessive ("Maliki's statement")
            if re.match(r"['\u2019]s\b", after):
                rest = re.sub(r"['\u2019]s$", "", rest)
            return before + rest + after
    # "what happened in Najaf" + "what about the economy?": a thing, and the frame has no subject to swap
    if re.fullmatch(r"(?:the|a|an|his|her|their|its)\s+[a-z][\w'\- ]*", rest) and not parts:
        return None
    # "what did the US military say it would do" + "what about security?": what is done about it (was "... would do
    # security?")
    if re.search(r"(?i)\b(?:do|does|did|done|doing)\s*\??\s*$", prev) and not re.match(
            rf"(?i)(?:{_PREPOSITIONS}|about|of|by)\b", rest):
        return f"{prev.rstrip(' ?')} about {rest}"
    return f"{prev} {rest}"


# the auxiliary's singular and plural forms, each way
_SINGULAR = {"do": "does", "are": "is", "were": "was", "have": "has"}
_PLURAL = {v: k for k, v in _SINGULAR.items()}


def _agree(head: str, subject: str) -> str:
    """The question's opening with its auxiliary agreeing with the new subject: "what do the Sadrists think" +
    "and Maliki?" -> "what does" (a name, or "the" and a singular noun); "what does Maliki think" + "and the
    Sadrists?" -> "what do" (a plural noun, or two joined by "and")."""
    m = re.search(r"(\w+)$", head)
    aux = m.group(1).lower() if m else ""
    last = subject.split()[-1]
    # (a plural: in -s, and no word of its own in -s: "the Sadrists", "troops"; not "news", "Abu Faris", "the US")
    plural = " and " in subject or bool(plural_noun(subject)) or (last.endswith("s") and not last.endswith(("ss", "us", "is"))
                                    and last.lower() not in base_forms(last.lower(), "n"))
    single = not plural and (subject[:1].isupper() or subject.lower().startswith("the "))
    new = _SINGULAR.get(aux) if single else _PLURAL.get(aux) if plural else None
    return head[:m.start()] + new if new else head


def dated(q: str, prev_q: str, answer: str) -> str:
    """"a year later" after a turn about 1971 -> "in 1972": the one year the previous question names (else its
    answer) moved by the years counted; q unchanged when there is no such phrase or no single year."""
    m = _YEARS_LATER.search(q)
    if not m:
        return q
    years = next((ys for ys in ({int(y) for y in _YEAR.findall(t)} for t in (prev_q, answer)) if ys), set())
    if len(years) != 1:
        return q
    n = m.group("n")
    count = 1 if not n else int(n) if n.isdigit() else _COUNT[n.lower()]
    way = (m.group("dir") or m.group("dir1") or m.group("dir2")).lower()
    sign = -1 if way.startswith(("earlier", "before", "previous")) else 1
    return f"{q[:m.start()]}in {years.pop() + sign * count}{q[m.end():]}"


# Words between a subject and its verb ("US occupation forces *have* suspended", "barrages ... have *also* slammed")
_BETWEEN = frozenset("have has had also was were is are been be then later reportedly already just not".split())
_AUXILIARIES = frozenset("did does do will would can could should shall may might must".split())
_PRONOUNS = frozenset("he she it they we you i this that who which".split())
MAX_DOER_WORDS = 6
# subjects naming no one in particular ("was anyone hurt", "did people die")
_NO_ONE = frozenset("anyone anybody someone somebody everyone everybody nobody people".split())


def of_doer(wh: str, rest: str, answer: str) -> str | None:
    """A bare question word after a question whose subject was asked ("who handed control of Basra to Iraqi
    forces" + "when?"): the act asked of whoever the answer names doing it ("when did British troops hand
    control of Basra to Iraqi forces?"); after "what happened in Basra", "when?" / "where?" of the event ("when
    did it happen in Basra?", which points at what the answer told of). None when `rest` (the previous
    question after its question word) does not open with a verb in the past or in the present's -s form, or
    no doer is named."""
    # "who is fighting (in Iraq)" + "why?" / "since when?": the act in progress asked of whoever does it (was "why is
    # fighting ...", "since when is fighting who in Basra?"); an object asked with it goes ("who's fighting who")
    going = re.match(r"(is|are|was|were)\s+([a-z]+ing)\b(?:\s+(?:who|whom)\b)?(.*)$", rest)
    # (not what is happening: "what's happening in Sadr City" + "why?" asks why it happens, below)
    if going and base_forms(going.group(2), "v") and not (
            set(base_forms(going.group(2), "v")) & {"happen", "occur", "go"}):
        return f"{wh} {going.group(1)} anyone {going.group(2)}{going.group(3)}?"
    # "who is in control of Najaf" + "since when?": the state asked of whoever the answer says is in it ("since when
    # is the Mahdi Army in control of Najaf?" after "... the Mahdi Army remained in firm control"; was "since when is
    # in control of Najaf?")
    state = re.match(r"(is|are|was|were)\s+((?:in|under|at|on|out\s+of)\s+(?:the\s+)?([a-z]+)\b.*)$", rest)
    if state and (holder := _in_state(answer, state.group(3))):
        be = state.group(1) if not re.search(r"[^s]s$", holder.split()[-1]) else (
            "are" if state.group(1) in ("is", "are") else "were")
        return f"{wh} {be} {holder} {state.group(2)}?"
    m = re.match(r"([a-z]+)\b(.*)$", rest)
    # (an auxiliary opens an object question, "what did Rollo get": its subject is asked, not a doer)
    if not m or m.group(1) in _BETWEEN or m.group(1) in _AUXILIARIES:
        return None
    verb, tail = m.groups()
    # an inflected verb ("handed" -> "hand"), or one whose past is its base ("read", "put")
    base = next((b for b in base_forms(verb, "v") if b != verb or is_participle(verb)), None)
    if not base:
        return None
    if base in ("happen", "occur"):
        # (its date or place is looked for near what the answer told of; a reason is not: "why?" stays as it was)
        return f"{wh} did it {base}{tail}?" if wh.lower() in ("when", "where") else None
    doer = _doer(answer, verb)
    if doer:
        return f"{wh} did {doer} {base}{tail}?"
    # no doer named ("who ordered the ceasefire" + "... a cease-fire that he originally ordered in August"): the
    # act in the passive, of what it was done to ("when was the ceasefire ordered?"; was "when ordered the ...")
    done_to = tail.strip()
    # (a particle goes after the participle: "who brought Normans in" + "why?" -> "why were Normans brought in?")
    particle = re.search(r"\s+(in|out|up|down|over|off|back|away)$", done_to)
    done_to, particle = (done_to[:particle.start()], f" {particle.group(1)}") if particle else (done_to, "")
    # (a past the same as its base too: "what hit the green zone" + "when?" -> "when was the green zone hit?"; a name
    # or a plural noun done to: "who killed Sadr" + "when?" -> "when was Sadr killed?")
    if (verb.endswith("ed") or is_participle(verb)) and (
            re.fullmatch(r"(?i)the\s+[\w'\- ]+", done_to)
            or re.fullmatch(r"[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,3}|[a-z][\w\-]*[^s\W]s", done_to)):
        be = "were" if re.search(r"[^s]s$", done_to.split()[-1]) and " of " not in done_to else "was"
        return f"{wh} {be} {done_to} {verb}{particle}?"
    # ... nor for a present act ("who wants the militia gone" + "why?": "... prompted those loyal to ... al-Sistani to
    # ask the militia to leave"): the act asked of whoever does it (was "why wants the militia gone")
    if re.search(r"[^s]s$", verb) and base != verb:
        return f"{wh} does anyone {base}{tail}?"
    return None


def _in_state(answer: str, noun: str) -> str | None:
    """Whoever the answer puts in the state its noun names: the doer of the verb before it ("the Mahdi Army
    remained in firm control" -> "the Mahdi Army" for "control"), else None."""
    m = re.search(rf"(?i)\b([a-z]+)\s+(?:in|under|at|on|out\s+of)\s+(?:[a-z]+\s+){{0,2}}?{re.escape(noun)}\b", answer)
    return _doer(answer, m.group(1)) if m and base_forms(m.group(1).lower(), "v") else None


def doer_asked(prev_q: str, answer: str) -> str | None:
    """The doer the answer names for the act a who-question asked about ("who negotiated (in Najaf)?" + "... while
    the two sides negotiated in ..." -> "the two sides"); None for another question or when none is named."""
    m = re.match(r"(?i)\s*who\s+([a-z]+)\b", prev_q)
    verb = m.group(1).lower() if m else ""
    if not verb or verb in _BETWEEN or verb in _AUXILIARIES or not base_forms(verb, "v"):
        return None
    return _doer(answer, verb)


def _doer(answer: str, verb: str) -> str | None:
    """The noun phrase right before `verb` in the answer ("British troops handed ..." -> "British troops";
    "US occupation forces have suspended" -> "US occupation forces"); None for a pronoun or none."""
    m = re.search(rf"\b{re.escape(verb)}\b", answer)
    # ... or another form of it ("who threatened civil disobedience": "Moqtada al-Sadr is threatening a campaign")
    bases = set(base_forms(verb.lower(), "v"))
    # (inflected: a bare form may be a noun, "the Mahdi Army remained in firm control")
    m = m or next((w for w in re.finditer(r"\b[a-z]+\b", answer)
                   if w.group() not in bases and set(base_forms(w.group(), "v")) & bases), None)
    if not m:
        return None
    # a name set off by commas right before the verb is the doer ("Spokesman for the US-led occupation
    # administration, Dan Senor, said ..." -> "Dan Senor"; the comma ended the phrase read below)
    apposed = re.search(r",\s*((?:[A-Z][\w'\-]*\s+){0,3}[A-Z][\w'\-]*),\s*$", answer[:m.start()])
    if apposed:
        return apposed.group(1)
    toks = answer[:m.start()].split()
    # In the passive the doer follows "by" ("The truce ... was greeted with cautious relief by the embattled
    # residents"), none when no "by" comes before the sentence goes on
    if toks and toks[-1].lower() in BE_FORMS and not m.group().endswith("ing"):  # (not the progressive's "is")
        by = re.match(r"[^.;:]*?\bby\s+([\w'\- ]+)", answer[m.end():])
        doer = by.group(1).split()[:MAX_DOER_WORDS] if by else []
        cut = next((i for i, w in enumerate(doer) if i and w.lower() in OBJECT_ENDS), len(doer))
        return " ".join(doer[:cut]) or None
    while toks and (toks[-1].lower() in _BETWEEN or toks[-1].endswith("ly")):
        toks.pop()
    phrase: list[str] = []
    while toks and len(phrase) < MAX_DOER_WORDS:
        t = toks[-1]
        word = re.sub(r"['\u2019]s$", "", t)
        if not re.fullmatch(r"[A-Za-z][\w'\-]*", t) or t.lower() in _PRONOUNS:
            break  # punctuation ends the phrase ("On Saturday, Mr. Maliki ...")
        if t.lower() in ("the", "a", "an"):
            phrase.insert(0, t.lower())
            break
        if t.lower() in ("but", "so", "yet", "however", "meanwhile"):
            break  # "But Sadrist lawmakers ...": the sentence's link, no part of the doer
        if t.lower() == "and" and phrase and len(toks) > 1:
            phrase.insert(0, "and")  # "Sadrist lawmakers and officials denounced ...": both are the doer
            toks.pop()
            continue
        named = any(part[:1].isupper() for part in t.split("-"))  # "al-Sadr" is a name too
        if not (named or (t not in stopwords() and any(base_forms(word.lower(), p) for p in "na"))):
            break
        phrase.insert(0, t)
        toks.pop()
    while phrase and phrase[0] == "and":  # ("..., and officials said": no doer before the "and")
        phrase.pop(0)
    if not phrase or phrase[-1].lower() in _PRONOUNS or phrase == ["the"]:
        return None
    return " ".join(phrase)


_ASKERS = frozenset({"we", "i", "you", "u"})  # the subject of "what do we know about ...", "what can you tell me"
# Words that end the noun phrase an answer gives as a verb's object ("suspended their offensive *against* Iraqi
# militiamen", "issued a statement *saying* ..."); "of" / "to" go on into what the head is of ("an end to the fighting")
OBJECT_ENDS = frozenset("against in on at for from with by after before over and but that which who while because as "
                         "than into onto during until since".split())
OWNERS = frozenset("the a an their his her its".split())
MAX_OBJECT_WORDS = 6


def object_filled(rest: str, answer: str) -> str | None:
    """A bare question word after a question that asked for an object ("what did the US forces suspend" +
    "why?"): `rest` ("did the US forces suspend") with the object the answer gives that verb ("US occupation
    forces have suspended their offensive against ..." -> "did the US forces suspend the offensive"); None when
    `rest` does not end on its verb or the answer gives the verb no such object."""
    m = re.fullmatch(r"(?i)(?:did|does|do|has|have|had|will|would|can|could)\s+\S.*?\s([a-z]+)", rest)
    bases = set(base_forms(m.group(1).lower(), "v")) - {"do", "be", "have"} if m else set()
    if not bases:
        return None
    toks = re.findall(r"[\w'\-]+|[^\w\s]", answer)
    for i, t in enumerate(toks[:-2]):
        if not (bases & set(base_forms(t.lower(), "v"))) or toks[i + 1].lower() not in OWNERS:
            continue
        # (owned by the doer, "their offensive", or newly named, "a statement": the one the answer told of)
        phrase = ["the"]
        for w in toks[i + 2:i + 2 + MAX_OBJECT_WORDS]:
            low = w.lower()
            if not re.fullmatch(r"[\w'\-]+", w) or low in OBJECT_ENDS or (low.endswith("ing") and phrase[-1].lower() not in OWNERS):
                break
            phrase.append(w)
        if len(phrase) > 1 and phrase[-1].lower() not in stopwords():
            return f"{rest} {' '.join(phrase)}"
    return None
