"""Table-driven tests of the error classes the first issue-12 holdout showed (fictional people and
Ofcom drama numbers; none of the holdout's names or phrases): offices placed with a lower-case phrase or a
subject of several words, a signatory in role, lower-case joined given names, particles written apart, job
titles read on with a name in a table row, names after a post label or an organisation's letters,
places after "at", places listed with a place, firms named by a trade word, addresses broken after a dot."""

import pytest

from redaction.detect import find_in_text
from redaction.policy import DEFAULT_POLICY_FILE, load_policy

POLICY = load_policy(DEFAULT_POLICY_FILE)


def found(text, kind="PERSON"):
    return [(" ".join(text[m.start:m.end].split()), m.decision.action)
            for m in find_in_text(text, policy=POLICY) if m.type == kind]


@pytest.mark.parametrize("text, name", [
    # an office placed with a lower-case phrase a {place} cannot match
    ("The Chief Fire Officer of the neighbouring Kestrel Vale service, Hugo Penrose, leads the review.",
     "Hugo Penrose"),
    ("The Police, Fire and Crime Commissioner for the\nneighbouring area, Mina Castell, was consulted.",
     "Mina Castell"),
    # a subject written as a list whose items have several words
    ("The Secretary of State for Transport, Energy and Net Zero, Tobias Wren, wrote in May.", "Tobias Wren"),
    # a typed signatory with a kept office is the office holder in role, not a signature
    ("Signed: Tamsin Rook, Chief Fire Officer, 3 May 2027", "Tamsin Rook"),
])
def test_office_holders_in_role_are_kept(text, name):
    assert (name, "keep") in found(text)
    assert all(action == "keep" for _, action in found(text))
    assert not found(text, "SIGNATURE")


def test_a_surname_alone_follows_the_office_holder():
    text = "The Chief Fire Officer of the neighbouring Kestrel Vale service, Hugo Penrose, leads. Mr Penrose reports."
    assert found(text) == [("Hugo Penrose", "keep"), ("Penrose", "keep")]


def test_a_signature_without_an_office_is_still_redacted():
    # the signature ends at its date (the date is no personal data; the next sentence may name a kept office holder)
    assert found("Signed: Tamsin Rook, 3 May 2027", "SIGNATURE") == [("Tamsin Rook", "redact")]


@pytest.mark.parametrize("text, name", [
    # a given name whose second part is written in lower case
    ("Trials were run by SM Seo-yeon Kim and WM Jack Hale.", "Seo-yeon Kim"),
    # a particle written apart from the surname, after a job placed somewhere
    ("The supplier's trainer in Leeds, Casey Mc Grath, is on 020 7946 0123.", "Casey Mc Grath"),
    # a name after a post written as a label, broken after the first name
    ("Records Manager: Niamh \nRoss-Keane.", "Niamh Ross-Keane"),
    # a person of an organisation written by its letters
    ("Data came from the LGA's Rohit Varghese-Hale supplied it.".replace("Data came from", "Then"),
     "Rohit Varghese-Hale"),
])
def test_names_found(text, name):
    assert (name, "redact") in found(text)


@pytest.mark.parametrize("text, name", [
    # a job title read on with the name in a table row is cut where the title starts
    ("Contacts\nAmara Quell ICV Panel Chair 0161 496 0734", "Amara Quell"),
])
def test_names_stop_before_a_job_title(text, name):
    assert found(text) == [(name, "redact")]


@pytest.mark.parametrize("text", [
    "The crews trained at Kestrel Down in May.",  # a place after "at"
    "Feedback came from the Mill Road and Lorne Park hubs.",  # listed with a place, ending in a place word
    "The unsuccessful bidder, Harbour Signs, was represented by a lawyer.",  # a firm named by its trade
    "The NHS's Long Term Plan applies.",  # an organisation's letters before a thing
    "The ONS's Annual Survey showed a rise.",  # ... and before a thing with a verb in the past tense
    "Secretary: Democratic Services",  # a post label before a department
    "Report from: Deputy Commissioner, Fire Safety. Report number: X-1",  # a portfolio after a rank
])
def test_no_name(text):
    assert found(text) == []


def test_a_possessive_after_at_is_a_person():
    assert ("Sarah Whitfield", "redact") in found("The inspection went ahead at Sarah Whitfield's request in March.")


@pytest.mark.parametrize("text, address", [
    # a cell broke the address after a dot: the last label ends its line
    ("| Ola Dee | Manager | 07700 900 734 | ola.dee@intl.kestrel.\ninternal\n| Yi Zhu | Officer |",
     "ola.dee@intl.kestrel. internal"),
    # a sentence that ends after an address and goes on in lower case is not the address
    ("Write to jo.bell@kestrel.org.\nthen wait.", "jo.bell@kestrel.org"),
])
def test_addresses_broken_after_a_dot(text, address):
    assert found(text, "EMAIL_ADDRESS") == [(address, "redact")]
