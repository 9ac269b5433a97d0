"""A given name alone, where the words around it say it is a person (class of cases: family members and
officers named informally in case papers and released e-mails, the eighth evaluation set):

- after a family word: "his daughter, Wren, aged 9", "Child K's older brother, Tyrese.", "my sister Ingrid";
- after a greeting that opens a letter or e-mail: "Dear Sage," / "Hi Lorcan,";
- after a job, set off by a comma, the name then closed by a comma or a bracket: "the on-call manager,
  Zbigniew (EOC)";
- a name someone goes by: 'known to his customers as "Sparky"', "nicknamed Jonno", 'Chidinma Nwabueze ("Chi")',
  'Joyce "JoJo" Opare-Pearce' and 'Wei (David) Zhang' (the full name is one finding, quotes and brackets
  inside), 'Zhang, Wei (David)'; wherever else the paper writes that name alone, it is the same person
  ("JoJo reported", "Thanks, David");
- the next names of a list after a family word: "your children Blessed (9) and Ruvimbo (4)".

A family word or a greeting says a person follows, so the name may be an ordinary word ("Wren", "Sage")
but not a word of the lists of non-names or a form of address ("Dear Sir", "Dear Colleague"). After a job,
which is also said of departments ("the manager, Finance,"), the name must be no English word. A capitalised
word after the name makes it a full name, which the other recognizers read.
"""

from __future__ import annotations

import re

from ..english_words import is_english_word
from ..given_names import is_given_name
from ..vocabulary import JOB_NOUNS, JOB_WORDS, PROFESSIONS, TITLE_WORDS
from .. import regex_cache
from .base import RuleRecognizer
from .patterns import FULL_NAME, NAME_WORD, TITLE, longest_first, name_words, plausible_name

_FAMILY = ("brother-in-law", "sister-in-law", "mother-in-law", "father-in-law", "son-in-law", "daughter-in-law",
           "children", "daughters", "sons", "daughter", "son", "brother", "sister", "mother", "father", "mum", "mom", "dad", "wife", "husband",
           "partner", "grandson", "granddaughter", "grandmother", "grandfather", "grandma", "grandad", "grandpa",
           "niece", "nephew", "cousin", "aunt", "auntie", "uncle", "stepson", "stepdaughter", "stepfather",
           "stepmother", "stepbrother", "stepsister", "sibling", "twin", "fiancé", "fiancée", "fiance", "fiancee",
           "boyfriend", "girlfriend", "baby", "child", "twins", "siblings", "brothers", "sisters", "grandchildren",
           "grandsons", "granddaughters", "stepchildren", "nieces", "nephews", "cousins")
_FAMILY_QUALIFIERS = (r"(?:(?:older|younger|elder|eldest|youngest|oldest|twin|baby|little|big|late|half|step|adult|"
                      r"teenage|adopted|foster|estranged|only|grown-up|infant)[- \t]+)?")
_OWNER = r"(?:(?<![\w-])(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Yy]our|[Oo]ur|[Tt]he|a)|['’]s)"
_AFTER_FAMILY = regex_cache.compile(rf"{_OWNER}(?:[ \t]+|[ \t]*\n[ \t]*){_FAMILY_QUALIFIERS}(?:{'|'.join(_FAMILY)})[ \t]*,?[ \t]*\n?[ \t]*"
                           rf"(?:\([ \t]*[\"“'‘])?(?P<name>{NAME_WORD})")  # 'her husband ("Bogdan" to the drivers)'

_GREETING = regex_cache.compile(rf"(?:^|(?<=[\n\"“'‘(]))[ \t]*(?:Dear|Hi|Hello|Hiya|Morning|Afternoon|Annwyl|Helo|Shwmae)[ \t]+(?P<name>{NAME_WORD})"
                       rf"(?=[ \t]*[,!\n])")
# ... and the full name a letter or e-mail opens with ("Dear Wilhelmina Ashcombe,", "Hi Dr Jo Bell,")
_GREETING_FULL = regex_cache.compile(rf"(?:^|(?<=[\n\"“'‘(]))[ \t]*(?:Dear|Hi|Hello|Hiya|Morning|Afternoon|Annwyl|Helo|Shwmae)[ \t]+"
                                     rf"(?:(?:{TITLE})\.?[ \t]+)?(?P<name>{FULL_NAME})(?=[ \t]*[,!\n])")
