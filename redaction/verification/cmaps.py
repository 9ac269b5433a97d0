"""A small reader of /ToUnicode CMaps (bfchar and bfrange), the verifier's own: code -> text."""

from __future__ import annotations

import re

_SECTION = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>|\[([^\]]*)\]")


def _text(hexstr: bytes) -> str:
    raw = bytes.fromhex(re.sub(rb"\s", b"", hexstr).decode())
    if len(raw) % 2:
        raw = b"\x00" + raw
    return raw.decode("utf-16-be", "replace")


def _code(hexstr: bytes) -> int:
    digits = re.sub(rb"\s", b"", hexstr)
    return int(digits or b"0", 16)


def parse_tounicode(data: bytes) -> dict[int, str]:
    out: dict[int, str] = {}
    for kind, body in _SECTION.findall(data):
        tokens = [(m.group(1), m.group(2)) for m in _HEX.finditer(body)]
        step = 2 if kind == b"bfchar" else 3
        for i in range(0, len(tokens) - step + 1, step):
            if kind == b"bfchar":
                if tokens[i][0] is not None and tokens[i + 1][0] is not None:
                    out[_code(tokens[i][0])] = _text(tokens[i + 1][0])
                continue
            lo, hi, dst = tokens[i][0], tokens[i + 1][0], tokens[i + 2]
            if lo is None or hi is None:
                continue
            lo_code, hi_code = _code(lo), _code(hi)
            if hi_code - lo_code > 65535:
                continue
            if dst[1] is not None:  # an array of destinations
                for n, item in enumerate(re.findall(rb"<([0-9A-Fa-f\s]*)>", dst[1])):
                    out[lo_code + n] = _text(item)
            elif dst[0] is not None:
                base = _text(dst[0])
                for n in range(hi_code - lo_code + 1):
                    out[lo_code + n] = base[:-1] + chr(min(ord(base[-1]) + n, 0x10FFFF)) if base else ""
    return out


# Every section of a CMap that maps codes (to text, to CIDs, or says which codes there are); in them a
# well-formed entry is hex strings, arrays of hex strings and (for CIDs) integers, nothing else.
_MAPPING = re.compile(rb"(begin(bfchar|bfrange|cidchar|cidrange|notdefchar|notdefrange|codespacerange))"
                      rb"(.*?)(end\2)", re.S)
_ENTRY = re.compile(rb"<[0-9A-Fa-f\s]*>|\[(?:\s*<[0-9A-Fa-f\s]*>)*\s*\]|(?<![\w.])\d+(?![\w.])")


def cmap_text(data: bytes) -> tuple[bytes, list[str]]:
    """A CMap read the ways a value could be extracted from it: ``(rest, texts)``.

    ``texts``: each distinct text a code maps to (bfchar and bfrange): a reader extracts a value from a
    ToUnicode CMap only as the text of one code a page shows (the page's codes are read by the text readers),
    never as the codes and texts of its table read in a row. ``rest``: the CMap with its mapping sections'
    well-formed entries taken out — its name, system info, comments and anything else a producer wrote,
    a literal string or name inside a section included — which is text like any other stream's."""
    rest = _MAPPING.sub(lambda m: m.group(1) + b" " + _ENTRY.sub(b" ", m.group(3)) + b" " + m.group(4), data)
    return rest, sorted(set(parse_tounicode(data).values()))
