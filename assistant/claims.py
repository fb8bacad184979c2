"""Claims read from an article: which predicate a table row or a clause asserts, denies or hedges, and about what."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .ingest import Chunk
from .lexicon import HANGUL, Lexicon, english_words
from .question import EN_PREVENTS, KO_PREVENTS, with_korean_phrases

Value = str  # "yes" | "no" | "partial" (depends) | "may" | "can" (yes to "can it?", partly to "is it?")

# The words of English negation ("lacks X" says it has no X; "doesn’t" is "doesn't" as typeset); a claim also reads
# "without" as one, where a statement of the question's words reads it as a restriction (verdict._EN_RESTRICTED).
EN_NEGATION_WORDS = "not|no|never|cannot|neither|nor|none|lack|lacks|lacked|lacking"
# (not a word of a hyphenated name: "no-new-privileges" is an option)
_EN_NEGATION = re.compile(rf"\b({EN_NEGATION_WORDS}|without)\b(?!-[a-z0-9])|n['’]t\b")
_EN_MAY = re.compile(r"\b(may|might|could|possibly|potentially)\b")
_EN_PARTIAL = re.compile(r"\b(partially|partly|optionally|sometimes|depend|depends|depending)\b")
_EN_CAN = re.compile(r"\b(can|able|possible)\b")
_EN_CONDITION = re.compile(r"^\s*(if|when|whenever|unless|once)\b")
_EN_PURPOSE = re.compile(r"^\s*(?:for|to|in order to|so as to)\b")
# A dash between spaces sets off a clause of its own, for claims as for statements (verdict.statement_clauses): "there's
# no lightweight parser — tools like libclang are heavy", "It's fully self-hosted — no data sent to third parties".
EN_DASH_BREAK = r"\s[—–]\s"
_EN_EASE = re.compile(r"\b(?:easy|easier|simple|simpler|hard|harder|difficult|tough|complex|complicated)\s+(?=to\s+[a-z])")
_EN_NONE_EXISTS = re.compile(r"\bthere(?:\s+is|\s+are|'s|’s|\s+exists?)\s+no\b")
_EN_CLAUSES = re.compile(rf"[;,]|{EN_DASH_BREAK}|\bbut\b|\bwhile\b|\bwhereas\b|\bhowever\b")
_EN_THAN = re.compile(r"\bthan\b")
VALUE_SHARE = 0.8  # share of a column's cells that must read as values for it to be a verdict column
# A sentence ends at a full stop, question or exclamation mark followed by a space, or at a line's end; not at the
# stop of a general English abbreviation that goes on within the sentence ("(ex. AWS EBS, NFS 등)", "e.g.", "i.e.").
_SENTENCES = re.compile(
    r"(?<!\bex\.)(?<!\beg\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bcf\.)(?<!\bvs\.)(?<=[.!?])\s+|\n", re.IGNORECASE
)

# Korean morphemes that negate the predicate before them (않다, 없다, 못하다, 아니다) or before which 안/못 negate.
_KO_NEGATION_AFTER = {("않", "VX"), ("없", "VA"), ("못하", "VX"), ("아니", "VCN"), ("불가", "NNG")}
_KO_NEGATION_BEFORE = {("안", "MAG"), ("못", "MAG")}
_KO_CONTENT = ("NNG", "NNP", "XR", "VV", "VA", "SL")
_KO_CONDITION_NOUNS = ("경우", "시", "때")


@dataclass(frozen=True)
class Claim:
    """One predicate a chunk asserts (yes), denies (no) or hedges (partial), with the words of its situation."""

    chunk: Chunk
    predicate: str
    value: Value
    own: str  # the claim's own words: a row's key cell and verdict header, or the clause with its condition
    context: str  # words around it: the row's other cells, the rest of the sentence, the heading
    key: str = ""  # a row's key cell (what makes the row one specific case)
    reference: str = ""  # for a comparison, what the subject is compared with ("Kubernetes" in "Kubernetes보다 간단")
    text: str = ""
    column: int = -1  # a row claim's column in its table
    case_text: str = ""  # for a row whose case is a section of its post, the words only that section has
    other_cases: str = ""  # the words only each other case of that enumeration has (its sibling sections "실행 방식 N")
    antecedent: str = ""  # for a sentence opening with "이를 통해", "this": the sentence before, what it speaks of
    # For a claim about one term of a definition list ("gVisor: …" beside "Kata Containers: …"), each other term of the
    # list with what its section says of it and not of this one: (term, its sentences)
    other_terms: tuple[tuple[str, str], ...] = ()
    # Whether its clause says the predicate is prevented or avoided ("Overlap prevents information loss": the claim of
    # loss is one of its prevention), which a question of the predicate itself reads reversed (verdict._flips)
    prevented: bool = False


def read_claims(chunks: list[Chunk], lexicon: Lexicon) -> dict[str, list[Claim]]:
    """Every claim of the chunks, by chunk id (tables read whole, so a column is judged on all its rows)."""
    out: dict[str, list[Claim]] = {}
    tables: dict[tuple[str, tuple[str, ...]], list[Chunk]] = {}
    sections: dict[tuple[str, str], list[str]] = {}  # (document, section) -> its texts
    last: dict[tuple[str, str, str], str] = {}  # the latest prose of each section in each language
    for chunk in chunks:
        if chunk.draft:
            continue
        if chunk.kind != "section":
            sections.setdefault((chunk.document, chunk.section), []).append(chunk.text)
        if chunk.kind == "row" and chunk.cells:
            tables.setdefault((chunk.section, chunk.header), []).append(chunk)
        elif chunk.kind == "prose":
            place = (chunk.document, chunk.section, chunk.lang)
            claims = prose_claims(chunk, lexicon, last.get(place, ""))
            last[place] = chunk.text
            if claims:
                out[chunk.id] = claims
    for rows in tables.values():
        for chunk, claims in table_claims(rows, lexicon).items():
            out.setdefault(chunk.id, []).extend(claims)
    out = _merge_translated(out, {c.id: c for c in chunks})
    # A claim's surroundings include its whole section (the heading, the scenario's code, the other sentences) and,
    # for a table row whose case is the name of a section of its post ("서로 다른 VM에서 실행" in a summary table,
    # "실행 방식 3: 서로 다른 VM에서 실행" above it), that section too: it tells the case the row sums up; and the
    # example its part of the post sets up (_scenarios), which its cases speak of.
    aligned = _align_rows(tables, list(sections))
    lists = _definition_lists(chunks)

    def named(claim: Claim) -> list[tuple[str, str]]:
        own = (claim.chunk.document, claim.chunk.section)
        key = claim.chunk.cells[0].strip() if claim.column >= 0 and claim.chunk.cells else ""
        exact = [place for place in sections if key and place != own and place[0] == own[0] and _names_case(place[1], key)]
        return exact or ([aligned[(claim.chunk.document, claim.chunk.section, key)]] if (claim.chunk.document, claim.chunk.section, key) in aligned else [])

    own_words = {place: " ".join(sorted(words)) for place, words in _own_words(sections).items()}
    def read_whole(claim: Claim) -> Claim:
        places = named(claim)
        own = (claim.chunk.document, claim.chunk.section)
        surroundings = " ".join(" ".join(sections[place]) for place in [own, *places] if place in sections)
        scenario = " ".join(" ".join(sections[place]) for place in _scenarios(own, sections) if place not in places)
        surroundings = f"{surroundings} {_names_given(scenario)}".strip()
        # A sentence keyed by the case its own section enumerates ("커널을 공유하지 않습니다" under "실행 방식 3: 서로 다른
        # VM에서 실행") is described by that section's own words as a summary row of that case is.
        described = places + ([own] if claim.column < 0 and claim.key and _names_case(claim.chunk.section, claim.key) else [])
        parents = {(place[0], place[1].rsplit(" > ", 1)[0]) for place in described}
        siblings = [
            place for place in own_words
            if place not in described and (place[0], place[1].rsplit(" > ", 1)[0]) in parents
            and _ENUMERATED_HEADING.match(place[1].rsplit(" > ", 1)[-1].strip())
        ]
        return replace(
            claim,
            context=f"{claim.context} {claim.chunk.section} {surroundings}",
            case_text=" ".join(own_words[place] for place in described if place in own_words),
            other_cases=" ".join(own_words[place] for place in siblings),
            other_terms=_other_terms(claim, lists),
        )

    return {chunk_id: [read_whole(c) for c in claims] for chunk_id, claims in out.items()}


def _definition_lists(chunks: list[Chunk]) -> list[tuple[dict[frozenset[str], str], list[tuple[str, frozenset[str]]]]]:
    """Each section whose prose defines two terms or more side by side ("- gVisor: …", "- Kata Containers: …"): its
    terms by their words, and every sentence of its prose in every language with its words."""
    from .lexical import tokenize

    sentences: dict[tuple[str, str], list[str]] = {}
    for chunk in chunks:
        if chunk.kind == "prose" and not chunk.draft:
            sentences.setdefault((chunk.document, chunk.section), []).extend(split_sentences(chunk.text))
    lists = []
    for texts in sentences.values():
        defined = {frozenset(tokenize(term)): term for term in map(definition_term, texts) if term and tokenize(term)}
        if len(defined) > 1:
            lists.append((defined, [(text, frozenset(tokenize(text))) for text in texts]))
    return lists


def _other_terms(claim: Claim, lists) -> tuple[tuple[str, str], ...]:
    """For a claim whose key names one term of a definition list (the line "gVisor: …" itself, or the row "Kata Containers
    등 커널 분리 기술 사용" of a table elsewhere), each other term of that list with the sentences of the list's section
    that name it and not the claim's term ("VM 수준의 격리를 원한다면 Kata Containers를 고려해야 합니다")."""
    from .lexical import tokenize

    key = frozenset(tokenize(claim.key))
    out: list[tuple[str, str]] = []
    for defined, texts in lists:
        subjects = [words for words in defined if words <= key]
        if len(subjects) != 1:
            continue
        for words, term in defined.items():
            if words != subjects[0] and not words <= key:
                said = [text for text, tokens in texts if words <= tokens and not subjects[0] <= tokens]
                out.append((term, " ".join(said)))
    return tuple(out)


def _own_words(sections: dict[tuple[str, str], list[str]]) -> dict[tuple[str, str], frozenset[str]]:
    """The words only one section of its post has ("EC2", "인스턴스" in "실행 방식 3: 서로 다른 VM에서 실행"), by section.
    Everyday words ("still" of "still share") describe no case: only words rarer than COMMON_ZIPF name one."""
    from .answerability import COMMON_ZIPF, zipf
    from .lexical import tokenize

    tokens = {place: set(tokenize(" ".join(texts))) for place, texts in sections.items()}
    seen: Counter = Counter(token for place in tokens for token in tokens[place])

    def names_a_case(token: str) -> bool:
        return seen[token] == 1 and not token.isdigit() and zipf(token, "ko" if HANGUL.search(token) else "en") < COMMON_ZIPF

    return {place: frozenset(t for t in tokens[place] if names_a_case(t)) for place in tokens}


def enumerated_case_words(chunks: list[Chunk]) -> dict[tuple[str, str], frozenset[str]]:
    """The words only its own section has, for each section whose heading enumerates one case of several ("실행 방식 1:
    하나의 docker-compose로 실행": docker-compose.yml; "실행 방식 3: …": EC2), by (document, section)."""
    sections: dict[tuple[str, str], list[str]] = {}
    for chunk in chunks:
        if not chunk.draft and chunk.kind != "section":
            sections.setdefault((chunk.document, chunk.section), []).append(chunk.text)
    return {
        place: words for place, words in _own_words(sections).items()
        if words and _ENUMERATED_HEADING.match(place[1].rsplit(" > ", 1)[-1].strip())
    }


ALIGNED_ROW = 0.3  # share of the words of a row's case and an enumerated heading's (Jaccard) for the one to sum up the other


def _align_rows(tables: dict, places: list[tuple[str, str]]) -> dict[tuple[str, str, str], tuple[str, str]]:
    """The enumerated section each row of a summary table sums up when the row's case is that section's in other
    words ("docker-compose 하나로 실행" for "실행 방식 1: 하나의 docker-compose로 실행"): among a table's rows and the
    enumerated sections beside it (the same parent heading), the pairs that share the most of their words, each row
    and each section at most once, most alike first. Keyed by (document, table section, row case)."""
    from .lexical import tokenize

    out: dict[tuple[str, str, str], tuple[str, str]] = {}
    for (table_section, _header), rows in tables.items():
        document = rows[0].document
        parent = table_section.rsplit(" > ", 1)[0]
        cases = {
            place: set(tokenize(found.group("case")))
            for place in places
            if place[0] == document and place[1] != table_section and place[1].rsplit(" > ", 1)[0] == parent
            and (found := _ENUMERATED_HEADING.match(place[1].rsplit(" > ", 1)[-1].strip()))
        }
        keys = {row.cells[0].strip(): set(tokenize(row.cells[0])) for row in rows if row.cells and row.cells[0].strip()}
        pairs = sorted(
            ((len(words & case) / len(words | case), key, place) for key, words in keys.items() for place, case in cases.items() if words | case),
            key=lambda item: -item[0],
        )
        taken: set = set()
        for share, key, place in pairs:
            if share >= ALIGNED_ROW and key not in taken and place not in taken:
                taken |= {key, place}
                out[(document, table_section, key)] = place
    return out


def _names_case(section: str, key: str) -> bool:
    """Whether a section's heading is a row's case itself, after a label ("실행 방식 3: 서로 다른 VM에서 실행" for the row
    "서로 다른 VM에서 실행"), not a heading that only mentions it ("왜 Host OS의 커널을 공유할까?")."""
    heading = section.rsplit(" > ", 1)[-1].strip()
    return key in (heading, heading.split(":", 1)[-1].strip())


def _merge_translated(claims: dict[str, list[Claim]], chunks: dict[str, Chunk]) -> dict[str, list[Claim]]:
    """Read each claim in both languages of a translated post: the original's claim keeps its value and gains the
    translation's words; a claim the two readings disagree on is dropped (a misreading in one of them).

    A translation's claim never stands alone: the original is the evidence.
    """
    translated: dict[str, list[Claim]] = {}
    for chunk_id, found in claims.items():
        chunk = chunks.get(chunk_id)
        if chunk is not None and chunk.original:
            translated.setdefault(chunk.original, []).extend(found)
    out: dict[str, list[Claim]] = {}
    for chunk_id, found in claims.items():
        chunk = chunks.get(chunk_id)
        if chunk is None or chunk.original:
            continue
        others = translated.get(chunk_id)
        if others is None:
            out[chunk_id] = found
            continue
        kept = []
        for claim in found:
            # Rows pair by their column (header position); clauses by predicate, when it is unambiguous.
            same = [o for o in others if o.predicate == claim.predicate and o.column == claim.column]
            if len(same) == 1 and same[0].value != claim.value and {same[0].value, claim.value} not in ({"yes", "can"}, {"can", "may"}):
                # "is simpler" and "can be used as simpler" agree, as "저하될 수 있습니다" and its "may decrease" do (Korean
                # "-ㄹ 수 있다" says both can and may); "is" and "is not" do not
                continue
            if len(same) == 1:
                other = same[0]
                claim = replace(
                    claim,
                    own=f"{claim.own} {other.own}",
                    key=f"{claim.key} {other.key}".strip(),
                    reference=f"{claim.reference} {other.reference}".strip(),
                    context=f"{claim.context} {other.context}",
                )
            elif claim.column >= 0 and any(o.column >= 0 for o in others):
                # A row's case reads in both languages whatever its cell says: its key cell is the same in every column.
                claim = replace(claim, key=f"{claim.key} {next(o for o in others if o.column >= 0).key}")
            kept.append(claim)
        if kept:
            out[chunk_id] = kept
    return out


def _heading(chunk: Chunk) -> str:
    return chunk.section.rsplit(" > ", 1)[-1]


# --- tables -----------------------------------------------------------------
def cell_claim(cell: str, header: str, lexicon: Lexicon) -> tuple[str, Value] | None:
    """(predicate, value) of a verdict cell: a mark read through its header (O + "영향 여부"), or a short predicate."""
    value = lexicon.cell_value(cell)
    if value is not None:
        predicate = lexicon.predicate_in(header)
        return (predicate, value) if predicate else None
    if len(cell) > 12 or len(cell.split()) > 3:
        return None
    found = clause_claims(cell, lexicon) if HANGUL.search(cell) else english_clause_claims(cell, lexicon)
    return (found[0][0], found[0][1]) if len(found) == 1 else None


def table_claims(rows: list[Chunk], lexicon: Lexicon) -> dict[Chunk, list[Claim]]:
    """Claims of one table: a column is a verdict column when at least VALUE_SHARE of its cells (and two) read as
    values; a row whose cell does not ("Alternative" among ✓ and ✗) makes no claim there."""
    header = rows[0].header
    out: dict[Chunk, list[Claim]] = {}
    sentences: list[int] = []
    subjects = _subject_columns(rows, lexicon)
    supported = lexicon.predicate_in("supported")
    for column in range(1, len(header)):
        if column in subjects:
            # a feature matrix ("| Feature | Docker | Podman |" with Yes/No): the cell says whether the column's subject
            # supports the row's feature
            read = [(supported, value) if (value := _value_of(row, column, lexicon)) else None for row in rows]
        else:
            read = [cell_claim(row.cells[column], header[column], lexicon) if column < len(row.cells) else None for row in rows]
        values = sum(1 for r in read if r is not None)
        if values < max(2, VALUE_SHARE * len(rows)):
            sentences.append(column)
            continue
        for row, found in zip(rows, read):
            if found is None:
                continue
            predicate, value = found
            out.setdefault(row, []).append(_row_claim(row, header, column, predicate, value, header[column]))
    for column in sentences:
        _sentence_cells(rows, column, out, lexicon)
    return out


def _value_of(row: Chunk, column: int, lexicon: Lexicon) -> str | None:
    return lexicon.cell_value(row.cells[column]) if column < len(row.cells) else None


def _subject_columns(rows: list[Chunk], lexicon: Lexicon) -> frozenset[int]:
    """The columns of a feature matrix: at least two columns of values (Yes/No, ✓/✗, O/X) whose headers name no
    predicate ("Docker", "Podman"), so that each header names a subject and each row a feature it has or lacks; one such
    column alone ("Default") is no comparison of subjects."""
    header = rows[0].header
    found = frozenset(
        column for column in range(1, len(header))
        if lexicon.predicate_in(header[column]) is None
        and sum(1 for row in rows if _value_of(row, column, lexicon)) >= max(2, VALUE_SHARE * len(rows))
    )
    return found if len(found) >= 2 and lexicon.predicate_in("supported") else frozenset()


def _row_claim(
    row: Chunk, header: tuple[str, ...], column: int, predicate: str, value: Value, own: str, reference: str = "", *about: str
) -> Claim:
    """A claim of one table cell, keyed by its row's case (the first cell); the row's other cells are its context."""
    others = " ".join(c for i, c in enumerate(row.cells) if i not in (0, column))
    return Claim(
        row,
        predicate,
        value,
        own=f"{row.cells[0]} {own}",
        context=" ".join([others, *about, _heading(row)]),
        key=row.cells[0],
        reference=reference,
        text=f"{row.cells[0]} — {header[column]}: {row.cells[column]}",
        column=column,
    )


def _sentence_cells(rows: list[Chunk], column: int, out: dict[Chunk, list[Claim]], lexicon: Lexicon) -> None:
    """Claims of a column of sentences ("리소스 제한 안 하면 시스템 전체 CPU를 점유", "다른 컨테이너에는 영향 없음"): each
    cell is read as a clause about its row's case, as a sentence under a heading is about that heading's case."""
    header = rows[0].header
    for row in rows:
        if column >= len(row.cells) or not row.cells[column].strip():
            continue
        cell = row.cells[column]
        if restricted(cell):
            continue  # "애플리케이션 오류는 컨테이너 내부에만 영향": what it affects is only part of what a question asks
        reader = clause_claims if HANGUL.search(cell) else english_clause_claims
        for predicate, value, own, reference in reader(cell, lexicon):
            marked = [i for i, c in enumerate(out.get(row, [])) if c.predicate == predicate and c.column != column]
            if marked:
                # The row's mark already says it ("메모리 폭주 — 영향 여부: O"); the sentence tells what it is about.
                out[row][marked[0]] = replace(out[row][marked[0]], own=f"{out[row][marked[0]].own} {own}")
                continue
            out.setdefault(row, []).append(_row_claim(row, header, column, predicate, value, own, reference, header[column]))


KO_RESTRICTION = {("만", "JX"), ("뿐", "NNB"), ("뿐", "JX"), ("한정", "NNG")}  # "단일 서버에서만", "단일 서버로 한정" (only on one server)
_EN_RESTRICTION = re.compile(r"\b(only|solely|merely|instead|unless|limited to|restricted to|confined to)\b", re.IGNORECASE)


def restricted(text: str) -> bool:
    """Whether a text says something holds only in part ("내부에만", "공유한 경우에만", "only on one server")."""
    if not HANGUL.search(text):
        return bool(_EN_RESTRICTION.search(text))
    from .lexical import tagged_morphemes

    return any(pair in KO_RESTRICTION for pair in tagged_morphemes(text))


# --- prose ------------------------------------------------------------------
# A line break inside a sentence that Markdown source wraps: the line before it ends with no full stop and the line
# after it goes on in lower case ("… If you don't specify a driver, this is\n  the type of network you are creating.").
_SOFT_WRAP = re.compile(r"(?<=[^\s.!?:。])[ \t]*\n[ \t]*(?=[a-z][^\n가-힣]*(?:\n|$))")


def split_sentences(text: str) -> list[str]:
    """The sentences (and lines) of a prose text, a sentence wrapped over lines as one."""
    return list(_sentences(text))


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[str, ...]:
    # cached: the verdict stage splits the same passages for every question
    return tuple(s.strip() for s in _SENTENCES.split(_SOFT_WRAP.sub(" ", text)) if s.strip())


# A line that opens with a short term and a colon ("gVisor: 사용자 공간 커널로 격리", "Use image caching: ...") is the
# entry of a definition list: it speaks of that term, one case among the list's entries, as a table row does.
_DEFINITION = re.compile(r"^\s*([^:：.?!]{1,40}?)\s*[:：]\s+\S")
DEFINITION_WORDS = 4  # at most this many words before the colon


def definition_term(sentence: str) -> str:
    """The term a definition-list line is about, or ""."""
    found = _DEFINITION.match(sentence)
    return found.group(1).strip() if found and len(found.group(1).split()) <= DEFINITION_WORDS else ""


# A sentence that defines a term (general English and Korean): "A Volume is an external directory …", "Kubernetes is a
# tool that …"; "마운트(Mount)는 … 연결하는 것입니다", "Kubernetes는 … 도구입니다" (a topic of at most three words, marked
# with 은/는/이란/란, and a sentence that ends in the copula). A sentence that opens with a subordinator ("Because Docker
# is a …") defines nothing.
_EN_DEFINITION = re.compile(
    r"^(?!(?:because|since|if|when|while|although|though|so|as|once|unless|whether)\b)(?:an?\s+|the\s+)?"
    r"(?P<term>[A-Za-z][\w./-]*(?:\s+[A-Za-z][\w./-]*){0,2})\s+(?:is|are)\s+(?:an?|the)\s",
    re.IGNORECASE,
)
_KO_DEFINITION = re.compile(r"^(?P<term>\S+(?:\s\S+){0,2}?)(?:\([^)]*\))?(?:은|는|이란|란)\s.*(?:입니다|이다|것이다)[.!]?$")


def copular_term(sentence: str) -> str:
    """The term a sentence defines by the copula ("A Volume is an external directory …"), or "" (a definition-list
    line, "gVisor: …", is read by definition_term)."""
    sentence = sentence.strip()
    found = _KO_DEFINITION.match(sentence) if HANGUL.search(sentence) else _EN_DEFINITION.match(sentence)
    return found.group("term") if found else ""


# A heading of an example or scenario (general English and Korean): "예시 시나리오", "예제", "Example", "Scenario".
_EXAMPLE_HEADING = re.compile(r"예시|예제|시나리오|\bexamples?\b|\bscenarios?\b", re.IGNORECASE)


def _names_given(text: str) -> str:
    """The names an example gives its parts: the words that set its identifiers apart (all but the last: "weather" of
    "weather-service") and its words rare in general language ("투두", "5001"); not its everyday nouns ("서비스",
    "service", "포트"), which any question says of anything."""
    from .lexical import compound_parts, is_compound, tokenize
    from .terms import TermWeights

    names: dict[str, None] = {}
    for word in re.findall(r"[\w./-]+", text):
        if HANGUL.search(word):
            names.update(dict.fromkeys(token for token in tokenize(word) if not TermWeights.everyday(token)))
        elif is_compound(word.strip("./-")):
            parts = compound_parts(word.strip("./-"))
            names.update(dict.fromkeys(token for part in parts[:-1] for token in tokenize(part)))
        elif not TermWeights.everyday(word.lower()):
            names.update(dict.fromkeys(tokenize(word)))  # (judged as written: a stem, "servic", is no word)
    return " ".join(names)


def _scenarios(own: tuple[str, str], sections) -> list[tuple[str, str]]:
    """The sections of the example that a section's part of its post sets up: those under a heading of an example
    ("예시 시나리오 > 서비스 구성": the weather and todo services) whose parent section holds `own` too ("커널 공유 여부
    정리 표" sums up how the services of that example are run)."""
    out = []
    for place in sections:
        parts = place[1].split(" > ")
        at = next((k for k, part in enumerate(parts) if _EXAMPLE_HEADING.search(part)), None)
        if place == own or place[0] != own[0] or not at:
            continue
        parent = " > ".join(parts[:at])
        if own[1].startswith(parent + " > ") and not own[1].startswith(" > ".join(parts[: at + 1])):
            out.append(place)
    return out


# A heading that enumerates one of several alternatives ("실행 방식 3: 서로 다른 VM에서 실행", "Option 2: ...",
# "Case A - ...") names the case its section is about.
_ENUMERATED_HEADING = re.compile(r"^.{0,30}?\b(?:\d+|[A-Z])\s*[:：—–-]\s*(?P<case>\S.*)$")


def scenario_case(chunk: Chunk) -> str:
    """The case an enumerated heading names ("서로 다른 VM에서 실행"), or ""."""
    found = _ENUMERATED_HEADING.match(_heading(chunk).strip())
    return found.group("case").strip() if found else ""


def entry_term(chunk: Chunk, sentence: str) -> str:
    """The term of the definition-list entry a sentence belongs to: its own line's ("gVisor: …"), or, for a later
    sentence of the entry that points back to it or names no subject of its own ("`nat`: Stands for … This table is
    used for …"), the entry's; else ""."""
    if defined := definition_term(sentence):
        return defined
    entry = definition_term(chunk.text)
    return entry if entry and (points_back(sentence) or not _has_subject(sentence)) else ""


def _has_subject(sentence: str) -> bool:
    """Whether a Korean sentence names its subject or topic (a noun with 이/가 or 은/는); an English one always does."""
    if not HANGUL.search(sentence):
        return True
    from .lexical import tagged_morphemes

    morphemes = tagged_morphemes(sentence)
    # 은/는 after another particle marks a phrase as a topic, not a noun as the subject ("운영 환경에서는 지양해야 합니다")
    return any(
        tag == "JKS" or (tag == "JX" and form in ("은", "는") and i and not morphemes[i - 1][1].startswith("J"))
        for i, (form, tag) in enumerate(morphemes)
    )


# A sentence that opens by pointing back ("이를 통해 … 제한할 수 있습니다", "This keeps …") speaks of what the sentence
# before it named.
_KO_ANAPHOR = re.compile(r"^(?:이를|이로|이는|이것|이러한|이렇게|그것|그러한|이 때문에)")
_EN_ANAPHOR = re.compile(r"^(?:this|these|that|those|it|through (?:this|these|them)|with (?:this|these)|doing so)\b", re.IGNORECASE)
_KO_DEMONSTRATIVE = ("이", "그")  # the forms that point back to what was said ("이 과정에서", "그 결과"), not "저" (over there)


def points_back(sentence: str) -> bool:
    """Whether a sentence opens by pointing back to the sentence before it: "이를 통해", "this", or in Korean any
    demonstrative determiner or pronoun ("이 과정에서 …", "그 결과 …")."""
    sentence = sentence.strip()
    if not HANGUL.search(sentence):
        return bool(_EN_ANAPHOR.match(sentence))
    if _KO_ANAPHOR.match(sentence):
        return True
    from .lexical import tagged_morphemes

    first = tagged_morphemes(sentence)[:1]
    return bool(first) and first[0][1] in ("MM", "NP") and first[0][0].startswith(_KO_DEMONSTRATIVE)


def antecedent(sentences: list[str], position: int, opening: frozenset[int] = frozenset()) -> str:
    """What the sentence at `position` of a passage's sentences speaks of when it does not name it: the sentences before
    it, back to the first that names its own subject, while each opens by pointing back ("It is generally used only for
    testing" after "This includes …" after "When the --privileged option is used, …") or, in Korean, names no subject
    ("… 포함되며 위험할 수 있습니다. 일반적으로 테스트 용도에서만 사용하고 …"). Only a sentence that points back reaches
    past the start of its paragraph or list item (`opening`: the positions that start one): one without a subject
    there speaks of its heading, and list items say each their own ("- 멀티플랫폼 지원하며 …" after "- Docker는 …").
    "" for a sentence that names its own subject, or a definition-list line (its term is its subject)."""
    start = position
    while start > 0 and not definition_term(sentences[start]):
        if not (points_back(sentences[start]) or (start not in opening and not _has_subject(sentences[start]))):
            break
        start -= 1
    return " ".join(sentences[start:position])


def prose_claims(chunk: Chunk, lexicon: Lexicon, before: str = "") -> list[Claim]:
    """Claims of each clause of a prose chunk, Korean or English; a definition-list line's claims are keyed by its term,
    and a sentence without a subject under a heading that names one case ("커널을 공유하지 않습니다" under "실행 방식 3:
    서로 다른 VM에서 실행") by that case. `before`: the prose before the chunk in its section, which a sentence opening
    with "이를", "this" points back to."""
    claims = []
    case = scenario_case(chunk)
    previous = (split_sentences(before) or [""])[-1]
    for sentence in split_sentences(chunk.text):
        reader = clause_claims if HANGUL.search(sentence) else english_clause_claims
        defined = definition_term(sentence)
        entry = entry_term(chunk, sentence) if not defined else ""
        term = defined or entry or (case if case and not _has_subject(sentence) else "")
        antecedent = previous if points_back(sentence) and not entry else ""
        # A definition line is read past its term, which is a name ("none: Completely isolate a container …" is no negation)
        said = sentence[_DEFINITION.match(sentence).end() - 1 :] if defined else sentence
        kept_from = {lexicon.korean_predicate(head) or lexicon.english_predicate(head) for head, _ in prevented(said)}
        for predicate, value, own, reference in reader(said, lexicon):
            own = f"{term} {own}" if defined or entry else own
            claims.append(
                Claim(
                    chunk, predicate, value, own=f"{own} {antecedent}".strip(), context=f"{sentence} {_heading(chunk)}",
                    key=term, reference=reference, text=sentence, antecedent=antecedent, prevented=predicate in kept_from,
                )
            )
        previous = sentence
    return claims


def _korean_clauses(morphemes: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Split at connective endings and commas, except an ending that leads into an auxiliary (공유하지 않다)."""
    clauses, current = [], []
    for i, (form, tag) in enumerate(morphemes):
        current.append((form, tag))
        following = morphemes[i + 1][1] if i + 1 < len(morphemes) else ""
        if (tag == "EC" and following != "VX") or tag in ("SC", "SF"):
            clauses.append(current)
            current = []
    if current:
        clauses.append(current)
    return [c for c in clauses if any(tag in _KO_CONTENT for _, tag in c)]


def _is_condition(clause: list[tuple[str, str]]) -> bool:
    content = [(f, t) for f, t in clause if not t.startswith(("S", "J"))]
    if not content:
        return False
    form, tag = content[-1]
    return is_condition_ending(form, tag) or form in _KO_CONDITION_NOUNS


def is_condition_ending(form: str, tag: str) -> bool:
    """A conditional connective ending: 면, 으면, 다면, ㄴ다면 (which mecab-ko writes with the final-consonant jamo,
    "ᆫ다면"), 는다면, 라면."""
    return tag == "EC" and form.endswith("면")


def is_modifier(clause: Sequence[tuple[str, str]], k: int) -> bool:
    """Whether the predicate at k only modifies a noun ("같은 네트워크", "간단한 도구"), hedges aside ("받을 가능성")."""
    j = k + 1
    while j < len(clause) and (clause[j][1] in ("XSV", "XSA", "XSN") or clause[j][0] == "가능"):
        j += 1  # "접근 가능한 파일" (files it can access) only modifies "파일" too
    if j < len(clause) and clause[j][1] == "ETM":
        after = clause[j + 1][0] if j + 1 < len(clause) else ""
        return after not in ("가능", "수", "것")
    if j == k + 1 and j < len(clause) and clause[j][1] in ("NNG", "NNP") and clause[j][0] not in _KO_LIGHT | {"여부"}:
        return True  # a noun compound names a thing ("격리 기술", isolation technology); it asserts nothing
    return False


def is_purpose(clause: Sequence[tuple[str, str]], k: int) -> bool:
    """Whether the predicate at k is a purpose ("극복하기 위한 도구", tools to overcome it; "해결하기 위해"): what
    something is for, not what holds."""
    j = k + 1
    while j < len(clause) and clause[j][1] in ("XSV", "XSA"):
        j += 1
    return j + 1 < len(clause) and clause[j] == ("기", "ETN") and clause[j + 1][0] == "위하"


def is_ease(clause: Sequence[tuple[str, str]], k: int) -> bool:
    """Whether the predicate at k says how easy or hard doing something is ("N+1을 숨기기 쉽다", prone to hide it;
    "관리하기 어렵습니다", hard to manage): it speaks of the verb before "-기", not of the subject, and makes no claim."""
    j = k - 1
    while j > 0 and clause[j][1].startswith("J"):
        j -= 1  # "관리하기가 어렵다"
    return j >= 0 and clause[j] == ("기", "ETN")


def _words(clause: list[tuple[str, str]]) -> str:
    return " ".join(form for form, tag in clause if tag in _KO_CONTENT or tag in ("NNB", "SN", "MM"))


KO_NOUNS = ("NNG", "NNP", "SL", "SN")


def nouns_before(morphemes, end: int, tags: tuple[str, ...] = KO_NOUNS, particles: bool = False) -> str:
    """The noun phrase that ends just before `end` (its words' tags start with one of `tags`); with `particles`, after
    stepping back over the particles that end it ("단일 서버에서만": 단일 서버)."""
    while particles and end > 0 and morphemes[end - 1][1].startswith("J"):
        end -= 1
    start = end
    while start > 0 and morphemes[start - 1][1].startswith(tags):
        start -= 1
    return " ".join(form for form, _ in morphemes[start:end])


# A verb of prevention or removal with a noun phrase as its object, up to a preposition or the clause's end ("Overlap
# prevents information loss at chunk boundaries": information loss; "managed offerings take away the control-plane
# work but not …": the control-plane work)
_EN_PREVENTS_NOUN = re.compile(
    r"\b(?:prevents?|prevented|avoids?|avoided|stops?|stopped|eliminates?|eliminated|removes?|removed"
    r"|takes?\s+away|took\s+away|taken\s+away|gets?\s+rid\s+of|got\s+rid\s+of)\s+((?:(?:the|a|an|any)\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)"
    r"(?=\s+(?:at|in|on|of|for|from|by|when|during|between|across|with|and|so|but)\b|\s*[,.;:)]|\s*$)"
)


def prevented(text: str) -> list[tuple[str, str]]:
    """(head, phrase) of what each verb of prevention or avoidance in a text says does not happen: the word it governs
    and the noun phrase that word ends ("to avoid including unnecessary files": including; "불필요한 파일 포함을
    방지합니다": 포함 of "파일 포함"; "Overlap prevents information loss": loss of "information loss")."""
    if HANGUL.search(text):
        from .lexical import tagged_morphemes

        morphemes = tagged_morphemes(text)
        # the object before the verb and its particle ("파일 포함을 방지": 파일 포함)
        phrases = [nouns_before(morphemes, i, ("NNG", "NNP", "SL", "XR"), particles=True) for i, pair in enumerate(morphemes) if pair in KO_PREVENTS]
        return [(phrase.split()[-1], phrase) for phrase in phrases if phrase]
    lowered = text.lower()
    found = [(match.group(0).split()[-1],) * 2 for match in EN_PREVENTS.finditer(lowered) if match.group(0).endswith("ing")]
    found += [
        (match.group(1).split()[-1], match.group(1)) for match in _EN_PREVENTS_NOUN.finditer(lowered)
        if not any(word.endswith("ing") for word in match.group(1).split()) and match.group(1).split()[-1] not in ("it", "them", "this", "that")
    ]
    return found


def clause_claims(sentence: str, lexicon: Lexicon) -> list[tuple[str, Value, str, str]]:
    """(predicate, value, own words, reference) for each Korean clause whose predicate the lexicon knows."""
    from .lexical import tagged_morphemes

    out = []
    condition = ""
    subject = ""  # a clause without a subject of its own speaks of the one before it, as Korean leaves it out
    for clause in _korean_clauses(tagged_morphemes(sentence)):
        if _is_condition(clause):
            condition += " " + _words(clause)
            continue
        marked = next((i for i, (form, tag) in enumerate(clause) if tag == "JKS" or (tag == "JX" and form in ("은", "는"))), None)
        carried, subject = (subject, subject) if marked is None else ("", _words(clause[: marked + 1]))
        compared = next((i for i, (form, tag) in enumerate(clause) if form == "보다" and tag == "JKB"), None)
        # an adverb with its verb is read as in questions ("자원을 모두 사용": occupy)
        predicate_at = with_korean_phrases(
            clause, {i: p for i, (form, tag) in enumerate(clause) if tag in _KO_CONTENT and (p := lexicon.korean_predicate(form))}, lexicon
        )
        positions = sorted(predicate_at)
        if compared is not None:
            after = [i for i in positions if i > compared]
            if not after:
                continue
            k = after[0]
            start = compared
            while start > 0 and clause[start - 1][1] in ("NNG", "NNP", "SL", "SN"):
                start -= 1
            reference = " ".join(form for form, _ in clause[start:compared])
            own = _words(clause[:start] + clause[compared + 1 :])
        else:
            positions = [i for i in positions if not is_modifier(clause, i) and not is_purpose(clause, i) and not is_ease(clause, i)]
            if not positions:
                condition += " " + _words(clause)
                continue
            k, reference, own = positions[-1], "", _words(clause)
        out.append((predicate_at[k], _korean_value(clause, k), f"{condition} {carried} {own}".strip(), reference))
    return out


# Verbs that carry a predicate noun without adding meaning of their own ("영향을 받다", "저하가 발생하다").
_KO_LIGHT = {"하", "되", "받", "주", "있", "없", "않", "아니", "못하", "가능", "가능성", "수", "발생", "존재"}


def _korean_value(clause: list[tuple[str, str]], k: int) -> Value:
    """yes, no, may (할 수도, 가능성) or can (할 수 있다, 가능) from the predicate's own verbal tail."""
    tail = []
    for form, tag in clause[k + 1 :]:
        if tag in _KO_CONTENT and form not in _KO_LIGHT:
            break
        tail.append((form, tag))
    forms = [form for form, _ in tail]
    negated = any(pair in _KO_NEGATION_AFTER for pair in tail) or (k > 0 and clause[k - 1] in _KO_NEGATION_BEFORE)
    if "가능성" in forms or ("가능" in forms and "성" in forms) or any(a == "수" and b == "도" for a, b in zip(forms, forms[1:])):
        return "may"
    if negated:
        return "no"
    if "가능" in forms or any(a == "수" and b in ("있", "있다") for a, b in zip(forms, forms[1:])):
        return "can"
    return "yes"


def english_predicate(clause: str, lexicon: Lexicon) -> tuple[str | None, str, str]:
    """(predicate, reference, own words) of an English clause: in a comparison ("simpler option than Kubernetes"),
    the last predicate before "than" and what follows it; otherwise the last predicate."""
    than = _EN_THAN.search(clause)
    before = clause[: than.start()] if than else clause
    predicates = [p for w in english_words(before) if (p := lexicon.english_predicate(w))]
    if than and predicates:
        return predicates[-1], clause[than.end() :].strip(" ?.!"), before
    return (predicates[-1] if predicates else None), "", clause


def english_clause_claims(sentence: str, lexicon: Lexicon) -> list[tuple[str, Value, str, str]]:
    """(predicate, value, own words, reference) for each English clause whose predicate the lexicon knows."""
    out = []
    condition = ""
    for clause in _EN_CLAUSES.split(sentence.lower()):
        if not clause.strip():
            continue
        if _EN_CONDITION.match(clause) or _EN_PURPOSE.match(clause):
            # a condition, or a fronted purpose ("For full feature access, configuring rules with nft is
            # recommended"): what the clause after it holds in, or aims at, not a claim of its own
            condition += " " + clause
            continue
        # "easy to hide N+1", "difficult to manage containers": how easy doing something is, no claim of the subject (a
        # comparison, "easier to set up than …", still compares)
        predicate, reference, own = english_predicate(clause if _EN_THAN.search(clause) else _EN_EASE.sub(" ", clause), lexicon)
        if _EN_NONE_EXISTS.search(clause):
            continue  # "there's no equivalent lightweight parser" denies that such a thing exists, not that any is lightweight
        if predicate is None:
            condition += " " + clause
            continue
        if _EN_PARTIAL.search(clause):
            value = "partial"
        elif _EN_MAY.search(clause):
            value = "may"
        elif _EN_NEGATION.search(clause):
            value = "no"
        else:
            value = "can" if _EN_CAN.search(clause) else "yes"
        out.append((predicate, value, f"{condition} {own}".strip(), reference))
    return out
