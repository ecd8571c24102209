"""Settings for the CCFD learning community, read from the environment.

Local defaults need nothing set (SQLite, console email, local-memory cache); production
values are explicit and a missing or unsafe one stops the process at start.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEFAULT_SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105 refused when DEBUG is off

DEBUG = env.bool("DJANGO_DEBUG", default=True)
# With DEBUG on, Django's technical 404 page instead of the French one people see.
DEBUG_TECHNICAL_404 = env.bool("DJANGO_DEBUG_TECHNICAL_404", default=False)

# --- Values production must give ------------------------------------------------------
# With DEBUG off none of these falls back to a development value: console email, tasks run
# inside the request (pages waiting on SMTP) or 127.0.0.1 in email links would each fail
# quietly. Start-up stops instead, with one message naming every missing or refused value.
production_problems: list[str] = []


def env_required(name: str, *, development: str, example: str) -> str:
    """The variable's value; unset, `development` with DEBUG on, else a problem and ""."""
    value = env.str(name, default="").strip()
    if not value and DEBUG:
        return development
    if not value:
        production_problems.append(f"{name} is not set, e.g. {name}={example}")
    return value


def env_list(name: str) -> list[str]:
    """A comma-separated variable; blank items are dropped, so `NAME=` counts as unset."""
    return [item.strip() for item in env.list(name, default=[]) if item.strip()]


SECRET_KEY = env.str("DJANGO_SECRET_KEY", default=DEFAULT_SECRET_KEY)
if not DEBUG and (SECRET_KEY == DEFAULT_SECRET_KEY or len(SECRET_KEY) < 50):
    production_problems.append(
        "DJANGO_SECRET_KEY must be set to a long random value (50+ characters)"
    )

# The site's address, for links in emails sent outside any request.
SITE_URL = env_required(
    "DJANGO_SITE_URL", development="http://127.0.0.1:8000", example="https://communaute.example.org"
)
site = urlsplit(SITE_URL)
if not DEBUG and SITE_URL and not (site.scheme in ("http", "https") and site.hostname):
    production_problems.append(
        f"DJANGO_SITE_URL={SITE_URL} is not an absolute address, "
        "e.g. DJANGO_SITE_URL=https://communaute.example.org"
    )

# Unless given, the hosts and trusted origins are the site URL's own, so a deploy names its
# address once; development also answers on the local names (and the test client's).
site_hosts = [site.hostname] if site.hostname else []
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or (
    list(dict.fromkeys([*site_hosts, "127.0.0.1", "localhost", "testserver"]))
    if DEBUG
    else site_hosts
)
if not ALLOWED_HOSTS:
    production_problems.append(
        "DJANGO_ALLOWED_HOSTS is not set and no host can be taken from DJANGO_SITE_URL, "
        "e.g. DJANGO_ALLOWED_HOSTS=communaute.example.org"
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS") or (
    [f"{site.scheme}://{site.netloc}"] if site.hostname else []
)

# Development prints emails; production gives an SMTP server.
email_config: dict[str, object] = {}
email_url = env_required(
    "EMAIL_URL",
    development="consolemail://",
    example="smtp+tls://user:password@smtp.example.org:587",
)
if email_url:
    email_config = env.email_url_config(email_url)
# These backends deliver nothing: fine while developing, silent loss of mail in production.
undelivering_email_backends = {
    "django.core.mail.backends.console.EmailBackend": "prints messages on the console",
    "django.core.mail.backends.locmem.EmailBackend": "keeps messages in memory",
    "django.core.mail.backends.dummy.EmailBackend": "throws messages away",
}
if not DEBUG and email_config.get("EMAIL_BACKEND") in undelivering_email_backends:
    production_problems.append(
        f"EMAIL_URL={urlsplit(email_url).scheme}:// "
        f"{undelivering_email_backends[email_config['EMAIL_BACKEND']]} instead of sending them, "
        "e.g. EMAIL_URL=smtp+tls://user:password@smtp.example.org:587"
    )

# Development and tests run tasks at once; production queues them in the database and
# `manage.py db_worker` sends them, so no request waits on SMTP.
tasks_backend = env_required(
    "DJANGO_TASKS_BACKEND",
    development="django_tasks.backends.immediate.ImmediateBackend",
    example="django_tasks_db.DatabaseBackend",
)
# Matched by class name, whichever module path names them.
refused_task_backends = {
    "ImmediateBackend": "runs each task inside the request that queues it, so pages wait on SMTP",
    "DummyBackend": "never runs tasks, so no email is ever sent",
}
refusal = refused_task_backends.get(tasks_backend.rpartition(".")[2])
if not DEBUG and refusal:
    production_problems.append(
        f"DJANGO_TASKS_BACKEND={tasks_backend} {refusal}; "
        "use DJANGO_TASKS_BACKEND=django_tasks_db.DatabaseBackend and run manage.py db_worker"
    )

