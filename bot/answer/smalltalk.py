"""Greetings, thanks and "what can you do?": a chat opener is no question about the articles.

Typed into the chat first, "hello" would otherwise be searched for, refused as "not in the articles", and
shown with unrelated passages. It gets a reply saying what newsbot answers (prompts/smalltalk.md), with the
size of the archive and one of its titles, and no citation; its status is "not_found" (nothing answered).
Thanks and goodbyes get their own replies (prompts/smalltalk_thanks.md, smalltalk_bye.md).
"""

from __future__ import annotations

import re

_SMALLTALK = re.compile(
    r"^\W*(?:(?:hi|hello|hey|hiya|howdy|yo|greetings|good\s+(?:morning|afternoon|evening|day))"
    r"|(?:thanks|thank\s+you|thx|ty|cheers|much\s+appreciated)(?:\s+(?:a\s+lot|so\s+much|very\s+much))?"
    r"|(?:ok|okay|cool|great|nice|got\s+it|bye|goodbye|see\s+you|lol|lmao|ha(?:ha)+|he(?:he)+|hmm+|wow|oh)"
    r"|help|what\s+can\s+you\s+do|who\s+are\s+you|what\s+are\s+you|how\s+does\s+this\s+work"
    # asked of newsbot itself, which has no mood nor views of its own ("what do you think of X" asks what the articles
    # say of X: bot/direct.py)
    r"|how\s+are\s+(?:you|u)(?:\s+(?:doing|feeling|today))?|how(?:'s|\s+is)\s+it\s+going|how\s+do\s+(?:you|u)\s+feel"
    r"|what\s+do\s+(?:you|u)\s+think|what(?:'s|s|\s+is)\s+your\s+(?:opinion|view|take)"
    r"|do\s+(?:you|u)\s+have\s+(?:an?\s+)?(?:opinions?|views?|feelings?)"
    # the size of the archive, which the reply says: "how many articles do you have" ("what articles do you
    # have" is an overview: bot/answer/overview.py)
    r"|how\s+many\s+(?:articles|stories|documents)\s+(?:do\s+you\s+have|have\s+you\s+got|are\s+there|"
    r"are\s+(?:indexed|loaded|in\s+(?:the\s+)?(?:index|archive|corpus))|can\s+you\s+(?:search|read)))"
    r"(?:\W+(?:there|newsbot|bot|again|everyone|all))?\W*$", re.I)


def is_smalltalk(question: str) -> bool:
    """Is the question only a greeting, thanks, an acknowledgement or a request for help?"""
    return bool(_SMALLTALK.match(question))


_THANKS = re.compile(r"^\W*(?:thanks|thank\s+you|thx|ty|cheers|much\s+appreciated)\b", re.I)
_BYE = re.compile(r"^\W*(?:bye|goodbye|see\s+you)\b", re.I)


def smalltalk_prompt(question: str) -> str:
    """The name of the prompt replying to a chat opener: "smalltalk_thanks", "smalltalk_bye" or "smalltalk"."""
    if _THANKS.match(question):
        return "smalltalk_thanks"
    return "smalltalk_bye" if _BYE.match(question) else "smalltalk"
