"""A thread's comment list, compared with golden HTML: one test per state of a comment.

The expected strings are the output of the renderer that built this markup with f-strings and
typed URL suffixes, taken before it was replaced: the CSS, `static/js/*`, the htmx attributes
and the browser tests depend on it. Dates are fixed and pks interpolated; nothing else is
normalised. Changed on purpose since: an author's name links to their profile (issue 10).
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import get_script_prefix, resolve, set_script_prefix

from accounts.models import User
from discussions.models import Comment
from discussions.rendering import thread_entries_html
from discussions.threads import thread_for
from dossiers.models import Dossier
from tests.discussions.factories import CommentFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# 14:30 in Paris: the page gives the day in French and the time on the 24-hour clock.
WRITTEN = datetime.datetime(2024, 3, 5, 13, 30, tzinfo=datetime.UTC)


def comment(
    *,
    minute: int = 0,
    state: str = Comment.State.VISIBLE,
    edited_at: datetime.datetime | None = None,
    **fields: object,
) -> Comment:
    """A comment written `minute` minutes after WRITTEN. The date is set on insert and the
    state by services that notify people, so both are changed afterwards."""
    made = CommentFactory(**fields)
    Comment.objects.filter(pk=made.pk).update(
        created_at=WRITTEN + datetime.timedelta(minutes=minute), state=state, edited_at=edited_at
    )
    return made


def entries(viewer: User, dossier: Dossier, **options: object) -> str:
    """The comment list of the dossier's own discussion as `viewer` sees it."""
    return thread_entries_html(thread_for(viewer, dossier), **options)


def test_a_visible_comment_shows_author_date_text_and_a_reader_s_actions(bob, dossier) -> None:
    author = UserFactory(display_name="Aïssata N'Diaye & <Cie>")
    pk = comment(dossier=dossier, author=author, body="Bonjour à **tous**.").pk

    assert entries(bob, dossier) == (
        '<ol class="comments"><li class="comments__item">'
        f'<article id="comment-{pk}" class="comment comment--depth-0" tabindex="-1">'
        '<header class="comment__meta">'
        f'<a class="comment__author" href="/membres/{author.pk}/">'
        "Aïssata N&#x27;Diaye &amp; &lt;Cie&gt;</a> "
        f'<a class="comment__date" href="#comment-{pk}">'
        '<time datetime="2024-03-05T13:30:00+00:00">5 mars 2024 14:30</time></a></header>'
        f'<div class="comment__body" id="body-{pk}"><p>Bonjour à <strong>tous</strong>.</p>\n</div>'
        f'<div class="comment__actions"><a href="/discussions/commentaires/{pk}/repondre/"'
        f' hx-get="/discussions/commentaires/{pk}/repondre/" hx-target="#slot-{pk}">Répondre</a> '
        f'<a href="/discussions/commentaires/{pk}/signaler/"'
        f' hx-get="/discussions/commentaires/{pk}/signaler/" hx-target="#slot-{pk}">Signaler</a> '
        f'<a class="comment__permalink" href="/discussions/commentaires/{pk}/">Lien</a></div>'
        f'<div id="slot-{pk}" class="comment__slot"></div></article></li></ol>'
    )


