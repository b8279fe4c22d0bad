""""What did the board approve?" is answered by the sentence in which the board does it, also when that
sentence calls it "it" after one naming it ("The board met ... After a long debate it approved ..."; bot/answer/
speaker.names_speaker), not by another board doing the act on another day or in another town."""

from __future__ import annotations

import pytest

from bot import ask
from conftest import home_of

OAKFIELD = """Oakfield planning board

The planning board met in Oakfield on Tuesday to discuss the old mill. After a long debate it approved the
conversion of the mill into flats by a narrow vote.
"""
RIVERTON = """Riverton planning board

The planning board in Riverton approved a new car park on Monday after a short debate about the pier.
"""
REPORT = "Report {n}\n\nThe ferry board met on day {n} to discuss the pier. After a long debate it approved plan {n}c.\n"


@pytest.fixture(scope="module")
def boards_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("boards"), {"oakfield.txt": OAKFIELD, "riverton.txt": RIVERTON})


@pytest.mark.parametrize("question, article", [
    ("What did the planning board approve in Oakfield?", "oakfield"),
    ("what did the planning board in riverton approve", "riverton"),  # the board doing it, named
])
def test_the_board_named_where_asked(boards_home, question, article):
    answer = ask(question, settings=boards_home)
    assert not answer.abstained, answer.answer
    assert {c.article_id for c in answer.citations} == {article}


@pytest.fixture(scope="module")
def reports_home(tmp_path_factory):
    files = {f"r{n}.txt": REPORT.format(n=n) for n in (9, 778)}
    files["r42.txt"] = "Report 42\n\nThe ferry board met on day 42 and approved plan 42f after a short debate.\n"
    return home_of(tmp_path_factory.mktemp("reports"), files)


@pytest.mark.parametrize("day", [9, 778])
def test_the_day_asked_about_not_the_board_approving_on_another(reports_home, day):
    # "The ferry board ... approved plan 42f" has the shape asked for, but not the day
    answer = ask(f"What did the ferry board approve on day {day}?", settings=reports_home)
    assert not answer.abstained, answer.answer
    assert {c.article_id for c in answer.citations} == {f"r{day}"}
