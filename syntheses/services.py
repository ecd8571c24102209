"""Writing a synthesis: its text, its citations rebuilt from it, and the contributors newly
cited told (a notification « cité dans une synthèse »). Atomic: a refused edit stores
nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import IntegrityError, models, transaction

from discussions.models import Notification
from discussions.services import notify
from discussions.targets import kind_of, target_fields
from dossiers.versioning import StaleEdit
from syntheses.citations import references, source_named
from syntheses.models import Citation, Synthesis

if TYPE_CHECKING:
    from accounts.models import User


@transaction.atomic
def synthesis_save(
    *, writer: User, target: models.Model, body: str, version: int | None = None
) -> Synthesis:
    """Write or rewrite the synthesis of `target`'s discussion. `body` was validated by
    SynthesisForm (every reference known, readable by `writer` and shown). `version` is the
    one the form was built from, 0 when there was no synthesis yet: StaleEdit if someone
    saved since; None checks nothing (the admin, the demo)."""
    key = kind_of(target).key(target.pk)
    synthesis = Synthesis.objects.filter(discussion=key).first()
    if synthesis is None:
        synthesis = Synthesis(written_by=writer, **target_fields(target))
    elif version == 0:  # a form built when there was none: this one is not replaced unseen
        raise StaleEdit(synthesis)
    elif version is not None or synthesis.body != body:
        synthesis.claim_version(version)
    before = _cited_authors(synthesis) if synthesis.pk else set()
    synthesis.updated_by = writer
    synthesis._history_user = writer  # the version's author, outside a request too
    synthesis.set_body(body)
    if synthesis.pk:
        synthesis.save()
    else:
        try:
            with transaction.atomic():
                synthesis.save()
        except IntegrityError as error:
            # Another curator wrote the first one meanwhile: theirs is not replaced unseen.
            raise StaleEdit(Synthesis.objects.get(discussion=key)) from error
    _rebuild_citations(synthesis)
    cited = _cited_authors(synthesis) - before - {writer.pk}
    if cited:
        from accounts.models import User

        notify(
            recipients=User.objects.filter(pk__in=cited, is_active=True),
            kind=Notification.Kind.CITED,
            actor=writer,
            dossier=synthesis.dossier,
            synthesis=synthesis,
        )
    return synthesis


def _rebuild_citations(synthesis: Synthesis) -> None:
    synthesis.citations.all().delete()
    Citation.objects.bulk_create(
        Citation(synthesis=synthesis, number=number, **{source_named(letter).field + "_id": pk})
        for number, (letter, pk) in enumerate(references(synthesis.body), start=1)
    )


def _cited_authors(synthesis: Synthesis) -> set[int]:
    """The authors of the contributions the synthesis cites now."""
    rows = synthesis.citations.values_list(
        "comment__author", "annotation__author", "field_report__author"
    )
    return {pk for row in rows for pk in row if pk}
