"""Follow-up questions on the real article and embedder: which questions lean on their conversation, how they are
read, that single questions and first turns are answered exactly as without history, and the conversation eval."""

import json

import pytest

from assistant.conversation import Turn, points_at_place
from assistant.errors import InvalidQuestion
from assistant.evaluate import evaluate_conversations, is_conversation_file, read_conversations, read_questions
from conftest import DATA

FOLLOW_UPS = DATA / "conversations_dev.jsonl"
SINGLE_SETS = ["dev_questions.jsonl", "snippet_questions.jsonl"]


def _same(a, b):
    """Two answers agree on everything a single question's answer says (the conversation fields aside)."""
    left = a.model_dump(exclude={"standalone_question"})
    right = b.model_dump(exclude={"standalone_question"})
    return left == right


@pytest.mark.parametrize(
    "question, kind",
    [
        ("what about CPU and memory?", "ellipsis"),
        ("And the file system?", "ellipsis"),
        ("How about Kata Containers?", "ellipsis"),
        ("Volumes?", "ellipsis"),
        ("CPU는요?", "ellipsis"),
        ("그럼 VM은?", "ellipsis"),
        ("메모리도요?", "ellipsis"),
        ("is that safe?", "anaphora"),
        ("how do I prevent it?", "anaphora"),
        ("show me the command for that", "anaphora"),
        ("그건 운영 환경에서 써도 되나요?", "anaphora"),
        ("그거 명령어 예시 보여줘", "anaphora"),
        ("what if they run on different VMs?", "condition"),
        ("and if the whole service crashes?", "condition"),
        ("서로 다른 VM에서 실행하면요?", "condition"),
        ("그럼 Compose 파일을 두 개로 나누면?", "condition"),
        # a condition followed by a question of its own stands alone
        ("if I run both from one compose file do they share a kernel?", None),
        # complete questions stand alone, however they start
        ("Do containers share the kernel?", None),
        ("How do I make Docker images smaller?", None),
        ("What does it mean that isolation between containers is not perfect?", None),
        ("Is it safe to use --privileged in production?", None),
        # a relative "that", "its own" and "그건 그렇고" (that aside) point at no earlier word
        ("So what's the risk that remains?", None),
        ("show me the compose file that runs both", None),
        ("So Docker basically solves everything on its own?", None),
        ("그건 그렇고, 단일 컨테이너 운영에도 쿠버네티스를 쓰라고 하나요?", None),
        ("how do I fix that?", "anaphora"),
        ("does the post recommend that?", "anaphora"),
        # a condition followed by a clause of its own after a dash is no bare condition; one followed by the participle
        # of what it asks is (its earlier question is read under it only when that asks the predicate plainly)
        ("and if each one goes on its own EC2 box — do they still share it?", None),
        ("and if each one goes on its own EC2 box — still shared?", "condition"),
        ("컨테이너 간 통신은 어떻게 설정하나요?", None),
        ("그럼 컨테이너가 삭제되면 데이터는 어떻게 되나요?", None),
        # a phrase set before a question that a pronoun takes up; not a condition, a setting or "that" before a noun
        ("what about AppArmor, does it help too?", "dislocation"),
        ("and Quay, who makes that?", "dislocation"),
        ("and if it just crashes, do the others go down too?", None),
        ("and on AWS, can I plug in EBS?", None),
        ("and the last one, is CI/CD on that list?", None),
    ],
)
def test_which_questions_lean_on_the_conversation(assistant, question, kind):
    cue = assistant.follow_ups.cue(question)
    assert (cue.kind if cue else None) == kind


@pytest.mark.parametrize(
    "history, question, read_as",
    [
        (["Do containers share the kernel?"], "what about CPU and memory?", "Do containers share the CPU and memory?"),
        (["Do services deployed on different VMs share a kernel?"], "What about Kubernetes nodes?",
         "Do services deployed on Kubernetes nodes share a kernel?"),
        (["Is the PID space shared?", "what about the file system?"], "and the network namespace?",
         "Is the network namespace space shared?"),
        (["컨테이너끼리 커널을 공유하나요?"], "CPU는요?", "컨테이너끼리 CPU를 공유하나요?"),
        # a new condition replaces the whole condition before the main clause, clauses joined to it included
        (["날씨 서비스가 무한 루프를 돌면서 CPU를 다 잡아먹으면 투두 서비스도 느려지나요?"], "메모리가 새면요?",
         "메모리가 새면 투두 서비스도 느려지나요?"),
        (["컨테이너끼리 커널을 공유하나요?"], "그럼 파일 시스템은?", "컨테이너끼리 파일 시스템을 공유하나요?"),
        (["What is the risk of the --privileged flag?"], "Is it safe in production?", "Is the --privileged safe in production?"),
        (["--privileged 옵션은 어떤 위험이 있나요?"], "그건 운영 환경에서 써도 되나요?", "--privileged 옵션은 운영 환경에서 써도 되나요?"),
        # "그걸로" is 그거 + (으)로
        (["docker scan은 정확히 뭐 하는 거야?"], "시스템콜 제한도 그걸로 해줘?", "시스템콜 제한도 docker scan으로 해줘?"),
        # a new condition: the earlier question asked under it, in place of its own condition
        (["Do the weather and todo services share a kernel when they run from one compose file?"],
         "what if they run on different VMs?", "If they run on different VMs, do the weather and todo services share a kernel?"),
        (["날씨 서비스에서 메모리가 폭주하면 투두 서비스도 영향을 받나요?"], "서버가 아예 죽으면요?",
         "서버가 아예 죽으면 투두 서비스도 영향을 받나요?"),
        (["날씨 서비스와 투두 서비스가 커널을 공유하나요?"], "서로 다른 VM에서 실행하면요?",
         "서로 다른 VM에서 실행하면 날씨 서비스와 투두 서비스가 커널을 공유하나요?"),
        # ... of the last complete question, past the follow-ups read from it
        (["날씨 서비스에서 메모리가 폭주하면 투두 서비스도 영향을 받나요?", "Flask 코드 에러는요?"], "커널 취약점 공격을 당하면요?",
         "커널 취약점 공격을 당하면 투두 서비스도 영향을 받나요?"),
        # a Korean noun phrase is replaced whole, up to the word that carries its particle
        (["단일 컨테이너 운영에는 뭘 쓰라고 했어요?"], "보안 이슈는요?", "보안 이슈에는 뭘 쓰라고 했어요?"),
        # the row a new subject parallels, set apart by what its cell does not share with the new one's
        (["날씨 서비스가 무한 루프 돌면 투두 서비스도 영향 받아요?"], "메모리 폭주도요?", "날씨 서비스가 메모리 폭주 돌면 투두 서비스도 영향 받아요?"),
        # ... a row said in the same frame as the new subject's ("날씨 서비스에서 …"), not a row of another frame
        (["If one service leaks memory, can it affect the other containers?"], "What about a Flask code error?",
         "If one service leaks Flask code error, can it affect the other containers?"),
        # a new phrase of a preposition replaces the earlier phrase of the same preposition
        (["what does the post recommend for a single-container setup vs complex services?"], "and for security issues?",
         "what does the post recommend for security issues vs complex services?"),
        # ... else the last phrase of a setting ("in production" becomes "for testing"); markers around it are no subject
        (["Is --privileged fine in production?"], "Okay, for testing though?", "Is --privileged fine for testing?"),
        (["so is --privileged fine to use in production?"], "what about just for testing?",
         "so is --privileged fine to use for testing?"),
        # a compound is known through its parts
        (["Do containers share the network?"], "and CPU/memory?", "Do containers share the CPU/memory?"),
        # a plural pronoun needs a plural antecedent; a verb is no antecedent; "doing that" stands for an action
        (["What do Linux namespaces separate for a container?"], "Do they separate the kernel too?",
         "Do Linux namespaces separate the kernel too?"),
        (["Show me the compose file that starts both of them."], "Do they share a kernel in that setup?",
         "Do they share a kernel in that setup?"),
        (["Can I skip that address translation step?"], "Is there a catch to doing that?", "Is there a catch to doing that?"),
        (["What happens to data written inside a container when the container is removed?"], "Is there a way to keep it?",
         "Is there a way to keep data?"),
        # not resolved: a rare word the article never uses, or an earlier question that is not a yes/no question
        (["Do containers share the kernel?"], "what if I use podman?", "what if I use podman?"),
        (["How do I make Docker images smaller?"], "what if I use alpine?", "what if I use alpine?"),
        # a phrase set before the question is what its pronoun stands for, whatever the earlier question said
        (["Are images read-only?"], "what about Seccomp, where does it come up?", "Where does Seccomp come up?"),
        (["Do containers share the kernel?"], "and memory, is that shared too?", "Is memory shared too?"),
        (["Can I limit CPU per container?"], "how about tmpfs mounts, when should I use them?", "When should I use tmpfs mounts?"),
        # the terms a definition list defines side by side take each other's place ("- gVisor: …", "- Kata Containers: …")
        (["is gVisor a lightweight VM?"], "그럼 Kata는?", "is Kata a lightweight VM?"),
    ],
)
def test_follow_ups_are_read_as_standalone_questions(assistant, history, question, read_as):
    assert assistant.read(question, [{"question": q} for q in history]).question == read_as


