"""Yes/no verdicts from the article's claims: the claim whose situation is the question's settles it, or none does."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import zip_longest

from .answerability import RARE_ZIPF
from .claims import DEFINITION_WORDS, EN_DASH_BREAK, EN_NEGATION_WORDS, KO_RESTRICTION, Claim, antecedent, entry_term, is_condition_ending, points_back, prevented, split_sentences
from .claims import KO_NOUNS as _KO_NOUNS
from .claims import nouns_before as _nouns_before
from .ingest import Chunk
from .lexical import is_compound, is_stopword, tokenize
from .lexicon import HANGUL, Lexicon
from .question import EN_DISCOURSE_OPENING, EN_SAYING_ADVERBS, EN_SAYING_VERBS, KO_COMITATIVE, KO_LIGHT_VERBS, REMEDY_HEADING, Asked, points_at_figure, asking_sentence, asks_for_a_way, compares, asks_possibility, is_yes_no, korean_negation, question_language, says_prevention
from .terms import FUNCTION_ZIPF, TermWeights, general_zipf

Verdict = str  # "yes" | "no" | "partial"

MIN_COVERAGE = 0.5  # share of the question's situation (IDF-weighted) a claim must speak to
SPECIFICITY_PENALTY = 0.5  # weight of a row's own case words that the question does not name
TIE = 0.3  # claims this close to the best are read together; if they disagree, no verdict
MIN_CASE = 0.15  # share of a table row's own case (IDF-weighted) a question must name for the row to speak to it
MIN_MATCH = 0.25  # a claim matching less than this (after the penalty for its case) neither settles nor contradicts
# A term in at least this share of the passages is what the posts are about ("Docker", "container"), said of each of
# them; domain terms below it name a thing of their own (this article: "Docker" 0.53, "container" 0.49, "solution"
# 0.37 and "isolation" 0.34 are at or above it; "share" 0.33 and "kernel" 0.19 below)
TOPIC_SHARE = 1 / 3


@dataclass(frozen=True)
class VerdictResult:
    """A verdict and the claim that settles it."""

    verdict: Verdict
    claim: Claim
    support: tuple[Claim, ...] = ()  # every claim that agrees with it (the settling claim among them)

    @property
    def evidence(self) -> tuple[Claim, ...]:
        return self.support or (self.claim,)


def claim_answer(claim: Claim, asked: Asked, lexicon: Lexicon, of_condition: bool = False) -> Verdict | None:
    """The claim's answer to the question: "may" and "can" settle questions of risk and ability, else they hedge.

    A sentence that says its subject can do something ("a volume can preserve the data", "the container can
    access almost every resource") answers "does it?" yes; a table cell "possible" between "shared" and
    "isolated" is a middle value, a partial answer to "is it shared?". `of_condition`: the claim names every word of
    the question's condition ("--network host 쓰면 NAT 안 거쳐?" - "--network host 옵션을 사용해 NAT를 생략할 수
    있습니다"): what the claim says can be done is what that condition does.
    """
    value = claim.value
    if value in ("may", "can"):
        risk = claim.predicate in lexicon.risky and asked.predicate in (claim.predicate, lexicon.opposite.get(claim.predicate))
        if asked.possibility or risk or (asked.modal and value == "may"):
            value = "yes"  # "is it at risk?" / "is it safe?" - "it may be affected"; "can it get large?" - "it may"
        elif value == "can" and claim.column >= 0 and _hedged_row(claim, lexicon):
            value = "partial"  # "공유 가능" beside "설정에 따라 공유할 수도, 안 할 수도 있음" (it may or may not be)
        elif value == "can" and not asked.modal and claim.column < 0 and lexicon.opposite.get(claim.predicate) == asked.predicate and not of_condition:
            return None  # "NAT can be skipped" does not say that NAT is not gone through: what can be is no default
        elif value == "can" and (asked.modal or claim.column < 0):
            value = "yes"
        else:
            value = "partial"
    return lexicon.orient(value, claim.predicate, asked.predicate)


_EN_NEGATED_CONDITION = re.compile(r"\b(?:if|when|whenever|once)\b[^,.;?]*?(?:\bnot?\b|n['’]t\b|\bnever\b)|\bwithout\b|\bunless\b", re.IGNORECASE)


def _negated_condition(text: str) -> bool:
    """Whether a text states a condition of not doing something ("cgroups를 설정하지 않으면", "리소스 제한 안 하면",
    "if cgroups are not configured", "without resource limits", "unless …"): the case of what holds by default."""
    if not HANGUL.search(text):
        return bool(_EN_NEGATED_CONDITION.search(text))
    from .lexical import tagged_morphemes

    morphemes = tagged_morphemes(text)
    return any(
        is_condition_ending(form, tag) and any(pair in _KO_NEGATION for pair in morphemes[max(0, i - 3) : i])
        for i, (form, tag) in enumerate(morphemes)
    )


def _by_default(question: str, asked: Asked | None, result: "VerdictResult", lexicon: Lexicon) -> "VerdictResult | None":
    """A question of the default case ("are CPU and memory isolated by default?", "CPU랑 메모리는 기본적으로 …?") answered
    in part by rows of what can be ("CPU / 메모리 / I/O: 공유 가능") whose other cells say what holds unless
    something is done ("cgroups를 설정하지 않으면 시스템 자원을 모두 사용 가능"): by default it holds, so the row answers
    plainly. Other partial answers stand."""
    rows = result.evidence
    if asked is None or not all(c.column >= 0 and c.value == "can" and _negated_condition(_other_cells(c)) for c in rows):
        return result
    values = {claim_answer(replace(c, value="yes"), asked, lexicon) for c in rows}
    if len(values) != 1 or None in values:
        return result
    verdict = values.pop()
    flip = _flips(question, asked, tuple(c.text for c in rows))
    if flip is None:
        return None
    if flip:
        verdict = {"yes": "no", "no": "yes"}.get(verdict, verdict)
    return VerdictResult(verdict, result.claim, result.support)


def _own_cell(claim: Claim) -> str:
    """The cell a table claim is read from ("" for a claim of prose)."""
    return claim.chunk.cells[claim.column] if 0 <= claim.column < len(claim.chunk.cells) else ""


def _other_cells(claim: Claim) -> str:
    """The cells of a claim's row besides its case and its own column."""
    return " ".join(cell for i, cell in enumerate(claim.chunk.cells) if i not in (0, claim.column))


def _hedged_row(claim: Claim, lexicon: Lexicon) -> bool:
    """Whether another cell of the claim's row says that what the claim says depends or may be either way: a cell of
    the claim's predicate or its opposite ("설정에 따라 공유할 수도, 안 할 수도 있음" beside "공유 가능"), not one of
    another property ("공유 가능" beside "cgroups를 설정하지 않으면 시스템 자원을 모두 사용 가능")."""
    others = _other_cells(claim)
    if not others.strip() or not lexicon.predicates_in(others) & {claim.predicate, lexicon.opposite.get(claim.predicate)}:
        return False
    return statement_polarity(others) is None


def score_claims(
    question: str, asked: Asked | None, claims: list[Claim], terms: TermWeights, lexicon: Lexicon, named: dict | None = None
) -> list[tuple[float, Verdict, Claim]]:
    """(match, answer, claim) of every claim that speaks to the question's situation.

    A claim speaks to the question when it asserts the asked predicate or its opposite. Its match is the
    IDF-weighted share of the question's words found in the claim's own words (full weight) or around it
    (half weight), less a penalty for a table row whose own case names words the question does not: a general
    question ("do containers share the kernel?") is then settled by a general statement or row, not by the row
    of one special case (Kata Containers), unless the question names that case. A row whose case the question
    hardly names (the property its column asks, and the words every row of the column shares, aside) says
    nothing about it. `named` collects, by claim id, the words of a row's case that no other row of its column has and
    the question names ("Kata" of "Kata Containers 등 커널 분리 기술 사용").
    """
    if asked is None or asked.changes:
        return []
    predicate_words = lexicon.terms_of(asked.predicate)
    situation = frozenset(k for k in terms.keys(question, known_only=True) if k not in _keys(terms, predicate_words))
    reference = terms.keys(asked.reference, known_only=True) if asked.reference else frozenset()
    total = terms.weight(situation)
    # Words most rows of a table column name ("날씨 서비스에서 ...": the running example, in five rows of six) set no
    # row's case apart.
    rows: Counter = Counter()
    spread: dict[tuple, Counter] = {}  # per column, in how many rows' cases each word is
    for claim in claims:
        if claim.column >= 0:
            rows[_source(claim)] += 1
            spread.setdefault(_source(claim), Counter()).update(terms.keys(claim.key))
    frames = {source: frozenset(k for k, n in spread[source].items() if 2 * n > rows[source]) for source in rows}
    # Sentences that say the asked property itself is weak ("보안적 격리가 약함", "isolation is weak"): it holds, weakly.
    asked_keys = _keys(terms, predicate_words)
    weakened = {
        (claim.chunk.id, claim.text): terms.keys(claim.own) for claim in claims
        if claim.predicate == WEAKENING and claim.value == "yes" and asked.predicate != WEAKENING
        and asked_keys & terms.keys(claim.own)
    }
    # What each clause of a sentence says in its own words: of two claims of one sentence that answer the question, the
    # one whose own words hold less of what the question names ("the kernel") speaks of another part of it (the
    # containers, not their kernel: "각 컨테이너는 논리적으로 독립되어 있으나 동일한 커널을 공유하며 동작합니다").
    # the question's condition past the posts' topic words ("--network host 쓰면 …?": --network, host), unless the
    # predicate read as asked is the condition's own ("NAT를 거치면 성능 overhead가 생기나요?"); read only for a claim of
    # what can be done, the one kind it changes (claim_answer)
    condition = frozenset()
    if any(claim.value == "can" and claim.column < 0 for claim in claims):
        said = _condition_text(question)
        if asked.predicate not in lexicon.predicates_in(said):
            condition = frozenset(key for key in _condition_names(question, terms, said) if terms.passage_share(key) < TOPIC_SHARE)
    answers = [
        (claim, claim_answer(claim, asked, lexicon, bool(condition) and condition <= terms.keys(claim.own)), terms.keys(claim.own) & situation)
        for claim in claims
    ]
    clauses: dict[tuple[str, str], list[frozenset[str]]] = {}
    for claim, value, named_here in answers:
        if claim.column < 0 and value is not None:
            clauses.setdefault((claim.chunk.id, claim.text), []).append(named_here)
    scored: list[tuple[float, Verdict, Claim]] = []
    for claim, value, named_here in answers:
        if claim.column < 0 and any(named_here < other for other in clauses.get((claim.chunk.id, claim.text), ())):
            continue
        if value is None or bool(claim.reference) != bool(asked.reference):
            continue
        if asked.causative and claim.predicate != asked.predicate:
            continue  # "can X reduce the image?" is not answered by "the image may grow large"
        if claim.column < 0 and of_the_other_subject(question, claim.text, claim.chunk, terms):
            continue
        weak = weakened.get((claim.chunk.id, claim.text))
        if weak is not None and claim.predicate != WEAKENING and value in ("yes", "no"):
            # "컨테이너는 커널을 공유하므로 보안적 격리가 약함" answers "are they isolated?" partly, not no, and "are they
            # fully isolated?" no; a question that names what the claim says more of its subject ("a kernel of its
            # own?") asks that, not how isolated the subject is.
            subject = terms.keys(claim.own.split()[0]) if claim.own.split() else frozenset()
            if not (terms.keys(claim.own) - weak - subject - asked_keys) & situation:
                value = "no" if _asks_degree(question) else "partial"
        if asked.reference:
            claim_reference = terms.keys(claim.reference)
            if not reference & claim_reference and reference & terms.keys(claim.own):
                value = {"yes": "no", "no": "yes"}.get(value, value)  # the question compares the other way round
            elif not reference & claim_reference:
                continue
        # A row whose case is a section of its own is named by the words no other section of the post has
        # ("EC2 인스턴스" in "실행 방식 3: 서로 다른 VM에서 실행" names the row "서로 다른 VM에서 실행").
        described = terms.keys(claim.case_text) if claim.case_text else frozenset()
        own = terms.keys(claim.own) | described
        context = terms.keys(claim.context) | terms.keys(claim.reference)
        matched = terms.weight(situation & own) + 0.5 * terms.weight((situation & context) - own)
        coverage = matched / total if total else 0.0
        if coverage < MIN_COVERAGE:
            continue
        if claim.antecedent and not (terms.keys(claim.antecedent) - terms.keys(claim.text)) & situation:
            # "이를 통해 컨테이너를 삭제해도 데이터는 유지되며": it holds through what the sentence before names (a mount);
            # a question that names none of that asks about something else ("by default").
            continue
        # A row's case: its key cell, less the words of the property its column asks ("커널 공유 여부": 커널)
        header = claim.chunk.header[claim.column] if 0 <= claim.column < len(claim.chunk.header) else ""
        case = terms.keys(claim.key) - _keys(terms, predicate_words) - terms.keys(header) if claim.key else frozenset()
        if rows[_source(claim)] > 1:
            case -= frames[_source(claim)]
        case = frozenset(k for k in case if not is_compound(k))  # "docker-compose" is named through its parts
        case_weight = terms.weight(case)
        cell = _own_cell(claim)
        if cell and lexicon.cell_value(cell) is None:
            # a claim read from a cell of free text ("cgroups를 설정하지 않으면 시스템 자원을 모두 사용 가능") says in its
            # own words what its row's case is ("CPU / 메모리 / I/O": the system's resources)
            described |= terms.keys(cell)
        by_description = terms.weight((described - case) & situation)
        if case and case_weight and terms.weight(case & situation) + by_description < MIN_CASE * case_weight:
            continue  # a row about a case the question hardly names
        extra = max(0.0, terms.weight(case - situation) - by_description) / case_weight if case and case_weight else 0.0
        own_case = frozenset(k for k in case & situation if spread.get(_source(claim), Counter())[k] == 1)
        if named is not None and own_case:
            named[id(claim)] = own_case  # the question names what only this row's case has ("Kata")
        scored.append((coverage - SPECIFICITY_PENALTY * extra, value, claim))
    return scored


# A heading that sets two things side by side (general English and Korean): "A vs B", "better than", "compared with",
# "instead of", "A와 B의 차이", "A보다", "A 대신 B".
_EN_SIDE_BY_SIDE = re.compile(r"\b(?:than|versus|vs\.?|compared (?:to|with)|instead of|rather than|difference between)\b")
_KO_SIDE_BY_SIDE = ("보다", "대신", "차이", "비교", " vs")


def of_the_other_subject(question: str, own: str, chunk: Chunk, terms: TermWeights) -> bool:
    """Whether a sentence speaks of the other of two things its heading sets side by side (compares, contrasts): the
    question names a thing of the heading that the sentence leaves out, and the sentence names one that the question does not ("Does
    RAG require retraining …?" against "fine-tuning would require retraining" under "What is RAG and why is it better
    than fine-tuning …?": the sentence is of fine-tuning). A thing is named by a word rare in general language or
    written in capitals ("RAG")."""
    titles = [chunk.section.rsplit(" > ", 1)[-1], (chunk.section_translated or "").rsplit(" > ", 1)[-1]]
    if not any(_EN_SIDE_BY_SIDE.search(title.lower()) or any(word in title for word in _KO_SIDE_BY_SIDE) for title in titles):
        return False
    heading = terms.keys_of(titles)
    asked, said = _names(question, terms) & heading, _names(own, terms) & heading
    return bool(asked - terms.keys(own)) and bool(said - terms.keys(question))


def _names(text: str, terms: TermWeights) -> frozenset[str]:
    """The keys of a text's words that name a thing: rare in general language, or written in capitals ("RAG")."""
    return frozenset(
        terms.key(token) for word in re.findall(r"[\w./+-]+", text) for token in tokenize(word)
        if not TermWeights.everyday(token) or (len(word) >= 2 and word.isupper() and word.isalpha())
    )


WEAKENING = "weak"  # the predicate of a property said to hold weakly


def _heads(phrase: str, terms: TermWeights | None = None) -> list[str]:
    """The head nouns of a row's case: the last word of each of its coordinated parts ("커널" of "Host OS의 커널",
    "네임스페이스" of "네트워크 네임스페이스", "CPU", "메모리" and "I/O" of "CPU / 메모리 / I/O"), its particles aside;
    with `terms`, the last two words when together they are one glossary term and the last alone is not ("file system")."""
    heads = []
    for part in re.split(r"\s*[/,·]\s+|\s+[/,·]\s*", phrase):
        words = part.split()
        if not words:
            continue
        word = words[-1]
        if terms is not None and len(words) > 1:
            pair = terms.keys(" ".join(words[-2:]))
            if len(pair) == 1 and next(iter(pair)).startswith("#") and pair != terms.keys(word):
                heads.append(" ".join(words[-2:]))
                continue
        if HANGUL.search(word):
            from .lexical import tagged_morphemes

            word = "".join(form for form, tag in tagged_morphemes(word) if tag in _KO_NOUNS)
        heads.append(word)
    return heads


def _one_per_case(scored: list[tuple[float, Verdict, Claim]]) -> list[tuple[float, Verdict, Claim]]:
    """The claims that can contradict each other: of a table column only its best-matching row (the other rows are
    other cases, not other opinions), and of one sentence only its best-matching clause ("각 컨테이너는 논리적으로
    독립되어 있으나 동일한 커널을 공유" speaks of the kernel in its second clause, of the containers in its first)."""
    best: dict[tuple, float] = {}
    for score, _, claim in scored:
        best[_source(claim)] = max(best.get(_source(claim), score), score)
    return [(score, value, claim) for score, value, claim in scored if score >= best[_source(claim)]]


def _source(claim: Claim) -> tuple:
    if claim.column >= 0:
        return (claim.chunk.document, claim.chunk.section, claim.chunk.header, claim.column)
    return (claim.chunk.document, claim.text)


# An English existential question whose relative clause is negated ("are there images that won't run …?", "is there
# anything that cannot …?")
_EN_EXISTENTIAL_NEGATED = re.compile(r"^\W*(?:are|is)\s+there\b.*\b(?:that|which|who)\b.*(?:n't\b|\bnot\b|\bnever\b|\bcannot\b)")


# An English negation that is what a question asks, not its frame (general English): "no longer", "not … anymore".
_EN_CONTENT_NEGATION = re.compile(r"\bno longer\b|\bnot\b[^?]*\b(?:anymore|any more)\b")


def _flips(question: str, asked: Asked | None, evidence: tuple[str, ...] = (), says: tuple[bool, ...] = ()) -> bool | None:
    """Whether the verdict of what the evidence says of P answers the question reversed: it asks whether P is prevented
    ("does X stop them sharing …?") or, in Korean, whether not-P holds ("공유 안 하지?", see korean_negation); None
    when a Korean negation is read neither as the question's frame nor as part of what it asks (a negation the
    question reader saw but korean_negation places nowhere, "없애려고", included): no verdict. `says`: for each claim
    of the evidence, whether it says P is prevented ("Overlap prevents information loss"): such evidence answers a
    question of P itself reversed ("does overlap lose information?"); evidence of which only some says so, no verdict."""
    if _EN_EXISTENTIAL_NEGATED.search(question.lower()):
        return None  # "are there images that won't run on Windows?": the negation is what it asks about, not its frame
    negated = asked.negated if asked is not None else _question_negated(question)
    negation = (korean_negation(question) or "unclear") if negated and question_language(question) == "ko" else ""
    if question_language(question) != "ko" and _EN_CONTENT_NEGATION.search(question.lower()):
        negation = "content"  # "do they no longer share a kernel?" asks whether they do not, as "공유 안 하지?" does
    if negation == "unclear":
        return None
    prevented = asked is not None and asked.prevented
    if prevented and evidence:
        # evidence that itself says the prevention ("Overlap prevents information loss") answers the question of
        # prevention as it stands; evidence of which only some says it is read two ways: no verdict
        said = [says_prevention(text) for text in evidence]
        if any(said) and not all(said):
            return None
        prevented = not all(said)
    elif says:
        if any(says) and not all(says):
            return None
        prevented = all(says)
    return prevented != (negation == "content")


def _agreed(
    question: str, asked: Asked, scored: list[tuple[float, Verdict, Claim]], named: dict | None = None, terms: TermWeights | None = None,
    case_words: frozenset[str] = frozenset(),
) -> VerdictResult | None:
    """The verdict of the best-matching claims, when they agree. A row whose own case the question names (`named`,
    from score_claims) takes part however it scores, and then only evidence that speaks of that case does; for a
    question of possibility, a claim that it can be done is not contradicted by a plain claim of the opposite."""
    best = max(score for score, _, _ in scored)
    named = named or {}
    if best < MIN_MATCH and not any(id(claim) in named for _, _, claim in scored):
        return None
    if terms is not None:
        asked_keys = terms.keys(question)
        by_column: dict[tuple, set[Verdict]] = {}
        for _, value, claim in scored:
            if id(claim) in named and claim.column >= 0 and any(terms.keys(head) & asked_keys for head in _heads(claim.key, terms)):
                by_column.setdefault(_source(claim), set()).add(value)
        if any(len(values) > 1 for values in by_column.values()):
            return None  # it names the things of two rows that answer differently ("do namespaces isolate the kernel?")
    tier = [
        (value, claim) for score, value, claim in _one_per_case(scored) if score >= max(best - TIE, MIN_MATCH) or id(claim) in named
    ]
    values = {value for value, _ in tier}
    possible = ("can", "may")
    if len(values) > 1 and asked.modal and any(c.value in possible and c.predicate == asked.predicate for _, c in tier):
        # "can I skip NAT?" - "NAT can be skipped with --network host" answers it, as "can images get large?" - "images
        # may become large" does; "traffic goes through NAT" says what holds by default, and "--cache-from minimizes
        # redundant builds" what holds with a remedy, not what cannot be done
        tier = [(value, c) for value, c in tier if c.predicate == asked.predicate or c.value in possible]
        values = {value for value, _ in tier}
    if terms is not None and any(id(c) in named for _, c in tier):
        # "Kata Containers 쓰면 커널이 분리되나요?": the row of the case the question names settles it; evidence
        # that does not speak of that case ("같은 Host OS 위에서 실행되면 커널은 항상 공유됩니다") is about others
        cases = [named[id(c)] for _, c in tier if id(c) in named]
        tier = [(value, c) for value, c in tier if id(c) in named or any(case <= terms.keys(f"{c.own} {c.key}") for case in cases)]
        values = {value for value, _ in tier}
    tokens = set(tokenize(question))

    def about_another_case(claim: Claim) -> bool:
        own = set(claim.case_text.split())
        return not own & tokens and bool((set(claim.other_cases.split()) - own) & tokens)

    if any(about_another_case(c) for _, c in tier):
        # Evidence about one case of an enumeration ("실행 방식 2: Compose 파일을 2개로 나눠서 실행") says nothing of a
        # question that names another by its section's own words ("docker-compose.yml", "EC2").
        tier = [(value, c) for value, c in tier if not about_another_case(c)]
        if not tier:
            return None
        values = {value for value, _ in tier}
    # "gVisor가 경량 VM 구조로 격리하나요?": the line "gVisor: 사용자 공간에서 실행되는 커널을 통해 격리" says that gVisor
    # isolates, not how the question says; its list says "경량 VM 구조" of Kata Containers.
    of_own_term = [(value, c) for value, c in tier if not about_another_term(question, c, terms)]
    if len(of_own_term) < len(tier):
        tier = of_own_term
        if not tier:
            return None
        values = {value for value, _ in tier}
    # A question that names a case of an enumeration by that case's own words (`case_words`: "EC2" of "실행 방식 3: 서로
    # 다른 VM에서 실행"): evidence outside the enumeration that does not say them ("Compose 파일이 몇 개이든 같은 Host
    # OS 위에서 실행되면 커널은 항상 공유됩니다" for "each on its own EC2 instance?") speaks of other cases.
    if case_words:
        tier = [(value, c) for value, c in tier if c.case_text or case_words & set(tokenize(c.text))]
        if not tier:
            return None
        values = {value for value, _ in tier}
    if terms is not None and len(values) > 1:
        tier = _of_named_subject(question, asked, tier, terms)
        values = {value for value, _ in tier}
    conceded = _concession(question, tier) if {"yes", "no"} <= values else None
    if conceded is not None and "partial" in values and conceded[0] != "partial":
        return None  # a concession read as "no" beside evidence that it holds partly
    if len(values) != 1 and conceded is None:
        return None
    verdict = conceded[0] if conceded else values.pop()
    if verdict == "partial" and _degree(question):
        verdict = "no"  # what holds in part does not hold fully: "are CPU and memory fully isolated?" - "can be shared"
    support = (conceded[1],) if conceded else tuple(c for value, c in tier if value == verdict)
    flip = _flips(question, asked, tuple(c.text for c in support), tuple(c.prevented for c in support))
    if flip is None:
        return None
    if flip and verdict != "partial":
        verdict = {"yes": "no", "no": "yes"}[verdict]
    kept = {id(c) for _, c in tier}
    top = conceded[1] if conceded else max((item for item in scored if id(item[2]) in kept), key=lambda item: item[0])[2]
    return VerdictResult(verdict, top, support)


OTHER_TERM_WORDS = 2  # a phrase, not one word ("run", "achieve"), of what a list says of another term


def _past_topic(text: str, terms: TermWeights) -> frozenset[str]:
    """A text's keys but the glossary terms the posts are about ("Docker", "container": TOPIC_SHARE), which set no
    subject or case apart."""
    return frozenset(k for k in terms.keys(text) if not k.startswith("#") or terms.passage_share(k) < TOPIC_SHARE)


def _naming(key: str) -> bool:
    """Whether a term key can name something: a glossary term, or a word that is not everyday in general language."""
    return key.startswith("#") or not TermWeights.everyday(key)


def names_term(term: str, keys: frozenset[str], terms: TermWeights) -> bool:
    """Whether keys hold a term's weightiest word ("Kata" of "Kata Containers", "plugin" of "Network plugins"); a term
    of alternatives names each ("SELinux / AppArmor")."""
    for part in re.split(r"\s*/\s*", term):
        names = terms.keys(part)
        if names and max(sorted(names), key=lambda k: terms.weight((k,))) in keys:
            return True
    return False


def _definition_lines(sentences: list[tuple[Chunk, str]]) -> dict[tuple[str, ...], dict[str, list[tuple[Chunk, str]]]]:
    """The entries of each section's definition list ("- gVisor: …", "- Kata Containers: …"), by (document, section)
    and by the term each defines, with its lines."""
    lines: dict[tuple[str, ...], dict[str, list[tuple[Chunk, str]]]] = {}
    for chunk, sentence in sentences:
        if term := entry_term(chunk, sentence):
            lines.setdefault((chunk.document, chunk.section), {}).setdefault(term, []).append((chunk, sentence))
    return lines


def _paired_lines(sentences: list[tuple[Chunk, str]]) -> dict[tuple[str, ...], dict[str, list[tuple[Chunk, str]]]]:
    """The same of each section's sentences that say one thing of one subject and another of another
    ("`/host/data`는 호스트 측 경로이고 `/app/data`는 컨테이너 내부 경로입니다"): each subject with what is said of it."""
    lines: dict[tuple[str, ...], dict[str, list[tuple[Chunk, str]]]] = {}
    for chunk, sentence in sentences:
        for term, said in contrast_pair(sentence) or ():
            lines.setdefault((chunk.document, chunk.section, "pair"), {}).setdefault(term, []).append((chunk, said))
    return lines


# A sentence of two copular clauses that say what one subject is and what another is (general English and Korean):
# "A는 P이고 B는 Q입니다", "A is the P, and B is a Q", "A is a P, while B is a Q"; each subject a term of at most four
# words, each said a noun phrase (not "A is complex and B is difficult", which says how they are).
_KO_PAIR = re.compile(
    r"^(?P<a>\S+(?:\s\S+){0,3}?)(?:은|는)\s+(?P<p>.+?)(?:이고|이며|이지만|고|며),?\s+(?P<b>\S+(?:\s\S+){0,3}?)(?:은|는)\s+"
    r"(?P<q>.+?)(?:입니다|이다|이에요|예요|임)[.!]?$"
)
_EN_PAIR = re.compile(
    r"^(?P<a>[^,;:]{1,40}?)\s+(?:is|are)\s+(?P<p>(?:a|an|the)\s[^,;:]+?),?\s+(?:and|while|whereas|but)\s+(?P<b>[^,;:]{1,40}?)\s+"
    r"(?:is|are)\s+(?P<q>(?:a|an|the)\s[^,;:]+?)[.!]?$",
    re.IGNORECASE,
)
# (a subject that is no term: a pronoun, "there", or a phrase of place or time: "In real-world environments there …")
_EN_NO_TERM = re.compile(r"^(?:it|this|that|these|those|they|there|he|she|we|you|i|in|on|at|for|with|when|if)\b", re.IGNORECASE)


def contrast_pair(sentence: str) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """The two (subject, what is said of it) of a sentence that says one thing of one subject and another of another."""
    found = (_KO_PAIR if HANGUL.search(sentence) else _EN_PAIR).match(sentence.strip())
    if found is None:
        return None
    a, b = (found.group(k).strip("`'\" ") for k in ("a", "b"))
    if not a or not b or a.lower() == b.lower() or max(len(a.split()), len(b.split())) > DEFINITION_WORDS:
        return None
    if _EN_NO_TERM.match(a) or _EN_NO_TERM.match(b):
        return None
    return (a, f"{a} {found.group('p')}"), (b, f"{b} {found.group('q')}")


def _subject_term(question: str, named: list[str]) -> str | None:
    """Of terms a question names, the one it asks about: in English the one right after its verb ("is /app/data the
    path …", "is gVisor basically …"), in Korean the one marked as the subject or topic ("/app/data가 …", "gVisor는
    …"); None when not one alone is."""
    lower = question.lower()
    found = []
    for term in named:
        for part in re.split(r"\s+/\s+", term.lower()):
            word = re.escape(part.split()[0]) if part.split() else ""
            if word and (
                re.search(rf"(?:^|[\s,])(?:{_EN_IDENTITY_VERBS})\s+(?:the\s+|a\s+|an\s+)?{word}", lower)
                or re.search(rf"{re.escape(part)}\S*?(?:은|는|이|가|도)(?:\s|$)", lower)
            ):
                found.append(term)
                break
    return found[0] if len(found) == 1 else None


_EN_IDENTITY_VERBS = r"is|are|isn't|aren't|was|were"
# An English question that asks what something is, by the copula at its main clause's start ("is gVisor basically a
# lightweight VM?", "In `docker run …`, is /app/data the host path?"), with no clause of its own after it (a
# relative clause, an infinitive, a person acting: "is gVisor the one the post tells me to go with?").
_EN_IDENTITY = re.compile(rf"(?:^|[,;:?.]\s*)(?:so\s+|and\s+|but\s+|then\s+)?(?:{_EN_IDENTITY_VERBS})\s+\S")
_EN_COMPLEMENT = re.compile(r"(?:(?:a|an|the)\s+)?\S+.*?\s(?:a|an|the)\s+\S")
_EN_EMBEDDED_CLAUSE = re.compile(r"\b(?:to|that|which|who|whom|i|we|you|me|us|if|when|because|than)\b")


def asks_identity(question: str) -> bool:
    """Whether a yes/no question asks what its subject is ("is gVisor a lightweight VM?", "gVisor는 경량 VM 방식이야?",
    "/app/data가 host 쪽 경로인가요?"): an English one opens its clause with the copula, a Korean one ends in it after
    a noun of content."""
    if HANGUL.search(question):
        from .lexical import tagged_morphemes

        # (the copula after a noun of content: "경량 VM 방식이야?", not "검사해주는 거야?", which asks what it does)
        morphemes = [item for item in tagged_morphemes(question) if not item[1].startswith(("SF", "SE", "SS", "E", "J"))]
        return (
            len(morphemes) > 1 and (morphemes[-1][1] == "VCP" or morphemes[-1] in (("맞", "VA"), ("맞", "VV")))
            and morphemes[-2][1] in ("NNG", "NNP", "SL", "SN")
        )
    lower = question.lower()
    match = None
    for match in _EN_IDENTITY.finditer(lower):
        pass
    # (… and a noun phrase after its subject: "a lightweight VM", "the path on the host"; not "rarely configured",
    # "fast", which say how it is)
    rest = lower[match.end() - 1 :] if match is not None else ""
    return match is not None and not _EN_EMBEDDED_CLAUSE.search(rest) and bool(_EN_COMPLEMENT.match(rest))


def _said_of_another_entry(
    question: str, lines: dict[tuple[str, ...], dict[str, list[tuple[Chunk, str]]]], sentences: list[tuple[Chunk, str]], rows, terms: TermWeights,
    identity: bool = False,
) -> tuple[Chunk, str] | None:
    """Whether a question asks of one term of a definition list what the list says of another: "Does docker scan
    restrict which syscalls a container can make?" names "docker scan" of "- docker scan: 이미지 … 취약점을 … 검사" and
    "- SELinux / AppArmor: … 시스템 콜을 제어", and syscalls are said of the other term, in no passage that names docker
    scan. What the evidence says of all of them together ("이를 통해 … 제한할 수 있습니다") does not settle it. A
    question that names two terms of a list asks of the one it makes its subject. A question of what the term is
    (`identity`) says it by the posts' glossary terms too ("the path on the host"). Returns what the list says of the
    asked term (its first line), or None."""

    def naming(text: str) -> frozenset[str]:
        """The keys of a question's words that can say what is said of a term: its words rare in general language and,
        of what a thing is, the glossary's terms ("the path on the host")."""
        keys = terms.keys(text, known_only=True)
        rare = frozenset(terms.key(token) for token in tokenize(text) if not TermWeights.everyday(token)) & keys
        return rare | frozenset(key for key in keys if key.startswith("#")) if identity else rare

    keys = terms.keys(question, known_only=True)
    rare = naming(question)
    for defined in lines.values():
        # (what an entry says of its term; of what a thing is, the words of its description past its name, which may
        # be one of them: "/host/data" and "호스트 측 경로")
        entries = {
            term: terms.keys_of(said.replace(term, " ") for _, said in lines_of) | (frozenset() if identity else terms.keys(term))
            for term, lines_of in defined.items()
        }
        named = [term for term in entries if names_term(term, keys, terms)]
        if len(entries) < 2 or not named:
            continue
        term = named[0] if len(named) == 1 else _subject_term(question, named)
        if term is None:
            continue
        if identity and len(named) > 1:
            # what it says the subject is, without the other terms it names as they are written ("In docker run -v
            # /host/data:/app/data, is /app/data the path inside the container?" says nothing of the host)
            asked = question
            for other in named:
                if other != term:
                    asked = re.sub(re.escape(other), " ", asked, flags=re.IGNORECASE)
            asked_rare = naming(asked)
        else:
            asked_rare = rare
        own = terms.keys(term) | frozenset().union(
            *(terms.keys(_of_term(text, term)) for _, text in (*sentences, *rows) if names_term(term, terms.keys(text), terms))
        )
        # the question's words that name what is said: no everyday word of general language ("files"), nor the posts'
        # topic ("container")
        said = frozenset(key for key in asked_rare - own if terms.passage_share(key) < TOPIC_SHARE)
        if any(said & (words if identity else words - terms.keys(other)) for other, words in entries.items() if other != term):
            return defined[term][0]
    return None


def _of_term(text: str, term: str) -> str:
    """What a passage says of a term: of a sentence that says one thing of one subject and another of another, the
    clause of that term; else the whole passage."""
    pair = contrast_pair(text)
    return next((said for subject, said in pair if subject == term), text) if pair else text


def about_another_term(question: str, claim: Claim, terms: TermWeights | None) -> bool:
    """Whether a question that a claim about one term of a definition list seems to answer asks about another term of
    that list: it names that term ("gvisor랑 kata 둘 다 …?" of "Kata Containers: 경량 VM 구조로 …"), or most of what it
    says beyond the claim's own words is what the list's section says of that term and not of the claim's, two words
    or more of it ("VM 수준 격리를 원하면 gVisor 쓰면 되나요?": "VM 수준의 격리를 원한다면 Kata Containers를 고려해야
    합니다")."""
    if terms is None or not claim.other_terms:
        return False
    said = terms.keys(f"{claim.own} {claim.key} {claim.text}")
    rest = terms.keys(question, known_only=True) - said
    # the words most entries of a long list say ("driver", "Docker") set none of them apart
    spread = Counter(key for _, text in claim.other_terms for key in terms.keys(text))
    if len(claim.other_terms) > 2:
        rest -= {key for key, n in spread.items() if 2 * n > len(claim.other_terms)}
    for term, text in claim.other_terms:
        if names_term(term, rest, terms):
            return True
        elsewhere = rest & (terms.keys(text) - terms.keys(term))  # what it says of the term, not its name ("Containers")
        if len(elsewhere) >= OTHER_TERM_WORDS and 2 * terms.weight(elsewhere) >= terms.weight(rest):
            return True
    return False


def _of_named_subject(question: str, asked: Asked, tier: list[tuple[Verdict, Claim]], terms: TermWeights) -> list[tuple[Verdict, Claim]]:
    """Of claims that disagree, those that speak of the most of what the question names (its words that are not
    everyday words of general language: "VM", "kernel", "Kata"), when they agree: "does a VM fully separate the
    kernel?" is settled by "VM 사용 (커널 완전 분리)", not contradicted by "각 컨테이너는 … 동일한 커널을 공유" of
    containers. Not for a question that weighs its subject against another thing ("as isolated as a VM?", "VM처럼"),
    whose other thing a claim may name without speaking of the subject."""
    if asked.reference or qualifiers(question).likeness or _EN_COMPARISON.search(question.lower()) or "보다" in question:
        return tier
    named = {terms.key(token) for token in tokenize(question) if not terms.everyday(token)}
    # ... and what it names of a column's header, however common the word ("Apple" of a feature matrix's columns)
    named |= terms.keys(question) & terms.keys_of(c.chunk.header[c.column] for _, c in tier if 0 <= c.column < len(c.chunk.header))

    def held(claim: Claim) -> float:
        said = terms.keys(f"{claim.own} {claim.key} {claim.context} {claim.text}")
        if claim.column >= 0:
            # a row's other columns name what their own cells speak of ("Docker" beside "Podman" in a feature matrix)
            said -= terms.keys(" ".join(h for i, h in enumerate(claim.chunk.header) if i not in (0, claim.column))) - terms.keys(claim.own)
        return terms.weight(named & said)

    most = max(held(claim) for _, claim in tier)
    narrowed = [(value, claim) for value, claim in tier if held(claim) == most]
    return narrowed if len({value for value, _ in narrowed}) == 1 else tier


# A statement followed by a contrast that takes part of it back ("Containers isolate PID, network and file system
# with namespaces. However, they do not completely separate the kernel as VMs do.") says "yes, but not fully": a
# partial answer to "are they isolated?" and no to "are they fully isolated?", "as isolated as a VM?".
_EN_CONTRAST = re.compile(r"^\W*(however|but|yet|still|that said|even so|nevertheless)\b", re.IGNORECASE)
_KO_CONTRAST = ("하지만", "그러나", "그런데", "다만", "그렇지만", "반면")
_EN_DEGREE = re.compile(r"\b(fully|completely|entirely|totally|perfectly|wholly|truly|perfect|complete|absolute|100%)|\bas \w+ as\b")
_KO_DEGREE = ("완전", "완벽", "전적으로", "100%", "만큼")


def _degree(text: str) -> bool:
    """Whether a text speaks of something holding to the full (completely, 완전히, as … as a VM, VM만큼)."""
    return bool(_EN_DEGREE.search(text.lower())) or any(word in text for word in _KO_DEGREE)


def _asks_degree(question: str) -> bool:
    """Whether a question asks if something holds to the full: in words of degree, or likened to another thing ("isolated
    at the kernel level like VMs?", "VM처럼 격리돼?": as that thing is)."""
    return _degree(question) or bool(qualifiers(question).likeness)


def _concession(question: str, tier: list[tuple[Verdict, Claim]]) -> tuple[Verdict, Claim] | None:
    """The verdict of a yes and a no that are one concession (the no is the very next sentence of the same passage and
    opens with a contrast): partial, or no when the question asks about the full degree and the contrast denies it."""
    for yes_value, granted in tier:
        for no_value, contrast in tier:
            if (yes_value, no_value) != ("yes", "no") or granted.chunk.id != contrast.chunk.id or granted.column >= 0 or contrast.column >= 0:
                continue
            sentences = split_sentences(granted.chunk.text)
            if granted.text in sentences and contrast.text in sentences and sentences.index(contrast.text) == sentences.index(granted.text) + 1:
                if _EN_CONTRAST.match(contrast.text) or contrast.text.startswith(_KO_CONTRAST):
                    if not _asks_degree(question):
                        return "partial", granted
                    return ("no", contrast) if _degree(contrast.text) else None
    return None


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
FULL_STATEMENT = 0.8  # IDF-weighted share of the question's words a statement (or one of its clauses) must contain to settle it
# ... or, when no statement holds that much and no claim speaks to the question, the share that settles it from the
# statements that hold most of its words, its heaviest word among them ("docker buildx … 여러 플랫폼(AMD64, ARM 등)에서
# 실행되는 컨테이너 이미지를 빌드 가능" answers "can buildx produce images that run on ARM?")
MOST_OF_STATEMENT = 0.7

_EN_STATEMENT_NEGATION = re.compile(rf"\b({EN_NEGATION_WORDS})\b(?!-[a-z0-9])|n['’]t\b")
_EN_RESTRICTED = re.compile(
    r"\b(partially|partly|sometimes|depends?|depending|without|unless|than"
    r"|only|instead|solely|merely|limited to|restricted to|confined to)\b"  # a restriction ("only on a single server",
    # "limited to a single server") or a substitution ("instead of")
)
_EN_ONLY = re.compile(r"\b(only|solely|merely|limited to|restricted to|confined to)\b")  # a restriction a question may itself ask about
_EN_HEDGE = re.compile(r"\b(may|might|could|possibly|potentially|can|able|possible)\b")  # what follows is what it hedges
# (not "even if", which concedes: "data is kept even if the container is deleted" holds either way)
_EN_CONDITION = re.compile(r"^\W*(if|when|whenever|once)\b|(?<!\beven )\bif\b")
_EN_DIFFICULT = re.compile(r"\b(?:difficult|hard|tough)\s+to\b")
_EN_NEED = re.compile(r"\b(?:need|needs|needed|require|requires|required|necessary)\b")


def _says_need(text: str) -> bool:
    """Whether a text says something is needed ("an additional tool is needed", "별도의 설정이 필요합니다"; not
    "불필요한", unneeded)."""
    if _EN_NEED.search(text.lower()):
        return True
    if not HANGUL.search(text):
        return False
    from .lexical import tagged_morphemes

    morphemes = tagged_morphemes(text)
    return any(form == "필요" and (i == 0 or morphemes[i - 1] != ("불", "XPN")) for i, (form, _) in enumerate(morphemes))


_EN_NEEDED = re.compile(
    r"((?:[\w-]+\s+){1,3}(?:(?:such as|like)\s+(?:[\w-]+\s+){1,2})?)(?:is|are|be|was|were)\s+(?:also\s+)?(?:needed|required|necessary)\b"
    r"|\b(?:need|needs|require|requires)\s+((?:[\w-]+\s*){1,4})"
)


def _needed(text: str) -> str:
    """What a statement of need says is needed: the nouns before 필요 ("추가 도구가 필요합니다"), the words before "is
    needed" or after "needs"; "" when it names none."""
    if HANGUL.search(text):
        from .lexical import tagged_morphemes

        morphemes = tagged_morphemes(text)
        at = next((i for i, (form, _) in enumerate(morphemes) if form == "필요"), None)
        return "" if at is None else _nouns_before(morphemes, at, ("NNG", "NNP", "SL", "XSN", "XPN"), particles=True)
    found = _EN_NEEDED.search(text.lower())
    return (found.group(1) or found.group(2) or "") if found else ""


_EN_MUST = re.compile(r"\b(?:must|ha(?:ve|s) to)\b")


def _asks_need(question: str) -> bool:
    """Whether a question asks what is needed or must be done ("설정을 해줘야 하나요?", "do I have to …?")."""
    if _says_need(question) or _EN_MUST.search(question.lower()):
        return True
    if not HANGUL.search(question):
        return False
    from .lexical import tagged_morphemes

    morphemes = tagged_morphemes(question)
    return any(form.endswith("야") and tag == "EC" and after[0] in ("하", "되") for (form, tag), after in zip(morphemes, morphemes[1:]))


# A question of what a thing does by itself ("does Docker by itself …?", "도커 혼자서 …?", "도커 하나만으로 …?"): a
# statement of what it does, without the restriction, does not say it does so alone
_ALONE = re.compile(
    r"\bby (?:itself|themselves)\b|\bon (?:its|their) own\b|\balone\b|^\W*(?:does|do|is|are|can|will)\s+(?:[\w-]+\s+){1,3}?(?:itself|themselves)\b"
    r"|\b(?:merely|simply by|just by)\b"
    r"|혼자|자체만|자체로만|만으로|만 있으면|하나만|기만 하면|기만 해도|기만 했는데",
    re.IGNORECASE,
)
# ("rather than" and "other than" replace or set aside; they weigh nothing: question.compares)
_EN_COMPARISON = re.compile(r"\b(?:more|less|better|worse|fewer)\b|(?<!rather )(?<!other )\bthan\b")
# 불가 (not possible) as claims read it; 불가능, the prefix 불 (not) before 가능, statement_polarity counts apart
_KO_NEGATION = {("않", "VX"), ("없", "VA"), ("못하", "VX"), ("아니", "VCN"), ("안", "MAG"), ("못", "MAG"), ("불가", "NNG")}
_KO_UNSURE_FORMS = {"가능성", "보다", "대신", "오직"}
_KO_CONDITION_NOUNS = {"경우", "때", "시"}


def _embedded_negation(morphemes) -> bool:
    """Whether a Korean negation sits inside a noun phrase ("이름 없는 익명 볼륨", "의도하지 않은 작업") or a clause of
    purpose ("수행하지 못하도록"): it denies what describes a noun or what is aimed at, not the sentence's predicate,
    and which way the sentence answers is then not read from its negations."""
    for i, pair in enumerate(morphemes[:-1]):
        if pair not in _KO_NEGATION:
            continue
        form, tag = morphemes[i + 1]
        if tag == "ETM" and i + 2 < len(morphemes) and morphemes[i + 2][1] in ("NNG", "NNP"):
            return True
        if tag == "EC" and form in ("도록", "게"):
            return True
    return False


def _korean_condition(morphemes) -> bool:
    """Whether Korean morphemes hold a condition: a conditional ending (면, ㄴ다면) or 경우/때/시."""
    return any(form in _KO_CONDITION_NOUNS or is_condition_ending(form, tag) for form, tag in morphemes)


def statement_polarity(
    sentence: str, conditional_question: bool = False, modal_question: bool = False, asked: frozenset[str] | None = None, terms: TermWeights | None = None,
    restricted_question: bool = False,
) -> Verdict | None:
    """"yes" for a plain assertion, "no" for a plainly negated one, None when hedged or comparative; a conditional
    statement ("if ..., ...") answers only a conditional question, and "can" ("할 수 있다") only a "can" question,
    which a possibility ("may", "할 수도", "가능성이 있다") answers yes as well.

    With the question's keys (`asked`, read through `terms`), a "can" or "may" that governs a predicate the question
    does not ask about ("도커가 관리하는 디렉토리로 데이터 보존이 가능": possible to keep data) does not hedge
    what the question asks (the directory Docker manages).

    A restriction ("only", "만") hedges a statement, unless the question asks about that restriction itself
    (`restricted_question`: "Compose는 단일 서버에서만 동작하나요?" - "단일 서버에서만 동작하므로").
    """
    def governs_asked(predicate: str) -> bool:
        return asked is None or terms is None or bool(terms.keys(predicate) & asked)

    if HANGUL.search(sentence):
        from .lexical import tagged_morphemes

        morphemes = tagged_morphemes(sentence)
        forms = [form for form, _ in morphemes]
        pairs = list(zip(forms, forms[1:]))
        if any(form in _KO_UNSURE_FORMS for form in forms):
            return None
        if not restricted_question and any(pair in KO_RESTRICTION for pair in morphemes):
            return None
        possible = [i for i, (a, b) in enumerate(pairs) if (a, b) in (("수", "도"), ("가능", "성"))]
        able = [i for i, pair in enumerate(pairs) if pair == ("수", "있")]
        impossible = [i + 1 for i, pair in enumerate(morphemes[:-1]) if pair == ("불", "XPN") and forms[i + 1] == "가능"]
        able += [i for i, form in enumerate(forms) if form == "가능" and forms[i + 1 : i + 2] != ["성"] and i not in impossible]
        hedges = [i for i in possible + able if governs_asked(_korean_governed(morphemes, i))]
        if hedges and not modal_question:
            return None
        if not conditional_question and _korean_condition(morphemes):
            return None
        if any(a == ("기", "ETN") and b[0] == "어렵" for a, b in zip(morphemes, morphemes[1:])):
            return None  # "관리하기 어렵습니다" (hard to manage): a difficulty, neither yes nor no
        if _embedded_negation(morphemes):
            return None
        negations = sum(1 for pair in morphemes if pair in _KO_NEGATION) + len(impossible)
    else:
        lowered = re.sub(r"\bno matter\b", "", sentence.lower())  # "no matter how many ...": a concession, not a denial
        if restricted_question:
            lowered = _EN_ONLY.sub(" ", lowered)
        if _EN_RESTRICTED.search(lowered) or (not conditional_question and _EN_CONDITION.search(lowered)):
            return None
        hedges = [m for m in _EN_HEDGE.finditer(lowered) if governs_asked(lowered[m.end() : m.end() + 40])]
        if hedges and not modal_question:
            return None
        if _EN_DIFFICULT.search(lowered):
            return None  # "it is difficult to manage containers": a difficulty, neither yes nor no
        negations = len(_EN_STATEMENT_NEGATION.findall(lowered))
    return {0: "yes", 1: "no"}.get(negations)


RESTRICTED_WORDS = 5  # at most this many words after "only" say what it restricts to
# ... past the words of ability and the verbs of functioning it opens with, which say how, not to what: "only able to
# run on a single server" and "only works on a single server" both restrict to a single server
_EN_RESTRICTED_VERB = re.compile(
    r"^(?:(?:be|being|able|possible|allowed|to|work|works|worked|working|run|runs|ran|running|function|functions|operate|"
    r"operates|used|usable)\s+)+"
)
_RESTRICTED_TAGS = ("NN", "SL", "SN", "MM", "XSN", "XPN")  # what "만" restricts to: nouns with their numerals and affixes
_EN_RESTRICTED_TO = re.compile(rf"{_EN_ONLY.pattern}([^,.;:!?]*)")


def _restricted_to(text: str, terms: TermWeights) -> list[frozenset[str]]:
    """The term keys of what each restriction of a text restricts to ("only", "만"): the words after "only" up to the
    clause's end (at most RESTRICTED_WORDS), the nouns before "만" and its particle ("단일 서버에서만": 단일, 서버),
    without words as common as function words ("서버 한 대에서만": 서버), each word by its glossary entry."""
    phrases = [" ".join(_EN_RESTRICTED_VERB.sub("", m.group(2).strip()).split()[:RESTRICTED_WORDS]) for m in _EN_RESTRICTED_TO.finditer(text.lower())]
    if HANGUL.search(text):
        from .lexical import tagged_morphemes

        morphemes = tagged_morphemes(text)
        for i, pair in enumerate(morphemes):
            if pair in KO_RESTRICTION:
                phrases.append(_nouns_before(morphemes, i, _RESTRICTED_TAGS, particles=True))
    out = []
    for phrase in phrases:
        # word by word: a glossary phrase ("다중 서버" with "서버") would hide the word that tells the restrictions apart
        keys = frozenset(terms.key(token) for token in tokenize(phrase) if general_zipf(token) < FUNCTION_ZIPF)
        if keys:
            out.append(keys)
    return out


def _restriction_keys(text: str, terms: TermWeights) -> frozenset[str]:
    """The keys of the words by which a text says a restriction ("only", "limited to", "한정")."""
    words = [match.group(1) for match in _EN_ONLY.finditer(text.lower())]
    if HANGUL.search(text):
        from .lexical import tagged_morphemes

        words += [form for form, tag in tagged_morphemes(text) if (form, tag) in KO_RESTRICTION and tag.startswith("N")]
    return terms.keys_of(words)


def _same_restriction(asked: list[frozenset[str]], text: str, terms: TermWeights) -> bool:
    """Whether the question asks about a restriction the text makes: what the question restricts to (`asked`, its
    _restricted_to) is all said by what the text restricts to ("서버 한 대에서만 동작하나요?" - "단일 서버에서만 동작";
    not "다중 서버에서만?", nor "도커 하나만 가지고 충분해?" - "컨테이너 실행만을 담당")."""
    if not asked:
        return False
    said = _restricted_to(text, terms)
    return all(any(keys <= other for other in said) for keys in asked)


def _korean_governed(morphemes, i: int) -> str:
    """The predicate a hedge at position i governs: the content words just before it ("데이터 보존이 가능": 보존)."""
    j = i
    while j > 0 and not (morphemes[j - 1][1] in ("NNG", "NNP", "SL", "VV", "VA", "XR") and morphemes[j - 1][0] not in KO_LIGHT_VERBS):
        j -= 1
    return morphemes[j - 1][0] if j > 0 else ""


# What holds by default, in general English and Korean ("by default", "default", "기본적으로", "기본값", "기본 설정").
_DEFAULT = re.compile(r"(?<![a-z])defaults?(?![a-z])|기본적으로|기본값|기본 설정|기본으로")  # "default로" too
_EN_TRAILING_CONDITION = re.compile(r"\b(?:if|when|whenever|once)\b([^,?]*)", re.IGNORECASE)


def _condition_text(question: str) -> str:
    """The question's condition: its clause of "if", "when", "once" ("If I use --network host, …?", "… if I use
    --network host?") or the Korean words up to its first conditional ending or condition noun ("--network host 쓰면
    …?", "Kata 쓸 경우 …?"); "" for none."""
    if HANGUL.search(question):
        from .lexical import tagged_morphemes

        words = question.split()
        end = next((i for i, word in enumerate(words) if _korean_condition(tagged_morphemes(word))), None)
        return " ".join(words[: end + 1]) if end is not None else ""  # as written ("--network")
    match = _EN_TRAILING_CONDITION.search(question)
    return match.group(1) if match else ""


def _case_keys(named_case: frozenset[str], terms: TermWeights) -> frozenset[str]:
    """The keys of a question's condition that name a case: the posts' words and glossary concepts, past their topic
    words."""
    return frozenset(key for key in named_case if (key.startswith("#") or terms.in_corpus(key)) and terms.passage_share(key) < TOPIC_SHARE)


def _row_of_case(case: frozenset[str], asked: Asked | None, claims: list[Claim], terms: TermWeights, lexicon: Lexicon) -> bool:
    """Whether a table of the evidence has a row of the case the question's condition names (`case`, _case_keys) that
    answers the question's predicate ("서로 다른 VM에서 실행 — 분리" for "서로 다른 VM에 띄우면 도커 컨테이너는 호스트 커널을
    공유해?"): a sentence that names nothing of that case ("각 컨테이너는 … 동일한 커널을 공유하며 동작합니다") then says what
    holds in general, not in it."""
    return bool(case) and asked is not None and any(
        claim.column >= 0 and case <= terms.keys(claim.key) and claim_answer(claim, asked, lexicon) is not None for claim in claims
    )


def _condition_names(question: str, terms: TermWeights, condition: str | None = None) -> frozenset[str]:
    """The keys of the words that the question's condition (`condition`, else _condition_text) names, function words
    aside (FUNCTION_ZIPF), and the Korean word of its conditional ending itself."""
    words = (_condition_text(question) if condition is None else condition).split()
    if HANGUL.search(question):
        words = words[:-1]
    return frozenset(terms.key(token) for token in tokenize(" ".join(words)) if general_zipf(token) < FUNCTION_ZIPF and token not in KO_LIGHT_VERBS)


def _conditional(question: str) -> bool:
    if HANGUL.search(question):
        from .lexical import tagged_morphemes

        return _korean_condition(tagged_morphemes(question)) or bool(_EN_CONDITION.search(question.lower()))
    return bool(_EN_CONDITION.search(question.lower()))


# An English parenthesis with a negation in it.
_EN_NEGATED_ASIDE = re.compile(r"\([^()]*\b(?:not|no|never)\b[^()]*\)", re.IGNORECASE)
# A span in double quotes, straight or curly, within one sentence.
_QUOTED = re.compile(r"[“\"][^”\"\n]{1,200}[”\"]")


def full_statements(
    question: str,
    asked: Asked | None,
    sentences: list[tuple[Chunk, str]],
    terms: TermWeights,
    lexicon: Lexicon | None = None,
    share: float = FULL_STATEMENT,
) -> list[tuple[Verdict | None, Chunk, str]]:
    """(polarity, chunk, sentence) of every sentence that contains (nearly) every word of a yes/no question;
    polarity None when the sentence says them with a hedge, a condition or a restriction.

    A sentence is read clause by clause when one of its clauses (with the condition before it) holds the question's
    words: "Docker uses a bridge network by default and goes through NAT when ..." answers "is the bridge network
    the default?" from its first clause, whatever the second hedges. A clause's condition ("--privileged 옵션을
    사용할 경우") does not keep it from answering a question that names the condition's case itself ("can a
    privileged container ...?").
    """
    if not is_yes_no(question) or (asked is not None and (asked.changes or asked.reference)):
        return []
    lowered = question.lower()
    if _EN_COMPARISON.search(lowered) or "보다" in question:
        return []
    # the words that say a restriction ("only", "limited to", "한정") are read as one (_restricted_to), not as words a
    # statement must hold: "limited to a single server" - "only works on a single server"
    framing = _modal_keys(question, terms) | _restriction_keys(question, terms) | _reported_keys(question, terms)
    framing |= terms.keys(" ".join(_joining_words(lowered) + _linking_words(lowered)))
    # the words that say a replacement ("rather than", "instead of", "in place of"): a statement that says one holds
    # them, in whichever words it says it ("… instead of hypervisor-based virtualization", "… 대신 …")
    connective = terms.keys(" ".join(_EN_REPLACING.findall(lowered)))
    keys = terms.keys(question) - framing - _said_by_parts(question, terms)
    # a compound the posts never write ("OS-level", "kernel-level") is read through its parts, which the question's keys
    # hold too: no statement holds the compound itself
    keys = frozenset(key for key in keys if not (is_compound(key) and key[0].isalnum() and not terms.known(key)))
    total = terms.weight(keys)
    if len(keys) < 2 or not total:
        return []
    conditional = _conditional(question)
    # "can" opens the question or follows a fronted phrase ("With a mount, can I …?"), or it asks what is possible
    modal = asked.modal if asked is not None else asks_possibility(question)
    if asked is not None and lexicon is not None and asked.predicate in lexicon.risky:
        modal = True  # "다른 컨테이너도 영향 받아요?" asks about a risk: "영향을 받을 수 있습니다" says yes, as claims read it
    verbs = terms.keys_of(_korean_verbs(question)) - framing
    use = terms.keys_of([form for form, _ in _KO_USE])
    likeness = qualifiers(question).likeness
    # the question's words of a likeness ("the way VMs do") and the terms it likens its subject to
    likened = (terms.keys(" ".join(likeness)) | terms.keys("way like")) & keys if likeness else frozenset()
    likened_terms = frozenset().union(*(_likeness_keys(thing, terms) for thing in likeness))
    optional = _manner_keys(question, terms) & keys
    reworded, predicates = _reworded(question, keys - verbs - optional, terms)
    predicates -= framing
    # "stateful" asked, "stateless" stated: the English suffixes -ful and -less make opposites of one stem
    opposites = {
        key: f"{stem}{'less' if suffix == 'ful' else 'ful'}"
        for stem, suffix in re.findall(r"\b([a-z]{3,})(ful|less)\b", lowered)
        for key in terms.keys(stem + suffix)
    }

    restricted = _restricted_to(question, terms)
    said_of = _korean_predicate_keys(question, terms)
    said_of = None if said_of is None else said_of - framing

    # The question's heaviest word the posts use (what it asks about, most often: "is gVisor a lightweight VM?"), past
    # adverbs of manner: a statement without it speaks of something else ("Kata Containers: 경량 VM 구조 …")
    known = {key: terms.weight({key}) for key in keys - optional if key.startswith("#") or terms.in_corpus(key)}
    heaviest = max(known.values(), default=0.0)
    required = frozenset(key for key, weight in known.items() if weight >= 0.99 * heaviest)
    if share < FULL_STATEMENT:
        # of most of its words, none of the names it asks about ("SELinux도 이미지 취약점 검사해주는 거야?" is not
        # answered by "docker scan: 이미지에 포함된 패키지의 보안 취약점을 자동으로 검사합니다"), nor of the setting it asks
        # about ("can I use --privileged in production?")
        required |= frozenset(key for key in known if not key.startswith("#") and not TermWeights.everyday(key))
        required |= terms.keys(_setting(question)) & frozenset(known)

    def holds(text: str, contrasted: bool = False, replacing_text: bool = False) -> tuple[bool, bool]:
        """Whether the text holds the question's words, and whether it does so through an opposite (of two subjects
        a `contrasted` sentence sets side by side, a word of the question that it does not hold may be the one that
        says which: no word is set aside as reworded). Of a sentence that says what is used in place of what
        (`replacing_text`), the Korean verbs of use are one verb ("가상화를 쓰나요?" - "… 대신 … 가상화를 사용합니다")."""
        found = _held(text, terms)
        if replacing_text and found & use:
            found |= use
        if connective and (_EN_REPLACING.search(text.lower()) or _KO_REPLACED in text):
            found |= connective
        if likened and likened_terms & terms.keys(" ".join(_replaced(text))):
            # "… the way VMs do?" - "… instead of hypervisor-based virtualization (VM)": the words of the likeness are
            # what the sentence sets aside
            found |= likened
        if said_of is not None and not said_of & found and not (said_of <= _KO_EXISTENCE and _KO_EXISTENCE & found):
            # "윈도우 컨테이너는 바로 돼?" - "Windows 컨테이너는 별도의 설정이 필요합니다": a statement that holds only the
            # question's subject says something else of it
            return False, False
        flipped = False
        for key, opposite in opposites.items():
            if key not in found and re.search(rf"\b{opposite}\b", text.lower()):
                found, flipped = found | {key}, True
        wanted = total - terms.weight(optional - found)  # an adverb of manner the statement leaves out is not missing
        if reworded - found and predicates <= found and not contrasted:
            wanted -= terms.weight(reworded)  # a word no post uses, said in the post's own words (_reworded)
        if not required <= found:
            return False, False
        return terms.weight(keys & found) >= share * wanted and verbs <= found, flipped

    alone = bool(_ALONE.search(question)) and not restricted  # "is Docker itself only …?" asks of the restriction
    asks_prevention = (asked is not None and asked.prevented) or says_prevention(question)
    asks_need = _asks_need(question)

    def polarity(text: str, conditional_text: bool, flipped: bool) -> Verdict | None:
        same_restriction = _same_restriction(restricted, text, terms)
        if restricted and not same_restriction:
            # "Windows에서만 도는 이미지도 있어?" asks whether only there: a statement without that restriction ("특정
            # 이미지가 Windows에서 실행 불가") says nothing of "only"
            return None
        found = statement_polarity(text, conditional_text, modal, keys, terms, same_restriction)
        if not asks_prevention:
            said = prevented(text)
            if any(terms.keys(head) & keys for head, _ in said):
                # "불필요한 파일 포함을 방지합니다" says the files are not included: it answers "포함되나요?" reversed,
                # as evidence of P answers a question of its prevention (_flips)
                flipped = not flipped
            elif any(terms.keys(phrase) & keys for _, phrase in said):
                # "Overlap prevents information loss" for "does overlap lose information?": what is prevented is said
                # in other words than the question's ("loss", "lose"), so which way it answers is unknown
                return None
        if alone and found == "yes" and not flipped:
            return None
        if not asks_need and _says_need(text) and not terms.keys(_needed(text)) & keys:
            # what is needed is not what holds: "… so in a multi-server environment an additional tool such as Kubernetes
            # is needed" does not say that Compose runs there
            return None
        return {"yes": "no", "no": "yes"}.get(found) if flipped else found

    asked_words = _modified_words(question, terms)
    named = frozenset(tokenize(question))
    gives_cause = _gives_cause(question)
    replacing = bool(_EN_REPLACED.search(lowered) or _KO_REPLACED in question)
    preceding = _antecedents(sentences)
    out: list[tuple[Verdict | None, Chunk, str]] = []
    for chunk, quoted in sentences:
        # What a sentence quotes it mentions, not asserts: "the common phrase “Redis is single-threaded” needs care"
        # says nothing of whether Redis is single-threaded.
        sentence = _QUOTED.sub(" ", quoted)
        # An English aside in parentheses with a negation of its own ("Pin base image versions (node:22-bookworm, not
        # node:latest)") sets what it names against the sentence's; it does not deny what the sentence says.
        sentence = sentence if HANGUL.search(sentence) else _EN_NEGATED_ASIDE.sub(" ", sentence)
        if of_the_other_subject(question, sentence, chunk, terms):
            continue
        names_replaced = _asks_what_is_replaced(sentence, named)
        if names_replaced or (replacing and _replaced(sentence)):
            # "Docker uses OS-level virtualization instead of hypervisor-based virtualization": what the question names
            # is what the sentence says is not used, so a plain statement of the rest answers no (not a question that
            # weighs the two itself, nor one of what can be or of a condition); a question that weighs two things is
            # answered by a sentence that weighs two only through their order (_same_replacement), also when it names
            # them in another language
            if holds(sentence, replacing_text=True)[0]:
                same = _same_replacement(question, sentence, terms) if replacing else None
                if same is not None:
                    # "does Docker use namespaces and cgroups instead of a hypervisor?": the question weighs the same two
                    # things the sentence does, the same way round (its statement of what is used answers) or the other
                    # way round (a yes of the sentence is a no)
                    found = polarity(_without_replaced(sentence), conditional, False)
                    out.append((found if same else "no" if found == "yes" else None, chunk, quoted))
                    continue
                if not names_replaced:
                    continue  # two things weighed that cannot be lined up with the question's (another language's words)
                plain = not (replacing or modal or conditional) and polarity(_without_replaced(sentence), False, False) == "yes"
                out.append(("no" if plain else None, chunk, quoted))
            continue
        if _substituted(asked_words, sentence, terms):
            if holds(sentence)[0]:
                out.append((None, chunk, quoted))  # its words are there, said of another thing
            continue
        said = _without_replaced(sentence)  # what it says is used, without what that is used in place of
        # A sentence that opens by pointing back ("이를 통해 … 백업하는 것도 가능합니다") or leaves out its subject holds
        # what the sentences before it say or name (_antecedents; its polarity is its own)
        before = preceding.get((id(chunk), quoted), "")
        parts = statement_clauses(said, causes=not gives_cause)
        contrasted = _contrasted(parts)
        clauses = [(condition, clause, held[1]) for condition, clause in parts if (held := holds(f"{before} {condition} {clause}", contrasted))[0]]
        if clauses:
            stated: list[Verdict | None] = []  # what the clauses that hold the question's words plainly say
            for condition, clause, flipped in clauses:
                missing = keys - terms.keys(f"{before} {condition} {clause}")
                if contrasted and missing & terms.keys(" ".join(c for _, c in parts if c != clause)):
                    # "/host/data is the path on the host side, and /app/data is the path inside the container": the
                    # word the clause leaves out ("host") is said of the other clause's subject
                    out.append((None, chunk, quoted))
                elif condition and not (conditional or _names_condition(keys, condition, terms)):
                    out.append((None, chunk, quoted))  # it holds in a case the question does not ask about
                else:
                    stated.append(polarity(clause, True if condition else conditional, flipped))
            # a clause that hedges does not unsay what another clause of the sentence states ("data is kept …, and it
            # is also possible to …")
            plain = [value for value in stated if value is not None]
            out.extend((value, chunk, quoted) for value in plain or stated)
        elif not contrasted and (whole := holds(f"{before} {said}"))[0]:
            out.append((polarity(said, conditional, whole[1]), chunk, quoted))
    return out


def _antecedents(sentences: list[tuple[Chunk, str]]) -> dict[tuple[int, str], str]:
    """What each sentence that does not name its subject speaks of (claims.antecedent), read over the sentences of the
    passages of its section in its language, in order (a paragraph may open with one: "It is generally used only for
    testing …"). A sentence that points back holds what the sentences it points to say; one that only leaves its
    subject out ("… 보안적으로 위험할 수 있습니다. 일반적으로 테스트 용도에서만 사용하고 …"; "그러나 모든 문제를 완벽하게
    해결하지 않으며 …" after "도커는 … 혁신적인 도구입니다") holds only the names they use, words rare in general
    language ("--privileged", "도커"): what they say of it is theirs."""
    passages: dict[tuple[str, str, str], dict[int, Chunk]] = {}
    for chunk, _ in sentences:
        passages.setdefault((chunk.document, chunk.section, chunk.lang), {})[id(chunk)] = chunk
    out: dict[tuple[int, str], str] = {}
    for chunks in passages.values():
        said = [(chunk, sentence, n) for chunk in chunks.values() for n, sentence in enumerate(split_sentences(chunk.text))]
        texts = [sentence for _, sentence, _ in said]
        opening = frozenset(position for position, (_, _, n) in enumerate(said) if n == 0)
        for position, (chunk, sentence, _) in enumerate(said):
            before = antecedent(texts, position, opening)
            if before and not points_back(sentence):
                before = " ".join(token for token in tokenize(before.lower()) if general_zipf(token) < RARE_ZIPF)
            out[(id(chunk), sentence)] = before
    return out


def _reworded(question: str, keys: frozenset[str], terms: TermWeights) -> tuple[frozenset[str], frozenset[str]]:
    """The key of a Korean question's one noun that no post uses, and the keys of its predicates.

    No statement can hold a word that no post uses: a question that names one thing in its own words ("강제적 접근
    제어" for the post's "MAC(Mandatory Access Control)", "근본적으로", "글쓴이") is settled by a statement that holds
    its other words, as long as that statement also holds every predicate of the question, its verbs, adjectives
    and nouns made verbs ("무거운 베이스 이미지인가요?" asks whether heavy, which "경량 베이스 이미지" does not say;
    "포기하는" whether given up). A noun is a name, not what the question says of it, except the noun before the copula ("… 스캐너예요?"
    asks whether they are scanners); with two or more such nouns, or none, nothing is set aside. English has no word
    classes to read here, so only a Korean question's nouns are.
    """
    if not HANGUL.search(question):
        return frozenset(), frozenset()
    from .lexical import tagged_morphemes

    morphemes = tagged_morphemes(question)
    # a noun made a verb or an adjective by 하 ("포기하는", "통제할") is a predicate, not a name; the noun before the
    # copula that ends the question is what it says its subject is ("… 스캐너예요?"), no name to set aside either
    verbal = _verbal_nouns(morphemes, ("XSV", "XSA"))
    complement = [
        form for (form, tag), (_, copula), (_, ending) in zip(morphemes, morphemes[1:], morphemes[2:])
        if tag in ("NNG", "NNP", "SL") and copula == "VCP" and ending == "EF"
    ]
    not_names = {*verbal, *complement}
    nouns = terms.keys_of([form for form, tag in morphemes if tag in ("NNG", "NNP", "SL") and form not in not_names]) & keys
    unused = frozenset(key for key in nouns if not key.startswith("#") and not terms.in_corpus(key))
    # its verbs a statement holds anyway (full_statements: _korean_verbs); its adjectives, also those the question's
    # keys leave out ("무거운"), and its nouns made verbs it must hold to set a noun aside
    adjectives = [form for form, tag in morphemes if tag == "VA" and form not in KO_LIGHT_VERBS]
    return (unused if len(unused) == 1 else frozenset()), terms.keys_of([*adjectives, *verbal])


def _substituted(asked: list[tuple[frozenset[str], bool]], sentence: str, terms: TermWeights) -> bool:
    """Whether the sentence says the question's phrase of another thing (`asked`: the question's _modified_words):
    the question's phrase of two words is a phrase of the sentence too, each led by a bare modifier of its own (a noun
    with no particle, or a word joined by a hyphen), and the question's modifier stands elsewhere in the sentence
    ("윈도우 기반 기술인가요?" - "리눅스 기반 기술이기 때문에 Windows 컨테이너는 …"; "a Windows-based technology?" -
    "a Linux-based technology, so Windows containers …")."""
    said = _modified_words(sentence, terms)
    for i in range(1, len(asked) - 1):
        (lead, bare), (first, compound), (second, _) = asked[i - 1], asked[i], asked[i + 1]
        if not (bare and compound and lead and first and second) or lead & (first | second):
            continue  # three words of one compound ("윈도우 기반 기술", "Windows-based technology") or none
        for j in range(1, len(said) - 1):
            other, other_bare = said[j - 1]
            if other_bare and other and said[j][1] and first & said[j][0] and second & said[j + 1][0] and not other & (lead | first | second):
                if any(lead & said[k][0] for k in range(len(said)) if k not in (j - 1, j, j + 1)):
                    return True
    return False


def _modified_words(text: str, terms: TermWeights) -> list[tuple[frozenset[str], bool]]:
    """The words of a text in order (a hyphen parts a word), each with its keys and whether it is a bare modifier of
    the next: joined to it by a hyphen or ending a hyphenated English compound ("Windows-based" before its noun), a
    Korean noun written without a particle or ending, or a Latin word before such a noun ("Windows 기반")."""
    from .lexical import tagged_morphemes

    out: list[tuple[frozenset[str], bool]] = []
    words = text.split()

    def korean_noun(word: str) -> bool:
        tags = [tag for _, tag in tagged_morphemes(word)] if HANGUL.search(word) else []
        return bool(tags) and all(tag.startswith(("NN", "SL")) for tag in tags)

    for i, word in enumerate(words):
        parts = [part for part in word.split("-") if part]
        for part in parts:
            bare = len(parts) > 1 and not HANGUL.search(part)
            if len(parts) == 1 and HANGUL.search(part):
                bare = korean_noun(part)
            elif len(parts) == 1 and part.isalpha() and i + 1 < len(words):
                bare = korean_noun(words[i + 1])  # a Latin word before a bare Korean noun modifies it ("Windows 기반")
            out.append((terms.keys(part, known_only=True), bare))
    return out


def _contrasted(parts: tuple[tuple[str, str], ...]) -> bool:
    """Whether a sentence's clauses each say something of a subject of their own ("/host/data is the path on the host
    side, and /app/data is the path inside the container"; "/host/data는 호스트 측 경로이고 /app/data는 컨테이너 내부
    경로입니다"): words of different clauses then make no statement together. A later English clause that opens
    with a subject of its own and its verb; Korean clauses with a topic (은/는, not of a bound noun: "해결하는 것은")
    each. One subject going on ("…, but it does not …"; "지원하며 … 제공하여 … 빌드 가능합니다") is one statement."""
    if len(parts) < 2:
        return False
    if not any(HANGUL.search(clause) for _, clause in parts):
        # a fronted "because" or "while" clause and a main clause that does not go on with a pronoun ("Because Docker
        # is a Linux-based technology, Windows containers require …") say each of a subject of its own
        fronted = _EN_CAUSE_CLAUSE.match(f"{parts[0][1]} ") or _EN_CONTRAST_CLAUSE.match(f"{parts[0][1]} ")
        caused = bool(fronted) and not _EN_PRONOUN_OPENING.match(parts[1][1])
        return caused or any(_EN_OWN_SUBJECT.match(clause) for _, clause in parts[1:])
    from .lexical import tagged_morphemes

    def has_topic(clause: str) -> bool:
        morphemes = tagged_morphemes(clause)
        return any(
            form in ("은", "는") and tag == "JX" and i > 0 and morphemes[i - 1][1] != "NNB" for i, (form, tag) in enumerate(morphemes)
        )

    return sum(1 for _, clause in parts if has_topic(clause)) >= 2


_EN_OWN_SUBJECT = re.compile(
    r"^\W*(?:and|but|while|whereas)\s+(?!(?:it|they|this|that|these|those|he|she|we|you|i)\b)[\w/.'-]+(?:\s+[\w/.'-]+){0,2}?"
    r"\s+(?:is|are|was|were|has|have|does|do|can|will|runs?|uses?)\b",
    re.IGNORECASE,
)


_EN_MODAL_WORDS = ("possible", "possibly", "able")


# Reported speech about the post itself (general English and Korean): "does the article say (that) X?", "according to
# the post, X?", "X라고 나와?", "작성자는 X다고 보나요?" ask whether X, as the post has it. The post, its author and the
# verb that reports them are the frame, not words a statement of X holds.
_EN_SOURCE = r"(?:the|this)\s+(?:post|article|blog|author|writer|text|page|piece)"
_EN_REPORTED = re.compile(
    rf"\b(?:according to|per|in)\s+{_EN_SOURCE}\b|\b{_EN_SOURCE}(?:'s)?\s+(?:say|says|said|claim|claims|claimed|state|"
    r"states|stated|think|thinks|argue|argues|believe|believes|conclude|concludes|view|opinion)\b(?:\s+that\b)?"
    # ... and the pronoun that is the subject of a verb of saying (conversation.says_of_post): "does it claim (that) …?"
    rf"|\b(?:does|did|do|is|are|would)\s+(?:it|they)\s+(?:(?:{'|'.join(sorted(EN_SAYING_ADVERBS))})\s+)?"
    rf"(?:{'|'.join(sorted(EN_SAYING_VERBS))})\b(?:\s+that\b)?"
)
_KO_SOURCE = ("글", "본문", "포스트", "저자", "작성자", "필자", "글쓴이", "아티클", "post", "article", "blog", "author")
_KO_QUOTATIVE = ("다고", "라고", "자고", "냐고")  # the endings that quote a clause ("… 충분하다고 하나요?")
_KO_PREDICATE_TAGS = ("VV", "VX", "VA", "NNG", "XSV")


def _reported_keys(question: str, terms: TermWeights) -> frozenset[str]:
    """The keys of the words that frame a question as reported speech of the post: its name for the post or author,
    and the verb that reports (what comes after a Korean quotative ending: "… 지원한다고 | 나와?")."""
    words = [match.group(0) for match in _EN_REPORTED.finditer(question.lower())]
    if HANGUL.search(question):
        from .lexical import tagged_morphemes

        morphemes = tagged_morphemes(question)
        for i, (form, tag) in enumerate(morphemes):
            after = morphemes[i + 1][1] if i + 1 < len(morphemes) else ""
            if form.lower() in _KO_SOURCE and tag in ("NNG", "NNP", "SL") and after.startswith("J"):
                words.append(form)
            elif tag == "EC" and form.endswith(_KO_QUOTATIVE):
                following = next((f for f, t in morphemes[i + 1 :] if t in _KO_PREDICATE_TAGS), None)
                if following:
                    words.append(following)
    return terms.keys_of(words)


def _modal_keys(question: str, terms: TermWeights) -> frozenset[str]:
    """The keys of the words that only frame a yes/no question: its modality ("할 수 있나요", "가능해?", "is it
    possible", read by the modal flag instead) and a final confirmation ("… 맞아?", "… 맞나요?": is that right?)."""
    words = [word for word in _EN_MODAL_WORDS if re.search(rf"\b{word}\b", question.lower())]
    if HANGUL.search(question):
        from .lexical import tagged_morphemes

        morphemes = [(form, tag) for form, tag in tagged_morphemes(question) if not tag.startswith(("S", "E", "J"))]
        for i, (form, tag) in enumerate(morphemes):
            following = morphemes[i + 1][0] if i + 1 < len(morphemes) else ""
            if form == "가능" or (form == "수" and tag == "NNB" and following == "있"):
                words.append(form)
            if form == "있" and i > 0 and morphemes[i - 1][0] == "수":
                words.append(form)
        if morphemes and morphemes[-1][0] == "맞" and morphemes[-1][1] in ("VA", "VV"):
            words.append("맞")
    return terms.keys_of(words)


# English adverbs in -ly say how sure or how strongly the asker puts a question ("fundamentally", "really",
# "basically"); a statement without one still says what is asked. Not those of degree ("completely") or restriction.
_EN_MANNER = re.compile(r"\b[a-z]{3,}ly\b")
_EN_NOT_MANNER = frozenset({"only", "early", "family", "supply", "apply", "reply", "likely", "daily", "fly"})


def _manner_keys(question: str, terms: TermWeights) -> frozenset[str]:
    words = [w for w in _EN_MANNER.findall(question.lower()) if w not in _EN_NOT_MANNER and not _EN_DEGREE.search(w)]
    return terms.keys_of(words)


def _names_condition(keys: frozenset[str], condition: str, terms: TermWeights) -> bool:
    """Whether the question names at least half (IDF-weighted) of a condition's words: it asks about that case."""
    wanted = terms.keys(condition, known_only=True)
    return bool(wanted) and terms.weight(wanted & keys) >= 0.5 * terms.weight(wanted)


# (", which …" opens a relative clause that adds to the sentence: "It shares the host's kernel, which is why …")
_EN_CLAUSE_BREAK = re.compile(rf";|{EN_DASH_BREAK}|,\s*(?=(?:but|so|and|while|whereas|however|which)\b)|\s(?=(?:but|whereas|however)\b)")
_EN_CONDITION_CLAUSE = re.compile(r"^\W*(if|when|whenever|once|unless)\b[^,]*,\s*", re.IGNORECASE)
_EN_CAUSE_CLAUSE = re.compile(r"^\W*because\b[^,]*,\s*", re.IGNORECASE)  # "Because Docker is …, Windows containers …"
# "While Docker focuses on X, LXD specializes in Y": a fronted contrast is a clause of its own, about its own subject
_EN_CONTRAST_CLAUSE = re.compile(r"^\W*(?:while|whereas|although|though)\b[^,]*,\s*", re.IGNORECASE)
_EN_PRONOUN_OPENING = re.compile(r"^\W*(?:it|they|this|that|these|those|there|he|she|we|you|i)\b", re.IGNORECASE)
_EN_CAUSE = re.compile(r"\b(?:because|since|cause|cuz)\b")  # a question that says a cause itself


def _gives_cause(question: str) -> bool:
    """Whether a question says a cause itself ("리눅스 기반이라서 …?", "…기 때문에 …?", "because it is Linux-based, …?"):
    it then asks a statement of a cause and what follows from it as one."""
    if not HANGUL.search(question):
        return bool(_EN_CAUSE.search(question.lower()))
    from .lexical import tagged_morphemes

    morphemes = tagged_morphemes(question)
    return any(
        form == "때문" or (tag == "EC" and (form.endswith(("서", "니까", "므로")) or (form == "라" and i and morphemes[i - 1][1] == "VCP")))
        for i, (form, tag) in enumerate(morphemes)
    )


@lru_cache(maxsize=8192)
def statement_clauses(sentence: str, causes: bool = True) -> tuple[tuple[str, str], ...]:
    """(condition, clause) of each clause of a sentence: its clauses split at connective endings ("사용하며",
    "동작하므로"), "but"/"so"/";", and with `causes` at a cause ("…이기 때문에", a fronted "because …,"), each with the
    condition clauses before it ("외부와 통신 시", "if ..., ")."""
    pieces: list[tuple[str, bool]] = []  # (text, is a condition)
    if HANGUL.search(sentence):
        from .lexical import mecab_parse

        morphemes = list(mecab_parse(sentence))
        start = 0
        for i, m in enumerate(morphemes):
            tag = m.feature.pos.split("+")[-1]
            following = morphemes[i + 1].feature.pos if i + 1 < len(morphemes) else ""
            condition = (m.surface in _KO_CONDITION_NOUNS and not following.startswith(("J", "V", "X", "E"))) or is_condition_ending(
                m.surface, tag
            )
            cause = causes and m.surface == "에" and i > 0 and morphemes[i - 1].surface == "때문"  # "… 기술이기 때문에": because
            if condition or cause or (tag == "EC" and not following.startswith("VX")) or tag in ("SC",):
                pieces.append((sentence[start : m.span.end], condition))
                start = m.span.end
        pieces.append((sentence[start:], False))
    else:
        rest = sentence
        head = _EN_CONDITION_CLAUSE.match(rest)
        if head:
            pieces.append((head.group(0), True))
            rest = rest[head.end() :]
        cause = _EN_CAUSE_CLAUSE.match(rest) if causes else None
        if cause:
            pieces.append((cause.group(0), False))
            rest = rest[cause.end() :]
        contrast = _EN_CONTRAST_CLAUSE.match(rest)
        if contrast:
            pieces.append((contrast.group(0), False))
            rest = rest[contrast.end() :]
        pieces.extend((piece, False) for piece in _EN_CLAUSE_BREAK.split(rest))
    out: list[tuple[str, str]] = []
    condition = ""
    for text, is_condition in pieces:
        if not text.strip(" ,.;"):
            continue
        if is_condition:
            condition = f"{condition} {text}".strip()
        else:
            out.append((condition, text.strip()))
            condition = ""
    if condition:
        out.append(("", condition))
    return tuple(out)




_KO_COMPLEMENT_VERBS = ("되", "돼", "됐", "됩", "아니", "아냐", "아닌")  # after 이/가, its complement: "방법이 되다", "VM이 아니다"


# The Korean predicates of existence: "오버헤드가 전혀 없나요?" says of its subject only whether it exists, which
# "성능 오버헤드가 존재합니다" says too
_KO_EXISTENCE = frozenset({"있", "없", "존재"})


def _korean_predicate_keys(question: str, terms: TermWeights) -> frozenset[str] | None:
    """The keys of what a Korean question says of its subject: the words after its last topic or subject particle
    ("컨테이너는 | 커널을 공유해?": 커널, 공유); empty when it says it in words no key stands for ("윈도우 컨테이너는 |
    바로 돼?"); None when it marks no subject. The particle of a bound noun ("고려하는 것이 맞아?") marks a clause, not
    a subject, and so does that of a complement ("방법이 되나요?": is it a way?)."""
    if not HANGUL.search(question):
        return None
    from .lexical import mecab_parse

    morphemes = list(mecab_parse(question))
    marks = [
        m.span.end for i, m in enumerate(morphemes)
        if m.surface in ("은", "는", "이", "가") and m.feature.pos.split("+")[0] in ("JX", "JKS")
        and not (i and morphemes[i - 1].feature.pos.split("+")[-1] == "NNB")
        and not (i + 1 < len(morphemes) and morphemes[i + 1].surface.startswith(_KO_COMPLEMENT_VERBS))
    ]
    return terms.keys(question[marks[-1] :]) if marks else None


def _korean_verbs(question: str) -> frozenset[str]:
    """The Korean verbs a question asks with ("돌리" in "돌릴 수 있나요?"): a statement that settles it says them too
    (an everyday verb weighs little in the share of its words).

    A verb as common in general language as its function words ("쓰다", to use: "브리지 네트워크를 쓰나요?") names no
    action of its own, as "use" does not in English, and a statement may say it with another ("사용합니다"); but not
    in a question of permission ("써도 돼?", "돌려도 괜찮아?"), which asks about doing just that.
    """
    if not HANGUL.search(question):
        return frozenset()
    from .lexical import tagged_morphemes

    morphemes = tagged_morphemes(question)
    # a noun made a verb by 하 ("포기하는", "지원한다") is a verb of the question as well
    verbal = _verbal_nouns(morphemes, ("XSV",))
    return frozenset(
        form
        for i, (form, tag) in enumerate(morphemes)
        if tag == "VV" and form not in KO_LIGHT_VERBS and (general_zipf(form) < FUNCTION_ZIPF or _permission(morphemes, i))
    ) | frozenset(verbal)


def _verbal_nouns(morphemes, suffixes: tuple[str, ...]) -> list[str]:
    """The Korean nouns made a verb or an adjective by a suffix of `suffixes` ("포기" of "포기하는": 포기/NNG + 하/XSV)."""
    return [form for (form, tag), (_, after) in zip(morphemes, morphemes[1:]) if tag == "NNG" and after in suffixes]


def _permission(morphemes, i: int) -> bool:
    """Whether the Korean verb at i is what a question asks permission for: a concessive ending ("-어도") after it."""
    return i + 1 < len(morphemes) and morphemes[i + 1][1] == "EC" and morphemes[i + 1][0].endswith("도")


def statement_verdict(question: str, asked: Asked | None, sentences: list[tuple[Chunk, str]], terms: TermWeights) -> VerdictResult | None:
    """The verdict of statements that contain (nearly) every word of a yes/no question, when they agree.

    "Does Docker use a bridge network by default?" is settled by "Docker uses a bridge network by default" and
    denied by its negation. Every word of the question counts, words the article never uses at their full
    weight, so a statement that leaves out part of the question settles nothing; comparisons ("more ... than"),
    "does X change whether" questions and hedged, conditional or restricted ("only", "instead of") statements
    are left to the claims or to no one.
    """
    found = full_statements(question, asked, sentences, terms)
    return _settled_by(_or_most_of_words(question, found, lambda share: full_statements(question, asked, sentences, terms, share=share)), question, asked)


def _or_most_of_words(question: str, found: list, statements_at) -> list:
    """The statements of (nearly) all of a question's words, or when there are none, those of most of them
    (`statements_at(MOST_OF_STATEMENT)`); not for whether something is advisable, which a statement of what holds does
    not say."""
    return found if found or _asks_advice(question) else statements_at(MOST_OF_STATEMENT)


def _settled_by(found: list[tuple[Verdict | None, Chunk, str]], question: str, asked: Asked | None) -> VerdictResult | None:
    """The verdict of the full statements found, when they agree and none hedges."""
    if not found or len({polarity for polarity, _, _ in found}) != 1 or found[0][0] is None:
        return None
    verdict, chunk, sentence = found[0]
    flip = _flips(question, asked, tuple(text for _, _, text in found))
    if flip is None:
        return None
    if flip:
        verdict = {"yes": "no", "no": "yes"}.get(verdict, verdict)
    return _stated_verdict(verdict, chunk, sentence)


# Asking whether the text says something at all, or advises it (general English and Korean): "does the post mention
# X?", "is X listed?", "does the author suggest X for Y?", "X도 언급되나요?", "X가 나와 있나요?", "X를 권장하나요?". The
# post and its parts are where, not what, it asks about.
_EN_MENTION = re.compile(
    r"\b(?:mention|mentions|mentioned|list|lists|listed|include|includes|included|discuss|discusses|discussed|"
    r"talk about|talks about|talked about|bring up|brings up|brought up|recommend|recommends|recommended|"
    r"suggest|suggests|suggested|advise|advises|advised|propose|proposes|proposed)\b"
)
_EN_MENTION_PLACE = re.compile(
    r"\b(?:post|article|blog|author|text|page|anywhere|somewhere|there|in there|here|also|too|at all|one|ones|of them|"
    r"among|as|a|an|the|it|this|example|examples|list)\b"
)
_KO_MENTION = {("언급", "NNG"), ("나오", "VV"), ("포함", "NNG"), ("소개", "NNG"), ("다루", "VV"), ("권장", "NNG"),
               ("추천", "NNG"), ("권하", "VV"), ("제안", "NNG")}
# ... and where in it or in what role: in a list, as an example ("X도 예시로 나와요?", "is X one of the examples?")
_KO_MENTION_PLACE = ("글", "포스트", "본문", "저자", "아티클", "여기", "거기", "어디", "예시", "목록")
# ... of them, those that ask what the text advises ("is X recommended for Y?"); "just X?" asks of nothing else
_EN_MENTION_ADVICE = re.compile(r"\b(?:recommend|recommends|recommended|suggest|suggests|suggested|advise|advises|advised|propose|proposes|proposed)\b")
_KO_MENTION_ADVICE = {("권장", "NNG"), ("추천", "NNG"), ("권하", "VV"), ("제안", "NNG")}
_EN_JUST = re.compile(r"\b(?:just|exclusively)\b")
# Asking whether something is one of a group (general English and Korean): "is X one of them / the options?", "is X
# in that list?", "does X count as one?", "X도 그 중 하나야?", "X도 거기 들어가?". The group is what the text says where
# the question is read (see mention_verdict), not anywhere in it. "one of" asks it after a copula only: "can one of
# them affect the other?" asks no such thing.
_EN_MEMBER = re.compile(r"\b(?:one of|in (?:that|the|this|those) lists?|on (?:that|the|this) list|counts? as|counted as)\b")
_EN_COPULA = re.compile(r"\b(?:is|are|was|were|count|counts|counted)\b")
_EN_MEMBER_POINTING = re.compile(r"\b(?:that|those|these|them|this|there|ones?)\b")
_KO_MEMBER = re.compile(r"(?:중|가운데)\s*(?:에|의)?\s*하나")
_KO_MEMBER_VERBS = {("들어가", "VV"), ("속하", "VV"), ("들어있", "VV")}
# a group the question points at rather than names: "one of them", "in that list", "거기", "그 중", "그 목록에"
_KO_POINTING = re.compile(r"(?:^|\s)(?:거기|여기|저기|그거|이거)|(?:^|\s)(?:그|이|저)(?:\s+\S|중)")
MENTIONED = 0.8  # IDF-weighted share of what a "does it mention ...?" question names that one passage must hold


def _said_by_parts(text: str, terms: TermWeights) -> frozenset[str]:
    """The Korean compounds of a text that the posts never write and that are said by nouns of theirs the analyzer
    gives beside them ("해결책": 해결): no word a statement must hold on its own."""
    tokens = tokenize(text)
    return frozenset(
        token for token in tokens
        if HANGUL.search(token) and not terms.in_corpus(token) and any(part != token and part in token and terms.known(part) for part in tokens)
    )


def _asks_mention(question: str) -> bool:
    lower = question.lower()
    english = any(not _absolute_participle(lower, match) for match in _EN_MENTION.finditer(lower))
    return bool(_korean_mention_forms(question) or english or _asks_membership(question))


def _absolute_participle(lower: str, match: re.Match) -> bool:
    """Whether a mention word is a participle set after its noun with no verb of its own ("…, Windows included?"):
    it says what the question takes in, not that something is mentioned ("is Seccomp included?")."""
    if match.group() != "included":
        return False
    clause = re.split(r"[,;:—–(]", lower[: match.start()])[-1]
    return not re.search(r"\b(?:is|are|was|were|be|been|being|get|gets|got|it|that|this)\b", clause)


def _membership_phrase(lowered: str) -> re.Match | None:
    """The phrase of an English question that asks whether something is one of a group, after its copula."""
    match = _EN_MEMBER.search(lowered)
    if match is None or not (match.group().startswith("count") or _EN_COPULA.search(lowered[: match.start()])):
        return None
    return match


def points_at_group(question: str) -> bool:
    """Whether a question asks if something is one of a group it points at ("is X one of them?", "X도 그 중 하나야?",
    "CI/CD도 거기 들어가?") rather than names ("is X one of the suggested fixes?"): the group is what the
    conversation is reading."""
    if not _asks_membership(question):
        return False
    match = _membership_phrase(question.lower())
    if match is not None and _EN_MEMBER_POINTING.search(question.lower()[match.end():]):
        return True
    return bool(HANGUL.search(question) and _KO_POINTING.search(question))


def _asks_membership(question: str) -> bool:
    """Whether a question asks if something is one of a group: "is X one of them?", "X도 그 중 하나야?", and a Korean
    question that puts X into a group with "도" or a place ("X도 들어가?", "거기 들어가요?"; not "Pod 안에 … 들어가는
    구조야?", which asks what holds what)."""
    if _membership_phrase(question.lower()) or _KO_MEMBER.search(question):
        return True
    if not HANGUL.search(question):
        return False
    from .lexical import tagged_morphemes

    morphemes = tagged_morphemes(question)
    if not any(item in _KO_MEMBER_VERBS for item in morphemes):
        return False
    return ("도", "JX") in morphemes or any(word in question for word in ("거기", "목록", "그 중", "그중"))


def mention_verdict(
    question: str, passages: list[tuple[Chunk, str]], terms: TermWeights, lead: tuple[str, str] | None = None
) -> VerdictResult | None:
    """Yes to "does the post mention X (as Y)?" when one passage (a sentence, or a table row) holds what the
    question names, X and Y together; else no verdict: a passage that leaves out part of it, or words the post
    never uses, settle nothing, and that the post does not say something is never read as a no. "Is X one of them?"
    asks of a group: a passage of the group's section (`lead`: the one the conversation is reading, else the one
    cited first) must hold X."""
    if not is_yes_no(question) or not _asks_mention(question) or _question_negated(question):
        return None
    lower = question.lower()
    if _ALONE.search(question) or _EN_ONLY.search(lower) or _EN_JUST.search(lower):
        return None  # "is only gVisor mentioned?", "gVisor 하나만 언급돼?" asks whether nothing else is
    forms = _korean_mention_forms(question)
    lowered = _EN_MENTION_PLACE.sub(" ", _EN_MENTION.sub(" ", lower))
    if _asks_membership(question):
        lowered = _KO_MEMBER.sub(" ", _EN_MEMBER_POINTING.sub(" ", _EN_MEMBER.sub(" ", lowered)))
        if points_at_group(question) or not (forms or _EN_MENTION.search(lower)):
            # the group is where the question is read, not anywhere in the posts ("is X one of them?", "X도 들어가?";
            # "is X one of the suggested fixes?" asks whether the posts suggest it, wherever)
            if lead is None:
                return None
            passages = [(chunk, passage) for chunk, passage in passages if (chunk.document, chunk.anchor) == lead]
    for word in _KO_MENTION_PLACE:
        lowered = lowered.replace(word, " ")
    mention = terms.keys_of(form for form, _ in forms)
    keys = terms.keys(lowered) - mention
    # What it names (a word rare in general language: "Kata", "CI/CD", "쿠버네티스") must be there itself, as must
    # the rarest word it uses; a word of general language the posts never use is the asker's own wording of what they
    # say ("rollout" of "배포", "tighten" of "강화") and is not looked for.
    named = {terms.key(token) for token in tokenize(lowered) if general_zipf(token) < RARE_ZIPF} & keys
    keys -= _said_by_parts(lowered, terms)
    advice = bool(_EN_MENTION_ADVICE.search(lower) or (_KO_MENTION_ADVICE & set(forms)))
    if not advice:
        # (not in "is X recommended for Y?": that a passage says X and Y does not say it advises X for Y; nor of a
        # Korean word, which may be the predicate itself: "속도를 포기하는 구조라고 나와?")
        keys = frozenset(key for key in keys if key in named or key.startswith("#") or terms.in_corpus(key) or HANGUL.search(key))
    if not keys:
        return None
    total = terms.weight(keys)
    named.add(max(keys, key=lambda k: terms.weight({k})))
    for chunk, passage in passages:
        found = _mentioned_with(chunk, passage, named, terms)
        # A heading says what every passage under it is of: "logging is hard" under "Docker's drawbacks" says it
        # is one of them; the passage itself holds what is asked of, though.
        # (not of what the post advises, which the passage that advises it names: test_mention_advice_is_said_in_the_passage)
        headings = frozenset() if advice else _group_headings(chunk, question, terms)
        if not named <= found | headings or not named & found or _denied(passage, named, terms):
            continue
        # Where the passage sits is said by its headings: "the summary table", "요약 표", "the diagram" name the
        # place, not what is said there.
        placed = found | terms.keys(chunk.section) | terms.keys(chunk.section_translated or "")
        if advice and not (_ADVISING.search(passage) or _SOLUTIONS.search(_headings(chunk))):
            continue  # what the post advises is said as advice, or under a heading of fixes; not "the old answer was X"
        if terms.weight(keys & placed) >= MENTIONED * total:
            return _stated_verdict("yes", chunk, passage)
    return None


def _group_headings(chunk: Chunk, question: str, terms: TermWeights) -> frozenset[str]:
    """The words of the headings a passage sits under that say what it is one of: a heading of fixes ("단점 해결
    다이어그램", "Solutions to drawbacks") says its passages are fixes, not drawbacks, whatever it sits under, unless the
    question asks of fixes."""
    of_fixes = bool(_SOLUTIONS.search(question))
    keys: set[str] = set()
    # (a heading and its translation, innermost first: either one names fixes)
    for parts in zip_longest(reversed(chunk.section.split(" > ")), reversed((chunk.section_translated or "").split(" > ")), fillvalue=""):
        if not of_fixes and any(_SOLUTIONS.search(part) for part in parts):
            break  # (and what it sits under: "도커의 단점 요약 > 단점 해결 다이어그램")
        keys |= terms.keys_of(parts)
    return frozenset(keys)


def _headings(chunk: Chunk) -> str:
    """What a passage sits under: its section's heading in either language and, for a table row, the column headers."""
    return " ".join((chunk.section, chunk.section_translated or "", *(chunk.header if chunk.kind == "row" else ())))


# A passage that advises (general English and Korean): it recommends, suggests or says what should be done
# ("권장", "추천", "바람직"), or sits under a heading of solutions or fixes ("Solution", "해결 방안").
_ADVISING = re.compile(r"\b(?:recommend\w*|suggest\w*|advis\w*|should|best practices?)\b|권장|추천|바람직", re.IGNORECASE)
_SOLUTIONS = re.compile(r"\b(?:solutions?|fix|fixes|remed(?:y|ies)|workarounds?)\b|해결|방안|대안", re.IGNORECASE)


# What a passage names only to deny it (general English and Korean): "not data persistence", "instead of a --link",
# "--link가 아닌", "볼륨 없이": a word in the few words after an English negator, or before a Korean one, up to the
# clause's end.
_EN_DENIAL = re.compile(r"\b(?:not|no|never|nor|without|instead of|rather than)\s+([^,;.:!?()—–]{1,60})", re.IGNORECASE)
_KO_DENIAL = re.compile(r"((?:\S+\s+)?\S+?)\s*(?:이|가)?\s*(?:아닌|아니라|아니고|없이)")


def _denied(passage: str, named: set[str], terms: TermWeights) -> bool:
    """Whether a passage names something the question names only to deny it."""
    spans = [" ".join(match.group(1).split()[:3]) for match in _EN_DENIAL.finditer(passage)]
    spans += [match.group(1) for match in _KO_DENIAL.finditer(passage)]
    return any(terms.keys(span) & named for span in spans)


def _mentioned_with(chunk: Chunk, passage: str, named: set[str], terms: TermWeights) -> frozenset[str]:
    """The words a passage says together with what a question names. A table row says its cells each under its own
    header: what the cells that hold the named things say, with their headers, and the row's case (its first cell),
    not the other columns' headers ("Kubernetes" under "대표적인 해결 방법" in the row of "수작업 배포의 한계" is a fix
    the post lists, not one of the "도커 단점" of the first column)."""
    if chunk.kind != "row" or not chunk.cells or passage != chunk.text:
        return terms.keys(passage)
    found = terms.keys(chunk.cells[0])
    for i, cell in enumerate(chunk.cells):
        cell_keys = terms.keys(cell)
        if cell_keys & named:
            found |= cell_keys | (terms.keys(chunk.header[i]) if i < len(chunk.header) else frozenset())
    return found


# Asking whether something is free of a concern (general English and Korean): "risk-free", "worry-free", "without
# worrying about", "not worry about", "걱정 없이", "신경 안 써도", "신경 쓸 게 없나요".
_EN_CAREFREE = re.compile(
    r"\b\w+-free\b|\bfree (?:of|from)\b|\bwithout (?:\w+ ){0,2}(?:worry|worrying|thinking about|caring about|concern)|"
    r"\bnot (?:have to |having to |need to )?(?:worry|care)\b|\bno[- ]strings[- ]attached\b"
)
# (걱정/신경 and what says there is none or none needed: 걱정 없이, 신경 안 써도, 신경 쓸 건 없어, 걱정할 필요 없어)
_KO_CAREFREE = re.compile(
    r"(?:걱정|신경)\S*\s*(?:(?:안|전혀|하나도|별로)\s*)*(?:없|안\s*(?:해|하|써|쓰)|(?:쓰|하)지\s*않|쓸\s*(?:게|것|건|거)\s*\S*\s*없|"
    r"할\s*(?:필요|게|것|건|거)\S*\s*없)"
)


def _korean_mention_forms(question: str) -> list[tuple[str, str]]:
    """The morphemes of a Korean question that ask whether the text says something (언급, 나오다, 권장 …)."""
    if not HANGUL.search(question):
        return []
    from .lexical import tagged_morphemes

    return [item for item in tagged_morphemes(question) if item in _KO_MENTION]


# Asking whether something is advisable (general English and Korean): "is it OK / fine / a good idea to X?", "is X
# recommended?", "should I X?", "X 써도 괜찮아?", "X 해도 돼?", "X 권장하나요?"; or whether it is to be avoided: "should I
# avoid X?", "should I stay away from X?", "X 피해야 돼?", "X 지양해야 하나요?".
_EN_ADVISABLE = re.compile(
    r"(?<![\w-])(?:ok|okay|fine|alright|all right|acceptable|advisable|(?:a )?good (?:idea|choice|option|fix|solution|approach)|"
    r"wise|recommended|should (?:i|we|you|one)|ought (?:i|we) to)(?![\w-])"
)
_EN_OPENING_OK = re.compile(rf"{EN_DISCOURSE_OPENING}(?:ok|okay|alright|all right)\b(?!\s+(?:to|for|if|with|in|as)\b)")
_KO_ADVISABLE_PHRASE = re.compile(r"(?:좋은|괜찮은|바람직한)\s*(?:선택|방법|생각|해결책|대안|방안)")  # "좋은 선택인가요?"
# (the general English phrases of avoiding, used by the question and the statement readers below)
_EN_AVOIDING = r"avoid|steer clear of|stay away from|keep away from|refrain from"
_EN_AVOID = re.compile(rf"\b(?:{_EN_AVOIDING}|avoided|shun)\b")
_KO_ADVISABLE = {("괜찮", "VA"), ("권장", "NNG"), ("추천", "NNG"), ("권하", "VV")}
_KO_AVOID = {("피하", "VV"), ("지양", "NNG"), ("삼가", "VV")}
# ... and what a statement advises: against something ("should be avoided", "지양해야 합니다", "피하는 것이 좋습니다"),
# for it ("is recommended", "권장합니다"), or using it only in one case ("used only for testing", "테스트 용도에서만
# 사용"), which advises it in that case (the case is among the words the question must share with the clause).
_EN_ADVISED_AGAINST = re.compile(
    rf"\b(?:{_EN_AVOIDING}|avoided|avoiding|should not|shouldn't|must not|mustn't|not recommended|discouraged)\b"
)
_EN_ADVISED = re.compile(r"\b(?:recommended|recommend|recommends|advisable|(?:used|use) only (?:for|in)|only (?:be )?used (?:for|in))\b")
_KO_USE = {("사용", "NNG"), ("쓰", "VV"), ("이용", "NNG")}
# "to avoid including unnecessary files", "in order to avoid …": a purpose, not advice
_EN_PURPOSE = re.compile(rf"\b(?:in order |so as )?to (?:{_EN_AVOIDING}|prevent)\b")
# An English clause that goes on with its subject left out after "and" ("it is used only for testing and should be
# avoided in production"): a clause of its own.
_EN_AND_CLAUSE = re.compile(r",?\s+and\s+(?=(?:should|must|can|may|might|will|would|is|are|it|they)\b)")


def _asks_advice(question: str) -> str | None:
    """"advisable" when a yes/no question asks whether doing something is advisable, "avoid" when it asks whether it is
    to be avoided, else None."""
    if HANGUL.search(question):
        from .lexical import tagged_morphemes

        morphemes = tagged_morphemes(question)
        if any(item in _KO_AVOID for item in morphemes):
            return "avoid"
        permission = any(
            tag == "EC" and form.endswith("도") and i + 1 < len(morphemes) and morphemes[i + 1] == ("되", "VV")
            for i, (form, tag) in enumerate(morphemes)
        )  # "써도 돼?", "해도 되나요?": may I
        advisable = permission or _KO_ADVISABLE_PHRASE.search(question) or any(item in _KO_ADVISABLE for item in morphemes)
        return "advisable" if advisable else None
    # "ok, …" / "ok back to docker: …" opens the question; "ok to …?", "ok for testing?" ask whether it is advisable
    lowered = _EN_OPENING_OK.sub("", question.lower())
    if _EN_AVOID.search(lowered):
        return "avoid"
    return "advisable" if _EN_ADVISABLE.search(lowered) else None


def _advice(clause: str) -> Verdict | None:
    """"yes" for a clause that advises what it says (also: only in its case), "no" for one that advises against it."""
    if HANGUL.search(clause):
        from .lexical import tagged_morphemes

        morphemes = tagged_morphemes(clause)
        purpose = {i for i in range(len(morphemes) - 2) if morphemes[i + 1] == ("기", "ETN") and morphemes[i + 2][0] == "위하"}
        if any(item in _KO_AVOID and i not in purpose for i, item in enumerate(morphemes)):
            return "no"  # not "피하기 위해" (in order to avoid), a purpose
        if any(item in _KO_NEGATION for item in morphemes):
            return None  # "권장하지 않습니다": read both ways, no advice taken
        only_use = any(
            morphemes[i] == ("만", "JX") and morphemes[i + 1] in _KO_USE for i in range(len(morphemes) - 1)
        )  # "테스트 용도에서만 사용하고"
        return "yes" if only_use or any(item in _KO_ADVISABLE for item in morphemes) else None
    lowered = _EN_PURPOSE.sub(" ", clause.lower())
    if _EN_ADVISED_AGAINST.search(lowered):
        return "no"
    if re.search(r"\bnot\b|n't\b", lowered):
        return None
    return "yes" if _EN_ADVISED.search(lowered) else None


# The case an English piece of advice is given for: "in production workloads", "for testing purposes".
_EN_ADVICE_CASE = re.compile(r"\b(?:in|for|during|within)\s+((?:[\w-]+\s*){1,3})")
_KO_CASE_PARTICLES = frozenset({"에서", "에", "로", "으로"})


def _advice_case(clause: str) -> str:
    """The words of the case a clause's advice is given for ("should be avoided in production environments":
    production environments; "운영 환경에서는 지양해야": 운영 환경), empty when it is given without one."""
    if HANGUL.search(clause):
        from .lexical import tagged_morphemes

        morphemes = tagged_morphemes(clause)
        return " ".join(
            _nouns_before(morphemes, i) for i, (form, tag) in enumerate(morphemes) if tag == "JKB" and form in _KO_CASE_PARTICLES
        )
    return " ".join(_EN_ADVICE_CASE.findall(clause.lower()))


_EN_SETTING = re.compile(r"\b(?:in|inside|within|during)\s+((?:[\w-]+\s*){1,3})\W*$")  # closing the question


def _setting(question: str) -> str:
    """The words of the setting (place or time) a question asks about ("… in production?", "운영 환경에서")."""
    if HANGUL.search(question):
        from .lexical import tagged_morphemes

        morphemes = tagged_morphemes(question)
        return " ".join(_nouns_before(morphemes, i) for i, (form, tag) in enumerate(morphemes) if tag == "JKB" and form == "에서")
    return " ".join(_EN_SETTING.findall(question.lower()))


# The verbs of undoing something (general English and Korean): advice on using a thing says nothing of turning it off.
_EN_UNDO = frozenset({"disable", "remove", "drop", "delete", "strip", "stop", "uninstall", "revoke", "kill"})
_EN_UNDO_PHRASE = re.compile(r"\b(?:turn|switch|shut)(?:s|ed|ing)?\s+(?:\S+\s+)?off\b")
_KO_UNDO = frozenset({"끄", "빼", "제거", "비활성", "비활성화", "삭제", "해제", "없애", "중지", "중단"})
# What an English question asks advice on doing: the verb after "OK to", "should I", or the gerund after "avoid".
_EN_ACTION = re.compile(
    r"\b(?:(?:ok|okay|fine|alright|acceptable|advisable|idea|choice|option|fix|solution|approach|wise) to|should (?:i|we|you|one)(?: be)?|ought (?:i|we) to)\s+([a-z]+)|"
    rf"\b(?:{_EN_AVOIDING})\s+([a-z]+ing)\b"
)


def _action_words(question: str) -> tuple[list[str], bool]:
    """The words of what a question asks advice on doing ("run", "켜", "돌리", "사용"), which advice on the thing
    itself need not repeat, and whether that is undoing something ("is it OK to disable …?", "꺼도 돼?")."""
    if HANGUL.search(question):
        from .lexical import tagged_morphemes

        morphemes = tagged_morphemes(question)
        verbs = [
            form for i, (form, tag) in enumerate(morphemes)
            if (tag == "VV" or (tag == "NNG" and i + 1 < len(morphemes) and morphemes[i + 1][1] == "XSV"))
            and (form, tag) not in _KO_ADVISABLE | _KO_AVOID
        ]
        return verbs, any(verb in _KO_UNDO for verb in verbs)
    lowered = question.lower()
    actions = [first or second for first, second in _EN_ACTION.findall(lowered)]
    undoing = _EN_UNDO_PHRASE.search(lowered) or any(action in _EN_UNDO or re.sub(r"(?:ing|s)$", "", action) in _EN_UNDO for action in actions)
    return actions, bool(undoing)


def _clauses_about(question: str, keys: frozenset[str], sentences: list[tuple[Chunk, str]], terms: TermWeights):
    """(chunk, sentence, clause) of every clause that, read with its section (its heading and its other sentences,
    for the subject the clause leaves out), holds (nearly) every one of the question's `keys`, and whose paragraph
    or heading holds what the question names (a word rare in general language: "--privileged", "--network host")
    and the rarest word it uses. None for a question that names nothing so."""
    total = terms.weight(keys)
    named = {terms.key(token) for token in tokenize(question.lower()) if general_zipf(token) < RARE_ZIPF} & keys
    if not named:
        return  # "is the default bridge totally safe?", "그 옵션 쓰면 …?": no name says which thing the advice is about
    named.add(max(keys, key=lambda k: terms.weight({k})))
    said = [(chunk, sentence, bool(HANGUL.search(sentence)), terms.keys(sentence)) for chunk, sentence in sentences]
    for chunk, sentence, korean, _ in said:
        heading = (chunk.section_translated or chunk.section).rsplit(" > ", 1)[-1]
        if not named <= terms.keys(f"{chunk.text} {heading}"):
            continue
        # (in the sentence's language: a translation of the sentence is the sentence)
        section = terms.keys(heading).union(
            *(found for c, other, language, found in said if c.section == chunk.section and other != sentence and language == korean)
        )
        for condition, clause in statement_clauses(_QUOTED.sub(" ", sentence)):
            for part in _EN_AND_CLAUSE.split(f"{condition} {clause}".strip()):
                if terms.weight(keys & (terms.keys(part) | section)) >= FULL_STATEMENT * total:
                    yield chunk, sentence, part


def _advice_keys(question: str, terms: TermWeights, undoing: bool = False) -> frozenset[str] | None:
    """The words of an advice question that the advice must speak to: not the words that ask for advice, nor the
    verb of doing the thing; None when it names too little, or asks about undoing the thing and `undoing` is
    False (advice on using a thing says nothing of turning it off)."""
    actions, undoes = _action_words(question)
    if undoes and not undoing:
        return None
    lowered = question.lower()
    asking_words = [m.group(0) for m in (*_EN_ADVISABLE.finditer(lowered), *_EN_AVOID.finditer(lowered))]
    if HANGUL.search(question):
        from .lexical import tagged_morphemes

        asking_words += [form for form, tag in tagged_morphemes(question) if (form, tag) in _KO_ADVISABLE | _KO_AVOID]
        asking_words += [match.group(0) for match in _KO_ADVISABLE_PHRASE.finditer(question)]
    keys = _keys_besides(question, [*asking_words, *actions], terms)
    return keys if len(keys) >= 2 and terms.weight(keys) else None


def _keys_besides(question: str, words: list[str], terms: TermWeights) -> frozenset[str]:
    """The question's keys but those of `words` (what asks, not what is asked) and of its modality."""
    return terms.keys(question) - _modal_keys(question, terms) - frozenset().union(*(terms.keys(word) | {terms.key(word)} for word in words))


def _with_caveat(question: str, result: VerdictResult, sentences: list[tuple[Chunk, str]], terms: TermWeights) -> VerdictResult:
    """"Is X a good fix for Y?" answered yes by what X does ("--network host skips NAT") is a partial yes when a
    clause about X states a concern ("However, caution is needed from a security standpoint"): it does the job, with a
    caveat. A concern the question itself names (the overhead it asks X to fix) is not one."""
    if result.verdict != "yes" or _asks_advice(question) != "advisable" or _question_negated(question):
        return result
    keys = _advice_keys(question, terms, undoing=True)  # ("…로 NAT 오버헤드를 없애는 게 좋은 선택인가요?")
    if keys is None:
        return result
    named = frozenset(tokenize(question.lower()))
    for _, _, part in _clauses_about(question, keys, sentences, terms):
        if _states_concern(part, besides=named):
            return VerdictResult("partial", result.claim, result.support)
    return result


# Grammatical number (general English and Korean): the words that say one of a thing, and those that say more than
# one ("multiple servers", "서버 여러 대", "3 servers", "multi-server").
_EN_ONE = r"(?:a\s+single|single|one|a\s+sole|sole)"
_EN_MANY = re.compile(r"^(?:multiple|several|many|various|numerous|two|three|four|five|ten|dozens|hundreds|[2-9]|\d{2,})$")
_KO_ONE = r"(?:단일|하나의|한\s*대의|한)"
_KO_MANY = re.compile(r"^(?:여러|다중|복수의?|다수의?|몇몇|수많은|두|세|네|[2-9]|\d{2,})(?:대|개)?(?:의|에|에서|로|으로|를|을|가|이)?$")
# A restriction to one of a thing: "X only works on a single server", "X는 단일 서버에서만 동작"; its head noun.
_EN_ONLY_ONE = re.compile(rf"\bonly\b(?:\s+[\w-]+){{0,3}}?\s+(?:on|in|to|for|with|within|at)?\s*{_EN_ONE}\s+([\w-]+)", re.IGNORECASE)
_KO_ONLY_ONE = re.compile(rf"{_KO_ONE}\s*([가-힣A-Za-z-]+?)(?:에서|에|으로|로)?(?:만|뿐)")


# The plain subject a restricting sentence opens with: at most six words before its Korean topic particle 은/는, with no
# punctuation among them ("Docker Compose는 …")
_KO_PLAIN_TOPIC = re.compile(r"^\W*([^\s,;:]+(?:\s+[^\s,;:]+){0,5}?)(?:은|는)\s")


def _restricted_to_one(sentence: str) -> tuple[str, str, str] | None:
    """(subject, head noun, the rest) of a sentence that restricts its subject to one of a thing ("Docker Compose only
    works on a single server, so …": Docker Compose, server, "so …"; "Docker Compose는 단일 서버에서만 동작하므로 …":
    Docker Compose, 서버, "동작하므로 …"), else None. The subject is a plain phrase of at most six words before "only"
    (English) or before the topic particle 은/는 (Korean) that opens the sentence."""
    if HANGUL.search(sentence):
        match = _KO_ONLY_ONE.search(sentence)
        topic = _KO_PLAIN_TOPIC.match(sentence)
        if match is None or topic is None or topic.end() > match.start():
            return None
        return topic.group(1), match.group(1), sentence[match.end() :]
    match = _EN_ONLY_ONE.search(sentence)
    if match is None:
        return None
    subject = sentence[: match.start()].strip(" -*:")
    rest = sentence[match.end() :]
    return (subject, match.group(1), rest) if 0 < len(subject.split()) <= 6 and not re.search(r"[,;:]", subject) else None


# Saying what a thing does as its role (general English and Korean): "is only responsible for X", "only handles X",
# "X만을 담당하며", "X만 처리한다".
_EN_ONLY_ROLE = re.compile(
    r"^\W*((?:[\w-]+\s+){1,6}?)(?:is|are)?\s*only\s+(?:responsible\s+for|in\s+charge\s+of|used\s+for|handles?|does|manages?"
    r"|provides?|performs?|takes?\s+care\s+of|deals?\s+with)\s+([^,;.]+)",
    re.IGNORECASE,
)
_KO_ROLE = frozenset({"담당", "처리", "수행", "제공", "관리", "맡"})


def _restricted_doing(sentence: str) -> tuple[str, str] | None:
    """(subject, the task) of a sentence that restricts a plain subject to one task as its role ("Docker is only
    responsible for running containers, and …": Docker, "running containers"; "Docker는 컨테이너 실행만을 담당하며
    …": Docker, "컨테이너 실행"), else None. The subject is a phrase of at most six words before "only" (English) or
    before the topic particle 은/는 (Korean) that opens the sentence."""
    if HANGUL.search(sentence):
        from .lexical import tagged_morphemes

        topic = _KO_PLAIN_TOPIC.match(sentence)
        if topic is None:
            return None
        morphemes = tagged_morphemes(sentence[topic.end() :])
        for i, pair in enumerate(morphemes):
            if pair[1] in ("EC", "EF", "SF"):
                return None  # the first clause only: one after a connective ending ("…하며") is said of another
            if pair in KO_RESTRICTION and any(form in _KO_ROLE for form, _ in morphemes[i + 1 : i + 3]):
                task = _nouns_before(morphemes, i, _RESTRICTED_TAGS, particles=True)
                return (topic.group(1), task) if task else None
        return None
    match = _EN_ONLY_ROLE.match(sentence)
    if match is None:
        return None
    return match.group(1).strip(), re.split(r"\s+(?:and|so|but)\s+", match.group(2))[0]


def _by_heads(text: str, heads: frozenset[str], terms: TermWeights):
    """(word, the two words before it, the word after it) for each word of a text that is one of the head nouns: where
    a word of number that counts it stands."""
    words = [word.strip("?!.,()\"'").lower() for word in text.split()]
    for i, word in enumerate(words):
        if word and terms.keys(word) & heads:
            yield word, words[max(0, i - 2) : i], words[i + 1 : i + 2]


def _many_of(question: str, head: frozenset[str], terms: TermWeights) -> str | None:
    """"many" when the question speaks of more than one of the head noun ("across multiple servers", "서버 여러 대",
    "여러 서버", "multi-server"), "one" when of one of it, else None."""
    said = None
    for word, before, after in _by_heads(question, head, terms):
        if re.search(rf"(?:^|\s){_EN_ONE}$", " ".join(before)) or re.search(rf"(?:^|\s){_KO_ONE}$", " ".join(before)):
            return "one"
        if word.startswith("multi") or any(_EN_MANY.match(w) or _KO_MANY.match(w) for w in before + after):
            said = "many"
    return said


def _does_more(question: str, subject: str, restricted: str, sentence: str, passage: str, terms: TermWeights) -> bool:
    """Whether a question of sufficiency ("does Docker by itself handle scheduling?", "도커만 있으면 … 관리 충분해?")
    asks its subject to do more than what a sentence restricts it to, something the other sentences of its section
    name ("… tasks such as container scheduling, load balancing … are needed"): it names the subject, and terms of
    the posts that those sentences say, every term of the posts it names besides the subject and the task being said
    in the section (words every passage speaks of, TOPIC_SHARE, and words as common as function words aside)."""
    subject_keys = terms.keys(subject)
    if not subject_keys or not subject_keys <= terms.keys(question):
        return False
    asked = {
        key for token in tokenize(question) if general_zipf(token) < FUNCTION_ZIPF
        for key in terms.keys(token) | {terms.key(token)}
        if terms.passage_share(key) < TOPIC_SHARE
    }
    beyond = {key for key in asked - subject_keys - _held(restricted, terms) if key.startswith("#") or terms.in_corpus(key)}
    said = _held(passage, terms)
    # every term of the posts it names said there: "is a named volume something Docker manages on its own?" asks of
    # volumes, which the section on managing containers at scale does not speak of
    return bool(beyond & said) and beyond <= said | _held(sentence, terms)


def _likeness_keys(thing: str, terms: TermWeights) -> frozenset[str]:
    """The keys of what a question likens its subject to, an acronym's plural as its term ("the way VMs do": VM, which
    the stemmer leaves as "vms")."""
    keys = set()
    for token in tokenize(thing):
        key = terms.key(token)
        if key == token and len(token) > 2 and token.endswith("s") and terms.key(token[:-1]) != token[:-1]:
            key = terms.key(token[:-1])
        if key != token or terms.in_corpus(token):
            keys.add(key)
    return frozenset(keys)


def _held(text: str, terms: TermWeights) -> frozenset[str]:
    """The keys of a text's glossary phrases and of each of its words (a word inside a phrase, "변환" of "주소 변환", too)."""
    return terms.keys(text) | {terms.key(token) for token in tokenize(text)}


def restriction_verdict(question: str, asked: Asked | None, sentences: list[tuple[Chunk, str]], terms: TermWeights) -> VerdictResult | None:
    """No from a sentence that restricts its subject, read as general language reads a restriction: as excluding the
    rest. A restriction to one of a thing ("Docker Compose only works on a single server") answers a question that
    names the subject and more than one of the thing ("does Compose work across multiple servers?"), unless it names a
    domain term the sentence says after the restriction ("… an additional tool such as Kubernetes is needed": a
    question of Kubernetes asks of that) or restricts itself ("is Compose limited to multiple servers?"). A
    restriction to one task ("Docker is only responsible for running containers") answers a question of whether the
    subject by itself does more that its section names (_does_more). Not for a question of a need or of a mention,
    which other readings answer. Of several such sentences, the one with the longest subject is the evidence ("Docker
    Compose" before "Docker")."""
    if not is_yes_no(question) or _asks_need(question) or _asks_mention(question):
        return None
    asked_keys = terms.keys(question)
    found: list[tuple[int, Chunk, str]] = []
    alone = bool(_ALONE.search(question))
    for chunk, sentence in sentences:
        doing = _restricted_doing(sentence) if alone else None
        if doing is not None:
            passage = " ".join(other for of, other in sentences if of.section == chunk.section and other != sentence)
            if _does_more(question, *doing, sentence, passage, terms):
                found.append((len(doing[0].split()), chunk, sentence))
                continue
        restriction = _restricted_to_one(sentence)
        if restriction is None:
            continue
        subject, head, rest = restriction
        subject_keys = _past_topic(subject, terms)
        head_keys = terms.keys(head)
        if not subject_keys or not head_keys or not subject_keys <= asked_keys:
            continue
        others = frozenset(k for k in terms.keys(rest) if k.startswith("#") and terms.passage_share(k) < TOPIC_SHARE) - subject_keys - head_keys
        if others & asked_keys or _many_of(question, head_keys, terms) != "many":
            continue
        if any(head_keys & keys for keys in _restricted_to(question, terms)):
            continue  # "is Compose limited to multiple servers?" asks of a restriction of its own, as "only" does
        found.append((len(subject.split()), chunk, sentence))
    if not found:
        return None
    if _flips(question, asked) is not False:
        # "Compose로 여러 서버 관리는 안 되나?": Korean answers such a negation ("네, 안 돼요"), English the fact ("No, it
        # can't"); which one the asker expects is unknown, so no verdict
        return None
    _, chunk, sentence = max(found, key=lambda item: item[0])
    return _stated_verdict("no", chunk, sentence)


# The general verbs of functioning, which a thing may or may not do without something: work, run, function, operate,
# start, be used; 돌아가다, 돌다, 동작, 작동, 실행, 구동, 되다 (standing alone: not the 되 of "제한되다"), 가능, 쓰다/사용.
_EN_FUNCTIONING = re.compile(
    r"\b(?:work|works|working|worked|run|runs|running|ran|function|functions|operate|operates|start|starts|boot|boots|"
    r"usable|use|used|out of the box)\b"
)
_KO_FUNCTIONING = {"돌아가", "돌", "동작", "작동", "실행", "구동", "가능", "쓰", "사용"}


def _asks_functioning(question: str) -> bool:
    """Whether a question asks whether something functions (works, runs, can be used)."""
    if not HANGUL.search(question):
        return bool(_EN_FUNCTIONING.search(question.lower()))
    from .lexical import tagged_morphemes

    morphemes = tagged_morphemes(question)
    return any(
        form in _KO_FUNCTIONING or (form in ("되", "돼") and tag.startswith("VV") and (i == 0 or not morphemes[i - 1][1].startswith(("NN", "XR"))))
        for i, (form, tag) in enumerate(morphemes)
    )


def _without_at(morphemes) -> list[int]:
    """Where a Korean question says what it goes without: 없이 ("설정 없이"), or a negation before a concessive or
    conditional ending ("설정 안 해도", "설정하지 않아도", "설정 안 하면")."""
    return [
        i for i, (form, tag) in enumerate(morphemes)
        if (form, tag) == ("없이", "MAG") or (
            (form, tag) in _KO_NEGATION
            and any(f in ("아도", "어도", "고") or is_condition_ending(f, t) for f, t in morphemes[i + 1 : i + 4])
        )
    ]


def _negated_besides_absence(question: str) -> bool:
    """Whether a question is negated other than by saying what it goes without ("설정 없이 돌아가?", "설정 안 해도
    돌아가?" are not; "설정 없이는 안 돌아가?" is)."""
    if question_language(question) != "ko":
        return _question_negated(question)
    from .lexical import tagged_morphemes

    morphemes = tagged_morphemes(question)
    last = max(_without_at(morphemes), default=-1)
    return any(_negating(pair) for pair in morphemes[last + 1 :])


def _gone_without(question: str) -> tuple[str, ...]:
    """What a question goes without: Qualifiers.absent, and in Korean the noun phrase a concessive negation takes
    ("따로 설정 안 해도": 따로 설정; "설정하지 않아도": 설정)."""
    absent = qualifiers(question).absent
    if question_language(question) != "ko":
        return absent
    from .lexical import tagged_morphemes

    morphemes = tagged_morphemes(question)
    more = []
    for i in _without_at(morphemes):
        # back over the verb the negation takes ("설정하지 않아도": 하 + 지; "설정 안 해도" has it after)
        more.append(_nouns_before(morphemes, _verb_start(morphemes, i, ("VV", "XSV", "EC")), particles=True))
    return tuple(dict.fromkeys(phrase for phrase in (*absent, *more) if phrase.strip()))


def _ko_negated(text: str) -> bool:
    """Whether a Korean text holds a negation (않다, 없다, 못, 안, 아니다, 불가)."""
    from .lexical import tagged_morphemes

    return any(pair in _KO_NEGATION for pair in tagged_morphemes(text))


def need_verdict(question: str, asked: Asked | None, sentences: list[tuple[Chunk, str]], terms: TermWeights) -> VerdictResult | None:
    """No to "does S work without X?" ("Do Windows containers work without any additional configuration?", "윈도우
    컨테이너는 별도 설정 없이 돌아가?") from a clause that says S needs X ("Windows 컨테이너는 별도의 설정이
    필요합니다"), read as general language reads a need: S does not function without it. The question must ask of a verb
    of functioning; what it goes without (_gone_without) must share a word with what the clause says is needed;
    every word the question names besides it (past everyday words) must be in the sentence; every word of the clause's
    subject (what needs it) must be in the question, as must its condition ("다중 서버 환경에서는 … 추가 도구가 필요": a
    question that does not name several servers asks of another case). Not for a question of a need itself, a negated
    question, or a clause that hedges the need."""
    if not is_yes_no(question) or _asks_need(question) or _negated_besides_absence(question) or not _asks_functioning(question):
        return None
    absent = _gone_without(question)
    if not absent:
        return None
    without_keys = terms.keys_of(absent)
    asked_keys = terms.keys(question)

    # (the verb of functioning is what the need is for, not a word the sentence must hold)
    functioning = terms.keys_of([*_KO_FUNCTIONING, *_EN_FUNCTIONING.findall(question.lower())])
    named = frozenset(
        key for key in asked_keys - without_keys - functioning if _naming(key) and (key.startswith("#") or terms.in_corpus(key))
    )
    for chunk, sentence in sentences:
        if not _says_need(sentence) or not named <= terms.keys(sentence):
            continue
        for condition, clause in statement_clauses(sentence):
            needed_keys = terms.keys(_needed(clause))
            if not needed_keys & without_keys or _EN_HEDGE.search(clause.lower()) or re.search(r"수\s*(?:도\s*)?있", clause):
                continue  # another need, or a hedged one
            if _EN_STATEMENT_NEGATION.search(clause.lower()) or (HANGUL.search(clause) and _ko_negated(clause)):
                continue  # "requires no library", "별도 설정이 필요하지 않습니다": a need denied
            if condition and not _names_condition(asked_keys, condition, terms):
                continue
            subject = frozenset(key for key in terms.keys(clause) - needed_keys if _naming(key) and not _says_need(key))
            if subject and subject <= asked_keys:
                return _stated_verdict("no", chunk, sentence)
    return None


# A verbless pairing of a case with what it is done with, as a summary list writes it (general English and Korean):
# "단일 컨테이너 운영은 Docker Compose로", "Single-container operation with Docker Compose", "Complex services:
# Kubernetes", "Complex services → Kubernetes".
_EN_PAIRED = re.compile(r"^\W*(?P<case>\w[\w\s/-]{1,60}?)\s*(?:\s(?:with|using|via)\s|:|→|->)\s*(?P<choice>\w[\w\s/.-]{0,40}?)\W*$", re.IGNORECASE)
# (a finite or modal verb makes a clause of it, not a pairing: "Security issues need to be complemented with …")
_EN_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|should|must|can|could|will|would|may|might|need|needs|has|have|had|do|does|did)\b", re.IGNORECASE)
_KO_PAIRED = re.compile(r"^\W*(?P<case>.+?)(?:은|는)\s+(?P<choice>.+?)(?:으로|로)\W*$")
# A question of which to choose (general English and Korean, besides advice and mention): sufficiency ("is X
# enough for …?", "X만으로 충분해?") and the verbs of choosing.
_EN_CHOOSING = re.compile(
    r"\b(?:enough|sufficient|suffice|choose|chosen|pick|select|opt for|go with|stick with|adopt|adopted|go straight to|"
    r"recommended route|the way to go)\b"
)
_KO_CHOOSING = ("충분", "만으로", "선택", "고르", "택하", "도입")
_EN_SUFFICIENT = re.compile(r"\b(?:enough|sufficient|suffices?)\b")  # a question of sufficiency (general English)
PAIRED_CASE = 0.75  # IDF-weighted share of the words that set a list's case apart that a question must name


