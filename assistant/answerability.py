"""Answerability: the key subjects of a question that the article never mentions (LXC, ENTRYPOINT, `docker logs`).

A word is a key subject when it is rare in general language (wordfreq's Zipf frequency below `RARE_ZIPF`: names
of tools, commands and technical terms, not everyday words), when it is a common word written as a name (Harbor,
Helm: a capital that does not begin an English sentence), or when it follows a command the article runs in its
code ("docker logs" where the article runs `docker run`, `docker network create`). It is covered when the article
has it (by its stem or morpheme), through a glossary translation, or as a near spelling (typos, "yaml" ~ "yml").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import HANGUL
from .question import asked_term, question_language
from .lexical import Glossary, tokenize
from .terms import COMMON_ZIPF_LOW
from .retrieve import FAQ_WORDS, faq_headings

COMMON_ZIPF = 4.5  # a subcommand this common ("use", "run") is an everyday verb, not an operation
RARE_ZIPF = 3.0  # at most about one use per 10 million words of general text
SPECIFIC_SHARE = 0.05  # a word the posts say in at most one passage in twenty names something specific of theirs
CLIPPING_MIN = 4  # letters of a clipped word ("auth", "repo") that must begin a word of the posts
CLIPPED_MAX_ZIPF = 4.0  # a word this common in general English is one of its own, not a clipping ("mode", "form")
FUZZY_SCORE = 85  # rapidfuzz ratio above which a word is a variant spelling of an article word
SHELL_LANGUAGES = frozenset({"bash", "sh", "shell", "zsh", "fish", "console", "terminal", "shell-session", "powershell", "ps1", "pwsh", "cmd", "bat"})
# Korean writes an English loanword by its sounds ("플라스크" Flask, "테라폼" Terraform, "앱아머" AppArmor): both
# spellings reduce to the same skeleton of consonant classes once vowels, the English r after a vowel (not
# pronounced in the loanword) and doubled letters are dropped, and the sounds Korean does not tell apart merged
# (b/p/f/v, d/t, g/k/c, l/r, s/z/j/ch).
_CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JONGSEONG = ["", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]
_INITIAL_CLASS = {"ㄱ": "K", "ㄲ": "K", "ㅋ": "K", "ㄴ": "N", "ㄷ": "T", "ㄸ": "T", "ㅌ": "T", "ㄹ": "L", "ㅁ": "M", "ㅂ": "P",
                  "ㅃ": "P", "ㅍ": "P", "ㅅ": "S", "ㅆ": "S", "ㅈ": "S", "ㅉ": "S", "ㅊ": "S"}
_FINAL_CLASS = {"ㄱ": "K", "ㄴ": "N", "ㄹ": "L", "ㅁ": "M", "ㅂ": "P", "ㅅ": "T", "ㅇ": "N", "ㅌ": "T", "ㅍ": "P", "ㄷ": "T",
                "ㅈ": "T", "ㅊ": "T", "ㅋ": "K"}
_LATIN_CLASS = {"b": "P", "p": "P", "f": "P", "v": "P", "d": "T", "t": "T", "g": "K", "k": "K", "c": "K", "q": "K", "l": "L",
                "r": "L", "m": "M", "n": "N", "s": "S", "z": "S", "j": "S"}


def hangul_skeleton(word: str, vowels: bool = False) -> str:
    """The consonant skeleton of a Hangul word ("플라스크": PLSK); with `vowels`, each vowel sound as V (ㅡ, which
    Korean adds between the consonants of an English cluster, aside: "앱아머": VPVMV)."""
    out = []
    for char in word:
        offset = ord(char) - 0xAC00
        if 0 <= offset < 11172:
            initial, medial, final = _CHOSEONG[offset // 588], (offset % 588) // 28, _JONGSEONG[offset % 28]
            vowel = "V" if vowels and medial != _MEDIAL_EU else ""
            out.append(_INITIAL_CLASS.get(initial, "") + vowel + _FINAL_CLASS.get(final, ""))
    return re.sub(r"(.)\1+", r"\1", "".join(out))


def latin_skeleton(word: str, vowels: bool = False) -> str:
    """The consonant skeleton of an English word as Korean writes it ("flask": PLSK, "ingress": NKLS); with
    `vowels`, each vowel sound as V ("apparmor": VPVMV)."""
    w = re.sub(r"[^a-z]", "", word.lower())
    w = re.sub(r"c(?=[eiy])", "s", w)  # "service": 서비스
    w = re.sub(r"(?<=[^aeiour])e$", "", w)  # the silent e of "compose"
    w = re.sub(r"(.)\1+", r"\1", w)
    w = re.sub(r"r(?![aeiouy])", "", w)  # "terraform": 테라폼
    for digraph, sound in (("ph", "f"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("ck", "k"), ("qu", "k"), ("x", "ks")):
        w = w.replace(digraph, sound)
    w = re.sub(r"ng(?=[aeiouylr])", "nk", w).replace("ng", "n")  # "ingress": 인그레스, "long": 롱
    classes = {**_LATIN_CLASS, **({vowel: "V" for vowel in "aeiouyw"} if vowels else {})}
    return re.sub(r"(.)\1+", r"\1", "".join(classes.get(ch, "") for ch in w))


_MEDIAL_EU = 18  # ㅡ among the 21 Hangul vowels


# The particles of general Korean that can close a noun, longest first.
_KO_PARTICLES = sorted(
    {"은", "는", "이", "가", "을", "를", "의", "에", "에서", "에게", "한테", "로", "으로", "과", "와", "랑", "이랑", "도", "만",
     "까지", "부터", "처럼", "보다", "하고", "이나", "나", "들", "들이", "들은", "들을", "로는", "으로는", "에는", "에서는", "이란", "란"},
    key=len, reverse=True,
)
# Noun-forming suffixes that Korean glues to a noun to say what it is for or of which kind ("강화용", for hardening;
# "엔터프라이즈급", enterprise-grade; "서비스별", per service): the word is about the noun before them.
_KO_NOUN_SUFFIXES = ("용", "급", "별")
_KO_CLIPPED_SYLLABLES = 2  # syllables of a clipped Hangul word ("쿠버": 쿠버네티스) that must begin a word of the posts
# A name in code form: an identifier joined by underscores (depends_on, node_modules) or a file name with its
# extension (daemon.json, docker.sock). General English writes neither; a hyphen ("user-defined") it does.
_IDENTIFIER = re.compile(r"(?<![a-z0-9_.-])(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z][a-z0-9_-]*\.[a-z]{2,5})(?![a-z0-9_.-])")
_LATIN_WORD = re.compile(r"[a-z][a-z0-9+#._-]*[a-z0-9+#]|[a-z]")


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, dict[str, float]]:
    from wordfreq import get_frequency_dict

    # The "small" lists hold every word from Zipf 3.0 up; every threshold here is at or above RARE_ZIPF, so a word
    # missing from them (Zipf 0 here) is rare either way, and they load in a tenth of the time of the large list.
    return {"en": get_frequency_dict("en", wordlist="small"), "ko": get_frequency_dict("ko", wordlist="small")}


def zipf(word: str, language: str, compound: bool = True) -> float:
    """Zipf frequency of a word in general language (0 when unknown). A hyphenated compound the list does not hold
    (in the plural too: "trade-offs") is as common as its rarest part when every part is an everyday word ("go-to", "read-only"); one with a rarer part
    ("json-file", "restart-policy"), or with `compound` False (an option written "--cap-drop"), is unknown."""
    import math

    frequency = _frequencies()[language].get(word, 0.0)
    if frequency <= 0 and compound and "-" in word.strip("-"):
        pieces = [part for part in word.split("-") if part]
        parts = [zipf(part, language) for part in pieces]
        if parts and pieces[-1].endswith("s"):
            parts[-1] = max(parts[-1], zipf(pieces[-1][:-1], language))  # a plural: "trade-offs" as "trade-off"
        return min(parts) if parts and min(parts) >= COMMON_ZIPF else 0.0
    return math.log10(frequency * 1e9) if frequency > 0 else 0.0


def base_forms(word: str) -> tuple[str, ...]:
    """The English words an inflected form can come from (general English inflection): "reusing" reuse, "running" run,
    "reused" reuse, "stopped" stop, "carried" carry, "caches" cache, "libraries" library, "images" image."""
    forms: list[str] = []
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        forms += [stem, stem + "e"] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])
    elif word.endswith("ed") and len(word) > 4:
        stem = word[:-2]
        forms += [stem, word[:-1]] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])
        forms += [stem[:-1] + "y"] if stem.endswith("i") else []
    elif word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms += [word[:-1]] + ([word[:-2]] if word[:-2].endswith(("s", "x", "z", "ch", "sh")) else [])
    return tuple(forms)


def inflected_zipf(word: str, written: str = "") -> float:
    """How common an English word is, as itself or as the inflection of a word ("reusing": as common as "reuse"; the
    word lists leave many inflections of rarer words out). A word `written` in capitals is an acronym, inflected only
    by a small s ("GPUs", not "CORS")."""
    if written[:-1].isupper():
        forms = (word[:-1],) if written[-1:].islower() else ()
    else:
        forms = base_forms(word)
    return max([zipf(word, "en"), *(zipf(form, "en") for form in forms)])


def zipf_large(word: str) -> float:
    """Zipf frequency of an English word in wordfreq's large list (down to about one use per billion words; 0 when
    it has never been seen). Loaded on first use: only a question with an uncovered rare word needs it."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en", wordlist="large")


