"""What a viewer shows, made the document itself before any stage reads it: hidden optional content
deleted (:mod:`.optional`), then visible form fields drawn into their pages (:mod:`.flatten`)."""

from __future__ import annotations

import pikepdf

from .flatten import flatten_forms
from .optional import remove_hidden


def show_only_what_is_shown(pdf: pikepdf.Pdf) -> dict:
    """Rewrite ``pdf`` in place; returns what changed (empty when nothing did)."""
    changes: dict = {}
    hidden = remove_hidden(pdf)  # first: a hidden widget or layer must not be flattened into view
    if hidden:
        changes["hidden_optional_content"] = hidden
    forms = flatten_forms(pdf)
    if forms:
        changes["form_fields"] = forms
    return changes
