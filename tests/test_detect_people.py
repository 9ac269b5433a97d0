"""Table-driven tests of names on plain text: ranks of other services, acting ranks, names written in
every script UK papers use, hyphenated and place-like surnames, contact lines, roles beside names, and the
spread of a decision to possessives and first names. Each row is one way a paper can be written; the
QA papers in tests/fixtures/papers (qa_*) are the same defects in whole documents."""

import pytest

from redaction.detect import find_in_text
from redaction.policy import load_policy
from tests.detect_eval import TEST_POLICY

POLICY = load_policy(TEST_POLICY)
BELOW = "police officer below chief officer rank"


def people(text):
    return [(" ".join(text[m.start:m.end].split()), m.decision.action, m.decision.reason)
            for m in find_in_text(text, policy=POLICY) if m.type == "PERSON"]


def names(text):
    return [t for t, _, _ in people(text)]


@pytest.mark.parametrize("text, name, action, reason", [
    # fire, military and command roles that contain "Commander" are not the police chief rank
    ("The trials were led by Group Commander Owain Pritchard last year.", "Owain Pritchard", "redact",
     "Group Commander: not a police chief officer rank"),
    ("Station Commander Grace Adeyemi-Cole collected feedback.", "Grace Adeyemi-Cole", "redact",
     "Station Commander: not a police chief officer rank"),
    ("Report author: Watch Commander Tom Ellery, telephone", "Tom Ellery", "redact",
     "Watch Commander: not a police chief officer rank"),
    ("Borough Commander Ruth Okoye chairs the board.", "Ruth Okoye", "redact",
     "Borough Commander: not a police chief officer rank"),
    ("a briefing from Wing Commander Ian Strachan of the RAF", "Ian Strachan", "redact",
     "Wing Commander: not a police chief officer rank"),
    ("The Regional Commander Jo Feltham agreed.", "Jo Feltham", "redact",
     "Regional Commander: not a police chief officer rank"),
    ("Watch Manager Liam O'Connell collected crew feedback.", "Liam O'Connell", "redact",
     "Watch Manager: not a police chief officer rank"),
    ("Firefighter Dan Wolsey attended.", "Dan Wolsey", "redact", "Firefighter: not a police chief officer rank"),
    # a chief officer acting in role is kept; a bare Commander still is
    ("Acting Commander Felix Armitage chairs the gold group.", "Felix Armitage", "keep",
     "police chief officer: Commander"),
    ("Oversight by T/Commander Ayo Bright and others.", "Ayo Bright", "keep", "police chief officer: Commander"),
    ("Commander Saoirse Donnelly is the chief officer lead.", "Saoirse Donnelly", "keep",
     "police chief officer: Commander"),
    ("The lead is MPS Commander Rhys Holloway.", "Rhys Holloway", "keep", "police chief officer: Commander"),
    # police staff, specials and temporary or acting ranks below chief officer
    ("Pilots include PCSO Nadia Farouk today.", "Nadia Farouk", "redact", BELOW),
    ("and Special Constable Wojciech Nowak flew", "Wojciech Nowak", "redact", BELOW),
    ("supported by T/DCI Gareth Lloyd-Evans and others", "Gareth Lloyd-Evans", "redact", BELOW),
    ("with A/Supt Oluwaseun Adebayo as lead", "Oluwaseun Adebayo", "redact", BELOW),
    ("A/DI Kerry Mott reviewed it.", "Kerry Mott", "redact", BELOW),
    ("Temporary Detective Superintendent Adewale Coker trains them.", "Adewale Coker", "redact", BELOW),
    ("Detective Chief Inspector Priya Raman is the SIO.", "Priya Raman", "redact", BELOW),
    ("Chief Inspector Mairead Quinlan leads the response.", "Mairead Quinlan", "redact", BELOW),
    ("Inspector Tobias Fairweather runs the teams.", "Tobias Fairweather", "redact", BELOW),
    ("with Sergeant Kieran McBride running arrests", "Kieran McBride", "redact", BELOW),
    ("Police Sergeant Bethan Rees-Morgan delivers it.", "Bethan Rees-Morgan", "redact", BELOW),
    ("Detective Constable Esi Boateng was deployed.", "Esi Boateng", "redact", BELOW),
    ("Detective Sergeant Callum Hargreaves was deployed.", "Callum Hargreaves", "redact", BELOW),
    ("Detective Inspector Lena Hart was deployed.", "Lena Hart", "redact", BELOW),
    ("Detective Chief Superintendent Omar Said leads.", "Omar Said", "redact", BELOW),
    ("Chief Superintendent Deborah Okwuosa of Met Detention", "Deborah Okwuosa", "redact", BELOW),
    ("with Superintendent Anton Ferreira as lead", "Anton Ferreira", "redact", BELOW),
    ("Report author: Marcus Oyelowo-Grant, Chief Inspector, 020 7946 0307", "Marcus Oyelowo-Grant", "redact",
     BELOW),
])
def test_ranks(text, name, action, reason):
    assert people(text) == [(name, action, reason)]


