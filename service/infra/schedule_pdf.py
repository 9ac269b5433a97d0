"""PDF reading for the redaction schedule, run in a child process (:mod:`service.infra.pdfwork`): where each text
the officer redacts everywhere occurs, and what text lies under each box the officer drew.

Plain data in and out; nothing here logs a text or returns it anywhere but to the caller.
"""

from __future__ import annotations


def locate(path: str, texts: list[str], boxes: list[dict]) -> dict:
    """``{"texts": [[[page, top], ...] per text], "boxes": [text under each box]}``; pages count from 1,
    ``top`` is the top of the occurrence's first character in PDF points."""
    import pypdfium2 as pdfium

    found: list[list[list[float]]] = [[] for _ in texts]
    under: list[str] = ["" for _ in boxes]
    pdf = pdfium.PdfDocument(path)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                for t, text in enumerate(texts):
                    searcher = textpage.search(text, match_case=False)
                    try:
                        while (hit := searcher.get_next()) is not None:
                            left, bottom, right, top = textpage.get_charbox(hit[0])
                            found[t].append([index + 1, round(top, 1)])
                    finally:
                        searcher.close()
                for b, box in enumerate(boxes):
                    if int(box.get("page", 0)) == index + 1:
                        x0, y0, x1, y1 = box["box"]
                        under[b] = " ".join(textpage.get_text_bounded(left=x0, bottom=y0, right=x1,
                                                                       top=y1).split())
            finally:
                textpage.close()
                page.close()
    finally:
        pdf.close()
    return {"texts": found, "boxes": under}
