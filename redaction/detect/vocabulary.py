"""Words that decide what is and is not a person's name in UK public-body papers.

Kept in one place so the recognizers, the name checks and the policy agree on what a rank is.
"""

from __future__ import annotations

# Police ranks as written in papers -> the rank's full name (the policy works on full names).
POLICE_RANKS: dict[str, str] = {
    "PC": "Police Constable", "Police Constable": "Police Constable", "Constable": "Police Constable",
    "DC": "Detective Constable", "Detective Constable": "Detective Constable",
    "PS": "Sergeant", "Sgt": "Sergeant", "Sergeant": "Sergeant", "Police Sergeant": "Sergeant",
    "DS": "Detective Sergeant", "Det Sgt": "Detective Sergeant", "Detective Sergeant": "Detective Sergeant",
    "Insp": "Inspector", "Inspector": "Inspector",
    "DI": "Detective Inspector", "Det Insp": "Detective Inspector", "Detective Inspector": "Detective Inspector",
    "CI": "Chief Inspector", "Ch Insp": "Chief Inspector", "Chief Inspector": "Chief Inspector",
    "DCI": "Detective Chief Inspector", "Det Ch Insp": "Detective Chief Inspector",
    "Detective Chief Inspector": "Detective Chief Inspector",
    "Supt": "Superintendent", "Superintendent": "Superintendent",
    "Det Supt": "Detective Superintendent", "DSU": "Detective Superintendent", "Det Supt.": "Detective Superintendent",
    "Detective Superintendent": "Detective Superintendent",
    "Ch Supt": "Chief Superintendent", "C/Supt": "Chief Superintendent", "Chief Superintendent": "Chief Superintendent",
    "DCS": "Detective Chief Superintendent", "Det Ch Supt": "Detective Chief Superintendent",
    "Detective Chief Superintendent": "Detective Chief Superintendent",
    "Cdr": "Commander", "Commander": "Commander",
    "DAC": "Deputy Assistant Commissioner", "Deputy Assistant Commissioner": "Deputy Assistant Commissioner",
    "AC": "Assistant Commissioner", "Assistant Commissioner": "Assistant Commissioner",
    "Deputy Commissioner": "Deputy Commissioner",
    "Commissioner": "Commissioner",
    # forces outside London: a chief constable and their deputy and assistants are the chief officers
    "CC": "Chief Constable", "Chief Constable": "Chief Constable",
    "DCC": "Deputy Chief Constable", "Deputy Chief Constable": "Deputy Chief Constable",
    "ACC": "Assistant Chief Constable", "Assistant Chief Constable": "Assistant Chief Constable",
    # police staff and the special constabulary: never chief officers
    "PCSO": "Police Community Support Officer",
    "Police Community Support Officer": "Police Community Support Officer",
    "Special Constable": "Special Constable", "Special Sergeant": "Special Sergeant",
    "Special Inspector": "Special Inspector", "Special Chief Inspector": "Special Chief Inspector",
    "Special Superintendent": "Special Superintendent",
    "Special Chief Superintendent": "Special Chief Superintendent",
}

# Temporary and acting ranks ("T/DCI", "A/Supt", "Acting Commander", "Temporary Detective Superintendent")
# are the rank itself for the policy: an acting Commander is a chief officer acting in role.
RANK_PREFIXES: tuple[str, ...] = ("T/", "A/", "Temporary", "Temp", "Acting", "Act")

