"""Table-driven tests of the issue-12 classes left over after the sealed set was tuned on, written with our
own sentences (fictional people, Ofcom drama numbers), none taken from the labelled papers:

- a first name that is also a word or a month, before a surname that is no ordinary word, where NER reads
  the first word as the word ("a letter from April Penhaligon");
- a surname alone in apposition to a job title, with no full name anywhere ("the Licensing Officer,
  Okonkwo, visited");
- an office the policy keeps whose word also ends an ordinary job title, in apposition ("the Team Leader,
  Jo Bell" is a job, not the Leader of the Council);
- a name wrapped in prose after its first word, the next line going on with a date or figure ("offered to
  Maria" / "Tregothnan on 4 March."): a sentence, not a table's next row of figures;
- a first name alone signing off an e-mail ("Kind regards," / "Oluwaseun", "Thanks, Tamsin");
- a surname after a role abbreviation in no list ("DCO Fairweather, who agreed").
"""

import pytest

from redaction.detect.english_words import is_english_word
from tests.detect_found import found, kept, redacted


@pytest.mark.parametrize("text, expected", [
    ("I noted that April Penhaligon had left the service in the spring.", ["April Penhaligon"]),
    ("Apologies were received from May Fotheringham and others.", ["May Fotheringham"]),
    ("Interviews with Hope Adeyemi took place in the first week.", ["Hope Adeyemi"]),
    ("The complaint from Summer Okafor-Bright was noted.", ["Summer Okafor-Bright"]),
    ("Amber Lightfoot and a colleague were interviewed.", ["Amber Lightfoot"]),
    # broken over a line after the first name
    ("The tenancy was offered to Grace \nTregothnan on 4 March.", ["Grace Tregothnan"]),
    # at a clause start too: the surname says it is a person
    ("Robin Quennell-Ashby will attend. Will Castellano will not.", ["Robin Quennell-Ashby", "Will Castellano"]),
])
def test_a_word_first_name_before_a_surname_that_is_no_word(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text", [
    "In June Cabinet agreed the plan. By April Members will have the report.",
    "The April Budget set the precept. June Figures are provisional. Will Officers please note it.",
    "Mark Scheme guidance was issued. Grace Period ends on 1 July. Hope Street depot closes.",
    "In August Kent Police and Essex Police merged their control rooms.",
    "The new depot at Okehampton opened on 3 June Okehampton time.",  # a month as the date
    "Since July Tavistock has had no night bus.",
    "The Summer Reading Challenge and the Autumn Statement were both noted.",
])
def test_a_word_before_an_ordinary_word_stays_a_word(text):
    assert redacted(text) == []


@pytest.mark.parametrize("text", [
    "A grant to the April Penhaligon Trust was agreed.",
    "The May Fotheringham Lecture is held each year.",
])
def test_a_word_first_name_naming_an_organisation_is_no_person(text):
    assert redacted(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The Licensing Officer, Okonkwo, visited the premises twice.", ["Okonkwo"]),
    ("The report was written by the Planning Officer, Ditchburn, and checked by the Team Leader, Raftery.",
     ["Ditchburn", "Raftery"]),
    ("The Clerk, Blenkinsop, read the notice aloud.", ["Blenkinsop"]),
    ("The duty manager (Ellershaw) refused entry to the inspector.", ["Ellershaw"]),
    ("Contact the Enforcement Officer,\nThistlethwaite, before 3 May.", ["Thistlethwaite"]),
])
def test_a_surname_apposed_to_a_job_title(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text", [
    "The Licensing Officer, Housing, and the Area Manager, North, attended.",
    "The Project Manager (Interim) left. The Director (Operations) agreed.",
    "Rig Centre Manager, \nBarnfield\n020 7946 0917",  # a table cell: the post's place on the next line
    "The Senior Officer, Finance, reported. The Clerk, Legal Services, advised.",
])
def test_a_word_apposed_to_a_job_title_is_no_surname(text):
    assert redacted(text) == []


