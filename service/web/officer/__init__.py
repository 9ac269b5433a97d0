"""The officers' pages at ``/officer/`` (blueprint ``officer``, every route signed in)."""

from service.web.officer import approval, lifecycle, papers, releases, review, users  # noqa: F401 (their routes)
from service.web.officer.blueprint import bp

__all__ = ["bp"]
