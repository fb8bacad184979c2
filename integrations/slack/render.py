"""Block Kit messages built from the core's Answer with slack_sdk's block models (which check Slack's limits),
with user text escaped."""

import json
import re
from urllib.parse import quote

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from assistant.article import DEFAULT_ARTICLE, ArticleInfo
from assistant.labels import labels
from assistant.models import Answer, Citation

MAX_TEXT = 3000  # characters in one text object (section, context element, fallback text)
MAX_BLOCKS = 50  # blocks in one message
MAX_BUTTON_VALUE = 2000  # characters in a button's value
QUOTE_CHARS = 200  # a citation's quote is cut to this many characters
SECTION_CHARS = 400  # a cited section path carried by a feedback button is cut to this many characters

FEEDBACK_BLOCK_ID = "feedback"
SUGGESTIONS_BLOCK_ID = "suggestions"
SUGGESTION_ACTION = "ask_suggestion"  # action ids ask_suggestion_0, ask_suggestion_1, ...
MAX_BUTTON_TEXT = 75  # characters of a button's label
THANKS_BLOCK_ID = "feedback_thanks"
HELPFUL_ACTION = "feedback_helpful"
NOT_HELPFUL_ACTION = "feedback_not_helpful"

_VERDICT_EMOJI = {"yes": ":white_check_mark:", "no": ":x:", "partial": ":large_orange_diamond:"}
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
_MD_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)


def escape(text: str) -> str:
    """Text made literal for Slack: `&`, `<` and `>` become entities, so no mention or link can be injected."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Slack's message text back to what the user typed (the reverse of `escape`)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def link(url: str, label: str) -> str:
    """A mrkdwn link whose label is escaped and whose URL cannot close the link early."""
    safe_url = quote(url, safe=":/?#[]@!$&'()*+,;=%~")
    return f"<{escape(safe_url)}|{escape(label).replace('|', '¦')}>"


def markdown_to_mrkdwn(markdown: str) -> str:
    """The core's short Markdown as Slack mrkdwn: escaped, with bold, headings and links translated."""
    text = escape(markdown)
    text = _MD_HEADING.sub(lambda m: f"*{m.group(1)}*", text)
    text = _MD_BOLD.sub(lambda m: f"*{m.group(1) or m.group(2)}*", text)
    return _MD_LINK.sub(lambda m: f"<{m.group(2)}|{m.group(1).replace('|', '¦')}>", text)


def truncate(text: str, limit: int = MAX_TEXT, marker: str = "…") -> str:
    """`text` cut to at most `limit` characters, ending in `marker` when cut, never inside an entity."""
    if len(text) <= limit:
        return text
    cut = limit - len(marker)
    amp = text.rfind("&", max(0, cut - 5), cut)
    if amp != -1 and ";" not in text[amp:cut]:
        cut = amp
    return text[:cut] + marker


