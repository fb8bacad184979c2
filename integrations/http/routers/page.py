"""GET / and GET /static/*: the web chat page, served with a strict Content-Security-Policy."""

import json
import re
from functools import lru_cache
from html import escape
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, Response

from assistant.article import DEFAULT_ARTICLE, ArticleInfo, article_info, language_of
from assistant.labels import LABELS

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

# Everything the page loads comes from this app; no inline script or style is allowed.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    # Revalidate on every load, so a new version of the page is never mixed with an old script.
    "Cache-Control": "no-cache",
}
# The only kinds of file served; anything else under static/ is not part of the page.
MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}

# In a <script> element "</script" ends the data and "<!--" changes how the parser reads on; written as JSON
# escapes, "<", ">" and "&" cannot appear in the text at all.
_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")

router = APIRouter(tags=["page"], include_in_schema=False)


def _file(path: Path) -> FileResponse:
    return FileResponse(path, media_type=MEDIA_TYPES[path.suffix], headers=SECURITY_HEADERS)


def script_json(value) -> str:
    """`value` as JSON that is safe as the text of a <script type="application/json"> element (no "<", ">" or "&")."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_UNSAFE)


@lru_cache(maxsize=8)
def render_page(article: ArticleInfo) -> bytes:
    """index.html with the article's title (a link when its URL is configured), example questions and the label
    table that app.js frames each answer with, in the answer's language."""
    template = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
    title = f'<cite lang="{language_of(article.title)}">{escape(article.title)}</cite>'
    if article.url:
        title = f'<a href="{escape(article.url)}" target="_blank" rel="noopener noreferrer">{title}</a>'
    examples = "\n".join(
        f'        <li><button type="button" class="example" lang="{language_of(q)}">{escape(q)}</button></li>'
        for q in article.examples
    )
    values = {
        "title": title,
        "examples": examples,
        "example": escape(article.example_question),
        "labels": script_json(LABELS),
    }
    # One pass, so a placeholder inside an inserted value is never filled in itself.
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template).encode("utf-8")


@router.api_route("/", methods=["GET", "HEAD"])
def index(request: Request) -> Response:
    """The chat page, naming the loaded index's article (the defaults until it is loaded)."""
    assistant = request.app.state.assistant
    article = article_info(assistant) if assistant is not None else DEFAULT_ARTICLE
    body = render_page(article)
    headers = {**SECURITY_HEADERS, "Content-Length": str(len(body))}
    return Response(b"" if request.method == "HEAD" else body, media_type=MEDIA_TYPES[".html"], headers=headers)


@router.api_route("/static/{name:path}", methods=["GET", "HEAD"])
def static_file(name: str) -> FileResponse:
    """One of the page's scripts, style sheets or images; 404 for anything outside static/."""
    # A name with a control character (an encoded NUL, say) cannot name one of the page's files; the OS would refuse it.
    if any(ord(char) < 32 or ord(char) == 127 for char in name):
        raise HTTPException(404, "no such file under /static/")
    try:
        path = (STATIC_DIR / name).resolve()
    except (OSError, ValueError):
        raise HTTPException(404, "no such file under /static/") from None
    if not path.is_relative_to(STATIC_DIR) or path.suffix not in MEDIA_TYPES or not path.is_file() or path.name == "index.html":
        raise HTTPException(404, f"no file /static/{name}")
    return _file(path)
