"""``foia user list | disable EMAIL | enable EMAIL | set-role EMAIL ROLE | set-password EMAIL``.

The server's shell is trusted with accounts (as ``foia user add`` is): these run without signing in, record
an audit event with actor ``cli`` and print one line. Errors are one line on stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from service.cli.common import fail, migrated_database
from service.domain.models import ROLES


def add_user_commands(user_sub) -> None:
    p = user_sub.add_parser("list", help="list users: e-mail, role, active, last sign-in, live API tokens")
    p.add_argument("--json", action="store_true", help="one JSON array instead of a table")
    p.set_defaults(func=user_list)

    p = user_sub.add_parser("disable", help="disable a user: every session and API token of theirs ends now")
    p.add_argument("email")
    p.set_defaults(func=_change("disable"))

    p = user_sub.add_parser("enable", help="let a disabled user sign in again (old API tokens stay revoked)")
    p.add_argument("email")
    p.set_defaults(func=_change("enable"))

    p = user_sub.add_parser("set-role", help="make a user an officer or an administrator")
    p.add_argument("email")
    p.add_argument("role", choices=ROLES)
    p.set_defaults(func=_change("set_role"))

    p = user_sub.add_parser("set-password", help="set a user's password (prompt, or --password-stdin); "
                                                 "their sessions end")
    p.add_argument("email")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.set_defaults(func=user_set_password)


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    try:
        password = getpass.getpass("Password: ")
        again = getpass.getpass("Password again: ")
    except EOFError:
        fail("no password given: type it at the prompt, or pipe it in with --password-stdin")
    if again != password:
        fail("the passwords do not match")
    return password


def user_list(args: argparse.Namespace) -> int:
    from service.domain.users import list_users

    _, db = migrated_database()
    with db.session() as session:
        rows = list_users(session)
    db.dispose()
    if args.json:
        json.dump([{"id": r.id, "email": r.email, "role": r.role, "active": r.active,
                    "created_at": r.created_at.isoformat(),
                    "last_sign_in_at": r.last_sign_in_at.isoformat() if r.last_sign_in_at else None,
                    "api_tokens": r.tokens} for r in rows], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    if not rows:
        print("No users yet. Add one with: foia user add EMAIL --role admin")
        return 0
    width = max(len(r.email) for r in rows)
    print(f"{'E-MAIL':<{width}}  ROLE     STATUS    LAST SIGN-IN      TOKENS")
    for r in rows:
        last = r.last_sign_in_at.strftime("%Y-%m-%d %H:%M") if r.last_sign_in_at else "never"
        print(f"{r.email:<{width}}  {r.role:<7}  {'active' if r.active else 'disabled':<8}  {last:<16}  {r.tokens}")
    return 0


def _change(name: str):
    def run(args: argparse.Namespace) -> int:
        from service.domain import users
        from service.domain.accounts import AccountError

        _, db = migrated_database()
        with db.session() as session:
            try:
                if name == "set_role":
                    user = users.set_role(session, args.email, args.role, by=None, actor="cli")
                else:
                    user = getattr(users, name)(session, args.email, by=None, actor="cli")
            except AccountError as exc:
                fail(str(exc))
            session.commit()
            email, role = user.email, user.role
        db.dispose()
        print({"disable": f"Disabled {email}: every session and API token of theirs has ended.",
               "enable": f"Enabled {email} (old API tokens stay revoked; `foia token create` makes new ones).",
               "set_role": f"{email} is now {role}."}[name])
        return 0
    return run


def user_set_password(args: argparse.Namespace) -> int:
    from service.domain import users
    from service.domain.accounts import AccountError

    password = read_password(args.password_stdin)
    _, db = migrated_database()
    with db.session() as session:
        try:
            user = users.set_password(session, args.email, password, by=None, actor="cli")
        except AccountError as exc:
            fail(str(exc))
        session.commit()
        email = user.email
    db.dispose()
    print(f"New password set for {email}; their sessions have ended.")
    return 0
