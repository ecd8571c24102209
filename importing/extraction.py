"""What every converter hands to the import: the document as the project's Markdown.

One record for the four formats (PDF, Word, OpenDocument, Markdown), so structure detection
and the preview never depend on where the text came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ImportRefused(Exception):
    """A document the import cannot take; the message is French and shown to the curator."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Extraction:
    """A converted document.

    `markdown` uses `#`/`##`/`###` headings, blank-line separated paragraphs, Markdown lists and
    tables, and `[^n]` footnotes defined at the end. `title` and `authors` come from the
    document's properties or its first page when they can be read there; `notes` says in
    French what was dropped or guessed (an image left out, a table of contents removed).
    """

    markdown: str
    title: str = ""
    authors: list[str] = field(default_factory=list)
    first_page_text: str = ""
    page_count: int = 0
    notes: list[str] = field(default_factory=list)
