"""Follow-up questions: whether a question leans on its conversation, and the question it stands for, without a model.

A question depends on its conversation only when it carries one of five general cues of English or Korean:

* **ellipsis**: it names only a new subject and leaves the rest to the earlier question: "what about X?",
  "how about X?", "and X?", a bare "X?" of at most three words; "X는요?", "X은?", "X도요?", "그럼 X는?";
* **anaphora**: a short question (at most eight words) whose subject is a pronoun or demonstrative: it, its,
  that, this, these, those, they, them, their; 그거, 그건, 그게, 그걸, 그것, 이거, 이건, 이게, 이걸, 이것, 저거, 저건, 저게.
  "it" before an infinitive ("is it safe to run ...?") is the dummy subject, not a reference.

* **a new condition**: "what if X?", "and if X?", "X면요?", "그럼 X면?": the last complete yes/no question asked
  again under condition X ("what if they run on different VMs?" after "do the two services share a kernel?");
* **a phrase set before a question** (left dislocation): "what about X, does it …?", "and X, who makes that?": the
  question with X in place of its pronoun ("does X …?"), whatever the earlier question was. A condition or a
  setting before the comma ("and if it crashes, …", "and on AWS, …") is no such phrase, nor is a demonstrative
  before a noun ("is CI/CD on that list?");
* **a place said before**: English "there" of a place ("is image size in there?", "is the kernel marked as shared
  there?"; not "is there a way …?", "there are …") or Korean 거기 ("AppArmor도 거기 포함돼?"): the question is asked
  as it stands, and the section the earlier answer cited first leads wherever retrieval found it.

Anything else stands alone, however short, so a complete question on another subject is never bent by the history
(and a first question, or one asked without history, is answered exactly as before). One exception, decided by the
core after answering: a short question without a cue (at most twelve words) that is refused alone, names no word the
posts never mention and sits nearer the posts than any contrast subject ("so what do I need then?", "그럼 뭘로
보완해요?") is asked again about the conversation's topic, "QUESTION (EARLIER QUESTION)", without a verdict.

An ellipsis carries the earlier question's property to the new subject: the new words replace the term of the
earlier question that fills the same slot in the article (the same column of one of its tables: "CPU" and
"kernel" are both values of the "Area" column, "Kubernetes nodes" and "VMs" of "Execution Condition"), or else
its last term (the object of an English question, the noun before a Korean predicate). An ellipsis whose new
words the article never uses is not resolved at all, so an off-topic follow-up is refused as it would be alone.
A condition takes the place of that question's own condition, or goes before it; one naming a rare word the
article never uses is not resolved either. An anaphor is replaced by the earlier question's most specific term
(the highest-weighted run of words the article uses), and the sections the earlier answer cited are preferred when
ranking.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .lexical import is_compound
from .lexicon import HANGUL
from .question import COMMAND_OPTION, EN_AFTER_PARTICIPLE, EN_AUX, EN_FILLERS, EN_SAYING_ADVERBS, EN_SAYING_VERBS, is_yes_no, question_language, read_question

MAX_HISTORY = 20  # earlier turns a surface may send with a question
ELLIPSIS_MAX_WORDS = 4  # words of the new subject in "what about X?" / "X는요?" (articles aside) and of a bare "X?"
ANAPHOR_MAX_WORDS = 8
TOPIC_MAX_WORDS = 12  # a question this short that the article does not answer alone may ask about the conversation's topic
# A pronoun stands for a word less common than this in general language (wordfreq Zipf; "kernel" 3.3, "containers"
# 3.9, "used" 5.5), or a glossary term: the subject of a question, not its verbs or numbers.
SPECIFIC_ZIPF = 4.5  # a question longer than this with "it" usually says what "it" is itself

_EN_PRONOUNS = frozenset({"it", "its", "that", "this", "these", "those", "they", "them", "their"})
_EN_DETERMINERS = frozenset({"the", "a", "an"})
_EN_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "these", "those"})
# A word right after a subject pronoun is a verb ("can I skip …", "how do we keep …"), not a subject.
_EN_VERB_POSITION = re.compile(r"\b(?:i|we|you)\s+$", re.IGNORECASE)
# "that" / "this" / "it" of what was just said, not of a thing: "does that mean …?", "is that why …?", "this implies …"
_EN_PROPOSITION = re.compile(r"^(?:means?|meant|impl(?:y|ies|ied)|why|because)\b", re.IGNORECASE)
_EN_RELATIVE_BEFORE = frozenset({"the", "a", "an", "any", "each", "every", "one", "some"})
# "do that", "doing it": the pronoun stands for an action, not for a word of the earlier question.
_EN_PRO_VERB = re.compile(r"\b(?:doing|done|(?:to|i|we|you|can|could|should|would|will|not)\s+do)\s+$", re.IGNORECASE)
_EN_FUNCTION = frozenset(
    {"what", "how", "why", "when", "where", "which", "who", "do", "does", "did", "is", "are", "was", "were", "can",
     "could", "should", "would", "will", "i", "we", "you", "me", "my", "the", "a", "an", "to", "of", "for", "in", "on",
     "with", "about", "and", "or", "if", "be", "there", "then", "so", "also", "any", "some", "between", "into", "from"}
)
_EN_ELLIPSIS = re.compile(
    r"^(?:(?:and|but|so|ok|okay|also|then)[,\s]+)?(?:what|how)\s+about\s+(?P<x>.+?)\s*[?.!]*$", re.IGNORECASE
)
_EN_CONDITION = re.compile(
    r"^(?:(?:and|but|so|ok|okay|then)[,\s]+)?(?:what\s+)?if\s+(?P<x>[^,;?—–]+?)\s*[?.!]*$", re.IGNORECASE
)
# ... and with the participle of what it asks after it, its subject and copula left out ("and if each one runs on its
# own EC2 instance, still shared?", "what if they're on different VMs, separate then?").
_EN_CONDITION_SAID = re.compile(
    r"^(?:(?:and|but|so|ok|okay|then)[,\s]+)?(?:what\s+)?if\s+(?P<x>[^,;?—–]+?)\s*[,;—–]+\s*(?P<p>[^,;?—–]+?)\s*[?.!]*$", re.IGNORECASE
)
# "what about" and a gerund with what follows it ("what about running them on separate EC2 instances?", "how about
# deploying to different nodes?") names a case, an action, as "what if …?" does; a gerund alone ("what about
# networking?", "what about caching?") names a subject (general English).
_EN_GERUND_CASE = re.compile(r"^(?!(?:some|any|every|no)thing\b)[a-z]{2,}ing\s+\S", re.IGNORECASE)
_SAID_MAX_WORDS = 3  # the words of such a clause: the participle and the words that add to it ("still shared too")
# "if I run both from one compose file do they share a kernel?" holds a question of its own after its condition.
_EN_OWN_QUESTION = re.compile(
    r"\b(?:do|does|did|is|are|was|were|can|could|will|would|should)\s+(?:they|it|we|i|you|those|these|both|the|my|our)\b",
    re.IGNORECASE,
)
_EN_TRAILING_CONDITION = re.compile(r"\s+(?:if|when|once)\s+[^?]*\??\s*$", re.IGNORECASE)
_EN_LEADING_CONDITION = re.compile(r"^\s*(?:if|when|once)\b[^,]*,\s*", re.IGNORECASE)
_EN_AND = re.compile(r"^(?:and|or|also)[,\s]+(?P<x>.+?)\s*[?.!]*$", re.IGNORECASE)
# A phrase set before a question that a pronoun of the question takes up ("what about AppArmor, does it help too?",
# "and Windows containers, do they just work?"): left dislocation, in general English.
_EN_DISLOCATED = re.compile(r"^(?P<x>[^,;]+?)\s*,\s*(?P<q>(?P<w>[A-Za-z]+)\b.*)$")
# What opens a clause of condition, time, cause or concession rather than a noun phrase ("if it crashes, …").
_EN_SUBORDINATORS = frozenset({"if", "when", "once", "unless", "since", "because", "though", "although", "while"})
_EN_DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})
# Words that follow a demonstrative pronoun, not a noun it determines ("is that shared too?", "would that be faster?")
_EN_AFTER_SUBJECT = frozenset({"be", "too", "also", "then", "instead", "really", "still"})
_EN_BARE = re.compile(r"^(?P<x>[^?.!]+?)\s*\?+$")
# The dummy "it" of "is it safe to ...", "is it possible to ..." and of "it is ... that/to", asked or stated (general
# English: "is it true that containers share …?", the cleft "is it VMs that share …?"); and of a question whether a
# clause holds without "that" ("is it true containers are stateless?"; a clause after it, not "is it true?", which
# asks of what was said).
EN_DUMMY_IT = re.compile(
    r"\bit\b(?:\s+\w+){0,3}\s+to\b|\bit\s+(?:is|was)\b(?:\s+\w+){0,3}\s+(?:that|to)\b|\b(?:is|was)\s+it\b(?!\s+(?:false|wrong|untrue|incorrect)\b)(?:\s+\w+){1,3}\s+that\b"
    r"|\b(?:is|was)\s+it\s+(?:really\s+|actually\s+)?(?:true|correct|right|accurate|the case)\b(?:\s+that\b|(?:\s+[\w'-]+){3})",
    re.IGNORECASE,
)
# A pronoun that is the subject of a verb of saying or claiming (question.EN_SAYING_VERBS) is the post or its author
# ("does it claim Docker solves everything?", "do they say …?"), not a thing said before. (Not the verbs of listing:
# "does it mention X?" may ask of a table or a section said before.)
_EN_SAYING_FORMS = EN_SAYING_VERBS | {"says", "said", "claims", "claimed", "states", "stated", "thinks", "argues", "believes", "concludes"}
_EN_QUESTION_START = frozenset(
    {"do", "does", "did", "is", "are", "was", "were", "can", "could", "should", "would", "will", "what", "how", "why",
     "when", "where", "which", "who", "has", "have", "may", "might", "must"}
)

_TOPIC = re.compile(r"^.*\((?=.*\)$)|\)$")  # an earlier topic reading "Q (TOPIC)" carries TOPIC only
_KO_ASIDE = re.compile(r"^(?:그건\s*그렇고|그나저나)")  # "that aside", "by the way": what follows stands alone
_KO_OPENERS = re.compile(r"^(?:그럼|그러면|그렇다면|그리고|근데|그런데)[,\s]+")
_KO_CONDITION = re.compile(r"^(?P<x>.+면)\s*(?:요)?\s*[?？]*\s*$")
_KO_ELLIPSIS = re.compile(r"^(?P<x>.+?)(?:은|는|도)\s*(?:요|요\s*그럼)?\s*[?？]*\s*$")
# "X도 마찬가지야?" (is it the same for X too?) and "same for X?", "is it the same with X?", "does the same go for X?":
# the earlier question asked of X (general Korean and English)
_KO_LIKEWISE = re.compile(r"^(?P<x>.+?)(?:은|는|도)\s*마찬가지(?:야|예요|에요|이에요|인가요|일까요?|임|이야|죠|지|냐|니|입니까|인지)?\s*[?？]*\s*$")
_EN_LIKEWISE = re.compile(
    r"^(?:(?:and|but|so|ok|okay|also|then)[,\s]+)?(?:(?:is|was)\s+(?:it|that)\s+)?(?:does\s+)?(?:the\s+)?same\s+"
    r"(?:(?:thing|story|goes|go|applies|apply|holds|hold)\s+)?(?:for|with)\s+(?P<x>.+?)\s*[?.!]*$",
    re.IGNORECASE,
)
KO_PRONOUN = re.compile(r"^(?:그거|그것|이거|이것|저거|저것|그건|이건|저건|그게|이게|저게|그걸|이걸|저걸)")
# What a contracted pronoun holds: 그건 = 그것 + 은, 그게 = 그것 + 이, 그걸 = 그것 + 을.
_KO_CONTRACTED = {"건": "은", "게": "이", "걸": "을"}
# Particles whose form follows the last syllable of the noun before them: (after a consonant, after a vowel).
_KO_PARTICLE_PAIRS = {"은": ("은", "는"), "는": ("은", "는"), "이": ("이", "가"), "가": ("이", "가"), "을": ("을", "를"),
                      "를": ("을", "를"), "과": ("과", "와"), "와": ("과", "와"), "으로": ("으로", "로"), "로": ("으로", "로")}
_NOUN_TAGS = ("NNG", "NNP", "NNB", "NR", "NP", "SL", "SH", "SN", "XR", "XSN")


@dataclass(frozen=True)
class Turn:
    """One earlier turn of a conversation: the question as asked and, when the client kept it, its answer."""

    question: str
    answer: object | None = None  # an assistant.models.Answer


@dataclass(frozen=True)
class Reading:
    """How a question is read in its conversation: the question the core answers and what it leans on."""

    question: str  # the resolved question (the question itself when it stands alone)
    depends: bool = False
    prior: tuple[str, ...] = ()  # sections cited for the turn a pronoun points to, preferred when ranking
    language: str | None = None  # the asker's language, when it differs from the resolved question's
    about: str = ""  # the earlier question a reading about the conversation's topic asks with (in parentheses)
    guessed: bool = False  # the new subject took the place of a term no table column puts beside it: no verdict
    place: bool = False  # it asks about the place the earlier answer was read from ("is X in there?"): its prior leads

    @property
    def topic(self) -> bool:
        """Whether it is asked about the conversation's topic (the earlier question in parentheses): no verdict."""
        return bool(self.about)