@pytest.mark.parametrize("text, expected", [
    # letters beyond ASCII, and the box a standard font draws for a letter it lacks
    ("overseen by the Head of Finance, Tomasz Wiśniewski. The Chief", ["Tomasz Wiśniewski"]),
    ("overseen by the Head of Finance, Tomasz Wi■niewski. The Chief", ["Tomasz Wi■niewski"]),
    ("Contact: Siobhán Ní Bhriain, Programme Manager, by e-mail", ["Siobhán Ní Bhriain"]),
    ("Report author Siobhán Ní Bhriain\nHead of Procurement Kwabena Ashworth-Lyle\n",
     ["Siobhán Ní Bhriain", "Kwabena Ashworth-Lyle"]),
    ("Report author: Seán Ó Súilleabháin\nLater Mr Ó Súilleabháin said so.",
     ["Seán Ó Súilleabháin", "Ó Súilleabháin"]),
    ("Contact: Ana de Souza, analyst\nMs de Souza will reply.", ["Ana de Souza", "de Souza"]),
    ("Report by Zoë Łukasiewicz-Brontë on Monday.", ["Zoë Łukasiewicz-Brontë"]),
    ("Contact: José Núñez, 020 7946 0111", ["José Núñez"]),
    ("The report had help from Aoife Ní Fhaoláin and Dara Ó Briain in the team.",
     ["Aoife Ní Fhaoláin", "Dara Ó Briain"]),
    ("Tomasz Wi■niewski attended the board. Later Mr Wi■niewski agreed.", ["Tomasz Wi■niewski", "Wi■niewski"]),
    ("Rhiannon O’Neill drafted it. Ms O’Neill’s team reviewed it.", ["Rhiannon O’Neill", "O’Neill"]),
    # hyphenated names after "by" in prose, and a place as a surname after a contact label
    ("supported by Ines Carvalho-Duarte of MOPAC Digital.", ["Ines Carvalho-Duarte"]),
    ("The lowest applicant, represented by Marcus Beattie-Henderson, was told.", ["Marcus Beattie-Henderson"]),
    ("The panel was chaired by Kwabena Ashworth-Lyle. Prices follow.", ["Kwabena Ashworth-Lyle"]),
    ("Out of hours: Ines Carvalho-Duarte, m. 07700 900678", ["Ines Carvalho-Duarte"]),
    ("Programme office: Olamide Sutton, Mob:07700900219", ["Olamide Sutton"]),
    ("Duty officer: Kemi Harrow (weekends)", ["Kemi Harrow"]),
    ("Project team: Ruth Kingston, 020 7946 0199", ["Ruth Kingston"]),
    # names in capitals, and surnames that are also words for places
    ("Training is designed by KATHERINE O'BRIEN-WALSH (Night Time Economy Lead)", ["KATHERINE O'BRIEN-WALSH"]),
    ("Report author: Sarah Hall\nMs Hall presented.", ["Sarah Hall", "Hall"]),
    ("Contact: Jane Day, Finance\nJane Day agreed.", ["Jane Day", "Jane Day"]),
])
def test_names_as_written(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    # things named after people
    "The Mayor launched Round 1 on Stephen Lawrence Day in April 2024.",
    "grantees include the Stephen Lawrence Day Foundation and others",
    "the annual Mary Seacole Lecture was held",
    "Projects run along the Elizabeth line and the Victoria line between King's Cross and Brixton.",
    "The Kiyan Prince Award was presented at the Jack Petchey Foundation.",
    "in the Florence Nightingale Building of the hospital",
    # labels on the next line, subjects and places after labels
    "Lead Member: Cabinet Member for Finance and Property\nWards affected: Beddington; Wallington North",
    "Title: Disposal of the Former Depot at Beddington Lane",
    "Location: Tower Hamlets\nVenue: Canary Wharf",
    "support from Rape Crisis South London and the Havens",
    "delivered by Transport for London and funded by Sutton Council.",
    "funded by Tower Hamlets, Waltham Forest and Barking and Dagenham.",
    "led by Operation Orochi and Op Bluestone in the Crime and Disorder Act 1998 area",
    "Each Sergeant and Inspector in a Safer Schools team; Chief Inspectors brief their Superintendent.",
    "The Chief Finance Officer, the Chief Executive and the Director of Strategy have reviewed it.",
    "| Approved by | Executive Director of Housing and Land |",
    "Supplier Price\nSupplier A £598,000",
    # firms named after their founders, and council roles written like names
    "The valuation was prepared by Knight Frank and reviewed by Grant Thornton.",
    "The works were designed by Mott MacDonald; legal advice by Sharpe Pritchard LLP.",
    "The report was approved by Cabinet Member for Housing.",
    "Author: Finance Business Partner",
    "An Apple Mac Pro and a Dell laptop were bought.",
])
def test_not_names(text):
    assert names(text) == []