def test_an_edited_comment_says_when_it_was_edited_and_links_its_earlier_versions(
    alice, bob, dossier
) -> None:
    edited_at = WRITTEN + datetime.timedelta(days=1, hours=2)
    pk = comment(dossier=dossier, author=alice, body="Corrigé.", edited_at=edited_at).pk

    assert entries(bob, dossier) == (
        '<ol class="comments"><li class="comments__item">'
        f'<article id="comment-{pk}" class="comment comment--depth-0" tabindex="-1">'
        '<header class="comment__meta">'
        f'<a class="comment__author" href="/membres/{alice.pk}/">Alice Martin</a> '
        f'<a class="comment__date" href="#comment-{pk}">'
        '<time datetime="2024-03-05T13:30:00+00:00">5 mars 2024 14:30</time></a> '
        f'<a class="comment__edited" href="/discussions/commentaires/{pk}/versions/"'
        f' hx-get="/discussions/commentaires/{pk}/versions/" hx-target="#slot-{pk}">'
        "modifié le 6 mars 2024 16:30"
        '<span class="visually-hidden"> — voir ses versions précédentes</span></a></header>'
        f'<div class="comment__body" id="body-{pk}"><p>Corrigé.</p>\n</div>'
        f'<div class="comment__actions"><a href="/discussions/commentaires/{pk}/repondre/"'
        f' hx-get="/discussions/commentaires/{pk}/repondre/" hx-target="#slot-{pk}">Répondre</a> '
        f'<a href="/discussions/commentaires/{pk}/signaler/"'
        f' hx-get="/discussions/commentaires/{pk}/signaler/" hx-target="#slot-{pk}">Signaler</a> '
        f'<a class="comment__permalink" href="/discussions/commentaires/{pk}/">Lien</a></div>'
        f'<div id="slot-{pk}" class="comment__slot"></div></article></li></ol>'
    )


def test_a_comment_deleted_by_its_author_stays_as_a_tombstone_above_its_replies(
    alice, bob, dossier
) -> None:
    top = comment(dossier=dossier, author=alice, body="Retiré.", state=Comment.State.DELETED).pk
    reply = comment(minute=1, dossier=dossier, author=bob, parent_id=top, body="Réponse.").pk

    assert entries(bob, dossier) == (
        '<ol class="comments"><li class="comments__item">'
        f'<article id="comment-{top}" class="comment comment--depth-0 comment--tombstone" tabindex="-1">'
        '<p class="comment__tombstone">Message supprimé par son auteur</p>'
        f'<div id="slot-{top}" class="comment__slot"></div></article>'
        '<ol class="comments comments--replies"><li class="comments__item">'
        f'<article id="comment-{reply}" class="comment comment--depth-1" tabindex="-1">'
        '<header class="comment__meta">'
        f'<a class="comment__author" href="/membres/{bob.pk}/">Bob Leroy</a> '
        f'<a class="comment__date" href="#comment-{reply}">'
        '<time datetime="2024-03-05T13:31:00+00:00">5 mars 2024 14:31</time></a></header>'
        f'<div class="comment__body" id="body-{reply}"><p>Réponse.</p>\n</div>'
        f'<div class="comment__actions"><a href="/discussions/commentaires/{reply}/repondre/"'
        f' hx-get="/discussions/commentaires/{reply}/repondre/"'
        f' hx-target="#slot-{reply}">Répondre</a> '
        f'<a href="/discussions/commentaires/{reply}/modifier/"'
        f' hx-get="/discussions/commentaires/{reply}/modifier/"'
        f' hx-target="#slot-{reply}">Modifier</a> '
        f'<form method="post" action="/discussions/commentaires/{reply}/supprimer/"'
        f' class="inline-form" hx-post="/discussions/commentaires/{reply}/supprimer/"'
        f' hx-target="#thread-dossier-{dossier.pk}" hx-swap="outerHTML"'
        ' hx-confirm="Supprimer ce message ? Les réponses restent.">'
        '<button type="submit" class="link-button">Supprimer</button></form> '
        f'<a class="comment__permalink" href="/discussions/commentaires/{reply}/">Lien</a></div>'
        f'<div id="slot-{reply}" class="comment__slot"></div></article></li></ol></li></ol>'
    )


