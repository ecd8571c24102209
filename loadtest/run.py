"""`make loadtest`: the site in production mode under N logged-in members for a set time.

Starts its own PostgreSQL cluster, Redis and SMTP sink on free loopback ports, migrates,
collects the static files, loads the demo and the members, starts gunicorn and a supervised
`db_worker`, logs every member in through allauth's form, then runs the mix of
`loadtest/members.py` until the time is up (or the request cap is reached). Afterwards it
checks in the database that each acknowledged write is stored exactly once and that each
reply or mention to email went out once, and prints throughput, latency percentiles and the
5xx by URL. With --faults it restarts PostgreSQL, kills a gunicorn worker and the task worker
and stops Redis for a while during the run, and prints the errors and recovery of each phase.
Everything it started is stopped on exit, whatever the exit.

    python -m loadtest.run --members 40 --duration 120 --worker-class gthread --faults
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import secrets
import shutil
import signal
import subprocess  # noqa: S404
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loadtest.members import MIX, Member, Recorder, Sample, Shared
from loadtest.services import (
    PROJECT,
    Gunicorn,
    Postgres,
    Redis,
    SmtpSink,
    TaskWorker,
    free_port,
    manage,
)

# Variables of the site that the load test sets itself; the caller's are not inherited.
SITE_VARIABLES = ("DATABASE_URL", "CACHE_URL", "EMAIL_URL", "ACCOUNT_ALLOWED_SIGNUP_DOMAINS")
CACHE_OUTAGE = 20.0  # seconds Redis stays down in --faults
RELOGINS_WHILE_CACHE_DOWN = 5  # members who log out and in again meanwhile


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=40)
    parser.add_argument("--duration", type=float, default=120, help="seconds of load")
    parser.add_argument("--worker-class", choices=["sync", "gthread"], default="sync")  # chosen
    parser.add_argument("--workers", type=int, help="gunicorn workers (3 sync, 2 gthread)")
    parser.add_argument("--threads", type=int, default=4, help="threads per gthread worker")
    parser.add_argument(
        "--think", default="0.5-1.5", help="pause between a member's actions, MIN-MAX seconds"
    )
    parser.add_argument("--faults", action="store_true", help="inject faults during the run")
    parser.add_argument("--max-requests", type=int, help="request cap (default 250 per second)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--keep", action="store_true", help="keep the logs directory")
    args = parser.parse_args()
    args.workers = args.workers or (3 if args.worker_class == "sync" else 2)
    low, _, high = args.think.partition("-")
    args.think = (float(low), float(high or low))
    args.max_requests = args.max_requests or int(250 * args.duration)
    return args


def production_env(
    *, root: Path, site: str, pg: Postgres, redis: Redis, smtp: SmtpSink, password: str
) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_") and name not in SITE_VARIABLES
    }
    env.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(48),
        DJANGO_SITE_URL=site,
        DATABASE_URL=pg.url("ccfd"),
        CACHE_URL=f"redis://127.0.0.1:{redis.port}/1",
        EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}",
        DJANGO_TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        # The clients play the load balancer, which appends the client to X-Forwarded-For.
        DJANGO_TRUSTED_PROXY_COUNT="1",
        # Members of the mix post several times a minute, faster than people: the limiter
        # still counts each post in the cache, under ceilings they do not reach.
        DJANGO_RATE_LIMIT_COMMENT="120/m/user,5000/h/user",
        DJANGO_RATE_LIMIT_ANNOTATION="120/m/user,5000/h/user",
        DJANGO_MEDIA_ROOT=str(root / "media"),
        LOADTEST_PASSWORD=password,
        PYTHONUNBUFFERED="1",
    )
    return env


# --- Faults -------------------------------------------------------------------------------


@dataclass
class Fault:
    name: str
    at: float  # share of the run's duration
    inject: Callable[[Fault], None]
    started: float = 0.0
    ended: float = 0.0
    note: str = ""


class Faults(threading.Thread):
    """At set points of the run: restart PostgreSQL, SIGKILL a gunicorn worker, SIGKILL the
    task worker (its supervisor starts another), stop Redis for CACHE_OUTAGE seconds."""

    def __init__(
        self, *, start: float, duration: float, pg: Postgres, gunicorn: Gunicorn,
        worker: TaskWorker, redis: Redis, shared: Shared,
    ) -> None:  # fmt: skip
        super().__init__(daemon=True)
        self.start_time = start
        self.duration = duration
        self.pg, self.gunicorn, self.worker, self.redis = pg, gunicorn, worker, redis
        self.shared = shared
        self.faults = [
            Fault("postgres restart", 0.20, self.postgres_restart),
            Fault("gunicorn worker kill -9", 0.40, self.gunicorn_worker_kill),
            Fault("db_worker kill -9", 0.55, self.task_worker_kill),
            Fault("cache down", 0.70, self.cache_down),
        ]
        self.stopping = threading.Event()

    def run(self) -> None:
        for fault in self.faults:
            delay = self.start_time + fault.at * self.duration - time.time()
            if self.stopping.wait(max(0.0, delay)):
                return
            log(f"fault: {fault.name}")
            try:
                fault.inject(fault)
            except Exception as error:  # noqa: BLE001 a fault that fails is reported, not fatal
                fault.note = f"could not be injected: {error!r}"
            log(f"fault: {fault.name}: {fault.note}")

    def postgres_restart(self, fault: Fault) -> None:
        # As before a planned restart: the shutdown checkpoint then has little to write.
        self.pg.psql("CHECKPOINT")
        fault.started = time.time()
        self.pg.restart()
        fault.ended = time.time()
        fault.note = f"pg_ctl restart -m fast took {fault.ended - fault.started:.2f} s"

    def gunicorn_worker_kill(self, fault: Fault) -> None:
        before = self.gunicorn.worker_pids()
        victim = before[0]
        fault.started = time.time()
        os.kill(victim, signal.SIGKILL)
        deadline = time.time() + 30
        while time.time() < deadline:
            now = self.gunicorn.worker_pids()
            if victim not in now and len(now) >= len(before):
                break
            time.sleep(0.05)
        fault.ended = time.time()
        fault.note = (
            f"pid {victim} of {len(before)}; the master had {len(before)} workers again "
            f"after {fault.ended - fault.started:.2f} s"
        )

    def task_worker_kill(self, fault: Fault) -> None:
        starts = len(self.worker.starts)
        fault.started = time.time()
        pid = self.worker.kill()
        deadline = time.time() + 30
        while time.time() < deadline and len(self.worker.starts) == starts:
            time.sleep(0.05)
        fault.ended = time.time()
        fault.note = (
            f"pid {pid}; supervisor started another after {fault.ended - fault.started:.2f} s"
        )

    def cache_down(self, fault: Fault) -> None:
        fault.started = time.time()
        self.redis.stop()
        with self.shared.lock:
            self.shared.relogins_due = RELOGINS_WHILE_CACHE_DOWN
        outage = min(CACHE_OUTAGE, 0.2 * self.duration)  # the phase lasts 0.3 of the run
        if self.stopping.wait(outage):
            self.redis.start()
            return
        self.redis.start()
        fault.ended = time.time()
        fault.note = (
            f"Redis stopped, started again after {fault.ended - fault.started:.1f} s; "
            f"{RELOGINS_WHILE_CACHE_DOWN} members logged out and in again meanwhile"
        )


# --- Report -------------------------------------------------------------------------------


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return 0.0
    return sorted_values[max(0, math.ceil(p / 100 * len(sorted_values)) - 1)]


def failed(sample: Sample) -> bool:
    return sample.status == 0 or sample.status >= 500


def latency_table(samples: list[Sample], seconds: float) -> list[str]:
    groups: dict[str, list[Sample]] = defaultdict(list)
    for sample in samples:
        groups[sample.group].append(sample)
    groups["ALL"] = samples
    lines = [
        f"{'group':<24}{'requests':>9}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}"
        f"{'max ms':>8}{'4xx':>6}{'5xx':>6}{'none':>6}"
    ]
    for name, group in sorted(groups.items(), key=lambda item: (item[0] == "ALL", -len(item[1]))):
        times = sorted((s.end - s.start) * 1000 for s in group if s.status)
        lines.append(
            f"{name:<24}{len(group):>9}{len(group) / seconds:>8.1f}{percentile(times, 50):>8.0f}"
            f"{percentile(times, 95):>8.0f}{percentile(times, 99):>8.0f}"
            f"{(times[-1] if times else 0):>8.0f}"
            f"{sum(400 <= s.status < 500 for s in group):>6}"
            f"{sum(s.status >= 500 for s in group):>6}{sum(s.status == 0 for s in group):>6}"
        )
    return lines


def phases(
    faults: list[Fault], start: float, end: float
) -> list[tuple[str, float, float, Fault | None]]:
    """(name, from, to, fault): the baseline, then each fault until the next one."""
    bounds: list[tuple[str, float, Fault | None]] = [("baseline", start, None)]
    bounds += [(f.name, f.started or start + f.at * (end - start), f) for f in faults]
    return [
        (name, since, bounds[i + 1][1] if i + 1 < len(bounds) else end, fault)
        for i, (name, since, fault) in enumerate(bounds)
    ]


def phase_lines(samples: list[Sample], faults: list[Fault], start: float, end: float) -> list[str]:
    """Per phase, the failed requests (5xx or no answer) by when their answer came, timed
    from the fault: what members saw and for how long."""
    lines = []
    for name, since, until, fault in phases(faults, start, end):
        answered = [s for s in samples if since <= s.end < until]
        errors = [s for s in answered if failed(s)]
        line = f"{name:<24} {len(answered):>6} requests, {len(errors):>3} errors"
        if errors:
            first = min(s.end for s in errors) - since
            last = max(s.end for s in errors) - since
            kinds = Counter(str(s.status) if s.status else s.error for s in errors)
            line += (
                f" ({', '.join(f'{k} ×{v}' for k, v in kinds.most_common())}), answered from "
                f"+{first:.2f} s to +{last:.2f} s: {last - first:.2f} s of errors, all good "
                f"again {last:.2f} s after the fault"
            )
        elif fault:
            line += ", nothing failed"
        lines.append(line)
        if fault and fault.note:
            lines.append(f"{'':<25}{fault.note}")
    return lines


SERVER_ERROR = re.compile(r"Internal Server Error: (\S+)")
EXCEPTION = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Failure|Timeout|Refused)\w*): ?(.*)$")
ACCESS = re.compile(r'"(\w+) (\S+) HTTP/[\d.]+" (\d{3}) ')


def server_log_lines(gunicorn: Gunicorn) -> list[str]:
    """The 5xx as the server saw them: Django's "Internal Server Error: <path>" lines and
    the exceptions under them; gunicorn's worker timeouts and kills."""
    text = ""
    for path in (gunicorn.error_log, gunicorn.root / "gunicorn.out"):
        if path.exists():
            text += path.read_text(errors="replace")
    paths = Counter(SERVER_ERROR.findall(text))
    exceptions = Counter(
        f"{m[1]}: {m[2][:110]}" for line in text.splitlines() if (m := EXCEPTION.match(line))
    )
    gunicorn_events = Counter(
        re.sub(r"\d+", "N", line.split("] ", 2)[-1])[:90]
        for line in text.splitlines()
        if "WORKER TIMEOUT" in line or "was sent SIGKILL" in line
    )
    access = Counter()
    if gunicorn.access_log.exists():
        for line in gunicorn.access_log.read_text(errors="replace").splitlines():
            m = ACCESS.search(line)
            if m and m[3].startswith("5"):
                access[f"{m[3]} {m[1]} {m[2].partition('?')[0]}"] += 1
    worker_log = gunicorn.root / "db_worker.log"
    worker_text = worker_log.read_text(errors="replace") if worker_log.exists() else ""
    task_errors = Counter(
        f"{m[1]}: {m[2][:70]}…" for line in worker_text.splitlines() if (m := EXCEPTION.match(line))
    )
    lines = [f"access log 5xx: {dict(access) or 'none'}"]
    lines.append(f"Django 'Internal Server Error' by path: {dict(paths) or 'none'}")
    lines += [f"  {count:>4} × {what}" for what, count in exceptions.most_common(8)]
    lines += [f"gunicorn: {count} × {what}" for what, count in gunicorn_events.most_common(5)]
    lines += [f"db_worker: {count} × {what}" for what, count in task_errors.most_common(5)]
    return lines


