"""« Réfléchir avant de lire »: no URL gives alice the text of an answer (or of a reply to
one) before she has answered, and none gives a member a draft dossier's gathered question.

Every named URL of the site is either in CHECKED (fetched as alice, the text must not be in
the answer, whatever its status) or in EXEMPT with the reason it cannot carry a comment's
text; `test_every_url_is_checked_or_exempt` fails when a new URL appears in the URLconf until
it is added to one of them. The URLs of allauth and of the admin are exempt as a whole
(accounts and curation; the admin is for curators, who read everything).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from discussions.models import Follow, Notification
from discussions.services import comment_create
from discussions.tasks import digest_send, notification_email_send
from questions.models import ReadWithoutAnswering
from tests.conftest import client_for
from tests.factories import AnnotationFactory, RecommendationFactory, RegionFactory
from tests.questions.conftest import (
    BOB_SECRET,
    DRAFT_QUESTION,
    DRAFT_SECRET,
    REPLY_SECRET,
    SEARCHED,
    Setting,
)

pytestmark = pytest.mark.django_db

SECRETS = (BOB_SECRET, REPLY_SECRET, DRAFT_SECRET, DRAFT_QUESTION)


class Context:
    """What the URLs below are built from."""

    def __init__(self, setting: Setting, alice, bob) -> None:
        self.s = setting
        self.alice = alice
        self.bob = bob
        dossier = setting.first.dossier
        self.dossier = dossier
        self.region = RegionFactory(name="Sahel", slug="sahel-region")
        dossier.regions.add(self.region)
        self.annotation = AnnotationFactory(dossier=dossier, author=bob)
        self.recommendation = RecommendationFactory(dossier=dossier)
        self.notification = Notification.objects.create(
            recipient=alice,
            actor=bob,
            kind=Notification.Kind.REPLY,
            dossier=dossier,
            comment=setting.answer,
        )

    def synthesis(self):
        """A curator's synthesis of the first question's discussion citing bob's answer."""
        from syntheses.services import synthesis_save

        carol = self.s.reply.author
        body = f"Ce qu’en dit Bob : [[c:{self.s.answer.pk}]]"
        return synthesis_save(writer=carol, target=self.s.first, body=body)


def q(kind_pk: tuple[str, int]) -> dict:
    return {"kind": kind_pk[0], "pk": kind_pk[1]}


Get = Callable[[Context], list[str]]

