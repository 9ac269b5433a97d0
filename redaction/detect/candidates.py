"""From a raw name candidate (NER or a rule) to the words of a name, or nothing.

A candidate is widened to whole words (NER cuts "Tomasz Wi■niewski" at a glyph it does not know) and cut
back to the words of a name: no rank or title before it, no form word, no field label on the next line
("Tamsin Achebe-Ward\\nPosition:"), no letters after the name ("MRICS"). It is dropped when it is not a
person: an organisation or a thing named after one ("The Ben Kinsella Trust", "Stephen Lawrence Day", "St
Giles Trust"), a form word ("Tick"), a lone word NER guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presidio_analyzer import RecognizerResult

from ..policy import Policy
from . import regex_cache
from .recognizers.base import RANK_KEY, WHOLE_CELL_KEY
from .recognizers.patterns import (CAPS_PARTICLES, CAPS_WORD, FULL_NAME, INITIAL, LABEL, MISSING_GLYPHS, NAME_WORD, PARTICLE, RANK,
                                   PORTFOLIO, ROLE_TAIL,
                                   SEP, TITLE, longest_first, name_words, plausible_name, rank_in_context)
from .english_words import is_word_or_its_form
from .vocabulary import (ABBREVIATIONS, FIRMS_NAMED_AFTER_PEOPLE, JOB_NOUNS, NAME_PARTICLES, NOT_NAME_WORDS,
                         ORGANISATION_PREFIXES, ORGANISATION_WORDS, PLACE_ENDINGS, PLACE_FIRST_WORDS, PLACE_STARTS, PROFESSIONS, STREET_WORDS,
                         THING_WORDS, WEEKDAYS, WORD_FIRST_NAMES)

# a verb only a person does, right after the name ("Penny Lane said"): a person, whatever the last word
_PERSON_VERB_AFTER = regex_cache.compile(r"[ \t]*,?[ \t]+(?:said|says|told|asked|agreed|explained|confirmed|wrote|attended|"
                                r"was|is|has|had|will|who)(?![\w-])")
_LEADING_TITLES = regex_cache.compile(rf"^(?:(?P<t>{RANK}|{TITLE})(?:{SEP}|$))+")
_ONE_TITLE = regex_cache.compile(rf"{RANK}|{TITLE}")
_RANK_BEFORE = regex_cache.compile(rf"(?<![\w/&-])(?P<r>{RANK}){SEP}$")
# Whole words only: a mixed-case acronym ("NaPTAN") is not the two words "Na" and "PTAN".
_WORD = regex_cache.compile(rf"(?<![\w'’-]){INITIAL}(?=[\s;,)]|$)"
                   rf"|(?<![^\W\d_])(?:{NAME_WORD}|{CAPS_WORD})(?!-?[^\W\d_{MISSING_GLYPHS}])"
                   rf"|{PARTICLE}(?=\s)")
_IS_NAME_WORD = regex_cache.compile(rf"^(?:{NAME_WORD})$")
_IS_CAPS_WORD = regex_cache.compile(rf"^(?:{CAPS_WORD})$")
_IS_INITIAL = regex_cache.compile(rf"^{INITIAL}$")
_ABBREVIATION_WORD = regex_cache.compile(r"^[A-Z]{2,5}$")
_CAPITALISED_RUN = regex_cache.compile(r"[ \t]+[A-Z][a-z][\w'’-]*(?:[ \t]*\n?[ \t]*[A-Z][a-z][\w'’-]*){1,2}(?![\w'’-])")
_NEXT_WORD = regex_cache.compile(r"^(?P<poss>['’]s?)?[ \t\n]*(?P<w>[^\W\d_][\w'’]*)")
_PREV_WORD = regex_cache.compile(r"([^\W\d_][\w.'’]*)[ \t\n]*$")
# A line that starts with a field label: up to three words and a colon ("Position:", "Wards affected:").
# (not a sentence's end then another sentence: "Harrowby. Also attending: ..." is the end of a name)
_LABEL_LINE = regex_cache.compile(r"[ \t]*(?![\w'’/&()-]+\.[ \t]+[A-Z])(?:[\w'’/&().-]+[ \t]+){0,2}[\w'’/&().-]+[ \t]*:")
_FIELD_HEAD = regex_cache.compile(rf"^[ \t]*(?i:{LABEL})[ \t]+(?:(?:{RANK}|{TITLE})[ \t]+)?$")
# A job written after a name in a table row or list: the capitalised word before it is the job's
# ("Custody officer", "Detention officer", "Project manager", "Custody sergeant").
_JOBS = sorted({*JOB_NOUNS, *PROFESSIONS}, key=longest_first)
_JOB_AFTER = regex_cache.compile(r"[ \t]+(?i:" + "|".join(map(re.escape, _JOBS)) + r")s?(?![\w-])")
# A longer title in title case read on with the name in a table row starts earlier: the capitalised words
# (or letters) that lead to a capitalised job noun are the job's ("Jo Bell Community Safety Officer", "Jo
# Bell ICV Panel Chair"); "Detention officer" in sentence case is left to the rule above.
_TITLE_AFTER = regex_cache.compile(r"(?:[ \t]+[A-Z][\w'’&/-]*){1,3}[ \t]+(?:"
                          + "|".join(re.escape(j.capitalize()) for j in _JOBS) + r")s?(?![\w-])")
_JOB_WORDS = frozenset(_JOBS)
_PARTICLE_FORMS = NAME_PARTICLES | CAPS_PARTICLES  # "de", "De" and "DE"
_NEVER_LAST = _PARTICLE_FORMS | {"St", "St."}
_RULE_RECOGNIZERS = ("TitledNameRecognizer", "FieldLabelNameRecognizer", "NameRankRecognizer",
                     "RoleNounNameRecognizer", "AgentNameRecognizer", "ParticleNameRecognizer", "CellNameRecognizer",
                     "NameJobRecognizer", "JobSurnameRecognizer", "MailHeaderNameRecognizer",
                     "SignOffNameRecognizer", "DoubleBarrelledNameRecognizer", "WordFirstNameRecognizer",
                     "InitialsNameRecognizer", "GivenNameRecognizer", "UnknownWordsNameRecognizer")


@dataclass
class Name:
    start: int
    end: int
    words: list[str]
    rank: str | None
    score: float
    from_rule: bool
    given: bool = False  # a given name alone ("his daughter, Wren"): the person's first name, not a surname


# Capitals with no vowel are an organisation's or a scheme's letters, never a surname in capitals ("GSS", "CPS")
_VOWELLESS_LETTERS = regex_cache.compile(r"[B-DF-HJ-NP-TV-XZ]{2,6}")


# a person's name then "of": what follows is their place or firm ("Mr Jo Bell of Loxley Barrett")
_OF_AFTER_A_NAME = regex_cache.compile(r"(?<![\w'’-])[A-Z][a-z][\w'’-]*[ \t]+of[ \t]+$")


_NICKNAME_MARK = re.compile(r"[\"“”‘’(]")


_QUOTE_OPENS_LINE = re.compile(r"[ \t]*\n[ \t]*[\"“‘]")


def clean(text: str, r: RecognizerResult) -> Name | None:
    meta = r.recognition_metadata or {}
    from_rule = meta.get(RecognizerResult.RECOGNIZER_NAME_KEY) in _RULE_RECOGNIZERS
    start, end = _whole_words(text, r.start, r.end)
    if not from_rule and (quoted := _QUOTE_OPENS_LINE.search(text, start, end)):
        end = quoted.start()  # NER read a header's name on into the quoted message below ('To: Jo Bell' / '"Jo, ...')
    rank = meta.get(RANK_KEY) or _rank_before(text, start)
    lead = _LEADING_TITLES.match(text[start:end])
    if lead:  # NER often takes "DSU Mike West" whole: the rank stays outside the name
        for t in _ONE_TITLE.finditer(lead.group(0)):
            rank = rank_in_context(text, start + t.start(), t.group(0)) or rank
        start += lead.end()
    words = [(m.start() + start, m.end() + start, m.group(0)) for m in _WORD.finditer(text[start:end])]
    if not words:
        return None
    if (len(words) >= 3 and words[0][2] == "M." and _IS_NAME_WORD.match(words[1][2])
            and meta.get(RecognizerResult.RECOGNIZER_NAME_KEY) != "InitialsNameRecognizer" and not rank):
        # "M. Théophile Garnier-Dubost": Monsieur, not an initial before a first name (but "M. Fuentes
        # Iribarren", read as an initial and two surnames or after a rank, keeps its initial: leaving it
        # would show it)
        words = words[1:]
    if (not from_rule and len(words) > 1 and _ABBREVIATION_WORD.match(words[0][2])
            and _IS_NAME_WORD.match(words[1][2]) and re.fullmatch(r"[ \t]+", text[words[0][1]:words[1][0]])):
        # "CTL Brannagh", "AOM Jo Bell": a role abbreviation in no list (a name in capitals is all capitals)
        # stands before the name like a title, so the surname alone is a name
        words, after_abbreviation = words[1:], True
    else:
        after_abbreviation = False
        if not from_rule:
            titled_job = _after_job_title(text, words)
            if titled_job:
                # "Community Psychiatric Nurse Jo Bell": a job title written as a title; the name follows it
                words, after_abbreviation = titled_job, True
    # a cell's name wrapped word by word is whole as the cell rule found it ("Rutendo" / "Mavhunga")
    # ... and so is its "Surname, Given" ("Polwhele, April": a month written as a given name)
    wrapped_cell = meta.get(RecognizerResult.RECOGNIZER_NAME_KEY) == "CellNameRecognizer" and (
        "\n" in text[start:end] or "," in text[start:end])
    # ... and a given name and double-barrelled surname that fill their lines ("Maximilian" / "Asamoah-Lisle")
    wrapped_cell = wrapped_cell or (meta.get(RecognizerResult.RECOGNIZER_NAME_KEY) == "DoubleBarrelledNameRecognizer"
                                    and "\n" in text[start:end] and _starts_line(text, start)
                                    and _alone_on_its_line(text, text.rfind("\n", start, end) + 1, end))
    # ... and a name with the name the person goes by inside it ('Bernadette "Bunny"' / 'Anyaegbunam' in a cell)
    wrapped_cell = wrapped_cell or (meta.get(RecognizerResult.RECOGNIZER_NAME_KEY) == "GivenNameRecognizer"
                                    and _NICKNAME_MARK.search(text, start, end) is not None)
    # ... and a mail header's "Surname, Given", wrapped after its comma or not ("To: ...; Ugwu-Barton," / "Nkemdirim",
    # "From: Thorogood, Wednesday": the header rule read it as one person, a day or month as the given name)
    wrapped_cell = wrapped_cell or (meta.get(RecognizerResult.RECOGNIZER_NAME_KEY) == "MailHeaderNameRecognizer"
                                    and "," in text[start:end])
    # ... and a surname or given-name cell under a "Surname" / "Given name" header ("ST AUBYN", "AL-RASHID")
    if meta.get(WHOLE_CELL_KEY):
        return Name(start, end, name_words(text[start:end]), rank, r.score, from_rule,
                    given=meta[WHOLE_CELL_KEY] == "given")
    kept = words if wrapped_cell else _name_words(text, words, from_rule)
    if kept and len(kept) >= 3 and kept[0][2].casefold() in PLACE_FIRST_WORDS:
        kept = kept[1:]  # "Brixton Cecily Cattermole": the place of the row before, then the name
    cut = _cut_before_next_cell(text, kept) if kept and from_rule else None
    if cut:
        kept = cut
    elif not kept or not _is_organisation_free(text, words, kept):
        return None
    if any(w.casefold() in PLACE_ENDINGS for _, _, w in kept[1:]) or kept[0][2].casefold() in PLACE_STARTS:
        return None  # "Calder Fells", "Wortley Beck (EOC)": a place
    start, end = kept[0][0], kept[-1][1]
    if re.search(r"\d", text[start:end]):
        return None
    plain = [re.sub(r"-\s+", "-", w) for _, _, w in kept]  # "Achebe-" / "Ward" broken at a line end
    if not from_rule:
        # NER alone: two words at least, not all capitals ("SMH NCLCC"), not just initials, not a place.
        if (len(plain) < 2 and not after_abbreviation) or all(_IS_CAPS_WORD.match(w) or _IS_INITIAL.match(w) for w in plain):
            return None
        if plain[0].casefold() in PLACE_FIRST_WORDS:  # "Canary Wharf", "Tower Hamlets"
            return None
        if plain[-1].casefold() in STREET_WORDS and not _PERSON_VERB_AFTER.match(text, end):
            return None  # "Home, Bevan Close, Chepstow", "moved from Harrowden Lane": an address
        if _OF_AFTER_A_NAME.search(text, max(0, start - 40), start):
            return None  # "Mr Gareth Pennywhistle of Loxley Barrett": where the person lives or works
        if len(plain) == 2 and re.fullmatch(r"[A-Z]\.", plain[0]) and _alone_on_its_line(text, start, end):
            return None  # "C. Proposal": a lettered heading
        if _is_thing(text, plain) or _PLACE_LINE.match(text, text.rfind("\n", 0, start) + 1):
            return None
        if _after_place_preposition(text, start, end) or _VESSEL_BEFORE.search(text[max(0, start - 14):start]):
            return None
    elif not any(_IS_NAME_WORD.match(w) or _IS_CAPS_WORD.match(w) for w in plain):
        return None
    if plain[-1] in _PARTICLE_FORMS or _is_firm(text, start):
        return None
    if meta.get(RecognizerResult.RECOGNIZER_NAME_KEY) == "UnknownWordsNameRecognizer" and len(plain) < 2:
        return None  # two unknown words are a name only together: one alone is left to the other readings
    plain = _surname_first_read_back(text, kept, plain)
    return Name(start, end, plain, rank, r.score, from_rule,
                # a given name alone, as a family word or a sign-off names someone: the person known by it in full
                # if there is one ("Regards, Beatrix." is the Chief Constable Beatrix Colquhoun-Ashe)
                given=meta.get(RecognizerResult.RECOGNIZER_NAME_KEY) in ("GivenNameRecognizer", "SignOffNameRecognizer")
                and len(plain) == 1)


def _surname_first_read_back(text: str, kept, plain: list[str]) -> list[str]:
    """"Szczepaniak, Wit" (an e-mail header's surname first) is the name "Wit Szczepaniak"."""
    for k in range(len(kept) - 1):
        if "," in text[kept[k][1]:kept[k + 1][0]]:
            return plain[k + 1:] + plain[:k + 1]
    return plain


_PERSONAL_TITLE_BEFORE = regex_cache.compile(r"(?<![\w-])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor)\.?[ \t]+$")
_NEXT_CELL_END = regex_cache.compile(r"^(?:[ \t]+(?:[a-z]|\d)|[ \t]*$)")


def _cut_before_next_cell(text: str, kept) -> list | None:
    """"Ms Jo Bell Kirkbrae Primary granted", "Cllr Jo Bell Ouseford District Council Vice-Chair": a table row
    read as one line. A personal title (a councillor's too) says a person's name follows; capitalised words
    that run on from its first two words into an organisation word, then the cell's end (or two or three
    such words, then anything), are the next cell (a school, a firm, a council), not more of the name."""
    if len(kept) < 3 or not _PERSONAL_TITLE_BEFORE.search(text[max(0, kept[0][0] - 6):kept[0][0]]):
        return None
    for k in range(2, len(kept)):
        run = _CAPITALISED_RUN.match(text, kept[k - 1][1])
        # the body's name ends its cell, or is two or three words ("Ouseford District Council" then the
        # next cell's "Vice-Chair"): a name never runs on into a place and an organisation word
        if (run and run.group(0).split()[-1].casefold() in ORGANISATION_WORDS
                and (_NEXT_CELL_END.match(text[run.end():run.end() + 3]) or len(run.group(0).split()) >= 2)):
            return kept[:k]
    return None


def _after_job_title(text: str, words) -> list | None:
    """The words after a capitalised job title that leads a candidate ("Charge Nurse", "Community
    Psychiatric Nurse"): title-case words no name has, ending in a profession, then name words only."""
    for k, (_, _, w) in enumerate(words[:5]):
        folded = w.casefold()
        if not w[0].isupper() or folded not in NOT_NAME_WORDS | ORGANISATION_WORDS:
            return None
        rest = words[k + 1:]
        if folded in _JOB_WORDS and rest and plausible_name([r[2] for r in rest]) and all(
                _IS_NAME_WORD.match(r[2]) for r in rest) and "\n" not in text[words[k][1]:rest[0][0]]:
            return rest
    return None


# A line that lists places ("Wards affected: Cooper Lane; Abbey; Northolt Mandeville").
_PLACE_LINE = regex_cache.compile(r"[ \t]*(?i:wards?(?:[ \t]+affected)?|boroughs?|location|venue|address|site|premises|area)"
                         r"[ \t]*:")


def _is_thing(text: str, words: list[str]) -> bool:
    """The paper writes "the" right before these words somewhere ("the Cooper Lane depot", "The Ian
    George Imaging Suite"): a place or thing named after a person; a person's name takes no article."""
    joined = r"[ \t]*\n?[ \t]*".join(map(re.escape, words))
    if re.search(rf"(?<![\w-])[Tt]he[ \t]*\n?[ \t]*{joined}(?![\w'’-])", text):
        return True
    # "the Mill Road and Lorne Park hubs": ending in a place word and listed with a place, it is one too
    if words[-1].casefold() not in THING_WORDS:
        return False
    if re.search(rf"(?<![\w-]){joined}[ \t]*\n?[ \t]*{_PLACE_NOUN}", text):
        return True  # "Jo Lane car park", "Bell Lane depot": a place noun in lower case follows
    places = "|".join(map(re.escape, sorted(THING_WORDS | ORGANISATION_WORDS)))
    if re.search(rf"(?<![\w-])(?i:{places})\s*(?:,|\s(?:and|or|&))\s+{joined}(?![\w'’-])", text):
        return True  # ... or after a comma ("Brackenhurst Quarry, Hollins Lane, Upper Wrexby")
    # a place word last and, somewhere in the paper, written where only a place goes: "parking on Elgar
    # Way", "at Blackstone Edge car park", "the MP for Ashcombe Vale", "the French-owned Transdev Vale"
    return bool(re.search(rf"(?<![\w-])(?:(?:on|at|near|along|off|via|into|onto)|(?:MP|Member)\s+for"
                          rf"|[Tt]he(?:\s+(?:[a-z][\w-]*|[A-Z]\w*-[a-z][\w-]*)){{1,2}})\s+{joined}(?![\w-])(?!['’]s?\s+[a-z])", text))


_PLACE_NOUN = (r"(?:car[ \t]+park|depot|site|junction|roundabout|bus[ \t]+stop|estate|allotments?|playing[ \t]+fields?"
               r"|recreation[ \t]+ground|industrial[ \t]+estate|surgery|branch|campus|annexe"
               r"|(?:police|fire|ambulance|railway|bus|coach|lifeboat)[ \t]+station|station|offices?|headquarters"
               r"|hospital|clinic|library|school|centre|hub)(?![\w-])")


# "trained at Boscombe Heath", "near Kestrel Down": a person is met with, not at or near; "at Jo Bell's
# request" (a possessive) is still a person.
_PLACE_PREPOSITION = regex_cache.compile(r"(?<![\w-])(?:at|near)[ \t]*\n?[ \t]*$")


# A ship's prefix: "the MV Jo Bell" is a vessel named after someone, not the person.
# ... and an institution's ("HMP Jo Bell", "HMYOI Cookham Wood", "RAF Northolt"), or a business's trading
# name ("trading as Hollins Skips", "t/a Jo Bell Hire")
_VESSEL_BEFORE = regex_cache.compile(r"(?<![\w-])(?:MV|MT|HMS|RMS|SS|FV|RV|HMY|MY|SV|RFA|HMP|HMYOI|YOI|IRC|STC|RAF|HMNB"
                            r"|(?i:trading[ \t]+as)|t/a)[ \t]*\n?[ \t]*$")


def _after_place_preposition(text: str, start: int, end: int) -> bool:
    return bool(_PLACE_PREPOSITION.search(text[max(0, start - 8):start])) and text[end:end + 1] not in ("'", "’")


def _is_firm(text: str, start: int) -> bool:
    """"Knight Frank", "Mott MacDonald", "Ernst & Young": a firm named after its founders."""
    ahead = " ".join(re.sub(r"[&,]|\band\b", " ", text[start:start + 40]).casefold().split())
    return any(ahead.startswith(firm) and not ahead[len(firm):len(firm) + 1].isalnum()
               for firm in FIRMS_NAMED_AFTER_PEOPLE)


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """NER splits words at letters its tokenizer does not know ("Wi" + "■niewski"): a name is whole words."""
    def inside(i: int) -> bool:
        c = text[i]
        return c.isalpha() or c in MISSING_GLYPHS
    while end < len(text) and (inside(end) or (text[end] in "-'’" and end + 1 < len(text)
                                                and text[end + 1].isupper() and end > start)):
        end += 1
    while start > 0 and inside(start - 1):
        start -= 1
    # initials written together: NER reads "M. Haverford" out of "R.M. Haverford"
    while (re.match(r"[A-Z]\.", text[start:start + 2]) and start >= 2 and text[start - 1] == "."
           and text[start - 2].isupper() and (start == 2 or not text[start - 3].isalnum())):
        start -= 2
    return start, end


def _rank_before(text: str, start: int) -> str | None:
    """"Group Commander Owain Pritchard" where NER took only the name: the rank written right before it."""
    m = _RANK_BEFORE.search(text[max(0, start - 60):start])
    return rank_in_context(text, max(0, start - 60) + m.start("r"), m.group("r")) if m else None


# Months that are also surnames, and the personal titles that say a name follows.
# (and the days a few surnames are: "Mrs Rosalind Friday", "Mr Tobias Monday")
_MONTH_SURNAMES = frozenset({"march", "may", "june", "april", "august"}) | WEEKDAYS
_NAME_TITLE_BEFORE = regex_cache.compile(r"(?<![\w-])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Prof|Revd|Sir|Dame)\.?[ \t]+$")
_FIGURE_AFTER = regex_cache.compile(r"^[ \t,]*\n?[ \t]*\d")


def _month_as_surname(text: str, first: int, s: int, e: int, w: str) -> bool:
    """A month in title case ending a name that a personal title leads, with no figure after it (the date
    "4 March 2031" has one), is a surname: "Cllr March declared", "Cllr Jolyon March (Vice-Chairman)"."""
    return (w.casefold() in _MONTH_SURNAMES and w[0].isupper() and w[1:].islower()
            and bool(_NAME_TITLE_BEFORE.search(text[max(0, first - 12):first]))
            and "\n" not in text[first:s] and not _FIGURE_AFTER.match(text[e:e + 8]))


_WORD_BETWEEN = regex_cache.compile(r"(?<![\w'’-])[a-z]{2,}(?![\w'’-])")  # "of", "and", "at": small words no name holds


def _name_words(text: str, words, from_rule: bool) -> list | None:
    """The run of name words: "Grant Agreements" loses both, "Mike West Project" keeps two, "Tamsin
    Achebe-Ward\\nPosition:" stops at the label, "Gideon Marchetti MRICS" at the letters after the name."""
    kept: list = []
    skipped_lead = False
    for n, (s, e, w) in enumerate(words):
        folded = w.casefold()
        if not kept and word_first_name(text, s, w, words[n + 1][2] if n + 1 < len(words) else None):
            kept.append((s, e, w))  # "June Hartley", "April Morgan": a month or word as a first name
            continue
        if kept and text[s - 1:s] == "(" and "\n" in text[kept[-1][1]:s]:
            break  # "Aleksander Zagórski" / "(SEN casework team lead": a note on the next line, not the name
        if kept and _WORD_BETWEEN.search(text, kept[-1][1], s):
            break  # "Eglantine Ashworth-Ebong of Tally": a word no name holds goes between, and the name ended
        sikh_surname_next = (len(kept) >= 2 and kept[-1][2].casefold() in _SIKH_MIDDLE_NAMES and w[:1].isupper()
                             and not _starts_label_line(text, s))  # "Mohinder Pal Singh" / "Dhesi"
        if kept and _starts_line(text, s) and kept[-1][2] not in _NEVER_LAST and not sikh_surname_next and not (
                len(kept) >= 2 and _IS_INITIAL.match(kept[-1][2]) and not is_word_or_its_form(w)):
            # ("Cressida J." / "Langford": a middle initial goes on to a surname; "Calum A." / "Released" ends)
            # (a particle never ends a name: "Cllr Marisol de" / "Ávila. Legal adviser: ..." goes on; nor does a
            # saint's "St": "Waylon St" / "Aubyn-Kember")
            if _starts_label_line(text, s) or (
                    len(kept) >= 2 and kept[-1][2] not in _NEVER_LAST and _is_field_value(text, kept[0][0])):
                break  # the next line is a new field, or the name already filled its field's line
            if not _continues_over_break(text, kept, w):
                if len(kept) >= 2 or (_ends_table_row(text, kept[0][0], s) and (from_rule or skipped_lead)):
                    # "Lucinda Barraclough-Fenn" + "DMPC Decision" on the next line; "CM Tregaskis" ending
                    # a table row ("April 2029 1,184 61 CM Tregaskis" / "May 2029 ...")
                    break
                kept = []  # "Brixton" ended the cell above: the name starts on this line
        if len(kept) >= 2 and (_JOB_AFTER.match(text, e) or _TITLE_AFTER.match(text, e)):
            break  # "Barnaby Blenkinsop Custody officer": the word names the job, not the person
        if text[e:e + 1] == ":":  # a field label, not a name
            if kept and _in_prose_before_colon(text, kept[0][0], w):
                kept.append((s, e, w))  # "the Head of Finance, Jo Bell: the payments ...": prose, not a label
            if kept:
                break
            continue
        if len(kept) >= 2 and folded in ORGANISATION_PREFIXES and re.match(r"[ \t]+[A-Z][\w-]*['’]s?(?![\w])", text[e:e + 30]):
            break  # "Mrs Jo Bell St Aidan's RC Primary": a row read on into a saint's church or school
        if kept and w in _PARTICLE_FORMS and n + 1 < len(words):
            kept.append((s, e, w))  # "Mac an tSaoir": a particle inside a name, though also a word ("an")
            continue
        if folded in THING_WORDS and len(kept) >= 2:
            return None  # "Stephen Lawrence Day": a thing named after a person
        if from_rule and _month_as_surname(text, words[0][0], s, e, w):
            kept.append((s, e, w))  # "Cllr March", "Cllr Jolyon March": a month after a title is the surname
            continue
        if folded in NOT_NAME_WORDS or folded in ORGANISATION_WORDS or w in ABBREVIATIONS or _VOWELLESS_LETTERS.fullmatch(w):
            if kept and len(kept) == 1 and from_rule and w[0].isupper() and folded in _JOB_WORDS:
                return None  # "Charge Nurse Bell", "Staff Nurse Bell": the word before names the job
            if kept:
                break
            if not from_rule and not (w[0].isupper() and folded in _JOB_WORDS and n == 0):
                return None  # NER read a phrase ("Officer Safety Training"), not a name
            # a job as a title before the name ("Ranger Jo Bell", "Surveyor Jo Bell") stays outside it
            skipped_lead = skipped_lead or w not in ABBREVIATIONS
            continue
        kept.append((s, e, w))
    if skipped_lead and len(kept) == 1:
        return None  # "Chief Medical Officer", "Operational Resilience": one word left of a phrase
    return kept


# A month or ordinary word right before a surname is the person's first name ("June Hartley", "Will
# Bright"), unless the words before make it a date ("in June Hartley said", "3 June Hartley"; a case number
# in the cell before, "4130" / "Charity Adewusi", is no day).
_DATE_BEFORE = regex_cache.compile(r"(?:(?<!\d)(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?|\b(?i:in|on|since|until|till|during|early|late|mid|end|of|from|to|before|after|"
                          r"last|next|this|each|every|by the))[ \t\n,]*$")
_IS_WORD_NAME = regex_cache.compile(r"^[A-Z][a-z]+$")


def word_first_name(text: str, start: int, word: str, following: str | None) -> bool:
    """``word`` at ``start``, a month or ordinary word ("June"), is a first name: a name word follows it."""
    return bool(following and word.casefold() in WORD_FIRST_NAMES and _IS_WORD_NAME.match(word)
                and _IS_NAME_WORD.match(following) and following.casefold() not in NOT_NAME_WORDS
                and following.casefold() not in ORGANISATION_WORDS
                and not _DATE_BEFORE.search(text[max(0, start - 12):start]))


_DOUBLE_BARRELLED = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+")


def _continues_over_break(text: str, kept, word: str) -> bool:
    """A name runs on over a line break only where it genuinely continues: the paper writes the longer
    name on one line elsewhere, or a lone first word ends a line of prose mid-sentence ("led by Jane" /
    "Okafor, who…"). A line holding only the word, or one that ends a sentence, is a cell or heading."""
    joined = r"[ \t]+".join(re.escape(w) for w in [*(k[2] for k in kept), word])
    if re.search(rf"(?<![\w-]){joined}(?![\w-])", text):
        return True
    next_start = text.find(word, kept[-1][1])
    if next_start >= 0 and _ends_table_row(text, kept[0][0], next_start):
        return False  # a table row ends with the name; the next line is the next row ("May 2029 1,203")
    line_start = text.rfind("\n", 0, kept[0][0]) + 1
    head = text[line_start:kept[0][0]]
    if len(kept) > 1:
        # a particle never ends a name; after a particle and a word, a last word that ends the sentence
        # goes on ("Mr Lorcan Mac Giolla" / "Bhríde."), one that starts a table's next cell does not; nor does
        # a double-barrelled surname that ends its clause after a name begun mid-sentence ("the Deputy
        # Commissioner, Mererid Haf" / "Pritchard-Salazar, on 3 October")
        clause_ends = next_start >= 0 and bool(
            re.match(r"[ \t]*[.,;:)]", text[next_start + len(word):next_start + len(word) + 3]))
        return kept[-1][2] in _PARTICLE_FORMS or (kept[-2][2] in _PARTICLE_FORMS and clause_ends) or (
            clause_ends and bool(head.strip()) and not re.search(r"[.!?:]\s*$", head)
            and _DOUBLE_BARRELLED.fullmatch(word) is not None)
    if not head.strip():
        # alone on its line, but the line above breaks a sentence after a comma ("the owner," / "Jo" /
        # "Bell-Grant, bid"): prose wrapped in a narrow column, not a cell
        above = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1:max(0, line_start - 1)]
        # ... or ends in a title ("Co-investigators: Prof" / "Gaspard" / "Nwosu-Leclerc"): a name follows it
        return bool(re.search(r"[a-z],[ \t]*$", above) or _TITLE_AT_END.search(above))
    if _TITLE_AT_END.search(head.rstrip(" \t").rstrip(".")):
        return True  # "Sig. Raffaele" / "Bonfiglio": the dot ends a title, not a sentence
    return not re.search(r"[.!?]\s*$", head)  # "...; Daljit" / "Singh Mann-Harrower": a list of names wraps


