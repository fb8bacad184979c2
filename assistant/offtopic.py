"""A second look at questions the refusal stage lets through: trees fitted per corpus on labelled questions say
whether a question is off the posts' subjects from the signals answerability already computes.

The refusal model (assistant/refusal.py) weighs three signals linearly; a near miss about a Docker topic the posts
never cover ("how do I set a restart policy?", "tmpfs 마운트는 언제 써요?") shares most of its words with the posts and
scores like an answerable question on each signal alone. Together with the uncovered words' frequency, how specific
the covered words are, how clearly one section wins and what kind of question asks, such questions separate better.
`docker-qa calibrate --offtopic FILES` fits gradient-boosted trees (assistant/trees.py) on labelled questions of one
corpus, answerable against off-topic, and sets the threshold above the score of every answerable question the
pipeline answers among them: on those questions the trees refuse no answerable question that was answered before.
An index of another corpus has no such model and refuses as before.
"""

from __future__ import annotations

import re
from pathlib import Path

from .index import OFFTOPIC_FILE as MODEL_FILE
from .settings import Settings
from .trees import Trees, fit_trees, load_trees, save_trees

FEATURES = (
    "background_gap", "coverage", "agree", "answerable", "uncovered", "uncovered_names", "uncovered_operations",
    "specific", "named", "top_score", "top_margin", "top_dense", "top_lexical", "tokens", "known_share",
    "rarest_uncovered_zipf", "yes_no", "how", "why", "korean",
)
# The share of the answerable questions answered before that the trees may refuse where they were fitted: a twentieth
# of the 0.02 of answerable questions an answer may refuse.
REFUSAL_BUDGET = 0.001
NO_UNCOVERED_ZIPF = 8.0  # the rarest uncovered word's Zipf frequency when no word is uncovered (above any real word)

_HOW = re.compile(r"\bhow\b|어떻게|방법")
_WHY = re.compile(r"\bwhy\b|왜")

OfftopicModel = Trees


def features(assistant, question: str, found, answerable: float, missing) -> list[float]:
    """FEATURES of a question from its retrieval, the refusal model's probability and its uncovered words."""
    from .answerability import zipf_large
    from .lexical import tokenize
    from .question import is_yes_no, question_language

    tokens = tokenize(question)
    known = sum(1 for token in tokens if assistant.terms.known(token)) / max(1, len(tokens))
    latin = [word for word in missing.all if re.fullmatch(r"[a-z][a-z0-9.-]*", word)]
    rarest = min((zipf_large(word) for word in latin), default=NO_UNCOVERED_ZIPF)
    sections = found.sections
    top = sections[0][1] if sections else 0.0
    margin = sections[0][1] - sections[1][1] if len(sections) > 1 else 0.0
    members = sections[0][2] if sections else []
    lowered = question.lower()
    row = [
        found.features["background_gap"], found.features["coverage"], found.features["agree"], answerable,
        len(missing.all), len(missing.names), len(missing.operations), len(assistant.key_subjects.specific(question)),
        bool(found.named), top, margin, max((m.dense for m in members), default=0.0),
        max((m.lexical for m in members), default=0.0), len(tokens), known, rarest, is_yes_no(question),
        bool(_HOW.search(lowered)), bool(_WHY.search(lowered)), question_language(question) == "ko",
    ]
    return [float(x) for x in row]


def load_offtopic_model(settings: Settings, embedder: str, corpus_hash: str) -> OfftopicModel | None:
    """The model fitted for this embedder and corpus, or None."""
    return load_trees(settings, MODEL_FILE, embedder, corpus_hash, FEATURES)


def fit_offtopic_model(assistant, questions, sources: list[str]) -> OfftopicModel:
    """Fit trees on labelled questions (off-topic is the positive class); the threshold lies just above the highest
    score of an answerable question the pipeline answers."""
    from dataclasses import replace

    rows, labels, answered = [], [], []
    # What the pipeline answers without a model, and without the refusal model's floor: the trees still look at a
    # question the floor lets through, so such questions do not raise their threshold.
    fitted, assistant.offtopic = assistant.offtopic, None
    refusal, assistant.refusal = assistant.refusal, replace(assistant.refusal, floor=None)
    assistant.forget_answers()
    try:
        for question in questions:
            found = assistant.retrieve(question.q)
            answerable = assistant.refusal.probability(found.features)
            rows.append(features(assistant, question.q, found, answerable, assistant.key_subjects.uncovered(question.q)))
            labels.append(bool(question.offtopic))
            answered.append(not question.offtopic and not assistant.ask(question.q).refused)
    finally:
        assistant.offtopic, assistant.refusal = fitted, refusal
        assistant.forget_answers()
    if len(set(labels)) < 2 or not any(answered):
        from .errors import EvalFileError

        raise EvalFileError("fitting an off-topic model needs answered answerable questions and off-topic ones (\"offtopic\": true)")
    trees, bias, scores = fit_trees(rows, labels, depth=3)
    kept = sorted((score for score, answers in zip(scores, answered) if answers), reverse=True)
    # Above all but REFUSAL_BUDGET of them: one answerable question that scores like a near miss does not set it alone.
    threshold = kept[min(len(kept) - 1, int(REFUSAL_BUDGET * len(kept)))] + 1e-6
    return OfftopicModel(trees, bias, threshold, list(FEATURES), assistant.embedder.id, assistant.index.manifest.corpus_hash, sources)


def save_offtopic_model(settings: Settings, model: OfftopicModel) -> Path:
    return save_trees(settings, MODEL_FILE, model)
