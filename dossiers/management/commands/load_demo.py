"""Load the eight demo dossiers and the demo accounts; running it again changes nothing."""

from __future__ import annotations

import datetime
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import models, transaction

from accounts.models import User
from discussions.demo import demo_discussions_load
from dossiers import demo_content
from dossiers.models import CaseStudy, Dossier, Question, Recommendation, Region, Theme
from learning.demo import demo_learning_load
from questions.demo import demo_questions_load
from syntheses.demo import demo_syntheses_load


def sync(
    model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any]
) -> tuple[Any, bool]:
    """get_or_create, then save only the fields that differ (so no new history record
    appears when nothing changed). Returns (object, changed)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values), True
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save(update_fields=changed)
    return obj, bool(changed)


class Command(BaseCommand):
    help = "Create the demo accounts and the eight demo dossiers (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even with DJANGO_DEBUG off (the demo password is public).",
        )

    def handle(self, *args: Any, force: bool = False, **options: Any) -> None:
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo accounts with DJANGO_DEBUG off: their password is "
                "public. Use --force if this really is a demo server."
            )
        with transaction.atomic():
            users = self.load_users()
            regions = {
                slug: self.vocabulary(Region, slug, name, text)
                for slug, name, text in demo_content.REGIONS
            }
            themes = {
                slug: self.vocabulary(Theme, slug, name, text)
                for slug, name, text in demo_content.THEMES
            }
            changed = sum(
                self.load_dossier(data, users=users, regions=regions, themes=themes)
                for data in demo_content.DOSSIERS
            )
        # Discussions come after the dossiers' transaction: their emails go out on commit.
        comments = demo_discussions_load(users)
        if comments:
            self.stdout.write(f"Demo discussions: {comments} comments posted.")
        changes, reports = demo_learning_load(users)
        if changes or reports:
            self.stdout.write(f"Demo follow-up: {changes} status changes, {reports} field reports.")
        if demo_syntheses_load(users):
            self.stdout.write("Demo synthesis written.")
        answers = demo_questions_load(users)
        if answers:
            self.stdout.write(f"Demo cross-dossier questions: {answers} answers posted.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {len(demo_content.DOSSIERS)} dossiers "
                f"({changed} created or changed), {len(users)} accounts."
            )
        )

    def load_users(self) -> dict[str, User]:
        curators = Group.objects.get(name="Curators")
        moderators = Group.objects.get(name="Moderators")
        users: dict[str, User] = {}
        for email, name, job, role in demo_content.USERS:
            user = User.objects.filter(email__iexact=email).first()
            if user is None:
                user = User.objects.create_user(
                    email=email,
                    password=demo_content.DEMO_PASSWORD,
                    display_name=name,
                    job_title=job,
                    is_staff=role == "curator",
                    is_superuser=role == "curator",
                )
                if role == "curator":
                    user.groups.add(curators)
                elif role == "moderator":
                    user.groups.add(moderators)
            if not EmailAddress.objects.filter(user=user, email__iexact=email).exists():
                EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
            users[email] = user
        return users

    def vocabulary(self, model: type[Region] | type[Theme], slug: str, name: str, text: str) -> Any:
        obj, _changed = sync(model, {"slug": slug}, {"name": name, "description": text})
        return obj

    def load_dossier(
        self,
        data: dict[str, Any],
        *,
        users: dict[str, User],
        regions: dict[str, Region],
        themes: dict[str, Theme],
    ) -> bool:
        curator = users["curator@example.org"]
        dossier, changed = sync(
            Dossier,
            {"slug": data["slug"]},
            {
                "title": data["title"],
                "summary": data["summary"],
                "body": data["body"].strip(),
                "author_names": "\n".join(data["author_names"]),
                "period_start": data["period_start"],
                "period_end": data["period_end"],
                "published_on": datetime.date.fromisoformat(data["published_on"]),
                "status": Dossier.Status.PUBLISHED,
            },
        )
        if changed and dossier.updated_by_id is None:
            dossier.updated_by = curator
            dossier.save(update_fields=["updated_by"])
        dossier.authors.set([users[email] for email in data["authors"]])
        dossier.regions.set([regions[slug] for slug in data["regions"]])
        dossier.themes.set([themes[slug] for slug in data["themes"]])
        if sorted(t.lower() for t in dossier.tags.names()) != sorted(
            t.lower() for t in data["tags"]
        ):
            dossier.tags.set(data["tags"], clear=True)
            changed = True

        return self.load_parts(dossier, data) or changed

    def load_parts(self, dossier: Dossier, data: dict[str, Any]) -> bool:
        """The dossier's case studies, recommendations and questions, in their order."""
        changed = False
        cases = []
        for order, case in enumerate(data["case_studies"], start=1):
            obj, case_changed = sync(
                CaseStudy,
                {"dossier": dossier, "order": order},
                {
                    "title": case["title"],
                    "country": case["country"],
                    "partners": case["partners"],
                    "period_start": case["period_start"],
                    "period_end": case["period_end"],
                    "summary": case["summary"],
                    "body": case["body"].strip(),
                },
            )
            cases.append(obj)
            changed |= case_changed
        for order, rec in enumerate(data["recommendations"], start=1):
            obj, rec_changed = sync(
                Recommendation,
                {"dossier": dossier, "order": order},
                {"title": rec["title"], "body": rec["body"].strip(), "audience": rec["audience"]},
            )
            obj.case_studies.set([cases[i] for i in rec["case_studies"]])
            changed |= rec_changed
        for order, question in enumerate(data["questions"], start=1):
            _obj, q_changed = sync(
                Question,
                {"dossier": dossier, "order": order},
                {"title": question["title"], "body": question["body"]},
            )
            changed |= q_changed
        return changed