@dataclass(frozen=True)
class _Cue:
    kind: str  # "ellipsis" | "anaphora" | "condition" | "dislocation"
    new: str = ""  # the new subject of an ellipsis (or the condition; or the phrase set before a question)
    pronoun: int = -1  # the word index of the anaphor (in `clause`, for a dislocation)
    clause: str = ""  # the question after a phrase set before it
    said: str = ""  # the predicate a condition's elliptical clause says ("still shared?": share), else ""


@dataclass(frozen=True)
class _Unit:
    """A word of a question (a Korean eojeol), split into its content part and its trailing particle."""

    start: int
    end: int
    stem: str
    particle: str = ""
    keys: frozenset[str] = field(default_factory=frozenset)


class FollowUps:
    """Resolves follow-up questions against one loaded index (its tables, term weights and predicates)."""

    def __init__(self, terms, lexicon, chunks):
        self.terms = terms
        self.lexicon = lexicon
        # term key -> the cells it appears in, as (table column, the cell's term keys); a column is
        # (section, language, column number), a definition list's terms (section, language, -1)
        self._cells: dict[str, list[tuple[tuple[str, str, int], str, frozenset[str]]]] = {}
        from .claims import definition_term

        for chunk in chunks:
            if chunk.kind == "prose" and not chunk.draft and (term := definition_term(chunk.text)):
                # the terms a definition list defines side by side ("- gVisor: …", "- Kata Containers: …") fill one
                # slot as a table column's rows do
                keys = terms.keys(term, known_only=True)
                for key in keys:
                    self._cells.setdefault(key, []).append(((chunk.section, chunk.lang, -1), chunk.id, keys))
            if chunk.kind != "row" or chunk.draft:
                continue
            for column, cell in enumerate(chunk.cells):
                keys = terms.keys(cell, known_only=True)
                for key in keys:
                    self._cells.setdefault(key, []).append(((chunk.section, chunk.lang, column), chunk.id, keys))
        # The words the posts write as a command-line option ("--privileged"): each names that option, participle or not.
        self._options = frozenset(
            option[2:] for chunk in chunks if not chunk.draft for option, _ in COMMAND_OPTION.findall(chunk.text.lower())
        )

    # --- the public entry --------------------------------------------------
    def read(self, question: str, history: list[Turn] | tuple[Turn, ...] | None) -> Reading:
        """The question as it is meant in its conversation (`history` oldest first)."""
        if not history:
            return Reading(question)
        cue = self.cue(question)
        if cue is None and zero_anaphora(question):
            # A Korean question that names nothing but a setting ("운영 환경에서 써도 돼요?", may I use it in
            # production?) leaves out what it is about, as Korean does: it is asked about the conversation's topic.
            return self.on_topic(question, history) or Reading(question)
        if cue is None and points_at_place(question):
            # "Is image size in there?", "AppArmor도 거기 포함돼?": asked as it stands, of the section the earlier
            # answer was read from.
            earlier = self._antecedent_turn(history)
            prior = _cited_first(earlier[1]) if earlier is not None else ()
            return Reading(question, True, prior, place=True) if prior else Reading(question)
        if cue is None:
            return Reading(question)
        if cue.kind == "dislocation":
            # "what about AppArmor, does it help too?": the question about the phrase set before it ("does AppArmor
            # help too?"), a new subject of the conversation as an ellipsis names one
            words = cue.clause.split()
            words[cue.pronoun] = _english_replacement(words[cue.pronoun], cue.new)
            resolved = " ".join(words)
            resolved = resolved[:1].upper() + resolved[1:] + ("?" if question.rstrip().endswith("?") and not resolved.endswith("?") else "")
            return Reading(resolved, True)
        earlier = self._antecedent_turn(history)
        if earlier is None:
            return Reading(question)
        before, answer, asked = earlier
        if _read_about_topic(asked, before):
            # The earlier turn was read about the topic before it ("Q (TOPIC)"): what it asked is that topic's
            before = before[len(asked) + 2 : -1]
        language = question_language(question)
        guessed = False
        if cue.kind == "condition":
            complete = self._complete_question(history)
            resolved = self._condition(complete, cue.new) if complete and is_yes_no(complete) else None
            if cue.said and complete and not self._asks_plainly(complete, cue.said):
                # "…, separate then?" after "do they share …?" asks another predicate, and "…, still shared?" after "do
                # they stop sharing …?" asks it the other way round: read as it stands
                resolved = None
            prior = ()
        elif cue.kind == "ellipsis":
            said = self._said_predicate(cue.new)
            if said is not None and said not in self.lexicon.predicates_in(before):
                # "pids isolated as well?" after "so the filesystem is shared too?": it asks a predicate of its own,
                # which carrying the earlier question to its subject would replace ("and PIDs, shared too?" asks the
                # earlier one and is carried)
                return Reading(question)
            earlier_cue = self.cue(asked) if before != asked else None
            earlier_new = _bare(earlier_cue.new, language) if earlier_cue and earlier_cue.kind == "ellipsis" else None
            resolved, guessed = self._carry(before, cue.new, language, earlier_new)
            prior: tuple[str, ...] = ()
        else:
            resolved = self._replace_pronoun(question, cue.pronoun, before, language)
            prior = _cited_first(answer)
            if not resolved and prior:
                # No word of the earlier question agrees with the pronoun ("they" after a question about one file):
                # the question is asked as it stands, the earlier answer's section still preferred.
                return Reading(question, True, prior)
        if not resolved or resolved == question:
            return Reading(question)
        differs = question_language(resolved) != language
        return Reading(resolved, True, prior, language if differs else None, guessed=guessed)

    def on_topic(self, question: str, history: list[Turn] | tuple[Turn, ...] | None, pronoun: bool = False) -> Reading | None:
        """The question asked about the conversation's topic, for a short question without a cue that the article
        does not answer alone ("why tho?", "show me the commands", "does the bloat slow builds down too?"): the
        question followed by the earlier question, the earlier answer's first section preferred. The core asks it
        only when the question alone is refused and yet sits nearer the article than any other subject."""
        cue = self.cue(question)
        # An ellipsis the reader could not carry into the earlier question ("what about just for testing?", "그럼
        # 카타는?") is asked about the topic as well; the core asks it only when its new subject is one of the posts'
        # (Assistant._on_topic: "그럼 피자는?" stays refused).
        if not history or len(question.split()) > TOPIC_MAX_WORDS or (cue is not None and cue.kind == "anaphora" and not pronoun):
            return None
        earlier = self._antecedent_turn(history)
        if earlier is None:
            return None
        before, answer, _ = earlier
        prior = _cited_first(answer)
        language = question_language(question)
        about = _TOPIC.sub("", before)
        resolved = f"{question} ({about})"
        differs = question_language(resolved) != language
        return Reading(resolved, True, prior, language if differs else None, about=about)

    # --- is it a follow-up? -----------------------------------------------
    def cue(self, question: str) -> _Cue | None:
        """The ellipsis or anaphor that makes the question lean on an earlier one, or None when it stands alone."""
        text = question.strip()
        if question_language(text) == "ko":
            return self._korean_cue(text)
        words = text.split()
        match = _EN_CONDITION.match(text)
        if match and not _EN_OWN_QUESTION.search(match.group("x")):
            return _Cue("condition", new=match.group("x"))
        match = _EN_CONDITION_SAID.match(text)
        if match and not _EN_OWN_QUESTION.search(match.group("x")) and len(match.group("p").split()) <= _SAID_MAX_WORDS:
            said = self._said_predicate(match.group("p"))
            if said is not None:
                return _Cue("condition", new=match.group("x"), said=said)
        for pattern in (_EN_ELLIPSIS, _EN_LIKEWISE, _EN_AND):
            match = pattern.match(text)
            if match:
                new = match.group("x")
                if pattern is _EN_ELLIPSIS and _EN_GERUND_CASE.match(new):
                    # "what about running them on separate EC2 instances?": a case, as "what if I run them …?" says
                    return _Cue("condition", new=new)
                dislocated = _dislocation(new)
                if dislocated is not None:
                    return dislocated
                new_words = [w for w in new.split() if w.lower() not in _EN_DETERMINERS]
                if new_words and new_words[0].lower() in _EN_QUESTION_START:
                    return self._english_anaphor(new, offset=len(words) - len(new_words), words=words)
                if len(new_words) <= ELLIPSIS_MAX_WORDS:
                    return _Cue("ellipsis", new=new)
                return None
        match = _EN_BARE.match(text)
        # the first word after a discourse marker ("so is Docker hypervisor-based?" asks a question of its own)
        opening = next((w for w in (w.lower().strip(",?!.") for w in words) if w not in EN_FILLERS), "")
        if match and len(words) <= ELLIPSIS_MAX_WORDS and opening not in _EN_QUESTION_START:
            if not any(w.lower().strip("?,.") in _EN_PRONOUNS for w in words):
                return _Cue("ellipsis", new=match.group("x"))
        return self._english_anaphor(text, 0, words)

    def _english_anaphor(self, text: str, offset: int, words: list[str]) -> _Cue | None:
        if len(words) > ANAPHOR_MAX_WORDS or EN_DUMMY_IT.search(text):
            return None
        index = _english_pronoun(words, offset)
        return None if index is None else _Cue("anaphora", pronoun=index)

    def _korean_cue(self, text: str) -> _Cue | None:
        if _KO_ASIDE.match(text):
            return None  # "그건 그렇고, …" (that aside): a new subject, asked on its own
        body = _KO_OPENERS.sub("", text)
        words = body.split()
        for index, word in enumerate(text.split()):
            if KO_PRONOUN.match(word) and len(words) <= ANAPHOR_MAX_WORDS:
                return _Cue("anaphora", pronoun=index)
        match = _KO_CONDITION.match(body)
        if match and self._conditional_ending(match.group("x")):
            return _Cue("condition", new=match.group("x").strip())
        match = _KO_ELLIPSIS.match(body) or _KO_LIKEWISE.match(body)
        if match and len(match.group("x").split()) <= ELLIPSIS_MAX_WORDS and not self._has_predicate(match.group("x")):
            return _Cue("ellipsis", new=match.group("x").strip())
        return None

    def _said_predicate(self, text: str) -> str | None:
        """The predicate an English ellipsis says of its own in a participle the lexicon knows that closes it but for
        the words that add to it ("pids isolated as well?": separate), or None ("a shared volume?" names a thing)."""
        words = re.findall(r"[a-z]+", text.lower())
        for i, word in enumerate(words):
            if word.endswith("ed") and (predicate := self.lexicon.english_predicate(word)) is not None:
                if all(later in EN_AFTER_PARTICIPLE for later in words[i + 1 :]):
                    return predicate
        return None

    def _asks_plainly(self, question: str, predicate: str) -> bool:
        """Whether a yes/no question asks whether `predicate` holds, neither negated nor of its prevention."""
        asked = read_question(question, self.lexicon)
        return asked is not None and asked.predicate == predicate and not asked.negated and not asked.prevented

    def _has_predicate(self, text: str) -> bool:
        from .lexical import tagged_morphemes

        if not HANGUL.search(text):
            return False
        return any(tag.startswith(("VV", "VA", "VX", "EF", "EC", "XSV", "XSA")) for _form, tag in tagged_morphemes(text))

    @staticmethod
    def _conditional_ending(text: str) -> bool:
        """Whether a Korean text ends in a conditional ending (쓰면, 나누면, 당한다면)."""
        from .claims import is_condition_ending
        from .lexical import tagged_morphemes

        morphemes = tagged_morphemes(text)
        return bool(morphemes) and is_condition_ending(*morphemes[-1])

    # --- a new condition: the earlier question under it ----------------------
    def _condition(self, before: str, condition: str) -> str | None:
        """The earlier question asked under a new condition, which takes the place of its own ("If they run on
        different VMs, do they share a kernel?"; "EC2 인스턴스로 나누면 두 서비스가 커널을 공유하나요?")."""
        if not HANGUL.search(condition) and condition.split()[0].lower() in _EN_QUESTION_START:
            return None  # "what if" followed by a question of its own
        from .answerability import RARE_ZIPF
        from .lexical import tokenize
        from .terms import general_zipf

        tokens = tokenize(condition)
        if not any(self.terms.in_corpus(t) for t in tokens) or any(
            not self.terms.in_corpus(t) and general_zipf(t) < RARE_ZIPF and not self.terms.everyday(t) for t in tokens
        ):
            return None  # a rare word the article never uses ("what if I use podman?"): read as it stands
        main = _EN_LEADING_CONDITION.sub("", before)
        main = _EN_TRAILING_CONDITION.split(main, maxsplit=1)[0].rstrip(" ,?") + "?" if not HANGUL.search(main) else main
        if HANGUL.search(before):
            from .verdict import statement_clauses

            clauses = statement_clauses(before, causes=False)
            if clauses and clauses[-1][0]:
                # "메모리 제한이 없으면 다른 컨테이너도 영향을 받나요?": the condition is replaced, with the clauses joined
                # before it ("무한 루프 돌면서 CPU 다 잡아먹으면 …": the loop is part of the condition)
                main = clauses[-1][1]
            elif _case_in_relative_clause(before):
                return None  # "다른 노드에 배포된 컨테이너끼리도 …?" states its case itself: a new one would stack on it
        if not self.terms.keys(main, known_only=True):
            return None  # little of a question is left once its own condition is set aside
        if HANGUL.search(condition):
            return f"{condition} {main}" if HANGUL.search(main) else f"{condition}, {main}"
        main = main[:1].lower() + main[1:] if not HANGUL.search(main[:1]) and not main[:2].isupper() else main
        return f"If {condition}, {main}"

    def _complete_question(self, history) -> str | None:
        """The last complete question of a conversation, whose condition a new one replaces: not a follow-up read from
        an earlier one (the condition replaces the one of the question it was read from; a pronoun read as a word of
        the earlier question may be read wrongly, "그것" of a new case taken for the earlier one), nor one asked about
        the topic ("why?", read "why? (Q)"), which is no question of its own."""
        for turn in reversed(history):
            answer = turn.answer
            if getattr(answer, "refused", False):
                continue
            if self.cue(turn.question) is None and not _read_about_topic(turn.question, getattr(answer, "standalone_question", None)):
                return turn.question
        return None

    # --- which earlier turn -------------------------------------------------
    def _antecedent_turn(self, history) -> tuple[str, object | None, str] | None:
        """The latest earlier turn that was answered (a refused turn is skipped): as it was read, its answer and
        the question as asked."""
        readings: list[tuple[str, object | None, str]] = []
        for position, turn in enumerate(history):
            answer = turn.answer
            standalone = getattr(answer, "standalone_question", None) if answer is not None else None
            if standalone:
                text = standalone
            elif answer is not None:
                text = turn.question
            else:
                # No answer kept: read the turn against the ones before it, as the core did.
                text = self.read(turn.question, history[:position]).question
            readings.append((text, answer, turn.question))
        for text, answer, asked in reversed(readings):
            if answer is None or not getattr(answer, "refused", False):
                return text, answer, asked
        return None

    # --- ellipsis: carry the earlier question to a new subject ---------------
    def _carry(self, before: str, new: str, language: str, earlier_new: str | None = None) -> tuple[str | None, bool]:
        """The earlier question carried to the new subject, and whether the term it replaces is a guess (the last term
        of the earlier question, when no table column puts any of its terms beside the new words)."""
        new = _bare(new, language)
        lead = re.match(rf"({_PREPOSITIONS})\s+", new, flags=re.IGNORECASE)
        if lead and not HANGUL.search(before):
            # "and for security issues?" after "what does it recommend for a single-container setup?": the phrase of
            # the same preposition is the one replaced; else the last phrase of a setting ("what about just for
            # testing?" after "is it fine to use in production?")
            end = r"(.+?)(?=\s+(?:vs\.?|versus|and|or|but|if|when)\b|[,;?]|$)"
            phrase = re.search(rf"\b{lead.group(1)}\s+{end}", before, flags=re.IGNORECASE)
            if phrase is None:
                phrases = list(re.finditer(rf"\b(?:{_PLACES})\s+{end}", before, flags=re.IGNORECASE))
                phrase = phrases[-1] if phrases else None
            if phrase and self.terms.keys(new[lead.end():], known_only=True):
                return before[: phrase.start()] + new + before[phrase.end() :], False
            return None, False
        new_keys = self.terms.keys(new, known_only=True)
        # A compound ("CPU/memory") is known through its parts, which are keys of their own.
        unknown = {key for key in self.terms.keys(new) - new_keys if not is_compound(key) and not self.terms.everyday(key)}
        if not new_keys or unknown:
            return None, False  # the article never uses (some of) the new words: the follow-up is read as it stands
        if earlier_new and earlier_new in before:
            # "what about A?" then "and B?": B takes A's place in the question A was read into.
            return before.replace(earlier_new, new, 1), False
        units = [u for u in self._units(before) if u.keys and not self._is_predicate(u) and not (u.keys & new_keys)]
        units = [u for u in units if self._specific(u)] or units
        if not units:
            return None, False
        scores = {u.start: self._parallel(u.keys, new_keys) for u in units}
        target = max(units, key=lambda u: (scores[u.start], u.start))
        guessed = not scores[target.start]
        if guessed:
            target = units[-1]
        else:
            # The rest of the table cell goes with it: "host OS kernel" is one value of its column.
            cell = self._best_cell(target.keys, new_keys)
            every = self._units(before)
            i = next(k for k, u in enumerate(every) if u.start == target.start)
            left, right = i, i
            while left > 0 and every[left - 1].keys and every[left - 1].keys <= cell and not every[left - 1].particle:
                left -= 1
            while right + 1 < len(every) and every[right + 1].keys and every[right + 1].keys <= cell and not every[right].particle:
                right += 1
            target = _Unit(every[left].start, every[right].end, before[every[left].start : every[right].end],
                           every[right].particle, target.keys)
        if HANGUL.search(before):
            target = self._noun_phrase(before, target)
        # "CPU and memory" was one subject: a parallel term joined to the target by "and", "or", "/" or "," goes too.
        first, last = target, target
        for unit in units:
            if scores[unit.start] and unit is not target:
                if _joined(before, unit, first):
                    first = unit
                elif _joined(before, last, unit):
                    last = unit
        span = _Unit(first.start, last.end, before[first.start:last.end], last.particle)
        return self._splice(before, span, new), guessed

    def _noun_phrase(self, text: str, unit: _Unit) -> _Unit:
        """The Korean noun phrase a word belongs to: the words before it and after it up to the one that carries the
        phrase's particle ("단일 컨테이너 운영에는": a particle ends a noun phrase), predicates aside."""
        every = self._units(text)
        i = next((k for k, u in enumerate(every) if u.start == unit.start), None)
        j = next((k for k, u in enumerate(every) if u.end == unit.end), i)
        if i is None or j is None:
            return unit
        left, right = i, j
        while left > 0 and not every[left - 1].particle and every[left - 1].end + 1 == every[left].start and _nouns(every[left - 1].stem):
            left -= 1
        while (
            right + 1 < len(every) and not every[right].particle and every[right].end + 1 == every[right + 1].start
            and _nouns(every[right + 1].stem) and _nouns(every[right].stem)
        ):
            right += 1
        return _Unit(every[left].start, every[right].end, text[every[left].start : every[right].end], every[right].particle, unit.keys)

    def _parallel(self, keys: frozenset[str], new_keys: frozenset[str]) -> float:
        """How well a term of the earlier question and the new words fill the same table column, in two different
        rows: the largest product of the share of its cell the term makes up and the share of theirs the new words
        make up ("VMs" is a third of "Running on different VMs", "Kubernetes nodes" half of "Deployed to different
        Kubernetes nodes"; "kernel" is a small part of a cell about Kata Containers in that column). 0 when the
        article never puts them in one column. A word both cells hold ("서비스" of "날씨 서비스에서 무한 루프" and "날씨
        서비스에서 메모리 폭주") is what the two rows share, not the value that sets them apart."""
        theirs = [
            (slot, row, cell, len(new_keys & cell) / len(cell)) for key in new_keys for slot, row, cell in self._cells.get(key, ())
        ]
        best = 0.0
        for key in keys:
            for slot, row, cell in self._cells.get(key, ()):
                share = len(keys & cell) / len(cell)
                for other_slot, other_row, other_cell, other_share in theirs:
                    if other_slot == slot and other_row != row and key not in other_cell:
                        best = max(best, share * other_share * (1 + _frame(cell - keys, other_cell - new_keys)))
        return best

    def _best_cell(self, keys: frozenset[str], new_keys: frozenset[str]) -> frozenset[str]:
        """The cell through which a term of the earlier question is parallel to the new words."""
        theirs = {(slot, row): cell for key in new_keys for slot, row, cell in self._cells.get(key, ())}
        slots = {slot for slot, _ in theirs}
        best, found = -1.0, frozenset()
        for key in keys:
            for slot, row, cell in self._cells.get(key, ()):
                if any(key in other for (other_slot, _), other in theirs.items() if other_slot == slot):
                    continue  # a word the new subject's own cell holds too
                if slot in slots and (slot, row) not in theirs and len(keys & cell) / len(cell) > best:
                    best, found = len(keys & cell) / len(cell), cell
        return found

    # --- anaphora: the pronoun stands for the earlier question's subject ------
    def _replace_pronoun(self, question: str, index: int, before: str, language: str) -> str | None:
        words = question.split()
        word = words[index]
        plural = language == "en" and word.lower().strip("?,.!'\"") in _EN_PLURAL_PRONOUNS
        if language == "en" and _EN_PRO_VERB.search(" ".join(words[:index]) + " "):
            return None
        if language == "en" and _EN_PROPOSITION.match(" ".join(words[index + 1 :])):
            return None  # "does that mean each container is independent?": "that" is what the earlier answer said
        phrase = self._focus(before, language, plural)
        if not phrase:
            return None
        if language == "ko":
            match = KO_PRONOUN.match(word)
            rest = word[match.end():]
            contracted = match.group(0)[-1]
            if contracted == "걸" and rest.startswith("로"):
                particle = rest  # "그걸로" is 그거 + (으)로: its ㄹ belongs to 로, not to 을
            else:
                particle = _KO_CONTRACTED.get(contracted, "") + rest
            words[index] = phrase + _agree(phrase, particle)
        else:
            replacement = _english_replacement(word, phrase)
            words[index] = replacement[:1].upper() + replacement[1:] if index == 0 else replacement
        return " ".join(words)

    def _focus(self, before: str, language: str, plural: bool = False) -> str | None:
        """The earlier question's most specific run of words the article uses (its subject, for a pronoun); for a
        plural pronoun ("they", "those"), a plural noun or a coordinated pair, else none."""
        units = [u for u in self._units(before) if u.keys and not self._is_predicate(u) and self._specific(u)]
        if question_language(before) == "en":
            units = [u for u in units if not _EN_VERB_POSITION.search(before[: u.start])]
        heads = [u for u in units if _plural(before, u)] if plural else units
        if not heads:
            return None
        best = max(heads, key=lambda u: (self.terms.weight(u.keys), u.start))
        run = [best]
        ordered = sorted(units, key=lambda u: u.start)
        # Neighbouring content words join it ("--privileged flag", "Host OS kernel"), unless a particle ends one.
        i = ordered.index(best)
        while i > 0 and ordered[i - 1].end + 1 >= run[0].start and not ordered[i - 1].particle:
            i -= 1
            run.insert(0, ordered[i])
        j = ordered.index(best)
        while j + 1 < len(ordered) and run[-1].end + 1 >= ordered[j + 1].start and not run[-1].particle:
            j += 1
            run.append(ordered[j])
        text = " ".join(u.stem for u in run)
        start = run[0].start
        if question_language(before) == "en" and not _plural(before, run[-1]):
            # A singular noun before a gerund of the posts' words names what the gerund is of ("container networking",
            # "load balancing"): the compound is the subject, not the noun alone
            gerund = re.match(r"\s+([A-Za-z]{3,}ing)\b", before[run[-1].end :])
            if gerund and self.terms.keys(gerund.group(1), known_only=True):
                text = f"{text} {gerund.group(1)}"
        if question_language(before) == "en":
            # "the weather and todo services": the words coordinated with the run belong to it
            joined = re.search(r"(\S+)\s+(?:and|or|&)\s+$", before[:start])
            if joined and any(u.start == joined.start(1) and u.keys for u in self._units(before)):
                start = joined.start(1)
                text = before[start : run[-1].end].strip("?,.!")
        if language == "en" and question_language(before) == "en":
            preceding = before[:start].split()
            if preceding and preceding[-1].lower() in _EN_DETERMINERS:
                text = f"{preceding[-1].lower()} {text}"
        return text

    # --- words of a question -----------------------------------------------
    def _units(self, text: str) -> list[_Unit]:
        units = []
        for match in re.finditer(r"\S+", text):
            word = match.group(0)
            core = word.strip("?？,.!'\"()")
            if not core:
                continue
            start = match.start() + word.index(core)
            stem, particle = _split_particle(core)
            if stem.lower() in _EN_FUNCTION or stem.lower() in _EN_PRONOUNS:
                continue
            units.append(_Unit(start, start + len(core), stem, particle, self.terms.keys(stem, known_only=True)))
        return units

    def _is_predicate(self, unit: _Unit) -> bool:
        if HANGUL.search(unit.stem):
            return self._has_predicate(unit.stem + unit.particle) or bool(self.lexicon.predicate_in(unit.stem))
        return self.lexicon.english_predicate(unit.stem.lower()) is not None

    def _specific(self, unit: _Unit) -> bool:
        """A word that can name a subject: a glossary term, or a word not common in general language."""
        from .answerability import zipf

        word = unit.stem.lower()
        if word.lstrip("-") in self._options:
            return True  # "privileged" of "privileged flag": the option the posts write as "--privileged"
        if re.search(r"^[a-z]{3,}(?:ed|ing)$", word):
            return False  # an English participle ("deleted", "running") describes a subject rather than names it
        if any(key.startswith("#") for key in unit.keys):
            return True
        return zipf(word, "ko" if HANGUL.search(word) else "en") < SPECIFIC_ZIPF

    def _splice(self, before: str, target: _Unit, new: str) -> str:
        particle = _agree(new, target.particle) if target.particle else ""
        return before[: target.start] + new + particle + before[target.end:]