_JOB = "(?:" + "|".join(map(re.escape, sorted({*JOB_NOUNS, *PROFESSIONS}, key=longest_first))) + ")"
_AFTER_JOB = regex_cache.compile(rf"(?<![\w-])(?:(?i:the|our|their|its)|['’]s)[ \t]+(?:[\w-]+[ \t]+){{0,3}}?(?i:{_JOB})[ \t]*,[ \t]*\n?[ \t]*"
                        rf"(?P<name>{NAME_WORD})(?=[ \t]*[,(])")
# the next names of a list of children or siblings: "your children Blessed (9) and Ruvimbo (4)"
_LIST_AFTER = regex_cache.compile(rf"^(?:[ \t]*\(\d{{1,2}}\))?[ \t]*(?:,|and|&)[ \t]*\n?[ \t]*(?P<name>{NAME_WORD})")
# a short name in quotes in brackets right after a full name: 'Chidinma Nwabueze ("Chi")'
_QUOTED_AFTER_NAME = regex_cache.compile(rf"(?<=[a-z])[ \t]*\([ \t]*[\"“'‘](?P<name>{NAME_WORD})[\"”'’][ \t]*\)")
# a name someone goes by between the given name and the surname: 'Joyce "JoJo" Opare-Pearce', 'Wei (David) Zhang'
# (a lookahead, so that "Firefighter (Control) Przemysław" does not hide 'Przemysław "Przemek" Duda')
_NICKNAME_INSIDE = regex_cache.compile(rf"(?<![\w-])(?=(?P<given>{NAME_WORD})(?:[ \t]+|[ \t]*\n[ \t]*)(?:[\"“'‘](?:(?:Wee|Big|Young|Little|Old)[ \t]+)?(?P<nick>{NAME_WORD}|[A-Z]{{2,3}})[\"”'’]|"
                              rf"\((?P<alt>{NAME_WORD})\))[ \t]*\n?[ \t]*(?P<surname>{NAME_WORD})(?![\w-]))")
# initials someone goes by, quoted between the given name and the surname: 'Kwame "KB" Boakye-Hill'
_INITIALS_NICKNAME = re.compile(r"[A-Z]{2,3}")
# ... or in brackets, unquoted, after a name written surname first: 'Zhang, Wei (David)'
_ALT_AFTER_SURNAME_FIRST = regex_cache.compile(rf"(?<![\w-]){NAME_WORD},[ \t]+{NAME_WORD}[ \t]+\((?P<name>{NAME_WORD})\)")
# a name someone goes by: 'known to his customers as "Sparky"', "nicknamed Jonno"; in quotes it may be a
# word, bare it must be no English word ("known as Riverside" is a place's name)
_ALIAS = regex_cache.compile(rf"(?<![\w-])(?:known(?:[ \t]+to[ \t]+[\w'’ ]{{1,40}}?)?[ \t]+as|nicknamed|aka|a\.k\.a\.|also[ \t]+called|"
                    rf"(?:goes|went|go)[ \t]+by|prefers[ \t]+to[ \t]+be[ \t]+called)"
                    rf"[ \t]+(?P<q>[\"“'‘])?(?P<name>{NAME_WORD})(?(q)[\"”'’])")
# words that follow a greeting or a family word and are no name
_ADDRESSES = frozenset({"sir", "sirs", "madam", "madame", "colleague", "colleagues", "all", "team", "everyone",
                        "both", "friend", "friends", "customer", "resident", "residents", "applicant", "member",
                        "members", "chair", "councillor", "councillors", "panel", "committee", "parent", "parents",
                        "carer", "carers", "requester", "requestor", "complainant", "there", "again", "editor",
                        "officer", "manager", "team", "aged", "who", "whose", "and", "is", "was", "has", "had",
                        "now", "then", "also"})
