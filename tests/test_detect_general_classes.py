"""Table-driven tests of general classes of issue 12 written from the issue's list, not from any paper: a
surname alone after a job title, firms named after people, possessives, initials with a surname, names in
e-mail header lines and signature blocks, names in capitals (with particles), international numbers in a
list, and anything shaped like an e-mail address. Fictional people, Ofcom drama numbers, fictional or
documentation example numbers abroad."""

import pytest

from redaction.detect import find_in_text
from tests.detect_found import POLICY, found, redacted, kept


@pytest.mark.parametrize("text, expected", [
    ("The report was prepared by Principal Planner Okafor, who visited the site.", ["Okafor"]),
    ("Senior Planning Officer Adeyemi inspected it. Licensing Officer Thistlewood attended.",
     ["Adeyemi", "Thistlewood"]),
    ("Team Leader Haverford agreed and Project Manager Lindqvist reported.", ["Haverford", "Lindqvist"]),
    ("The case officer Mensah said no to the variation.", ["Mensah"]),
    ("A note from Project Manager van der Berg's team.", ["van der Berg"]),
    ("Comments from Senior Lawyer Brannigan were noted.", ["Brannigan"]),
])
def test_a_surname_alone_after_a_job_title(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text", [
    "Project Manager Training is required. Finance Officer Recruitment closes in May.",
    "The Project Manager Will review it.",
    "Licensing Officer Responsibilities\nThe Senior Officer Group met.",
    "The duty officer Monday rota is attached.",
    "Action Lead Due\nEscalation training review 31 January 2028",  # a table's heading row
    "The panel met with a Consultant Obstetrician, and a Senior Podiatrist, on Monday.",  # jobs in no list
])
def test_no_surname_after_a_job_title_that_goes_on_as_a_phrase(text):
    assert found(text) == []


def test_an_office_written_as_a_title_before_a_surname_is_kept():
    text = "Chief Fire Officer Reynolds approved it and Principal Planner Okafor drafted it."
    assert kept(text) == ["Reynolds"]
    assert redacted(text) == ["Okafor"]


@pytest.mark.parametrize("text", [
    "We instructed Whyte Adebayo LLP. Smith & Partners Solicitors replied.",
    "Brennan Lowe Architects drew the plans for the depot.",
    "Advice: Okafor Mensah Solicitors LLP, Carver Doyle Partnership, Lacey Rowe Associates Ltd.",
    "The valuation by Pickering Douglas Surveyors and Fenwick Hale Chartered Surveyors was accepted.",
    "The claimant instructed Pemberton Okonjo & Co on the appeal.",
])
def test_firms_named_after_people_are_no_people(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Mr Okafor's report was noted. We read Jane Okafor's note.", ["Okafor", "Jane Okafor"]),
    ("The appeal of Mr O'Donnell-Price's client was heard.", ["O'Donnell-Price"]),
    ("Dr Ní Bhriain's report and Mr el-Masri’s letter.", ["Ní Bhriain", "el-Masri"]),
])
def test_possessives(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("J. P. Okafor wrote to us. Later J.P. Okafor signed.", ["J. P. Okafor", "J.P. Okafor"]),
    ("The note from R.M. Thistlewood was accepted.", ["R.M. Thistlewood"]),
    ("T. K. Ngozi-Abara and Q.A. Pfefferkorn agreed.", ["T. K. Ngozi-Abara", "Q.A. Pfefferkorn"]),
])
def test_initials_with_a_surname(text, expected):
    assert redacted(text) == expected


def test_a_lettered_heading_is_no_initial():
    assert found("C. Proposal\nThe scheme costs more than planned.") == []


@pytest.mark.parametrize("text, expected", [
    ("From: Okonkwo, Chidi <chidi.okonkwo@lbn.internal>\nSent: 3 May 2027 10:14\n"
     "To: Haverford, Julia; Lindqvist Anders\nSubject: RE: site visit",
     ["Okonkwo, Chidi", "Haverford, Julia", "Lindqvist Anders"]),  # surname first: one finding each
    ("From: Priya Raman\nTo: 'Ben Okoro'\nCc: M. Thistlewood; ADEBAYO, Tunde",
     ["Priya Raman", "Ben Okoro", "M. Thistlewood", "ADEBAYO, Tunde"]),
    ("Cc: Licensing Team <licensing@lbn.internal>; FOI Requests; Jo Bell-Hinds", ["Jo Bell-Hinds"]),
])
def test_names_in_email_header_lines(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Yours sincerely,\n\nOLUWASEUN ADEYEMI\nHEAD OF LEGAL SERVICES", ["OLUWASEUN ADEYEMI"]),
    ("Signed\n\nDECLAN O'SULLIVAN\nInterim Director of Place", ["DECLAN O'SULLIVAN"]),
    ("Kind regards\nThandiwe Mbeki-Nkosi", ["Thandiwe Mbeki-Nkosi"]),
    ("Many thanks,\nJ. R. Featherstonehaugh", ["J. R. Featherstonehaugh"]),
    ("Best wishes\n\nFfion ap Rhys\nLicensing Manager", ["Ffion ap Rhys"]),
    ("AUTHOR: SIOBHAN NÍ BHRIAIN, HEAD OF LICENSING", ["SIOBHAN NÍ BHRIAIN"]),
    ("Contact officer: FRANCESCA DE LA CRUZ", ["FRANCESCA DE LA CRUZ"]),
])
def test_names_in_signature_blocks_and_in_capitals(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text", [
    "PUBLIC HEALTH\nSenior Officer",
    "EXECUTIVE SUMMARY\nLicensing Team Leader",
    "Regards\nThe Licensing Team",
])
def test_headings_and_teams_in_signature_blocks_are_no_names(text):
    assert found(text) == []


