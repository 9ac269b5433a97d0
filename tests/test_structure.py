"""Structure of a paper from its text: Part 2 boundary, deferral block, exemptions and their dates.

Each case renders a short paper with reportlab and checks the analysis JSON fields it is about.
"""

from datetime import date

import pytest

from redaction import analyse
from tests.textpdf import text_pdf

TODAY = date(2026, 11, 24)

FORM_NO_DEFERRAL = """DMPC Decision - PCD 1001
Title Widget Procurement for the Estates Team
Executive Summary:
This paper seeks approval to buy widgets.
Public access to information
Part 1 Deferral:
Is the publication of Part 1 of this approval to be deferred? NO
If yes, for what reason:
Until what date: n/a
Is there a Part 2 form - {form}
"""

PART1_BODY = """PART I - NON-CONFIDENTIAL FACTS AND ADVICE TO THE DMPC
1.1. The Home Office will pay the Grant in exercise of the power conferred by Section 56 of the
Domestic Violence, Crime and Victims Act (2004). MOPAC must comply with section 149(1) of the Equality Act 2010.
3.1. The grant amount will fund the MPS element of the network up until 31/03/2022.
Report author: Officer, work number 020 7946 0123
"""

HEADING = "Part 2 – This section refers to the details of the Part 2 business case which is NOT SUITABLE for MOPAC Publication."


def paper(notice: str, *, form: str = "YES", heading: str = HEADING, body: str = PART1_BODY) -> bytes:
    return text_pdf(FORM_NO_DEFERRAL.format(form=form) + body + (heading + "\n" + notice if heading else notice),
                    width=200)


def run(pdf: bytes) -> dict:
    return analyse(pdf, "case.pdf", today=TODAY, detect=False).to_dict()


def exemptions(result: dict) -> list[tuple]:
    return [(e["section"], e["title"], e["until"], e["review"]) for e in result["part2"]["exemptions"]]


S31_TEXT = """The Government Security Classification marking for Part 2 is: OFFICIAL-SENSITIVE
FOIA Sec 31 Law enforcement
(1)Information which is not exempt information by virtue of section 30 is exempt information if its
disclosure under this Act would, or would be likely to, prejudice—
The paper will be exempt until 01/04/2025 in accordance with MPS policy pending review."""


@pytest.mark.parametrize("heading", [
    HEADING,
    "Part 2 - This section refers to the details of the Part 2 business case which is NOT SUITABLE for MOPAC Publication",
    "PART 2 – THIS SECTION REFERS TO THE DETAILS OF THE PART 2 BUSINESS CASE WHICH IS NOT SUITABLE FOR MOPAC PUBLICATION",
    "part 2 — this section refers to the details of the part 2 business case which is not suitable for GLA publication",
    "Part II - This section of the report is NOT SUITABLE for publication by the London Fire Commissioner",
    "Part 2 – This section refers to the details of the Part 2 business case which is NOT SUITABLE for\nMOPAC Publication.",
])
def test_part2_heading_variants(heading):
    _check_heading(heading)


@pytest.mark.parametrize("heading", [
    "Part 2 - This report contains exempt information within the meaning of Schedule 12A to the LGA 1972",
    "PART 2 CONFIDENTIAL FACTS AND ADVICE TO THE DMPC",
    "Part 2 – Confidential facts and advice",
    "PART II – NOT FOR PUBLICATION",
    "Part 2: exempt information (Schedule 12A, paragraph 3)",
])
def test_part2_heading_wordings_of_other_bodies(heading):
    _check_heading(heading)


def _check_heading(heading):
    r = run(paper(S31_TEXT, heading=heading))
    assert r["part2"] is not None, heading
    assert r["part2"]["start"]["page"] == 1
    # A Schedule 12A paragraph named in the heading is recorded beside the FOIA section (Local Government Act)
    foia_only = [e for e in exemptions(r) if not e[0].startswith("Sch12A")]
    assert foia_only == [("31", "Law enforcement", "2025-04-01", None)]
    assert ("Sch12A para 3" in {e[0] for e in exemptions(r)}) == ("paragraph 3" in heading)
    assert r["part2"]["release_on"] == "2025-04-01"
    assert r["part1"]["pages"] == [1]


def test_heading_broken_over_lines_and_hyphenated():
    text = (FORM_NO_DEFERRAL.format(form="YES") + PART1_BODY +
            "Part 2 – This section refers to the details of the Part 2 busi-\nness case which is NOT\n"
            "SUITABLE for MOPAC Publication.\n" + S31_TEXT)
    r = run(text_pdf(text, width=200))
    assert r["part2"]["start"]["page"] == 1


