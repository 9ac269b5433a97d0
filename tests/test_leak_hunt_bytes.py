"""Leak hunt: personal data and Part 2 text written where no page shows them — the trailer, a page's
``/Group``, a Form XObject's own dictionary, a marked-content tag name, a font dictionary.

Found published with exit status 0 before these tests: a trailer key holding a Part 2 sentence (the engine
deleted only ``/Info``; the verifier never read the trailer, ``pdf.objects`` does not hold it), the input's
``/ID`` carried over, a Part 2 sentence in a page's ``/Group`` (kept whole) or a font dictionary (the
verifier looked for Part 2 text only in what readers extract), a name and phone number in a Form XObject's
extra name entry (the verifier read strings, not names) and a marked-content tag ``/Imogen#20Tarrant-Vosper``
(its ``#20`` escapes hid it from the byte scan). Now the engine keeps only the trailer's ``/Root`` and
``/Size`` (a new ``/ID`` is written), a ``/Group``'s and a form's own keys, and standard tag names; and the
verifier, on its own, fails ``structure`` on any other trailer key, ``raw-streams`` on a value in a name,
a tag or the ``/ID``, and ``part2-ngrams`` on Part 2 text in any string or stream of Part 1. A font
resource or a Separation colourant named after the person (also published before) is still kept by the
engine as written and is now refused by ``raw-streams``.

Each case is checked twice: the engine as it is (clean, or refused naming the check) with an oracle of this
test's own (pikepdf walk of every object, the trailer included, names with escapes undone), and the engine
broken on purpose (its save stage writes the construct back) to show the verifier's check fires alone."""

from __future__ import annotations

import importlib
import io
import re

import pikepdf
import pytest

from redaction import LeakDetected, analyse, redact
from tests import leak_hunt_paper as lh

part = importlib.import_module("redaction.pdf.part")
Name, String, Dictionary = pikepdf.Name, pikepdf.String, pikepdf.Dictionary
PERSON = f"{lh.NAME} {lh.PHONE}"


def _trailer(key, value):
    def change(pdf):
        pdf.trailer[key] = value
    return change


def _group(pdf):
    pdf.pages[0].obj.Group = Dictionary(S=Name.Transparency, CS=Name.DeviceRGB, Note=String(lh.SECRET))


def _form(**extra):
    def make(pdf):
        return pdf.make_stream(b"0 0 1 rg 0 0 10 10 re f", Type=Name.XObject, Subtype=Name.Form,
                               BBox=[0, 0, 10, 10], **extra)
    return lh.draw(b"q 1 0 0 1 400 400 cm /FxN Do Q", XObject={"FxN": make})


def _font_note(pdf):
    fonts = pdf.pages[0].obj.Resources.Font
    fonts[lh.font_name(pdf).decode()].Note = String(lh.SECRET)