def integrity_lines(report: dict[str, Any]) -> list[str]:
    writes, tasks, emails = report["writes"], report["tasks"], report["emails"]
    acked, unacked = writes["acknowledged"], writes["unacknowledged"]
    lines = [
        f"acknowledged writes   {acked['writes']:>6}: stored once {acked['stored_once']}, "
        f"missing {acked['missing']}, duplicated {acked['duplicated']}",
        f"unacknowledged writes {unacked['writes']:>6}: stored once {unacked['stored_once']}, "
        f"not stored {unacked['missing']}, duplicated {unacked['duplicated']}",
    ]
    if writes["stored_but_never_sent"]:
        lines.append(f"stored markers no client sent: {writes['stored_but_never_sent']}")
    for label in ("lost", "duplicates", "unacknowledged_stored"):
        for write in writes[label]:
            lines.append(f"  {label}: {write}")
    lines.append(
        "tasks: "
        + ", ".join(f"{k.lower()} {v}" for k, v in tasks.items() if k != "orphaned")
        + f" (left running by a killed worker: {tasks['orphaned']})"
    )
    lines.append(
        f"emails to send at once {emails['to_send']}: received once "
        f"{emails.get('received_once', 0)}, twice or more {emails.get('received_twice_or_more', 0)}, "
        f"never sent {emails.get('never_sent', 0)}, sent but not marked "
        f"{emails.get('received_but_not_marked_sent', 0)}, marked but not received "
        f"{emails.get('marked_sent_but_not_received', 0)}"
    )
    return lines


