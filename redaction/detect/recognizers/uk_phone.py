"""UK phone numbers in every written form: "07785 518789", "07700900815", "020 7946 0123", "0207 946 0999",
"+44 (0)113 496 0321", "+44 20 7946 0654", "0044 20 7946 0333", after "tel.", "mobile" or run together
with the word before it ("mobile07700900123"), broken over a line, and with an extension ("ext. 4567",
"(ext 2231)", "x2231"), which is part of the item.

Candidates come from libphonenumber's matcher (region GB); a candidate counts only when it is written as
a phone number is (a leading 0, +44 or 0044) and has the length of a UK number. Ofcom's drama ranges are
not allocated, so libphonenumber calls them invalid: length and prefix are checked here instead, which
also keeps references ("PCD 1682"), money, sections, dates and years out.
"""

from __future__ import annotations

import re

import phonenumbers

from .base import RuleRecognizer

_WRITTEN_AS_PHONE = re.compile(r"^(?:\+\s*44|00\s*44|\(?0)")
# UK national significant numbers: 10 digits (9 for a few old area codes); no leading 0 after the trunk.
_NSN = re.compile(r"^[1-9]\d{8,9}$")
# Money and decimals directly before: in "£1,020 7946 0123" the digits continue an amount.
_MONEY_BEFORE = re.compile(r"(?:[£$€]|\d[,.])\s?$")
# An extension is part of the number: "ext. 4567", "(ext 2231)", "extn 12", "x2231", "extension 40".
_EXTENSION = re.compile(r"^[ \t]*(?:\([ \t]*(?:ext|extn|extension|x)\.?[ \t]*:?[ \t]*\d{1,6}[ \t]*\)|"
                        r",?[ \t]*(?:ext|extn|extension|x)\.?[ \t]*:?[ \t]*\d{1,6}(?!\d))", re.IGNORECASE)


class UkPhoneRecognizer(RuleRecognizer):
    ENTITY = "PHONE_NUMBER"
    SCORE = 0.9
    EXPLANATION = "UK phone number"

    def analyze(self, text, entities, nlp_artifacts=None):
        flat = text.replace("\n", " ")  # same length: a number broken over a line is still one number
        out = []
        for m in phonenumbers.PhoneNumberMatcher(flat, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
            raw = m.raw_string
            if not _WRITTEN_AS_PHONE.match(raw) or _MONEY_BEFORE.search(flat[max(0, m.start - 3):m.start]):
                continue
            number = m.number
            if number.country_code != 44 or not _NSN.match(str(number.national_number)):
                continue
            end = m.end
            if number.extension:  # "ext 12" belongs to the number but the match may run past it
                end = m.start + len(raw.rstrip())
            extension = _EXTENSION.match(flat[end:end + 30])
            if extension:
                end += extension.end()
            score = 1.0 if phonenumbers.is_valid_number(number) else self.SCORE
            out.append(self.result(m.start, end, score=score))
        return out
