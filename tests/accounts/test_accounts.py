from __future__ import annotations

import os
import subprocess
import sys

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.test import Client

from accounts.models import User
from tests.conftest import client_for
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_a_member_logs_in_with_email_and_password(alice) -> None:
    response = Client().post(
        "/accounts/login/", {"login": "ALICE@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_an_unverified_email_cannot_log_in() -> None:
    user = User.objects.create_user(email="new@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
    response = Client().post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/confirm-email/"


def test_sign_up_is_closed_without_allowed_domains(settings) -> None:
    settings.ACCOUNT_ALLOWED_SIGNUP_DOMAINS = []
    response = Client().get("/accounts/signup/")
    assert "invitation" in response.content.decode()


def test_sign_up_refuses_other_domains(settings) -> None:
    settings.ACCOUNT_ALLOWED_SIGNUP_DOMAINS = ["ccfd.example"]
    data = {
        "email": "x@gmail.example",
        "password1": "un-long-mot-de-passe",
        "password2": "un-long-mot-de-passe",
    }
    response = Client().post("/accounts/signup/", data)
    assert response.status_code == 200
    assert "demandez une invitation" in response.content.decode()
    assert not User.objects.filter(email="x@gmail.example").exists()


def test_sign_up_with_an_allowed_domain_requires_verification(settings) -> None:
    settings.ACCOUNT_ALLOWED_SIGNUP_DOMAINS = ["ccfd.example"]
    data = {
        "email": "y@ccfd.example",
        "password1": "un-long-mot-de-passe",
        "password2": "un-long-mot-de-passe",
    }
    response = Client().post("/accounts/signup/", data)
    assert response.status_code == 302
    assert User.objects.filter(email="y@ccfd.example").exists()
    assert len(mail.outbox) == 1
    assert not EmailAddress.objects.get(email="y@ccfd.example").verified


def test_an_admin_invites_a_colleague_by_email() -> None:
    admin = UserFactory(is_staff=True, is_superuser=True)
    invited = User.objects.create_user(email="invitee@partenaire.example")
    response = client_for(admin).post(
        "/admin/accounts/user/",
        {"action": "send_invitation", "_selected_action": [invited.pk]},
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["invitee@partenaire.example"]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body
    assert EmailAddress.objects.get(user=invited).verified


def test_login_failures_are_rate_limited(alice) -> None:
    client = Client()
    for _ in range(5):
        client.post("/accounts/login/", {"login": alice.email, "password": "mauvais"})
    response = client.post("/accounts/login/", {"login": alice.email, "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_curators_and_moderators_groups_exist_with_permissions(carol, mo) -> None:
    assert carol.has_perm("dossiers.change_dossier") and carol.is_curator
    assert mo.has_perm("discussions.moderate_comment") and mo.is_moderator
    assert not carol.is_moderator and not mo.is_curator


def test_the_app_refuses_to_start_with_the_default_secret_and_debug_off() -> None:
    env = {**os.environ, "DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": ""}
    env.pop("DJANGO_SECRET_KEY")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr
