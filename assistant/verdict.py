"""Yes/no verdicts from the article's claims: the claim whose situation is the question's settles it, or none does."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .claims import Claim
from .ingest import Chunk
from .lexicon import HANGUL, Lexicon
from .question import Asked, is_yes_no, question_language
from .terms import TermWeights

Verdict = str  # "yes" | "no" | "partial"

MIN_COVERAGE = 0.5  # share of the question's situation (IDF-weighted) a claim must speak to
SPECIFICITY_PENALTY = 0.5  # weight of a row's own case words that the question does not name
TIE = 0.1  # claims this close to the best are read together; if they disagree, no verdict


@dataclass(frozen=True)
class VerdictResult:
    """A verdict and the claim that settles it."""

    verdict: Verdict
    claim: Claim


def claim_answer(claim: Claim, asked: Asked, lexicon: Lexicon) -> Verdict | None:
    """The claim's answer to the question: "may" and "can" settle questions of risk and ability, else they hedge."""
    value = claim.value
    if value in ("may", "can"):
        risk = claim.predicate in lexicon.risky and asked.predicate in (claim.predicate, lexicon.opposite.get(claim.predicate))
        if asked.possibility or risk:
            value = "yes"  # "is it at risk?" / "is it safe?" - "it may be affected"
        elif value == "can" and asked.modal:
            value = "yes"
        else:
            value = "partial"
    return lexicon.orient(value, claim.predicate, asked.predicate)


def decide(question: str, asked: Asked | None, claims: list[Claim], terms: TermWeights, lexicon: Lexicon) -> VerdictResult | None:
    """The verdict of the claims that best match the question's situation, when they agree; else None.

    A claim speaks to the question when it asserts the asked predicate or its opposite. Its match is the
    IDF-weighted share of the question's words found in the claim's own words (full weight) or around it
    (half weight), less a penalty for a table row whose own case names words the question does not: a general
    question ("do containers share the kernel?") is then settled by a general statement or row, not by the row
    of one special case (Kata Containers), unless the question names that case.
    """
    if asked is None or asked.changes:
        return None
    predicate_words = lexicon.terms_of(asked.predicate)
    situation = frozenset(k for k in terms.keys(question, known_only=True) if k not in _keys(terms, predicate_words))
    reference = terms.keys(asked.reference, known_only=True) if asked.reference else frozenset()
    total = terms.weight(situation)
    scored: list[tuple[float, Verdict, Claim]] = []
    for claim in claims:
        value = claim_answer(claim, asked, lexicon)
        if value is None or bool(claim.reference) != bool(asked.reference):
            continue
        if asked.reference:
            claim_reference = terms.keys(claim.reference)
            if not reference & claim_reference and reference & terms.keys(claim.own):
                value = {"yes": "no", "no": "yes"}.get(value, value)  # the question compares the other way round
            elif not reference & claim_reference:
                continue
        own = terms.keys(claim.own)
        context = terms.keys(claim.context) | terms.keys(claim.reference)
        matched = terms.weight(situation & own) + 0.5 * terms.weight((situation & context) - own)
        coverage = matched / total if total else 0.0
        if coverage < MIN_COVERAGE:
            continue
        case = terms.keys(claim.key) - _keys(terms, predicate_words) if claim.key else frozenset()
        extra = terms.weight(case - situation) / terms.weight(case) if case else 0.0
        scored.append((coverage - SPECIFICITY_PENALTY * extra, value, claim))
    if not scored:
        return None
    best = max(score for score, _, _ in scored)
    tier = [(value, claim) for score, value, claim in scored if score >= best - TIE]
    values = {value for value, _ in tier}
    if len(values) != 1:
        return None
    verdict = values.pop()
    if asked.negated and question_language(question) == "ko":
        # A negative Korean question ("분리되지 않나요?", "안 공유하죠?") is answered "네" by some speakers to agree
        # with the negation and by others to confirm the proposition: a yes/no lead would be read both ways.
        return None
    if asked.prevented and verdict != "partial":
        verdict = {"yes": "no", "no": "yes"}[verdict]
    top = max(scored, key=lambda item: item[0])[2]
    return VerdictResult(verdict, top)


def _keys(terms: TermWeights, words: set[str]) -> frozenset[str]:
    out: set[str] = set()
    for word in words:
        out |= terms.keys(word)
    return frozenset(out)


LEADS = {
    "en": {"yes": "Yes — ", "no": "No — ", "partial": "Partly — "},
    "ko": {"yes": "네, ", "no": "아니요, ", "partial": "경우에 따라 다릅니다. "},
}


# --- statements that say what the question asks ---------------------------------
FULL_STATEMENT = 0.9  # IDF-weighted share of the question's words a statement must contain to settle it alone

