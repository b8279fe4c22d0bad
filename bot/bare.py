"""Bare follow-ups, made to stand alone without an LLM: a question word alone ("why?", "and when?", "in which
city?"), "why not?", "how come?", "to do what?", "where else?", asking for more ("tell me more", "anything
else?") and asking whether the answer holds ("really?"): each the previous question asked again, or its topic.
bot/rewrite.py tries these first (`rewrite_bare`), before an ellipsis or a pronoun.
"""

from __future__ import annotations

import re

from bot.answer import base_forms, is_group_noun, is_participle, is_person_noun, past, present, split_subject
from bot.act_told import act_told
from bot.antecedents import place_for_there
from bot.graft import object_filled, of_doer
from bot.referents import a_thing, undergoing
from bot.which import which_named, which_of_object

# A question going on from the previous one: "to do what?", "in exchange for what?", "if what?", "against whom?" ("for what?"
# alone asks why: _HOW_COME_BARE)
_GOES_ON = re.compile(r"(?i)\s*(?:and\s+)?(?:to\s+(?:do\s+)?what|in\s+(?:exchange|return)\s+for\s+what|"
                      r"(?:if|unless|until)\s+what|"  # "what did Sadr threaten" + "if what?": on what condition
                      r"(?:about|regarding)\s+what|"  # "what did iraqi officials say" + "about what?"
                      r"(?:to|against|with)\s+whom)\s*\??\s*")
# Asking for more on the same topic: "tell me more", "anything else?", "what else?", "go on"; or for more about
# what was just said: "like what?", "for example?", "what does that mean?", "explain"
_MORE = re.compile(r"(?i)\s*(?:(?:and|so|ok|okay|please)[\s,]+)*(?:tell\s+me\s+more|more(?:\s+(?:please|details|info))?|"
                   r"anything\s+(?:else|more)|what\s+else|go\s+on|keep\s+going|continue|what\s+more|"
                   r"like\s+what|such\s+as|for\s+(?:example|instance)|examples?|details|elaborate|in\s+what\s+way|"
                   r"what\s+(?:does|did)\s+(?:that|this|it)\s+mean|what\s+do\s+you\s+mean|meaning|"
                   r"explain(?:\s+(?:that|this|it|more))?|can\s+you\s+explain(?:\s+(?:that|this|it))?)"
                   r"(?:\s+please)?\s*[?!.]*\s*")
# Asking whether the answer holds: "really?", "are you sure?", "is that true?" (where it is from, "source?", is
# bot/answer/provenance.py's: its article's credit line)
_CONFIRM = re.compile(r"(?i)\s*(?:(?:and|so|ok|okay|but|hmm+)[\s,]+)*(?:really|seriously|for\s+real|truly|says\s+who|"
                      r"are\s+you\s+(?:sure|certain)|(?:is|was)\s+(?:that|this|it)\s+(?:true|right|correct|so|accurate))"
                      r"\s*[?!.]*\s*")
# ... of those, the ones asking for more of the same, not for an explanation ("like what?", "what does that mean?")
_MORE_OF = re.compile(r"(?i)\s*(?:(?:and|so|ok|okay|please)[\s,]+)*(?:tell\s+me\s+more|more|anything\s+(?:else|more)|"
                      r"what\s+else|go\s+on|keep\s+going|continue|what\s+more)(?:\s+please)?\s*[?!.]*\s*")
# What someone said (and about what): "what did Sadr's spokesman say (about the weapons)"
_SAID = re.compile(r"(?i)^\s*what\s+(?:else\s+)?(did|does|do|has|have|had)\s+(.+?)\s+(say|said|tell|told|announce|claim|"
                   r"state|report|write)\b(.*)$")
# "did he?", "will they do it?": whether the one just asked about does it
_DID_IT = re.compile(r"(?i)\s*(?:(?:and|so|but|ok|okay)[\s,]+)?(did|does|do|will|would|can|could)\s+(?:he|she|they|it)"
                     r"(?:\s+do\s+(?:it|that|so))?\s*[?!.]*\s*")
