"""Settings for the knowledge base, read from the environment.

Only this module reads ``os.environ``. A setting that cannot work stops start-up with one
sentence on standard error instead of a traceback, so an operator sees what to fix.
"""

import os
import re
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


def _refuse(message: str):
    """Stop start-up with a single clear sentence."""
    sys.exit(f"Configuration error: {message}")


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = env_str(name)
    if not raw:
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    _refuse(f"{name} must be one of 1/0, true/false, yes/no or on/off, not {raw!r}.")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_number(name: str, default: float) -> float:
    raw = env_str(name)
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        _refuse(f"{name} must be a number, not {raw!r}.")


DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        _refuse("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key"
# Rotating the key: put the old one here, the new one in DJANGO_SECRET_KEY; sessions and
# reset links signed with the old key keep working until it is dropped from this list.
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "corsheaders",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django.contrib.postgres",
    "csp",
    "axes",
    "accounts",
    "kb",
    "kb.spam",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "accounts.middleware.AuditContextMiddleware",
    "kb.middleware.DatabaseUnavailableMiddleware",
    # Answers CORS preflights before any other middleware can refuse them.
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "accounts.middleware.SessionLimitMiddleware",
    # Last, as django-axes asks: it turns a lock-out into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kb.urls"
WSGI_APPLICATION = "kb.wsgi.application"

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
                "kb.spam.context_processors.moderation",
            ],
        },
    },
]

# Database: an SQLite file by default, PostgreSQL in production through DATABASE_URL.
_database_url = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
_DATABASE_URL_HELP = (
    "DATABASE_URL must look like postgres://user:password@host:5432/name "
    "or sqlite:///path/to/file.sqlite3"
)
try:
    _database = dj_database_url.parse(_database_url, conn_max_age=0 if DEBUG else 60)
except (ValueError, KeyError):
    _refuse(f"{_DATABASE_URL_HELP}; {_database_url!r} does not.")
if _database["ENGINE"] not in {"django.db.backends.sqlite3", "django.db.backends.postgresql"}:
    _refuse(f"{_DATABASE_URL_HELP}; only PostgreSQL and SQLite are supported.")
if not _database.get("NAME"):
    _refuse(f"{_DATABASE_URL_HELP}; the database name is missing.")
