"""Table-driven tests of the detection rules on plain text (no PDF): what is found, with which type,
action and reason, and what is not."""

import pytest

from redaction.detect import find_in_text
from redaction.policy import load_policy
from tests.detect_eval import TEST_POLICY

POLICY = load_policy(TEST_POLICY)


def found(text, entity_type=None):
    return [(m.type, " ".join(text[m.start:m.end].split()), m.decision.action, m.decision.reason)
            for m in find_in_text(text, policy=POLICY) if entity_type in (None, m.type)]


def texts(text, entity_type):
    return [t for _, t, _, _ in found(text, entity_type)]


@pytest.mark.parametrize("text, number", [
    ("Report author: work number 07785 518789.", "07785 518789"),
    ("Call 07700900815 today.", "07700900815"),
    ("tel. 020 7946 0123, out of hours", "020 7946 0123"),
    ("Telephone 0207 946 0999.", "0207 946 0999"),
    ("from abroad +44 (0)113 496 0321 or", "+44 (0)113 496 0321"),
    ("on +44 20 7946 0654.", "+44 20 7946 0654"),
    ("dial 0044 20 7946 0333 from", "0044 20 7946 0333"),
    ("mobile07700900123 and", "07700900123"),
    ("tel:02079460555;", "02079460555"),
    ("(020) 7946 0777 is the desk", "(020) 7946 0777"),
    ("Manchester 0161 496 0111.", "0161 496 0111"),
    ("the desk on 020 7946\n0712 all day", "020 7946\n0712"),
])
def test_uk_phone_forms(text, number):
    assert texts(text, "PHONE_NUMBER") == [" ".join(number.split())]
    assert found(text, "PHONE_NUMBER")[0][2:] == ("redact", "UK phone number")


@pytest.mark.parametrize("text, number", [
    ("Call 00 353 1 555 0123 today.", "00 353 1 555 0123"),
    ("Call +1 202 555 0143 today.", "+1 202 555 0143"),
    ("Paris office 00 33 1 23 45 67 89.", "00 33 1 23 45 67 89"),
    ("Paris office +33 (0)1 23 45 67 89.", "+33 (0)1 23 45 67 89"),
    ("Berlin: +49 30 901820, or", "+49 30 901820"),
    ("Sydney +61 2 9374 4000\nThe next", "+61 2 9374 4000"),
    ("Dublin +353 87 555 0199", "+353 87 555 0199"),
])
def test_international_phone_forms(text, number):
    assert texts(text, "PHONE_NUMBER") == [number]
    assert found(text, "PHONE_NUMBER")[0][2:] == ("redact", "phone number (international)")


