"""The exemptions of Part II of the Freedom of Information Act 2000, by section number."""

SECTIONS: dict[str, str] = {
    "21": "Information accessible to applicant by other means",
    "22": "Information intended for future publication",
    "22A": "Research",
    "23": "Information supplied by, or relating to, bodies dealing with security matters",
    "24": "National security",
    "26": "Defence",
    "27": "International relations",
    "28": "Relations within the United Kingdom",
    "29": "The economy",
    "30": "Investigations and proceedings conducted by public authorities",
    "31": "Law enforcement",
    "32": "Court records",
    "33": "Audit functions",
    "34": "Parliamentary privilege",
    "35": "Formulation of government policy",
    "36": "Prejudice to effective conduct of public affairs",
    "37": "Communications with Her Majesty and honours",
    "38": "Health and safety",
    "39": "Environmental information",
    "40": "Personal information",
    "41": "Information provided in confidence",
    "42": "Legal professional privilege",
    "43": "Commercial interests",
    "44": "Prohibitions on disclosure",
}

# Words a paper uses after the number ("Section 40 personal information"), to recognise a mention.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "24": ("national security",),
    "26": ("defence",),
    "27": ("international relations",),
    "30": ("investigations",),
    "31": ("law enforcement",),
    "35": ("government policy", "policy"),
    "36": ("public affairs",),
    "38": ("health and safety",),
    "40": ("personal", "data protection"),
    "41": ("confidence",),
    "42": ("legal professional privilege", "privilege"),
    "43": ("commercial",),
    "44": ("prohibitions",),
}


def label(section: str) -> str:
    """The label drawn on a redaction box, e.g. ``s40(2)`` for personal data of third parties."""
    return f"s{section}"


# Exempt information under the Local Government Act 1972, Schedule 12A Part 1 (England), by paragraph: a
# council's Part 2 often names one of these instead of a FOIA section. Recorded as section "Sch12A para N".
SCHEDULE_12A_ACT = "Local Government Act 1972"
SCHEDULE_12A: dict[str, str] = {
    "1": "Information relating to any individual",
    "2": "Information likely to reveal the identity of an individual",
    "3": "Information relating to the financial or business affairs of any particular person",
    "4": "Information relating to consultations or negotiations on a labour relations matter",
    "5": "Information subject to legal professional privilege",
    "6": "Information revealing a proposed notice, order or direction under an enactment",
    "7": "Information relating to the prevention, investigation or prosecution of crime",
}


def schedule_12a_section(paragraph: str) -> str:
    return f"Sch12A para {paragraph}"
