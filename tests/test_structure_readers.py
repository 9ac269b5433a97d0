"""The structure readers on text alone (no PDF): each is a pure function from text to values.

The papers themselves are read in tests/test_structure*.py; these rows pin each reader's rules, so a change
to one concern shows in its own table.
"""

from __future__ import annotations

from datetime import date

import pytest

from redaction.structure.deferral import read_deferral, read_part2_form
from redaction.structure.exemption_dates import read_dates
from redaction.structure.exemptions import read_claims
from redaction.structure.part2_boundary import find_heading
from redaction.structure.reference_title import (read_labelled_code, read_metadata_title, read_reference,
                                                 reference_in_title)


@pytest.mark.parametrize("text, reference", [
    ("Reference: PCD 956\nTitle: Body-worn video", "PCD 956"),
    ("Decision number: LFC-0712-D", "LFC-0712-D"),          # another scheme, read as written
    ("Our ref LFB-2210", "LFB-2210"),
    ("A note about DMPCD-2021-5 and PCD1802", "PCD 1802"),  # a known scheme anywhere
    ("No reference at all", None),
])
def test_reference(text, reference):
    assert read_reference(text) == reference


@pytest.mark.parametrize("first_page, reference", [
    ("Manager: Wendell Ormsby.\nOur ref: FMP-C-2033-041. 17 October 2033", "FMP-C-2033-041"),
    ("Outcome of the Student Disciplinary Panel, case SDP-2033-058\n", "SDP-2033-058"),
    ("Freedom of Information Act 2000: request FOI 2033-\n1187\nDear Mr Underhill,", "FOI 2033-1187"),  # wrapped
    ("Reply to request FOI/2032/0917", "FOI/2032/0917"),
    ("Reference: 2033/0419", "2033/0419"),
    ("Our reference: 260417. Date: 8 August 2029.", "260417"),
    ("Decision number: CMD/2028/009", "CMD/2028/009"),
    ("Record number TS-0419", "TS-0419"),
    ("Ref. 2031/004719", "2031/004719"),
    ("Case no. Defendant Age Charge\n410 Grant Wragstaff 44", None),   # a table heading, the code on the next line
    ("1. Case 4117: the court refused an application", None),         # one of the cases a register lists
    ("in this case 3 complaints were upheld", None),
    ("Reference: see the appendix", None),                            # no digit
    ("Your ref: none. Our ref: 2029-17", "2029-17"),
])
def test_labelled_code_on_the_first_page(first_page, reference):
    assert read_labelled_code(first_page) == reference


@pytest.mark.parametrize("metadata, title, reference", [
    ("Eastmarch County Council - Trading Standards - decision to prosecute - TS/2033/0419",
     "Eastmarch County Council - Trading Standards - decision to prosecute - TS/2033/0419", "TS/2033/0419"),
    ("Westhallam County Council - FOI 2033-1187 - mobile library   service\nwithdrawal",
     "Westhallam County Council - FOI 2033-1187 - mobile library service withdrawal", "FOI 2033-1187"),
    ("Regulation 28 report - ref KTV-0417-2030", "Regulation 28 report - ref KTV-0417-2030", "KTV-0417-2030"),
    ("Skills and Employment Board - minutes - 9 June 2033", "Skills and Employment Board - minutes - 9 June 2033",
     None),
    ("Cabinet report 2027-11", "Cabinet report 2027-11", None),        # digits alone, unlabelled: no reference
    ("Microsoft Word - board paper v3.docx", None, None),                # what a PDF maker writes by itself
    ("board_paper_final.pdf", None, None),
    ("Untitled", None, None),
    ("Document1", None, None),
    ("   ", None, None),
    (None, None, None),
])
def test_metadata_title_and_the_reference_in_it(metadata, title, reference):
    assert read_metadata_title(metadata) == title
    assert reference_in_title(read_metadata_title(metadata)) == reference


