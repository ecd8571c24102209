"""What the load test prints: latencies by URL, errors by phase, the server's log, the
integrity of the writes and emails, and the verdict."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from loadtest.members import Sample
from loadtest.services import Gunicorn


@dataclass
class Fault:
    name: str
    at: float  # share of the run's duration
    inject: Callable[[Fault], None]
    started: float = 0.0
    ended: float = 0.0
    note: str = ""


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
        f"{emails.get('marked_sent_but_not_received', 0)}, withheld (the recipient may not "
        f"read it) {emails.get('withheld', 0)}"
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