def test_a_follow_up_answer_says_how_it_was_read(assistant):
    first = assistant.ask("Do containers share the kernel?")
    answer = assistant.ask("what about CPU and memory?", history=[{"question": first.question, "answer": first}])
    assert answer.question == "what about CPU and memory?"
    assert answer.standalone_question == "Do containers share the CPU and memory?"
    assert "무엇을 공유하고 무엇을 격리할까" in answer.citations[0].section
    assert answer.verdict == "partial"
    # the answer JSON a client got back works as history too
    again = assistant.ask("what about CPU and memory?", history=[{"question": first.question, "answer": json.loads(first.model_dump_json())}])
    assert again == answer


def test_off_topic_follow_ups_are_refused(assistant):
    history = [Turn("Do containers share the kernel?", assistant.ask("Do containers share the kernel?"))]
    for question in ("what about pizza?", "what about the weather in Seoul tomorrow?", "그럼 피자는?"):
        answer = assistant.ask(question, history=history)
        assert answer.refused and answer.standalone_question is None, question


def test_the_commonest_words_name_no_subject_of_a_follow_up(assistant):
    """"…, right?" and "something like" are words of any question: a follow-up of the posts' words besides ("those are
    MAC systems, right?") asks about the section the conversation is on, while one that names a thing of its own
    ("pizza") is still refused."""
    earlier = "What does docker scan do?"
    history = [Turn(earlier, assistant.ask(earlier))]
    answer = assistant.ask("so both of them are MAC systems, right?", history=history)
    assert not answer.refused and answer.citations[0].section.endswith("SELinux, AppArmor는 어떻게 보안에 도움이 될까?")
    assert assistant.ask("so what about something like pizza, right?", history=history).refused


def test_a_follow_up_naming_a_figure_by_its_heading_reads_that_figure(assistant):
    """A question that names a figure by the words of its heading ("the solution diagram": "단점 해결 다이어그램") says
    itself where it looks, as one that names a heading does: the conversation's section is no prior for it."""
    earlier = "How do gVisor and Kata Containers make containers more secure?"
    history = [Turn(earlier, assistant.ask(earlier))]
    assert history[0].answer.citations[0].section == "보안 문제와 해결 > 해결 방안"
    answer = assistant.ask("what does the fix diagram pick for security?", history=history)
    assert answer.citations[0].section == "도커의 단점 요약 > 단점 해결 다이어그램"


def test_a_word_the_posts_write_as_an_option_names_it_in_a_follow_up(assistant):
    """"privileged" is a participle, which mostly describes a subject ("deleted", "running"), but the posts write it
    as an option ("--privileged"): a pronoun after "privileged flag risks?" stands for it."""
    earlier = "privileged flag risks?"
    history = [Turn(earlier, assistant.ask(earlier))]
    answer = assistant.ask("can it touch kernel settings?", history=history)
    assert answer.standalone_question == "can privileged touch kernel settings?"
    assert answer.citations[0].section == "궁금증들 > --privileged 옵션은 어떤 위험이 있을까?"


def test_a_complete_question_on_another_subject_is_not_bent(assistant):
    history = [{"question": "Do containers share the kernel?"}]
    for question in ("How do I make Docker images smaller?", "Why does NAT hurt network performance?"):
        assert assistant.ask(question, history=history) == assistant.ask(question)


def test_an_ellipsis_with_a_predicate_of_its_own_is_not_carried_into_the_earlier_one(assistant):
    """"pids isolated as well?" asks whether PIDs are isolated, not whether "the pids isolated" are shared as the earlier
    "so the filesystem is shared too?" asked; it is read as it stands, its copula left out."""
    history = []
    for question in ("What exactly does a container share with the host, and what is isolated?", "so the filesystem is shared too?"):
        history.append({"question": question, "answer": assistant.ask(question, history=list(history))})
    answer = assistant.ask("pids isolated as well?", history=history)
    assert answer.standalone_question is None
    assert answer.verdict == "yes"


