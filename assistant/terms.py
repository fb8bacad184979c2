"""Word weights over the indexed chunks: IDF, with a glossary term and its translation counted as one word."""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache

import numpy as np

from .lexical import Glossary, tokenize
from .lexicon import HANGUL


class TermWeights:
    """Term keys of a text (tokens, a glossary pair as one key) and their IDF over the index's chunks."""

    def __init__(self, index, glossary: Glossary):
        self._vocab = index.bm25.vocab_dict
        scores = index.bm25.scores
        self._doc_freqs = np.diff(scores["indptr"])  # chunks containing each vocabulary token
        # The same over the posts' own text, translations left out (what the refusal model was fitted on).
        own = np.ones(int(scores["num_docs"]), dtype=np.int64)
        own[[i for i, c in enumerate(index.chunks) if c.original and i < len(own)]] = 0
        token_of_entry = np.repeat(np.arange(len(self._doc_freqs)), self._doc_freqs)
        entries = own[np.asarray(scores["indices"], dtype=np.int64)]
        self._own_doc_freqs = np.bincount(token_of_entry, weights=entries, minlength=len(self._doc_freqs))
        self._chunks = max(1, len(index.chunks))
        self._group = glossary.token_groups()
        self._phrases: list[tuple[int, frozenset[str]]] = []  # (entry, tokens) of every term of two or more tokens
        # (entry, term) of every Korean term the analyzer splits into several tokens, longest first: how it splits a
        # word it does not know depends on the words around it ("쿠버네티스" alone is 쿠 + 버네 + 티스, after "Swarm이"
        # 버네 + 티스 with 쿠 read as an adverb; "플랫폼에서" is one token), so such a term is found as written
        self._korean_phrases: list[tuple[int, str]] = []
        self._group_idf: dict[int, float] = {}
        for number, (english, korean) in enumerate(glossary.entries):
            for term in (*english, *korean):
                tokens = tokenize(term)
                if len(tokens) > 1:
                    self._phrases.append((number, frozenset(tokens)))
                    if HANGUL.search(term):
                        self._korean_phrases.append((number, term.lower()))
                if tokens and all(self.in_corpus(t) for t in tokens):
                    # A term weighs as its rarest word, a term and its translation at the commoner form's weight:
                    # "container" is rare in a Korean article that writes "컨테이너", but says no more for it.
                    idf = max(self.idf(t) for t in tokens)
                    self._group_idf[number] = min(self._group_idf.get(number, math.inf), idf)
        self._korean_phrases.sort(key=lambda item: -len(item[1]))

    @property
    def passages(self) -> int:
        """How many chunks the index holds."""
        return self._chunks

    @property
    def vocabulary(self) -> list[str]:
        """Every token of the indexed chunks."""
        return sorted(self._vocab)

    def doc_freq(self, token: str) -> int:
        position = self._vocab.get(token)
        return int(self._doc_freqs[position]) if position is not None else 0

    def known(self, token: str) -> bool:
        """Whether the posts or their translations use the token, or it belongs to a glossary entry."""
        return self.doc_freq(token) > 0 or self.key(token) != token

    @staticmethod
    def everyday(token: str) -> bool:
        """Whether a token is an everyday word of general language (Zipf at least COMMON_ZIPF_LOW, where a word
        starts to lose weight; a Korean verb stem is looked up with its dictionary ending: "붙이" as "붙이다")."""
        frequency = general_zipf(token)
        if HANGUL.search(token) and frequency < COMMON_ZIPF_LOW:
            from .answerability import zipf

            frequency = max(frequency, zipf(token + "다", "ko"))
        return frequency >= COMMON_ZIPF_LOW

    def passage_share(self, key: str) -> float:
        """The share of the indexed passages that hold a term key (a glossary term: its commonest form, from its IDF)."""
        if key.startswith("#"):
            idf = self._group_idf.get(int(key[1:]))
            return 0.0 if idf is None else max(0.0, self._chunks / math.expm1(idf) - 1) / self._chunks
        return self.doc_freq(key) / self._chunks

    def in_corpus(self, token: str) -> bool:
        return self.doc_freq(token) > 0

    def in_own_text(self, token: str) -> bool:
        """Whether the token occurs in the posts' own text (not only in a translation)."""
        position = self._vocab.get(token)
        return position is not None and int(self._own_doc_freqs[position]) > 0

    def idf(self, token: str) -> float:
        """The token's IDF over the chunks (an unknown token weighs most)."""
        return math.log(1 + self._chunks / (1 + self.doc_freq(token)))

    def key(self, token: str) -> str:
        group = self._group.get(token)
        return f"#{group}" if group is not None and group in self._group_idf else token

    def keys_of(self, words) -> frozenset[str]:
        """The term keys of several words or phrases together."""
        return frozenset().union(*(self.keys(word) for word in words))

    def keys(self, text: str, known_only: bool = False) -> frozenset[str]:
        """The text's term keys: glossary terms of several words as one key ("file system" = 파일시스템), other
        tokens by their glossary entry or as themselves; with known_only, only keys that occur in the corpus."""
        tokens = set(tokenize(text))
        keys: set[str] = set()
        if HANGUL.search(text):
            written = unicodedata.normalize("NFKC", text).lower()
            for number, term in self._korean_phrases:
                if term in written and number in self._group_idf:
                    keys.add(f"#{number}")
                    written = written.replace(term, " ")
                    # its pieces, however the analyzer split it here, unless the text also says them elsewhere
                    tokens = {token for token in tokens if token not in term or token in written}
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
        """Summed IDF of term keys, each word damped by how common it is in general language.

        An article's IDF overrates everyday words that it happens to use rarely ("one", "all" in a Korean post's
        English lines); a word every text uses says little about what a sentence is about.
        """
        # math.fsum: the same keys weigh the same whatever order a set yields them in (a share compared with a
        # threshold must not flip with the process's hash seed).
        return math.fsum(self._group_idf[int(key[1:])] if key.startswith("#") else self.idf(key) * _plainness(key) for key in keys)


COMMON_ZIPF_LOW, COMMON_ZIPF_HIGH = 4.0, 7.0  # Zipf frequencies between which a word's weight falls from full to none
MIN_PLAINNESS = 0.1
# A word at least this common in general language is one of its few hundred commonest ("right", "like", "something",
# "thing"): a function word or one too general to name a subject of a question.
FUNCTION_ZIPF = 5.5
_STEM_ENDINGS = ("", "e", "s", "es", "ed", "ing", "ly", "ely", "y")


@lru_cache(maxsize=65536)
def general_zipf(token: str) -> float:
    """How common a token is in general language (wordfreq Zipf; for an English stem, the commonest word it can
    stand for: "complet" -> "complete")."""
    from .answerability import zipf

    if HANGUL.search(token):
        return zipf(token, "ko")
    forms = [token + ending for ending in _STEM_ENDINGS]
    if token.endswith("i"):
        forms += [token[:-1] + "y", token[:-1] + "ies"]  # the stemmer writes a final y as i: every -> everi, library -> librari
    return max(zipf(form, "en") for form in forms)


@lru_cache(maxsize=65536)
def _plainness(token: str) -> float:
    """1 for words rare in general language, falling towards MIN_PLAINNESS for the commonest (wordfreq Zipf)."""
    frequency = general_zipf(token)
    share = (COMMON_ZIPF_HIGH - frequency) / (COMMON_ZIPF_HIGH - COMMON_ZIPF_LOW)
    return max(MIN_PLAINNESS, min(1.0, share))
