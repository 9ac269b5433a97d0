"""Names after a job described in prose: "the contractor Priyanka Bhattacharya", "the programme manager,
Kwame Asante-Boateng", "our evaluator Jo Bell", "the Head of Finance, Tomasz Wiśniewski", "the trainer in
Leeds, Jo Bell", "Records Manager: Jo Bell", "the LGA's Jo Bell". NER often reads
such a name with the firm that follows it as one organisation; the job word says a person follows."""

from __future__ import annotations

import re

from .. import regex_cache
from .base import RuleRecognizer
from ..vocabulary import JOB_NOUNS, ORGANISATION_WORDS, PROFESSIONS
from .patterns import FULL_NAME, RANK, SEP, TITLE, longest_first, name_words, plausible_name

_JOBS = ("contractor", "consultant", "evaluator", "researcher", "analyst", "adviser", "advisor", "manager",
         "officer", "lead", "coordinator", "co-ordinator", "director", "chair", "chairperson", "solicitor",
         "barrister", "accountant", "auditor", "engineer", "architect", "supplier", "author", "academic",
         "lecturer", "professor", "volunteer", "caseworker", "advocate", "investigator", "administrator",
         "secretary", "clerk", "trainer", "specialist", "witness", "victim", "resident", "member", "head",
         "agent", "owner", "landowner", "landlord", "tenant", "gamekeeper", "keeper", "proprietor", "treasurer")
# any profession as well, in lower case: "the Authority's surveyor, Jo Bell"
# ... and any job noun ("Assessing social worker: Noor ul-Ain Bhutta")
_JOB = "(?:" + "|".join(map(re.escape, sorted({*_JOBS, *PROFESSIONS, *JOB_NOUNS}, key=longest_first))) + ")"
# A capitalised job title with its department, then a comma: "the Head of Finance, Tomasz Wiśniewski".
_TITLED_JOB = "(?:" + "|".join(re.escape(j.capitalize())
                               for j in sorted({*_JOBS, *PROFESSIONS}, key=longest_first)) + ")"
_OF_DEPARTMENT = r"(?:[ \t]+of(?:[ \t]+(?:the|and|&|[A-Z][\w&-]*)){1,4})"
# where the person works, between the job and the name: "the trainer in Leeds, Jo Bell"
_PLACED = r"(?:[ \t]+(?:in|at|from)[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?[ \t]*,)"
_ROLE_NOUN = regex_cache.compile(rf"(?<![\w-])(?:{_JOB}s?(?:{_PLACED}|[ \t]*[,:]?)|{_TITLED_JOB}{_OF_DEPARTMENT}[ \t]*,){SEP}"
                        rf"(?P<name>{FULL_NAME})")
# A post written as a label: "Information Governance Manager: Jo Bell"; a capitalised post in apposition
# ("the Statutory Scrutiny Officer, Jo Bell-Grant,") or as a title ("Treasurer Jo Bell"); a post said to be someone ("the agent is Jo Bell").
_POST_LABEL = regex_cache.compile(rf"(?<![\w-]){_TITLED_JOB}s?(?:[ \t]*[:,]{SEP}(?P<name>{FULL_NAME})|[ \t]+(?P<name3>{FULL_NAME}))"
                         rf"|(?<![\w-])(?i:{_JOB})[ \t]+is{SEP}(?P<name2>{FULL_NAME})")
# A person of an organisation written by its letters: "the LGA's Jo Bell supplied". Only as the subject
# of a verb a person does, so "the NHS's Long Term Plan applies" is no name.
_PERSON_VERBS = ("said", "says", "wrote", "told", "supplied", "provided", "offered", "confirmed", "agreed",
                 "advised", "explained", "responded", "commented", "attended", "presented", "noted", "asked",
                 "objected", "complained", "argued", "spoke", "welcomed", "opposed", "supported", "questioned")
# ... or by a name ending in an organisation word ("Northgate Advocacy's Jo Bell objected")
_ORG_NAME = "(?:[A-Z][\\w&-]*[ \\t]+){1,3}(?i:" + "|".join(map(re.escape, sorted(ORGANISATION_WORDS))) + ")"
_OF_ACRONYM = regex_cache.compile(rf"(?<![\w-])(?:[A-Z][A-Za-z]*[A-Z]|{_ORG_NAME})['’]s[ \t]+(?P<name>{FULL_NAME})"
                         rf"(?=[ \t]+(?:{'|'.join(_PERSON_VERBS)})(?![\w-]))")


