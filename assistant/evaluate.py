"""`docker-qa eval`: hit@1, hit@3, MRR, verdicts, refusal rates, snippet precision and calibration on a question file."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import EvalFileError

BINS = 10  # equal-width confidence bins over [0, 1] for the reliability table and ECE


class EvalQuestion(BaseModel):
    """One line of a question file."""

    model_config = ConfigDict(extra="forbid")

    q: str
    gold: list[str] = Field(default_factory=list)
    verdict: str | None = None
    offtopic: bool = False
    near: bool = Field(False, description="An off-topic near miss: the same technical domain, not covered by the article")
    snippets: list[str] = Field(default_factory=list, description="Substrings the attached code must contain, in order")

    @field_validator("gold")
    @classmethod
    def _heading_text(cls, gold: list[str]) -> list[str]:
        """Gold copied from the Markdown source (`--privileged` ...) compared as the heading's text: sections are
        labelled with their visible text, without inline-code backticks."""
        return [g.replace("`", "") for g in gold]

    @model_validator(mode="after")
    def _near_is_offtopic(self):
        """Only an off-topic question can be a near miss."""
        if self.near and not self.offtopic:
            raise ValueError('"near": true needs "offtopic": true')
        return self


class EvalConversation(BaseModel):
    """One line of a conversation file: turns asked in order, each scored with the turns before it as history."""

    model_config = ConfigDict(extra="forbid")

    turns: list[EvalQuestion] = Field(min_length=1)


def is_conversation_file(path: Path) -> bool:
    """Whether a JSONL evaluation file holds conversations (`{"turns": [...]}` per line) rather than questions."""
    try:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                return '"turns"' in line and isinstance(json.loads(line), dict) and "turns" in json.loads(line)
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return False


def read_conversations(path: Path) -> list[EvalConversation]:
    """Parse a JSONL conversation file, naming the line of any error."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalFileError(f"{path}: cannot read the conversation file ({exc.__class__.__name__}); check the path") from None
    conversations = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            conversations.append(EvalConversation.model_validate(json.loads(line)))
        except (ValueError, ValidationError) as exc:
            first = str(exc).splitlines()[0][:120]
            raise EvalFileError(
                f"{path}:{number}: not a conversation record ({first}); see tests/data/conversations_dev.jsonl"
            ) from None
    if not conversations:
        raise EvalFileError(f"{path}: no conversations in the file; add one JSON object per line")
    return conversations


