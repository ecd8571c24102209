"""Import of originals (issue 13): how much of the generated samples' structure comes back.

Builds the sample PDFs of tests/importing/pdf_samples.py (justified, ragged-right, without
metadata, in two columns, 40 pages, printed by Chromium and exported by LibreOffice when they
are installed) and converts each with
`importing.pdf.extract_pdf`, then prints against the Markdown each was made from: headings recovered at their level, a character similarity
ratio (difflib on whitespace-normalised text), running headers and page numbers left in the
body, paragraphs wrongly split or merged; then the 40-page PDF's conversion time (best and
median of 3) and peak memory (tracemalloc, a separate run), and what each bad file gets.
Budgets: ≥ 95 % headings, ≥ 99 % characters, 0 running lines, ≤ 1 % paragraphs, ≤ 10 s.
The .docx/.odt conversions of importing/office.py are measured the same way.

The conversion reads no database, so unlike the other benches this one runs once, not once
per database.

    .venv/bin/python bench/bench_import.py        (or `make bench`)
"""

from __future__ import annotations

import difflib
import logging
import os
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccfd_community.settings")

import django  # noqa: E402

django.setup()

from importing.extraction import ImportRefused  # noqa: E402
from importing.office import extract_office  # noqa: E402
from importing.pdf import extract_pdf  # noqa: E402
from tests.importing import office_samples, pdf_other_producers, pdf_samples  # noqa: E402

HEADING = re.compile(r"^(#{1,6}) (.+)$", re.MULTILINE)


def flat(text: str) -> str:
    return " ".join(text.split())


def headings_of(markdown: str) -> list[tuple[int, str]]:
    return [(len(m.group(1)), m.group(2).strip()) for m in HEADING.finditer(markdown)]


def similarity(source: str, converted: str) -> float:
    a, b = flat(source), flat(converted)
    if len(a) > 30_000:  # characters are quadratic there; words tell the same at that size
        a, b = a.split(), b.split()
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def running_left(sample: pdf_samples.Sample, markdown: str) -> int:
    found = sum(markdown.count(text) for text in sample.running)
    return found + len(re.findall(r"^(?:Page )?\d{1,4}$|Page \d+", markdown, re.MULTILINE))


def paragraphs_wrong(paragraphs: list[str], markdown: str, plain: Callable[[str], str]) -> int:
    blocks = {plain(block) for block in markdown.split("\n\n")}
    return sum(1 for paragraph in paragraphs if plain(paragraph) not in blocks)


def measure(
    name: str,
    source: str,
    headings: list,
    paragraphs: list,
    markdown: str,
    plain: Callable[[str], str] = flat,
) -> None:
    found = set(headings_of(markdown))
    right = sum(1 for heading in headings if heading in found)
    wrong = paragraphs_wrong(paragraphs, markdown, plain)
    print(
        f"{name:<30} headings {right}/{len(headings)} = {100 * right / max(1, len(headings)):5.1f} %"
        f"   characters {100 * similarity(plain(source), plain(markdown)):6.2f} %"
        f"   paragraphs split/merged {wrong}/{len(paragraphs)}"
        f" = {100 * wrong / max(1, len(paragraphs)):4.1f} %",
        flush=True,
    )


def bench_pdf(samples: dict) -> None:
    print("PDF (pdfminer.six): structure against the source Markdown")
    for name in ("report", "ragged", "columns", "no_metadata", "long", "chromium", "libreoffice"):
        sample = samples.get(name)
        if sample is None:
            print(f"{name}: not installed, not measured")
            continue
        result = extract_pdf(sample.path)
        label = f"{name} {sample.path.name} ({result.page_count} p.)"
        plain = flat
        if name == "libreoffice":  # the Word sample has emphasis and a table: words compared
            plain = office_samples.plain_words
        measure(label, sample.markdown, sample.headings, sample.paragraphs, result.markdown, plain)
        left = running_left(sample, result.markdown)
        meta = (
            "title and authors right"
            if (result.title, result.authors)
            == (
                sample.title,
                sample.authors,
            )
            else f"title {result.title!r}, authors {result.authors}"
        )
        print(f"{'':<30} running headers/page numbers left: {left}   {meta}")


def bench_speed(sample: pdf_samples.Sample) -> None:
    times, cpu = [], []
    for _ in range(3):
        start, start_cpu = time.perf_counter(), time.process_time()
        extract_pdf(sample.path)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    tracemalloc.start()
    extract_pdf(sample.path)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    load = os.getloadavg()[0]
    print(
        f"40-page PDF ({sample.page_count} pages, {sample.path.stat().st_size // 1024} KiB):"
        f" best {min(times):.2f} s, median {statistics.median(times):.2f} s"
        f" ({statistics.median(times) / sample.page_count * 1000:.0f} ms a page),"
        f" CPU {min(cpu):.2f} s;"
        f" peak Python memory {peak / 2**20:.1f} MiB   [load average {load:.1f}]",
        flush=True,
    )


def bench_refusals(samples: dict) -> None:
    print("Bad files (each must be refused in French, nothing else raised):")
    for name in ("encrypted", "image_only", "blank", "truncated", "corrupt", "not_a_pdf"):
        try:
            extract_pdf(samples[name])
            outcome = "NOT REFUSED"
        except ImportRefused as refused:
            outcome = f"refused: {refused.message}"
        print(f"  {name:<11} {outcome}")


def bench_office(folder: Path) -> None:
    print("Word / OpenDocument (pandoc): structure against the source Markdown")
    source = office_samples.BODY
    expected = office_samples.headings_of(source)
    paragraphs = [b for b in source.split("\n\n") if b.strip() and not b.startswith(("#", "[^"))]
    for kind in ("docx", "odt"):
        try:
            path = office_samples.build(kind, folder / kind)
            start = time.perf_counter()
            result = extract_office(str(path), kind)
            took = time.perf_counter() - start
        except (ImportRefused, OSError, RuntimeError) as error:
            print(f"  {kind}: not measured ({error})")
            continue
        # Emphasis, lists and tables are markup there: paragraphs compare as plain words.
        plain = office_samples.plain_words
        measure(path.name, source, expected, paragraphs, result.markdown, plain)
        print(f"{'':<30} converted in {took:.2f} s")


def main() -> None:
    logging.getLogger("importing").setLevel(logging.ERROR)  # refusals are printed below
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        samples = pdf_samples.build_all(folder / "pdf")
        samples["chromium"] = pdf_other_producers.build_chromium_report(
            folder / "pdf" / "chromium.pdf"
        )
        samples["libreoffice"] = pdf_other_producers.build_libreoffice_report(
            folder / "libreoffice"
        )
        bench_pdf(samples)
        bench_speed(samples["long"])
        bench_refusals(samples)
        bench_office(folder / "office")


if __name__ == "__main__":
    main()
