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
}

# Courtesy and honorific titles: they say "a person's name follows" but nothing about the policy.
TITLES: tuple[str, ...] = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame", "Prof", "Professor",
                           "Lord", "Lady", "Baroness", "Baron", "Cllr", "Councillor", "Rev", "Revd")

# Rank and title abbreviations: never a word of a name ("Mike West Det Supt" is "Mike West").
ABBREVIATIONS: frozenset[str] = frozenset(
    w.rstrip(".") for key in (*POLICE_RANKS, *TITLES) for w in key.split()
    if len(w) <= 4 and w not in ("Lord", "Lady", "Miss", "Dame")) | {"Det", "Ch", "Supt", "Insp", "Sgt"}

# Labels on forms after which a name is expected ("Report author: Mike West").
FIELD_LABELS: tuple[str, ...] = (
    "Report author", "Author", "Report by", "Authored by", "Prepared by", "Written by", "Submitted by",
    "Decision by", "Decision maker", "Approved by", "Signed by", "Sponsored by", "Contact", "Contact officer",
    "Contact name", "Lead officer", "Responsible officer", "Name", "Officer", "Owner", "Sponsor",
    "Requested by", "Reviewed by", "Checked by", "Presented by", "Attendees", "Chair",
)

# Words that follow a person's name when the whole is an organisation, place or event, not a person.
ORGANISATION_WORDS: frozenset[str] = frozenset({
    "trust", "centre", "center", "foundation", "fund", "society", "charity", "institute", "institution",
    "school", "academy", "college", "university", "hospital", "house", "hall", "building", "court",
    "street", "road", "avenue", "lane", "square", "park", "estate", "station", "bridge", "prize", "award",
    "awards", "lecture", "memorial", "inquiry", "review", "report", "act", "partnership", "project",
    "programme", "unit", "ltd", "limited", "plc", "llp", "group", "associates", "consulting", "team",
    "library", "gallery", "museum", "stadium", "arena", "clinic", "surgery", "church", "mosque",
    "centre's", "trust's", "way", "close", "gardens",
})

# Words before a name that make it a place or organisation ("St Giles Trust", "St Thomas' Hospital").
ORGANISATION_PREFIXES: frozenset[str] = frozenset({"st", "st.", "saint", "fort", "port", "lake", "mount"})

# Capitalised words that look like names to NER but never are in these papers. Lower-cased.
NOT_NAME_WORDS: frozenset[str] = frozenset({
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
    "city", "government", "council", "borough", "ministry", "justice", "department", "network",
    "hub", "team", "unit", "board", "committee", "panel", "forum", "service", "services", "force",
    "forces", "agency", "centre", "county", "lines", "line", "task", "social", "media", "intelligence",
    "national", "regional", "violence", "reduction", "act", "plan", "strategy", "fund", "funding",
    "finance", "resources", "director", "head", "chief", "officer", "commissioner", "assistant",
    "superintendent", "inspector", "sergeant", "constable", "commander", "minister", "secretary",
    "state", "kingdom", "uk", "england", "wales", "scotland", "britain", "european", "convention",
    "human", "rights", "data", "protection", "regulation", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june",
    "july", "august", "september", "october", "november", "december", "dear", "regards", "thanks",
    "kind", "mobile", "tel", "telephone", "email", "e-mail", "phone", "work", "number",
    "contact", "author", "report", "by", "the", "of", "and", "for", "to", "in", "on", "at", "with",
    "from", "via", "per", "a", "an", "this", "that", "these", "those", "it", "its", "our", "their",
    "we", "they", "he", "she", "his", "her", "i", "you", "all", "any", "each", "every", "both",
    "northern", "southern", "eastern", "western", "north", "south", "east", "midlands", "merseyside",
    "investment", "advisory", "monitoring", "meeting", "board", "scheme", "delegation", "consent",
    "assurance", "compliance", "stakeholder", "stakeholders", "partners", "partner", "charter",
    # job titles and departments written after a name ("Oliver Stanton, Officer Safety Training")
    "safety", "training", "chair", "chairs", "panel", "manager", "digital", "learning", "development",
    "operations", "support", "partnerships", "engagement", "policy", "performance", "risk", "audit",
    "procurement", "commercial", "estates", "communications", "corporate", "operational", "victim",
    "witness", "care", "standards", "professional", "change", "transformation", "technology", "insight",
    "analysis", "research", "evaluation", "delivery", "neighbourhood", "response", "roads", "transport",
    "frontline", "contacts", "e-mail", "role", "lead", "leads",
    "children", "people", "red", "thread", "catch-22", "abiander", "victims", "safer", "streets", "band", "pay", "cost", "costs",
})
