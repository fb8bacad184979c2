"""A learned ordering of the first sections retrieval ranks, fitted per corpus on labelled questions.

Retrieval scores a section by its best passage; which of the first few sections answers a question also shows in
signals that score leaves out: how much of the question the heading says, whether the section is a table, a summary,
the problem's or the remedy's half, a FAQ heading, and what kind of question asks (why, how, what, yes/no, what to
do). `docker-qa calibrate --ranking FILES` fits gradient-boosted trees (scikit-learn) on labelled questions of one
corpus: for each question, the first TOP sections retrieval gives, labelled by whether they are the question's
gold. The trees are stored as plain lists in `ranking.json` (assistant/trees.py), keyed by embedder and corpus hash like
the refusal model, so applying them needs no scikit-learn. An index of another corpus has no ranking model and keeps
retrieval's order.
"""

from __future__ import annotations

import re
from pathlib import Path

from .index import RANKING_FILE as MODEL_FILE
from .settings import Settings
from .trees import Trees, fit_trees, load_trees, save_trees

TOP = 5  # the sections among which the model picks the first; the others keep retrieval's order

_WHY = re.compile(r"\bwhy\b|왜|이유", re.IGNORECASE)
_HOW = re.compile(r"\bhow\b|어떻게|방법", re.IGNORECASE)
_WHAT = re.compile(r"\bwhat\b|무엇|뭐|뭔", re.IGNORECASE)

QUESTION_FLAGS = ("why", "how", "what", "yes_no", "remedy", "korean")
SECTION_FLAGS = ("remedy_half", "problem_half", "question_heading", "table", "code")
FEATURES = (
    "score", "behind_best", "rank", "dense", "lexical", "passages", "passage_share", "heading_share",
    "path_share", "heading_said", "table", "code", "summary", "problem_half", "remedy_half", "question_heading",
    "depth", "row_passage", "section_passage",
    *(f"{q}*{s}" for q in QUESTION_FLAGS for s in SECTION_FLAGS),
)


RankingModel = Trees  # a section's score is the sum of its leaves' values


def candidate_features(retriever, question: str, sections) -> list[list[float]]:
    """FEATURES of each of the first TOP sections of a retrieval (`sections` as Retrieval.sections)."""
    from .question import asks_for_remedy, is_yes_no, question_language

    terms = retriever.terms
    chunks = retriever.index.chunks
    asked = terms.keys(question, known_only=True)
    weight = terms.weight(asked) or 1.0
    flags = (
        bool(_WHY.search(question)), bool(_HOW.search(question)), bool(_WHAT.search(question)),
        is_yes_no(question), asks_for_remedy(question), question_language(question) == "ko",
    )
    best = sections[0][1] if sections else 0.0
    rows = []
    for rank, (key, score, members) in enumerate(sections[:TOP]):
        shape = retriever.shape(key)
        heading, path = shape["heading_keys"], shape["path_keys"]
        kinds = {chunks[m.key].kind for m in members[:3]}
        own = (shape["remedy_half"], shape["problem_half"], shape["question_heading"], shape["table"], shape["code"])
        rows.append([
            score, score - best, rank,
            max((m.dense for m in members), default=0.0), max((m.lexical for m in members), default=0.0),
            len(members), min(len(members), 10) / max(1, shape["passages"]),
            terms.weight(asked & heading) / weight, terms.weight(asked & path) / weight,
            terms.weight(asked & heading) / (terms.weight(heading) or 1.0),
            shape["table"], shape["code"], shape["summary"], shape["problem_half"], shape["remedy_half"],
            shape["question_heading"], shape["depth"], "row" in kinds, "section" in kinds,
            *(q and s for q in flags for s in own),
        ])
    return [[float(x) for x in row] for row in rows]


def reorder(model: RankingModel | None, retriever, question: str, sections):
    """The sections with the model's choice among the first TOP put first, the others in retrieval's order (the
    model is fitted to pick the first section, not to order the rest); retrieval's order without a model."""
    if model is None or not model.trees or len(sections) < 2:
        return sections
    from .retrieve import to_front

    rows = candidate_features(retriever, question, sections)
    scores = [model.score(row) for row in rows]
    return to_front(sections, max(range(len(rows)), key=lambda i: (scores[i], -i)))


def load_ranking_model(settings: Settings, embedder: str, corpus_hash: str) -> RankingModel | None:
    """The model fitted for this embedder and corpus, or None."""
    return load_trees(settings, MODEL_FILE, embedder, corpus_hash, FEATURES)


def fit_ranking_model(assistant, questions, sources: list[str]) -> RankingModel:
    """Fit trees on the first TOP sections of each answerable labelled question, labelled by whether each is gold."""
    rows, labels = [], []
    for question in questions:
        if question.offtopic:
            continue
        found = assistant.retriever.retrieve(question.q, learned=False)
        labels_of = [any(g in assistant.section_label(key) for g in question.gold) for key, _, _ in found.sections[:TOP]]
        if not any(labels_of):
            continue  # no gold among the candidates: nothing to learn about their order
        rows += candidate_features(assistant.retriever, question.q, found.sections)
        labels += labels_of
    if len(set(labels)) < 2:
        from .errors import EvalFileError

        raise EvalFileError("fitting a ranking model needs answerable questions whose gold is among the first sections")
    trees, bias, _ = fit_trees(rows, labels, depth=4)
    return RankingModel(trees, bias, 0.0, list(FEATURES), assistant.embedder.id, assistant.index.manifest.corpus_hash, sources)


def save_ranking_model(settings: Settings, model: RankingModel) -> Path:
    return save_trees(settings, MODEL_FILE, model)
