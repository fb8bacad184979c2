"""Lexical side of retrieval: a Korean-aware tokenizer, glossary expansion and BM25 (bm25s)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from .errors import IngestError

_TOKEN = re.compile(
    r"--?[a-z0-9][a-z0-9_-]*"  # flags: --privileged, -v
    r"|[a-z0-9]+(?:[-_./][a-z0-9]+)+"  # compounds: docker-compose, docker-compose.todo.yml
    r"|[a-z0-9]+"  # plain Latin words and numbers
    r"|[\uac00-\ud7a3]+"  # Hangul syllable runs
)
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
_PARTS = re.compile(r"[-_./]")


def is_compound(token: str) -> bool:
    """Whether a token has parts the tokenizer also gives ("docker-compose", "cpu/memory", "--privileged")."""
    return bool(_PARTS.search(token))


def compound_parts(token: str) -> list[str]:
    """The parts of a compound token, in order ("weather-service": weather, service)."""
    return [part for part in _PARTS.split(token) if part]


# Morphemes kept from Korean text: nouns, roots, foreign words, numbers, and verb/adjective stems.
_KOREAN_CONTENT = ("NNG", "NNP", "NR", "NP", "XR", "SL", "SH", "SN", "VV", "VA")


@lru_cache(maxsize=1)
def _mecab():
    import mecab

    return mecab.MeCab()


def _modifier_before_noun(first, second) -> bool:
    """A modifier ending (ETM) glued to the noun after it in one word: Korean spacing always puts a space after a
    modifier ("팔 시스템"), so in one word ("파일시스템") it is mecab-ko misreading a noun ("파일" as 팔/VV + ㄹ/ETM)
    in the context of the words before it, unless the noun is a bound one ("쓰는거", "줄일수", "할때")."""
    return first.feature.pos.split("+")[-1] == "ETM" and first.span.end == second.span.start and second.feature.pos.startswith("N")


def mecab_parse(text: str) -> list:
    """mecab-ko's morphemes of a text; a word misread in its context (see _modifier_before_noun) is read alone, when
    it then reads without the glued modifier."""
    morphemes = list(_mecab().parse(text))
    for first, second in reversed(list(zip(morphemes, morphemes[1:]))):
        if not _modifier_before_noun(first, second):
            continue
        start = text.rfind(" ", 0, first.span.start) + 1
        end = text.find(" ", second.span.end)
        end = len(text) if end < 0 else end
        alone = list(_mecab().parse(text[start:end]))
        if any(_modifier_before_noun(a, b) for a, b in zip(alone, alone[1:])):
            continue
        i = next(k for k, m in enumerate(morphemes) if m.span.end > start)
        j = next((k for k, m in enumerate(morphemes) if m.span.start >= end), len(morphemes))
        morphemes[i:j] = alone
    return morphemes


def korean_morphemes(text: str) -> list[str]:
    """Korean content morphemes of a text, by mecab-ko ("커널을" -> ["커널"], "공유하나요" -> ["공유"]); a compound
    noun also gives its nouns of two syllables or more ("해결책" -> ["해결책", "해결"]), as a Latin compound gives
    its parts."""
    out = []
    for morpheme in mecab_parse(text):
        surface, tag, feature = morpheme.surface, morpheme.feature.pos, morpheme.feature
        first = tag.split("+")[0]
        if _HANGUL.search(surface) and first in _KOREAN_CONTENT and ("+" not in tag or first.startswith("N")):
            out.append(surface)
            if feature.type == "Compound" and feature.expression:
                parts = [part.split("/") for part in feature.expression.split("+")]
                out.extend(form for form, part_tag, *_ in parts if part_tag.startswith("NN") and len(form) >= 2 and form != surface)
    return out


@lru_cache(maxsize=16384)
def tagged_morphemes(text: str) -> tuple[tuple[str, str], ...]:
    """Every morpheme of a Korean text with its mecab-ko tag, contractions expanded ("사라집니다" -> 사라지/VV, ᄇ니다/EF).

    Cached, like _tokens: the posts' sentences are analysed again for every question."""
    out: list[tuple[str, str]] = []
    for morpheme in mecab_parse(text):
        feature = morpheme.feature
        if feature.expression and "+" in feature.pos:
            for part in feature.expression.split("+"):
                form, tag = part.split("/")[:2]
                out.append((form, tag))
        else:
            out.append((morpheme.surface, feature.pos))
    return _inside(out)