_CAPITAL_AFTER = regex_cache.compile(r"^[ \t]+[A-Z][\w'’-]*")
_CAPITAL_BEFORE = regex_cache.compile(r"[A-Z][\w'’-]*[ \t]+$")
# the first word of a full name written elsewhere ("David Okonjo"): an alias also held as another's given name
_FULL_NAME_FIRSTS = regex_cache.compile(rf"(?<![\w-])({NAME_WORD})[ \t]+(?=[A-Z][a-z])")


_NOT_ADDRESSEE_WORDS = JOB_WORDS | {"team", "chief", "executive"}  # "Dear Licensing Team,"


def _a_given_name(word: str, ordinary_allowed: bool) -> bool:
    folded = word.casefold()
    if folded in _ADDRESSES or folded in TITLE_WORDS:
        return False
    if not plausible_name([word]):
        return False
    return ordinary_allowed or not is_english_word(word)


class GivenNameRecognizer(RuleRecognizer):
    SCORE = 0.86  # above NER's 0.85: on the same span the rule's finding, not NER's guess, is kept
    EXPLANATION = "given name after a family word, a greeting or a job"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for rule, ordinary_allowed in ((_AFTER_FAMILY, True), (_GREETING, True), (_AFTER_JOB, False)):
            for m in rule.finditer(text):
                if _CAPITAL_AFTER.match(text[m.end("name"):m.end("name") + 30]):
                    continue  # a full name: the other recognizers read it whole
                if _a_given_name(m.group("name"), ordinary_allowed):
                    out.append(self.result(m.start("name"), m.end("name")))
                    if rule is _AFTER_FAMILY:
                        end = m.end("name")
                        while (more := _LIST_AFTER.match(text[end:end + 60])) and not _CAPITAL_AFTER.match(
                                text[end + more.end("name"):end + more.end("name") + 30]) and _a_given_name(
                                more.group("name"), True):
                            out.append(self.result(end + more.start("name"), end + more.end("name")))
                            end += more.end("name")
        for m in _GREETING_FULL.finditer(text):
            words = name_words(m.group("name"))
            # "Dear Chief Executive,", "Dear Licensing Team,": an office or a team, not a name
            if plausible_name(words) and not any(w.casefold() in _ADDRESSES or w.casefold() in TITLE_WORDS
                                                 or w.casefold() in _NOT_ADDRESSEE_WORDS for w in words):
                out.append(self.result(m.start("name"), m.end("name")))
        for m in _QUOTED_AFTER_NAME.finditer(text):
            if _a_given_name(m.group("name"), ordinary_allowed=True):
                out.append(self.result(m.start("name"), m.end("name")))
        for m in _ALIAS.finditer(text):
            if _a_given_name(m.group("name"), ordinary_allowed=bool(m.group("q")) or is_given_name(m.group("name"))):
                out.append(self.result(m.start("name"), m.end("name")))
        aliases = set()
        for m in _NICKNAME_INSIDE.finditer(text):
            nick = m.group("nick") or m.group("alt")
            if (plausible_name([m.group("given"), m.group("surname")])
                    and (_a_given_name(nick, True) or _INITIALS_NICKNAME.fullmatch(nick))
                    and (m.group("nick") or is_given_name(nick))):
                out.append(self.result(m.start("given"), m.end("surname")))
                aliases.add(nick)
        for m in _ALT_AFTER_SURNAME_FIRST.finditer(text):
            if is_given_name(m.group("name")) and _a_given_name(m.group("name"), True):
                out.append(self.result(m.start("name"), m.end("name")))
                aliases.add(m.group("name"))
        for alias in aliases - set(_FULL_NAME_FIRSTS.findall(text)):
            # the name someone goes by, alone elsewhere: "JoJo reported", "Thanks, David"
            for m in re.finditer(rf"(?<![\w'’-]){re.escape(alias)}(?![\w-])", text):
                if not _CAPITAL_AFTER.match(text[m.end():m.end() + 30]) and not _CAPITAL_BEFORE.search(
                        text[max(0, m.start() - 30):m.start()]):
                    out.append(self.result(m.start(), m.end()))
        return out
