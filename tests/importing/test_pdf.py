"""The PDF converter against the sample PDFs built from a known Markdown source."""

from __future__ import annotations

import contextlib
import difflib
import random
import re
import shutil
from pathlib import Path

import pytest
from django.utils import translation

from importing.extraction import Extraction, ImportRefused
from importing.pdf import extract_pdf
from importing.pdf_lines import Line, normalise
from importing.pdf_markdown import Document, build_markdown, read_cover
from importing.pdf_text import join_lines, keeps_hyphen
from tests.importing import pdf_other_producers, pdf_samples
from tests.importing.pdf_sample_text import FOOTER, HEADER, NOTES, SECTIONS


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pdf_samples.Sample | Path]:
    return pdf_samples.build_all(tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="module")
def report(samples) -> pdf_samples.Sample:
    return samples["report"]


@pytest.fixture(scope="module")
def extraction(report) -> Extraction:
    return extract_pdf(report.path)


def flat(text: str) -> str:
    return " ".join(text.split())


def headings(markdown: str) -> list[tuple[int, str]]:
    return [(len(m.group(1)), m.group(2)) for m in re.finditer(r"^(#{1,3}) (.+)$", markdown, re.M)]


def test_it_gives_back_the_source_text_at_least_99_percent(report, extraction):
    ratio = difflib.SequenceMatcher(
        None, flat(report.markdown), flat(extraction.markdown), autojunk=False
    ).ratio()
    assert ratio >= 0.99


def test_it_recovers_every_heading_at_its_level(report, extraction):
    assert headings(extraction.markdown) == report.headings
    assert {level for level, _text in report.headings} == {1, 2}
    assert any(not text[0].isdigit() for _level, text in report.headings)  # unnumbered ones too


def test_it_keeps_each_paragraph_whole_across_lines_and_pages(report, extraction):
    blocks = extraction.markdown.split("\n\n")
    for paragraph in report.paragraphs:
        assert paragraph in blocks


def test_it_leaves_no_running_header_footer_or_page_number(extraction):
    body = extraction.markdown
    assert HEADER not in body
    assert FOOTER not in body
    assert not re.search(r"^Page \d+$|Page \d+", body, re.M)
    assert not re.search(r"^\d+$", body, re.M)


def test_it_mends_words_cut_at_line_ends_and_keeps_real_hyphens(report, extraction):
    assert report.soft_breaks, "the sample cut no word with an added hyphen"
    assert report.hard_breaks, "the sample cut no compound at its own hyphen"
    words = set(re.findall(r"[\w’'-]+", extraction.markdown))
    for word in report.soft_breaks:
        assert word in extraction.markdown
    for compound in report.hard_breaks:
        assert compound in words
    for kept in ("Moyen-Orient", "Est-ce", "c’est-à-dire", "porte-parole", "eux-mêmes"):
        assert kept in extraction.markdown


def test_it_keeps_footnotes_as_markdown_footnotes(extraction):
    for number, text in NOTES.items():
        assert f"[^{number}]: {text}" in extraction.markdown
        assert extraction.markdown.count(f"[^{number}]") == 2  # its reference and its note


def test_it_drops_the_table_of_contents_and_the_cover(extraction):
    assert "Table des matières" not in extraction.markdown
    assert "....." not in extraction.markdown
    assert "Étude de capitalisation" not in extraction.markdown
    assert any("table of contents" in note or "sommaire" in note for note in extraction.notes)


def test_it_spells_ligatures_out_and_makes_no_break_spaces_plain(report, extraction):
    assert "\ufb01" not in extraction.markdown and "\ufb02" not in extraction.markdown
    assert "\u00a0" not in extraction.markdown
    assert "financements" in extraction.markdown and "flexibilité" in extraction.markdown
    assert normalise("ﬁn\u202f; ﬂux\u00a0!") == "fin ; flux !"