@pytest.mark.parametrize("text, expected", [
    # the name without the label on the next line, the letters after it, or the possessive
    ("Name: Tamsin Achebe-Ward\nPosition: Deputy Mayor for Policing and Crime\nDate: 11/02/2027",
     [("Tamsin Achebe-Ward", "keep", "named office holder: Deputy Mayor for Policing and Crime")]),
    ("with valuation advice from Gideon Marchetti MRICS.\nLater Mr Marchetti agreed.",
     [("Gideon Marchetti", "redact", "person's name"), ("Marchetti", "redact", "person's name")]),
    ("Contact: Jo Bell OBE, Chair\nand Dr Alan Pryce PhD FRSA advised.",
     [("Jo Bell", "redact", "person's name"), ("Alan Pryce", "redact", "person's name")]),
    # a roster role beside the name keeps it, wherever it is written
    ("Mayor of London\nName Julian Abernethy\nSignature J Abernethy\nDate 19/02/2027",
     [("Julian Abernethy", "keep", "named office holder: Mayor of London")]),
    ("developed with the Deputy Mayor, Policing and Crime, Tamsin \nAchebe-Ward, and the Night Czar",
     [("Tamsin Achebe-Ward", "keep", "named office holder: Deputy Mayor for Policing and Crime")]),
    ("The Mayor of London, Julian Abernethy, launched it.",
     [("Julian Abernethy", "keep", "named office holder: Mayor of London")]),
    ("Name: Jo Bell\nPosition: Head of Estates\nDate: 11/02/2027", [("Jo Bell", "redact", "person's name")]),
])
def test_names_with_labels_letters_and_roles(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # possessives of a redacted person
    ("Legal adviser: Rhiannon O'Neill\nThe assessment was done by Ms O'Neill's team.",
     ["Rhiannon O'Neill", "O'Neill"]),
    ("marketed by Alexandra Petrov-Lewis, Head of Property. Events by Ms Petrov-Lewis’s team.",
     ["Alexandra Petrov-Lewis", "Petrov-Lewis"]),
    ("Contact: Rhiannon O'Neill\nRHIANNON O'NEILL's report", ["Rhiannon O'Neill", "RHIANNON O'NEILL"]),
    # a first name alone as the subject of a verb
    ("The SIO is DCI Priya Raman. DCI Raman reports that 214 lines were closed. Priya has asked for more.",
     ["Priya Raman", "Raman", "Priya"]),
    ("Trainer one: Obinna Fairclough.\nIn the pilot, Obinna said it worked.", ["Obinna Fairclough", "Obinna"]),
    # ... but not a first name that is also a word, one two people share, or one not acting
    ("Contact: Grace Whitlow\nGrace has been shown to the applicants.", ["Grace Whitlow"]),
    ("Contact: Will Carter\nWill has to be written by June.", ["Will Carter"]),
    ("Contact: Priya Raman\nContact: Priya Shah\nPriya has asked for more.", ["Priya Raman", "Priya Shah"]),
    ("Contact: Priya Raman\nThe Priya Centre opened.", ["Priya Raman"]),
])
def test_spread(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, number", [
    ("or by telephone on 020 7946 0999 (ext 2231).", "020 7946 0999 (ext 2231)"),
    ("telephone 020 7946 0123 ext. 4567\nProcurement", "020 7946 0123 ext. 4567"),
    ("call 020 7946 0123 extn 12 today", "020 7946 0123 extn 12"),
    ("call 020 7946 0123 x2231 today", "020 7946 0123 x2231"),
    ("mobile 07700-900-123, or", "07700-900-123"),
    ("from abroad +44 7700 900456.", "+44 7700 900456"),
    ("Mob:07700900219", "07700900219"),
])
def test_phone_extensions_and_forms(text, number):
    phones = [text[m.start:m.end] for m in find_in_text(text, policy=POLICY) if m.type == "PHONE_NUMBER"]
    assert phones == [number]


