"""Comments for the discussion tests, made through the model (no notification side effects)."""

from __future__ import annotations

import factory

from discussions.models import Comment
from tests.factories import DossierFactory, UserFactory


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    dossier = factory.SubFactory(DossierFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Faker("paragraph", nb_sentences=2)


def reply_chain(*, top: Comment, depth: int) -> list[Comment]:
    """`depth` replies, each answering the previous one, on `top`'s discussion."""
    chain = [top]
    for _ in range(depth):
        parent = chain[-1]
        chain.append(
            CommentFactory(
                dossier=parent.dossier,
                case_study=parent.case_study,
                recommendation=parent.recommendation,
                question=parent.question,
                parent=parent,
                author=parent.author,
            )
        )
    return chain