def test_a_hidden_comment_offers_its_moderator_to_restore_it(alice, bob, mo, dossier) -> None:
    top = comment(dossier=dossier, author=alice, body="Masqué.", state=Comment.State.HIDDEN).pk
    reply = comment(minute=1, dossier=dossier, author=bob, parent_id=top, body="Réponse.").pk

    assert entries(mo, dossier) == (
        '<ol class="comments"><li class="comments__item">'
        f'<article id="comment-{top}" class="comment comment--depth-0 comment--tombstone" tabindex="-1">'
        '<p class="comment__tombstone">Message masqué par la modération</p>'
        f'<div class="comment__actions"><a href="/discussions/commentaires/{top}/retablir/"'
        f' hx-get="/discussions/commentaires/{top}/retablir/"'
        f' hx-target="#slot-{top}">Rétablir</a></div>'
        f'<div id="slot-{top}" class="comment__slot"></div></article>'
        '<ol class="comments comments--replies"><li class="comments__item">'
        f'<article id="comment-{reply}" class="comment comment--depth-1" tabindex="-1">'
        '<header class="comment__meta">'
        f'<a class="comment__author" href="/membres/{bob.pk}/">Bob Leroy</a> '
        f'<a class="comment__date" href="#comment-{reply}">'
        '<time datetime="2024-03-05T13:31:00+00:00">5 mars 2024 14:31</time></a></header>'
        f'<div class="comment__body" id="body-{reply}"><p>Réponse.</p>\n</div>'
        f'<div class="comment__actions"><a href="/discussions/commentaires/{reply}/repondre/"'
        f' hx-get="/discussions/commentaires/{reply}/repondre/"'
        f' hx-target="#slot-{reply}">Répondre</a> '
        f'<a href="/discussions/commentaires/{reply}/signaler/"'
        f' hx-get="/discussions/commentaires/{reply}/signaler/"'
        f' hx-target="#slot-{reply}">Signaler</a> '
        f'<a href="/discussions/commentaires/{reply}/masquer/"'
        f' hx-get="/discussions/commentaires/{reply}/masquer/"'
        f' hx-target="#slot-{reply}">Masquer</a> '
        f'<a class="comment__permalink" href="/discussions/commentaires/{reply}/">Lien</a></div>'
        f'<div id="slot-{reply}" class="comment__slot"></div></article></li></ol></li></ol>'
    )


def test_a_hidden_comment_offers_other_members_no_action(alice, bob, dossier) -> None:
    top = comment(dossier=dossier, author=alice, body="Masqué.", state=Comment.State.HIDDEN).pk
    reply = comment(minute=1, dossier=dossier, author=bob, parent_id=top, body="Réponse.").pk

    assert entries(bob, dossier) == (
        '<ol class="comments"><li class="comments__item">'
        f'<article id="comment-{top}" class="comment comment--depth-0 comment--tombstone" tabindex="-1">'
        '<p class="comment__tombstone">Message masqué par la modération</p>'
        f'<div id="slot-{top}" class="comment__slot"></div></article>'
        '<ol class="comments comments--replies"><li class="comments__item">'
        f'<article id="comment-{reply}" class="comment comment--depth-1" tabindex="-1">'
        '<header class="comment__meta">'
        f'<a class="comment__author" href="/membres/{bob.pk}/">Bob Leroy</a> '
        f'<a class="comment__date" href="#comment-{reply}">'
        '<time datetime="2024-03-05T13:31:00+00:00">5 mars 2024 14:31</time></a></header>'
        f'<div class="comment__body" id="body-{reply}"><p>Réponse.</p>\n</div>'
        f'<div class="comment__actions"><a href="/discussions/commentaires/{reply}/repondre/"'
        f' hx-get="/discussions/commentaires/{reply}/repondre/"'
        f' hx-target="#slot-{reply}">Répondre</a> '
        f'<a href="/discussions/commentaires/{reply}/modifier/"'
        f' hx-get="/discussions/commentaires/{reply}/modifier/"'
        f' hx-target="#slot-{reply}">Modifier</a> '
        f'<form method="post" action="/discussions/commentaires/{reply}/supprimer/"'
        f' class="inline-form" hx-post="/discussions/commentaires/{reply}/supprimer/"'
        f' hx-target="#thread-dossier-{dossier.pk}" hx-swap="outerHTML"'
        ' hx-confirm="Supprimer ce message ? Les réponses restent.">'
        '<button type="submit" class="link-button">Supprimer</button></form> '
        f'<a class="comment__permalink" href="/discussions/commentaires/{reply}/">Lien</a></div>'
        f'<div id="slot-{reply}" class="comment__slot"></div></article></li></ol></li></ol>'
    )


