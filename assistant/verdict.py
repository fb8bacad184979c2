"""Yes/no verdicts from the article's claims: the claim whose situation is the question's settles it, or none does."""

from __future__ import annotations

from dataclasses import dataclass

from .claims import Claim
from .lexicon import Lexicon
from .question import Asked, question_language
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
    if asked.negated and question_language(question) == "ko" and verdict != "partial":
        # A Korean answer agrees or disagrees with the question as put: "안 공유하죠?" - "아니요, 공유합니다".
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
