"""Which questions are broad ("What happened in Basra?", "Tell me about the Najaf truce", "Who is Hazem
al-Aaraji?", a bare "basra"), and their topic; a question asking for one fact ("What is the capital of ...?",
"who is the Mahdi Army's leader") has none. broad.py sums the topic up."""

from __future__ import annotations

import re

from bot.answer import lexicon
from bot.answer.features import CALENDAR
from bot.answer.question import known_word
from index.terms import stopwords, terms

# The topic follows the opening; the opening words are not part of it.
# "... in short", "... briefly": how long the overview should be, no part of its topic
_SHORT = r"(?:in\s+short|in\s+brief|briefly|quickly|in\s+a\s+nutshell|in\s+a\s+few\s+words)"
_BROAD = re.compile(
    r"^\s*(?:(?:so|ok|okay|and|hey|please|can you|could you)[\s,]+)*"
    r"(?:what(?:'s| is| was| has been)?\s+(?:happened|happening|going on|went on|the story|the news|the deal|up|new)"
    r"(?:\s+(?:in|at|with|to|on|about|over|around|between|from))?"  # ("what's the news from Najaf")
    # "tell me about Basra", "tell me some stuff about the truce", "tell me everything about Najaf"
    r"|(?:tell|talk|brief)\s+(?:me|us)\s+(?:(?:some\s+)?(?:more|stuff|things|something|anything|everything)\s+)?(?:about|on)"
    r"|(?:give\s+(?:me|us)\s+)?(?:a\s+|the\s+)?(?:(?:quick|short|brief|simple|one-line|rough)\s+)?(?:summary|overview|"
    r"rundown|run-down|recap|gist|lowdown|synopsis|breakdown|timeline|chronology)\s+(?:of|about|on)"
    # "what is the main event in Basra", "what are the key issues with the truce"
    r"|what(?:'s|\s+is|\s+was|\s+are|\s+were)\s+the\s+(?:main|big|key|major)\s+(?:events?|stor(?:y|ies)|news|issues?)"
    r"\s+(?:in|at|on|about|with|around|for)"
    # "key points about the ceasefire", "highlights of the Basra story"
    # ("what are the main points of the Basra article": asked as a question too)
    r"|(?:give\s+(?:me|us)\s+|what(?:'s|\s+is|\s+are|\s+were)\s+)?(?:the\s+)?(?:(?:key|main)\s+(?:points|facts)|highlights)"
    r"\s+(?:of|about|on)"
    r"|summari[sz]e|sum\s+up|recap|explain|describe"
    # "background on the ceasefire", "some info about the curfew", "history of the truce": the topic as a whole
    r"|(?:(?:give|get)\s+(?:me|us)\s+)?(?:some\s+|more\s+|any\s+|the\s+)?(?:background|context|history|backstory|info|"
    r"information|details)\s+(?:on|about|of|to|for|behind)"
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
    r"\s+(?P<topic>.+?)(?:\s+{_SHORT})?[\s?.!]*$"
    # "iraq news", "basra updates": the topic first
    r"|^\s*(?!(?:what|who|whom|whose|where|when|why|how|which|is|are|was|were|any|the|give|tell|show)\b)"
    r"(?P<before>[\w'\- ]+?)\s+(?:news|updates?|latest)[\s?.!]*$"
    # "give me the najaf story in short", "tell me the basra story": the topic before the story
    r"|^\s*(?:give|tell)\s+(?:me|us)\s+(?:the\s+)?(?!the\b)(?P<story>[\w'\- ]+?)"
    r"\s+(?:story|news|lowdown|rundown|summary)"
    r"(?:\s+{_SHORT})?[\s?.!]*$".replace("{_SHORT}", _SHORT), re.I)
# "What is the capital of ...?" / "Who was the leader of ...?" ask for one fact, not an overview.
_FACT_HEAD = re.compile(r"^(?:the\s+)?(?:name|number|capital|leader|head|cause|reason|role|purpose|date|"
                        r"population|size|goal|aim|result|outcome|meaning|difference|first|last|best|most|"
                        r"biggest|largest|main)\b", re.I)