def test_a_table_row_above_a_job_cell_is_no_signature_block():
    text = "Name Role\nHazel Quist Paramedic\nSoren Lindqvist Emergency Medical \nTechnician\n"
    assert "Soren Lindqvist Emergency Medical" not in redacted(text)


@pytest.mark.parametrize("text, name, reason", [
    ("Signed: Cllr Desmond Achebe-Lyle\nLeader of the Council", "Desmond Achebe-Lyle", "Leader of the Council"),
    ("Councillor Barnaby Quist, Cabinet Member for Environment and Transport, approved it.", "Barnaby Quist",
     "Cabinet Member for Environment and Transport"),
])
def test_an_office_holder_signing_or_named_with_a_title_is_kept_without_the_title(text, name, reason):
    assert [(t, m.decision.reason) for m in find_in_text(text, policy=POLICY) if m.type in ("PERSON", "SIGNATURE")
            for t in [" ".join(text[m.start:m.end].split())]] == [(name, f"named office holder: {reason}")]


def test_international_numbers_in_a_list_are_each_found():
    numbers = ["+39 02 1234 5678", "+420 212 345 678", "+63 2 8123 4567", "+370 5 555 0123", "+27 21 555 0198",
               "+46 8 123 456 79", "00 353 21 910 0456", "+1 (303) 555-0147", "0161 496 0123"]
    assert redacted("Tel: " + ", ".join(numbers) + ".", "PHONE_NUMBER") == numbers


@pytest.mark.parametrize("text, address", [
    ("Contact jo.bell @ council.gov.uk today", "jo.bell @ council.gov.uk"),
    ("Contact jo.bell@ council.gov.uk today", "jo.bell@ council.gov.uk"),
    ("Write to ops@[10.0.0.1] now", "ops@[10.0.0.1]"),
    ('Write to "jo bell"@example.com now', '"jo bell"@example.com'),
    ("E: ølund.søren@kbh.invalid; next", "ølund.søren@kbh.invalid"),
    ("Mail zoë.brontë@bücher.example today", "zoë.brontë@bücher.example"),
])
def test_anything_shaped_like_an_email_address(text, address):
    assert redacted(text, "EMAIL_ADDRESS") == [address]


@pytest.mark.parametrize("text", ["The rate was 5 @ council.gov.uk", "meet @ 10.30 in room 4. Prices @ 3.50 each.",
                                  "See x @ y."])
def test_not_email_addresses(text):
    assert found(text, "EMAIL_ADDRESS") == []


@pytest.mark.parametrize("text, expected", [
    # a surname no word is (double-barrelled, particles, letters beyond ASCII) is the person wherever it stands
    ("The referral was made by Marisol Ventura-\nBlackwood on 3 May and Ventura-Blackwood later confirmed it.",
     ["Marisol Ventura- Blackwood", "Ventura-Blackwood"]),
    ("Report author: Tomasz Wiśniewski\nThe figures of Wiśniewski were checked.", ["Tomasz Wiśniewski", "Wiśniewski"]),
    # ... but a plain surname alone needs more ("Cooper Lane depot" is a place)
    ("The Cooper Lane depot was inspected by Mr Cooper.", ["Cooper"]),
    # a firm or place named after a person of the paper is not another person
    ("His adviser, Jonas Lindqvist of Lindqvist Law, can be reached today.", ["Jonas Lindqvist"]),
])
def test_a_surname_spreads_only_where_it_is_the_person(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text", [
    "Flights from Northolt Aerodrome and Elmstead Crematorium were discussed.",
    "The Brandon Viaduct and Kemble Barracks are listed.",
])
def test_places_named_after_people_or_places(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected_redacted, expected_kept", [
    # a post named like a police chief rank is the post, also where the bare word comes back later
    ("The Transport Commissioner, Orla Penhaligon, presented it. Commissioner Penhaligon said fares rise.",
     ["Orla Penhaligon", "Penhaligon"], []),
    ("The Borough Commander, Jo Quennell, and Commander Ruth Ibbotson attended.", ["Jo Quennell"], ["Ruth Ibbotson"]),
    ("At the Metropolitan Police, Deputy Commissioner Hattie Brannock agreed.", [], ["Hattie Brannock"]),
    # ... but not in a paper that never mentions police (a language or information commissioner's deputy)
    ("Deputy Commissioner Hattie Brannock agreed.", ["Hattie Brannock"], []),
])
def test_a_post_named_like_a_chief_officer_rank(text, expected_redacted, expected_kept):
    assert redacted(text) == expected_redacted
    assert kept(text) == expected_kept


