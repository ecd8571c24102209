"""Structure detection on an import's Markdown: which headings are case studies,
recommendations and questions, and what stays in the dossier's body.

Every heading gets a role. The detected role is a proposal: the curator may give any
heading another one on the preview, and the plan (the body and the parts to create) is
always computed from the text and the roles together, so an edit of either is seen at once.
A heading whose role is not "body" takes its whole section (its sub-headings included) out
of the body.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

BODY = "body"
CASE_STUDY = "case_study"
RECOMMENDATION = "recommendation"
RECOMMENDATIONS = "recommendations"
QUESTIONS = "questions"
ROLE_CHOICES = [
    (BODY, _("Dossier text")),
    (CASE_STUDY, _("A case study")),
    (RECOMMENDATION, _("A recommendation")),
    (RECOMMENDATIONS, _("Recommendations: one per numbered item or sub-heading")),
    (QUESTIONS, _("Questions: one per sentence ending in “?”")),
]
ROLES = {value for value, _label in ROLE_CHOICES}

HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
FENCE = re.compile(r"^\s*(```|~~~)")
NUMBERED_ITEM = re.compile(r"^(\d{1,3})[.)][ \t]+(.*)$")
BULLET_ITEM = re.compile(r"^[-*+][ \t]+(.*)$")
LEADING_NUMBER = re.compile(r"^((\d+|[ivxlc]+)(\.\d+)*[.)]?|[a-z][.)])\s+", re.IGNORECASE)
QUESTION = re.compile(r"[^.!?…]*?[^\s.!?…][^.!?…]*?\?")
YEAR_RANGE = re.compile(
    r"\b(19[5-9]\d|20\d\d)\s*(?:[-–—/]|à|au|a)\s*(19[5-9]\d|20\d\d)\b", re.IGNORECASE
)
AUTHORS_LINE = re.compile(
    r"^\s*(?:auteur(?:e)?s?|r[ée]dig[ée]e?s?\s+par|r[ée]daction|par)\s*:?\s+(.+)$",
    re.IGNORECASE | re.MULTILINE,
)
SUMMARY_HEADINGS = ("resume", "synthese", "introduction", "avant-propos", "en bref")
MAX_TITLE = 255
MAX_QUESTION = 300


def normalised(text: str) -> str:
    """Lower case, no accents, no leading numbering, «°» as «o»: what headings are
    matched on, so « ÉTUDE DE CAS N° 2 », « 3. Etudes de cas » and « Cas no 2 » meet."""
    text = unicodedata.normalize("NFKD", text.replace("°", "o").replace("º", "o"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[*_`]", "", text).strip()
    return LEADING_NUMBER.sub("", text).strip()


CASE_SINGLE = re.compile(
    r"^(etude de cas|cas)\s*(no?\.?|numero)?\s*\d+|^(etude de cas|cas pratique|cas d'etude)\s*[:–—-]"
)
CASE_GROUP = re.compile(r"^(les |nos )?(etudes? de cas|cas pratiques?|cas d'etudes?|cas etudies)$")
RECOMMENDATIONS_GROUP = re.compile(
    r"^((les |nos |principales |quelques )?(recommandations|preconisations)"
    r"|recommandation$|recommandations?\s)"
)
RECOMMENDATION_SINGLE = re.compile(r"^(recommandation|preconisation)\s*(no?\.?\s*)?\d+")
QUESTIONS_GROUP = re.compile(
    r"^((les |quelques )?questions?(\s+(de|pour( la| le)?|en)\s+\w+|\s+ouvertes)?$"
    r"|pistes? de reflexion|questions? pour (la discussion|le debat|aller plus loin)"
    r"|pour aller plus loin)"
)


@dataclass
class Section:
    key: str
    level: int
    heading: str
    start: int  # line of the heading
    own_end: int  # line of the next heading (its text ends there)
    end: int  # first line after the section and its sub-headings
    detected: str = BODY
    role: str = BODY
    taken_by: str = ""  # the heading of the section above that took it out of the body
    children: list[Section] = field(default_factory=list)


@dataclass
class Part:
    title: str
    body: str = ""


@dataclass
class Plan:
    sections: list[Section]
    body: str
    case_studies: list[Part]
    recommendations: list[Part]
    questions: list[Part]


def sections_of(markdown: str) -> list[Section]:
    """The ATX headings of `markdown` (outside code fences), each with its extent."""
    lines = markdown.split("\n")
    found: list[tuple[int, int, str]] = []
    in_fence = False
    for number, line in enumerate(lines):
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if match:
            found.append((number, len(match.group(1)), match.group(2).strip()))
    seen: dict[str, int] = {}
    sections: list[Section] = []
    for index, (number, level, heading) in enumerate(found):
        end = next((n for n, lvl, _h in found[index + 1 :] if lvl <= level), len(lines))
        own_end = found[index + 1][0] if index + 1 < len(found) else len(lines)
        base = f"{level}:{slugify(heading)[:60]}"
        seen[base] = seen.get(base, 0) + 1
        section = Section(f"{base}:{seen[base]}", level, heading, number, own_end, end)
        parent = next((s for s in reversed(sections) if s.level < level and s.end > number), None)
        if parent is not None:
            parent.children.append(section)
        sections.append(section)
    return sections


def detect(sections: list[Section]) -> None:
    """Set each section's detected role from its heading."""
    for section in sections:
        name = normalised(section.heading)
        if CASE_GROUP.match(name) and section.children:
            for child in section.children:
                child.detected = CASE_STUDY
        elif CASE_SINGLE.match(name) or CASE_GROUP.match(name):
            section.detected = CASE_STUDY
        elif RECOMMENDATION_SINGLE.match(name):
            section.detected = RECOMMENDATION
        elif RECOMMENDATIONS_GROUP.match(name):
            section.detected = RECOMMENDATIONS
        elif QUESTIONS_GROUP.match(name):
            section.detected = QUESTIONS


