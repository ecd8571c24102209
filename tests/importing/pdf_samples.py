"""Sample PDFs for the PDF import, built with reportlab from a known Markdown source.

`build_report` lays a dossier out the way real reports are: a cover page, a table of contents
page, running headers and footers with page numbers, justified paragraphs hyphenated at line
ends, two heading levels (numbered and not), footnotes at the foot of their page, « ﬁ »/« ﬂ »
ligature glyphs and non-breaking spaces in French punctuation. It returns a `Sample` holding
the Markdown the PDF was made from, so tests and the bench compare the extraction with it.
The layout is our own (not platypus) so the sample knows exactly which words it cut.

    .venv/bin/python -m tests.importing.pdf_samples /tmp/samples     writes every sample
"""

from __future__ import annotations

import io
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from tests.importing.pdf_sample_text import AUTHORS, FOOTER, HEADER, NOTES, SECTIONS, TITLE

# Bitstream Vera ships with reportlab: the same font on every machine, with ﬁ/ﬂ and U+00A0.
_FONT_DIR = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
REGULAR, BOLD = "SampleVera", "SampleVeraBold"
pdfmetrics.registerFont(TTFont(REGULAR, os.path.join(_FONT_DIR, "Vera.ttf")))
pdfmetrics.registerFont(TTFont(BOLD, os.path.join(_FONT_DIR, "VeraBd.ttf")))

PAGE_W, PAGE_H = A4
LEFT = RIGHT = 72.0
TOP, BOTTOM = 80.0, 72.0
BODY_W = PAGE_W - LEFT - RIGHT
GUTTER = 24.0  # between two columns

# kind: (font, size, leading, space before, space after)
STYLES = {
    "h1": (BOLD, 16.0, 21.0, 16.0, 8.0),
    "h2": (BOLD, 12.5, 17.0, 10.0, 5.0),
    "p": (REGULAR, 10.5, 14.0, 0.0, 7.0),
    "ul": (REGULAR, 10.5, 14.0, 0.0, 4.0),  # a bulleted item
    "ol": (REGULAR, 10.5, 14.0, 0.0, 4.0),  # a numbered item, its text starting « 1. »
}
INDENT = 16.0  # of a list item's text, after its bullet or number
NOTE_SIZE, NOTE_LEADING, MARKER_SIZE = 8.0, 10.0, 6.5
MARKER = re.compile(r"\[\^(\d+)\]")


@dataclass
class Sample:
    """A generated PDF and what it was made from."""

    path: Path
    markdown: str
    title: str = TITLE
    authors: list[str] = field(default_factory=lambda: list(AUTHORS))
    headings: list[tuple[int, str]] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    running: list[str] = field(default_factory=lambda: [HEADER, FOOTER])
    soft_breaks: list[str] = field(default_factory=list)  # words cut with an added hyphen
    hard_breaks: list[str] = field(default_factory=list)  # compounds cut at their own hyphen
    page_count: int = 0


@dataclass
class _Page:
    ops: list[tuple[str, float, float, float, str]] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)
    notes_height: float = 0.0


def _display(text: str) -> str:
    """What the PDF shows of a source text: ligature glyphs, non-breaking spaces."""
    text = re.sub(r" ([:;?!»])", "\u00a0\\1", text).replace("« ", "«\u00a0")
    return text.replace("fi", "\ufb01").replace("fl", "\ufb02")


def _width(text: str, font: str, size: float) -> float:
    parts = MARKER.split(text)
    width = 0.0
    for index, part in enumerate(parts):
        if index % 2:
            width += pdfmetrics.stringWidth(part, REGULAR, MARKER_SIZE)
        else:
            width += pdfmetrics.stringWidth(_display(part), font, size)
    return width


def _cut(word: str, room: float, font: str, size: float) -> tuple[str, str, bool] | None:
    """Split a word that does not fit into (left with its hyphen, rest, soft?), or None."""
    if "-" in word.strip("-"):
        left, _, rest = word.partition("-")
        if left and _width(left + "-", font, size) <= room:
            return left + "-", rest, False
    letters = re.fullmatch(r"([(«]?)(\w{8,})(\W*)", word)
    if not letters:
        return None
    core = letters.group(2)
    for at in range(len(core) - 3, 3, -1):
        if core[at - 1] in "aeiouéèy" and core[at] not in "aeiouéèy" and core[at + 1] in "aeiouéè":
            left = letters.group(1) + core[:at] + "-"
            if _width(left, font, size) <= room:
                return left, core[at:] + letters.group(3), True
    return None