# "Singh" and "Kaur" stand before a Sikh family name: a name ending in one at a line's end goes on
_SIKH_MIDDLE_NAMES = frozenset({"singh", "kaur"})


# The next line is a table's next row: up to four words, then its figures ("May 2029 1,203 38",
# "Advanced Nurse Practitioner 8a 2.0").
_ROW_OF_FIGURES = regex_cache.compile(r"(?:[^\W\d_][\w'’-]*[ \t]+){1,4}\d")


# Words of running prose: a line that goes on with one before its figures is a sentence wrapped after a
# first name ("offered to Grace" / "Tregothnan on 4 March."), not a table's next row.
_PROSE_WORDS = frozenset({"on", "in", "at", "to", "of", "from", "by", "and", "or", "the", "a", "was", "were",
                          "is", "are", "has", "had", "have", "will", "would", "for", "with", "who", "said",
                          "since", "until", "before", "after", "about", "that", "which"})


def _ends_table_row(text: str, name_start: int, next_word: int) -> bool:
    """The word on the next line starts a row of figures ("CM Tregaskis" / "May 2029 1,203 38 CM ..."):
    the line break ends the name (``name_start`` is where the name begins)."""
    row = _ROW_OF_FIGURES.match(text, next_word, next_word + 60)
    return bool(row) and not any(w in _PROSE_WORDS for w in row.group(0).split()[1:])


