"""Retrieval: the question (glossary-expanded) against FAISS and BM25, fused per chunk and per section."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import numpy as np

from .claims import enumerated_case_words, split_sentences
from .lexical import tokenize
from .question import FIGURE_NOUNS, PROBLEM_HEADING, REMEDY_HEADING, announces_post, asks_about_subject, asks_for_remedy, counts_in, figure_name, is_request_word, options_in, points_at_figure
from .search import CANDIDATES, Fused, dense_candidates, fuse_rankings, group_max, lexical_candidates


# Sections whose scores are this close cannot be told apart by retrieval: first citations that missed the gold
# section led the second by under 0.006 on the question files. The confidence's margin term is scaled by it too.
RANK_MARGIN_SCALE = 0.005
# A summary section says in one line what a section of its post says in full, so its wording matches a question more
# loosely; it leads that section by a little more than the margin within which retrieval cannot tell two sections apart.
# Measured on the older question and conversation sets: twice RANK_MARGIN_SCALE gains first citations in both, four
# times loses single questions ("what are the main drawbacks?", which the summary answers).
SUMMARY_MARGIN = 2 * RANK_MARGIN_SCALE
# A question that names one case of an enumeration by the words only that case's section has ("docker-compose.yml" of
# "실행 방식 1: 하나의 docker-compose로 실행") is about that case; its section comes first within the same margin.
# Measured on the older sets: 5 single questions gained and none lost; conversations lost one first turn and gained
# as many follow-ups as they lost (docs/method.md).
NAMED_CASE_MARGIN = SUMMARY_MARGIN


@dataclass(frozen=True)
class Retrieval:
    """Everything one retrieval produced: the fused chunk ranking and the signals used to judge it."""

    question: str
    ranked: list[Fused]
    sections: list[tuple[tuple[str, str], float, list[Fused]]]  # ((document, anchor), score, its chunks best first)
    features: dict[str, float]
    query_vector: np.ndarray | None
    own_section_scores: dict[tuple[str, str], float] = field(default_factory=dict)  # on untranslated text only
    named: frozenset[tuple[str, str]] = frozenset()  # the sections under a heading the question spells out
    unlearned: list | None = None  # the sections in retrieval's order, when a ranking model reordered them
    titled: bool = False  # the question spells out a heading title that names one part of the posts
    figures: tuple[str, ...] = ()  # the kinds of figure the posts show that it points at ("diagram", "row")


def to_front(sections: list, best: int) -> list:
    """The sections with the one at position `best` moved first, the others in their order."""
    return [sections[best], *sections[:best], *sections[best + 1 :]]


def section_key(chunk) -> tuple[str, str]:
    """The section a chunk belongs to: its post and the heading's anchor (unique on a page)."""
    return (chunk.document, chunk.anchor)


