"""The answer model shared by every surface (CLI JSON, HTTP, Slack, web page), plus search results."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Verdict = Literal["yes", "no", "partial"]


class Citation(BaseModel):
    """One cited section of the article."""

    section: str = Field(description="Heading path joined with ' > '")
    section_translated: str | None = Field(
        default=None, description="The heading path in the question's language, when the quote is a translation"
    )
    anchor: str = Field(description="The heading's id on the published page")
    url: str | None = Field(default=None, description="The post's URL with the heading's anchor (post_url#anchor), when the post's URL is known")
    post: str | None = Field(default=None, description="Title of the post the section belongs to")
    post_url: str | None = Field(default=None, description="The post's published URL, when known")
    quote: str = Field(description="The cited text, in the question's language when the post has that translation")
    quote_original: str | None = Field(default=None, description="The quoted text in the post's own language, when `quote` is a translation")
    score: float
    in_answer: bool = Field(default=False, description="The quote is part of `answer` (surfaces show it once)")


class Snippet(BaseModel):
    """A code snippet attached to an answer: the article's own code or a catalog entry."""

    title: str
    language: str
    code: str
    source: Literal["article", "catalog"]
    section: str | None = None
    id: str | None = Field(default=None, description="Catalog id (catalog snippets only)")
    reference: str | None = Field(default=None, description="Documentation page (catalog snippets only)")
    explanation: str | None = None


class Answer(BaseModel):
    """What the assistant says to a question."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "question": "does split compose share the kernel?",
                    "language": "en",
                    "answer": "Yes — It still shares the kernel. (Because they run on the same host)",
                    "verdict": "yes",
                    "refused": False,
                    "confidence": 0.93,
                    "citations": [
                        {
                            "section": "궁금증들 > Docker 컨테이너는 무엇을 공유하고 무엇을 격리할까? > 실행 방식 2: Compose 파일을 2개로 나눠서 실행",
                            "anchor": "실행-방식-2-compose-파일을-2개로-나눠서-실행",
                            "url": None,
                            "quote": "여전히 커널을 공유합니다. (같은 Host에서 실행 중이므로)",
                            "score": 0.91,
                        }
                    ],
                    "snippets": [
                        {
                            "title": "실행 방식 2: Compose 파일을 2개로 나눠서 실행",
                            "language": "bash",
                            "code": "docker-compose -f docker-compose.weather.yml up -d\ndocker-compose -f docker-compose.todo.yml up -d",
                            "source": "article",
                            "section": "궁금증들 > Docker 컨테이너는 무엇을 공유하고 무엇을 격리할까? > 실행 방식 2: Compose 파일을 2개로 나눠서 실행",
                        }
                    ],
                }
            ]
        }
    )

    question: str
    language: Literal["en", "ko"] = Field(
        default="en", description="The question's language, which the answer text, quotes and labels follow"
    )
    answer: str = Field(description="Short Markdown text")
    verdict: Verdict | None = Field(default=None, description="For yes/no questions")
    refused: bool = False
    confidence: float = Field(ge=0.0, le=1.0)
    citations: list[Citation] = Field(default_factory=list)
    snippets: list[Snippet] = Field(default_factory=list)
    posts: int = Field(default=1, ge=0, description="Posts in the index; with more than one, surfaces name each citation's post")
    standalone_question: str | None = Field(
        default=None,
        description="How a follow-up was read in its conversation (in the asker's language), when that differs from `question`",
    )
    suggestions: list[str] = Field(
        default_factory=list,
        description="2-3 short follow-up questions about the neighbouring rows or sections of the evidence, in `language`",
    )
    topics: list[str] = Field(
        default_factory=list,
        description="For a refusal: what the index covers (its posts' titles, or the one post's top-level headings), in `language`",
    )


class SearchHit(BaseModel):
    """One ranked chunk from the retriever."""

    chunk_id: str
    section: str
    anchor: str
    url: str | None = None
    post: str | None = None
    kind: str
    text: str
    score: float
    dense_score: float | None = None
    lexical_score: float | None = None


class SectionInfo(BaseModel):
    """One heading of an indexed article."""

    section: str
    title: str
    level: int
    anchor: str
    url: str | None = None
    document: str
    post: str | None = None