def pairing(sentence: str) -> tuple[str, str] | None:
    """(case, choice) of a verbless pairing ("단일 컨테이너 운영은 Docker Compose로": 단일 컨테이너 운영, Docker Compose),
    else None."""
    if HANGUL.search(sentence):
        found = _KO_PAIRED.match(sentence.strip())
        if found is None:
            return None
        from .lexical import tagged_morphemes

        morphemes = [item for item in tagged_morphemes(found.group("choice")) if not item[1].startswith("S") or item[1] in ("SL", "SN", "SH")]
        # what it is done with is a noun phrase: no verb, adjective or ending in it
        if not morphemes or any(tag.startswith(("V", "E", "XS")) for _, tag in morphemes):
            return None
        return found.group("case").strip(), found.group("choice").strip()
    found = _EN_PAIRED.match(sentence.strip())
    if found is None or _EN_FINITE.search(sentence) or len(found.group("case").split()) > 6 or len(found.group("choice").split()) > 5:
        return None
    return found.group("case").strip(), found.group("choice").strip()


def _asks_choosing(question: str) -> bool:
    """Whether a yes/no question asks what to choose or do something with: advice, a recommendation, sufficiency."""
    return bool(
        _asks_advice(question) or _asks_mention(question) or _EN_CHOOSING.search(question.lower())
        or any(word in question for word in _KO_CHOOSING)
    )


