from __future__ import annotations

import re

import pytest

from dossiers.markdown import html_text, render_markdown, sanitise_html


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "Bonjour <img src=x onerror=alert(1)>",
        "[clic](javascript:alert(1))",
        '<a href="javascript:alert(1)" onclick="x()">lien</a>',
        "<iframe src='https://evil.example'></iframe>",
        "![image](data:image/svg+xml;base64,PHN2Zz4=)",
        "[a](JaVaScRiPt:alert(1))",
        "<div onmouseover='x()'>survol</div>",
    ],
)
def test_it_strips_scripts_event_attributes_and_dangerous_links(source: str) -> None:
    html = render_markdown(source).html.lower()
    tags = re.findall(r"<[a-z][^>]*>", html)
    assert not [t for t in tags if re.search(r"\son\w+\s*=", t)]
    assert not [t for t in tags if t.startswith(("<script", "<iframe", "<img"))]
    assert not [t for t in tags if "javascript:" in t or "data:" in t]


def test_raw_html_is_shown_as_text_not_interpreted() -> None:
    html = render_markdown("<b onclick='x()'>gras</b>").html
    assert "<b" not in html
    assert "&lt;b" in html


def test_it_keeps_ordinary_markdown() -> None:
    html = render_markdown("## Titre\n\n**gras** et [lien](https://ccfd.example)").html
    assert "<strong>gras</strong>" in html
    assert 'href="https://ccfd.example"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_headings_get_unique_ids_for_the_table_of_contents() -> None:
    rendered = render_markdown(
        "## Les enjeux\n\ntexte\n\n## Les enjeux\n\n# Grand titre", heading_ids=True
    )
    anchors = [h.anchor for h in rendered.headings]
    assert anchors == ["les-enjeux", "les-enjeux-2", "grand-titre"]
    assert '<h2 id="les-enjeux-2">' in rendered.html
    assert "<h1" not in rendered.html


def test_comment_headings_get_no_ids() -> None:
    assert "id=" not in render_markdown("## Titre").html


def test_text_content_matches_what_the_browser_sees() -> None:
    html = render_markdown("## Été\n\nL’&amp; « réciprocité » 🌍 **ici**").html
    assert html_text(html) == "Été\nL’& « réciprocité » 🌍 ici\n"


def test_a_body_renders_its_footnotes_as_numbered_notes_at_the_end() -> None:
    html = render_markdown(
        "Un partenariat[^1] qui dure.\n\n[^1]: Depuis *2008*.\n", notes_id="dossier7"
    ).html
    assert '<sup class="footnote-ref"><a href="#fn-dossier7-1" id="fnref-dossier7-1"' in html
    assert '<li id="fn-dossier7-1" class="footnote-item"><p>Depuis <em>2008</em>.' in html
    assert "[^1]" not in html


def test_footnotes_of_two_bodies_do_not_share_anchors() -> None:
    first = render_markdown("A[^1].\n\n[^1]: a.", notes_id="casestudy1").html
    second = render_markdown("B[^1].\n\n[^1]: b.", notes_id="casestudy2").html
    assert 'id="fn-casestudy1-1"' in first and 'id="fn-casestudy2-1"' in second


def test_messages_take_no_footnotes_nor_any_class_or_id() -> None:
    html = render_markdown("Voir[^1].\n\n[^1]: ici.").html
    assert "footnote" not in html and " id=" not in html
    # Classes and ids are kept only as the footnotes write them.
    html = sanitise_html('<p class="x"><a id="y" class="evil" href="#z">z</a></p>')
    assert 'class="x"' not in html and 'class="evil"' not in html