def test_replies_below_the_last_indented_level_show_flat_with_in_reply_to(
    alice, bob, dossier
) -> None:
    # Five levels: 0 to 3 indented (MAX_INDENT), the fifth flat beside the fourth.
    chain = [comment(dossier=dossier, author=alice, body="Niveau 0.")]
    for level in range(1, 5):
        author = bob if level % 2 else alice
        chain.append(
            comment(
                minute=level,
                dossier=dossier,
                author=author,
                parent=chain[-1],
                body=f"Niveau {level}.",
            )
        )
    c0, c1, c2, c3, c4 = (made.pk for made in chain)

    assert entries(bob, dossier) == (
        '<ol class="comments"><li class="comments__item">'
        f'<article id="comment-{c0}" class="comment comment--depth-0" tabindex="-1">'
        '<header class="comment__meta">'
        f'<a class="comment__author" href="/membres/{alice.pk}/">Alice Martin</a> '
        f'<a class="comment__date" href="#comment-{c0}">'
        '<time datetime="2024-03-05T13:30:00+00:00">5 mars 2024 14:30</time></a></header>'
        f'<div class="comment__body" id="body-{c0}"><p>Niveau 0.</p>\n</div>'
        f'<div class="comment__actions"><a href="/discussions/commentaires/{c0}/repondre/"'
        f' hx-get="/discussions/commentaires/{c0}/repondre/" hx-target="#slot-{c0}">Répondre</a> '
        f'<a href="/discussions/commentaires/{c0}/signaler/"'
        f' hx-get="/discussions/commentaires/{c0}/signaler/" hx-target="#slot-{c0}">Signaler</a> '
        f'<a class="comment__permalink" href="/discussions/commentaires/{c0}/">Lien</a></div>'
        f'<div id="slot-{c0}" class="comment__slot"></div></article>'
        '<ol class="comments comments--replies"><li class="comments__item">'
        f'<article id="comment-{c1}" class="comment comment--depth-1" tabindex="-1">'
        '<header class="comment__meta">'
        f'<a class="comment__author" href="/membres/{bob.pk}/">Bob Leroy</a> '
        f'<a class="comment__date" href="#comment-{c1}">'
        '<time datetime="2024-03-05T13:31:00+00:00">5 mars 2024 14:31</time></a></header>'
        f'<div class="comment__body" id="body-{c1}"><p>Niveau 1.</p>\n</div>'
        f'<div class="comment__actions"><a href="/discussions/commentaires/{c1}/repondre/"'
        f' hx-get="/discussions/commentaires/{c1}/repondre/" hx-target="#slot-{c1}">Répondre</a> '
        f'<a href="/discussions/commentaires/{c1}/modifier/"'
        f' hx-get="/discussions/commentaires/{c1}/modifier/" hx-target="#slot-{c1}">Modifier</a> '
        f'<form method="post" action="/discussions/commentaires/{c1}/supprimer/"'
        f' class="inline-form" hx-post="/discussions/commentaires/{c1}/supprimer/"'
        f' hx-target="#thread-dossier-{dossier.pk}" hx-swap="outerHTML"'
        ' hx-confirm="Supprimer ce message ? Les réponses restent.">'
        '<button type="submit" class="link-button">Supprimer</button></form> '
        f'<a class="comment__permalink" href="/discussions/commentaires/{c1}/">Lien</a></div>'
        f'<div id="slot-{c1}" class="comment__slot"></div></article>'
        '<ol class="comments comments--replies"><li class="comments__item">'
        f'<article id="comment-{c2}" class="comment comment--depth-2" tabindex="-1">'
        '<header class="comment__meta">'
        f'<a class="comment__author" href="/membres/{alice.pk}/">Alice Martin</a> '
        f'<a class="comment__date" href="#comment-{c2}">'
        '<time datetime="2024-03-05T13:32:00+00:00">5 mars 2024 14:32</time></a></header>'
        f'<div class="comment__body" id="body-{c2}"><p>Niveau 2.</p>\n</div>'
        f'<div class="comment__actions"><a href="/discussions/commentaires/{c2}/repondre/"'
        f' hx-get="/discussions/commentaires/{c2}/repondre/" hx-target="#slot-{c2}">Répondre</a> '
        f'<a href="/discussions/commentaires/{c2}/signaler/"'
        f' hx-get="/discussions/commentaires/{c2}/signaler/" hx-target="#slot-{c2}">Signaler</a> '
        f'<a class="comment__permalink" href="/discussions/commentaires/{c2}/">Lien</a></div>'
        f'<div id="slot-{c2}" class="comment__slot"></div></article>'
        '<ol class="comments comments--replies"><li class="comments__item">'
        f'<article id="comment-{c3}" class="comment comment--depth-3" tabindex="-1">'
        '<header class="comment__meta">'
        f'<a class="comment__author" href="/membres/{bob.pk}/">Bob Leroy</a> '
        f'<a class="comment__date" href="#comment-{c3}">'
        '<time datetime="2024-03-05T13:33:00+00:00">5 mars 2024 14:33</time></a></header>'
        f'<div class="comment__body" id="body-{c3}"><p>Niveau 3.</p>\n</div>'
        f'<div class="comment__actions"><a href="/discussions/commentaires/{c3}/repondre/"'
        f' hx-get="/discussions/commentaires/{c3}/repondre/" hx-target="#slot-{c3}">Répondre</a> '
        f'<a href="/discussions/commentaires/{c3}/modifier/"'
        f' hx-get="/discussions/commentaires/{c3}/modifier/" hx-target="#slot-{c3}">Modifier</a> '
        f'<form method="post" action="/discussions/commentaires/{c3}/supprimer/"'
        f' class="inline-form" hx-post="/discussions/commentaires/{c3}/supprimer/"'
        f' hx-target="#thread-dossier-{dossier.pk}" hx-swap="outerHTML"'
        ' hx-confirm="Supprimer ce message ? Les réponses restent.">'
        '<button type="submit" class="link-button">Supprimer</button></form> '
        f'<a class="comment__permalink" href="/discussions/commentaires/{c3}/">Lien</a></div>'
        f'<div id="slot-{c3}" class="comment__slot"></div></article></li>'
        '<li class="comments__item">'
        f'<article id="comment-{c4}" class="comment comment--depth-3" tabindex="-1">'
        '<header class="comment__meta">'
        f'<a class="comment__author" href="/membres/{alice.pk}/">Alice Martin</a> '
        f'<a class="comment__date" href="#comment-{c4}">'
        '<time datetime="2024-03-05T13:34:00+00:00">5 mars 2024 14:34</time></a> '
        '<span class="comment__reply-to">en réponse à '
        f'<a href="#comment-{c3}">Bob Leroy</a></span></header>'
        f'<div class="comment__body" id="body-{c4}"><p>Niveau 4.</p>\n</div>'
        f'<div class="comment__actions"><a href="/discussions/commentaires/{c4}/repondre/"'
        f' hx-get="/discussions/commentaires/{c4}/repondre/" hx-target="#slot-{c4}">Répondre</a> '
        f'<a href="/discussions/commentaires/{c4}/signaler/"'
        f' hx-get="/discussions/commentaires/{c4}/signaler/" hx-target="#slot-{c4}">Signaler</a> '
        f'<a class="comment__permalink" href="/discussions/commentaires/{c4}/">Lien</a></div>'
        f'<div id="slot-{c4}" class="comment__slot"></div></article></li></ol></li></ol></li></ol></li></ol>'
    )


