"""`make bench-http`: the pages under load, served by gunicorn in production mode.

Creates a PostgreSQL database of its own (ccfd_bench_http, dropped afterwards), migrates it,
collects the static files into a temporary folder, loads the demo plus two dossiers whose
discussions hold 1,000 and 10,000 comments, logs a member in, starts gunicorn (2 sync workers,
DJANGO_DEBUG=false, Redis cache under a key prefix of this run) and measures with Debian's
`wrk` (8 connections, 2 threads) the bare floor page, then each of the app's pages, one after
the other in the same run: first as wrk asks for them, the same member's page again and again
(served by the page memo, ccfd_community/page_memo.py); then home and the dossier pages
asked by 20 members in turn, none of whom wrote on them, follows anything or has a
notification (one page built, then shared by all of them: `page_memo.shared_page`); then the
dossier pages asked so while another member posts a message on another dossier every 100 ms
(the other dossiers' pages stay shared: `write_generations.writes_within`); then with the memo off,
each answer built as a first view or the view after a write is. Prints req/s, p50 and p99, each page's ratio to the floor and the
workers' CPU per answer, then stops gunicorn and removes what it made. About five minutes.

    .venv/bin/python bench/bench_http.py          (or `make bench-http`)
    BENCH_HTTP_SECONDS=5 … for a shorter run; BENCH_HTTP_PORT to move off 8015;
    BENCH_HTTP_DATABASE to use another database name than ccfd_bench_http.

Budgets (issue 15, printed, not asserted): home and a typical dossier page >= 300 req/s with
p99 <= 50 ms, the dossier page with 1,000 comments >= 200 req/s, the 10,000-comment
discussion <= 100 ms and <= 500 KB.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import secrets
import shutil
import subprocess  # noqa: S404 the bench runs the site's own processes
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loadtest.services import spawn, stop, wait_for  # noqa: E402

DATABASE = os.environ.get("BENCH_HTTP_DATABASE", "ccfd_bench_http")
POSTGRES = os.environ.get("BENCH_HTTP_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_HTTP_REDIS", "redis://127.0.0.1:6379/1")
PORT = int(os.environ.get("BENCH_HTTP_PORT", "8015"))
SECONDS = int(os.environ.get("BENCH_HTTP_SECONDS", "8"))
WARMUP_SECONDS = 2
CONNECTIONS, THREADS, WORKERS = 8, 2, 2
# The pages as wrk asks for them (the same member's page again and again); the pages shared
# by members (home and the dossier pages), asked by READERS members in turn; every page built for
# every answer, as a first view or the view after any write is. (memo, who asks, title)
PASSES = (
    ("true", "member", "Asked again, nothing written meanwhile: served by the page memo"),
    (
        "true",
        "readers",
        "Home and dossier pages asked by 20 members in turn, nothing written meanwhile: one "
        "page built, then shared by the members it shows the same thing to",
    ),
    (
        "true",
        "readers, writes elsewhere",
        "The dossier pages asked by 20 members in turn while another member posts a message "
        "on another dossier every 100 ms: the new messages renew that "
        "dossier's pages only (write_generations.writes_within)",
    ),
    (
        "false",
        "member",
        "Built for every answer (DJANGO_PAGE_MEMO=false): a first view, or one after a write",
    ),
)
# The writer of the pass under writes: a message on WRITTEN_DOSSIER every WRITE_EVERY s.
WRITE_EVERY = 0.1
WRITTEN_DOSSIER = "appui-economie-sociale-et-solidaire"
WRITTEN_BODY = "Message posté pendant la mesure"
READERS = 20
# The pages the readers' pass asks for (those of a view marked page_memo.shared_page).
SHARED = ("floor", "home", "typical dossier", "dossier, ")
WRK = shutil.which("wrk") or "/usr/bin/wrk"
LONG_DISCUSSIONS = (1_000, 10_000)
TYPICAL_DOSSIER = "strategie-partenariat-societes-civiles-africaines"
MEMBER = "member@example.org"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def site_env(static_root: Path, key_prefix: str) -> dict[str, str]:
    """The production settings' required values (see docs/deployment.md), for this run."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.http_settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(48),
        DJANGO_SITE_URL=f"https://127.0.0.1:{PORT}",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"{POSTGRES}/{DATABASE}",
        CACHE_URL=f"{REDIS}?key_prefix={key_prefix}",
        EMAIL_URL="smtp://127.0.0.1:25",  # nothing is sent: no task worker runs
        DJANGO_TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        DJANGO_TRUSTED_PROXY_COUNT="0",
        DJANGO_STATIC_ROOT=str(static_root),
        DJANGO_MEDIA_ROOT=str(static_root.parent / "media"),
        DJANGO_LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(  # noqa: S603 our own manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def database(action: str) -> None:
    """create (dropping a previous run's), analyze (the statistics a live database has,
    which decide the plans) or drop the bench's database."""
    import psycopg2

    name = "postgres" if action in ("create", "drop") else DATABASE
    connection = psycopg2.connect(f"{POSTGRES}/{name}")
    connection.autocommit = True
    with connection.cursor() as cursor:
        if action == "analyze":
            cursor.execute("ANALYZE")
        else:
            cursor.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        if action == "create":
            cursor.execute(f'CREATE DATABASE "{DATABASE}"')
    connection.close()


def cache_clear(key_prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS)
    keys = list(client.scan_iter(match=f"{key_prefix}:*"))
    if keys:
        client.delete(*keys)


# --- Inside Django (run as `bench_http.py --prepare` with the site's environment) ---------


def long_discussion(count: int) -> str:
    """A published dossier whose own discussion holds `count` comments by 50 members, built
    in bulk as bench/bench_discussions.py builds it."""
    from accounts.models import User
    from bench.bench_discussions import USERS, build

    users = User.objects.bulk_create(
        User(email=f"bench{count}-{n}@example.org", display_name=f"Membre {n}")
        for n in range(USERS)
    )
    dossier, _first, _deep = build(f"Dossier à {count} commentaires", count, users)
    return dossier.slug


def restart_sequences() -> None:
    """The long discussions' comments were made with their ids: the next message posted
    (the pass under writes) takes the id after theirs."""
    from django.core.management.color import no_style
    from django.db import connection

    from discussions.models import Comment

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Comment]):
            cursor.execute(statement)


