"""GET / and GET /static/*: the web chat page, served with a strict Content-Security-Policy."""

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

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

router = APIRouter(tags=["page"], include_in_schema=False)


def _file(path: Path) -> FileResponse:
    return FileResponse(path, media_type=MEDIA_TYPES[path.suffix], headers=SECURITY_HEADERS)


@router.api_route("/", methods=["GET", "HEAD"])
def index() -> FileResponse:
    """The chat page."""
    return _file(STATIC_DIR / "index.html")


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
    if not path.is_relative_to(STATIC_DIR) or path.suffix not in MEDIA_TYPES or not path.is_file():
        raise HTTPException(404, f"no file /static/{name}")
    return _file(path)