_EN_ONE_WORD = re.compile(r"^(?:single|one|sole|1)$")
_KO_ONE_BEFORE = re.compile(r"^(?:단일|하나의|한|1개의?)$")  # before its noun: 단일 컨테이너, 하나의 컨테이너, 한 컨테이너
_KO_ONE_AFTER = re.compile(r"^(?:하나|1개|한)(?:짜리|뿐|만)?\S*$")  # after it: 컨테이너 하나, 컨테이너 하나짜리, 컨테이너 한 개
_NUMBER_WORDS = re.compile(rf"(?<![\w-]){_EN_ONE}(?![\w])|단일|하나의?|(?<!\S)한(?=\s)|\b(?:multiple|several|many|various|numerous|multi)\b|여러|다중", re.IGNORECASE)


def _counted(text: str, heads: frozenset[str], terms: TermWeights) -> frozenset[str]:
    """How many of its head nouns a text says: "=one" for one ("a single container", "single-container", "단일
    컨테이너", "컨테이너 하나짜리"), "=many" for more than one ("multiple containers", "여러 컨테이너"); the number word
    must stand by one of the `heads` ("Compose 하나만으로 컨테이너 …" says one Compose, not one container)."""
    out = set()
    for word, before, after in _by_heads(text.replace("-", " "), heads, terms):
        if any(_EN_ONE_WORD.match(w) or _KO_ONE_BEFORE.match(w) for w in before) or any(_KO_ONE_AFTER.match(w) for w in after):
            out.add("=one")
        if word.startswith("multi") or any(_EN_MANY.match(w) or _KO_MANY.match(w) for w in before + after):
            out.add("=many")
    return frozenset(out)


