"""Names in the header lines of an e-mail printed in a paper: "From: Okonkwo, Chidi <chidi.okonkwo@...>",
"To: Haverford, Julia; Lindqvist Anders", "Cc: 'Ben Okoro'; M. Thistlewood", "On behalf of: Jo Bell", and
headers printed inline in a paragraph ("From: Jo Bell (Head of HR) To: Sam Green. Sent: 14 March").

A header names people (or a team's mailbox) and nothing else, so every entry that is a plausible name is
one, in any order ("Surname, First" as Outlook writes it) and any case; addresses, brackets and quotes
around it are left to the other recognizers. A mailbox's name ("Licensing Team", "FOI Requests") is no
plausible name.
"""

from __future__ import annotations

import re

from ..vocabulary import NOT_NAME_WORDS, ORGANISATION_WORDS, THING_WORDS, WEEKDAYS, WORD_FIRST_NAMES
from .. import regex_cache
from .base import RuleRecognizer
from .patterns import CAPS_WORD, INITIAL, NAME_WORD, PARTICLE, RANK, TITLE, plausible_name

# ... and the lists of people in minutes and letters, which write names the same ways ("Present: Okafor,
# Jane (Chair); Brennan, Liam", "Apologies: Smith, J.")
_KEY = (r"(?:From|To|Cc|CC|Bcc|BCC|Sent[ \t]+by|Reply-To|Reply[ \t]+to|On[ \t]+behalf[ \t]+of|Present|Attendees|"
        r"Apologies(?:[ \t]+for[ \t]+absence)?|In[ \t]+attendance|Also[ \t]+present|Distribution|Cop(?:y|ies)[ \t]+to)")
_NEXT_KEY = r"(?:From|To|Cc|CC|Bcc|BCC|Sent|Subject|Date|Importance|Attachments?)[ \t]*:"
# A header starts its line, or follows a sentence or quote when a paper prints headers inline
# ("... Regards, Jo." From: Jo Bell (Head of HR) To: Sam Green. Sent: 14 March"); its value ends at the
# line's end or at the next header.
# (or at the date a printed header runs on into: "To: Szczygielska, Ewelina 14 Feb 2038: ...")
# (a value wrapped after a comma or semicolon goes on to the next line: "To: Ó Loingsigh, Cormac; Ugwu-Barton," /
# "Nkemdirim Subject: ...")
_VALUE = (rf"(?P<value>[^\n]+?(?:[,;][ \t]*\n[ \t]*[^\n]+?)*)(?=[ \t.;]*{_NEXT_KEY}|(?<![,;])[ \t]*$"
          rf"|[ \t]+\d{{1,2}}[ \t]+[A-Z][a-z]{{2,8}}\.?[ \t]+\d{{4}})")
_HEADER = regex_cache.compile(rf"(?:^|(?<=[.;\"“”)])[ \t]+|(?<=[.;\"“”)]))[ \t]*{_KEY}[ \t]*:[ \t]*{_VALUE}", re.MULTILINE)
# ... and a header that follows another on its line with no stop between ("From: Jo Bell To: Sam Green",
# "Sent: 3 May 2038 To: ...")
_OTHER_KEY = r"(?:Sent|Date|Subject|Importance|Attachments?)"
_FOLLOWING = regex_cache.compile(rf"[ \t.;]*(?:{_OTHER_KEY}[ \t]*:[^\n]*?[ \t.;]*)?{_KEY}[ \t]*:[ \t]*{_VALUE}",
                                 re.MULTILINE)


def _headers(text: str):
    """Every header of names, with those that follow one on its line."""
    for m in _HEADER.finditer(text):
        yield m
        while (m := _FOLLOWING.match(text, m.end())) is not None:
            yield m