def test_it_reads_title_and_authors_from_the_metadata(report, extraction):
    assert extraction.title == report.title
    assert extraction.authors == report.authors
    assert extraction.page_count == report.page_count
    assert "Novembre 2023" in extraction.first_page_text


def test_it_reads_title_and_authors_from_the_first_page_without_metadata(samples):
    sample = samples["no_metadata"]
    result = extract_pdf(sample.path)
    assert result.title == sample.title
    assert result.authors == sample.authors
    assert result.markdown == sample.markdown


@pytest.mark.parametrize("name", ["ragged", "columns"])
def test_ragged_right_and_two_column_layouts_convert_as_their_source(samples, name):
    sample = samples[name]
    assert extract_pdf(sample.path).markdown == sample.markdown


@pytest.mark.parametrize(
    ("dropped", "justify"),
    [
        ({8, 16, 17, 27}, True),
        ({0, 2, 11, 17}, True),
        ({1, 2, 5, 8, 10, 11, 12, 13, 15, 22, 26}, False),
    ],
    ids=["a-heading-alone", "a-line-alone", "a-list-item-then-a-paragraph"],
)
def test_a_column_holding_little_is_still_a_column(tmp_path, dropped, justify):
    # Found by random mixes of the sections: a right column holding only a heading, or the
    # last line of a paragraph, was not taken for a column and its words were read into the
    # left column's lines; a one-line list item ran into the paragraph after it.
    sections = [
        (k, pdf_samples.MARKER.sub("", t)) for i, (k, t) in enumerate(SECTIONS) if i not in dropped
    ]
    sample = pdf_samples.build_report(tmp_path / "h.pdf", sections, justify=justify, columns=2)
    assert extract_pdf(sample.path).markdown == sample.markdown


@pytest.mark.parametrize("count", [8, 12])
def test_a_short_two_column_body_between_one_column_pages_converts_as_its_source(tmp_path, count):
    # One-column pages give « footer   Page 2 » as one line, two-column ones as two: the
    # footer is known by its cells too. Ragged text carries a long line on across a break.
    sections = [(kind, pdf_samples.MARKER.sub("", text)) for kind, text in SECTIONS[:count]]
    sample = pdf_samples.build_report(tmp_path / "c.pdf", sections, justify=False, columns=2)
    assert extract_pdf(sample.path).markdown == sample.markdown


def test_it_converts_the_40_page_sample_as_its_source(samples):
    sample = samples["long"]
    assert sample.page_count >= 40
    assert extract_pdf(sample.path).markdown == sample.markdown


@pytest.mark.skipif(
    not Path(pdf_other_producers.CHROMIUM).exists(), reason="Debian's Chromium absent"
)
def test_it_converts_a_pdf_printed_by_chromium_as_its_source(tmp_path):
    sample = pdf_other_producers.build_chromium_report(tmp_path / "chromium.pdf")
    result = extract_pdf(sample.path)
    assert result.markdown == sample.markdown  # Chromium's date, title, address, « 1/8 » gone
    assert result.title == sample.title


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice absent")
def test_a_pdf_exported_by_libreoffice_keeps_its_headings_notes_and_words(tmp_path):
    from tests.importing import office_samples

    sample = pdf_other_producers.build_libreoffice_report(tmp_path)
    result = extract_pdf(sample.path)
    assert headings(result.markdown) == sample.headings  # the title line is not a heading
    assert (result.title, result.authors) == (sample.title, sample.authors)
    assert "[^1]: Voir le rapport de capitalisation de 2022." in result.markdown
    assert "[^2]: Rapports 2012 à 2022, archives du service Afrique." in result.markdown
    assert (
        "| Pays | Partenaire | Membres |\n|---|---|---|\n| Mali | AOPP | 12000 |" in result.markdown
    )
    # Emphasis is not recovered from a PDF: words, not markup.
    assert office_samples.similarity(result.markdown) >= 0.97


