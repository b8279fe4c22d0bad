"""The soak test's articles (eval/soak.py): people whose facts identify a chat session, festivals that change.

- **People** (``people/pNN.txt``, never changed during a soak): a mayor with a name of her own, who opened a
  library holding a number of books and promised a number of playgrounds, both numbers hers alone. A session
  asks about its person by name, then "How many playgrounds did she promise to build?": the answer is right
  only when "she" was resolved from this session's own history, so a wrong number is cross-talk.
- **Festivals** (``festivals/fN.txt``, added, updated and deleted by the churn process, eval/soak_churn.py):
  each version says "drew V visitors" with a V no other version has, so a quote names the version it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# 10 x 5 invented surnames and 50 first names: every person's full name is hers alone.
_FIRST = ("Velma Odile Priya Maren Sunniva Ilse Rosalind Tamsin Greta Noor Beatrix Ottilie Wren Zelda Linnea "
          "Harriet Isolde Perpetua Yara Clementine Fenella Agathe Sidonie Lucinda Mireille Thora Elspeth Ondine "
          "Philippa Rohesia Saoirse Valentina Winifred Xanthe Ysolde Amaryllis Bronwen Cordelia Delphine Eulalie "
          "Florentyna Gwendolen Hesper Imogen Jocasta Kerensa Leocadia Morwenna Nerys Oriel").split()
_STEM = "Ash Bel Cor Dun Elm Fen Gar Hol Ives Kel".split()
_END = "ford wick holt mere stone".split()
PEOPLE = 50
_TOWNS = "harbour valley ridge crossing haven".split()
FESTIVALS = ("Lanternfall", "Moonreed", "Saltmarrow", "Thistlewick", "Emberglen", "Quillharbour", "Frostmere",
             "Larkspindle")
_VISITORS = re.compile(r"drew (\d+) visitors")


@dataclass(frozen=True)
class Person:
    n: int
    first: str
    last: str
    town: str
    books: int
    playgrounds: int

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def article_id(self) -> str:
        return f"people/p{self.n:02d}"

    def text(self) -> str:
        return (f"Mayor {self.name} opens a library in {self.town}\n\n"
                f"{self.name}, the mayor of {self.town}, opened a new public library on Monday, city officials "
                f"said. The library holds {self.books} books. {self.last} also promised to build "
                f"{self.playgrounds} new playgrounds before the winter. Residents of {self.town} welcomed the plan.\n")

    def questions(self) -> list[tuple[str, str]]:
        """(question, what its answer must hold): the first names her, the follow-up says only "she"."""
        return [(f"How many books does the library of {self.name} hold?", f"holds {self.books} books"),
                ("How many playgrounds did she promise to build?", f"build {self.playgrounds} new playgrounds")]


def person(n: int) -> Person:
    last = _STEM[n % len(_STEM)] + _END[n // len(_STEM) % len(_END)]
    town = f"{_STEM[(n + 3) % len(_STEM)]}{_END[(n + 1) % len(_END)]} {_TOWNS[n % len(_TOWNS)].capitalize()}"
    return Person(n, _FIRST[n], last, town, books=20000 + 137 * n, playgrounds=11 + n)


def people() -> list[Person]:
    return [person(n) for n in range(PEOPLE)]


def festival_id(slot: int) -> str:
    return f"festivals/f{slot}"


def festival_text(slot: int, visitors: int) -> str:
    name = FESTIVALS[slot]
    return (f"Crowds at the {name} festival\n\n"
            f"The {name} festival drew {visitors} visitors on Saturday, the organisers said. "
            f"The {name} festival will open again next spring.\n")


def festival_question(slot: int) -> str:
    return f"How many visitors did the {FESTIVALS[slot]} festival draw?"


def visitors_in(text: str) -> set[int]:
    """The version numbers a quote or a rendered answer holds ("drew 51234 visitors")."""
    return {int(v) for v in _VISITORS.findall(text)}


def write_people(root: Path) -> None:
    (root / "people").mkdir(parents=True, exist_ok=True)
    for p in people():
        (root / f"{p.article_id}.txt").write_text(p.text(), encoding="utf-8")


def write_festival(root: Path, slot: int, visitors: int) -> Path:
    path = root / f"{festival_id(slot)}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")  # a whole file or none: the ingest may read the folder at any moment
    tmp.write_text(festival_text(slot, visitors), encoding="utf-8")
    tmp.replace(path)
    return path
