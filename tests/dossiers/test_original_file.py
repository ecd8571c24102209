"""A dossier's original file is checked by its content, not only by its name: a file named
.pdf that is not a PDF is refused with a French message, in the admin as everywhere."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from dossiers.models import Dossier

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n% un vrai PDF\n%%EOF\n"
NOT_A_PDF = b"<html><script>alert(1)</script></html>"
REFUSED = "n’est pas un PDF"


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path


def admin_change(carol_client, dossier: Dossier, upload: SimpleUploadedFile):
    change_url = f"/admin/dossiers/dossier/{dossier.pk}/change/"
    form = carol_client.get(change_url).context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if value is not None and key not in ("tags", "authors", "regions", "themes")
    }
    data["original_file"] = upload
    for prefix in ("case_studies", "recommendations", "questions"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    return carol_client.post(change_url, data)


def test_a_file_named_pdf_that_is_not_one_is_refused(dossier) -> None:
    dossier.original_file = SimpleUploadedFile("rapport.pdf", NOT_A_PDF)
    with pytest.raises(ValidationError) as refusal:
        dossier.full_clean()
    assert REFUSED in " ".join(refusal.value.message_dict["original_file"])


def test_a_pdf_is_accepted(dossier) -> None:
    dossier.original_file = SimpleUploadedFile("rapport.pdf", PDF)
    dossier.full_clean()


def test_the_admin_refuses_a_fake_pdf_in_french(carol_client, dossier) -> None:
    response = admin_change(carol_client, dossier, SimpleUploadedFile("rapport.pdf", NOT_A_PDF))
    assert response.status_code == 200
    assert REFUSED in " ".join(response.context["adminform"].form.errors["original_file"])
    dossier.refresh_from_db()
    assert not dossier.original_file


def test_the_admin_stores_a_real_pdf(carol_client, dossier) -> None:
    response = admin_change(carol_client, dossier, SimpleUploadedFile("rapport.pdf", PDF))
    assert response.status_code == 302, response.context["adminform"].form.errors
    dossier.refresh_from_db()
    with dossier.original_file.open("rb") as stored:
        assert stored.read() == PDF


def test_a_stored_file_is_not_read_again_when_the_dossier_is_saved(dossier) -> None:
    """Its content was checked on upload; a missing file must not block other edits."""
    dossier.original_file.name = "dossiers/originaux/disparu.pdf"
    dossier.full_clean()