# URL name → the URLs to fetch as alice (GET; a view that takes only POST answers 405).
CHECKED: dict[str, Get] = {
    "dossiers:home": lambda c: [reverse("dossiers:home")],
    "dossiers:list": lambda c: [reverse("dossiers:list")],
    "dossiers:detail": lambda c: [
        reverse("dossiers:detail", args=[c.dossier.slug]),
        reverse("dossiers:detail", args=[c.dossier.slug]) + f"?fil=question-{c.s.first.pk}",
        reverse("dossiers:detail", args=[c.s.drafted.dossier.slug]),
    ],
    "discussions:thread": lambda c: [
        reverse("discussions:thread", kwargs=q(("question", c.s.first.pk))),
        reverse("discussions:thread", kwargs=q(("question", c.s.drafted.pk))),
    ],
    "discussions:thread-page": lambda c: [
        reverse("discussions:thread-page", kwargs=q(("question", c.s.first.pk)))
    ],
    "discussions:comment-create": lambda c: [reverse("discussions:comment-create")],
    **{
        f"discussions:{name}": (
            lambda c, name=name: [
                reverse(f"discussions:{name}", args=[c.s.answer.pk]),
                reverse(f"discussions:{name}", args=[c.s.reply.pk]),
            ]
        )
        for name in (
            "comment",
            "comment-reply",
            "comment-edit",
            "comment-revisions",
            "comment-delete",
            "comment-flag",
            "comment-hide",
            "comment-restore",
            "comment-flags-dismiss",
        )
    },
    "discussions:annotation-list": lambda c: [
        reverse("discussions:annotation-list") + f"?dossier={c.dossier.pk}"
    ],
    **{
        f"discussions:{name}": (
            lambda c, name=name: [reverse(f"discussions:{name}", args=[c.annotation.pk])]
        )
        for name in (
            "annotation-detail",
            "annotation-flag",
            "annotation-hide",
            "annotation-restore",
            "annotation-flags-dismiss",
        )
    },
    "discussions:annotation-export": lambda c: [
        reverse("discussions:annotation-export", args=[c.dossier.slug])
    ],
    "discussions:dossier-export": lambda c: [
        reverse("discussions:dossier-export", args=[c.dossier.slug]),
        reverse("discussions:dossier-export", args=[c.s.drafted.dossier.slug]),
    ],
    "discussions:moderation": lambda c: [reverse("discussions:moderation")],
    "discussions:follow": lambda c: [reverse("discussions:follow", args=[c.dossier.slug])],
    "discussions:notifications": lambda c: [reverse("discussions:notifications")],
    "discussions:notifications-read": lambda c: [reverse("discussions:notifications-read")],
    "discussions:notification-open": lambda c: [
        reverse("discussions:notification-open", args=[c.notification.pk])
    ],
    "search:results": lambda c: [reverse("search:results") + f"?q={SEARCHED}"],
    "accounts:profile": lambda c: [reverse("accounts:profile")],
    "accounts:members": lambda c: [reverse("accounts:members")],
    "accounts:member": lambda c: [reverse("accounts:member", args=[c.bob.pk])],
    "accounts:member-suggestions": lambda c: [reverse("accounts:member-suggestions") + "?q=Bo"],
    "learning:overview": lambda c: [reverse("learning:overview")],
    "learning:overview-csv": lambda c: [reverse("learning:overview-csv")],
    "learning:recommendation": lambda c: [
        reverse("learning:recommendation", args=[c.recommendation.pk])
    ],
    "learning:theme": lambda c: [reverse("learning:theme", args=["plaidoyer"])],
    "learning:region": lambda c: [reverse("learning:region", args=[c.region.slug])],
    "learning:digest": lambda c: [reverse("learning:digest")],
    "discussions:comment-replies": lambda c: [
        reverse("discussions:comment-replies", args=[c.s.answer.pk])
    ],
    "syntheses:write": lambda c: [
        reverse("syntheses:write", args=["question", c.s.first.pk]),
    ],
    "syntheses:detail": lambda c: [reverse("syntheses:detail", args=[c.synthesis().pk])],
    "questions:list": lambda c: [reverse("questions:list")],
    "questions:detail": lambda c: [reverse("questions:detail", args=[c.s.cross.slug])],
    "questions:answer": lambda c: [
        reverse("questions:answer", args=[c.s.cross.slug, c.s.first.pk]),
        reverse("questions:answer", args=[c.s.cross.slug, c.s.drafted.pk]),
    ],
}

# URL name → why it cannot carry a comment's text.
EXEMPT: dict[str, str] = {
    "healthz": "a health check: « ok » or the failing service",
    "set_language": "a redirect after choosing the language",
    "dossiers:original": "the dossier's PDF, a curator's file",
    "learning:status-change": "a curator's form about a recommendation's status",
    "learning:report-create": "the field report form (a recommendation, no comment)",
    "learning:report": "a field report's page: comments on field reports only",
    "learning:report-edit": "a field report's form, its author's own text",
    "learning:report-withdraw": "a POST on a field report that redirects",
    "learning:report-flag": "the report form of a field report",
    "learning:report-hide": "a moderator's POST on a field report",
    "learning:report-restore": "a moderator's POST on a field report",
    "learning:report-flags-dismiss": "a moderator's POST on a field report",
    "learning:digest-unsubscribe": "a signed one-click unsubscribe: a confirmation only",
    "learning:theme-follow": "a POST that redirects to the theme page (checked)",
    "learning:region-follow": "a POST that redirects to the region page (checked)",
    "questions:read-without-answering": "the member's choice to read: tested in test_pages",
    "importing:original": "the original file of an import, a curator's upload",
}

