"""Django settings, built from the one typed schema in nocontact.config."""

from __future__ import annotations

from pathlib import Path

from nocontact import config as _config

CONFIG = _config.load()
_config.ensure_home(CONFIG)

BASE_DIR = Path(__file__).resolve().parent
DEBUG = False
SECRET_KEY = CONFIG.secret_key if CONFIG.production else _config.development_secret(CONFIG)
ALLOWED_HOSTS = [h.strip() for h in CONFIG.allowed_hosts.split(",") if h.strip()]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "nocontact.web.cases",
    "nocontact.web.review",
    "nocontact.web.uploads",
    "nocontact.web.challenge",
    "nocontact.web.mailwatch",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "nocontact.web.accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "nocontact.web.security.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "nocontact.web.csrf.NoReferrerCsrfViewMiddleware",
    "nocontact.web.inputs.RejectNulMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "nocontact.web.security.SessionLimitsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "nocontact.web.urls"
WSGI_APPLICATION = "nocontact.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nocontact.web.context.site",
            ],
        },
    }
]

DATABASES = {"default": CONFIG.database()}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA secure_delete=ON; PRAGMA synchronous=FULL;"
        ),
    }
    # A file, not shared-cache memory, for the test database: background threads (uploads,
    # the mail watcher) then wait on locks instead of failing with "table is locked".
    DATABASES["default"]["TEST"] = {"NAME": str(CONFIG.home / "test.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "nocontact.web.accounts.passwords.MaximumLengthValidator",
        "OPTIONS": {"max_length": 256},
    },
]
# Sign-in back-off is nocontact.web.accounts.throttle (capped, never a lock); django-otp's own
# per-device throttle doubles without a cap, which would let a guesser lock the owner out.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_TOTP_ISSUER = CONFIG.site_title
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = None  # served from the package by WhiteNoise; no collectstatic step
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False

# Sessions: die with the browser, idle and absolute limits enforced by SessionLimitsMiddleware.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = CONFIG.idle_minutes * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_NAME = "sid"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_NAME = "csrf"
# Flash messages live in the server-side session, never in a cookie the browser keeps.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_SECURE = CONFIG.tls
CSRF_COOKIE_SECURE = CONFIG.tls
SECURE_SSL_REDIRECT = CONFIG.tls
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if CONFIG.tls else None
SECURE_HSTS_SECONDS = 31536000 if CONFIG.tls else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = CONFIG.tls
SECURE_HSTS_PRELOAD = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# W003: the CSRF middleware is nocontact.web.csrf.NoReferrerCsrfViewMiddleware, a subclass of
# Django's (tests/web/test_crawl.py checks it). W021: HSTS preload commits a whole domain and its
# subdomains to HTTPS for good; that is the operator's choice, not the app's.
SILENCED_SYSTEM_CHECKS = ["security.W003", "security.W021"]

DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # every upload streams to a temporary file on disk
FILE_UPLOAD_TEMP_DIR = None

EMAIL_HOST = CONFIG.smtp_host or "localhost"
EMAIL_PORT = CONFIG.smtp_port
EMAIL_HOST_USER = CONFIG.smtp_user
EMAIL_HOST_PASSWORD = CONFIG.smtp_password
EMAIL_USE_TLS = CONFIG.smtp_starttls
DEFAULT_FROM_EMAIL = CONFIG.mail_from
SERVER_EMAIL = CONFIG.mail_from
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if CONFIG.smtp_host
    else "django.core.mail.backends.dummy.EmailBackend"
)
ADMINS: list[tuple[str, str]] = []

DEFAULT_EXCEPTION_REPORTER_FILTER = "nocontact.web.privacy.ContentFreeReporterFilter"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_content": {"()": "nocontact.web.privacy.NoContentLogFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["no_content"],
            "formatter": "plain",
        },
        "mail_admins": {  # sends only when ADMINS is set; content is stripped first
            "class": "django.utils.log.AdminEmailHandler",
            "filters": ["no_content", "require_debug_false"],
        },
    },
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django.request": {
            "handlers": ["console", "mail_admins"],
            "level": "ERROR",
            "propagate": False,
        },
        "nocontact": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

NOCONTACT = CONFIG
