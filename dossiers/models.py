"""Capitalisation dossiers and what they hold: case studies, recommendations, questions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItem

from discussions.targets import kind_of
from dossiers.markdown import Heading, html_text, render_markdown
from dossiers.validators import validate_pdf_content
from dossiers.versioning import Versioned

if TYPE_CHECKING:
    from accounts.models import User

YEAR_VALIDATORS = [MinValueValidator(1950), MaxValueValidator(2100)]


def period_label(start: int | None, end: int | None) -> str:
    """ "2000–2010", or the one year known, or ""."""
    if start and end and start != end:
        return f"{start}–{end}"
    return str(start or end or "")


class Region(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RenderedBody(models.Model):
    """A Markdown body stored with its sanitised HTML and its plain text.

    `body_text` is the text content of `body_html` as a browser sees it: annotation
    positions (W3C TextPositionSelector) count Unicode code points in it.
    """

    body = models.TextField(_("body (Markdown)"), blank=True)
    body_html = models.TextField(editable=False, blank=True)
    body_text = models.TextField(editable=False, blank=True)

    # Whether headings get ids (for a table of contents); only the dossier's own body has
    # one, so ids never collide on the page.
    heading_ids = False
    # Fields derived from `body`, saved whenever `body` is.
    derived_fields: tuple[str, ...] = ("body_html", "body_text")

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.render_body()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, *self.derived_fields}
        super().save(*args, **kwargs)

    def render_body(self) -> None:
        rendered = render_markdown(
            self.body, heading_ids=self.heading_ids, notes_id=self.footnotes_id()
        )
        self.body_html = rendered.html
        self.body_text = html_text(rendered.html)
        self.headings_rendered(rendered.headings)

    def headings_rendered(self, headings: list[Heading]) -> None:
        """Hook for models that keep a table of contents."""

    def footnotes_id(self) -> str:
        """Names this body's footnote anchors (`#fn-<id>-1`), apart from the other bodies
        shown on the same page: its kind and number (its order before it has one)."""
        return f"{self._meta.model_name}{self.pk or getattr(self, 'order', '')}"


def long_columns(path: str = "") -> list[str]:
    """A dossier's long columns (its text, contents and summary), which a list or a link to
    it does not show: to defer, through `path` from another model ("dossier__")."""
    return [f"{path}{name}" for name in ("body", "body_html", "body_text", "toc", "summary")]


class DossierQuerySet(models.QuerySet["Dossier"]):
    def published(self) -> DossierQuerySet:
        return self.filter(status=Dossier.Status.PUBLISHED)

    def visible_to(self, user: User) -> DossierQuerySet:
        """Members read published dossiers; curators also drafts and archives."""
        if getattr(user, "is_curator", False):
            return self.all()
        return self.published()

    def readable_by(self, user: User) -> DossierQuerySet:
        """`visible_to` under the name every discussion target's QuerySet shares."""
        return self.visible_to(user)

    def keywords(self) -> models.QuerySet[Tag]:
        """The keywords these dossiers carry, by name: offered to a member, those of the
        dossiers they may read only (a draft's keyword says what is being prepared)."""
        tagged = TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model),
            object_id__in=self.values("pk"),
        )
        return Tag.objects.filter(pk__in=tagged.values("tag_id")).order_by("name")

    def followed_by(self, user: User) -> DossierQuerySet:
        """The dossiers `user` follows, directly or through one of their themes or regions
        (discussions.Follow); who may read them is `visible_to`'s business.

        Three small IN subqueries rather than joins through the follows: the joined form
        needed a DISTINCT over every dossier × theme × region × follow row, which PostgreSQL
        estimated at 300,000 rows, and the home page's news query took 60 ms instead of 1."""
        follows = self.model.follows.rel.related_model.objects.filter(user=user)
        in_theme = self.model.themes.through.objects.filter(
            theme__in=follows.filter(theme__isnull=False).values("theme")
        )
        in_region = self.model.regions.through.objects.filter(
            region__in=follows.filter(region__isnull=False).values("region")
        )
        return self.filter(
            Q(pk__in=follows.filter(dossier__isnull=False).values("dossier"))
            | Q(pk__in=in_theme.values("dossier"))
            | Q(pk__in=in_region.values("dossier"))
        )


class DossierPartQuerySet(models.QuerySet):
    def readable_by(self, user: User) -> DossierPartQuerySet:
        """The parts of the dossiers `user` may read, with their dossier."""
        return self.select_related("dossier").filter(dossier__in=Dossier.objects.visible_to(user))


def page_scope(slug: str) -> str:
    """The dossier page's scope in the page memo (ccfd_community.write_generations.writes_within):
    a new message or note on the dossier renews its page's shared copies, not the others'."""
    return f"dossier:{slug}"


