"""Structure detection: headings proposed as case studies, recommendations and questions."""

from __future__ import annotations

import pytest

from importing import structure
from tests.importing import office_samples


def roles_of(markdown: str) -> dict[str, str]:
    return {s.heading: s.role for s in structure.plan(markdown).sections}


@pytest.mark.parametrize(
    "heading",
    [
        "Étude de cas n° 1 : Mali",
        "ETUDE DE CAS N°2",
        "Etude de cas : Niger",
        "Cas no 3",
        "Cas n° 4 – Pérou",
    ],
)
def test_case_study_headings_are_recognised_accents_or_not(heading: str) -> None:
    assert roles_of(f"# {heading}\n\nTexte.\n")[heading] == structure.CASE_STUDY


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Étude de cas n° 1 : les banques de semences", "Les banques de semences"),
        ("2. Étude de cas : la fédération de Ségou", "La fédération de Ségou"),
        ("Cas n° 4 – Pérou", "Pérou"),
        ("Cas no 3", "Cas no 3"),
    ],
)
def test_a_case_study_is_titled_without_its_label_and_number(heading: str, title: str) -> None:
    assert [p.title for p in structure.plan(f"# {heading}\n\nTexte.\n").case_studies] == [title]


def test_each_sub_heading_of_a_case_studies_section_is_a_case_study() -> None:
    plan = structure.plan("# 3. Études de cas\n\nIntro.\n\n## Mali\n\nA.\n\n## Niger\n\nB.\n")
    assert [(p.title, p.body) for p in plan.case_studies] == [("Mali", "A."), ("Niger", "B.")]
    assert plan.body == "# 3. Études de cas\n\nIntro.\n"


@pytest.mark.parametrize(
    "heading", ["Recommandations", "Nos recommandations", "4. RECOMMANDATIONS"]
)
def test_one_recommendation_per_numbered_item(heading: str) -> None:
    plan = structure.plan(
        f"# {heading}\n\n1. **Renforcer les banques.** Dans chaque région.\n"
        "2. Soutenir le plaidoyer. Avec les réseaux.\n   Sur dix ans.\n"
    )
    assert [p.title for p in plan.recommendations] == [
        "Renforcer les banques",
        "Soutenir le plaidoyer",
    ]
    assert plan.recommendations[1].body == "Soutenir le plaidoyer. Avec les réseaux.\nSur dix ans."


def test_one_recommendation_per_sub_heading() -> None:
    plan = structure.plan(
        "# Recommandations\n\n## 1. Former\n\nTexte un.\n\n## 2. Financer\n\nDeux.\n"
    )
    assert [(p.title, p.body) for p in plan.recommendations] == [
        ("Former", "Texte un."),
        ("Financer", "Deux."),
    ]


def test_questions_are_the_sentences_ending_in_a_question_mark() -> None:
    plan = structure.plan(
        "# Questions pour la discussion\n\nUn constat. Quel plaidoyer mener ? Et avec qui ?\n\n"
        "- Comment associer les *jeunes* ?\n"
    )
    assert [q.title for q in plan.questions] == [
        "Quel plaidoyer mener ?",
        "Et avec qui ?",
        "Comment associer les jeunes ?",
    ]


def test_a_changed_role_changes_the_plan() -> None:
    markdown = "# Contexte\n\nTexte.\n\n# Une expérience au Pérou\n\nRécit.\n"
    sections = structure.plan(markdown).sections
    key = sections[1].key
    plan = structure.plan(markdown, {key: structure.CASE_STUDY})
    assert [p.title for p in plan.case_studies] == ["Une expérience au Pérou"]
    assert "Pérou" not in plan.body
    back = structure.plan(markdown, {sections[0].key: structure.BODY})
    assert back.case_studies == []


def test_the_sample_gives_its_parts_and_keeps_footnotes_with_their_calls() -> None:
    plan = structure.plan(office_samples.BODY)
    assert [p.title for p in plan.case_studies] == [
        "Les banques de semences au Mali",
        "Le plaidoyer au Niger",
    ]
    assert len(plan.recommendations) == 3
    assert [q.title for q in plan.questions] == [
        "Quel plaidoyer mener auprès des États ?",
        "Comment associer les jeunes paysans aux décisions ?",
    ]
    assert "[^1]: Voir le rapport" in plan.body and "[^2]: Rapports" in plan.body
    assert "Recommandations" not in plan.body and "Questions" not in plan.body


def test_a_sub_heading_of_a_taken_section_says_which_took_it() -> None:
    plan = structure.plan("# Étude de cas n° 1\n\n## Contexte\n\nA.\n")
    assert plan.sections[1].taken_by == "Étude de cas n° 1"
    assert plan.case_studies[0].body == "## Contexte\n\nA."


def test_headings_in_code_fences_are_not_headings() -> None:
    assert [s.heading for s in structure.sections_of("# Vrai\n\n```\n# faux\n```\n")] == ["Vrai"]


def test_title_authors_and_period_are_guessed_from_the_first_page() -> None:
    found = structure.guess(
        markdown="# Résumé\n\nUn premier paragraphe.\n",
        title="",
        authors=[],
        first_page="Semences paysannes\nAuteurs : Awa Diallo et Jean Martin\nPériode 2012 – 2022\n",
        name="x.pdf",
    )
    assert found.title == "Semences paysannes"
    assert found.authors == ["Awa Diallo", "Jean Martin"]
    assert (found.period_start, found.period_end) == (2012, 2022)
    assert found.summary == "Un premier paragraphe."


def test_a_lone_first_level_heading_is_the_title_and_leaves_the_body() -> None:
    markdown = "# Mon dossier\n\n## Contexte\n\nTexte.\n"
    found = structure.guess(markdown=markdown, title="", authors=[], first_page="", name="a.md")
    assert found.title == "Mon dossier"
    assert structure.plan(markdown, title=found.title).body == "## Contexte\n\nTexte.\n"
