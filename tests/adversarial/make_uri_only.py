"""Personal data only in a link's address, made by the real producers (Chromium and LibreOffice).

The visible text names nobody ("email the project team", "call the duty desk", "use the form"); the links
point at ``mailto:`` with a display name, ``tel:`` in international form and a form URL whose query holds a
name and a phone number with dots. Fictional people; Ofcom drama numbers.

    .venv/bin/python -m tests.adversarial.make_uri_only     # writes tests/adversarial/uri_only/*.pdf
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.adversarial.producers import chromium_pdf

OUT = Path(__file__).parent / "uri_only"
NAMES = ["Perpetua Lindqvist", "Tobias Ashcombe"]
EMAIL = "perpetua.lindqvist@fenbridge.gov.uk"
PHONES = ["+441134960123", "020.7946.0418"]
ORDINARY = ["The recommendation is approved within the existing budget envelope.",
            "Residents raised concerns about noise and the grant conditions were agreed."]
HTML = f"""<!DOCTYPE html><html><head><meta charset='utf-8'><title>Decision</title></head><body>
<h2>Decision FEN 2026/044: Community hall lettings</h2>
<p>{ORDINARY[0]}</p>
<p>For questions <a href="mailto:%22Perpetua%20Lindqvist%22%20%3Cperpetua.lindqvist%40fenbridge.gov.uk%3E">email
the project team</a>, or <a href="tel:+441134960123">call the duty desk</a>, or
<a href="https://consult.fenbridge.gov.uk/form?officer=Tobias+Ashcombe&amp;tel=020.7946.0418">use the form</a>.
The <a href="https://www.fenbridge.gov.uk/halls">hall booking page</a> lists the rates.</p>
<p>{ORDINARY[1]}</p>
</body></html>"""


def libreoffice_html_pdf(html: str) -> bytes:
    soffice = shutil.which("soffice") or sys.exit("LibreOffice (soffice) is needed")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "paper.html"
        src.write_text(html, encoding="utf-8")
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--infilter=HTML (StarWriter)", "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=180)
        return (Path(tmp) / "paper.pdf").read_bytes()


def main() -> None:
    OUT.mkdir(exist_ok=True)
    (OUT / "chromium.pdf").write_bytes(chromium_pdf(HTML))
    (OUT / "libreoffice.pdf").write_bytes(libreoffice_html_pdf(HTML))


if __name__ == "__main__":
    main()