def test_a_question_read_alone_gets_no_verdict_the_conversations_section_contradicts(assistant):
    """"컨테이너 지워도 data는 남아 있어요?" after a question about mounts: alone, no (data is lost by default); in the
    Mount section, yes (it stays through the mount). Which one it asks is unknown: no verdict, and the answer is
    otherwise that of the question alone. A question that names its own case ("bind mount") keeps its verdict, and
    so does one the conversation's section agrees with or does not speak to."""
    earlier = "bind mount는 뭐예요?"
    history = [Turn(earlier, assistant.ask(earlier))]
    assert history[0].answer.citations[0].section.endswith("Mount는 무엇이며 왜 사용할까?")
    question = "컨테이너 지워도 data는 남아 있어요?"
    assert assistant.ask(question).verdict == "no"
    answer = assistant.ask(question, history=history)
    assert answer.verdict is None and not answer.refused and answer.standalone_question is None
    assert answer.citations == assistant.ask(question).citations
    earlier = "컨테이너를 삭제하면 데이터는 어떻게 되나요?"
    history = [Turn(earlier, assistant.ask(earlier))]
    assert assistant.ask("does a bind mount keep the data even after the container is removed?", history=history).verdict == "yes"
    history = [Turn("Do containers share the kernel?", assistant.ask("Do containers share the kernel?"))]
    assert assistant.ask("Are containers stateful by default?", history=history).verdict == "no"


def test_every_section_the_conversation_was_about_can_contest_a_verdict(assistant):
    """A conversation about mounts that has moved on to the summary table: "If I delete the container, is the data
    gone?" is still asked in the light of the Mount section an earlier answer cited first (the data stays through the
    mount), not only of the latest answer's section, so no verdict; alone, yes (lost by default)."""
    question = "If I delete the container, is the data gone?"
    assert assistant.ask(question).verdict == "yes"
    history = []
    for earlier in ("What is a mount?", "What does the summary table list for security?"):
        history.append({"question": earlier, "answer": assistant.ask(earlier, history=list(history))})
    assert [turn["answer"].citations[0].section for turn in history] == ["궁금증들 > Mount는 무엇이며 왜 사용할까?", "요약 테이블"]
    answer = assistant.ask(question, history=history)
    assert answer.verdict is None and not answer.refused


def test_a_question_that_stands_alone_prefers_the_conversations_section_when_it_scores_close(assistant):
    """"Can I back up that data from the host?" after a question about mounts: the Mount section scores within 0.02
    of the best, so it is cited first, as the earlier answer's section is for a pronoun. Without history the
    persistence solutions come first; a question on another subject is answered as without history."""
    earlier = "What is a mount in Docker and why would I use one?"
    history = [Turn(earlier, assistant.ask(earlier))]
    question = "Can I back up that data from the host?"
    assert assistant.ask(question).citations[0].section == "데이터 영속성 문제와 해결 > 해결 방안"
    answer = assistant.ask(question, history=history)
    assert answer.citations[0].section == "궁금증들 > Mount는 무엇이며 왜 사용할까?"
    other = "Why does NAT hurt network performance?"
    assert assistant.ask(other, history=history) == assistant.ask(other)


def test_a_follow_up_about_the_place_just_read_cites_it_first(assistant):
    """"Is the Linux kernel drawn inside the Host OS box there?" after a question about the FAQ's structure diagram:
    "there" is the section the earlier answer was read from, which leads; alone, another section comes first."""
    earlier = "What is in the overall structure diagram of the FAQ?"
    history = [Turn(earlier, assistant.ask(earlier))]
    assert history[0].answer.citations[0].section.endswith(" > 전체 구조")
    for question in ("Is the Linux kernel drawn inside the Host OS box there?", "그럼 커널은 거기서 어디에 그려져 있어?"):
        answer = assistant.ask(question, history=history)
        assert answer.citations[0].section.endswith(" > 전체 구조"), question
        assert answer.standalone_question is None  # asked as it stands
    assert not assistant.ask("Is the Linux kernel drawn inside the Host OS box there?").citations[0].section.endswith(" > 전체 구조")


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("Is image size in there?", True),
        ("is the kernel marked as shared there?", True),
        ("AppArmor도 거기 포함돼?", True),
        ("is there a way to skip NAT?", False),
        ("There are five drawbacks, right?", False),
        ("그럼 VM은?", False),
    ],
)
def test_a_place_said_before_is_there_or_geogi_not_existential_there(question, place):
    assert points_at_place(question) is place


def test_a_refused_turn_is_skipped_when_reading_a_follow_up(assistant):
    history = [{"question": "Is the PID space shared?", "answer": assistant.ask("Is the PID space shared?")},
               {"question": "What is the best pizza topping?", "answer": assistant.ask("What is the best pizza topping?")}]
    answer = assistant.ask("what about disk volumes?", history=history)
    assert answer.standalone_question == "Is the disk volumes space shared?" or "disk volumes" in answer.standalone_question
    assert not answer.refused


@pytest.mark.parametrize("name", SINGLE_SETS)
def test_single_questions_are_answered_as_without_history(assistant, name):
    """A question that stands alone gets the very same answer with a conversation before it."""
    history = [{"question": "Do containers share the kernel?"}, {"question": "what about CPU?"}]
    for question in read_questions(DATA / name):
        alone = assistant.ask(question.q)
        assert assistant.read(question.q).question == question.q
        with_history = assistant.ask(question.q, history=history)
        if with_history.standalone_question is None:
            assert _same(alone, with_history), question.q


def test_first_turns_of_the_conversation_file_are_answered_as_single_questions(assistant):
    for conversation in read_conversations(FOLLOW_UPS):
        first = conversation.turns[0].q
        assert assistant.ask(first, history=[]) == assistant.ask(first)


def test_history_longer_than_twenty_turns_is_refused(assistant):
    with pytest.raises(InvalidQuestion, match="at most the last 20"):
        assistant.ask("what about CPU?", history=[{"question": "Do containers share the kernel?"}] * 21)


def test_suggestions_are_short_questions_in_the_answer_language(assistant):
    english = assistant.ask("Is the PID space shared?")
    korean = assistant.ask("PID 공간은 공유되나요?")
    assert 2 <= len(english.suggestions) <= 3 and all(s.endswith("?") for s in english.suggestions)
    assert 2 <= len(korean.suggestions) <= 3 and all(any("\uac00" <= c <= "\ud7a3" for c in s) for s in korean.suggestions)
    assert assistant.ask("What is the best pizza topping?").suggestions == []