class Retriever:
    """Hybrid retrieval over one loaded index."""

    def __init__(self, index, glossary, terms, embed_query, ranking=None, respell=None):
        self.index = index
        # how a misspelling of a word of the posts is searched ("kubernets": kubernetes), KeySubjects.respelled
        self._respell = respell or (lambda text: text)
        self.glossary = glossary
        self.terms = terms
        self.embed_query = embed_query
        self.ranking = ranking  # a RankingModel fitted for this corpus (assistant/ranking.py), or None
        # A section is known by its post and anchor: two posts may both have an "Introduction".
        self._content_sections = {section_key(c) for c in index.chunks if c.kind != "heading"}
        # A passage whose every sentence announces what the post does ("이 글에서는 … 정리합니다"); a paragraph that
        # also says something of its own is not one.
        self._announcing = frozenset(
            i for i, c in enumerate(index.chunks)
            if c.kind == "prose" and all(announces_post(sentence) for sentence in split_sentences(c.text))
        )
        self._titles = section_titles(index.chunks, self._content_sections)
        self._title_patterns = [
            (title, re.compile(rf"(?<![a-z0-9]){re.escape(title)}(?![a-z0-9])")) for title in self._titles
        ]
        self._positions: dict[tuple[str, str], list[int]] = {}  # a section's chunks, by their place in the index
        for i, chunk in enumerate(index.chunks):
            if not chunk.draft:
                self._positions.setdefault(section_key(chunk), []).append(i)
        # The sections a post closes with, by a heading that says so ("Conclusion", "Wrapping Up", "마무리", "결론"),
        # and the parts that sum it up, by a top-level heading that says so ("Summary", "도커의 단점 요약")
        self._conclusions = self._titled(index.chunks, _CONCLUSION, -1)
        self._faqs = faq_sections(index.chunks, self._content_sections)
        self._summaries = self._titled(index.chunks, _SUMMARY, 0)
        # A section split into the problem and what to do about it ("문제 요약" / "해결 방안", "Problem" / "Solution"):
        # the halves, by their own headings, and the section each is a half of.
        self._remedies = self._titled(index.chunks, REMEDY_HEADING, -1)
        self._problems = self._titled(index.chunks, PROBLEM_HEADING, -1) - self._remedies
        enumerated = enumerated_case_words(index.chunks)
        self._case_words = {section_key(c): enumerated[(c.document, c.section)] for c in index.chunks if (c.document, c.section) in enumerated}
        self._parents = {section_key(c): (c.document, c.section.rsplit(" > ", 1)[0]) for c in index.chunks if " > " in c.section}
        self._shapes: dict[tuple[str, str], dict] = {}
        # The sections that show a diagram or a table, by kind of figure.
        self._figures: dict[str, frozenset[tuple[str, str]]] = {
            kind: frozenset(section_key(c) for c in index.chunks if c.kind == kind and not c.draft) for kind in ("diagram", "row")
        }
        # The figures a heading titles ("단점 해결 다이어그램", "Summary Table"): per kind, each section that shows one under
        # a heading with a noun of that kind, and the words of its heading (in every language of the posts) besides.
        self._figure_titles: dict[str, list[tuple[tuple[str, str], frozenset[str]]]] = {}
        for kind, sections in self._figures.items():
            # (a noun the tokenizer clips, "구조도" to "구조", would take its heading's word for the figure's)
            nouns = self.terms.keys(" ".join(n for n in FIGURE_NOUNS[kind] if n.isascii() or tokenize(n) == [n]))
            for key in sorted(sections):
                words = self.terms.keys(" ".join(path.split(" > ")[-1] for path in self._heading_paths(key)), known_only=True)
                if words & nouns:
                    self._figure_titles.setdefault(kind, []).append((key, words - nouns))
        # The command-line options the posts write ("--network host", "--cache-from"), alone and with the word after
        # them: the sections that write each.
        self._options: dict[tuple[str, ...], set[tuple[str, str]]] = {}
        for chunk in index.chunks:
            key = section_key(chunk)
            if chunk.draft or key not in self._content_sections:
                continue
            for option, argument in options_in(chunk.text):
                self._options.setdefault((option,), set()).add(key)
                if argument:
                    self._options.setdefault((option, argument), set()).add(key)

        # What each section's own heading counts ("하나의 docker-compose로 실행": one docker-compose; "Compose 파일을
        # 2개로 나눠서 실행": two Compose files), in every language of the posts, as (number, the counted thing's keys)
        self._heading_counts: dict[tuple[str, str], frozenset[tuple[int, frozenset[str]]]] = {}
        for key in self._positions:
            counted = frozenset(
                counted for path in self._heading_paths(key) for counted in self._counted(path.split(" > ")[-1])
            )
            if counted:
                self._heading_counts[key] = counted

    def _heading_paths(self, key: tuple[str, str]) -> set[str]:
        """A section's heading paths, in every language of the posts."""
        chunks = [self.index.chunks[i] for i in self._positions.get(key, ())]
        return {c.section for c in chunks} | {c.section_translated for c in chunks if c.section_translated}

    def _counted(self, text: str) -> list[tuple[int, frozenset[str]]]:
        """What a text counts (question.counts_in), each counted thing by its known term keys."""
        return [(number, keys) for number, phrase in counts_in(text) if (keys := self.terms.keys(phrase, known_only=True))]

    def count_first(self, found: Retrieval, text: str | None = None) -> Retrieval:
        """A question that counts a thing ("one compose file", "compose 파일 하나로") reads the section whose heading
        counts it the same ("하나의 docker-compose로 실행"), not one whose heading counts it otherwise ("Compose 파일을 2개로
        나눠서 실행") or not at all ("서로 다른 VM에서 실행"): when the first section's heading does not give the question's
        number for a thing it counts, the first section that retrieval found whose heading does comes first. Not
        for a question that names a part by its heading. `text`: what to read the counts of, when not the question
        retrieved (a follow-up as typed)."""
        sections = found.sections
        if found.named or not sections or not self._heading_counts:
            return found
        asked = self._counted(found.question if text is None else text)
        if not asked or self._agreement(asked, sections[0][0]):
            return found
        best = next((i for i, (key, _, _) in enumerate(sections) if self._agreement(asked, key)), None)
        return found if best is None else replace(found, sections=to_front(sections, best))

    def count_agreement(self, question: str, key: tuple[str, str]) -> bool | None:
        """Whether a section's heading counts a thing the question counts with the same number (True), only with
        another (False), or counts nothing the question does (None)."""
        return self._agreement(self._counted(question), key) if key in self._heading_counts else None

    def _agreement(self, asked: list[tuple[int, frozenset[str]]], key: tuple[str, str]) -> bool | None:
        said = [number == n for number, keys in asked for n, k in self._heading_counts.get(key, ()) if keys & k]
        return any(said) if said else None

    def shape(self, key: tuple[str, str]) -> dict:
        """What a section is, for the ranking model: its heading's and heading path's term keys (in every language of
        the posts), how many passages it has, whether it holds a table or code, sums the post up, is a problem's or a
        remedy's half, or is headed by a question, and its depth."""
        if key not in self._shapes:
            chunks = [self.index.chunks[i] for i in self._positions.get(key, ())]
            paths = self._heading_paths(key)
            heading = " ".join(path.split(" > ")[-1] for path in paths)
            self._shapes[key] = {
                "heading_keys": self.terms.keys(heading, known_only=True),
                "path_keys": self.terms.keys(" ".join(paths), known_only=True),
                "text_keys": self.terms.keys(" ".join(c.text for c in chunks), known_only=True),
                "passages": sum(1 for c in chunks if c.kind in ("prose", "row") and not c.original),
                "table": any(c.kind == "row" for c in chunks),
                "code": any(c.kind == "code" for c in chunks),
                "summary": key in self._summaries,
                "problem_half": key in self._problems,
                "remedy_half": key in self._remedies,
                "question_heading": any(path.split(" > ")[-1].strip().endswith("?") for path in paths),
                "depth": min((path.count(" > ") for path in paths), default=0),
            }
        return self._shapes[key]

    def _titled(self, chunks, pattern: re.Pattern, depth: int) -> frozenset[tuple[str, str]]:
        """The sections whose heading at `depth` of their path (0: top level, -1: their own) matches a pattern, in the
        post's language or a translation's."""
        return frozenset(
            section_key(c) for c in chunks
            if section_key(c) in self._content_sections and not c.draft
            and any(pattern.search(_normalized(path.split(" > ")[depth])) for path in (c.section, c.section_translated) if path)
        )

    def retrieve(self, text: str, mode: str = "hybrid", learned: bool = True, counted: bool = True) -> Retrieval:
        """Rank chunks and sections for a question with dense, BM25 or hybrid retrieval; with `learned`, the corpus's
        ranking model (if one was fitted) orders the first sections; with `counted`, a section whose heading counts a
        thing as the question does comes first (count_first)."""
        # Domain terms of the other language (kernel -> 커널) help both the BM25 and the dense query.
        searched = self.respelled(text)
        expanded = f"{searched} {self.glossary.expand(searched)}".strip()
        vector = self.embed_query(expanded)
        dense = dense_candidates(self.index.faiss_index, vector, CANDIDATES)
        lexical = lexical_candidates(self.index.bm25, tokenize(expanded), CANDIDATES)
        chunks = self.index.chunks
        # The mode picks the ranking; the refusal signals always come from both lists.
        features = self.features(dense, lexical, tokenize(text), vector)
        named, titled = self.named_sections(text)
        figures = tuple(kind for kind, sections in self._figures.items() if sections and points_at_figure(text, (kind,)))
        named = named or self.titled_figure(text, figures) or self.optioned(text)
        if named and mode != "bm25" and not any(section_key(chunks[i]) in named for i in dense):
            # The part of the post the question names is scored even when no passage of it came among the candidates
            members = [i for key in named for i in self._positions.get(key, ())]
            dense = {**dense, **{i: float(self.index.faiss_index.reconstruct(i) @ vector) for i in members}}
        if mode == "bm25":
            dense = {}
        elif mode == "dense":
            lexical = {}
        ranked = fuse_rankings(dense, lexical, mode)

        # A sentence announcing what the post does ranks its section only for a question about the post's subject.
        announcing = frozenset() if asks_about_subject(text) else self._announcing

        def section_of(i: int) -> tuple[str, str] | None:
            key = section_key(chunks[i])
            return key if key in self._content_sections and i not in announcing else None

        section_scores = fuse_rankings(group_max(dense, section_of), group_max(lexical, section_of), mode)
        members: dict[str, list[Fused]] = {}
        for item in ranked:
            members.setdefault(section_key(chunks[item.key]), []).append(item)
        sections = [(s.key, s.score, members.get(s.key, [])) for s in section_scores if members.get(s.key)]

        def own_section(i: int) -> tuple[str, str] | None:
            return None if chunks[i].original else section_of(i)

        if named and sections:
            # A question that names a part of a post by its heading ("in the summary table", "마무리에서") is about
            # that part: the best of its sections that retrieval found comes first.
            best = next((i for i, section in enumerate(sections) if section[0] in named), 0)
            sections = to_front(sections, best)
        elif sections and sections[0][0] in self._summaries and not _ASKS_SUMMARY.search(_normalized(text)):
            # A post's summary restates its own sections: when the summary leads a section it restates by less than
            # SUMMARY_MARGIN, that section answers, unless the question asks for a summary.
            best = next(
                (i for i, (key, score, _) in enumerate(sections)
                 if key not in self._summaries and sections[0][1] - score <= SUMMARY_MARGIN), 0,
            )
            sections = to_front(sections, best)
        if not named and sections:
            tokens = set(tokenize(text))
            cases = [key for key, words in self._case_words.items() if words & tokens]
            if len(cases) == 1 and sections[0][0] != cases[0]:
                # "docker-compose.yml 하나로 띄우면 …?" names the case of "실행 방식 1" by the file only its section has
                best = next((i for i, (key, score, _) in enumerate(sections) if key == cases[0] and sections[0][1] - score <= NAMED_CASE_MARGIN), 0)
                sections = to_front(sections, best)
        # Section scores over the posts' own text alone, in the scale the snippet margin is set in.
        own = fuse_rankings(group_max(dense, own_section), group_max(lexical, own_section), mode)
        found = self.remedy_first(
            Retrieval(text, ranked, sections, features, vector, {s.key: s.score for s in own}, named, titled=titled, figures=figures)
        )
        if learned and mode == "hybrid" and not named and self.ranking is not None:
            # The model was fitted on hybrid retrieval's scores. A question that names a part of a post by its
            # heading says itself where it looks.
            from .ranking import reorder

            found = replace(found, sections=reorder(self.ranking, self, text, found.sections), unlearned=found.sections)
        found = self.figure_first(found)
        return self.count_first(found) if counted else found

    def figure_first(self, found: Retrieval) -> Retrieval:
        """A question that points at "the diagram" or "the table" ("in the fix diagram, …", "요약표 기준으로 …") reads a
        section that shows one: when the first section shows none, the section whose figure of that kind matches the
        question best comes first. Not for a question that names a part by its heading."""
        kinds = found.figures
        if found.named or not kinds or not found.sections or any(found.sections[0][0] in self._figures[kind] for kind in kinds):
            return found
        chunks = self.index.chunks
        best = next(
            (section_key(chunks[item.key]) for item in found.ranked if chunks[item.key].kind in kinds and not chunks[item.key].draft),
            None,
        )
        at = next((i for i, (key, _, _) in enumerate(found.sections) if key == best), None)
        return found if at is None else replace(found, sections=to_front(found.sections, at))

    def titled_figure(self, text: str, kinds: tuple[str, ...]) -> frozenset[tuple[str, str]]:
        """The figure a question names by the words of its heading ("in the fix diagram": "단점 해결 다이어그램"): the one
        section that shows a figure of a kind the question points at under a heading that holds every word the
        question names it by; none when several do ("the summary table": "요약 테이블", "Kernel Sharing Summary Table")."""
        titled = {
            key
            for kind in kinds
            if (name := self.terms.keys(figure_name(text, kind), known_only=True))
            for key, words in self._figure_titles.get(kind, ())
            if name <= words
        }
        return frozenset(titled) if len(titled) == 1 else frozenset()

    def optioned(self, text: str) -> frozenset[tuple[str, str]]:
        """The one section that writes every command-line option the question spells out ("is --network host safe?", "-v
        옵션 예시 보여줘"),
        each told apart by the word after it when several sections write it ("--network host", "--network
        my-network"); none when an option is written nowhere, or in several sections the question does not tell apart."""
        found: set[tuple[str, str]] | None = None
        for option, argument in options_in(text):
            sections = self._options.get((option,))
            if not sections:
                continue
            if len(sections) > 1:
                sections = self._options.get((option, argument), sections) if argument else sections
            found = set(sections) if found is None else found & sections
        return frozenset(found) if found is not None and len(found) == 1 else frozenset()

    def respelled(self, text: str) -> str:
        """The question as it is searched: each misspelling of a word of the posts written as that word."""
        return self._respell(text)

    def remedy_first(self, found: Retrieval) -> Retrieval:
        """A question of what to do ("how do I keep the data?", "어떻게 막아요?") is answered by what to do about a
        problem, not by the problem: when a problem's half of a section ranks first ("문제 요약"), the remedy's half beside
        it ("해결 방안") comes first, if retrieval found it. Not for a question that names a part by its heading."""
        sections = found.sections
        if found.named or not sections or sections[0][0] not in self._problems or not asks_for_remedy(found.question):
            return found
        parent = self._parents.get(sections[0][0])
        best = next((i for i, (key, _, _) in enumerate(sections) if key in self._remedies and self._parents.get(key) == parent), 0)
        return replace(found, sections=to_front(sections, best))

    def named_sections(self, text: str) -> tuple[frozenset[tuple[str, str]], bool]:
        """The sections under the longest heading title the question spells out, in any of the posts' languages, or
        the posts' concluding sections when it asks about "the conclusion" ("the wrap-up", "결론", "마무리에서"); and
        whether a title named them."""
        lowered = _normalized(text)
        named = [title for title, pattern in self._title_patterns if pattern.search(lowered)]
        if named:
            return self._titles[max(named, key=len)], True
        if _CONCLUSION.search(lowered):
            return self._conclusions, False
        return (self._faqs if FAQ_WORDS.search(lowered) else frozenset()), False

    def features(self, dense, lexical, raw_tokens, vector) -> dict[str, float]:
        """Signals of whether the article answers the question at all.

        `background_gap` compares the best match in the articles with the best match among contrast passages on
        other subjects; it removes the embedder's habit of scoring every pair of texts high.
        """
        # The features describe the posts' own text: translations raise every match of their language.
        chunks = self.index.chunks
        dense = {i: s for i, s in dense.items() if not chunks[i].original}
        if not dense:
            # Every candidate was a translation (an English question over a Korean post can match its English lines
            # only): the posts' own passages are scored directly, so the gap compares them, not nothing.
            scores = self.index.faiss_index.reconstruct_n(0, len(chunks)) @ vector
            dense = {i: float(scores[i]) for i, c in enumerate(chunks) if not c.original}
        lexical = {i: s for i, s in lexical.items() if not chunks[i].original}
        dense_scores = sorted(dense.values(), reverse=True)
        top_dense = dense_scores[0] if dense_scores else 0.0

        def top_section(scores: dict[int, float]) -> str | None:
            if not scores:
                return None
            return section_key(self.index.chunks[max(scores, key=scores.get)])

        agree = 1.0 if dense and lexical and top_section(dense) == top_section(lexical) else 0.0
        background = self.index.background_vectors
        best_background = float((background @ vector).max()) if len(background) else 0.0
        return {
            "background_gap": top_dense - best_background,
            "coverage": self.lexical_coverage(raw_tokens),
            "agree": agree,
        }

    def lexical_coverage(self, tokens: list[str]) -> float:
        """IDF-weighted share of the question's tokens that occur in the corpus (unknown tokens weigh most); the words
        that only ask for something ("show", "example", "명령어", "알려줘") say nothing of what is asked about."""
        total = covered = 0.0
        for token in tokens:
            if is_request_word(token):
                continue
            weight = self.terms.idf(token)
            total += weight
            covered += weight if self.terms.in_own_text(token) else 0.0
        return covered / total if total else 0.0


