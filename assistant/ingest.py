r"""Markdown articles into sections and chunks: headings, prose blocks, table rows, code and Mermaid diagrams.

Anchor rule (Jekyll's kramdown with GFM input, kramdown-parser-gfm `generate_gfm_header_id`):
take the heading's raw text (inline code keeps its content, emphasis and links keep their text; in text outside
code kramdown turns `---` and `--` into dashes, which are not word characters), lowercase it, delete every
character that is not in Ruby's `\p{Word}` (Alphabetic, Mark, Decimal_Number, Connector_Punctuation: so the
variation selector U+FE0F of an emoji stays while the emoji goes), a hyphen, a space or a tab, turn each space or
tab into one hyphen (no collapsing, no trimming), and give the n-th repeat of an id on the same page the suffix
"-n". Headings inside HTML comments are not on the page and are not counted.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import IngestError

CHUNKER_VERSION = "6"
PATH_SEPARATOR = " > "
MAX_PROSE_CHARS = 600
MAX_SECTION_CHARS = 1200

_TYPOGRAPHIC_DASHES = re.compile(r"---|--")  # kramdown's :mdash and :ndash (in text, never in code spans)
# Symbols with the Unicode property Other_Alphabetic (so in Ruby's \p{Word}) though their category is So:
# circled, parenthesized, squared and negative squared Latin letters.
_ALPHABETIC_SYMBOLS = ((0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189))
_KRAMDOWN_IAL = re.compile(r"^\s*\{:[^}]*\}\s*$", re.MULTILINE)
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


@dataclass(frozen=True)
class Section:
    """One heading of an article, with its full path and its anchor on the published page."""

    document: str
    path: tuple[str, ...]
    level: int
    anchor: str
    draft: bool = False

    @property
    def title(self) -> str:
        return self.path[-1] if self.path else ""

    @property
    def lead(self) -> bool:
        """The text before a post's first heading (level 0, no anchor, the post's title as its path)."""
        return self.level == 0

    @property
    def label(self) -> str:
        return PATH_SEPARATOR.join(self.path)


@dataclass(frozen=True)
class Chunk:
    """A retrievable piece of an article that never crosses a heading."""

    id: str
    document: str
    section: str
    anchor: str
    kind: str  # prose | row | code | diagram | heading
    text: str
    language: str | None = None
    header: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()
    draft: bool = False
    lang: str = ""  # language of `text` (ISO 639-1)
    original: str = ""  # for a translation's chunk: the id of the original chunk it translates
    section_translated: str = ""  # for a translation's chunk: its heading path in the translation's language

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(f"{self.section}\n{self.kind}\n{self.text}".encode()).hexdigest()[:16]

    def embedding_text(self) -> str:
        """Text the dense embedder sees: the heading path gives every chunk its context."""
        return f"{self.section}\n{self.text}"


@dataclass(frozen=True)
class Article:
    """A parsed Markdown post: metadata, sections and chunks."""

    document: str
    title: str
    description: str
    tags: tuple[str, ...]
    sections: tuple[Section, ...]
    chunks: tuple[Chunk, ...] = field(default=())
    lang: str = ""
    ref: str = ""  # front-matter `ref`: posts sharing it are one post in several languages
    declares_lang: bool = False  # the front matter names `lang` (translations must)
    translations: tuple[str, ...] = ()  # languages of the translations merged into this post
    name: str = ""  # the file name without its extension (Jekyll's slug and date come from it)
    path: str = ""  # the file's path inside the source folder
    permalink: str = ""  # front-matter `permalink`
    date: str = ""  # front-matter `date` (YYYY-MM-DD...), else the file name's date
    categories: tuple[str, ...] = ()
    slug: str = ""  # front-matter `slug`
    url: str = ""  # the published post's URL, when known


def is_word_character(char: str) -> bool:
    """Ruby's \\p{Word} (Onigmo: Alphabetic + Mark + Decimal_Number + Connector_Punctuation), which kramdown keeps."""
    category = unicodedata.category(char)
    if category[0] in "LM" or category in ("Nd", "Nl", "Pc"):
        return True
    code = ord(char)
    return any(low <= code <= high for low, high in _ALPHABETIC_SYMBOLS)