def test_suggested_follow_ups_are_answered_in_the_conversation(assistant):
    first = assistant.ask("Is the PID space shared?")
    history = [{"question": first.question, "answer": first}]
    for suggestion in first.suggestions:
        answer = assistant.ask(suggestion, history=history)
        assert not answer.refused, suggestion


def test_conversation_eval_reports_first_turns_and_follow_ups_apart(assistant):
    assert is_conversation_file(FOLLOW_UPS) and not is_conversation_file(DATA / "dev_questions.jsonl")
    first, follow_ups = evaluate_conversations(assistant, read_conversations(FOLLOW_UPS))
    first_metrics, follow_metrics = first.metrics(), follow_ups.metrics()
    assert first_metrics["questions"] == len(read_conversations(FOLLOW_UPS))
    assert first_metrics["hit@1"] == 1.0
    # 0.909 with the earlier refusal background, whose contrast texts named the off-topic questions of the question
    # files; with the background written without them, two follow-ups are refused ("What about Volumes?" read as
    # "What is a Volumes, and why is it used?", "그거 명령어 예시 보여줘")
    assert follow_metrics["hit@1"] >= 0.88
    assert follow_metrics["verdict_wrong"] == 0
    assert follow_metrics["far_refusal"] == 1.0


def test_a_short_follow_up_the_article_does_not_answer_alone_asks_about_the_topic(assistant):
    """"so what do I need then?" is refused alone; after a question about memory blowups it asks about that topic,
    says so in standalone_question, and gives no verdict (it is not the earlier yes/no question)."""
    for first_question, question in (
        ("If one container's memory blows up, are the other containers affected?", "so what do I need then?"),
        ("컨테이너 하나에서 메모리가 폭주하면 다른 컨테이너도 영향을 받나요?", "그럼 뭐가 필요해요?"),
    ):
        first = assistant.ask(first_question)
        assert assistant.ask(question).refused
        answer = assistant.ask(question, history=[Turn(first.question, first)])
        assert not answer.refused and answer.verdict is None
        assert answer.standalone_question == f"{question} ({first.question})"
        assert answer.citations[0].section == first.citations[0].section
    # a question of only the posts' words and the words of a request names no subject of its own
    for first_question, question in (
        ("How do I set up two containers so one can reach the other?", "show me the commands"),
        ("컨테이너 간 통신은 어떻게 설정하나요?", "명령어 알려줘"),
        ("Do containers share the kernel?", "why?"),
    ):
        first = assistant.ask(first_question)
        answer = assistant.ask(question, history=[Turn(first.question, first)])
        assert not answer.refused and answer.standalone_question == f"{question} ({first.question})", question
    first = assistant.ask("If one container's memory blows up, are the other containers affected?")
    history = [Turn(first.question, first)]
    # a subject of its own stays refused: nearer another subject than the article, or a word the article never uses
    for question in ("What is the best pizza topping?", "And how do I run the Docker daemon in rootless mode?", "그럼 피자는?", "show me pizza recipes"):
        answer = assistant.ask(question, history=history)
        assert answer.refused and answer.standalone_question is None, question


def test_a_korean_spelling_of_a_post_word_names_no_subject_of_its_own(assistant):
    """"테라폼" spells Terraform, which the post names: a short follow-up refused alone is asked about the topic, as one
    made of the post's own words is."""
    first = assistant.ask("쿠버네티스가 롤링 업데이트도 해줘요?")
    assert not first.refused
    question = "테라폼 같은 거랑 같이 써도 돼요?"
    answer = assistant.ask(question, history=[Turn(first.question, first)])
    assert not answer.refused and answer.standalone_question == f"{question} ({first.question})"


@pytest.mark.parametrize(
    "first_question, question",
    [
        ("What's the risk of running a container with --privileged?", "ok so is it fine to use in prod?"),  # prod: production
        ("도커 이미지 크기가 커지면 어떤 문제가 생겨요?", "알파인 쓰면 도움 돼요?"),  # 알파인 as one word: alpine
        ("Is Docker's isolation as strong as a VM's?", "그럼 뭘로 보완해요?"),  # 뭘로: 뭐 + 로, a pronoun
    ],
)
def test_a_post_word_in_another_form_names_no_subject_of_its_own(assistant, first_question, question):
    """A clipped word of the posts ("prod"), a Korean spelling the analyzer knows as one word ("알파인") and a pronoun
    contracted with its particle ("뭘로") name no subject of their own: the follow-up refused alone is asked about
    the topic."""
    first = assistant.ask(first_question)
    assert not first.refused and assistant.ask(question).refused
    answer = assistant.ask(question, history=[Turn(first.question, first)])
    assert not answer.refused and answer.standalone_question == f"{question} ({first.question})"


def test_a_korean_verb_names_no_subject_and_everyday_nouns_of_another_subject_do(assistant):
    """"버티려면?" is a verb and an ending: it names no subject, wherever it sits against the contrast subjects, and
    is asked about the conversation's topic; "하와이 여행은 언제 가는 게 좋아?" names a trip of its own (nouns of
    everyday language, nearer a contrast subject than the post) and stays refused."""
    assert assistant.retrieve("버티려면?").features["background_gap"] < 0
    assert assistant._names_no_subject("버티려면?")
    assert not assistant._names_no_subject("하와이 여행은 언제 가는 게 좋아?")
    first = assistant.ask("컨테이너를 지우면 안에 있던 데이터는 어떻게 돼?")
    assert not first.refused
    far = assistant.ask("하와이 여행은 언제 가는 게 좋아?", history=[Turn(first.question, first)])
    assert far.refused and far.standalone_question is None


def test_a_resolved_follow_up_near_the_section_the_conversation_is_on_is_not_refused_by_the_model(assistant):
    """"CPU랑 메모리는?" after "PID는 격리돼?" reads "CPU랑 메모리는 격리돼?", which the refusal model alone refuses (its
    words are the post's, but "CPU and memory" sits near the hardware contrast passage); the section the conversation
    is on scores within PRIOR_BONUS of the best, so the conversation has put it on the post. (Alone, the refusal
    model's floor now answers it, as it names "CPU"; the floor is set aside here.)"""
    from dataclasses import replace

    question = "CPU랑 메모리는 격리돼?"
    model = assistant.refusal
    assistant.refusal = replace(model, floor=None)
    assistant.clear_caches()
    try:
        assert assistant.ask(question).refused
        history = []
        for turn in ("컨테이너들끼리 커널을 같이 쓰는 거예요?", "파일시스템은요?", "PID는 격리돼?"):
            history.append(Turn(turn, assistant.ask(turn, history=list(history))))
        answer = assistant.ask("CPU랑 메모리는?", history=history)
    finally:
        assistant.refusal = model
        assistant.clear_caches()
    assert answer.standalone_question == question and not answer.refused
    on = history[-1].answer.citations[0].section
    assert on in [c.section for c in answer.citations]
    assert not assistant.ask(question).refused and assistant.key_subjects.distinctive(question)


