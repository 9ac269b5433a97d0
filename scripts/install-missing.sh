#!/usr/bin/env bash
# install-missing.sh WHAT COMMAND:PACKAGE ...: installs with apt-get (as root) the Debian package of every
# COMMAND not on the PATH; otherwise says what is missing. WHAT names the tools in the messages.
set -euo pipefail
what="$1"; shift
missing=""
for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing="$missing ${pair#*:}"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing $what:$missing"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
    echo "note: missing$missing (install them with: sudo apt-get install$missing)" >&2
    exit 3
fi