def test_its_author_may_edit_and_delete_a_comment(alice, dossier) -> None:
    pk = comment(dossier=dossier, author=alice, body="Le mien.").pk

    assert entries(alice, dossier) == (
        '<ol class="comments"><li class="comments__item">'
        f'<article id="comment-{pk}" class="comment comment--depth-0" tabindex="-1">'
        '<header class="comment__meta">'
        f'<a class="comment__author" href="/membres/{alice.pk}/">Alice Martin</a> '
        f'<a class="comment__date" href="#comment-{pk}">'
        '<time datetime="2024-03-05T13:30:00+00:00">5 mars 2024 14:30</time></a></header>'
        f'<div class="comment__body" id="body-{pk}"><p>Le mien.</p>\n</div>'
        f'<div class="comment__actions"><a href="/discussions/commentaires/{pk}/repondre/"'
        f' hx-get="/discussions/commentaires/{pk}/repondre/" hx-target="#slot-{pk}">Répondre</a> '
        f'<a href="/discussions/commentaires/{pk}/modifier/"'
        f' hx-get="/discussions/commentaires/{pk}/modifier/" hx-target="#slot-{pk}">Modifier</a> '
        f'<form method="post" action="/discussions/commentaires/{pk}/supprimer/"'
        f' class="inline-form" hx-post="/discussions/commentaires/{pk}/supprimer/"'
        f' hx-target="#thread-dossier-{dossier.pk}" hx-swap="outerHTML"'
        ' hx-confirm="Supprimer ce message ? Les réponses restent.">'
        '<button type="submit" class="link-button">Supprimer</button></form> '
        f'<a class="comment__permalink" href="/discussions/commentaires/{pk}/">Lien</a></div>'
        f'<div id="slot-{pk}" class="comment__slot"></div></article></li></ol>'
    )


