"""What the detector proposes for a text, under the shipped default policy: shared by the table-driven
tests of each set's error classes (tests/test_detect_*_classes.py)."""

from redaction.detect import find_in_text
from redaction.policy import DEFAULT_POLICY_FILE, load_policy

POLICY = load_policy(DEFAULT_POLICY_FILE)


def found(text, kind="PERSON"):
    """(the item's text with its whitespace collapsed, its action) for each item of ``kind``."""
    return [(" ".join(text[m.start:m.end].split()), m.decision.action)
            for m in find_in_text(text, policy=POLICY) if m.type == kind]


def redacted(text, kind="PERSON"):
    return [t for t, action in found(text, kind) if action == "redact"]


def kept(text):
    return [t for t, action in found(text) if action == "keep"]
