"""Errors of an officer's form, collected field by field and shown the GOV.UK way.

A form check adds ``(field id, plain-English message)``; the page then shows an error summary linking to
each field and an inline message that marks the field, with every value the officer typed kept. This module
only collects and words errors: what is *valid* is decided by the one validation of decisions (the
redaction library's :class:`~redaction.decisions.Decisions`, and the service's shared validator when there
is one). ``collect`` runs any such check and files its refusal under a field, so another validator plugs in
by being called through it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable, TypeVar

from redaction.errors import InputError

T = TypeVar("T")

EXAMPLE_DATE = "1 April 2025"


@dataclass(frozen=True)
class FieldError:
    field: str  # the id of the input the message is about (the summary links to ``#<field>``)
    message: str  # plain English, names what to do: "Enter the release date as a date, for example …"


@dataclass
class FormErrors:
    """The errors of one submitted form, in the order of the fields on the page."""

    items: list[FieldError] = field(default_factory=list)

    def add(self, field_id: str, message: str) -> None:
        if field_id not in self.fields:  # one message per field: the first problem is the one to fix
            self.items.append(FieldError(field_id, message))

    def collect(self, field_id: str, message: str | None, check: Callable[..., T], *args) -> T | None:
        """Run ``check(*args)``; when it refuses (``InputError``), file ``message`` (or the refusal's own
        user-safe message) under ``field_id`` and return None."""
        try:
            return check(*args)
        except InputError as exc:
            self.add(field_id, message or sentence(exc.message))
            return None

    @property
    def fields(self) -> dict[str, str]:
        return {e.field: e.message for e in self.items}

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)


class FormInvalid(Exception):
    """The form has errors; nothing was saved. ``errors`` says which fields and why."""

    def __init__(self, errors: FormErrors):
        super().__init__("; ".join(e.message for e in errors.items))
        self.errors = errors


def sentence(message: str) -> str:
    """A message as a sentence: capital first letter, full stop."""
    message = message.strip()
    message = message[:1].upper() + message[1:]
    return message if message.endswith((".", "?", "!")) else message + "."


def date_message(what: str) -> str:
    return f"Enter {what} as a date, for example {EXAMPLE_DATE}"


def uk_day(value: date) -> str:
    """``2025-04-01`` → ``1 April 2025`` (the form every message and warning uses)."""
    return f"{value.day} {value.strftime('%B')} {value.year}"