@pytest.mark.parametrize("text, expected", [
    ("Questions to jose.nunez@example.gov.uk. The work of José Núñez was praised; JOSÉ NÚÑEZ agreed.",
     ["José Núñez", "JOSÉ NÚÑEZ"]),
    ("Write to aoife.nifhaolain@london.gov.uk. Aoife Ní Fhaoláin ran it.", ["Aoife Ní Fhaoláin"]),
    ("E-mail zoe.lukasiewicz@example.gov.uk or ask Zoë Łukasiewicz at the desk.", ["Zoë Łukasiewicz"]),
    ("Write to lukasz.wojcik@corp.local or ask Łukasz Wójcik at the desk.", ["Łukasz Wójcik"]),
    ("Write to radoslaw.kaminski@uni.internal; Radosław Kamiński replies.", ["Radosław Kamiński"]),
])
def test_a_name_known_from_an_email_is_found_as_written_without_ner(text, expected):
    got = [" ".join(text[m.start:m.end].split()) for m in find_in_text(text, policy=POLICY, ner=False)
           if m.type == "PERSON"]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # a surname alone after a rank or role abbreviation: fire ranks, chief constables, and any
    # abbreviation before the surname of someone the paper names in full
    ("WM Jones attended the fire.", [("Jones", "redact", "Watch Manager: not a police chief officer rank")]),
    ("GC Patel led the crews.", [("Patel", "redact", "Group Commander: not a police chief officer rank")]),
    ("CM Smith and SM Brown attended.", [("Smith", "redact", "Crew Manager: not a police chief officer rank"),
                                        ("Brown", "redact", "Station Manager: not a police chief officer rank")]),
    ("DS Okafor and PC Bell attended.", [("Okafor", "redact", BELOW), ("Bell", "redact", BELOW)]),
    ("Cllr Hussain spoke.", [("Hussain", "redact", "person's name")]),
    ("ACC Ken Wall said", [("Ken Wall", "keep", "police chief officer: Assistant Chief Constable")]),
    ("Report author: Priya Raman\nThe SIO Raman reported. CSM Raman agreed.",
     [("Priya Raman", "redact", "person's name"), ("Raman", "redact", "person's name"),
      ("Raman", "redact", "person's name")]),
    # lower-case particles
    ("Mr el-Masri spoke.", [("el-Masri", "redact", "person's name")]),
    ("Ms van der Berg spoke.", [("van der Berg", "redact", "person's name")]),
    ("Dr de la Cruz spoke.", [("de la Cruz", "redact", "person's name")]),
    ("Contact: Karim al-Hashimi, 020 7946 0123", [("Karim al-Hashimi", "redact", "person's name")]),
    # a first name that is also a month or a word is part of the name; a month in a date is not
    ("Contact: June Hartley, Finance", [("June Hartley", "redact", "person's name")]),
    ("The report by June Hartley was good.", [("June Hartley", "redact", "person's name")]),
    ("The review by Dr May Lin is due on 3 May.", [("May Lin", "redact", "person's name")]),
    ("Will Bright attended the meeting.", [("Will Bright", "redact", "person's name")]),
    ("Contact: April Stone, Finance", [("April Stone", "redact", "person's name")]),
    ("Since June Ms Hartley has led it.", [("Hartley", "redact", "person's name")]),
    # a double-barrelled or untitled name broken by a line-end hyphen or a line break
    ("The plan was drafted by Tamsin Achebe-\nWard and others.", [("Tamsin Achebe-Ward", "redact", "person's name")]),
    ("Report author: Tamsin Achebe-\nWard\n", [("Tamsin Achebe-Ward", "redact", "person's name")]),
    ("The work of Priya\nRaman was praised.", [("Priya Raman", "redact", "person's name")]),
    ("Contact: Priya\nRaman\n", [("Priya Raman", "redact", "person's name")]),
])
def test_abbreviations_particles_word_first_names_and_breaks(text, expected):
    assert [(n.replace("- ", "-"), a, r) for n, a, r in people(text)] == expected


