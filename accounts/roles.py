"""The permissions behind a member's roles, read from the cache instead of two queries a page.

`User.is_curator` and `User.is_moderator` ask `has_perm`, which reads the permissions of the
user's groups and their own (two queries) on every page: the header shows « Modération » to
moderators. The set is kept in the cache under the user and a version that any change of
groups or permissions renews (the signals below, once at once and again after the commit, so
that a page reading the old rows meanwhile does not keep them), and for a few minutes at most
(a change made without signals, by SQL or a migration, or seen by another process while Redis
is down, holds that long).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

VERSION_KEY = "accounts:permissions-version"
SECONDS = 300
# The rows a user's permissions come from (django.contrib.auth's ModelBackend).
SOURCES = {"accounts.user_groups", "accounts.user_user_permissions", "auth.group_permissions"}
SOURCE_MODELS = {"auth.group", "auth.permission"}


def permissions_of(user: Any) -> frozenset[str]:
    """`user.get_all_permissions()`, from the cache when no change came since; read once
    per request (kept on the user object, as Django's own permission cache)."""
    known = getattr(user, "_role_permissions", None)
    if known is not None:
        return known
    if not user.is_active:
        permissions: frozenset[str] = frozenset()
    else:
        # date_joined too: a test database may give a new user the pk of a rolled back one.
        key = f"accounts:permissions:{user.pk}:{user.date_joined.timestamp()}"
        found = cache.get_many([VERSION_KEY, key])
        version, entry = found.get(VERSION_KEY), found.get(key)
        if version is not None and entry is not None and entry[0] == version:
            permissions = entry[1]
        else:
            if version is None:
                cache.add(VERSION_KEY, secrets.token_hex(8), None)
                version = cache.get(VERSION_KEY)
            permissions = frozenset(user.get_all_permissions())
            cache.set(key, (version, permissions), SECONDS)
    user._role_permissions = permissions
    return permissions


def renew() -> None:
    """Every cached set is out of date from now."""
    cache.set(VERSION_KEY, secrets.token_hex(8), None)


def _changed() -> None:
    renew()
    transaction.on_commit(renew)


@receiver(m2m_changed, dispatch_uid="accounts_roles_m2m")
def _on_m2m(sender: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_") and sender._meta.label_lower in SOURCES:
        _changed()


@receiver(post_save, dispatch_uid="accounts_roles_save")
@receiver(post_delete, dispatch_uid="accounts_roles_delete")
def _on_row(sender: Any, **kwargs: Any) -> None:
    if sender._meta.label_lower in SOURCE_MODELS:
        _changed()


def permissions_preload(users: Iterable[Any]) -> None:
    """Read the permissions of `users` together (two queries) into each user object, as
    `permissions_of` keeps them: for a task that acts for many members at once (the learning
    digests). The same set as `get_all_permissions()` (ModelBackend's, which the allauth
    backend inherits): their own and their groups' permissions; none for an inactive user.
    Superusers are left to `permissions_of`: their roles need no permission."""
    from django.contrib.auth.models import Permission

    waiting = {
        user.pk: user
        for user in users
        if not user.is_superuser and getattr(user, "_role_permissions", None) is None
    }
    found: dict[int, set[str]] = {pk: set() for pk in waiting}
    pks = list(waiting)
    own = Permission.objects.filter(user__in=pks).values_list(
        "user", "content_type__app_label", "codename"
    )
    of_groups = Permission.objects.filter(group__user__in=pks).values_list(
        "group__user", "content_type__app_label", "codename"
    )
    for rows in (own, of_groups):
        for pk, app_label, codename in rows:
            found[pk].add(f"{app_label}.{codename}")
    for pk, user in waiting.items():
        user._role_permissions = frozenset(found[pk]) if user.is_active else frozenset()


def role_of(user: Any) -> tuple[Any, ...]:
    """What of `user`'s standing a page may show differently (the admin link, moderation,
    drafts): for the page memo's shared pages (ccfd_community/page_memo.py)."""
    return (user.is_superuser, user.is_staff, tuple(sorted(permissions_of(user))))