def prepare() -> None:
    """Prints the pages to measure and a logged-in member's cookies, as JSON."""
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from accounts.models import User

    slugs = {count: long_discussion(count) for count in LONG_DISCUSSIONS}
    restart_sequences()

    def cookie(user: User) -> str:
        client = Client()
        client.force_login(user)
        # The CSRF cookie a browser holds after logging in (the login's answer sets it).
        client.get("/", secure=True)
        cookies = {name: morsel.value for name, morsel in client.cookies.items()}
        return "; ".join(
            f"{name}={cookies[name]}"
            for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
        )

    readers = User.objects.bulk_create(
        User(email=f"lecteur-{n}@example.org", display_name=f"Lectrice {n}") for n in range(READERS)
    )
    pages = {
        "floor (/bench-floor)": "/bench-floor",
        "home": "/",
        "dossier list": "/dossiers/",
        "typical dossier": f"/dossiers/{TYPICAL_DOSSIER}/",
        **{f"dossier, {count:,} comments": f"/dossiers/{slug}/" for count, slug in slugs.items()},
        "search « partenaires »": "/recherche/?q=partenaires",
    }
    print(
        json.dumps(
            {
                "cookie": cookie(User.objects.get(email=MEMBER)),
                "readers": [cookie(reader) for reader in readers],
                "pages": pages,
            }
        )
    )