def test_an_ellipsis_with_everyday_words_beside_the_articles_is_carried(assistant):
    """"a plain Flask exception": Flask is the article's; "plain" and "exception" are everyday words it happens not to
    use, and the ellipsis is still carried. "what about pizza?" names no word of the article and is not."""
    first_question = "Does a memory blowup in one container affect other containers on the same host?"
    first = assistant.ask(first_question)
    history = [Turn(first_question, first)]
    answer = assistant.ask("what about a plain Flask exception?", history=history)
    # "memory" is replaced (the table's cell); "blowup" stays: "Does a plain Flask exception blowup in one container ..."
    assert answer.standalone_question.startswith("Does a plain Flask exception")
    assert not answer.refused and answer.citations[0].section.endswith("커널 공유에 따른 보안 및 성능 영향")
    assert assistant.ask("what about pizza?", history=history).refused


def test_a_follow_up_read_about_the_topic_is_on_the_section_the_conversation_reads(assistant):
    """"why?" after "is there a performance cost with the default networking?" is asked about that question; the
    refusal model scores the reading low, yet the section the conversation's latest answer cited first is its best,
    as for a follow-up resolved from it."""
    history = []
    for question in ("how do containers talk to each other?", "is there a performance cost with the default networking?"):
        history.append(Turn(question, assistant.ask(question, history=history)))
    assert assistant.ask("why?").refused
    answer = assistant.ask("why?", history=history)
    assert not answer.refused and answer.standalone_question == "why? (is there a performance cost with the default networking?)"
    assert answer.citations[0].section == history[-1].answer.citations[0].section


def test_a_pronoun_whose_reading_is_refused_is_asked_about_the_topic(assistant):
    """"그거 막으려면 어떻게 해요?" after a question about losing data: "그거" read as the earlier question's term gives
    "데이터 막으려면 어떻게 해요?", which the article does not answer on its own; the follow-up is answered from the
    conversation's section (it names no subject of its own), or else asked about the topic, never refused."""
    first_question = "컨테이너 지우면 안에 있던 데이터도 날아가요?"
    first = assistant.ask(first_question)
    history = [Turn(first_question, first)]
    question = "그거 막으려면 어떻게 해요?"
    assert assistant.read(question, history).question == "데이터 막으려면 어떻게 해요?"
    assert assistant.ask("데이터 막으려면 어떻게 해요?").refused
    answer = assistant.ask(question, history=history)
    assert not answer.refused and answer.standalone_question in ("데이터 막으려면 어떻게 해요?", f"{question} ({first_question})")
    assert answer.citations[0].section.startswith("데이터 영속성 문제와 해결")
    # a pronoun follow-up that names a subject of its own ("비트코인", no everyday word and none of the post's) is not
    # kept on the conversation's section, and stays refused
    assert assistant.ask("그거 비트코인으로 결제돼요?", history=history).refused


def test_an_ellipsis_after_a_turn_read_about_the_topic_carries_that_topic(assistant):
    """"네트워크 인터페이스는요? 같이 써요?" is refused alone and read about the earlier question ("Q (TOPIC)"); the
    ellipsis after it replaces a word of TOPIC, the question that was understood, not of the parenthesis-joined text."""
    history = []
    for question in ("컨테이너끼리 서로 PID 보이나요?", "네트워크 인터페이스는요? 같이 써요?"):
        history.append(Turn(question, assistant.ask(question, history=list(history))))
    assert history[1].answer.standalone_question == "네트워크 인터페이스는요? 같이 써요? (컨테이너끼리 서로 PID 보이나요?)"
    answer = assistant.ask("커널은?", history=history)
    assert answer.standalone_question == "컨테이너끼리 서로 커널 보이나요?"


def test_a_pronoun_without_an_antecedent_still_prefers_the_earlier_answer(assistant):
    """"they" after a question about one compose file has no plural antecedent: the question is asked as it stands,
    with the section the earlier answer cited ranked first by the prior preference (without the follow-up ranking
    model, which may move another of the first sections before it: here the table of which setups share the kernel)."""
    first = assistant.ask("Show me the compose file that starts both of them.")
    model = assistant.follow_up_ranking
    try:
        assistant.follow_up_ranking = None
        assistant.clear_caches()
        answer = assistant.ask("Do they share a kernel in that setup?", history=[Turn(first.question, first)])
    finally:
        assistant.follow_up_ranking = model
        assistant.clear_caches()
    assert not answer.refused and answer.standalone_question is None  # read as asked: nothing to show under "Read as"
    assert answer.citations[0].section == first.citations[0].section
    learned = assistant.ask("Do they share a kernel in that setup?", history=[Turn(first.question, first)])
    assert learned.verdict == answer.verdict
    assert first.citations[0].section in [c.section for c in learned.citations]
    # with a coordinated plural before it, "they" is that pair
    reading = assistant.read(
        "Do they share a kernel in that setup?", [{"question": "Show me the compose file that runs the weather and todo services together."}]
    )
    assert reading.question == "Do the weather and todo services share a kernel in that setup?"


def test_a_korean_question_that_leaves_out_its_subject_asks_about_the_topic(assistant):
    """"운영 환경에서 써도 돼요?" (may I use it in production?) names only a setting: Korean leaves out what it is
    about, so it is asked about the earlier question. A question that names its subject stands alone."""
    from assistant.conversation import zero_anaphora

    first = assistant.ask("--privileged 옵션을 쓰면 어떤 위험이 있나요?")
    answer = assistant.ask("운영 환경에서 써도 돼요?", history=[Turn(first.question, first)])
    assert answer.standalone_question == f"운영 환경에서 써도 돼요? ({first.question})"
    assert "privileged" in answer.citations[0].section
    # judged with the earlier question's one name in front, as Korean drops the topic the conversation has:
    # "일반적으로 테스트 용도에서만 사용하고, 운영 환경에서는 지양해야 합니다"
    assert answer.verdict == "no"
    assert assistant.ask("테스트 환경에서는 써도 돼?", history=[Turn(first.question, first)]).verdict == "yes"
    # English leaves the thing out after a dummy "it"
    english = assistant.ask("What's the risk of running a container with --privileged?")
    assert assistant.ask("so is it fine to use in production?", history=[Turn(english.question, english)]).verdict == "no"
    assert zero_anaphora("테스트용으로는 괜찮아요?")
    # ... unless what it names is a subject of its own the posts never speak of
    for question in ("강남역에서 만날까요?", "부산에서 먹어요?"):
        assert zero_anaphora(question)
        answer = assistant.ask(question, history=[Turn(first.question, first)])
        assert answer.refused and answer.standalone_question is None, question
    for question in ("속도도 괜찮아요?", "docker scan 돌리면 취약점 잡아줌?", "Is it fine?"):
        assert not zero_anaphora(question), question