_EN_STATEMENT_NEGATION = re.compile(r"\b(not|no|never|cannot|none|neither|nor)\b|n't\b")
_EN_STATEMENT_UNSURE = re.compile(r"\b(may|might|could|possibly|potentially|partially|partly|sometimes|depends?|depending|without|unless|than)\b")
_EN_CONDITION = re.compile(r"^\W*(if|when|whenever|once)\b|\bif\b")
_EN_COMPARISON = re.compile(r"\b(than|more|less|better|worse|fewer)\b")
_KO_NEGATION = {("않", "VX"), ("없", "VA"), ("못하", "VX"), ("아니", "VCN"), ("안", "MAG"), ("못", "MAG")}
_KO_UNSURE_FORMS = {"가능성", "보다"}
_KO_CONDITION_FORMS = {"경우", "때", "면", "으면", "다면", "ㄴ다면", "시"}


def statement_polarity(sentence: str, conditional_question: bool = False, modal_question: bool = False) -> Verdict | None:
    """"yes" for a plain assertion, "no" for a plainly negated one, None when hedged or comparative; a conditional
    statement ("if ..., ...") answers only a conditional question, and "can" ("할 수 있다") only a "can" question."""
    if HANGUL.search(sentence):
        from .lexical import tagged_morphemes

        morphemes = tagged_morphemes(sentence)
        forms = [form for form, _ in morphemes]
        pairs = list(zip(forms, forms[1:]))
        if any(form in _KO_UNSURE_FORMS for form in forms) or ("수", "도") in pairs or ("가능", "성") in pairs:
            return None
        if not modal_question and (("수", "있") in pairs or "가능" in forms):
            return None
        if not conditional_question and any(form in _KO_CONDITION_FORMS for form in forms):
            return None
        negations = sum(1 for pair in morphemes if pair in _KO_NEGATION)
    else:
        lowered = sentence.lower()
        if _EN_STATEMENT_UNSURE.search(lowered) or (not conditional_question and _EN_CONDITION.search(lowered)):
            return None
        if not modal_question and re.search(r"\b(can|able|possible)\b", lowered):
            return None
        negations = len(_EN_STATEMENT_NEGATION.findall(lowered))
    return {0: "yes", 1: "no"}.get(negations)


def _conditional(question: str) -> bool:
    if HANGUL.search(question):
        from .lexical import tagged_morphemes

        return any(form in _KO_CONDITION_FORMS for form, _ in tagged_morphemes(question)) or bool(_EN_CONDITION.search(question.lower()))
    return bool(_EN_CONDITION.search(question.lower()))


def statement_verdict(question: str, asked: Asked | None, sentences: list[tuple[Chunk, str]], terms: TermWeights) -> VerdictResult | None:
    """The verdict of statements that contain (nearly) every word of a yes/no question, when they agree.

    "Does Docker use a bridge network by default?" is settled by "Docker uses a bridge network by default" and
    denied by its negation. Every word of the question counts, words the article never uses at their full
    weight, so a statement that leaves out part of the question settles nothing; comparisons ("more ... than"),
    "does X change whether" questions and hedged or conditional statements are left to the claims or to no one.
    """
    if not is_yes_no(question) or (asked is not None and (asked.changes or asked.reference)):
        return None
    lowered = question.lower()
    if _EN_COMPARISON.search(lowered) or "보다" in question:
        return None
    keys = terms.keys(question)
    total = terms.weight(keys)
    if len(keys) < 2 or not total:
        return None
    conditional = _conditional(question)
    modal = asked.modal if asked is not None else bool(re.search(r"^\s*(can|could)\b|수\s*있|가능", lowered))
    found: list[tuple[Verdict, Chunk, str]] = []
    for chunk, sentence in sentences:
        if terms.weight(keys & terms.keys(sentence)) < FULL_STATEMENT * total:
            continue
        polarity = statement_polarity(sentence, conditional, modal)
        if polarity is None:
            return None  # the question's own words, said with a hedge or a condition: no plain answer
        found.append((polarity, chunk, sentence))
    if not found or len({polarity for polarity, _, _ in found}) != 1:
        return None
    verdict, chunk, sentence = found[0]
    negated = asked.negated if asked is not None else _question_negated(question)
    if negated and question_language(question) == "ko":
        return None  # read both ways, as above
    if asked is not None and asked.prevented:
        verdict = {"yes": "no", "no": "yes"}[verdict]
    return VerdictResult(verdict, Claim(chunk, "", verdict, own=sentence, context="", text=sentence))


def _question_negated(question: str) -> bool:
    if question_language(question) == "ko":
        from .lexical import tagged_morphemes

        return any(pair in _KO_NEGATION for pair in tagged_morphemes(question))
    return bool(re.search(r"^\s*\w+n't\b|\bnot\b", question.lower()))
