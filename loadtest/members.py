"""The members: one requests session each, from an address of its own on the loopback, doing
what a member does in a browser (reading, searching, posting through htmx, annotating through
the JSON API), each request timed and each write tagged with a unique marker."""

from __future__ import annotations

import json
import random
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
from requests.adapters import HTTPAdapter

LOGIN_URL = "/accounts/login/"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
COMMENT_ID = re.compile(r'<article id="comment-(\d+)"')
# What members look for (words of the demo dossiers, a phrase, a rare word, a miss).
SEARCHES = [
    "partenariat",
    "économie sociale et solidaire",
    "migrations",
    "territoire",
    "réciprocité",
    "conflit armé",
    "plaidoyer",
    "femmes",
    "agroécologie",
    "société civile africaine",
    '"chargés de mission"',
    "zzzintrouvable",
]
# Relative weights of a member's next action.
MIX: dict[str, int] = {
    "home": 8,
    "dossier list": 8,
    "dossier page": 22,
    "thread": 8,
    "search": 14,
    "notifications": 10,
    "comment": 10,
    "reply": 10,
    "annotation": 6,
    "annotation reply": 3,
    "relogin": 1,
}


def acknowledged(answer: requests.Response | None) -> tuple[int, bool]:
    """(status, whether the site said it took the write): a 2xx, or a 3xx elsewhere than
    to the login page (which says the session was gone and nothing was done)."""
    if answer is None:
        return 0, False
    if answer.is_redirect:
        return answer.status_code, not answer.headers["Location"].startswith(LOGIN_URL)
    return answer.status_code, 200 <= answer.status_code < 300


class BalancerSession(requests.Session):
    """Sends the Secure session and CSRF cookies over the loopback, which a browser would
    only send over HTTPS: the client stands where the TLS-terminating load balancer does,
    and says so with X-Forwarded-Proto: https. One site, so every cookie goes."""

    def prepare_request(self, request: requests.Request) -> requests.PreparedRequest:
        prepared = super().prepare_request(request)
        cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.cookies)
        if cookies:
            prepared.headers["Cookie"] = cookies
        return prepared


class SourceAddress(HTTPAdapter):
    """Connections from one loopback address, so each member has an IP of their own, as
    colleagues at their desks do (allauth counts logins per IP)."""

    def __init__(self, address: str) -> None:
        self.address = address
        super().__init__(pool_connections=1, pool_maxsize=1)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


@dataclass
class Sample:
    group: str
    method: str
    path: str
    start: float
    end: float
    status: int  # 0: no answer (connection refused or reset, timeout)
    error: str = ""


@dataclass
class Recorder:
    """Every request and every write attempt, shared by the members' threads."""

    writes_file: Path
    max_requests: int
    samples: list[Sample] = field(default_factory=list)
    writes: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, sample: Sample) -> None:
        with self.lock:
            self.samples.append(sample)

    def full(self) -> bool:
        return len(self.samples) >= self.max_requests

    def write(self, record: dict[str, Any]) -> None:
        with self.lock:
            self.writes.append(record)
            with self.writes_file.open("a") as out:
                out.write(json.dumps(record) + "\n")


@dataclass
class Shared:
    """What members learn from each other during the run: comments to reply to, shared
    annotations to discuss."""

    comments: list[dict[str, Any]] = field(default_factory=list)
    annotations: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    serial: int = 0
    # Members still to log out and in again at once (while the cache is down, so that the
    # login's rate-limit counting in the cache is exercised then, not by chance).
    relogins_due: int = 0

    def next_serial(self) -> int:
        with self.lock:
            self.serial += 1
            return self.serial

    def relogin_due(self) -> bool:
        with self.lock:
            if self.relogins_due <= 0:
                return False
            self.relogins_due -= 1
            return True


