"""Settings from one typed schema, read from the environment, with safe defaults.

Every setting is an environment variable named NOCONTACT_<FIELD>. Defaults are safe for the
embedded single-user install: SQLite in a per-user data folder, bound to 127.0.0.1, development
mode. Production mode refuses to start without a secret key of its own.
"""

from __future__ import annotations

import os
import secrets
import stat
from dataclasses import dataclass, field, fields
from pathlib import Path
from urllib.parse import unquote, urlsplit

DEFAULT_SECRET_MARKERS = ("", "change-me", "changeme", "secret", "insecure")


class ConfigError(Exception):
    """A setting is missing, malformed or unsafe."""


def default_home() -> Path:
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "nocontact"


def _as_bool(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ConfigError(f"NOCONTACT_{name.upper()} must be true or false")


@dataclass(frozen=True)
class Config:
    home: Path = field(default_factory=default_home)
    mode: str = "development"  # development | production
    secret_key: str = ""
    database_url: str = ""  # empty: SQLite in home; or postgresql://user:pass@host:port/db
    bind: str = "127.0.0.1"
    port: int = 8765
    allowed_hosts: str = "127.0.0.1,localhost"
    tls: bool = False  # true when served behind a TLS proxy: Secure cookies, HSTS
    region: str = "US"  # default region for phone numbers without a country code
    site_title: str = "Notebook"  # neutral title shown in the browser
    exit_url: str = "https://www.bbc.co.uk/weather"
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = False
    mail_from: str = "notebook@localhost"
    idle_minutes: int = 30
    absolute_hours: int = 12
    legal_release_hours: int = 24

    @property
    def production(self) -> bool:
        return self.mode == "production"

    @property
    def sqlite_path(self) -> Path:
        return self.home / "nocontact.sqlite3"

    def database(self) -> dict[str, object]:
        if not self.database_url:
            return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(self.sqlite_path)}
        return parse_database_url(self.database_url)


def parse_database_url(url: str) -> dict[str, object]:
    parts = urlsplit(url)
    if parts.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
        }
    if parts.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parts.path)}
    raise ConfigError("NOCONTACT_DATABASE_URL must start with postgresql:// or sqlite://")


def load(environ: dict[str, str] | None = None) -> Config:
    env = os.environ if environ is None else environ
    values: dict[str, object] = {}
    for f in fields(Config):
        raw = env.get(f"NOCONTACT_{f.name.upper()}")
        if raw is None:
            continue
        if f.type == "Path":
            values[f.name] = Path(raw).expanduser()
        elif f.type == "int":
            try:
                values[f.name] = int(raw)
            except ValueError as exc:
                raise ConfigError(f"NOCONTACT_{f.name.upper()} must be a whole number") from exc
        elif f.type == "bool":
            values[f.name] = _as_bool(f.name, raw)
        else:
            values[f.name] = raw
    config = Config(**values)  # type: ignore[arg-type]
    validate(config)
    return config


def validate(config: Config) -> None:
    if config.mode not in {"development", "production"}:
        raise ConfigError("NOCONTACT_MODE must be development or production")
    if config.production:
        if (
            config.secret_key.strip().lower() in DEFAULT_SECRET_MARKERS
            or len(config.secret_key) < 40
        ):
            raise ConfigError(
                "production mode needs NOCONTACT_SECRET_KEY: a random value of 40+ characters"
            )
        if "*" in config.allowed_hosts:
            raise ConfigError("NOCONTACT_ALLOWED_HOSTS must name the hosts; '*' is refused")
    if not 1 <= config.idle_minutes <= 30:
        raise ConfigError("NOCONTACT_IDLE_MINUTES must be between 1 and 30")
    if not 1 <= config.absolute_hours <= 24:
        raise ConfigError("NOCONTACT_ABSOLUTE_HOURS must be between 1 and 24")


def ensure_home(config: Config) -> Path:
    """Create the data folder, readable by its owner only."""
    config.home.mkdir(parents=True, exist_ok=True)
    config.home.chmod(stat.S_IRWXU)
    return config.home


def development_secret(config: Config) -> str:
    """A per-install random key kept in the data folder (development mode only)."""
    if config.secret_key:
        return config.secret_key
    path = ensure_home(config) / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()
