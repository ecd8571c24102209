"""The learning digest: what it holds (each item asked again whether the member may read it),
its preview page, its email (text and HTML, French, one-click unsubscribe headers), its
schedule, the unsubscribe link that needs no login, and its constant query count."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from discussions.models import Annotation, Notification
from discussions.services import follow_create
from discussions.tasks import digest_send
from dossiers.models import Dossier
from learning import digest as digest_module
from learning.digest import (
    digest_build,
    learning_digest_send,
    unsubscribe_token,
    users_due,
)
from learning.services import report_create, status_change
from tests.discussions.factories import CommentFactory
from tests.factories import (
    AnnotationFactory,
    DossierFactory,
    FieldReportFactory,
    QuestionFactory,
    RecommendationFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

FIELDS = {
    "title": "Essai au Togo",
    "country": "Togo",
    "region": None,
    "partner": "",
    "partner_confidential": False,
    "year_start": 2022,
    "year_end": None,
    "body": "Ce que nous avons fait.",
    "outcome": "success",
    "lessons": "",
    "case_study": None,
    "related_dossier": None,
}
PASSAGE = "Les chargés de mission accompagnent les partenaires."


@pytest.fixture
def member(db) -> User:
    """A member who chose the learning digest (weekly, the default outside tests)."""
    return UserFactory(email="awa@example.org", display_name="Awa Diallo", learning_digest="weekly")


@pytest.fixture
def member_client(member: User) -> Client:
    client = Client()
    client.force_login(member)
    return client


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_the_default_is_a_weekly_learning_digest() -> None:
    user = User.objects.create_user("nouvelle@example.org")
    assert user.learning_digest == User.LearningDigest.WEEKLY
    assert user.learning_digest_sent_at is None


def test_the_preview_lists_reports_and_status_changes_of_what_i_follow(
    member, member_client, carol, dossier
) -> None:
    follow_create(user=member, dossier=dossier)
    recommendation = RecommendationFactory(dossier=dossier, title="Sécuriser les semences")
    status_change(recommendation=recommendation, status="discussed", note="", changed_by=carol)
    report_create(author=carol, recommendation=recommendation, fields=FIELDS)
    unfollowed = RecommendationFactory(dossier=DossierFactory(), title="Ailleurs")
    FieldReportFactory(recommendation=unfollowed, title="Rapport non suivi")

    html = member_client.get(reverse("learning:digest")).content.decode()

    assert "Mon prochain résumé d’apprentissage" in html
    assert "Essai au Togo" in html
    assert "Sécuriser les semences" in html and "En discussion" in html
    assert "Rapport non suivi" not in html
    # Told in their sections, not a second time among the notifications.
    assert "Vos autres notifications" not in html


def test_the_preview_is_not_shown_under_recommendations_in_the_navigation(member_client) -> None:
    current = 'aria-current="page">Recommandations<'
    assert current in member_client.get(reverse("learning:overview")).content.decode()
    assert current not in member_client.get(reverse("learning:digest")).content.decode()


def test_the_preview_needs_a_login() -> None:
    response = Client().get(reverse("learning:digest"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_digest_leaves_out_what_i_may_no_longer_read(member, carol, dossier, draft) -> None:
    follow_create(user=member, dossier=dossier)
    follow_create(user=member, dossier=draft)
    FieldReportFactory(recommendation=RecommendationFactory(dossier=draft), title="Brouillon")
    withdrawn = FieldReportFactory(recommendation=RecommendationFactory(dossier=dossier))
    withdrawn.state = "withdrawn"
    withdrawn.save(update_fields=["state"])
    shown = FieldReportFactory(recommendation=RecommendationFactory(dossier=dossier), title="Vu")

    assert [r.pk for r in digest_build(member).field_reports] == [shown.pk]
    Dossier.objects.filter(pk=dossier.pk).update(status=Dossier.Status.DRAFT)
    assert digest_build(member).field_reports == []


def test_questions_of_my_themes_i_have_not_answered_show_counts_never_answers(
    member, member_client, bob, dossier
) -> None:
    theme = ThemeFactory(slug="plaidoyer", name="Plaidoyer")
    dossier.themes.add(theme)
    member.themes.add(theme)
    open_question = QuestionFactory(dossier=dossier, title="Quel plaidoyer mener ?")
    CommentFactory(dossier=dossier, question=open_question, author=bob, body="Réponse secrète")
    answered = QuestionFactory(dossier=dossier, title="Question déjà répondue")
    CommentFactory(dossier=dossier, question=answered, author=bob)
    CommentFactory(dossier=dossier, question=answered, author=member)

    html = member_client.get(reverse("learning:digest")).content.decode()

    assert "Quel plaidoyer mener ?" in html and "1 réponse" in html
    assert "Question déjà répondue" not in html
    assert "Réponse secrète" not in html


def test_my_annotations_whose_text_was_edited_are_listed(member, carol, on_commit) -> None:
    member.email_own_contributions = False  # the orphan's notification waits for the digest
    member.save(update_fields=["email_own_contributions"])
    text = Dossier.objects.create(
        title="Texte", slug="texte", body=f"## Contexte\n\n{PASSAGE}\n\nFin.\n", status="published"
    )
    kept = AnnotationFactory(dossier=text, author=member, exact="Fin.")
    lost = AnnotationFactory(dossier=text, author=member, exact=PASSAGE)
    untouched = AnnotationFactory(
        dossier=DossierFactory(body="## Autre\n\nRien ne change.\n"), author=member
    )
    text.body = "## Contexte\n\nAjout au début.\n\nTout a été réécrit.\n\nFin.\n"
    text._history_user = carol
    with on_commit():
        text.save()

    found = {a.pk: a.state for a in digest_build(member).annotations}

    assert found == {kept.pk: Annotation.State.ANCHORED, lost.pk: Annotation.State.ORPHANED}
    assert untouched.pk not in found
    learning_digest_send.call(member.pk)
    [email] = mail.outbox
    assert "passage modifié" in email.body and "votre note a suivi son passage" in email.body
    # The notification of the orphan is told in its section, not a second time.
    assert email.body.count(PASSAGE[:40]) == 1
    assert "Vos autres notifications" not in email.body
    assert not Notification.objects.filter(recipient=member, emailed_at__isnull=True).exists()


def test_the_email_has_both_parts_in_french_and_one_click_unsubscribe_headers(
    member, carol, dossier, settings
) -> None:
    follow_create(user=member, dossier=dossier)
    report_create(
        author=carol, recommendation=RecommendationFactory(dossier=dossier), fields=FIELDS
    )

    assert learning_digest_send.call(member.pk) == 1

    [email] = mail.outbox
    assert email.to == ["awa@example.org"]
    assert "Votre résumé d’apprentissage : 1 nouveauté" in email.subject
    assert "Essai au Togo" in email.body
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html" and "Essai au Togo" in html and '<html lang="fr">' in html
    path = reverse("learning:digest-unsubscribe", args=[unsubscribe_token(member)])
    site = settings.SITE_URL.rstrip("/")
    assert email.extra_headers["List-Unsubscribe"] == f"<{site}{path}>"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert not Notification.objects.filter(recipient=member, emailed_at__isnull=True).exists()
    member.refresh_from_db()
    assert member.learning_digest_sent_at is not None


def test_it_goes_once_per_period(member, carol, dossier) -> None:
    follow_create(user=member, dossier=dossier)
    report_create(
        author=carol, recommendation=RecommendationFactory(dossier=dossier), fields=FIELDS
    )

    learning_digest_send.call(member.pk)
    assert learning_digest_send.call(member.pk) == 0  # queued twice: sent once
    assert len(mail.outbox) == 1


def test_an_empty_digest_sends_no_email(member) -> None:
    assert learning_digest_send.call(member.pk) == 0
    assert mail.outbox == []
    member.refresh_from_db()
    assert member.learning_digest_sent_at is not None  # the next one covers the next week


def test_the_schedule_queues_only_the_digests_due(member, carol, dossier, settings) -> None:
    now = timezone.now()
    daily = UserFactory(learning_digest="daily", learning_digest_sent_at=now - timedelta(days=1))
    weekly_soon = UserFactory(
        learning_digest="weekly", learning_digest_sent_at=now - timedelta(days=3)
    )
    off = UserFactory(learning_digest="off")
    inactive = UserFactory(learning_digest="weekly", is_active=False)

    due = set(users_due(now).values_list("pk", flat=True))

    assert member.pk in due and daily.pk in due
    assert not due & {weekly_soon.pk, off.pk, inactive.pk}
    follow_create(user=member, dossier=dossier)
    report_create(
        author=carol, recommendation=RecommendationFactory(dossier=dossier), fields=FIELDS
    )
    call_command("send_learning_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [email.to for email in mail.outbox] == [["awa@example.org"]]


def test_the_daily_digest_of_notifications_is_not_sent_to_learning_digest_readers(
    member, bob, dossier
) -> None:
    follow_create(user=member, dossier=dossier)
    comment = CommentFactory(dossier=dossier, author=bob, body="Un apport")
    Notification.objects.create(
        recipient=member, actor=bob, kind="new", dossier=dossier, comment=comment
    )

    assert digest_send.call(member.pk) == 0
    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert mail.outbox == []
    # It carries them instead.
    assert learning_digest_send.call(member.pk) == 1
    assert "Bob Leroy a écrit sur le dossier" in mail.outbox[0].body


def test_the_profile_offers_the_frequency_and_links_the_preview(member, member_client) -> None:
    profile = reverse("accounts:profile")
    html = member_client.get(profile).content.decode()
    assert 'name="learning_digest"' in html and "Hebdomadaire" in html
    assert reverse("learning:digest") in html

    data = {"display_name": "Awa Diallo", "learning_digest": "daily"}
    assert member_client.post(profile, data).status_code == 302
    member.refresh_from_db()
    assert member.learning_digest == "daily"
    # A form posted without the choice keeps it.
    assert member_client.post(profile, {"display_name": "Awa Diallo"}).status_code == 302
    member.refresh_from_db()
    assert member.learning_digest == "daily"


def test_the_unsubscribe_link_asks_then_unsubscribes_without_login(member) -> None:
    url = reverse("learning:digest-unsubscribe", args=[unsubscribe_token(member)])
    anonymous = Client(enforce_csrf_checks=True)

    page = anonymous.get(url)
    assert page.status_code == 200
    assert "Se désabonner" in page.content.decode()
    member.refresh_from_db()
    assert member.learning_digest == "weekly"  # a link scanner's GET changes nothing

    # RFC 8058: the mail client posts this body, without a CSRF token.
    for _twice in range(2):
        response = anonymous.post(url, {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 200
    member.refresh_from_db()
    assert member.learning_digest == "off" and member.email_digest is False
    assert "awa@example.org" not in anonymous.get(url).content.decode()


def test_a_forged_or_cut_unsubscribe_link_changes_nothing(member) -> None:
    token = unsubscribe_token(member)
    for bad in (token[:-3], "abc", f"{member.pk}"):
        url = reverse("learning:digest-unsubscribe", args=[bad])
        assert Client().post(url).status_code == 404
    member.refresh_from_db()
    assert member.learning_digest == "weekly"


def _digest_queries(user: User) -> int:
    digest_build(user)  # warm the caches a running worker holds (content types, permissions)
    with CaptureQueriesContext(connection) as queries:
        digest = digest_build(user)
        digest_module.digest_email(digest).message()
    return len(queries)


def _news_for(user: User, count: int, author: User) -> None:
    dossier = DossierFactory()
    theme = ThemeFactory()
    dossier.themes.add(theme)
    user.themes.add(theme)
    follow_create(user=user, dossier=dossier)
    for n in range(count):
        recommendation = RecommendationFactory(dossier=dossier)
        status_change(recommendation=recommendation, status="discussed", note="", changed_by=author)
        report_create(
            author=author, recommendation=recommendation, fields={**FIELDS, "title": f"R{n}"}
        )
        question = QuestionFactory(dossier=dossier)
        CommentFactory(dossier=dossier, question=question, author=author)
        comment = CommentFactory(dossier=dossier, author=author)
        Notification.objects.create(
            recipient=user, actor=author, kind="reply", dossier=dossier, comment=comment
        )


def test_a_digest_costs_the_same_queries_for_one_item_or_many(carol) -> None:
    one = UserFactory(learning_digest="weekly")
    many = UserFactory(learning_digest="weekly")
    _news_for(one, 1, carol)
    _news_for(many, 6, carol)
    assert len(digest_build(many).field_reports) == 6
    assert len(digest_build(many).notifications) == 6

    assert _digest_queries(many) == _digest_queries(one)


def test_the_synthesis_of_a_discussion_i_took_part_in_is_listed(
    member, member_client, bob, carol, dossier
) -> None:
    from syntheses.services import synthesis_save

    question = QuestionFactory(dossier=dossier, title="Quel plaidoyer mener ?")
    CommentFactory(dossier=dossier, question=question, author=member)
    other = QuestionFactory(dossier=dossier, title="Une autre question")
    CommentFactory(dossier=dossier, question=other, author=bob)
    synthesis_save(writer=carol, target=question, body="Ce que nous retenons.")
    synthesis_save(writer=carol, target=other, body="Une autre synthèse.")

    html = member_client.get(reverse("learning:digest")).content.decode()

    assert "Synthèses des discussions auxquelles vous avez pris part" in html
    assert "la question « Quel plaidoyer mener ? »" in html
    assert "Une autre question" not in html


def test_answers_hidden_until_i_answer_are_neither_listed_nor_told(member, bob, dossier) -> None:
    """« Réfléchir avant de lire »: the notification of bob's answer is not sent, and the
    question shows how many answers it has, never their text."""
    from questions.models import CrossQuestion, GroupedQuestion

    theme = ThemeFactory(slug="plaidoyer", name="Plaidoyer")
    dossier.themes.add(theme)
    member.themes.add(theme)
    follow_create(user=member, dossier=dossier)
    question = QuestionFactory(dossier=dossier, title="Quel plaidoyer mener ?")
    cross = CrossQuestion.objects.create(wording="Quel plaidoyer ?", slug="q", reflect_first=True)
    GroupedQuestion.objects.create(cross_question=cross, question=question)
    answer = CommentFactory(dossier=dossier, question=question, author=bob, body="Zanzibarite")
    Notification.objects.create(
        recipient=member, actor=bob, kind="new", dossier=dossier, comment=answer
    )

    digest = digest_build(member)

    assert [q.pk for q in digest.questions] == [question.pk]
    assert digest.notifications == []
    learning_digest_send.call(member.pk)
    [email] = mail.outbox
    assert "1 réponse" in email.body
    assert "Zanzibarite" not in email.body + email.alternatives[0][0]


def test_the_question_of_the_week_comes_once_a_week_and_alone_sends_nothing(
    member, dossier
) -> None:
    from questions.models import CrossQuestion, GroupedQuestion

    cross = CrossQuestion.objects.create(wording="Quel plaidoyer porter ?", slug="plaidoyer")
    GroupedQuestion.objects.create(cross_question=cross, question=QuestionFactory(dossier=dossier))
    wednesday = timezone.now().replace(hour=12) + timedelta(
        days=(2 - timezone.localdate().weekday()) % 7
    )
    daily = UserFactory(learning_digest="daily", learning_digest_sent_at=wednesday - timedelta(1))

    assert digest_build(member, now=wednesday).question_of_the_week == cross
    assert digest_build(daily, now=wednesday).question_of_the_week is None
    assert digest_build(member, now=wednesday).is_empty
    assert learning_digest_send.call(member.pk) == 0
    assert mail.outbox == []