def test_a_pdf_locked_only_by_its_owner_is_read_with_a_note(samples):
    sample = samples["owner_locked"]
    result = extract_pdf(sample.path)
    assert result.markdown == sample.markdown
    assert len(result.notes) == 4


@pytest.mark.parametrize(
    ("name", "french"),
    [
        ("encrypted", "ce PDF est protégé par un mot de passe"),
        (
            "image_only",
            "ce PDF ne contient que des images — il faut d'abord le passer à la "
            "reconnaissance de caractères",
        ),
        ("blank", "ce PDF ne contient aucun texte"),
        ("truncated", "ce PDF est incomplet"),
        ("corrupt", "ce PDF est endommagé ou incomplet"),
        ("not_a_pdf", "ce fichier n’est pas un PDF"),
    ],
)
def test_it_refuses_bad_files_in_french(samples, name, french):
    with translation.override("fr"), pytest.raises(ImportRefused) as refused:
        extract_pdf(samples[name])
    assert refused.value.message.startswith(french)
    if name == "image_only":
        assert refused.value.message == french


def test_it_refuses_more_pages_than_the_cap(samples, settings):
    settings.IMPORT_PDF_MAX_PAGES = 3
    with translation.override("fr"), pytest.raises(ImportRefused) as refused:
        extract_pdf(samples["report"].path)
    assert f"{samples['report'].page_count} pages" in refused.value.message


def test_it_stops_a_conversion_that_takes_too_long(samples, settings):
    settings.IMPORT_PDF_MAX_SECONDS = 0
    with pytest.raises(ImportRefused):
        extract_pdf(samples["report"].path)


def test_no_exception_but_import_refused_escapes_on_damaged_files(samples, tmp_path):
    data = samples["report"].path.read_bytes()
    rng = random.Random(13)  # noqa: S311 the same damage on every run
    for attempt in range(12):
        damaged = bytearray(data)
        start = rng.randrange(len(data))
        for at in range(start, min(len(data), start + rng.choice([1, 16, 400]))):
            damaged[at] = rng.randrange(256)
        path = tmp_path / f"damaged-{attempt}.pdf"
        path.write_bytes(bytes(damaged))
        with contextlib.suppress(ImportRefused):
            assert isinstance(extract_pdf(path), Extraction)


@pytest.mark.parametrize(
    ("left", "right", "kept"),
    [
        ("parte-", "nariat", False),
        ("Moyen-", "Orient", True),
        ("est-", "ce", True),
        ("c’est-", "à-dire", True),
        ("quarante-", "deux", True),
        ("porte-", "parole", True),
        ("accompa-", "gnement", False),
        ("diffici-", "les", False),
    ],
)
def test_it_tells_a_cut_word_from_a_compound(left, right, kept):
    assert keeps_hyphen(left, right, set(), set()) is kept


def test_the_document_itself_decides_a_cut_it_writes_elsewhere():
    assert join_lines(["un mot-", "clé"], set(), {"mot-clé"}) == "un mot-clé"
    assert join_lines(["la sous-", "traitance"], {"soustraitance"}, set()) == "la soustraitance"
    assert join_lines(["un parte\u00ad", "nariat"]) == "un partenariat"


def lines_at(texts: list[str], *, top: float, size: float, bold: bool) -> list[Line]:
    step = size * 1.35
    return [
        Line(t, 72, 523, top + i * step, top + i * step + size * 1.16, size, bold, 0)
        for i, t in enumerate(texts)
    ]


def test_a_paragraph_set_in_bold_stays_a_paragraph_and_a_short_bold_line_is_a_heading():
    lead = [
        "Une introduction en gras",
        "sur plusieurs lignes qui",
        "forment un paragraphe",
        "entier.",
    ]
    page = [
        *lines_at(["Un titre court"], top=100, size=10.5, bold=True),
        *lines_at(lead, top=130, size=10.5, bold=True),
        *lines_at(["Le texte courant suit.", "Il est en romain."], top=200, size=10.5, bold=False),
    ]
    markdown = build_markdown(Document(pages=[page], heights=[842.0]), 10.5)
    assert markdown.split("\n\n")[:2] == ["# Un titre court", " ".join(lead)]