def _break_lines(
    text: str, font: str, size: float, sample: Sample | None, width: float = BODY_W
) -> list[list[str]]:
    space = pdfmetrics.stringWidth(" ", font, size)
    lines: list[list[str]] = [[]]
    used = 0.0
    words = text.split(" ")
    while words:
        word = words.pop(0)
        gap = space if lines[-1] else 0.0
        word_width = _width(word, font, size)
        if used + gap + word_width <= width:
            lines[-1].append(word)
            used += gap + word_width
            continue
        cut = _cut(word, width - used - gap, font, size) if sample is not None else None
        if cut:
            left, rest, soft = cut
            lines[-1].append(left)
            words.insert(0, rest)
            whole = MARKER.sub("", left[:-1] + (rest if soft else "-" + rest))
            (sample.soft_breaks if soft else sample.hard_breaks).append(whole.strip(".,;:?!"))
        else:
            words.insert(0, word)
        lines.append([])
        used = 0.0
    return [line for line in lines if line]


class _Layout:
    """Places headings, paragraphs and their notes on body pages, top to bottom."""

    def __init__(self, sample: Sample, justify: bool, columns: int = 1) -> None:
        self.sample = sample
        self.justify = justify
        self.columns = columns
        self.column = 0
        self.width = (BODY_W - GUTTER * (columns - 1)) / columns
        self.pages: list[_Page] = []
        self.y = 0.0
        self.headings: list[tuple[int, str, int]] = []  # level, text, page number
        self._new_page()

    def _new_page(self) -> None:
        if self.pages and self.column + 1 < self.columns:
            self.column += 1
        else:
            self.pages.append(_Page())
            self.column = 0
        self.y = PAGE_H - TOP

    def _room(self) -> float:
        return self.y - BOTTOM - self.pages[-1].notes_height

    def _note_height(self, number: int) -> float:
        lines = _break_lines(f"{number} {NOTES[number]}", REGULAR, NOTE_SIZE, None)
        return len(lines) * NOTE_LEADING + (6.0 if not self.pages[-1].notes else 0.0)

    def block(self, kind: str, text: str, first_page: int) -> None:
        font, size, leading, before, after = STYLES[kind]
        heading = kind.startswith("h")
        marker, indent = "", 0.0
        if kind in ("ul", "ol"):
            marker, text = ("•", text) if kind == "ul" else text.split(" ", 1)
            indent = INDENT
        sample = None if heading else self.sample
        lines = _break_lines(text, font, size, sample, self.width - indent)
        if heading:
            if self._room() < before + leading * 3:  # no heading alone at a page's foot
                self._new_page()
            level = int(kind[1])
            self.headings.append((level, text, first_page + len(self.pages) - 1))
        if self.y < PAGE_H - TOP:
            self.y -= before
        for index, words in enumerate(lines):
            markers = [int(n) for n in MARKER.findall(" ".join(words))]
            needed = leading + sum(self._note_height(n) for n in markers)
            if self._room() < needed:
                self._new_page()
            self.y -= leading
            last = index == len(lines) - 1
            if marker and index == 0:
                self.pages[-1].ops.append((font, size, self._x(), self.y, marker))
            self._words(words, font, size, self.justify and not heading and not last, indent)
            for number in markers:
                self.pages[-1].notes_height += self._note_height(number)
                self.pages[-1].notes.append(number)
        self.y -= after

    def _x(self) -> float:
        return LEFT + self.column * (self.width + GUTTER)

    def _words(
        self, words: list[str], font: str, size: float, justify: bool, indent: float = 0.0
    ) -> None:
        natural = sum(_width(w, font, size) for w in words)
        space = pdfmetrics.stringWidth(" ", font, size)
        gap = space
        if justify and len(words) > 1:
            gap = (self.width - indent - natural) / (len(words) - 1)
        x = self._x() + indent
        for word in words:
            for index, part in enumerate(MARKER.split(word)):
                if index % 2:
                    self.pages[-1].ops.append((REGULAR, MARKER_SIZE, x, self.y + 4, part))
                    x += pdfmetrics.stringWidth(part, REGULAR, MARKER_SIZE)
                elif part:
                    shown = _display(part)
                    self.pages[-1].ops.append((font, size, x, self.y, shown))
                    x += pdfmetrics.stringWidth(shown, font, size)
            x += gap


