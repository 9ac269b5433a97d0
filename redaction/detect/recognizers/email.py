"""E-mail addresses on any domain, including one broken over a line ("mike.west@\nmopac.london.gov.uk",
"...@met.police.exa\nmple.uk"); a word hyphenated at a line end is already joined by the document's joined view.

Anything shaped like an address is one: internal and reserved domains ("a.b@internal", "x@corp.local",
"user@localhost") name a person as surely as public ones, so no public-suffix list decides what is an
address. Only where an address may run on over a line break is the public-suffix snapshot bundled in
tldextract asked (downloads switched off). Presidio's own EmailRecognizer, which lets tldextract download
the list, is never used here.
A local part needs a letter ("version 2.1@build" is no address).
"""

from __future__ import annotations

import re

import tldextract

from ...spans import overlaps_any
from .base import RuleRecognizer

# letters of any script: "zoë.ølund@…" and internationalised domains ("bücher.example") are addresses too
_ATOM = r"[\w!#$%&'*+/=?^`{|}~-]+"
_ALNUM = r"[^\W_]"
# Renderers break a long address anywhere (table cells), and addresses are written in lower case, so a
# line break followed by a lower-case letter or digit may continue the address; a capital never does.
# "...@marches" / "-audit.corp": a hyphen may start the line; so may a dot before the last labels
# ("...@oakhollow.gov" / ".uk", a narrow cell)
_BREAK = r"(?:[ \t]*\n[ \t]*(?=[a-z0-9-]|\.[a-z]))"
# The part of a local part left on the line above ("colm.odris" + "coll@..."): only taken when it looks
# like one (lower case with a dot or underscore, a letter in it), so "Contact\njane@..." does not take
# "Contact", nor "0141.496.0700\npilots@..." a phone number in the cell above.
_LOCAL_HEAD = rf"(?:(?=[0-9._]*[a-z])[a-z0-9]+[._][a-z0-9._]*{_BREAK})?"
_EMAIL = re.compile(
    rf"(?<![\w.+'-])(?P<local>{_LOCAL_HEAD}{_ATOM}(?:\.{_BREAK}?{_ATOM})*)(?:[ \t]*\n[ \t]*(?=@))?@{_BREAK}?"
    rf"(?P<domain>{_ALNUM}(?:{_ALNUM}|[.-]|{_BREAK})*{_ALNUM})(?![\w@-])")
# Host names of one label or more; the last label has a letter ("build" yes, "1.2" no).
_DOMAIN = re.compile(r"^(?:[^\W_](?:[\w-]*[^\W_])?\.)*[\w-]*[^\W\d_][\w-]*$")
# Other shapes of an address: spaces around the "@" ("jo.bell @ council.gov.uk", a domain with a dot), a
# quoted local part ("\"jo bell\"@example.com") and a domain written as an IP address ("ops@[10.0.0.1]").
_LABEL_PART = r"[^\W_](?:[\w-]*[^\W_])?"
_ODD = re.compile(rf"(?<![\w.+'@-])(?:(?P<local>{_ATOM}(?:\.{_ATOM})*)(?:[ \t]+@[ \t]*|[ \t]*@[ \t]+)"
                  rf"(?P<domain>{_LABEL_PART}(?:\.{_LABEL_PART})*\.[^\W\d_]{{2,}})(?![\w@-]|\.[^\W_])"
                  rf"|\"[^\"\n@]{{1,64}}\"@{_LABEL_PART}(?:\.{_LABEL_PART})+(?![\w@-]|\.[^\W_])"
                  rf"|{_ATOM}(?:\.{_ATOM})*@\[\d{{1,3}}(?:\.\d{{1,3}}){{3}}\])")


# An address spelled out against harvesting: "jo dot bell at council dot gov dot uk", "jo.bell [at] council
# [dot] gov [dot] uk", "jo(at)council.gov.uk". The "at" must be spelled (else it is an ordinary address) and
# the domain has two labels or more, the last of letters only.
_DOT = r"(?:[ \t]*(?:\[dot\]|\(dot\))[ \t]*|[ \t]+(?i:dot)[ \t]+|\.)"
_AT = r"(?:[ \t]*(?:\[at\]|\(at\))[ \t]*|[ \t]+(?i:at)[ \t]+)"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?"
_SPELLED = re.compile(rf"(?<![\w.@-])(?P<local>{_LABEL}(?:{_DOT}{_LABEL})*){_AT}"
                      rf"(?P<domain>{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}[A-Za-z]{{2,6}})(?![\w@-]|\.\w)")