def _read_about_topic(question: str, read_as: str | None) -> bool:
    """Whether a question was read about the conversation's topic: "Q (TOPIC)"."""
    return bool(read_as) and read_as.startswith(f"{question} (") and read_as.endswith(")")


def _cited_first(answer) -> tuple[str, ...]:
    """The section an earlier answer cited first (a follow-up's prior), or nothing for a turn kept without its answer."""
    return tuple(c.section for c in getattr(answer, "citations", [])[:1]) if answer is not None else ()


def _english_replacement(word: str, phrase: str) -> str:
    """An English pronoun as written (with its punctuation) replaced by a phrase: "its"/"their" by its possessive."""
    bare = word.strip("?,.!'\"")
    trailing = word[len(word.rstrip("?,.!'\"")) :]
    return (f"{phrase}'s" if bare.lower() in ("its", "their") else phrase) + trailing


def _dislocation(text: str) -> _Cue | None:
    """A question after a noun phrase set before it, with a pronoun that takes the phrase up ("AppArmor, does it help
    too?", "tmpfs mounts, when should I use them?"), or None: a condition ("if it crashes, …") or a setting ("on AWS,
    …") before a question is not its subject, and a demonstrative before a noun ("on that list") stands for none."""
    match = _EN_DISLOCATED.match(text.strip())
    if match is None or match.group("w").lower() not in _EN_QUESTION_START:
        return None
    phrase, clause = match.group("x").strip(), match.group("q")
    first = phrase.split()[0].lower()
    if first in _EN_SUBORDINATORS or re.fullmatch(_PREPOSITIONS, first):
        return None
    words = clause.split()
    index = _english_pronoun(words)
    if index is None:
        return None
    if words[index].lower().strip("?,.!'\"") in _EN_DEMONSTRATIVES and index + 1 < len(words) and not words[index].endswith(("?", ".", "!")):
        after = words[index + 1].lower().strip("?,.!'\"")
        if not (after in EN_AUX or after.endswith("ed") or after in _EN_AFTER_SUBJECT):
            return None  # "that list": a determiner
    return _Cue("dislocation", new=phrase, pronoun=index, clause=clause)