def write_messages() -> None:
    """A message on WRITTEN_DOSSIER every WRITE_EVERY seconds, by the member, until stopped
    (run as `bench_http.py --write` with the site's environment)."""
    import django

    django.setup()
    from accounts.models import User
    from discussions.services import comment_create
    from dossiers.models import Dossier

    author = User.objects.get(email=MEMBER)
    dossier = Dossier.objects.get(slug=WRITTEN_DOSSIER)
    for number in itertools.count(1):
        comment_create(author=author, target=dossier, body=f"{WRITTEN_BODY}, n° {number}.")
        time.sleep(WRITE_EVERY)


@contextlib.contextmanager
def writing(env: dict[str, str], work: Path) -> Iterator[None]:
    """The writer (`--write`) running meanwhile, stopped however the pass ends; then how
    many messages it posted, or its log when it posted none."""
    before, started = messages_written(), time.monotonic()
    writer = spawn([sys.executable, __file__, "--write"], work / "writer.out", env)
    try:
        yield
    finally:
        stop(writer)
    posted = messages_written() - before
    rate = posted / (time.monotonic() - started)
    print(f"messages posted on {WRITTEN_DOSSIER} meanwhile: {posted} ({rate:.1f}/s)")
    if not posted:
        print((work / "writer.out").read_text()[-2000:])


def messages_written() -> int:
    import psycopg2

    connection = psycopg2.connect(f"{POSTGRES}/{DATABASE}")
    with connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM discussions_comment WHERE body LIKE %s", [f"{WRITTEN_BODY}%"]
        )
        (count,) = cursor.fetchone()
    connection.close()
    return count


# --- Measuring ------------------------------------------------------------------------------

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * UNITS[unit]


# wrk's script for the readers' pass: each request carries the next member's cookies.
IN_TURN = """
local cookies = {%s}
local sent = 0
request = function()
  sent = sent + 1
  wrk.headers["Cookie"] = cookies[sent %% #cookies + 1]
  return wrk.format()
end
"""


def wrk(url: str, headers: list[str], seconds: int, script: Path | None = None) -> dict[str, float]:
    # A 10 s timeout: wrk's 2 s default drops the slow answers from the percentiles.
    command = [WRK, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s"]
    command += ["--latency", url, *(["--script", str(script)] if script else [])]
    for header in headers:
        command += ["-H", header]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": milliseconds(re.search(r"\s50%\s+(\S+)", out).group(1)),
        "p99": milliseconds(re.search(r"\s99%\s+(\S+)", out).group(1)),
        "errors": (int(errors.group(1)) if errors else 0)
        + (sum(int(n) for n in sockets.groups()) if sockets else 0),
    }


def workers_cpu(master: int) -> float:
    """CPU seconds gunicorn's workers (the master's children) have used, from /proc."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def check_page(url: str, headers: list[str]) -> int:
    """The page's size; it must answer 200 itself (not the login page's redirect)."""
    request = urllib.request.Request(url, headers=dict(h.split(": ", 1) for h in headers))  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310 our loopback
        body = answer.read()
        if answer.status != 200 or answer.url != url:
            raise RuntimeError(f"{url} answered {answer.status} at {answer.url}")
    return len(body)


def measure(pages: dict[str, str], cookies: list[str], master: int, work: Path) -> None:
    """Each page's figures, asked with the first of `cookies` or, when there are several,
    with each in turn; "cpu ms" is the workers' CPU time per answer, which the others'
    load on a shared machine changes far less than req/s (2 workers on 2 idle CPUs serve
    about 2,000 / cpu ms pages a second, less the database's share)."""
    headers = [f"Cookie: {cookies[0]}", "X-Forwarded-Proto: https"]
    script = None
    if len(cookies) > 1:
        script = work / "in-turn.lua"
        script.write_text(IN_TURN % ", ".join(json.dumps(cookie) for cookie in cookies))
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"\ngunicorn -w {WORKERS} (sync), wrk -t{THREADS} -c{CONNECTIONS} -d{SECONDS}s")
    # On a shared machine the figures follow the others' load: read them with it.
    print(f"load average before the run: {load} ({os.cpu_count()} CPUs)")
    print(
        f"{'page':<28}{'KiB':>7}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'× floor':>9}{'cpu ms':>8}"
    )
    floor = None
    for name, path in pages.items():
        url = f"http://127.0.0.1:{PORT}{path}"
        size = check_page(url, headers)
        wrk(url, headers, WARMUP_SECONDS, script)
        cpu = workers_cpu(master)
        figures = wrk(url, headers, SECONDS, script)
        cpu = (workers_cpu(master) - cpu) * 1000 / max(figures["requests"], 1)
        floor = floor or figures["rps"]
        errors = f"  {figures['errors']} errors!" if figures["errors"] else ""
        print(
            f"{name:<28}{size / 1024:>7.1f}{figures['rps']:>9.0f}{figures['p50']:>9.1f}"
            f"{figures['p99']:>9.1f}{figures['rps'] / floor:>9.3f}{cpu:>8.1f}{errors}",
            flush=True,
        )