def test_email_detection_never_goes_to_the_network(monkeypatch):
    """Presidio's own e-mail recognizer fetches the public-suffix list; ours asks no list at all."""
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("detection opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    from redaction.detect.engine import get_engine
    names = {type(r).__name__ for r in get_engine().registry.recognizers}
    assert "EmailRecognizer" not in names
    assert texts("Mail a.b@corp.local now", "EMAIL_ADDRESS") == ["a.b@corp.local"]


@pytest.mark.parametrize("text", [
    "reference PCD 1682 and PCD 956", "costs 00 1234 were", "from 1 000 000 to 2 000 000", "funding of £272,708.04 in 2021/22", "£2,755,000 for 2024-25",
    "section 149(1) of the Equality Act 2010", "from 01/04/2025 to 31/03/2026", "the 2017-2021 plan",
    "paragraph 4.8 and Schedule 3, Paragraph 7", "PCD references 545, 867, 914, 960, 1047 and 1215.",
    "28 October 2019 to 31 March 2020", "invoice 4500123456 paid on 12.03.2025", "case 01234/25 closed",
    "£1,020 7946 was the total",
])
def test_not_phone_numbers(text):
    assert texts(text, "PHONE_NUMBER") == []


@pytest.mark.parametrize("text, address", [
    # any domain: internal and reserved ones name a person as surely as public ones
    ("Mail j.smith@met.police.uk now", "j.smith@met.police.uk"),
    ("Mail a.b@internal now", "a.b@internal"),
    ("Mail x@corp.local now", "x@corp.local"),
    ("user@localhost is the desk", "user@localhost"),
    ("write to ops-desk@lfb.invalid.", "ops-desk@lfb.invalid"),
    ("gwen.aprhys@fin.northbrid\nge.local\nDennis Cooper", "gwen.aprhys@fin.northbridge.local"),
    ("E-mail:\nyasmin.al-khatib@london-fire.gov.uk\n1. Introduction", "yasmin.al-khatib@london-fire.gov.uk"),
    ("mail jo.bell@mopac.gov.uk\nand then", "jo.bell@mopac.gov.uk"),
    ("Contact mike.west@met.police.uk for details.", "mike.west@met.police.uk"),
    ("e-mail priya.natarajan@\nmopac.london.gov.uk today", "priya.natarajan@mopac.london.gov.uk"),
    ("write to jo.bell@met.police.exa\nmple.uk\nEvaluation lead", "jo.bell@met.police.example.uk"),
    ("address: colm.odris\ncoll@met.police.uk.", "colm.odriscoll@met.police.uk"),
    ("sent to a.b@mopac.gov.uk.\nLondon is", "a.b@mopac.gov.uk"),
])
def test_email_addresses(text, address):
    got = texts(text, "EMAIL_ADDRESS")
    assert [t.replace(" ", "") for t in got] == [address]
    assert found(text, "EMAIL_ADDRESS")[0][3] == "e-mail address"


@pytest.mark.parametrize("text", ["no e-mail here @ all", "version 2.1@build", "Contact\njane@ not an address",
                                  "tickets 2@£10 each", "follow @MOPACLdn for news"])
def test_not_email_addresses(text):
    assert texts(text, "EMAIL_ADDRESS") == []


@pytest.mark.parametrize("text, name, action, reason", [
    ("Report by DSU Mike WEST on behalf of the Chief.", "Mike WEST", "redact",
     "police officer below chief officer rank"),
    ("supported by DAC Graham McNulty as the NPCC lead", "Graham McNulty", "keep",
     "police chief officer: Deputy Assistant Commissioner"),
    ("Report author: Mike West, Det Supt, work number", "Mike West", "redact",
     "police officer below chief officer rank"),
    ("Decision by: Sophie Linden (Past staff), Deputy Mayor", "Sophie Linden", "keep",
     "named office holder: Deputy Mayor for Policing and Crime"),
    ("The Deputy Mayor for Policing and Crime, Jana Novak, asked for it.", "Jana Novak", "keep",
     "named office holder: Deputy Mayor for Policing and Crime"),
    ("Metropolitan Police. The Commissioner, Sir Daniel Ashworth, has committed.", "Daniel Ashworth", "keep",
     "police chief officer: Commissioner"),
    ("Led by Cdr Paul Haverstock today.", "Paul Haverstock", "keep", "police chief officer: Commander"),
    ("Chief Superintendent Gemma Holloway will oversee", "Gemma Holloway", "redact",
     "police officer below chief officer rank"),
    ("It was supported by Jane Okafor of the finance team.", "Jane Okafor", "redact", "person's name"),
    ("Ms Okafor presented the options", "Okafor", "redact", "person's name"),
    ("working with the contractor Priyanka Bhattacharya (Bhattacharya Research Associates).",
     "Priyanka Bhattacharya", "redact", "person's name"),
    ("Insp Priya\nNatarajan chairs the group", "Priya Natarajan", "redact",
     "police officer below chief officer rank"),
    ("Contact:\tLewis Ferreira", "Lewis Ferreira", "redact", "person's name"),
    ("Sgt Pat O'Dowd attended", "Pat O'Dowd", "redact", "police officer below chief officer rank"),
])
def test_names(text, name, action, reason):
    assert found(text, "PERSON") == [("PERSON", name, action, reason)]


@pytest.mark.parametrize("text", [
    "Tick to confirm statement (✔)", "Schedule 3, Paragraph 7 applies", "Project Alpha Social Media Hub",
    "the impact of the COVID pandemic", "Grant Agreements with the other Forces", "FOIA Sec 31 Law enforcement",
    "the Home Office will pay", "A decision is required from the Deputy Mayor by 19th March",
    "Stakeholders include The Ben Kinsella Trust, Catch-22 and Red Thread.",
    "the Stephen Lawrence Centre and St Giles Trust", "The Daniel Marsh Foundation hosts it.",
    "Report by Insp Oliver Stanton, Officer Safety Training", "GREATER LONDON AUTHORITY",
    "A DS with coordination and two PC's to support the CLTF; DC/PC posts",
    "the Mary Seacole House hosted the launch", "Signed decision document",
])
def test_not_names(text):
    assert [t for t in texts(text, "PERSON") if t != "Oliver Stanton"] == []


def test_a_decision_spreads_to_every_mention():
    text = ("Report by DSU Mike West on behalf of the Chief. Mike WEST leads it; Mr West reports monthly. "
            "MIKE WEST signs. Write to mike.west@met.police.uk. The team met in West Midlands.")
    got = found(text)
    people = [t for typ, t, _, _ in got if typ == "PERSON"]
    assert people == ["Mike West", "Mike WEST", "West", "MIKE WEST"]
    assert {(a, r) for typ, _, a, r in got if typ == "PERSON"} == {
        ("redact", "police officer below chief officer rank")}
    assert texts(text, "EMAIL_ADDRESS") == ["mike.west@met.police.uk"]


def test_a_name_known_from_an_email_is_found_in_prose():
    text = "Questions to kwame.asante@mopac.gov.uk. The work of Kwame Asante was praised."
    assert texts(text, "PERSON") == ["Kwame Asante"]


def test_keep_spreads_to_surname_and_capitals():
    text = "AC Victoria Ashcombe presented. AC Ashcombe chairs it. VICTORIA ASHCOMBE signed."
    assert {a for typ, _, a, _ in found(text) if typ == "PERSON"} == {"keep"}
    assert len(texts(text, "PERSON")) == 3


@pytest.mark.parametrize("text, signature", [
    ("The above request has my approval.\nSplue hunden. Signature\nDate 12/03/2021", "Splue hunden."),
    ("Chief Executive Officer\nSignature\n\nRanaluciterd.\n\nDate 9/3/2021", "Ranaluciterd."),
    ("Signed: S Haddad\nDate: 02/05/2025", "S Haddad"),
    ("Signature: Owenprtchd    Date 03/05/2025", "Owenprtchd"),
    ("Signature\tK Brennan", "K Brennan"),
])
def test_signatures(text, signature):
    assert found(text, "SIGNATURE") == [("SIGNATURE", signature, "redact", "signature")]


@pytest.mark.parametrize("text", [
    "Signed decision document", "Date signed:", "Signature: ..............", "Signature\nDate 12/03/2021",
    "Signature\nThe above paragraph continues the text of the paper with no date at all.\nMore text.",
    "Name Signature",
])
def test_not_signatures(text):
    assert found(text, "SIGNATURE") == []