# "what did the clerics push Sadr to do", "what did Sadr ask the government to do": the one told to do something
# (or asked for: "what did Sadr ask the government for")
_TOLD_TO = re.compile(r"(?i)^\s*what\s+(?:did|does|do|has|have|had|will|would)\s+.+?\s+(?:to\s+do\b|for\s*\??\s*$)")
_PHRASE_END = frozenset("to until till by on in at for from with before after".split())
MAX_GAP = 3  # words between the one told and the "to" of what they are told to do


def _told(prev_q: str) -> str | None:
    """The one the previous question asks what they were told to do: the words after its verb (split_subject's)
    up to a phrase ("Maliki give the militants until friday to do" -> "the militants")."""
    parts = split_subject(prev_q.rstrip(" ?") + "?") if _TOLD_TO.match(prev_q) else None
    told = []
    for w in parts[2].split()[1:] if parts else []:
        if w.lower().rstrip("?.!,") in _PHRASE_END:
            break
        told.append(w)
    return " ".join(told) or None


def _infinitive(answer: str, told: str) -> str | None:
    """What the answer tells them to do: the bare verb after a "to" a few words after its mention of them, and
    what follows it to the clause's end ("... pushing cleric Muqtada al-Sadr to offer terms for withdrawal of his
    Mahdi Army militia. [1]" -> "offer terms for withdrawal of his Mahdi Army militia"), else None."""
    head = re.escape(told.split()[-1])
    for m in re.finditer(rf"(?i)\b{head}\b((?:\s+[\w'\-]+){{0,{MAX_GAP}}}?)\s+to\s+([a-z]+)\b([^,.;:\[\]\"]*)", answer):
        verb = m.group(2)
        if verb in base_forms(verb, "v"):
            return f"{verb}{m.group(3)}".strip()
    return None


# A bare question word: "Why?", "and when?"
# (or a question phrase: "in which city?", "by whom?", "what year?", "for how long?")
_BARE_WH = re.compile(r"(?i)\s*(?:and\s+|so\s+|but\s+)?(why|when|where|how|who|"
                      r"(?:since|until|till)\s+when|"
                      r"(?:by|from|to|with|for|against)\s+who|"  # ("by who?": "whom" as people type it)
                      r"(?:(?:in|at|on|from|by|for|to|with|since|until)\s+)?(?:which|what|whom|how)"
                      r"(?:\s+(?!did|does|do|is|are|was|were|will|would|has|have|had|can|could)[a-z]+)?|"
                      r"what\s+(?:year|day|month|date|time))\s*[?!.]*\s*")
_ELSE = re.compile(r"(?i)\s*(?:and\s+|so\s+|but\s+)?(where|who|when)\s+else\s*[?!.]*\s*")
_CARRIED = re.compile(r"\s*\([^()]*\)\s*(?=\??\s*$)")  # "(in Basra)": a topic a rewrite carried over
# "why not?" after a yes-no question the answer said no to; "how come?" is "why?"
_WHY_NOT = re.compile(r"(?i)\s*(?:and\s+|so\s+|but\s+)?why\s+not\s*[?!.]*\s*")
# a yes / no question opened by a form of "be" or a modal, and the negative of each
_BE_OPENING = re.compile(r"(?i)^\s*(is|are|was|were|has|have|had|can|could|will|would|should)\s+")
_NEGATED = {"can": "can't", "will": "won't"}
_HOW_COME_BARE = re.compile(r"(?i)\s*(?:and\s+|so\s+|but\s+)?(?:how\s+come|how\s+so|what\s+for|for\s+what(?:\s+reason)?)"
                            r"\s*[?!.]*\s*")  # "why?" in other words
# The question word(s) opening a question: "What", "How many", "Who", "Why", "In which year", and the noun a
# "what" / "which" asks for before its auxiliary ("what day did Maliki go ...": was "why day did ...")
_WH_OPENING = re.compile(r"(?i)\s*(?:(?:in|on|at|for|to|from|by|with|since|until|till)\s+)?"
                         r"(?:what|which|who|whom|whose|when|where|why|how)(?:\s+(?:many|much|long|often|far|old)|"
                         r"(?<=what|hich)\s+[a-z]+"
                         r"(?=\s+(?:did|does|do|is|are|was|were|will|would|has|have|had|can|could)\b))?\b")