def pairing_verdict(question: str, sentences: list[tuple[Chunk, str]], terms: TermWeights) -> VerdictResult | None:
    """Yes or no to "does the post recommend X for case C?" from a list of verbless pairings of cases with what each
    is done with ("단일 컨테이너 운영은 Docker Compose로 / 복잡한 서비스 운영은 Kubernetes로"): read as general language
    reads such a list, each case goes with its own choice, so the question is answered yes when the case it names is
    paired with the choice it names, no when that choice is paired with another case. Only for a question of what to
    choose (advice, a recommendation, sufficiency), from a list of at least two pairings of one section in one
    language, when the question names exactly one of its choices and exactly one of its cases, and no word that sets
    another case apart. A case is named by PAIRED_CASE of the words that set it apart from the others (past the words
    the posts are about, "Docker", "container"), and by its number ("single" against "complex": the question must say
    one of the case's head noun, "a single container", "컨테이너 하나짜리")."""
    if not is_yes_no(question) or _question_negated(question) or not _asks_choosing(question):
        return None
    lists: dict[tuple[str, str, str], dict[str, tuple[Chunk, str, str]]] = {}
    for chunk, sentence in sentences:
        found = pairing(sentence)
        if found is not None:
            lists.setdefault((chunk.document, chunk.section, chunk.lang), {})[sentence] = (chunk, *found)
    asked = terms.keys(question)
    # the list in the question's language, where it has one: a word that sets a case apart is read as the question
    # writes it ("complex" names the case of "Complex service operation", not that of "복잡한 서비스 운영")
    language = question_language(question)
    if any(lang == language for _, _, lang in lists):
        lists = {key: items for key, items in lists.items() if key[2] == language}

    for items in lists.values():
        if len(items) < 2:
            continue
        entries = list(items.values())
        plain = [_NUMBER_WORDS.sub(" ", case.replace("-", " ")) for _, case, _ in entries]  # a case without its number words
        heads = [terms.keys(case) for case in plain]
        cases = [_past_topic(case, terms) for case in plain]
        named_cases, mentioned = [], 0
        for i, (_, case, _) in enumerate(entries):
            apart = cases[i] - frozenset().union(*(other for j, other in enumerate(cases) if j != i))
            number = _counted(case, heads[i], terms)
            said = _counted(question, heads[i], terms)
            if number and said and not number & said:
                return None  # "many containers" against the case of one: a case the list does not pair
            mentioned += bool(apart & asked or (number and number & said))
            if (not apart or terms.weight(apart & asked) >= PAIRED_CASE * terms.weight(apart)) and (apart & asked or number & said) and (not number or number & said):
                named_cases.append(i)
        choices = [_past_topic(choice, terms) for _, _, choice in entries]
        named_choices = [i for i, keys in enumerate(choices) if keys and keys <= asked]
        if len(named_cases) != 1 or mentioned != 1 or len(named_choices) != 1:
            continue
        verdict = "yes" if named_cases == named_choices else "no"
        chunk = entries[named_choices[0] if verdict == "yes" else named_cases[0]][0]
        return _stated_verdict(verdict, chunk, chunk.text)
    return None


