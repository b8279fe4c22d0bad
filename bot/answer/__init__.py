"""The extractive answerer: score the retrieved passages' sentences, quote the best ones exactly, or abstain.

Exposes `extract` / `cite` (the answer), `analyse_question` and the features the LLM verifier shares, and
what eval/tune.py fits (the feature names, guards, candidate scoring and `WEIGHTS_FILE`, bot/answer/weights.json);
for the follow-up rewriting and the question's normalising, and the retriever's widening for
questions about the whole archive (`asks_overview`), `broad_topic` and WordNet's `base_forms` / `country_names`.
"""

from bot.answer.abstain import abstain_features
from bot.answer.extract import Extraction, cite, extract
from bot.answer.scoring import (ABSTAIN_FEATURES, GUARDS, WEIGHTS_FILE, Candidate, candidates, choose_best, covered,
                                load_weights)
from bot.answer.topic import broad_topic
from bot.answer.carry import keeps_topic
from bot.answer.define import named_thing
from bot.answer.provenance import about_answer
from bot.answer.followup import asks_next, asks_who_said, points_at_event, wants_more
from bot.answer.features import CALENDAR, FEATURES, coverage_without, has_type
from bot.answer.question import NAME, TYPED, Question, analyse_question, common_words, known_word, leader_named
from bot.answer.lexicon import available as wordnet_available
from bot.answer.lexicon import base_forms, past, present, same_sense, synset_forms
from bot.answer.rewordings import act_verbs, causers, country_names, root_nouns, state_nouns, synonyms
from bot.answer.wordkinds import (is_group_noun, is_person_first, is_person_noun, is_place_noun, is_proper_noun,
                                  is_speech_verb, may_say)
from bot.answer.overview import WIDEN as OVERVIEW_WIDEN, asks_overview, asks_wide
from bot.answer.policy import STATUSES
from bot.answer.smalltalk import is_smalltalk, smalltalk_prompt
from bot.answer.spelling import name_variants
from bot.answer.verbs import BE_FORMS, PLACE_KINDS, is_participle, split_subject

__all__ = ["act_verbs", "may_say", "past", "present", "BE_FORMS", "PLACE_KINDS", "CALENDAR", "STATUSES", "named_thing", "same_sense", "synset_forms", "about_answer", "asks_who_said", "causers", "keeps_topic", "base_forms", "root_nouns", "state_nouns", "wordnet_available", "points_at_event", "wants_more", "asks_next", "is_smalltalk", "smalltalk_prompt", "synonyms", "name_variants", "is_participle", "is_group_noun", "is_person_first", "is_person_noun", "is_place_noun", "is_proper_noun", "broad_topic", "asks_overview", "asks_wide", "OVERVIEW_WIDEN", "country_names", "ABSTAIN_FEATURES", "FEATURES", "GUARDS", "NAME", "TYPED", "WEIGHTS_FILE", "Candidate", "Extraction", "Question",
           "abstain_features", "analyse_question", "candidates", "choose_best", "cite", "common_words", "known_word",
           "leader_named", "is_speech_verb", "split_subject", "covered", "coverage_without",
           "extract", "has_type", "load_weights"]
