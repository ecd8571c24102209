from __future__ import annotations

import pytest
from django.core.management import call_command

from discussions.models import Comment, Notification

pytestmark = pytest.mark.django_db


def test_load_demo_adds_discussions_once() -> None:
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    count = Comment.objects.count()
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert count >= 10
    assert Comment.objects.count() == count
    assert Comment.objects.filter(parent__isnull=False).exists()
    assert Comment.objects.filter(recommendation__isnull=False).exists()
    assert Notification.objects.filter(recipient__email="member@example.org").exists()
    assert "mention" in Comment.objects.get(body__startswith="@Camille").body_html
