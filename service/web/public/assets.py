"""The public pages' CSS and JavaScript, built by ``make install`` from the pinned GOV.UK Frontend npm
package into ``build/frontend/assets`` (see ``service/frontend/build.sh``) and served from ``/assets/``.

URLs carry a hash of the built files (``/assets/public.css?v=…``), so browsers may keep them for a year.
"""

from __future__ import annotations

import hashlib
import logging
from functools import lru_cache
from pathlib import Path

from flask import abort, current_app, request, send_from_directory, url_for

from service.web.public.cache_ages import ASSET_MAX_AGE, PAGE_MAX_AGE

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DIR = ROOT / "build" / "frontend" / "assets"
FILES = ("public.css", "public.mjs", "govuk-frontend.min.js")


def assets_dir() -> Path:
    return Path(current_app.config.get("PUBLIC_ASSETS_DIR") or DEFAULT_DIR)


@lru_cache(maxsize=4)
def _version(folder: str) -> str:
    digest = hashlib.sha256()
    missing = []
    for name in FILES:
        path = Path(folder) / name
        if path.is_file():
            digest.update(path.read_bytes())
        else:
            missing.append(name)
    if missing:
        log.warning("public assets missing in %s (%s): run `make install`", folder, ", ".join(missing))
    return digest.hexdigest()[:12]


def assets_version() -> str:
    return _version(str(assets_dir()))


def asset_url(name: str) -> str:
    return url_for("public.asset", filename=name, v=assets_version())


def send_asset(filename: str):
    if filename not in FILES:  # only what the build makes is served, nothing else in the folder
        abort(404)
    # Kept for a year only under a versioned URL; a module imported by name (govuk-frontend.min.js) revalidates.
    versioned = request.args.get("v") == assets_version()
    response = send_from_directory(assets_dir(), filename, max_age=ASSET_MAX_AGE if versioned else PAGE_MAX_AGE)
    response.cache_control.immutable = versioned or None
    if filename.endswith(".mjs") or filename.endswith(".js"):
        response.mimetype = "text/javascript"
    return response
