"""Digits written one to a box (a form's phone number, a reference, a date of birth) read back as a number.

OCR reads a number written in a row of boxes as one word per digit ("0 1 1 3 4 9 6 0 8 5 1"): no single word
is a number, so detection finds none. On one line, a run of single digits at an even pitch is one number; a
gap clearly wider than the pitch (an empty box, a printed space) separates its groups, as a space would in
print ("0113 496 0851"). Each group becomes one word, its box the union of its digits' boxes.

Pure: words in, words out (any word with ``text``, ``box``, ``line`` and ``conf``, e.g.
:class:`redaction.picture_text.Word`).
"""

from __future__ import annotations

from dataclasses import replace

MIN_DIGITS = 5  # a run of fewer single digits is not taken for a number written in boxes
GROUP_GAP = 1.6  # a gap this many times the run's smallest is a space between groups
MAX_PITCH = 3.0  # digits further apart than this many digit-widths are not one run
_LOOKALIKES = {"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "S": "5", "B": "8"}


def _digit(text: str) -> str | None:
    """The digit a one-character word stands for, or None."""
    text = text.strip(".,;:")
    if len(text) != 1:
        return None
    return text if text.isdigit() else None


def _lookalike(text: str) -> str | None:
    text = text.strip(".,;:")
    return _LOOKALIKES.get(text) if len(text) == 1 else None


def _along(words) -> int:
    """0 when the words run across the page (x), 1 when down or up it (y: a page read on its side)."""
    xs = [(w.box[0] + w.box[2]) / 2 for w in words]
    ys = [(w.box[1] + w.box[3]) / 2 for w in words]
    return 0 if max(xs) - min(xs) >= max(ys) - min(ys) else 1


def regroup_digits(words: list) -> list:
    """``words`` with each run of single digits written at an even pitch joined into its groups."""
    out: list = []
    i = 0
    while i < len(words):
        run = _run_at(words, i)
        if len(run) < MIN_DIGITS:
            out.append(words[i])
            i += 1
            continue
        out.extend(_groups([words[k] for k in run]))
        i = run[-1] + 1
    return out


def _run_at(words: list, i: int) -> list[int]:
    """Indices of the run of single digits (a lookalike letter between two digits counts) starting at ``i``."""
    if _digit(words[i].text) is None:
        return []
    run = [i]
    j = i + 1
    while j < len(words) and words[j].line == words[i].line:
        text = words[j].text
        ok = _digit(text) is not None or (
            _lookalike(text) is not None and j + 1 < len(words) and words[j + 1].line == words[i].line
            and _digit(words[j + 1].text) is not None)
        if not ok or not _near(words[run[-1]], words[j]):
            break
        run.append(j)
        j += 1
    return run


def _near(a, b) -> bool:
    """``b`` follows ``a`` within ``MAX_PITCH`` digit-widths (in either direction along the line)."""
    width = max(a.box[2] - a.box[0], a.box[3] - a.box[1], 1e-6)
    ca = ((a.box[0] + a.box[2]) / 2, (a.box[1] + a.box[3]) / 2)
    cb = ((b.box[0] + b.box[2]) / 2, (b.box[1] + b.box[3]) / 2)
    return max(abs(ca[0] - cb[0]), abs(ca[1] - cb[1])) <= MAX_PITCH * width


def _groups(run: list) -> list:
    axis = _along(run)
    centres = [(w.box[axis] + w.box[axis + 2]) / 2 for w in run]
    gaps = [abs(b - a) for a, b in zip(centres, centres[1:])]
    pitch = min(gaps) if gaps else 0.0
    groups, current = [], [run[0]]
    for w, gap in zip(run[1:], gaps):
        if pitch > 0 and gap >= GROUP_GAP * pitch:
            groups.append(current)
            current = []
        current.append(w)
    groups.append(current)
    out = []
    for group in groups:
        text = "".join(_digit(w.text) or _lookalike(w.text) or "" for w in group)
        boxes = [w.box for w in group]
        box = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
        out.append(replace(group[0], text=text, box=box, conf=min(w.conf for w in group)))
    return out