def test_a_follow_up_that_leaves_out_its_subject_is_judged_as_typed_about_the_topic(assistant):
    """A yes/no follow-up read about the topic, whether it names what it asks of or leaves it out, is judged as typed
    from the sections its conversation is about: "OS 종속성 문제 해결에도 쓰여요?" after a question about multi-stage
    builds, "can I back it up from the host side?" after one about keeping data."""
    for first_question, question, verdict, section in (
        ("멀티 스테이지 빌드가 이미지 크기 줄이는 데 도움 돼요?", "OS 종속성 문제 해결에도 쓰여요?", "yes", "운영체제 종속성과 해결"),
        ("How do I keep data after deleting a container?", "can I back it up from the host side?", "yes", "Mount는 무엇이며 왜 사용할까?"),
    ):
        first = assistant.ask(first_question)
        answer = assistant.ask(question, history=[Turn(first.question, first)])
        assert answer.standalone_question == f"{question} ({first.question})"
        assert answer.verdict == verdict and section in answer.citations[0].section, question
    # "with no downsides" asks whether it is free of a concern as well, which the NAT section says it is not: no yes
    from assistant.verdict import _asks_carefree

    assert _asks_carefree("can I just skip NAT with no downsides at all?")
    assert _asks_carefree("Does --network host come without any security caveats?")
    assert not _asks_carefree("Does it work with no extra setup?")
    first = assistant.ask("What does the --network host option do?")
    answer = assistant.ask("can I just skip NAT with no downsides at all?", history=[Turn(first.question, first)])
    assert answer.verdict is None and "NAT" in answer.citations[0].section


def test_a_condition_with_the_participle_it_asks_is_the_earlier_question_under_it(assistant):
    """"And if I split it into two compose files, still shared?" leaves out the subject and copula of what it asks,
    the earlier question's predicate: it is that question under the new condition. A participle of another predicate
    ("separate then?" after a question of sharing) is not carried into it."""
    first = "If I run my weather and todo services from one docker-compose file, do they share the kernel?"
    history = [{"question": first, "answer": assistant.ask(first)}]
    split = assistant.ask("And if I split it into two compose files, still shared?", history=history)
    assert split.standalone_question == "If I split it into two compose files, do they share the kernel?"
    assert split.verdict == "yes"
    vms = assistant.ask("what if they run on different VMs, still shared?", history=history)
    assert vms.standalone_question == "If they run on different VMs, do they share the kernel?"
    assert vms.verdict == "no"
    other = assistant.ask("what if they're on different VMs, separate then?", history=history)
    assert other.standalone_question is None and other.verdict != "no"
    # after a question of the predicate's prevention ("do they stop sharing …?") it would be asked the other way round
    stop = "If I split my two services into separate compose files, do they stop sharing the kernel?"
    turned = assistant.ask("and if each one goes on its own EC2 box — still shared?", history=[{"question": stop, "answer": assistant.ask(stop)}])
    assert turned.standalone_question is None and turned.verdict != "yes"


def test_a_new_condition_does_not_stack_on_a_case_the_earlier_question_states_itself():
    """"k8s에서 다른 노드에 배포된 컨테이너끼리도 커널 공유해?" states its case in the clause before its subject; "and if
    I just run two compose files on one box?" is then read as it stands, not as both cases at once."""
    from assistant.conversation import _case_in_relative_clause

    assert _case_in_relative_clause("k8s에서 다른 노드에 배포된 컨테이너끼리도 커널 공유해?")
    assert not _case_in_relative_clause("메모리 제한이 없으면 다른 컨테이너도 영향을 받나요?")
    assert not _case_in_relative_clause("컨테이너끼리 커널을 공유하나요?")


def test_a_follow_up_on_the_conversations_section_is_answered_though_alone_it_would_be_refused(assistant):
    """"is network setup one of them?" after a question about the drawbacks reads as "… one of the drawbacks?", which the
    refusal model alone refuses; its best section is the one the conversation is on, so it is answered from it. A
    question read with the topic appended does not count as on it, and an off-topic follow-up stays refused."""
    first = "List the drawbacks of Docker."
    earlier = assistant.ask(first)
    history = [{"question": first, "answer": earlier}]
    answer = assistant.ask("is network setup one of them?", history=history)
    assert answer.standalone_question == "is network setup one of the drawbacks?"
    assert assistant.ask(answer.standalone_question).refused
    assert not answer.refused and answer.citations[0].section == earlier.citations[0].section
    assert assistant.ask("what's the weather in Seoul today?", history=history).refused


def test_recent_questions_are_questions_asked_on_their_own(assistant):
    """A reloaded index warms up on the questions answered last; a follow-up's answer is cached under its reading and
    conversation, so it is not one of them (each is a (question, top_k, mode) triple)."""
    first = assistant.ask("Do containers share the kernel?")
    assistant.ask("what about the network?", history=[Turn(first.question, first)])
    assistant.ask("그거 명령어 예시 보여줘", history=[Turn(first.question, first)])
    recent = assistant.recent_questions(50)
    assert recent and all(len(key) == 3 for key in recent)
    assert ("Do containers share the kernel?", assistant.settings.top_k, "hybrid") in recent


def test_that_of_what_was_just_said_is_no_pronoun_of_a_thing(assistant):
    """"does that mean …?" asks about what the earlier answer said: "that" is not replaced by a noun of the earlier
    question ("does namespaces mean …"); the question is asked as it stands, the earlier answer's section preferred."""
    first = assistant.ask("Why does Docker go with namespaces and cgroups instead of a hypervisor?")
    history = [Turn(first.question, first)]
    reading = assistant.read("does that mean each container is logically independent?", history)
    assert reading.question == "does that mean each container is logically independent?"
    assert reading.prior == (first.citations[0].section,)
    answer = assistant.ask("does that mean each container is logically independent?", history=history)
    assert not answer.refused and answer.standalone_question is None


