"""Phone numbers: UK numbers in every written form, and numbers of any other country written in
international form ("+1 202 555 0143", "00 353 1 555 0123", "+33 (0)1 23 45 67 89"). UK forms: "07785 518789",
"07700900815", "020 7946 0123", "0207 946 0999",
"+44 (0)113 496 0321", "+44 20 7946 0654", "0044 20 7946 0333", after "tel.", "mobile" or run together
with the word before it ("mobile07700900123"), broken over a line, and with an extension ("ext. 4567",
"(ext 2231)", "x2231"), which is part of the item.

Candidates come from libphonenumber's matcher (region GB, whose international prefix 00 it knows, with the
metadata of every region bundled: nothing is fetched). A UK candidate counts only when it is written as
a phone number is (a leading 0, +44 or 0044) and has the length of a UK number; any other country's number
only when written with "+" or "00" and of a length possible in that country. Ofcom's drama ranges are
not allocated, so libphonenumber calls them invalid: length and prefix are checked here instead, which
also keeps references ("PCD 1682"), money, sections, dates and years out.

A number never takes digits from the next line or table cell ("020 7946 0571" then "2. The custody…"):
a number is read across a line break only where the first line's part is no whole number on its own
("020 7946" / "0571", "+44" / "(0)113 496 0321"); otherwise each line is read on its own. The matcher splits "020 7946 0838 4" oddly, so digit
runs it left unexplained are cut back to their longest prefix that is a whole number.
"""

from __future__ import annotations

import re

import phonenumbers

from ...spans import overlaps_any
from .base import REASON_KEY, RuleRecognizer

_WRITTEN_AS_PHONE = re.compile(r"^(?:\+\s*44|00\s*44|\(?0)")
# Any country: "+" or the international prefix "00", then a country code (never 0).
_WRITTEN_INTERNATIONAL = re.compile(r"^(?:\+|00)\s*[1-9]")
# UK national significant numbers: 10 digits (9 for a few old area codes); no leading 0 after the trunk.
_NSN = re.compile(r"^[1-9]\d{8,9}$")
# Money and decimals directly before: in "£1,020 7946 0123" the digits continue an amount. A comma and a
# space after digits is a list ("0161 496 0123, +1 303 555 0147"): the next number is its own.
_MONEY_BEFORE = re.compile(r"(?:[£$€]\s?|\d[,.])$")
# An extension is part of the number: "ext. 4567", "(ext 2231)", "extn 12", "x2231", "extension 40", and the
# Welsh "est. 208" (estyniad). A switchboard's menu option ("option 3") is not: it names no one.
_EXT_WORD = r"(?:ext|extn|extension|x|est|estyniad)"
_EXTENSION = re.compile(rf"^[ \t]*(?:\([ \t]*{_EXT_WORD}\.?[ \t]*:?[ \t]*\d{{1,6}}[ \t]*\)|"
                        rf",?[ \t]*{_EXT_WORD}\.?[ \t]*:?[ \t]*\d{{1,6}}(?!\d))", re.IGNORECASE)
# A run of digits written the way phone numbers are, on one line: where the matcher found nothing whole.
_DIGIT_RUN = re.compile(r"(?<![\w£$€.,])(?:\+[ \t]*[1-9]|00[ \t]*[1-9]|\(?0)[\d \t()-]{7,24}\d")
_GROUP_END = re.compile(r"\d(?=[ \t)-]|$)")
_LINE_END = "\x1f"  # stands for a line break while lines are read on their own (same length)