# Ranks and roles of other services, and command roles, that contain a police rank word: "Group Commander"
# (fire), "Wing Commander" (RAF), "Borough Commander" (an MPS Chief Superintendent's post), "Gold
# Commander" (an incident role held by any rank). None is a police chief officer; the longer form wins
# over the bare rank because the rank alternation is longest first.
OTHER_RANKS: dict[str, str] = {
    **{f"{w} Commander": f"{w} Commander" for w in (
        "Crew", "Watch", "Station", "Group", "Area", "Brigade", "Wing", "Borough", "BCU", "Unit", "Gold",
        "Silver", "Bronze", "Incident", "Tactical", "Strategic", "Operational", "Fire", "Divisional",
        "Sector", "Squadron", "Flight", "Base", "Garrison", "Company", "Platoon", "Section", "Event")},
    **{f"{w} Manager": f"{w} Manager" for w in ("Crew", "Watch", "Station", "Group", "Area", "Brigade")},
    "Firefighter": "Firefighter", "Station Officer": "Station Officer", "Sub Officer": "Sub Officer",
    # fire ranks as abbreviated in fire service papers ("WM Jones", "GC Patel")
    "FF": "Firefighter", "CM": "Crew Manager", "WM": "Watch Manager", "SM": "Station Manager",
    "GM": "Group Manager", "AM": "Area Manager", "GC": "Group Commander", "SC": "Station Commander",
    "WC": "Watch Commander", "ACO": "Assistant Chief Officer", "DACO": "Deputy Assistant Chief Officer",
    "Assistant Chief Officer": "Assistant Chief Officer",
    "Leading Firefighter": "Leading Firefighter", "Deputy Commander": "Deputy Commander",
    "Assistant Commander": "Assistant Commander",
    # fire ranks abbreviated word by word in fire service papers ("Stn Mgr Jo Bell", "Grp Cdr Bell")
    "Stn Mgr": "Station Manager", "Stn Cdr": "Station Commander", "Grp Mgr": "Group Manager",
    "Grp Cdr": "Group Commander", "Wtch Mgr": "Watch Manager", "Wch Mgr": "Watch Manager",
    "Wtch Cdr": "Watch Commander", "Crew Mgr": "Crew Manager", "Area Mgr": "Area Manager", "Stn Off": "Station Officer",
    # prison grades as written before a name ("Gov Jo Bell", "The Governor, Jo Bell"): not chief officers
    "Gov": "Governor", "Governor": "Governor", "Dep Gov": "Deputy Governor", "Deputy Governor": "Deputy Governor",
    "Dir": "Director",
    # ships' and harbours' ratings and officers as written before a name ("Ch Eng Jo Bell", "AB Jo Bell")
    "Ch Eng": "Chief Engineer", "Chief Engineer": "Chief Engineer", "2nd Eng": "Second Engineer",
    "Second Engineer": "Second Engineer", "AB": "Able Seaman", "Bosun": "Bosun", "Cox": "Coxswain",
    "Coxswain": "Coxswain", "Harbour Master": "Harbour Master", "Mate": "Mate", "Chief Mate": "Chief Mate",
    "Pilot": "Pilot", "Marine Pilot": "Marine Pilot", "Senior Pilot": "Senior Pilot", "Trainee Pilot": "Trainee Pilot",
}
# A capitalised word right before "Commander" that still leaves the police rank ("Acting Commander",
# "the MPS Commander"); any other ("Regional Commander") makes it a role, not the chief officer rank.
COMMANDER_QUALIFIERS: frozenset[str] = frozenset({"Acting", "Temporary", "Temp", "MPS", "Met", "Police",
                                                  "The", "A", "Our", "Their", "Its", "Detective"})

# Courtesy and honorific titles: they say "a person's name follows" but nothing about the policy.
TITLES: tuple[str, ...] = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame", "Prof", "Professor",
                           "Lord", "Lady", "Baroness", "Baron", "Cllr", "Councillor", "Alderman", "Alderwoman", "Rev", "Revd",
                           "Rt Hon", "The Rt Hon", "Right Honourable", "Hon",
                           # other languages' titles in papers on foreign firms and visitors
                           "Mme", "Mlle", "Herr", "Frau", "Signor", "Signora", "Sra", "Señor", "Señora",
                           "Sig", "Sig.ra", "Sig.na", "Dott", "Dott.ssa", "Avv", "Ing", "Dhr", "Mevr", "Hr", "Fru",
                           # ships' masters, pilots and armed forces officers in port, harbour and defence papers
                           "Capt", "Captain", "Lt", "Lieut", "Lieutenant", "Cdr", "Lt Cdr", "Wg Cdr", "Sqn Ldr",
                           "Flt Lt", "Col", "Lt Col", "Colonel", "Brig", "Brigadier",
                           # ... and their other ranks, as service complaints papers write them ("LCpl Jo Bell",
                           # "SSgt Bell", "Pte Bell"); "Major" stays out: it is also a word ("the Major Oak")
                           "Maj", "2Lt", "Pte", "LCpl", "L/Cpl", "Cpl", "SSgt", "S/Sgt", "CSgt", "C/Sgt", "WO1", "WO2",
                           "Gnr", "Spr", "Sig", "Tpr", "Rfn", "Fus", "Gdsm", "Cfn", "Bdr", "LBdr", "Mne", "SAC", "Cdre",
                           "Gp Capt", "Air Cdre", "Flt Sgt", "Chf Tech",
                           # a nursing title ("Sister Ní Fhearghail leads the training")
                           "Sister", "Canon", "Fr", "Father", "Rabbi", "Imam", "Pastor",
                           # members of the States of Jersey and Guernsey ("Deputy Bishop declared", "Connétable
                           # Philippe de la Hougue")
                           "Deputy", "Senator", "Connétable",
                           # in capitals in headings ("STATEMENT OF MR JO BELL")
                           "MR", "MRS", "MS", "MISS", "MX", "DR", "CLLR", "PROF", "SIR", "DAME", "REVD",
                           # plural, before a list of surnames ("Cllrs Jo Bell and Sam Green")
                           "Cllrs", "Councillors", "Drs", "Messrs", "Profs")
TITLE_WORDS: frozenset[str] = frozenset(t.casefold() for t in TITLES)  # lower-cased, to look a word up