def advice_verdict(question: str, sentences: list[tuple[Chunk, str]], terms: TermWeights) -> VerdictResult | None:
    """The verdict on "is it OK to X (in case C)?" or "should I avoid X?" from what the article advises about X in that
    case: a clause that advises for or against it, read with its section (its heading and its other sentences) for
    its subject ("일반적으로 테스트 용도에서만 사용하고, 운영 환경에서는 지양해야 합니다" under "--privileged 옵션은 어떤
    위험이 있을까?"). The clause with its section must hold (nearly) every word of the question but those that ask for
    advice and the verb of doing the thing; the case the question names must be the clause's, not another clause's
    of the same sentence. When such clauses advise differently (for testing, against production, and the question
    names neither), or the question asks about undoing the thing, there is no verdict."""
    asks = _asks_advice(question)
    if asks is None or not is_yes_no(question) or _question_negated(question):
        return None
    keys = _advice_keys(question, terms)
    if keys is None:
        return None
    found: list[tuple[Verdict, Chunk, str]] = []
    for chunk, sentence, part in _clauses_about(question, keys, sentences, terms):
        advised = _advice(part)
        if advised is None:
            continue
        case = terms.keys(_advice_case(part), known_only=True)
        if case and not case & keys:
            continue  # advice for a case the question does not name ("should be avoided in production")
        found.append((advised, chunk, sentence))
    if not found or len({advised for advised, _, _ in found}) != 1:
        return None
    advised, chunk, sentence = found[0]
    verdict = advised if asks == "advisable" else {"yes": "no", "no": "yes"}[advised]
    return _stated_verdict(verdict, chunk, sentence)


