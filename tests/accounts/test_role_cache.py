"""The roles' permissions come from the cache (accounts/roles.py), and every change of groups
or permissions is seen on the next request."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def fresh(user: User) -> User:
    """The user as the next request reads them."""
    return User.objects.get(pk=user.pk)


def test_a_page_reads_no_permission_once_cached(alice: User) -> None:
    client = client_for(alice)
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert not [q for q in queries.captured_queries if "auth_permission" in q["sql"]]


def test_joining_and_leaving_the_moderators_is_seen_at_once(alice: User) -> None:
    assert not fresh(alice).is_moderator
    moderators = Group.objects.get(name="Moderators")
    alice.groups.add(moderators)
    assert fresh(alice).is_moderator
    moderators.user_set.remove(alice)
    assert not fresh(alice).is_moderator


def test_a_permission_taken_from_the_group_is_seen_at_once(mo: User) -> None:
    assert fresh(mo).is_moderator
    moderate = Permission.objects.get(codename="moderate_comment")
    Group.objects.get(name="Moderators").permissions.remove(moderate)
    assert not fresh(mo).is_moderator
    mo.user_permissions.add(moderate)
    assert fresh(mo).is_moderator


def test_a_deleted_group_takes_its_roles(carol: User) -> None:
    assert fresh(carol).is_curator
    Group.objects.get(name="Curators").delete()
    assert not fresh(carol).is_curator


def test_an_inactive_user_has_no_role(mo: User) -> None:
    mo.is_active = False
    assert not mo.is_moderator


def test_the_permissions_read_for_many_members_at_once_are_each_ones_own(
    alice: User, bob: User, carol: User, mo: User
) -> None:
    """`permissions_preload` (the learning digests' batches): two queries for all, each set
    the one `get_all_permissions` gives; an inactive member has none."""
    from accounts.roles import permissions_preload

    bob.user_permissions.add(Permission.objects.get(codename="moderate_comment"))
    User.objects.filter(pk=mo.pk).update(is_active=False)
    users = [fresh(user) for user in (alice, bob, carol, mo)]
    with CaptureQueriesContext(connection) as queries:
        permissions_preload(users)
        roles = [(user.is_curator, user.is_moderator) for user in users]
    assert len(queries) == 2
    assert roles == [(False, False), (False, True), (True, False), (False, False)]
    assert [user._role_permissions for user in users] == [
        frozenset(fresh(user).get_all_permissions()) for user in users
    ]