def kramdown_anchor(text: str, seen: dict[str, int] | None = None) -> str:
    """The id kramdown (GFM input) gives a heading with this raw text; `seen` counts repeats on a page."""
    result = "".join(c for c in text.lower() if c in "- \t" or is_word_character(c))
    result = result.replace(" ", "-").replace("\t", "-")
    if seen is not None:
        count = seen.get(result, -1) + 1
        seen[result] = count
        if count > 0:
            result = f"{result}-{count}"
    return result


def _markdown():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


def _inline_text(token) -> str:
    """Plain text of an inline token: code spans keep their content, HTML (e.g. <br/>) is dropped."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    text = "".join(parts)
    # kramdown renders "**강조**입니다" as bold where CommonMark's flanking rules leave the stars as text.
    text = _KRAMDOWN_IAL.sub("", text).replace("**", "")
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _links_within_page(token) -> bool:
    """Whether an inline token is only links to headings of its own page ("[What is Docker Swarm?](#what-is-docker-swarm)"):
    outside them, nothing but spaces and punctuation."""
    children = token.children or []
    inside = 0
    links = 0
    for child in children:
        if child.type == "link_open":
            if not str(child.attrGet("href") or "").startswith("#"):
                return False
            inside += 1
            links += 1
        elif child.type == "link_close":
            inside -= 1
        elif not inside and child.type == "text" and re.search(r"\w", child.content):
            return False
        elif not inside and child.type not in ("text", "softbreak", "hardbreak"):
            return False
    return links > 0


def _anchor_text(token) -> str:
    """A heading's raw text as kramdown sees it: `---` and `--` in text (not in code spans) are dashes."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type == "text":
            parts.append(_TYPOGRAPHIC_DASHES.sub("\u2013", child.content))
        elif child.type == "code_inline":
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return _KRAMDOWN_IAL.sub("", "".join(parts)).strip()


def mermaid_edges(source: str) -> str:
    """Readable edge text ("도커 단점 → 보안 문제") from a Mermaid flowchart, graph or sequence diagram."""
    lines = source.splitlines()
    if lines and lines[0].strip() == "---":  # Mermaid's own front matter (config)
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        lines = lines[end + 1 :]
    labels: dict[str, str] = {}
    node = re.compile(r"([A-Za-z_][\w]*)\s*(?:\[([^\]]*)\]|\(([^)]*)\)|\{([^}]*)\})")
    for line in lines:
        for match in node.finditer(line):
            label = next((g for g in match.groups()[1:] if g is not None), None)
            if label is not None:
                labels[match.group(1)] = label.strip()
    participants = re.compile(r"^\s*participant\s+(\w+)(?:\s+as\s+(.+))?$")
    for line in lines:
        match = participants.match(line)
        if match:
            labels[match.group(1)] = (match.group(2) or match.group(1)).strip()

    def name(raw: str) -> str:
        raw = raw.strip()
        match = node.match(raw)
        key = match.group(1) if match else raw
        return labels.get(key, key)

    edge = re.compile(r"^\s*(.+?)\s*(?:-->|-\.->|==>|---)\s*(?:\|([^|]*)\|\s*)?(.+?)\s*$")
    message = re.compile(r"^\s*(\w+)\s*-{1,2}>>?\s*(\w+)\s*:\s*(.+)$")
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped or stripped.startswith(("style ", "classDef", "class ", "%%", "config", "theme", "look")):
            continue
        if stripped.startswith("subgraph"):
            out.append(stripped[len("subgraph") :].strip())
            continue
        msg = message.match(stripped)
        if msg:
            out.append(f"{name(msg.group(1))} → {name(msg.group(2))}: {msg.group(3).strip()}")
            continue
        found = edge.match(stripped)
        if found:
            label = f" ({found.group(2).strip()})" if found.group(2) else ""
            out.append(f"{name(found.group(1))} →{label} {name(found.group(3))}")
    return "\n".join(out)


