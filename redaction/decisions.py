"""An officer's decisions over an analysis: what to keep, what else to remove, where Part 2 starts.

This is the one shape shared by ``foia redact --decisions FILE``, the officer review page and the JSON API
(``POST /api/v1/papers/<id>/publish``). JSON form::

    {"items": {"p8-3fa2c1": "keep", "p9-0b71de": "redact"},  # by PersonalData.id; unlisted: the default
     "redact_texts": ["Operation Nightjar"],             # also removed everywhere it occurs (whole words)
     "boxes": [{"page": 2, "box": [72, 500, 200, 520], "exemption": "s40(2)"}],
     "part2_start": {"page": 9, "y": 401.2},             # or null for "no Part 2"; absent = as analysed;
                                                         # "x" names the column on a page of columns
     "confirmed": ["image_pages"],                      # what the officer checked (needs_confirmation)
     "deferred_until": "2026-01-31", "release_on": "2027-09-30", "review_on": null}   # service-level
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from .errors import InputError
from .policy import DEFAULT_EXEMPTION

_UNSET = object()
# "findings_changed": the paper was analysed again and some decisions found no item, or items are new
CONFIRMABLE = ("part2_start", "image_pages", "findings_changed")


@dataclass
class ExtraBox:
    page: int
    box: tuple[float, float, float, float]
    exemption: str = DEFAULT_EXEMPTION


@dataclass
class Decisions:
    items: dict[str, str] = field(default_factory=dict)
    redact_texts: list[str] = field(default_factory=list)
    boxes: list[ExtraBox] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)
    part2_start: object = _UNSET  # _UNSET: as analysed; None: no Part 2; (page, y)
    part2_x: float | None = None  # with part2_start on a page of columns: the column (x as displayed)
    deferred_until: object = _UNSET
    release_on: object = _UNSET
    review_on: object = _UNSET

    @property
    def moves_part2(self) -> bool:
        return self.part2_start is not _UNSET

    def settles(self, concern: str) -> bool:
        """Whether these decisions answer a ``needs_confirmation`` concern of the analysis."""
        if concern == "part2_start":
            return self.moves_part2 or concern in self.confirmed
        return concern in self.confirmed

    def to_dict(self) -> dict:
        """The JSON form (what :meth:`from_dict` reads); a field left as analysed is absent."""
        out: dict = {"items": dict(self.items), "redact_texts": list(self.redact_texts),
                     "boxes": [{"page": b.page, "box": list(b.box), "exemption": b.exemption} for b in self.boxes],
                     "confirmed": list(self.confirmed)}
        if self.moves_part2:
            out["part2_start"] = None if self.part2_start is None else {
                "page": self.part2_start[0], "y": self.part2_start[1],
                **({"x": self.part2_x} if self.part2_x is not None else {})}
        for name in ("deferred_until", "release_on", "review_on"):
            value = getattr(self, name)
            if value is not _UNSET:
                out[name] = value.isoformat() if value else None
        return out

    @classmethod
    def from_dict(cls, data: dict | None) -> "Decisions":
        """Validate and build; raises :class:`InputError` with a user-safe message."""
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise InputError("decisions must be a JSON object")
        d = cls()
        items = data.get("items", {})
        if not isinstance(items, dict) or any(v not in ("keep", "redact") for v in items.values()):
            raise InputError("decisions.items maps item ids to \"keep\" or \"redact\"")
        d.items = {str(k): v for k, v in items.items()}
        texts = data.get("redact_texts", [])
        if not isinstance(texts, list) or not all(isinstance(t, str) and t.strip() for t in texts):
            raise InputError("decisions.redact_texts is a list of non-empty strings")
        d.redact_texts = [t.strip() for t in texts]
        for b in data.get("boxes", []) or []:
            try:
                box = tuple(float(v) for v in b["box"])
                # not finite: NaN, Infinity and 1e309 (read as infinity) would reach the PDF as "inf"
                if len(box) != 4 or not all(map(math.isfinite, box)) or box[0] >= box[2] or box[1] >= box[3]:
                    raise ValueError
                d.boxes.append(ExtraBox(int(b["page"]), box, str(b.get("exemption", DEFAULT_EXEMPTION))))
            except (KeyError, TypeError, ValueError, OverflowError):
                raise InputError("each decisions.boxes entry needs page and box [x0, y0, x1, y1]") from None
        confirmed = data.get("confirmed", []) or []
        if not isinstance(confirmed, list) or any(c not in CONFIRMABLE for c in confirmed):
            raise InputError("decisions.confirmed lists what was checked: " + ", ".join(CONFIRMABLE))
        d.confirmed = list(dict.fromkeys(confirmed))
        if "part2_start" in data:
            p2 = data["part2_start"]
            if p2 is None:
                d.part2_start = None
            else:
                try:
                    d.part2_start = (int(p2["page"]), float(p2["y"]))
                    # on a page of columns, the x of the column where Part 2 starts (as displayed)
                    d.part2_x = float(p2["x"]) if p2.get("x") is not None else None
                    if not math.isfinite(d.part2_start[1]) or (d.part2_x is not None
                                                               and not math.isfinite(d.part2_x)):
                        raise ValueError
                except (KeyError, TypeError, ValueError, OverflowError):
                    raise InputError("decisions.part2_start needs page and y, or null") from None
        for name in ("deferred_until", "release_on", "review_on"):
            if name in data:
                setattr(d, name, _date(data[name], name))
        return d


def _date(value, name: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"decisions.{name} must be a date YYYY-MM-DD") from None
