"""Sentence splitting and chunking (index/sentences.py, index/chunk.py): offsets are exact, sizes fit."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from index.chunk import split_article
from index.load import content_hash, load_paths
from index.sentences import split_sentences
from index.static import count_tokens
from index.types import Article

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NAJAF = CORPUS / "001_7168465226cfb30f.txt"  # indented lines, non-breaking spaces, a title line


def make_article(text: str, article_id: str = "a") -> Article:
    return Article(id=article_id, title="t", source="/x", text=text, content_hash=content_hash(text))


def corpus_articles() -> list[Article]:
    return [r for r in load_paths([CORPUS]) if isinstance(r, Article)]


def sentence_texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def assert_exact_cover(text: str, spans: list[tuple[int, int]]) -> None:
    """Spans are ordered, disjoint, trimmed, and between them there is only white space."""
    pos = 0
    for s, e in spans:
        assert pos <= s < e <= len(text)
        piece = text[s:e]
        assert piece == piece.strip(), repr(piece)
        assert not text[pos:s].strip(), f"text lost between sentences: {text[pos:s]!r}"
        pos = e
    assert not text[pos:].strip()


# --- sentences -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_sentence_offsets_are_exact_on_the_corpus(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    spans = split_sentences(text)
    assert len(spans) > 10
    assert_exact_cover(text, spans)


def test_indented_lines_and_non_breaking_spaces_keep_offsets() -> None:
    article = next(a for a in corpus_articles() if a.id == NAJAF.stem)
    assert article.text == NAJAF.read_text(encoding="utf-8")  # the loader keeps the text byte for byte
    assert "\u00a0" in article.text and "\n    " in article.text  # the features this test is about
    sentences, _ = split_article(article)
    for s in sentences:
        assert article.text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
    texts = [s.text for s in sentences]
    # The title line and the indented pull quote are sentences of their own, without their indentation.
    assert texts[0] == "Najaf siege ends in truce"
    assert "Not all Mahdi Army militiamen intend to withdraw from Najaf" in texts
    # Non-breaking spaces stay inside the sentence, exactly as in the file.
    nbsp = [t for t in texts if "\u00a0" in t]
    assert any("non-Najaf\u00a0residents,\u00a0and the opening of talks" in t for t in nbsp)


def test_mr_maliki_does_not_end_a_sentence() -> None:
    text = (CORPUS / "000_26083794b4a1b5c3.txt").read_text(encoding="utf-8")
    texts = sentence_texts(text)
    maliki = [t for t in texts if "Mr. Maliki" in t]
    assert maliki == ["On Saturday, Mr. Maliki acknowledged that he was caught off guard by the strength of the "
                      "resistance to the military offensive."]
    assert not any(t.endswith("Mr.") for t in texts)


def test_us_abbreviation_does_not_end_a_sentence() -> None:
    text = ("U.S. troops pulled back on Monday. The U.S. Army said Dr. Smith left early.\n"
            "Officials in the U.S. said talks would resume. Iraqi officials agreed.")
    assert sentence_texts(text) == [
        "U.S. troops pulled back on Monday.",
        "The U.S. Army said Dr. Smith left early.",
        "Officials in the U.S. said talks would resume.",
        "Iraqi officials agreed.",
    ]


def test_latin_abbreviations_do_not_end_a_sentence() -> None:
    text = ("co-NP is the class of the complement problems (i.e. problems with the answers reversed) of NP "
            "problems. Some, e.g. the graph isomorphism problem, are open. Others are closed, etc. Then it ended.")
    assert sentence_texts(text) == [
        "co-NP is the class of the complement problems (i.e. problems with the answers reversed) of NP problems.",
        "Some, e.g. the graph isomorphism problem, are open.",
        "Others are closed, etc.",
        "Then it ended.",
    ]


def test_line_breaks_are_hard_boundaries_and_crlf_is_trimmed() -> None:
    text = "Headline without a full stop\r\n\r\nFirst sentence here. Second one follows!\r\n"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Headline without a full stop", "First sentence here.",
                                            "Second one follows!"]
    assert_exact_cover(text, spans)


# --- chunks --------------------------------------------------------------------------------------------------

def check_chunks(article: Article, sentences, chunks, max_tokens: int) -> None:
    text = article.text
    assert chunks and sentences
    for s in sentences:
        assert text[s.start:s.end] == s.text
    for i, c in enumerate(chunks):
        assert c.ordinal == i and c.article_id == article.id
        assert text[c.start:c.end] == c.text
        assert c.start == sentences[c.first_sentence].start and c.end == sentences[c.last_sentence].end
        assert count_tokens(c.text) <= max_tokens, (i, count_tokens(c.text), c.text[:80])
    # Every sentence is in some chunk, chunks go forward.
    covered = set()
    for c in chunks:
        covered.update(range(c.first_sentence, c.last_sentence + 1))
    assert covered == set(range(len(sentences)))
    assert all(b.first_sentence > a.first_sentence for a, b in zip(chunks, chunks[1:]))


@pytest.mark.parametrize("max_tokens", [16, 40, 160, 400])
def test_corpus_chunks_fit_the_token_budget(max_tokens: int) -> None:
    for article in corpus_articles():
        sentences, chunks = split_article(article, max_tokens=max_tokens, overlap=1)
        check_chunks(article, sentences, chunks, max_tokens)


def test_very_long_sentence_is_cut_at_white_space_into_pieces_that_fit() -> None:
    rnd = random.Random(7)
    vocab = ["militia", "government", "Basra", "ceasefire", "offensive", "negotiations", "x", "al-Sadr", "2008"]
    # The long sentence ends with a full stop: a line break after unfinished text is a soft wrap.
    text = "Intro sentence here.\n" + " ".join(rnd.choice(vocab) for _ in range(2000)) + ".\nOutro line."
    article = make_article(text)
    sentences, chunks = split_article(article, max_tokens=160, overlap=1)
    check_chunks(article, sentences, chunks, 160)
    long_pieces = [s for s in sentences if s.text not in ("Intro sentence here.", "Outro line.")]
    assert len(long_pieces) > 10  # ~2,500 tokens cut into pieces of at most 160
    assert all(count_tokens(s.text) <= 160 for s in long_pieces)
    # Cut only at white space: the pieces, in order, re-join to the original words.
    assert " ".join(s.text for s in long_pieces).split() == text.split("\n")[1].split()
    assert all(not re.match(r"\s", text[s.start]) and not re.match(r"\s", text[s.end - 1]) for s in long_pieces)


def test_the_last_piece_of_a_long_sentence_fits_too() -> None:
    # Regression: the piece after the last white space used to be kept whatever its size.
    rnd = random.Random(1)
    vocab = ["alpha", "beta", "gamma", "delta", "epsilon", "Baghdad", "militia", "government", "x"]
    for trial in range(60):
        text = " ".join(rnd.choice(vocab) for _ in range(rnd.randint(100, 600)))
        for max_tokens in (16, 40):
            sentences, chunks = split_article(make_article(text), max_tokens=max_tokens)
            assert max(count_tokens(s.text) for s in sentences) <= max_tokens, (trial, max_tokens)
            assert max(count_tokens(c.text) for c in chunks) <= max_tokens, (trial, max_tokens)


def test_overlap_one_makes_neighbouring_chunks_share_one_sentence() -> None:
    shared = 0
    for article in corpus_articles():
        sentences, chunks = split_article(article, max_tokens=160, overlap=1)
        for a, b in zip(chunks, chunks[1:]):
            if a.last_sentence > a.first_sentence:  # a one-sentence chunk cannot give one away
                assert b.first_sentence == a.last_sentence
                one = sentences[a.last_sentence].text
                assert a.text.endswith(one) and b.text.startswith(one)
                shared += 1
            else:
                assert b.first_sentence == a.last_sentence + 1
    assert shared >= 10


def test_overlap_zero_partitions_the_sentences() -> None:
    for article in corpus_articles():
        sentences, chunks = split_article(article, max_tokens=160, overlap=0)
        assert chunks[0].first_sentence == 0 and chunks[-1].last_sentence == len(sentences) - 1
        for a, b in zip(chunks, chunks[1:]):
            assert b.first_sentence == a.last_sentence + 1


def test_chunk_ids_follow_the_content() -> None:
    text = "First sentence of the story. Second sentence of the story.\nThird one on its own line."
    s1, c1 = split_article(make_article(text, "story"))
    s2, c2 = split_article(make_article(text, "story"))
    assert [c.id for c in c1] == [c.id for c in c2] and [s.id for s in s1] == [s.id for s in s2]
    edited = make_article(text.replace("Third", "Fourth"), "story")
    s3, c3 = split_article(edited)
    # A new version gets new ids, so the old vectors can be deleted after the new ones are live.
    assert not {c.id for c in c1} & {c.id for c in c3}
    assert not {s.id for s in s1} & {s.id for s in s3}
    assert all(c.id.startswith("story::") for c in c1 + c3)


def test_bad_chunking_arguments_are_refused() -> None:
    article = make_article("One sentence.")
    with pytest.raises(ValueError, match="max_tokens"):
        split_article(article, max_tokens=8)
    with pytest.raises(ValueError, match="overlap"):
        split_article(article, overlap=-1)


def test_soft_wrapped_lines_join_into_one_sentence() -> None:
    text = ("A hard-wrapped sentence that goes on\nand ends on the next line. A second one\n"
            "wraps too.\n\nBy Jane Doe\nBAGHDAD - Short news.\nAbu Faris,\n    militia commander in Najaf")
    assert sentence_texts(text) == [
        "A hard-wrapped sentence that goes on\nand ends on the next line.",
        "A second one\nwraps too.",
        "By Jane Doe",  # a short line without a full stop before a capital: a byline, not a wrap
        "BAGHDAD - Short news.",
        "Abu Faris,\n    militia commander in Najaf",
    ]


def test_a_line_ending_in_an_abbreviation_goes_on_in_lower_case() -> None:
    text = ("Anyone found on the streets after 10 p.m.\nwithout a permit will be fined, she said. Some, e.g.\n"
            "the shop owners, agreed.\nThe curfew ends at 6 a.m.\nPolice will patrol.\n\nnext paragraph here.")
    assert sentence_texts(text) == [
        "Anyone found on the streets after 10 p.m.\nwithout a permit will be fined, she said.",
        "Some, e.g.\nthe shop owners, agreed.",
        "The curfew ends at 6 a.m.",  # before a capital on the next line: still the end
        "Police will patrol.",
        "next paragraph here.",  # after a blank line: always a new one
    ]
