"""The public site: HTML pages, feeds, assets and HTTP caching, for anonymous visitors. Every read goes
through :mod:`service.web.public.queries` (published states only)."""

from service.web.public.pages import bp

__all__ = ["bp"]