TYPO_MIN = 5  # letters of a word read as a misspelling of a common English word one edit away
TYPO_OF_ZIPF = 3.5  # how common that word must be (Zipf): a misspelling of a word people use, not a name near a rare one
TYPO_SEEN_ZIPF = 1.5  # a misspelling is itself seen now and then in a large corpus ("exeption": 1.0), a name far more


@lru_cache(maxsize=1)
def _common_english() -> tuple[str, ...]:
    return tuple(word for word, frequency in _frequencies()["en"].items() if word.isalpha() and frequency >= 10 ** (TYPO_OF_ZIPF - 9))


@lru_cache(maxsize=4096)
def _misspelled_common(word: str) -> bool:
    """Whether a word no dictionary knows is one edit away from a common English word ("exeption", "swiching",
    "thows"): a misspelling in the asker's own words, not the name of something. Names of tools that are a
    letter away from a word ("skaffold", scaffold) are near rarer words, and short ones ("runc", "tini") are left
    alone."""
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    if len(word) < TYPO_MIN or not word.isalpha() or zipf_large(word) >= TYPO_SEEN_ZIPF:
        return False
    if any(word[:-k] in _frequencies()["en"] and len(word) - k >= 4 for k in (1, 2)):
        return False  # a word with a letter or two added names something made from it ("containerd", "dockerd")
    return process.extractOne(word, _common_english(), scorer=DamerauLevenshtein.distance, score_cutoff=1) is not None