def _draw_notes(canvas: Canvas, page: _Page) -> None:
    if not page.notes:
        return
    y = BOTTOM + page.notes_height - 2
    canvas.setLineWidth(0.5)
    canvas.line(LEFT, y, LEFT + 120, y)
    y -= 4
    for number in page.notes:
        for index, words in enumerate(_break_lines(NOTES[number], REGULAR, NOTE_SIZE * 1.0, None)):
            y -= NOTE_LEADING
            x = LEFT + 8
            if index == 0:
                canvas.setFont(REGULAR, MARKER_SIZE)
                canvas.drawString(LEFT, y + 3, str(number))
            canvas.setFont(REGULAR, NOTE_SIZE)
            canvas.drawString(x, y, _display(" ".join(words)))


def _draw_running(canvas: Canvas, number: int) -> None:
    canvas.setFont(REGULAR, 8)
    canvas.drawString(LEFT, PAGE_H - 48, HEADER)
    canvas.setLineWidth(0.3)
    canvas.line(LEFT, PAGE_H - 52, PAGE_W - RIGHT, PAGE_H - 52)
    canvas.drawString(LEFT, 40, _display(FOOTER))
    canvas.drawRightString(PAGE_W - RIGHT, 40, f"Page {number}")


def _draw_cover(canvas: Canvas, title: str, authors: list[str]) -> None:
    canvas.setFont(BOLD, 24)
    y = PAGE_H - 260
    for words in _break_lines(title, BOLD, 24, None):
        canvas.drawString(LEFT, y, _display(" ".join(words)))
        y -= 30
    canvas.setFont(REGULAR, 13)
    canvas.drawString(LEFT, y - 30, "Étude de capitalisation")
    canvas.drawString(LEFT, y - 60, "Par " + " et ".join(authors))
    canvas.drawString(LEFT, y - 80, "Novembre 2023")


def _draw_toc(canvas: Canvas, headings: list[tuple[int, str, int]]) -> None:
    canvas.setFont(BOLD, 16)
    canvas.drawString(LEFT, PAGE_H - TOP - 20, "Table des matières")
    y = PAGE_H - TOP - 56
    for level, text, page in headings[:40]:
        canvas.setFont(BOLD if level == 1 else REGULAR, 10.5)
        x = LEFT + (0 if level == 1 else 16)
        shown = _display(text)
        canvas.drawString(x, y, shown)
        end = x + pdfmetrics.stringWidth(shown, canvas._fontname, 10.5)
        dots = int((PAGE_W - RIGHT - 24 - end) / pdfmetrics.stringWidth(".", REGULAR, 10.5))
        canvas.setFont(REGULAR, 10.5)
        canvas.drawString(end + 4, y, "." * max(dots, 3))
        canvas.drawRightString(PAGE_W - RIGHT, y, str(page))
        y -= 15


def block_markdown(kind: str, text: str) -> str:
    if kind.startswith("h"):
        return "#" * int(kind[1]) + " " + text
    return "- " + text if kind == "ul" else text


def markdown_of(sections: list[tuple[str, str]]) -> str:
    parts = []
    for kind, text in sections:
        parts.append(block_markdown(kind, text))
    numbers = [int(n) for _kind, text in sections for n in MARKER.findall(text)]
    parts.extend(f"[^{n}]: {NOTES[n]}" for n in numbers)
    return "\n\n".join(parts) + "\n"


def build_report(
    path: Path,
    sections: list[tuple[str, str]] | None = None,
    *,
    metadata: bool = True,
    justify: bool = True,
    columns: int = 1,
    encrypt: StandardEncryption | None = None,
) -> Sample:
    """The sample dossier as a PDF at `path` (cover, contents, body with notes)."""
    sections = sections if sections is not None else SECTIONS
    sample = Sample(path=path, markdown=markdown_of(sections))
    sample.headings = [(int(k[1]), t) for k, t in sections if k.startswith("h")]
    sample.paragraphs = [block_markdown(k, t) for k, t in sections if not k.startswith("h")]
    layout = _Layout(sample, justify, columns)
    for kind, text in sections:
        layout.block(kind, text, first_page=3)
    canvas = Canvas(str(path), pagesize=A4, encrypt=encrypt, invariant=True)
    if metadata:
        canvas.setTitle(TITLE)
        canvas.setAuthor(", ".join(AUTHORS))
    _draw_cover(canvas, TITLE, AUTHORS)
    canvas.showPage()
    _draw_toc(canvas, layout.headings)
    _draw_running(canvas, 2)
    canvas.showPage()
    for number, page in enumerate(layout.pages, start=3):
        for font, size, x, y, text in page.ops:
            canvas.setFont(font, size)
            canvas.drawString(x, y, text)
        _draw_notes(canvas, page)
        _draw_running(canvas, number)
        canvas.showPage()
    canvas.save()
    sample.page_count = 2 + len(layout.pages)
    return sample


