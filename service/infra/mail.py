"""Talking to the mail server: ``FOIA_SMTP_URL`` parsed once, one message sent per call (smtplib).

``smtp://host[:port]`` (plain, port 25; no password allowed over it), ``smtp+starttls://user:pass@host[:port]``
(STARTTLS required, port 587) and ``smtps://user:pass@host[:port]`` (TLS from the start, port 465). A user
name and password in the URL are percent-decoded and used for ``AUTH``; :meth:`SmtpServer.safe` is the
form that logs and pages may show (never the credentials). This module knows nothing of the database:
:mod:`service.domain.notifications` decides what to send and when.
"""

from __future__ import annotations

import functools
import smtplib
import socket
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

DEFAULT_PORTS = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}
TIMEOUT_S = 20


class MailConfigError(ValueError):
    """``FOIA_SMTP_URL`` cannot be used; the message says why (without the password)."""


class SendError(Exception):
    """A message was not sent. ``permanent``: the server refused it for good (a 5xx reply), so trying
    again cannot help; otherwise (connection refused, timeout, 4xx) it is retried later. ``str()`` is
    safe to log and store: a reply code and class name, never the credentials."""

    def __init__(self, message: str, permanent: bool = False):
        super().__init__(message)
        self.message, self.permanent = message, permanent


@dataclass(frozen=True)
class SmtpServer:
    scheme: str
    host: str
    port: int
    username: str = ""
    password: str = field(default="", repr=False)
    ca_file: str = ""

    def safe(self) -> str:
        """``smtps://mail.example.org:465`` — what may be logged."""
        return f"{self.scheme}://{self.host}:{self.port}"


def parse_smtp_url(url: str, ca_file: str = "") -> SmtpServer:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise MailConfigError("not a URL such as smtp://mail.example.org:25") from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise MailConfigError("the scheme must be smtp://, smtp+starttls:// or smtps://")
    if not parts.hostname:
        raise MailConfigError("no host name")
    username, password = unquote(parts.username or ""), unquote(parts.password or "")
    if scheme == "smtp" and (username or password):
        raise MailConfigError("a password is never sent unencrypted: use smtp+starttls:// or smtps://")
    return SmtpServer(scheme, parts.hostname, port or DEFAULT_PORTS[scheme], username, password, ca_file)


def check_address(value: str) -> str:
    """``FOIA_MAIL_FROM`` as it will stand in the From header: one address (``foi@example.org`` or
    ``FOI publication <foi@example.org>``) with a user and a domain, on one line; else :class:`MailConfigError`.
    Returns the address's domain (the right-hand side of every ``Message-ID``)."""
    if not value or "\r" in value or "\n" in value:
        raise MailConfigError("one address on one line, such as foi@example.org")
    try:  # the parser that builds every message: what passes here is sent as it is
        probe = EmailMessage()
        probe["From"] = value
        addresses = probe["From"].addresses
    except Exception:  # the header parser raises ValueError, IndexError, HeaderParseError on bad input
        addresses = ()
    if len(addresses) != 1 or not addresses[0].username or not addresses[0].domain:
        raise MailConfigError("not an address such as foi@example.org")
    return addresses[0].domain


def send(server: SmtpServer, message: EmailMessage, timeout: float = TIMEOUT_S) -> None:
    """Send one message; raises :class:`SendError` (permanent or not) when it was not accepted."""
    try:
        with _connect(server, timeout) as smtp:
            if server.username:
                smtp.login(server.username, server.password)
            refused = smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused as exc:
        codes = sorted({code for code, _ in exc.recipients.values()})
        raise SendError(f"recipient refused ({', '.join(map(str, codes))})",
                        permanent=all(code >= 500 for code in codes)) from None
    except smtplib.SMTPResponseException as exc:  # sender refused, data refused, authentication failed
        raise SendError(f"{type(exc).__name__} ({exc.smtp_code})", permanent=exc.smtp_code >= 500) from None
    except (smtplib.SMTPException, OSError, ssl.SSLError) as exc:  # refused, timed out, dropped: try later
        raise SendError(type(exc).__name__) from None
    except Exception as exc:  # anything else smtplib may raise (an unencodable name): logged, tried again
        raise SendError(type(exc).__name__) from None
    if refused:  # several recipients, some refused: we send one recipient per message, so never here
        raise SendError("recipient refused", permanent=True)


def _connect(server: SmtpServer, timeout: float) -> smtplib.SMTP:
    if server.scheme == "smtps":
        return smtplib.SMTP_SSL(server.host, server.port, timeout=timeout, context=_tls(server.ca_file),
                                local_hostname=_local_name())
    smtp = smtplib.SMTP(server.host, server.port, timeout=timeout, local_hostname=_local_name())
    try:
        if server.scheme == "smtp+starttls":  # SMTPNotSupportedError when the server cannot: never plain
            smtp.starttls(context=_tls(server.ca_file))
    except BaseException:
        smtp.close()
        raise
    return smtp


@functools.lru_cache(maxsize=4)
def _tls(ca_file: str) -> ssl.SSLContext:
    """Certificates checked against the system's CAs (or ``FOIA_SMTP_CA_FILE``); made once, as loading the
    system's certificates takes about 0.1 s."""
    return ssl.create_default_context(cafile=ca_file or None)


def _local_name() -> str:
    # smtplib's default (getfqdn) asks DNS, which may hang where there is none; the host name is enough.
    return socket.gethostname() or "localhost"