# After an auxiliary ("does Docker rely on ...?") the command's name is the subject of a question, not a command line.
_AUXILIARIES = {"do", "does", "did", "can", "could", "will", "would", "should", "shall", "may", "might", "must", "is", "are", "was", "were", "has", "have"}
# Before a command head, a word that counts or picks among many ("each docker weakness", "these Docker downsides",
# "which docker-compose flags", "a single docker-compose setup") makes the pair a noun phrase of a kind of thing, not
# the name of one subcommand ("the" still may: "the Docker daemon").
_QUANTIFIERS = {"a", "an", "this", "that", "these", "those", "each", "every", "single", "any", "all", "most", "many", "some", "several", "which", "what", "other", "such"}
# A word followed by one of these is a verb taking an object ("does Docker reuse the kernel"), not a subcommand.
_DETERMINERS = {"the", "a", "an", "my", "your", "our", "their", "its", "his", "her", "this", "that", "these", "those", "each", "every", "all", "any", "some", "it", "them"}


def _written_as_name(question: str, start: int, end: int, english: bool) -> bool:
    """Whether the word at [start, end) is written as the name of a tool, a product or a file: an acronym (LXC),
    capitals inside it (StatefulSet), a capital that does not begin an English sentence (Podman), or code form
    (`.dockerignore`, in backticks). A typo, an inflection or an everyday word is not (kernal, setups, auth)."""
    original = question[start:end]
    letters = re.sub(r"[^A-Za-z]", "", original)
    before = question[:start].rstrip()
    if (start > 0 and question[start - 1] in ".`") or before.endswith("`"):
        return True
    if len(letters) >= 2 and letters.isupper() or re.search(r"[a-z][A-Z]", original):
        return True
    sentence_start = not before or before[-1] in ".?!"
    return original[0].isupper() and not (english and sentence_start)


def _title_case(word: str) -> bool:
    """A capital first letter and not only capitals: Harbor, GitHub (an acronym such as RAM, GPU or IDs is often a
    plain word of the trade)."""
    letters = re.sub(r"[^A-Za-z]", "", word)
    return len(letters) >= 2 and letters[0].isupper() and not re.fullmatch(r"[A-Z]+s?", letters)


def _similar(word: str, choices) -> bool:
    """Whether a word is close by its letters to one of the choices (rapidfuzz ratio of at least FUZZY_SCORE)."""
    from rapidfuzz import fuzz, process

    return process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE) is not None


@lru_cache(maxsize=4096)
def _hangul_nouns(question: str) -> tuple[str, ...]:
    """The Hangul words of a question that the analyzer's dictionary does not know as one word, as written and
    their particles aside ("포드맨과": 포드맨, which it splits into 포드 + 맨; "쿠버네티스": 쿠 + 버네 + 티스). A
    dictionary word ("플라스크"), a word with a derivational suffix ("영구적") and a verb are none."""
    from .lexical import mecab_parse

    # A word read alone can be misread as a name: "만들어진" alone is one unknown noun, in "… 구조로 만들어진 거예요?"
    # the verb 만들다 with its endings. The question read whole decides which words hold a verb or an ending.
    inflected = [(m.span.start, m.span.end) for m in mecab_parse(question) if m.feature.pos.split("+")[0].startswith(("V", "E", "XSV", "XSA"))]
    out = []
    for found in re.finditer(r"[가-힣]{2,}", question):
        word = found.group(0)
        if any(found.start() <= start and end <= found.end() for start, end in inflected):
            continue
        particle = next((p for p in _KO_PARTICLES if word.endswith(p)), "")
        stem = word[: len(word) - len(particle)] if particle else word
        if len(stem) < 2 or word.endswith("요"):
            continue  # a noun of one syllable ("앱이") is too short to name a tool; "…요" is a polite ending
        if particle and any(m.feature.pos.split("+")[0] in ("VV", "VA", "XSV", "XSA") for m in mecab_parse(word)):
            continue  # a verb ("나오는", "유지하는": 유지 + 하 + 는), whose ending is no particle
        pieces = [(m.surface, m.feature.pos) for m in mecab_parse(stem)]
        if not pieces or not pieces[0][1].startswith("NN") or pieces[-1][1].startswith(("E", "X", "J", "V")):
            continue  # a verb, an ending or a suffix: a word of the dictionary's grammar
        if any(tag.startswith("J") for _, tag in pieces[1:-1]):
            continue  # a phrase with a particle inside ("주의점": 주 + 의 + 점)
        if len(pieces) >= 2 or pieces[0][1] == "NNP":
            out.append(stem)
    return tuple(out)


