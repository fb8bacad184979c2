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
_KO_WH = ("무엇", "뭐", "무슨", "어떻게", "어떤", "왜", "언제", "어디", "누가", "누구", "얼마", "몇", "어느", "방법", "이유", "차이")
_KO_YN_END = re.compile(r"(나요|까요|니까|가요|는지|나|니|냐|죠|지요|습니까|ㅂ니까|어요|아요|돼요|되나|있어|없어)\s*[?？]*\s*$")

# Concepts a yes/no question can ask about, each with words that assert it and words that assert its opposite.
_CONCEPTS = {
    "share": (
        ("share", "shared", "sharing", "shares", "common", "same", "one kernel", "single kernel", "공유", "같", "동일"),
        ("isolate", "isolated", "isolation", "separate", "separated", "independent", "own", "격리", "분리", "독립"),
    ),
    "affect": (
        ("affect", "affected", "affects", "impact", "impacted", "harm", "risk", "risky", "danger", "dangerous",
         "compromise", "compromised", "spread", "go down", "die", "break", "hog", "starve", "slow down",
         "bring down", "take down", "영향", "위험", "피해", "전파", "죽"),
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
        if any(wh in text for wh in _KO_WH) or re.search(r"(은|는)\s*[?？]*\s*$", text):
            return False  # a question word, or "X은?" / "X는?" ("what about X?")
        # Without a question word, a Korean question that ends in "?" or in a question ending asks yes or no.
        return text.endswith(("?", "？")) or bool(_KO_YN_END.search(text))
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
    """Which concept the question asks about, and whether it asks for the concept or its opposite.

    The predicate is what counts, and it comes after the words that describe the situation: last in Korean
    ("분리된 compose ... 공유하나요?" asks about sharing), last in the main clause in English ("Does running on
    separate hosts share the kernel?"; "If one crashes, do the others go down?").
    """
    text = question.lower()
    korean = question_language(question) == "ko"
    if not korean:
        if "," in text and re.match(r"\s*(if|when|once|after)\b", text):
            text = text.split(",", 1)[1]
        text = re.split(r"\b(?:if|when|once)\b", text, maxsplit=1)[0] or text
    found: list[tuple[int, Polarity]] = []
    for concept, (positive, negative) in _CONCEPTS.items():
        for terms, sign in ((positive, True), (negative, False)):
            for term in terms:
                if _has_term(text, term):
                    found.append((text.rfind(term), Polarity(concept, sign)))
    if not found:
        return None
    return max(found, key=lambda pair: pair[0])[1]


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


def concept_terms() -> list[str]:
    """Every word that names a concept; they say what is asked, not which situation."""
    return [term for positive, negative in _CONCEPTS.values() for term in (*positive, *negative)]


def condition_text(chunk: Chunk) -> str:
    """The part of a chunk that says which situation it is about: its heading and its text (rows without the verdict cell)."""
    title = chunk.section.rsplit(" > ", 1)[-1]
    if chunk.kind == "row":
        return title + " " + " ".join(cell for cell in chunk.cells if cell.strip().lower() not in _CELL_VALUES)
    return f"{title} {chunk.text}"


def find_verdict(question: str, candidates: list[Chunk], relevance) -> tuple[Verdict | None, Chunk | None]:
    """The verdict of the candidate whose situation best matches the question, among those that speak to its concept.

    `relevance(chunk)` scores how well a chunk's situation matches the question; candidates come best-ranked first.
    """
    if not is_yes_no(question):
        return None, None
    asked = question_polarity(question)
    if asked is None:
        return None, None
    speaking = [(chunk, value) for chunk in candidates if (value := chunk_verdict(chunk, asked)) is not None]
    if not speaking:
        return None, None
    # On a tie, a statement (which speaks generally) beats a table row (one specific situation), then rank decides.
    best = max(range(len(speaking)), key=lambda i: (round(relevance(speaking[i][0]), 6), speaking[i][0].kind != "row", -i))
    return speaking[best][1], speaking[best][0]


LEADS = {
    "en": {"yes": "Yes — ", "no": "No — ", "partial": "Partly — "},
    "ko": {"yes": "네, ", "no": "아니요, ", "partial": "경우에 따라 다릅니다. "},
}