def long_sections(pages: int = 40) -> list[tuple[str, str]]:
    """The sample's body repeated, headings renumbered, to fill about `pages` pages."""
    body = [s for s in SECTIONS if not MARKER.search(s[1])]  # notes are numbered once
    out: list[tuple[str, str]] = []
    for round_ in range(max(1, round((pages - 2) / 1.75))):
        for kind, text in body:
            if kind.startswith("h"):
                shift = 2 * round_
                text = re.sub(r"^(\d+)", lambda m, shift=shift: str(int(m.group(1)) + shift), text)
                text = f"{text} ({round_ + 1})" if not text[0].isdigit() else text
            out.append((kind, text))
    return out


def build_two_columns(path: Path) -> Sample:
    """The body in two justified columns (no notes: they would span both)."""
    sections = [(kind, MARKER.sub("", text)) for kind, text in SECTIONS]
    return build_report(path, sections + long_sections(4), columns=2)


def build_long_report(path: Path, pages: int = 40) -> Sample:
    return build_report(path, long_sections(pages))


def build_encrypted(path: Path) -> Path:
    """Opens only with a password (« secret »)."""
    build_report(path, encrypt=StandardEncryption("secret", ownerPassword="owner", strength=128))
    return path


def build_owner_locked(path: Path) -> Sample:
    """Encrypted with an empty user password: any reader opens it, as our import should."""
    return build_report(path, encrypt=StandardEncryption("", ownerPassword="owner", canCopy=0))


def build_image_only(path: Path, pages: int = 2) -> Path:
    """A scan: each page one picture of text, no text layer."""
    from PIL import Image, ImageDraw

    canvas = Canvas(str(path), pagesize=A4, invariant=True)
    for number in range(pages):
        image = Image.new("L", (600, 800), 255)
        draw = ImageDraw.Draw(image)
        for row in range(30):
            draw.text((40, 40 + row * 24), f"Page {number + 1}, ligne {row + 1} : texte scanné", 0)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        buffer.seek(0)
        canvas.drawImage(ImageReader(buffer), 0, 0, PAGE_W, PAGE_H)
        canvas.showPage()
    canvas.save()
    return path


def build_blank(path: Path) -> Path:
    """Two pages with nothing on them but a rule: no text, no image."""
    canvas = Canvas(str(path), pagesize=A4, invariant=True)
    for _ in range(2):
        canvas.line(LEFT, PAGE_H / 2, PAGE_W - RIGHT, PAGE_H / 2)
        canvas.showPage()
    canvas.save()
    return path


def build_truncated(path: Path, source: Path) -> Path:
    """The first half of a good PDF, as an interrupted download leaves it."""
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def build_corrupt(path: Path, source: Path) -> Path:
    """A good PDF's header and end around bytes overwritten with noise."""
    data = bytearray(source.read_bytes())
    for at in range(200, len(data) - 200):
        data[at] = (at * 131 + 7) % 256
    path.write_bytes(bytes(data))
    return path


def build_not_a_pdf(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 60 + "Ceci n’est pas un PDF.".encode())
    return path


def build_all(folder: Path) -> dict[str, Sample | Path]:
    folder.mkdir(parents=True, exist_ok=True)
    report = build_report(folder / "rapport.pdf")
    return {
        "report": report,
        "no_metadata": build_report(folder / "sans-metadonnees.pdf", metadata=False),
        "ragged": build_report(folder / "non-justifie.pdf", justify=False),
        "columns": build_two_columns(folder / "deux-colonnes.pdf"),
        "long": build_long_report(folder / "rapport-40-pages.pdf"),
        "encrypted": build_encrypted(folder / "chiffre.pdf"),
        "owner_locked": build_owner_locked(folder / "verrouille.pdf"),
        "image_only": build_image_only(folder / "scan.pdf"),
        "blank": build_blank(folder / "vide.pdf"),
        "truncated": build_truncated(folder / "tronque.pdf", report.path),
        "corrupt": build_corrupt(folder / "corrompu.pdf", report.path),
        "not_a_pdf": build_not_a_pdf(folder / "pas-un-pdf.pdf"),
    }


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/pdf-samples")  # noqa: S108 a place to look at them
    for name, made in build_all(target).items():
        print(name, made.path if isinstance(made, Sample) else made)
