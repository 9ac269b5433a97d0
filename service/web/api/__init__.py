"""The JSON API at ``/api/v1/``: the officers' API (bearer token, blueprint ``api``) and the public JSON
of published decisions (no token, blueprint ``public_api``)."""

from service.web.api import approval, lifecycle, papers  # noqa: F401 (their routes on bp)
from service.web.api.blueprint import bp
from service.web.api.decisions import bp as public_bp

__all__ = ["bp", "public_bp"]
