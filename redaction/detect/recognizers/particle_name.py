"""Irish, Scottish Gaelic and Welsh names, which NER trained on news text rarely knows: "Aoife Ní
Fhaoláin", "Dara Ó Briain", "Máire Nic Giolla", "Dónal Mhic Aoidh", "Reuben Mac Cárthaigh", "Rhodri ap
Hywel", "Gwenllian ferch Einion", the Māori "Te" ("Ngaire Te Whata"), an initial for the first name ("S. Nic an
tSaoir"). A first name, a particle and a capitalised word are a name wherever they stand; the particles are
never English words in that place (a capitalised word before and after).

The Dutch, German, French, Italian, Spanish and Portuguese particles in lower case between a given name
and a capitalised surname say a name as well ("Harriet van der Spuy", "Anouk de la Rive", "Matteo di
Stefano"): the given name must then be no English word, or a word used as a first name ("Rose van Dijk"),
so "Hotel de la Paix" is not a name."""

from __future__ import annotations

from ..english_words import is_english_word
from ..given_names import is_given_name
from ..vocabulary import WORD_FIRST_NAMES
from .. import regex_cache
from .base import RuleRecognizer
from .patterns import END, NAME_WORD, SEP, UPPER, name_words, plausible_name

# Irish and Scottish Gaelic particles, "Mac" written apart ("Reuben Mac Cárthaigh", "Lorcan Mac Giolla
# Bhríde", "Alasdair Mac an Bhaird") and the Welsh "ap"/"ab" ("Rhodri ap Hywel", "Siôn ab Owain"); an
# article may follow the particle ("Mac an", "Nic an", "Ó an").
# "Mac" apart is also a computer ("an Apple Mac Pro"): only before an article or a word of five letters
# or more, and never after an article.
_GAELIC = (r"(?:Ní|Nic|Ó|Uí|Mhic|ap|ab|ferch|verch|Te|Mac(?=[ \t]+(?:an|a['’]|na|Ille|Gille)[ \t\n]|[ \t]*\n?[ \t]*\w{5})|"
           r"O(?=[ \t]+[A-ZÁÉÍÓÚ]))(?:[ \t]+(?:an|a['’]|na|Ille|Gille))?")
_ARTICLE_BEFORE = regex_cache.compile(r"(?<![\w-])(?i:a|an|the)[ \t]+$")
_PARTICLE_NAME = regex_cache.compile(rf"(?<![\w'’.-])(?P<name>(?P<base>(?:{NAME_WORD}|[{UPPER}]\.){SEP}{_GAELIC}{SEP}{NAME_WORD})"
                            rf"(?:{SEP}{NAME_WORD}(?={SEP}|$|[,.;:)]))?){END}")


# (an Afrikaans "Van der" is written with its capital: "Jolene Van der Merwe")
_CONTINENTAL = (r"(?:van(?:[ \t]+(?:der|den|de|het|t))?|Van[ \t]+(?:der|den|de)|von(?:[ \t]+(?:der|dem|zu))?|de(?:[ \t]+(?:la|le|los|las|l['’]))?|"
                r"del|della|degli|dei|di|da|dos|das|do|du|le|ter|ten|zu|zur)")
# a second surname may follow ("Philippa de Vere Holt of ..."), no English word and no capital after it
_CONTINENTAL_NAME = regex_cache.compile(rf"(?<![\w'’-])(?P<first>{NAME_WORD}){SEP}{_CONTINENTAL}{SEP}{NAME_WORD}"
                               rf"(?:[ \t]+(?P<second>{NAME_WORD})(?![ \t]*[A-Z]))?{END}")


# An Arabic or Urdu compound given name, its second part joined by a particle in lower case ("Noor ul-Ain",
# "Zain ul-Abideen", "Noor ud-Din", "Habib ur-Rehman"), then the surname: neither part an English word.
_COMPOUND_GIVEN = regex_cache.compile(rf"(?<![\w'’-])(?P<first>{NAME_WORD})[ \t]+(?:ul|ud|ur|un|al|ad|as|az)-"
                                      rf"[{UPPER}][\w'’]+{SEP}(?P<last>{NAME_WORD}){END}")


