"""Irish and Scottish Gaelic names, which NER trained on news text rarely knows: "Aoife Ní Fhaoláin",
"Dara Ó Briain", "Máire Nic Giolla", "Dónal Mhic Aoidh". A first name, a Gaelic particle and a
capitalised word are a name wherever they stand; the particles are never English words."""

from __future__ import annotations

import re

from .base import RuleRecognizer
from .patterns import END, NAME_WORD, SEP, name_words, plausible_name

_GAELIC = r"(?:Ní|Nic|Ó|Uí|Mhic)"
_PARTICLE_NAME = re.compile(rf"(?<![\w'’-])(?P<name>{NAME_WORD}{SEP}{_GAELIC}{SEP}{NAME_WORD}"
                            rf"(?:{SEP}{NAME_WORD}(?={SEP}|$|[,.;:)]))?){END}")


class ParticleNameRecognizer(RuleRecognizer):
    SCORE = 0.85
    EXPLANATION = "name with a Gaelic particle"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in _PARTICLE_NAME.finditer(text):
            words = name_words(m.group("name"))
            if plausible_name([words[0], words[-1]]):
                out.append(self.result(m.start("name"), m.end("name")))
        return out