# Words that put "there" in a clause of existence ("is there a way …?", "there are …"), not at a place said before.
_EN_EXISTENTIAL = frozenset({"is", "are", "was", "were", "be", "been", "'s", "any", "anything"})


def points_at_place(question: str) -> bool:
    """Whether a question points at a place said before: English "there" of a place ("is CI/CD in there?", "is the
    kernel shared there?"; not of existence: "is there a way …?", "there are …") or Korean 거기 ("거기 포함돼?")."""
    words = question.strip().split()
    if question_language(question) == "ko":
        return any(word.startswith("거기") for word in words)
    plain = [word.lower().strip("?,.!'\"") for word in words]
    return any(
        word == "there" and (plain[i + 1] if i + 1 < len(plain) else "") not in _EN_EXISTENTIAL
        and (plain[i - 1] if i else "") not in _EN_EXISTENTIAL
        for i, word in enumerate(plain)
    )


def points_back(question: str) -> bool:
    """Whether a question of any length has a pronoun that points at something said before ("does that hurt more
    when …?", "그거 …"): an English personal or demonstrative pronoun that is neither a dummy "it" nor a relative
    "that", or a Korean demonstrative pronoun."""
    text = question.strip()
    words = text.split()
    if question_language(text) == "ko":
        return any(KO_PRONOUN.match(word) for word in words)
    return not EN_DUMMY_IT.search(text) and _english_pronoun(words) is not None


