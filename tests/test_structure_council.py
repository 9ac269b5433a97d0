"""A council cabinet report (new-user trial of 30 November 2026): its reference is in its heading ("Cabinet Report
CAB 2026/041", no label), and its standard "Access to information" paragraph names the exempt appendix (Schedule
12A) that is the Part 2 found — which made every council report ask the officer to confirm where Part 2 starts."""

import io
from datetime import date

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from redaction import analyse
from redaction.structure.part2_boundary import _annexes_from, find_heading
from redaction.structure.reference_title import reference_in_title
from redaction.withheld import withholding_outside

TODAY = date(2026, 11, 30)

ACCESS = ("5. Access to information\nAppendix A to this report is exempt from publication under Schedule 12A "
          "paragraph 3 of the Local Government Act 1972 (information relating to the financial or business affairs "
          "of any particular person, including the authority holding that information). It is exempt until "
          "01/04/2026.\nBackground papers: none.\n")
APPENDIX_A = ("Appendix A - Exempt information\nNOT FOR PUBLICATION by virtue of Schedule 12A paragraph 3 of the "
              "Local Government Act 1972. This appendix is exempt until 01/04/2026.\nThree bids were received.\n")
PART2 = "Part 2 - Exempt information\nNOT FOR PUBLICATION by virtue of Schedule 12A paragraph 3.\nThe bids.\n"


def council_pdf(body: str, *, heading: str = "Cabinet Report CAB 2026/041") -> bytes:
    """Page 1 with a 16 pt heading over 10 pt text; '---page---' starts a page."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = A4[1] - 60
    c.setFont("Helvetica", 10)
    c.drawString(60, y, "London Borough of Wexham")
    y -= 24
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, y, heading)
    y -= 24
    c.setFont("Helvetica", 10)
    for line in body.splitlines():
        if line == "---page---":
            c.showPage()
            c.setFont("Helvetica", 10)
            y = A4[1] - 60
            continue
        while line:
            c.drawString(60, y, line[:100])
            line, y = line[100:], y - 14
    c.save()
    return buf.getvalue()


INTRO = ("Title: Disposal of the former Elmfield Depot\nMeeting: Cabinet, 14 October 2026\n1. Summary\n"
         "This report seeks approval to dispose of the former Elmfield Depot.\n")


@pytest.mark.parametrize("part1, part2, asks", [
    (ACCESS, APPENDIX_A, False),                                        # the trial's report: names its Part 2
    (ACCESS.replace("Appendix A", "Appendix B"), APPENDIX_A, True),     # an appendix that is not the Part 2 found
    (ACCESS.replace("Appendix A to", "Appendices A and B to"), APPENDIX_A, True),  # names nothing it can check
    (ACCESS, PART2, True),                                              # Part 2 found is no 'Appendix A'
    (ACCESS, APPENDIX_A.replace("Appendix A", "Annex A"), True),        # an annex is not the appendix named
    (ACCESS.replace("Appendix A to this report is exempt from publication under Schedule 12A paragraph 3 of the "
                    "Local Government Act 1972 (information relating to the financial or business affairs of any "
                    "particular person, including the authority holding that information). ", ""),
     APPENDIX_A, True),                                                 # "It is exempt until …" alone: what is?
    # an exempt appendix drawn in Part 1, before the Part 2 found, is not excused by its name
    ("Appendix A - Prices\nThe prices.\n" + ACCESS, APPENDIX_A.replace("Appendix A", "Appendix B"), True),
])
def test_an_access_to_information_paragraph_about_the_part2_found_asks_nothing(part1, part2, asks):
    text = INTRO + part1 + part2
    heading = find_heading(text)
    assert heading is not None and text[heading:].startswith(part2.split("\n")[0])
    found = withholding_outside(text, heading, has_part2=True, part2_annexes=_annexes_from(text, heading))
    assert bool(found) is asks, [text[p:p + 40] for p in found]


def test_appendices_after_the_part2_heading_are_in_it():
    text = INTRO + ACCESS + APPENDIX_A + "Appendix B - Bids received\nThe bids.\nAnnexe 2: prices\n"
    heading = find_heading(text)
    assert _annexes_from(text, heading) == {"appendix A", "appendix B", "annex 2"}
    assert _annexes_from(text, 0) >= {"appendix A"}


@pytest.mark.parametrize("title, reference", [
    ("Cabinet Report CAB 2026/041", "CAB 2026/041"),
    ("Cabinet report CAB 2026/041 - Disposal of the former Elmfield Depot", "CAB 2026/041"),
    ("Planning Committee report PC 26/0412", "PC 26/0412"),
    ("TS/2033/0419", "TS/2033/0419"),                                  # as before
    ("Cabinet report 2027-11", None),                                   # digits alone: still no reference
    ("Report CAB 2026", None),                                          # letters and one number: no code
    ("Consultation on SI 2026/123", None),                              # a statutory instrument is cited
    ("Local Government Act 1972", None),
])
def test_a_code_written_in_a_heading_with_a_space(title, reference):
    assert reference_in_title(title) == reference


@pytest.mark.parametrize("body, reference, asks", [
    (INTRO + ACCESS + "---page---\n" + APPENDIX_A, "CAB 2026/041", []),
    # a labelled reference still comes first
    ("Report reference: CAB/2026/099\n" + INTRO + ACCESS + "---page---\n" + APPENDIX_A, "CAB/2026/099", []),
    # the paragraph names an appendix the Part 2 found is not: the officer confirms
    (INTRO + ACCESS.replace("Appendix A", "Appendix C") + "---page---\n" + APPENDIX_A, "CAB 2026/041",
     ["part2_start"]),
])
def test_the_council_report_end_to_end(body, reference, asks):
    r = analyse(council_pdf(body), "cabinet.pdf", today=TODAY, detect=False).to_dict()
    assert r["reference"] == reference
    assert r["title"] == "Disposal of the former Elmfield Depot"
    assert r["needs_confirmation"] == asks, r["warnings"]
    assert r["part2"]["pages"] == [2] and r["part2"]["release_on"] == "2026-04-01"
