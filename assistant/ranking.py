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

from .index import FOLLOW_UP_RANKING_FILE
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
    "depth", "row_passage", "section_passage", "lexical_share", "lexical_rank", "dense_rank", "text_share",
    *(f"{q}*{s}" for q in QUESTION_FLAGS for s in SECTION_FLAGS),
)


# A follow-up read from its conversation ("그럼 VM은?" read as "VM은 커널을 공유하나요?", with the section the earlier
# answer cited as its prior) is ranked by a model of its own: FEATURES of its resolved question, whether each section
# is the prior and where the prior preference (core._prefer) put it, and how the question as typed meets the section.
FOLLOW_UP_FEATURES = (
    *FEATURES, "prior", "prior_near", "preferred_rank",
    "typed_heading_share", "typed_path_share", "typed_heading_said", "typed_text_share", "typed_rank", "typed_behind", "as_typed",
    "typed_points_back", "typed_words",
)

RankingModel = Trees  # a section's score is the sum of its leaves' values


def heading_overlap(retriever, question: str, sections) -> list[tuple[float, float, float, float]]:
    """For each of the first TOP sections: the share of the question's term weight its heading says, the share its
    heading path says, the share of its heading's weight the question says, and the share of the question's weight
    its text says."""
    terms = retriever.terms
    asked = terms.keys(question, known_only=True)
    weight = terms.weight(asked) or 1.0
    out = []
    for key, _, _ in sections[:TOP]:
        shape = retriever.shape(key)
        heading, path = shape["heading_keys"], shape["path_keys"]
        said = terms.weight(asked & heading)
        out.append((
            said / weight, terms.weight(asked & path) / weight, said / (terms.weight(heading) or 1.0),
            terms.weight(asked & shape["text_keys"]) / weight,
        ))
    return out


def candidate_features(retriever, question: str, sections) -> list[list[float]]:
    """FEATURES of each of the first TOP sections of a retrieval (`sections` as Retrieval.sections)."""
    from .question import asks_for_remedy, is_yes_no, question_language

    chunks = retriever.index.chunks
    flags = (
        bool(_WHY.search(question)), bool(_HOW.search(question)), bool(_WHAT.search(question)),
        is_yes_no(question), asks_for_remedy(question), question_language(question) == "ko",
    )
    best = sections[0][1] if sections else 0.0
    # How each section stands on each list among all the sections retrieval found: BM25's raw scale varies with the
    # question's length, its share of the best does not.
    lexical = [max((m.lexical for m in members), default=0.0) for _, _, members in sections]
    dense = [max((m.dense for m in members), default=0.0) for _, _, members in sections]
    lexical_high = max(lexical, default=0.0) or 1.0
    lexical_rank = _ranks(lexical)
    dense_rank = _ranks(dense)
    rows = []
    for rank, ((key, score, members), overlap) in enumerate(zip(sections[:TOP], heading_overlap(retriever, question, sections))):
        shape = retriever.shape(key)
        kinds = {chunks[m.key].kind for m in members[:3]}
        own = (shape["remedy_half"], shape["problem_half"], shape["question_heading"], shape["table"], shape["code"])
        rows.append([
            score, score - best, rank, dense[rank], lexical[rank],
            len(members), min(len(members), 10) / max(1, shape["passages"]),
            *overlap[:3],
            shape["table"], shape["code"], shape["summary"], shape["problem_half"], shape["remedy_half"],
            shape["question_heading"], shape["depth"], "row" in kinds, "section" in kinds,
            lexical[rank] / lexical_high, lexical_rank[rank], dense_rank[rank], overlap[3],
            *(q and s for q in flags for s in own),
        ])
    return [[float(x) for x in row] for row in rows]


def _ranks(scores: list[float]) -> list[int]:
    """Each score's rank among them, the highest first."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    ranks = [0] * len(scores)
    for r, i in enumerate(order):
        ranks[i] = r
    return ranks


def reorder(model: RankingModel | None, retriever, question: str, sections):
    """The sections with the model's choice among the first TOP put first, the others in retrieval's order (the
    model is fitted to pick the first section, not to order the rest); retrieval's order without a model."""
    if model is None or not model.trees or len(sections) < 2:
        return sections
    from .retrieve import to_front

    return to_front(sections, first_of(model, candidate_features(retriever, question, sections)))


def follow_up_features(
    retriever, question: str, sections, typed: str, typed_sections, prior: frozenset[str], near: float, preferred: list
) -> list[list[float]]:
    """FOLLOW_UP_FEATURES of the first TOP sections of a follow-up's retrieval (`sections`, in retrieval's order):
    `question` is the follow-up as resolved, `typed` as asked and `typed_sections` its own retrieval; `prior` holds the
    anchors of the sections the conversation points to, which the prior preference favours within `near` of the best
    score; `preferred` is the sections' keys in the order the preference gave."""
    from .conversation import points_back

    rows = candidate_features(retriever, question, sections)
    own = heading_overlap(retriever, typed, sections)
    pointing, words = points_back(typed), len(typed.split())
    best = sections[0][1] if sections else 0.0
    typed_best = typed_sections[0][1] if typed_sections else 0.0
    typed_at = {key: (rank, score) for rank, (key, score, _) in enumerate(typed_sections)}
    at = {key: rank for rank, key in enumerate(preferred)}
    out = []
    for row, mine, (key, score, _) in zip(rows, own, sections):
        rank, typed_score = typed_at.get(key, (len(typed_sections), typed_best - 1.0))
        out.append([
            *row, key[1] in prior, key[1] in prior and score >= best - near, at.get(key, len(preferred)),
            *mine, rank, typed_score - typed_best, typed == question, pointing, words,
        ])
    return [[float(x) for x in row] for row in out]