def split_text(text: str, limit: int) -> list[str]:
    """`text` in pieces of at most `limit` characters, cut at line breaks, then spaces, then anywhere."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit + 1)
        if cut <= 0:
            cut = text.rfind(" ", limit // 2, limit + 1)
        if cut <= 0:
            cut = limit
            amp = text.rfind("&", cut - 5, cut)
            if amp > 0 and ";" not in text[amp:cut]:
                cut = amp
        pieces.append(text[:cut].rstrip("\n"))
        text = text[cut:].lstrip("\n")
    if text or not pieces:
        pieces.append(text)
    return pieces


def _section(text: str) -> dict:
    return SectionBlock(text=MarkdownTextObject(text=truncate(text))).to_dict()


def _context(text: str, verbatim: bool = False, block_id: str | None = None) -> dict:
    return ContextBlock(elements=[MarkdownTextObject(text=truncate(text), verbatim=verbatim)], block_id=block_id).to_dict()


def _sections(text: str) -> list[dict]:
    return [_section(piece) for piece in split_text(text, MAX_TEXT)]


def _code_blocks(code: str, heading: str) -> list[dict]:
    fence_budget = MAX_TEXT - len("```\n\n```")
    body = escape(code.rstrip("\n")).replace("```", "`\u200b``")
    pieces = split_text(body, fence_budget - len(heading) - 1)
    first = [_section(f"{heading}\n```\n{pieces[0]}\n```")]
    rest = split_text("\n".join(pieces[1:]), fence_budget) if len(pieces) > 1 else []
    return first + [_section(f"```\n{piece}\n```") for piece in rest]


def _question_block(question: str, asker: str | None, words: dict[str, str]) -> dict:
    who = words["asked"].format(asker=f"<@{asker}>") if asker and re.fullmatch(r"[A-Z0-9]+", asker) else words["question"]
    return _context(f"{who}: {escape(question)}", verbatim=True)


def _quote(text: str) -> str:
    return escape(truncate(" ".join(text.split()), QUOTE_CHARS))


def _citation_blocks(answer: Answer, words: dict[str, str]) -> list[dict]:
    if not answer.citations:
        return []
    blocks = [_section(f"*{words['sources']}*")]
    for citation in answer.citations:
        heading = citation.section_translated or citation.section
        if answer.posts > 1 and citation.post and citation.anchor:  # the lead text is cited by the post's title
            heading = f"{citation.post} > {heading}"
        title = link(citation.url, heading) if citation.url else f"*{escape(heading)}*"
        lines = [title]
        if not citation.in_answer:
            lines.append(f">{_quote(citation.quote)}")
        if citation.quote_original:
            # The post's own sentence, one line under its translation.
            lines.append(f"_{words['original']}:_ {_quote(citation.quote_original)}")
        blocks.append(_section("\n".join(lines)))
    return blocks


def _snippet_blocks(answer: Answer, words: dict[str, str]) -> list[dict]:
    blocks = []
    for snippet in answer.snippets:
        heading = f":whale: *{truncate(escape(snippet.title), 300)}*"
        blocks.extend(_code_blocks(snippet.code, heading))
        notes = []
        if snippet.explanation:
            notes.append(escape(snippet.explanation))
        if snippet.reference:
            notes.append(link(snippet.reference, words["docs"]))
        elif snippet.section and snippet.source == "article":
            notes.append(f"{words['from_section']}: {escape(snippet.section)}")
        if notes:
            blocks.append(_context(" · ".join(notes)))
    return blocks


def _refusal_blocks(topics: list[str], article: ArticleInfo, words: dict[str, str], several_posts: bool = False) -> list[dict]:
    # With several posts, `topics` are the posts' titles.
    found = words["not_found_posts"] if several_posts else words["not_found"].format(title=f"*{escape(article.title)}*")
    text = ":thinking_face: " + found
    bullets = "\n".join(f"• {escape(topic)}" for topic in topics)
    return _sections(text + ("\n" + bullets if bullets else "")) + [
        _context(f"{words['for_example']}: _{escape(article.example_question)}_")
    ]


def feedback_value(answer: Answer) -> str:
    """What a feedback button carries, as JSON: the question, the answer's cited sections (as many as fit) and how a
    follow-up was read; it is also what a later follow-up in the thread reads this turn from."""
    sections = [citation.section[:SECTION_CHARS] for citation in answer.citations]
    question = answer.question
    read_as = (answer.standalone_question or "")[:MAX_BUTTON_VALUE // 2]

    def encode():
        data = {"q": question, "s": sections}
        if read_as:
            data["r"] = read_as
        return json.dumps(data, ensure_ascii=False)

    value = encode()
    while len(value) > MAX_BUTTON_VALUE and len(sections) > 1:
        sections.pop()
        value = encode()
    while len(value) > MAX_BUTTON_VALUE:
        question = question[: len(question) - (len(value) - MAX_BUTTON_VALUE) - 1]
        value = encode()
    return value


def parse_feedback_value(value: str) -> tuple[str, list[str]]:
    """The (question, cited sections) a feedback button carries; empty question when the value is unreadable."""
    try:
        data = json.loads(value)
        sections = data.get("s") or []
        # Buttons posted before the value carried every citation hold the first section as a string.
        sections = [sections] if isinstance(sections, str) else [str(section) for section in sections if section]
        return str(data.get("q") or ""), sections
    except (ValueError, TypeError, AttributeError):
        return "", []


def turn_from_message(message: dict) -> dict | None:
    """An earlier turn of a thread (`{"question", "answer"}`) from one of the bot's answer messages, read from the
    value its feedback buttons carry; None for any other message."""
    for block in message.get("blocks") or []:
        if not isinstance(block, dict) or block.get("block_id") != FEEDBACK_BLOCK_ID:
            continue
        for element in block.get("elements") or []:
            value = element.get("value") if isinstance(element, dict) else None
            if not isinstance(value, str):
                continue
            question, sections = parse_feedback_value(value)
            if not question.strip():
                return None
            try:
                read_as = json.loads(value).get("r") or None
            except (ValueError, AttributeError):
                read_as = None
            citations = [Citation(section=sections[0], anchor="", quote="", score=0.0)] if sections else []
            answer = Answer(question=question, answer=unescape(message.get("text") or ""), refused=not sections,
                            confidence=0.0, citations=citations, standalone_question=read_as if isinstance(read_as, str) else None)
            return {"question": question, "answer": answer}
    return None


def _button_text(text: str) -> str:
    return text if len(text) <= MAX_BUTTON_TEXT else text[: MAX_BUTTON_TEXT - 1] + "…"


def suggestions_block(questions: list[tuple[str, str]]) -> dict:
    """Buttons that ask a question in the thread: (label, question) pairs (suggested follow-ups, or a refusal's
    topics)."""
    return ActionsBlock(
        block_id=SUGGESTIONS_BLOCK_ID,
        elements=[
            ButtonElement(action_id=f"{SUGGESTION_ACTION}_{number}", value=question[:MAX_BUTTON_VALUE],
                          text=PlainTextObject(text=_button_text(label)))
            for number, (label, question) in enumerate(questions[:25])
        ],
    ).to_dict()


def feedback_block(answer: Answer) -> dict:
    """The helpful / not helpful buttons under an answer, in the answer's language."""
    value = feedback_value(answer)
    words = labels(answer.language)
    return ActionsBlock(
        block_id=FEEDBACK_BLOCK_ID,
        elements=[
            ButtonElement(
                action_id=HELPFUL_ACTION, value=value, text=PlainTextObject(text=f":+1: {words['helpful']}", emoji=True)
            ),
            ButtonElement(
                action_id=NOT_HELPFUL_ACTION, value=value,
                text=PlainTextObject(text=f":-1: {words['not_helpful']}", emoji=True),
            ),
        ],
    ).to_dict()