def verdict(
    samples: list[Sample], report: dict[str, Any], faults: list[Fault] | None, start: float,
    end: float,
) -> list[tuple[str, bool]]:  # fmt: skip
    acked = report["writes"]["acknowledged"]
    checks = [
        (
            "every acknowledged write stored exactly once",
            not acked["missing"] and not acked["duplicated"],
        ),
        ("no write stored twice", not report["writes"]["unacknowledged"]["duplicated"]),
    ]
    tasks, emails = report["tasks"], report["emails"]
    # A task that a SIGKILLed worker was running stays RUNNING for good (django-tasks-db
    # does not run it again): its email is reported, and only that one may be missing.
    emails_lost = emails.get("never_sent", 0) + emails.get("marked_sent_but_not_received", 0)
    checks.append(
        (
            f"every email sent once ({tasks['FAILED']} tasks failed, {emails_lost} emails "
            f"missing, {tasks['orphaned']} left to a killed worker)",
            not tasks["FAILED"]
            and not emails.get("received_twice_or_more", 0)
            and emails_lost <= tasks["orphaned"],
        )
    )
    if not faults:
        checks.append(("no 5xx and no request left unanswered", not any(map(failed, samples))))
        return checks
    errors = {name: [s for s in samples if since <= s.end < until and failed(s)]
              for name, since, until, _ in phases(faults, start, end)}  # fmt: skip
    by_name = {f.name: f for f in faults}
    pg, kill = by_name["postgres restart"], by_name["gunicorn worker kill -9"]
    during_pg = [s for s in errors["postgres restart"] if s.end <= pg.ended + 1]
    window = max((s.end for s in during_pg), default=0) - min((s.end for s in during_pg), default=0)
    # The requests the killed worker was serving get no answer.
    held = [
        s for s in errors["gunicorn worker kill -9"] if s.status == 0 and s.start <= kill.started
    ]
    others = [s for group in errors.values() for s in group if s not in during_pg and s not in held]
    checks += [
        (
            f"PostgreSQL restart: {len(during_pg)} errors within {window:.2f} s of its start (at most 1 s)",
            window <= 1.0,
        ),
        (f"gunicorn worker kill: {len(held)} requests it was serving got no answer", True),
        (f"cache down: {len(errors['cache down'])} errors (none)", not errors["cache down"]),
        (f"no other errors ({len(others)})", not others),
    ]
    return checks