def test_the_delete_form_carries_the_csrf_token(alice, dossier) -> None:
    pk = comment(dossier=dossier, author=alice, body="Le mien.").pk

    assert entries(alice, dossier, csrf_token='jeton&<>"') == (
        '<ol class="comments"><li class="comments__item">'
        f'<article id="comment-{pk}" class="comment comment--depth-0" tabindex="-1">'
        '<header class="comment__meta">'
        f'<a class="comment__author" href="/membres/{alice.pk}/">Alice Martin</a> '
        f'<a class="comment__date" href="#comment-{pk}">'
        '<time datetime="2024-03-05T13:30:00+00:00">5 mars 2024 14:30</time></a></header>'
        f'<div class="comment__body" id="body-{pk}"><p>Le mien.</p>\n</div>'
        f'<div class="comment__actions"><a href="/discussions/commentaires/{pk}/repondre/"'
        f' hx-get="/discussions/commentaires/{pk}/repondre/" hx-target="#slot-{pk}">Répondre</a> '
        f'<a href="/discussions/commentaires/{pk}/modifier/"'
        f' hx-get="/discussions/commentaires/{pk}/modifier/" hx-target="#slot-{pk}">Modifier</a> '
        f'<form method="post" action="/discussions/commentaires/{pk}/supprimer/"'
        f' class="inline-form" hx-post="/discussions/commentaires/{pk}/supprimer/"'
        f' hx-target="#thread-dossier-{dossier.pk}" hx-swap="outerHTML"'
        ' hx-confirm="Supprimer ce message ? Les réponses restent.">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="jeton&amp;&lt;&gt;&quot;">'
        '<button type="submit" class="link-button">Supprimer</button></form> '
        f'<a class="comment__permalink" href="/discussions/commentaires/{pk}/">Lien</a></div>'
        f'<div id="slot-{pk}" class="comment__slot"></div></article></li></ol>'
    )