# what surrounds a name in an entry: an address in angle or square brackets, a bare address, a note in
# round brackets, quotes
# (an apostrophe inside a name is the name's: "O'Halloran, Fintan")
_NOISE = regex_cache.compile(r"<[^>\n]*>|\[[^\]\n]*\]|\([^)\n]*\)|\S+@\S+|[\"“”]|(?<![^\W\d_])['‘’]|['‘’](?![^\W\d_])")
_WORD = rf"(?:{NAME_WORD}|{CAPS_WORD}|{INITIAL})"
_ACRONYM = regex_cache.compile(r"^[A-Z]{2,4}$")
_TITLES = regex_cache.compile(rf"[ \t]*(?:(?:{TITLE}|{RANK})[ \t]+)*")
_RUN = regex_cache.compile(rf"{_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+){{0,2}}{_WORD}){{0,3}}(?![\w'’-])")


class MailHeaderNameRecognizer(RuleRecognizer):
    SCORE = 0.9
    EXPLANATION = "name in an e-mail header"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in _headers(text):
            base = m.start("value")
            value = _NOISE.sub(lambda n: " " * len(n.group(0)), m.group("value"))  # same length
            for entry in re.finditer(r"(?:(?![ \t]+and[ \t]+)[^;])+", value):
                for start, end in _names_in(entry.group(0)):
                    out.append(self.result(base + entry.start() + start, base + entry.start() + end))
        return out


def _names_in(entry: str) -> list[tuple[int, int]]:
    """The names in one entry: "Okonkwo, Chidi" (two parts of one name), "Jo Bell, Sam Green" (two
    names), "Lindqvist Anders", "J. Okafor"."""
    parts = [p for p in re.finditer(r"[^,]+", entry) if p.group(0).strip(" \t.")]
    out = []
    for p in parts:
        title = _TITLES.match(p.group(0))  # "Cllr Jo Bell": the title stays outside the name
        run = _RUN.fullmatch(p.group(0)[title.end():].strip().rstrip(".").rstrip())
        if not run:
            return out if len(parts) > 1 else []
        rest = p.group(0)[title.end():]
        lead = title.end() + len(rest) - len(rest.lstrip())
        words = run.group(0).split()
        if len(parts) == 1 and any(_ACRONYM.match(w) for w in words):
            continue  # "FOI Requests", "ICT Service Desk": a mailbox (a surname in capitals has a comma after it)
        if not _is_name(words, alone=len(parts) == 2 and len(words) == 1):
            continue
        out.append((p.start() + lead, p.start() + lead + len(run.group(0))))
    if len(parts) == 2 and len(out) == 2 and _one_surname(entry[out[0][0]:out[0][1]].split()):
        # "Szczepaniak, Wit", "Ó Súilleabháin, Pádraig": one person written surname first, as Outlook does;
        # one finding, read back in the order of a name ("Wit Szczepaniak") where candidates are cleaned
        return [(out[0][0], out[1][1])]
    return out


def _one_surname(words: list[str]) -> bool:
    """One surname: a word, after the particles that belong to it ("Ó Súilleabháin", "van der Berg")."""
    return all(re.fullmatch(PARTICLE, w) or w in ("Giolla", "Ghiolla") for w in words[:-1])  # "Mac Giolla Bhríde"


_DAY_OR_MONTH_NAMES = WORD_FIRST_NAMES | WEEKDAYS


def _is_name(words: list[str], *, alone: bool) -> bool:
    """A plausible name; one word only as a part of "Surname, First" (``alone``) and never a word of a
    mailbox or a place."""
    if len(words) == 1 and not alone:
        return False
    if alone and re.fullmatch(INITIAL, words[0]):
        return True  # "Smith, J."
    if alone and words[0][1:].islower() and words[0].casefold() in _DAY_OR_MONTH_NAMES:
        return True  # "Thorogood, Wednesday", "Polwhele, April": a given name a day or month can be
    words = [w for w in words[:-1] if not re.fullmatch(PARTICLE, w)] + words[-1:]  # "Mac an Ghabhann": "an" too
    folded = [w.casefold() for w in words]
    if any(w in NOT_NAME_WORDS or w in ORGANISATION_WORDS for w in folded) or folded[-1] in THING_WORDS:
        return False
    return plausible_name(words) and any(len(w.rstrip(".")) > 1 for w in words)