def read_questions(path: Path) -> list[EvalQuestion]:
    """Parse a JSONL question file, naming the line of any error."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalFileError(f"{path}: cannot read the question file ({exc.__class__.__name__}); check the path") from None
    questions = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            questions.append(EvalQuestion.model_validate(json.loads(line)))
        except (ValueError, ValidationError) as exc:
            first = str(exc).splitlines()[0][:120]
            raise EvalFileError(f"{path}:{number}: not a question record ({first}); see tests/data/dev_questions.jsonl") from None
    if not questions:
        raise EvalFileError(f"{path}: no questions in the file; add one JSON object per line")
    return questions


@dataclass
class Outcome:
    """How one question went."""

    question: EvalQuestion
    sections: list[str]
    verdict: str | None
    refused: bool
    confidence: float
    snippet_codes: list[str]
    rank: int | None = None  # 1-based rank of the first citation matching a gold string
    in_language: bool | None = None  # the answer text is in the question's language (None for refusals)
    read_as: str | None = None  # how a follow-up was read (its standalone question), when it differs


@dataclass
class Report:
    """Aggregate metrics of one run."""

    mode: str
    outcomes: list[Outcome] = field(default_factory=list)

    def _answerable(self):
        return [o for o in self.outcomes if not o.question.offtopic]

    def metrics(self) -> dict[str, float | int | None]:
        """Shares are rounded to 4 places; counts are integers; None where no question applies."""
        answerable = self._answerable()
        offtopic = [o for o in self.outcomes if o.question.offtopic]
        with_verdict = [o for o in answerable if o.question.verdict]
        with_snippets = [o for o in answerable if o.question.snippets]

        def share(items, predicate):
            return round(sum(1 for o in items if predicate(o)) / len(items), 4) if items else None

        def count(items, predicate):
            return sum(1 for o in items if predicate(o)) if items else None

        return {
            "questions": len(self.outcomes),
            "hit@1": share(answerable, lambda o: o.rank == 1),
            "hit@3": share(answerable, lambda o: o.rank is not None and o.rank <= 3),
            "mrr": round(sum(1.0 / o.rank for o in answerable if o.rank) / len(answerable), 4) if answerable else None,
            "verdict_acc": share(with_verdict, lambda o: o.verdict == o.question.verdict),
            "verdict_wrong": count(with_verdict, lambda o: verdict_error(o) == "wrong"),
            "verdict_none": count(with_verdict, lambda o: verdict_error(o) == "none"),
            "offtopic_refusal": share(offtopic, lambda o: o.refused),
            "near_refusal": share([o for o in offtopic if o.question.near], lambda o: o.refused),
            "far_refusal": share([o for o in offtopic if not o.question.near], lambda o: o.refused),
            "false_refusal": share(answerable, lambda o: o.refused),
            "snippet_precision": share(with_snippets, snippets_match),
            "answer_language": share([o for o in answerable if o.in_language is not None], lambda o: o.in_language),
            "conf_right": mean_confidence([o for o in self.outcomes if is_right(o)]),
            "conf_wrong": mean_confidence([o for o in self.outcomes if not is_right(o)]),
            "ece": expected_calibration_error(self.outcomes),
        }

    def reliability(self) -> list[dict[str, float | int]]:
        """Per non-empty confidence bin: its range, how many answers, their mean confidence and the share right."""
        return [
            {
                "low": i / BINS,
                "high": (i + 1) / BINS,
                "count": len(b),
                "confidence": mean_confidence(b),
                "accuracy": round(sum(map(is_right, b)) / len(b), 4),
            }
            for i, b in enumerate(confidence_bins(self.outcomes))
            if b
        ]

    def misses(self) -> list[Outcome]:
        out = []
        for o in self.outcomes:
            q = o.question
            wrong = (
                (q.offtopic and not o.refused)
                or (not q.offtopic and (o.rank != 1 or o.refused))
                or verdict_error(o) is not None
                or (q.snippets and not snippets_match(o))
            )
            if wrong:
                out.append(o)
        return out


def is_right(outcome: Outcome) -> bool:
    """Refused when off-topic; otherwise answered with a gold section first."""
    if outcome.question.offtopic:
        return outcome.refused
    return not outcome.refused and outcome.rank == 1


def verdict_error(outcome: Outcome) -> str | None:
    """How a graded verdict failed: "wrong" (another verdict) or "none" (no verdict, an abstention); None if right or ungraded."""
    expected = outcome.question.verdict
    if not expected or outcome.verdict == expected:
        return None
    return "none" if outcome.verdict is None else "wrong"


def confidence_bins(outcomes: list[Outcome]) -> list[list[Outcome]]:
    """The outcomes in BINS equal-width confidence bins over [0, 1]; the last bin includes 1.0."""
    bins = [[] for _ in range(BINS)]
    for o in outcomes:
        bins[min(int(o.confidence * BINS), BINS - 1)].append(o)
    return bins


def expected_calibration_error(outcomes: list[Outcome]) -> float | None:
    """Sum over bins of (bin size / total) x |accuracy - mean confidence|, with right as in is_right."""
    if not outcomes:
        return None
    gaps = (abs(sum(map(is_right, b)) - sum(o.confidence for o in b)) for b in confidence_bins(outcomes))
    return round(sum(gaps) / len(outcomes), 4)


def mean_confidence(outcomes: list[Outcome]) -> float | None:
    """Mean confidence of the answers (for refusals, the confidence in the refusal)."""
    return round(sum(o.confidence for o in outcomes) / len(outcomes), 4) if outcomes else None


def snippets_match(outcome: Outcome) -> bool:
    """Each expected substring appears in the attached code, in order of appearance."""
    position = 0
    for expected in outcome.question.snippets:
        found = next((i for i in range(position, len(outcome.snippet_codes)) if expected in outcome.snippet_codes[i]), None)
        if found is None:
            return False
        position = found
    return True


def evaluate(assistant, questions: list[EvalQuestion], mode: str = "hybrid", top_k: int = 3) -> Report:
    """Ask every question with the given retrieval mode and score the answers."""
    report = Report(mode)
    for question in questions:
        answer = assistant.ask(question.q, top_k=top_k, mode=mode)
        report.outcomes.append(score(question, answer))
    return report


def evaluate_conversations(
    assistant, conversations: list[EvalConversation], mode: str = "hybrid", top_k: int = 3
) -> tuple[Report, Report]:
    """Ask every turn with the turns before it (and the answers they got) as history; first turns and follow-ups
    are scored in separate reports."""
    first, follow_ups = Report(f"{mode}: first turns"), Report(f"{mode}: follow-ups")
    for conversation in conversations:
        history: list[dict] = []
        for position, turn in enumerate(conversation.turns):
            answer = assistant.ask(turn.q, top_k=top_k, mode=mode, history=history)
            (follow_ups if position else first).outcomes.append(score(turn, answer))
            history.append({"question": turn.q, "answer": answer})
    return first, follow_ups


def score(question: EvalQuestion, answer) -> Outcome:
    """How one answer fared against its question's gold."""
    sections = [c.section for c in answer.citations]
    rank = next((i + 1 for i, s in enumerate(sections) if any(g in s for g in question.gold)), None)
    in_language = None if answer.refused else answer_in_language(question.q, answer.answer)
    return Outcome(
        question, sections, answer.verdict, answer.refused, answer.confidence, [s.code for s in answer.snippets], rank,
        in_language, getattr(answer, "standalone_question", None),
    )


def answer_in_language(question: str, answer: str) -> bool:
    """Whether the answer's prose (code blocks aside) is in the question's language: under 5% Hangul letters for an
    English question; for a Korean one, Korean by the rule that calls a question Korean (at least 30% Hangul letters,
    as Korean text about tools is full of their Latin names)."""
    import re

    from .question import question_language

    prose = re.sub(r"```.*?```", " ", answer, flags=re.DOTALL)
    letters = [c for c in prose if c.isalpha()]
    hangul = sum(1 for c in letters if "\uac00" <= c <= "\ud7a3")
    share = hangul / len(letters) if letters else 0.0
    return share < 0.05 if question_language(question) == "en" else share >= 0.3