class Member:
    TIMEOUT = (5, 30)

    def __init__(
        self,
        *,
        n: int,
        account: dict[str, Any],
        password: str,
        base_url: str,
        site_origin: str,
        world: dict[str, Any],
        names: list[str],
        recorder: Recorder,
        shared: Shared,
        run: str,
        rng: random.Random,
    ) -> None:
        self.email = account["email"]
        self.name = account["name"]
        self.password = password
        self.base = base_url
        self.origin = site_origin
        self.world = world
        self.names = [name for name in names if name != self.name]
        self.recorder = recorder
        self.shared = shared
        self.run = run
        self.rng = rng
        # The « réfléchir avant de lire » cross questions this member has answered: the
        # others' answers there are theirs to read, and to reply to.
        self.answered: set[int] = set()
        self.address = f"127.42.{n // 250}.{n % 250 + 1}"
        self.session = BalancerSession()
        self.logged_out = True
        self.session.mount("http://", SourceAddress(self.address))
        # What the TLS-terminating load balancer adds: the scheme and the client's address
        # (the connection comes from that address too, for a site that reads no header).
        # One connection per request, as nginx proxies to its upstreams by default: with
        # keep-alive, a request can meet a connection that a gthread worker is closing after
        # its 2 s keep-alive timeout and get no answer (1 in 1,500 requests here).
        self.session.headers.update(
            {
                "X-Forwarded-Proto": "https",
                "X-Forwarded-For": self.address,
                "Connection": "close",
                "User-Agent": "ccfd-loadtest/1 (requests)",
            }
        )
        self.actions: dict[str, Callable[[], None]] = {
            "home": lambda: self.get("home", "/"),
            "dossier list": lambda: self.get("dossier list", "/dossiers/"),
            "dossier page": self.dossier_page,
            "thread": self.thread,
            "search": self.search,
            "notifications": lambda: self.get("notifications", "/discussions/notifications/"),
            "comment": self.comment,
            "reply": self.reply,
            "annotation": self.annotate,
            "annotation reply": self.annotation_reply,
            "relogin": self.relogin,
        }

    # --- HTTP -----------------------------------------------------------------------------

    def request(
        self, group: str, method: str, path: str, **kwargs: Any
    ) -> requests.Response | None:
        start = time.time()
        try:
            response = self.session.request(
                method, self.base + path, timeout=self.TIMEOUT, allow_redirects=False, **kwargs
            )
        except requests.RequestException as error:
            self.recorder.add(
                Sample(group, method, path, start, time.time(), 0, type(error).__name__)
            )
            return None
        self.recorder.add(Sample(group, method, path, start, time.time(), response.status_code))
        if response.is_redirect and response.headers["Location"].startswith(LOGIN_URL):
            self.logged_out = True  # the session is gone: log in again, as a person would
        return response

    def get(self, group: str, path: str, **kwargs: Any) -> requests.Response | None:
        return self.request(group, "GET", path, **kwargs)

    def post(self, group: str, path: str, **kwargs: Any) -> requests.Response | None:
        headers = {"Origin": self.origin, "Referer": self.origin + "/", **kwargs.pop("headers", {})}
        return self.request(group, "POST", path, headers=headers, **kwargs)

    def csrf(self) -> str:
        return self.session.cookies.get("csrftoken", "")

    # --- Logging in -----------------------------------------------------------------------

    def login(self) -> bool:
        """Through allauth's form, with the token it carries."""
        page = self.get("login page", LOGIN_URL)
        token = CSRF_FIELD.search(page.text) if page is not None else None
        if token is None:
            return False
        answer = self.post(
            "login",
            LOGIN_URL,
            data={"login": self.email, "password": self.password, "csrfmiddlewaretoken": token[1]},
        )
        self.logged_out = not (
            answer is not None
            and answer.status_code == 302
            and not answer.headers["Location"].startswith("/accounts/")
        )
        return not self.logged_out

    def relogin(self) -> None:
        """Log out (the header's button) and in again, as after a session expires."""
        self.post("logout", "/accounts/logout/", data={"csrfmiddlewaretoken": self.csrf()})
        self.login()

    # --- Reading --------------------------------------------------------------------------

    def dossier_page(self) -> None:
        """The page, then the annotations its script fetches."""
        dossier = self.rng.choice(self.world["targets"])["dossier"]
        self.get("dossier page", f"/dossiers/{dossier['slug']}/")
        self.get("annotations of a page", f"/discussions/annotations/?dossier={dossier['pk']}")

    def thread(self) -> None:
        target = self.rng.choice(self.world["targets"])
        self.get(
            "thread",
            f"/discussions/fil/{target['kind']}/{target['pk']}/",
            headers={"HX-Request": "true"},
        )

    def search(self) -> None:
        self.get("search", "/recherche/", params={"q": self.rng.choice(SEARCHES)})

    # --- Writing --------------------------------------------------------------------------

    def marker(self) -> str:
        return f"[{self.run}-{self.shared.next_serial():06d}]"

    def mentions(self) -> str:
        named = self.rng.sample(self.names, k=min(len(self.names), self.rng.choice([1, 2])))
        return " et ".join(f"@{name}" for name in named)

    def _post_comment(
        self, group: str, target: dict[str, Any], body: str, marker: str, parent: int | None
    ) -> None:
        """As the page's htmx form does; the answer is the discussion with the new message."""
        data = {
            "csrfmiddlewaretoken": self.csrf(),
            "kind": target["kind"],
            "pk": target["pk"],
            "body": body,
        }
        if parent is not None:
            data["parent"] = parent
        answer = self.post(
            group, "/discussions/commentaires/", data=data, headers={"HX-Request": "true"}
        )
        status, acked = acknowledged(answer)
        if acked and target.get("reflect_first") is not None:
            self.answered.add(target["reflect_first"])
        self.recorder.write(
            {
                "marker": marker,
                "what": group,
                "member": self.email,
                "status": status,
                "acked": acked,
            }
        )
        if acked and answer is not None and marker in answer.text:
            before = answer.text[: answer.text.index(marker)]
            ids = COMMENT_ID.findall(before)
            if ids:
                with self.shared.lock:
                    self.shared.comments.append({"target": target, "pk": int(ids[-1])})

    def comment(self) -> None:
        target = self.rng.choice(self.world["targets"])
        marker = self.marker()
        body = (
            f"Retour d’expérience {marker} : dans notre programme, le partenariat s’est construit "
            "sur la durée, avec des rencontres régulières et un suivi partagé."
        )
        self._post_comment("comment", target, body, marker, None)

    def reply(self) -> None:
        with self.shared.lock:
            # A message the member may read: not an answer « réfléchir avant de lire » hides
            # from them (the app refuses a reply to it, rightly, with a 400).
            readable = [
                comment
                for comment in self.shared.comments
                if comment["target"].get("reflect_first") in (None, *self.answered)
            ]
        parent = self.rng.choice(readable) if readable else None
        if parent is None:
            return self.comment()
        marker = self.marker()
        body = (
            f"Merci {marker} ! J’ajoute un point pour {self.mentions()} : la réciprocité se "
            "voit aussi dans le suivi."
        )
        self._post_comment("reply", parent["target"], body, marker, parent["pk"])

    def annotation_reply(self) -> None:
        with self.shared.lock:
            annotation = (
                self.rng.choice(self.shared.annotations) if self.shared.annotations else None
            )
        if annotation is None:
            return self.annotate()
        marker = self.marker()
        body = f"Je rejoins cette note {marker}, {self.mentions()} pourrait compléter."
        target = {"kind": "annotation", "pk": annotation["pk"]}
        self._post_comment("annotation reply", target, body, marker, None)

    def annotate(self) -> None:
        """A passage of a text, with a note, through the JSON API (as the page's script)."""
        body = self.rng.choice(self.world["bodies"])
        text = body["text"]
        length = self.rng.randint(20, 80)
        start = self.rng.randrange(0, max(1, len(text) - length))
        end = min(len(text), start + length)
        marker = self.marker()
        shared = self.rng.random() < 0.8
        payload = {
            "target": body["ref"],
            "exact": text[start:end],
            "prefix": text[max(0, start - 32) : start],
            "suffix": text[end : end + 32],
            "start": start,
            "end": end,
            "note": f"À rapprocher de notre expérience {marker}.",
            "visibility": "shared" if shared else "private",
            "tags": ["essai de charge"],
        }
        answer = self.post(
            "annotation",
            "/discussions/annotations/",
            data=json.dumps(payload),
            headers={"X-CSRFToken": self.csrf(), "Content-Type": "application/json"},
        )
        status, acked = acknowledged(answer)
        self.recorder.write(
            {
                "marker": marker,
                "what": "annotation",
                "member": self.email,
                "status": status,
                "acked": acked,
            }
        )
        if acked and shared and answer is not None:
            with self.shared.lock:
                self.shared.annotations.append({"pk": answer.json()["ccfd"]["pk"]})

    # --- The loop -------------------------------------------------------------------------

    def work(self, deadline: float, think: tuple[float, float]) -> None:
        names = list(MIX)
        weights = list(MIX.values())
        while time.time() < deadline and not self.recorder.full():
            if self.logged_out:
                self.login()
            elif self.shared.relogin_due():
                self.relogin()
            else:
                self.actions[self.rng.choices(names, weights)[0]]()
            pause = self.rng.uniform(*think)
            if pause:
                time.sleep(min(pause, max(0.0, deadline - time.time())))
