#!/usr/bin/env bash
# Installs the system tools some tests need when they are missing: Debian's chromium (browser tests),
# pg_dump and sqlite3 (backup/restore tests), poppler's pdftotext and tesseract (the verifier's third text
# reader and its OCR: without them redaction refuses to publish, so every redaction test fails). Uses
# apt-get as root; otherwise says what is missing — those tests then skip locally and fail when CI=true.
set -euo pipefail
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v pg_dump >/dev/null 2>&1 || missing="$missing postgresql-client"
command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v tesseract >/dev/null 2>&1 || missing="$missing tesseract-ocr"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing test tools:$missing"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
    echo "note: missing$missing (install them with apt-get as root); the tests that need them will skip" >&2
fi