@pytest.mark.parametrize("text, expected", [
    ("Attendees: Okafor, Jane (Chair); Brennan, Liam; Achterberg, Ilse (minutes)",
     ["Okafor, Jane", "Brennan, Liam", "Achterberg, Ilse"]),
    ("Present: Cllr Jo Quennell (Chair), Cllr Sam Greenhalgh and Ms Ann Leveson",
     ["Jo Quennell", "Sam Greenhalgh", "Ann Leveson"]),
    ("In attendance: Licensing Team; Democratic Services", []),
    ("FAO: Ms Temperance Oduya. Attn: Rufus Hale-Crane. Dear Ms Oduya,", ["Temperance Oduya", "Rufus Hale-Crane",
                                                                          "Oduya"]),
    ("STATEMENT OF MR BARNABY QUILTER-ROSS", ["BARNABY QUILTER-ROSS"]),
    ("Mr D'Arcy-Fenwick and Ms McDONALD spoke.", ["D'Arcy-Fenwick", "McDONALD"]),
    ("Head of Enforcement: Ifeoma Nwachukwu-Baines\nLegal: Rosamund Quibell (Solicitor)\n",
     ["Ifeoma Nwachukwu-Baines", "Rosamund Quibell"]),
])
def test_lists_of_people_addressees_capitals_and_labelled_posts(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text, name", [
    ("Portfolio Holder: Cllr Gideon Farrow-Leigh", "Gideon Farrow-Leigh"),
    ("Dame Olwen Pryce DBE MP replied to the council.", "Olwen Pryce"),
])
def test_a_bare_portfolio_holder_and_an_mp_with_honours_are_kept(text, name):
    assert kept(text) == [name]


@pytest.mark.parametrize("text, expected", [
    ("Hope Achterberg will attend the panel. Anglian Water will reply. There is hope.", ["Hope Achterberg"]),
    ("It followed advice from Rev. Canon Ezekiel Obi.", ["Ezekiel Obi"]),
])
def test_a_name_acting_later_or_after_a_religious_title(text, expected):
    assert redacted(text) == expected


def test_a_signature_after_a_dotted_line():
    """A typed name with no office after it stays a signature (always redacted), as on the team's papers."""
    assert found("Signed …………………… Ptolemy Ravenscroft   Date ………", "SIGNATURE") == [
        ("Ptolemy Ravenscroft", "redact")]


def test_the_plural_of_a_job_is_no_surname():
    assert found("PCD 2003 Rape and Serious Sexual Offences Specialist Investigators") == []


@pytest.mark.parametrize("text, expected", [
    ("A notice went to Hollins Waste Management Ltd (trading as Hollins Skips), run by Mr Jethro Hollins.",
     ["Jethro Hollins"]),
    ("The notice went to Mr Jethro Hollins (trading as Hollins Brothers) yesterday.", ["Jethro Hollins"]),
    ("HMP Northmoor and HMYOI Cookham Wood replied; the Governor, Ms Ottoline Grange, agreed.", ["Ottoline Grange"]),
])
def test_trading_names_and_institutions_are_no_people(text, expected):
    assert redacted(text) == expected


def test_a_name_after_what_a_person_sends():
    text = ("A letter from Orlaith Brennock dated 3 May and an objection from Tancred Ollerenshaw, who lives nearby, "
            "were read. A reply from Northmoor Council and comments from Marley Tip Residents Association followed.")
    assert redacted(text) == ["Orlaith Brennock", "Tancred Ollerenshaw"]


def test_a_plural_title_before_a_list_of_surnames():
    text = "Cllrs Pettigrew and Ahmadi-Sloane voted against; Drs Quist, Obi and Varga agreed."
    assert redacted(text) == ["Pettigrew", "Ahmadi-Sloane", "Quist", "Obi", "Varga"]
