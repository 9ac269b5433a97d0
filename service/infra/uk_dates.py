"""Jinja filters: UK dates ("1 April 2025") and times in Europe/London."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import Flask

LONDON = ZoneInfo("Europe/London")


def uk_date(value) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    if isinstance(value, datetime):
        value = value.astimezone(LONDON).date()
    return f"{value.day} {value:%B %Y}"


def uk_datetime(value: datetime | None) -> str:
    if not value:
        return ""
    local = value.astimezone(LONDON)
    return f"{local.day} {local:%B %Y, %H:%M}"


def file_size(n: int | None) -> str:
    n = n or 0
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


def register(app: Flask) -> None:
    app.add_template_filter(uk_date)
    app.add_template_filter(uk_datetime)
    app.add_template_filter(file_size)