def _particle_aside(word: str) -> str:
    """A Hangul word without the longest particle it ends in ("로깅이나": 로깅)."""
    particle = next((p for p in _KO_PARTICLES if word.endswith(p) and len(word) > len(p)), "")
    return word[: len(word) - len(particle)]


def _hangul_words_holding(form: str, question: str) -> list[str]:
    """The Hangul words of a question that hold a noun the analyzer found (a word as written, spaces apart)."""
    return [word for word in re.findall(r"[가-힣]+", question) if form in word]


def _as_written(form: str, question: str) -> str:
    """The word of the question that a noun the analyzer found stands for: the Hangul word holding it, its particles
    aside, when the analyzer read that word as beginning with a particle, which no Korean word does ("깅이" of
    "로깅이나": 로깅); else the noun itself."""
    from .lexical import mecab_parse

    for word in _hangul_words_holding(form, question):
        if not word.startswith(form):
            alone = mecab_parse(word)
            if alone and alone[0].feature.pos.startswith("J"):
                return _particle_aside(word)
    return form


_FINAL_M = 16  # ㅁ among the final consonants (_JONGSEONG)


def _plain_endings(text: str) -> str:
    """A Korean text with its colloquial verb endings in their plain spelling, where the analyzer would split the
    colloquial one into unknown nouns: the polite ending with an added ㅇ ("되나용": 되나요) and a verb made a noun with
    ㅁ ("날아감": 날아가). A word the analyzer reads as one noun ("사용", "느림") or already as a verb is left as it is."""
    from .lexical import tagged_morphemes

    def verb(form: str) -> bool:
        tags = [tag for _, tag in tagged_morphemes(form)]
        return bool(tags) and (tags[0].startswith("V") or len(tags) > 1 and tags[1] in ("XSV", "XSA"))

    def plain(match: re.Match) -> str:
        word = match.group(0)
        tags = [tag for _, tag in tagged_morphemes(word)]
        if len(tags) < 2 or any(tag.startswith(("V", "X", "E")) for tag in tags):
            return word  # one noun of the dictionary, or a form the analyzer already reads as a verb
        last = ord(word[-1]) - 0xAC00
        if word.endswith("용") and verb(word[:-1] + "요"):
            return word[:-1] + "요"
        if 0 <= last < 11172 and last % 28 == _FINAL_M and verb(stem := word[:-1] + chr(0xAC00 + last - _FINAL_M)):
            return stem
        return word

    return re.sub(r"[가-힣]{2,}", plain, text)


@dataclass(frozen=True)
class Uncovered:
    """Key subjects of a question the article does not mention: rare words, and commands it never runs."""

    words: tuple[str, ...]
    operations: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # of the words, those written as a name (LXC, Podman, StatefulSet, .dockerignore)

    @property
    def all(self) -> tuple[str, ...]:
        return self.operations + tuple(w for w in self.words if not any(w in op for op in self.operations))

    def __bool__(self) -> bool:
        return bool(self.words or self.operations)


