from pathlib import Path

import pytest

from nocontact.config import ConfigError, load, parse_database_url


def test_defaults_are_safe(tmp_path: Path) -> None:
    config = load({"NOCONTACT_HOME": str(tmp_path)})
    assert config.bind == "127.0.0.1"
    assert config.database()["ENGINE"] == "django.db.backends.sqlite3"
    assert config.idle_minutes <= 30


def test_production_refuses_a_default_secret(tmp_path: Path) -> None:
    for secret in ("", "change-me", "short"):
        with pytest.raises(ConfigError, match="SECRET_KEY"):
            load({"NOCONTACT_HOME": str(tmp_path), "NOCONTACT_MODE": "production",
                  "NOCONTACT_SECRET_KEY": secret})


def test_production_accepts_a_real_secret(tmp_path: Path) -> None:
    config = load({"NOCONTACT_HOME": str(tmp_path), "NOCONTACT_MODE": "production",
                   "NOCONTACT_SECRET_KEY": "x" * 50})
    assert config.production


def test_bad_values_fail_loudly(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load({"NOCONTACT_PORT": "eighty"})
    with pytest.raises(ConfigError):
        load({"NOCONTACT_IDLE_MINUTES": "600"})
    with pytest.raises(ConfigError):
        load({"NOCONTACT_TLS": "maybe"})


def test_postgres_url_is_parsed() -> None:
    db = parse_database_url("postgresql://nc:p%40ss@db.local:5433/cases")
    assert db == {"ENGINE": "django.db.backends.postgresql", "NAME": "cases", "USER": "nc",
                  "PASSWORD": "p@ss", "HOST": "db.local", "PORT": "5433"}
