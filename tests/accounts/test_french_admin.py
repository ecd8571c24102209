"""What curators and admins read in the admin and the account pages is French."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from tests.conftest import client_for
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_admin_index_names_the_mfa_and_task_sections_in_french(admin_client) -> None:
    html = admin_client.get("/admin/").content.decode()
    assert "Authentification à deux facteurs" in html
    assert "Tâches en arrière-plan" in html
    assert "Authenticators" not in html
    assert "Task Results" not in html
    assert "Tasks Database Backend" not in html


def test_the_recovery_code_links_are_two_separate_buttons(alice) -> None:
    TOTP.activate(alice, generate_totp_secret())
    RecoveryCodes.activate(alice)
    client = client_for(alice)
    # allauth shows the codes only just after the password was typed again.
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    response = client.get("/accounts/2fa/recovery-codes/")
    assert response.status_code == 200
    html = response.content.decode()
    links = re.findall(
        r'<a href="/accounts/2fa/recovery-codes/[^"]*"([^>]*)>\s*([^<]*?)\s*</a>', html
    )
    assert {text for _attrs, text in links} == {
        "Télécharger les codes",
        "Générer de nouveaux codes",
    }
    assert all('class="button' in attrs for attrs, _text in links)