class Dossier(RenderedBody, Versioned):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.TextField(_("summary"), help_text=_("The abstract shown in lists."))
    # Heading anchors of the body, [{"level", "text", "anchor"}], for the table of contents.
    toc = models.JSONField(editable=False, default=list, blank=True)
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("authors with an account"),
        related_name="authored_dossiers",
        blank=True,
    )
    # Authors without an account, one per line.
    author_names = models.TextField(
        _("other authors"), blank=True, help_text=_("Authors without an account, one per line.")
    )
    period_start = models.PositiveSmallIntegerField(
        _("period start (year)"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    period_end = models.PositiveSmallIntegerField(
        _("period end (year)"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    regions = models.ManyToManyField(
        Region, verbose_name=_("regions"), related_name="dossiers", blank=True
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), related_name="dossiers", blank=True
    )
    tags = TaggableManager(_("keywords"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    original_file = models.FileField(
        _("original file (PDF)"),
        upload_to="dossiers/originaux/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"])],
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["body_html", "toc"])
    objects = DossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["-published_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_start__lte=models.F("period_end")),
                name="dossier_period_start_before_end",
                violation_error_message=_("The period cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published", "archived"]),
                name="dossier_status_known",
            ),
        ]
        indexes = [
            # The list page: published dossiers, newest first.
            models.Index(fields=["status", "-published_on"], name="dossier_status_published"),
            # The period filter (list, search facets): dossiers whose period overlaps the one
            # asked for, read without walking the long rows (a faceted search on SQLite spent
            # 20 ms of its 34 on that scan).
            models.Index(fields=["period_start", "period_end", "id"], name="dossier_period"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("dossiers:detail", kwargs={"slug": self.slug})

    @property
    def page_scope(self) -> str:
        """The page memo's scope of its page: what is written within it shows there only."""
        return page_scope(self.slug)

    def clean(self) -> None:
        """The original file must be a PDF by its content, not only by its name.

        Here rather than in the field's validators: those are written into migrations, and
        this check reads an upload, it says nothing about the column.
        """
        super().clean()
        try:
            validate_pdf_content(self.original_file)
        except ValidationError as error:
            raise ValidationError({"original_file": error}) from error

    heading_ids = True
    derived_fields = ("body_html", "body_text", "toc")

    def headings_rendered(self, headings: list[Heading]) -> None:
        self.toc = [{"level": h.level, "text": h.text, "anchor": h.anchor} for h in headings]

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def is_visible_to(self, user: User) -> bool:
        return self.is_published or getattr(user, "is_curator", False)

    def author_name_list(self) -> list[str]:
        return [name.strip() for name in self.author_names.splitlines() if name.strip()]

    def period_label(self) -> str:
        return period_label(self.period_start, self.period_end)


class DossierPart(RenderedBody, Versioned):
    """What belongs to a dossier, in an order the curator chooses."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, verbose_name=_("dossier"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=255)

    objects = DossierPartQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["dossier", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{self.dossier.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self) -> str:
        """This part's element id on the dossier page, e.g. "etude-12"."""
        return kind_of(self).anchor(self.pk)

    def is_visible_to(self, user: User) -> bool:
        return self.dossier.is_visible_to(user)


class CaseStudy(DossierPart):
    dossier = models.ForeignKey(
        Dossier,
        on_delete=models.CASCADE,
        related_name="case_studies",
        verbose_name=_("dossier"),
    )
    country = models.CharField(_("country"), max_length=120, blank=True)
    partners = models.CharField(_("partner organisation(s)"), max_length=255, blank=True)
    period_start = models.PositiveSmallIntegerField(
        _("period start (year)"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    period_end = models.PositiveSmallIntegerField(
        _("period end (year)"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    summary = models.TextField(_("summary"), blank=True)

    history = HistoricalRecords(excluded_fields=["body_html"])

    class Meta(DossierPart.Meta):
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "order"], name="casestudy_unique_order_in_dossier"
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_start__lte=models.F("period_end")),
                name="casestudy_period_start_before_end",
                violation_error_message=_("The period cannot end before it starts."),
            ),
        ]

    def period_label(self) -> str:
        return period_label(self.period_start, self.period_end)


class Recommendation(DossierPart):
    class Audience(models.TextChoices):
        CHARGES_DE_MISSION = "charges_de_mission", _("Programme officers")
        DIRECTION = "direction", _("Management")
        PARTENAIRES = "partenaires", _("Partners")
        TOUS = "tous", _("Everyone")

    dossier = models.ForeignKey(
        Dossier,
        on_delete=models.CASCADE,
        related_name="recommendations",
        verbose_name=_("dossier"),
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.TOUS
    )
    case_studies = models.ManyToManyField(
        CaseStudy,
        verbose_name=_("case studies it draws on"),
        related_name="recommendations",
        blank=True,
    )

    history = HistoricalRecords(excluded_fields=["body_html"])

    class Meta(DossierPart.Meta):
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "order"], name="recommendation_unique_order_in_dossier"
            ),
        ]


class Question(Versioned):
    """An open question the dossier asks its readers; each carries its own discussion."""

    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="questions", verbose_name=_("dossier")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("question"), max_length=300)
    body = models.TextField(_("context"), blank=True)

    objects = DossierPartQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reflection question")
        verbose_name_plural = _("reflection questions")
        ordering = ["dossier", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "order"], name="question_unique_order_in_dossier"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{self.dossier.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self) -> str:
        return kind_of(self).anchor(self.pk)

    def is_visible_to(self, user: User) -> bool:
        return self.dossier.is_visible_to(user)