class KeySubjects:
    """Finds the rare words and command operations of a question that the indexed articles never mention."""

    def __init__(self, terms, glossary: Glossary, chunks):
        self._terms = terms
        self._glossary = glossary
        self._vocabulary = terms.vocabulary
        text = " ".join(c.text.lower() for c in chunks if not c.draft)
        self._text = re.sub(r"\s+", " ", text)
        self._words = sorted(set(re.findall(r"[a-z]{3,}", self._text)))
        self._word_set = frozenset(self._words)
        self._misspelled = lru_cache(maxsize=4096)(self._post_word_misspelled)  # word -> the word of the posts it misspells
        # Hangul word -> the name of the posts it spells (retrieval and the verdict both respell a question)
        self.latin_spelled = lru_cache(maxsize=4096)(self._post_name_spelled)
        self._identifiers = sorted(set(_IDENTIFIER.findall(self._text)))
        self._has_faq = bool(faq_headings(chunks))
        self._hangul_text = re.sub(r"\s+", "", " ".join(c.text for c in chunks if not c.draft))
        # The posts' Hangul words as written and the Korean terms of the glossary, which a clipped word may begin.
        own = re.findall(r"[가-힣]+", " ".join(c.text for c in chunks if not c.draft))
        self._hangul_words = sorted(set(own) | {term for _, korean in glossary.entries for term in korean if HANGUL.fullmatch(term[0])})
        self._hangul_word_set = frozenset(self._hangul_words)
        self._spelled_sounds = frozenset(hangul_skeleton(word, vowels=True) for word in self._hangul_words)
        # The skeletons of the posts' English words, with and without their vowels; "windows" is 윈도우 without its
        # plural s.
        self._skeletons: set[str] = set()  # with vowels
        self._vowelled: dict[str, set[str]] = {}  # consonants -> with vowels
        self._sounded: dict[str, set[str]] = {}  # with vowels -> the words
        for word in self._words:
            consonants, full = latin_skeleton(word), latin_skeleton(word, vowels=True)
            forms = [(consonants, full)] + ([(consonants[:-1], full[:-1])] if consonants.endswith("S") else [])
            for consonants, full in forms:
                self._skeletons.add(full)
                self._vowelled.setdefault(consonants, set()).add(full)
            self._sounded.setdefault(forms[0][1], set()).add(word)
        heads: set[str] = set()
        for chunk in chunks:
            # Commands are what a shell block runs; the first word of an SQL, C++ or YAML line is a column, a type
            # or a key ("email VARCHAR(255)" does not make "email lookup" an operation).
            if chunk.kind == "code" and not chunk.draft and (chunk.language or "").lower() in SHELL_LANGUAGES:
                for line in chunk.text.lower().splitlines():
                    words = line.split()
                    if words and not words[0].startswith("#") and re.fullmatch(r"[a-z][a-z0-9_-]+", words[0]):
                        heads.add(words[0])
        self._command_heads = frozenset(heads)
        # The terms the posts define ("A Volume is an external directory …", "마운트(Mount)는 … 연결하는 것입니다"), by
        # their term keys: a question of what one of them is asks what the posts say.
        from .claims import copular_term, split_sentences

        self._defined = [
            keys for chunk in chunks if chunk.kind == "prose" and not chunk.draft for sentence in split_sentences(chunk.text)
            if (term := copular_term(sentence)) and (keys := terms.keys(term))
        ]

    def defines(self, question: str) -> bool:
        """Whether a question asks what a term is ("What is a volume?", "볼륨이 뭐야?") that the posts define."""
        term = asked_term(question)
        keys = self._terms.keys(term) if term else frozenset()
        return bool(keys) and any(keys <= defined for defined in self._defined)

    def names_a_part(self, word: str) -> bool:
        """Whether a word is a general name of a part the posts have: "FAQ" when a heading's subheadings are questions."""
        return self._has_faq and bool(FAQ_WORDS.fullmatch(word.lower()))

    def covered(self, word: str) -> bool:
        """Whether the articles mention the word, its translation, a word it clips or a near spelling of it, or it
        names a part the posts have ("FAQ", when a heading's subheadings are questions)."""
        if self.names_a_part(word):
            return True
        tokens = tokenize(word)
        if not tokens or self._mentioned(word):
            return True
        if HANGUL.search(word) and self._spells_latin(word):
            return True  # the Korean spelling of an English word of the posts ("테라폼": terraform)
        if word.endswith("s") and not word.endswith("ss") and self._mentioned(word[:-1]):
            return True  # a plural of a word the posts use as such ("vms", "cgroups"; not "rootless", "userns")
        if self._clips_hangul(word):
            return True
        def near(token: str) -> bool:
            """A plausible typo or variant spelling: a short word close by its letters ("yaml", "yml"), else a near
            spelling ("kernal", "dokcer", "vulnerabilites"; not "restic" for "restrict")."""
            if len(token) == 4:
                return _similar(token, self._vocabulary)
            return len(token) > 4 and self._near_spelling(token, self._vocabulary)

        return any(near(t) for t in tokens)

    def _translated(self, word: str) -> bool:
        """Whether the posts use a word through its glossary translation."""
        return any(self._terms.in_corpus(t) for t in tokenize(self._glossary.expand(word)))

    def _mentioned(self, word: str) -> bool:
        """Whether the posts use a word as such (each of its tokens), through its glossary translation or clipped
        ("auth": authentication, "config": configuration), not by a near spelling."""
        tokens = tokenize(word)
        return bool(tokens) and (
            all(self._terms.in_corpus(t) for t in tokens)
            or self._translated(word)
            or (len(word) >= CLIPPING_MIN and word.isascii() and word.isalpha() and self._clipped(word))
        )

    def _spells_latin(self, word: str) -> bool:
        """Whether a Hangul word spells an English word of the posts. A skeleton of one or two consonants is common
        to many words ("이스티오" and "state" are both ST): it must then match with its vowels. A word of one syllable,
        or of fewer than two consonants, is too short to say which word it spells ("하와이" is V, as "a" is; "여행" VN,
        as "in" is)."""
        from rapidfuzz.distance import Levenshtein

        if len(word) < 2 or len(hangul_skeleton(word)) < 2:
            return False
        with_vowels = hangul_skeleton(word, vowels=True)
        if with_vowels in self._skeletons:
            return True
        skeleton = hangul_skeleton(word)
        return len(skeleton) >= 3 and any(
            Levenshtein.distance(with_vowels, vowelled) <= 1 for vowelled in self._vowelled.get(skeleton, ())
        )  # one vowel apart ("네임스페이스", namespace); "인그레스" is not "increases"

    def _post_name_spelled(self, word: str) -> str | None:
        """The one name of the posts in Latin letters that a Hangul word spells ("테라폼": terraform, "앤서블": ansible),
        or None. Its skeleton with vowels is that of the name as written and of no other word of the posts, and the name
        is no everyday word of English (a skeleton says little of the vowels: "브리지" sounds like "process" without
        its s, "지바이저" like "services"), nor one the posts also spell in Hangul ("두개" sounds like 도커, docker)."""
        if len(word) < 2 or len(hangul_skeleton(word)) < 2:
            return None
        sound = hangul_skeleton(word, vowels=True)
        if sound in self._spelled_sounds:
            return None  # the sound of a Hangul word of the posts ("도커", "쿠버네티스"): a name they spell in Hangul
        words = self._sounded.get(sound, set())
        if len(words) != 1:
            return None
        (name,) = words
        return name if tokenize(name) and zipf(name, "en") < COMMON_ZIPF_LOW else None

    def spells_a_post_word(self, piece: str, question: str) -> bool:
        """Whether a token of a question is a post's word in another form: a piece of Hangul that spells an English word
        of the posts ("알파인": alpine) or belongs to a word of the question that does (as the analyzer splits it:
        "테라" of "테라폼", terraform), or a clipped English one ("prod": production)."""
        if not HANGUL.search(piece):
            return len(piece) >= CLIPPING_MIN and piece.isalpha() and self._clipped(piece)
        return self._spells_latin(piece) or any(piece in word and self._spells_latin(word) for word in _hangul_nouns(question))

    def _has_part_of_posts(self, word: str) -> bool:
        """Whether a part of two syllables or more of a Hangul word is a word of the posts ("가상" of "가상머신")."""
        from .lexical import mecab_parse

        return any(len(m.surface) >= 2 and self._terms.in_corpus(m.surface) for m in mecab_parse(word))

    def _covered_hangul(self, word: str) -> bool:
        """Whether the posts use a Hangul noun: as written (spaces aside), through a glossary translation, or every
        noun of two syllables or more it is made of ("보안이슈": 보안, 이슈)."""
        from .lexical import tagged_morphemes

        if word in self._hangul_text or self._translated(word):
            return True
        if self._spells_latin(word) or self._clips_hangul(word):
            return True  # the Korean spelling of an English word of the posts ("앱아머": apparmor), or a clipped word
        parts = [form for form, tag in tagged_morphemes(word) if len(form) >= 2]
        return bool(parts) and all(self._terms.in_corpus(part) for part in parts) and sum(map(len, parts)) >= len(word) - 1

    def _misread(self, form: str, question: str) -> bool:
        """Whether a noun the analyzer found in a Hangul word of the question is a misreading of a known word: the
        word as written, its particles aside, is one the posts use or one noun of general Korean ("로깅이나", read as
        the particle 로 and a noun 깅이, is 로깅 and 이나: no Korean word begins with a particle; "혼자서", read whole
        as an unknown name, is 혼자 and 서), or such a word with a noun-forming suffix ("강화용": 강화, for hardening)."""
        from .lexical import mecab_parse

        for word in _hangul_words_holding(form, question):
            stems = {_particle_aside(word), word}
            alone = [(m.surface, m.feature.pos.split("+")[0]) for m in mecab_parse(word)]
            if len(alone) >= 2 and alone[0][1].startswith("NN") and all(tag.startswith("J") for _, tag in alone[1:]):
                stems.add(alone[0][0])  # read alone, one noun and its particles
            for stem in stems:
                if stem != form and (self._posts_noun(stem) or self._common_noun(stem)):
                    return True
                if len(stem) >= 3 and stem.endswith(_KO_NOUN_SUFFIXES) and self._posts_noun(stem[:-1]):
                    return True
        return False

    def _posts_noun(self, word: str) -> bool:
        """Whether the posts use a Hangul word as written, or its glossary translation."""
        return (
            self._terms.in_corpus(word) or len(word) >= 2 and word in self._hangul_text
            or any(self._terms.in_corpus(t) for t in tokenize(self._glossary.expand(word)) if t != word)
        )

    @staticmethod
    def _common_noun(word: str) -> bool:
        """Whether a Hangul word is one noun of the analyzer's dictionary that general Korean uses often."""
        from .lexical import mecab_parse

        alone = mecab_parse(word)
        return len(alone) == 1 and alone[0].feature.pos.startswith("NN") and zipf(word, "ko") >= RARE_ZIPF

    def _clips_hangul(self, word: str) -> bool:
        """Whether a Hangul word is a clipped word of the posts, as Korean clips long loanwords ("쿠버": 쿠버네티스, the
        posts' Kubernetes through the glossary)."""
        return len(word) >= _KO_CLIPPED_SYLLABLES and bool(HANGUL.fullmatch(word[0])) and self._clipped(word, self._hangul_words)

    def _clipped(self, word: str, words: list[str] | None = None) -> bool:
        """Whether a longer word of the posts (of `words`: by default their Latin words) begins with the word
        ("authentication" for "auth")."""
        first = next(self._begun_by(word, words), None)
        return first is not None and first != word

    def _begun_by(self, word: str, words: list[str] | None = None):
        """The words of the posts (of `words`: by default their Latin words, sorted) that begin with the word, itself
        included, in order."""
        import bisect

        words = self._words if words is None else words
        i = bisect.bisect_left(words, word)
        while i < len(words) and words[i].startswith(word):
            yield words[i]
            i += 1

    def niche(self, word: str) -> bool:
        """Whether an uncovered word is the name of a niche tool or term: a word (or a part of a compound, "userns"
        in "userns-remap") that a large list of general English has never seen (podman, kubectl, macvlan), and no
        typo of a word of the posts (one edit away, two in a long word: "dokcer", "vulnerabilites")."""
        parts = [part for part in re.split(r"[-_.]", word) if len(part) >= 3]
        return any(
            part.isalpha() and zipf_large(part) == 0.0 and not self.covered(part) and not self._near_spelling(part) for part in parts
        )

    def _near_spelling(self, word: str, vocabulary=None) -> bool:
        """Whether a word is a plausible typo of one of the vocabulary (the posts' words by default): one edit away in a
        word of up to seven letters, two in a longer one."""
        from rapidfuzz import process
        from rapidfuzz.distance import DamerauLevenshtein

        edits = 1 if len(word) <= 7 else 2
        choices = self._words if vocabulary is None else vocabulary
        return process.extractOne(word, choices, scorer=DamerauLevenshtein.distance, score_cutoff=edits) is not None

    def respelled(self, text: str) -> str:
        """The text with each misspelling of a word of the posts written as that word ("--privilaged", "kubernets"), and
        each Hangul spelling of a name the posts write in Latin letters as that name ("테라폼": terraform). A
        misspelling is a word of five letters or more that neither the posts nor general English (wordfreq's large
        list) know, with one word of the posts nearest to it, one edit away (two in a word of eight letters or more),
        that begins with the same letter and is not the start of it: typists rarely miss a word's first letter, and a
        word of the posts with letters added at its end is a name of its own ("dockerd", "runsc")."""

        def respell(match: re.Match) -> str:
            word = match.group(0)
            lowered = word.lower()
            if len(lowered) < 5 or lowered in self._word_set:
                return word
            return self._misspelled(lowered) or word

        respelled = re.sub(r"[A-Za-z]+", respell, text)
        return re.sub(r"[가-힣]{2,}", self._latin_name, respelled) if HANGUL.search(respelled) else respelled

    def _latin_name(self, match: re.Match) -> str:
        """A Hangul word of a question written as the name of the posts it spells, its particle kept ("테라폼이나":
        "terraform이나"): neither a word of the posts nor an everyday word of Korean ("도커", "자동"), that spells
        one name of the posts (latin_spelled). A word of one syllable with its particle ("개도", "걔도") is too short to
        spell one. The analyzer's reading of such a word says nothing: it does not know it
        ("앤서블": 앤 + 서 as a particle + 블)."""
        word = match.group(0)
        particle = next((p for p in _KO_PARTICLES if word.endswith(p)), "")
        stem = word[: len(word) - len(particle)]
        if len(stem) < 2 or stem in self._hangul_word_set or zipf(stem, "ko") >= COMMON_ZIPF_LOW:
            return word  # a word of one syllable and its particle ("개도"), a word of the posts, an everyday word
        name = self.latin_spelled(stem)
        return word if name is None else name + particle

    def unclipped(self, text: str) -> str:
        """The text with each clipped word of the posts written whole ("prod": production, "auth": authentication): a
        word of CLIPPING_MIN letters or more that the posts do not use, not common in general English (below
        CLIPPED_MAX_ZIPF), and that begins words of theirs of one stem only ("perf", which begins performance and
        perfect, stays as it is); the shortest of them stands for it."""
        def unclip(match: re.Match) -> str:
            word = match.group(0)
            lowered = word.lower()
            if len(lowered) < CLIPPING_MIN or lowered in self._word_set or zipf(lowered, "en") >= CLIPPED_MAX_ZIPF:
                return word  # a word of the posts, or a word of general English of its own ("mode" is not "modern")
            begun = list(self._begun_by(lowered))
            if not begun or len({tokenize(candidate)[0] for candidate in begun}) != 1:
                return word
            return min(begun, key=len)

        return re.sub(r"(?<![\w-])[A-Za-z]+(?![\w-])", unclip, text)

    def _post_word_misspelled(self, word: str) -> str | None:
        """The word of the posts that a lowercase word unknown to them misspells (see `respelled`), or None."""
        from rapidfuzz import process
        from rapidfuzz.distance import DamerauLevenshtein

        if zipf_large(word) > 0:
            return None
        edits = 1 if len(word) <= 7 else 2
        near = process.extract(word, self._words, scorer=DamerauLevenshtein.distance, score_cutoff=edits, limit=None)
        if not near:
            return None
        fewest = min(distance for _, distance, _ in near)
        nearest = [candidate for candidate, distance, _ in near if distance == fewest]
        if len(nearest) != 1 or nearest[0][0] != word[0] or word.startswith(nearest[0]):
            return None
        return nearest[0]

    def has_word(self, word: str) -> bool:
        """Whether the articles use the word itself or its singular ("logs": "log" or "logs", not "logging")."""
        forms = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word}
        return any(re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", self._text) for form in forms)

    def gerund_of_word(self, word: str) -> bool:
        """Whether an -ing word is made from a word the articles use ("networking": network; "caching": cache;
        "mapping": map). A command-line subcommand is never such a gerund."""
        if not word.endswith("ing") or len(word) < 6:
            return False
        stem = word[:-3]
        forms = {stem, f"{stem}e"} | ({stem[:-1]} if len(stem) > 2 and stem[-1] == stem[-2] else set())
        return any(self.has_word(form) for form in forms)

    def distinctive(self, question: str) -> tuple[str, ...]:
        """The question's words that the posts use and that tell their passages apart: in fewer than half of them (where
        BM25's IDF is positive; not "docker" in a post about it) and not everyday words of general language
        ("kernel", "NAT", "overlay", "커널"; not "fix", "set", "weather")."""
        return tuple(
            token
            for token in dict.fromkeys(tokenize(question))
            if 0 < self._terms.doc_freq(token) < self._terms.passages / 2 and not self._terms.everyday(token)
        )

    def specific(self, question: str) -> tuple[str, ...]:
        """The question's words that name something the posts say in a few passages: rare in general language
        (Zipf below RARE_ZIPF) and in the posts' own text in at most SPECIFIC_SHARE of their passages ("CI/CD",
        "namespace"; not "docker", which every passage of a post about it says)."""
        from .terms import general_zipf

        limit = SPECIFIC_SHARE * self._terms.passages
        return tuple(
            token
            for token in dict.fromkeys(tokenize(question))
            if not HANGUL.search(token) and len(token) >= 2 and general_zipf(token) < RARE_ZIPF
            and 0 < self._terms.doc_freq(token) <= limit and self._terms.in_own_text(token)
        )

    def uncovered(self, question: str) -> Uncovered:
        """The question's key subjects that the articles never mention."""
        lowered = question.lower()
        found: list[str] = []
        operations: list[str] = []
        names: list[str] = []
        english = question_language(question) == "en"
        for match in _LATIN_WORD.finditer(lowered):
            word = match.group(0).strip("._-")
            original = question[match.start() : match.end()]
            as_name = original.lower() == match.group(0) and _written_as_name(question, match.start(), match.end(), english)
            option = lowered[max(0, match.start() - 1) : match.start()] == "-"  # "--cap-drop": an option, not words
            frequency = zipf(word, "en", compound=False) if option else inflected_zipf(word, original.strip("._-"))
            if frequency < RARE_ZIPF and not self.covered(word) and not _misspelled_common(word):
                found.append(word)
                if as_name or self.niche(word):
                    names.append(word)
            elif as_name and _title_case(original) and not self.covered(word) and not self.has_word(word):
                # A common word written as a name (Harbor, Helm, Prometheus) names a product the posts never mention.
                found.append(word)
                names.append(word)
        for match in _IDENTIFIER.finditer(lowered):
            # A key, option or file the posts never write (depends_on, daemon.json): its parts may be the posts'
            # words, but it names something of its own.
            # A variant spelling of one the posts write ("docker-compose.yaml") is theirs.
            if question[match.start() : match.end()].islower() and not self.has_word(match.group(0)) and not _similar(match.group(0), self._identifiers):
                found.append(match.group(0))
                names.append(match.group(0))
        for head in self._command_heads:
            for match in re.finditer(rf"\b{re.escape(head)}\s+([a-z][a-z-]+)(?:\s+([a-z']+))?", lowered):
                operation, verb = f"{head} {match.group(1)}", match.group(1)
                if match.group(2) in _DETERMINERS:
                    continue  # "does Docker reuse the kernel": a verb taking an object, not a subcommand
                if lowered[match.end(1) : match.end(1) + 1] in ("'", "’"):
                    continue  # "plain Docker doesn't": a contracted auxiliary, not a subcommand
                before = lowered[: match.start()].split()
                if before and (before[-1] in _AUXILIARIES or before[-1].endswith(("n't", "n’t"))):
                    continue  # "does Docker rely on ...", "doesn't Docker rely on ...": the subject of a question and its verb
                if before and before[-1] in _QUANTIFIERS:
                    continue  # "each docker weakness": a kind of thing
                if self.gerund_of_word(verb):
                    continue  # "docker networking": a noun of the trade made from a word the posts use, not a subcommand
                if self._translated(verb):
                    continue  # "docker drawbacks": a word the posts use in the other language (단점), not a subcommand
                if operation not in self._text and zipf(verb, "en") < COMMON_ZIPF and not self.has_word(verb):
                    operations.append(operation)
        if HANGUL.search(question):
            from .lexical import tagged_morphemes

            question = _plain_endings(question)
            known = [term for _, korean in self._glossary.entries for term in korean if term in question]
            unknown_to_dictionary = _hangul_nouns(question)
            known += [word for word in unknown_to_dictionary if self._spells_latin(word)]  # "쿠베네티스", a typo
            for form, tag in tagged_morphemes(question):
                if any(form in term for term in known):
                    continue  # a fragment of a glossary term ("쿠버네티스" split by the analyzer)
                if tag in ("NNG", "NNP") and len(form) >= 2 and zipf(form, "ko") < RARE_ZIPF and not self.covered(form) and not self._misread(form, question):
                    found.append(_as_written(form, question))
            for word in unknown_to_dictionary:
                if zipf(word, "ko") >= RARE_ZIPF or any(word in term or term in word for term in known):
                    continue
                if not self._covered_hangul(word) and not self._misread(word, question):
                    found.append(word)
                    if not self._has_part_of_posts(word):
                        names.append(word)  # no dictionary knows it and no part of it is the posts': a name
        return Uncovered(tuple(dict.fromkeys(found)), tuple(dict.fromkeys(operations)), tuple(dict.fromkeys(names)))

