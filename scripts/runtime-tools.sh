#!/usr/bin/env bash
# Installs the system tools the service itself needs when they are missing: poppler's pdftotext (the
# verifier's third text reader) and tesseract (OCR of pictures, at analysis and in the verifier). Without
# them every redaction is refused (fail closed), so `make run` and `make test` both call this.
cd "$(dirname "$0")"
./install-missing.sh "runtime tools" pdftotext:poppler-utils tesseract:tesseract-ocr \
    || echo "warning: until they are installed every redaction is refused" >&2
exit 0