def plan(markdown: str, roles: dict[str, str] | None = None, *, title: str = "") -> Plan:
    """The dossier body and the parts `markdown` gives with the curator's `roles` (a
    heading's key → role; headings not in it keep their detected role)."""
    roles = roles or {}
    markdown, notes = _footnotes(markdown)
    sections = sections_of(markdown)
    detect(sections)
    lines = markdown.split("\n")
    taken = [False] * len(lines)
    result = Plan(sections, "", [], [], [])
    for section in sections:
        section.role = roles.get(section.key, section.detected)
        if section.role not in ROLES:
            section.role = section.detected
        if taken[section.start]:
            section.taken_by = _owner(sections, section)
            continue
        if section.role == BODY:
            continue
        for n in range(section.start, section.end):
            taken[n] = True
        _collect(result, section, lines)
    body_lines = [line for n, line in enumerate(lines) if not taken[n]]
    result.body = _body(body_lines, title)
    _place_footnotes(result, notes)
    return result


FOOTNOTE_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:")


def _footnotes(markdown: str) -> tuple[str, dict[str, str]]:
    """`markdown` without its footnote definitions, and those by label: they sit at the
    end of the document, in whatever section comes last, and must follow their calls."""
    kept: list[str] = []
    notes: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in markdown.split("\n"):
        match = FOOTNOTE_DEFINITION.match(line)
        if match:
            current = notes.setdefault(match.group(1), [])
            current.append(line)
        elif current is not None and (line.startswith((" ", "\t")) or not line.strip()):
            current.append(line)
        else:
            current = None
            kept.append(line)
    return "\n".join(kept), {k: "\n".join(v).strip() for k, v in notes.items()}


def _place_footnotes(result: Plan, notes: dict[str, str]) -> None:
    """Each definition goes after the text that calls it (the body when none does)."""
    parts = [*result.case_studies, *result.recommendations]
    for label, definition in notes.items():
        call = f"[^{label}]"
        owner = next((p for p in parts if call in p.body or call in p.title), None)
        if owner is None:
            result.body = result.body.rstrip("\n") + "\n\n" + definition + "\n"
        else:
            owner.body = owner.body.rstrip("\n") + "\n\n" + definition


