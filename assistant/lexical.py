"""Lexical side of retrieval: a Korean-aware tokenizer, glossary expansion and BM25 (bm25s)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import IngestError

_TOKEN = re.compile(
    r"--?[a-z0-9][a-z0-9_-]*"  # flags: --privileged, -v
    r"|[a-z0-9]+(?:[-_./][a-z0-9]+)+"  # compounds: docker-compose, docker-compose.todo.yml
    r"|[a-z0-9]+"  # plain Latin words and numbers
    r"|[\uac00-\ud7a3]+"  # Hangul syllable runs
)
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN) | {"do", "does", "did", "can", "could", "would", "should", "how", "what", "why", "when", "which", "who", "i", "my", "me"}


def _latin(word: str) -> list[str]:
    if word in _stopwords():
        return []
    return [_stemmer().stemWord(word)]


def tokenize(text: str) -> list[str]:
    """Tokens for BM25: stemmed English words, exact technical tokens and their parts, Hangul character bigrams.

    Korean glues particles onto words ("커널을", "커널은"), so each Hangul run is split into overlapping
    character bigrams; the bigram "커널" then matches every inflected form.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    tokens: list[str] = []
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        if _HANGUL.fullmatch(word):
            tokens.extend([word] if len(word) == 1 else [word[i : i + 2] for i in range(len(word) - 1)])
        elif word.startswith("-"):
            tokens.append(word)
            tokens.extend(t for part in re.split(r"[-_]", word.lstrip("-")) if part for t in _latin(part))
        elif re.search(r"[-_./]", word):
            tokens.append(word)
            tokens.extend(t for part in re.split(r"[-_./]", word) if part for t in _latin(part))
        else:
            tokens.extend(_latin(word))
    return tokens


@dataclass(frozen=True)
class Glossary:
    """General Korean-English pairs of the article's domain terms, for expanding queries across languages."""

    entries: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (english terms, korean terms)

    def expand(self, text: str) -> str:
        """Terms of the other language for every glossary term found in the text."""
        lowered = unicodedata.normalize("NFKC", text).lower()
        stems = set(tokenize(lowered))
        extra: list[str] = []
        for english, korean in self.entries:
            en_hit = any(set(tokenize(term)) and set(tokenize(term)) <= stems for term in english)
            ko_hit = any(term in lowered for term in korean)
            if en_hit and not ko_hit:
                extra.extend(korean)
            elif ko_hit and not en_hit:
                extra.extend(english)
        return " ".join(extra)


def load_glossary(path: Path) -> Glossary:
    """Read corpus/glossary.yml; a missing file means no expansion."""
    import yaml

    if not path.exists():
        return Glossary(())
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        entries = tuple((tuple(item["en"]), tuple(item["ko"])) for item in data)
    except (yaml.YAMLError, KeyError, TypeError):
        raise IngestError(f"{path}: not a glossary (a YAML list of {{en: [...], ko: [...]}}); fix or remove it") from None
    return Glossary(entries)


def build_bm25(documents: list[str]):
    """A bm25s index over the documents, tokenized with `tokenize`."""
    import bm25s

    retriever = bm25s.BM25()
    retriever.index([tokenize(doc) or ["\u2205"] for doc in documents], show_progress=False)
    return retriever