# General English and Korean words for the part of a text that concludes it.
_CONCLUSION = re.compile(
    r"\b(?:conclusions?|concluding|wrap-up|wrapping up|wrap up|bottom line|final thoughts|"
    r"closing (?:advice|remarks|thoughts|words|section|part))\b|결론|마무리|맺음말"
)


# General English and Korean names of a part of a text made of questions and their answers.
FAQ_WORDS = re.compile(r"\b(?:faqs?|q ?& ?a|q and a|frequently asked questions?)(?![\w&])|자주\s*묻는\s*질문|질의\s*응답")


def faq_headings(chunks) -> frozenset[tuple[str, str]]:
    """(document, heading path) of each heading whose own subheadings are questions (two or more, each ending in
    "?"): a post's FAQ, whatever its heading says ("궁금증들", "Questions", "Things people ask")."""
    children: dict[tuple[str, str], set[str]] = {}
    for chunk in chunks:
        if chunk.draft:
            continue
        path = chunk.section.split(" > ")
        for depth in range(len(path) - 1):
            children.setdefault((chunk.document, " > ".join(path[: depth + 1])), set()).add(path[depth + 1].strip())
    return frozenset(key for key, titles in children.items() if len(titles) >= 2 and all(title.endswith("?") for title in titles))


def faq_sections(chunks, content_sections) -> frozenset[tuple[str, str]]:
    """The sections at or under a FAQ heading (faq_headings)."""
    parents = faq_headings(chunks)
    return frozenset(
        section_key(chunk) for chunk in chunks
        if section_key(chunk) in content_sections and not chunk.draft
        and any(chunk.section == title or chunk.section.startswith(f"{title} > ") for document, title in parents if document == chunk.document)
    )