def _english_pronoun(words: list[str], offset: int = 0) -> int | None:
    """The index of the first English pronoun from `offset` on that points at something said before (not a relative
    "that", not "its own"), or None."""
    return next(
        (index for index, word in enumerate(words[offset:], offset)
         if word.lower().strip("?,.!'\"") in _EN_PRONOUNS and not _not_anaphoric(words, index)),
        None,
    )


def _not_anaphoric(words: list[str], index: int) -> bool:
    """Whether an English pronoun points at no word of an earlier question: a relative "that" after a noun phrase
    ("what's the risk that remains?", "the compose file that runs both") and "its own" (of the clause's own subject)."""
    word = words[index].lower().strip("?,.!'\"")
    after = words[index + 1].lower().strip("?,.!'\"") if index + 1 < len(words) else ""
    if word == "its" and after == "own":
        return True
    if says_of_post(words, index):
        return True
    if word == "that" and index > 0 and words[index - 1].lower() in _EN_SAYING_FORMS:
        return True  # "do they say that volumes are shared?": the conjunction that opens what is said
    if word == "that" and index >= 2:
        before = words[index - 1].lower().strip("?,.!'\"")
        lead = [w.lower().strip("?,.!'\"") for w in words[max(0, index - 4) : index - 1]]
        verb_after = after in EN_AUX or (len(after) > 3 and after.endswith(("s", "ed")))
        if verb_after and before not in _EN_FUNCTION and not before.endswith("ly") and any(w in _EN_RELATIVE_BEFORE for w in lead):
            return True
    return False