def test_an_ellipsis_put_in_a_guessed_place_gets_no_verdict(assistant):
    """"limitations?" after "Is Docker Swarm mentioned at all?": no table column puts a term of the earlier question
    beside "limitations", so the place it takes ("Is Docker limitations mentioned at all?") is a guess, and a guess
    settles no yes/no question."""
    first = assistant.ask("Is Docker Swarm mentioned at all?")
    history = [Turn(first.question, first)]
    reading = assistant.read("limitations?", history)
    assert reading.question != "limitations?" and reading.guessed
    assert not assistant.read("what about CPU and memory?", [Turn("Do containers share the kernel?")]).guessed
    assert assistant.ask("limitations?", history=history).verdict is None


def test_a_pronoun_reads_a_noun_with_its_gerund_as_one_subject(assistant):
    """"container networking" is what "it" points at, not "container": a singular noun before a gerund of the posts'
    words is a compound noun."""
    from assistant.conversation import Turn

    earlier = "Why can container networking be slow?"
    history = [Turn(earlier, assistant.ask(earlier))]
    assert assistant.follow_ups.read("can I avoid it?", history).question == "can I avoid container networking?"
    answer = assistant.ask("can I avoid it?", history=history)
    assert answer.citations[0].section.endswith("NAT(Network Address Translation)가 네트워크 성능에 영향을 주는 이유는?")


def test_an_ellipsis_the_reader_cannot_carry_is_asked_about_the_topic(assistant):
    """"what about for local testing?" after a question on --privileged in production names no subject of its own that
    the earlier question has a place for: it is asked about that question's topic, not refused; an ellipsis whose new
    subject the posts never name stays refused."""
    first = assistant.ask("Is the --privileged flag okay in production?")
    history = [Turn(first.question, first)]
    answer = assistant.ask("what about for local testing?", history=history)
    assert not answer.refused and "--privileged" in answer.citations[0].section
    assert answer.verdict is None  # read about the topic, it asks what it asks
    assert assistant.ask("그럼 피자는?", history=history).refused


def test_a_complete_question_after_a_discourse_marker_stands_alone(assistant):
    """"so is Docker hypervisor-based?" asks a question of its own after "so": it is not an ellipsis to carry into
    the earlier question."""
    first = assistant.ask("Why do containers share the host kernel?")
    history = [Turn(first.question, first)]
    assert assistant.follow_ups.cue("so is Docker hypervisor-based?") is None
    answer = assistant.ask("so is Docker hypervisor-based?", history=history)
    assert answer.standalone_question is None and answer.verdict == "no"
    assert assistant.follow_ups.cue("ok so PIDs?").kind == "ellipsis"


def test_points_back_finds_a_pronoun_of_any_length():
    """A pronoun that points at something said before marks a question of any length; a dummy "it", a relative "that"
    and a question without one do not."""
    from assistant.conversation import points_back

    assert points_back("does that get any worse when the containers send each other a lot of traffic?")
    assert points_back("그거 운영 환경에서도 괜찮아요?")
    assert not points_back("is it possible to run containers without root?")  # a dummy "it"
    assert not points_back("is it true that containers share the host kernel?")  # the "it" of a clause asked about
    assert not points_back("is it true containers are stateless?")
    assert not points_back("so is it VMs that share the host kernel?")  # a cleft's "it"
    assert not points_back("does it claim docker solves everything?")  # what claims is the post
    assert not points_back("do they actually say that volumes are shared?")
    assert points_back("does it mention CI/CD?")  # a table or a section said before may list it
    assert points_back("is it true?")  # of what was said
    assert not points_back("what is the risk that remains after dropping --privileged?")  # a relative "that"
    assert not points_back("Do containers share the kernel?")
    assert not points_back("컨테이너끼리 커널을 공유하나요?")


def test_what_claims_something_is_the_post(assistant):
    """"Does it claim Docker solves every problem?" after "What's this post about?": the subject of a verb of saying
    is the post, not a thing said before, and the question is judged as reported speech of the post, as it is on its
    own ("does the post claim …?")."""
    history = [{"question": "What's this post about in a nutshell?", "answer": assistant.ask("What's this post about in a nutshell?")}]
    answer = assistant.ask("Does it claim Docker solves every problem?", history=history)
    assert answer.standalone_question is None
    assert answer.verdict == assistant.ask("Does the post claim Docker solves every problem?").verdict == "no"
    assert assistant.ask("does it say most of these drawbacks can be fixed?").verdict == "yes"
    assert assistant.ask("is it?").verdict is None  # a pronoun alone, at the end: no subject to judge


def test_a_yes_no_question_read_about_the_topic_is_judged_as_typed(assistant):
    """"파일시스템은 공유돼요?" alone is refused (shared by what?); after a question on what containers see of each
    other it is read about that topic, and, as it names what it asks of, it gets the verdict of the table the
    conversation is on. A question that leaves out its subject is judged as typed too: "운영 서버에서 써도 돼요?" gets
    none, as nothing the table of processes says holds its words."""
    first = assistant.ask("컨테이너끼리 서로의 프로세스를 볼 수 있어요?")
    history = [Turn(first.question, first)]
    assert assistant.ask("파일시스템은 공유돼요?").refused
    answer = assistant.ask("파일시스템은 공유돼요?", history=history)
    assert answer.standalone_question == f"파일시스템은 공유돼요? ({first.question})"
    assert answer.verdict == "no"
    assert assistant.ask("운영 서버에서 써도 돼요?", history=history).verdict is None


def test_one_of_them_asks_of_the_group_the_conversation_is_reading(assistant):
    """"X도 그 중 하나야?", "is X one of them?" ask whether X is among what the latest answer's first section lists:
    distroless is among the ways to shrink an image; image size, which has a section of its own, is not one of the
    drawbacks the summary lists, and Kubernetes is no way to harden security, so neither gets a yes. "Can one of the
    containers …?" asks nothing of a group."""
    from assistant.verdict import points_at_group

    def after(earlier: str, question: str):
        return assistant.ask(question, history=[Turn(earlier, assistant.ask(earlier))])

    assert after("이미지 크기를 줄이려면 어떻게 해야 돼?", "distroless도 그 중 하나야?").verdict == "yes"
    assert after("What are Docker's main drawbacks according to the post?", "Is image size one of them?").verdict is None
    assert after("컨테이너 보안을 강화하려면 어떤 방법들이 있어?", "Is Kubernetes one of them?").verdict is None
    assert points_at_group("Is seccomp one of them?") and points_at_group("CI/CD도 거기 들어가?")
    assert not points_at_group("Is gVisor one of the suggested ways to strengthen isolation?")
    assert not points_at_group("Can one of the containers hurt the others if they share a volume?")


