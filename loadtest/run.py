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
import os
import random
import secrets
import shutil
import signal
import subprocess  # noqa: S404
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from loadtest.members import MIX, Member, Recorder, Shared
from loadtest.report import (
    Fault,
    integrity_lines,
    latency_table,
    phase_lines,
    server_log_lines,
    verdict,
)
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


def prepare_site(root: Path, env: dict[str, str], members: int) -> dict[str, Any]:
    """Migrate, collect static files, load the demo and make the members: the world the
    members act in (dossiers, parts, accounts)."""
    log("migrate, collectstatic, load_demo --force")
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "load_demo", "--force")
    world_file = root / "world.json"
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "loadtest.django_side", "prepare", str(world_file),
         "--members", str(members)],
        cwd=PROJECT, env=env, check=True,
    )  # fmt: skip
    return json.loads(world_file.read_text())


def make_members(
    args: argparse.Namespace,
    world: dict[str, Any],
    password: str,
    port: int,
    site: str,
    recorder: Recorder,
    shared: Shared,
    run: str,
) -> list[Member]:
    rng = random.Random(args.seed)  # noqa: S311 a reproducible mix, not a secret
    names = [m["name"] for m in world["members"]]
    return [
        Member(
            n=n, account=account, password=password, base_url=f"http://127.0.0.1:{port}",
            site_origin=site, world=world, names=names, recorder=recorder, shared=shared,
            run=run, rng=random.Random(rng.random()),  # noqa: S311
        )
        for n, account in enumerate(world["members"])
    ]  # fmt: skip


def summary_lines(
    *,
    samples: list,
    members: list[Member],
    recorder: Recorder,
    gunicorn: Gunicorn,
    worker: TaskWorker,
    faults: Faults | None,
    report: dict[str, Any],
    workers: str,
    span: tuple[float, float],
    cpu: tuple[float, float],
) -> list[str]:
    """The figures of the run: machine, latencies, errors by URL, the server's log, the
    phases of the faults and the integrity checks."""
    start, end = span
    client_cpu, server_cpu = cpu
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
        out.append(f"db_worker exits: {[(round(t - start, 1), w, c) for t, w, c in worker.exits]}")
    out += ["", "--- integrity"] + integrity_lines(report)
    return out


def stop_all(
    root: Path, keep: bool, faults: Faults | None, services: list[Any], pg: Postgres
) -> None:
    """Stop everything the load test started, whatever failed before."""
    if faults:
        faults.stopping.set()
    for service in services:
        if service is not None:
            try:
                service.stop()
            except Exception as error:  # noqa: BLE001 go on stopping the others
                log(f"stopping {type(service).__name__}: {error!r}")
    try:
        pg.stop()
    except Exception as error:  # noqa: BLE001
        log(f"stopping PostgreSQL: {error!r}")
    if keep:
        log(f"logs kept in {root}")
    else:
        shutil.rmtree(root, ignore_errors=True)
    log("everything the load test started is stopped")


def load(
    members: list[Member],
    args: argparse.Namespace,
    run: str,
    pg: Postgres,
    gunicorn: Gunicorn,
    worker: TaskWorker,
    redis: Redis,
    shared: Shared,
) -> tuple[float, float, tuple[float, float], Faults | None]:
    """The members at work until the deadline, with the faults if asked: when it started
    and ended, the CPU the client and the gunicorn workers used, the faults injected."""
    faults: Faults | None = None
    start = time.time()
    client_cpu = time.process_time()
    server_cpu = gunicorn.workers_cpu()
    deadline = start + args.duration
    log(
        f"run {run}: {args.duration:.0f} s, think {args.think[0]}-{args.think[1]} s"
        + (", with faults" if args.faults else "")
    )
    threads = [
        threading.Thread(target=m.work, args=(deadline, args.think), daemon=True) for m in members
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
    return start, end, (client_cpu, server_cpu), faults


def main() -> int:
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
        world = prepare_site(root, env, args.members)
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
        members = make_members(args, world, password, port, site, recorder, shared, run)
        login_failures, login_seconds = members_log_in(members)
        log(f"{len(members)} members logged in in {login_seconds:.1f} s, {login_failures} failed")
        if login_failures:
            raise RuntimeError(f"{login_failures} members could not log in: see {root}")

        start, end, cpu, faults = load(members, args, run, pg, gunicorn, worker, redis, shared)
        log(f"load over after {end - start:.1f} s; draining the task queue, counting")
        report = check(root, env, run, start - 5, worker)

        samples = [s for s in recorder.samples if s.start >= start]
        out = summary_lines(
            samples=samples, members=members, recorder=recorder, gunicorn=gunicorn,
            worker=worker, faults=faults, report=report, workers=workers,
            span=(start, end), cpu=cpu,
        )  # fmt: skip
        checks = verdict(samples, report, faults.faults if faults else None, start, end)
        out += ["", "--- verdict"] + [f"{'PASS' if ok else 'FAIL'}  {what}" for what, ok in checks]
        print("\n".join(out), flush=True)
        return 0 if all(ok for _, ok in checks) else 1
    finally:
        stop_all(root, args.keep, faults, [worker, gunicorn, smtp, redis], pg)


if __name__ == "__main__":
    sys.exit(main())
