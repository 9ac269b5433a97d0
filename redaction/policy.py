"""Who is kept and why: the publication policy an organisation edits (a TOML file).

Every person's name is redacted except public office holders acting in role: the named office holders of
the roster, anyone named in apposition to an office the file lists as held in public ("the Mayor of
Tower Hamlets, ...", "..., Leader of the Council", "... MP", "Chief Fire Officer ..."), and police chief
officers (Commander and above, chief constables and their deputies and assistants). Signatures, phone numbers and e-mail
addresses are always redacted. Every decision carries a reason a person can read.

The file is ``policy_default.toml`` beside this module unless ``FOIA_POLICY_FILE`` (or the ``path``
argument) names another.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import RedactionError

log = logging.getLogger(__name__)

DEFAULT_POLICY_FILE = Path(__file__).with_name("policy_default.toml")
POLICY_ENV = "FOIA_POLICY_FILE"

REDACT, KEEP = "redact", "keep"

# The exemption a redaction is made under unless the policy file or the officer says another: section 40(2)
# of the Freedom of Information Act 2000 (personal data of third parties), as drawn on the black boxes.
DEFAULT_EXEMPTION = "s40(2)"

# Reasons for the things that are always redacted, by type.
ALWAYS_REDACTED = {
    "PHONE_NUMBER": "UK phone number",
    "EMAIL_ADDRESS": "e-mail address",
    "SIGNATURE": "signature",
}
REASON_POLICE_BELOW_CHIEF = "police officer below chief officer rank"
REASON_PERSON = "person's name"
REASON_NOT_POLICE_CHIEF = "not a police chief officer rank"


class PolicyError(RedactionError):
    """The policy file is missing or malformed; the message says which file and what is wrong."""


@dataclass(frozen=True)
class Decision:
    action: str  # "redact" or "keep"
    reason: str


@dataclass(frozen=True)
class Policy:
    exemption: str
    chief_officer_ranks: frozenset[str]
    office_holders: dict[str, str]  # folded full name -> role
    roles: dict[str, str] = None  # a role as written ("DMPC") -> the role's name
    police_ranks: frozenset[str] = frozenset()  # every police rank's full name (the others are fire, RAF ...)
    # offices written with a place or subject ("Mayor of {place}" as a pattern, role name or "" for as written)
    role_templates: tuple[tuple[str, str], ...] = ()
    after_name: dict[str, str] = None  # an office written right after a name ("MP") -> the role's name

    def role_pattern(self, *, templates: bool = True) -> str | None:
        """A regular expression for any written form of a kept role, longest first. ``templates=False``
        leaves out the offices written with a place or subject, which may run on into a name that follows
        with no comma ("the Minister for Policing Jo Bell")."""
        forms = [r"\s+".join(map(re.escape, f.split())) for f in sorted(self.roles or {}, key=len, reverse=True)]
        if templates:
            forms = [t for t, _ in self.role_templates] + forms
        return "(?:" + "|".join(forms) + ")" if forms else None

    def role_of(self, written: str) -> str | None:
        """The role's name for a role as written in a paper: "DMPC" -> "Deputy Mayor for Policing and
        Crime"; an office with a place or subject is named as written ("Mayor of Tower Hamlets")."""
        written = " ".join(written.split())
        if written in (self.roles or {}):
            return self.roles[written]
        if written in (self.after_name or {}):
            return self.after_name[written]
        for pattern, role in self.role_templates:
            if re.fullmatch(pattern, written):
                return role or written
        return None

    def for_type(self, entity_type: str, reason: str | None = None) -> Decision:
        """Always redacted; ``reason`` is a recognizer's more precise reason ("phone number (international)")."""
        return Decision(REDACT, reason or ALWAYS_REDACTED.get(entity_type, "personal data"))

    def for_person(self, names: set[str], ranks: set[str], roles: set[str] = frozenset()) -> Decision:
        """The decision for one person, from every way the paper names them, every rank written beside
        them (full rank names, e.g. "Detective Superintendent") and every roster role written beside
        them ("Kaya Brennan, Deputy Mayor for Policing and Crime": in role even if not yet listed)."""
        for name in sorted(names, key=len, reverse=True):
            role = self.office_holders.get(fold(name))
            if role:
                return Decision(KEEP, f"named office holder: {role}")
        if roles:
            return Decision(KEEP, f"named office holder: {sorted(roles)[0]}")
        chief = sorted(r for r in ranks if r in self.chief_officer_ranks)
        if chief:
            return Decision(KEEP, f"police chief officer: {chief[0]}")
        if any(r in self.police_ranks for r in ranks):
            return Decision(REDACT, REASON_POLICE_BELOW_CHIEF)
        if ranks:  # "Group Commander" (fire), "Borough Commander" (a post), "Wing Commander" (RAF)
            return Decision(REDACT, f"{sorted(ranks)[0]}: {REASON_NOT_POLICE_CHIEF}")
        return Decision(REDACT, REASON_PERSON)