def _owner(sections: list[Section], section: Section) -> str:
    owner = next(
        s
        for s in reversed(sections[: sections.index(section)])
        if s.role != BODY and not s.taken_by and s.start < section.start < s.end
    )
    return owner.heading


def _collect(result: Plan, section: Section, lines: list[str]) -> None:
    text = "\n".join(lines[section.start + 1 : section.end]).strip()
    title = _part_title(section.heading)
    if section.role == CASE_STUDY:
        result.case_studies.append(Part(title, text))
    elif section.role == RECOMMENDATION:
        result.recommendations.append(Part(title, text))
    elif section.role == RECOMMENDATIONS:
        result.recommendations.extend(_recommendations(section, lines))
    elif section.role == QUESTIONS:
        result.questions.extend(Part(q[:MAX_QUESTION]) for q in questions_in(text))


def _recommendations(section: Section, lines: list[str]) -> list[Part]:
    """One per sub-heading; without any, one per numbered item (else per bullet)."""
    if section.children:
        return [
            Part(
                _part_title(child.heading),
                "\n".join(lines[child.start + 1 : child.end]).strip(),
            )
            for child in section.children
        ]
    own = lines[section.start + 1 : section.own_end]
    items = _list_items(own, NUMBERED_ITEM) or _list_items(own, BULLET_ITEM)
    if not items:
        text = "\n".join(lines[section.start + 1 : section.end]).strip()
        return [Part(_clean_title(section.heading), text)] if text else []
    return [Part(_item_title(item), item) for item in items]


def _list_items(lines: list[str], marker: re.Pattern[str]) -> list[str]:
    """The top-level items of the lists in `lines`, each with its continuation lines; a
    paragraph that is not indented ends the list."""
    items: list[list[str]] = []
    current: list[str] | None = None
    for line in lines:
        match = marker.match(line)
        if match:
            current = [match.group(match.lastindex or 1)]
            items.append(current)
        elif current is not None and (line.startswith((" ", "\t")) or not line.strip()):
            current.append(line.strip())
        elif line.strip():
            current = None
    return [text for text in ("\n".join(item).strip() for item in items) if text]


def _item_title(item: str) -> str:
    """A list item's bold lead (« **Renforcer les banques.** Ensuite… »), else its first
    sentence, shortened to fit a title."""
    first = item.split("\n", 1)[0]
    bold = re.match(r"^\*\*(.+?)\*\*", first)
    sentence = bold.group(1) if bold else re.split(r"(?<=[.!?…])\s", first, maxsplit=1)[0]
    return _shorten(sentence.strip().rstrip(".:"))


PART_PREFIX = re.compile(
    r"^(?:(?:\d+|[ivxlc]+)(?:\.\d+)*[.)]?\s+)?"
    r"(?:[ée]tudes? de cas|cas(?: pratique)?|recommandation|pr[ée]conisation)\s*"
    r"(?:n\s*[°ºo]\.?\s*)?(?:\d+|[ivxlc]+)?\s*[:–—.-]\s+(?=\S)",
    re.IGNORECASE,
)


def _part_title(heading: str) -> str:
    """A part's title without its label and number: « Étude de cas n° 1 : les banques » →
    « Les banques »; the page lists it under « Études de cas » already."""
    title = _clean_title(LEADING_NUMBER.sub("", heading))
    short = PART_PREFIX.sub("", title)
    return short[:1].upper() + short[1:] if short else title


def _clean_title(heading: str) -> str:
    return _shorten(re.sub(r"[*_`]", "", heading).strip())


def _shorten(text: str, size: int = MAX_TITLE) -> str:
    return text if len(text) <= size else text[: size - 1].rsplit(" ", 1)[0] + "…"


