"""The search index: one denormalised row per searchable thing.

A `SearchEntry` is derived data, rebuilt at will (`manage.py rebuild_search_index`): the text
of a dossier, case study, recommendation, question, comment, annotation or field report, the
dossier it belongs to, and what decides who may read it. The full-text index itself lives in the
database, kept current from these rows: a tsvector column filled by a trigger on PostgreSQL,
an FTS5 external-content table filled by triggers on SQLite (see the migrations).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps
from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from discussions.models import Comment
from discussions.targets import kind_of
from dossiers.models import Dossier
from questions.models import locked_questions
from syntheses.models import Synthesis

if TYPE_CHECKING:
    from accounts.models import User

# Marks around the matched words in snippets: private-use characters, removed from the
# indexed text, so the snippet can be HTML-escaped whole and the marks turned into <mark>.
MARK_START = "\ue000"
MARK_END = "\ue001"


class SearchEntryQuerySet(models.QuerySet["SearchEntry"]):
    def readable_by(self, user: User) -> SearchEntryQuerySet:
        """What `user` may read: published dossiers (all for curators), of private
        annotations and their replies only the author's own, and no answer hidden by
        « réfléchir avant de lire » (Comment.objects.hidden_from)."""
        queryset = self
        if not getattr(user, "is_curator", False):
            queryset = queryset.filter(published=True)
        queryset = queryset.filter(Q(owner__isnull=True) | Q(owner=user.pk))
        # « Réfléchir avant de lire »: the others' answers `user` may not read yet.
        # Most of the time nothing is hidden: then no condition (a search repeats this filter
        # in each of its candidate tiers, search.candidates).
        locked_ids = locked_questions(user)
        if not locked_ids:
            return queryset
        hidden = Comment.objects.hidden_from(user).values("pk")
        # A synthesis of such a question tells what its answers say (syntheses).
        summed_up = Synthesis.objects.filter(question__in=locked_ids).values("pk")
        return queryset.exclude(kind=SearchEntry.Kind.COMMENT, object_id__in=hidden).exclude(
            kind=SearchEntry.Kind.SYNTHESIS, object_id__in=summed_up
        )


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        DOSSIER = "dossier", _("Dossier")
        CASE_STUDY = "case_study", _("Case study")
        RECOMMENDATION = "recommendation", _("Recommendation")
        QUESTION = "question", _("Question")
        COMMENT = "comment", _("Comment")
        ANNOTATION = "annotation", _("Annotation")
        FIELD_REPORT = "field_report", _("Field report")
        SYNTHESIS = "synthesis", _("Synthesis")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # The primary key of the indexed object, in the table `kind` names.
    object_id = models.PositiveBigIntegerField(_("object id"))
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="+", verbose_name=_("dossier")
    )
    # Weighted A, B and C in the PostgreSQL vector; FTS5 columns with the same weights.
    title = models.TextField(_("title"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"), blank=True)
    # Copy of "the dossier is published", updated with the dossier, so the permission
    # filter needs no join.
    published = models.BooleanField(_("published"), default=False)
    # Set for a private annotation and for the replies to one: only this user may find it.
    # Hidden and deleted comments have no entry at all.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    # The dossier's regions, themes and tags ("region:asie theme:plaidoyer tag:genre") and its
    # period, copied from the dossier like `published`: facets are counted from the candidate
    # rows alone, without a query per facet. Nullable so SQLite adds them without rebuilding
    # the table (and dropping search_fts's triggers).
    facet_keys = models.TextField(_("facets"), null=True, blank=True)
    period_start = models.PositiveSmallIntegerField(_("period start"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("period end"), null=True, blank=True)
    # The cheap order in which matches enter the ranked candidate set when a query matches
    # more of them than we rank: dossier content first, then contributions (docs/search.md).
    priority = models.PositiveSmallIntegerField(_("priority"), default=0)
    # PostgreSQL only: filled by the trigger `search_entry_vector` from title, summary and
    # body; always NULL on SQLite, where the FTS5 table `search_fts` plays its part.
    vector = SearchVectorField(null=True, editable=False)
    # PostgreSQL only, filled by the same trigger: title and summary alone, the index of the
    # title-and-summary tier of candidates (search.candidates); SQLite has search_fts's
    # title and summary columns.
    head_vector = SearchVectorField(null=True, editable=False)
    # The title's stems without a leading article (search.parsing.title_key): a query whose
    # key is equal finds its item first, by a B-tree lookup.
    title_key = models.CharField(max_length=200, null=True, editable=False)
    # The title's and summary's stems, each between two spaces (" partenair  plaidoi "):
    # the ranking counts the searched stems in them the same way on both databases, in SQL
    # for the title-and-summary tier and in Python for the score (search.ranking).
    title_stems = models.TextField(null=True, editable=False)
    summary_stems = models.TextField(null=True, editable=False)
    # SQLite only (search.parsing.stem_counts): how often each stem occurs in the text, read
    # instead of the text itself, which may be 10,000 words long; PostgreSQL reads them from
    # `vector`. NULL on PostgreSQL.
    text_counts = models.TextField(null=True, editable=False)
    # Lengths in words of the three fields: the ranking's length normalisation
    # (search.ranking), the same on both databases. These derived columns are nullable, see
    # facet_keys.
    title_words = models.PositiveIntegerField(null=True, editable=False)
    summary_words = models.PositiveIntegerField(null=True, editable=False)
    body_words = models.PositiveIntegerField(null=True, editable=False)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique"),
            models.CheckConstraint(
                condition=Q(
                    kind__in=[
                        "dossier",
                        "case_study",
                        "recommendation",
                        "question",
                        "comment",
                        "annotation",
                        "field_report",
                        "synthesis",
                    ]
                ),
                name="search_entry_kind_known",
            ),
        ]
        indexes = [
            # The candidate set of a frequent word: matches in priority order, newest first.
            models.Index(fields=["-priority", "-id"], name="search_entry_priority"),
            # The same, within one kind (the kind facet).
            models.Index(fields=["kind", "-priority", "-id"], name="search_entry_kind_priority"),
            # The exact title tier of a query (search.candidates).
            models.Index(fields=["title_key"], name="search_entry_title_key"),
            # Refreshing `published` when a dossier changes status.
            models.Index(fields=["dossier"], name="search_entry_dossier"),
        ]
        # The GIN index on `vector` is created by a PostgreSQL-only migration: Meta indexes
        # would be created on SQLite too.

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"

    def get_absolute_url(self) -> str:
        """Where the entry is read: the dossier page at the exact place, or a page of its
        own."""
        if route := OWN_PAGE_ROUTES.get(self.kind):
            return reverse(route, kwargs={"pk": self.object_id})
        url = self.dossier.get_absolute_url()
        if self.kind == self.Kind.DOSSIER:
            return url
        # The other kinds are discussion targets: the registry names their pages (a field
        # report has its own) or their elements in the dossier page.
        kind = kind_of(apps.get_model(INDEXED_MODELS[self.kind]))
        if kind.page_route:
            return kind.page_url(self.object_id)
        return f"{url}#{kind.anchor(self.object_id)}"


# The kinds that are not discussion targets (the registry has no page for them), each read
# on a page of its own: a message's permalink redirects to the page that shows it (a long
# discussion's page, an annotation's or a field report's own page).
OWN_PAGE_ROUTES: dict[str, str] = {
    SearchEntry.Kind.COMMENT: "discussions:comment",
    SearchEntry.Kind.SYNTHESIS: "syntheses:detail",
}

# The model whose objects each kind of entry indexes.
INDEXED_MODELS: dict[str, str] = {
    SearchEntry.Kind.DOSSIER: "dossiers.Dossier",
    SearchEntry.Kind.CASE_STUDY: "dossiers.CaseStudy",
    SearchEntry.Kind.RECOMMENDATION: "dossiers.Recommendation",
    SearchEntry.Kind.QUESTION: "dossiers.Question",
    SearchEntry.Kind.COMMENT: "discussions.Comment",
    SearchEntry.Kind.ANNOTATION: "discussions.Annotation",
    SearchEntry.Kind.FIELD_REPORT: "learning.FieldReport",
    SearchEntry.Kind.SYNTHESIS: "syntheses.Synthesis",
}