TAG = b"/Imogen#20Tarrant-Vosper#20020#207946#200123"
CASES = {
    # construct -> (change, outcome with the engine as it is)
    "trailer key, Part 2 sentence": (_trailer("/Note", String(lh.SECRET)), "clean"),
    "trailer key, name and phone": (_trailer("/Note", String(PERSON)), "clean"),
    "trailer /ID, name and phone": (_trailer("/ID", pikepdf.Array([String(PERSON), String(PERSON)])), "clean"),
    "page /Group extra key, Part 2 sentence": (_group, "clean"),
    "form dictionary, name value": (_form(Author=Name("/" + PERSON)), "clean"),
    "form dictionary, Part 2 string": (_form(Note=String(lh.SECRET)), "clean"),
    "marked-content tag name (BMC)": (lh.draw(TAG + b" BMC BT /BODY 9 Tf 60 400 Td (PCD) Tj ET EMC"), "clean"),
    "marked-content point (MP)": (lh.draw(TAG + b" MP"), "clean"),
    "font dictionary, Part 2 string": (_font_note, "refused: part2-ngrams"),
    # names the content refers to: kept by the engine as written, so refused by the verifier's name reading
    "font resource named after the person": (lh.draw(
        b"BT /Imogen#20Tarrant-Vosper#20020#207946#200123 9 Tf 60 400 Td (PCD note) Tj ET",
        Font={PERSON: lambda pdf: pdf.pages[0].obj.Resources.Font[lh.font_name(pdf).decode()]}),
        "refused: raw-streams"),
    "Separation colourant named after the person": (lh.draw(b"q /CSx cs 1 scn 400 400 20 20 re f Q", ColorSpace={
        "CSx": pikepdf.Array([Name.Separation, Name("/" + PERSON), Name.DeviceCMYK, Dictionary(
            FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=[0, 0, 0, 1], N=1)])}), "refused: raw-streams"),
}


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _oracle(data: bytes, skip_written: bool = False) -> list[str]:
    """What this test finds in a file: every string, name and key of every object and of the trailer, and
    every stream decoded, names' #xx escapes undone; by label, never the value. ``skip_written``: leave out
    the content stream reportlab wrote for each page (the paper's own text), so only what a case added is
    read."""
    texts: list[str] = []
    skip = set()

    def walk(obj, depth=0):
        if depth > 30:
            return
        if isinstance(obj, (String, Name)):
            texts.append(bytes(obj).decode("latin-1") if isinstance(obj, String) else str(obj))
        elif isinstance(obj, pikepdf.Array):
            for v in obj:
                if isinstance(v, pikepdf.Object) and not v.is_indirect:
                    walk(v, depth + 1)
        elif isinstance(obj, (Dictionary, pikepdf.Stream)):
            for k in obj.keys():
                texts.append(k)
                v = obj.get(k)
                if isinstance(v, pikepdf.Object) and not v.is_indirect:
                    walk(v, depth + 1)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages if skip_written else []:
            contents = page.obj.Contents
            skip.add((contents[0] if isinstance(contents, pikepdf.Array) else contents).objgen)
        walk(pdf.trailer)
        for obj in pdf.objects:
            walk(obj)
            if isinstance(obj, pikepdf.Stream) and obj.objgen not in skip:
                raw = obj.read_bytes()
                texts.append(re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw)
                             .decode("latin-1"))
    flat = _squash("\n".join(texts))
    found = [label for label, text in (("name", "TarrantVosper"), ("phone", "79460123"), ("phone2", "7700900456"))
             if _squash(text) in flat]
    found += [f"part2 line {i}" for i, line in enumerate(lh.PART2) if _squash(line) in flat]
    return found


@pytest.fixture(scope="module")
def analysis():
    return analyse(lh.paper(), "leak_hunt.pdf")


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_input_holds_the_construct(name):
    assert _oracle(lh.paper(), skip_written=True) == []
    assert _oracle(lh.paper(CASES[name][0]), skip_written=True)


@pytest.mark.parametrize("name", sorted(CASES))
def test_clean_or_a_named_refusal(analysis, name):
    change, outcome = CASES[name]
    if outcome == "clean":
        result = redact(lh.paper(change), analysis)
        assert _oracle(result.part1) == []
        assert not [f for f in _oracle(result.part2) if not f.startswith("part2")]
    else:
        with pytest.raises(LeakDetected) as err:
            redact(lh.paper(change), analysis)
        assert err.value.checks == [outcome.split(": ")[1]]


# --- the engine broken on purpose: its save stage writes the construct into every output ---------------

def _unused_form(pdf):
    form = pdf.make_stream(b"BT /F1 9 Tf 0 0 Td " + lh.literal(lh.SECRET) + b" Tj ET", Type=Name.XObject,
                           Subtype=Name.Form, BBox=[0, 0, 500, 20])
    pdf.pages[0].obj.Resources.XObject = Dictionary(FxU=form)


def _tag(pdf):
    pdf.pages[0].contents_add(pdf.make_stream(TAG + b" BMC EMC"))


BROKEN = [
    ("structure", _trailer("/Note", String("Custody suite"))),
    ("raw-streams", _trailer("/ID", pikepdf.Array([String(PERSON), String(PERSON)]))),
    ("raw-streams", _tag),
    ("raw-streams", lambda pdf: pdf.pages[0].obj.Resources.__setitem__("/Author", Name("/" + PERSON))),
    ("part2-ngrams", lambda pdf: pdf.pages[0].obj.__setitem__("/Group", Dictionary(S=Name.Transparency,
                                                                                    Note=String(lh.SECRET)))),
    ("part2-ngrams", _unused_form),
]


@pytest.mark.parametrize("check,mutate", BROKEN, ids=[f"{c}-{i}" for i, (c, _) in enumerate(BROKEN)])
def test_the_verifier_catches_a_broken_engine(monkeypatch, analysis, check, mutate):
    real = part.save

    def leaky(pdf):
        mutate(pdf)
        return real(pdf)
    monkeypatch.setattr(part, "save", leaky)
    with pytest.raises(LeakDetected) as err:
        redact(lh.paper(), analysis)
    assert err.value.checks == [check]
    message = str(err.value).lower()
    assert "tarrant" not in message and "7946" not in message and "tranche" not in message