# what of a name's is the whole of it: "what is Sadr's story", "what's Najaf's situation"
_WHOLE = re.compile(r"(?i)(?:story|stories|background|history|situation|deal|news|life|side)$")


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
                       # "what kind of place is Sadr City", "what sort of man is Sadr" (a thing: not "what kind of
                       # strike was Sadr's group calling for", a verb's object asked for)
                       r"|what\s+(?:kind|sort|type)s?\s+of\s+[a-z]+\s+(?:is|was|are|were)\s+"
                       r"(?P<kind>(?![^?]*\b[a-z]+(?:ing|ed)\b)(?![^?]*\b(?:for|to|with|about|from|on|at|by|in)\W*$).+?)"
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


# (a word leading a follow-up on: "so what's Sadr's deal", "and what's Abu Faris's job")
_LEAD = r"\W*(?:(?:and|so|but|ok|okay|well)\W+)?"
# "what's Abu Faris's job?" asks who he is
_ROLE_OF = re.compile(rf"^{_LEAD}what(?:'s|\s+is|\s+was)\s+(?P<name>.+?)['\u2019]s\s+"
                      r"(?:job|role|title|position|occupation|profession)[\s?.!]*$", re.I)


# "what's Sadr's deal", "what's the Mahdi Army's story": the whole story of its owner, as "what's the deal with X"
_OWN_STORY = re.compile(rf"^{_LEAD}what(?:'s|\s+is)\s+(?P<name>.+?)['\u2019]s\s+(?:deal|story|background)[\s?.!]*$",
                        re.I)
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
    own = _OWN_STORY.match(question)
    if own and len(own.group("name").split()) <= 4 and terms(own.group("name")):
        return own.group("name").strip()
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
    topic = (m.group("topic") or m.group("before") or m.group("story")).strip()
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
    # ... nor "who was not taking part", "what is not known": what is not so is no name to sum up
    if who_what and re.match(r"(?i)(?:not|never|no longer)\b", topic):
        return None
    # ... nor "who is the Mahdi Army's leader" (the leader of the Mahdi Army, one fact)
    owned = re.search(r"['\u2019]s\s+(.+)$", topic)
    if who_what and owned and _FACT_HEAD.match(owned.group(1)):
        return None
    # ... nor "what was Maliki's deadline", "what is Sadr's demand": a thing of its owner's, typed in lower case, is
    # one fact (was the three sentences naming Maliki); the owner's story or life is the whole of it
    # (a who-question keeps its summary: "who was Margaret's husband" is told by "King Malcolm III ... married ...
    # Margaret" among the sentences on her, not found as one fact)
    if (owned and re.match(r"(?i)\s*what(?:['\u2019]s|\s+is|\s+was|\s+are|\s+were)\s", m.group(0))
            and re.fullmatch(r"[a-z][a-z\-]*", owned.group(1)) and not _WHOLE.match(owned.group(1))):
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
    # (its head read past quotes, brackets and dots, which _HEAD's words do not hold: 'what happened to "x"' crashed)
    if _HAPPENED_TO.match(m.group(0)) and _HEAD.match(re.sub(r"[^\w'\- ]+", " ", topic).strip()).group("head")[:1].islower():
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


def asks_what_it_is(question: str) -> bool:
    """Does the question ask what its topic is ("what is Najaf", "what kind of city is Najaf", "why is Najaf
    important"), not what is going on there?"""
    d = _DESCRIBE.match(question)
    if d:
        # (how its people are, or what it holds, is not what it is)
        return not (d.group("about") or d.group("faring") or d.group("involves"))
    if _WHAT_NAME.match(question):
        return True
    # "what is voa": a word no English lexicon knows, typed in lower case, is a name too (one the articles write
    # only at a sentence's start, "VOA Correspondent ...", is not capitalised for the user: bot/normalize.py)
    unknown = _WHAT_WORD.match(question)
    return bool(unknown) and not known_word(unknown.group(1))


# "what is voa", "what's the voa": one lower-case word (asks_what_it_is)
_WHAT_WORD = re.compile(r"^\s*(?i:what(?:'s|\s+is|\s+was)|describe)\s+(?:the\s+)?([a-z]{2,})[\s?.!]*$")
# "what is Najaf", "describe Sadr City": a name and nothing else
_WHAT_NAME = re.compile(r"^\s*(?i:what(?:'s|\s+is|\s+was)|describe)\s+(?:[A-Z][\w'\-]*\s*)+[\s?.!]*$")