def test_boundary_y_lies_between_part1_and_heading():
    pdf = paper(S31_TEXT)
    analysis = analyse(pdf, today=TODAY, detect=False)
    page, y = analysis.structure.part2_start
    chars = analysis.document.pages[page - 1].chars
    above = "".join(c.text for c in chars if c.box and c.box[1] > y)
    below = "".join(c.text for c in chars if c.box and c.box[3] < y)
    assert "020 7946 0123" in above.replace("\n", "")
    assert below.startswith("Part 2")
    assert "Report author" not in below


def test_part2_on_its_own_page():
    r = run(paper(S31_TEXT, heading="---page---\n" + HEADING))
    assert r["pages"] == 2
    assert r["part1"]["pages"] == [1]
    assert r["part2"]["pages"] == [2]
    assert r["part2"]["start"]["page"] == 2


@pytest.mark.parametrize("notice, expected, release_on, review_on", [
    # several exemptions, each with its own date: released when the last expires
    ("Section 31 law enforcement: this information is exempt until 31 December 2026.\n"
     "Section 43 commercial interests: this information is exempt until 30 September 2027.",
     [("31", "Law enforcement", "2026-12-31", None), ("43", "Commercial interests", "2027-09-30", None)],
     "2027-09-30", None),
    # several sections in one sentence share one date
    ("Part 2 is exempt from disclosure under sections 31 and 40(2) of the Freedom of Information Act 2000.\n"
     "It will be exempt until 1st April 2026.",
     [("31", "Law enforcement", "2026-04-01", None), ("40", "Personal information", "2026-04-01", None)],
     "2026-04-01", None),
    # a month-only review date: reviewed on the 1st, never released automatically
    ("This Part 2 is exempt under section 43(2) of the FOIA and will be reviewed in March 2027.",
     [("43", "Commercial interests", None, "2027-03-01")], None, "2027-03-01"),
    # no date at all
    ("Disclosure under the Freedom of Information Act 2000 is exempt by section 43(2).",
     [("43", "Commercial interests", None, None)], None, None),
    # exemption title written after the number
    ("Section 40 personal information. Exempt until 30/09/2027.",
     [("40", "Personal information", "2027-09-30", None)], "2027-09-30", None),
    # a business date inside Part 2 that is not an exemption date
    ("The contract runs until 31 March 2026 with two extensions.\n"
     "FOIA s.43 Commercial interests. The paper is exempt until 01/04/2028.",
     [("43", "Commercial interests", "2028-04-01", None)], "2028-04-01", None),
    # other ways of saying when it may be released
    ("FOIA Sec 43 Commercial interests. Exempt until: 01/04/2027.",
     [("43", "Commercial interests", "2027-04-01", None)], "2027-04-01", None),
    ("FOIA Sec 43 Commercial interests. Part 2 can be released after 1 May 2027 once the contract is let.",
     [("43", "Commercial interests", "2027-05-01", None)], "2027-05-01", None),
    ("Section 31 (law enforcement) of the FOIA applies until the end of March 2027.",
     [("31", "Law enforcement", "2027-04-01", None)], "2027-04-01", None),
    ("FOIA Sec 43 Commercial interests. Review date: 01/04/2026.",
     [("43", "Commercial interests", None, "2026-04-01")], None, "2026-04-01"),
    ("FOIA exemption: section 31 (law enforcement)\nDate the information can be released: 01.10.2027",
     [("31", "Law enforcement", "2027-10-01", None)], "2027-10-01", None),
    ("Section 43 commercial interests. Exemption expires: 31 March 2027.",
     [("43", "Commercial interests", "2027-03-31", None)], "2027-03-31", None),
    # a section of another Act inside the notice is not a FOIA exemption
    ("Sections 31(1)(a) and 40(2) apply; to be reviewed in September 2027. Data is handled under "
     "section 40 of the Data Protection Act 2018 and withheld.",
     [("31", "Law enforcement", None, "2027-09-01"), ("40", "Personal information", None, "2027-09-01")],
     None, "2027-09-01"),
    # exempt until, and review as well
    ("FOIA Sec 31 Law enforcement. Exempt until 31/12/2027, to be reviewed in June 2027.",
     [("31", "Law enforcement", "2027-12-31", "2027-06-01")], "2027-12-31", "2027-06-01"),
])
def test_exemptions_and_dates(notice, expected, release_on, review_on):
    r = run(paper(notice))
    assert exemptions(r) == expected
    assert (r["part2"]["release_on"], r["part2"]["review_on"]) == (release_on, review_on)


def test_a_section_of_another_act_is_not_an_exemption():
    r = run(paper("Names are withheld under section 40 of the Data Protection Act 2018.\n"
                  "FOIA Sec 43 Commercial interests. Exempt until 01/04/2028."))
    assert exemptions(r) == [("43", "Commercial interests", "2028-04-01", None)]


