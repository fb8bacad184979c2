"""What a question asks: its language, whether it wants yes or no, the predicate it asks about and its form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import HANGUL, Lexicon, english_words

EN_AUX = {  # English auxiliaries, with their negative contractions
    "do", "does", "did", "is", "are", "was", "were", "can", "could", "will", "would", "should",
    "shall", "has", "have", "had", "may", "might", "must", "isn't", "aren't", "doesn't", "don't", "won't", "can't",
    "wasn't", "weren't", "didn't", "shouldn't", "couldn't", "wouldn't", "hasn't", "haven't",
}
_EN_WH = {"what", "why", "how", "when", "where", "which", "who", "whom", "whose"}
_EN_NEGATIONS = frozenset({"not", "no", "never", "nor", "neither", "without"})
_EN_OPENERS = frozenset(EN_AUX | _EN_WH)
_KO_WH = ("무엇", "뭐", "무슨", "어떻게", "어떤", "왜", "언제", "어디", "누가", "누구", "얼마", "몇", "어느", "방법", "이유", "차이")
_KO_YN_END = re.compile(r"(나요|까요|니까|가요|는지|나|니|냐|죠|지요|지|습니까|ㅂ니까|어요|아요|돼요|되나|있어|없어|야|해|돼)\s*[?？]*\s*$")
# Asking what can be (general English and Korean): "can …?" at the opening or after a fronted phrase ("With a mount,
# can I …?"), or in a relative clause of what it asks about ("are there images that can …?"); "is it possible", "able
# to", "is there a way / an option to …?", "lets me"; "할 수 있나요", with a particle on 수 too ("할 수도 있나요",
# "할 수는 있어?"), "가능해?".
_EN_MODAL = re.compile(
    r"(?:^|[,;])\s*(can|could|is it possible|are there ways)\b|\b(possible|able to)\b|\b(?:that|which|who) (?:can|could)\b"
    # "can" after a condition, or before its subject, with no comma to mark where it opens the question
    r"|\b(?:if|when|once|unless)\b[^,;?]*\b(?:can|could)\b"
    r"|\b(?:can|could)\s+(?:i|you|we|they|it|one|a|an|the|my|our|your|this|that|these|those|each|any|some|someone|anyone)\b"
    r"|\b(is|are) there (a|an|any)( \w+)? (way|ways|option|options|flag|setting|means)\b|\b(lets?|allows?) (me|you|us|one)\b"
)
_KO_MODAL = re.compile(r"수(?:도|는|가)?\s*있|가능")
_EN_NEGATED = re.compile(r"^\s*\w+n't\b|\bnot\b")
_EN_INSTEAD = re.compile(r"\binstead of\b[^,;?]*")
_EN_BY_MEANS = re.compile(r"\bby \w+ing\b[^,;?]*")
# "(in) the same way (as) a VM does", "the same as …": what the subject is likened to, not a predicate of sharing
_EN_SAME_WAY = re.compile(r"\b(?:in\s+)?the\s+same\s+(?:way|manner|as)\b[^,;?]*")
_EN_COPULA = re.compile(r"^\W*(?:is|are|was|were|isn't|aren't)\b")
_EN_NOUNS_OWN = re.compile(r"\b([a-z][\w-]*(?:'s|s'|’s))\s+own\b")
_EN_ATTRIBUTIVE = re.compile(r"\b(a|an|the|its|their)\s+([a-z]+ed)\s+([a-z][\w-]*)")
_EN_CHANGE = re.compile(r"\b(change|changes|alter|alters|make a difference|makes a difference|matter|matters)\b")
_KO_CHANGE = re.compile(r"(달라지|바뀌|차이가\s*(있|나))")
_KO_CHANGE_VERBS = frozenset({"달라지", "바뀌"})  # the verbs of _KO_CHANGE however they are inflected


# Asking whether there is a way or a means to do something (general English and Korean): "is there a way to …?",
# "any way to …?", "any tips to …?", "…하는 방법 있어?", "…할 수단이 있나요?", "… 팁 있어?".
_EN_WAY = re.compile(
    r"\b(?:(?:is|are) there|any)\s+(?:(?:a|an|any|some)\s+)?(?:\w+\s+)?"
    r"(?:way|ways|means|option|options|tip|tips|trick|tricks|advice|suggestion|suggestions)\s+(?:to|of|for|on)\b"
)
_KO_WAY = re.compile(r"(?:방법|수단|방안|팁|요령|노하우)\s*(?:이|은|도|가)?\s*(?:있|없)")


def asks_for_a_way(question: str) -> bool:
    """Whether a question asks whether there is a way or a means to do something ("is there a way to keep the data?",
    "NAT 안 거치게 하는 방법 있어?")."""
    return bool(_EN_WAY.search(question.lower()) or _KO_WAY.search(question))


def compares(text: str) -> bool:
    """Whether a question compares two things ("simpler than Kubernetes?", "쿠버네티스보다 쉬워?"); "rather than" says
    what is used in place of what and "other than" what is set aside, not a comparison."""
    return bool(re.search(r"(?<!rather )(?<!other )\bthan\b", text.lower())) or "보다" in text


def asks_possibility(question: str) -> bool:
    """Whether a question asks what can be ("can …?", "할 수도 있나요?"): a "can" statement answers it yes."""
    return bool(_EN_MODAL.search(question.lower()) or _KO_MODAL.search(question))


def _korean_change(question: str, morphemes) -> bool:
    """Whether a Korean question asks whether something changes: "달라지나요?", and its contracted forms that the analyzer
    reads as 다르- with the auxiliary 지- ("달라져?", "달라졌어?": becomes different) or 바뀌- however spelled."""
    if _KO_CHANGE.search(question):
        return True
    return any(
        (tag == "VV" and form in _KO_CHANGE_VERBS)
        or ((form, tag) == ("다르", "VA") and ("지", "VX") in morphemes[i + 1 : i + 3])
        for i, (form, tag) in enumerate(morphemes)
    )
# A verb of prevention governing the asked predicate negates it: "does X stop them from sharing ...?" asks whether
# they do not share. (General English: stop/prevent/keep/block/bar/prohibit ... from V-ing; stop/prevent ... V-ing,
# with or without an object of one word: "would separate VMs stop them sharing a kernel?", "avoid kernel sharing".)
EN_PREVENTS = re.compile(
    r"\b(stops?|stopped|prevents?|prevented|keeps?|kept|blocks?|blocked|bars?|barred|prohibits?|prohibited)\b"
    r"(?:\s+\S+){0,4}?\s+from\s+\w+ing\b|\b(prevents?|prevented|avoids?|avoided|stops?|stopped)\s+(?:(?:the\s+)?[\w-]+\s+)?\w+ing\b"
    r"|\b(keeps?|kept|keeping)(?:\s+\S+){0,4}?\s+(off|away from|out of)\b"  # "keep workloads off the shared kernel"
)
# The Korean verbs of prevention and avoidance (피하다, 막다, 방지하다, 차단하다) after the asked predicate negate it:
# "커널 공유를 피할 수 있나요?" asks whether they can not share it.
KO_PREVENTS = frozenset({("피하", "VV"), ("막", "VV"), ("방지", "NNG"), ("차단", "NNG")})
_EN_COMMAND = re.compile(r"\b(command|commands|cli|syntax|flag|option|snippet|example)\b|\bhow (do|can|should) (i|we|you)\b")
_KO_COMMAND = re.compile(r"(명령|커맨드|예시|예제|옵션|어떻게\s*(실행|설정|만들|하|써|사용))")


# A question that points at the post itself ("what is this article about?", "what does the author conclude?", "이 글
#결론이 뭐예요?") is about the post by its own words, however little of the post's vocabulary it uses.
_EN_THE_POST = re.compile(
    r"\b(?:this|the|your|that)\s+(?:blog\s+)?(?:article|post|blog|write-?up|page|piece)\b|\b(?:the\s+)?author(?:'s)?\b"
    r"|\b(?:article|post)\s+(?:says?|mentions?|lists?|covers?|suggests?|concludes?|recommends?|talks?)\b"
)
_KO_THE_POST = re.compile(r"(?:이|본|해당|그)\s*(?:글|포스트|게시물|게시글|문서|아티클)|저자|글쓴이|작성자|본문|글에서|글의\s|글은\s")


# A question that points at a figure or a table by a definite word ("in the diagram", "this table", "다이어그램에서", "표
# 기준으로", "그림 보면") reads one that is in front of the asker: general language says "the diagram" of one it can
# see. By kind of figure: the nouns for a diagram and for a table, in English and Korean.
FIGURE_NOUNS = {
    "diagram": ("diagram", "chart", "figure", "flowchart", "illustration", "graph", "다이어그램", "그림", "도식", "도표", "차트", "구조도", "도해"),
    "row": ("table", "표", "테이블", "도표"),
}
# One figure after "the", "this" or "that", several after "these" or "those" ("the tables vanish" are a database's);
# "bring to the table" is an idiom.
_EN_DEFINITE = r"(?<!\bbring to )(?<!\bbrings to )(?<!\bbrought to )(?<!\bcome to )(?<!\bcomes to )\b(?:(?:the|this|that)\s+(?:[\w'/-]+\s+){0,3}?(?:%s)|(?:these|those)\s+(?:[\w'/-]+\s+){0,3}?(?:%s)s)\b"
# What follows a Korean noun that points at the figure: a particle of place ("에서", "에"), "상" (on), "기준" (by), or
# a verb of looking or following ("보면", "따르면").
_KO_POINTING = frozenset({"JKB", "XSN"})
_KO_POINTING_WORDS = frozenset({("기준", "NNG"), ("보", "VV"), ("따르", "VV")})


def points_at_figure(question: str, kinds) -> bool:
    """Whether the question points at a figure or table of one of the kinds the posts hold ("diagram": a diagram,
    "row": a table) by a definite word: "in the fix diagram", "what does this table say", "다이어그램에서", "표 보면"."""
    nouns = [noun for kind in kinds for noun in FIGURE_NOUNS.get(kind, ())]
    english = [noun for noun in nouns if noun.isascii()]
    alternatives = "|".join(english)
    if english and re.search(_EN_DEFINITE % (alternatives, alternatives), question.lower()):
        return True
    korean = frozenset(noun for noun in nouns if not noun.isascii())
    if not korean or not HANGUL.search(question):
        return False
    from .lexical import tagged_morphemes

    morphemes = tagged_morphemes(question)
    return any(
        form in korean and tag.startswith("NN") and (after[1] in _KO_POINTING or after in _KO_POINTING_WORDS)
        for (form, tag), after in zip(morphemes, morphemes[1:])
    )


def figure_name(question: str, kind: str) -> str:
    """The words a question names a figure of a kind by, before its noun: "fix" of "in the fix diagram", "단점 해결" of
    "단점 해결 다이어그램에서", "" when it says only "the diagram"."""
    nouns = FIGURE_NOUNS.get(kind, ())
    english = "|".join(noun for noun in nouns if noun.isascii())
    names = [m.group(1) for m in re.finditer(rf"\b(?:the|this|that)\s+((?:[\w'/-]+\s+){{1,3}}?)(?:{english})s?\b", question.lower())]
    korean = frozenset(noun for noun in nouns if not noun.isascii())
    if HANGUL.search(question) and korean:
        from .lexical import tagged_morphemes

        morphemes = tagged_morphemes(question)
        for i, (form, tag) in enumerate(morphemes):
            if form in korean and tag.startswith("NN"):
                j = i
                while j > 0 and morphemes[j - 1][1] in ("NNG", "NNP", "SL", "XR", "XSN"):
                    j -= 1
                names.append(" ".join(form for form, _ in morphemes[j:i]))
    return " ".join(name.strip() for name in names if name.strip())


# A sentence that announces what the post will do ("This post summarizes …", "In this article …", "이 글에서는 …
# 정리합니다") says that the post speaks of something, not what it says of it; it answers a question about the post's
# subject itself ("what is this post about?", "이 글 무슨 내용이야?"), not one about that something.
_ANNOUNCES = re.compile(
    r"\b(?:this|the present)\s+(?:post|article|write-?up|blog post|guide|tutorial)\s+(?:summarizes|summarises|covers|"
    r"explains|describes|looks at|discusses|walks through|introduces|will|shows|organizes)\b|\bin this (?:post|article)\b"
    r"|(?:이|본)\s*(?:글|포스트|문서)에서는?",
    re.IGNORECASE,
)
_ASKS_SUBJECT = re.compile(r"\babout\b|\bsummar|\btopic|\bcover|\boverview|\bpurpose|내용|주제|요약|무슨 글|다루|목적|개요")


def announces_post(text: str) -> bool:
    """Whether a passage announces what the post does ("This post summarizes …", "이 글에서는 … 정리합니다")."""
    return bool(_ANNOUNCES.search(text))


def asks_about_subject(question: str) -> bool:
    """Whether a question asks what something is about, its topic or its overview ("what is this post about?")."""
    return bool(_ASKS_SUBJECT.search(question.lower()))


# A command-line option ("--cache-from") and the word after it, if any ("--network host").
COMMAND_OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z0-9-]*[a-z0-9])(?:[ =]+([a-z0-9][\w./:-]*))?")


# A short command-line option ("-v", "-d"): a hyphen and one letter, standing alone (not "e-mail", "--x" or "-it"), a
# Korean particle after it aside ("-v로").
_SHORT_OPTION = re.compile(r"(?<![a-z0-9_-])(-[a-z])(?![a-z0-9_-])")


def options_in(text: str) -> list[tuple[str, str]]:
    """The command-line options a text writes, long ones with the word after them ("--network host") and short ones
    alone ("-v")."""
    lowered = text.lower().replace("`", "")
    return [*COMMAND_OPTION.findall(lowered), *((option, "") for option in _SHORT_OPTION.findall(lowered))]


# Cardinal numbers of general English and Korean (native Korean numerals, alone, as determiners and before a
# counter): how many of a thing a text says
_EN_NUMBERS = {"one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_KO_NUMERALS = {"하나": 1, "둘": 2, "셋": 3, "넷": 4, "다섯": 5}  # 하나로, 하나의
_KO_DETERMINERS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5}  # 한 파일, 두 대
# (the counted noun phrase: one or two words, the second no preposition or conjunction)
_EN_COUNTED = re.compile(
    r"\b(?:a\s+)?(one|single|two|three|four|five|\d+)\s+((?:separate\s+|different\s+)?[a-z][\w.-]*"
    r"(?:\s+(?!(?:from|in|on|with|to|for|of|and|or|at|by|into|as|than)\b)[a-z][\w.-]*)?)"
)
_KO_NOUN_TAGS = ("NNG", "NNP", "SL", "SN", "SY")  # (a digit or a hyphen only within a name: "EC2", "docker-compose")


@lru_cache(maxsize=4096)
def counts_in(text: str) -> tuple[tuple[int, str], ...]:
    """What a text counts: each cardinal number with the noun phrase it counts ("one compose file": (1, "compose
    file"); "compose 파일 하나로", "하나의 docker-compose로", "Compose 파일을 2개로", "두 서비스"). A digit written
    against a name ("EC2") or after a noun without a counter ("실행 방식 1", a label) counts nothing."""
    found = [
        (int(number) if number.isdigit() else _EN_NUMBERS[number], phrase)
        for number, phrase in _EN_COUNTED.findall(text.lower().replace("`", ""))
    ]
    if not HANGUL.search(text):
        return tuple(found)
    from .lexical import tagged_morphemes

    morphemes = tagged_morphemes(text)

    def nouns(start: int, step: int) -> str:
        run: list[tuple[str, str]] = []
        i = start
        while 0 <= i < len(morphemes) and morphemes[i][1] in _KO_NOUN_TAGS:
            form, tag = morphemes[i]
            if tag in ("SN", "SY") and not (run and run[-1][1] == "SL") and step > 0:
                break
            if tag == "SY" and form not in "-._":
                break
            run.append((form, tag))
            i += step
        if step < 0:
            run.reverse()
        while run and run[0][1] in ("SN", "SY"):
            run.pop(0)  # a digit or a hyphen only after a name
        return " ".join(form for form, _ in run)

    def before(i: int) -> str:
        # the nouns before the number, past one case or topic particle ("파일을 2개로")
        j = i - 1
        if j >= 0 and morphemes[j][1] in ("JKO", "JKS", "JX"):
            j -= 1
        return nouns(j, -1)

    def counted(i: int, width: int) -> str:
        # the nouns after the number (of `width` morphemes, its counter included) and 의 ("하나의 X", "2개의 X"), else
        # the nouns before it
        after = morphemes[i + width] if i + width < len(morphemes) else ("", "")
        return nouns(i + width + 1, 1) if after[0] == "의" else before(i)

    for i, (form, tag) in enumerate(morphemes):
        after = morphemes[i + 1] if i + 1 < len(morphemes) else ("", "")
        if tag == "MM" and form in _KO_DETERMINERS:
            # "두 대", "한 개의 파일" with a counter; "두 서비스" before its noun
            found.append((_KO_DETERMINERS[form], counted(i, 2) if after[1] == "NNBC" else nouns(i + 1, 1)))
        elif tag == "NR" and form in _KO_NUMERALS:
            found.append((_KO_NUMERALS[form], counted(i, 1)))
        elif tag == "SN" and form.isdigit() and after[1] == "NNBC" and not (i and morphemes[i - 1][1] == "SL"):
            found.append((int(form), counted(i, 2)))
    return tuple((number, phrase) for number, phrase in found if phrase)


# Asking what the post itself is about or for, naming nothing it might be about: "about" with nothing after it
# ("what is this post about?", "…about, in a nutshell?"), "cover" likewise, or the purpose, point or topic of it.
_EN_POST_SUBJECT = re.compile(
    r"\b(?:about|covers?|covered)\s*(?:[?.!,;]|$|in\b)|\b(?:purpose|point|gist|goal|aim|topic|subject)\b"
)
_EN_ABOUT_SOMETHING = re.compile(r"\babout\s+(?!in\b)[a-z0-9]")  # "… about cooking": it names what it might be about
_KO_POST_SUBJECT = re.compile(r"목적|주제|취지|요지|무슨 내용|무슨 얘기|뭐에 대한|무엇에 대한")


def asks_what_post_is_about(question: str) -> bool:
    """Whether an open question asks what the post it points at is about or for ("what is this post about?", "이 글 쓴
    목적이 뭐예요?"), not whether it is about something ("is this post about Rust?") or what it says of something."""
    lowered = question.lower()
    if not refers_to_post(question) or is_yes_no(question) or _EN_ABOUT_SOMETHING.search(lowered):
        return False
    return bool(_EN_POST_SUBJECT.search(lowered) or _KO_POST_SUBJECT.search(question))


def refers_to_post(question: str) -> bool:
    """Whether the question points at the post itself (this article, the author, 이 글, 저자)."""
    return bool(_EN_THE_POST.search(question.lower()) or _KO_THE_POST.search(question))


def question_language(question: str) -> str:
    """'ko' when the question is mostly Korean or ends in a Korean word, else 'en'.

    Mixed questions follow their Korean grammar: "docker buildx로 multi-platform 이미지 빌드 가능?" has more Latin
    letters than Hangul, but its particles and its predicate (the last word) are Korean."""
    letters = [c for c in question if c.isalpha()]
    hangul = sum(1 for c in letters if HANGUL.match(c))
    words = [w for w in question.split() if any(c.isalpha() for c in w)]
    if not letters:
        return "en"
    english_opening = words[0].lower().strip("¿\"'(") in _EN_OPENERS  # "How do I use 볼륨?" is English
    return "ko" if hangul / len(letters) >= 0.3 or (HANGUL.search(words[-1]) and not english_opening) else "en"


# Words that open a sentence without changing what it asks ("So is Docker ...?", "ok, does it ...?").
EN_FILLERS = frozenset({"so", "and", "but", "then", "also", "ok", "okay", "well", "hmm", "oh", "anyway", "btw", "plus"})
_EN_SUBORDINATORS = frozenset({"if", "when", "once", "after", "before", "while", "since", "because", "say", "suppose", "assuming"})
_SENTENCE_BREAK = re.compile(r"(?<=[.!?？])\s+|\s[—–-]+\s|\s*[—–]\s*")
# Korean question words read as indefinites before a concessive or "any" particle ("몇 개로 나누든" however many, "어느
# OS에서나" on any OS, "누구나" anyone, "뭐든" anything): the sentence is then no question about them.
_KO_INDEFINITE_PARTICLES = frozenset({"나", "이나", "든", "든지", "이든", "이든지", "라도", "이라도", "도"})
_KO_CONCESSIVE_ENDINGS = frozenset({"든", "든지", "더라도", "어도", "아도", "여도", "도"})
_KO_WH_NOUNS = ("방법", "이유", "차이")  # ask "how" / "why" / "what difference" when the question ends in them
# The spoken contractions of 어떻게 (어케, 어캐), of 어떻게 하다 (어떡해) and of 왜 (어째서), which mecab-ko reads as
# interjections.
_KO_WH_CONTRACTED = re.compile(r"어[케캐]|어떡|어째서")


# What Korean chat puts after a sentence: laughter and tears written in letters (ㅋㅋ, ㅎㅎ, ㅠㅠ), tildes, carets.
_KO_CHAT_TAIL = re.compile(r"[\sㅋㅎㅠㅜ~^;]+$")


# Latin abbreviations that end in a full stop inside a sentence (general English): "i.e.", "e.g.", "etc.", "vs.", "cf.".
_EN_ABBREVIATION = re.compile(r"(?:^|\W)(?:i\.e|e\.g|etc|vs|cf|viz)\.$", re.IGNORECASE)


def _sentences(question: str) -> list[str]:
    """The sentences of a question, a piece that ends in an abbreviation ("i.e.") joined to the one after it."""
    sentences: list[str] = []
    for piece in _SENTENCE_BREAK.split(question.strip()):
        if sentences and _EN_ABBREVIATION.search(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    # "… 맞죠?ㅋㅋ" ends in its question mark
    return [_KO_CHAT_TAIL.sub("", s).strip() for s in sentences if s and _KO_CHAT_TAIL.sub("", s).strip(" .!?？—–-")]


def asking_sentence(question: str) -> str:
    """The sentence that asks: the last one that ends in a question mark, else the last one ("We run two apps from one
    compose file. Are they on the same kernel?" asks its second sentence; a dash sets off a situation the same way)."""
    sentences = _sentences(question)
    if not sentences:
        return question.strip()
    asking = [s for s in sentences if s.rstrip().endswith(("?", "？"))]
    return (asking or sentences)[-1]


# An English tag question: a statement followed by a tag that asks to confirm it ("…, right?", "…, correct?",
# "…, isn't it?", "…, do they?"), in general English.
_EN_TAG = re.compile(
    r"[\s,]+(?:right|correct|true|yes|yeah|no|eh|huh|(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have"
    r"|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|can't|couldn't|won't|wouldn't|shouldn't|hasn't|haven't)"
    r"\s+(?:it|they|there|that|this|he|she|we|you|i)(?:\s+not)?)\s*[?？]+\s*$",
    re.IGNORECASE,
)


# Negative contractions as chat writes them, without their apostrophe ("isnt", "doesnt", "cant"; general English).
_EN_BARE_CONTRACTION = re.compile(r"\b(is|are|was|were|does|do|did|has|have|had|should|could|would|ca|wo)nt\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _auxiliary_meant(word: str) -> str | None:
    """The auxiliary a question's opening word misspells: a word two adjacent letters of one auxiliary swapped make
    ("dose": does), or a rare word (below RARE_ZIPF) one edit from one auxiliary and from no question word ("shoud")."""
    from rapidfuzz.distance import DamerauLevenshtein

    from .answerability import RARE_ZIPF, zipf

    if len(word) < 3 or word in EN_AUX or word in _EN_WH or not word.isalpha():
        return None
    swapped = [aux for aux in EN_AUX if len(aux) == len(word) and sorted(aux) == sorted(word)
               and DamerauLevenshtein.distance(aux, word) == 1]
    if len(swapped) == 1:
        return swapped[0]
    if zipf(word, "en") >= RARE_ZIPF:
        return None
    near = [aux for aux in EN_AUX | _EN_WH if len(aux) >= 3 and DamerauLevenshtein.distance(aux, word) == 1]
    return near[0] if len(near) == 1 and near[0] in EN_AUX else None


def auxiliaries_spelled(question: str) -> str:
    """An English question with its auxiliaries spelled as such where chat types them otherwise: a negative
    contraction without its apostrophe ("isnt it …?", "doesnt"), and an opening word that misspells one
    (`_auxiliary_meant`: "dose k8s handle …?", "shoud i …?"). Korean questions, and any other, unchanged."""
    if HANGUL.search(question):
        return question
    text = _EN_BARE_CONTRACTION.sub(lambda m: m.group(0)[:-2] + "n't", question)
    opening = re.match(r"\W*((?:[a-z]+\s+)*?)([a-z'’]+)", text, re.IGNORECASE)
    if opening and all(word in EN_FILLERS for word in opening.group(1).lower().split()):
        meant = _auxiliary_meant(opening.group(2).lower())
        if meant:
            text = text[: opening.start(2)] + meant + text[opening.end(2) :]
    return text


# The contractions of a pronoun with a copula or an auxiliary ("it's", "there's", "they're"): a subject and its verb.
_EN_SUBJECT_VERB = re.compile(r"^(?:it|that|there|here|he|she|they|we|you|i)['’](?:s|re|m|ve|ll|d)$")
_EN_RELATIVE = frozenset({"that", "which", "who", "whom", "whose"})


def _declarative(words: list[str]) -> bool:
    """Whether the words of a sentence that ends in a question mark state something (a subject, then its auxiliary or
    copula: "so containerA can reach containerB directly?", "so it's built on namespaces?") rather than name a
    subject alone ("and the file system?"), a case ("and the containers that are on one host?") or ask with a
    question word."""
    if len(words) < 3 or words[0] in _EN_OPENERS or words[0] in _EN_SUBORDINATORS or any(w in _EN_WH for w in words):
        return False
    for i, word in enumerate(words):
        if word in _EN_RELATIVE:
            return False
        # (an auxiliary after "to", or closing the sentence, is a main verb of a phrase: "anything I need to do?")
        if _EN_SUBJECT_VERB.match(word) or (0 < i < len(words) - 1 and word in EN_AUX and words[i - 1] != "to"):
            return True
    return False


def _without_opening_fillers(statement: str, word_pattern: str) -> tuple[str, list[str]]:
    """A statement and its words (lowercase, as `word_pattern` finds them) without the discourse words that open it
    ("so …", "ok and …")."""
    words = re.findall(word_pattern, statement.lower())
    fillers = next((i for i, word in enumerate(words) if word not in EN_FILLERS), len(words))
    if fillers:
        statement = re.sub(rf"^\W*(?:[a-z]+\W+){{{fillers}}}", "", statement, flags=re.IGNORECASE)
    return statement, words[fillers:]


# The discourse words (EN_FILLERS) that may open a question before what it asks ("so …", "ok and …")
EN_DISCOURSE_OPENING = rf"^\W*(?:(?:{'|'.join(sorted(EN_FILLERS))})\W+)*"
# The verbs of saying or claiming, and the adverbs that may come between them and their subject (general English):
# what says or claims something in a question about a post is the post or its author ("does it claim …?").
EN_SAYING_VERBS = frozenset({"say", "claim", "claiming", "saying", "state", "stating", "think", "argue", "believe", "conclude"})
EN_SAYING_ADVERBS = frozenset({"also", "even", "actually", "really", "ever"})


def _negates(words: list[str]) -> bool:
    """Whether a statement's words (lowercase) hold a negation: "not", "no", "never" or a negative contraction."""
    return any(word in ("not", "no", "never") or word.endswith("n't") for word in words)


def confirmation(question: str) -> str:
    """A statement asked to be confirmed as the yes/no question it asks: its statement with an empty auxiliary in
    front, which every reader of a yes/no question takes as one and which adds no word of its own. Such are a tag
    question ("each container gets its own network interface, right?" is read as "Do each container gets its own
    network interface?") and a statement with a question mark ("so containerA can hit containerB's port directly?").
    An English question has its auxiliaries spelled as such (`auxiliaries_spelled`); any other question unchanged."""
    question = auxiliaries_spelled(question)
    asking = asking_sentence(question)
    if question_language(asking) == "ko" or is_yes_no(question):
        return question
    tag = _EN_TAG.search(asking)
    if tag is not None:
        statement = asking[: tag.start()].strip()
    elif asking.rstrip().endswith(("?", "？")):
        statement, words = _without_opening_fillers(asking.rstrip(" ?？"), r"[a-z']+")
        if not _declarative(words):
            return question
    else:
        return question
    words = re.findall(r"[a-z']+", statement.lower())
    if len(words) < 2 or words[0] in _EN_OPENERS:
        return question  # "what is it, right?" asks something else; a statement of one word states nothing
    if _negates(words):
        # "containers aren't perfectly isolated, right?" asks to confirm the negation ("yes, they aren't"), which a
        # negative question asks the other way round ("aren't they …?" - "no, they aren't"): it is left unread
        return question
    start = question.rfind(asking)
    return f"{question[:start] if start > 0 else ''}{_inverted(statement) or f'Do {statement}'}?"


# Auxiliaries and copulas a statement's subject comes before and a question's after (general English: "containerA can
# reach containerB" - "can containerA reach containerB?"); "have" and "has" are main verbs as often ("they have to
# be …"), and the pronouns' contracted copulas are spelled out first ("it's" - "it is").
_EN_INVERTIBLE = frozenset({"is", "are", "was", "were", "can", "could", "will", "would", "should", "may", "might", "must"})
_EN_PRONOUN_COPULA = re.compile(r"\b(it|that|there|he|she)['’]s\b|\b(they|we|you)['’]re\b", re.IGNORECASE)
_SUBJECT_MAX_WORDS = 4  # the words a statement's subject may take before its auxiliary ("the todo container can …")


def _inverted(statement: str) -> str | None:
    """A statement as the question that puts its auxiliary or copula before its subject ("so it's a user-space
    sandbox" - "is it a user-space sandbox"), or None when none follows a subject of a few words."""
    statement, _ = _without_opening_fillers(statement, r"[a-z'’]+")
    statement = _EN_PRONOUN_COPULA.sub(lambda m: f"{m[1]} is" if m[1] else f"{m[2]} are", statement)
    tokens = statement.split()
    for i, token in enumerate(tokens[: _SUBJECT_MAX_WORDS + 1]):
        word = token.lower().strip(",;:")
        if word in EN_AUX or word in _EN_WH:
            if i == 0 or word not in _EN_INVERTIBLE or token != token.strip(",;:"):
                return None
            return " ".join([word.capitalize(), *tokens[:i], *tokens[i + 1 :]])
    return None


# What may follow the participle of a question that leaves out its copula ("pids isolated as well?", "the kernel
# shared by default?"): words that add to it, not a noun it modifies (general English).
EN_AFTER_PARTICIPLE = frozenset({"too", "also", "as", "well", "then", "either", "still", "by", "default", "tho", "though", "anyway", "now"})


def elided_copula(question: str, lexicon: Lexicon) -> str:
    """An English question that leaves out its copula before a participle the lexicon knows as a predicate, as chat
    does ("pids isolated as well?", "so the network shared too?"), as the yes/no question it asks ("Are pids isolated
    as well?"); any other question unchanged. The participle follows its subject and ends the question but for the
    words that add to it (EN_AFTER_PARTICIPLE): "two containers with a shared volume?" names a case."""
    asking = asking_sentence(question)
    if HANGUL.search(asking) or not asking.rstrip().endswith(("?", "？")) or is_yes_no(question):
        return question
    statement = asking.rstrip(" ?？")
    about = re.match(rf"{EN_DISCOURSE_OPENING}(?:what|how)\s+about\s+([^,]+),\s*(\S.*)$", statement, re.IGNORECASE)
    if about:  # "what about the root filesystem, shared too?"
        statement = f"{about.group(1)} {about.group(2)}"
    statement, words = _without_opening_fillers(statement, r"[a-z'’]+")
    if len(words) < 2 or any(w in _EN_OPENERS or w in _EN_NEGATIONS or w.endswith(("n't", "n’t")) for w in words):
        return question
    for i, word in enumerate(words[1:], start=1):
        if word.endswith("ed") and lexicon.english_predicate(word) is not None:
            if all(later in EN_AFTER_PARTICIPLE for later in words[i + 1 :]):
                start = question.rfind(asking)
                return f"{question[:start] if start > 0 else ''}Are {statement.strip()}?"
            return question
    return question


# What opens a case to ask about rather than a question word ("what if they crash, does todo go down?", "what about
# PIDs, can one container see another's?").
_EN_CASE_OPENING = re.compile(rf"{EN_DISCOURSE_OPENING}(?:what\s+if|what\s+about|how\s+about)\b", re.IGNORECASE)
# Prepositions that open a fronted phrase ("by default can …?", "in the fix diagram is …?"; general English).
_EN_PREPOSITIONS = frozenset({
    "in", "on", "at", "for", "by", "with", "without", "from", "under", "during", "despite", "within", "inside",
    "across", "regarding", "according", "besides", "between", "among", "through", "via", "outside",
})


# "(is it) ok to …?", "(is it) possible to …?": a yes/no question with its subject and copula left out (general English)
_EN_ELLIPTICAL_COPULA = re.compile(rf"{EN_DISCOURSE_OPENING}(?:ok|okay|alright|fine|wise|possible)\s+(?:to|for)\b", re.IGNORECASE)


def _english_yes_no(text: str) -> bool:
    text = auxiliaries_spelled(text).replace("’", "'")
    if _EN_ELLIPTICAL_COPULA.match(text):
        return True
    words = re.findall(r"[a-z']+", text.lower())
    while words and words[0] in EN_FILLERS:
        words = words[1:]
    if not words:
        return False
    if words[0] in EN_AUX:
        return True
    case_opening = bool(_EN_CASE_OPENING.match(text))
    if words[0] in _EN_WH and not case_opening and not (words[0] == "when" and len(words) > 1 and words[1] not in EN_AUX):
        return False  # "why do ...?", "when does ...?"; "when the service crashes, does ...?" opens a condition
    # "If one service leaks memory, can it affect the others?"; "Bottom line: is Docker alone enough?"
    clauses = re.split(r"[,;:]", text.lower())[1:]
    for clause in clauses:
        clause_words = re.findall(r"[a-z']+", clause)
        while clause_words and clause_words[0] in EN_FILLERS:
            clause_words = clause_words[1:]  # "…: so is it fine?"
        if clause_words and clause_words[0] in _EN_WH:
            return False
        if clause_words and clause_words[0] in EN_AUX:
            return True
    if words[0] in _EN_SUBORDINATORS or words[0] in _EN_PREPOSITIONS or words[0] == "when":
        # "if one container crashes do the others go down?", "by default can a process see …?": an auxiliary after the
        # condition or the fronted phrase, no question word
        return not any(w in _EN_WH for w in words[1:]) and any(w in EN_AUX for w in words[2:])
    return False


def _korean_question_word(text: str) -> bool:
    """Whether a Korean sentence asks with a question word (뭐, 어떻게, 왜, 몇 …) rather than for yes or no."""
    from .lexical import tagged_morphemes

    if _KO_WH_CONTRACTED.search(text):
        return True
    morphemes = tagged_morphemes(text)
    content = [i for i, (_, tag) in enumerate(morphemes) if not tag.startswith(("S", "J", "E"))]
    for i, (form, tag) in enumerate(morphemes):
        if tag.startswith(("J", "E", "S", "X", "V")) and not form.startswith("어떻"):
            continue
        if form.startswith(_KO_WH_NOUNS) and tag.startswith("NN"):
            following = morphemes[i + 1] if i + 1 < len(morphemes) else ("", "")
            if i == content[-1] or not (following[1] in ("VCP", "JX", "JKS", "JKC") or following[0] in ("로", "으로", "있", "없")):
                # "데이터 보존 방법?", "차이가 뭐야" (뭐 counts too); "방법이야?", "해결 방법으로 나와?", "피할 방법 있어?"
                # ask yes or no
                return True
            continue
        if not form.startswith(_KO_WH + ("어떻",)) or form.startswith(_KO_WH_NOUNS):
            continue
        indefinite = False
        for later, later_tag in morphemes[i + 1 :]:
            if later_tag == "JX" and later in _KO_INDEFINITE_PARTICLES:
                indefinite = True
            if later_tag in ("EC", "EF", "ETM"):
                indefinite = indefinite or (later_tag == "EC" and later in _KO_CONCESSIVE_ENDINGS)
                break
        if not indefinite:
            return True
    return False


def is_yes_no(question: str) -> bool:
    """Whether the question asks for yes or no (its asking sentence, when it tells a situation first)."""
    text = asking_sentence(question)
    if question_language(text) == "ko":
        if re.search(r"(은|는)\s*[?？]*\s*$", text) or _korean_question_word(text):
            return False  # a question word, or "X은?" / "X는?" ("what about X?")
        return text.endswith(("?", "？")) or bool(_KO_YN_END.search(text))
    return _english_yes_no(text)


# The words of asking for something to run (general English and Korean): a question made only of them and of the
# posts' own words ("show me the commands", "명령어 알려줘") names no subject of its own.
_EN_REQUEST = frozenset({"show", "give", "tell", "list", "need", "command", "cli", "syntax", "flag", "option", "snippet", "exampl", "exact"})
_KO_REQUEST = ("명령", "커맨드", "예시", "예제", "옵션", "알려", "보여")


def is_request_word(token: str) -> bool:
    """Whether a token (as `lexical.tokenize` gives it) only asks for something: a command, an example, to be shown."""
    return token in _EN_REQUEST or token.startswith(_KO_REQUEST)


# General English and Korean ways of asking what to do about something: how to do it, a fix, a way to prevent or avoid it,
# what is suggested, recommended or advised ("추천", "권장", "권하다"; "좋을까", what would be good; "어케", the spoken
# spelling of 어떻게).
_EN_REMEDY_WORDS = (
    "fix", "fixes", "prevent", "avoid", "solution", "solutions", "remedy", "remedies", "workaround", "workarounds",
    "mitigate", "mitigation", "mitigations",
)
_EN_ADVICE_WORDS = (
    "suggest", "suggests", "suggested", "suggestion", "suggestions", "recommend", "recommends", "recommended",
    "recommendation", "recommendations", "advise", "advises", "advised", "advice",
)
_EN_REMEDY = re.compile(
    r"\bhow (?:do|can|could|should|would|to)\b|\bwhat (?:should|can|could|do) (?:i|we)\b"
    rf"|\b(?:{'|'.join(_EN_REMEDY_WORDS + _EN_ADVICE_WORDS)})\b"
)
# Words that ask what is wrong with a thing (general English: "any catch?", "the downside?"): like the words of a remedy,
# they ask about a subject and name none. (The words of asking politely, "please", "pls", were among them at first; a
# far off-topic follow-up, "translate 'thank you very much' into japanese pls", was then read about the conversation's
# topic and answered.)
_EN_ASKING_WORDS = (
    *_EN_REMEDY_WORDS, *_EN_ADVICE_WORDS, "catch", "downside", "downsides", "drawback", "drawbacks", "caveat", "caveats",
    "gotcha", "gotchas", "tradeoff", "tradeoffs",
)


@lru_cache(maxsize=1)
def _asking_tokens() -> frozenset[str]:
    from .lexical import tokenize

    return frozenset(token for word in _EN_ASKING_WORDS for token in tokenize(word))


def is_asking_word(token: str) -> bool:
    """Whether a token (as `lexical.tokenize` gives it) only asks about its subject: what to do about it or what is
    wrong with it ("prevent", "workaround", "catch"); a follow-up of such words and the posts' own words names no subject
    of its own ("how do I prevent the cpu thing?", "so whats the workaround")."""
    return token in _asking_tokens()
# "어떻게 돼요?" asks what happens, and "다 해결되죠?" whether something is solved: neither asks what to do.
_KO_REMEDY = re.compile(
    r"(?:어떻게|어케)(?!\s*(?:되|돼|된))|방법|방지|막으|막을|막는|막아|대책|대안|피하|피할|해결책|해결하려면|해결\s*방|추천|권장|권하|권해|좋을까"
)


# General English and Korean headings of the two halves of a problem's section: the problem, and what to do about it
# (lowercased: "Solution", "해결 방안"); a table column headed the second way holds remedies ("대표적인 해결 방법").
PROBLEM_HEADING = re.compile(r"\b(?:problems?|issues?|causes?|symptoms?)\b|문제|원인|증상")
REMEDY_HEADING = re.compile(r"\b(?:solutions?|fix|fixes|remed(?:y|ies)|workarounds?|mitigations?|resolution)\b|해결|방안|대책|조치")


def asks_for_remedy(question: str) -> bool:
    """Whether the question asks what to do (how to, a fix, a way to prevent or avoid something), not what is so."""
    return bool(_EN_REMEDY.search(question.lower()) or _KO_REMEDY.search(question))


def asks_for_command(question: str) -> bool:
    """Whether the question asks for a command, a flag or an example to run."""
    return bool(_EN_COMMAND.search(question.lower()) or _KO_COMMAND.search(question))


@dataclass(frozen=True)
class Asked:
    """The proposition a yes/no question asks about."""

    predicate: str  # lexicon id
    negated: bool  # "aren't they ...?", "안 공유하죠?"
    modal: bool  # "can ...?", "가능해?": a "can" claim answers yes
    reference: str = ""  # for a comparison, what the subject is compared with
    changes: bool = False  # "does X change whether ...?": asks whether a condition makes a difference
    main: str = ""  # the main clause's text (without if/when clauses in English)
    possibility: bool = False  # asked with a word that means a possibility ("at risk?"): "may" answers yes
    prevented: bool = False  # "does X stop them from sharing ...?": the predicate is asked of its negation
    causative: bool = False  # asked with a verb that makes its object hold it ("can X reduce Y?"): see Lexicon.causative


_EN_FRONTED = re.compile(
    r"\s*(if|what if|what about|how about|when|once|after|say|for|in|on|at|with|without|within|among|across|during|under|from|according to"
    r"|although|though|even though|while|whereas|as long as|as soon as)\b"
)


def _main_clause(text: str) -> str:
    lowered = text.lower()
    # (past the discourse words that open it: "and if each one runs on its own instance, is the kernel shared?")
    opened = re.sub(EN_DISCOURSE_OPENING, "", lowered, count=1)
    if "," in opened and _EN_FRONTED.match(opened):
        lowered = opened
    # A fronted condition or adverbial phrase ("if …,", "for large enterprise teams,", "in production,") sets the case
    # the question asks about; its words are not what it asks.
    while "," in lowered and _EN_FRONTED.match(lowered):
        lowered = lowered.split(",", 1)[1]
    # A condition, a cause or a concession ("even though they share a kernel") is subordinate: not what is asked.
    return re.split(r"\b(?:if|when|once|after|since|because|although|though|whereas|while|as long as|as soon as)\b", lowered, maxsplit=1)[0] or lowered


def read_question(question: str, lexicon: Lexicon) -> Asked | None:
    """The predicate a yes/no question asks about and how it asks it, or None when it is not a yes/no question."""
    if not is_yes_no(question):
        return None
    if question_language(question) == "ko":
        return _read_korean(asking_sentence(question), lexicon)
    sentence = asking_sentence(question)
    tag = _EN_TAG.search(sentence)
    if tag is not None and _negates(re.findall(r"[a-z']+", _main_clause(sentence[: tag.start()]))):
        # "…, they don't share a kernel anymore, right?" asks to confirm a negation, which "don't they …?" asks the
        # other way round: left unread, as `confirmation` leaves it
        return None
    main = _main_clause(sentence)
    from .claims import english_predicate

    # "a separate kernel instead of the shared one": what comes after "instead of" is what the question sets aside.
    main = _EN_INSTEAD.sub(" ", main)
    # "by running a lightweight VM" says how, not what is asked ("does gVisor isolate containers by …?": isolate)
    main = _EN_BY_MEANS.sub(" ", main)
    main = _EN_SAME_WAY.sub(" ", main)
    # "inside the container's own filesystem": "own" after a noun's possessive says whose the thing is, not that the
    # subject has one of its own ("does each container get its own kernel?")
    main = _EN_NOUNS_OWN.sub(r"\1", main)
    if _EN_COPULA.match(main):
        # "is plain docker on a shared host good enough?": a participle between an article and its noun describes
        # the noun; what "is … ?" asks comes after it
        main = _EN_ATTRIBUTIVE.sub(lambda m: f"{m[1]} {m[3]}" if lexicon.english_predicate(m[2]) else m[0], main)
    predicate, reference, _ = english_predicate(main, lexicon)
    phrasal = lexicon.english_phrase(main)  # "will the todo container go down with it?"
    if phrasal is not None and not reference:
        predicate = phrasal
    before = main.split(" than ", 1)[0] if reference else main
    found = [w for w in english_words(before) if lexicon.english_predicate(w)]
    word = found[-1] if found else ""
    if predicate is None:
        return None
    return Asked(
        predicate,
        negated=bool(_EN_NEGATED.search(main)),
        modal=bool(_EN_MODAL.search(question.lower())),
        reference=reference.strip(" ?"),
        changes=bool(_EN_CHANGE.search(main)),
        main=main,
        possibility=word in lexicon.possibility,
        causative=word.lower() in lexicon.causative,
        prevented=_english_prevents(main, word),
    )


# A verb of remedy before the noun of the asked predicate negates it as prevention does: "would a bind mount fix data
# loss?" asks whether the data is not lost. (General English: fix, solve, prevent, avoid, stop, eliminate, with at most
# an article and one word between.)
_EN_REMEDIES = r"(?:fix|fixes|fixed|solve|solves|solved|prevent|prevents|prevented|avoid|avoids|avoided|stop|stops|stopped|eliminate|eliminates|eliminated)"
_EN_REMEDY_WORD = re.compile(rf"\b{_EN_REMEDIES}\b")


def _english_prevents(main: str, word: str) -> bool:
    """Whether a verb of prevention governs the asked predicate ("does it keep workloads off the shared kernel?",
    "would it fix data loss?"), not when it is the asked predicate itself ("does a volume keep the data?")."""
    found = EN_PREVENTS.search(main)
    if found is not None and found.group(0).split()[0] != word:
        return True
    return bool(word) and re.search(rf"\b{_EN_REMEDIES}\s+(?:(?:the|a|an|any)\s+)?(?:[\w-]+\s+)?{re.escape(word)}\b", main) is not None


def says_prevention(text: str) -> bool:
    """Whether a text itself says that something is prevented, avoided or fixed ("Overlap prevents information loss",
    "데이터 손실을 방지합니다"): its statement of the predicate is then one of prevention, as a question of prevention is."""
    if HANGUL.search(text):
        from .lexical import tagged_morphemes

        if any(pair in KO_PREVENTS for pair in tagged_morphemes(text)):
            return True
    lowered = text.lower()
    return bool(EN_PREVENTS.search(lowered) or _EN_REMEDY_WORD.search(lowered))


# Verbs that carry no content of their own in a question: light verbs, auxiliaries and the confirmation "… 맞아?"
KO_LIGHT_VERBS = frozenset({"하", "되", "있", "없", "않", "이", "아니", "보", "주", "받", "맞"})


_KO_SUBJECT_TOPIC = frozenset({"JKS", "JX"})  # the particles after a subject or topic: 이/가, 은/는/도


def _adverb_before(morphemes, i: int) -> int:
    """Where the adverb of the verb at i is: just before it, or before a negation between them ("같이 안 쓰죠?")."""
    return i - 2 if i > 1 and morphemes[i - 1] in (("안", "MAG"), ("못", "MAG")) else i - 1


def _asks_another_verb(morphemes, lexicon: Lexicon) -> bool:
    """Whether a Korean question ends in a verb of its own that is no predicate of the lexicon ("… 권하나요?"),
    rather than in a light verb, a confirmation ("맞죠?") or a predicate the lexicon knows."""
    content = [(form, tag) for form, tag in morphemes if not tag.startswith(("S", "E", "J"))]
    if not content:
        return False
    last = len(content) - 1
    if last >= 2 and content[last][0] in ("있", "없") and content[last - 1] == ("수", "NNB"):
        last -= 2  # "줄일 수 있어?": whether it can reduce; the verb is what it asks of
    form, tag = content[last]
    if tag in ("XSV", "XSA") and last > 0 and content[last - 1][1] == "NNG":
        last -= 1
        form, tag = content[last][0], "VV"  # a verb of a noun and 하다 ("권장하나요?", "추천해요?")
    prevention = any(form == verb for verb, _ in KO_PREVENTS)  # "… 공유를 피할 수 있나요?" asks of 공유
    phrase = last > 0 and (content[_adverb_before(content, last)][0], form) in lexicon.korean_phrases  # "같이 쓰나요?" asks of sharing
    return tag in ("VV", "VA") and form not in KO_LIGHT_VERBS and not lexicon.korean_predicate(form) and not prevention and not phrase


# Korean negation of a question, by where it stands (general Korean grammar). As the question's last predicate, long-
# form "-지 않-" or the copula "아니다" frames a presumption: "공유되지 않나요?", "따로 쓰는 거 아니에요?" ask whether P
# holds, as English "isn't it P?" does, and "네" confirms P. Before the predicate it asks of ("안 공유하지?", "공유 안 하는
# 거죠?", "공유하지 않는 거죠?") it is part of what is asked: whether not-P holds, "네" agreeing that not P.
_KO_NEGATORS = (("안", "MAG"), ("못", "MAG"), ("않", "VX"), ("아니", "VCN"))
_KO_NEGATION_WORDS = (("없", "VA"), ("없이", "MAG"), ("말", "VX"))  # a negation of its own ("문제 없어?"): not read
_KO_CLOSING = ("E", "J", "S", "XS")  # endings, particles, punctuation and suffixes after the question's predicate


def korean_negation(question: str) -> str:
    """How a Korean yes/no question is negated: "" (not), "frame" (it asks whether P holds: "P 아닌가요?", "P지
    않나요?"), "content" (whether not-P holds: "P 안 하지?", "P하지 않는 거죠?"), or "unclear" (a negation of its own
    such as 없다, more than one, or one in a clause before the question's own predicate: "NAT 안 거치고 바로 나가는
    거지?")."""
    from .lexical import tagged_morphemes

    morphemes = [(form, tag) for form, tag in tagged_morphemes(question) if not tag.startswith("S")]
    found = [i for i, pair in enumerate(morphemes) if pair in _KO_NEGATORS]
    own = [i for i, pair in enumerate(morphemes) if pair in _KO_NEGATION_WORDS]
    if not found and len(own) == 1 and morphemes[own[0]] == ("없", "VA") and _closes(morphemes[own[0] + 1 :]):
        return "content"  # 없다 as the question's own predicate asks whether none exists: "오버헤드가 전혀 없나요?"
    if own or len(found) > 1:
        return "unclear"
    if not found:
        return ""
    i = found[0]
    start = i + 1
    if morphemes[i][1] == "MAG":  # 안/못 before its verb: "안 하지", "공유 안 하는 거죠"
        while start < len(morphemes) and morphemes[start][1] in ("NNG", "XR"):
            start += 1
        if start >= len(morphemes) or morphemes[start][1] not in ("VV", "VA", "XSV", "XSA"):
            return "unclear"
        start += 1
    rest = morphemes[start:]
    if all(tag.startswith(_KO_CLOSING) for _, tag in rest):
        return "content" if morphemes[i][1] == "MAG" else "frame"
    return "content" if _closes(rest) else "unclear"


def _closes(rest) -> bool:
    """Whether the morphemes after a Korean predicate close the question: endings, particles and suffixes, or a
    dependent noun and the copula, or 맞다 ("공유하지 않는 거죠?", "안 하는 거 맞죠?")."""
    return all(tag.startswith(_KO_CLOSING) or tag in ("NNB", "VCP") or form == "맞" for form, tag in rest)


# The Korean comitative particles ("VM과", "VM이랑", "VM하고"): with a word of equality after them, what the subject is
# likened to ("VM이랑 똑같이", "VM과 같은 수준").
KO_COMITATIVE = frozenset({"와", "과", "랑", "이랑", "하고"})


def _attributive(morphemes, k: int, existence: bool) -> bool:
    """Whether the Korean predicate at k is a relative clause that describes a noun rather than what is asked ("복잡한
    서비스도 컴포즈로 하라고 해?": complex describes the services), or "같은" after a noun ("NFS 같은 거": such as NFS,
    not "same"). A clause whose noun the sentence then predicates ("상태를 유지하는 구조인가요?", is it a structure that
    keeps state?), a clause on what the question asks exists or is had ("독립된 인터페이스가 있나요?") and a
    clause before a dependent noun (tagged NNB: "공유하는 거야?", "쉬운 편이야?") or a noun whose
    content it is (_KO_CONTENT_NOUNS) say what is asked; `existence`: the question asks whether something exists or is
    had (_asks_existence). (claims.is_modifier reads the article's own sentences, where a
    noun compound asserts nothing either.)"""
    form, tag = morphemes[k]
    if form == "같" and tag == "VA":
        # "NFS 같은 거": such as NFS; "같은 네트워크에 넣으면 …?": the same network is the question's condition
        from .claims import is_condition_ending

        conditional = any(is_condition_ending(f, t) for f, t in morphemes[k + 1 :])
        # ... and after the comitative particle, "the same as" ("VM과 같은 수준인가요?": a level likened to the VM's)
        likened = k > 0 and morphemes[k - 1][1] in ("JKB", "JC") and morphemes[k - 1][0] in KO_COMITATIVE
        return conditional or likened or (k > 0 and morphemes[k - 1][1] in ("NNG", "NNP", "NNB", "NR", "NP", "SL", "SN"))
    j = k + 1
    while j < len(morphemes) and (morphemes[j][1] in ("XSV", "XSA") or morphemes[j][0] == "가능"):
        j += 1
    if j + 1 >= len(morphemes) or morphemes[j][1] != "ETM":
        return False
    if morphemes[j + 1][1] not in ("NNG", "NNP", "NR", "NP", "SL") or morphemes[j + 1][0] in _KO_CONTENT_NOUNS:
        return False
    if existence:
        return False  # "독립된 네트워크 인터페이스가 있나요?": whether there is one that is independent
    after = j + 1
    while after < len(morphemes) and morphemes[after][1] in ("NNG", "NNP", "SL", "SN", "XSN", "JKS", "JX"):
        after += 1  # "더 간단한 오케스트레이션 도구인가요?", "격리하는 방식이 맞나요?"
    predicated = after < len(morphemes) and (morphemes[after][1] == "VCP" or morphemes[after][0] == "맞")
    return not predicated


# Nouns whose clause is their content, not a description ("커질 걱정", the worry that it grows; "해결할 방법", a way to
# solve it; "강화한다는 설명", the explanation that it strengthens): the clause still says what is asked.
_KO_CONTENT_NOUNS = frozenset({"가능성", "위험", "위험성", "우려", "걱정", "염려", "방법", "필요", "설명", "얘기", "이야기", "말", "사실", "주장"})
_KO_EXISTENCE = frozenset({"있", "없", "가지", "갖"})  # verbs of existence and possession


def _asks_existence(morphemes) -> bool:
    """Whether a Korean question's main verb is one of existence or possession ("있나요?", "가지고 있어?"), not an
    auxiliary after another verb ("나와 있어?": is shown) nor a verb of saying ("있다고 해?"), nor an ability ("할 수 있어?")."""
    verbs = [i for i, (_, tag) in enumerate(morphemes) if tag.split("+")[0] in ("VV", "VA", "VX")]
    if not verbs:
        return False
    main = verbs[-1]
    if morphemes[main][1] == "VX" and morphemes[main][0] in ("있", "없") and len(verbs) > 1:
        main = verbs[-2]  # the verb the auxiliary follows
    form, tag = morphemes[main]
    return form in _KO_EXISTENCE and tag != "VX" and morphemes[main - 1] != ("수", "NNB")


# The connective endings of a cause or a sequence (general Korean: -아서/-어서/-여서, -니까, -므로): the clause they end
# says what leads to what the question asks.
_KO_CAUSE_ENDINGS = frozenset({"아서", "어서", "여서", "해서", "니까", "으니까", "므로", "으므로"})


def _of_a_cause(morphemes, i: int) -> bool:
    """Whether the predicate at i ends a clause of cause or sequence that a verb of the question's own follows ("메모리를
    다 먹어서 옆 서비스도 피해 봐?" asks of what follows, not whether it eats the memory)."""
    ending = next(((form, tag) for form, tag in morphemes[i + 1 :] if not tag.startswith(("X", "J"))), None)
    if ending is None or ending[1] != "EC" or ending[0] not in _KO_CAUSE_ENDINGS:
        return False
    end = morphemes.index(ending, i + 1)
    return any(tag.split("+")[0] in ("VV", "VA") for _, tag in morphemes[end + 1 :])


def with_korean_phrases(morphemes, predicate_at: dict[int, str], lexicon: Lexicon) -> dict[int, str]:
    """The predicates by position (`predicate_at`: those of single words) with the lexicon's adverb-and-verb phrases
    read at their verbs, in questions and in the posts' sentences alike: "커널을 같이 쓰나요?" (같이 쓰다: share; "따로
    쓰다": separate), a negation between them aside ("같이 안 쓰죠?"); "자원을 모두 사용" (occupy)."""
    predicate_at = dict(predicate_at)
    for i in range(1, len(morphemes)):
        adverb = _adverb_before(morphemes, i)
        if adverb > 0 and morphemes[adverb][1] in _KO_SUBJECT_TOPIC:
            adverb -= 1  # "성능이 떨어지나요?": a noun with its subject or topic particle ("성능 떨어지다": slow)
        phrase = lexicon.korean_phrases.get((morphemes[adverb][0], morphemes[i][0]))
        if phrase and morphemes[i][1] in ("VV", "VA", "NNG"):
            predicate_at[i] = phrase
            predicate_at.pop(adverb, None)  # "같이" alone is no "같다" (same)
    return predicate_at


def _read_korean(question: str, lexicon: Lexicon) -> Asked | None:
    from .lexical import tagged_morphemes

    morphemes = tagged_morphemes(question)
    predicate_at = with_korean_phrases(
        morphemes, {i: p for i, (form, tag) in enumerate(morphemes) if (p := lexicon.korean_predicate(form)) and not tag.startswith(("J", "E"))}, lexicon
    )
    # A predicate that only describes a noun ("복잡한 서비스", "NFS 같은 거") is not what the question asks
    existence = _asks_existence(morphemes)
    positions = sorted(i for i in predicate_at if not _attributive(morphemes, i, existence) and not _of_a_cause(morphemes, i))
    instead = [i for i, (form, tag) in enumerate(morphemes) if form == "대신" and tag.startswith("NN")]
    if instead:
        positions = [i for i in positions if i > instead[-1]]  # "공유 커널 대신 …": the shared kernel is set aside
    english = [p for w in english_words(question) if (p := lexicon.english_predicate(w))]
    if _asks_another_verb(morphemes, lexicon):
        from .claims import is_modifier

        # "복잡한 서비스도 컴포즈만으로 충분하다고 권하나요?" asks whether it recommends, not whether it is complex;
        # an English word in a Korean sentence is a noun or a modifier there ("lightweight 이미지를 권장하나요?").
        positions = [i for i in positions if not is_modifier(morphemes, i)]
        english = []
    compared = next((i for i, (form, tag) in enumerate(morphemes) if form == "보다" and tag == "JKB"), None)
    reference = ""
    if compared is not None:
        start = compared
        while start > 0 and morphemes[start - 1][1] in ("NNG", "NNP", "SL", "SN"):
            start -= 1
        reference = " ".join(form for form, _ in morphemes[start:compared])
        after = [i for i in positions if i > compared]
        positions = after or positions
    if positions:
        k = positions[-1] if compared is None else positions[0]
        word = morphemes[k][0]
        predicate = predicate_at[k]
        after = k + 1
        while after < len(morphemes) and morphemes[after][1].startswith("J"):
            after += 1  # "커널 공유는 안 하죠?": past the particle after the predicate's noun
        negated = (k > 0 and morphemes[k - 1] in (("안", "MAG"), ("못", "MAG"))) or (
            after < len(morphemes) and morphemes[after] in (("안", "MAG"), ("못", "MAG"))  # "공유 안 하는 거죠?"
        ) or any(
            (form, tag) in (("않", "VX"), ("없", "VA"), ("아니", "VCN")) for form, tag in morphemes[k + 1 :]
        )
    elif english:
        word = [w for w in english_words(question) if lexicon.english_predicate(w)][-1]
        predicate, negated = english[-1], bool(re.search(r"(않|안 |없)", question))
        k = -1
    else:
        return None
    prevented = any(pair in KO_PREVENTS for pair in morphemes[k + 1 :])
    return Asked(
        predicate,
        negated=negated,
        modal=bool(_KO_MODAL.search(question)),
        reference=reference,
        changes=_korean_change(question, morphemes),
        main=question,
        possibility=word in lexicon.possibility,
        causative=word.lower() in lexicon.causative,
        prevented=prevented,
    )


# A question of what a term is: "what is (a/an/the) X?", "what are Xs?", "what does X mean?"; "X(이/가/은/는/란)
# (정확히) 뭐야 / 뭐예요 / 뭔가요 / 무엇인가요 …?"
_EN_WHAT_IS = re.compile(
    r"^\W*(?:(?:so|and|ok|okay|then|hmm)\W+)?(?:what(?:'s|’s|\s+is|\s+are)\s+(?:an?\s+|the\s+)?(?P<term>[^?]{1,40}?)"
    r"(?:\s+(?:exactly|again|anyway))?|what\s+does\s+(?:an?\s+|the\s+)?(?P<meant>[^?]{1,40}?)\s+mean)\s*\??\s*$",
    re.IGNORECASE,
)
_KO_WHAT_IS = re.compile(
    r"^\s*(?P<term>\S+(?:\s\S+){0,2}?)\s*(?:이|가|은|는|이란|란)?\s*(?:정확히|대체|도대체)?\s*"
    r"(?:뭐야|뭐예요|뭐에요|뭔가요|뭐죠|뭐지|뭐임|뭡니까|뭐냐|뭔데|무엇인가요|무엇이에요|무엇입니까)\s*\??\s*$"
)
DEFINED_WORDS = 3  # at most this many words name the term a definition or a question of one is about


def asked_term(question: str) -> str:
    """The term a question asks the meaning of ("What is a volume?": volume), or ""."""
    found = _EN_WHAT_IS.match(question) or _KO_WHAT_IS.match(question)
    if not found:
        return ""
    term = next(group for group in found.groups() if group)
    return term if len(term.split()) <= DEFINED_WORDS else ""