def rewrite_bare(q: str, prev_q: str, answer: str, topic: str | None, names: list[str]) -> str | None:
    """q made to stand alone when it is a bare follow-up of the standalone question `prev_q` (its answer
    `answer`, its topic, the names a pronoun could stand for), else None: go on (bot/rewrite.py)."""
    # "Tell me more", "anything else?": more on the previous turn's topic (the sentences already shown are
    # not shown again: bot/answer/followup.py).
    # ... but after what someone said, more of what they said ("what did Sadr's spokesman say" + "anything else?":
    # "what else did Sadr's spokesman say?", was "tell me more about Sadr")
    said = _SAID.match(prev_q) if _MORE_OF.fullmatch(q) else None
    # (someone: a name, or a kind of person or group; "what does the truce say" + "more" is more on the truce)
    if said and (re.search(r"[A-Z]", said.group(2))
                 or (head := said.group(2).split()[-1].lower()) and (is_person_noun(head) or is_group_noun(head))):
        return f"what else {said.group(1)} {said.group(2)} {said.group(3)}{said.group(4).rstrip(' ?')}?"
    # "really?", "are you sure?": the previous question again, its answer shown again with the article it is from
    if _CONFIRM.fullmatch(q):
        return prev_q
    if _MORE.fullmatch(q):
        return f"tell me more about {topic or (names[0] if names else prev_q.rstrip(' ?'))}"
    if _WHY_NOT.fullmatch(q):
        # "did the fighters leave?" + "why not?" -> "why did the fighters not leave?"
        parts = split_subject(prev_q.rstrip(" ?") + "?")
        if parts and not _WH_OPENING.match(prev_q):
            return f"why {parts[0]} {parts[1]} not {parts[2]}"
        # "are the militiamen leaving?" + "why not?" -> "why aren't the militiamen leaving?"
        be = _BE_OPENING.match(prev_q)
        if be:
            aux = be.group(1).lower()
            negated = _NEGATED.get(aux, aux + "n't")
            return f"why {negated} {prev_q[be.end():].strip().rstrip(' ?')}?"
        q = "why"
    # "what did the clerics push Sadr to do" + "did he?": whether the one told to do it did what the answer says
    # ("... pushing cleric Muqtada al-Sadr to offer terms for withdrawal ..." -> "did Sadr offer terms for withdrawal
    # ...?"; was "did Sadr", answered by any sentence naming him)
    if (did := _DID_IT.fullmatch(q)) and (told := _told(prev_q)) and (act := _infinitive(answer, told)):
        return f"{did.group(1).lower()} {told} {act}?"
    # "who pushed Sadr" + "to do what?": the previous question goes on ("who pushed Sadr to do what?")
    if _GOES_ON.fullmatch(q):
        return f"{prev_q.rstrip(' ?')} {q.strip().rstrip(' ?')}?"
    if _HOW_COME_BARE.fullmatch(q):
        q = "why"
    # "where else?" after "where were curfews imposed": the previous question asked of other places ("where else
    # were curfews imposed?"), never with the place it asked about carried ("where else (in Basra)?")
    other = _ELSE.fullmatch(q)
    # ... and after "tell me about the curfew", where else there is one ("where else is there a curfew?")
    if other and topic and other.group(1).lower() == "where" and a_thing(topic):
        noun = re.sub(r"(?i)^(?:the|a|an)\s+", "", topic)
        return f"where else is there a {noun}?" if not noun.endswith("s") else f"where else are there {noun}?"
    asked_wh = _WH_OPENING.match(prev_q)
    if other and asked_wh and not topic:
        rest = re.sub(r"^['\u2019]s\b", "is", _CARRIED.sub("", prev_q[asked_wh.end():]).strip()).rstrip(" ?")
        if other.group(1).lower() == "where":  # (not the place asked of: "who was fighting in Basra" + "where else")
            rest = re.sub(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*$", "", rest)
        return f"{other.group(1).lower()} else {rest}?"
    # "who pushed Sadr to offer terms" + "what terms?": what the one told offered (bot/which.py)
    if (which := which_of_object(q, prev_q)) is not None:
        return which
    # "did the US arrest Sadr" + "what warrant?", its answer telling of "the warrant for his arrest": what that is
    if (named := which_named(q, prev_q, answer)) is not None:
        return named
    # "what role did the clerics play" + "which clerics?" / "which ones?": which of them did it
    if (which := _which_of_subject(q, prev_q)) is not None:
        return which
    # "Why?", "when": the previous question asked again with the new question word.
    bare = _BARE_WH.fullmatch(q)
    if bare:
        asked = _WH_OPENING.match(prev_q)
        # "tell me about the curfew" + "where?" / "until when?": where / when the thing asked about is
        if not asked and topic and bare.group(1).lower().split()[-1] in ("where", "when"):
            return f"{bare.group(1)} is {topic}?"
        # "is it true Sadr ordered a ceasefire" + "when?": when he did what the question asked was true ("when did Sadr
        # order a ceasefire?", was "when is it true Sadr ordered a ceasefire")
        if not asked and (told := _as_did(prev_q)):
            return f"{bare.group(1)} {told}?"
        if not asked:
            # "did Sadr threaten anything" + "what exactly?": what he threatened, the "anything" asked of now the "what"
            # (was "what exactly did Sadr threaten anything")
            if re.match(r"(?i)(?:what|which)\b", bare.group(1)):
                prev_q = re.sub(r"(?i)\s+(?:anything|something)\b(?=\s*\??\s*$)", "", prev_q)
            return f"{q.rstrip(' ?')} {prev_q}"
        # "what's happening in Sadr City" + "why?": the contracted verb stays ("why is happening ...")
        rest = re.sub(r"^['\u2019]s\b", "is", prev_q[asked.end():].strip()).rstrip(" ?")
        # "where did Maliki go (then)" + "why?": why he went where the answer says ("why did Maliki go to Basra?", was
        # "why did Maliki go then?")
        if asked.group().strip().lower() == "where" and bare.group(1).lower() in ("why", "when", "how"):
            rest = _to_place(rest, prev_q, answer, topic)
        # "which strongholds were hit" + "by who?": by whom the things it asked about underwent it ("by who were the
        # strongholds hit?", was "by who were hit?")
        kind = re.fullmatch(r"(?i)\s*(?:which|what)\s+([a-z]+)\s*", asked.group())
        undergone = re.fullmatch(r"(?i)(was|were|is|are)\s+([a-z]+)\b(.*)", rest) if kind else None
        if (undergone and is_participle(undergone.group(2).lower())
                and not re.match(r"(?i)(?:what|which)\b", bare.group(1))):
            return (f"{bare.group(1)} {undergone.group(1)} the {kind.group(1).lower()} {undergone.group(2)}"
                    f"{undergone.group(3)}?")
        # "who handed control of Basra ..." + "when?": when the one the answer names did it
        # (a topic carried into the question before stays out of the act: "what hit the green zone (Basra)" + "how often?"
        # is "how often was the green zone hit?", was "how often hit the green zone (Basra)?")
        if asked.group().strip().lower() in ("who", "what") and (
                redone := of_doer(bare.group(1), _CARRIED.sub("", rest), answer)):
            return redone
        # "who was killed" + "where?": where those the answer says underwent it were ("where were people killed?",
        # was "where was killed?")
        # (so after "how many were wounded": "where were people wounded?", was "where were wounded?")
        opening = asked.group().strip().lower()
        counting = opening in ("how many", "how much")
        # (a count may leave out its "were": "how many wounded" + "where?" -> "where were people wounded?")
        # (... when the answer says it in the passive: "... and 18 wounded"; "how many died" is no passive)
        passive = (re.fullmatch(r"(?i)(?:was|were)\s+([a-z]+)", rest) if opening == "who"
                   else re.fullmatch(r"(?i)(?:was|were)\s+([a-z]+)", rest) or (
                       (bare_count := re.fullmatch(r"(?i)([a-z]+)", rest))
                       and re.search(rf"(?i)\b(?:\d[\d,]*|been|were|was)\s+{bare_count.group(1)}\b", answer)
                       and bare_count) if counting else None)
        those = undergoing(answer, prev_q) if passive and is_participle(passive.group(1)) else None
        # (a count of no noun counts people: "how many were wounded" + "where?", the answer "... and 18 wounded")
        those = those or ("people" if counting and passive and is_participle(passive.group(1)) else None)
        if those:  # ("how many?": "how many people were killed?")
            return f"{bare.group(1)} {those} were {passive.group(1)}?" if re.search(r"(?i)\bhow\s+(?:many|much)$",
                                                                                 bare.group(1)) \
                else f"{bare.group(1)} were {those} {passive.group(1)}?"
        # "how many militiamen were killed" / "how many people died" + "where?": where the ones counted underwent it or
        # did it ("where were militiamen killed?", "where did people die?"; were "where militiamen were killed?")
        if counting and not re.search(r"(?i)\bhow\s+(?:many|much)$", bare.group(1)):
            counted = re.fullmatch(r"(?i)([a-z]+)\s+(was|were|are|is)\s+(\S.*)", rest)
            if counted:
                return f"{bare.group(1)} {counted.group(2)} {counted.group(1)} {counted.group(3)}?"
            did = re.fullmatch(r"(?i)(?!(?:was|were|is|are|has|have|had|did|do|does)\b)([a-z]+)\s+([a-z]+)\b(.*)", rest)
            base = next((b for b in base_forms(did.group(2), "v") if b != did.group(2).lower()), None) if did else None
            if base:
                return f"{bare.group(1)} did {did.group(1)} {base}{did.group(3)}?"
            # (a count of no noun counts people: "how many died" + "where?" -> "where did people die?")
            # ("how many died in Basra" + "when?" -> "when did people die in Basra?"; not a noun: "how many troops")
            alone = re.fullmatch(r"(?i)([a-z]+)((?:\s+(?:in|at|on|during|after|before|near)\b.*)?)", rest)
            base = next((b for b in base_forms(alone.group(1), "v") if b != alone.group(1).lower()), None) if (
                alone and not base_forms(alone.group(1), "n")) else None
            if base:
                return f"{bare.group(1)} did people {base}{alone.group(2)}?"
        # "what did the US forces suspend" + "why?": why they suspended what the answer says they did ("why did
        # the US forces suspend the offensive?", was "why did the US forces suspend?")
        if asked.group().strip().lower() == "what" and (filled := object_filled(rest, answer)):
            return f"{bare.group(1)} {filled}?"
        # "what did Maliki say (about the patrols)" + "when?": when he said what the answer quotes ("when did Maliki
        # say that (about the patrols)?", was "when did Maliki say?")
        said = _SAID.match(prev_q)
        if (asked.group().strip().lower() == "what" and said
                and re.fullmatch(r"(?i)(?:\s+(?:about|on|of|regarding|to)\b.*)?\s*\??\s*", said.group(4))):
            return f"{bare.group(1)} {said.group(1)} {said.group(2)} {said.group(3)} that{said.group(4).rstrip(' ?')}?"
        # "what did the Sadrists do" + "why?": why they did the act the answer told of ("why did the Sadrists denounce
        # the offensive?"), when it has a noun for its object
        parts = split_subject(f"{prev_q.rstrip(' ?')}?") if asked.group().strip().lower() == "what" else None
        done = re.fullmatch(r"(?i)do\b(.*?)\??", parts[2]) if parts and parts[0].lower().endswith("did") else None
        if done and (act := act_told(parts[1], answer)):
            return f"{bare.group(1)} did {parts[1]} {act}{done.group(1)}?"
        # "what did the British do" + "where?": where they did that, the act the previous answer told of
        # ("what did the US do in Najaf" + "why?": "why did the US do that in Najaf", was "... do in Najaf")
        rest = re.sub(r"(?i)\bdo(?=$|\s+(?:in|at|on|to|with|about|after|before|during|there|then)\b)", "do that", rest)
        # ("where did the clashes spread to" + "when?": "when did the clashes spread?", no preposition left hanging)
        rest = re.sub(r"(?i)\s+(?:to|from|in|at|on|for|with|about|into)$", "", rest) if asked.group().strip().lower() in (
            "where", "what", "who", "whom") else rest
        # ("where were people killed?" + "how many?": "how many people were killed?")
        counted = re.fullmatch(r"(?i)(were|are)\s+([a-z]+s|people)\s+(\S.*)", rest) \
            if re.search(r"(?i)\bhow\s+many$", bare.group(1)) else None
        if counted:
            return f"{bare.group(1)} {counted.group(2)} {counted.group(1)} {counted.group(3)}?"
        return f"{bare.group(1)} {rest}?"
    return None


# a statement asked to be confirmed: "is it true (that) Sadr ordered a ceasefire"
_IS_IT_TRUE = re.compile(r"(?i)^\W*(?:is\s+it\s+true|is\s+it\s+right|is\s+it\s+correct)\s+(?:that\s+)?(?P<said>.+?)\s*\??\s*$")


def _as_did(prev_q: str) -> str | None:
    """The statement of "is it true (that) X VERBed ..." put as "did X VERB ..." ("Sadr ordered a ceasefire" -> "did
    Sadr order a ceasefire"), else None (no such question, or no verb in the past after its subject)."""
    m = _IS_IT_TRUE.match(prev_q)
    ws = m.group("said").split() if m else []
    for i, w in enumerate(ws[1:5], start=1):
        base = next((b for b in base_forms(w.lower(), "v") if b != w.lower()), None)
        if base and (w.lower().endswith("ed") or past(base) == w.lower()):
            return " ".join(["did", *ws[:i], base, *ws[i + 1:]])
    return None


def _to_place(rest: str, prev_q: str, answer: str, topic: str | None) -> str:
    """The rest of a where-question ("did Maliki go then") with the place its answer gives, after the preposition the
    answer puts before it ("did Maliki go to Basra"); unchanged when the answer names no place."""
    place = place_for_there(prev_q, answer, topic)
    at = re.search(rf"\b(in|at|to|into|from|near|inside|outside)\s+(?:the\s+)?{re.escape(place)}\b", answer) if place else None
    if not at:
        return rest
    went = re.sub(r"(?i)\s+(?:then|there|now)$", "", rest)
    return f"{went} {at.group(1)} {place}"


# "which clerics?", "which ones?", "what militia?": which of those a question named
_WHICH = re.compile(r"(?i)\s*(?:and\s+|so\s+|but\s+|ok\s+)?(?:which|what)\s+(?:(?P<one>ones?)|(?P<noun>[a-z]+))"
                    r"\s*[?!.]*\s*")


def _which_of_subject(q: str, prev_q: str) -> str | None:
    """"what role did the clerics play" + "which clerics?" -> "which clerics played a role?" (was "which clerics did the
    clerics play?"): a which-question of the previous question's subject (its head noun, or "ones") asks which of
    them did what it asked about, the subject put in place of the question word's slot; None for any other."""
    m = _WHICH.fullmatch(q)
    parts = split_subject(prev_q.rstrip(" ?") + "?") if m else None
    if not parts:
        return None
    opening, subject, rest = parts[0].split(), parts[1], parts[2].rstrip(" ?").split()
    aux = opening[-1].lower()
    words = re.sub(r"(?i)^(?:the|a|an|these|those)\s+", "", subject).split()
    if aux not in ("did", "does", "do") or not words or not rest or len(opening) > 3:
        return None
    head = words[-1].lower()
    noun = m.group("noun")
    if noun and not set(base_forms(noun, "n")) & (set(base_forms(head, "n")) or {head}):
        return None
    # the question word's slot: "what role" -> "a role" ("what weapons" -> "weapons"); "why", "how", "when": nothing
    # (which of them did it is asked, not why). Not a slot the answer filled ("what did the lawmakers say", "where did
    # the fighters go": "which lawmakers said that?" would ask of any sentence saying anything), nor "who" / "whom".
    wh = opening[0].lower()
    thing = opening[1:-1]
    if not (wh in ("why", "how", "when") and not thing or wh == "what" and len(thing) == 1):
        return None
    slot = "" if not thing else thing[0] if thing[0].endswith("s") else f"a {thing[0]}"
    verb = rest[0]
    plural = m.group("one") == "ones" or (noun or head).endswith("s") and not (noun or head).endswith("ss")
    form = past(verb) if aux == "did" else verb if plural else present(verb)
    who = noun if noun and not m.group("one") else " ".join(words)
    # the slot is after the verb ("played a role in the truce"), or at the end after an infinitive or a preposition
    # ("what weapons did they agree to": "which militias agreed to weapons")
    end = len(rest) > 1 and (rest[-2].lower() == "to" or rest[-1].lower() in _PHRASE_END)
    tail = [*rest[1:], slot] if end else [slot, *rest[1:]]
    return " ".join(["which", who, form, *(w for w in tail if w)]) + "?"
