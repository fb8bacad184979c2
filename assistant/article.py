"""What the surfaces say about the indexed article (its title, example questions, URL), read from the loaded index."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Shown before an index is loaded (and when an index has no title or no question among its headings).
DEFAULT_TITLE = "도커 단점과 해결 방법"
DEFAULT_EXAMPLE = "Docker 컨테이너는 무엇을 공유하고 무엇을 격리할까?"
MAX_EXAMPLES = 4
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


@dataclass(frozen=True)
class ArticleInfo:
    """The article's title, questions to offer as examples (its own headings phrased as questions) and URL."""

    title: str = DEFAULT_TITLE
    examples: tuple[str, ...] = (DEFAULT_EXAMPLE,)
    url: str | None = None

    @property
    def example_question(self) -> str:
        """The first example, the one usage help shows."""
        return self.examples[0]


DEFAULT_ARTICLE = ArticleInfo()


def article_info(assistant) -> ArticleInfo:
    """The loaded index's articles: their titles from the front matter and their headings that end in '?'
    (the defaults for an object without a loaded index)."""
    index = getattr(assistant, "index", None)
    if index is None:
        return DEFAULT_ARTICLE
    titles = [str(a.get("title") or "").strip() for a in index.articles]
    title = " · ".join(t for t in titles if t) or DEFAULT_TITLE
    questions = [s.title.strip() for s in index.sections if not s.draft and s.title.strip().endswith("?")]
    examples = tuple(dict.fromkeys(questions))[:MAX_EXAMPLES] or (DEFAULT_EXAMPLE,)
    settings = getattr(assistant, "settings", None)
    return ArticleInfo(title=title, examples=examples, url=getattr(settings, "base_url", None) or None)


def language_of(text: str) -> str:
    """"ko" for text with Hangul, else "en" (for the lang attribute of the web page)."""
    return "ko" if _HANGUL.search(text) else "en"
