"""The cross-dossier questions: their list, the page of one with every dossier's question
side by side, answering one of them, and « lire sans répondre ». Every form works as a plain
POST that redirects to the page; for htmx the view answers with the questions' fragment,
since an answer (or reading without answering) opens the answers of all of them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from ccfd_community import write_generations
from discussions import services
from discussions.forms import CommentForm
from discussions.limits import POSTING_LIMITED, posting_allowed
from discussions.models import COMMENT_MAX_LENGTH
from dossiers.models import Question
from questions.access import cross_question_for, gathered_question_for
from questions.models import CrossQuestion, ReadWithoutAnswering
from questions.pages import cross_page, cross_question_list


@require_GET
def cross_question_index(request: HttpRequest) -> HttpResponse:
    return render(
        request, "questions/list.html", {"cross_questions": cross_question_list(request.user)}
    )


def _page(
    request: HttpRequest,
    cross: CrossQuestion,
    *,
    form: CommentForm | None = None,
    form_question: Question | None = None,
    focus: int | None = None,
    status: int = 200,
) -> HttpResponse:
    """The page, or for htmx its questions' fragment; `form` is the answer sent back with
    its errors, in the block of `form_question`."""
    context = {
        "page": cross_page(request.user, cross),
        "form": form,
        "form_question": form_question,
        "focus": focus,
        "max_length": COMMENT_MAX_LENGTH,
    }
    if request.htmx:  # htmx swaps only 2xx answers: errors come back with the form
        return render(request, "questions/_blocks.html", context)
    return render(request, "questions/detail.html", context, status=status)


@require_GET
def cross_question_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _page(request, cross_question_for(request.user, slug))


@require_POST
def answer(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A new answer to one of the questions gathered (a message in its discussion)."""
    cross = cross_question_for(request.user, slug)
    question = gathered_question_for(request.user, cross, pk)
    form = CommentForm(request.POST)
    status = 400
    if form.is_valid() and not posting_allowed(request, "comment"):
        form.add_error(None, POSTING_LIMITED)  # the form comes back with the text typed
        status = 429
    if form.is_valid():
        try:
            new = services.comment_create(
                author=request.user, target=question, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if request.htmx:
                return _page(request, cross, focus=new.pk)
            return redirect(f"{cross.get_absolute_url()}#comment-{new.pk}")
    return _page(request, cross, form=form, form_question=question, status=status)


@require_POST
def read_without_answering(request: HttpRequest, slug: str) -> HttpResponse:
    """« Lire sans répondre »: recorded once, dated, shown beside the member's name."""
    cross = cross_question_for(request.user, slug)
    # It opens answers to this member only: their pages' reader changes, no one else's
    # page (the readings show on the cross questions' pages, which follow every write).
    with write_generations.writes_within(write_generations.member_scope(request.user.pk)):
        ReadWithoutAnswering.objects.get_or_create(cross_question=cross, user=request.user)
    if request.htmx:
        return _page(request, cross)
    return redirect(f"{cross.get_absolute_url()}#questions")
