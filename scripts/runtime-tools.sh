#!/usr/bin/env bash
# Installs the system tools the service itself needs when they are missing: poppler's pdftotext (the
# verifier's third text reader) and tesseract (OCR of pictures, at analysis and in the verifier). Without
# them every redaction is refused (fail closed), so `make run` and `make test` both call this. Uses apt-get
# as root; otherwise says what is missing and how to install it.
set -euo pipefail
missing=""
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v tesseract >/dev/null 2>&1 || missing="$missing tesseract-ocr"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing runtime tools:$missing"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
    echo "warning: missing$missing (install them with: sudo apt-get install$missing);" \
         "until then every redaction is refused" >&2
fi