# --- The run ------------------------------------------------------------------------------


def members_log_in(members: list[Member]) -> tuple[int, float]:
    """Four at a time, each from their own address, as people arrive in the morning: all
    at once, the slow password hash (deliberately slow) queues them past the client's
    timeout. Returns (failures, seconds)."""
    start = time.time()
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda member: member.login(), members))
    return results.count(False), time.time() - start


def check(root: Path, env: dict[str, str], run: str, since: float, worker: TaskWorker) -> dict:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "loadtest.django_side", "check", "--run", run,
         "--writes", str(root / "writes.jsonl"), "--maildir", str(root / "mail"),
         "--since", str(since), "--dead-workers", ",".join(worker.dead)],
        cwd=PROJECT, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def interrupt(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def main() -> int:  # noqa: C901 one straight sequence, easier read whole than split
    args = arguments()
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, interrupt)
    root = Path(tempfile.mkdtemp(prefix="ccfd-loadtest-"))
    root.chmod(0o755)  # the PostgreSQL server runs as the postgres user inside it
    pg, redis, smtp = Postgres(root), Redis(root), SmtpSink(root)
    gunicorn: Gunicorn | None = None
    worker: TaskWorker | None = None
    faults: Faults | None = None
    try:
        log(f"logs in {root}; PostgreSQL :{pg.port}, Redis :{redis.port}, SMTP :{smtp.port}")
        pg.init()
        pg.start()
        pg.createdb("ccfd")
        redis.start()
        smtp.start()
        port = free_port()
        site = f"https://127.0.0.1:{port}"
        password = secrets.token_urlsafe(16)
        env = production_env(root=root, site=site, pg=pg, redis=redis, smtp=smtp, password=password)
        log("migrate, collectstatic, load_demo --force")
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")
        manage(env, "load_demo", "--force")
        world_file = root / "world.json"
        subprocess.run(  # noqa: S603
            [sys.executable, "-m", "loadtest.django_side", "prepare", str(world_file),
             "--members", str(args.members)],
            cwd=PROJECT, env=env, check=True,
        )  # fmt: skip
        world = json.loads(world_file.read_text())
        gunicorn = Gunicorn(root, env, args.workers, args.worker_class, args.threads, port=port)
        gunicorn.start()
        worker = TaskWorker(root, env)
        worker.start()
        workers = f"{args.workers} {args.worker_class} workers" + (
            f" × {args.threads} threads" if args.worker_class == "gthread" else ""
        )
        log(f"gunicorn: {workers}, on http://127.0.0.1:{port} (site URL {site})")

        run = f"lt{secrets.token_hex(3)}"
        recorder = Recorder(root / "writes.jsonl", args.max_requests)
        shared = Shared()
        rng = random.Random(args.seed)  # noqa: S311 a reproducible mix, not a secret
        names = [m["name"] for m in world["members"]]
        members = [
            Member(
                n=n, account=account, password=password, base_url=f"http://127.0.0.1:{port}",
                site_origin=site, world=world, names=names, recorder=recorder, shared=shared,
                run=run, rng=random.Random(rng.random()),  # noqa: S311
            )
            for n, account in enumerate(world["members"])
        ]  # fmt: skip
        login_failures, login_seconds = members_log_in(members)
        log(f"{len(members)} members logged in in {login_seconds:.1f} s, {login_failures} failed")
        if login_failures:
            raise RuntimeError(f"{login_failures} members could not log in: see {root}")

        start = time.time()
        client_cpu = time.process_time()
        server_cpu = gunicorn.workers_cpu()
        deadline = start + args.duration
        log(
            f"run {run}: {args.duration:.0f} s, think {args.think[0]}-{args.think[1]} s"
            + (", with faults" if args.faults else "")
        )
        threads = [
            threading.Thread(target=m.work, args=(deadline, args.think), daemon=True)
            for m in members
        ]
        for thread in threads:
            thread.start()
        if args.faults:
            faults = Faults(
                start=start, duration=args.duration, pg=pg, gunicorn=gunicorn, worker=worker,
                redis=redis, shared=shared,
            )  # fmt: skip
            faults.start()
        for thread in threads:
            thread.join()
        end = time.time()
        client_cpu = time.process_time() - client_cpu
        server_cpu = gunicorn.workers_cpu() - server_cpu
        if faults:
            faults.join()
        log(f"load over after {end - start:.1f} s; draining the task queue, counting")
        report = check(root, env, run, start - 5, worker)

        samples = [s for s in recorder.samples if s.start >= start]
        seconds = end - start
        out = ["", f"=== {len(members)} members, {seconds:.0f} s, {workers}"]
        out.append(
            f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[1]:.1f} over the "
            f"last 5 minutes (other processes included); this client used "
            f"{client_cpu / seconds:.0%} of one core"
        )
        out.append(
            f"gunicorn workers: {server_cpu / seconds:.2f} cores busy, "
            f"{1000 * server_cpu / max(1, len(samples)):.0f} ms of CPU per request"
            + (" (a killed worker's CPU is not counted)" if faults else "")
        )
        out += latency_table(samples, seconds)
        writes = Counter(w["what"] for w in recorder.writes)
        out.append(f"writes attempted: {dict(writes)}; mix weights: {MIX}")
        server_errors = Counter(f"{s.method} {s.path}" for s in samples if s.status >= 500)
        unanswered = Counter(f"{s.method} {s.path} {s.error}" for s in samples if not s.status)
        out.append(f"5xx by URL (client): {dict(server_errors) or 'none'}")
        out.append(f"no answer by URL (client): {dict(unanswered) or 'none'}")
        out += ["", "--- server log"] + server_log_lines(gunicorn)
        if faults:
            out += ["", "--- phases (errors = 5xx or no answer, timed from the fault)"]
            out += phase_lines(samples, faults.faults, start, end)
            out.append(
                f"db_worker exits: {[(round(t - start, 1), w, c) for t, w, c in worker.exits]}"
            )
        out += ["", "--- integrity"] + integrity_lines(report)
        checks = verdict(samples, report, faults.faults if faults else None, start, end)
        out += ["", "--- verdict"] + [f"{'PASS' if ok else 'FAIL'}  {what}" for what, ok in checks]
        print("\n".join(out), flush=True)
        return 0 if all(ok for _, ok in checks) else 1
    finally:
        if faults:
            faults.stopping.set()
        for service in (worker, gunicorn, smtp, redis):
            if service is not None:
                try:
                    service.stop()
                except Exception as error:  # noqa: BLE001 go on stopping the others
                    log(f"stopping {type(service).__name__}: {error!r}")
        try:
            pg.stop()
        except Exception as error:  # noqa: BLE001
            log(f"stopping PostgreSQL: {error!r}")
        if args.keep:
            log(f"logs kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
        log("everything the load test started is stopped")


if __name__ == "__main__":
    sys.exit(main())