def questions_in(text: str) -> list[str]:
    """The sentences of `text` that end in « ? », without list markers or emphasis."""
    found = []
    for block in re.split(r"\n\s*\n", text):
        if HEADING.match(block.strip()):
            continue
        joined = " ".join(
            re.sub(r"^\s*([-*+]|\d+[.)])\s+", "", line).strip() for line in block.split("\n")
        )
        joined = re.sub(r"[*_`]", "", joined).replace("\u00a0", " ")
        for match in QUESTION.finditer(joined):
            sentence = match.group(0).strip().lstrip("«“\"' ").strip()
            if len(sentence) > 3:
                found.append(sentence)
    return found


def _body(lines: list[str], title: str) -> str:
    """What stays in the dossier's body: without a first `#` heading that repeats the
    title, and without headings left with no text under them (their parts went out)."""
    kept: list[str] = []
    for n, line in enumerate(lines):
        match = HEADING.match(line)
        if match and title and not kept and normalised(match.group(2)) == normalised(title):
            continue
        if match and not _has_text(lines[n + 1 :], len(match.group(1))):
            continue
        kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip() + "\n"


def _has_text(lines: list[str], level: int) -> bool:
    """Whether a heading of `level` followed by `lines` has any text in its section."""
    for line in lines:
        match = HEADING.match(line)
        if match and len(match.group(1)) <= level:
            return False
        if line.strip() and not match:
            return True
    return False


# --- What the first page says -------------------------------------------------------


@dataclass
class Guess:
    title: str
    authors: list[str]
    period_start: int | None
    period_end: int | None
    summary: str


def guess(*, markdown: str, title: str, authors: list[str], first_page: str, name: str) -> Guess:
    """Title, authors, period and summary as the document seems to give them."""
    head = first_page or markdown[:3000]
    title = title or _first_line(first_page) or _first_heading(markdown) or _from_name(name)
    if not authors:
        match = AUTHORS_LINE.search(head)
        if match:
            authors = [a.strip(" .") for a in re.split(r",|;| et ", match.group(1)) if a.strip()]
    years = YEAR_RANGE.search(f"{title}\n{head}")
    start, end = (int(years.group(1)), int(years.group(2))) if years else (None, None)
    if start and end and start > end:
        start, end = end, start
    return Guess(_shorten(title.strip()), authors[:20], start, end, summary_of(markdown))


def _first_heading(markdown: str) -> str:
    """The document's one `#` heading when it comes first (« # Titre » then `##` parts);
    with several, they are its chapters and none is the title."""
    sections = sections_of(markdown)
    top = [s for s in sections if s.level == 1]
    if len(top) == 1 and sections[0] is top[0]:
        return _clean_title(top[0].heading)
    return ""


def _from_name(name: str) -> str:
    """« semences_sahel-2020.docx » → « Semences sahel 2020 »."""
    stem = re.sub(r"[_\-.]+", " ", name.rsplit(".", 1)[0]).strip()
    return stem[:1].upper() + stem[1:]


def _first_line(text: str) -> str:
    for line in text.split("\n"):
        if line.strip() and not line.lstrip().startswith(("|", "-", "*", "!")):
            return _clean_title(line.strip().lstrip("#").strip())
    return ""


def summary_of(markdown: str) -> str:
    """The first paragraph of a « Résumé » or « Introduction », else the first paragraph."""
    sections = sections_of(markdown)
    lines = markdown.split("\n")
    for section in sections:
        if normalised(section.heading).startswith(SUMMARY_HEADINGS):
            text = _first_paragraph(lines[section.start + 1 : section.own_end])
            if text:
                return text
    return _first_paragraph(lines)


def plain_text(markdown: str) -> str:
    """A paragraph without its Markdown: a dossier's summary is plain text."""
    text = re.sub(r"\[\^[^\]\s]+\]", "", markdown)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    return " ".join(text.replace("\\", "").split())


def _first_paragraph(lines: list[str]) -> str:
    for block in re.split(r"\n\s*\n", "\n".join(lines)):
        block = block.strip()
        if (
            block
            and not block.startswith(("#", "|", "-", "*", "!", ">", "[^"))
            and not re.match(r"^\d+[.)]\s", block)
        ):
            return _shorten(plain_text(block), 1000)
    return ""
