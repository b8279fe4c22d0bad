"""bot/normalize.py: typos corrected and names capitalised as the corpus spells them, from the archive's word
statistics looked up per question (index/words.py) and the known words one edit away; the same result as the
code of 2026-12-02 (kept here as the reference: the corpus counted whole, a symmetric-delete index of its
vocabulary), for every question of the gold and natural sets and thousands of typos of them.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path
from functools import cached_property
from types import SimpleNamespace

import pytest

from bot.answer import common_words, known_word, same_sense
from bot.answer.rewordings import country_names
from bot.corrections import CAPITALISED, MIN_TYPO_LEN
from bot.idioms import SAME_NOUNS, SAME_PHRASES, plain_count, plain_name, plain_their
from bot.normalize import ABBREVIATIONS, CONTRACTIONS, HOW_WORDS, QUESTION_WORDS, QUESTION_WORD_TYPOS, normalize
from bot.tense import simple_tense
from index.terms import edit_distance, stopwords
from index.manifest_reader import ManifestReader
from index.words import ScannedWords, StoredWords

PROJECT = Path(__file__).resolve().parent.parent
_TOKEN = re.compile(r"[A-Za-z][A-Za-z']*")


class Reference:
    """The corpus read whole, as bot/normalize.py did before its statistics were kept in the manifest."""

    def __init__(self, texts: list[str]):
        counts, caps, mid, forms = Counter(), Counter(), Counter(), {}
        for text in texts:
            for m in _TOKEN.finditer(text):
                w = m.group()
                low = w.lower()
                counts[low] += 1
                before = text[max(0, m.start() - 3):m.start()].strip()
                if before and before[-1] not in ".!?\"'\u201c(":
                    mid[low] += 1
                    if w[0].isupper():
                        caps[low] += 1
                        forms.setdefault(low, Counter())[w] += 1
        self.counts = counts
        self.capital = {w: forms[w].most_common(1)[0][0] for w in forms if mid[w] and caps[w] / mid[w] >= CAPITALISED
                        and w not in stopwords() and w not in common_words()}
        index: dict[str, set[str]] = {}
        for w in set(counts) | common_words() | stopwords():
            for k in {w} | {w[:i] + w[i + 1:] for i in range(len(w))}:
                index.setdefault(k, set()).add(w)
        self.index = index

    def correct(self, word: str) -> str | None:
        found = {w for k in {word} | {word[:i] + word[i + 1:] for i in range(len(word))}
                 for w in self.index.get(k, ())}
        if len(word) < MIN_TYPO_LEN:
            found &= stopwords()
        found = {w for w in found if edit_distance(word, w) == 1 and abs(len(w) - len(word)) <= 1}
        if not found:
            return None
        # (since 2026-12-07 a word typed whole but its last letter is that word: "agre" -> "agree", not "are")
        return max(found, key=lambda w: (w[0] == word[0], len(word) >= MIN_TYPO_LEN and w.startswith(word),
                                         self.counts.get(w, 0), w in common_words(), w in stopwords(), w))

    def normalize(self, question: str) -> str:
        known = common_words() | stopwords()

        def fix(m):
            w = m.group()
            low = w.lower()
            if low in CONTRACTIONS:
                return CONTRACTIONS[low] if w.islower() else CONTRACTIONS[low].capitalize()
            if low in QUESTION_WORD_TYPOS and not question[:m.start()].strip():
                return QUESTION_WORD_TYPOS[low]
            if low not in self.counts and low not in known and not w[0].isupper() and "'" not in w \
                    and not known_word(low):
                low = self.correct(low) or low
                w = low
            if w.islower() and low in self.capital:
                return self.capital[low]
            return w

        return _TOKEN.sub(fix, question)


class Corpus:
    """What normalize() reads of a library snapshot: the articles (their texts) and the corpus's words."""

    generation = 1

    def __init__(self, texts: list[str]):
        self.articles = {f"a{i}": SimpleNamespace(text=t) for i, t in enumerate(texts)}

    @cached_property
    def words(self) -> ScannedWords:
        return ScannedWords(a.text for a in self.articles.values())


