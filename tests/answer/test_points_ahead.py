""""Give an example of a toll rule" answered by "An example of such a rule is the following." says nothing: the
sentence announcing what comes next is cited with the sentence after it (bot/answer/neighbours.pointed_ahead)."""

from __future__ import annotations

import pytest

from bot import ask
from conftest import home_of

TOLLS = """Bridge tolls explained

The council sets a toll rule for every bridge in the county. An example of such a toll rule is the following.
Cars crossing before seven in the morning pay half the usual toll. The rules are reviewed every spring.
"""


@pytest.fixture(scope="module")
def tolls_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("tolls"), {"tolls.txt": TOLLS})


def test_a_sentence_announcing_the_next_is_cited_with_it(tolls_home):
    a = ask("give an example of a toll rule", settings=tolls_home)
    quotes = [c.quote for c in a.citations]
    assert any(q.endswith("is the following.") for q in quotes), a.answer
    i = next(i for i, q in enumerate(quotes) if q.endswith("is the following."))
    assert i + 1 < len(quotes) and quotes[i + 1].startswith("Cars crossing before seven"), a.answer
