"""Configuration: defaults, FOIA_* overlay, overrides, and what is refused."""

import pytest

from service.infra.config import ConfigError, load_config


@pytest.mark.parametrize("environ, key, expected", [
    ({}, "MAX_UPLOAD_MB", 50),
    ({"FOIA_MAX_UPLOAD_MB": "7"}, "MAX_UPLOAD_MB", 7),
    ({}, "UPCOMING_DAYS", 14),
    ({"FOIA_UPCOMING_DAYS": "30"}, "UPCOMING_DAYS", 30),
    ({}, "RELEASE_TIME", "00:00"),
    ({"FOIA_RELEASE_TIME": "09:30"}, "RELEASE_TIME", "09:30"),
    ({"FOIA_SECURE_COOKIES": "true"}, "SECURE_COOKIES", True),
    ({"FOIA_ENV": "testing"}, "SECURE_COOKIES", False),
    ({"FOIA_ENV": "production", "FOIA_SECRET_KEY": "k" * 40, "FOIA_BASE_URL": "https://foia.example.org"},
     "SECURE_COOKIES", True),
])
def test_environment_overlays_defaults(tmp_path, environ, key, expected):
    cfg = load_config({"DATA_DIR": str(tmp_path)}, environ={"FOIA_ENV": "testing", **environ})
    assert cfg[key] == expected


def test_database_defaults_to_sqlite_in_the_data_folder(tmp_path):
    cfg = load_config(environ={"FOIA_DATA_DIR": str(tmp_path / "d"), "FOIA_ENV": "testing"})
    assert cfg["DATABASE_URL"] == f"sqlite:///{tmp_path / 'd' / 'foia.db'}"
    assert (tmp_path / "d").is_dir()


@pytest.mark.parametrize("environ, message", [
    ({"FOIA_ENV": "production"}, "FOIA_SECRET_KEY is required"),
    ({"FOIA_ENV": "staging"}, "FOIA_ENV must be"),
    ({"FOIA_MAX_UPLOAD_MB": "ten"}, "whole number"),
    ({"FOIA_MAX_UPLOAD_MB": "0"}, "at least 1"),
    ({"FOIA_RELEASE_TIME": "midnight"}, "HH:MM"),
])
def test_bad_configuration_is_refused_with_the_setting_named(tmp_path, environ, message):
    with pytest.raises(ConfigError, match=message):
        load_config({"DATA_DIR": str(tmp_path)}, environ={"FOIA_ENV": "testing", **environ})


def test_development_key_is_kept_across_restarts(tmp_path):
    first = load_config(environ={"FOIA_DATA_DIR": str(tmp_path)})
    second = load_config(environ={"FOIA_DATA_DIR": str(tmp_path)})
    assert first["SECRET_KEY"] == second["SECRET_KEY"] and len(first["SECRET_KEY"]) == 64
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_cookie_flags(make_app):
    app = make_app(SECURE_COOKIES=True)
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert app.config["SESSION_COOKIE_SECURE"] is True