def main() -> None:
    if not Path(WRK).exists():
        sys.exit("make bench-http needs wrk: sudo apt-get install wrk (Debian and Ubuntu)")
    key_prefix = f"bench-http-{secrets.token_hex(4)}"
    work = Path(tempfile.mkdtemp(prefix="ccfd-bench-http-"))
    env = site_env(work / "static", key_prefix)
    gunicorn = None
    try:
        log(f"database {DATABASE}: create, migrate, collectstatic, load_demo")
        database("create")
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")
        manage(env, "load_demo", "--force")
        log("dossiers with 1,000 and 10,000 comments, a member's session")
        prepared = subprocess.run(  # noqa: S603 this very script
            [sys.executable, __file__, "--prepare"], cwd=ROOT, env=env,
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        setup = json.loads(prepared.strip().splitlines()[-1])
        database("analyze")
        for memo, who, title in PASSES:
            log(f"gunicorn on 127.0.0.1:{PORT}, DJANGO_PAGE_MEMO={memo}")
            gunicorn = serve({**env, "DJANGO_PAGE_MEMO": memo}, work)
            print(f"\n{title}")
            pages, cookies = setup["pages"], [setup["cookie"]]
            if who.startswith("readers"):
                pages = {name: path for name, path in pages.items() if name.startswith(SHARED)}
                cookies = setup["readers"]
            writes = who == "readers, writes elsewhere"
            if writes:
                pages = {name: path for name, path in pages.items() if name != "home"}
            with writing(env, work) if writes else contextlib.nullcontext():
                measure(pages, cookies, gunicorn.pid, work)
            stop(gunicorn)
            gunicorn = None
    finally:
        stop(gunicorn)
        database("drop")
        cache_clear(key_prefix)
        shutil.rmtree(work, ignore_errors=True)
        log("gunicorn stopped, database and cache keys removed")


def serve(env: dict[str, str], work: Path):
    gunicorn = spawn(
        [str(Path(sys.executable).parent / "gunicorn"), "ccfd_community.wsgi",
         "--bind", f"127.0.0.1:{PORT}", "--workers", str(WORKERS),
         "--no-control-socket", "--error-logfile", str(work / "gunicorn.log")],
        work / "gunicorn.out", env,
    )  # fmt: skip
    wait_for(lambda: _answers(f"http://127.0.0.1:{PORT}/bench-floor"), 60, "gunicorn")
    return gunicorn


def _answers(url: str) -> bool:
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=1) as answer:  # noqa: S310 our loopback
            return answer.status == 200
    except OSError:
        return False


if __name__ == "__main__":
    if "--prepare" in sys.argv:
        prepare()
    elif "--write" in sys.argv:
        write_messages()
    else:
        main()
