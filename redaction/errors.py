"""Typed errors with messages that are safe to show to a user.

Every error the library raises on purpose derives from :class:`RedactionError`. Its ``str()`` is one line,
names the problem in plain words and never contains text taken from the document (so it can go to a log,
a web page or stderr without leaking the personal data being removed).
"""


class RedactionError(Exception):
    """Base class: ``str(err)`` is a one-line, user-safe message."""

    code = "error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InputError(RedactionError):
    """The uploaded file cannot be processed; nothing was written."""

    code = "bad_input"


class NotAPdf(InputError):
    code = "not_pdf"


class EmptyFile(InputError):
    code = "empty"


class EncryptedPdf(InputError):
    code = "encrypted"


class DamagedPdf(InputError):
    code = "damaged"


class TooLarge(InputError):
    """More bytes or pages than the configured limits."""

    code = "too_large"


class PdfBomb(InputError):
    """Streams that decompress far beyond what a real paper needs."""

    code = "pdf_bomb"


class DecisionNeeded(RedactionError):
    """The analysis is unsure of something that decides what is published (where Part 2 starts); an
    officer must confirm it in the decisions before anything is written."""

    code = "decision_needed"


class LeakDetected(RedactionError):
    """Verification found removed or withheld content in an output; nothing may be published."""

    code = "leak"

    def __init__(self, message: str, checks: list[str] | None = None):
        super().__init__(message)
        self.checks = checks or []


class EmptyPart(RedactionError):
    """A part the split would write has no pages, no content or cannot be read back: nothing is written."""

    code = "empty_part"
