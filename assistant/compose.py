"""Answer text: the sentence or row that answers, sentences on the same subject, the command when one is asked for."""

from __future__ import annotations

from .ingest import Chunk
from .verdict import LEADS, VerdictResult

MAX_ANSWER_CHUNKS = 3
SUPPORT_RATIO = 0.8  # a supporting chunk scores at least this share of the lead's score
MAX_OVERLAP = 0.6  # a chunk sharing more of its words with a chosen one repeats it
SAME_SECTION_SHARE = 0.25  # share of the question's words (by weight) a supporting chunk of the lead's section names
OTHER_SECTION_SHARE = 0.5  # ... and one of another cited section


def render_chunk(chunk: Chunk) -> str:
    """A chunk as answer text: table rows as "key — column: value", prose as is."""
    if chunk.kind == "row" and chunk.cells:
        rest = ", ".join(f"{h}: {c}" for h, c in zip(chunk.header[1:], chunk.cells[1:]))
        return f"{chunk.cells[0]} — {rest}" if rest else chunk.cells[0]
    return chunk.text


def _overlap(a: frozenset, b: frozenset) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def choose_sentences(ranked: list[tuple[Chunk, float]], lead: Chunk, question_keys: frozenset, keys_of, weight, excluded=frozenset()) -> list[Chunk]:
    """The lead, then chunks that name a quarter of the question's words (by weight) in the lead's section, or half
    in another cited section, best first, that neither repeat a chosen one (maximal marginal relevance with
    a hard redundancy cap) nor contradict the verdict (`excluded`)."""
    lead_score = next((score for chunk, score in ranked if chunk.id == lead.id), ranked[0][1] if ranked else 0.0)
    chosen = [lead]
    chosen_keys = [keys_of(lead)]
    for chunk, score in ranked:
        if len(chosen) >= MAX_ANSWER_CHUNKS or score < SUPPORT_RATIO * lead_score:
            break
        if chunk.id in {c.id for c in chosen} or chunk.id in excluded:
            continue
        keys = keys_of(chunk)
        share = weight(keys & question_keys) / weight(question_keys) if weight(question_keys) else 0.0
        if share < (SAME_SECTION_SHARE if chunk.section == lead.section else OTHER_SECTION_SHARE):
            continue  # another topic (a section, like a summary list, can hold several)
        if any(_overlap(keys, other) > MAX_OVERLAP for other in chosen_keys):
            continue
        chosen.append(chunk)
        chosen_keys.append(keys)
    return chosen


def _evidence_first(chunk: Chunk, verdict: VerdictResult, text: str) -> str:
    """A prose chunk with the sentence that settles the verdict first, the rest after it in their order; the same
    sentence of a translation when the translation has as many sentences as the original."""
    from .claims import points_back, split_sentences

    claim = verdict.claim
    if chunk.kind != "prose" or claim.column >= 0 or not claim.text:
        return text
    original = split_sentences(claim.chunk.text)
    here = split_sentences(chunk.text)
    if claim.text not in original or len(original) != len(here):
        return text
    i = original.index(claim.text)
    start = i - 1 if i and points_back(claim.text) else i  # "이를 통해 …" leads with what it points back to
    return " ".join([*here[start : i + 1], *here[:start], *here[i + 1 :]])


def compose_answer(language: str, chosen: list[Chunk], verdict: VerdictResult | None, command: tuple[str, str] | None) -> str:
    """The answer text: the verdict lead with its evidence, the chosen chunks, and the command in a code block."""
    lines = []
    for chunk in chosen:
        text = render_chunk(chunk)
        if verdict is not None and (chunk.original or chunk.id) == (verdict.claim.chunk.original or verdict.claim.chunk.id):
            lines.append(LEADS[language][verdict.verdict] + _evidence_first(chunk, verdict, text))
        else:
            lines.append(text)
    if command is not None:
        language_tag, code = command
        lines.append(f"```{language_tag}\n{code}\n```")
    return "\n\n".join(lines)


def refusal_text(language: str, topics: list[str], missing: tuple[str, ...], posts: bool = False) -> str:
    """The refusal: what the article does not mention (when known) and what it covers; for an index of several
    posts, what the posts do not mention and the posts' titles."""
    names = ", ".join(f"`{word}`" for word in missing)
    if posts:
        titles = ", ".join(f"“{title}”" for title in topics)
        if language == "ko":
            head = f"색인된 글들은 {names}을(를) 다루지 않습니다." if missing else "색인된 글들에는 이 질문에 대한 내용이 없습니다."
            return f"{head} 색인된 글: {titles}."
        head = f"The indexed posts do not mention {names}." if missing else "The indexed posts do not answer this question."
        return f"{head} Posts: {titles}."
    listed = ", ".join(topics)
    if language == "ko":
        head = f"이 글은 {names}을(를) 다루지 않습니다." if missing else "이 글에는 이 질문에 대한 내용이 없습니다."
        return f"{head} 이 글이 다루는 주제: {listed}."
    head = f"The article does not mention {names}." if missing else "The article does not answer this question."
    return f"{head} It covers: {listed}."