# Asking whether something is entirely safe (general English and Korean), like asking whether it is free of a concern
# (_EN_CAREFREE): "is it totally safe?", "완전히 안전한가요?".
_EN_ENTIRELY_SAFE = re.compile(r"\b(?:totally|completely|entirely|perfectly|absolutely|100%)\s+(?:safe|secure)\b")
_KO_ENTIRELY_SAFE = re.compile(r"(?:완전히|전혀|100%)\s*(?:안전|문제\s*없)")
# What the concern is about: the words after "free of", "without", "worry about", before "-free", the standpoint of
# "from a security standpoint", and in Korean the word before 걱정/신경 (보안 걱정, 보안은 신경 안 써도) or before its
# side or aspect (보안 쪽은, 보안 측면에서).
_EN_CONCERN_ASPECT = re.compile(
    r"\b(?:free (?:of|from)|without|(?:worry|worrying|care|caring|concerned) about)\s+(?:any\s+|the\s+)?((?:[\w-]+\s*){1,3})|"
    r"\b([\w]+)-free\b|\bfrom an? (\w+) (?:standpoint|perspective|point of view)\b|\b(\w+)-wise\b"
)
_KO_CONCERN_ASPECT = re.compile(r"(\S+?)(?:은|는|이|가|도|적으로|으로|로|의)?\s+(?:(?:쪽|측면|면|부분)\S*\s+)?(?:걱정|신경)")
# General words of a concern: what is said of the thing itself when it is not free of one.
_EN_CONCERN_WORDS = frozenset({
    "concern", "concerns", "worry", "worries", "risk", "risks", "risky", "caveat", "caveats", "trade-off", "trade-offs",
    "tradeoff", "tradeoffs", "downside", "downsides", "drawback", "drawbacks", "issue", "issues", "problem", "problems",
    "caution", "careful", "care", "danger", "dangerous", "vulnerable", "vulnerability", "vulnerabilities", "insecure",
    "unsafe", "overhead", "penalty", "degradation", "degrades", "attention",
})
_KO_CONCERN_WORDS = frozenset({"걱정", "우려", "위험", "주의", "취약", "조심", "문제", "단점", "저하", "오버헤드", "부담", "리스크"})
# ... of which a statement of what is being solved says some too ("OS dependency issues can be addressed …", "문제
# 해결"): these name a concern in a question, not one that a statement raises.
_SOLVED_WORDS = frozenset({"issue", "issues", "problem", "problems", "drawback", "drawbacks", "downside", "downsides", "문제", "단점"})
# ... and a question that asks for something without one of them: "with no downsides", "without any security risk"
_EN_WITHOUT_CONCERN = re.compile(
    rf"\b(?:with\s+no|without)\s+(?:any\s+)?(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(sorted(map(re.escape, _EN_CONCERN_WORDS), key=len, reverse=True))})\b"
)


def _asks_carefree(question: str) -> bool:
    """Whether a question asks whether something is free of a concern ("free of security concerns", "risk-free",
    "보안 걱정 없이", "신경 안 써도", "totally safe")."""
    lowered = question.lower()
    return bool(
        _EN_CAREFREE.search(lowered) or _EN_WITHOUT_CONCERN.search(lowered) or _EN_ENTIRELY_SAFE.search(lowered)
        or _KO_ENTIRELY_SAFE.search(question) or _KO_CAREFREE.search(question)
    )


def _concern_aspect(question: str) -> str:
    """The words of what a question's concern is about ("security" of "free of any security concerns", 보안 of "보안
    걱정 없이"), without the general words of a concern."""
    words = " ".join(word for match in _EN_CONCERN_ASPECT.findall(question.lower()) for word in match if word)
    words += " " + " ".join(_KO_CONCERN_ASPECT.findall(question))
    return " ".join(word for word in words.split() if word not in _EN_CONCERN_WORDS and word not in _KO_CONCERN_WORDS)


def _states_concern(clause: str, besides: frozenset[str] = frozenset()) -> bool:
    """Whether a clause says, without negating it, that there is something to be concerned about ("caution is needed
    from a security standpoint", "보안적으로 위험할 수 있습니다", "성능 오버헤드가 존재합니다"), other than the concerns
    `besides` (tokens of the question)."""
    if HANGUL.search(clause):
        from .lexical import tagged_morphemes

        morphemes = tagged_morphemes(clause)
        return not any(item in _KO_NEGATION for item in morphemes) and any(
            (form in _KO_CONCERN_WORDS or any(form.startswith(word) for word in _KO_CONCERN_WORDS - _SOLVED_WORDS))
            and form not in besides | _SOLVED_WORDS
            for form, _ in morphemes
        )
    lowered = clause.lower()
    words = set(re.findall(r"[a-z-]+", lowered)) & (_EN_CONCERN_WORDS - _SOLVED_WORDS)
    return not re.search(r"\b(?:not|no|never|without)\b|n't\b", lowered) and any(
        word not in besides and tokenize(word)[0] not in besides for word in words
    )


def concern_verdict(question: str, sentences: list[tuple[Chunk, str]], terms: TermWeights) -> VerdictResult | None:
    """No to "is X free of concern C?" ("is --network host free of security concerns?", "보안은 신경 안 써도 돼?",
    "is it totally safe?") from a clause about X that says, without negating it, that there is something to be
    concerned about in C ("단, 보안 측면에서 주의가 필요합니다" under the NAT section that names --network host). What
    C is about (security, 보안, performance overhead) must be in the clause itself, X in the clause or its section
    (_clauses_about). The absence of such a clause is never read as a yes; a question that puts the concern beside
    another claim ("보안 걱정 없이 성능만 좋아지는 거지?": performance improves, and without a concern) gets no verdict."""
    if not _asks_carefree(question) or not is_yes_no(question):
        return None
    lowered = question.lower()
    # "보안 걱정 없이 성능만 좋아지는 거지?" asks two things (it gets faster, and without a concern); "걱정 없이 막 써도
    # 돼?" and "can I use it without worrying about security?" ask one: whether it may be used so
    permission = bool(re.search(r"없이\s*(?:\S+\s+){0,2}\S*도\s*(?:되|돼|괜찮)", question)) or bool(_asks_advice(question)) or bool(
        re.search(r"^\s*(?:can|could|may)\s+(?:i|we|you)\b", lowered)
    )
    if (re.search(r"없이\s*\S+", question) or re.search(r"\bwithout\b", lowered)) and not permission:
        return None
    aspect = terms.keys(_concern_aspect(question), known_only=True)
    actions, undoing = _action_words(question)
    if undoing:
        return None
    # the words that ask (free of, risk-free, totally safe, 신경 안 써도) and the verb of doing the thing are not
    # what the clause must hold
    asking = [match.group(0) for pattern in (_EN_CAREFREE, _EN_WITHOUT_CONCERN, _EN_ENTIRELY_SAFE) for match in pattern.finditer(lowered)]
    asking += [match.group(0) for pattern in (_KO_ENTIRELY_SAFE, _KO_CAREFREE) for match in pattern.finditer(question)]
    keys = _keys_besides(question, [*_EN_CONCERN_WORDS, *_KO_CONCERN_WORDS, *asking, *actions, "free", "safe", "안전", "신경"], terms)
    if len(keys) < 2:
        return None
    for chunk, sentence, part in _clauses_about(question, keys, sentences, terms):
        if aspect <= terms.keys(part) and _states_concern(part):
            return _stated_verdict("no", chunk, sentence)
    return None


def judge(question: str, asked: Asked | None, claims: list[Claim], sentences: list[tuple[Chunk, str]], terms: TermWeights,
          lexicon: Lexicon, *args, **kwargs) -> VerdictResult | None:
    """The question's verdict from all the evidence, or None (see _judged). A question that asks whether there is a
    way to do something ("is there a way to keep the data after the container is deleted?", "…하는 방법 있어?") is
    answered yes by a statement of a way, never no (nor partly) by a statement of what happens without one ("컨테이너가
    삭제되면 데이터도 같이 사라집니다"): that says what holds by default, not that nothing can change it."""
    result = _judged(question, asked, claims, sentences, terms, lexicon, *args, **kwargs)
    if result is not None and _asks_more_or_less(question, lexicon) and not any(_likens(c.text) for c in result.evidence):
        # "are containers less isolated since …?" asks a degree of the predicate; evidence that they are isolated, or
        # that the kernel is shared, does not say more or less of it (evidence that likens or compares does)
        return None
    if result is not None and result.verdict != "yes" and asks_for_a_way(question):
        return None  # (nor is a way partly there: "any tips to slim them down?" - "images may get large")
    if result is not None and result.verdict == "yes" and _asks_equal_degree(question) and not any(_likens(c.text) for c in result.evidence):
        # "컨테이너 격리 수준이 VM이랑 똑같이 강력한 거 아니에요?", "as isolated as a VM?": evidence that the subject has the
        # property ("컨테이너 보안 정책 강화") does not say that it has as much of it as the other thing; evidence that
        # likens or compares the two does (evidence that it lacks the property answers no either way)
        return None
    return result


# Questions of an equal degree (general English and Korean): "as P as B", "the same as B", "equally P", "B만큼", "B랑
# 똑같이 / 동일하게 / 같은 수준으로".
_EN_EQUAL_DEGREE = re.compile(r"\bas \w+(?: \w+)? as\b|\bthe same as\b|\bequally\b|\bjust as\b")
_KO_EQUAL_DEGREE = re.compile(r"만큼|(?:랑|와|과|하고)\s*(?:똑같|동일|동등|같은 수준)")


# "less isolated", "more secure": a comparative of the predicate itself, its other side left unsaid (general English)
_EN_MORE_OR_LESS = re.compile(r"\b(?:less|more)\s+(?:[a-z]+ly\s+)?([a-z-]+)")


def _asks_more_or_less(question: str, lexicon: Lexicon) -> bool:
    """Whether an English question asks a degree of a predicate, more or less of it ("are containers less isolated?")."""
    lowered = question.lower()
    return not _EN_COMPARISON.search(lowered.replace("more", "").replace("less", "")) and any(
        lexicon.english_predicate(m.group(1)) is not None for m in _EN_MORE_OR_LESS.finditer(lowered)
    )


def _asks_equal_degree(question: str) -> bool:
    lowered = question.lower()
    return any(not _joins(lowered, m.start()) for m in _EN_EQUAL_DEGREE.finditer(lowered)) or bool(_KO_EQUAL_DEGREE.search(question))


def _likens(text: str) -> bool:
    """Whether a text likens or compares ("like a VM", "VM처럼", "as light as", "simpler than", "VM보다")."""
    return _likened(text) or bool(_EN_COMPARISON.search(text.lower())) or "보다" in text


def _likened(text: str) -> bool:
    """Whether a text likens ("like a VM", "as light as", "VM처럼", "VM만큼")."""
    return bool(_EN_LIKENESS.search(text.lower())) or any(word in text for word in _KO_LIKENESS)


def _judged(
    question: str,
    asked: Asked | None,
    claims: list[Claim],
    sentences: list[tuple[Chunk, str]],
    terms: TermWeights,
    lexicon: Lexicon,
    rows: list[tuple[Chunk, str]] | tuple = (),
    case_words: frozenset[str] = frozenset(),
    described: list[tuple[Chunk, str]] | tuple = (),
    lead: tuple[str, str] | None = None,
    post: list[tuple[Chunk, str]] | tuple = (),
) -> VerdictResult | None:
    """The question's verdict from all the evidence, or None (`lead`: the section cited first; `post`: every passage of
    the cited posts, sentences and rows, in every language; `case_words`: the words of an enumerated case of the
    posts that the question says, see _agreed; `described`: the table rows' cells of free text as statements of their
    rows, see row_descriptions, read only when neither a claim nor a sentence of prose speaks to the question).

    The claims that best match the question settle it when they agree, else the statements that contain its
    words do (when they agree and none hedges); when neither speaks, "is it OK to X?" is answered from what the
    article advises (advice_verdict) and "does X work across several servers?" from a sentence that restricts X to one
    (restriction_verdict), unless the two disagree, else "does the post mention X?" from the sentences and the table
    `rows` (in every language) by mention_verdict; "is X free of a concern?" only by concern_verdict. Evidence that does not answer the
    question's case is set aside first (see Qualifiers: only evidence that itself says "always" answers "does it always ...?"; evidence about
    the VM does not answer "is a container isolated like a VM?"; evidence about volumes does not answer "without
    a volume, ...?"; evidence of the default case does not answer a question whose condition names another). No
    verdict for an unresolved pronoun subject, when the best claims disagree (after _of_named_subject), when a
    statement of the question's own words says the opposite of the claims, or for a Korean negation read neither
    way (_flips).
    """
    if not is_yes_no(question) or _pronoun_subject(question):
        return None  # "does it keep ...?" with no earlier turn to say what "it" is: the subject is unknown
    if _alternative(question) or _asks_difference(question) or _asks_purpose(question):
        # "is it shared, or does each get its own?" asks which of two, not whether; "is there a difference between A
        # and B in P?" asks how two things compare, which evidence of P for one of them does not settle; "격리하려면?"
        # asks what to do
        return None
    conceded = concession_verdict(question, sentences, terms)
    if conceded is not None:
        return conceded  # a comparison that concedes what one side lacks (see concession_verdict)
    if compares(question):
        compared = comparison_verdict(question, asked, sentences, terms)
        if compared is not None or (asked is not None and not asked.reference):
            return compared  # a comparison the statements make, or one whose other side was not read: not a plain question
    if _asks_carefree(question):
        # "a risk-free way to skip NAT?", "without worrying about security?": it asks whether a concern is absent, which
        # no claim of what the way does (skips NAT, removes overhead) answers; a statement of the concern does
        return concern_verdict(question, sentences, terms)
    if asked is not None and asked.changes:
        return invariance_verdict(question, asked, sentences, terms, lexicon)
    lines = _definition_lines(sentences)  # (the prose's definition lists, read before the statements are chosen)
    entries_and_pairs = {**lines, **_paired_lines(sentences)}
    identity = bool(post) and asks_identity(question)
    if _said_of_another_entry(question, entries_and_pairs, sentences, rows, terms, identity) is not None:
        # "is gVisor a lightweight VM?" of "gVisor: 사용자 공간 커널로 격리" beside "Kata Containers: 경량 VM 구조": no,
        # when it asks what the thing is and no passage of the post that names it says so either
        own_line = _said_of_another_entry(question, entries_and_pairs, post, (), terms, identity) if identity else None
        return None if own_line is None else _stated_verdict("no", *own_line)
    form = qualifiers(question)
    named: dict[int, frozenset[str]] = {}
    scored = [
        item
        for item in score_claims(question, asked, claims, terms, lexicon, named)
        if fits(form, item[2].text, f"{item[2].own} {item[2].key} {item[2].case_text} {item[2].chunk.section.rsplit(' > ', 1)[-1]}", terms)
    ]
    says_absence, asked_keys, asked_words = _says_absence(question, form), terms.keys(question), frozenset(tokenize(question))

    def other_case(case_text: str) -> bool:
        """Evidence of what holds without something ("cgroup으로 제한하지 않으면 전체 메모리 영향 가능") does not answer a
        question that names that thing and no absence ("even with a cgroup limit, is the whole host memory at risk?")."""
        return not says_absence and _without_what_is_asked(case_text, asked_keys, terms)

    # A claim of what is used in place of what the question names does not say that it is that thing; statements
    # that say so answer no themselves (full_statements).
    scored = [item for item in scored if not (other_case(_evidence_text(item[2])) or _asks_what_is_replaced(item[2].text, asked_words))]
    # A long command-line option the question names ("--network host 쓰면 …?") is what it asks about: a claim whose
    # own words do not name it ("이 과정에서 … 성능 오버헤드가 존재합니다") speaks of something else. (A short one, "-v",
    # is a spelling of what claims name in words: a bind mount.)
    options = frozenset(token for token in asked_words if token.startswith("--") and len(token) > 2)
    scored = [item for item in scored if options <= frozenset(tokenize(f"{item[2].own} {item[2].key} {item[2].text}"))]
    # A claim whose sentence says the question's phrase of another thing ("Docker는 리눅스 기반 기술이기 때문에 Windows
    # 컨테이너는 …" for "도커는 원래 윈도우 기반 기술이라 …?") does not answer it, as such a statement does not.
    modified = _modified_words(question, terms)
    scored = [item for item in scored if not _substituted(modified, item[2].text, terms)]
    asks_default = bool(_DEFAULT.search(question.lower())) or "기본" in question  # "기본 브리지 네트워크는 …?" too

    def of_an_unstated_absence(claim: Claim) -> bool:
        """A claim of what can be when something is not done ("cgroups를 설정하지 않으면 시스템 자원을 모두 사용 가능": its
        own cell or clause) does not answer a question that states no such case nor asks the default one ("can one
        container use all the CPU?"): whether it can depends on that case. (A claim of what does happen in that case,
        "리소스 제한 안 하면 시스템 전체 CPU를 점유" beside "무한 루프 돌려 CPU 점유 — 영향 여부: O", says what holds.)"""
        if claim.value != "can":
            return False
        condition = _condition_text(_own_cell(claim) or claim.own or claim.text)
        return bool(condition) and _negated_condition(condition)

    if not (says_absence or asks_default):
        scored = [item for item in scored if not of_an_unstated_absence(item[2])]
    if _EN_SUFFICIENT.search(question.lower()) or "충분" in question:
        # "컨테이너만으로 충분히 격리되나요?" asks whether that thing alone does it: a claim of another thing ("VM 사용 (커널
        # 완전 분리)") does not say
        alone_keys = [keys for keys in _restricted_to(question, terms) if keys]
        scored = [
            item for item in scored
            if all(keys & terms.keys(f"{item[2].own} {item[2].key} {item[2].case_text}") for keys in alone_keys)
        ]
    named_case = frozenset() if asks_default else _condition_names(question, terms)
    case = _case_keys(named_case, terms)
    if _row_of_case(case, asked, claims, terms, lexicon):
        # beside a row of the case the question's condition names, a sentence silent on that case says what holds in
        # general (_row_of_case)
        scored = [item for item in scored if item[2].column >= 0 or case & terms.keys(f"{item[2].text} {item[2].own} {item[2].case_text}")]
    asked_predicate = _keys(terms, lexicon.terms_of(asked.predicate)) if asked is not None else frozenset()
    # The domain terms the question names (glossary keys) besides its condition and predicate, but the posts' topic
    # words, which every passage speaks of ("Docker", "container": in a third of the passages or more)
    means = frozenset(
        key for key in asked_keys if key.startswith("#") and terms.passage_share(key) < TOPIC_SHARE
    ) - named_case - asked_predicate

    def of_default(text: str) -> bool:
        """"--network host 쓰면 NAT 거쳐?": evidence of what holds by default ("Docker는 기본적으로 … NAT를 거칩니다")
        that does not name every word of the question's condition speaks of the default case, not of that one (a
        question of the default case itself, "기본 브리지 네트워크는 …할 때 …?", is answered by it)."""
        return bool(named_case) and bool(_DEFAULT.search(text.lower())) and not named_case <= terms.keys(text)

    def of_default_without(passage: str) -> bool:
        """A passage of prose that opens with the default case and leaves out a domain term the question names speaks
        of the default, not of that thing, whatever condition they share: "컨테이너는 기본적으로 휘발성입니다.
        컨테이너가 삭제되면 데이터도 같이 사라집니다" does not answer "Does a Volume get wiped out when the container
        using it is deleted?" (a question of the default case itself is answered by it; one that says an absence,
        "without a volume", is left to the rules of absence)."""
        return not (asks_default or says_absence) and bool(means) and bool(_DEFAULT.search(passage.lower())) and bool(means - terms.keys(passage))

    entries: dict[str, set[str]] = {}  # the terms each section's definition list defines
    for (_, section), defined in lines.items():
        entries.setdefault(section, set()).update(defined)

    def of_another_entry(chunk: Chunk, sentence: str) -> bool:
        """A line of a definition list speaks of its term: "ipvlan: IPvlan networks give users total control over …"
        says nothing of a question that names another term of the list and not ipvlan ("does macvlan give …?")."""
        term = entry_term(chunk, sentence)
        others = entries.get(chunk.section, set()) - {term}
        return bool(term) and not names_term(term, asked_keys, terms) and any(names_term(other, asked_keys, terms) for other in others)

    def readable(chunk: Chunk, sentence: str) -> bool:
        """Whether a sentence of prose or a row's description may speak to the question as a statement: it is of the
        question's case, not only of the default one, of what the question names, and has the form the question asks
        about (a statement of the question's words does not say "like")."""
        set_aside = bool(form.likeness) and sets_aside_the_likeness(sentence)
        return not (
            other_case(sentence) or of_default(sentence) or (chunk.kind == "prose" and of_default_without(chunk.text))
            or (form.likeness and not set_aside) or of_another_entry(chunk, sentence)
        ) and fits(replace(form, likeness=()) if set_aside else form, sentence, sentence, terms)

    def sets_aside_the_likeness(sentence: str) -> bool:
        """"Does Docker rely on a hypervisor the way VMs do?": a sentence that says what is used in place of the thing
        the question likens its subject to ("하이퍼바이저 기반 가상화(VM) 대신 운영체제 수준의 가상화를 사용합니다") speaks
        of that likeness itself."""
        replaced = terms.keys(" ".join(_replaced(sentence)), known_only=True)
        if not replaced or not all(_likeness_keys(thing, terms) & replaced for thing in form.likeness):
            return False
        # and the question names the thing replaced besides its likeness ("a hypervisor … like a VM", not "OS-level
        # virtualization like a VM")
        likened = frozenset(tokenize(" ".join(form.likeness)))
        return _asks_what_is_replaced(sentence, asked_words - likened)

    def passage(claim: Claim) -> str:
        """What a claim is read in to tell whether it speaks of the default case: a row's whole row; a sentence's
        passage ("컨테이너가 삭제되면 데이터도 같이 사라집니다" follows "컨테이너는 기본적으로 휘발성(Stateless)입니다" and
        speaks of that case, not of "볼륨 쓰면 …?"), unless the sentence states a condition of its own that the
        question's condition names beside the asked property ("컨테이너 간 통신이 빈번할 경우 …" for "컨테이너 사이
        통신량이 많으면 …?")."""
        if claim.column < 0 and _conditional(claim.text) and (named_case - asked_predicate) & terms.keys(claim.text):
            return claim.text
        return claim.chunk.text

    scored = [item for item in scored if not (of_default(passage(item[2])) or (item[2].column < 0 and of_default_without(item[2].chunk.text)))]
    # (a statement of what something needs is about the thing the question goes without, and answers it: need_verdict)
    all_sentences = sentences
    sentences = [(chunk, sentence) for chunk, sentence in sentences if readable(chunk, sentence)]
    described = [(chunk, sentence) for chunk, sentence in described if readable(chunk, sentence)]

    def statements_at(share: float, of: list[tuple[Chunk, str]] = sentences) -> list[tuple[Verdict | None, Chunk, str]]:
        found = full_statements(question, asked, of, terms, lexicon, share)
        if form.whole:
            # "can all of them be solved?" - "most of them can": it holds of a part, a partial answer
            found = [("partial" if polarity == "yes" and _limits(sentence) else polarity, chunk, sentence) for polarity, chunk, sentence in found]
        return found

    statements = statements_at(FULL_STATEMENT)
    if form.whole:
        scored = [(score, "partial" if value == "yes" and _limits(claim.text) else value, claim) for score, value, claim in scored]
    if len({value for _, value, claim in scored if set(claim.case_text.split()) & set(tokenize(question))}) > 1:
        return None  # it names two cases by their sections' own words ("docker-compose.yml", "EC2") that answer differently
    # Weaker claims neither settle nor contradict, but a row whose own case the question names by a name of its own (a
    # word rare in general language that is no glossary concept: "Even with Kata Containers, …?" names the row "Kata
    # Containers 등 커널 분리 기술 사용"; "같은 서버면 …?" does not name "Kubernetes 다른 노드에 배포" by the concept
    # server/node, nor "두 컨테이너가 Volume을 공유" by "container"): it takes part however it scores (_agreed)
    scored = [item for item in scored if item[0] >= MIN_MATCH or _own_name(named.get(id(item[2]), frozenset()))]
    if scored:
        result = _agreed(question, asked, scored, named, terms, case_words)
        if result is None:
            # the best claims disagree: statements do not outvote them, but a remedy the post offers for the problem
            # says that it helps ("멀티 스테이지 빌드가 이미지 크기 줄이는 데 도움 돼요?": the claims speak of other means)
            return remedy_verdict(question, all_sentences, rows, terms)
        if _ALONE.search(question) and _narrower_row(result.claim, asked_keys, terms):
            # "쿠버네티스에 올리기만 하면 커널이 분리되나요?" asks whether deploying alone does it; the row "Kubernetes 다른
            # 노드에 배포: 분리" holds in a case that also needs what the question does not name (other nodes)
            return None
        if result.verdict == "partial" and asks_default:
            result = _by_default(question, asked, result, lexicon)
            if result is None:
                return None
        flip = _flips(question, asked)
        prevented = asked is not None and asked.prevented
        for polarity, _, sentence in statements:
            if prevented:
                flip = _flips(question, asked, (sentence,))  # a sentence that itself says the prevention is read as it stands
            answer = {"yes": "no", "no": "yes"}[polarity] if polarity and flip else polarity
            if result.verdict == "partial" and answer == "yes":
                continue  # "yes, but not fully": the statement of what holds does not contradict it
            if answer is not None and answer != result.verdict:
                return None  # a sentence with the question's words says the opposite
        return _with_caveat(question, result, sentences, terms)
    # No claim speaks to it. With no sentence of prose that holds (nearly) all its words, a table row's description said
    # of its row does ("네트워크 네임스페이스: 각 컨테이너는 독립적인 네트워크 인터페이스를 가짐"): claims read the rows'
    # value columns, not what their descriptions say. Else statements of most of its words, when none holds (nearly)
    # all of them.
    statements = statements or statements_at(FULL_STATEMENT, described)
    settled = _settled_by(_or_most_of_words(question, statements, statements_at), question, asked)
    if settled is None and not scored:
        excluded = restriction_verdict(question, asked, sentences, terms) or need_verdict(question, asked, all_sentences, terms)
        paired = pairing_verdict(question, sentences, terms)
        other = (
            advice_verdict(question, sentences, terms) or mention_verdict(question, [*sentences, *rows], terms, lead)
            or remedy_verdict(question, all_sentences, rows, terms)
        )
        found = [result for result in (excluded, paired, other) if result is not None]
        if len({result.verdict for result in found}) > 1:
            return None  # the restriction, the need, a list's pairing and what the post advises or mentions disagree
        return found[0] if found else None
    return settled if settled is None else _with_caveat(question, settled, sentences, terms)


