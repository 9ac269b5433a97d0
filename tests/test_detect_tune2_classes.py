"""Table-driven tests of the error classes the issue-12 "tune2" set showed, written with other fictional
people and wording than the set's: a nursing title, a month as a first name acting at a clause start,
more surname particles ("van 't", "zu", "ud-"), a name wrapped after a title at a line end, a particle at a
line end, an office placed "at" its body, a portfolio in brackets before the name, a typed name on a
signature line with the signer's office, a first name signing off, e-mail headers printed inline, a
domain broken before a hyphen, a number in brackets with a trunk "(0)", job words that lead or follow a
name in a table, places named after a person of the paper, and "M." for Monsieur."""

import pytest

from tests.detect_found import found, redacted, kept


@pytest.mark.parametrize("text, expected", [
    ("Sister Ó Maolalaidh runs the clinic on Rowan Ward.", ["Ó Maolalaidh"]),
    ("The Ward Manager, Ms June Abernathy-Quaye, will report; June has asked for more staff.",
     ["June Abernathy-Quaye", "June"]),
    ("Dr Maartje van 't Veld chaired. Later Dr van 't Veld agreed.", ["Maartje van 't Veld", "van 't Veld"]),
    ("DS Lorenz zu Waldeck and Dr Amir ud-Daula Rahman attended.", ["Lorenz zu Waldeck", "Amir ud-Daula Rahman"]),
    ("Co-investigators: Prof \nOctavian\nAdeyemi-Strand and others.", ["Octavian Adeyemi-Strand"]),
    ("Members: Cllr Idony de\nVilliers. Legal adviser: Ms Petra Quade.", ["Idony de Villiers", "Petra Quade"]),
])
def test_titles_particles_months_and_wrapped_names(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text, name", [
    ("the letter from the Lead Member for Children's Services at Marlow Vale District \nCouncil, Cllr Ione "
     "Featherby-Scott, is noted.", "Ione Featherby-Scott"),
    ("The Gold commander was the Assistant Chief Constable (Crime), Ottilie \nMarchbanks, and others.",
     "Ottilie Marchbanks"),
    ("Signature: Lysander Quayle-Obi (Mayor of London). Date: 3 May 2027", "Lysander Quayle-Obi"),
])
def test_office_holders_placed_at_a_body_with_a_portfolio_or_signing_are_kept(text, name):
    assert kept(text) == [name]
    assert redacted(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Signed: Perpetua Hollingdrake (Chair). Date: 8 March 2028", ["Perpetua Hollingdrake"]),
    ("Signed: Ambrose Kettleborough, Chair of the Panel. Date: 26 April 2027.", ["Ambrose Kettleborough"]),
])
def test_a_typed_name_with_an_office_on_a_signature_line_is_a_name(text, expected):
    assert redacted(text) == expected
    assert found(text, "SIGNATURE") == []


@pytest.mark.parametrize("text", ["Signed: K Brennan", "Signature\nMrguerte Oylrn.\nDate 9/3/2021"])
def test_initials_or_a_squiggle_stay_a_signature(text):
    assert len(found(text, "SIGNATURE")) == 1


def test_headers_printed_inline_and_a_first_name_signing_off():
    text = ('The Head of HR, Cordelia Umberfield, wrote: "Please send it. Regards, Cordelia."\n'
            "From: Barnabas Ilkley-Moss <b.ilkley@corp.example> (Head of Estates) To: \n"
            "estates.office@corp.example. Sent: 15 March 2027 16:40.\n"
            "From: DCI Hartmut zu Eltz <h.eltz@police.example> To: Barnabas Ilkley-Moss. Sent: 17 March.")
    assert redacted(text) == ["Cordelia Umberfield", "Cordelia", "Barnabas Ilkley-Moss", "Hartmut zu Eltz",
                              "Barnabas Ilkley-Moss"]


@pytest.mark.parametrize("text", ["The period From: 1 April To: 31 March applies.",
                                  "Signed decision: From: Licensing Team To: All Members."])