def _document_id(path: Path) -> str:
    return path.stem


def parse_article(text: str, document: str = "article", include_drafts: bool = False) -> Article:
    """Parse one Markdown article (with optional YAML front matter) into sections and chunks."""
    import yaml

    from .paths import read_yaml

    source = _KRAMDOWN_IAL.sub("", text)
    tokens = _markdown().parse(source)
    meta: dict = {}
    if tokens and tokens[0].type == "front_matter":
        try:
            meta = read_yaml(tokens[0].content) or {}
        except yaml.YAMLError as exc:
            raise IngestError(f"{document}: front matter is not valid YAML ({exc.__class__.__name__}); fix the block between the --- lines") from None
        if not isinstance(meta, dict):
            meta = {}
    title = str(meta.get("title") or document)
    builder = _ChunkBuilder(document, title)
    builder.walk(tokens, include_drafts=include_drafts, draft=False)
    builder.add_section_chunks()
    tags = meta.get("tags") or ()
    # The language's primary subtag: Chirpy posts often say `lang: ko-KR`.
    declared = re.split(r"[-_]", str(meta.get("lang") or "").strip().lower())[0]
    lang = declared or text_language(" ".join(c.text for c in builder.chunks if c.kind == "prose"))
    chunks = tuple(replace(c, lang=lang) for c in builder.chunks)
    categories = meta.get("categories") or meta.get("category") or ()
    categories = categories.split() if isinstance(categories, str) else categories
    return Article(
        document=document,
        title=title,
        description=str(meta.get("description") or ""),
        tags=tuple(str(tag) for tag in (tags if isinstance(tags, list) else [tags])),
        sections=tuple(builder.sections),
        chunks=chunks,
        lang=lang,
        ref=str(meta.get("ref") or "").strip(),
        declares_lang=bool(declared),
        permalink=str(meta.get("permalink") or "").strip(),
        date=str(meta.get("date") or "").strip(),
        categories=tuple(str(c) for c in (categories if isinstance(categories, (list, tuple)) else [categories])),
        slug=str(meta.get("slug") or "").strip(),
    )


def text_language(text: str) -> str:
    """"ko" when Hangul makes up a fifth of the letters, else "en" (for posts whose front matter names no `lang`)."""
    letters = [c for c in text if c.isalpha()]
    hangul = sum(1 for c in letters if "\uac00" <= c <= "\ud7a3" or "\u3131" <= c <= "\u318e")
    return "ko" if letters and hangul / len(letters) >= 0.2 else "en"