@pytest.mark.parametrize("text, name, reason", [
    # office holders in role beyond the roster (the policy file's office_roles)
    ("The Mayor of Tower Hamlets, Lutfur Rahim, spoke.", "Lutfur Rahim", "Mayor of Tower Hamlets"),
    ("the Deputy Mayor, Marion Keble, said", "Marion Keble", "Deputy Mayor"),
    ("Deputy Mayor Marion Keble said", "Marion Keble", "Deputy Mayor"),
    ("the Minister for Crime and Policing, Chris Phelps, wrote", "Chris Phelps", "Minister for Crime and Policing"),
    ("the Home Secretary, Yvette Cooper, wrote", "Yvette Cooper", "Home Secretary"),
    ("Jo Bell MP wrote to the Mayor.", "Jo Bell", "Member of Parliament"),
    ("the Leader of the Council, Cllr Ruth Dombey, said", "Ruth Dombey", "Leader of the Council"),
    ("Cllr Ruth Dombey, Leader of the Council, said", "Ruth Dombey", "Leader of the Council"),
    ("Cllr Ruth Dombey (Cabinet Member for Housing) said", "Ruth Dombey", "Cabinet Member for Housing"),
    ("London Fire Commissioner Andy Roe said", "Andy Roe", "London Fire Commissioner"),
    ("Chief Fire Officer Dan Daly said", "Dan Daly", "Chief Fire Officer"),
    ("Chief Constable Jane Hollis said", "Jane Hollis", "Chief Constable"),
    ("Deputy Chief Constable Ken Wall said", "Ken Wall", "Deputy Chief Constable"),
    ("the Police and Crime Commissioner, Sam Doyle, said", "Sam Doyle", "Police and Crime Commissioner"),
    ("Name: Ruth Dombey\nPosition: Leader of the Council\nDate: 11/02/2027", "Ruth Dombey", "Leader of the Council"),
])
def test_office_holders_in_role_are_kept(text, name, reason):
    assert people(text) == [(name, "keep", f"named office holder: {reason}")]