if _database["ENGINE"] == "django.db.backends.postgresql":
    _database["CONN_HEALTH_CHECKS"] = True
    # PostgreSQL's JIT compiles a plan once its estimated cost passes a threshold: 50-100 ms
    # that pays off for long analytical scans, never for the short queries of a web
    # request (an API list page with counts crosses the threshold and triples in time).
    _options = _database.setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by every web process), local memory otherwise.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        _refuse("REDIS_URL must start with redis://, rediss:// or unix://.")
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kb",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "kb:home"
LOGOUT_REDIRECT_URL = "kb:home"
# The throttle comes first, so a locked-out sign-in is refused before any password hash
# is computed.
AUTHENTICATION_BACKENDS = [
    "accounts.backends.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "kb@localhost")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed names need `collectstatic`; the development server does without.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

# Behind a TLS-terminating proxy, trust its scheme header only when told to.
if env_bool("DJANGO_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Readers may stay signed in for two weeks; team members' sessions are cut shorter by
# accounts.middleware.SessionLimitMiddleware (see KB below).
SESSION_COOKIE_AGE = 14 * 24 * 3600

# Content Security Policy on every response: scripts and styles from the site itself or
# carrying the request's nonce, never inline attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Failed sign-ins: five per account or per address lock that account or address out for
# 30 minutes (administrators unlock earlier: `manage.py axes_reset_username NAME`).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# A success must not reset the count: a sign-in to one's own account would otherwise wipe
# the failures recorded from that address against every other account.
AXES_RESET_ON_SUCCESS = False
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_CLIENT_IP_CALLABLE = "accounts.audit.client_ip"
# Sign-ins are recorded in the audit log (accounts.AuditEvent), not twice.
AXES_DISABLE_ACCESS_LOG = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(env_str("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "kb.api.schema.ApiAutoSchema",
    # Behind the proxy the client is the last X-Forwarded-For hop; otherwise the header is
    # the client's own claim and throttling must ignore it.
    "NUM_PROXIES": 1 if env_bool("DJANGO_BEHIND_PROXY") else 0,
}

# The API's OpenAPI schema and its documentation pages, served without any CDN.
SPECTACULAR_SETTINGS = {
    "TITLE": "Militancy Knowledge Base API",
    "DESCRIPTION": (
        "Read-only access to the published groups, people, attacks, sources and places. "
        "Lists page with opaque cursors; attack, group and people lists also export as CSV, "
        "attacks as GeoJSON."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # One enum per vocabulary of kb.choices, named after it rather than after a field.
    "ENUM_NAME_OVERRIDES": {
        f"{name}Enum": f"kb.choices.{name}"
        for name in (
            "AliasKind", "EntryKind", "GroupRelationKind", "GroupStatus", "PersonAttackRoleKind",
            "PersonGroupRoleKind", "PersonRelationKind", "PersonStatus", "PlaceKind",
            "SourceKind",
        )
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Cross-origin reads of the API (GET only), for browser-based clients, when enabled.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = env_bool("KB_API_CORS", default=False)
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_HEADERS = ["accept", "accept-encoding", "if-modified-since", "if-none-match", "origin"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]

_API_ANON_RATE = env_str("KB_API_ANON_RATE", "120/minute")
if not re.fullmatch(r"[1-9]\d*/(s|sec|second|m|min|minute|h|hour|d|day)", _API_ANON_RATE):
    _refuse(f"KB_API_ANON_RATE must look like 120/minute or 5000/day, not {_API_ANON_RATE!r}.")

# The product's own settings, in one namespaced dict.
KB = {
    # Editors may publish their own edits without a second reviewer (still as revisions).
    "EDITORS_MAY_PUBLISH_DIRECTLY": env_bool("KB_EDITORS_MAY_PUBLISH_DIRECTLY", default=False),
    # The password of the demo users; a random one is generated and printed when empty.
    "DEMO_PASSWORD": env_str("KB_DEMO_PASSWORD"),
    "PAGE_SIZE": 50,
    # Anonymous readers' pages are served from the cache for up to this many seconds, or
    # until anything published changes (kb/page_cache.py). On by default only with Redis:
    # a local-memory cache is private to each process, which invalidation cannot reach.
    "PAGE_CACHE_SECONDS": int(env_number("KB_PAGE_CACHE_SECONDS", 600 if REDIS_URL else 0)),
    # The API: requests an anonymous client may make (DRF's "number/period"), and page sizes.
    "API_ANON_RATE": _API_ANON_RATE,
    "API_PAGE_SIZE": 50,
    "API_MAX_PAGE_SIZE": 500,
    # Proxies in front of the site whose X-Forwarded-For hop is trusted for client addresses.
    "NUM_PROXIES": 1 if env_bool("DJANGO_BEHIND_PROXY") else 0,
    # Sessions of team members end after this long idle, and this long after sign-in.
    "TEAM_SESSION_IDLE": timedelta(minutes=30),
    "TEAM_SESSION_MAX": timedelta(hours=12),
    # Readers' comments and their spam filter (kb.spam); scores add up across layers.
    "SPAM": {
        "HOLD_AT": env_number("KB_SPAM_HOLD_AT", 4.0),
        "SPAM_AT": env_number("KB_SPAM_SPAM_AT", 8.0),
        # Record each verdict but publish every comment, to measure before enforcing.
        "LOG_ONLY": env_bool("KB_SPAM_LOG_ONLY", default=False),
        # Spam is deleted, and commenters' IP addresses cleared, after this many days.
        "RETENTION_DAYS": int(env_number("KB_SPAM_RETENTION_DAYS", 30)),
        "IP_RETENTION_DAYS": int(env_number("KB_COMMENT_IP_RETENTION_DAYS", 30)),
        "FORM_MIN_SECONDS": env_number("KB_SPAM_FORM_MIN_SECONDS", 3.0),
        "FORM_MAX_AGE_HOURS": env_number("KB_SPAM_FORM_MAX_AGE_HOURS", 48.0),
        # Per address and per account: beyond these a post is refused with 429.
        "RATE_PER_MINUTE": int(env_number("KB_COMMENT_RATE_PER_MINUTE", 5)),
        "RATE_PER_HOUR": int(env_number("KB_COMMENT_RATE_PER_HOUR", 30)),
        # Comments an hour after which each further one adds to the spam score.
        "RATE_SOFT_PER_HOUR": int(env_number("KB_COMMENT_RATE_SOFT_PER_HOUR", 3)),
        # Link domains trusted as if the site's sources cited them.
        "TRUSTED_DOMAINS": env_list("KB_SPAM_TRUSTED_DOMAINS"),
        # Scripts readers of this site write in, whatever the page.
        "EXPECTED_SCRIPTS": env_list("KB_SPAM_EXPECTED_SCRIPTS", "Latn,Arab"),
        # How many documents one moderator decision counts for.
        "LEARN_WEIGHT": env_number("KB_SPAM_LEARN_WEIGHT", 3.0),
        # The published entries whose text is read as the site's ham evidence.
        "SITE_TEXT_ENTRIES": int(env_number("KB_SPAM_SITE_TEXT_ENTRIES", 400)),
        # Take the client address from X-Forwarded-For, as set by the trusted proxy.
        "CLIENT_IP_FROM_PROXY": env_bool("DJANGO_BEHIND_PROXY"),
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}