def questions() -> list[str]:
    return [json.loads(line)["question"] for name in ("gold", "natural")
            for line in (PROJECT / "eval" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def typos(question: str, rng: random.Random) -> list[str]:
    """The question in lower case, and with one word misspelt each way (dropped, doubled, swapped, changed)."""
    out = [question.lower()]
    ws = [w for w in question.split() if w.isalpha() and len(w) > 2]
    for w in ws:
        i = rng.randrange(len(w))
        c = rng.choice("abcdefghijklmnopqrstuvwxyz")
        for bad in (w[:i] + w[i + 1:], w[:i] + w[i] + w[i:], w[:i] + c + w[i + 1:],
                    w[:i] + w[i + 1:i + 2] + w[i] + w[i + 2:]):
            out.append(question.replace(w, bad.lower(), 1))
    return out


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((PROJECT / "corpus").glob("*.txt"))]


# the last words of each group of phrases (and the nouns) of one meaning
ONE_MEANING = [{p.split()[-1] for p in group} for group in SAME_PHRASES + SAME_NOUNS]


def test_as_the_whole_corpus_read_at_once(corpus) -> None:
    ref, lib = Reference(corpus), Corpus(corpus)
    rng = random.Random(13)
    asked = [t for q in questions() for t in typos(q, rng)]
    assert len(asked) > 3000
    changed = 0
    countries = joined = 0
    for q in asked:
        # (since 2026-12-05 a progressive question is asked in the simple tense: bot/tense.py)
        # (and since 2026-12-07 "there" before a plural noun is "their": bot/idioms.plain_their)
        got, want = normalize(q, lib), simple_tense(plain_their(ref.normalize(q)))
        if got != want:
            # since 2026-12-03 a people's word the articles never use takes their name for its country
            # ("and the americans?" -> "and the US?"), and a common word beside a name takes the articles'
            # capitals ("abu Faris" -> "Abu Faris"): that, and nothing else, may differ from the reference
            # ... and since 2026-12-05 a name the articles write in two words, typed as one, takes their two
            # ("ayatollah" -> "Ayat Allah"): joined again here, the rest compared as before
            wants, gots = want.split(), got.split()
            if len(gots) == len(wants) + 1:
                i = next(i for i in range(len(wants)) if gots[i][:1].isupper() and gots[i + 1][:1].isupper()
                         and edit_distance((gots[i] + gots[i + 1]).lower(), wants[i].lower()) <= 1)
                gots[i:i + 2] = [wants[i]]
                got = " ".join(gots)
            pairs = list(zip(wants, gots))
            assert len(wants) == len(gots), q
            assert all(a == b or re.sub(r"\W", "", b).lower() in country_names(re.sub(r"\W", "", a).lower())
                       or (a.lower() == b.lower() and b[:1].isupper())
                       or re.sub(r"\W", "", b).lower() in HOW_WORDS  # "how mny" -> "many"
                       or ABBREVIATIONS.get(a.lower()) == b  # "vs" -> "versus"
                       # since 2026-12-05 a name's plural or possessive keeps its "s" ("sadrs aide" -> "Sadr's aide")
                       or (a[:1].isupper() and b in (f"{a}s", f"{a}'s"))
                       # ... and a typo where a question word goes is that question word ("whit is" -> "what is")
                       or (i == 0 and b.lower() in QUESTION_WORDS and a.lower() not in QUESTION_WORDS)
                       # ... and since 2026-12-06 before an auxiliary, the question word it leaves a letter out of
                       # ("whn did ..." -> "when did ...", where the reference had "who")
                       or (i == 0 and b.lower() in QUESTION_WORDS and len(b) == len(q.split()[0]) + 1
                           and edit_distance(q.split()[0].lower(), b.lower()) == 1)
                       # ... and a short word with two letters swapped is the word ("sak" -> "ask")
                       or (len(a) < 4 and sorted(a.lower()) == sorted(b.lower()))
                       # ... and a spelling WordNet lists beside the articles' takes theirs ("bagdad" -> "Baghdad")
                       or (edit_distance(a.lower(), b.lower()) == 1 and same_sense(a.lower(), b.lower()))
                       # ... and after a name, a word one edit from a name the articles capitalise is that name
                       # ("Abu fris" -> "Abu Faris")
                       or (i > 0 and pairs[i - 1][1][:1].isupper() and b[:1].isupper()
                           and edit_distance(a.lower(), b.lower()) == 1)
                       # ... and since 2026-12-06 a word of one meaning the articles never use is the one they do
                       # ("in return" -> "in exchange", "the deal" -> "the truce": bot/idioms.plain_phrase)
                       or any({re.sub(r"\W", "", a).lower(), re.sub(r"\W", "", b).lower()} <= group
                              for group in ONE_MEANING)
                       for i, (a, b) in enumerate(pairs)), q
            countries += any(a.lower() != b.lower() for a, b in pairs)
            joined += all(a.lower() == b.lower() for a, b in pairs)
        changed += got != q
    assert changed > 500  # the comparison covers corrections and capitals, not only questions left alone
    assert countries > 0 and joined > 0


def test_a_peoples_word_the_articles_never_use_takes_their_name_for_the_country(corpus) -> None:
    lib = Corpus(corpus)
    assert normalize("what did the americans agree to", lib) == "what did the US agree to"
    assert normalize("What did the Americans agree to?", lib) == "What did the US agree to?"
    # the articles' own word for the people ("Iraqi") finds them; "officials" pertains to no country
    assert normalize("what did the iraqis say", lib) == "what did the iraqis say"
    assert normalize("what did officials say", lib) == "what did officials say"
    # people counted are people, not their country (was "how many US died in Najaf")
    assert normalize("how many americans died in najaf", lib) == "how many americans died in Najaf"
    assert normalize("did two americans die", lib) == "did two americans die"
    assert normalize("how many american soldiers died", lib) == "how many US soldiers died"


def test_a_question_word_typed_as_another_word_is_corrected_where_a_question_word_goes(corpus) -> None:
    lib = Corpus(corpus)
    # "wat" and "wen" are words of their own (MiniLM knows "wat"): no typo anywhere but first
    assert normalize("wat did maliki say", lib) == "what did Maliki say"
    assert normalize("wen did the fighting start", lib) == "when did the fighting start"
    assert normalize("they visited the wat", lib) == "they visited the wat"


def test_typos_and_names(corpus) -> None:
    lib = Corpus(corpus)
    assert normalize("wht did sadr demnad in exchange?", lib) == "what did Sadr demand in exchange?"
    assert normalize("whats the arest about", lib) == "what's the arrest about"


def test_from_the_manifest_as_from_the_texts(sample_home, corpus) -> None:
    """The tables an ingest keeps answer as the texts counted at once (the sample index)."""
    from index.ingest import manifest_path

    reader = ManifestReader(manifest_path(sample_home), readonly=True)
    assert isinstance(reader.words(), StoredWords)
    stored, scanned = SimpleNamespace(words=reader.words()), Corpus(corpus)
    rng = random.Random(7)
    for q in [t for q in questions()[:40] for t in typos(q, rng)]:
        assert normalize(q, stored) == normalize(q, scanned), q
    reader.close()


def test_a_very_long_word_is_no_typo_and_costs_nothing(corpus) -> None:
    import time

    lib = Corpus(corpus)
    word = "qzxv" * 1500  # 6,000 letters: every string one edit away would be ~2.7 million strings of 6 KB
    t0 = time.perf_counter()
    assert normalize(f"what about {word}", lib) == f"what about {word}"
    assert time.perf_counter() - t0 < 2.0


@pytest.mark.parametrize("asked, plain", [
    ("what's the death toll in Basra", "how many were killed in Basra"),
    ("how many casualties were there in Basra?", "how many were killed in Basra?"),
    ("any casualties?", "how many were killed?"),
    ("Basra death toll", "how many were killed in Basra"),
    ("Basra fighting deaths", "how many were killed in Basra"),  # (were left as keywords: 2026-12-06)
    ("Basra deaths", "how many were killed in Basra"),
    ("death toll in Basra?", "how many were killed in Basra?"),
    ("how many injuries", "how many were injured"),
    ("casualties Basra", "how many were killed in Basra"),
    ("deaths in Kut?", "how many were killed in Kut?"),
    ("were there any casualties in Basra", "was anyone killed in Basra"),
    ("have there been injuries?", "was anyone hurt?"),
    ("injuries in Basra", "how many were injured in Basra"),
    ("any injuries?", "how many were injured?"),
    ("what did the officials say about the death toll", "what did the officials say about the number killed"),
    ("what did the officials say about casualties", "what did the officials say about the number killed"),
    # (were left alone, and not found)
    ("give me the casualty numbers", "how many were killed"),
    ("what are the casualty figures in Basra", "how many were killed in Basra"),
    ("tell me the death count?", "how many were killed?"),
    # no count of the dead asked for, or no place named: left alone
    ("what did the casualties say", "what did the casualties say"),
    ("civilian casualties", "civilian casualties"),
    ("how many people died", "how many people died"),
])
def test_a_news_idiom_for_a_count_of_the_dead_is_put_plainly(asked, plain) -> None:
    assert plain_count(asked) == plain


def test_the_death_toll_is_answered_by_the_count_of_the_killed(sample_home) -> None:
    from bot import ask
    a = ask("whats the death toll in basra", settings=sample_home)
    assert a.standalone_question == "how many were killed in Basra"  # what it was understood as, shown
    assert a.status == "answered" and "12 people have been killed" in a.citations[0].quote
    assert ask("basra death toll", settings=sample_home).status == "answered"  # was not found
    assert ask("what's the death toll in mosul", settings=sample_home).status == "not_found"


def test_a_common_word_beside_a_name_that_the_articles_capitalise_is_part_of_the_name(corpus) -> None:
    lib = Corpus(corpus)
    # "dan" is a common word (a judo rank): alone it keeps its case; beside "senor" it is "Dan Senor"
    assert normalize("who is dan senor", lib) == "who is Dan Senor"
    assert normalize("senor dan", lib) == "Senor Dan"
    assert normalize("what is a dan", lib) == "what is a dan"
    # a word the articles also write in lower case stays so beside a name ("Sadr City", "the city")
    assert normalize("what happened in sadr city", lib) == "what happened in Sadr city"


def test_he_after_who_is_a_name_typed_in_lower_case_is_that_person(sample_home) -> None:
    from bot import ask

    first = ask("who is dan senor", settings=sample_home)
    history = [{"role": "user", "content": "who is dan senor"}, {"role": "assistant", "content": first.answer}]
    # before, "he" became "Spokesman", the capitalised first word of the answer
    assert ask("what did he say", history=history, settings=sample_home).standalone_question == "what did Dan Senor say"


def test_chat_short_forms_and_whats_x_want(corpus) -> None:
    lib = Corpus(corpus)
    assert normalize("how many ppl were killed", lib) == "how many people were killed"
    assert normalize("what did the govt say", lib) == "what did the government say"
    # "pm" is the prime minister, but after a number the time
    assert normalize("who is the pm", lib) == "who is the prime minister"
    assert normalize("what happened at 3 pm", lib) == "what happened at 3 pm"
    # "p vs np" is "p versus np"; where the articles write "vs" themselves it stays
    assert normalize("whats p vs np", lib) == "what's p versus np"
    assert "vs" in normalize("who won arsenal vs chelsea", Corpus(["Arsenal vs Chelsea ended 2-2 on Sunday."])).split()
    # "what's" + a name or pronoun + a bare verb of wanting or saying: "does"
    assert normalize("whats sadr want", lib) == "what does Sadr want"
    assert normalize("What's Moqtada al-Sadr demand?", lib) == "What does Moqtada al-Sadr demand?"
    assert normalize("what's he want", lib) == "what does he want"
    # otherwise "is": "toll" and "plan" here are nouns
    assert normalize("whats the plan", lib) == "what's the plan"
    assert normalize("whats happening in basra", lib) == "what's happening in Basra"
    # ... and after a possessive (was "what does Sadr's demand")
    assert normalize("what's sadr's demand", lib) == "what's Sadr's demand"
    # a question word's "'d" is "did" ("why'd he go" was uncertain: "'d" read as a word), "would" before "have"
    assert normalize("why'd maliki go", lib) == "why did Maliki go"
    assert normalize("howd the fighting start", lib) == "how did the fighting start"
    assert normalize("what'd have happened", lib) == "what'd have happened"
    # chat shorthand: "y" opening a question, "bout"
    assert normalize("y did sadr stop fighting", lib) == "why did Sadr stop fighting"
    assert normalize("wat did maliki say bout sadr", lib) == "what did Maliki say about Sadr"
    # "what's X like" asks what X is like (was "what does Najaf like now")
    assert normalize("what's najaf like now", lib) == "what's Najaf like now"


def test_whats_sadr_want_is_answered(sample_home) -> None:
    from bot import ask

    a = ask("whats sadr want", settings=sample_home)  # was "not_found" ("what's Sadr want")
    assert a.status == "answered" and a.standalone_question == "what does Sadr want"


def test_got_and_a_participle_is_a_passive(corpus) -> None:
    lib = Corpus(corpus)
    assert normalize("who got hurt", lib) == "who was hurt"
    assert normalize("how many people got killed in basra", lib) == "how many people were killed in Basra"
    # "did anyone get hurt" is "was anyone hurt" (was left as typed, its verb "get")
    assert normalize("did anyone get hurt", lib) == "was anyone hurt"
    assert normalize("did they get arrested", lib) == "were they arrested"
    assert normalize("did he get angry", lib) == "did he get angry"  # no participle
    # "got" + no participle stays
    assert normalize("what got him home", lib) == "what got him home"
    # after a plural, "were" (was "which ones was hit"); a name ending in "s" is no plural
    assert normalize("which ones got hit", lib) == "which ones were hit"
    assert normalize("the strongholds got raided", lib) == "the strongholds were raided"
    assert normalize("what got hit", lib) == "what was hit"


def test_a_possessive_of_a_name_takes_the_name_s_capitals(corpus) -> None:
    lib = Corpus(corpus)
    # "najaf's" is no word of the articles (was left as typed: no name for the follow-up's "he" / "it")
    assert normalize("how has the standoff hurt najaf's economy", lib) == "how has the standoff hurt Najaf's economy"
    assert normalize("what did maliki's government do", lib) == "what did Maliki's government do"
    assert normalize("who is the government's spokesman", lib) == "who is the government's spokesman"


def test_the_us_is_the_country(corpus) -> None:
    lib = Corpus(corpus)
    assert normalize("what did the us give in return", lib) == "what did the US give in exchange"  # (plain_phrase)
    assert normalize("tell us about it", lib) == "tell us about it"  # the pronoun stays
    # ... and before people or a body of them ("us" was the question's verb: "what do us officials want" not found)
    assert normalize("what do us officials want", lib) == "what do US officials want"
    assert normalize("what did us forces do", lib) == "what did US forces do"
    assert normalize("can you give us help", lib) == "can you give us help"


def test_a_typo_after_how_is_the_word_that_follows_how(corpus) -> None:
    lib = Corpus(corpus)
    # "mny" is too short for the general correction (it would be "my", a function word one edit away)
    assert normalize("how mny people died in basra", lib) == "how many people died in Basra"
    assert normalize("how lnog was the deadline", lib) == "how long was the deadline"
    assert normalize("how is it", lib) == "how is it"


def test_a_surname_of_the_vocabulary_the_articles_capitalise_is_a_name() -> None:
    # "brennan" is a whole word of MiniLM's vocabulary but no English word (no WordNet lemma): the articles'
    # capitals make it a name, and "ada" beside it joins it; after "a" it stays a thing
    lib = Corpus(["The union leader Ada Brennan said the vote would be on Friday.",
                  "Shipping firms pushed union leader Ada Brennan to offer terms."])
    assert normalize("who pushed ada brennan", lib) == "who pushed Ada Brennan"
    assert normalize("what is a brennan", lib) == "what is a brennan"
    # a word WordNet knows stays as typed, whatever the articles do ("the union" / "Union")
    assert normalize("what did the union say", lib) == "what did the union say"


def test_a_plural_or_a_possessive_of_a_name_keeps_its_s(corpus) -> None:
    lib = Corpus(corpus)  # the articles write "Sadrist" and "Sadr", never "Sadrists" nor "sadrs"
    assert normalize("what are the sadrists threatening", lib) == "what do the Sadrists threaten"  # (bot/tense.py)
    assert normalize("what did sadrs aide demand", lib) == "what did Sadr's aide demand"
    # after an auxiliary, before a bare verb: the subject, a plural ("feel" is a noun too)
    assert normalize("how did sadrists feel about the offensive", lib) == "how did Sadrists feel about the offensive"
    assert normalize("will sadrists support the deal", lib) == "will Sadrists support the truce"  # (plain_phrase)
    # ... one the articles write with an apostrophe, typed without (was left as typed: "shiites" matched nothing)
    assert normalize("which city is holy to shiites", lib) == "which city is holy to Shi'ites"


def test_a_long_word_in_the_plural_is_no_typo(corpus) -> None:
    # the plural's singular is looked up as a typo only up to MAX_TYPO_LEN letters (since 80080f2 it was looked up
    # whatever its length: 400 letters took 0.9 s and 400 MB, 2,000 would take gigabytes)
    import time
    lib = Corpus(corpus)
    word = "a" * 1000 + "s"
    t = time.perf_counter()
    assert normalize(f"what is {word}", lib) == f"what is {word}"
    assert time.perf_counter() - t < 1.0


def test_a_typo_where_the_question_word_goes_is_that_question_word(corpus) -> None:
    lib = Corpus(corpus)
    assert normalize("wich city had a curfew", lib) == "which city had a curfew"  # not "with"
    # "were" / "wear" before an auxiliary is "where" (was kept: a word of its own); "were the fighters armed" is a question
    assert normalize("were did maliki go", lib) == "where did Maliki go"
    assert normalize("wear is the shrine", lib) == "where is the shrine"
    assert normalize("were the fighters armed", lib) == "were the fighters armed"
    for word in QUESTION_WORDS:  # a question word the articles never use is no typo ("why" is not "who")
        assert normalize(f"{word} were people at home", lib) == f"{word} were people at home"
    assert normalize("whith whom did he meet", lib) == "with whom did he meet"  # a question word follows
    # one edit from "when", "who" and "why", a letter left out of one of them: that one (was "who")
    assert normalize("whn was the offensive launched", lib) == "when was the offensive launched"
    assert normalize("whre did maliki go", lib) == "where did Maliki go"
    assert normalize("what happened to the warrant for sadrs arrest", lib) == \
        "what happened to the warrant for Sadr's arrest"


def test_a_negated_yes_no_question_is_asked_as_the_positive(corpus) -> None:
    lib = Corpus(corpus)
    # the negation of the opening auxiliary is the asker's expectation ("didn't the government welcome the
    # move?" was refused as a negation the articles do not state)
    assert normalize("didn't the government welcome the move?", lib) == "did the government welcome the move?"
    assert normalize("isnt the curfew over", lib) == "is the curfew over"
    assert normalize("Won't they leave?", lib) == "Will they leave?"
    # a why-question asks about the negative; a statement is no question
    assert normalize("why didn't they go", lib) == "why didn't they go"
    assert normalize("dont know", lib) == "don't know"  # (the apostrophe put back, the negation kept)
    # (was "wouldn": the apostrophe of "wouldnt" not put back)
    assert normalize("who said the fighters wouldnt give up", lib) == "who said the fighters wouldn't give up"
    assert normalize("why havent they left", lib) == "why haven't they left"
    # a pronoun's contraction without its apostrophe (was "what did Sadr say he do": "hed" corrected to "he")
    assert normalize("what did sadr say hed do if they didnt comply", lib) == \
        "what did Sadr say he'd do if they didn't comply"
    assert normalize("where are they now theyre gone", lib) == "where are they now they're gone"


def test_a_typo_of_tell_opening_a_question_is_tell(corpus) -> None:
    lib = Corpus(corpus)
    # "tel" is a WordNet word (a mound), so no typo to the general rule; opening a request it is "tell"
    assert normalize("tel me about najaf", lib).startswith("tell me about")
    assert normalize("what is a tel", lib) == "what is a tel"


def test_a_word_the_articles_spell_the_other_way_takes_their_spelling(corpus) -> None:
    lib = Corpus(corpus)
    # "self-defence", "centre" in the articles (was left as typed: no term of theirs)
    assert normalize("what did senor say about self defense", lib) == "what did Senor say about self defence"
    assert normalize("who controls the city center", lib) == "who controls the city centre"
    assert normalize("what did the defence say", lib) == "what did the defence say"  # their own spelling stays


def test_chat_asides_go_and_chat_shorthand_is_read(corpus) -> None:
    lib = Corpus(corpus)
    # "lol" was corrected to "ll"
    assert normalize("what did the us do in najaf lol", lib) == "what did the US do in Najaf"
    assert normalize("whats the deal w the curfew", lib) == "what's the deal with the curfew"
    assert normalize("hmm what did senor say", lib) == "what did Senor say"


def test_a_progressive_question_is_asked_in_the_simple_tense(sample_home) -> None:
    from bot import ask

    assert simple_tense("what is the government doing about Sadr") == "what does the government do about Sadr"
    assert simple_tense("what was Maliki doing in Basra") == "what did Maliki do in Basra"
    assert simple_tense("where are they staying") == "where do they stay"
    # "be going to" is the future (was "when does the curfew go to be lifted"); "going to" a place is kept
    assert simple_tense("when is the curfew going to be lifted") == "when will the curfew be lifted"
    assert simple_tense("what was Sadr going to do") == "what would Sadr do"
    assert simple_tense("where are the fighters going to the shrine") == "where are the fighters going to the shrine"
    # no subject, a passive, a gerund, a noun, a name's -ing, a state: as typed
    for kept in ("what's going on in Basra", "why is the curfew being lifted", "when is the curfew getting lifted",
                 "What is easy about proving lower bounds?", "What is the original meaning of the word Norman?",
                 "What was the Turning calculator?", "how is the economy doing", "who was the researcher working on it",
                 "what is Sadr's asking",  # (was "what does Sadr's ask": after a possessive, a noun)
                 "what was seen rising over basra", "who was heard shouting"):  # (was "what did seen rise ...")
        assert simple_tense(kept) == kept
    # was refused: "what's Sadr asking" read no verb, and the article lacks "return"
    a = ask("what's sadr asking for in return", settings=sample_home)
    assert a.standalone_question == "what does Sadr ask for in exchange"  # ("in return": plain_phrase)
    assert a.status == "answered" and a.citations[0].quote.startswith("In exchange, he asked the government")


def test_a_particular_wordnet_knows_standing_alone_takes_the_articles_capitals() -> None:
    # "normandy", "scotland" are particulars to WordNet (no kind of thing): alone, the articles' capitals make them
    # names (were kept as typed, so "what is normandy" was no question about a name); before a noun they stay as
    # typed ("the turing award" is no Turing: its sentence on Turing machines names no award)
    lib = Corpus(["The Normans gave their name to Normandy, a region in France.",
                  "Normans came into Scotland, building castles.", "A Turing machine is a model of computing."])
    assert normalize("what is normandy", lib) == "what is Normandy"
    assert normalize("what did the normans build in scotland", lib) == "what did the Normans build in Scotland"
    assert normalize("did he win the turing award", lib) == "did he win the turing award"
    # ... but a place WordNet knows as a particular takes them before a noun too (was "the baghdad curfew", so "what
    # about kut" after it was "when is the baghdad curfew lifted Kut?")
    lib = Corpus(["A citywide curfew in Baghdad is to be lifted early Monday.", "Curfews were imposed in Kut."])
    assert normalize("when is the baghdad curfew lifted", lib) == "when is the Baghdad curfew lifted"


def test_a_short_word_with_two_letters_swapped_is_the_word(corpus) -> None:
    # "sya" was kept as typed (a word of three letters was corrected to function words only)
    lib = Corpus(corpus)
    assert normalize("what did senor sya", lib) == "what did Senor say"
    assert normalize("what did sadr sak for", lib) == "what did Sadr ask for"


def test_a_spelling_wordnet_lists_beside_the_articles_is_the_articles(corpus) -> None:
    # "negociated" and "bagdad" are WordNet's too (an old spelling, a variant), so they were kept as typed and
    # matched nothing: one edit from the articles' word, in a synset with it, they are that word
    lib = Corpus(corpus)
    assert normalize("who negociated in najaf", lib) == "who negotiated in Najaf"
    assert normalize("what happened in bagdad", lib) == "what happened in Baghdad"
    # not another form of one word ("contain" / "contains"), nor another ending ("slacken" / "slacked")
    assert normalize("where did fighting appear to slacken", lib) == "where did fighting appear to slacken"


def test_a_name_the_articles_write_in_two_words_is_found_typed_as_one(sample_home) -> None:
    from bot import ask
    a = ask("who is ayatollah sistani", settings=sample_home)  # the articles: "Grand Ayat Allah Ali al-Sistani"
    assert a.standalone_question == "who is Ayat Allah Sistani"
    assert a.status == "answered" and "Ayat Allah Ali al-Sistani" in a.citations[0].quote, a.answer  # was uncertain


def test_a_word_is_split_only_into_parts_the_articles_capitalise(corpus) -> None:
    lib = Corpus(corpus)
    assert normalize("what is gunfire", lib) == "what is gunfire"  # "gun" and "fire" are no names


def test_after_a_name_a_word_one_edit_from_a_name_is_that_name(sample_home, corpus) -> None:
    from bot import ask
    a = ask("who is abu fars", settings=sample_home)  # was "Abu fars", uncertain: WordNet knows "fars"
    assert a.standalone_question == "who is Abu Faris"
    assert a.status == "answered" and "said Abu Faris" in a.citations[0].quote, a.answer
    assert normalize("was maliki sad", Corpus(corpus)) == "was Maliki sad"  # a common word stays


def test_a_plural_the_stems_join_to_its_singular_is_left(corpus) -> None:
    # was "how many city had curfews": "cities" is no irregular plural, its stem is the singular's
    assert normalize("how many cities had curfews", Corpus(corpus)) == "how many cities had curfews"


def test_an_ordinal_in_digits_is_the_word_the_articles_write(sample_home, corpus) -> None:
    from bot import ask
    a = ask("whats the 2nd step", settings=sample_home)  # was uncertain: "2nd" searched as "nd"
    assert a.standalone_question == "what's the second step"
    assert a.status == "answered" and '"the second step will be civil disobedience' in a.citations[0].quote, a.answer
    # an ordinal the articles never write as a word stays as typed
    assert normalize("what happened on the 4th", Corpus(corpus)) == "what happened on the 4th"


def test_a_body_known_by_its_initials_is_written_so_after_the(sample_home, corpus) -> None:
    from bot import ask
    assert normalize("what did the un say about the truce", Corpus(corpus)) == "what did the UN say about the truce"
    # was answered by "The truce struck between al-Sadr and occupation forces was greeted ..." ("un" no name)
    a = ask("what did the un say about the truce", settings=sample_home)
    assert a.status != "answered", a.answer


def test_a_question_word_opening_the_question_joins_no_name(corpus) -> None:
    # was "What Happened in Kut?": "What" taken for a name and "happened" joined to it (a teaser's headline in
    # the Najaf article capitalises "What Happened in 1973?")
    assert normalize("What happened in Kut?", Corpus(corpus)) == "What happened in Kut?"
    assert normalize("Who is Dan senor", Corpus(corpus)) == "Who is Dan Senor"


@pytest.mark.parametrize("asked, plain", [
    ("what's Maliki's full name?", "who is Maliki?"), ("what is the full name of the prime minister", "who is the prime minister"),
    ("what's his full name", "who is he"),  # (the follow-up's rewrite puts the person for "he")
    ("what is the name of the shrine", "what is the name of the shrine"),  # a thing's name: left alone
])
def test_a_persons_full_name_is_asked_as_who_they_are(asked, plain) -> None:
    # "what's his full name" after "who is maliki" was uncertain ("full", "name" in no article)
    assert plain_name(asked) == plain


@pytest.mark.parametrize("question, plain", [
    ("where is the Mahdi Army strongest", "where are the Mahdi Army's strongholds"),
    ("where are they strongest?", "where are their strongholds?"),
    ("where's his militia most powerful", "where are his militia's strongholds"),
    ("where is the shrine", "where is the shrine"),  # no idiom: unchanged
])
def test_where_someone_is_strongest_is_where_their_strongholds_are(question, plain):
    from bot.idioms import plain_stronghold  # (was no idiom)

    assert plain_stronghold(question) == plain


def test_where_someone_is_strongest_is_answered_by_a_stronghold(sample_home):
    from bot import ask
    # was not found: no article says "strongest"
    a = ask("where is the mahdi army strongest", settings=sample_home)
    assert a.status == "answered" and "stronghold" in a.citations[0].quote, a.answer


def test_a_20000_character_turn_is_normalized_in_well_under_a_second(corpus) -> None:
    """A 20,000-character user turn of a history (the most of one that is read) is normalized as its
    follow-up is rewritten: each word's look at the words before it reads a word or two, never the whole
    text before it (that took 3.5 s here, for each of up to six such turns). The words right before a word
    still count: "how mny" at the end is "how many"; "the" before "sadrs" makes a plural."""
    import time

    lib = Corpus(corpus)
    head = "Sadr " * 4000
    t0 = time.perf_counter()
    fixed = normalize(head + "how mny sadrists were there and where were the sadrs", lib)
    took = time.perf_counter() - t0
    assert fixed.startswith(head) and fixed.endswith(" how many Sadrists were there and where were the Sadrs")
    assert took < 1.0, took


def test_a_phrase_the_articles_never_write_is_the_one_of_its_meaning_they_do(corpus, sample_home) -> None:
    # "in return" where the articles write only "in exchange" (was not found: no article holds "return")
    lib = Corpus(corpus)
    assert normalize("what does the government have to do in return", lib) == \
        "what does the government have to do in exchange"
    # ... but a phrase the articles do write is theirs, and one with no other of its meaning stays as typed
    assert normalize("what did sadr ask in exchange", lib) == "what did Sadr ask in exchange"
    assert normalize("what happened in turn", lib) == "what happened in turn"
    lib = Corpus(["They gave up their seats and in return received money.", "He wrote in reply."])
    assert normalize("what did they get in exchange", lib) == "what did they get in return"
    assert normalize("what did he say in response", lib) == "what did he say in reply"
    from bot import ask
    a = ask("what does the government have to do in return", settings=sample_home)
    assert a.status == "answered" and a.citations[0].quote.startswith("In exchange, he asked the government"), a.answer


@pytest.mark.parametrize("typed, put", [
    ("how many militiamen are left in najaf", "how many militiamen remain in najaf"),
    ("who is still left there", "who still remains there"),
    ("how many were left homeless", "how many remained homeless"),
    # left of / behind / in charge, and "left-handed", are no remaining
    ("what is left of the city", "what is left of the city"),
    ("were they left behind", "were they left behind"),
    ("who was left in charge", "who was left in charge"),
    ("is he left-handed", "is he left-handed"),
])
def test_left_after_be_is_what_remains(typed, put) -> None:
    from bot.idioms import plain_left
    assert plain_left(typed) == put


def test_how_many_are_left_is_answered_as_how_many_remain(sample_home) -> None:
    from bot import ask
    a = ask("how many militiamen are left in najaf", settings=sample_home)  # was not found (vetoed: no count)
    assert a.status == "answered" and "significantly less militiamen" in a.citations[0].quote, a.answer


def test_a_word_for_a_settlement_the_articles_never_use_is_the_one_they_do(corpus, sample_home) -> None:
    # "deal" where the articles write "truce" (was not found: no article holds "deal")
    lib = Corpus(corpus)
    assert normalize("is there a deal", lib) == "is there a truce"
    assert normalize("what are the terms of the deal", lib) == "what are the terms of the truce"
    assert normalize("how did they deal with the crisis", lib) == "how did they deal with the crisis"  # a verb
    # "what's the deal with X": what is going on with it, said casually
    assert normalize("what's the deal with the warrant", lib) == "what's the deal with the warrant"
    assert normalize("what was the deal in najaf", lib) == "what was the deal in Najaf"
    lib = Corpus(["The two sides signed an accord on Monday."])
    assert normalize("who signed the deal", lib) == "who signed the accord"
    assert normalize("is there a pact", lib) == "is there an accord"
    assert normalize("is there an accord", lib) == "is there an accord"  # their own word
    from bot import ask
    a = ask("is there a deal", settings=sample_home)
    assert a.status == "answered" and a.citations[0].quote.startswith("The truce struck between"), a.answer


def test_fewer_is_the_less_the_articles_write(corpus, sample_home) -> None:
    from bot import ask

    lib = Corpus(corpus)
    assert normalize("were there fewer militiamen in najaf", lib) == "were there less militiamen in Najaf"
    assert normalize("were there less militiamen in najaf", lib) == "were there less militiamen in Najaf"
    # was uncertain, with "US occupation forces have suspended their offensive against Iraqi militiamen ..."
    a = ask("were there fewer militiamen in najaf", settings=sample_home)
    assert a.status == "answered" and "significantly less militiamen" in a.citations[0].quote, a.answer


def test_a_word_typed_whole_but_its_last_letter_is_that_word(corpus) -> None:
    lib = Corpus(corpus)
    # was "what did the US are to": "are" one edit away too, and more frequent
    assert normalize("wat did the us agre to", lib) == "what did the US agree to"
    assert normalize("who made the arest", lib) == "who made the arrest"  # (first letter kept, as before)


@pytest.mark.parametrize("typed, put", [
    ("did the fighters give up there weapons", "did the fighters give up their weapons"),  # was left as typed
    ("will they hand in there guns", "will they hand in their guns"),
    ("were there protests", "were there protests"),  # a form of "be" before it: whether there are any
    ("is there anyone in najaf", "is there anyone in Najaf"),
    ("who went there yesterday", "who went there yesterday"),  # no plural noun after it
])
def test_there_before_a_plural_noun_is_their(corpus, typed, put) -> None:
    assert normalize(typed, Corpus(corpus)) == put
