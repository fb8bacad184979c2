"""Jekyll sites: `_config.yml` (url, baseurl, permalink, defaults) and each post's URL as Jekyll publishes it.

A post's URL comes from its front-matter `permalink`, else the `permalink` of the site's `defaults` for posts,
else the site's top-level `permalink`, else Chirpy's `/posts/:title/`. Placeholders follow Jekyll's `UrlDrop`:
`:title` is the post's `slug` (front matter, else the file name after its date) slugified in Jekyll's "pretty"
mode keeping case, `:slug` and `:name` in its default mode, `:categories` the lowercased categories joined by
"/", the date parts from the front-matter `date` or the file name. Placeholder values are percent-encoded as
Jekyll's `URL.escape_path` does; the result is joined to `url` + `baseurl`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .errors import IngestError

CHIRPY_PERMALINK = "/posts/:title/"
CONFIG = "_config.yml"
POSTS = "_posts"
# Jekyll's built-in permalink styles.
STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_DATED_NAME = re.compile(r"^(\d{2,4})-(\d{1,2})-(\d{1,2})-(.*)$")
_PRETTY_MARKS = "._~!$&'()+,;=@"  # kept by Jekyll's slugify "pretty" besides \p{M}, \p{L} and \p{Nd}
_PATH_SAFE = "-._~!$&'()*+,;=:@/"


@dataclass(frozen=True)
class Site:
    """A Jekyll site folder: where its posts are, and what its `_config.yml` says about URLs."""

    root: Path
    url: str = ""
    baseurl: str = ""
    permalink: str = CHIRPY_PERMALINK

    @property
    def posts(self) -> Path:
        return self.root / POSTS


def is_site(folder: Path) -> bool:
    """A folder is a Jekyll site when it holds `_config.yml` or a `_posts/` folder."""
    return folder.is_dir() and ((folder / CONFIG).is_file() or (folder / POSTS).is_dir())


def read_site(folder: Path) -> Site:
    """The site's URL settings; IngestError for a site without `_posts/` or with an unreadable `_config.yml`."""
    import yaml

    from .paths import read_yaml

    config: dict = {}
    file = folder / CONFIG
    if file.is_file():
        try:
            config = read_yaml(file.read_text(encoding="utf-8")) or {}
        except UnicodeDecodeError:
            raise IngestError(f"{file}: not UTF-8 text; save it as UTF-8") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark is not None else ""
            raise IngestError(f"{file}: not valid YAML{where}; fix the file's syntax") from None
        if not isinstance(config, dict):
            raise IngestError(f"{file}: expected a mapping of settings (url, baseurl, permalink, ...); fix the file")
    if not (folder / POSTS).is_dir():
        raise IngestError(f"{folder}: a Jekyll site without a {POSTS}/ folder; point to the site's root folder")
    for key in ("url", "baseurl", "permalink"):
        if config.get(key) is not None and not isinstance(config.get(key), str):
            raise IngestError(f"{file}: `{key}` must be text; fix the file")
    permalink = _posts_default_permalink(config) or config.get("permalink") or CHIRPY_PERMALINK
    return Site(folder, str(config.get("url") or "").rstrip("/"), str(config.get("baseurl") or "").rstrip("/"), permalink)


def _posts_default_permalink(config: dict) -> str | None:
    """The `permalink` of the `defaults` entry whose scope is posts (Chirpy sets `/posts/:title/` there)."""
    found = None
    for entry in config.get("defaults") or []:
        if not isinstance(entry, dict):
            continue
        scope, values = entry.get("scope") or {}, entry.get("values") or {}
        if not isinstance(scope, dict) or not isinstance(values, dict) or not isinstance(values.get("permalink"), str):
            continue
        if scope.get("type") == "posts" or str(scope.get("path") or "").strip("/") == POSTS:
            found = values["permalink"]
    return found


def slugify(text: str, pretty: bool = False, cased: bool = False) -> str:
    """Jekyll's `Utils.slugify` in its default or "pretty" mode."""
    import unicodedata

    def kept(char: str) -> bool:
        category = unicodedata.category(char)
        return category[0] in "LM" or category == "Nd" or (pretty and char in _PRETTY_MARKS)

    slug = re.sub(r"\0+", "-", "".join(c if kept(c) else "\0" for c in text))
    slug = re.sub(r"^-|-$", "", slug)
    return slug if cased else slug.lower()


def post_path(article, pattern: str | None = None) -> str:
    """The path part of a post's URL (`/posts/my-title/`) from its front matter and file name."""
    template = article.permalink or pattern or CHIRPY_PERMALINK
    template = STYLES.get(template, template)
    name = article.name
    dated = _DATED_NAME.match(name)
    file_slug = dated.group(4) if dated else name
    date = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", article.date or "")
    year, month, day = date.groups() if date else (dated.groups()[:3] if dated else ("", "", ""))
    slug = article.slug or file_slug
    values = {
        "title": slugify(slug, pretty=True, cased=True),
        "slug": slugify(slug),
        "name": slugify(name),
        "categories": "/".join(dict.fromkeys(c.lower() for c in article.categories)),
        "year": year,
        "short_year": year[-2:],
        "month": month.zfill(2) if month else "",
        "i_month": str(int(month)) if month else "",
        "day": day.zfill(2) if day else "",
        "i_day": str(int(day)) if day else "",
        "output_ext": ".html",
    }

    def replace(match: re.Match) -> str:
        key = match.group(1)
        if key not in values:
            return match.group(0)
        return quote(values[key], safe=_PATH_SAFE)

    path = re.sub(r":([a-z_]+)", replace, template)
    path = ("/" + path).replace("..", "/").replace("./", "")
    return re.sub(r"/{2,}", "/", path)


def post_url(site: Site, article) -> str:
    """The published URL of a post of this site."""
    return f"{site.url}{site.baseurl}{post_path(article, site.permalink)}"
