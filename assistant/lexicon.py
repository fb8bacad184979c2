"""The general vocabulary of claims: predicates with their opposites, and table cells that carry a value."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# An English word standing on its own: not part of an identifier joined with underscores ("cap_drop" names an option;
# its "cap" is no verb)
_EN_WORD = re.compile(r"(?<![a-z0-9_])[a-z']+(?![a-z0-9_])")  # (Hangul may follow: "stateful한가요")


def english_words(text: str) -> list[str]:
    """The lower-cased English words of a text, the parts of identifiers joined with underscores aside."""
    return _EN_WORD.findall(text.lower())


@dataclass(frozen=True)
class Lexicon:
    """Predicates by word (English words, Korean stems) and cell values by cell text."""

    english: dict[str, str]  # word -> predicate id
    korean: dict[str, str]  # stem or noun -> predicate id
    opposite: dict[str, str]  # predicate id -> the id of its opposite
    cells: dict[str, str]  # normalized cell text -> "yes" | "no" | "partial" | "can"
    possibility: frozenset[str] = frozenset()  # words that mean a possibility ("risk"): "may" answers them yes
    risky: frozenset[str] = frozenset()  # predicates with such words: "it may be affected" means "not safe"
    # (adverb, verb stem) -> predicate id: a Korean adverb with a verb of use says the predicate ("같이 쓰다": share)
    korean_phrases: dict[tuple[str, str], str] = field(default_factory=dict)
    # English phrasal verbs ("go down with", "take … down") as patterns -> predicate id
    english_phrases: tuple[tuple[re.Pattern, str], ...] = ()
    # Snowball stem of each English word -> predicate id, for the word's other inflections
    english_stems: dict[str, str] = field(default_factory=dict)
    # verbs that make their object hold the predicate ("reduce", "줄이다": the object becomes small): "can X reduce Y?"
    # asks what X does to Y, which a claim of Y's opposite ("Y may grow large") does not answer
    causative: frozenset[str] = frozenset()

    def english_phrase(self, text: str) -> str | None:
        """The predicate of the last English phrasal verb in a text ("will that take the todo container down?")."""
        found = [(m.start(), predicate) for pattern, predicate in self.english_phrases for m in pattern.finditer(text.lower())]
        return max(found)[1] if found else None

    def english_predicate(self, word: str) -> str | None:
        """The predicate of an English word, or of another inflection of it ("affecting" as "affect")."""
        word = word.lower()
        found = self.english.get(word)
        if found is None and len(word) > 4 and word.endswith(("ing", "ed", "es", "s")):
            found = self.english_stems.get(_stem(word))
        return found

    def korean_predicate(self, form: str) -> str | None:
        return self.korean.get(form)

    def _english_in(self, text: str) -> list[str]:
        return [p for word in english_words(text) if (p := self.english_predicate(word)) is not None]

    def _korean_in(self, text: str) -> list[str]:
        from .lexical import tagged_morphemes

        if not HANGUL.search(text):
            return []
        return [p for form, _tag in tagged_morphemes(text) if (p := self.korean_predicate(form)) is not None]

    def predicate_in(self, text: str) -> str | None:
        """The last predicate named in a short text (a header or a cell), in either language (Korean first)."""
        found = self._korean_in(text) or self._english_in(text)
        return found[-1] if found else None

    def predicates_in(self, text: str) -> set[str]:
        """Every predicate named in a text, in either language."""
        return set(self._english_in(text)) | set(self._korean_in(text))

    def cell_value(self, cell: str) -> str | None:
        return self.cells.get(cell.strip().lower())

    def orient(self, value: str, predicate: str, asked: str) -> str | None:
        """A claim's value turned into the answer to a question about `asked` (None when unrelated)."""
        if predicate == asked or value == "partial" and self.opposite.get(predicate) == asked:
            return value
        if self.opposite.get(predicate) == asked:
            return {"yes": "no", "no": "yes"}[value]
        return None

    def terms_of(self, predicate: str) -> set[str]:
        """Every word of a predicate and of its opposite (they name what is asked, not the situation)."""
        ids = {predicate, self.opposite.get(predicate)}
        return {w for w, p in self.english.items() if p in ids} | {w for w, p in self.korean.items() if p in ids}


def _stem(word: str) -> str:
    from .lexical import _stemmer

    return _stemmer().stemWord(word)


@lru_cache(maxsize=4)
def load_lexicon(directory: Path = _DATA, corpus: Path | None = None) -> Lexicon:
    """Read the general predicates.yml and cells.yml, then a corpus's own files of the same names when it has them
    (its words join a general predicate of the same id, or make a new one; its cells add values)."""
    import yaml

    from .errors import IngestError
    from .paths import read_yaml

    english: dict[str, str] = {}
    korean: dict[str, str] = {}
    opposite: dict[str, str] = {}
    possibility: set[str] = set()
    causative: set[str] = set()
    risky: set[str] = set()
    cells: dict[str, str] = {}
    phrases: dict[tuple[str, str], str] = {}
    english_phrases: list[tuple[re.Pattern, str]] = []
    folders = [directory] + ([corpus] if corpus is not None and corpus != directory else [])
    for folder in folders:
        predicates, values = folder / "predicates.yml", folder / "cells.yml"
        try:
            for entry in read_yaml(predicates.read_text(encoding="utf-8")) if predicates.exists() else []:
                for word in entry.get("en", []):
                    english[str(word).lower()] = entry["id"]
                for word in entry.get("ko", []):
                    korean[str(word)] = entry["id"]
                for phrase in entry.get("ko_phrases", []):
                    adverb, verb = str(phrase).split()
                    phrases[(adverb, verb)] = entry["id"]
                for phrase in entry.get("en_phrases", []):
                    words = [re.escape(w) if w != "…" else r"(?:\S+\s+){0,4}?" for w in str(phrase).lower().split()]
                    pattern = r"\b" + r"\s+".join(words).replace(r"?\s+", "?") + r"\b"
                    english_phrases.append((re.compile(pattern), entry["id"]))
                possibility.update(str(word).lower() for word in entry.get("possibility", []))
                causative.update(str(word).lower() for word in entry.get("causative", []))
                if entry.get("possibility"):
                    risky.add(entry["id"])
                if entry.get("opposite"):
                    opposite[entry["id"]] = entry["opposite"]
            for value, texts in (read_yaml(values.read_text(encoding="utf-8")) if values.exists() else {}).items():
                value = {True: "yes", False: "no"}.get(value, value) if isinstance(value, bool) else value  # YAML 1.1 reads yes/no as booleans
                if value not in ("yes", "no", "partial", "can"):
                    raise TypeError(value)
                for text in texts:
                    cells[str(text).lower()] = value
        except (yaml.YAMLError, KeyError, TypeError, AttributeError, ValueError):
            raise IngestError(
                f"{folder}: predicates.yml must be a list of {{id, opposite, en: [...], ko: [...]}} and cells.yml a "
                "mapping of yes/no/partial/can to cell texts; fix or remove them"
            ) from None
    stems: dict[str, str] = {}
    for word, predicate in english.items():
        stems.setdefault(_stem(word), predicate)
    return Lexicon(
        english, korean, opposite, cells, frozenset(possibility), frozenset(risky), phrases, tuple(english_phrases), stems, frozenset(causative)
    )