def test_a_bullet_mentioning_part2_is_not_the_heading():
    body = PART1_BODY + "• Part 2: confidential information on the bids, considered in private session.\n"
    r = run(paper(S31_TEXT, body=body))
    analysis = analyse(paper(S31_TEXT, body=body), today=TODAY, detect=False)
    page, y = analysis.structure.part2_start
    above = "".join(c.text for c in analysis.document.pages[page - 1].chars if c.box and c.box[1] > y)
    assert "private session" in above  # the bullet stays in Part 1; the real heading starts Part 2
    assert r["needs_confirmation"] == []


def test_unrecognised_heading_needs_confirmation():
    r = run(paper("The bids are set out below.", heading="Part 2 – Tender evaluation"))
    assert r["part2"] is None
    assert r["needs_confirmation"] == ["part2_start"]
    assert any("starts like a Part 2 heading" in w for w in r["warnings"])


def test_form_yes_without_part2_needs_confirmation():
    r = run(paper("", form="YES", heading=""))
    assert r["needs_confirmation"] == ["part2_start"]


def test_statutory_quote_is_not_an_exemption_claim():
    r = run(paper(S31_TEXT))
    assert [e["section"] for e in r["part2"]["exemptions"]] == ["31"]  # not "30" from "by virtue of section 30"


def test_past_exemption_date_warns():
    r = run(paper(S31_TEXT))
    assert any("expired on 2025-04-01" in w for w in r["warnings"])


def test_impossible_date_is_a_warning_not_a_guess():
    r = run(paper("FOIA Sec 43 Commercial interests. The paper will be exempt until 31/02/2027."))
    assert r["part2"]["release_on"] is None
    assert any("31/02/2027" in w and "not a valid date" in w for w in r["warnings"])


def test_month_first_looking_date_is_not_swapped():
    r = run(paper("FOIA Sec 43 Commercial interests. The paper will be exempt until 04/13/2027."))
    assert r["part2"]["release_on"] is None
    assert r["warnings"]


def test_no_part2():
    r = run(paper("", form="NO", heading=""))
    assert r["part2"] is None
    assert r["part1"]["pages"] == [1]
    assert r["part2_form"] is False
    assert r["warnings"] == []


def test_form_says_part2_but_body_has_none():
    r = run(paper("", form="YES", heading=""))
    assert r["part2"] is None
    assert any("form says there is a Part 2" in w for w in r["warnings"])


def test_form_says_no_part2_but_body_has_one():
    r = run(paper(S31_TEXT, form="NO"))
    assert r["part2"] is not None  # the body wins
    assert any("form says there is no Part 2" in w for w in r["warnings"])


def test_part2_referenced_but_not_in_file():
    body = PART1_BODY + ("7.1. The supporting documents are in Part 2. Part 2 is not suitable for MOPAC publication. "
                         "Disclosure under the Freedom of Information Act 2000 is exempt by section 43(2).\n")
    r = run(paper("", heading="", body=body))
    assert r["part2"]["in_file"] is False
    assert r["part2"]["start"] is None and r["part2"]["pages"] == []
    assert exemptions(r) == [("43", "Commercial interests", None, None)]


@pytest.mark.parametrize("block, deferred, until, reason", [
    ("Is the publication of Part 1 of this approval to be deferred? YES\n"
     "If yes, for what reason: Publication would prejudice an ongoing procurement exercise.\n"
     "Until what date: 31/01/2027\n", True, "2027-01-31", "Publication would prejudice an ongoing procurement exercise."),
    ("Is the publication of Part 1 of this approval to be deferred? NO\nIf yes, for what reason:\n"
     "Until what date: N/A\n", False, None, None),
    ("Is the publication of Part 1 of this approval to be deferred? Yes\nIf yes, for what reason: Operational.\n"
     "Until what date: 1st March 2027\n", True, "2027-03-01", "Operational."),
])
def test_deferral_block(block, deferred, until, reason):
    text = "DMPC Decision – PCD 77\nTitle Test\n" + block + "Is there a Part 2 form - NO\n"
    r = run(text_pdf(text, width=200))
    assert r["part1"]["deferred"] is deferred
    assert r["part1"]["deferred_until"] == until
    assert r["part1"]["deferral_reason"] == reason


def test_deferred_without_date_warns():
    text = ("DMPC Decision – PCD 77\nIs the publication of Part 1 of this approval to be deferred? YES\n"
            "If yes, for what reason: Operational.\nUntil what date: to be confirmed\n")
    r = run(text_pdf(text, width=200))
    assert r["part1"]["deferred"] is True and r["part1"]["deferred_until"] is None
    assert any("no date was found" in w for w in r["warnings"])


