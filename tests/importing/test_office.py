"""Word and OpenDocument conversion, checked against the Markdown the office_files were made from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from importing.extraction import ImportRefused
from importing.office import extract_markdown, extract_office
from tests.importing import office_samples

pytestmark = pytest.mark.skipif(
    not __import__("shutil").which("pandoc"), reason="pandoc is not installed"
)


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_every_heading_comes_back_at_its_level(office_files: dict[str, Path], kind: str) -> None:
    extraction = extract_office(str(office_files[kind]), kind)
    found = office_samples.headings_of(extraction.markdown)
    expected = office_samples.HEADINGS
    recovered = sum(1 for heading in expected if heading in found)
    print(f"{kind}: {recovered}/{len(expected)} headings at the right level")
    assert recovered / len(expected) >= 0.95
    assert found == expected


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_the_text_is_the_source_text(office_files: dict[str, Path], kind: str) -> None:
    extraction = extract_office(str(office_files[kind]), kind)
    ratio = office_samples.similarity(extraction.markdown)
    print(f"{kind}: similarity to the source {ratio:.4f}")
    assert ratio >= 0.99


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_lists_emphasis_table_and_footnotes_are_markdown(
    office_files: dict[str, Path], kind: str
) -> None:
    markdown = extract_office(str(office_files[kind]), kind).markdown
    assert "- les ONG d'appui technique ;" in markdown
    assert "1. Renforcer les banques de semences communautaires." in markdown
    assert "*dix ans*" in markdown and "**organisations paysannes**" in markdown
    assert "| Niger | Mooriben | 60000 |" in re.sub(r" +", " ", markdown)
    assert "| Pays | Partenaire | Membres |" in re.sub(r" +", " ", markdown)
    assert "de 2012 à 2022.[^1]" in markdown
    assert "[^1]: Voir le rapport de capitalisation de 2022." in markdown
    assert "[^2]: Rapports 2012 à 2022" in markdown


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_images_are_dropped_with_a_note(office_files: dict[str, Path], kind: str) -> None:
    extraction = extract_office(str(office_files[kind]), kind)
    assert "![" not in extraction.markdown and "carte.png" not in extraction.markdown
    assert extraction.notes == [
        "1 image n'a pas été reprise : ajoutez-la dans l'admin si elle compte."
    ]


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_title_and_authors_come_from_the_document_properties(
    office_files: dict[str, Path], kind: str
) -> None:
    extraction = extract_office(str(office_files[kind]), kind)
    assert extraction.title == office_samples.TITLE
    assert extraction.authors == office_samples.AUTHORS


def test_no_raw_html_comes_out_of_a_word_file(tmp_path: Path) -> None:
    folder = tmp_path / "html"
    folder.mkdir()
    (folder / "source.md").write_text(
        "# Titre\n\nUn <script>alert(1)</script> texte.\n\n<div>bloc</div>\n", encoding="utf-8"
    )
    out = folder / "x.docx"
    import pypandoc

    pypandoc.convert_file(str(folder / "source.md"), "docx", format="markdown", outputfile=str(out))
    markdown = extract_office(str(out), "docx").markdown
    assert "<script>" not in markdown and "<div>" not in markdown


def test_a_zip_bomb_is_refused_before_pandoc_reads_it(tmp_path: Path) -> None:
    bomb = office_samples.zip_bomb(tmp_path)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(ImportRefused, match="bombe"):
        extract_office(str(bomb), "docx")


def test_a_truncated_file_is_refused(office_files: dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="endommagé"):
        extract_office(str(office_samples.truncated(office_files["docx"], tmp_path)), "docx")


def test_markdown_is_taken_as_it_is(office_files: dict[str, Path]) -> None:
    extraction = extract_markdown(str(office_files["md"]))
    assert extraction.markdown == office_samples.BODY


def test_markdown_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes("# Été\n\nDéjà".encode("latin-1"))
    with pytest.raises(ImportRefused, match="UTF-8"):
        extract_markdown(str(path))


def test_a_conversion_over_its_time_limit_is_stopped(office_files, settings) -> None:
    settings.IMPORT_CONVERSION_TIMEOUT = 0.001
    with pytest.raises(ImportRefused, match="trop de temps"):
        extract_office(str(office_files["docx"]), "docx")