# Letters after a name: qualifications, honours, memberships ("Gideon Marchetti MRICS", "Jo Bell OBE"). Never
# a word of the name; the name ends before them.
POST_NOMINALS: frozenset[str] = frozenset({
    "MRICS", "FRICS", "AssocRICS", "FCA", "ACA", "ACCA", "FCCA", "CIPFA", "CPFA", "ACMA", "FCMA", "CGMA", "CTA",
    "OBE", "MBE", "CBE", "KBE", "DBE", "GBE", "CB", "CMG", "CVO", "LVO", "MVO", "QPM", "KPM", "QFSM", "KFSM",
    "GM", "DSO", "MC", "DL", "JP", "KC", "QC", "MP", "MEP", "MSP", "MS", "AM", "MLA", "PhD", "DPhil", "EdD", "MD", "MA",
    "MSc", "MBA", "MPA", "MPhil", "BA", "BSc", "LLB", "LLM", "BEng", "MEng", "CEng", "MICE", "FICE", "MIStructE",
    "MRTPI", "MCIPS", "FCIPS", "MCIH", "FCIH", "MCIPD", "FCIPD", "MCMI", "FCMI", "CMgr", "FRSA", "FHEA",
    "FRCP", "FRCS", "MRCP", "MRCPsych", "FRCPsych", "RGN", "RMN", "RN", "MBCS", "FBCS", "CITP", "FIFireE",
    "MIFireE", "CQSW", "FCILT", "MCILT", "OStJ", "FRGS", "Esq",
})

# Small words inside surnames ("Siobhán Ní Bhriain", "Ana de Souza", "Pieter van der Berg"): part of the
# surname, never a first name.
NAME_PARTICLES: frozenset[str] = frozenset({
    "Ní", "Nic", "Ó", "Uí", "Mhic", "Mac", "Mc", "de", "De", "del", "Del", "della", "Della", "da", "Da",
    "di", "Di", "do", "dos", "das", "du", "Du", "van", "Van", "von", "Von", "der", "den", "ter", "le", "Le",
    "la", "La", "Lo", "bin", "binti", "bint", "ibn", "al", "Al", "el", "El", "ap", "ab",  # "Lo Bianco", "Lo Presti"
    "ferch", "verch",  # Welsh: "Gwenllian ferch Einion" (daughter of)
    "an",  # Irish: "Mac an tSaoir", "Ó an Bhaird"
    "zu", "zur", "vom", "'t", "’t", "ten", "dei", "degli", "des", "af", "av",  # "van 't Hof", "zu Dohna"
    "ul", "ud",  # inside Arabic and Urdu compound names: "Noor ul Ain", "Zia ul Haq", "Salah ud Din"
})

# Words that open a question or a thanks, capitalised only because a sentence starts with them: "Can Priscilla
# confirm", "Has Nakamura-Lowe replied", "Thanks Osian" (a few, "Will" and "May", are given names too).
SENTENCE_OPENERS: frozenset[str] = frozenset({
    "can", "could", "will", "would", "did", "does", "do", "has", "have", "had", "is", "was", "should", "shall",
    "may", "might", "thanks", "thank", "cheers", "hi", "hello", "dear", "sorry", "please", "if", "when",
    "perhaps", "maybe", "so", "but", "and", "then",
})

# First names that are also ordinary words: a first name alone is only taken for the person when it
# cannot be read as the word ("Will has", "Grace has", "Mark is").
COMMON_WORD_FIRST_NAMES: frozenset[str] = frozenset({
    "will", "mark", "grace", "hope", "faith", "joy", "may", "june", "april", "august", "rose", "lily", "daisy",
    "ruby", "amber", "pearl", "dawn", "sky", "summer", "autumn", "holly", "ivy", "iris", "heather", "jasmine",
    "bill", "sue", "pat", "frank", "jack", "rob", "bob", "art", "guy", "chase", "miles", "victor", "earl",
    "dean", "major", "king", "prince", "duke", "page", "hunter", "carter", "mason", "sterling", "rich",
    "penny", "sally", "robin", "jay", "drew", "gene", "chance", "harmony", "justice", "lane", "max", "don",
    "ray", "gale", "hazel", "olive", "violet", "reed", "wade", "sandy", "misty", "crystal", "destiny",
    "heath", "rowan", "sage", "wren", "lark", "river",
    # plants, virtues and sweet words given as names ("Charity Adewusi", "Honey Bartlam", "Meadow Pickersgill")
    "charity", "honey", "meadow", "bryony", "saffron", "primrose", "poppy", "willow", "fern", "clover", "juniper",
    "marigold", "bluebell", "myrtle", "tansy", "sorrel", "linden", "star", "storm", "dove", "raven", "ember",
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "patience", "mercy", "blessing", "precious", "honour", "constance", "prudence", "verity",
    # and places: "Victoria is the busiest station"
    "victoria", "chelsea", "florence", "jordan", "india", "georgia", "sydney", "paris", "austin", "lincoln",
    "kingston", "brent", "devon", "camden", "stratford", "orlando", "charlotte", "kent",
})

