"""Sample Word and OpenDocument files, written by pandoc from a known Markdown source.

The source has what real dossiers have: a title and authors in the document's properties,
three heading levels, emphasis, a bulleted and a numbered list, a table, two footnotes, an
image, a case study section, recommendations and questions. Tests convert the files back
and compare the result with SOURCE.

    .venv/bin/python tests/importing/office_samples.py /tmp/samples     writes the samples
"""

from __future__ import annotations

import difflib
import re
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import pypandoc

TITLE = "Semences paysannes au Sahel : dix ans de partenariat"
AUTHORS = ["Awa Diallo", "Jean Martin"]

BODY = """\
# Résumé

Ce dossier retrace *dix ans* de partenariat entre CCFD-Terre Solidaire et des **organisations
paysannes** du Sahel, de 2012 à 2022.[^1]

# Contexte

## Les acteurs

Les partenaires sont des fédérations paysannes, des ONG d'appui et des instituts de recherche.

- les fédérations paysannes nationales ;
- les ONG d'appui technique ;
- les instituts de recherche agricole.

## Les chiffres

| Pays | Partenaire | Membres |
|------|------------|---------|
| Mali | AOPP | 12000 |
| Niger | Mooriben | 60000 |
| Burkina Faso | CPF | 30000 |

![Carte des zones d'intervention](carte.png)

### Une précision de méthode

Les chiffres viennent des rapports annuels des partenaires.[^2]

# Étude de cas n° 1 : les banques de semences au Mali

Au Mali, l'AOPP a créé des banques de semences communautaires dans trois régions.

# Étude de cas n° 2 : le plaidoyer au Niger

Au Niger, Mooriben a porté une loi sur les semences paysannes devant l'Assemblée.

# Recommandations

1. Renforcer les banques de semences communautaires.
2. Soutenir le plaidoyer national sur les semences.
3. Associer les instituts de recherche dès le départ.

# Questions de réflexion

Quel plaidoyer mener auprès des États ? Comment associer les jeunes paysans aux décisions ?

[^1]: Voir le rapport de capitalisation de 2022.

[^2]: Rapports 2012 à 2022, archives du service Afrique.
"""

SOURCE = (
    f'---\ntitle: "{TITLE}"\nauthor:\n' + "".join(f"- {a}\n" for a in AUTHORS) + "---\n\n" + BODY
)

HEADINGS = [
    (1, "Résumé"),
    (1, "Contexte"),
    (2, "Les acteurs"),
    (2, "Les chiffres"),
    (3, "Une précision de méthode"),
    (1, "Étude de cas n° 1 : les banques de semences au Mali"),
    (1, "Étude de cas n° 2 : le plaidoyer au Niger"),
    (1, "Recommandations"),
    (1, "Questions de réflexion"),
]


def png() -> bytes:
    """A 1×1 white PNG, so the sample has an image to drop."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def build(kind: str, folder: Path) -> Path:
    """SOURCE as a .docx or .odt in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "carte.png").write_bytes(png())
    (folder / "source.md").write_text(SOURCE, encoding="utf-8")
    out = folder / f"dossier.{kind}"
    pypandoc.convert_file(
        str(folder / "source.md"),
        kind,
        format="markdown-smart",
        outputfile=str(out),
        extra_args=[f"--resource-path={folder}"],
    )
    return out


def zip_bomb(folder: Path, *, unpacked_mb: int = 400) -> Path:
    """A .docx-looking zip whose one member unpacks to `unpacked_mb` MB of zeros."""
    out = folder / "bombe.docx"
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(unpacked_mb):
                member.write(chunk)
    return out


def truncated(path: Path, folder: Path) -> Path:
    """The first half of `path`'s bytes, under the same extension."""
    out = folder / f"tronque{path.suffix}"
    data = path.read_bytes()
    out.write_bytes(data[: len(data) // 2])
    return out


def plain_words(markdown: str) -> str:
    """The text of Markdown without its markup, for a similarity ratio."""
    text = re.sub(r"^---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
    # A figure's alternative text is its caption in Word and LibreOffice: text of the page.
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[\^\d+\]:?", "", text)
    text = re.sub(r"[#*_|>`-]+", " ", text)
    text = re.sub(r"^\s*\d+\.\s", " ", text, flags=re.MULTILINE)
    return " ".join(text.split())


def similarity(converted: str, source: str = BODY) -> float:
    return difflib.SequenceMatcher(None, plain_words(converted), plain_words(source)).ratio()


def headings_of(markdown: str) -> list[tuple[int, str]]:
    return [
        (len(m.group(1)), m.group(2).strip())
        for m in re.finditer(r"^(#{1,6})\s+(.+?)\s*$", markdown, flags=re.MULTILINE)
    ]


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    for kind in ("docx", "odt"):
        print(build(kind, target))
    (target / "dossier.md").write_text(BODY, encoding="utf-8")
    print(target / "dossier.md")