# A question of whether a thing helps or is a way, fix or solution (general English and Korean): "does X help with Y?",
# "would X help?", "is X a way to …?", "X도 방법이야?", "X 쓰면 도움 돼?", "X가 해결책이야?", "대안".
_EN_ASKS_REMEDY = re.compile(r"\bhelp(?:s|ed|ing|ful)?\b|\bways?\b|\bfix(?:es)?\b|\bsolutions?\b|\bremed(?:y|ies)\b|\bworkarounds?\b")
_KO_ASKS_REMEDY = re.compile(r"도움|방법|해결책|해결\s*방안|대안|대책")
# A remedy said with a reservation (general English and Korean): "(단, 기능이 제한적)", "다만", "however", "but".
_CAVEAT = re.compile(r"\b(?:however|but|although|though|except|caveat|note that)\b|(?:^|[\s(])단\s*,|다만|하지만|그러나")
# What a question sets aside to ask for another (general English and Korean): "other than X", "besides X", "X 말고", "X 외에".
_EN_BESIDES = re.compile(r"\b(?:other than|besides|apart from|aside from|instead of|except)\b")
_KO_BESIDES = re.compile(r"말고|외에|대신|빼고")


def remedy_verdict(question: str, sentences: list[tuple[Chunk, str]], rows: list[tuple[Chunk, str]], terms: TermWeights) -> VerdictResult | None:
    """Yes to "does X help with Y?" / "is X a way to …?" / "X도 방법이야?" from a passage that offers X as the remedy of a
    problem: a list item or paragraph of a section whose own heading names a remedy ("해결 방안", "Solution", "Fix"),
    or the cell of a table column whose header does ("대표적인 해결 방법"). Every word of the question that names
    something (a glossary term or a word rare in general language, past the posts' topic words and the words of
    asking) must be in the passage or in what it is the remedy of: its headings (the problem's section, "데이터 영속성
    문제와 해결"), and for a table cell its row's other cells and the header.

    No verdict from a remedy said with a reservation ("(단, 기능이 제한적)", "however") or a negation ("the fix is a
    user-defined network, not a `--link`"); none for a negated, comparing or qualified question ("only", "always",
    "fully": what the post offers as a remedy says that it helps, not how much, nor that nothing else does), one that
    sets remedies aside to ask for another ("X 말고 다른 방법도 있어?", "other than X") or one that asks what a diagram
    draws; one that points at a table ("표에 …도 적혀 있어?") is answered by the table's cells alone. Never a no: a
    remedy offered for another problem says nothing of this one."""
    lowered = question.lower()
    if not is_yes_no(question) or not (_EN_ASKS_REMEDY.search(lowered) or _KO_ASKS_REMEDY.search(question)):
        return None
    if _question_negated(question) or compares(question) or _ALONE.search(question) or _EN_ONLY.search(lowered) or _EN_JUST.search(lowered):
        return None
    if _EN_BESIDES.search(lowered) or _KO_BESIDES.search(question) or points_at_figure(question, ("diagram",)):
        return None  # it asks for another remedy than those it names, or what a diagram draws
    if points_at_figure(question, ("row",)):
        sentences = []  # "표에 …도 적혀 있어?": only the table's own cells say it
    form = qualifiers(question)
    if form.universal or form.whole:
        return None
    # (the words of asking, and the general words for what a remedy is for: "problem", "issue", "문제")
    asking = terms.keys_of([*_EN_ASKS_REMEDY.findall(lowered), *_KO_ASKS_REMEDY.findall(question), "problem", "problems", "issue", "issues", "문제"])
    named = frozenset(
        key for key in terms.keys(question, known_only=True) - asking
        if _naming(key) and terms.passage_share(key) < TOPIC_SHARE
    )
    if not named:
        return None
    # a passage is a list item or paragraph whole ("영속 스토리지 시스템과 연동 (ex. AWS EBS, NFS 등)"), or a table row;
    # grouped by section, in the order the sections are cited
    passages = list(dict.fromkeys([*(chunk for chunk, _ in sentences), *(chunk for chunk, _ in rows)]))
    rank: dict[tuple[str, str], int] = {}
    for chunk in passages:
        rank.setdefault((chunk.document, chunk.section), len(rank))
    passages.sort(key=lambda chunk: rank[(chunk.document, chunk.section)])
    for chunk in passages:
        headings = " ".join(part for part in (chunk.section, chunk.section_translated) if part)
        if chunk.kind == "row":
            columns = [i for i, header in enumerate(chunk.header) if REMEDY_HEADING.search(header.lower())]
            if not columns or columns[0] >= len(chunk.cells):
                continue
            passage = chunk.cells[columns[0]]
            problem = " ".join([headings, *chunk.header, *(cell for i, cell in enumerate(chunk.cells) if i != columns[0])])
        else:
            if not any(REMEDY_HEADING.search(path.rsplit(" > ", 1)[-1].lower()) for path in (chunk.section, chunk.section_translated) if path):
                continue
            passage, problem = chunk.text, headings
        if _CAVEAT.search(passage.lower()) or _EN_STATEMENT_NEGATION.search(passage.lower()) or (HANGUL.search(passage) and _ko_negated(passage)):
            continue  # a reservation, or a negation: "the fix is a user-defined network, not a `--link`"
        own, around = terms.keys(passage), terms.keys(problem)
        # the passage offers a thing of its own that the question names (the remedy), and with its problem holds
        # every thing the question names
        if (named & own) - around and named <= own | around:
            return _stated_verdict("yes", chunk, passage)
    return None


# A comparison (general English and Korean): "A가 B보다 P?", "is A P-er than B?", "is A more P than B?". The English
# comparative is the last before "than" of "more"/"less" with the word after it or a word ending in -er/-ier, with
# at most two words after it ("an easier orchestration tool than").
_EN_COMPARED = re.compile(
    r"^(?P<a>.+)\s+(?P<p>(?:more|less)\s+[\w-]+|[\w-]+(?:er|ier))(?P<mid>(?:\s+[\w-]+){0,2}?)\s+than\s+(?P<b>[^?,.;()]+)",
    re.IGNORECASE,
)
_EN_AUXILIARY = re.compile(r"^\s*(?:is|are|was|were|does|do|did|will|would|has|have)\s+", re.IGNORECASE)
_KO_COMPARED = re.compile(r"(?P<b>\S+)보다(?:\s|$)")
_KO_SUBJECT_PARTICLES = {("이", "JKS"), ("가", "JKS"), ("은", "JX"), ("는", "JX")}
_COMPARED_TAGS = ("NN", "VA", "VV", "XR", "SL", "SN")


@dataclass(frozen=True)
class Comparison:
    """What a sentence or question compares: A against B in property P, each as term keys, and whether the comparison
    is negated."""

    a: frozenset[str]
    b: frozenset[str]
    p: frozenset[str]
    negated: bool = False
    less: bool = False  # "less P than", "덜 P": the other way round from "more P than", "더 P"


def comparison(text: str, terms: TermWeights) -> Comparison | None:
    """The comparison a text states or asks (its first), or None: "도커 스웜이 쿠버네티스보다 간단한가요?" compares
    도커 스웜 against 쿠버네티스 in 간단; in "Docker Swarm 활용으로 Kubernetes보다 간단한 오케스트레이션 도구로 …",
    which marks no subject, all that comes before "Kubernetes보다" is compared. A clause compared ("… 쓰는 것보다")
    is not one term: None."""
    if HANGUL.search(text):
        from .lexical import tagged_morphemes

        found = _KO_COMPARED.search(text)
        if found is None or tagged_morphemes(found.group("b"))[-1][1] == "NNB":
            return None
        b, said = found.group("b"), re.split(r"[.,?!(]", text[found.end() :])[0]
        # the property: its content words, not the question's ending or a bound noun ("단순한 편이야?")
        words = [form for form, tag in tagged_morphemes(said) if tag.startswith(_COMPARED_TAGS) and tag != "NNB"]
        before = text[: found.start("b")].split()
        marked = [i for i, word in enumerate(before) if tagged_morphemes(word)[-1] in _KO_SUBJECT_PARTICLES]
        if marked:
            # the subject's noun phrase: the marked word and the bare nouns before it ("도커 스웜이")
            first = marked[-1]
            while first > 0 and all(tag.startswith(_KO_NOUNS) for _, tag in tagged_morphemes(before[first - 1])):
                first -= 1
            before = before[first : marked[-1] + 1]
        a = " ".join(before)
        negated = any(pair in _KO_NEGATION for pair in tagged_morphemes(said))
        less = bool(re.search(r"(?:^|\s)덜\s", said))
    else:
        found = _EN_COMPARED.search(_EN_AUXILIARY.sub("", text))
        if found is None:
            return None
        a, b = found.group("a"), found.group("b")
        words = re.sub(r"\b(?:more|less)\b", " ", f"{found.group('p')} {found.group('mid')}", flags=re.IGNORECASE).split()
        negated = bool(_EN_STATEMENT_NEGATION.search(found.group(0).lower()))
        less = found.group("p").lower().startswith("less ")
    keys = Comparison(terms.keys(a), terms.keys(b), terms.keys_of(words), negated, less)  # each word alone: mecab misreads them joined
    return keys if keys.a and keys.b and keys.p else None


def _stated_verdict(verdict: Verdict, chunk: Chunk, text: str) -> VerdictResult:
    """A verdict that one statement of a passage gives, with the statement as its evidence."""
    return VerdictResult(verdict, Claim(chunk, "", verdict, own=text, context="", text=text))


def _agreed_statements(found: list[tuple[Verdict, Chunk, str]]) -> VerdictResult | None:
    """The verdict the statements found give, by the first of them, when they all give the same one; else None."""
    if not found or len({verdict for verdict, _, _ in found}) != 1:
        return None
    return _stated_verdict(*found[0])


def comparison_verdict(question: str, asked: Asked | None, sentences: list[tuple[Chunk, str]], terms: TermWeights) -> VerdictResult | None:
    """Yes to "is A P-er than B?" from a statement that A is P-er than B, no from one that B is P-er than A (the same
    property, in the same words; "less P" is the other way round from "more P"); none for a negated question, one of
    what can be, or a comparison the statements do not make or make both ways."""
    asked_comparison = comparison(asking_sentence(question), terms)
    if asked_comparison is None or _question_negated(question) or (asked is not None and asked.modal):
        return None
    found: list[tuple[Verdict, Chunk, str]] = []
    # each side by the names it holds (a verb the English comparative leaves on a side, "do VMs use more memory …",
    # is no part of what is compared)
    a, b = _named(asked_comparison.a) or asked_comparison.a, _named(asked_comparison.b) or asked_comparison.b
    for chunk, sentence in sentences:
        stated = stated_comparison(chunk, sentence, terms)
        if stated is None or not asked_comparison.p <= stated.p:
            continue
        if b <= stated.b and a <= stated.a:
            verdict = "yes"
        elif b <= stated.a and a <= stated.b:
            verdict = "no"
        else:
            continue
        found.append(({"yes": "no", "no": "yes"}[verdict] if stated.negated != (stated.less != asked_comparison.less) else verdict, chunk, sentence))
    return _agreed_statements(found)


# A concession (general English and Korean): what follows "but", "however", "though", "although", "yet" or "단", "다만",
# "하지만", "그러나", "그렇지만", "반면" after a comparison, in its sentence or opening the next one, when it says that
# something is limited or lacking: limited, restricted, fewer, less, smaller, lacks, missing; 제한, 부족, 한정, 모자라다,
# 적다, 작다.
_EN_CONCESSION = re.compile(r"\b(?:but|however|though|although|yet)\b", re.IGNORECASE)
_KO_CONCESSION = re.compile(r"(?:^|[\s(])(?:단|다만|하지만|그러나|그렇지만|반면)(?=[\s,])")
_EN_SHORT = re.compile(r"\b(?:limited|restricted|fewer|less|smaller|lacks?|lacking|missing)\b", re.IGNORECASE)
_KO_SHORT = re.compile(r"제한|부족|한정|모자라|모자르|적(?:다|은|고|습|어|음)|작(?:다|은|고|습|아)")
# How much of a respect a question asks about (general English and Korean): the words of more ("more features",
# "as many features as", "feature-rich", "the same feature set as"; "기능이 더 많아?", "만큼 풍부해?") and of less.
_MORE_WORDS = ("more", "many", "much", "rich", "richer", "full", "fuller", "big", "bigger", "large", "larger", "same",
               "equal", "equally", "every", "all", "많", "풍부", "다양", "충분", "크", "큰", "같", "똑같", "전부")
_LESS_WORDS = ("less", "fewer", "few", "small", "smaller", "limited", "restricted", "lack", "lacking", "적", "작", "부족",
               "제한", "한정")
# "is A as P as B?", "does A have the same P as B?"
_EN_AS_MUCH = re.compile(
    r"^(?P<a>.+?)\s+(?:(?:just|quite|equally|nearly|about|every\s+bit)\s+)?as\s+(?P<p>(?:[\w-]+\s+){0,2}?[\w-]+)\s+as\s+(?P<b>[^?,.;()]+)"
    r"|^(?P<a2>.+?)\s+the\s+same\s+(?P<p2>(?:[\w-]+\s+){0,2}?[\w-]+)\s+as\s+(?P<b2>[^?,.;()]+)",
    re.IGNORECASE,
)
# Words that ask whether one thing can take the place of another (general English and Korean): the other follows
# the English words and comes right before the Korean ones (an adverb between: "쿠버네티스를 완전히 대체").
_EN_IN_PLACE = re.compile(
    r"\b(?:instead\s+of|in\s+place\s+of|replace|replacing|replacement\s+for|substitute\s+for|substitute|stand[\s-]in\s+for|"
    r"alternative\s+to|swap\s+for)\s+(?P<b>[^?,.;()]+)",
    re.IGNORECASE,
)
_KO_IN_PLACE = re.compile(r"(?P<b>(?:\S+\s+)?\S+)\s+(?:대신|대체|대안|말고)")
# The words that make a comparative (general English and Korean): more, less, a word in -er before the noun of place
# ("a lighter-weight alternative", "a simpler option"); 더, 덜; and one of likeness, "(just / equally) as P"
_EN_AS = re.compile(r"\b(?:just|equally|quite|every\s+bit)\s+as\s+[\w-]+|\bas\s+[\w-]+\s+as\b")
_EN_MORE_LESS = re.compile(
    r"\b(?:more|less)\b|\b[a-z]+(?:er|ier)(?:-[a-z]+)?\s+(?:[a-z-]+\s+)?(?:alternative|substitute|replacement|stand-in|option|choice)\b"
)
_KO_MORE_LESS = re.compile(r"(?:^|\s)(?:더|덜)\s")


def comparison_subject(sentence: str) -> str:
    """What an English statement compares: all before its comparative ("Using Docker Swarm, you can use it as an
    orchestration tool that is" in "… simpler than Kubernetes")."""
    found = _EN_COMPARED.search(_EN_AUXILIARY.sub("", sentence))
    return found.group("a") if found else sentence


_NAME_ZIPF = 4.0  # a word rarer than this in general language names a thing (swarm 3.4, compose 3.5; offer 5.1, use 5.8)
# A pronoun that opens a statement: it speaks of what its section is about
_EN_PRONOUN_SUBJECT = re.compile(r"^\W*(?:it|it's|it’s|this|they|they're|they’re)\b", re.IGNORECASE)
_KO_PRONOUN_SUBJECT = re.compile(r"^\W*(?:이것|그것|이는|이건|그건)")


def stated_comparison(chunk: Chunk, sentence: str, terms: TermWeights) -> Comparison | None:
    """The comparison a sentence of a passage states; one whose subject is a pronoun ("It's much simpler than
    Kubernetes, but …" under the heading "Docker Swarm") speaks of what its section's heading names as well."""
    stated = comparison(sentence, terms)
    if stated is not None and (_KO_PRONOUN_SUBJECT if HANGUL.search(sentence) else _EN_PRONOUN_SUBJECT).search(sentence):
        stated = replace(stated, a=stated.a | terms.keys(chunk.section.rsplit(" > ", 1)[-1]))
    return stated


def _named(keys: frozenset[str]) -> frozenset[str]:
    """The names among term keys, what a comparison compares: the glossary's terms however spelled, and words rare
    in general language ("Kubernetes", "Swarm"), not verbs such as "offer" or "활용"."""
    return frozenset(key for key in keys if key.startswith("#") or general_zipf(key) < _NAME_ZIPF)


def _own_name(keys: frozenset[str]) -> bool:
    """Whether term keys hold a name of its own: a word rare in general language ("Kata") that is no glossary concept
    (server, node, container)."""
    return any(not key.startswith("#") and general_zipf(key) < _NAME_ZIPF for key in keys)


def _sides(asked: Comparison, stated: Comparison) -> bool | None:
    """Whether a question's comparison has the sides of a statement's (True), the other way round (False), or
    neither (None): each side of the question names something of one side of the statement and nothing of the
    other."""
    a, b = _named(asked.a), _named(asked.b)
    for same, (first, second) in ((True, (stated.a, stated.b)), (False, (stated.b, stated.a))):
        if a & first and not a & second and b & second and not b & first:
            return same
    return None


def conceded_comparisons(sentences: list[tuple[Chunk, str]], terms: TermWeights) -> list[tuple[Comparison, frozenset[str], Chunk, str]]:
    """The comparisons that the statements make with a concession of what the compared thing lacks, each with the
    concession's term keys: "Docker Swarm 활용으로 Kubernetes보다 간단한 오케스트레이션 도구로 사용 가능합니다. (단,
    기능이 제한적)" compares Docker Swarm against Kubernetes and concedes that its 기능 (features) are limited: against
    Kubernetes, which it is compared with. The text is the comparison and its concession."""
    found = []
    for i, (chunk, sentence) in enumerate(sentences):
        stated = stated_comparison(chunk, sentence, terms)
        if stated is None:
            continue
        korean = bool(HANGUL.search(sentence))
        after = re.split(r"보다|\bthan\b", sentence, maxsplit=1)[-1]
        concession = _KO_CONCESSION if korean else _EN_CONCESSION
        said = concession.search(after)
        text, conceded = sentence, after[said.end() :] if said else ""
        if not said and i + 1 < len(sentences) and sentences[i + 1][0] is chunk:
            following = sentences[i + 1][1]
            said = concession.search(following.lstrip("( ")[:12])
            if said and said.start() <= 1:
                text, conceded = f"{sentence} {following}", following.lstrip("( ")[said.end() :]
        if conceded and (_KO_SHORT if korean else _EN_SHORT).search(conceded):
            if not korean and not _EN_PRONOUN_SUBJECT.search(sentence):
                # "you can use it as an orchestration tool that is simpler than Kubernetes": what it is used as is
                # not what is compared, the subject before it is
                subject = re.split(r"\s+as\s+(?:an?|the)\s+", comparison_subject(sentence), maxsplit=1)[0]
                stated = replace(stated, a=terms.keys(subject))
            found.append((stated, terms.keys(conceded) - terms.keys_of(_LESS_WORDS), chunk, text))
    return found


def _asked_extent(question: str, terms: TermWeights) -> tuple[Comparison, bool] | None:
    """The comparison a question asks of how much of a respect A has against B, and whether it asks for less
    ("fewer features than B?", "B보다 기능이 적어?") rather than as much or more ("more features than B?", "as
    feature-rich as B?", "the same feature set as B?", "B만큼 기능이 풍부해?"): its property is the respect, without
    the words of more and less."""
    text = asking_sentence(question)
    if HANGUL.search(text):
        asked = comparison(re.sub(r"만큼(?=\s)", "보다", text, count=1), terms)
    else:
        found = _EN_AS_MUCH.search(_EN_AUXILIARY.sub("", text))
        if found is None:
            asked = comparison(text, terms)
        else:
            a, p, b = (found.group(g) or found.group(f"{g}2") for g in ("a", "p", "b"))
            asked = Comparison(terms.keys(a), terms.keys(b), terms.keys_of(p.split()))
    if asked is None:
        return None
    lowered = text.lower()
    less = any(re.search(rf"\b{word}\b", lowered) for word in _LESS_WORDS if word.isascii()) or bool(_KO_SHORT.search(text))
    respect = frozenset(key for key in asked.p - terms.keys_of(_MORE_WORDS) - terms.keys_of(_LESS_WORDS) if "-" not in key)
    return (replace(asked, p=respect), less) if respect else None


def concession_verdict(question: str, sentences: list[tuple[Chunk, str]], terms: TermWeights) -> VerdictResult | None:
    """No to "does A have as many P as B / more P than B?", yes to "fewer P than B?", from a comparison of A against
    B that concedes A's P is limited (see conceded_comparisons; the other way round for B against A); partial to "can
    A take the place of B?" from such a comparison: it can, with less. None for a negated question, or when the
    statements answer both ways."""
    if _question_negated(question):
        return None
    comparing = compares(question) or "만큼" in question
    extent = _asked_extent(question, terms) if comparing or _EN_AS_MUCH.search(question) else None
    english = _EN_IN_PLACE.search(question)
    place = english or _KO_IN_PLACE.search(question)
    if extent is None and place is None:
        return None  # neither how much of a respect nor whether one takes the other's place: nothing to read
    conceded = conceded_comparisons(sentences, terms)
    found: list[tuple[Verdict, Chunk, str]] = []
    if extent is not None:
        asked, less = extent
        for stated, respect, chunk, text in conceded:
            if not asked.p & respect:
                continue  # ("the same feature set as": the respect is what the concession names, features)
            sides = _sides(asked, stated)
            if sides is not None:
                found.append(("yes" if less == sides else "no", chunk, text))
        return _agreed_statements(found)
    # "is Swarm a simpler / more fully featured alternative?", "Swarm instead of k8s, is it just as capable?" ask of a
    # respect, not only whether it takes the place
    # (the property compared: the English comparative, the Korean word after 보다: "Kubernetes보다 간단한")
    compared = frozenset().union(
        *(terms.keys_of(text.split("보다", 1)[1].split()[:1]) if "보다" in text else stated.p for stated, _, _, text in conceded)
    )
    if (
        _EN_MORE_LESS.search(question.lower()) or _KO_MORE_LESS.search(question) or terms.keys(question) & compared
        or comparing or _EN_AS.search(question.lower())
    ):
        return None
    # the other thing: the first of the words after the English words of place that names one ("instead of
    # Kubernetes for orchestration"), the last of those before the Korean ones
    words = place.group("b").split()
    replaced = next((named for word in (words if english else reversed(words)) if (named := _named(terms.keys(word)))), frozenset())
    others = _named(terms.keys(question)) - replaced
    for stated, _, chunk, text in conceded:
        if replaced and replaced <= stated.b and others & stated.a and not others & stated.b:
            found.append(("partial", chunk, text))
    return _agreed_statements(found)


# What holds whatever else varies (general English and Korean): "no matter how many X", "regardless of", "always",
# "still"; "X이 몇 개이든", "상관없이", "관계없이", "항상", "언제나", "여전히".
_EN_INVARIANT = re.compile(r"\b(?:no matter|regardless|always|still|either way)\b")
_KO_INVARIANT = re.compile(r"(?:이든|든지|상관\s*없이|관계\s*없이|항상|언제나|여전히)")
# The words that ask whether something changes, and "whether"/"여부" of what it asks it of: not what a statement holds
_CHANGE_WORDS = ("change", "changes", "alter", "alters", "difference", "matter", "matters", "whether", "anything", "여부", "달라지", "다르", "바뀌", "차이")


def invariance_verdict(question: str, asked: Asked | None, sentences: list[tuple[Chunk, str]], terms: TermWeights, lexicon: Lexicon) -> VerdictResult | None:
    """No to "does X change whether P?" from a statement that P holds whatever X is ("No matter how many Docker Compose
    files there are, … the kernel is always shared"; "여전히 커널을 공유합니다" under the heading of the case X): a
    sentence with a word of invariance, the asked predicate, and (with its heading) the question's words but those that
    ask about change. Not for a question that says "no matter" itself or is negated."""
    if asked is None or not asked.changes or _question_negated(question) or re.search(r"\bno matter\b", question.lower()):
        return None
    asked_keys = _keys_besides(question, list(_CHANGE_WORDS), terms)
    predicate = _keys(terms, lexicon.terms_of(asked.predicate))
    if not asked_keys or not predicate:
        return None
    for chunk, sentence in sentences:
        if not (_KO_INVARIANT if HANGUL.search(sentence) else _EN_INVARIANT).search(sentence.lower()):
            continue
        heading = " ".join(part.rsplit(" > ", 1)[-1] for part in (chunk.section, chunk.section_translated) if part)
        keys = terms.keys(f"{sentence} {heading}")
        if predicate & terms.keys(sentence) and terms.weight(asked_keys & keys) >= FULL_STATEMENT * terms.weight(asked_keys):
            return _stated_verdict("no", chunk, sentence)
    return None


