"""Benchmark: OCR of scanned pages — speed on this machine, and recall of planted personal data.

Speed: the engine's OCR stage (redaction.scan_pages.read_scans: render at 300 dpi, despeckle, one tesseract
per core) in pages per second, against an anchor measured in the same run: the plain ``tesseract`` CLI
(default settings) reading the same pages rendered at 300 dpi, one after the other. Then the whole
``analyse`` and ``redact`` (with the text layer and the verifier's OCR) per page.

Recall, on the scanned papers made by tests/scans/make_scans.py (300 dpi clean, 150 dpi with noise and
skew, a page scanned sideways behind /Rotate 90, a text page with a screenshot plus a scanned annex with a
signature-block photo): planted names, numbers and e-mails proposed for redaction — judged by text (a
finding's text holds the planted text) and by box (the findings' boxes cover the item where the judge's own OCR
of the original page reads it: counts misread and split findings); planted values read back
by OCR of the published parts (must be 0); ordinary words found in the published scan's text layer; Part 2
lines read in Part 1 (must be 0). Judged by tests/scans/judge.py, which does not use the engine's code.

    .venv/bin/python bench/ocr.py              # the committed (tuning) set
    .venv/bin/python bench/ocr.py --holdout    # the held-out set, generated afresh (never committed)
    .venv/bin/python bench/ocr.py --fresh      # a second held-out set, made after the first was looked at
    .venv/bin/python bench/ocr.py --unseen     # tests/scans/unseen: committed before the engine read it
    .venv/bin/python bench/ocr.py --never-seen # tests/scans/never_seen: other bodies, producers, layouts;
                                               # committed before any engine read it, measured once
    .venv/bin/python bench/ocr.py --never-seen2  # tests/scans/never_seen2 (also --set never_seen2): a second
                                               # never-seen set (photo, fax, LibreOffice, small and grey print);
                                               # committed before any engine read it, measured once
    .venv/bin/python bench/ocr.py --never-seen3  # tests/scans/never_seen3 (also --set never_seen3): a third
                                               # never-seen set (two columns, 2 degree rotation, colour paper,
                                               # a hand, a stamp, a spreadsheet picture, upside down, 7 pt);
                                               # committed before any engine read it, measured once
    .venv/bin/python bench/ocr.py --never-seen4  # tests/scans/never_seen4 (also --set never_seen4): a fourth
                                               # never-seen set (dithered G4 fax, phone photo on a desk, carbon
                                               # copy, hand-filled form boxes, ruled table behind /Rotate 270,
                                               # JPEG 30 under a COPY watermark, e-mail header picture, two-up
                                               # A5); committed before any engine read it, measured once
    .venv/bin/python bench/ocr.py --never-seen5  # tests/scans/never_seen5 (also --set never_seen5): a fifth
                                               # never-seen set (4 degree skew, coffee ring and gutter shadow,
                                               # white on dark bands and a highlighter, upside down without
                                               # /Rotate, whiteboard photo, dark chat picture and faded toner,
                                               # folded 1-bit G4 letter, show-through with 7 pt footnotes at 150
                                               # dpi); committed before any engine read it, measured once
    .venv/bin/python bench/ocr.py --never-seen6  # tests/scans/never_seen6 (also --set never_seen6): a sixth
                                               # never-seen set (halftone moire newsletter, sticky notes, red
                                               # pen marks, out of focus at 300 dpi, standard-resolution fax
                                               # stored LZW, 8 pt table at 240 dpi JPEG 20, crumpled
                                               # photocopy, calendar invite picture and a feeder slip);
                                               # committed before any engine read it, measured once
    .venv/bin/python bench/ocr.py --never-seen7  # tests/scans/never_seen7 (also --set never_seen7): a seventh
                                               # never-seen set (page stored in strips and tiles, 1-bit JBIG2,
                                               # dot-matrix on green-bar paper, negative microfiche copy,
                                               # pictures turned upright by the drawing matrix, 16-colour
                                               # indexed scan with colour fringes, guilloche background and a
                                               # margin line, monitor photo and a slip scanned lid open);
                                               # committed before any engine read it, measured once
    .venv/bin/python bench/ocr.py --never-seen8  # tests/scans/never_seen8 (also --set never_seen8): an eighth
                                               # never-seen set (CMYK JPEG, a picture with an alpha channel,
                                               # a 96 dpi screenshot of a PDF viewer, a carbonless copy, JPEG
                                               # 2000 and an inline image, a thermal ticket photo and thermal
                                               # fax, a manual typewriter, slides coloured by hue);
                                               # committed before any engine read it, measured once
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from redaction import analyse, redact  # noqa: E402
from redaction.decisions import Decisions  # noqa: E402
from redaction.errors import LeakDetected  # noqa: E402
from redaction.extract import extract  # noqa: E402
from redaction.scan_pages import is_scan, read_scans  # noqa: E402
from tests.scans.judge import judge  # noqa: E402
from tests.scans.make_scans import make_set  # noqa: E402

SCANS = ROOT / "tests" / "scans"


def _anchor(paths: list[Path]) -> tuple[int, float]:
    """The plain tesseract CLI on the same pages (those that are pictures) rendered at 300 dpi, one after
    the other; rendering counted, as in the OCR stage."""
    pages, spent = 0, 0.0
    for path in paths:
        doc = pdfium.PdfDocument(path.read_bytes())
        try:
            scans = [p.number - 1 for p in extract(doc).pages if is_scan(p)]
            for i in scans:
                start = time.perf_counter()
                buf = io.BytesIO()
                doc[i].render(scale=300 / 72).to_pil().convert("L").save(buf, "PNG")
                subprocess.run(["tesseract", "stdin", "stdout"], input=buf.getvalue(), capture_output=True,
                               check=True)
                spent += time.perf_counter() - start
                pages += 1
        finally:
            doc.close()
    return pages, spent


def _engine(paths: list[Path]) -> tuple[int, float]:
    pages, spent = 0, 0.0
    for path in paths:
        doc = pdfium.PdfDocument(path.read_bytes())
        try:
            start = time.perf_counter()
            scans = read_scans(doc, extract(doc))
            spent += time.perf_counter() - start
            pages += len(scans.pages)
        finally:
            doc.close()
    return pages, spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--holdout", action="store_true", help="the held-out set, generated into a temp folder")
    parser.add_argument("--fresh", action="store_true", help="the second held-out set (after the first was seen)")
    parser.add_argument("--unseen", action="store_true",
                        help="tests/scans/unseen (other people, wording and fonts; committed before it was read)")
    parser.add_argument("--never-seen", action="store_true",
                        help="tests/scans/never_seen (committed before any engine read it; measure once, never tune)")
    parser.add_argument("--never-seen2", action="store_true",
                        help="tests/scans/never_seen2 (the second never-seen set; measure once, never tune)")
    parser.add_argument("--never-seen3", action="store_true",
                        help="tests/scans/never_seen3 (the third never-seen set; measure once, never tune)")
    parser.add_argument("--never-seen4", action="store_true",
                        help="tests/scans/never_seen4 (the fourth never-seen set; measure once, never tune)")
    parser.add_argument("--never-seen5", action="store_true",
                        help="tests/scans/never_seen5 (the fifth never-seen set; measure once, never tune)")
    parser.add_argument("--never-seen6", action="store_true",
                        help="tests/scans/never_seen6 (the sixth never-seen set; measure once, never tune)")
    parser.add_argument("--never-seen7", action="store_true",
                        help="tests/scans/never_seen7 (the seventh never-seen set; measure once, never tune)")
    parser.add_argument("--never-seen8", action="store_true",
                        help="tests/scans/never_seen8 (the eighth never-seen set; measure once, never tune)")
    parser.add_argument("--set", choices=["never_seen", "never_seen2", "never_seen3", "never_seen4", "never_seen5",
                                          "never_seen6", "never_seen7", "never_seen8"],
                        help="a committed never-seen set by its folder name (same as --never-seen / "
                             "--never-seen2 / --never-seen3 / --never-seen4 / --never-seen5 / --never-seen6 / "
                             "--never-seen7 / --never-seen8)")
    parser.add_argument("--paper", action="append", metavar="NAME",
                        help="only this paper of the set (by its name in the manifest; may be given again)")
    args = parser.parse_args()
    if args.set:
        setattr(args, args.set, True)
    if (args.never_seen + args.never_seen2 + args.never_seen3 + args.never_seen4 + args.never_seen5
            + args.never_seen6 + args.never_seen7 + args.never_seen8 > 1):
        parser.error("choose one never-seen set")
    tesseract = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print(f"machine: nproc={os.cpu_count()} {tesseract}")
    with tempfile.TemporaryDirectory() as tmp:
        held = args.holdout or args.fresh
        folder = (Path(tmp) if held else SCANS / "never_seen" if args.never_seen
                  else SCANS / "never_seen2" if args.never_seen2
                  else SCANS / "never_seen3" if args.never_seen3
                  else SCANS / "never_seen4" if args.never_seen4
                  else SCANS / "never_seen5" if args.never_seen5
                  else SCANS / "never_seen6" if args.never_seen6
                  else SCANS / "never_seen7" if args.never_seen7
                  else SCANS / "never_seen8" if args.never_seen8
                  else SCANS / "unseen" if args.unseen else SCANS)
        manifest = make_set(folder, holdout=args.holdout, fresh=args.fresh) if held else _manifest(folder)
        if args.paper:
            unknown = sorted(set(args.paper) - set(manifest))
            if unknown:
                parser.error(f"no such paper in the set: {', '.join(unknown)} (have: {', '.join(manifest)})")
            manifest = {name: about for name, about in manifest.items() if name in args.paper}
        paths = [folder / f"{name}.pdf" for name in manifest]
        kind = ("second held-out" if args.fresh else "held-out" if args.holdout
                else "never-seen (committed before any engine read it)" if args.never_seen
                else "second never-seen (committed before any engine read it)" if args.never_seen2
                else "third never-seen (committed before any engine read it)" if args.never_seen3
                else "fourth never-seen (committed before any engine read it)" if args.never_seen4
                else "fifth never-seen (committed before any engine read it)" if args.never_seen5
                else "sixth never-seen (committed before any engine read it)" if args.never_seen6
                else "seventh never-seen (committed before any engine read it)" if args.never_seen7
                else "eighth never-seen (committed before any engine read it)" if args.never_seen8
                else "unseen (committed, never tuned on)" if args.unseen else "tuning (committed)")
        print(f"set: {kind}{' (generated now)' if held else ''}, {len(paths)} papers")
        a_pages, a_time = _anchor(paths)
        e_pages, e_time = _engine(paths)
        print(f"OCR stage: {e_pages / e_time:.2f} pages/s ({e_pages} pages in {e_time:.1f} s); anchor, plain "
              f"tesseract CLI one page at a time: {a_pages / a_time:.2f} pages/s ({a_pages} in {a_time:.1f} s); "
              f"ratio {e_pages / e_time / (a_pages / a_time):.2f}")
        rows, total = [], {"planted": 0, "proposed": 0, "by_box": 0, "unlocated": 0, "read_back": 0, "layer": 0,
                           "ordinary": 0, "part2": 0, "kept": 0, "kept_redacted": 0}
        t_analyse = t_redact = 0.0
        pages = 0
        for path in paths:
            name = path.stem
            data = path.read_bytes()
            start = time.perf_counter()
            analysis = analyse(data, path.name)
            t_analyse += time.perf_counter() - start
            decisions = Decisions.from_dict({"confirmed": analysis.needs_confirmation})
            start = time.perf_counter()
            refused = ""
            try:
                result = redact(data, analysis, decisions)
                part1, part2 = result.part1, result.part2
            except LeakDetected as exc:  # fail closed: nothing published; judged on what was proposed
                refused, part1, part2 = ",".join(exc.checks), None, None
            t_redact += time.perf_counter() - start
            pages += analysis.pages
            j = judge(manifest[name], analysis.to_dict(), part1, part2, original=data)
            about = manifest[name]
            rows.append((name, f"{about['dpi']} dpi{' noisy' if about['noise'] else ''}", j, refused))
            for key, value in (("planted", j.planted), ("proposed", j.proposed), ("by_box", j.proposed_by_box),
                               ("unlocated", j.unlocated), ("read_back", j.read_back),
                               ("layer", j.layer_words), ("ordinary", j.ordinary_words),
                               ("part2", j.part2_read_back), ("kept", j.kept), ("kept_redacted", j.kept_redacted)):
                total[key] += value
        print(f"analyse: {pages / t_analyse:.2f} pages/s; redact + verify (text layer, verifier OCR): "
              f"{pages / t_redact:.2f} pages/s ({pages} pages)")
        print("proposed: by text (a finding's text holds the planted text) / by box (findings' boxes cover the "
              "item where the judge's own OCR of the original reads it; 'unloc.': items the judge did not find, "
              "judged by text)")
        print(f"{'paper':18} {'scan':14} {'planted':>7} {'by text':>7} {'recall':>6} {'by box':>6} {'recall':>6} "
              f"{'unloc.':>6} {'read back':>9} {'layer words':>11} {'P2 in P1':>8}  missed by text | by box")
        for name, kind, j, refused in rows:
            back = f"refused: {refused}" if refused else str(j.read_back)
            print(f"{name:18} {kind:14} {j.planted:7} {j.proposed:7} {j.proposed / j.planted:6.3f} "
                  f"{j.proposed_by_box:6} {j.proposed_by_box / j.planted:6.3f} {j.unlocated:6} {back:>9} "
                  f"{j.layer_words:5}/{j.ordinary_words:<5} {j.part2_read_back:8}  {', '.join(j.missed)} | "
                  f"{', '.join(j.missed_by_box)}")
        print(f"{'all':33} {total['planted']:7} {total['proposed']:7} {total['proposed'] / total['planted']:6.3f} "
              f"{total['by_box']:6} {total['by_box'] / total['planted']:6.3f} {total['unlocated']:6} "
              f"{total['read_back']:9} {total['layer']:5}/{total['ordinary']:<5} {total['part2']:8}")
        if total["kept"]:
            print(f"office holders kept by the manifest: {total['kept']}, proposed for redaction: "
                  f"{total['kept_redacted']}")


def _manifest(folder: Path) -> dict:
    import json

    return json.loads((folder / "manifest.json").read_text())


if __name__ == "__main__":
    main()