# Professions and posts that end a job title ("Senior Lawyer", "Consultant Radiologist", "External
# Examiner"): never a word of a name; after a name they say a person is meant. Surnames that are also
# trades ("Porter", "Mason", "Driver") are left out.
PROFESSIONS: tuple[str, ...] = (
    "accountant", "radiologist", "radiographer", "physician", "surgeon", "nurse", "pharmacist", "therapist",
    "physiotherapist", "psychologist", "psychiatrist", "paramedic", "midwife", "anaesthetist", "registrar",
    "pathologist", "oncologist", "cardiologist", "dietitian", "sonographer", "optometrist", "dentist",
    "librarian", "auditor", "lawyer", "solicitor", "barrister", "paralegal", "technician", "scientist",
    "economist", "statistician", "epidemiologist", "receptionist", "administrator", "coordinator",
    "co-ordinator", "caseworker", "surveyor", "planner", "engineer", "analyst", "adviser", "advisor",
    "practitioner", "specialist", "clerk", "controller", "examiner", "director", "supervisor", "officer",
    "manager", "assistant", "secretary", "lecturer", "researcher", "investigator", "inspector", "trainer",
    "evaluator", "executive", "governor", "chair", "chairman", "chairwoman", "chairperson",
    "guardian", "matron", "bursar", "warden", "provost", "vice-chancellor", "pro-vice-chancellor", "chancellor",
    "lecturer", "tutor", "counsellor", "psychotherapist",
    "firefighter", "dispatcher", "handler", "gamekeeper", "caretaker", "teacher", "headteacher", "ranger",
    "treasurer", "reviewer", "chaplain", "archivist", "curator", "coroner", "ombudsman", "assessor", "moderator",
    "invigilator", "instructor", "facilitator", "obstetrician", "paediatrician", "pediatrician", "clinician",
    "podiatrist", "orthoptist", "audiologist", "neonatologist", "midwife-manager",
)

# Months that are also first names ("June Hartley", "April Stone", "May Lin").
MONTHS: frozenset[str] = frozenset({"january", "april", "may", "june", "july", "august"})
# The days of the week, a few of which are given names or surnames too ("Wednesday Thorogood", "Mrs Rosalind Friday")
WEEKDAYS: frozenset[str] = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
WORD_FIRST_NAMES: frozenset[str] = COMMON_WORD_FIRST_NAMES | MONTHS

# Job nouns that end a job title written in a table cell or after a name ("Custody officer", "Project
# manager", "Custody sergeant"): a cell holding one says the cell beside it names a person.
JOB_NOUNS: tuple[str, ...] = (
    "officer", "sergeant", "inspector", "constable", "manager", "lead", "nurse", "worker", "assistant",
    "adviser", "advisor", "analyst", "coordinator", "co-ordinator", "director", "practitioner", "clerk",
    "specialist", "administrator", "engineer", "consultant", "caseworker", "investigator", "supervisor",
    "detective", "superintendent", "commander", "chair", "secretary", "solicitor", "surveyor", "accountant",
)

# Rank and title abbreviations: never a word of a name ("Mike West Det Supt" is "Mike West").
ABBREVIATIONS: frozenset[str] = frozenset(
    w.rstrip(".") for key in (*POLICE_RANKS, *TITLES) for w in key.split()
    if len(w) <= 4 and w not in ("Lord", "Lady", "Miss", "Dame")) | {"Det", "Ch", "Supt", "Insp", "Sgt"} | POST_NOMINALS \
    | {"Stn", "Grp", "Mgr", "Cdr", "Wtch", "Wch", "Gov", "Dep"}

# Labels on forms after which a name is expected ("Report author: Mike West").
FIELD_LABELS: tuple[str, ...] = (
    "Report author", "Author", "Report by", "Authored by", "Prepared by", "Written by", "Submitted by",
    "Decision by", "Decision maker", "Approved by", "Signed by", "Sponsored by", "Contact", "Contact officer",
    "Contact name", "Lead officer", "Responsible officer", "Name", "Officer", "Owner", "Sponsor",
    "Requested by", "Reviewed by", "Checked by", "Presented by", "Attendees", "Chair",
    "Attn", "FAO", "For the attention of", "c/o", "Care of",
    "Minutes by", "Minutes taken by", "Minute taker", "Note taker", "Notes by",  # who wrote the minutes
)