@pytest.mark.parametrize("text, reference, title", [
    ("DMPC Decision – PCD 956\nTitle Home Office Funding Project Alpha 2021/22\nExecutive Summary:\n",
     "PCD 956", "Home Office Funding Project Alpha 2021/22"),
    ("Key information\nReference code: PCD 1682\nDate signed:\nPCD 1682 Alpha - Social Media Hub\n"
     "This paper seeks approval under PCD references 545, 867.\n", "PCD 1682", "Alpha - Social Media Hub"),
    ("MOPAC\nThis builds on PCD956 approved last year.\nDMPC Decision - PCD 1218\nTitle: County Lines\n",
     "PCD 1218", "County Lines"),
    ("London Fire Commissioner\nDecision number: LFC-0712-D\nTitle: Breathing Apparatus\n", "LFC-0712-D",
     "Breathing Apparatus"),
    ("Director Decision\nReference: DD2456\nTitle Telephony\n", "DD 2456", "Telephony"),
])
def test_reference_and_title(text, reference, title):
    r = run(text_pdf(text, width=200))
    assert (r["reference"], r["title"]) == (reference, title)


def _with_metadata_title(pdf: bytes, title: str) -> bytes:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as p:
        p.docinfo["/Title"] = title
        out = io.BytesIO()
        p.save(out)
        return out.getvalue()


@pytest.mark.parametrize("text, metadata_title, reference, title", [
    # no reference nor title in the known forms: the first page's labelled code, the PDF's /Title
    ("FERNLEA MEDICAL PRACTICE\nOur ref: FMP-C-2033-041. 17 October 2033\nYour complaint about the care\n",
     "Fernlea Medical Practice - complaint response", "FMP-C-2033-041", "Fernlea Medical Practice - complaint response"),
    ("UNIVERSITY OF CALDERBROOK\nOutcome of the Student Disciplinary Panel, case SDP-2033-058\n", None,
     "SDP-2033-058", None),
    ("EASTMARCH COUNTY COUNCIL: TRADING STANDARDS SERVICE\nRecord of a decision to prosecute\n",
     "Eastmarch County Council - decision to prosecute - TS/2033/0419", "TS/2033/0419",
     "Eastmarch County Council - decision to prosecute - TS/2033/0419"),
    ("RONSAY ISLANDS COUNCIL\nFerries and Harbours Board: minute of meeting\n", "Microsoft Word - minute.docx",
     None, None),
    # what the text says comes first
    ("DMPC Decision – PCD 956\nTitle Home Office Funding\nOur ref: FMP-C-2033-041\n", "Another title - AB/2033/1",
     "PCD 956", "Home Office Funding"),
    ("Page one\n---page---\nOur ref: FMP-C-2033-041\n", None, None, None),   # the first page only
])
def test_reference_and_title_when_the_known_forms_are_missing(text, metadata_title, reference, title):
    pdf = text_pdf(text, width=200)
    r = run(_with_metadata_title(pdf, metadata_title) if metadata_title else pdf)
    assert (r["reference"], r["title"]) == (reference, title)


def _sized_pdf(lines: list[tuple[float, str]]) -> bytes:
    """A page of lines, each in its own size (points): a heading drawn larger than the text."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = A4[1] - 60
    for size, line in lines:
        c.setFont("Helvetica", size)
        c.drawString(50, y, line)
        y -= size * 1.4
    c.save()
    return buf.getvalue()


BODY = [(10, "Present: the members of the Board, and the clerk to the Board, who took the minutes."),
        (10, "1.1 The Board received the report of the Director and agreed its recommendations in full."),
        (10, "1.2 The Board noted the accounts for the year and the auditor's letter about them.")]


@pytest.mark.parametrize("lines, metadata_title, title", [
    ([(10, "RONSAY ISLANDS COUNCIL"), (14, "Ferries and Harbours Board: minute of meeting"), *BODY], None,
     "Ferries and Harbours Board: minute of meeting"),       # the organisation in capitals is no heading
    ([(14, "Independent Custody Visiting Scheme: report for July to September"), (14, "2033"), *BODY], None,
     "Independent Custody Visiting Scheme: report for July to September 2033"),   # wrapped onto a number
    ([(14, "Freedom of Information Act 2000: request FOI 2033-"), (14, "1187"), *BODY], None,
     "Freedom of Information Act 2000: request FOI 2033-1187"),
    ([(10, "Fernlea Medical Practice"), *BODY, (14, "1. Summary")], None, None),  # numbered, and too far down
    ([(14, "Claimant: Ms T. Example-Person"), *BODY], None, None),             # a party, not a title
    ([(10, "A paper in one size"), *BODY], None, None),
    ([(14, "Ferries and Harbours Board: minute of meeting"), *BODY], "Ronsay Islands Council - ferries board",
     "Ronsay Islands Council - ferries board"),                                 # the PDF's /Title first
])
def test_the_first_heading_is_the_title_when_nothing_else_names_one(lines, metadata_title, title):
    pdf = _sized_pdf(lines)
    r = run(_with_metadata_title(pdf, metadata_title) if metadata_title else pdf)
    assert r["title"] == title