def says_of_post(words: list[str], index: int) -> bool:
    """Whether the pronoun at `index`, after an auxiliary, is the subject of a verb of saying (EN_SAYING_VERBS): the post."""
    word = words[index].lower().strip("?,.!'\"")
    if word not in ("it", "they") or index == 0 or words[index - 1].lower() not in EN_AUX:
        return False
    later = [w.lower().strip("?,.!'\"") for w in words[index + 1 : index + 3]]
    while later and later[0] in EN_SAYING_ADVERBS:
        later = later[1:]
    return bool(later) and later[0] in EN_SAYING_VERBS


def _frame(rest: frozenset[str], other_rest: frozenset[str]) -> float:
    """The share of words two cells hold besides their parallel values: "날씨 서비스에서 메모리 폭주" and "날씨 서비스에서
    Flask 코드 에러" say their values in one frame, "두 컨테이너가 Volume을 공유" in another."""
    return len(rest & other_rest) / len(rest | other_rest) if rest | other_rest else 0.0


def _nouns(word: str) -> bool:
    """Whether a Korean word (without its particle) is nouns only ("단일", "운영"; not "컨테이너끼리", "다른")."""
    if not HANGUL.search(word):
        return True
    from .lexical import tagged_morphemes

    return all(tag in ("NNG", "NNP", "NNB", "SL", "SN", "XR") for _, tag in tagged_morphemes(word))