# Words that follow a person's name when the whole is an organisation, place or event, not a person:
# "The Ben Kinsella Trust", "the Kiyan Prince Foundation". These are never surnames.
ORGANISATION_WORDS: frozenset[str] = frozenset({
    # other languages' institutions, before a particle that is also a name's ("Universidad de Sevilla")
    "universidad", "universidade", "università", "universität", "université", "universiteit", "instituto",
    "istituto", "institut", "museo", "musée", "banco", "banca", "banque", "hôpital", "ospedale", "colegio",
    "escuela", "ayuntamiento", "comune", "gemeente", "stichting", "fundación", "fondazione", "hotel", "hôtel",
    "trust", "centre", "center", "foundation", "fund", "society", "charity", "institute", "institution",
    "school", "academy", "college", "university", "hospital", "building", "street", "road", "avenue",
    "square", "estate", "prize", "award", "awards", "lecture", "lectures", "memorial", "inquiry", "review",
    "report", "act", "partnership", "project", "programme", "programmes", "projects", "schemes", "unit",
    # a statutory body named for its place in every area ("Healthwatch Brackenshire"); a fund's or a service's
    # subject as its name ("Marlvale Pensions", "the PENSIONS team")
    "healthwatch", "pensions", "ltd", "limited", "plc", "llp", "group",
    "associates", "consulting", "team", "library", "gallery", "museum", "stadium", "arena", "clinic",
    "surgery", "church", "mosque", "centre's", "trust's", "foundation's", "gardens", "medal", "scholarship",
    "fellowship", "bursary", "appeal", "campaign", "suite", "theatre", "crescent", "terrace", "primary",
    "nursery", "centres", "syndrome", "principle", "council", "commission", "partners", "llc", "inc",
    # trade words that end a firm's name ("Harbour Signs", "Kestrel Traffic", "Fenwick Builders")
    "signs", "signage", "traffic", "holdings", "builders", "contractors", "logistics", "systems", "solutions",
    "supplies", "motors", "interiors", "engineering", "construction", "developments", "properties",
    "recruitment", "scaffolding", "roofing", "electrical", "plumbing", "couriers", "haulage",
    "cars", "taxis", "minibuses", "coaches", "buses", "homes", "advocacy", "youth", "alliance",
    # professional firms named after their partners ("Whyte Adebayo LLP", "Brennan Lowe Architects", "Fenwick
    # Hale Chartered Surveyors", "Okafor Mensah Solicitors", "Pemberton Okonjo & Co")
    "solicitors", "architects", "surveyors", "accountants", "chartered", "consultants", "consultancy",
    "lawyers", "barristers", "chambers", "engineers", "planners", "valuers", "auctioneers", "agents",
    "advisers", "advisors", "co", "opticians", "chemists", "vets", "actuaries",
    "llc", "gmbh", "bv", "sa", "pty", "corporation", "corp",
    # company suffixes of other languages ("Ceardlann Dóiteáin Teo", "Gwasanaethau Cymru Cyf", "Rossi SpA")
    "teo", "teoranta", "cyf", "cyfyngedig", "spa", "srl", "sarl", "nv", "aps", "kft",
    # places and works named after a place or person that are never surnames ("Northolt Aerodrome", "Jo Bell
    # Viaduct", "Elmstead Crematorium")
    "aerodrome", "airport", "airfield", "airbase", "heliport", "barracks", "harbour", "marina", "docks", "pier",
    "canal", "viaduct", "tunnel", "interchange", "roundabout", "bypass", "motorway", "precinct", "arcade",
    "plaza", "parade", "embankment", "promenade", "esplanade", "pavilion", "lido", "cemetery", "crematorium",
    "cathedral", "priory", "prison", "terminal", "warehouse", "aqueduct", "weir", "allotments", "copse",
    "boulevard", "footpath", "bridleway", "towpath", "cottages", "flats", "apartments", "mansions",
    "racecourse", "showground", "marshes", "baths", "headquarters", "offices", "services",
    # utilities and carriers ("Anglian Water will reply", "Northern Rail")
    "water", "gas", "energy", "electricity", "rail", "railway", "railways", "airways", "airlines", "telecom",
    "broadband", "networks", "utilities", "insurance", "bank",
    # trades that end a business's name ("Hollins Skips", "Jo Bell Plant Hire")
    "skips", "recycling", "hire", "plant", "metals", "aggregates", "demolition", "groundworks", "landscaping",
    "cleaning",
    # places of care and shelter named after a benefactor ("Sir Jo Bell Infirmary", "Lady Jo Bell Almshouses")
    "infirmary", "almshouses", "almshouse", "hospice", "sanatorium", "asylum", "orphanage", "workhouse",
    # care and sea trades ("Kelvinside Homecare", "Trewhella Marine")
    "homecare", "healthcare", "domiciliary", "marine", "maritime", "shipping", "fisheries", "ferries", "towage",
    # shops and chambers named after a family or place ("Manson's Bakery", "Seaton Carew Chamber")
    "bakery", "bakers", "butchers", "dairy", "garage", "stores", "shop", "cafe", "café", "chamber", "lettings",
})

