#!/usr/bin/env bash
# Builds the public pages' assets into OUT (default build/frontend): installs the pinned npm packages with
# `npm ci` (lock file, integrity hashes, no install scripts), compiles public.scss with GOV.UK Frontend's
# Sass, and copies the files the app serves to OUT/assets. Nothing here is committed.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="${1:-build/frontend}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
cp "$HERE/package.json" "$HERE/package-lock.json" "$OUT/"
(cd "$OUT" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
rm -rf "$OUT/assets.tmp" && mkdir -p "$OUT/assets.tmp"
GOVUK="$OUT/node_modules/govuk-frontend/dist/govuk"
"$OUT/node_modules/.bin/sass" --no-source-map --style=compressed --quiet-deps \
    --load-path="$OUT/node_modules" "$HERE/public.scss" "$OUT/assets.tmp/public.css"
cp "$GOVUK/govuk-frontend.min.js" "$HERE/public.mjs" "$OUT/assets.tmp/"
cp "$OUT/node_modules/axe-core/axe.min.js" "$OUT/axe.min.js"   # for the browser tests; not served
rm -rf "$OUT/assets" && mv "$OUT/assets.tmp" "$OUT/assets"
echo "public assets built in $OUT/assets"
