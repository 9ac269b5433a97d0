"""Table-driven tests of the error classes the issue-12 "sealed" set showed when it was measured once,
written with other fictional people and wording than the set's: a given name and a double-barrelled surname
with uncommon parts (after a day word as a given name too), the surname alone after a job title in a table;
particles written apart (Welsh "ap", Irish "Mac", "Mac an", "Mac Giolla" broken over a line); a name after a
foreign title ("Sig."); a name read on into the next row of a table; fire and prison rank abbreviations
("Stn Mgr", "Grp Cdr", "Gov"); a name in apposition to a post read on into a heading; a word as a first
name between a title and a known surname; an office holder's role on the line after the name; a first
name signing off when the address keeps one part of the surname; a name wrapped inside a word in a narrow
cell; and the false alarms: a table heading, a job title in a row that names its person, a unit of an
area in capitals, a foreign company suffix, a prison's name and a functional mailbox."""

import pytest

from tests.detect_found import redacted, kept


@pytest.mark.parametrize("text, expected", [
    # a given name and a double-barrelled surname with uncommon parts, in prose, broken over a line too
    ("The night rota is covered by PSO Ysolde \nThackwray-Obuya and others.", ["Ysolde Thackwray-Obuya"]),
    ("Investigating officer: Dorian O'Meara-Sandoval of Larkspur Governance Ltd.", ["Dorian O'Meara-Sandoval"]),
    ("The review was led by the finance lead, Wednesday Kettering-Adjei, who briefs members on Wednesday.",
     ["Wednesday Kettering-Adjei"]),
    # the surname alone after a job title in a table row, the full name later in prose
    ("Band Vacancies Recruiting manager\nDistrict Nurse 6 3.2 Matron Farrow-Umeadi\n"
     "Staff Nurse 5 8.0 Matron Farrow-Umeadi\nHealth Visitor 6 2.1 HV Osric Ní Bhaoill\n"
     "Matron Clementine Farrow-Umeadi leads adult community nursing.",
     ["Farrow-Umeadi", "Farrow-Umeadi", "Osric Ní Bhaoill", "Clementine Farrow-Umeadi"]),
])
def test_a_given_name_and_a_double_barrelled_surname_is_a_name(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Both teams are led by DN Gwion ap Tudur (Wrexham). DN ap Tudur's team uses EMIS.",
     ["Gwion ap Tudur", "ap Tudur"]),
    ("Yours sincerely,\nFiachra Mac Ruairí, Disclosure Team", ["Fiachra Mac Ruairí"]),
    ("the panel chair, Eoghan Mac an Fhailghigh, said so.", ["Eoghan Mac an Fhailghigh"]),
    ("Advice was given by the deputy, Mr \nCathal Mac Giolla\nEaspaig.\n4. Legal advice",
     ["Cathal Mac Giolla Easpaig"]),
])
def test_particles_written_apart(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text", [
    "An Apple Mac Pro and a Dell laptop were bought.",
    "The Mac Mini in the office was replaced.",
])
def test_mac_as_a_computer_is_no_name(text):
    assert redacted(text) == []


@pytest.mark.parametrize("text, expected", [
    # a foreign title with a dot, the name broken over a line after it
    ("our supplier's engineer in Turin, Sig. Ottavio \nSpadaccini (+39 011 1234 567), can confirm it.",
     ["Ottavio Spadaccini"]),
    ("The quote came from Dott.ssa Benedetta Roncalli.", ["Benedetta Roncalli"]),
    # fire and prison ranks abbreviated word by word stay outside the name (and are never a name)
    ("Option Description Cost Officer who assessed it\nA Repair the rig £0.42m Stn Mgr Cathal O'Dwyer\n"
     "B Replace the rig £1.10m Grp Cdr Idris Penhallow\n", ["Cathal O'Dwyer", "Idris Penhallow"]),
    ("The Governor, Rosalind \nHatherway-Obi, wrote on 2 May; Gov Hatherway-Obi's letter is enclosed.",
     ["Rosalind Hatherway-Obi", "Hatherway-Obi"]),
])
def test_foreign_titles_and_rank_abbreviations(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a row of figures on the next line ends the name
    ("Month Visits Cancelled Visits manager\nMarch 2029 1,012 40 CM Pendarves\nMay 2029 1,090 22 CM Pendarves\n",
     ["Pendarves", "Pendarves"]),
    # a name in apposition to a post, read on over line breaks into a heading, is cut at the name
    ("on behalf of the Monitoring Officer, Ignatius\nMbakwe\nContacts (not for publication)\n",
     ["Ignatius Mbakwe"]),
    # a word as a first name between a title and a surname known from elsewhere
    ("Practitioner 8a 2.0 ANP Rowan Castellanos\nMr Castellanos leads the team.",
     ["Rowan Castellanos", "Castellanos"]),
    # a name wrapped inside a word in a narrow cell, with no hyphen at the break
    ("Cllr Aurelio Vantongeren-Hale is the subject member.\nName Role\nCllr Aurelio V\nantongeren-Hale\nSubject",
     ["Aurelio Vantongeren-Hale", "Aurelio V antongeren-Hale"]),
])
def test_names_in_tables_and_wrapped(text, expected):
    assert redacted(text) == expected


def test_a_first_name_signs_off_when_the_address_keeps_one_part_of_the_surname():
    text = ("Interviews were held with Mr Evander de Lacy-Prowse.\nFrom: Evander de Lacy-Prowse "
            "<evander.delacy@riverside.corp>\nThe timeline can be confirmed. Regards, Evander")
    assert redacted(text) == ["Evander de Lacy-Prowse", "Evander de Lacy-Prowse", "Evander"]


def test_an_office_holder_with_the_role_on_the_next_line_before_more_text_is_kept():
    text = ("delegates the award to the Director of Training.\nPercival Ashdown-Mensah\n"
            "London Fire Commissioner. This decision was signed on 3 June 2029")
    assert kept(text) == ["Percival Ashdown-Mensah"]
    assert redacted(text) == []


@pytest.mark.parametrize("text", [
    "Option Description Cost Officer who assessed it\nA Repair the rig £0.42m\n",
    "Tissue Viability Nurse Specialist 7 1.0 Sister Philippa Ormerod",
    "ENVIRONMENT AGENCY: THAMES AREA\nEnforcement undertaking decision",
    "Quotes came from Ceardlann Innealtóireachta Teo (Cork) and Gwaith Dur Cymru Cyf (Bala).",
    "visits at HMP Lindholme\nThe booking line is visits.lindholme@hmpps.corp for families.",
])
def test_table_headings_units_firms_and_prisons_are_no_names(text):
    assert [t for t in redacted(text) if t not in ("Philippa Ormerod",)] == []
