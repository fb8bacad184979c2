"""A seeded blog of N distinct posts made from the article's own text, for the build and rebuild benchmarks.

    python bench/make_corpus.py --copies 10 --out /tmp/blog-10x      # 10 posts, about 10x the article

Post 0 is the article itself. Every other post varies it with its own seeded choices, and uses no text from elsewhere:
the sections after the first are shuffled, headings are numbered or combined with another heading of the article, the
post title is renamed from the article's headings, and the items of each bullet list are reordered. Code blocks, tables,
diagrams and HTML comments are kept as they are.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "corpus" / "docker-disadvantages.md"
HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*$")
BULLET = re.compile(r"^- \S")


def split_front_matter(text: str) -> tuple[list[str], list[str]]:
    """(front matter lines without the --- fences, body lines)."""
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() == "---")
        return lines[1:end], lines[end + 1 :]
    return [], lines


def plain_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it is ordinary Markdown (not inside a code fence or an HTML comment)."""
    out = []
    fence = comment = False
    for line in lines:
        stripped = line.strip()
        if comment:
            out.append(False)
            comment = "-->" not in line
            continue
        if stripped.startswith("```"):
            out.append(False)
            fence = not fence
            continue
        if fence:
            out.append(False)
            continue
        if stripped.startswith("<!--") and "-->" not in stripped:
            out.append(False)
            comment = True
            continue
        out.append(not stripped.startswith("<!--"))
    return out


def sections(lines: list[str]) -> list[list[str]]:
    """The body cut before every level-2 heading: [preamble, section, section, ...]."""
    plain = plain_lines(lines)
    blocks: list[list[str]] = [[]]
    for line, is_plain in zip(lines, plain):
        if is_plain and line.startswith("## "):
            blocks.append([])
        blocks[-1].append(line)
    return blocks


def heading_titles(lines: list[str], level: int | None = None) -> list[str]:
    """Titles of the headings (optionally of one level) in ordinary Markdown."""
    out = []
    for line, is_plain in zip(lines, plain_lines(lines)):
        match = HEADING.match(line) if is_plain else None
        if match and (level is None or len(match.group(1)) == level):
            out.append(match.group(2))
    return out


def shuffle_bullets(lines: list[str], rng: random.Random) -> list[str]:
    """Each run of one-line bullet items in a random order."""
    out = list(lines)
    plain = plain_lines(lines)
    i = 0
    while i < len(out):
        if plain[i] and BULLET.match(out[i]):
            j = i
            while j < len(out) and plain[j] and BULLET.match(out[j]):
                j += 1
            run = out[i:j]
            rng.shuffle(run)
            out[i:j] = run
            i = j
        else:
            i += 1
    return out


def vary_headings(lines: list[str], rng: random.Random, h2_titles: list[str], style: str) -> list[str]:
    """Headings numbered in `style`, and some level-2 headings combined with another heading of the article."""
    out = []
    counters = [0] * 7
    for line, is_plain in zip(lines, plain_lines(lines)):
        match = HEADING.match(line) if is_plain else None
        if not match:
            out.append(line)
            continue
        hashes, title = match.groups()
        level = len(hashes)
        counters[level] += 1
        for deeper in range(level + 1, 7):
            counters[deeper] = 0
        if level == 2 and rng.random() < 0.3:
            other = rng.choice([t for t in h2_titles if t != title] or [title])
            title = f"{title} · {other}"
        if style == "dotted":
            title = f"{'.'.join(str(counters[n]) for n in range(2, level + 1))}. {title}"
        elif style == "paren" and level == 2:
            title = f"{counters[2]}) {title}"
        out.append(f"{hashes} {title}")
    return out


def make_post(text: str, number: int, seed: int) -> str:
    """Post `number` of the blog: the article itself for 0, else a seeded variation of it."""
    if number == 0:
        return text
    rng = random.Random(f"{seed}:{number}")
    front, body = split_front_matter(text)
    blocks = sections(body)
    h2_titles = heading_titles(body, level=2)
    head, first, rest = blocks[0], blocks[1:2], blocks[2:]
    rng.shuffle(rest)
    body = [line for block in [head, *first, *rest] for line in block]
    body = shuffle_bullets(body, rng)
    body = vary_headings(body, rng, h2_titles, rng.choice(["plain", "dotted", "paren"]))
    a, b = rng.sample(h2_titles, 2)
    title = rng.choice([f"{a} · {b}", f"{a}: {b}", f"{b} ({a})"])
    front = [f"title: {json.dumps(title, ensure_ascii=False)}" if line.startswith("title:") else line for line in front]
    return "\n".join(["---", *front, "---", *body]) + "\n"


def write_corpus(out: Path, copies: int, seed: int = 0, article: Path = ARTICLE) -> list[Path]:
    """Write `copies` distinct posts into `out` (emptied of earlier posts first); their paths."""
    text = article.read_text(encoding="utf-8")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("post-*.md"):
        old.unlink()
    seen: set[str] = set()
    paths = []
    for number in range(copies):
        post = make_post(text, number, seed)
        attempt = 0
        while post in seen:  # a repeat of an earlier post: draw again
            attempt += 1
            post = make_post(text, number, seed + 1000 * attempt)
        seen.add(post)
        path = out / f"post-{number:04d}.md"
        path.write_text(post, encoding="utf-8")
        paths.append(path)
    return paths


def edit_post(path: Path, seed: int = 0) -> str:
    """Edit one post as an author would: one paragraph gains a sentence taken from the article; the sentence added."""
    rng = random.Random(f"edit:{seed}")
    lines = path.read_text(encoding="utf-8").splitlines()
    front, body = split_front_matter("\n".join(lines))
    offset = len(lines) - len(body)
    plain = plain_lines(body)
    paragraphs = [
        i for i, (line, ok) in enumerate(zip(body, plain))
        if ok and line.strip() and not line.lstrip().startswith(("#", "-", "|", ">", "<", "{", "`"))
    ]
    sentences = [s.strip() for line in (body[i] for i in paragraphs) for s in re.split(r"(?<=[.다])\s+", line) if len(s.strip()) > 15]
    target = rng.choice(paragraphs)
    added = rng.choice([s for s in sentences if s not in body[target]])
    lines[offset + target] = body[target].rstrip() + " " + added
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return added


def default_folder(copies: int) -> Path:
    return Path(tempfile.gettempdir()) / "docker-qa-bench" / f"blog-{copies}x"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10, help="number of posts (default 10)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None, help="folder to write (default: a folder under the temp dir)")
    args = parser.parse_args(argv)
    out = args.out or default_folder(args.copies)
    paths = write_corpus(out, args.copies, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} posts ({size / 1e6:.2f} MB) into {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