@pytest.mark.parametrize("text, expected", [
    # a councillor or officer not acting in a listed office is redacted
    ("Cllr Jo Bell, ward councillor for Sutton Central, said", [("Jo Bell", "redact", "person's name")]),
    ("Jo Bell, Head of Finance, said", [("Jo Bell", "redact", "person's name")]),
    ("Report to the Mayor\nJo Bell, Head of Finance, said", [("Jo Bell", "redact", "person's name")]),
    # organisations and places that contain a name; a decision spreads to the person, not the word
    ("Contact: George Okafor\nStaff at St George's University Hospitals NHS Foundation Trust agreed.",
     [("George Okafor", "redact", "person's name")]),
    ("Contact: Jo Cooper\nThe Cooper Lane depot closes. Mr Cooper said so.",
     [("Jo Cooper", "redact", "person's name"), ("Cooper", "redact", "person's name")]),
    ("Contact: Ruth Northolt\nFlights from Northolt Aerodrome stopped.", [("Ruth Northolt", "redact", "person's name")]),
    ("Contact: Ben Kinsella-Hart\nThe Ben Kinsella Trust agreed.", [("Ben Kinsella-Hart", "redact", "person's name")]),
    ("Contact: Ian George\nThe Ian George Imaging Suite is open. Mr George agreed.",
     [("Ian George", "redact", "person's name"), ("George", "redact", "person's name")]),
    ("Wards affected: Cooper Lane; Abbey; Northolt Mandeville", []),
    ("The cross-border lead at An Garda Síochána agreed.", []),
    ("Report by: Assistant Commissioner, Operational Resilience.", []),
    ("Executive sponsor: Chief Medical Officer. Author: Jo Bell", [("Jo Bell", "redact", "person's name")]),
    # mixed-case acronyms and job titles in table cells
    ("Data from NaPTAN and DfT was used.", []),
    ("Post\nPrincipal Accountant\n020 7946 0111\n", []),
    ("Role\nConsultant Radiologist\nBand 8\n", []),
    ("Senior Practitioner\njo.bell@example.org\n", []),
])
def test_organisations_places_acronyms_and_job_titles(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a full name with the person's job after it: apposition, a table row read as one line, an MP
    ("MOPAC Legal (Kwabena Adjei-Mensah, Senior Lawyer) advises that", ["Kwabena Adjei-Mensah"]),
    ("London Councils (Ifeoma Nwachukwu-Barnes, Policy Officer) will share", ["Ifeoma Nwachukwu-Barnes"]),
    ("Name Role Phone\nNadia el-Masri Detective Superintendent 07700 900123", ["Nadia el-Masri"]),
    ("Member Role Attended\nAmos Otieno Non-executive Director Yes", ["Amos Otieno"]),
    ("Augustin Ferrand Academic Registrar +44 113 496 0111", ["Augustin Ferrand"]),
    ("June Okonedo Head of Regulatory Affairs 0113 496 0978", ["June Okonedo"]),
    ("Hamza Siddiqui MP wrote on behalf of a constituent.", ["Hamza Siddiqui"]),
    ("April Stone attended the meeting.", ["April Stone"]),
    ("The Home Office said it agreed; Tower Hamlets agreed.", []),
    # ... not an organisation or place with a job after it
    ("Sutton Council, Policy Officer, wrote", []),
    ("Tower Hamlets, Finance Manager", []),
])
def test_a_name_with_a_job_after_it(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, name, reason", [
    ("the Minister for Crime, Policing and Fire, Jo Bell, wrote", "Jo Bell", "Minister for Crime"),
    ("the Secretary of State for the Home Department, the Rt Hon Jo Bell, wrote", "Jo Bell",
     "Secretary of State for the Home Department"),
    ("Cllr Jo Bell, Leader, said", "Jo Bell", "Leader"),
    ("the local MP, Jo Bell, wrote", "Jo Bell", "Member of Parliament"),
    ("Elected Mayor Jo Bell opened it.", "Jo Bell", "Elected Mayor"),
])
def test_more_ways_of_writing_an_office(text, name, reason):
    assert people(text) == [(name, "keep", f"named office holder: {reason}")]


def test_a_list_of_names_after_an_office_keeps_only_the_office_holder():
    assert people("the Mayor of Northbridge, Jo Bell, Sam Reed and Ann Lee met.") == [
        ("Jo Bell", "keep", "named office holder: Mayor of Northbridge"),
        ("Sam Reed", "redact", "person's name"), ("Ann Lee", "redact", "person's name")]


@pytest.mark.parametrize("text, expected", [
    # a surname after an abbreviation in no list, where a verb only a person does follows
    ("The SIO Raman said that 214 lines were closed.", ["Raman"]),
    ("FLO Okafor explained the process to the family.", ["Okafor"]),
    # ... a place or unit after an abbreviation is not a name
    ("Flights from RAF Northolt resumed. HMP Belmarsh is full.", []),
    ("The LFB Control room and NHS England agreed.", []),
])
def test_a_surname_after_an_abbreviation_in_no_list(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, name, reason", [
    ("the London Fire Commissioner (Jo Bell) agreed", "Jo Bell", "London Fire Commissioner"),
    ("Yours sincerely\nCllr Jo Bell\nLeader of the Council\n", "Jo Bell", "Leader of the Council"),
    ("Name Role\nCllr Jo Bell Cabinet Member for Housing 020 7946 0123", "Jo Bell", "Cabinet Member for Housing"),
    ("Jo Bell – Police and Crime Commissioner for Wyvernshire", "Jo Bell", "Police and Crime Commissioner for Wyvernshire"),
])
def test_an_office_in_brackets_on_the_next_line_or_in_a_table_row(text, name, reason):
    assert people(text) == [(name, "keep", f"named office holder: {reason}")]


@pytest.mark.parametrize("text", [
    "Role\nCaldicott Guardian\n020 7946 0123\n", "Post\nSenior Lecturer\n0113 496 0111\n",
    "Position\nPro-Vice-Chancellor\n0113 496 0222\n",
])
def test_more_job_titles_in_table_cells(text):
    assert names(text) == []