# A name described in brackets as a person: "Jo Bell (a looked-after child)", "Jo Bell (the tenant)".
_PEOPLE = ("child", "pupil", "student", "resident", "patient", "tenant", "constituent", "complainant", "victim",
           "witness", "volunteer", "carer", "parent", "mother", "father", "son", "daughter", "boy", "girl", "man",
           "woman", "person", "claimant", "applicant", "employee", "officer", "member", "client", "service user")
_DESCRIBED = regex_cache.compile(rf"(?<![\w'’-])(?P<name>{FULL_NAME})[ \t]*\((?:a|an|the|our|his|her|their)[ \t]+"
                        rf"(?:[a-z][\w-]*[ \t]+){{0,3}}(?:{'|'.join(_PEOPLE)})s?\b")

# Any post in apposition, closed by commas on both sides: "The CEO, Jo Bell, and ...", "the Trust's Member
# Champion for Farming, Jo Bell, is ...". A post is capitalised words (or letters) after "the" or a
# possessive; the second comma (or a bracket) says the name is set off as the post's holder.
_POST_WORD = r"(?:[A-Z][\w&-]*|of|for|and|the|&)"
_APPOSITION = regex_cache.compile(rf"(?:(?<![\w-])[Tt]he|['’]s)[ \t]+(?=[A-Z])(?:{_POST_WORD}[ \t]+){{0,5}}[A-Z][\w&-]*"
                         rf"[ \t]*,{SEP}(?!(?:{RANK}|{TITLE})[\s.])(?P<name>{FULL_NAME})(?=[ \t]*[,(])")


class RoleNounNameRecognizer(RuleRecognizer):
    SCORE = 0.85
    EXPLANATION = "name after a job described in prose"

    def analyze(self, text, entities, nlp_artifacts=None):
        # a name read on over a line break into the next cell ("reviewer" / "Jo Bell" / "Partnership
        # business") is cut back to its own line; otherwise the job noun is enough
        out = [self.result(m.start("name"), m.start("name") + (_plausible_end(m.group("name"), True) or len(m.group("name"))))
               for m in _ROLE_NOUN.finditer(text) if not _describes_the_name_before(text, m)
               # a job as a label ("Seizing officer: Border Force Officer Jo Bell") takes a name only whole
               and (":" not in text[m.start():m.start("name")]
                    or _plausible_end(m.group("name"), True) == len(m.group("name").rstrip()))]
        # a label or an organisation's letters say less than a job noun: the whole name must be plausible
        # ("Secretary: Democratic Services" is no name)
        return out + [self.result(m.start(g), m.start(g) + end) for rule in (_POST_LABEL, _OF_ACRONYM, _DESCRIBED, _APPOSITION)
                      for m in _overlapping(rule, text) for g in ("name", "name2", "name3") if g in rule.groupindex
                      and m.group(g) and (end := _plausible_end(m.group(g), rule is _POST_LABEL and g == "name"))
                      # a post as a title takes a name over a line break only in prose, where punctuation
                      # ends the name ("Treasurer Jo" / "Bell;"); "Lead Due" / "Escalation training" is a table
                      and not (g == "name3" and "\n" in m.group(g) and not re.match(r"[;,.)]", text[m.end(g):]))]


def _describes_the_name_before(text: str, m: re.Match) -> bool:
    """"Bartholomew Spry, resident" / "Saltfleet" (a table's next cell): a job after a comma at the end of its
    line is said of the name before it; the words on the next line are not its holder."""
    return bool(re.search(r",[ \t]*(?:(?:an?|the)[ \t]+)?$", text[max(0, m.start() - 8):m.start()])
                and "\n" in text[m.start():m.start("name")])


def _plausible_end(name: str, cut_at_break: bool) -> int | None:
    """Where the name ends: the whole if plausible; after a post and a comma, a name read on over a line
    break into a heading ("the Monitoring Officer, Jo" / "Bell" / "Contacts") is cut back to the words
    before that break, if two at least are a plausible name."""
    if plausible_name(name_words(name)):
        return len(name)
    if not cut_at_break:
        return None
    for cut in reversed([m.start() for m in re.finditer(r"[ \t]*\n", name)]):
        words = name_words(name[:cut])
        if len(words) >= 2 and plausible_name(words):
            return cut
    return None


def _overlapping(rule: re.Pattern, text: str):
    """Every match, also those starting inside an earlier one: "Assistant" (a post) + "Chief Fire Officer"
    (no name) must not hide "Officer" + "Jo Bell"."""
    pos = 0
    while (m := rule.search(text, pos)):
        yield m
        pos = m.start() + 1
