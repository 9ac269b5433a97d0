"""Pure redaction library: PDF in, analysis and redacted PDFs out.

Never imports flask, sqlalchemy, apscheduler, service or scheduler.
"""

from .analysis import Analysis, PersonalData
from .errors import InputError, LeakDetected, RedactionError
from .limits import DEFAULT_LIMITS, Limits
from .pipeline import analyse
from .redact import RedactionResult, redact

__all__ = ["Analysis", "PersonalData", "InputError", "LeakDetected", "RedactionError", "Limits",
           "DEFAULT_LIMITS", "analyse", "redact", "RedactionResult"]