@pytest.mark.parametrize("text, deferred, until, reason, warned", [
    ("Part 1 of this approval to be deferred? NO\nIf yes, for what reason: n/a\nUntil what date: n/a",
     False, None, None, ""),
    ("Part 1 of this approval to be deferred? YES\nIf yes, for what reason: a live tender\n"
     "Until what date: 31/12/2026", True, date(2026, 12, 31), "a live tender", ""),
    ("Part 1 of this approval to be deferred? YES\nIf yes, for what reason: tender\nUntil what date: n/a",
     True, None, "tender", "no date was found"),
    # a date given wins over "NO": nothing is published before it
    ("Part 1 of this approval to be deferred? NO\nIf yes, for what reason: -\nUntil what date: 01/04/2027",
     True, date(2027, 4, 1), None, "the date is used"),
    # day first, never re-read month first
    ("to be deferred? YES\nUntil what date: 13/25/2026", True, None, None, "is not a valid date"),
    ("Nothing about deferral", None, None, None, ""),
])
def test_deferral(text, deferred, until, reason, warned):
    d = read_deferral(text)
    assert (d.deferred, d.until, d.reason) == (deferred, until, reason)
    assert (warned in " ".join(d.warnings)) if warned else not d.warnings


@pytest.mark.parametrize("text, answer", [
    ("Is there a Part 2 form? YES", True), ("Is there a Part II form – NO", False), ("no question", None)])
def test_part2_form(text, answer):
    assert read_part2_form(text) is answer


@pytest.mark.parametrize("text, heading", [
    ("Facts.\nPart 2 – Confidential facts and advice\nExempt under section 43.", "Part 2 –"),
    ("Facts.\n5. PART 2 NOT FOR PUBLICATION\nText", "5. PART 2 NOT"),  # its numbering included
    ("Part 2 Confidentiality: see the form.\nNothing else", None),  # the form's own line is no heading
    ("See the attached.\n\nNot for publication\nThe figures.", "Not for publication"),
])
def test_part2_heading(text, heading):
    at = find_heading(text)
    assert (text[at:at + len(heading)] if at is not None else None) == heading


NOTICE_TWO_DATES = ("Section 31 (law enforcement) applies: exempt until 01/04/2027. "
                    "Section 43 (commercial interests) applies: exempt until 30/09/2028.")


@pytest.mark.parametrize("notice, sections, until, release_on, review_on", [
    ("This Part 2 is exempt under FOIA section 43(2) until 01/04/2027.", ["43"], {"43": date(2027, 4, 1)},
     date(2027, 4, 1), None),
    # each date belongs to the sections named since the previous date; released when the last expires
    (NOTICE_TWO_DATES, ["31", "43"], {"31": date(2027, 4, 1), "43": date(2028, 9, 30)}, date(2028, 9, 30), None),
    # "to be reviewed in": a review, not a release; month only means the 1st, "the end of" the next 1st
    ("Exempt under section 40. To be reviewed in March 2027.", ["40"], {"40": None}, None, date(2027, 3, 1)),
    ("Exempt under section 40 until the end of March 2027.", ["40"], {"40": date(2027, 4, 1)},
     date(2027, 4, 1), None),
    ("Section 40 of the Data Protection Act 2018 applies until 01/04/2027.", [], {}, None, None),
    ("Exempt information under paragraph 3 of Schedule 12A until 01/01/2028.", ["Sch12A para 3"],
     {"Sch12A para 3": date(2028, 1, 1)}, date(2028, 1, 1), None),
])
def test_claims_and_dates(notice, sections, until, release_on, review_on):
    dated = read_dates(notice, read_claims(notice, in_notice=True))
    assert [ex.section for ex in dated.exemptions] == sections
    assert {ex.section: ex.until for ex in dated.exemptions} == until
    assert (dated.release_on, dated.review_on) == (release_on, review_on)


def test_a_date_with_no_section_is_a_warning_and_still_the_release_date():
    notice = "This part is not for publication until 01/04/2027."
    dated = read_dates(notice, read_claims(notice, in_notice=True))
    assert dated.exemptions == () and dated.release_on == date(2027, 4, 1)
    assert "names no FOIA section" in " ".join(dated.warnings)


def test_an_impossible_date_is_a_warning_not_a_guess():
    notice = "Exempt under section 43 until 31/02/2027."
    dated = read_dates(notice, read_claims(notice, in_notice=True))
    assert dated.release_on is None and "is not a valid date" in " ".join(dated.warnings)