EXEMPT_INCLUDES = ("allauth.", "django.contrib.admin.")


def url_names(resolver: URLResolver | None = None, prefix: str = "") -> Iterator[str]:
    """Every named URL of the site, namespaced ("discussions:comment"), but for allauth's
    and the admin's."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            module = getattr(pattern.urlconf_module, "__name__", "") or ""
            if module.startswith(EXEMPT_INCLUDES) or pattern.app_name == "admin":
                continue
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from url_names(pattern, namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield prefix + pattern.name


def test_every_url_is_checked_or_exempt():
    names = set(url_names())
    missing = names - CHECKED.keys() - EXEMPT.keys()
    assert not missing, f"add these URLs to CHECKED or EXEMPT: {sorted(missing)}"
    assert not (CHECKED.keys() & EXEMPT.keys())
    gone = (CHECKED.keys() | EXEMPT.keys()) - names
    assert not gone, f"no such URL any more: {sorted(gone)}"


@pytest.fixture
def context(reflect, alice, bob) -> Context:
    Follow.objects.create(user=alice, dossier=reflect.first.dossier)
    return Context(reflect, alice, bob)


def fetch_all(client: Client, urls: list[str]) -> list[tuple[str, int, str]]:
    """Each URL fetched by GET (and POST for the forms), with its status and its text."""
    answers = []
    for url in urls:
        for method in ("get", "post"):
            data = {"body": "Je lis", "parent": "", "kind": "question"} if method == "post" else {}
            response = getattr(client, method)(url, data)
            text = b"".join(response.streaming_content) if response.streaming else response.content
            answers.append((f"{method.upper()} {url}", response.status_code, text.decode()))
    return answers


@pytest.mark.parametrize("name", sorted(CHECKED))
def test_no_url_shows_alice_an_answer_before_she_answers(name, context, alice_client):
    for request, status, text in fetch_all(alice_client, CHECKED[name](context)):
        for secret in SECRETS:
            assert secret not in text, f"{request} ({status}) shows « {secret} »"


# The URLs that show the answer once the reader may read it: the proof the check above
# would see a leak.
SHOWN_ONCE_ANSWERED = [
    "dossiers:home",
    "dossiers:detail",
    "discussions:thread",
    "discussions:thread-page",
    "discussions:dossier-export",
    "search:results",
    "accounts:member",
    "learning:theme",
    "questions:detail",
]


@pytest.mark.parametrize("name", SHOWN_ONCE_ANSWERED)
def test_she_reads_the_answer_once_she_has_answered(name, context, alice, alice_client):
    comment_create(author=alice, target=context.s.second, body="Mon expérience")
    url = CHECKED[name](context)[0]
    assert BOB_SECRET in alice_client.get(url).content.decode()


def test_reading_without_answering_shows_them_too(context, alice, alice_client):
    ReadWithoutAnswering.objects.create(cross_question=context.s.cross, user=alice)
    response = alice_client.get(reverse("questions:detail", args=[context.s.cross.slug]))
    assert BOB_SECRET in response.content.decode()
    assert REPLY_SECRET in response.content.decode()


def test_the_notification_email_of_a_hidden_answer_is_not_sent(context, alice, mailoutbox):
    alice.email_replies = alice.email_digest = True
    alice.save()
    assert notification_email_send.call(context.notification.pk) is False
    assert digest_send.call(alice.pk) == 0
    assert not any(BOB_SECRET in message.body for message in mailoutbox)


def test_the_curator_reads_everything(context, carol):
    client = client_for(carol)
    page = client.get(reverse("questions:detail", args=[context.s.cross.slug])).content.decode()
    assert BOB_SECRET in page and REPLY_SECRET in page and DRAFT_QUESTION in page


def test_a_draft_dossier_question_is_never_shown_to_members(context, bob_client):
    page = bob_client.get(reverse("questions:detail", args=[context.s.cross.slug]))
    assert page.status_code == 200
    assert DRAFT_QUESTION not in page.content.decode()