# Words that name a thing after a person ("Stephen Lawrence Day", "the Mary Seacole House", "Victoria
# line") but are also surnames ("Jane Day", "Sarah Hall", "Sophie Ward"): a thing only after a full name.
# Words of place that are rarely surnames: a name ending in one is a place ("Calder Fells", "Pryse Meadows",
# "Wortley Beck"), whoever read it.
PLACE_ENDINGS: frozenset[str] = frozenset({
    "beck", "fells", "meadow", "meadows", "orchard", "valley", "marshes", "downs", "heights", "cottages", "moors",
    # Welsh, Irish and Scottish words of place, written apart ("Bronglais Isaf", "Ysbyty Maddocks", "Slieve
    # Croob"), and other languages' words of place and firm ("São Paulo", "Société Foncière")
    "ysbyty", "isaf", "uchaf", "ynys", "afon", "mynydd", "cwm", "coed", "nant", "slieve", "sliabh", "lough",
    "loch", "inis", "cnoc", "são", "santa", "santo", "sainte", "société", "sociedad", "compagnie", "foncière",
    "gesellschaft",
    # features of coast, fen and river that follow a name ("Gurnard Ledge", "Stroud Point", "Catchpole Drain")
    "point", "ledge", "reef", "sands", "rocks", "bay", "cove", "creek", "estuary", "spit", "shoal", "quay", "wharf",
    "drain", "dyke", "sluice", "lode", "fen", "fens", "staithe", "slipway", "slip",
    # northern dale and moor words ("Pickersgill Hagg", "Crook Ghyll", "Blea Tarn")
    "hagg", "ghyll", "tarn", "royd", "wynd",  # "Hebden Royd", "Kirk Wynd"
    # Welsh words of club, society, centre and school that start an organisation's name ("Clwb Rygbi Aberaeron")
    # are in PLACE_STARTS; Scottish hill and river-meadow words ("Rowan Brae", "Corbie Knowe", "Ettrick Haugh", "Sgurr Mor")
    "brae", "braes", "knowe", "haugh", "beinn", "bheinn", "sgurr", "sgùrr",
})
# ... of them, the ones that start a place or firm's name ("Ysbyty Gwynedd", "São Paulo", "Société Foncière")
PLACE_STARTS: frozenset[str] = frozenset({
    "ysbyty", "ynys", "afon", "mynydd", "cwm", "coed", "nant", "slieve", "sliabh", "lough", "loch", "inis", "cnoc",
    "são", "santa", "santo", "sainte", "société", "sociedad", "compagnie",
    # island, harbour and river-mouth words that start a Scottish or Welsh place ("Port Aird", "Eilean Donn")
    "port", "eilean", "isle", "inver", "strath", "aber", "llan", "cors", "rhos", "pant",
    "clwb", "cymdeithas", "canolfan", "ysgol", "prifysgol", "cyngor", "eglwys", "capel", "neuadd", "pwyllgor",
    "menter", "plas", "maes", "parc", "pont", "tŷ",
})
THING_WORDS: frozenset[str] = frozenset({
    "day", "week", "house", "hall", "court", "lane", "park", "station", "bridge", "way", "close", "tower",
    "wing", "ward", "room", "garden", "walk", "place", "drive", "grove", "hill", "green", "line", "law",
    "rule", "test", "scale", "index", "model", "method", "row", "yard", "wharf", "quay", "gate", "cross",
    "market", "field", "fields", "common", "heath", "village", "manor", "lodge", "mews", "wood",
    # landforms and works ("Blackstone Edge", "Ashcombe Vale", "Brackenhurst Quarry")
    "edge", "vale", "quarry", "depot", "farm", "reservoir",
    # waterways and railways ("Bulbourne Junction", "Limehouse Basin", "Cricklewood Sidings")
    "junction", "basin", "sidings",
}) | PLACE_ENDINGS

# The words that end a street's name ("Bevan Close", "Lady Margaret Road"): after a name NER alone found, or a
# titled name after a house number, the words are an address, not a person.
STREET_WORDS: frozenset[str] = frozenset({
    "road", "street", "lane", "avenue", "close", "drive", "way", "crescent", "terrace", "gardens", "grove", "place",
    "square", "mews", "row", "walk", "parade", "rise", "hill"})

# Words before a name that make it a place or organisation ("St Giles Trust", "St Thomas' Hospital").
ORGANISATION_PREFIXES: frozenset[str] = frozenset({"st", "st.", "saint", "fort", "port", "lake", "mount"})

