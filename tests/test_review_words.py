"""The review page's words (issue 18): findings grouped by person, plain-English warnings and dates, and the
error collection every form check goes through. Pure functions: no app, no PDF."""

from datetime import date

import pytest

from redaction.decisions import Decisions
from redaction.publication import PublicationPlan
from service.web.officer.form_errors import FormErrors, date_message, sentence, uk_day
from service.web.officer.review_groups import group, group_key, pages_words, type_words, types_present
from service.web.officer.text_matches import printed_lines
from service.web.officer.review_warnings import analysis_warnings, date_checks, plain, preview_failure, with_posted_dates


def finding(id_, text, page, type_="PERSON", final="redact"):
    return {"id": id_, "type": type_, "text": text, "page": page, "part": 1, "final": final, "action": "redact",
            "reason": "a person", "exemption": "s40(2)"}


def test_every_mention_of_a_person_is_one_group_in_order_of_first_mention():
    findings = [finding("a", "Jane Hollowell", 5), finding("b", "020 7946 0123", 5, "PHONE_NUMBER"),
                finding("c", "JANE  HOLLOWELL", 9, final="keep"), finding("d", "Splue hunden.", 1, "SIGNATURE"),
                finding("e", "Splue hunden.", 2, "SIGNATURE")]
    groups = group(findings)
    assert [[f["id"] for f in g["mentions"]] for g in groups] == [["a", "c"], ["b"], ["d"], ["e"]]
    assert groups[0]["pages"] == [5, 9] and groups[0]["final"] == "mixed" and groups[1]["final"] == "redact"
    assert group_key(findings[0]) != group_key(dict(findings[0], type="EMAIL_ADDRESS"))
    assert [(t["type"], t["count"], t["words"]) for t in types_present(findings)] == [
        ("PERSON", 2, "names"), ("PHONE_NUMBER", 1, "phone numbers"), ("SIGNATURE", 2, "signatures")]


@pytest.mark.parametrize("kind, plural, words", [("PHONE_NUMBER", False, "phone number"),
                                                 ("EMAIL_ADDRESS", True, "e-mail addresses"),
                                                 ("VEHICLE_PLATE", True, "vehicle plates")])
def test_types_are_words(kind, plural, words):
    assert type_words(kind, plural) == words


@pytest.mark.parametrize("pages, words", [([5], "page 5"), ([5, 9], "pages 5 and 9"),
                                          ([1, 2, 3], "pages 1, 2 and 3")])
def test_pages_in_words(pages, words):
    assert pages_words(pages) == words


def test_analysis_warnings_read_as_sentences_with_uk_dates_and_the_date_ones_are_replaced():
    analysis = {"warnings": ["the Part 2 exemption expired on 2025-04-01: Part 2 will be released when the "
                             "paper is published", "Part 2 names no FOIA exemption; check it by hand",
                             "review in 2026-12-31 is odd"]}
    assert analysis_warnings(analysis) == ["Part 2 names no FOIA exemption; check it by hand.",
                                           "Review in 31 December 2026 is odd."]
    assert plain("date 2025-13-40 kept") == "Date 2025-13-40 kept."
    missing = {"warnings": ["Part 2 gives no release or review date: it stays withheld until an officer acts"]}
    assert analysis_warnings(missing, PublicationPlan()) == [plain(missing["warnings"][0])]
    assert analysis_warnings(missing, PublicationPlan(release_on=date(2030, 1, 1))) == []  # gone once a date is set


DUE = date(2026, 6, 1)


