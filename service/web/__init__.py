"""The web layer: one blueprint package per audience (``public``, ``officer``, ``api``) and what every
response shares (sign-in, errors, security headers, health and metrics). Routes read and change things
through :mod:`service.domain`; nothing here decides a publishing rule."""
