"""The sample dossier through other producers' hands: printed by Chromium, exported by LibreOffice.

Each lays text out its own way (fonts, glyph runs, running header and footer, notes at the
body's size), so the converter is not only tried on the layouts of tests/importing/pdf_samples.py.
Each builder returns None when its program is not installed.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

from tests.importing.pdf_sample_text import TITLE
from tests.importing.pdf_samples import MARKER, Sample, block_markdown, long_sections, markdown_of

CHROMIUM = "/usr/bin/chromium"


def _html(kind: str, text: str) -> str:
    if kind == "ul":
        return f"<ul><li>{html.escape(text)}</li></ul>\n"
    if kind == "ol":
        number, text = text.split(". ", 1)
        return f"<ol start='{number}'><li>{html.escape(text)}</li></ol>\n"
    return f"<{kind}>{html.escape(text)}</{kind}>\n"


def build_chromium_report(path: Path, pages: int = 8) -> Sample | None:
    """The sample's body (no notes) printed to PDF by Chromium, another producer's layout:
    its own fonts and glyph runs, its running header (date, title) and footer (address,
    « 1/8 »). None when Debian's Chromium is not installed."""
    if not Path(CHROMIUM).exists():
        return None
    sections = [(kind, MARKER.sub("", text)) for kind, text in long_sections(pages)]
    page = path.with_suffix(".html")
    body = "".join(_html(kind, text) for kind, text in sections)
    page.write_text(
        f"<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>{html.escape(TITLE)}"
        "</title><style>body{font:11pt 'DejaVu Serif',serif;text-align:justify}"
        f"h1{{font-size:18pt}}h2{{font-size:13pt}}ul,ol{{margin:0}}ul{{list-style-type:'•  '}}</style></head><body>{body}</body></html>",
        encoding="utf-8",
    )
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        f"--print-to-pdf={path}",
        page.as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=True)  # noqa: S603 our own page
    sample = Sample(path=path, markdown=markdown_of(sections), running=[TITLE, "file://"])
    sample.headings = [(int(k[1]), t) for k, t in sections if k.startswith("h")]
    sample.paragraphs = [block_markdown(k, t) for k, t in sections if not k.startswith("h")]
    sample.authors = []
    return sample


def build_libreoffice_report(folder: Path) -> Sample | None:
    """The Word sample of tests/importing/office_samples.py exported to PDF by LibreOffice:
    a real word processor's layout, its notes at the body's size. None without LibreOffice."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    from tests.importing import office_samples

    docx = office_samples.build("docx", folder)
    command = [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)]
    subprocess.run(command, capture_output=True, timeout=180, check=True)  # noqa: S603 our file
    body = office_samples.BODY
    sample = Sample(path=docx.with_suffix(".pdf"), markdown=body, title=office_samples.TITLE)
    sample.authors = list(office_samples.AUTHORS)
    sample.headings = list(office_samples.HEADINGS)
    blocks = [b for b in body.split("\n\n") if not b.startswith(("#", "[^", "|", "!"))]
    # A list is one block in Markdown, one paragraph per item in the PDF's reading.
    items = [b.splitlines() if re.match(r"(- |\d+\. )", b) else [b] for b in blocks]
    sample.paragraphs = [item for block in items for item in block]
    sample.running = []
    return sample