def _plural(text: str, unit: _Unit) -> bool:
    """Whether an English word of a question names more than one thing: a plural noun ("namespaces", "VMs") or one
    of a pair joined by "and" / "or" / "both"."""
    word = unit.stem
    if re.search(r"[a-z]s$", word, flags=re.IGNORECASE) and not word.lower().endswith(("ss", "us", "is")) or word.isupper() and word.endswith("s"):
        return True
    around = f"{text[max(0, unit.start - 12) : unit.start]} {text[unit.end : unit.end + 12]}".lower()
    return bool(re.search(r"\b(and|or|both)\b", around))


_PREPOSITIONS = "for|in|on|with|about|at|from|to|under|without"
_PLACES = "for|in|under"  # prepositions of a setting ("in production", "for testing"), not "to" of an infinitive
# Discourse markers of general English around an ellipsis ("okay, for testing though?", "and just CPU then?").
_EN_MARKERS_BEFORE = re.compile(r"^(?:(?:ok|okay|so|well|and|but|then|alright|right|hmm|just)[,\s]+)+", re.IGNORECASE)
_EN_MARKERS_AFTER = re.compile(r"(?:[,\s]+(?:though|then|too|instead|as well|anyway))+$", re.IGNORECASE)


def _case_in_relative_clause(question: str) -> bool:
    """Whether a Korean question states its case in a clause that modifies its subject: a verb with an adnominal
    ending after a phrase of place ("다른 노드에 배포된 컨테이너", "같은 호스트에서 도는 컨테이너")."""
    from .lexical import tagged_morphemes

    morphemes = tagged_morphemes(question)
    for i, (_, tag) in enumerate(morphemes):
        if tag == "ETM" and i > 0 and morphemes[i - 1][1] in ("VV", "XSV"):
            if any(t == "JKB" for _, t in morphemes[max(0, i - 5) : i - 1]):
                return True
    return False


