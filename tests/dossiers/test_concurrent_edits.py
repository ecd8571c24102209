"""Two curators editing one dossier in the admin: the second save made from an older version
is refused with what changed meanwhile, what the curator typed is kept, and the first change
is never lost (dossiers.versioning)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts.models import User
from dossiers.models import CaseStudy, Dossier
from dossiers.versioning import StaleEdit, VersionedAdminForm, word_diff
from tests.conftest import client_for
from tests.factories import CaseStudyFactory, DossierFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.django_db

BODY = (
    "## Contexte\n\nLe partenariat s’est construit pas à pas, avec les organisations "
    "paysannes du plateau central.\n\n## Pratiques\n\nLes chargés de mission accompagnent "
    "les partenaires dans leurs choix."
)


@pytest.fixture
def dora(db) -> User:
    return UserFactory(
        email="dora@example.org",
        display_name="Dora Documentaliste",
        is_staff=True,
        group="Curators",
    )


@pytest.fixture
def dora_client(dora: User) -> Client:
    return client_for(dora)


@pytest.fixture
def text(db) -> Dossier:
    dossier = DossierFactory(title="Semences paysannes", slug="semences", body=BODY)
    CaseStudyFactory(dossier=dossier, order=1, title="Au Burkina Faso", body="Une coopérative.")
    QuestionFactory(dossier=dossier, order=1, title="Quel plaidoyer mener ?")
    return dossier


def change_url(obj: Any) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def form_data(response: Any) -> dict[str, Any]:
    """What the browser would post back from an admin change page, untouched."""
    forms = [response.context["adminform"].form]
    for inline in response.context.get("inline_admin_formsets", []):
        forms += [inline.formset.management_form, *inline.formset.forms]
    data: dict[str, Any] = {}
    for form in forms:
        for bound in form:
            value = bound.value()
            if value is None or bound.widget_type.endswith("file"):
                continue
            data[bound.html_name] = [str(v) for v in value] if isinstance(value, list) else value
    return data


def opened(client: Client, obj: Any) -> dict[str, Any]:
    response = client.get(change_url(obj))
    assert response.status_code == 200
    return form_data(response)


def test_the_second_of_two_saves_from_one_version_is_refused_and_the_first_kept(
    carol_client, dora_client, text
) -> None:
    carols, doras = opened(carol_client, text), opened(dora_client, text)
    carols["title"] = "Semences paysannes au Sahel"
    carols["body"] = BODY.replace("pas à pas", "lentement")
    assert carol_client.post(change_url(text), carols).status_code == 302

    doras["body"] = BODY + "\n\nUn paragraphe de Dora."
    response = dora_client.post(change_url(text), doras)

    assert response.status_code == 200
    html = response.content.decode()
    error = str(response.context["adminform"].form.non_field_errors())
    assert (
        "Carol Curatrice a enregistré une autre version de « Semences paysannes au Sahel »" in error
    )
    assert "pendant que vous l’éditiez : votre enregistrement est refusé" in error
    assert "<del>pas à pas</del>" in error and "<ins>lentement</ins>" in error
    assert "Un paragraphe de Dora." in html  # what she typed is kept
    text.refresh_from_db()
    assert text.title == "Semences paysannes au Sahel"
    assert "lentement" in text.body and "Dora" not in text.body
    assert text.version == 2


def test_saving_again_after_the_refusal_keeps_both_changes_in_different_fields(
    carol_client, dora_client, text
) -> None:
    carols, doras = opened(carol_client, text), opened(dora_client, text)
    carols["title"] = "Semences paysannes au Sahel"
    assert carol_client.post(change_url(text), carols).status_code == 302
    doras["summary"] = "Le résumé de Dora."
    refused = dora_client.post(change_url(text), doras)
    assert refused.status_code == 200

    # The form she gets back shows Carol's title (she had not touched it) and her summary.
    again = form_data(refused)
    assert again["title"] == "Semences paysannes au Sahel"
    assert again["summary"] == "Le résumé de Dora."
    assert dora_client.post(change_url(text), again).status_code == 302
    text.refresh_from_db()
    assert (text.title, text.summary, text.version) == (
        "Semences paysannes au Sahel",
        "Le résumé de Dora.",
        3,
    )


def test_a_stale_inline_is_refused_with_its_error_on_it_and_at_the_top(
    carol_client, dora_client, text
) -> None:
    case = text.case_studies.get()
    carols, doras = opened(carol_client, text), opened(dora_client, text)
    carols["case_studies-0-body"] = "Une coopérative de Carol."
    assert carol_client.post(change_url(text), carols).status_code == 302

    doras["case_studies-0-body"] = "Une coopérative de Dora."
    response = dora_client.post(change_url(text), doras)

    assert response.status_code == 200
    (inline,) = [i for i in response.context["inline_admin_formsets"] if i.opts.model is CaseStudy]
    inline_error = str(inline.formset.forms[0].non_field_errors())
    assert "Carol Curatrice a enregistré une autre version de « Au Burkina Faso »" in inline_error
    top = [str(m) for m in response.context["messages"]]
    assert top == [
        "Étude de cas « Au Burkina Faso » : une autre version a été enregistrée pendant que "
        "vous l’éditiez ; rien n’a été enregistré, le détail est plus bas."
    ]
    assert "Une coopérative de Dora." in response.content.decode()
    case.refresh_from_db()
    assert case.body == "Une coopérative de Carol."


def test_an_inline_the_second_curator_did_not_touch_does_not_stop_her_save(
    carol_client, dora_client, text
) -> None:
    carols, doras = opened(carol_client, text), opened(dora_client, text)
    carols["case_studies-0-body"] = "Une coopérative de Carol."
    carols["questions-0-title"] = "Quelle alliance construire ?"
    assert carol_client.post(change_url(text), carols).status_code == 302

    doras["summary"] = "Le résumé de Dora."
    assert dora_client.post(change_url(text), doras).status_code == 302

    text.refresh_from_db()
    assert text.summary == "Le résumé de Dora."
    assert text.case_studies.get().body == "Une coopérative de Carol."
    assert text.questions.get().title == "Quelle alliance construire ?"


def test_a_dossier_the_second_curator_did_not_touch_is_saved_as_it_is_now(
    carol_client, dora_client, text
) -> None:
    carols, doras = opened(carol_client, text), opened(dora_client, text)
    carols["title"] = "Semences paysannes au Sahel"
    assert carol_client.post(change_url(text), carols).status_code == 302

    doras["case_studies-0-body"] = "Une coopérative de Dora."
    assert dora_client.post(change_url(text), doras).status_code == 302

    text.refresh_from_db()
    assert (text.title, text.version) == ("Semences paysannes au Sahel", 2)
    assert text.case_studies.get().body == "Une coopérative de Dora."


def test_a_part_edited_in_its_own_admin_and_in_the_dossier_is_saved_once(
    carol_client, dora_client, text
) -> None:
    case = text.case_studies.get()
    doras = opened(dora_client, text)
    carols = opened(carol_client, case)
    carols["title"] = "Au Burkina Faso, à Koudougou"
    assert carol_client.post(change_url(case), carols).status_code == 302

    doras["case_studies-0-title"] = "Au Burkina"
    response = dora_client.post(change_url(text), doras)

    assert response.status_code == 200
    case.refresh_from_db()
    assert case.title == "Au Burkina Faso, à Koudougou"


@pytest.mark.parametrize("part", ["case_study", "question"])
def test_two_saves_of_a_part_in_its_own_admin_keep_the_first(
    carol_client, dora_client, text, part
) -> None:
    row = text.case_studies.get() if part == "case_study" else text.questions.get()
    carols, doras = opened(carol_client, row), opened(dora_client, row)
    carols["body"] = "Le texte de Carol."
    doras["body"] = "Le texte de Dora."
    assert carol_client.post(change_url(row), carols).status_code == 302
    response = dora_client.post(change_url(row), doras)

    assert response.status_code == 200
    assert "Carol Curatrice a enregistré" in str(response.context["adminform"].form.errors)
    row.refresh_from_db()
    assert row.body == "Le texte de Carol."


def test_publishing_from_the_list_refuses_a_change_form_opened_before(
    carol_client, dora_client, text
) -> None:
    text.status = Dossier.Status.DRAFT
    text.save()
    doras = opened(dora_client, text)
    carol_client.post(
        reverse("admin:dossiers_dossier_changelist"),
        {"action": "publish", "_selected_action": [text.pk]},
    )
    text.refresh_from_db()
    assert text.status == Dossier.Status.PUBLISHED

    doras["summary"] = "Le résumé de Dora."
    response = dora_client.post(change_url(text), doras)

    assert response.status_code == 200
    assert "Brouillon → Publié" in str(response.context["adminform"].form.errors)
    # The status she had not touched now shows the published one.
    assert form_data(response)["status"] == "published"
    text.refresh_from_db()
    assert text.status == Dossier.Status.PUBLISHED


def test_a_claim_from_an_older_version_raises_and_writes_nothing(text) -> None:
    first, second = Dossier.objects.get(pk=text.pk), Dossier.objects.get(pk=text.pk)
    first.claim_version(1)
    first.save()
    with pytest.raises(StaleEdit):
        second.claim_version(1)
    assert Dossier.objects.get(pk=text.pk).version == 2


def test_a_word_diff_keeps_a_few_words_around_each_change() -> None:
    old = "Un début assez long pour être coupé. " * 3 + "Le partenariat avance pas à pas. Fin."
    new = old.replace("pas à pas", "lentement")
    pieces = word_diff(old, new)
    assert ("removed", "pas à pas") in pieces and ("added", "lentement") in pieces
    assert pieces[0][1].startswith("…") and len(pieces[0][1]) < 45


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks need PostgreSQL (SQLite writes one at a time)",
)
@pytest.mark.django_db(transaction=True)
def test_curators_saving_one_dossier_at_the_same_moment_keep_exactly_one_save() -> None:
    """Real threads, each with its own connection, as between two web workers: the row
    lock of the version check makes the others wait, then refuse."""
    dossier = DossierFactory(title="Semences paysannes", slug="semences", body=BODY)
    CaseStudyFactory(dossier=dossier, order=1, title="Au Burkina Faso")
    # Superusers: earlier transactional tests flush the Curators group of the data migration.
    clients = [client_for(UserFactory(is_staff=True, is_superuser=True)) for _ in range(6)]
    forms = [opened(client, dossier) for client in clients]
    barrier = threading.Barrier(len(clients))
    statuses: list[int] = [0] * len(clients)
    errors: list[BaseException] = []

    def save(index: int) -> None:
        try:
            forms[index]["title"] = f"Titre {index}"
            barrier.wait()
            statuses[index] = clients[index].post(change_url(dossier), forms[index]).status_code
        except BaseException as error:  # every failure is what the test counts
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(statuses) == [200] * (len(clients) - 1) + [302]
    dossier.refresh_from_db()
    assert (dossier.title, dossier.version) == (f"Titre {statuses.index(302)}", 2)


def test_a_save_that_slipped_past_the_check_is_refused_not_a_500(
    carol_client, text, monkeypatch
) -> None:
    """Where the database takes no row lock (SQLite), a second save at the same moment
    passes the version check; its conditional UPDATE then matches no row (StaleEdit) and
    its transaction is rolled back. The curator gets the refusal with what changed, as
    with a lock, not a 500."""
    form = opened(carol_client, text)
    form["title"] = "Mon titre"
    check, claim = VersionedAdminForm.clean, Dossier.claim_version
    checks: list[int] = []

    def clean(self):
        checks.append(1)
        if len(checks) == 2:  # sent again: the other curator's save is committed by now
            Dossier.objects.filter(pk=text.pk).update(title="Son titre", version=2)
        return check(self)

    def claim_after_the_other_save(self, base):
        if len(checks) == 1:  # the other save came between this check and this save
            raise StaleEdit(self)
        return claim(self, base)

    monkeypatch.setattr(VersionedAdminForm, "clean", clean)
    monkeypatch.setattr(Dossier, "claim_version", claim_after_the_other_save)
    response = carol_client.post(change_url(text), form)
    assert response.status_code == 200
    assert "votre enregistrement est refusé" in response.content.decode()
    text.refresh_from_db()
    assert (text.title, text.version) == ("Son titre", 2)
