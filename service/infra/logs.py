"""Logging set-up for every ``foia`` command: text for people, or one JSON object a line for a collector.

``FOIA_LOG_FORMAT`` is ``text`` (default) or ``json``; ``FOIA_LOG_LEVEL`` is a level name (default
``WARNING``; ``INFO`` adds one line per request and per paper, release and sweep).

What the service logs carries ids, counts, states and types, never a value found in a paper. Two guards
keep it that way beyond our own log calls:

- JSON records hold an exception's *type* and *stack* (file, line, function) but not its message: a
  database error's message repeats the query's parameters, and a library error may quote the document.
- Libraries that log document content at DEBUG (pdfminer, presidio, spaCy's helpers) or floods at INFO
  (fontTools' glyph lists) are held at WARNING whatever the level.
- The development server's access lines (werkzeug, ``foia serve``) leave out the query string: a search
  (``/?q=…``) may be a person's name. See :class:`service.cli.serving.RequestHandler`.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import traceback
from datetime import datetime, timezone

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
FORMATS = ("text", "json")
QUIET = ("pdfminer", "presidio-analyzer", "presidio_analyzer", "pikepdf", "PIL", "urllib3", "asyncio",
         "alembic.runtime.plugins", "apscheduler",
         "fontTools")  # at INFO fontTools' subsetter logs its glyph lists: thousands of lines per publication


class LogConfigError(ValueError):
    """A bad FOIA_LOG_FORMAT or FOIA_LOG_LEVEL; the message names it."""


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC), level, logger, message, process, and any ``fields`` passed as
    ``extra={"fields": {...}}``; exceptions as type and stack without their message."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "process": record.process,
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            entry.update({k: v for k, v in fields.items() if k not in entry})
        if record.exc_info and record.exc_info[0] is not None:
            exc_type, _exc, tb = record.exc_info
            entry["exc_type"] = exc_type.__name__
            entry["stack"] = [f"{f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(tb)]
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure(level: str | None = None, fmt: str | None = None, stream=None,
              force: bool = False) -> logging.Handler | None:
    """Give the root logger one handler on ``stream`` (stderr) and return it. Like ``basicConfig``, leaves a
    root logger that already has handlers alone (``foia`` called inside another program) unless ``force``;
    the settings are checked either way."""
    fmt = (fmt or os.environ.get("FOIA_LOG_FORMAT") or "text").strip().lower()
    level = (level or os.environ.get("FOIA_LOG_LEVEL") or "WARNING").strip().upper()
    if fmt not in FORMATS:
        raise LogConfigError("FOIA_LOG_FORMAT must be text or json")
    if not isinstance(logging.getLevelName(level), int):
        raise LogConfigError("FOIA_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR")
    root = logging.getLogger()
    if root.handlers and not force:
        return None
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT))
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in QUIET:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLevelName(level)))
    return handler