def test_words_that_ask_what_to_do_or_what_is_wrong_name_no_subject(assistant):
    """"how do I prevent the cpu thing?", "so what's the workaround" and "any catch?" ask about the conversation's topic
    with words of asking (a remedy, a drawback) that name no subject of their own: they are answered about the topic,
    not refused; a follow-up that names a subject of its own the posts never mention stays refused, and so does a
    far off-topic one that asks politely."""
    from assistant.question import is_asking_word

    assert all(is_asking_word(token) for token in ("prevent", "workaround", "catch"))
    assert not any(is_asking_word(token) for token in ("pizza", "lunch", "kernel", "pls"))
    cases = [
        ("If a container spins in an endless loop, can it take all the host's CPU?", "how do I prevent the cpu thing?"),
        ("How do two containers talk to each other directly?", "so what's the workaround if they can't?"),
        ("Is Docker Swarm simpler than Kubernetes?", "any catch?"),
    ]
    for first, follow_up in cases:
        earlier = assistant.ask(first)
        assert not earlier.refused
        history = [{"question": first, "answer": earlier}]
        answer = assistant.ask(follow_up, history=history)
        assert not answer.refused, follow_up
        assert answer.citations[0].section == earlier.citations[0].section, follow_up
        assert assistant.ask("how do I prevent a hangover?", history=history).refused
        assert assistant.ask("any catch with sourdough starters?", history=history).refused
    assert assistant.ask("convert 5 miles to kilometres pls", history=history).refused


def test_a_follow_up_that_counts_a_thing_reads_the_section_whose_heading_counts_it_the_same(assistant):
    """In a conversation a question that counts a thing ("compose 파일 하나로", "one compose file") still reads the
    section whose own heading counts it the same, after the prior and the follow-up ranking model have ordered the
    sections; the count is read from the follow-up as typed, not from an earlier question appended to it."""
    first = assistant.ask("Do containers on one host share its kernel?")
    history = [{"question": first.question, "answer": first}]
    answer = assistant.ask("and with just one compose file on that host?", history=history)
    assert answer.citations[0].section.endswith("실행 방식 1: 하나의 docker-compose로 실행")


def test_a_korean_proper_noun_the_posts_never_use_is_a_subject_of_its_own(assistant):
    """"근데 오늘 서울 날씨 어때?" after a question about containers names a subject of its own (서울), so it is not read
    as a question about the conversation's topic, and is refused; a piece of a word the analyzer splits is no proper
    noun ("쿠버네티스": 쿠 + 버네 + 티스, "앤서블": 앤 + 서 + 블)."""
    first = assistant.ask("CPU랑 메모리도 컨테이너끼리 공유돼?")
    history = [{"question": first.question, "answer": first}]
    assert assistant.ask("근데 오늘 서울 날씨 어때?", history=history).refused
    assert assistant._unknown_proper_noun("서울", "근데 오늘 서울 날씨 어때?")
    assert not assistant._unknown_proper_noun("쿠", "쿠버네티스는요?")
    assert not assistant._unknown_proper_noun("앤", "앤서블도 돼요?")
    assert not assistant._unknown_proper_noun("툴", "보안 쪽은 어떤 툴을 추천해?")


def test_what_about_and_a_gerund_names_a_case_of_the_earlier_question(assistant):
    """"what about putting them on different EC2 instances?" names an action, a case, as "what if I put them …?" does:
    the earlier yes/no question is asked under it. A gerund alone ("what about networking?") names a subject."""
    first = "If I run two compose files on the same host, are their kernels isolated?"
    history = [{"question": first, "answer": assistant.ask(first)}]
    answer = assistant.ask("what about putting them on different EC2 instances?", history=history)
    assert answer.standalone_question == "If putting them on different EC2 instances, are their kernels isolated?"
    assert answer.verdict == "yes" and "실행 방식 3" in answer.citations[0].section
    cue = assistant.follow_ups.cue("what about networking?")
    assert cue is not None and cue.kind == "ellipsis"
    assert assistant.follow_ups.cue("what about something like NFS?").kind != "condition"


def test_a_new_condition_replaces_the_one_of_the_last_complete_question(assistant):
    """A question asked about the topic ("왜요?", read "왜요? (Q)") is no complete question of its own: a new condition
    after it replaces the one of the question before it."""
    first = "도커 컴포즈 파일을 여러 개로 나눠서 띄우면 커널이 분리되나요?"
    history = [{"question": first, "answer": assistant.ask(first)}]
    why = assistant.ask("왜요?", history=history)
    history.append({"question": "왜요?", "answer": why})
    answer = assistant.ask("그럼 EC2 인스턴스 두 개에 따로 올리면요?", history=history)
    assert answer.standalone_question == "EC2 인스턴스 두 개에 따로 올리면 커널이 분리되나요?"
    assert answer.verdict == "yes"
    # a question whose pronoun was read as a word of the earlier question is no complete question: "그것" may be read
    # wrongly, and a new condition would stack on its own
    first = "날씨 서비스에서 무한 루프로 CPU를 다 잡아먹으면 다른 컨테이너는 어떤 영향을 받아?"
    history = [{"question": first, "answer": assistant.ask(first)}]
    second = "플라스크 코드 에러가 나면 그것도 다른 컨테이너로 번져?"
    history.append({"question": second, "answer": assistant.ask(second, history=history)})
    stacked = assistant.ask("볼륨을 같이 쓰고 있으면?", history=history)
    assert stacked.verdict is None


@pytest.mark.parametrize(
    "question, new",
    [
        ("CPU도 마찬가지야?", "CPU"),
        ("메모리도 마찬가지예요?", "메모리"),
        ("same for a plain flask exception?", "a plain flask exception"),
        ("is it the same for memory?", "memory"),
        ("does the same go for Swarm?", "Swarm"),
    ],
)
def test_the_same_for_x_asks_the_earlier_question_of_x(assistant, question, new):
    """"X도 마찬가지야?" and "same for X?" ask the earlier question of X, as "X도요?" and "what about X?" do."""
    cue = assistant.follow_ups.cue(question)
    assert cue is not None and cue.kind == "ellipsis" and cue.new == new
