"""Calibrated refusal: a logistic model over retrieval signals says how likely the article answers a question."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from .settings import Settings

FEATURES = ("dense_top", "dense_margin", "coverage", "agree")
MODEL_FILE = "refusal.json"


@dataclass(frozen=True)
class RefusalModel:
    """P(answerable) = sigmoid(bias + weights · features); below `threshold` the assistant refuses."""

    weights: dict[str, float] = field(default_factory=lambda: {"coverage": 6.0, "agree": 1.0})
    bias: float = -3.0
    threshold: float = 0.5
    embedder: str = "any"

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load_refusal_model(settings: Settings) -> RefusalModel:
    """The model fitted for the configured embedder (corpus/refusal.json), or a lexical-only default."""
    from .index import embedder_id

    path = Path(settings.corpus_dir) / MODEL_FILE
    if not path.exists():
        return RefusalModel()
    models = json.loads(path.read_text(encoding="utf-8"))
    data = models.get(embedder_id(settings))
    return RefusalModel(**data) if data else RefusalModel()