class _ChunkBuilder:
    """Walks markdown-it tokens, keeping the heading stack and emitting chunks per section."""

    def __init__(self, document: str, title: str = ""):
        self.document = document
        self.title = title or document
        self.sections: list[Section] = []
        self.chunks: list[Chunk] = []
        self.stack: list[tuple[int, str, str]] = []  # (level, title, anchor)
        self.seen: dict[str, int] = {}
        self.counters: dict[tuple[str, str], int] = {}
        self.prose: list[str] = []
        self.draft = False

    # --- sections -------------------------------------------------------
    @property
    def section_label(self) -> str:
        # The text before the first heading is the post's own section, named by the post's title.
        return PATH_SEPARATOR.join(title for _, title, _ in self.stack) if self.stack else self.title

    @property
    def anchor(self) -> str:
        return self.stack[-1][2] if self.stack else ""

    def open_heading(self, level: int, title: str, raw: str | None = None) -> None:
        self.flush_prose()
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        anchor = kramdown_anchor(title if raw is None else raw, None if self.draft else self.seen)
        self.stack.append((level, title, anchor))
        section = Section(self.document, tuple(t for _, t, _ in self.stack), level, anchor, self.draft)
        self.sections.append(section)
        self.emit("heading", title)

    # --- chunks ---------------------------------------------------------
    def emit(self, kind: str, text: str, **extra) -> None:
        text = text.strip()
        if not text:
            return
        if not self.stack and not any(s.lead for s in self.sections):
            self.sections.insert(0, Section(self.document, (self.title,), 0, "", self.draft))
        key = (self.anchor or "_", kind)
        n = self.counters.get(key, 0)
        self.counters[key] = n + 1
        prefix = "draft-" if self.draft else ""
        chunk_id = f"{self.document}#{prefix}{self.anchor or '_'}/{kind}{n}"
        self.chunks.append(
            Chunk(chunk_id, self.document, self.section_label, self.anchor, kind, text, draft=self.draft, **extra)
        )

    def add_prose(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        if self.prose and sum(len(p) for p in self.prose) + len(text) > MAX_PROSE_CHARS:
            self.flush_prose()
        self.prose.append(text)

    def flush_prose(self) -> None:
        if self.prose:
            self.emit("prose", "\n".join(self.prose))
            self.prose = []

    def add_section_chunks(self) -> None:
        """One whole-section chunk per section with content: dense retrieval matches best on whole sections."""
        bodies: dict[str, list[Chunk]] = {}
        for chunk in self.chunks:
            if chunk.kind != "heading":
                bodies.setdefault(chunk.id.rsplit("/", 1)[0], []).append(chunk)
        for key, members in bodies.items():
            text = "\n".join(member.text for member in members)[:MAX_SECTION_CHARS]
            first = members[0]
            self.chunks.append(
                Chunk(f"{key}/section0", self.document, first.section, first.anchor, "section", text, draft=first.draft)
            )

    # --- walk -----------------------------------------------------------
    def walk(self, tokens, include_drafts: bool, draft: bool) -> None:
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.type == "heading_open":
                self.open_heading(int(tok.tag[1:]), _inline_text(tokens[i + 1]), _anchor_text(tokens[i + 1]))
                i += 3
                continue
            if tok.type == "paragraph_open":
                # A paragraph is one prose unit; each list item and each quote paragraph is its own. A table of
                # contents' entry (only links to the page's own headings) says nothing of its own.
                if not _links_within_page(tokens[i + 1]):
                    self.add_prose(_inline_text(tokens[i + 1]))
                self.flush_prose()
                i += 3
                continue
            if tok.type == "fence":
                self.add_fence(tok)
            elif tok.type == "table_open":
                i = self.add_table(tokens, i)
                continue
            elif tok.type == "html_block" and include_drafts:
                for inner in _COMMENT.findall(tok.content):
                    self.flush_prose()
                    was = self.draft
                    self.draft = True
                    self.walk(_markdown().parse(_KRAMDOWN_IAL.sub("", inner)), include_drafts, True)
                    self.flush_prose()
                    self.draft = was
            i += 1
        self.flush_prose()

    def add_fence(self, tok) -> None:
        self.flush_prose()
        language = (tok.info or "").strip().split(" ")[0].lower() or "text"
        if language == "mermaid":
            self.emit("diagram", mermaid_edges(tok.content))
        else:
            self.emit("code", tok.content.rstrip("\n"), language=language)

    def add_table(self, tokens, i: int) -> int:
        self.flush_prose()
        header: list[str] = []
        rows: list[list[str]] = []
        current: list[str] | None = None
        in_head = False
        while tokens[i].type != "table_close":
            tok = tokens[i]
            if tok.type == "thead_open":
                in_head = True
            elif tok.type == "thead_close":
                in_head = False
            elif tok.type == "tr_open":
                current = []
            elif tok.type == "tr_close" and current is not None:
                (header.extend(current) if in_head else rows.append(current))
                current = None
            elif tok.type == "inline" and current is not None:
                current.append(_inline_text(tok))
            i += 1
        for row in rows:
            pairs = [f"{h}: {c}" for h, c in zip(header, row)]
            self.emit("row", " | ".join(pairs), header=tuple(header), cells=tuple(row))
        return i + 1


def chunk_article(path: Path, include_drafts: bool = False, document: str | None = None, relative: str = "") -> Article:
    """Read and parse one Markdown file (its document id is its file name without the extension unless given)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise IngestError(f"{path}: not UTF-8 text; save the article as UTF-8") from None
    except OSError as exc:
        raise IngestError(f"{path}: cannot read ({exc.strerror}); check the path") from None
    article = parse_article(text, document or _document_id(path), include_drafts)
    return replace(article, name=path.stem, path=relative or path.name)


def markdown_files(source: Path) -> list[Path]:
    """The Markdown files of a source: the file itself, the `_posts/` of a Jekyll site, or every *.md under a folder,
    sorted."""
    from .site import is_site, read_site

    if source.is_file():
        return [source]
    if is_site(source):
        folder = read_site(source).posts
        files = sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".markdown") and p.is_file())
        if files:
            return files
        raise IngestError(f"{folder}: no posts (*.md, *.markdown) in this folder; add posts or point to another site")
    if source.is_dir():
        files = sorted(p for p in source.rglob("*.md") if p.is_file() and not p.name.startswith("README"))
        if files:
            return files
        raise IngestError(f"{source}: no Markdown (*.md) files in this folder; point to an article or a folder of them")
    raise IngestError(f"{source}: no such file or folder; give the path of a Markdown article or a folder of them")


def document_ids(files: list[Path], base: Path) -> dict[Path, str]:
    """Each file's document id: its name without the extension, or, when another file in another folder has the
    same name, its path inside the source without the extension (`2023/intro`, `2024/intro`)."""
    names: dict[str, int] = {}
    for path in files:
        names[path.stem] = names.get(path.stem, 0) + 1
    ids = {}
    for path in files:
        relative = path.relative_to(base).with_suffix("").as_posix() if path != base else path.stem
        ids[path] = path.stem if names[path.stem] == 1 else relative
    return ids


def load_articles(source: Path, include_drafts: bool = False) -> list[Article]:
    """Parse every Markdown file of a source (a file, a folder or a Jekyll site), with translations merged into
    their originals and, for a site, each post's published URL."""
    from .site import is_site, post_url, read_site

    source = Path(source)
    files = markdown_files(source)
    site = read_site(source) if source.is_dir() and is_site(source) else None
    base = site.posts if site else (source if source.is_dir() else source.parent)
    ids = document_ids(files, base)
    articles = [
        chunk_article(path, include_drafts, ids[path], path.relative_to(base).as_posix()) for path in files
    ]
    merged = merge_translations(articles)
    if site is not None:
        merged = [replace(article, url=post_url(site, article)) for article in merged]
    return merged


def merge_translations(articles: list[Article]) -> list[Article]:
    """Fold each translation into its original post (the jekyll-polyglot convention).

    Posts sharing a `ref` (a post without `ref` is known by its file name) are one post in several languages.
    The original is the one whose front matter names no `lang`; each other one names its `lang` and becomes
    chunks of the original: same ids with "@lang", same sections and anchors (citations stay the original's),
    its own text, and `original` pointing at the chunk it translates.
    """
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(article.ref or article.name or article.document, []).append(article)
    for key in list(groups):
        group = groups[key]
        if len(group) > 1 and not any(a.ref for a in group) and not _translation_set(group):
            # Same file name in different folders, not one post and its translations: separate posts.
            del groups[key]
            for article in group:
                groups[f"\0{article.document}"] = [article]
    merged: dict[str, Article] = {}
    for key, group in groups.items():
        if len(group) == 1:
            continue
        originals = [a for a in group if not a.declares_lang]
        if len(originals) != 1:
            names = ", ".join(a.document for a in group)
            raise IngestError(
                f"posts {names} share ref {key!r} but {len(originals)} of them name no `lang`; "
                "leave `lang` out of the original only and give each translation its `lang`"
            )
        original = originals[0]
        chunks = list(original.chunks)
        languages = []
        for translation in group:
            if translation is original:
                continue
            if translation.lang == original.lang or translation.lang in languages:
                raise IngestError(
                    f"{translation.document}: `lang: {translation.lang}` repeats the language of another version of "
                    f"{key!r}; give each translation a language of its own"
                )
            chunks += align_translation(original, translation)
            languages.append(translation.lang)
        merged[original.document] = replace(original, chunks=tuple(chunks), translations=tuple(languages))
    folded = {a.document for group in groups.values() if len(group) > 1 for a in group}
    return [merged.get(a.document, a) for a in articles if a.document in merged or a.document not in folded]


def _translation_set(group: list[Article]) -> bool:
    """Posts sharing a file name are one post and its translations: one names no `lang`, the others each name
    another language."""
    originals = [a for a in group if not a.declares_lang]
    languages = [a.lang for a in group if a.declares_lang]
    return len(originals) == 1 and len(set(languages)) == len(languages) and originals[0].lang not in languages


def align_translation(original: Article, translation: Article) -> list[Chunk]:
    """The translation's chunks mapped onto the original's, heading by heading and row by row.

    Raises IngestError naming the first heading, row or block that does not line up.
    """
    where = translation.document
    ours = [s for s in original.sections if not s.draft]
    theirs = [s for s in translation.sections if not s.draft]
    for position, (a, b) in enumerate(zip(ours, theirs), 1):
        if a.level != b.level:
            raise IngestError(
                f"{where}: heading {position} {b.title!r} is level {b.level} but the original's {a.title!r} is "
                f"level {a.level}; a translation keeps the original's headings in order"
            )
    if len(ours) != len(theirs):
        extra = (theirs if len(theirs) > len(ours) else ours)[min(len(ours), len(theirs))]
        side = "the translation" if len(theirs) > len(ours) else "the original"
        raise IngestError(
            f"{where}: {len(theirs)} headings against the original's {len(ours)}; first unmatched in {side}: "
            f"{extra.title!r}; a translation keeps the original's headings in order"
        )

    def blocks(article: Article) -> dict[str, list[Chunk]]:
        out: dict[str, list[Chunk]] = {}
        for chunk in article.chunks:
            if not chunk.draft:
                out.setdefault(chunk.anchor, []).append(chunk)
        return out

    mine, yours = blocks(original), blocks(translation)
    pairs = [("", "", "(text before the first heading)")] + [(a.anchor, b.anchor, b.title) for a, b in zip(ours, theirs)]
    out: list[Chunk] = []
    for anchor, their_anchor, title in pairs:
        a_chunks, b_chunks = mine.pop(anchor, []), yours.pop(their_anchor, [])
        for n, (a, b) in enumerate(zip(a_chunks, b_chunks), 1):
            if a.kind != b.kind or (a.kind == "row" and len(a.cells) != len(b.cells)):
                what = f"row {sum(1 for c in a_chunks[:n] if c.kind == 'row')}" if a.kind == "row" else f"block {n}"
                raise IngestError(
                    f"{where}: under {title!r}, {what} is a {b.kind} ({len(b.cells) or ''}) where the original has a "
                    f"{a.kind}; translate block by block and tables cell by cell"
                )
            out.append(
                replace(b, id=f"{a.id}@{translation.lang}", document=a.document, section=a.section, anchor=a.anchor,
                        original=a.id, section_translated=b.section)
            )
        if len(a_chunks) != len(b_chunks):
            raise IngestError(
                f"{where}: under {title!r}, {len(b_chunks)} blocks against the original's {len(a_chunks)}; "
                "translate paragraph by paragraph, list item by list item and table row by row"
            )
    return out