def first_of(model: RankingModel, rows: list[list[float]]) -> int:
    """The position of the row the model scores highest (the earlier on a tie)."""
    scores = [model.score(row) for row in rows]
    return max(range(len(rows)), key=lambda i: (scores[i], -i))


def load_ranking_model(settings: Settings, embedder: str, corpus_hash: str) -> RankingModel | None:
    """The model fitted for this embedder and corpus, or None."""
    return load_trees(settings, MODEL_FILE, embedder, corpus_hash, FEATURES)


class _Labelled:
    """Candidate rows and whether each is its question's gold, for fitting."""

    def __init__(self, assistant):
        self.assistant = assistant
        self.rows: list[list[float]] = []
        self.labels: list[bool] = []

    def add(self, rows: list[list[float]], keys: list, gold) -> None:
        labels = [self.assistant.section_label(key) for key in keys]
        # The section a gold heading names is the gold, not a section under it ("도커의 단점 요약" lists the five
        # drawbacks; "도커의 단점 요약 > 단점 해결 다이어그램" maps three of them to fixes): the sections under it count
        # only when it is not among the candidates (the eval counts a citation of either as a hit).
        marks = [any(label == g or label.endswith(f" > {g}") for g in gold) for label in labels]
        if not any(marks):
            marks = [any(g in label for g in gold) for label in labels]
        if any(marks):  # no gold among the candidates: nothing to learn about their order
            self.rows.extend(rows)
            self.labels.extend(marks)

    def add_questions(self, questions, features_of, skip_named: bool = False) -> None:
        """The first TOP sections of each answerable question's retrieval (in retrieval's own order), as
        `features_of(question, sections, keys)` describes them."""
        for question in questions:
            if question.offtopic:
                continue
            found = self.assistant.retriever.retrieve(question.q, learned=False)
            if skip_named and found.named:
                continue
            keys = [key for key, _, _ in found.sections[:TOP]]
            self.add(features_of(question.q, found.sections, keys), keys, question.gold)


def fit_ranking_model(assistant, questions, sources: list[str]) -> RankingModel:
    """Fit trees on the first TOP sections of each answerable labelled question, labelled by whether each is gold."""
    data = _Labelled(assistant)
    data.add_questions(questions, lambda q, sections, keys: candidate_features(assistant.retriever, q, sections))
    return _fitted(RankingModel, FEATURES, assistant, data.rows, data.labels, sources, "a ranking model needs answerable questions")


def _fitted(kind, features, assistant, rows, labels, sources: list[str], needs: str):
    """Trees of depth 4 fitted on candidate rows and their gold labels, for this assistant's embedder and corpus."""
    if len(set(labels)) < 2:
        from .errors import EvalFileError

        raise EvalFileError(f"fitting {needs} whose gold is among the first sections")
    trees, bias, _ = fit_trees(rows, labels, depth=4)
    return kind(trees, bias, 0.0, list(features), assistant.embedder.id, assistant.index.manifest.corpus_hash, sources)


def save_ranking_model(settings: Settings, model: RankingModel) -> Path:
    return save_trees(settings, MODEL_FILE, model)


class FollowUpModel(RankingModel):
    """The trees that pick a follow-up's first section."""

    def pick(self, rows: list[list[float]], keys: list) -> int | None:
        """The position among the candidates (FOLLOW_UP_FEATURES rows of the sections `keys`) to cite first."""
        return first_of(self, rows)


def load_follow_up_model(settings: Settings, embedder: str, corpus_hash: str) -> FollowUpModel | None:
    """The follow-up ranking model fitted for this embedder and corpus, or None."""
    return load_trees(settings, FOLLOW_UP_RANKING_FILE, embedder, corpus_hash, FOLLOW_UP_FEATURES, FollowUpModel)


class FollowUpRecorder:
    """Stands in for a follow-up model while one is fitted: keeps the candidates of every follow-up the pipeline ranks
    and leaves their order as it is."""

    def __init__(self):
        self.calls: list[tuple[list[list[float]], list]] = []

    def pick(self, rows: list[list[float]], keys: list) -> int | None:
        self.calls.append((rows, keys))
        return None


def fit_follow_up_model(assistant, questions, conversations, sources: list[str]) -> FollowUpModel:
    """Fit trees on the candidates of every follow-up turn that the pipeline reads with a prior, labelled by whether
    each is the turn's gold, and on the first TOP sections of each labelled single question (which has no prior and
    is typed as read)."""
    data = _Labelled(assistant)
    data.add_questions(
        questions,
        lambda q, sections, keys: follow_up_features(assistant.retriever, q, sections, q, sections, frozenset(), 0.0, keys),
        skip_named=True,  # the model does not apply to a question that names a heading
    )
    recorder = FollowUpRecorder()
    saved, assistant.follow_up_ranking = assistant.follow_up_ranking, recorder
    try:
        for conversation in conversations:
            history = []
            for number, turn in enumerate(conversation.turns):
                recorder.calls.clear()
                assistant.forget_answers()  # every reading is answered anew, and so ranked
                answer = assistant.ask(turn.q, history=history)
                history.append({"question": turn.q, "answer": answer})
                if number and not turn.offtopic:
                    seen = set()
                    for candidates, keys in recorder.calls:  # each reading once
                        if (reading := tuple(map(tuple, candidates))) not in seen:
                            seen.add(reading)
                            data.add(candidates, keys, turn.gold)
    finally:
        assistant.follow_up_ranking = saved
    return _fitted(
        FollowUpModel, FOLLOW_UP_FEATURES, assistant, data.rows, data.labels, sources,
        "a follow-up ranking model needs labelled questions or follow-ups",
    )


def save_follow_up_model(settings: Settings, model: RankingModel) -> Path:
    return save_trees(settings, FOLLOW_UP_RANKING_FILE, model)