class UkPhoneRecognizer(RuleRecognizer):
    ENTITY = "PHONE_NUMBER"
    SCORE = 0.9
    EXPLANATION = "UK phone number"
    INTERNATIONAL = "phone number (international)"

    def analyze(self, text, entities, nlp_artifacts=None):
        flat = text.replace("\n", " ")  # same length: a number broken over a line is still one number
        by_line = text.replace("\n", _LINE_END)
        found: list[tuple[int, int, phonenumbers.PhoneNumber]] = []
        for m in phonenumbers.PhoneNumberMatcher(flat, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
            split = text.find("\n", m.start, m.end)
            # split over a line ("+44" / "(0)113 496 0321"), where the first line's part is no whole number,
            # or inside a run of digits a narrow cell wrapped ("0163296042" / "7")
            # or a valid number whose first line's part is only a possible one ("+91 44 5550" / "0815": a
            # country whose numbers may be short)
            if split >= 0 and (not _is_whole(flat[m.start:split]) or _digits_wrapped(text, split)
                               or (phonenumbers.is_valid_number(m.number) and not _is_valid(flat[m.start:split]))):
                _add(found, flat, m.start, m.raw_string, m.number)
        for m in phonenumbers.PhoneNumberMatcher(by_line, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
            _add(found, flat, m.start, m.raw_string, m.number)
        for m in _DIGIT_RUN.finditer(by_line):
            if not overlaps_any(m.start(), m.end(), ((s, e) for s, e, _ in found)):
                _add_prefix(found, flat, m.start(), m.group(0))
        _add_wrapped_runs(found, text, flat)
        out = []
        for start, end, number in sorted(found, key=lambda f: f[0]):
            extension = _EXTENSION.match(flat[end:end + 30])
            if extension:
                end += extension.end()
            score = 1.0 if phonenumbers.is_valid_number(number) else self.SCORE
            result = self.result(start, end, score=score)
            if number.country_code != 44:
                result.recognition_metadata[REASON_KEY] = self.INTERNATIONAL
            out.append(result)
        return out


def _add(found, flat: str, start: int, raw: str, number, lenient: bool = True) -> bool:
    """Keep the candidate if it is a whole UK number written as one and overlaps nothing kept (``lenient``: or
    an international number of a length the region data does not allow)."""
    if raw.startswith("(") and raw.count("(") > raw.count(")"):
        # "(07700 900562", "(+33 (0)1 99 00 83 16)": the opening bracket is the sentence's, not the number's
        raw, start = raw[1:], start + 1
    end = start + len(raw.rstrip())  # "ext 12" in the match belongs to the number; more may follow it
    if _MONEY_BEFORE.search(flat[max(0, start - 3):start]):
        return False
    if number.country_code == 44:
        if not _WRITTEN_AS_PHONE.match(raw) or not _NSN.match(str(number.national_number)):
            return False
    elif not (_WRITTEN_INTERNATIONAL.match(raw) and len(str(number.national_number)) >= 6
              and (phonenumbers.is_possible_number(number) or (lenient and _written_as_international(raw, number)))):
        return False
    if overlaps_any(start, end, ((s, e) for s, e, _ in found)):
        return False
    found.append((start, end, number))
    return True


def _written_as_international(raw: str, number) -> bool:
    """"+234 1 555 0193": a "+" and a country's calling code, then groups of digits, seven to twelve of them,
    is a phone number even where the bundled region data would not allow that length (fail closed)."""
    return (raw.lstrip().startswith("+") and phonenumbers.region_code_for_country_code(number.country_code) != "ZZ"
            and 7 <= len(str(number.national_number)) <= 12 and re.fullmatch(r"\+[\d \t()-]+", raw.strip()) is not None)


def _digits_wrapped(text: str, split: int) -> bool:
    """A digit right before the line break, and the next line holds nothing but the rest of the digits
    ("2. The custody..." is a numbered paragraph, "9 Mr Jo Bell ..." a numbered row)."""
    return (split > 0 and text[split - 1].isdigit()
            and bool(re.match(r"\n\d{1,4}[ \t]*(?:\n|$)", text[split:split + 8])))


def _is_valid(raw: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(raw, "GB"))
    except phonenumbers.NumberParseException:
        return False


def _is_whole(raw: str) -> bool:
    try:
        number = phonenumbers.parse(raw, "GB")
    except phonenumbers.NumberParseException:
        return False
    return _add([], raw, 0, raw.strip(), number, lenient=False)


def _add_wrapped_runs(found, text: str, flat: str) -> None:
    """Numbers a narrow cell wrapped between their groups, in a column of numbers ("01632 960" / "934" /
    "07700 900" / "943"): the matcher reads the lines run together as other numbers ("900 943"), so a run of
    digits across line breaks is cut back to its longest prefix that is a whole number, and the rest read
    again. A break is crossed only where the part before it is no whole number on its own."""
    pos = 0
    while (m := _DIGIT_RUN.search(flat, pos)) is not None:
        pos = m.end()
        start, run = m.start(), m.group(0)
        if "\n" not in text[start:start + len(run)] or overlaps_any(start, start + 1, ((s, e) for s, e, _ in found)):
            continue
        before = len(found)
        _add_prefix(found, flat, start, run, crosses=text)
        if len(found) > before:
            pos = found[-1][1]


def _add_prefix(found, flat: str, start: int, run: str, crosses: str | None = None) -> None:
    """The longest prefix of a digit run that is a whole number: "020 7946 0838 4" -> "020 7946 0838"."""
    for cut in sorted((m.end() for m in _GROUP_END.finditer(run)), reverse=True):
        raw = run[:cut]
        try:
            number = phonenumbers.parse(raw, "GB")
        except phonenumbers.NumberParseException:
            continue
        if crosses is not None and not _breaks_inside_numbers(crosses, start, start + len(raw.rstrip())):
            continue
        if _add(found, flat, start, raw, number):
            return


def _breaks_inside_numbers(text: str, start: int, end: int) -> bool:
    """Each line break between ``start`` and ``end`` follows a part that is no whole number on its own."""
    split = text.find("\n", start, end)
    while split >= 0:
        if _is_whole(text[start:split].replace("\n", " ")):
            return False
        split = text.find("\n", split + 1, end)
    return True