_NOUN_TAGS = ("NNG", "NNP", "NNB", "NP", "SL", "SN")
_PREDICATE_SUFFIXES = ("XSV", "XSA", "VV", "VA", "VX")


def _inside(morphemes: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The noun 안 (inside) where the tagger read the adverb of negation: between two nouns, the second not made a
    verb ("이미지 안 패키지들의 …", "컨테이너 안 데이터는"), it cannot negate, for 안 negates a predicate ("데이터 안
    저장해?": 저장 + 하)."""
    out = list(morphemes)
    for i in range(1, len(out) - 1):
        if out[i] == ("안", "MAG") and out[i - 1][1] in _NOUN_TAGS and out[i + 1][1] in _NOUN_TAGS:
            following = out[i + 2][1] if i + 2 < len(out) else ""
            if following not in _PREDICATE_SUFFIXES:
                out[i] = ("안", "NNG")
    return tuple(out)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN_PLUS

    return frozenset(STOPWORDS_EN_PLUS) | {"do", "does", "did", "can", "could", "would", "should", "how", "what", "why", "when", "which", "who", "i", "my", "me"}


def is_stopword(word: str) -> bool:
    """Whether a lowercase English word is a function word (the stopwords BM25 drops)."""
    return word in _stopwords()


def _latin(word: str) -> list[str]:
    if is_stopword(word):
        return []
    return [_stemmer().stemWord(word)]


def tokenize(text: str) -> list[str]:
    """Tokens for BM25 (see _tokens); a new list each call."""
    return list(_tokens(text))


@lru_cache(maxsize=16384)
def _tokens(text: str) -> tuple[str, ...]:
    """Tokens for BM25: stemmed English words, exact technical tokens and their parts, Korean content morphemes.

    Korean glues particles and endings onto words ("커널을", "커널은", "공유하나요"), so Hangul runs go through
    the mecab-ko morphological analyzer and only content morphemes are kept; "커널" then matches every form.
    Cached: the posts' sentences are read again for every question (verdicts, answer text).
    """
    text = unicodedata.normalize("NFKC", text).lower()
    tokens: list[str] = korean_morphemes(text) if _HANGUL.search(text) else []
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        if _HANGUL.fullmatch(word):
            continue
        elif word.startswith("-"):
            tokens.append(word)
            tokens.extend(t for part in re.split(r"[-_]", word.lstrip("-")) if part for t in _latin(part))
        elif is_compound(word):
            tokens.append(word)
            tokens.extend(t for part in _PARTS.split(word) if part for t in _latin(part))
        else:
            tokens.extend(_latin(word))
    return tuple(tokens)


@dataclass(frozen=True)
class Glossary:
    """General Korean-English pairs of the article's domain terms, for expanding queries across languages."""

    entries: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (english terms, korean terms)

    @cached_property
    def _english_tokens(self) -> tuple[tuple[frozenset[str], ...], ...]:
        return tuple(tuple(frozenset(tokenize(term)) for term in english) for english, _ in self.entries)

    def token_groups(self) -> dict[str, int]:
        """Each one-token term's token -> its entry, so a term and its translation count as one word."""
        groups: dict[str, int] = {}
        for number, (english, korean) in enumerate(self.entries):
            for term in (*english, *korean):
                tokens = tokenize(term)
                if len(tokens) == 1:
                    groups.setdefault(tokens[0], number)
        return groups

    def expand(self, text: str) -> str:
        """Terms of the other language for every glossary term found in the text."""
        lowered = unicodedata.normalize("NFKC", text).lower()
        stems = set(tokenize(lowered))
        extra: list[str] = []
        for (english, korean), english_tokens in zip(self.entries, self._english_tokens):
            en_hit = any(tokens and tokens <= stems for tokens in english_tokens)
            ko_hit = any(term in lowered for term in korean)
            if en_hit and not ko_hit:
                extra.extend(korean)
            elif ko_hit and not en_hit:
                extra.extend(english)
        return " ".join(extra)


def load_glossary(path: Path) -> Glossary:
    """Read corpus/glossary.yml; a missing file means no expansion."""
    import yaml

    from .paths import read_yaml

    if not path.exists():
        return Glossary(())
    try:
        data = read_yaml(path.read_text(encoding="utf-8")) or []
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
