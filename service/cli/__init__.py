"""The ``foia`` command: analyse and redact papers, run the service, manage users and tokens.

Errors are one line on stderr and a non-zero exit status; no traceback reaches the user (set
``FOIA_DEBUG=1`` to see one while developing).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 1


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    from service.infra.logs import LogConfigError, configure

    try:
        # One-shot commands speak through their one-line errors; logs only when FOIA_LOG_LEVEL asks.
        one_shot = getattr(args, "command", None) in ("analyse", "analyze", "redact")
        configure("CRITICAL" if one_shot and not os.environ.get("FOIA_LOG_LEVEL") else None)
    except LogConfigError as exc:
        print(f"foia: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return args.func(args) or 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `foia analyse x.pdf | head`: the reader went away, not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # the last line of defence: one line, never the document's content
        from redaction.errors import RedactionError

        if os.environ.get("FOIA_DEBUG"):
            raise
        if isinstance(exc, RedactionError):
            print(f"foia: error: {exc.message}", file=sys.stderr)
            return EXIT_BAD_INPUT
        print(f"foia: internal error ({type(exc).__name__}); run with FOIA_DEBUG=1 for details",
              file=sys.stderr)
        return EXIT_INTERNAL


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="foia", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("analyse", aliases=["analyze"], help="print a paper's analysis as JSON")
    p.add_argument("paper", type=Path)
    p.add_argument("--no-detect", action="store_true", help="structure only, skip personal data detection")
    p.set_defaults(func=_analyse)

    p = sub.add_parser("redact", help="write Part 1 and Part 2 PDFs with personal data removed, verified")
    p.add_argument("paper", type=Path)
    p.add_argument("-o", "--out", type=Path, required=True, metavar="OUTDIR")
    p.add_argument("--decisions", type=Path, metavar="FILE", help="an officer's decisions (JSON)")
    p.add_argument("--analysis", type=Path, metavar="FILE",
                   help="the analysis the decisions were made on (JSON of `foia analyse`): used as it is, "
                        "personal data is not detected again")
    p.set_defaults(func=_redact)

    from service.cli.commands import add_service_commands  # serve, user add, token create
    from service.cli.production import add_production_commands  # migrate, web, healthcheck

    from service.cli.backfill import add_backfill_commands  # backfill-search

    add_service_commands(sub)
    add_production_commands(sub)
    add_backfill_commands(sub)
    return parser


def _limits():
    """Input limits from FOIA_MAX_UPLOAD_MB and FOIA_MAX_PAGES, else the library defaults."""
    from redaction.errors import InputError
    from redaction.limits import DEFAULT_LIMITS, Limits

    try:
        mb = int(os.environ.get("FOIA_MAX_UPLOAD_MB", DEFAULT_LIMITS.max_bytes // (1024 * 1024)))
        pages = int(os.environ.get("FOIA_MAX_PAGES", DEFAULT_LIMITS.max_pages))
    except ValueError:
        raise InputError("FOIA_MAX_UPLOAD_MB and FOIA_MAX_PAGES must be whole numbers") from None
    return Limits(max_bytes=mb * 1024 * 1024, max_pages=pages)


def _read_paper(path: Path, limits) -> bytes:
    from redaction.errors import InputError, TooLarge

    if not path.is_file():
        raise InputError(f"no such file: {path.name}")
    if path.stat().st_size > limits.max_bytes:
        raise TooLarge(f"the file is larger than the limit of {limits.max_bytes // (1024 * 1024)} MB")
    return path.read_bytes()


def _analyse(args: argparse.Namespace) -> int:
    from redaction import analyse

    limits = _limits()
    analysis = analyse(_read_paper(args.paper, limits), args.paper.name, limits=limits,
                       detect=not args.no_detect)
    json.dump(analysis.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def _redact(args: argparse.Namespace) -> int:
    """Redact into a temporary folder beside OUTDIR and move the files into place only after every
    output passed verification, so a failure leaves no publishable file behind."""
    import shutil
    import tempfile

    from redaction import Analysis, analyse, redact
    from redaction.decisions import Decisions

    limits = _limits()
    decisions = None
    if args.decisions is not None:
        decisions = Decisions.from_dict(_json_file(args.decisions, "decisions"))
    data = _read_paper(args.paper, limits)
    if args.analysis is not None:  # the findings the decisions name, exactly (no detection again)
        analysis = Analysis.from_dict(_json_file(args.analysis, "analysis"))
    else:  # ids are stable: the same items as in an earlier `foia analyse` of this file get the same ids
        analysis = analyse(data, args.paper.name, limits=limits)
    result = redact(data, analysis, decisions, limits=limits)
    out = args.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".foia-redact-", dir=out.parent))
    staging.chmod(0o755)
    try:
        (staging / "part1.pdf").write_bytes(result.part1)
        if result.part2 is not None:
            (staging / "part2.pdf").write_bytes(result.part2)
        (staging / "report.json").write_text(json.dumps(result.report, indent=2, ensure_ascii=False) + "\n",
                                             encoding="utf-8")
        if not out.exists():
            staging.rename(out)
            return 0
        stale = out / "part2.pdf"
        if result.part2 is None and stale.exists():
            stale.unlink()
        for item in staging.iterdir():
            os.replace(item, out / item.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return 0


def _json_file(path: Path, what: str):
    from redaction.errors import InputError

    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise InputError(f"cannot read the {what} file {path.name} as JSON") from None