def fold(name: str) -> str:
    """Names compare without case, spacing or apostrophe style: "Mike  WEST" == "mike west"."""
    return " ".join(name.replace("’", "'").casefold().split())


def load_policy(path: str | os.PathLike | None = None) -> Policy:
    """The policy in ``path``, else in ``$FOIA_POLICY_FILE``, else the shipped default."""
    chosen = Path(path or os.environ.get(POLICY_ENV) or DEFAULT_POLICY_FILE)
    return _load(chosen.resolve())


@lru_cache(maxsize=8)
def _load(path: Path) -> Policy:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PolicyError(f"the policy file {path.name} does not exist") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PolicyError(f"the policy file {path.name} is not valid TOML: {exc}") from None
    try:
        ranks = data.get("police", {}).get("chief_officer_ranks", [])
        holders: dict[str, str] = {}
        roles: dict[str, str] = {}
        templates: list[tuple[str, str]] = []
        after_name: dict[str, str] = {}
        for entry in data.get("office_roles", []):
            role = str(entry["role"])
            for written in [role, *entry.get("also_written", [])]:
                if "{" in written:
                    templates.append((_template(written), ""))
                else:  # the office as written is the reason ("Deputy Mayor"); an abbreviation says its role
                    roles[str(written)] = role if str(written).isupper() else " ".join(str(written).split())
            for written in entry.get("after_name", []):
                after_name[str(written)] = role
        for entry in data.get("office_holders", []):
            role = entry["role"]
            for written in [role, *entry.get("also_written", [])]:
                roles[str(written)] = role
            for name in entry["names"]:
                holders[fold(name)] = role
        from .detect.vocabulary import POLICE_RANKS  # noqa: PLC0415 - detect imports this module

        unknown = sorted(set(map(str, ranks)) - set(POLICE_RANKS.values()))
        if unknown:
            raise PolicyError(f"the policy file {path.name} names unknown police ranks: {', '.join(unknown)}")
        policy = Policy(exemption=str(data.get("exemption", DEFAULT_EXEMPTION)),
                        chief_officer_ranks=frozenset(str(r) for r in ranks), office_holders=holders,
                        roles=roles, police_ranks=frozenset(POLICE_RANKS.values()),
                        role_templates=tuple(templates), after_name=after_name)
    except (KeyError, TypeError, AttributeError) as exc:
        raise PolicyError(f"the policy file {path.name} is malformed: each office_holders entry needs "
                          f"'role' and 'names', each office_roles entry 'role' ({type(exc).__name__})") from None
    log.info("loaded policy %s: chief ranks=%d office holders=%d", path.name, len(policy.chief_officer_ranks),
             len(holders))
    return policy


# "{place}" or "{subject}" in an office as written: a capitalised phrase of up to six words, which may hold
# "and", "&", "of", "for", "the" ("Mayor of Tower Hamlets", "Cabinet Member for Adults and Health").
# Gaelic and Welsh places keep their articles and prefixed letters in lower case ("Na h-Eileanan an Iar", "Bro
# Morgannwg", "Ynys y Barri").
_PHRASE = (r"(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:(?:and|&|of|for|the|upon|on|in|an|na|nan|y|yr)\s+){0,2}"
           r"(?:(?:[hnt]-)?[A-Z][\w'’&-]*|&)){0,5}")


def _template(written: str) -> str:
    parts = re.split(r"\{\w+\}", written)
    return _PHRASE.join(r"\s+".join(map(re.escape, p.split(" "))) for p in parts)

