"""Yes/no questions: detect them, read their polarity, and take a verdict from the article's tables and statements."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .ingest import Chunk

Verdict = str  # "yes" | "no" | "partial"

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_EN_AUX = {
    "do", "does", "did", "is", "are", "was", "were", "can", "could", "will", "would", "should",
    "shall", "has", "have", "had", "may", "might", "must", "isn't", "aren't", "doesn't", "don't", "won't", "can't",
}
_EN_WH = {"what", "why", "how", "when", "where", "which", "who", "whom", "whose"}
_KO_WH = ("무엇", "뭐", "무슨", "어떻게", "어떤", "왜", "언제", "어디", "누가", "누구", "얼마", "몇", "어느", "방법")
_KO_YN_END = re.compile(r"(나요|까요|니까|가요|는지|나|니|냐|죠|지요|습니까|ㅂ니까|어요|아요|돼요|되나|있어|없어)\s*[?？]*\s*$")

# Concepts a yes/no question can ask about, each with words that assert it and words that assert its opposite.
_CONCEPTS = {
    "share": (
        ("share", "shared", "sharing", "shares", "common", "same kernel", "공유"),
        ("isolate", "isolated", "isolation", "separate", "separated", "independent", "own kernel", "격리", "분리", "독립"),
    ),
    "affect": (
        ("affect", "affected", "affects", "impact", "impacted", "harm", "risk", "risky", "danger", "dangerous",
         "compromise", "compromised", "spread", "영향", "위험", "피해", "전파"),
        ("safe", "unaffected", "안전", "무사"),
    ),
}

# Table cells that carry a verdict, by concept. Values in the "share" family answer "is it shared?".
_CELL_VALUES = {
    "공유": ("share", "yes"),
    "공유 가능": ("share", "partial"),
    "분리": ("share", "no"),
    "격리": ("share", "no"),
    "o": (None, "yes"),
    "x": (None, "no"),
    "△": (None, "partial"),
}
_NEGATION = re.compile(r"(않|없|안 |안됨|못|아니)")


def question_language(question: str) -> str:
    """'ko' when the question is mostly Korean, else 'en'."""
    letters = [c for c in question if c.isalpha()]
    hangul = sum(1 for c in letters if _HANGUL.match(c))
    return "ko" if letters and hangul / len(letters) >= 0.3 else "en"


def is_yes_no(question: str) -> bool:
    """Whether the question asks for yes or no."""
    text = question.strip()
    if question_language(text) == "ko":
        if any(wh in text for wh in _KO_WH):
            return False
        return bool(_KO_YN_END.search(text))
    words = re.findall(r"[a-z']+", text.lower())
    if not words or words[0] in _EN_WH:
        return False
    if words[0] in _EN_AUX:
        return True
    # "If one service leaks memory, can it affect the others?"
    for clause in re.split(r"[,;]", text.lower())[1:]:
        clause_words = re.findall(r"[a-z']+", clause)
        if clause_words and clause_words[0] in _EN_AUX:
            return True
    return False


@dataclass(frozen=True)
class Polarity:
    """A concept and whether the text asserts it (True) or its opposite (False)."""

    concept: str
    positive: bool


def _has_term(text: str, term: str) -> bool:
    if _HANGUL.search(term):
        return term in text
    return re.search(rf"(?<![a-z]){re.escape(term)}(?![a-z])", text) is not None


def question_polarity(question: str) -> Polarity | None:
    """Which concept the question asks about, and whether it asks for the concept or its opposite."""
    text = question.lower()
    best: tuple[int, Polarity] | None = None
    for concept, (positive, negative) in _CONCEPTS.items():
        for terms, sign in ((positive, True), (negative, False)):
            for term in terms:
                if _has_term(text, term):
                    position = text.find(term)
                    if best is None or position < best[0]:
                        best = (position, Polarity(concept, sign))
    return best[1] if best else None


def chunk_verdict(chunk: Chunk, asked: Polarity) -> Verdict | None:
    """The verdict a chunk gives on the asked concept, or None when it says nothing about it."""
    if chunk.kind == "row":
        for header, cell in zip(chunk.header, chunk.cells):
            key = cell.strip().lower()
            if key not in _CELL_VALUES:
                continue
            concept, value = _CELL_VALUES[key]
            if concept is None:  # O / X / △: the column header names the concept ("영향 여부")
                column = question_polarity(header)
                concept = column.concept if column else None
            if concept != asked.concept:
                continue
            return _orient(value, asked.positive)
        return None
    if chunk.kind != "prose":
        return None
    positive, negative = _CONCEPTS[asked.concept]
    for sentence in re.split(r"(?<=[.!?다음])\s+|\n", chunk.text):
        lowered = sentence.lower()
        for terms, sign in ((positive, True), (negative, False)):
            for term in terms:
                if not _HANGUL.search(term) or term not in lowered:
                    continue
                tail = lowered[lowered.find(term) + len(term) :][:12]
                if "가능" in tail or "할 수도" in tail:
                    return "partial"
                asserted = sign != bool(_NEGATION.search(tail))
                return _orient("yes" if asserted else "no", asked.positive)
    return None


def _orient(value: Verdict, asked_positive: bool) -> Verdict:
    if value == "partial" or asked_positive:
        return value
    return "no" if value == "yes" else "yes"


def find_verdict(question: str, ranked_chunks: list[Chunk]) -> tuple[Verdict | None, Chunk | None]:
    """The verdict of the best-ranked chunk that speaks to the question's concept."""
    if not is_yes_no(question):
        return None, None
    asked = question_polarity(question)
    if asked is None:
        return None, None
    for chunk in ranked_chunks:
        value = chunk_verdict(chunk, asked)
        if value is not None:
            return value, chunk
    return None, None


LEADS = {
    "en": {"yes": "Yes", "no": "No", "partial": "Partly"},
    "ko": {"yes": "네", "no": "아니요", "partial": "경우에 따라 다릅니다"},
}