def _compound_given(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _COMPOUND_GIVEN.finditer(text)
            if not is_english_word(m.group("first")) and not is_english_word(m.group("last").split("-")[0])
            and plausible_name([m.group("first"), m.group("last")])]


# "Fergal O Séaghdha": an "Ó" whose accent OCR or a typist dropped, between a given name and a surname that
# are no English words ("Type O Negative", "Grade O Level" are not names)
_BARE_O = regex_cache.compile(r"[ \t]O[ \t]")


def _bare_o_name(words: list[str]) -> bool:
    first, last = words[0], words[-1]
    return ((first.casefold() in WORD_FIRST_NAMES or not is_english_word(first)) and not is_english_word(last))


def _continental(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _CONTINENTAL_NAME.finditer(text):
        first = m.group("first")
        surname = name_words(text[m.end("first"):m.start("second") if m.group("second") else m.end()])[-1]
        if (is_english_word(first) and first.casefold() not in WORD_FIRST_NAMES
                and not (is_given_name(first) and not is_english_word(surname.split("-")[0]))):
            continue  # "Hotel de la Paix"; a given name before a surname no word is ("Mortimer de Vere-Quansah") is a name
        end = m.end()
        if m.group("second") and is_english_word(m.group("second")):
            end = m.start() + len(text[m.start():m.start("second")].rstrip())  # "Harriet van der Spuy Chair,": an office, not a second surname
        words = name_words(text[m.start():end])
        if plausible_name([words[0], words[-1]]) and not _ARTICLE_BEFORE.search(text[max(0, m.start() - 5):m.start()]):
            out.append((m.start(), end))
    return out


# "Waylon St Aubyn-Kember", "Orla St John": a surname led by "St" after a given name. The given name is no
# English word or is a given name of the list, so "Bury St Edmunds" and "Church St Mary" are not names.
_SAINT_NAME = regex_cache.compile(rf"(?<![\w'’-])(?P<first>{NAME_WORD}){SEP}St\.?{SEP}(?P<last>{NAME_WORD}){END}")


def _saint(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _SAINT_NAME.finditer(text):
        first = m.group("first")
        if is_english_word(first) and not (is_given_name(first) and first.casefold() in WORD_FIRST_NAMES):
            continue  # "Bury St Edmunds"; "Rose St Clair" is a name
        if plausible_name([first, m.group("last")]) and not _ARTICLE_BEFORE.search(text[max(0, m.start() - 5):m.start()]):
            out.append((m.start(), m.end()))
    return out


_GREETINGS = frozenset({"morning", "afternoon", "evening", "hello", "hi", "hey", "dear", "thanks", "cheers"})


class ParticleNameRecognizer(RuleRecognizer):
    SCORE = 0.86  # above NER's 0.85: on the same span the rule's finding, not NER's guess, is kept
    EXPLANATION = "name with a particle"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in _PARTICLE_NAME.finditer(text):
            if _ARTICLE_BEFORE.search(text[max(0, m.start() - 5):m.start()]):
                continue
            if _BARE_O.search(m.group("base")) and not _bare_o_name(name_words(m.group("base"))):
                continue
            # the last word may be the next cell's or line's ("Osric Ní Bhaoill" / "Matron ..."): then the
            # name ends before it
            # a greeting or other word before the particle is no given name ("Morning Mac Giolla Bhríde, ..."):
            # the name starts at the particle
            base = m.group("base")
            first = base.split()[0]
            start = m.start("base") + len(base) - len(base[len(first):].lstrip()) if first.casefold() in _GREETINGS else None
            for group in ("name", "base"):
                words = name_words(m.group(group))
                if plausible_name([words[0], words[-1]]):
                    out.append(self.result(start if start is not None else m.start(group), m.end(group)))
                    break
        return out + [self.result(start, end) for start, end in _continental(text) + _saint(text) + _compound_given(text)]