# Behind the load balancer every request comes from its address, and allauth would count
# every member's failed logins in one bucket: 10 a minute from anywhere locked everybody
# out. It takes the client's address from X-Forwarded-For, the one the last of this many
# proxies appended (any earlier entry is the client's to write), or from a header the proxy
# sets (X-Real-IP, CF-Connecting-IP). Production says which, 0 when clients connect
# directly: a header that no proxy of ours overwrites would let each client pick an address.
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = (
    env.str("DJANGO_TRUSTED_CLIENT_IP_HEADER", default="").strip() or None
)
proxy_count = (
    env.str("DJANGO_TRUSTED_PROXY_COUNT", default="").strip()
    if ALLAUTH_TRUSTED_CLIENT_IP_HEADER
    else env_required(
        "DJANGO_TRUSTED_PROXY_COUNT",
        development="0",
        example="1 (the load balancer; 0 when clients connect directly)",
    )
)
if not DEBUG and proxy_count and not proxy_count.isdigit():
    production_problems.append(
        f"DJANGO_TRUSTED_PROXY_COUNT={proxy_count} is not a number of proxies, "
        "e.g. DJANGO_TRUSTED_PROXY_COUNT=1"
    )
ALLAUTH_TRUSTED_PROXY_COUNT = int(proxy_count) if proxy_count.isdigit() else 0

if production_problems:
    raise ImproperlyConfigured(
        "DJANGO_DEBUG is off, so these must be fixed before the site can start:\n"
        + "\n".join(f"  - {problem}" for problem in production_problems)
    )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "taggit",
    "simple_history",
    "django_htmx",
    "template_partials",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "accounts",
    "dossiers",
    "discussions",
    "learning",
    "search",
    "importing",
    "syntheses",
    "questions",
    "ccfd_community",  # the page memo's write watch (ccfd_community/page_memo.py)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After whitenoise, so static files keep their cache lifetime: answers are never stored.
    "ccfd_community.middleware.ResponseHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ccfd_community.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Django's, except that views answering JSON get a 401 in JSON instead of a redirect.
    "ccfd_community.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # A member's page asked for again while nothing was written is served as it was built.
    "ccfd_community.page_memo.PageMemoMiddleware",
    # Innermost: the French 404 page in development too (DJANGO_DEBUG_TECHNICAL_404 restores
    # Django's technical one).
    "ccfd_community.middleware.NotFoundPageMiddleware",
]

ROOT_URLCONF = "ccfd_community.urls"
WSGI_APPLICATION = "ccfd_community.wsgi.application"

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
                "django.template.context_processors.i18n",
                "discussions.context_processors.notifications",
            ],
        },
    },
]

# Database: SQLite file in the project root unless DATABASE_URL says otherwise
# (sqlite:////abs/path or postgres://user@host:port/name).
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"].setdefault("TEST", {})
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The file database gets a long timeout so the db_worker and the server do not trip
    # over each other's writes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("timeout", 20)
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # No JIT compilation: it pays off for analytic queries of seconds, not for pages of
    # milliseconds. A query whose cost estimate passed jit_above_cost (the home page's news
    # of followed dossiers did) spent 38 ms compiling to run in 2 (docs/bench.md).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# Cache: allauth's rate limits count in the cache, so several workers need a shared one
# (CACHE_URL=redis://127.0.0.1:6379/1 or dbcache://django_cache).
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://ccfd")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # A Redis outage must not stop logins: each process counts in its own memory meanwhile.
    CACHES["default"]["BACKEND"] = "ccfd_community.cache.FallbackRedisCache"
    # django-environ lowercases ?key_prefix= and ?version= for this backend, and Django
    # reads them upper-case only: CACHE_URL=redis://…/1?key_prefix=site had no prefix.
    for option in ("key_prefix", "version"):
        if option in CACHES["default"]:
            CACHES["default"][option.upper()] = CACHES["default"].pop(option)