def test_a_moderator_may_report_and_hide_a_member_s_comment(alice, mo, dossier) -> None:
    pk = comment(dossier=dossier, author=alice, body="À modérer.").pk

    assert entries(mo, dossier) == (
        '<ol class="comments"><li class="comments__item">'
        f'<article id="comment-{pk}" class="comment comment--depth-0" tabindex="-1">'
        '<header class="comment__meta">'
        f'<a class="comment__author" href="/membres/{alice.pk}/">Alice Martin</a> '
        f'<a class="comment__date" href="#comment-{pk}">'
        '<time datetime="2024-03-05T13:30:00+00:00">5 mars 2024 14:30</time></a></header>'
        f'<div class="comment__body" id="body-{pk}"><p>À modérer.</p>\n</div>'
        f'<div class="comment__actions"><a href="/discussions/commentaires/{pk}/repondre/"'
        f' hx-get="/discussions/commentaires/{pk}/repondre/" hx-target="#slot-{pk}">Répondre</a> '
        f'<a href="/discussions/commentaires/{pk}/signaler/"'
        f' hx-get="/discussions/commentaires/{pk}/signaler/" hx-target="#slot-{pk}">Signaler</a> '
        f'<a href="/discussions/commentaires/{pk}/masquer/"'
        f' hx-get="/discussions/commentaires/{pk}/masquer/" hx-target="#slot-{pk}">Masquer</a> '
        f'<a class="comment__permalink" href="/discussions/commentaires/{pk}/">Lien</a></div>'
        f'<div id="slot-{pk}" class="comment__slot"></div></article></li></ol>'
    )


def test_only_the_comment_in_focus_gets_autofocus(alice, bob, dossier) -> None:
    first = comment(dossier=dossier, author=alice, body="Premier.").pk
    second = comment(minute=1, dossier=dossier, author=alice, body="Second.").pk

    assert entries(bob, dossier, focus=first) == (
        '<ol class="comments"><li class="comments__item">'
        f'<article id="comment-{second}" class="comment comment--depth-0" tabindex="-1">'
        '<header class="comment__meta">'
        f'<a class="comment__author" href="/membres/{alice.pk}/">Alice Martin</a> '
        f'<a class="comment__date" href="#comment-{second}">'
        '<time datetime="2024-03-05T13:31:00+00:00">5 mars 2024 14:31</time></a></header>'
        f'<div class="comment__body" id="body-{second}"><p>Second.</p>\n</div>'
        f'<div class="comment__actions"><a href="/discussions/commentaires/{second}/repondre/"'
        f' hx-get="/discussions/commentaires/{second}/repondre/"'
        f' hx-target="#slot-{second}">Répondre</a> '
        f'<a href="/discussions/commentaires/{second}/signaler/"'
        f' hx-get="/discussions/commentaires/{second}/signaler/"'
        f' hx-target="#slot-{second}">Signaler</a> '
        f'<a class="comment__permalink" href="/discussions/commentaires/{second}/">Lien</a></div>'
        f'<div id="slot-{second}" class="comment__slot"></div></article></li>'
        '<li class="comments__item">'
        f'<article id="comment-{first}" class="comment comment--depth-0" tabindex="-1" autofocus>'
        '<header class="comment__meta">'
        f'<a class="comment__author" href="/membres/{alice.pk}/">Alice Martin</a> '
        f'<a class="comment__date" href="#comment-{first}">'
        '<time datetime="2024-03-05T13:30:00+00:00">5 mars 2024 14:30</time></a></header>'
        f'<div class="comment__body" id="body-{first}"><p>Premier.</p>\n</div>'
        f'<div class="comment__actions"><a href="/discussions/commentaires/{first}/repondre/"'
        f' hx-get="/discussions/commentaires/{first}/repondre/"'
        f' hx-target="#slot-{first}">Répondre</a> '
        f'<a href="/discussions/commentaires/{first}/signaler/"'
        f' hx-get="/discussions/commentaires/{first}/signaler/"'
        f' hx-target="#slot-{first}">Signaler</a> '
        f'<a class="comment__permalink" href="/discussions/commentaires/{first}/">Lien</a></div>'
        f'<div id="slot-{first}" class="comment__slot"></div></article></li></ol>'
    )


