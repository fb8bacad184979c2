"""Gradient-boosted trees fitted per corpus on labelled questions, stored as plain lists so that applying them needs
no scikit-learn: the section ranking model (assistant/ranking.py) and the off-topic model (assistant/offtopic.py).

A model file (`ranking.json`, `offtopic.json`) maps "EMBEDDER CORPUS_HASH" to one model: its trees, the constant
its scores start from, a threshold where one applies, its feature names and the question files it was fitted on.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .settings import Settings


@dataclass(frozen=True)
class Trees:
    """Regression trees whose leaves sum to a log-odds score; each tree is a list of nodes [feature, threshold, left,
    right, value] (a leaf has left == -1; a row goes left when its feature is at most the threshold)."""

    trees: list = field(default_factory=list)
    bias: float = 0.0
    threshold: float = 0.0  # a score at or above which the model says yes (for models that decide)
    features: list[str] = field(default_factory=list)
    embedder: str = ""
    corpus_hash: str = ""
    fitted_on: list[str] = field(default_factory=list)

    def score(self, row: list[float]) -> float:
        total = self.bias
        for tree in self.trees:
            node = tree[0]
            while node[2] != -1:
                node = tree[node[2]] if row[node[0]] <= node[1] else tree[node[3]]
            total += node[4]
        return total


def fit_trees(rows: list[list[float]], labels: list[bool], depth: int) -> tuple[list, float, list[float]]:
    """Fit 200 trees of the given depth (scikit-learn's GradientBoostingClassifier, fixed seed); return them as lists,
    the constant score they start from, and the scores of the training rows."""
    import numpy as np
    from sklearn.ensemble import GradientBoostingClassifier

    X = np.array(rows, dtype=float)
    model = GradientBoostingClassifier(n_estimators=200, learning_rate=0.05, max_depth=depth, subsample=0.8, random_state=0)
    model.fit(X, np.array(labels))
    trees = []
    for (estimator,) in model.estimators_:
        tree = estimator.tree_
        trees.append([
            [int(tree.feature[i]), float(tree.threshold[i]), int(tree.children_left[i]), int(tree.children_right[i]),
             float(tree.value[i].ravel()[0]) * model.learning_rate]
            for i in range(tree.node_count)
        ])
    scores = [float(s) for s in model.decision_function(X)]
    bias = scores[0] - Trees(trees).score(rows[0])
    return trees, bias, scores


def model_key(embedder: str, corpus_hash: str) -> str:
    """The key of a fitted model in its file: the embedder and the corpus hash it was fitted for."""
    return f"{embedder} {corpus_hash}"


def model_path(settings: Settings, name: str) -> Path:
    """Where a fitted model is stored: beside the bundled corpus for the bundled index, else in the index directory
    (a user's index never writes into the installed package)."""
    from .paths import bundled_index

    if Path(settings.index_dir).resolve() == bundled_index().resolve():
        return Path(settings.corpus_dir) / name
    return Path(settings.index_dir) / name


def stored_model(settings: Settings, name: str, key: str) -> dict | None:
    """The stored fields of the model under `key` in the file `name`: the index directory's, else the corpus's."""
    for path in (Path(settings.index_dir) / name, Path(settings.corpus_dir) / name):
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8")).get(key)
            if data:
                return data
    return None


def store_model(settings: Settings, name: str, key: str, fields: dict, indent: int | None = None) -> Path:
    """Store a model's fields under `key`, keeping the models fitted for other embedders and corpora."""
    path = model_path(settings, name)
    models = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    models[key] = fields
    separators = None if indent is not None else (",", ":")
    path.write_text(json.dumps(models, ensure_ascii=False, indent=indent, separators=separators, sort_keys=True) + "\n", encoding="utf-8")
    return path


def load_trees(
    settings: Settings, name: str, embedder: str, corpus_hash: str, features: tuple[str, ...], kind: type[Trees] = Trees
) -> Trees | None:
    """The model fitted for this embedder and corpus (as `kind`), or None; a model over other features (from another
    version) is ignored."""
    data = stored_model(settings, name, model_key(embedder, corpus_hash))
    return kind(**data) if data and list(data.get("features", [])) == list(features) else None


def save_trees(settings: Settings, name: str, model: Trees) -> Path:
    return store_model(settings, name, model_key(model.embedder, model.corpus_hash), asdict(model))