def test_a_line_set_like_the_body_but_numbered_two_deep_is_a_heading():
    page = [
        *lines_at(["1. Contexte"], top=100, size=16, bold=True),
        *lines_at(["Un paragraphe qui ouvre la partie."], top=130, size=10.5, bold=False),
        *lines_at(["1.1 Les partenaires locaux"], top=160, size=10.5, bold=False),
        *lines_at(["1.1.1 Au Mali"], top=190, size=10.5, bold=False),
        *lines_at(
            ["Le texte courant suit.", "1.2 millions de membres."], top=220, size=10.5, bold=False
        ),
    ]
    blocks = build_markdown(Document(pages=[page], heights=[842.0]), 10.5).strip().split("\n\n")
    assert blocks[:4] == [
        "# 1. Contexte",
        "Un paragraphe qui ouvre la partie.",
        "## 1.1 Les partenaires locaux",
        "### 1.1.1 Au Mali",
    ]
    assert (
        blocks[4] == "Le texte courant suit. 1.2 millions de membres."
    )  # a sentence, not a heading


def test_notes_at_the_bodys_size_are_known_by_their_raised_number():
    ref = "\ue0001\ue001"
    page = [
        *lines_at(["Un titre"], top=100, size=16, bold=True),
        *lines_at(
            [f"Le texte appelle une note{ref}.", "Il continue."], top=130, size=12, bold=False
        ),
        *lines_at(
            [f"{ref} La note, au corps du texte,", "sur deux lignes."], top=700, size=12, bold=False
        ),
    ]
    markdown = build_markdown(Document(pages=[page], heights=[842.0]), 12)
    assert markdown == (
        "# Un titre\n\nLe texte appelle une note[^1]. Il continue.\n\n"
        "[^1]: La note, au corps du texte, sur deux lignes.\n"
    )


def row(cells: list[tuple[float, str]], top: float) -> Line:
    text = " ".join(t for _x, t in cells)
    return Line(text, cells[0][0], 400, top, top + 12, 10.5, False, 0, cells=tuple(cells))


def test_rows_whose_cells_line_up_are_a_table_and_stretched_lines_are_not():
    page = [
        *lines_at(["Un titre"], top=100, size=16, bold=True),
        row([(72, "Pays"), (200, "Membres")], 130),
        row([(72, "Mali"), (200, "12 000")], 145),
        row([(72, "Niger"), (200.5, "60 000 | env.")], 160),
        *lines_at(["Un paragraphe après le tableau."], top=190, size=10.5, bold=False),
        row([(72, "Texte très"), (250, "étiré sur la ligne,")], 220),
        row([(72, "puis"), (190, "une autre ligne étirée.")], 234),
    ]
    blocks = build_markdown(Document(pages=[page], heights=[842.0]), 10.5).strip().split("\n\n")
    assert (
        blocks[1] == "| Pays | Membres |\n|---|---|\n| Mali | 12 000 |\n| Niger | 60 000 \\| env. |"
    )
    assert blocks[2] == "Un paragraphe après le tableau."
    assert blocks[3] == "Texte très étiré sur la ligne, puis une autre ligne étirée."


def test_a_first_page_whose_largest_line_comes_late_keeps_its_text():
    page = [
        *lines_at(
            [f"Ligne {n} du texte courant, assez longue pour compter." for n in range(12)],
            top=100,
            size=10.5,
            bold=False,
        ),
        *lines_at(["Un grand titre plus bas"], top=300, size=20, bold=True),
    ]
    doc = Document(pages=[page, list(page)], heights=[842.0, 842.0])
    read_cover(doc, 10.5, "", [])
    assert doc.pages[0] == page and doc.title == ""