def row_descriptions(rows: list[tuple[Chunk, str]], question: str, terms: TermWeights) -> list[tuple[Chunk, str]]:
    """Each table row's cell of free text (three words or more: a description, a reason, not a value such as 공유,
    O or Yes) said of the row's first cell: "네트워크 네임스페이스 각 컨테이너는 독립적인 네트워크 인터페이스를 가짐".

    Of a row with several such cells (a comparison's "Docker" and "Podman" columns), only the cell of the column the
    question names by its header, when it names no other column's: each column says it of another subject.
    """
    asked = terms.keys(question)
    out: list[tuple[Chunk, str]] = []
    for chunk, _ in rows:
        free = [k for k, cell in enumerate(chunk.cells) if k and len(cell.split()) >= 3]
        if len(free) > 1:
            named = [k for k in range(1, len(chunk.header)) if terms.keys(chunk.header[k]) & asked]
            free = [k for k in free if named == [k]]
        out += [(chunk, f"{chunk.cells[0]} {chunk.cells[k]}") for k in free]
    return out


def _narrower_row(claim: Claim, asked_keys: frozenset[str], terms: TermWeights) -> bool:
    """Whether a table row's case names something the question does not: a glossary term or a word that is not
    everyday ("다른 노드" of "Kubernetes 다른 노드에 배포")."""
    if claim.column < 0 or not claim.key:
        return False
    return any(_naming(key) for key in terms.keys(claim.key, known_only=True) - asked_keys)


# What a question says about the case it asks of, beyond its words, in general English and Korean: whether it
# asks if something holds every time ("always", "항상"), if it is like something else ("like a VM", "the way a VM
# does", "가상머신처럼"), or what happens without something ("if I don't use a volume", "without", "볼륨 없이",
# "제한을 안 걸면"). Evidence about the other thing (the VM, the volume) does not answer such a question, and
# evidence without a word of generality does not say that something always holds.
_EN_UNIVERSAL = re.compile(r"\b(always|every time|in every case|no matter|regardless|invariably|necessarily)\b")
_KO_UNIVERSAL = {"항상", "언제나", "늘", "무조건", "반드시", "매번", "언제든", "언제든지", "관계없이", "상관없이"}
# ... and if it seldom happens: evidence without a word of rarity does not say so ("raw: Primarily used for
# configuring exceptions …" does not say that the raw table is rarely configured).
_EN_RARELY = re.compile(r"\b(?:rarely|seldom|hardly ever|scarcely ever|rare|uncommon)\b")
_KO_RARELY = ("드물", "좀처럼", "거의 안", "거의 없")
# Quantifiers of general English and Korean: the whole of something, and a part of it.
_EN_WHOLE = re.compile(r"\b(all|every|everything|entire|entirely)\b")
_KO_WHOLE = {"전부", "모두", "모든", "전체", "다"}
_EN_PART = re.compile(r"\b(most|mostly|some|many|several|few|partly|partially|largely)\b")
_KO_PART = {"대부분", "일부", "상당수", "대개", "주로", "몇몇", "일부분"}


def _limits(text: str) -> bool:
    """Whether a piece of evidence speaks of a part only ("most", "대부분", "일부")."""
    if _EN_PART.search(text.lower()):
        return True
    if HANGUL.search(text):
        from .lexical import tagged_morphemes

        return any(form in _KO_PART for form, _ in tagged_morphemes(text))
    return False


_EN_LIKENESS = re.compile(
    r"\b(?:(?<!would )(?<!'d )like(?! to\b)|unlike|similar to|the same as)\s+(?:a |an |the |any )?([\w.-]+(?: [\w.-]+)?)"
    r"|\bthe (?:same )?way (?:a |an |the )?([\w.-]+) (?:does|do|did|is|are|would)\b|\bas \w+ as (?:a |an |the )?([\w.-]+(?: [\w.-]+)?)"
)
_KO_LIKENESS = {"처럼", "만큼", "같이"}
# "like" that gives examples or a rough figure rather than a likeness (general English): after "something",
# "anything", "stuff", "things" ("something like AWS EBS"), after a plural noun that is not the subject the question
# opens with ("tools like Terraform", "places like banks"; not "are containers like VMs?"), before alternatives
# ("storage like AWS EBS or NFS"), or before a number ("like 800MB").
_EN_EXAMPLE_HEADS = frozenset({"something", "anything", "stuff", "things", "thing"})
# words that open a clause or a question of its own after "or" ("like VMs, or not?", "like VMs, or do they …?")
_EN_CLAUSE_OPENERS = frozenset({
    "not", "do", "does", "did", "is", "are", "was", "were", "can", "could", "will", "would", "should", "has", "have",
    "it", "they", "i", "we", "you", "each", "what", "how", "why", "which", "whether",
})
_EN_OPENING_SUBJECT = re.compile(r"^\W*(?:are|is|were|was)\s+(?:\S+\s+){0,2}$")  # "are containers like …?"
# "like" and what follows it up to "or" or a comma, and the word after that ("like AWS EBS or NFS": nfs)
_EN_LIKE_LISTED = re.compile(r"like\s+[^,;?]*?\w\s*(?:,\s*(?:or\s+)?|\bor\s+)(?:an?\s+|the\s+)?([\w-]+)")


# "as … as" that is no likeness (general English): "as long as", "as soon as", "as far as" open a condition, a time or
# an extent; "as well as" after a prepositional phrase joins two of its kind ("images for ARM as well as AMD64"),
# where after a verb it likens ("isolate as well as a VM", "cover that as well as Kubernetes").
_EN_AS_CONJUNCTIONS = frozenset({"long", "soon", "far"})
_EN_JOINED_PHRASE = re.compile(r"\b(?:for|on|to|in|with|from|across)(?:\s+[\w.-]+){1,2}\s*$")
_EN_LIKENED_CLAUSE = re.compile(r"^\s*(?:a |an |the )?[\w.-]+(?: [\w.-]+)?\s+(?:does|do|did|is|are|can|would)\b")


def _joining_words(lowered: str) -> list[str]:
    """The middle words of the question's "as … as" that are no likeness ("well" of "ARM as well as AMD64"): they join
    or condition what the question asks, and are no words a statement must hold."""
    return [match.group(0).split()[1] for match in _EN_LIKENESS.finditer(lowered) if _joins(lowered, match.start())]


def _joins(lowered: str, start: int) -> bool:
    """Whether the "as … as" at `start` of a lowered question is no likeness (see _EN_AS_CONJUNCTIONS)."""
    words = lowered[start:].split()[:3]
    if len(words) < 3 or words[0] != "as" or words[2] != "as":
        return False
    if words[1] in _EN_AS_CONJUNCTIONS:
        return True
    return words[1] == "well" and bool(_EN_JOINED_PHRASE.search(lowered[:start])) and not _EN_LIKENED_CLAUSE.match(
        lowered[start + len("as well as") :]
    )


# Verbs that only link a subject to what it is or comes to be (general English): "get" as a light verb ("gets big",
# "gets deleted", the get-passive; "get its own kernel": has), "become", "end up" ("end up sharing", "end up on the
# same kernel"), and "grow" and "turn" before an adjective that ends the clause ("grow large", "turn bad"). The posts
# say the same with a copula or a verb of their own ("may become large", "is deleted"), so these are no words a
# statement must hold.
_EN_LIGHT_GET = re.compile(r"\b(?:get|gets|got|gotten|getting|become|becomes|became|becoming)\b")
_EN_END_UP = re.compile(r"\b(end|ends|ended|ending)\s+up\b")
_EN_LINKING = re.compile(
    r"\b(grow|grows|grew|grown|turn|turns|turned)\s+(?:(?:too|so|very|much|even|more|less|really|pretty|quite)\s+)*"
    r"([a-z][a-z-]*)\b(?:\s+([a-z']+))?"
)


def _linking_words(lowered: str) -> list[str]:
    """The question's verbs that only link its subject to a state (see _EN_LIGHT_GET, _EN_END_UP, _EN_LINKING)."""
    def main(match: re.Match) -> bool:
        # an infinitive of purpose ("give up speed to get security") says what the main verb is for: its verb is what
        # the question asks
        return not lowered[: match.start()].endswith("to ")

    words = [match.group(0) for match in _EN_LIGHT_GET.finditer(lowered) if main(match)]
    words += [match.group(1) for match in _EN_END_UP.finditer(lowered) if main(match)]
    for match in _EN_LINKING.finditer(lowered):
        complement, following = match.group(2), match.group(3)
        adjective = not is_stopword(complement) and not complement.endswith("ing")  # not "turn it on", "grow by"
        if main(match) and adjective and (following is None or is_stopword(following)):
            words.append(match.group(1))
    return words


def _gives_examples(lowered: str, start: int) -> bool:
    """Whether the "like" at `start` of a lowered question gives examples or a figure (see _EN_EXAMPLE_HEADS)."""
    before = lowered[:start].split()
    after = lowered[start:].split()[1:2]
    if after and after[0][:1].isdigit():
        return True
    listed = _EN_LIKE_LISTED.match(lowered, start)
    if listed and listed.group(1) not in _EN_CLAUSE_OPENERS:
        return True  # "storage like AWS EBS or NFS": alternatives name examples of a kind, not one thing likened
    if not before:
        return False
    word = before[-1].strip(",;:")
    if word in _EN_EXAMPLE_HEADS:
        return True
    plural = len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    return plural and not _EN_OPENING_SUBJECT.match(" ".join(before[:-1]) + " ")


# Korean words of equality, after the comitative particle: "VM이랑 똑같이", "VM과 같은 수준", "VM과 동등한가요?".
_KO_EQUAL = {"같", "똑같", "똑같이", "같이", "비슷", "동일", "동등", "마찬가지"}
_EN_ABSENCE = re.compile(
    r"\b(?:without|unless)\s+([^,?]+)|\b(?:if|when|once)\b[^,?]*?(?:\b(?:not|never)\s+\w+|n't\s+\w+|\bno)\s+([^,?]+)"
)
# "by running a lightweight VM": the means of the asked predicate, up to the end of its phrase
_EN_MEANS = re.compile(r"\bby \w+ing\b((?: (?!(?:and|or|but|if|when|so|to)\b)[\w.-]+){1,4})")
_KO_MEANS_ENDINGS = {"어서", "아서", "여서", "서"}
_KO_MANNER_NOUNS = {"방식", "방법"}  # "N 방식으로", "N 방법으로": in the way of N
_PRONOUN_SUBJECT = re.compile(
    r"^\s*(?:\w+\s+)?(?:does|do|did|is|are|was|were|can|could|will|would|should|has|have)(?:n't)?\s+(?:it|they|that|this|these|those)\b"
)


# An alternative question offers a second clause to choose ("…, or does each get its own?", "공유해? 아니면 따로야?");
# "… or not?" and "A or B" between two nouns still ask yes or no.
_EN_ALTERNATIVE = re.compile(r"\bor\s+(?:do|does|did|is|are|was|were|am|can|could|will|would|should|shall|has|have|had|must)\b")
_KO_ALTERNATIVE = ("아니면", "아님")


def _alternative(question: str) -> bool:
    """Whether a question asks which of two clauses holds rather than whether one does: "…, or does each get its
    own?", "공유해? 아니면 따로야?", and two Korean copulas asked with the same ending one after the other ("호스트
    경로야 컨테이너 경로야?"), unless the second denies the first ("공유되는 거야 안 되는 거야?" asks yes or no)."""
    if _EN_ALTERNATIVE.search(question.lower()):
        return True
    if HANGUL.search(question):
        from .lexical import tagged_morphemes

        morphemes = tagged_morphemes(question)
        if any(form in _KO_ALTERNATIVE and tag in ("MAJ", "MAG") for form, tag in morphemes):
            return True
        # the copula's question ending twice: "N이야 N이야?"
        endings = [i for i, (_, tag) in enumerate(morphemes) if tag == "EF" and i and morphemes[i - 1][1] == "VCP"]
        if len(endings) >= 2 and morphemes[endings[-2]][0] == morphemes[endings[-1]][0]:
            second = morphemes[endings[-2] + 1 : endings[-1]]
            return not any(tag.startswith("S") for _, tag in second) and not any(pair in _KO_NEGATION for pair in second)
    return False


# "-려면?" (in order to …?) asks what to do to bring something about, not whether it is so: "데이터 보존하려면?"
_KO_PURPOSE = re.compile(r"려면\s*요?\s*[?？]*\s*$")


def _asks_purpose(question: str) -> bool:
    """Whether a Korean question asks what to do for a purpose ("그럼 완전히 격리하려면요?") rather than yes or no."""
    return bool(_KO_PURPOSE.search(question.strip()))


# Whether two things differ ("difference", "differ", "A vs B", "차이").
_EN_DIFFERENCE = re.compile(r"\b(?:differences?|differ|differs|vs|versus)\b")
_KO_DIFFERENCE = "차이"


def _asks_difference(question: str) -> bool:
    """Whether a yes/no question asks whether two things differ."""
    return bool(_EN_DIFFERENCE.search(question.lower())) or _KO_DIFFERENCE in question


def _pronoun_subject(question: str) -> bool:
    """Whether a yes/no question's subject is a pronoun ("does it keep ...?", "그거 안전해?"), the dummy "it" of
    "is it safe to ..." aside."""
    from .conversation import EN_DUMMY_IT, KO_PRONOUN, says_of_post

    text = question.strip().lower()
    found = _PRONOUN_SUBJECT.search(text)
    if found and not EN_DUMMY_IT.search(text):
        head = found.group(0).split()  # … up to the pronoun
        return not says_of_post(head + text[found.end() :].split(), len(head) - 1)  # "does it claim …?": the post
    return bool(KO_PRONOUN.match(text))


@dataclass(frozen=True)
class Qualifiers:
    """What the question asks of its case: every time, like another thing, or without a thing."""

    universal: bool = False
    whole: bool = False  # asks about all of something ("all", "every", "전부", "모든"): "most of them" answers partly
    likeness: tuple[str, ...] = ()  # what the subject is likened to ("a vm")
    means: tuple[str, ...] = ()  # how the question says it is done ("경량 VM을 띄워서", "by running a lightweight VM")
    absent: tuple[str, ...] = ()  # what the question's case goes without, each alternative ("a volume", "bind mount")
    place: str = ""  # "in" or "out": the question puts its case inside or outside something ("inside the container")
    rarely: bool = False  # asks whether something seldom happens ("rarely", "hardly ever", "드물게")


def _verb_start(morphemes, i: int, tags: tuple[str, ...]) -> int:
    """Where the verb before morpheme `i` (a Korean negation) starts: back over the morphemes of `tags`, past no ending
    but the 지 of "하지 않다" ("설정하지 않아도": at 하)."""
    j = i
    while j > 0 and morphemes[j - 1][1] in tags and (morphemes[j - 1][1] != "EC" or morphemes[j - 1][0] == "지"):
        j -= 1
    return j


@lru_cache(maxsize=8192)
def qualifiers(question: str) -> Qualifiers:
    """The question's qualifiers (see Qualifiers); also read from evidence, for what it goes without (cached: a
    question's are asked for by several stages, an evidence text's by every question it is evidence for)."""
    lowered = question.lower()
    universal = bool(_EN_UNIVERSAL.search(lowered))
    whole = bool(_EN_WHOLE.search(lowered))
    rarely = bool(_EN_RARELY.search(lowered) or any(word in question for word in _KO_RARELY))
    likeness = [
        next(g for g in m.groups() if g) for m in _EN_LIKENESS.finditer(lowered)
        if not (m.group(0).startswith("like") and _gives_examples(lowered, m.start())) and not _joins(lowered, m.start())
    ]
    means = [m.group(1) for m in _EN_MEANS.finditer(lowered.replace("`", ""))]  # (a quoted option is words of it)
    absent = [alternative for m in _EN_ABSENCE.finditer(lowered) for alternative in re.split(r"\bor\b|\band\b|/", next(g for g in m.groups() if g))]
    if HANGUL.search(question):
        from .lexical import tagged_morphemes

        morphemes = tagged_morphemes(question)
        universal = universal or any(form in _KO_UNIVERSAL for form, tag in morphemes if tag.startswith("MA"))
        whole = whole or any(form in _KO_WHOLE and tag in ("MAG", "MM", "NNG") for form, tag in morphemes)
        for i, (form, tag) in enumerate(morphemes):
            if form in _KO_MEANS_ENDINGS and tag == "EC" and i > 0 and morphemes[i - 1][1] in ("VV", "XSV"):
                # "경량 VM을 띄워서 격리하나요?": what is done to get there, the nouns its verb takes
                means.append(_nouns_before(morphemes, i - 1 - (morphemes[i - 1][1] == "XSV"), particles=True))
            if form in _KO_MANNER_NOUNS and tag == "NNG" and i + 1 < len(morphemes) and morphemes[i + 1][0] in ("으로", "로"):
                means.append(_nouns_before(morphemes, i))  # "경량 VM 방식으로 격리하나요?": the way it is done
            elif form == "통하" and tag == "VV" and i > 0 and morphemes[i - 1][1] == "JKO":
                means.append(_nouns_before(morphemes, i - 1))  # "네임스페이스를 통해": through what
            if form in _KO_LIKENESS and tag == "JKB":
                likeness.append(_nouns_before(morphemes, i))
            elif form in KO_COMITATIVE and tag in ("JKB", "JC") and i + 1 < len(morphemes) and morphemes[i + 1][0] in _KO_EQUAL:
                likeness.append(_nouns_before(morphemes, i))  # "VM이랑 똑같이 강력한가요?": likened to the VM
            elif form == "없이" or (form == "없" and tag == "VA") or (form, tag) in _KO_NEGATION:
                rest = morphemes[i + 1 :]
                if form == "없이" or any(is_condition_ending(f, t) or f in ("상태", "경우", "때") for f, t in rest):
                    # the noun phrase the negated verb takes ("메모리 제한을 안 걸면"), or the one before 없이
                    start = _verb_start(morphemes, i, ("VV", "VA", "XSV", "XSA", "EC"))
                    thing = _nouns_before(morphemes, start, particles=True)
                    if start > 0 and morphemes[start][1] == "XSV" and morphemes[start - 1][1] == "NNG":
                        # a noun made a verb takes its object along ("cgroups를 설정하지 않으면": cgroups 설정)
                        noun = start - 1
                        while noun > 0 and morphemes[noun - 1][1].startswith(("NN", "SL")):
                            noun -= 1
                        if noun > 0 and morphemes[noun - 1][1] == "JKO":
                            thing = f"{_nouns_before(morphemes, noun, particles=True)} {thing}".strip()
                    absent.append(thing)
    return Qualifiers(
        universal,
        whole,
        rarely=rarely,
        likeness=tuple(x.strip() for x in likeness if x.strip()),
        means=tuple(x.strip() for x in means if x.strip()),
        absent=tuple(x.strip() for x in absent if x.strip()),
        place=_place(question),
    )


# General English and Korean words that put a thing inside or outside another; each side is the other's opposite.
_EN_INSIDE = re.compile(r"\b(?:inside|within|internal|internally)\b")
_EN_OUTSIDE = re.compile(r"\b(?:outside|external|externally)\b")
_KO_INSIDE = ("내부", "안쪽")
_KO_OUTSIDE = ("외부", "바깥", "밖")


def _place(text: str) -> str:
    """"in" when a text puts something inside another ("inside the container", "컨테이너 내부"), "out" when outside,
    "" when it says neither or both."""
    lowered = text.lower()
    inside = bool(_EN_INSIDE.search(lowered)) or any(word in text for word in _KO_INSIDE)
    outside = bool(_EN_OUTSIDE.search(lowered)) or any(word in text for word in _KO_OUTSIDE)
    return "in" if inside and not outside else "out" if outside and not inside else ""


def _speaks_of(phrase: str, keys: frozenset[str], terms: TermWeights) -> bool:
    """Whether every known term of the phrase is among the keys."""
    wanted = terms.keys(phrase, known_only=True)
    return bool(wanted) and wanted <= keys


def _mostly_speaks_of(phrase: str, keys: frozenset[str], terms: TermWeights) -> bool:
    """Whether the keys hold at least half (IDF-weighted) of the known terms of a phrase (or it has none), the terms the
    posts are about aside ("running the container with --network host" is done by --network host: every passage runs
    containers)."""
    wanted = terms.keys(phrase, known_only=True) & _past_topic(phrase, terms)
    return not wanted or terms.weight(wanted & keys) >= 0.5 * terms.weight(wanted)


def fits(form: Qualifiers, text: str, own: str, terms: TermWeights) -> bool:
    """Whether a piece of evidence (its text, and its own words: a row's case, a clause) answers the question's case."""
    if form.universal and not (_EN_UNIVERSAL.search(text.lower()) or any(word in text for word in _KO_UNIVERSAL)):
        return False
    if form.rarely and not (_EN_RARELY.search(text.lower()) or any(word in text for word in _KO_RARELY)):
        return False
    own_keys = terms.keys(own)
    if form.means and not all(_mostly_speaks_of(thing, own_keys | terms.keys(text), terms) for thing in form.means):
        return False  # it does not say that it is done that way
    if form.absent:
        # evidence that names what the question goes without speaks of it being there, unless its own condition is that
        # thing's absence ("cgroups를 설정하지 않으면 시스템 자원을 모두 사용 가능" for "without cgroup limits, …?")
        condition = _condition_text(text)
        without = terms.keys(condition) if condition and _negated_condition(condition) else frozenset()
        if any(_speaks_of(thing, own_keys, terms) and not terms.keys(thing, known_only=True) & without for thing in form.absent):
            return False  # about the thing the question goes without
    if form.place and _place(text) not in ("", form.place):
        return False  # "does a volume keep the data inside the container?" - "a volume stores data outside the container"
    return _likened(text) or not any(_speaks_of(thing, own_keys, terms) for thing in form.likeness)


def _says_absence(question: str, form: Qualifiers) -> bool:
    """Whether a question says that something is absent or not done, anywhere ("with no limits", "제한 안 걸면")."""
    return bool(form.absent) or bool(_EN_STATEMENT_NEGATION.search(question.lower())) or _question_negated(question)


# "A instead of B", "A rather than B", "B 대신 A": the sentence says A of its subject, and that B is what it is not.
_EN_REPLACING = re.compile(r"\b(?:instead of|rather than|in place of)\b")
_EN_REPLACED = re.compile(rf"{_EN_REPLACING.pattern}\s+([^,.;:!?]+)")
_KO_REPLACED = "대신"


@lru_cache(maxsize=4096)
def _replaced(text: str) -> list[str]:
    """The phrases a sentence says something is used or done in place of ("instead of hypervisor-based virtualization",
    "하이퍼바이저 기반 가상화(VM) 대신": the nouns before 대신 back to the last word with a particle or an ending).
    Cached: every question's evidence is read again; callers do not change the list."""
    phrases = [match.group(1) for match in _EN_REPLACED.finditer(text)]
    if _KO_REPLACED in text:
        from .lexical import tagged_morphemes

        words = text.split()
        for i, word in enumerate(words):
            if word.startswith(_KO_REPLACED) and i:
                before: list[str] = []
                for earlier in reversed(words[:i]):
                    tags = [tag for _, tag in tagged_morphemes(earlier)]
                    if not tags or not all(tag.startswith(("NN", "SL", "SN", "SS", "SH", "XSN")) for tag in tags):
                        break
                    before.insert(0, earlier)
                if before:
                    phrases.append(" ".join(before))
    return phrases


def _without_replaced(text: str) -> str:
    """A sentence without what it says something is used in place of, nor the words that say so ("Docker uses
    OS-level virtualization instead of hypervisor-based virtualization" -> "Docker uses OS-level virtualization")."""
    phrases = _replaced(text)
    if not phrases:
        return text
    text = _EN_REPLACED.sub(" ", text)
    for phrase in phrases:
        text = re.sub(re.escape(phrase) + rf"\s+{_KO_REPLACED}\S*", " ", text)
    return re.sub(r"\s{2,}", " ", text)


def _same_replacement(question: str, sentence: str, terms: TermWeights) -> bool | None:
    """For a question that says one thing is used in place of another, as the sentence does: True when it puts the
    two the sentence's way round (what the sentence says is replaced is what the question says is replaced, and not
    what it says is used), False the other way round, None when the two are not clearly the same pair. Only the words
    that set the two sides apart count, and only words that name something ("기반", "based" are said of anything)."""

    def naming(found: frozenset[str]) -> frozenset[str]:
        return frozenset(word for word in found if _naming(word))

    def sides(text: str, words) -> tuple[frozenset[str], frozenset[str]] | None:
        old = frozenset(word for phrase in _replaced(text) for word in words(phrase))
        new = frozenset(words(_without_replaced(text)))
        old, new = naming(old - new), naming(new - old)
        return (old, new) if old and new else None

    # by the words as written (a glossary entry may join both sides: "하이퍼바이저" and "가상화"), else by their keys
    # (a question in the other language)
    for words in (tokenize, terms.keys):
        asked, said = sides(question, words), sides(sentence, words)
        if asked is None or said is None:
            continue
        (asked_old, asked_new), (said_old, said_new) = asked, said
        if asked_old & said_old and not asked_old & said_new and not asked_new & said_old:
            return True
        if asked_old & said_new and asked_new & said_old and not asked_old & said_old:
            return False
    return None


def _asks_what_is_replaced(text: str, asked: frozenset[str]) -> bool:
    """Whether the question (its words, `asked`) names what a piece of evidence says something is used in place of, and
    nothing else of it does: "Docker uses OS-level virtualization instead of hypervisor-based virtualization (VM)" does
    not say yes to "is Docker a lightweight VM?"."""
    for phrase in _replaced(text):
        # by the words themselves (a glossary entry may join the replaced thing and its replacement: "VM", "가상화"),
        # and only by a word that names something: "based" or "기반" is said of anything
        shared = (set(tokenize(phrase)) - set(tokenize(text.replace(phrase, " ")))) & asked
        if any(not TermWeights.everyday(word) for word in shared):
            return True
    return False


def _evidence_text(claim: Claim) -> str:
    """The text a claim's case is read from: a table row whole (its condition may sit in another cell), else the clause
    with its condition."""
    return claim.chunk.text if claim.column >= 0 else (claim.own or claim.text)


def _without_what_is_asked(text: str, asked_keys: frozenset[str], terms: TermWeights) -> bool:
    """Whether evidence speaks of the case without something the question names (at least half of it, IDF-weighted)."""
    for thing in qualifiers(text).absent:
        wanted = terms.keys(thing, known_only=True)
        if wanted and terms.weight(wanted & asked_keys) >= 0.5 * terms.weight(wanted):
            return True
    return False


def _negating(pair: tuple[str, str]) -> bool:
    """Whether a Korean morpheme negates a question: a negation, or 없이 ("설정 없이 돌아가?", without) as
    korean_negation reads it."""
    return pair in _KO_NEGATION or pair == ("없이", "MAG")


def _question_negated(question: str) -> bool:
    if question_language(question) == "ko":
        from .lexical import tagged_morphemes

        return any(_negating(pair) for pair in tagged_morphemes(question))
    return bool(re.search(r"^\s*\w+n't\b|\bnot\b", question.lower()))