_TITLE_AT_END = regex_cache.compile(rf"(?<![\w-])(?:{TITLE})[ \t]*$")


def _in_prose_before_colon(text: str, pos: int, word: str) -> bool:
    """A name that follows a comma in running text ("Comments of the Head of Finance, Jo Bell: the ...")
    ends at a colon: the colon introduces what the person said; a label starts its line or cell."""
    head = text[text.rfind("\n", 0, pos) + 1:pos]
    return bool(re.search(r"[a-z][ \t]*,[ \t]*$", head)) and bool(_IS_NAME_WORD.match(word)) \
        and word.casefold() not in NOT_NAME_WORDS


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    line_end = text.find("\n", end)
    return _starts_line(text, start) and not text[end:len(text) if line_end < 0 else line_end].strip(" \t.:")


def _starts_line(text: str, pos: int) -> bool:
    return not text[text.rfind("\n", 0, pos) + 1:pos].strip()


def _is_field_value(text: str, pos: int) -> bool:
    """The name starts its line, or follows a label ("Contact: ...", "Report author ..."): a form's field,
    which ends at the line end. A name in prose may run on to the next line."""
    line_start = text.rfind("\n", 0, pos) + 1
    head = text[line_start:pos]
    if not head.strip() and line_start and _TITLE_AT_END.search(text[text.rfind("\n", 0, line_start - 1) + 1:line_start - 1]):
        return False  # "... given by Mr" / "Lorcan Mac Giolla" / "Bhríde.": prose broken after the title
    return not head.strip() or ":" in head or bool(_FIELD_HEAD.match(head))