def test_every_action_links_to_its_comment_s_view_so_a_changed_route_is_not_silent(
    alice, mo, dossier
) -> None:
    """Each link and form resolves to the view its label names, with its comment's pk: a
    route renamed or moved in discussions/urls.py fails here (or at `reverse`), not on the
    page."""
    comment(dossier=dossier, author=mo, body="Le mien.")
    comment(minute=1, dossier=dossier, author=alice, body="Celui d’Alice.")
    hidden = comment(minute=2, dossier=dossier, author=alice, state=Comment.State.HIDDEN)
    comment(minute=3, dossier=dossier, author=alice, parent=hidden)
    views = {
        "Répondre": "discussions:comment-reply",
        "Modifier": "discussions:comment-edit",
        "Supprimer": "discussions:comment-delete",
        "Signaler": "discussions:comment-flag",
        "Masquer": "discussions:comment-hide",
        "Rétablir": "discussions:comment-restore",
        "Lien": "discussions:comment",
    }

    html = entries(mo, dossier, csrf_token="jeton")

    seen = set()
    articles = re.findall(r'<article id="comment-(\d+)"(.*?)</article>', html, re.DOTALL)
    for pk, article in articles:
        links = re.findall(r'<a (?:class="[^"]*" )?href="(/[^"]*)"([^>]*)>([^<]*)</a>', article)
        forms = re.findall(
            r'<form method="post" action="(/[^"]*)"([^>]*)>.*?<button[^>]*>([^<]*)</button>',
            article,
        )
        for url, attributes, label in links + forms:
            match = resolve(url)
            if match.view_name == "accounts:member":  # the author's name, to their profile
                assert User.objects.get(**match.kwargs).get_display_name() == label, url
                seen.add("author")
                continue
            assert (match.view_name, match.kwargs) == (views[label], {"pk": int(pk)}), url
            assert re.findall(r'hx-(?:get|post)="([^"]*)"', attributes) in ([], [url])
            seen.add(label)
    assert len(articles) == 4
    assert seen == {*views, "author"}


def test_the_routes_reversed_once_follow_the_script_prefix(dossier: Dossier, alice: User) -> None:
    """The routes are reversed once per process and script prefix (a site served under a
    path): a page under another prefix gets its own links."""
    comment = CommentFactory(dossier=dossier, author=alice)
    before = get_script_prefix()
    try:
        html = thread_entries_html(thread_for(alice, dossier))
        set_script_prefix("/communaute/")
        prefixed = thread_entries_html(thread_for(alice, dossier))
    finally:
        set_script_prefix(before)
    assert f'href="/communaute/discussions/commentaires/{comment.pk}/' in prefixed
    assert "/communaute/" not in html


def test_a_thread_s_empty_form_is_the_form_template_s(rf, bob, dossier) -> None:
    # Rendered once per request with stand-ins, then filled in for each thread: the same
    # markup as the template included with the thread's own values.
    from django.middleware.csrf import get_token
    from django.template import engines

    from discussions.threads import thread_shell
    from tests.factories import CaseStudyFactory

    request = rf.get("/")
    request.user = bob
    get_token(request)
    threads = {
        "own": thread_shell(dossier),
        "case": thread_shell(CaseStudyFactory(dossier=dossier)),
    }
    engine = engines["django"]
    tag = engine.from_string(
        "{% load discussions %}{% new_message_form own %}|{% new_message_form case %}"
    )
    include = engine.from_string(
        '{% include "discussions/_comment_form.html" with thread=own form=None '
        "form_id=own.new_form_id parent=None editing=None %}|"
        '{% include "discussions/_comment_form.html" with thread=case form=None '
        "form_id=case.new_form_id parent=None editing=None %}"
    )
    # Each {% csrf_token %} masks the request's secret afresh.
    token = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+')
    expected = token.sub(r"\1…", include.render(threads, request))
    assert token.sub(r"\1…", tag.render(threads, request)) == expected
    assert f'name="pk" value="{threads["case"].pk}"' in expected.split("|")[1]
    assert "\x00" not in expected and 'name="csrfmiddlewaretoken"' in expected