class OfflineEmailRecognizer(RuleRecognizer):
    ENTITY = "EMAIL_ADDRESS"
    SCORE = 1.0
    EXPLANATION = "e-mail address"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in _EMAIL.finditer(text):
            m = _from_lower_case_line(text, m)
            for end in _possible_ends(text, m):
                domain = re.sub(r"\s+", "", text[m.start("domain"):end])
                local = m.group("local")
                if _DOMAIN.match(domain) and re.search(r"[^\W\d_]", local) and _whole_after_break(text, m, end, domain):
                    out.append(self.result(m.start(), end))
                    break
        for m in _ODD.finditer(text):
            if m.group("local") is not None and not re.search(r"[^\W\d_]", m.group("local")):
                continue  # "5 @ council.gov.uk": a local part needs a letter
            if not overlaps_any(m.start(), m.end(), ((r.start, r.end) for r in out)):
                out.append(self.result(m.start(), m.end()))
        for m in _SPELLED.finditer(text):
            # "results at gov.uk/guidance" is a web address: a plain "at" needs a spelled dot in the domain
            spelled_at = re.search(r"[\[(]at[\])]", text[m.end("local"):m.start("domain")])
            spelled_dot = re.search(r"[\[(]dot[\])]|(?i:\bdot\b)", m.group("domain"))
            if re.search(r"[A-Za-z]", m.group("local")) and (spelled_at or spelled_dot):
                out.append(self.result(m.start(), m.end()))
        return out


def _from_lower_case_line(text: str, m: re.Match) -> re.Match:
    """A local part goes on over a line break from lower-case words only: in "Aurélie Le Cornu-Baptista." +
    "k.lemarquandobi@..." the sentence above ends with a name, and the address starts its line."""
    local = m.group("local")
    cut = local.rfind("\n")
    if cut < 0 or not any(c.isupper() for c in local[:cut]):
        return m
    start = m.start("local") + cut + 1
    while text[start] in " \t":
        start += 1
    return _EMAIL.match(text, start) or m  # (no shorter address there: the whole one, as found)


def _possible_ends(text: str, m: re.Match):
    """The whole match first, then shorter at each line break: in "west@mopac.gov.uk.\nThe" the word on
    the next line is not part of the domain."""
    yield m.end()
    for i in range(m.end("domain") - 1, m.start("domain"), -1):
        if text[i] == "\n":
            j = i
            while j > m.start("domain") and text[j - 1] in " \t.\n":
                j -= 1
            yield j


# The public-suffix snapshot bundled in the tldextract package (no cache, no download), asked only where
# an address may run on over a line break: "...gov.uk" + "1. Introduction" is not the domain "gov.uk1".
_SUFFIXES = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def _whole_after_break(text: str, m: re.Match, end: int, domain: str) -> bool:
    """An address read across a line break goes on with more labels ("fin.northbrid" + "ge.local") or ends
    in a known suffix ("met.police.exa" + "mple.uk"); one on one line may be any host ("a.b@internal"). The
    last label has a letter, and no hyphen ends it."""
    if domain.endswith("-") or not re.search(r"[^\W\d_]", domain.rsplit(".", 1)[-1]):
        return False
    span = text[m.start("domain"):end]
    if "\n" not in span or "." in span[span.rfind("\n"):]:
        return True
    # a cell broke the address after a dot ("a.b@intl.corp." + "internal"): the label ends its line
    line_end = text.find("\n", end)
    rest = text[end:len(text) if line_end < 0 else line_end]
    if not rest.strip(" \t.,;)") and (span[:span.rfind("\n")].rstrip(" \t").endswith(".")
                                      or _ends_its_line(text, m.start())):
        return True  # ... or mid-label ("a.b@npas.nhs.l" + "ocal"): a cell's last fragment alone on its line
    parts = _SUFFIXES(domain)
    return bool(parts.suffix and parts.domain)


def _ends_its_line(text: str, start: int) -> bool:
    """The address starts its line or follows other words on it, and the line ends inside the address: a
    narrow cell wrapped it, so the fragment alone on the next line is the rest of it."""
    line_start = text.rfind("\n", 0, start) + 1
    return "@" not in text[line_start:start]