def answer_message(
    answer: Answer, topics: list[str] | None = None, asker: str | None = None, article: ArticleInfo = DEFAULT_ARTICLE,
    topic_questions: list[str] | None = None,
) -> dict:
    """The chat.postMessage arguments (`text` and `blocks`) for an answer, a refusal included, with every label in
    the answer's language: how a follow-up was read, the answer, and buttons asking the suggested follow-ups (for a
    refusal, `topic_questions`, one per topic)."""
    words = labels(answer.language)
    blocks = [_question_block(answer.question, asker, words)]
    if answer.standalone_question:
        blocks.append(_context(f"_{words['read_as']}:_ {escape(answer.standalone_question)}"))
    if answer.refused:
        blocks += _refusal_blocks(topics or [], article, words, several_posts=answer.posts > 1)
        fallback = words["not_found_short"].format(title=article.title)
    else:
        verdict = f"{_VERDICT_EMOJI[answer.verdict]} *{words[answer.verdict]}*" if answer.verdict else None
        body = markdown_to_mrkdwn(answer.answer)
        blocks += _sections(f"{verdict}\n{body}" if verdict else body)
        blocks += _citation_blocks(answer, words)
        blocks += _snippet_blocks(answer, words)
        fallback = answer.answer
    # Room for the truncation notice, the buttons, the suggestions and the thanks line added after a vote.
    budget = MAX_BLOCKS - 4
    if len(blocks) > budget:
        blocks = blocks[: budget - 1] + [_context(_truncation_note(answer, article, words))]
    if answer.suggestions:
        blocks.append(suggestions_block([(s, s) for s in answer.suggestions]))
    elif answer.refused and topics and topic_questions:
        blocks.append(suggestions_block(list(zip(topics, topic_questions))))
    blocks.append(feedback_block(answer))
    return {"text": truncate(escape(" ".join(fallback.split()))), "blocks": blocks}


def _truncation_note(answer: Answer, article: ArticleInfo, words: dict[str, str]) -> str:
    url = next((c.url for c in answer.citations if c.url), None)
    if url:
        return f":scissors: {words['too_long']} {link(url, words['read_rest'])}."
    section = answer.citations[0].section if answer.citations else article.title
    return f":scissors: {words['too_long']} {words['read_rest_section'].format(section=escape(section))}"


def usage_message(topics: list[str] | None = None, article: ArticleInfo = DEFAULT_ARTICLE) -> dict:
    """Help for an empty question: how to ask, and what the article covers."""
    title, example = escape(article.title), escape(article.example_question)
    text = (
        f"Ask me about the article *{title}*:\n"
        f"• `/ask {example}`\n"
        f"• mention me in a channel: `@docker-qa {example}`\n"
        "• or send me a direct message."
    )
    if topics:
        text += "\nTopics: " + ", ".join(escape(topic) for topic in topics)
    return {"text": f"Ask me about the article {title}, e.g. /ask {example}", "blocks": _sections(text)}


def error_message(message: str) -> dict:
    """A short message for a question the assistant could not take."""
    text = f":warning: {escape(message)}"
    return {"text": truncate(text), "blocks": [_section(text)]}


def thanked_blocks(
    blocks: list[dict], user_id: str, helpful: int, not_helpful: int, language: str = "en"
) -> list[dict]:
    """A posted answer's blocks with the buttons kept and a thank-you line with the vote counts after them, in the
    language of the answer."""
    kept = [block for block in blocks if block.get("block_id") != THANKS_BLOCK_ID]
    words = labels(language)
    mention = f", <@{user_id}>" if re.fullmatch(r"[A-Z0-9]+", user_id or "") else ""
    thanks = _context(f"{words['thanks']}{mention}! :+1: {helpful} · :-1: {not_helpful}", block_id=THANKS_BLOCK_ID)
    return (kept + [thanks])[-MAX_BLOCKS:]
