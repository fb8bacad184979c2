"""Word weights over the indexed chunks: IDF, with a glossary term and its translation counted as one word."""

from __future__ import annotations

import math

import numpy as np

from .lexical import Glossary, tokenize


class TermWeights:
    """Term keys of a text (tokens, a glossary pair as one key) and their IDF over the index's chunks."""

    def __init__(self, index, glossary: Glossary):
        self._vocab = index.bm25.vocab_dict
        self._doc_freqs = np.diff(index.bm25.scores["indptr"])  # chunks containing each vocabulary token
        self._chunks = max(1, len(index.chunks))
        self._group = glossary.token_groups()
        self._phrases: list[tuple[int, frozenset[str]]] = []  # (entry, tokens) of every term of two or more tokens
        self._group_idf: dict[int, float] = {}
        for number, (english, korean) in enumerate(glossary.entries):
            for term in (*english, *korean):
                tokens = tokenize(term)
                if len(tokens) > 1:
                    self._phrases.append((number, frozenset(tokens)))
                if tokens and all(self.in_corpus(t) for t in tokens):
                    # A term weighs as its rarest word, a term and its translation at the commoner form's weight:
                    # "container" is rare in a Korean article that writes "컨테이너", but says no more for it.
                    idf = max(self.idf(t) for t in tokens)
                    self._group_idf[number] = min(self._group_idf.get(number, math.inf), idf)

    @property
    def vocabulary(self) -> list[str]:
        """Every token of the indexed chunks."""
        return sorted(self._vocab)

    def doc_freq(self, token: str) -> int:
        position = self._vocab.get(token)
        return int(self._doc_freqs[position]) if position is not None else 0

    def in_corpus(self, token: str) -> bool:
        return self.doc_freq(token) > 0

    def idf(self, token: str) -> float:
        """The token's IDF over the chunks (an unknown token weighs most)."""
        return math.log(1 + self._chunks / (1 + self.doc_freq(token)))

    def key(self, token: str) -> str:
        group = self._group.get(token)
        return f"#{group}" if group is not None and group in self._group_idf else token

    def keys(self, text: str, known_only: bool = False) -> frozenset[str]:
        """The text's term keys: glossary terms of several words as one key ("file system" = 파일시스템), other
        tokens by their glossary entry or as themselves; with known_only, only keys that occur in the corpus."""
        tokens = set(tokenize(text))
        keys: set[str] = set()
        for number, phrase in self._phrases:
            if phrase <= tokens and number in self._group_idf:
                keys.add(f"#{number}")
                tokens -= phrase
        for token in tokens:
            key = self.key(token)
            if not known_only or key != token or self.in_corpus(token):
                keys.add(key)
        return frozenset(keys)

    def weight(self, keys) -> float:
        """Summed IDF of term keys."""
        total = 0.0
        for key in keys:
            total += self._group_idf[int(key[1:])] if key.startswith("#") else self.idf(key)
        return total
