"""The processes a load test starts and stops itself: a PostgreSQL cluster in a temporary
directory, Redis, an SMTP sink, gunicorn and a supervised `db_worker`, each on a free port of
the loopback, so nothing another run (or the machine's own PostgreSQL and Redis) uses is
touched. Every process is started in a session of its own and stopped by its id."""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess  # noqa: S404 the load test runs the site's own processes
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not come up within {timeout:.0f} s")


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def stop(process: subprocess.Popen | None, timeout: float = 10) -> None:
    """SIGTERM to the process's own session, SIGKILL if it is still there after `timeout`."""
    if process is None or process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def spawn(command: list[str], log: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    with log.open("ab") as out:
        return subprocess.Popen(  # noqa: S603 our own commands, no shell
            command,
            cwd=PROJECT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )


# --- PostgreSQL ---------------------------------------------------------------------------


def postgres_bin() -> Path:
    """The newest server installed by Debian's packages (PostgreSQL 15 here)."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if not found:
        raise RuntimeError("no PostgreSQL server in /usr/lib/postgresql/*/bin")
    return Path(found[-1]).parent


@dataclass
class Postgres:
    """A throw-away cluster: trust authentication on 127.0.0.1 only, no Unix socket."""

    root: Path
    port: int = field(default_factory=free_port)

    def __post_init__(self) -> None:
        self.bin = postgres_bin()
        self.data = self.root / "pgdata"
        self.log = self.root / "postgres.log"
        self.started = False

    def _as_owner(self, *command: str) -> list[str]:
        # The server refuses to run as root: as root, run it as the postgres user.
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *command]
        return list(command)

    def _run(self, *command: str) -> None:
        # Output to a file, not a pipe: a server that pg_ctl starts inherits it and would
        # hold a pipe open for as long as it runs.
        with (self.root / "pg_ctl.log").open("ab") as out:
            subprocess.run(  # noqa: S603
                self._as_owner(*command), check=True, stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, cwd="/",
                start_new_session=True,  # a Ctrl-C reaches the load test, which stops the server
            )  # fmt: skip

    def _pg_ctl(self, action: str, *options: str) -> None:
        server = f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories="
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
            "-o", server, "-w", "-t", "60", *options, action,
        )  # fmt: skip

    def psql(self, sql: str) -> None:
        self._run(
            str(self.bin / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
            "-v", "ON_ERROR_STOP=1", "-c", sql,
        )  # fmt: skip

    def init(self) -> None:
        self.data.mkdir(mode=0o700)
        self.log.touch()
        if os.geteuid() == 0:
            shutil.chown(self.data, "postgres", "postgres")
            shutil.chown(self.log, "postgres", "postgres")
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
            "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8",
        )  # fmt: skip

    def start(self) -> None:
        self._pg_ctl("start")
        self.started = True

    def restart(self) -> None:
        """As an operator or a failover would: fast shutdown (open sessions are ended),
        then start again."""
        self._pg_ctl("restart", "-m", "fast")

    def createdb(self, name: str) -> None:
        self._run(
            str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
            "-U", "postgres", name,
        )  # fmt: skip

    def stop(self) -> None:
        if self.started:
            self._pg_ctl("stop", "-m", "fast")
            self.started = False

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"


# --- Redis and the SMTP sink --------------------------------------------------------------


@dataclass
class Redis:
    root: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    def start(self) -> None:
        redis = shutil.which("redis-server")
        if redis is None:
            raise RuntimeError("redis-server is not installed (apt-get install redis-server)")
        self.process = spawn(
            [redis, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--daemonize", "no"],
            self.root / "redis.log",
        )  # fmt: skip
        wait_for(lambda: port_open(self.port), 10, "Redis")

    def stop(self) -> None:
        stop(self.process)
        self.process = None


@dataclass
class SmtpSink:
    """aiosmtpd storing each message in a Maildir, to be counted afterwards."""

    root: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def maildir(self) -> Path:
        return self.root / "mail"

    def start(self) -> None:
        self.process = spawn(
            [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{self.port}",
             "-c", "aiosmtpd.handlers.Mailbox", str(self.maildir)],
            self.root / "smtp.log",
        )  # fmt: skip
        wait_for(lambda: port_open(self.port), 10, "the SMTP sink")

    def stop(self) -> None:
        stop(self.process)
        self.process = None


# --- The site -----------------------------------------------------------------------------


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


@dataclass
class Gunicorn:
    root: Path
    env: dict[str, str]
    workers: int
    worker_class: str
    threads: int
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def error_log(self) -> Path:
        return self.root / "gunicorn.log"

    @property
    def access_log(self) -> Path:
        return self.root / "access.log"

    def start(self) -> None:
        command = [
            str(VENV_BIN / "gunicorn"), "ccfd_community.wsgi",
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(self.workers),
            "--worker-class", self.worker_class,
            # The clients stand where the TLS-terminating load balancer would and say so
            # with X-Forwarded-Proto; their addresses span 127.0.0.0/8 (one per member).
            "--forwarded-allow-ips", "*",
            "--access-logfile", str(self.access_log),
            "--access-logformat", '%(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms',
            "--error-logfile", str(self.error_log),
            # Not used here, and its default path in $HOME is shared by every gunicorn.
            "--no-control-socket",
        ]  # fmt: skip
        if self.worker_class == "gthread":
            command += ["--threads", str(self.threads)]
        self.process = spawn(command, self.root / "gunicorn.out", self.env)
        wait_for(self.healthy, 60, "gunicorn")

    def healthy(self) -> bool:
        request = urllib.request.Request(  # noqa: S310 our own loopback URL
            f"http://127.0.0.1:{self.port}/healthz", headers={"X-Forwarded-Proto": "https"}
        )
        try:
            with urllib.request.urlopen(request, timeout=1) as answer:  # noqa: S310
                return answer.status == 200
        except OSError:
            return False

    def worker_pids(self) -> list[int]:
        """The master's children, read from /proc (gunicorn forks its workers)."""
        if self.process is None:
            return []
        pids = []
        for stat in glob.glob("/proc/[0-9]*/stat"):
            try:
                fields = Path(stat).read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.split("/")[2]))
        return sorted(pids)

    def workers_cpu(self) -> float:
        """CPU seconds the live workers have used (user and system, from /proc)."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in self.worker_pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / ticks

    def stop(self) -> None:
        stop(self.process, timeout=15)
        self.process = None


class TaskWorker:
    """`manage.py db_worker` restarted one second after it exits, as systemd's
    Restart=always with RestartSec=1 would; each run has its own worker id, so tasks left
    RUNNING by a dead one can be told apart."""

    RESTART_DELAY = 1.0

    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.root = root
        self.env = env
        self.process: subprocess.Popen | None = None
        self.worker_id = ""
        self.dead: list[str] = []
        # (time, worker id, exit code) of each exit.
        self.exits: list[tuple[float, str, int]] = []
        self.starts: list[float] = []
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._supervise, daemon=True)

    def _start(self) -> None:
        self.worker_id = f"loadtest-{len(self.starts) + 1}"
        self.process = spawn(
            [sys.executable, "manage.py", "db_worker", "--worker-id", self.worker_id],
            self.root / "db_worker.log",
            self.env,
        )
        self.starts.append(time.time())

    def start(self) -> None:
        with self._lock:
            self._start()
        self._thread.start()

    def _supervise(self) -> None:
        while not self._stopping.wait(0.2):
            with self._lock:
                code = self.process.poll() if self.process else None
                if code is None:
                    continue
                self.exits.append((time.time(), self.worker_id, code))
                self.dead.append(self.worker_id)
            if self._stopping.wait(self.RESTART_DELAY):
                return
            with self._lock:
                self._start()

    def kill(self) -> int | None:
        """SIGKILL the running worker (the supervisor starts another); its pid."""
        with self._lock:
            if self.process is None or self.process.poll() is not None:
                return None
            os.kill(self.process.pid, signal.SIGKILL)
            return self.process.pid

    def stop(self) -> None:
        self._stopping.set()
        if self._thread.is_alive():
            self._thread.join(5)
        with self._lock:
            stop(self.process)
            if self.worker_id and self.worker_id not in self.dead:
                self.dead.append(self.worker_id)
            self.process = None