# The page memo (ccfd_community/page_memo.py) needs a cache shared by every process.
PAGE_MEMO = env.bool(
    "DJANGO_PAGE_MEMO",
    default=CACHES["default"]["BACKEND"] == "ccfd_community.cache.FallbackRedisCache",
)
# Sessions live in the database, not the cache, so a cache outage logs nobody out.
# Not cached_db (one query less a page, about half a millisecond): a session ended while
# Redis is down (log out, password change) would come back from Redis when it answers again.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- django-allauth -------------------------------------------------------------------
# Log in with the email address; there is no username at all.
ACCOUNT_LOGIN_METHODS = {"email"}
# Sign-up asks for the email twice-free form: email and password.
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# The custom User has no username field.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
# Nobody reads anything before their address is confirmed.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# One address per account, unique across accounts.
ACCOUNT_UNIQUE_EMAIL = True
# Closed sign-up: invitations by an admin, self sign-up only for these domains.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# The sign-up form refuses addresses outside the allowed domains.
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
# Domains allowed to sign up by themselves (empty: invitation only).
ACCOUNT_ALLOWED_SIGNUP_DOMAINS = env.list("ACCOUNT_ALLOWED_SIGNUP_DOMAINS", default=[])
# Failed logins: 10 a minute per client address, 5 per 5 minutes per account and client
# (accounts.adapter adds the client to the key, so others' failures lock nobody out). The
# client address comes from the proxies, see ALLAUTH_TRUSTED_PROXY_COUNT above.
# Posting, per member (discussions.limits counts with allauth's limiter): well above what a
# person types, well below what a runaway script or a stolen session would post. Messages
# include replies; reports to the moderators are of messages, annotations and field reports together.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/300s/key",
    "comment": env.str("DJANGO_RATE_LIMIT_COMMENT", default="10/m/user,60/h/user"),
    "annotation": env.str("DJANGO_RATE_LIMIT_ANNOTATION", default="30/m/user,300/h/user"),
    "flag": env.str("DJANGO_RATE_LIMIT_FLAG", default="5/m/user,30/h/user"),
    # A field report is long to write: more than a few a minute is a script.
    "field_report": env.str("DJANGO_RATE_LIMIT_FIELD_REPORT", default="3/m/user,20/h/user"),
}
# Logging out is a POST from the header button; no confirmation page.
ACCOUNT_LOGOUT_ON_GET = False
# Reset and confirmation links stay valid for three days.
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
# Subject prefix of every account email.
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Communauté CCFD] "
# TOTP is the second factor offered (plus recovery codes).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# The issuer name shown in authenticator apps.
MFA_TOTP_ISSUER = "Communauté CCFD-Terre Solidaire"

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dossiers:home"
LOGOUT_REDIRECT_URL = "account_login"

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Static and media files -----------------------------------------------------------
STATIC_URL = "static/"
# Where collectstatic writes; a bench or a second checkout can collect elsewhere.
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Imported documents (importing) ----------------------------------------------------
# Uploads are kept outside MEDIA_ROOT and the static files, in a folder no web server
# serves: the application hands them out behind login only.
IMPORT_STORAGE_ROOT = env.path("DJANGO_IMPORT_ROOT", default=BASE_DIR / "private" / "imports")
IMPORT_MAX_UPLOAD_BYTES = env.int("IMPORT_MAX_UPLOAD_BYTES", default=50 * 1024 * 1024)
# A .docx or .odt is a zip: what it may unpack to before conversion (zip bombs).
IMPORT_MAX_UNPACKED_BYTES = env.int("IMPORT_MAX_UNPACKED_BYTES", default=300 * 1024 * 1024)
IMPORT_CONVERSION_TIMEOUT = env.int("IMPORT_CONVERSION_TIMEOUT", default=120)

# --- Email ----------------------------------------------------------------------------
# From EMAIL_URL, read and checked with the production values above.
vars().update(email_config)
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="communaute@ccfd.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks (emails, digests) -----------------------------------------------
# From DJANGO_TASKS_BACKEND, read and checked with the production values above.
TASKS = {"default": {"BACKEND": tasks_backend}}

# --- Security -------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "ccfd_community.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
# Django sets the footer's language cookie with no SameSite and readable by scripts; none
# reads it (ccfd_community.middleware.LanguageMiddleware does, on the server).
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
# Browser features the site never uses, refused to its pages and to anything they embed
# (ccfd_community.middleware.ResponseHeadersMiddleware sends the Permissions-Policy).
PERMISSIONS_POLICY_DENIED = [
    "accelerometer",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
]

# Strict Content-Security-Policy: no inline script or style anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# --- Application ----------------------------------------------------------------------
TAGGIT_CASE_INSENSITIVE = True
SIMPLE_HISTORY_REVERT_DISABLED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    # One line per task state change drowns `make run`'s output; failures still show.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}
