""""What do the articles have in common?": the name most of the articles read share, by the first sentence naming it
in each, each cited in its article (bot/answer/common.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.common import asks_common
from conftest import home_of


@pytest.mark.parametrize("question, asks", [
    ("what do the articles have in common", True), ("how are the stories related?", True),
    ("who appears in both articles", True), ("what's the common thread", True),
    ("what do sadr and maliki have in common", False), ("how are the prisoners related to sadr", False),
])
def test_asks_common(question, asks):
    assert asks_common(question) is asks


HARBOUR = {
    "strike.txt": "Dock strike\n\nThe union's leader, Mara Quist, called the dockers out on Monday. Shipping firms said "
                  "the strike at Port Avel had cost them millions.\n",
    "talks.txt": "Talks resume\n\nThe port authority met the union on Friday. Mara Quist said the talks had been "
                 "useful, and the cranes at Port Avel could move again within days.\n",
    "weather.txt": "Storm warning\n\nForecasters warned of gales along the north coast on Sunday. Ferries to the "
                   "islands were cancelled.\n",
}


def test_what_the_articles_have_in_common_is_the_name_they_share(tmp_path):
    # was not found: no article says what they have in common
    a = ask("what do the articles have in common", settings=home_of(tmp_path, HARBOUR))
    assert a.status == "answered", a.answer
    assert len({c.article_id for c in a.citations}) == 2
    assert all("Mara Quist" in c.quote or "Port Avel" in c.quote for c in a.citations)