@pytest.mark.parametrize("plan, expected", [
    # the exemption ended: warned while the date is the analysed one ...
    ({"has_part2": True, "release_on": date(2025, 4, 1)},
     ["The Part 2 exemption ended on 1 April 2025: Part 2 will be released as soon as you publish the paper. "
      "Set a later release date to keep it withheld."]),
    # ... and gone once a new date is set
    ({"has_part2": True, "release_on": date(2030, 4, 1)}, []),
    ({"has_part2": True, "release_on": date(2027, 1, 1), "deferred_until": date(2027, 3, 1)},
     ["Part 2 would be released on 1 January 2027, before Part 1 is published on 1 March 2027. Part 2 is "
      "normally released on or after Part 1's date: check both dates."]),
    ({"has_part2": True, "release_on": date(2027, 1, 1), "review_on": date(2027, 6, 1)},
     ["The review date, 1 June 2027, is after the release date, 1 January 2027: Part 2 will already be public "
      "when it is reviewed."]),
    ({"has_part2": False, "release_on": date(2020, 1, 1), "deferred_until": date(2026, 5, 1)},
     ["The Part 1 publication date, 1 May 2026, has passed: Part 1 will be published as soon as you publish "
      "the paper."]),
])
def test_date_cross_checks(plan, expected):
    assert date_checks(PublicationPlan(**plan), DUE) == expected


def test_errors_are_collected_per_field_with_one_message_each():
    errors = FormErrors()
    assert errors.collect("release_on", date_message("the release date"), Decisions.from_dict,
                          {"release_on": "next spring"}) is None
    errors.add("release_on", "a second problem with the same field is not shown")
    assert errors.collect("review_on", None, Decisions.from_dict, {"review_on": "2030-02-01"}) is not None
    assert errors.fields == {"release_on": "Enter the release date as a date, for example 1 April 2025"}
    assert len(errors) == 1 and bool(FormErrors()) is False
    assert sentence("the box is too small") == "The box is too small." and uk_day(date(2025, 4, 1)) == "1 April 2025"


@pytest.mark.parametrize("error, code, words", [
    ("Verification failed: part2-ngrams (part 1, page 1); nothing was published.", "leak",
     "Part 1 would hold text of Part 2 (page 1 of Part 1): check where Part 2 starts"),
    ("Verification failed: text-pdfium, tokens (part 2, page 3); nothing was published.", "leak",
     "A redacted value could still be read in Part 2, page 3"),
    ("The paper could not be read.", "damaged", None),
    (None, None, None)])
def test_a_stopped_preview_says_in_words_what_to_check(error, code, words):
    said = preview_failure(error, code)
    assert said == words if words is None else said.startswith(words)


def test_a_page_with_errors_checks_the_dates_in_its_fields_not_the_saved_ones():
    saved = {"has_part2": True, "deferred_until": None, "release_on": date(2025, 4, 1), "review_on": None}
    posted = {"deferred_until": "2030-06-01", "release_on": "2030-05-01", "review_on": "31/02/2030",
              "part2_mode": "analysed"}
    saved = PublicationPlan(**saved)
    plan = with_posted_dates(saved, posted)
    assert plan.release_on == date(2030, 5, 1) and plan.review_on is None  # a bad date keeps the saved
    checks = date_checks(plan, date(2026, 1, 1))
    assert checks and "before Part 1 is published on 1 June 2030" in checks[0]
    assert not any("ended on 1 April 2025" in c for c in checks)
    assert with_posted_dates(saved, dict(posted, part2_mode="none", release_on="")).has_part2 is False


def test_the_part2_line_chooser_shows_printed_lines_not_their_pieces():
    # "1.1. This proposal" printed as four pieces (the full stops sit lower than the digits), then the next line
    pieces = [([69.5, 727.0, 75.0, 735.3], "1", False), ([75.4, 726.5, 78.0, 728.8], ".", False),
              ([78.6, 727.0, 84.0, 735.3], "1", False), ([84.6, 726.5, 300.0, 735.7], ". This proposal will", False),
              ([69.2, 712.0, 300.0, 721.4], "Line Task Force activities.", False),
              ([320.0, 712.0, 400.0, 721.4], "Second column", True), ([69.0, 700.0, 90.0, 708.0], "   ", False)]
    assert printed_lines(pieces) == [{"y": 736.7, "x": 69.5, "text": "1.1. This proposal will"},
                                     {"y": 722.4, "x": 69.2, "text": "Line Task Force activities. Second column"}]
