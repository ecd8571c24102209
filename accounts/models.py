from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from accounts.roles import permissions_of

# The groups that give a role (accounts/migrations/0002), with the role's name on profiles.
ROLE_GROUPS = {
    "Curators": pgettext_lazy("role", "Curator"),
    "Moderators": pgettext_lazy("role", "Moderator"),
}
MEMBER_ROLE = pgettext_lazy("role", "Member")


class UserManager(BaseUserManager["User"]):
    """Users are identified by their email address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A staff member of the organisation, logging in with their email address."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)
    # The name colleagues see beside comments and in @mentions.
    display_name = models.CharField(_("display name"), max_length=120, blank=True)
    # A line on what the person does ("Chargée de mission Afrique de l'Ouest").
    job_title = models.CharField(_("job title"), max_length=160, blank=True)
    # What the person works on, as they declared it on their profile: colleagues find them
    # by it in the member directory.
    regions = models.ManyToManyField(
        "dossiers.Region", verbose_name=_("regions"), related_name="members", blank=True
    )
    themes = models.ManyToManyField(
        "dossiers.Theme", verbose_name=_("themes"), related_name="members", blank=True
    )

    # Notification preferences: replies, mentions and news of one's own contributions (a
    # moderator's decision, a passage changed under an annotation) by email at once, the
    # rest in a daily digest.
    email_replies = models.BooleanField(_("email me replies at once"), default=True)
    email_mentions = models.BooleanField(_("email me mentions at once"), default=True)
    email_own_contributions = models.BooleanField(
        _("email me at once about my own contributions (moderation, a changed passage)"),
        default=True,
        # Users created by code that predates the column (during a deploy) get it too.
        db_default=True,
    )
    email_digest = models.BooleanField(_("daily digest of what I follow"), default=True)

    class LearningDigest(models.TextChoices):
        WEEKLY = "weekly", _("Weekly")
        DAILY = "daily", _("Daily")
        OFF = "off", _("Off")

    # The learning digest (learning.digest): news of what I follow, questions awaiting me,
    # syntheses, my annotations. Unless off, it replaces the daily digest above.
    learning_digest = models.CharField(
        _("learning digest"),
        max_length=6,
        choices=LearningDigest.choices,
        default=LearningDigest.WEEKLY,
        # Users created by code that predates the column (during a deploy) get it too.
        db_default=LearningDigest.WEEKLY,
    )
    # When the last one went out: the next covers what happened since.
    learning_digest_sent_at = models.DateTimeField(
        _("learning digest last sent"), null=True, blank=True, editable=False
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["display_name", "email"]
        constraints = [
            # Login looks addresses up case-insensitively; two spellings of one address
            # must never be two accounts.
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(learning_digest__in=["weekly", "daily", "off"]),
                name="accounts_user_learning_digest_known",
            ),
        ]

    def __str__(self) -> str:
        return self.get_display_name()

    def get_display_name(self) -> str:
        """The name shown to colleagues. Without one, a neutral label: never the email
        address nor a part of it, which colleagues must not read (issue 10)."""
        return self.display_name or gettext("Member no. %(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        """The profile colleagues see; every author name links there."""
        return reverse("accounts:member", kwargs={"pk": self.pk})

    def roles(self) -> list[str]:
        """ "Curator", "Moderator" (from the groups, so a prefetch of `groups` serves a
        whole directory), else "Member"."""
        groups = {group.name for group in self.groups.all()}
        roles = [str(label) for name, label in ROLE_GROUPS.items() if name in groups]
        return roles or [str(MEMBER_ROLE)]

    def get_full_name(self) -> str:
        return self.get_display_name()

    def get_short_name(self) -> str:
        return self.get_display_name()

    @property
    def is_curator(self) -> bool:
        return self.is_superuser or (
            self.is_staff and "dossiers.change_dossier" in permissions_of(self)
        )

    @property
    def is_moderator(self) -> bool:
        """Read on every page (the header's « Modération »): from the cache, accounts/roles.py."""
        return self.is_superuser or "discussions.moderate_comment" in permissions_of(self)
