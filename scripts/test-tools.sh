#!/usr/bin/env bash
# Installs the system tools some tests need when they are missing: Debian's chromium (browser tests),
# pg_dump and sqlite3 (backup/restore tests); the service's own tools come from runtime-tools.sh. Uses
# apt-get as root; otherwise says what is missing — those tests then skip locally and fail when CI=true.
cd "$(dirname "$0")"
./install-missing.sh "test tools" chromium:chromium pg_dump:postgresql-client sqlite3:sqlite3 \
    || echo "the tests that need them will skip (and fail when CI=true)" >&2
exit 0