# General English and Korean words for a part of a text that sums up the rest, and for asking for one (or a table).
_SUMMARY = re.compile(r"\b(?:summary|summaries|overview|recap|tl;?dr)\b|요약")
_ASKS_SUMMARY = re.compile(rf"{_SUMMARY.pattern}|\b(?:summari[sz]e|tables?)\b|표|테이블")


def _normalized(text: str) -> str:
    return " ".join(text.lower().split())


def section_titles(chunks, content_sections) -> dict[str, frozenset[tuple[str, str]]]:
    """Heading titles that name one part of the posts: title (lowercased, in the original or a translation's
    language) -> the sections at and under that heading.

    Only a title of two words or more that is no phrase of the posts' own text counts ("summary table", "전체 구조",
    "Kernel Sharing Summary Table"): a one-word title ("Overview", "Problems") or a phrase the text also uses
    ("해결 방법") is ordinary language, not the name of a section; a title two parts of the posts share ("Solutions",
    "문제 요약") names none of them.
    """
    paths: dict[str, set[tuple[str, str]]] = {}
    for chunk in chunks:
        if chunk.draft:
            continue
        own = chunk.section.split(" > ")
        translated = chunk.section_translated.split(" > ") if chunk.section_translated else []
        for depth, title in enumerate(own):
            prefix = (chunk.document, " > ".join(own[: depth + 1]))
            paths.setdefault(_normalized(title), set()).add(prefix)
            if len(translated) == len(own):
                paths.setdefault(_normalized(translated[depth]), set()).add(prefix)
    body = " \n ".join(_normalized(c.text) for c in chunks if c.kind != "heading")
    under: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for chunk in chunks:
        key = section_key(chunk)
        if key in content_sections:
            own = chunk.section.split(" > ")
            for depth in range(len(own)):
                under.setdefault((chunk.document, " > ".join(own[: depth + 1])), set()).add(key)
    named: dict[str, frozenset[tuple[str, str]]] = {}
    for title, found in paths.items():
        if len(found) == 1 and len(title.split()) >= 2 and title not in body and (sections := under.get(next(iter(found)))):
            named[title] = frozenset(sections)
    return named

