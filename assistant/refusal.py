"""Calibrated refusal: a logistic model over retrieval signals says how likely the article answers a question.

A fitted model belongs to one corpus: `refusal.json` keys each by the embedder and the corpus hash of the index it
was fitted on (its `background_gap` weighs distance to contrast passages chosen for that corpus). An index of any
other corpus uses the general model, which weighs only signals that mean the same on every technical post: the
share of the question's words the posts contain, and whether dense and BM25 retrieval agree.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from .index import REFUSAL_FILE as MODEL_FILE
from .settings import Settings

FEATURES = ("background_gap", "coverage", "agree")
# The share of answerable questions the floor may refuse: half the 0.02 of answerable questions an answer may refuse.
FLOOR_BUDGET = 0.01


@dataclass(frozen=True)
class RefusalModel:
    """P(answerable) = sigmoid(bias + weights · features); below `threshold` the assistant refuses.

    The default is the general model, used for any corpus without a model of its own: it weighs only the two
    signals that do not depend on a corpus's contrast passages, lexical coverage first and retrieval agreement.
    """

    weights: dict[str, float] = field(default_factory=lambda: {"coverage": 6.0, "agree": 1.0})
    bias: float = -2.0
    threshold: float = 0.5
    # Down to this probability (below `threshold`), a question that names a distinctive word of the posts
    # (answerability.KeySubjects.distinctive) is answered; None: no such floor (`calibrate --floor` sets one).
    floor: float | None = None
    floor_on: list[str] = field(default_factory=list)  # the question files the floor was set on
    embedder: str = "any"
    fitted_on: list[str] = field(default_factory=list)
    corpus_hash: str = ""  # the corpus this model was fitted for ("" for the general model)

    @property
    def general(self) -> bool:
        return not self.corpus_hash

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def refuses(self, answerable: float, distinctive: bool) -> bool:
        """Whether a question of this probability is refused; `distinctive`: it names a distinctive word of the posts."""
        return answerable < (self.floor if distinctive and self.floor is not None else self.threshold)


def model_path(settings: Settings) -> Path:
    """Where `calibrate` stores a fitted model (assistant/trees.py: beside the bundled corpus, else in the index)."""
    from .trees import model_path as path_of

    return path_of(settings, MODEL_FILE)


def load_refusal_model(settings: Settings, corpus_hash: str) -> RefusalModel:
    """The model fitted for the configured embedder on this corpus (in the index directory, else beside the
    corpus), or the general model."""
    from .index import embedder_id
    from .trees import model_key, stored_model

    data = stored_model(settings, MODEL_FILE, model_key(embedder_id(settings), corpus_hash))
    return RefusalModel(**data) if data else RefusalModel()


def fit_refusal_model(assistant, questions, sources: list[str]) -> RefusalModel:
    """Fit a logistic regression (scikit-learn) on labelled questions: answerable vs off-topic."""
    from sklearn.linear_model import LogisticRegression

    rows, labels = [], []
    for question in questions:
        features = assistant.retrieve(question.q).features
        rows.append([features[name] for name in FEATURES])
        labels.append(0 if question.offtopic else 1)
    if len(set(labels)) < 2:
        from .errors import EvalFileError

        raise EvalFileError("calibration needs both answerable and off-topic questions; add lines with \"offtopic\": true")
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(rows)
    model = LogisticRegression(C=10.0, class_weight="balanced", max_iter=1000).fit(scaler.transform(rows), labels)
    # Fold the scaling into the weights so that applying the model needs no scikit-learn.
    weights = model.coef_[0] / scaler.scale_
    bias = float(model.intercept_[0] - (model.coef_[0] * scaler.mean_ / scaler.scale_).sum())
    # Where the labelled questions separate along the fitted direction, refuse below the midpoint of the gap
    # between the best off-topic and the worst answerable question (the widest margin); else at p = 0.5.
    logits = [bias + float(sum(w * x for w, x in zip(weights, row))) for row in rows]
    worst_answerable = min(z for z, label in zip(logits, labels) if label == 1)
    best_offtopic = max(z for z, label in zip(logits, labels) if label == 0)
    cut = (worst_answerable + best_offtopic) / 2 if best_offtopic < worst_answerable else 0.0
    return RefusalModel(
        weights={name: round(float(w), 4) for name, w in zip(FEATURES, weights)},
        bias=round(bias, 4),
        threshold=round(1.0 / (1.0 + math.exp(-cut)), 4),
        embedder=assistant.embedder.id,
        fitted_on=sources,
        corpus_hash=assistant.index.manifest.corpus_hash,
    )


def fit_floor(assistant, questions, model: RefusalModel, sources: list[str]) -> RefusalModel:
    """The model with its floor set where it refuses FLOOR_BUDGET of the labelled answerable questions: the refusal
    model, fitted on few questions, doubts many more answerable ones than that; one that names a distinctive word
    of the posts is answered down to the floor (the off-topic trees still look at it)."""
    import numpy as np

    answerable = [model.probability(assistant.retrieve(q.q).features) for q in questions if not q.offtopic]
    if not answerable:
        from .errors import EvalFileError

        raise EvalFileError("setting the refusal floor needs answerable questions; add lines with \"gold\"")
    floor = min(round(float(np.quantile(answerable, FLOOR_BUDGET)), 4), model.threshold)  # never above the threshold
    return replace(model, floor=floor, floor_on=sources)


def save_refusal_model(settings: Settings, model: RefusalModel) -> Path:
    """Store the model under its embedder and corpus, keeping models fitted for others."""
    from .trees import model_key, store_model

    return store_model(settings, MODEL_FILE, model_key(model.embedder, model.corpus_hash), asdict(model), indent=1)