def _starts_label_line(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    return bool(_LABEL_LINE.match(text, line_start, len(text) if line_end < 0 else line_end))


def _is_organisation_free(text: str, words, kept) -> bool:
    """False for "The Ben Kinsella Trust", "the Stephen Lawrence Centre", "St Giles Trust", "Stephen
    Lawrence Day"; true for "Sarah Hall" and "Jane Okafor's house"."""
    # a job title read on after the name ("Jo Bell Youth Worker") is the job's, not an organisation's
    job = _JOB_AFTER.match(text, kept[-1][1]) or _TITLE_AFTER.match(text, kept[-1][1])
    # ... but a plural that names a firm ("Fenwick Hale Chartered Surveyors") is the firm's
    job_after = bool(job) and job.group(0).split()[-1].casefold() not in ORGANISATION_WORDS
    if any(w.casefold() in ORGANISATION_WORDS for s, _, w in words[1:] if not (job_after and s >= kept[-1][1])):
        return False
    run = _CAPITALISED_RUN.match(text, kept[-1][1])
    if run and not job_after and run.group(0).split()[-1].casefold() in ORGANISATION_WORDS | THING_WORDS:
        return False  # "Airedale Florence Nightingale" / "Wing": capitalised words that end in a place word
    nxt = _NEXT_WORD.match(text[kept[-1][1]:kept[-1][1] + 40])
    if nxt and "\n" in nxt.group(0) and (_starts_label_line(text, kept[-1][1] + nxt.start("w"))
                                         or _starts_line(text, kept[0][0])):
        nxt = None  # the next line is a field of its own ("Legal: ..."), or the next cell of a name filling its line
    if nxt and not job_after:
        following = nxt.group("w")
        folded = following.casefold()
        # after a possessive only a capitalised word names a place: "St Thomas' Hospital", not "Okafor's team"
        capital = following[0].isupper()
        if folded in ORGANISATION_WORDS and (capital or not nxt.group("poss")):
            return False
        if folded in THING_WORDS and len(kept) >= 2 and (capital or folded == "line") and not nxt.group("poss"):
            return False
    prev = _PREV_WORD.search(text[max(0, kept[0][0] - 12):kept[0][0]])
    return not (prev and prev.group(1).casefold() in ORGANISATION_PREFIXES)


# A portfolio in brackets after an office: "the Assistant Chief Constable (Local Policing), Jo Bell".


def roster_names(text: str, policy: Policy, words_pattern) -> list[Name]:
    """The office holders of the roster wherever the paper names them (NER misses some names, e.g.
    hyphenated ones, and an office holder must never be redacted for want of a rank beside the name)."""
    out = []
    for folded in policy.office_holders:
        for m in re.finditer(words_pattern(folded.split()), text):
            out.append(Name(m.start(), m.end(), name_words(m.group(0)), None, 0.95, True))
    return out


def role_names(text: str, policy: Policy) -> list[Name]:
    """Full names in apposition to a roster role: "the Deputy Mayor, Policing and Crime, Tamsin
    Achebe-Ward," and "Tamsin Achebe-Ward, Deputy Mayor for Policing and Crime". NER misses many of them,
    and the role beside the name is what keeps it."""
    role = policy.role_pattern()
    if not role:
        return []
    out = []
    for pattern in (rf"(?:{role}){ROLE_TAIL}{PORTFOLIO}?[ \t]*,{SEP}(?:{TITLE}{SEP})?(?P<name>{FULL_NAME})",
                    rf"(?<![\w'’-])(?P<name>{FULL_NAME})[ \t]*,{SEP}(?:the{SEP})?(?:{role})(?!\w)"):
        for m in regex_cache.compile(pattern).finditer(text):
            start = m.start("name")
            lead = _LEADING_TITLES.match(m.group("name"))
            if lead:  # "Councillor Jo Bell, Cabinet Member for ...": the title stays outside the name
                start += lead.end()
            monsieur = re.match(rf"M\.[ \t]+(?={NAME_WORD}{SEP}{NAME_WORD})", text[start:m.end("name")])
            if monsieur:  # "the Mayor of Bréval, M. Jo Bell": Monsieur, not an initial
                start += monsieur.end()
            words = name_words(text[start:m.end("name")])
            if len(words) >= 2 and plausible_name(words):
                out.append(Name(start, m.end("name"), words, None, 0.9, True))
    return out


def prefer_rules(names: list[Name]) -> list[Name]:
    """Where NER and a rule found the same words, keep one candidate carrying the rule's rank."""
    names.sort(key=lambda n: (n.start, -(n.end - n.start), not n.from_rule))
    out: list[Name] = []
    for n in names:
        if out and n.start < out[-1].end:
            prev = out[-1]
            prev.rank = prev.rank or n.rank
            prev.score = max(prev.score, n.score)
            if n.end > prev.end and n.from_rule and not prev.from_rule:
                n.rank = n.rank or prev.rank
                out[-1] = n
            continue
        out.append(n)
    return out