# Capitalised words that look like names to NER but never are in these papers. Lower-cased.
NOT_NAME_WORDS: frozenset[str] = frozenset({
    "yours",  # "... Commissioner.\nYours sincerely": a valediction, never a surname
    "ring",  # "Ring Kwabena on +64 ...": a verb before a name, as "phone", "email" and "contact"
    "jobcentre", "union", "residence",  # "Jobcentre Plus", "Students' Union Vice-President", "Residence Life"
    "mental", "health",  # "Mental Health Act Manager"
    # form furniture
    "tick", "yes", "no", "n/a", "date", "signature", "signed", "name", "title", "part", "schedule",
    "paragraph", "section", "sec", "appendix", "annex", "article", "page", "table", "figure", "item",
    "recommendation", "recommendations", "summary", "executive", "background", "introduction", "decision",
    "approval", "declaration", "advice", "comments", "financial", "legal", "equality", "equalities",
    "privacy", "confidential", "official", "sensitive", "restricted", "public", "access", "information",
    # bodies, programmes and things
    "project", "programme", "operation", "op", "alpha", "bravo", "covid", "covid-19", "coronavirus",
    "grants", "agreement", "agreements", "foia", "gdpr", "dpia", "dpa", "eia", "home", "office",
    "mayor", "deputy", "mopac", "mps", "met", "metropolitan", "police", "policing", "crime", "london",
    "city", "government", "council", "borough", "town", "parish", "district", "ministry", "justice", "department", "network",
    "hub", "team", "unit", "board", "committee", "panel", "forum", "service", "services", "force",
    "forces", "agency", "centre", "county", "lines", "line", "task", "social", "media", "intelligence",
    "national", "regional", "violence", "reduction", "act", "plan", "strategy", "fund", "funding",
    "finance", "resources", "director", "head", "chief", "officer", "commissioner", "assistant",
    "superintendent", "inspector", "sergeant", "constable", "commander", "minister", "secretary",
    "state", "kingdom", "uk", "england", "wales", "scotland", "britain", "european", "convention",
    "human", "rights", "data", "protection", "regulation", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june",
    "july", "august", "september", "october", "november", "december", "dear", "regards", "thanks",
    "diolch", "cofion", "gorau", "annwyl",  # Welsh: thanks, regards, best, dear
    "kind", "mobile", "tel", "telephone", "email", "e-mail", "phone", "work", "number",
    "contact", "author", "report", "by", "the", "of", "and", "for", "to", "in", "on", "at", "with",
    "from", "via", "per", "a", "an", "this", "that", "these", "those", "it", "its", "our", "their",
    "we", "they", "he", "she", "his", "her", "i", "you", "all", "any", "each", "every", "both",
    "northern", "southern", "eastern", "western", "north", "south", "east", "midlands", "merseyside",
    "investment", "advisory", "monitoring", "meeting", "board", "scheme", "delegation", "consent",
    "assurance", "compliance", "stakeholder", "stakeholders", "partners", "partner", "charter",
    # council departments that lead a job title ("Housing Needs Manager", "Highways Team Leader")
    "housing", "needs", "planning", "licensing", "highways", "parking", "waste", "revenues", "benefits",
    "homelessness", "regeneration", "environmental", "adult", "adults", "children's", "families", "education",
    "facilities", "democratic", "governance", "contracts", "accommodation", "tenancy", "lettings", "repairs",
    "neighbourhood", "neighbourhoods", "community", "communities", "safeguarding", "commissioning",
    # a party to a contract or a case, written before its name ("Vendor Opticam", "Bidder Swiftvial")
    # words that lead a job title ("Idris bin Yusof External reviewer") or fill a table's status column
    # ("Niamh Quilliam Drafted, 22 September"): never a word of a name
    "external", "internal", "independent", "honorary", "visiting", "lay", "designated", "co-opted",
    "drafted", "approved", "consulted", "considered", "noted", "agreed", "reviewed", "endorsed", "rejected",
    "deferred", "pending", "completed", "cleared", "checked", "verified", "submitted", "declined", "withdrawn",
    "vendor", "vendors", "bidder", "bidders", "provider", "providers", "supplier", "suppliers", "tenderer",
    "tenderers", "recipient", "recipients", "grantee", "licensee", "licensor", "lessee", "lessor",
    "purchaser", "claimant", "complainant", "respondent", "appellant", "applicant", "subcontractor",
    "contractor", "operator", "insurer", "funder", "sponsor",
    # job titles and departments written after a name ("Oliver Stanton, Officer Safety Training")
    "safety", "training", "chair", "chairs", "panel", "manager", "digital", "learning", "development",
    "fire", "prevention", "security",  # a portfolio after a rank ("Deputy Commissioner, Fire Safety")
    "operations", "support", "partnerships", "engagement", "policy", "performance", "risk", "audit",
    "procurement", "commercial", "estates", "communications", "corporate", "operational", "victim",
    "witness", "care", "standards", "professional", "change", "transformation", "technology", "insight",
    "analysis", "research", "evaluation", "delivery", "neighbourhood", "response", "roads", "transport",
    "frontline", "contacts", "e-mail", "role", "lead", "leads",
    "children", "people", "red", "thread", "catch-22", "abiander", "victims", "safer", "streets", "band", "pay",
    "cost", "costs", "command", "commands", "custody", "detention",
    # council roles written like names ("approved by Cabinet Member for Housing", "Finance Business Partner")
    "cabinet", "member", "members", "leader", "portfolio", "holder", "business", "councillors",
    # job titles in tables ("Principal Accountant", "Consultant Radiologist"): grades and professions
    "principal", "senior", "junior", "consultant", "associate", "trainee", "graduate", "interim", "clinical",
    "accounting", "radiology", "nursing", "non-executive", "examiner", "resilience", "garda", "constabulary",
    "detective", "temporary", "acting", "special",
    # words that lead a job title in a table ("Patient Flow Lead", "Tenant Liaison Officer")
    "patient", "patients", "tenant", "tenants", "liaison",
    *PROFESSIONS,
    # field labels that follow a name in a block ("Tamsin Achebe-Ward Position: ...")
    "position", "designation", "address", "organisation", "directorate", "extension", "ext", "fax", "mob",
    # a table's heading row ("Option Description Cost", "Item Detail", "Role Band") and the units of a
    # body's area ("WESSEX AREA", "Northern Region"): never a word of a name
    "option", "options", "description", "detail", "details", "status", "notes", "comment", "total", "amount",
    "reference", "ref", "outcome", "outcomes", "action", "actions", "category", "type", "month", "year",
    "area", "areas", "region", "division", "zone", "sector", "locality",
})

