"""Irish, Scottish Gaelic and Welsh names, which NER trained on news text rarely knows: "Aoife Ní
Fhaoláin", "Dara Ó Briain", "Máire Nic Giolla", "Dónal Mhic Aoidh", "Reuben Mac Cárthaigh", "Rhodri ap
Hywel". A first name, a particle and a capitalised word are a name wherever they stand; the particles are
never English words in that place (a capitalised word before and after)."""

from __future__ import annotations

import re

from .base import RuleRecognizer
from .patterns import END, NAME_WORD, SEP, name_words, plausible_name

# Irish and Scottish Gaelic particles, "Mac" written apart ("Reuben Mac Cárthaigh", "Lorcan Mac Giolla
# Bhríde", "Alasdair Mac an Bhaird") and the Welsh "ap"/"ab" ("Rhodri ap Hywel", "Siôn ab Owain"); an
# article may follow the particle ("Mac an", "Nic an", "Ó an").
# "Mac" apart is also a computer ("an Apple Mac Pro"): only before an article or a word of five letters
# or more, and never after an article.
_GAELIC = (r"(?:Ní|Nic|Ó|Uí|Mhic|ap|ab|Mac(?=[ \t]+(?:an|a['’]|na)[ \t]|[ \t]*\n?[ \t]*\w{5}))"
           r"(?:[ \t]+(?:an|a['’]|na))?")
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?i:a|an|the)[ \t]+$")
_PARTICLE_NAME = re.compile(rf"(?<![\w'’-])(?P<name>(?P<base>{NAME_WORD}{SEP}{_GAELIC}{SEP}{NAME_WORD})"
                            rf"(?:{SEP}{NAME_WORD}(?={SEP}|$|[,.;:)]))?){END}")


class ParticleNameRecognizer(RuleRecognizer):
    SCORE = 0.85
    EXPLANATION = "name with a Gaelic particle"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in _PARTICLE_NAME.finditer(text):
            if _ARTICLE_BEFORE.search(text[max(0, m.start() - 5):m.start()]):
                continue
            # the last word may be the next cell's or line's ("Osric Ní Bhaoill" / "Matron ..."): then the
            # name ends before it
            for group in ("name", "base"):
                words = name_words(m.group(group))
                if plausible_name([words[0], words[-1]]):
                    out.append(self.result(m.start(group), m.end(group)))
                    break
        return out
