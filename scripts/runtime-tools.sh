#!/usr/bin/env bash
# Installs the system tools the service itself needs when they are missing: poppler's pdftotext (the
# verifier's third text reader) and tesseract (OCR of pictures, at analysis and in the verifier). Without
# them every redaction is refused (fail closed), so `make run` and `make test` both call this.
cd "$(dirname "$0")"
./install-missing.sh "runtime tools" pdftotext:poppler-utils "tesseract:tesseract-ocr tesseract-ocr-eng" \
    || echo "warning: until they are installed every redaction is refused" >&2
# tesseract without its English data reads nothing: scanned pages would all ask the officer
if command -v tesseract >/dev/null 2>&1 && ! tesseract --list-langs 2>/dev/null | grep -qx eng; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr-eng >/dev/null
    else
        echo "note: tesseract has no English data (install it with: sudo apt-get install tesseract-ocr-eng)" >&2
    fi
fi
exit 0
