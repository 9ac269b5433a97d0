"""Re-subset a Type 1 font program (``/FontFile``), as LibreOffice embeds OpenType CFF fonts: fontTools reads
it, the CharStrings are cut to the glyphs still shown and written in name order, and the built-in encoding
(first-use order, in a producer's subset) keeps only the surviving codes. Used by :mod:`.subset`."""

from __future__ import annotations

import pikepdf


def subset_type1(pdf: pikepdf.Pdf, descriptor: pikepdf.Dictionary, codes: set[int],
                 encoding: dict[int, str]) -> str:
    """A Type 1 program: CharStrings cut to the glyphs of the surviving codes (through the PDF encoding and
    the font's own), with accent components (``seac``), written in name order; the font's built-in encoding
    (first-use order, in a producer's subset) keeps only the surviving codes."""
    from fontTools.encodings.StandardEncoding import StandardEncoding
    from fontTools.t1Lib import T1Font

    program = descriptor.FontFile
    t1 = T1Font.__new__(T1Font)
    t1.data, t1.encoding = program.read_bytes(), "ascii"
    t1.parse()
    font = t1.font
    strings = font["CharStrings"]
    builtin = font.get("Encoding")
    builtin = builtin if isinstance(builtin, list) else list(StandardEncoding)
    keep = {".notdef"}
    for code in codes:
        keep |= {n for n in (encoding.get(code), builtin[code] if 0 <= code < len(builtin) else None) if n}
    keep &= set(strings.keys())
    for name in list(keep):  # seac: an accented glyph drawn from two others, by StandardEncoding code
        program_ops = strings[name].program if strings[name].program is not None else _decompiled(strings[name])
        if "seac" in program_ops:
            i = program_ops.index("seac")
            keep |= {StandardEncoding[int(program_ops[i - 2])], StandardEncoding[int(program_ops[i - 1])]} & \
                set(strings.keys())
    font["CharStrings"] = {n: strings[n] for n in sorted(keep, key=lambda n: (n != ".notdef", n))}
    if isinstance(font.get("Encoding"), list):
        font["Encoding"] = [n if (i in codes and n in keep) else ".notdef" for i, n in enumerate(builtin)]
    # fontTools writes the binary section on the "eexec" line; poppler's parser wants it on a line of its own
    data = t1.createData().replace(b"currentfile eexec ", b"currentfile eexec\n", 1)
    check = T1Font.__new__(T1Font)
    check.data, check.encoding = data, "ascii"
    check.parse()  # what cannot be read back is not written
    if set(check.font["CharStrings"].keys()) != keep:
        return "type1 program did not read back"
    start = data.index(b"currentfile eexec") + len(b"currentfile eexec\n")
    trailer = data.index(b"0" * 64, start)
    descriptor.FontFile = pdf.make_stream(data, Length1=start, Length2=trailer - start, Length3=len(data) - trailer)
    return "subset"


def _decompiled(charstring) -> list:
    charstring.decompile()
    return charstring.program or []