def test_a_surname_apposed_to_a_kept_office_is_kept():
    assert kept("The Chief Fire Officer, Tregarthen, signed the decision.") == ["Tregarthen"]


@pytest.mark.parametrize("text, expected", [
    ("The report was checked by the Team Leader, Jo Raftery.", [("Jo Raftery", "redact")]),
    ("The Project Leader (Ada Brennick) agreed the plan.", [("Ada Brennick", "redact")]),
    ("The Squad Leader, Ada Brennick, attended.", [("Ada Brennick", "redact")]),
    # the office itself, and an office with a qualifier that is part of it, stay kept
    ("The Leader, Cllr Ada Brennick, opened the meeting.", [("Ada Brennick", "keep")]),
    ("The Deputy Leader, Ada Brennick, spoke.", [("Ada Brennick", "keep")]),
    ("The Opposition Leader, Ada Brennick, replied.", [("Ada Brennick", "keep")]),
    ("The Town Mayor, Cllr Ada Brennick, attended.", [("Ada Brennick", "keep")]),
    ("The Schools Minister, Ada Brennick, wrote to us.", [("Ada Brennick", "keep")]),
])
def test_an_office_word_ending_a_job_title_in_apposition_is_the_job(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("word, expected", [
    ("Figures", True), ("Budget", True), ("Quarries", True), ("Penhaligon", False), ("Okonkwo", False),
])
def test_english_words_from_the_model(word, expected):
    assert is_english_word(word) is expected


@pytest.mark.parametrize("text, expected", [
    ("The tenancy was offered to Maria \nTregothnan on 4 March.", ["Maria Tregothnan"]),
    ("The tenancy was offered to Grace \nTregothnan on 4 March.", ["Grace Tregothnan"]),
    ("A letter went to Ms Odile \nBrackenbury-Hay in 2026 about the arrears.", ["Odile Brackenbury-Hay"]),
    # a table's rows of figures still end the name at the line break
    ("Month Calls Answered Lead\nApril 2029 1,184 61 CM Tregaskis\nMay 2029 1,203 38 CM Pellow\n",
     ["Tregaskis", "Pellow"]),
])
def test_a_name_wrapped_in_prose_before_a_line_with_figures(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Thank you for your request.\n\nKind regards,\nOluwaseun\nInformation Rights Team", ["Oluwaseun"]),
    ("Please let me know if you need more.\n\nThanks, Tamsin", ["Tamsin"]),
    ("I attach the plan.\nBest wishes, Ifeoma Tregaskis", ["Ifeoma Tregaskis"]),
    ("Many thanks,\nGrace", ["Grace"]),  # a first name that is also a word, alone after a valediction
    ("Yours sincerely,\nAnneliese\nKowalczyk-Boateng\nFOI Lead", ["Anneliese Kowalczyk-Boateng"]),  # wrapped
])
def test_a_first_name_signing_off(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text", [
    "Kind regards,\nReception",
    "Regards,\nLicensing",
    "Thanks, everyone. Thanks, Team.",
    "Thank you, Chair. Many thanks, Members.",
])
def test_a_word_signing_off_is_no_name(text):
    assert redacted(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The matter was escalated by DCO Fairweather, who agreed the plan.", ["Fairweather"]),
    ("The TM Ashworth said no. CTL Brannagh-Oyelowo attended. AOM Quennell's note was read.",
     ["Ashworth", "Brannagh-Oyelowo", "Quennell"]),
])
def test_a_surname_after_a_role_abbreviation_in_no_list(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text", [
    "The NHS Lanarkshire board and the LFB Dagenham station. CPS Wessex reviewed. BTP Paddington attended.",
    "The ASB Team, the CCTV Hub and the MASH Board met.",
])
def test_a_body_after_its_abbreviation_is_no_person(text):
    assert redacted(text) == []
