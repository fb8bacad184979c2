"""A learned ordering of the first sections retrieval ranks, fitted per corpus on labelled questions.

Retrieval scores a section by its best passage; which of the first few sections answers a question also shows in
signals that score leaves out: how much of the question the heading says, whether the section is a table, a summary,
the problem's or the remedy's half, a FAQ heading, and what kind of question asks (why, how, what, yes/no, what to
do). `docker-qa calibrate --ranking FILES` fits gradient-boosted trees (scikit-learn) on labelled questions of one
corpus: for each question, the first TOP sections retrieval gives, labelled by whether they are the question's
gold. The trees are stored as plain lists in `ranking.json`, keyed by embedder and corpus hash like the refusal
model, so applying them needs no scikit-learn. An index of another corpus has no ranking model and keeps
retrieval's order.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .settings import Settings

MODEL_FILE = "ranking.json"  # the same name as index.RANKING_FILE
TOP = 5  # the sections the model orders: the rest keep retrieval's order after them

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


@dataclass(frozen=True)
class RankingModel:
    """Gradient-boosted regression trees over FEATURES; a section's score is the sum of its leaves' values.

    Each tree is a list of nodes [feature, threshold, left, right, value]; a leaf has left == -1.
    """

    trees: list = field(default_factory=list)
    embedder: str = ""
    corpus_hash: str = ""
    fitted_on: list[str] = field(default_factory=list)
    features: list[str] = field(default_factory=lambda: list(FEATURES))

    def score(self, row: list[float]) -> float:
        total = 0.0
        for tree in self.trees:
            node = tree[0]
            while node[2] != -1:
                node = tree[node[2]] if row[node[0]] <= node[1] else tree[node[3]]
            total += node[4]
        return total


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
    rows = candidate_features(retriever, question, sections)
    scores = [model.score(row) for row in rows]
    best = max(range(len(rows)), key=lambda i: (scores[i], -i))
    return [sections[best], *sections[:best], *sections[best + 1 :]]


def model_path(settings: Settings) -> Path:
    """Where `calibrate --ranking` stores a model: beside the bundled corpus for the bundled index, else in the index
    directory itself."""
    from .paths import bundled_index

    if Path(settings.index_dir).resolve() == bundled_index().resolve():
        return Path(settings.corpus_dir) / MODEL_FILE
    return Path(settings.index_dir) / MODEL_FILE


def load_ranking_model(settings: Settings, embedder: str, corpus_hash: str) -> RankingModel | None:
    """The model fitted for this embedder and corpus (in the index directory, else beside the corpus), or None."""
    key = f"{embedder} {corpus_hash}"
    for path in (Path(settings.index_dir) / MODEL_FILE, Path(settings.corpus_dir) / MODEL_FILE):
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8")).get(key)
            if data and list(data.get("features", [])) == list(FEATURES):
                return RankingModel(**data)
    return None


def fit_ranking_model(assistant, questions, sources: list[str]) -> RankingModel:
    """Fit gradient-boosted trees (scikit-learn) on the first TOP sections of each answerable labelled question."""
    import numpy as np
    from sklearn.ensemble import GradientBoostingClassifier

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
    model = GradientBoostingClassifier(n_estimators=200, learning_rate=0.05, max_depth=4, subsample=0.8, random_state=0)
    model.fit(np.array(rows), np.array(labels))
    trees = []
    for (estimator,) in model.estimators_:
        tree = estimator.tree_
        trees.append([
            [int(tree.feature[i]), float(tree.threshold[i]), int(tree.children_left[i]), int(tree.children_right[i]),
             round(float(tree.value[i].ravel()[0]) * model.learning_rate, 6)]
            for i in range(tree.node_count)
        ])
    return RankingModel(trees, assistant.embedder.id, assistant.index.manifest.corpus_hash, sources)


def save_ranking_model(settings: Settings, model: RankingModel) -> Path:
    """Store the model under its embedder and corpus, keeping models fitted for others."""
    path = model_path(settings)
    models = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    models[f"{model.embedder} {model.corpus_hash}"] = asdict(model)
    path.write_text(json.dumps(models, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    return path