def zero_anaphora(question: str) -> bool:
    """Whether a Korean question leaves out its subject and object: a verb, and no noun but in adverbial phrases
    ("운영 환경에서 써도 돼요?"; not "속도도 괜찮아요?", "취약점 잡아줌?")."""
    if question_language(question) != "ko":
        return False
    from .lexical import tagged_morphemes

    morphemes = [(form, tag) for form, tag in tagged_morphemes(question) if not tag.startswith("S") or tag in ("SL", "SH", "SN")]
    verb = any(tag in ("VV", "VA", "XSV", "XSA") for _, tag in morphemes)
    for i, (form, tag) in enumerate(morphemes):
        if tag in ("NNG", "NNP", "NP", "SL", "SH", "NR", "SN") and form not in ("그럼", "그러면"):
            following = next((t for _, t in morphemes[i + 1 :] if t not in ("NNG", "NNP", "NNB", "SL", "SH", "SN", "XSN")), "")
            if following != "JKB":
                return False  # a noun that is the question's subject or object, or stands bare
    return verb


def _bare(new: str, language: str) -> str:
    """The new subject of an ellipsis without a leading article or the discourse markers around it."""
    if language != "en":
        return new.strip()
    new = _EN_MARKERS_AFTER.sub("", _EN_MARKERS_BEFORE.sub("", new.strip()))
    return re.sub(r"^(?:the|a|an)\s+", "", new, flags=re.IGNORECASE)


def _joined(text: str, left: _Unit, right: _Unit) -> bool:
    """Whether two words of a question are joined as one coordinated subject ("CPU and memory", "CPU/메모리")."""
    between = text[left.end : right.start] if left.end <= right.start else ""
    if left.particle and left.particle not in ("와", "과", "랑", "이랑", "하고"):
        return False
    return bool(re.fullmatch(r"\s*(?:and|or|,|/|&)?\s*", between, flags=re.IGNORECASE)) and left.end < right.start + 1 and (
        left.particle or between.strip() != "")


def _split_particle(word: str) -> tuple[str, str]:
    """A Korean eojeol's content part and trailing particles ("커널을" -> "커널", "을"); other words whole."""
    if not HANGUL.search(word):
        return word, ""
    from .lexical import tagged_morphemes

    morphemes = tagged_morphemes(word)
    cut = len(morphemes)
    while cut > 0 and morphemes[cut - 1][1].startswith("J"):
        cut -= 1
    if cut == len(morphemes) or cut == 0:
        return word, ""
    particle = "".join(form for form, _ in morphemes[cut:])
    if not word.endswith(particle):
        return word, ""
    return word[: len(word) - len(particle)], particle


def _agree(noun: str, particle: str) -> str:
    """A particle in the form that follows `noun` (을 after a consonant, 를 after a vowel, ...)."""
    for first, (after_consonant, after_vowel) in _KO_PARTICLE_PAIRS.items():
        if particle.startswith(first):
            last = noun.rstrip()[-1:] if noun.strip() else ""
            if HANGUL.match(last):
                form = after_consonant if (ord(last) - 0xAC00) % 28 else after_vowel
            elif last.isascii() and last.isalpha():
                form = after_consonant if _latin_ends_in_consonant(noun.rstrip()) else after_vowel
            else:
                return particle
            return form + particle[len(first):]
    return particle


def _latin_ends_in_consonant(word: str) -> bool:
    """Whether a Latin word, read in Korean, ends in a consonant: an acronym by the name of its last letter
    (CPU 씨피유, VM 브이엠), another word by its last letter (kernel, volume)."""
    tail = re.findall(r"[A-Za-z]+", word)[-1]
    if tail.isupper() and len(tail) <= 5:
        return tail[-1] in "LMNR"
    return tail[-1].lower() not in "aeiouy"


def turns_from(items) -> list[Turn]:
    """Turns from plain data: `[{"question": str, "answer": Answer | dict | None}, ...]` (oldest first)."""
    from .models import Answer

    turns = []
    for item in items or ():
        if isinstance(item, Turn):
            turns.append(item)
            continue
        answer = item.get("answer") if isinstance(item, dict) else getattr(item, "answer", None)
        question = item.get("question") if isinstance(item, dict) else getattr(item, "question")
        if isinstance(answer, dict):
            answer = Answer.model_validate(answer)
        turns.append(Turn(question, answer))
    return turns