def test_no_names_in_header_shaped_dates_or_teams(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Jo Bell Head of Audit +44 (0)1632 960 285 caspian.bell@marches\n-audit.corp\n", "caspian.bell@marches-audit.corp"),
])
def test_an_address_broken_before_a_hyphen(text, expected):
    assert [t.replace(" ", "") for t in redacted(text, "EMAIL_ADDRESS")] == [expected]


def test_a_number_in_brackets_with_a_trunk_zero_broken_over_a_line():
    text = "Correspondence from Mme Ysolde Pertuis (+33 (0)1 99 00 83\n16), and from the clerk."
    assert redacted(text, "PHONE_NUMBER") == ["+33 (0)1 99 00 83 16"]


@pytest.mark.parametrize("text, expected", [
    ("Name Job title\nPerdita Ashworth-Quinn Treasurer 0115 496 0642\n", ["Perdita Ashworth-Quinn"]),
    ("Drafting officer Oriel Fantham Drafted, 22\nSeptember 2027\n", ["Oriel Fantham"]),
    ("Name Role\nProf Tobias bin Harun External\nreviewer\n+65 6123 4567\n", ["Tobias bin Harun"]),
])
def test_job_and_status_words_beside_a_name_in_a_table_are_not_the_name(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The drones fly from Quenby Lodge police station; PS Quenby is not named.", ["Quenby"]),
    ("Write to Force Headquarters, Quenby Lodge. PS Quenby replied.", ["Quenby"]),
])
def test_a_place_named_like_a_person_of_the_paper_is_a_place(text, expected):
    assert redacted(text) == expected


def test_monsieur_is_a_title_not_an_initial():
    text = "Correspondence from the Mayor of Vaudreuil, M. Anselme Boisvert-Lacoste, was noted."
    assert kept(text) == ["Anselme Boisvert-Lacoste"]


def test_a_number_wrapped_inside_its_digits_by_a_narrow_cell():
    text = "Democratic Services\nOfficer\n0163296042\n7\nkwame@x.internal"
    assert redacted(text, "PHONE_NUMBER") == ["0163296042 7"]
    assert redacted("the desk 020 7946 0571\n2. The custody suite", "PHONE_NUMBER") == ["020 7946 0571"]


def test_a_name_wrapped_word_by_word_in_a_narrow_cell():
    text = ("Assistant Director,\nHousing Delivery\nTatenda\nMakoni\nApproved (020) 7946 0622\n"
            "Chief Finance\nOfficer\nLeopold\nAsante-Firth\nApproved 02079460641\n")
    assert redacted(text) == ["Tatenda Makoni", "Leopold Asante-Firth"]
    assert redacted("The Council\nagreed.\nKingsmere\nTown\n020 7946 0111\n") == []


@pytest.mark.parametrize("text, expected", [
    ("Dr Rahim ud-Daula Bhatti attended.\nRahim ud-Daula Bhatti, Committee \nmember (clinical)",
     ["Rahim ud-Daula Bhatti", "Rahim ud-Daula Bhatti"]),
    ("Hearing held in the Elgar Room, Civic Offices,\nAshcombe. The contractor, Okonjo-Hale Door Services, "
     "replied. Mr Okonjo-Hale said so.", ["Okonjo-Hale"]),
])
def test_a_joined_particle_spreads_and_offices_and_services_are_no_names(text, expected):
    assert redacted(text) == expected


def test_a_numbered_row_after_a_number_is_not_its_digits():
    text = "Western Australia)\n00 61 8 5550 3921\n9 Mr Ifan Mostyn none given\n"
    assert redacted(text, "PHONE_NUMBER") == ["00 61 8 5550 3921"]


def test_initials_signed_above_an_office_stay_a_signature():
    assert found("Signed: A Quennell\nLondon Fire Commissioner\nDate: 02/03/2026", "SIGNATURE") == [
        ("A Quennell", "redact")]