# Firms named after their founders that public bodies' papers name as advisers and contractors ("valued
# by Knight Frank"): organisations, not people. Folded full names; a candidate that is one is dropped.
FIRMS_NAMED_AFTER_PEOPLE: frozenset[str] = frozenset({
    "knight frank", "grant thornton", "mott macdonald", "ernst young", "gerald eve", "cushman wakefield",
    "lambert smith hampton", "carter jonas", "bevan brittan", "sharpe pritchard", "trowers hamlins",
    "browne jacobson", "anthony collins", "mills reeve", "turner townsend", "currie brown", "rider levett bucknall",
    "alvarez marsal", "baker tilly", "price waterhouse", "ove arup", "allen overy", "clifford chance",
    "slaughter may", "morgan sindall", "willmott dixon", "balfour beatty", "laing o'rourke", "robert mcalpine",
    "taylor wimpey", "john lewis", "marks spencer",
    "hogan lovells", "eversheds sutherland", "pinsent masons", "bird bird", "addleshaw goddard", "dla piper",
    "womble bond dickinson", "walker morris", "kennedys", "stephenson harwood", "farrer co", "lewis silkin",
    "russell cooke", "david lock", "jones lang lasalle", "strutt parker", "colliers",
    "avison young", "montagu evans", "deloitte", "mazars", "crowe", "moore kingston smith", "bdo",
})


# London boroughs and districts: a full name never starts with one ("Tower Hamlets", "Waltham Forest"),
# though a surname may be one ("Olamide Sutton"). Lower-cased.
PLACE_FIRST_WORDS: frozenset[str] = frozenset({
    "barking", "dagenham", "barnet", "bexley", "bromley", "camden", "croydon", "ealing", "enfield",
    "greenwich", "hackney", "hammersmith", "fulham", "haringey", "harrow", "havering", "hillingdon",
    "hounslow", "islington", "kensington", "kingston", "lambeth", "lewisham", "merton", "newham",
    "redbridge", "richmond", "southwark", "sutton", "tower", "waltham", "wandsworth", "westminster",
    "brixton", "peckham", "stratford", "wembley", "tottenham", "walthamstow", "wimbledon", "hampstead",
    "notting", "canary", "paddington", "euston", "holborn", "soho", "mayfair", "battersea",
    "beddington", "wallington", "carshalton", "cheam", "essex", "surrey", "hertfordshire", "thames",
    "city", "greater", "inner", "outer", "central", "upper", "lower", "new", "old", "great", "little",
    # Welsh street and place words that start a place's name ("Heol y Bont", "Maes Glas", "Llwyn Teg")
    "heol", "ffordd", "stryd", "llwyn", "maes", "cwm", "coed", "nant", "pont", "plas", "ystad", "lôn",
    # ... and the farms' and villages' ("Cefn Bryngwyn", "Hafod Uchaf", "Llanbadarn Fawr" is one word)
    "cefn", "hafod", "fferm", "ynys", "caer", "aber", "glan", "tref",
})


# Letters before a name that make it a vessel, an institution or a base, not a person ("HMP Haverigg",
# "HMYOI Cookham Wood", "RAF Northolt", "MV Jo Bell"): never a title.
INSTITUTION_PREFIXES: frozenset[str] = frozenset({
    "MV", "MT", "HMS", "RMS", "SS", "FV", "RV", "HMY", "MY", "SV", "RFA", "HMP", "HMYOI", "YOI", "IRC", "STC", "RAF",
    "HMNB",
})


# Every word of a job noun or profession, lower-cased ("officer", "social", "worker"): a name holds none of them.
JOB_WORDS: frozenset[str] = frozenset(w.casefold() for phrase in (*JOB_NOUNS, *PROFESSIONS) for w in phrase.split())
