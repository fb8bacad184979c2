"""Answer quality on the real article and embedder: verdict logic, extractive text, refusal, snippets, eval targets."""

from pathlib import Path

import pytest

from assistant.errors import InvalidQuestion
from assistant.evaluate import evaluate, read_questions
from assistant.ingest import Chunk
from assistant.claims import clause_claims, english_clause_claims, read_claims
from assistant.lexicon import load_lexicon
from assistant.conversation import Turn
from assistant.question import is_yes_no, read_question
from conftest import DATA, EXAMPLE

LEXICON = load_lexicon()


def row(header, cells, section="표", number=0):
    text = " | ".join(f"{h}: {c}" for h, c in zip(header, cells))
    return Chunk(f"d#x/row{number}", "d", section, "x", "row", text, header=tuple(header), cells=tuple(cells))


def table(header, *rows):
    chunks = [row(header, cells, number=n) for n, cells in enumerate(rows)]
    claims = read_claims(chunks, LEXICON)
    return [[(c.predicate, c.value) for c in claims.get(chunk.id, [])] for chunk in chunks]


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Do containers share the kernel?", True),
        ("If one service leaks memory, can it affect the others?", True),
        ("서로 다른 VM에서 실행하면 커널을 공유하나요?", True),
        ("커널 취약점이 생기면 다른 컨테이너도 위험한가요?", True),
        ("Why do containers share the host kernel?", False),
        ("How do I keep data?", False),
        ("컨테이너를 삭제하면 데이터는 어떻게 되나요?", False),
        ("--privileged 옵션은 왜 위험한가요?", False),
        # A situation told first: the sentence that asks decides
        ("We run two apps from one compose file. Are they on the same kernel?", True),
        ("We run two apps from one compose file. Why do they share a kernel?", False),
        ("weather on one EC2 instance, todo on another — does that stop them from sharing a kernel?", True),
        # "when" opening a condition, not asking when
        ("When the weather app throws an error, does the todo service stay up?", True),
        ("When does the kernel get shared?", False),
        ("When a container crashes, what happens?", False),
        ("if one container crashes hard do the neighbours go down with it?", True),
        ("So is Docker enough for every deployment?", True),
        # Korean question words read as indefinites ("however many", "on any OS", "anyone")
        ("컴포즈 파일을 몇 개로 나누든 커널은 공유되나요?", True),
        ("이 이미지는 어느 OS에서나 실행되나요?", True),
        ("누구나 쓸 수 있나요?", True),
        ("몇 개의 컨테이너를 띄울 수 있나요?", False),
        ("어떻게 해요?", False),
        ("NFS 같은 스토리지와 연동하는 것도 방법이야?", True),
        ("데이터 보존 방법?", False),
        # spoken contractions of 어떻게 and 왜, which the analyzer reads as interjections
        ("컨테이너 지우면 데이터는 어케 됨?", False),
        ("포트 충돌 나면 어떡해?", False),
        ("어째서 커널을 공유해?", False),
        # "방법으로" (as a way) asks whether something is one; chat laughter after the question mark
        ("수작업 배포를 해결하는 방법으로 CI/CD도 나와 있나요?", True),
        ("해결 방법으로 뭐가 있어?", False),
        ("컨테이너가 VM처럼 커널까지 완전히 분리되는 거 맞죠?ㅋㅋ", True),
        # an abbreviation's full stop ends no sentence; a colon sets off what is asked; a fronted phrase
        ("Is Docker built on OS-level virtualization, i.e. namespaces plus cgroups?", True),
        ("Bottom line: is Docker alone enough for a stable container environment?", True),
        ("By default can a process inside a container see the host's PIDs?", True),
        ("In the fix diagram which tool keeps the data?", False),
        # "what if …, does …?" asks yes or no about a case; "what if …?" alone does not
        ("What if it's just a Flask code error, does that hit the todo service too?", True),
        ("what about PIDs, can one container see another's processes?", True),
        ("what if they share a volume?", False),
        # chat spellings of an auxiliary: no apostrophe, two letters swapped, a rare misspelling
        ("isnt container isolation as strong as a VM's?", True),
        ("dose k8s handle rolling updates", True),
        ("shoud i use alpine base images?", True),
        ("cold starts too?", False),
        # whether there is a way: "방법 있어?" asks yes or no, as "방법이 있어?" does
        ("NAT 안 거치게 하는 방법 있어?", True),
        ("피할 방법이 있나요?", True),
    ],
)
def test_yes_no_detection(question, expected):
    assert is_yes_no(question) is expected


@pytest.mark.parametrize(
    "question, predicate, negated, reference",
    [
        ("Is the PID space shared?", "share", False, ""),
        ("Are processes isolated between containers?", "separate", False, ""),
        ("Does running services on separate hosts share the kernel?", "share", False, ""),
        ("분리된 compose 파일로 실행하면 커널을 공유하나요?", "share", False, ""),
        ("네트워크 네임스페이스는 격리되나요?", "separate", False, ""),
        ("If the weather service crashes, are the other containers still safe?", "safe", False, ""),
        ("Aren't containers isolated from each other?", "separate", True, ""),
        ("컨테이너끼리 커널 안 공유하죠?", "share", True, ""),
        ("Is a VM more isolated than a container?", "separate", False, "a container"),
        ("Is Docker Swarm simpler than Kubernetes?", "simple", False, "kubernetes"),
        # a fronted phrase sets the case, it is not what is asked
        ("In a large cluster, are containers isolated from each other?", "separate", False, ""),
        ("In the summary table, if I run two compose files, is the kernel shared?", "share", False, ""),
    ],
)
def test_reading_the_question(question, predicate, negated, reference):
    asked = read_question(question, LEXICON)
    assert (asked.predicate, asked.negated, asked.reference) == (predicate, negated, reference)


def test_an_adjective_of_a_fronted_phrase_is_not_the_asked_predicate():
    """"For large enterprise teams, does the post favour …?": "large" is in the case, "favour" is no predicate the
    lexicon knows, so nothing is asked of size."""
    assert read_question("For large enterprise teams, does the post favour Loki over Elasticsearch?", LEXICON) is None


def test_table_columns_read_through_their_header():
    kernel = ("실행 조건", "커널 공유 여부")
    assert table(kernel, ("docker-compose 여러 개로 나눠 실행", "공유"), ("Kubernetes 다른 노드에 배포", "분리")) == [
        [("share", "yes")],
        [("separate", "yes")],
    ]
    areas = ("영역", "공유 여부", "설명")
    assert table(areas, ("프로세스 공간 (PID)", "격리", "..."), ("디스크 볼륨", "공유 가능", "...")) == [
        [("separate", "yes")],
        [("share", "can")],
    ]
    impact = ("상황", "영향 여부", "이유")
    assert table(impact, ("CPU 점유", "O", "..."), ("Flask 코드 에러", "X", "..."), ("Volume을 공유", "△", "...")) == [
        [("affect", "yes")],
        [("affect", "no")],
        [("affect", "partial")],
    ]
    english = ("Feature", "Supported", "Notes")
    assert table(english, ("Triggers", "✗", "..."), ("Savepoints", "✓", "...")) == [[("support", "no")], [("support", "yes")]]
    # A column of free text is read as clauses about each row's case; a cell that only restricts ("내부에만") says nothing.
    assert table(("영역", "설명"), ("파일시스템", "컨테이너마다 개별적인 root filesystem")) == [[("separate", "yes")]]
    assert table(("상황", "이유"), ("CPU 점유", "리소스 제한 안 하면 시스템 전체 CPU를 점유"), ("Flask 코드 에러", "애플리케이션 오류는 컨테이너 내부에만 영향")) == [
        [("occupy", "yes")],
        [],
    ]
    # A sentence on the predicate its row's mark already gives adds its words to that claim, not a second claim.
    assert table(impact, ("메모리 폭주", "O", "cgroup으로 제한하지 않으면 전체 메모리 영향 가능"), ("서버 크래시", "X", "다른 컨테이너에는 영향 없음")) == [
        [("affect", "yes")],
        [("affect", "no")],
    ]


def test_statements_with_negation_hedges_and_comparisons():
    def read(sentence):
        return [(p, v, ref) for p, v, _, ref in clause_claims(sentence, LEXICON)]

    assert read("여전히 커널을 공유합니다.") == [("share", "yes", "")]
    assert read("커널을 공유하지 않습니다") == [("share", "no", "")]
    assert read("다른 컨테이너에는 영향 없음") == [("affect", "no", "")]
    assert read("다른 컨테이너나 Host OS까지 영향을 받을 가능성이 있습니다.") == [("affect", "may", "")]
    assert read("--privileged 컨테이너는 모든 리소스에 접근할 수 있습니다.") == [("access", "can", "")]
    assert read("Docker Swarm 활용으로 Kubernetes보다 간단한 오케스트레이션 도구입니다.") == [("simple", "yes", "Kubernetes")]
    # A predicate that only modifies a noun ("같은 네트워크") is not what the clause asserts; the verb at its end is.
    found = read("컨테이너 간 통신은 같은 Docker 네트워크에 속하게 하여 직접 연결할 수 있습니다.")
    assert ("connect", "can", "") in found and all(p != "share" for p, _, _ in found)
    assert [(p, v) for p, v, _, _ in english_clause_claims("Triggers are not supported.", LEXICON)] == [("support", "no")]
    assert [(p, v) for p, v, _, _ in english_clause_claims("Data may be lost.", LEXICON)] == [("lose", "may")]


@pytest.mark.parametrize(
    "question, verdict",
    [
        (EXAMPLE, "yes"),
        ("Do containers on different Kubernetes nodes share the kernel?", "no"),
        ("Is the PID space shared?", "no"),
        ("If one container runs an infinite loop and hogs the CPU, are the others affected?", "yes"),
        ("Does a Flask bug in one container affect the others?", "no"),
        # "공유 가능" beside "설정에 따라 공유할 수도, 안 할 수도 있음": it may or may not be shared.
        ("Can disk volumes be shared between containers?", "partial"),
        ("Are disk volumes shared between containers?", "partial"),
        # The article's central question: the general statement settles it, not the Kata Containers row.
        ("Do containers share the kernel?", "yes"),
        ("컨테이너끼리 커널을 공유하나요?", "yes"),
        ("Is the network shared between containers?", "no"),
        ("If an attacker exploits a kernel vulnerability in one container, are the others still safe?", "no"),
        ("Is Docker Swarm simpler than Kubernetes?", "yes"),
        ("Is Kubernetes simpler than Docker Swarm?", "no"),
        ("분리된 compose 파일로 실행하면 커널을 공유하나요?", "yes"),
        ("서로 다른 VM에서 실행하면 커널을 공유하나요?", "no"),
    ],
)
def test_verdicts_on_the_article(assistant, question, verdict):
    answer = assistant.ask(question)
    assert answer.verdict == verdict
    lead = {"yes": ("Yes — ", "네, "), "no": ("No — ", "아니요, "), "partial": ("Partly — ", "경우에 따라 다릅니다. ")}[verdict]
    assert answer.answer.startswith(lead)


def test_answer_text_is_extractive_focused_and_shown_once(assistant):
    """Every paragraph of an answer is a sentence, list item or table row of the article (after the verdict lead),
    or the command asked for; a citation whose quote the answer already shows says so."""
    from assistant.compose import render_chunk
    from assistant.verdict import LEADS

    units = {render_chunk(c) for c in assistant.index.chunks if c.kind in ("prose", "row")}
    leads = tuple(lead for by_verdict in LEADS.values() for lead in by_verdict.values())
    for question in [EXAMPLE, "Why does NAT hurt network performance?", "이미지 크기를 줄이는 방법", "Is the PID space shared?"]:
        answer = assistant.ask(question)
        lines = answer.answer.split("\n\n")
        assert 1 <= len(lines) <= 3
        assert len(set(lines)) == len(lines)
        for line in lines:
            for lead in leads:
                line = line.removeprefix(lead)
            assert line in units, (question, line)
        for citation in answer.citations:
            assert citation.quote in units and citation.anchor
            assert citation.in_answer == (citation.quote in lines or any(line.endswith(citation.quote) for line in lines))


def test_answer_with_a_verdict_does_not_quote_contradicting_rows(assistant):
    answer = assistant.ask("Do containers share the kernel?")
    assert answer.verdict == "yes" and "분리" not in answer.answer.split("\n\n", 1)[-1]


def test_a_question_asking_for_a_command_gets_it_in_the_answer(assistant):
    answer = assistant.ask("What command creates a network so two containers can talk?")
    assert "```bash\ndocker network create my_network" in answer.answer


@pytest.mark.parametrize(
    "question, missing",
    [
        ("What is the difference between CMD and ENTRYPOINT?", "entrypoint"),
        ("Is LXC better than Docker?", "lxc"),
        ("How do I read a container's output with docker logs?", "docker logs"),
        # a rare word written as a name (capitals, an acronym, code form) is the subject, however close the question
        ("Is Podman a drop-in replacement for Docker?", "podman"),
        ("k8s StatefulSet이랑 Deployment 차이가 뭐야?", "statefulset"),
        ("How do I write a .dockerignore file?", "dockerignore"),
        # a common word written as a name (a capital that does not begin an English sentence) names a product
        ("How do I set up a private image registry with Harbor?", "harbor"),
        ("Helm chart로 배포하려면 values 파일을 어떻게 나누나요?", "helm"),
    ],
)
def test_uncovered_docker_topics_are_refused_naming_them(assistant, question, missing):
    answer = assistant.ask(question)
    assert answer.refused and answer.citations == []
    assert f"`{missing}`" in answer.answer


@pytest.mark.parametrize(
    "question",
    ["How do I bake sourdough bread?", "Who painted the Mona Lisa?", "오늘 저녁 메뉴 추천해줘", "What is a monad in Haskell?"],
)
def test_off_topic_questions_are_refused(assistant, question):
    answer = assistant.ask(question)
    assert answer.refused and answer.citations == [] and answer.snippets == [] and answer.verdict is None
    # the refusal lists the article's topics in the asker's language
    korean = any("\uac00" <= c <= "\ud7a3" for c in question)
    assert ("보안 문제와 해결" if korean else "Security Issues and Solutions") in answer.answer


def test_a_question_naming_something_the_article_says_in_a_few_passages_is_answered(assistant):
    """"CI/CD" is in one row of the summary table: a question naming it is about the article, however close a
    general subject sits; one that also names what the article never mentions (GitHub Actions) is still refused."""
    assert assistant.key_subjects.specific("CI/CD도 도입하라고 하나요?") == ("ci/cd",)
    assert assistant.key_subjects.specific("Does Docker share the kernel?") == ()  # "docker" is in every other passage
    answer = assistant.ask("CI/CD도 도입하라고 하나요?")
    assert not answer.refused and answer.citations[0].section.endswith("요약 테이블")
    assert assistant.ask("How do I set up CI/CD pipelines with GitHub Actions?").refused


@pytest.mark.parametrize(
    "question",
    ["포트 충돌도 언급돼 있나요?", "Is CI/CD mentioned as a remedy for the limits of manual deploys?",
     "Is AWS EBS brought up in the article?", "alpine이나 distroless 같은 lightweight base image 쓰는 걸 권장하나요?",
     # the role it is listed in is no word the passage must hold
     "AppArmor도 보안 정책 강화 예시로 나오나요?", "Is Seccomp one of the examples of stronger security policies?"],
)
def test_asking_whether_the_post_mentions_something_is_answered_from_one_passage(assistant, question):
    """One passage (a sentence, a table row in either language) holds what the question names: yes."""
    answer = assistant.ask(question)
    assert answer.verdict == "yes"


def test_the_place_a_question_names_is_said_by_the_passage_headings(assistant):
    """"the summary table", "요약표" name where a passage sits (its heading), not what it says; what the question
    names must still be in the passage itself: the summary table lists CI/CD, never Docker Swarm."""
    for question in ("Does the summary table mention CI/CD?", "요약표에 CI/CD 나와?"):
        assert assistant.ask(question).verdict == "yes"
    for question in ("Does the summary table mention Docker Swarm?", "요약표에 도커 스웜 나와?"):
        assert assistant.ask(question).verdict is None


def test_what_no_passage_holds_is_not_read_as_not_mentioned(assistant):
    """A passage that holds only part of what is asked settles nothing: the article lists Compose for networking
    and Kubernetes for complex services, never Compose as the fix for complex services."""
    assert assistant.ask("Is Docker Compose listed as the fix for complex services?").verdict is None
    # what it names must be there itself: "단일 컨테이너 운영은 Docker Compose로" does not advise Kubernetes
    assert assistant.ask("단일 컨테이너 운영에도 쿠버네티스를 쓰라고 권장하나요?").verdict is None


def test_a_sentence_announcing_the_post_answers_only_questions_about_the_post(assistant):
    """"이 글에서는 도커의 주요 단점과 … 정리합니다" says the post lists Docker's drawbacks, not which they are: the
    section that lists them answers; a question about the post's subject is still answered by the overview."""
    assert assistant.ask("What are the main downsides of Docker that the post lists?").citations[0].section == "도커의 단점 요약"
    assert assistant.ask("What is this article about?").citations[0].section == "개요"


def test_a_question_about_the_post_naming_no_subject_of_its_own_is_answered_whatever_its_gap(assistant):
    """"What is this post about?" sits nearer a contrast subject than the post (its words say nothing), but it points
    at the post and names no subject of its own: the overview answers it. One that names a subject of its own
    ("food") stays refused."""
    question = "What is this post about?"
    assert assistant.retrieve(question).features["background_gap"] < 0 and assistant._names_no_subject(question)
    answer = assistant.ask(question)
    assert not answer.refused and answer.citations[0].section == "개요"
    assert assistant.ask("글쓴이가 좋아하는 음식은?").refused


def test_a_comparison_whose_other_side_is_not_read_gets_no_verdict(assistant):
    """"… Kata Containers 쓰는 것보다 커널 격리가 더 강한가요?" compares two setups; read as a plain "is it isolated?"
    it would be answered about one of them."""
    question = "같은 호스트에서 compose 두 개로 나눠 돌리는 게 Kata Containers 쓰는 것보다 커널 격리가 더 강한가요?"
    assert assistant.ask(question).verdict is None


@pytest.mark.parametrize(
    "plain, alternative",
    [
        ("Is the filesystem shared across containers?", "Is the filesystem shared across containers, or does each get its own?"),
        ("파일시스템은 컨테이너끼리 공유해?", "파일시스템은 컨테이너끼리 공유해? 아니면 따로 있어?"),
    ],
)
def test_an_alternative_question_gets_no_verdict(assistant, plain, alternative):
    """"…, or does each get its own?" asks which of two holds; a yes or no would answer one of them. "… or not?" and
    "EBS or NFS" still ask yes or no."""
    assert assistant.ask(plain).verdict == "no"
    assert assistant.ask(alternative).verdict is None
    assert assistant.ask("is the filesystem shared between containers or not?").verdict == "no"


def test_two_korean_copulas_one_after_the_other_ask_which_and_a_purpose_asks_what_to_do(assistant):
    """"N이야 N이야?" asks which of two, unless the second denies the first ("… 거야 안 되는 거야?" asks yes or no);
    "-려면?" asks what to do for a purpose, so "ARM이랑 AMD64용 이미지를 같이 빌드하려면?" gets no "네"."""
    from assistant.verdict import _alternative

    assert _alternative("/app/data는 호스트 경로야 컨테이너 경로야?")
    assert not _alternative("디스크 볼륨은 컨테이너끼리 공유되는 거야 안 되는 거야?")
    assert not _alternative("/app/data는 컨테이너 경로야?")
    answer = assistant.ask("ARM이랑 AMD64용 이미지를 같이 빌드하려면?")
    assert answer.verdict is None and "buildx" in answer.answer
    assert assistant.ask("docker buildx로 여러 플랫폼용 이미지를 빌드할 수 있나요?").verdict == "yes"


def test_a_question_whether_two_things_differ_gets_no_verdict(assistant):
    """"Is there a single-compose vs multi-compose difference in kernel sharing?" asks how the two compare: the
    evidence that the kernel is shared answers "is it shared?", not whether they differ."""
    assert assistant.ask("Does splitting into two compose files still share the kernel?").verdict == "yes"
    for question in ("Is there a single-compose vs multi-compose difference in kernel sharing?",
                     "compose 파일 하나로 띄울 때랑 두 개로 나눌 때 커널 공유에 차이가 있어?"):
        assert assistant.ask(question).verdict is None


def test_evidence_about_another_way_does_not_answer_a_question_of_the_way(assistant):
    """"gVisor: 사용자 공간에서 실행되는 커널을 통해 격리" says gVisor isolates, not that it does so "경량 VM 방식으로"
    (that is Kata Containers)."""
    from assistant.verdict import qualifiers

    assert qualifiers("gVisor도 경량 VM 방식으로 격리하는 건가요?").means == ("경량 VM",)
    assert qualifiers("네임스페이스를 통해 격리하나요?").means == ("네임 스페이스",)
    assert assistant.ask("gVisor도 경량 VM 방식으로 격리하는 건가요?").verdict != "yes"


def test_a_doubted_question_naming_a_distinctive_word_of_the_post_is_answered_down_to_the_floor(assistant):
    """The refusal model doubts "Which part covers overlay networks?" (below its threshold, above its floor); it names
    "overlay", which the post says in a few passages, so it is answered. A question of only everyday words at the
    same doubt is refused, and so is one naming a distinctive word below the floor."""
    from dataclasses import replace

    model = assistant.refusal
    assert model.floor is not None and model.floor < model.threshold and model.floor_on
    question = "Which part covers overlay networks?"
    assert model.floor <= model.probability(assistant.retrieve(question).features) < model.threshold
    assert assistant.key_subjects.distinctive(question) == ("overlay",)
    answer = assistant.ask(question)
    # the summary table is the one section that says "overlay"; the ranking model fitted on 68 question files cites
    # the NAT FAQ (a network performance section) before it
    assert not answer.refused and "요약 테이블" in [c.section for c in answer.citations]
    # "docker" is in most passages, "fix" and "schedule" are everyday words: none tells the passages apart
    assert assistant.key_subjects.distinctive("How can I fix my docker schedule?") == ()
    assert model.floor <= model.probability(assistant.retrieve("How can I fix my sleep schedule?").features) < model.threshold
    assert assistant.ask("How can I fix my sleep schedule?").refused
    assert model.refuses(model.floor / 2, True) and not model.refuses(model.floor, True) and model.refuses(model.floor, False)
    assert replace(model, floor=None).refuses(model.floor, True)


def test_refusal_speaks_the_question_language(assistant):
    assert assistant.ask("오늘 저녁 메뉴 추천해줘").answer.startswith("이 글")
    assert assistant.ask("Who painted the Mona Lisa?").answer.startswith("The article does")


def test_confidence_ranks_answers_above_refusals(assistant):
    answered = assistant.ask(EXAMPLE)
    assert 0.0 <= answered.confidence <= 1.0
    assert answered.confidence > 0.5


def test_invalid_questions(assistant):
    for bad in ["", "   ", "x" * 2001]:
        with pytest.raises(InvalidQuestion):
            assistant.ask(bad)
    with pytest.raises(InvalidQuestion, match="top_k"):
        assistant.ask(EXAMPLE, top_k=0)


def test_dev_set_meets_the_targets(assistant):
    """hit@1 >= 0.97 and hit@3 = 1 in English and Korean, no wrong verdict (an abstention allowed), every off-topic
    refused, none falsely."""
    questions = read_questions(DATA / "dev_questions.jsonl")
    for language in ("en", "ko"):
        subset = [q for q in questions if q.offtopic or (("ko" if any("\uac00" <= c <= "\ud7a3" for c in q.q) else "en") == language)]
        metrics = evaluate(assistant, subset).metrics()
        assert metrics["hit@1"] >= 0.97, (language, metrics)
        assert metrics["hit@3"] == 1.0, (language, metrics)
    metrics = evaluate(assistant, questions).metrics()
    assert metrics["verdict_wrong"] == 0 and metrics["verdict_acc"] >= 0.9, metrics
    assert metrics["offtopic_refusal"] == 1.0 and metrics["false_refusal"] == 0.0


def test_snippet_expectations(assistant):
    """The attached code contains what the question needs, article code first; off-topic gets none."""
    report = evaluate(assistant, read_questions(DATA / "snippet_questions.jsonl"))
    assert report.metrics()["snippet_precision"] == 1.0, [m.question.q for m in report.misses()]
    split = assistant.ask(EXAMPLE).snippets
    assert split[0].source == "article" and "docker-compose -f" in split[0].code
    assert all(s.source == "catalog" for s in split[1:]) and len(split) <= 1 + 3


def test_answer_cache(settings):
    from assistant.core import Assistant

    assistant = Assistant.load(settings.model_copy(update={"cache_size": 2}))
    assert assistant.cached_answer(EXAMPLE) is None
    first = assistant.ask(f"  {EXAMPLE} ")
    assert assistant.cached_answer(EXAMPLE) is first and assistant.ask(EXAMPLE) is first
    assistant.ask("Is the PID space shared?")
    assistant.ask("Why does NAT hurt network performance?")
    assert assistant.cached_answer(EXAMPLE) is None  # bounded: the oldest entry went
    assistant.clear_caches()
    assert assistant.cached_answer("Is the PID space shared?") is None
    uncached = Assistant.load(settings.model_copy(update={"cache_size": 0}))
    assert uncached.ask(EXAMPLE) is not uncached.ask(EXAMPLE)


@pytest.mark.parametrize(
    "sentence, polarity",
    [
        ("Docker uses a bridge network by default.", "yes"),
        ("Containers do not share the network namespace.", "no"),
        ("A kernel bug may spread to other containers.", None),  # hedged
        ("If the host fails, every container stops.", None),  # conditional, for a plain question
        ("Swarm is simpler than Kubernetes.", None),  # comparison
        ("각 컨테이너는 동일한 커널을 공유합니다.", "yes"),
        ("컨테이너는 커널을 공유하지 않습니다.", "no"),
        ("다른 컨테이너도 영향을 받을 가능성이 있습니다.", None),
        # a negation inside a noun phrase or a clause of purpose denies nothing of the predicate
        ("데이터는 이름 없는 익명 볼륨에 저장됩니다.", None),
        ("데이터는 익명 볼륨에 저장되지 않습니다.", "no"),
        ("cgroups는 컨테이너가 호스트 자원을 다 쓰지 못하도록 제한합니다.", None),
        # 불가 (not possible) and 불가능 (불 + 가능) deny
        ("특정 이미지가 Windows에서 실행 불가", "no"),
        ("이 이미지는 Windows에서 실행이 불가능합니다.", "no"),
    ],
)
def test_statement_polarity(sentence, polarity):
    from assistant.verdict import statement_polarity

    assert statement_polarity(sentence) == polarity


def test_impossible_is_no_possibility():
    """"불가능" is 불 (not) + 가능: a question of what can be done reads it as a denial, not as "can"."""
    from assistant.verdict import statement_polarity

    assert statement_polarity("이 이미지는 Windows에서 실행이 불가능합니다.", modal_question=True) == "no"
    assert statement_polarity("이 이미지는 Windows에서 실행이 가능합니다.", modal_question=True) == "yes"


def test_a_table_rows_description_is_a_statement_of_its_row(assistant):
    """With no claim and no sentence of prose to settle it, a row's description said of the row's first cell does
    ("File system — Description: Each container has its own root filesystem (image-based)"); the description of the
    question's subject on its own is what is read, and a row description does not outvote a claim."""
    from assistant.verdict import row_descriptions

    row = next(chunk for chunk in assistant.index.chunks if chunk.kind == "row" and chunk.cells and chunk.cells[0] == "File system")
    question = "Does each container's root filesystem come from its image?"
    assert row_descriptions([(row, row.text)], question, assistant.terms) == [(row, f"File system {row.cells[2]}")]
    # Of a comparison's columns, each says it of another subject: only the column the question names speaks.
    compared = Chunk("t#a/row0", "t", "A", "a", "row", "", header=("Feature", "Docker", "Podman"),
                     cells=("Root required", "Default root, rootless available", "Rootless by default"))
    assert row_descriptions([(compared, "")], "Is root required by Podman?", assistant.terms) == [(compared, "Root required Rootless by default")]
    assert row_descriptions([(compared, "")], "Is root required?", assistant.terms) == []
    answer = assistant.ask("Does each container's root filesystem come from its image?")
    assert answer.verdict == "yes" and answer.citations[0].section.endswith("Docker 컨테이너는 무엇을 공유하고 무엇을 격리할까?")


def test_a_question_of_a_restriction_is_not_settled_by_a_statement_without_it(assistant):
    """"Windows에서만 도는 이미지도 있어?" asks whether some images run only on Windows: the row "특정 이미지가
    Windows에서 실행 불가" says nothing of "only"; "are there images that won't run …?" asks about the negation
    itself, which a denial does not deny."""
    for question in ("Windows에서만 도는 이미지도 있어?", "Are there docker images that simply won't run on Windows?"):
        assert assistant.ask(question).verdict is None, question


def test_a_claim_about_one_term_of_a_definition_list_knows_what_the_list_says_of_the_others():
    """The line "Redis: …" of a list that also defines PostgreSQL carries what its section says of PostgreSQL and not
    of Redis; a row elsewhere whose case names Redis carries it too."""
    chunks = [
        Chunk("d#s/prose0", "d", "Stores", "s", "prose", "Redis: an in-memory store that keeps data in RAM"),
        Chunk("d#s/prose1", "d", "Stores", "s", "prose", "PostgreSQL: a relational database that writes data to disk"),
        Chunk("d#s/prose2", "d", "Stores", "s", "prose", "If you need durable data, you should consider PostgreSQL."),
        row(("Setup", "Data kept after a restart"), ("Redis without persistence", "No"), number=0),
        row(("Setup", "Data kept after a restart"), ("A PostgreSQL volume", "Yes"), number=1),
    ]
    claims = read_claims(chunks, LEXICON)
    for chunk_id in ("d#s/prose0", "d#x/row0"):
        assert claims[chunk_id] and all([term for term, _ in c.other_terms] == ["PostgreSQL"] for c in claims[chunk_id])
        said = claims[chunk_id][0].other_terms[0][1]
        assert "writes data to disk" in said and "durable data" in said and "in-memory" not in said
    assert [[term for term, _ in c.other_terms] for c in claims["d#x/row1"]] == [["Redis"]]
    assert all(not c.other_terms for c in claims.get("d#s/prose2", []))


def test_a_line_of_a_definition_list_does_not_answer_what_the_list_says_of_another_term(assistant):
    """"gVisor: 사용자 공간에서 실행되는 커널을 통해 격리" says that gVisor isolates; a question that asks whether it
    does so the way the list says Kata Containers does (경량 VM 구조, VM 수준의 격리), or whether both do, gets no
    verdict from it. What the list does say of the term it names is still answered."""
    for question in (
        "VM 수준 격리를 원하면 gVisor 쓰면 되는 거지?",
        "Kata Containers는 사용자 공간에서 커널을 돌려서 격리하는 방식인가요?",
        "gvisor랑 kata 둘 다 경량 VM 방식인 거죠?",
        "Does gVisor use a lightweight VM?",
    ):
        assert assistant.ask(question).verdict is None, question
    for question in ("Kata Containers 쓰면 커널이 분리되나요?", "Does Kata Containers give VM-level isolation?", "gVisor로 격리를 강화할 수 있나요?"):
        assert assistant.ask(question).verdict == "yes", question


def test_a_statement_holding_every_word_of_the_question_settles_it(assistant):
    from assistant.verdict import statement_verdict

    chunk = Chunk("t#a/prose0", "t", "A", "a", "prose", "")
    sentences = [(chunk, "By default, Docker uses a bridge network.")]
    found = statement_verdict("Does Docker use a bridge network by default?", None, sentences, assistant.terms)
    assert found is not None and found.verdict == "yes"
    denied = [(chunk, "By default, Docker does not use a bridge network.")]
    assert statement_verdict("Does Docker use a bridge network by default?", None, denied, assistant.terms).verdict == "no"
    # A statement that leaves out a word of the question, or two statements that disagree, settle nothing.
    assert statement_verdict("Does Docker use a bridge network for Windows hosts?", None, sentences, assistant.terms) is None
    assert statement_verdict("Does Docker use a bridge network by default?", None, sentences + denied, assistant.terms) is None
    assert statement_verdict("Is a bridge network better than host networking?", None, sentences, assistant.terms) is None


@pytest.mark.parametrize(
    "sentence, clauses",
    [
        (
            "Docker는 기본적으로 브리지 네트워크를 사용하며 외부와 통신 시 NAT를 거칩니다.",
            (("", "Docker는 기본적으로 브리지 네트워크를 사용하며"), ("외부와 통신 시", "NAT를 거칩니다.")),
        ),
        ("메모리 제한을 걸지 않으면 다른 컨테이너가 영향을 받습니다.", (("메모리 제한을 걸지 않으면", "다른 컨테이너가 영향을 받습니다."),)),
        (
            "If you use --privileged, the container can access almost every resource, but that is risky.",
            (("If you use --privileged,", "the container can access almost every resource"), ("", "but that is risky.")),
        ),
        ("Docker uses a bridge network by default.", (("", "Docker uses a bridge network by default."),)),
    ],
)
def test_statement_clauses(sentence, clauses):
    from assistant.verdict import statement_clauses

    assert statement_clauses(sentence) == clauses


def test_a_clause_settles_what_the_rest_of_its_sentence_hedges(assistant):
    """A hedge or a condition in another clause, or governing a predicate the question does not ask about, leaves
    the clause that holds the question's words to answer it; a possibility answers a "can" question yes."""
    from assistant.verdict import statement_polarity, statement_verdict

    chunk = Chunk("t#a/prose0", "t", "A", "a", "prose", "")
    bridge = [(chunk, "Docker uses a bridge network by default, but it may slow down frequent calls between containers.")]
    assert statement_verdict("Does Docker use a bridge network by default?", None, bridge, assistant.terms).verdict == "yes"
    managed = [(chunk, "볼륨은 도커가 직접 관리하는 외부 디렉토리로 데이터 보존이 가능합니다.")]
    assert statement_verdict("볼륨은 도커가 직접 관리하는 외부 디렉토리인가요?", None, managed, assistant.terms).verdict == "yes"
    # ... but the same hedge on what the question asks keeps it from a plain answer.
    assert statement_verdict("볼륨으로 데이터를 보존하나요?", None, managed, assistant.terms) is None
    privileged = [(chunk, "If you use --privileged, the container can access almost every resource of the host.")]
    found = statement_verdict("Can a --privileged container access almost every resource of the host?", None, privileged, assistant.terms)
    assert found is not None and found.verdict == "yes"
    assert statement_verdict("Can a container access almost every resource of the host?", None, privileged, assistant.terms) is None
    assert statement_polarity("The image may grow large.", modal_question=True) == "yes"
    assert statement_polarity("The image may grow large.") is None


def test_a_claim_read_differently_in_the_translation_is_dropped():
    lexicon = load_lexicon()
    own = Chunk("p#a/prose0", "p", "A", "a", "prose", "컨테이너는 커널을 공유합니다.", lang="ko")
    agreeing = Chunk("p#a/prose0@en", "p", "A", "a", "prose", "Containers share the kernel.", lang="en", original=own.id)
    claims = read_claims([own, agreeing], lexicon)
    [claim] = claims[own.id]
    assert claim.value == "yes" and "kernel" in claim.own.lower() and agreeing.id not in claims
    disagreeing = Chunk("p#a/prose0@en", "p", "A", "a", "prose", "Containers do not share the kernel.", lang="en", original=own.id)
    assert own.id not in read_claims([own, disagreeing], lexicon)


def test_a_korean_glossary_term_is_found_as_written_however_the_analyzer_splits_it(assistant):
    """The analyzer splits a word it does not know by the words around it: "쿠버네티스" alone into 쿠 + 버네 + 티스,
    after "Swarm이" into 버네 + 티스 (쿠 read as an adverb), and "플랫폼에서" keeps 플랫폼 whole. The glossary term is
    the same key each time, and its pieces are no words of their own; a piece the text also says elsewhere stays."""
    terms = assistant.terms
    kubernetes = terms.keys("쿠버네티스")
    assert len(kubernetes) == 1 and next(iter(kubernetes)).startswith("#")
    assert terms.keys("Swarm이 쿠버네티스보다 기능이 많아?") == terms.keys("Swarm 기능 많아") | kubernetes
    assert terms.keys("플랫폼에서 돌아가?") == terms.keys("플랫폼") | terms.keys("돌아가?")
    assert terms.keys("운영체제랑 운영 환경") == terms.keys("운영체제") | terms.keys("운영 환경")


def test_common_words_weigh_less_than_rare_ones(assistant):
    terms = assistant.terms
    assert terms.weight(terms.keys("one")) < 0.5 * terms.weight(terms.keys("seccomp"))


@pytest.mark.parametrize(
    "plain, prevented",
    [
        ("Do services on different VMs share the kernel?", "Does running services on different VMs stop them from sharing the kernel?"),
        ("Do containers on one host share the kernel?", "Does putting containers on one host prevent sharing the kernel?"),
        ("Do services on separate VMs share a kernel?", "Would putting them on separate VMs stop them sharing a kernel?"),
        ("Do services on different VMs share the kernel?", "Does putting services on different VMs avoid kernel sharing?"),
    ],
)
def test_a_verb_of_prevention_asks_the_negation(assistant, plain, prevented):
    assert read_question(prevented, LEXICON).prevented and not read_question(plain, LEXICON).prevented
    first = assistant.ask(plain).verdict
    assert first in ("yes", "no")
    assert assistant.ask(prevented).verdict in ({"yes": "no", "no": "yes"}[first], None)  # never the same answer


@pytest.mark.parametrize(
    "question, verdict, lead",
    [
        ("컨테이너끼리 커널 안 공유하죠?", "no", "아니요"),  # whether not-P holds: they do share it
        ("서로 다른 VM에 올리면 커널이 분리되지 않나요?", "yes", "네"),  # a presumption of P: P holds
    ],
)
def test_a_negative_korean_question_is_answered_as_its_negation_stands(assistant, question, verdict, lead):
    # "네" agrees with what a negation before the predicate says ("안 공유하죠?" - "네, 공유하지 않습니다") and confirms
    # the presumption a negation framing the question makes ("분리되지 않나요?" - "네, 분리됩니다"); see
    # question.korean_negation. The evidence follows the lead, so the answer says what holds either way.
    answer = assistant.ask(question)
    assert not answer.refused and answer.verdict == verdict
    assert answer.answer.startswith(lead)


@pytest.mark.parametrize(
    "question, right",
    [
        # likened to another thing: the VM row is about the VM, not about containers
        ("도커 컨테이너도 가상머신처럼 커널까지 완전히 분리되나요?", "no"),
        ("Isn't each container running its own kernel, the way a VM does?", "no"),
        # a restriction ("단일 서버에서만") and a substitution ("대신") do not say yes to their words
        ("Docker Compose는 여러 서버에 걸쳐서도 동작하나요?", "no"),
        ("도커는 하이퍼바이저 기반 가상화를 사용하나요?", "no"),
        # "always" is not settled by one scenario row
        ("컨테이너 하나가 메모리를 폭주시키면 항상 다른 컨테이너에도 영향이 가나요?", "partial"),
        # without the thing the evidence is about
        ("If I don't use a volume or bind mount, does data written inside a container survive deleting the container?", "no"),
        # "접근 가능한 파일" only modifies a noun; it asserts nothing about access control
        ("AppArmor나 SELinux는 DAC 방식의 접근 제어인가요?", "no"),
        # a statement without the question's verb ("돌리") does not settle it
        ("윈도우 컨테이너도 도커로 돌릴 수 있나요?", "partial"),
        # the subject is a pronoun with nothing to resolve it
        ("Does it keep a separate kernel from the host?", None),
    ],
)
def test_never_a_wrong_verdict_where_the_evidence_does_not_settle_the_question(assistant, question, right):
    """Each of these once got a wrong verdict from evidence about another case, a restricted or hedged statement,
    or an unresolved subject; now the verdict is the right one or none."""
    assert assistant.ask(question).verdict in (None, right)


def test_qualifiers_of_a_question():
    from assistant.verdict import qualifiers

    assert qualifiers("Is container isolation just as strong as VM isolation?").likeness == ("vm isolation",)
    assert qualifiers("도커 컨테이너도 가상머신처럼 커널까지 분리되나요?").likeness == ("가상 머신",)
    assert qualifiers("Would you like to share volumes?").likeness == ()
    assert qualifiers("Is CPU shared between containers if I don't set cgroups?").absent == ("cgroups",)
    assert qualifiers("볼륨 없이 데이터가 남나요?").absent == ("볼륨",)
    assert qualifiers("볼륨을 쓰지 않으면 데이터가 남나요?").absent == ("볼륨",)
    assert qualifiers("Are the others always affected?").universal
    assert qualifiers("항상 영향이 가나요?").universal
    assert qualifiers("Do containers share the kernel?") == qualifiers("컨테이너끼리 커널을 공유하나요?")


def test_the_answer_leads_with_the_sentence_that_settles_the_verdict(assistant):
    """The evidence sentence comes first, in the asker's language, then the rest of its paragraph."""
    english = assistant.ask("Do containers share the kernel?")
    assert english.answer.startswith("Yes — Each container is logically independent, but they operate while sharing the same kernel.")
    korean = assistant.ask("컨테이너끼리 커널을 공유하나요?")
    assert korean.answer.startswith("네, 각 컨테이너는 논리적으로 독립되어 있으나 동일한 커널을 공유하며 동작합니다.")
    # the paragraph's other sentence follows, once
    assert english.answer.count("operating-system-level virtualization") == 1


@pytest.mark.parametrize(
    "question, first",
    [
        # retrieval puts the FAQ on the shared kernel a hair ahead; the impact table's kernel-exploit row settles it
        ("If one of my containers gets popped through a kernel bug, are the other containers on the same box at risk too?",
         "커널 공유에 따른 보안 및 성능 영향"),
        # the FAQ on isolation and the persistence section tie; "Docker는 기본적으로 Stateless" settles it
        ("Are containers stateful out of the box?", "데이터 영속성 문제와 해결 > 문제 요약"),
    ],
)
def test_the_section_holding_the_verdict_evidence_is_cited_first_among_ties(assistant, question, first):
    """Among sections retrieval cannot tell apart (within RANK_MARGIN_SCALE), the one whose passage settles the
    yes/no question is cited first, and the answer leads with that passage."""
    from assistant.retrieve import RANK_MARGIN_SCALE

    found = assistant.retriever.retrieve(question, learned=False)
    scores = {key[1]: score for key, score, _ in found.sections}
    answer = assistant.ask(question)
    assert answer.verdict is not None
    assert not found.sections[0][0][1] == answer.citations[0].anchor  # retrieval's own order put another section first
    assert found.sections[0][1] - scores[answer.citations[0].anchor] <= RANK_MARGIN_SCALE
    assert answer.citations[0].section.endswith(first)


@pytest.mark.parametrize(
    "question, first",
    [
        ("Will Windows containers just work on Docker out of the box with no extra config?", "운영체제 종속성과 해결"),
        ("컨테이너를 지워도 DB 데이터가 안 날아가게 하려면 어떻게 해야 돼요?", "데이터 영속성 문제와 해결 > 해결 방안"),
    ],
)
def test_a_summary_section_gives_way_to_the_section_it_restates_when_retrieval_cannot_tell_them_apart(assistant, question, first):
    """"도커의 단점 요약" and "요약 테이블" restate the post's own sections; within SUMMARY_MARGIN of the summary the
    section itself is cited first. A question that asks for the summary (or the table) keeps it."""
    from assistant.retrieve import SUMMARY_MARGIN

    found = assistant.retrieve(question)
    answer = assistant.ask(question)
    assert answer.citations[0].section.endswith(first)
    scores = {key[1]: score for key, score, _ in found.sections}
    summaries = [s for key, s, _ in found.sections if key in assistant.retriever._summaries]
    # a summary scored higher, and within the margin: the section it restates comes first all the same
    assert max(summaries) > scores[answer.citations[0].anchor] >= max(summaries) - SUMMARY_MARGIN
    table = assistant.ask("요약 테이블에서 데이터 영속성 문제는 어떻게 해결하라고 하나요?")
    assert table.citations[0].section == "요약 테이블"


def test_a_question_naming_a_case_by_its_own_words_is_not_settled_by_evidence_of_other_cases(assistant):
    """"each on its own EC2 instance" names 실행 방식 3 by its own word (EC2); the note "Compose 파일이 몇 개이든 같은
    Host OS 위에서 실행되면 커널은 항상 공유됩니다" does not say it and speaks of the other cases: no "yes"."""
    answer = assistant.ask("If each one runs on its own EC2 instance, do they share the host kernel?")
    assert answer.verdict in (None, "no")
    assert assistant.ask("Do containers share the kernel?").verdict == "yes"


def test_a_typo_or_an_inflection_is_not_a_name():
    from assistant.answerability import _written_as_name

    def named(question, word):
        start = question.index(word)
        return _written_as_name(question, start, start + len(word), english=True)

    assert named("Is LXC better than Docker?", "LXC") and named("Is Podman faster?", "Podman")
    assert named("How do I write a .dockerignore file?", "dockerignore") and named("Use `kubectl` here?", "kubectl")
    assert not named("do contianers share the host kernal?", "kernal")
    assert not named("Podman or Docker?", "Podman")  # an English sentence's first word
    assert not named("In which deployment setups do services stop sharing a kernel?", "setups")


def test_a_compound_of_everyday_words_is_an_everyday_word(assistant):
    """"go-to" is as common as "go" and "to"; "json-file" (a rarer part) and an option written "--cap-drop" are not
    everyday words, whatever their parts."""
    from assistant.answerability import zipf

    assert zipf("go-to", "en") >= 4.5 and zipf("json-file", "en") == 0.0 and zipf("cap-drop", "en", compound=False) == 0.0
    answer = assistant.ask("In the summary table, what's the go-to fix for complicated network setup?")
    assert not answer.refused and answer.citations[0].section == "요약 테이블"
    assert assistant.key_subjects.uncovered("how do I drop linux capabilities with --cap-drop?").words == ("cap-drop",)


def test_acronyms_and_covered_names_are_not_uncovered_names(assistant):
    """Title case marks a name; capitals alone (RAM, IDs) are often plain words of the trade, and a name the article
    uses (Docker, Windows, Kubernetes) is covered."""
    for question in (
        "Can one container use up all of the host's RAM?",
        "By default, can a process in one container see the process IDs of another?",
        "Do Windows containers need extra setup in Docker?",
        "How does Kubernetes help when there are hundreds of containers?",
    ):
        assert assistant.key_subjects.uncovered(question).names == (), question


def test_a_korean_word_is_read_in_its_question_before_it_is_taken_for_a_name(assistant):
    """"만들어진" read alone is one unknown noun; in the question it is the verb 만들다 with its endings, and names
    nothing the article leaves out. A name the analyzer does not know ("포드맨") still counts."""
    question = "왜 도커 컨테이너는 호스트 커널을 공유하는 구조로 만들어진 거예요?"
    assert assistant.key_subjects.uncovered(question).words == ()
    answer = assistant.ask(question)
    assert not answer.refused and answer.citations[0].section.endswith("Host OS의 커널을 공유할까?")
    assert "포드맨" in assistant.key_subjects.uncovered("포드맨과 도커는 뭐가 달라?").words


def test_a_verdict_column_may_hold_a_cell_that_is_no_value():
    """"Alternative" among ✓ and ✗ (a feature table of another project): the other rows still claim; a column of
    mostly free text is no verdict column."""
    header = ("Component", "Supported", "Details")
    claims = table(
        header,
        ("Triggers", "✗", "Execute commands on an event"),
        ("JSONB", "✓", "JSONB documentation"),
        ("Window functions", "✓", "Standard"),
        ("ENUM", "✓", "PostgreSQL extension"),
        ("AUTO INCREMENT", "Alternative", "Use UUIDs"),
    )
    assert claims == [[("support", "no")], [("support", "yes")], [("support", "yes")], [("support", "yes")], []]
    mostly_text = table(header, ("A", "✓", "x"), ("B", "see below", "y"), ("C", "many", "z"))
    assert mostly_text == [[], [], []]


def test_a_corpus_adds_its_own_predicates_and_cell_values(tmp_path):
    """A corpus folder's predicates.yml and cells.yml extend the general vocabulary; a bad one is a clear error."""
    from assistant.errors import IngestError

    (tmp_path / "predicates.yml").write_text("- {id: support, en: [offered, offers]}\n- {id: fast, opposite: slow, en: [fast]}\n", encoding="utf-8")
    (tmp_path / "cells.yml").write_text('yes: ["available"]\npartial: ["beta"]\n', encoding="utf-8")
    lexicon = load_lexicon(corpus=tmp_path)
    assert lexicon.english_predicate("offered") == "support" and lexicon.english_predicate("supported") == "support"
    assert lexicon.cell_value("Available") == "yes" and lexicon.cell_value("beta") == "partial" and lexicon.cell_value("✓") == "yes"
    assert lexicon.opposite["fast"] == "slow"
    header = ("Feature", "Offered")
    chunks = [row(header, cells, number=n) for n, cells in enumerate([("Triggers", "available"), ("Cursors", "✗")])]
    claims = read_claims(chunks, lexicon)
    assert [[(c.predicate, c.value) for c in claims.get(chunk.id, [])] for chunk in chunks] == [[("support", "yes")], [("support", "no")]]
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "cells.yml").write_text("maybe: [x]\n", encoding="utf-8")
    with pytest.raises(IngestError, match="cells.yml"):
        load_lexicon(corpus=bad)


def test_a_question_about_the_post_itself_is_answered(assistant):
    """"What is this post about?" points at the post; the same words with another subject stay refused."""
    for question in ("이 글은 어떤 내용을 다루고 있나요?", "What are the five main drawbacks listed at the start of the post?"):
        answer = assistant.ask(question)
        assert not answer.refused and answer.citations, question
    for question in ("Does the author like football?", "Does the post mention Podman?"):
        assert assistant.ask(question).refused, question


def test_the_subject_of_a_question_is_not_a_subcommand(assistant):
    """"Does Docker rely on ...?": Docker is the subject and "rely" its verb; "docker logs" stays a command."""
    assert assistant.key_subjects.uncovered("Does Docker rely on a hypervisor to virtualize its containers?").operations == ()
    assert assistant.key_subjects.uncovered("How do I read a container's output with docker logs?").operations == ("docker logs",)
    # An -ing word made from a word the post uses is a noun of the trade, not a subcommand
    assert not assistant.key_subjects.uncovered("why does NAT slow down docker networking?")
    assert not assistant.ask("why does NAT slow down docker networking?").refused
    # after a negated auxiliary, and a contracted auxiliary itself, are no subcommands either
    assert assistant.key_subjects.uncovered("Doesn't Docker lean on a hypervisor like a VM does?").operations == ()
    assert assistant.key_subjects.uncovered("What does Kubernetes schedule that plain Docker doesn't?").operations == ()
    # after a word that counts or picks among many, the pair is a kind of thing; "the" may still name a command
    assert assistant.key_subjects.uncovered("Is there a fix for each docker weakness in the post?").operations == ()
    assert assistant.key_subjects.uncovered("Which of these Docker downsides are the hardest?").operations == ()
    assert assistant.key_subjects.uncovered("How do I follow the docker logs of a container?").operations == ("docker logs",)


def test_a_misspelled_common_word_is_no_key_subject(assistant):
    """A word no dictionary knows, one edit from a common English word, is the asker's typo ("exeption", "swiching"),
    not a name; a name made from a word by a letter or two ("containerd"), a short one ("runc") and one near a rarer
    word ("skaffold": scaffold) still are."""
    from assistant.answerability import _misspelled_common

    assert all(_misspelled_common(word) for word in ("exeption", "swiching", "netwrok"))
    assert not any(_misspelled_common(word) for word in ("containerd", "dockerd", "runc", "skaffold", "podman", "kubelet"))
    answer = assistant.ask("flask app in my container threw an exeption and died, will the container beside it go down?")
    assert not answer.refused and answer.citations[0].section.endswith("커널 공유에 따른 보안 및 성능 영향")
    assert assistant.ask("How do I install skaffold for local Kubernetes development?").refused


def test_colloquial_korean_endings_are_no_key_subjects(assistant):
    """"되나용" (되나요 with an added ㅇ) and "날아감" (날아가다 made a noun with ㅁ) are verbs in a casual spelling, which
    the analyzer splits into unknown nouns; a noun of the dictionary ending the same way ("사용", "느림") stays a noun."""
    from assistant.answerability import _plain_endings

    assert _plain_endings("백업도 되나용") == "백업도 되나요" and _plain_endings("데이터 날아감?") == "데이터 날아가?"
    assert _plain_endings("사용 비용이 느림") == "사용 비용이 느림"
    for question in ("볼륨 마운트하면 컨테이너 지워도 데이터 남아있나용?", "볼륨 안 쓰고 컨테이너 지우면 데이터 다 날아감?"):
        assert not assistant.key_subjects.uncovered(question), question
        assert not assistant.ask(question).refused, question


def test_a_word_general_english_has_never_seen_names_a_niche_tool(assistant):
    """podman, macvlan, kubectl: unknown to a large list of general English and no typo of a post's word, they name a
    tool the post never mentions, lowercase or not. A typo ("dokcer") and the asker's own stack (redis, postgres,
    words general English knows) do not."""
    for question, name in (("podman이랑 docker 차이 뭐야?", "podman"), ("How do I create a macvlan network?", "macvlan")):
        assert assistant.key_subjects.uncovered(question).names == (name,)
        assert assistant.ask(question).refused
    for question in ("What Linux kernel features does dokcer use to keep containers apart?", "can a memory leak in my redis container hurt the other containers?"):
        assert assistant.key_subjects.uncovered(question).names == ()
        assert not assistant.ask(question).refused


def test_a_near_spelling_is_a_plausible_typo(assistant):
    """One edit in a word of five to seven letters is a typo ("dokcer", "kernal"); "restic" is two edits from
    "restrict" and names a tool; a four-letter word is near by its letters ("yaml", "yml"), "helm" is not "help"."""
    subjects = assistant.key_subjects
    assert subjects.covered("dokcer") and subjects.covered("kernal") and subjects.covered("yaml")
    assert not subjects.covered("restic") and not subjects.covered("helm")


@pytest.mark.parametrize(
    "hangul, english",
    [("플라스크", "flask"), ("테라폼", "terraform"), ("앱아머", "apparmor"), ("쿠버네티스", "kubernetes"), ("셀리눅스", "selinux"),
     ("인그레스", "ingress"), ("컴포즈", "compose"), ("도커", "docker"), ("서비스", "service"), ("로깅", "logging")],
)
def test_korean_and_english_spellings_of_a_loanword_share_a_skeleton(hangul, english):
    from assistant.answerability import hangul_skeleton, latin_skeleton

    assert hangul_skeleton(hangul) == latin_skeleton(english)
    assert hangul_skeleton(hangul, vowels=True) == latin_skeleton(english, vowels=True)


def test_a_korean_spelling_no_dictionary_knows_names_a_tool_unless_it_spells_a_word_of_the_post(assistant):
    """"포드맨", "이스티오", "데몬셋": the analyzer's dictionary does not know them and the post has no English word
    they spell; they name tools the post never mentions. "앱아머", "테라폼" and a typo "쿠베네티스" spell AppArmor,
    Terraform and Kubernetes, which the post names; "가상머신" has a part the post uses (가상)."""
    for question, name in (
        ("포드맨과 도커의 차이점은 뭔가요?", "포드맨"),
        ("이스티오 같은 서비스 메시를 도입하면 성능이 좋아지나요?", "이스티오"),
        ("쿠버네티스 데몬셋은 언제 사용하나요?", "데몬셋"),
    ):
        assert assistant.key_subjects.uncovered(question).names == (name,)
        assert assistant.ask(question).refused
    for question in (
        "셀리눅스나 앱아머로 컨테이너가 호출할 수 있는 시스템 콜을 제한할 수 있나요?",
        "테라폼이나 앤서블 같은 도구로 컨테이너 배포와 관리를 자동화할 수 있나요?",
        "쿠베네티스가 컨테이너 수천 개 단위까지 자동으로 관리해 주나요?",
        "서비스를 각각 다른 가상머신에 올리면 커널이 분리되지 않나요?",
    ):
        assert assistant.key_subjects.uncovered(question).names == (), question
        assert not assistant.ask(question).refused, question


def test_a_short_korean_word_spells_no_english_word_and_a_verb_is_no_unknown_noun(assistant):
    """A Hangul word of one syllable or of fewer than two consonants is too short to say which English word it spells
    ("하와이" is V, as "a" is; "여행" VN, as "in" is); loanwords of the post still spell theirs. A verb whose ending
    looks like a particle ("유지하는", "나오는") is no noun the dictionary does not know."""
    from assistant.answerability import _hangul_nouns

    for word in ("하와이", "여행", "달", "티어"):
        assert not assistant.key_subjects.spells_a_post_word(word, f"{word}?"), word
    for word in ("테라폼", "앱아머", "알파인", "네임스페이스"):
        assert assistant.key_subjects.spells_a_post_word(word, f"{word}?"), word
    assert _hangul_nouns("이 글에 나오는 데이터를 유지하는 방법은?") == ()
    assert "포드맨" in _hangul_nouns("포드맨과 도커의 차이점은 뭔가요?")


def test_a_korean_compound_is_the_posts_only_when_its_parts_are_their_words(assistant):
    """"타임존" (time zone) splits into 타임 + 존; "타임" is only a piece of the post's "런타임" (runtime), no word of
    its own, so the compound names something the post never mentions. "보안이슈" is made of two words the post uses."""
    question = "컨테이너 타임존을 한국 시간으로 맞추려면 어떻게 해야 하나요?"
    assert "타임존" in assistant.key_subjects.uncovered(question).words
    assert assistant.ask(question).refused
    assert "보안이슈" not in assistant.key_subjects.uncovered("컨테이너끼리 커널을 공유하면 보안이슈가 생기나요?").words


def test_korean_word_forms_are_read_as_written_before_they_are_taken_for_names(assistant):
    """No Korean word begins with a particle: "로깅이나", which the analyzer reads as 로 and a noun 깅이, is 로깅 (a word
    of the post) and 이나. A word read whole as an unknown name ("혼자서" beside other words) is one everyday noun and
    its particle. A noun-forming suffix glued to a word of the post ("강화용", for hardening) and a clipped word of the
    post ("쿠버": 쿠버네티스, the post's Kubernetes) name nothing new; the same suffix on a word the post never uses
    ("초보자용") and a word that begins none of the post's ("헬름") still do."""
    from assistant.answerability import _as_written

    for question in (
        "로깅이나 모니터링은 쉬운 편이야?",
        "도커 혼자서 스케줄링이랑 로드밸런싱까지 다 해줘?",
        "컨테이너 보안 정책 강화용으로 어떤 도구들이 언급돼요?",
        "스웜은 쿠버보다 단순한 편인가?",
    ):
        assert assistant.key_subjects.uncovered(question).words == (), question
    assert "초보자용" in assistant.key_subjects.uncovered("초보자용 마라톤 training plan 추천해줘").names
    assert "헬름" in assistant.key_subjects.uncovered("헬름 차트는 어떻게 만들어?").names
    assert not assistant.ask("스웜은 쿠버보다 단순한 편인가?").refused
    assert _as_written("깅이", "로깅이나 모니터링도 다뤄?") == "로깅"  # what a refusal names where the post has no 로깅


def test_only_shell_code_names_commands(assistant):
    """A shell block's first words are commands; an SQL block's are columns and keywords ("email VARCHAR(255)" does
    not make "the email lookup" an operation the post never runs)."""
    from assistant.answerability import KeySubjects
    from assistant.lexical import Glossary

    sql = Chunk("p#a/code0", "p", "A", "a", "code", "CREATE TABLE users (\n    email VARCHAR(255) NOT NULL\n);", language="sql")
    shell = Chunk("p#a/code1", "p", "A", "a", "code", "pg_ctl start -D /data", language="bash")
    subjects = KeySubjects(assistant.terms, Glossary(()), [sql, shell])
    assert subjects.uncovered("How much faster did the email lookup get?").operations == ()
    assert subjects.uncovered("How do I use pg_ctl reload?").operations == ("pg_ctl reload",)


@pytest.mark.parametrize(
    "question, language",
    [
        ("docker buildx로 multi-platform 이미지 빌드 가능?", "ko"),  # more Latin letters, Korean grammar
        ("kernel 공유돼?", "ko"),
        ("Is 커널 shared between containers?", "en"),
        ("How do I use a 볼륨?", "en"),  # an English question ending in a Korean word
        ("컨테이너끼리 커널을 공유하나요?", "ko"),
        ("Do containers share the kernel?", "en"),
    ],
)
def test_a_mixed_question_follows_its_grammar(question, language):
    from assistant.question import question_language

    assert question_language(question) == language


def test_the_words_that_frame_a_question_need_not_be_in_its_statement(assistant):
    """"할 수 있나요", "가능?" and a final "맞아?" frame the question; the statement need not say them."""
    from assistant.verdict import statement_verdict

    chunk = Chunk("t#a/prose0", "t", "A", "a", "prose", "")
    managed = [(chunk, "볼륨은 도커가 직접 관리하는 외부 디렉토리입니다.")]
    assert statement_verdict("볼륨이 도커가 직접 관리하는 외부 디렉토리 맞아?", None, managed, assistant.terms).verdict == "yes"
    built = [(chunk, "docker buildx 기능으로 여러 플랫폼용 이미지를 빌드할 수 있습니다.")]
    assert statement_verdict("docker buildx로 여러 플랫폼용 이미지 빌드 가능?", None, built, assistant.terms).verdict == "yes"
    # A verb of the question's own is still needed ("돌리다" is not in the statement).
    windows = [(chunk, "Windows 컨테이너는 별도의 설정이 필요합니다.")]
    assert statement_verdict("Windows 컨테이너도 도커로 돌릴 수 있나요?", None, windows, assistant.terms) is None


def test_a_korean_noun_no_post_uses_is_set_aside_when_the_statement_holds_the_rest(assistant):
    """No statement can hold a word no post uses: one such noun of a Korean question ("태생적으로") is set aside when a
    statement holds its other words and every predicate. Not an unused predicate ("무거운"; a noun made a verb,
    "희생하나요"; the noun before the copula, "솔루션인가요"), not two unused nouns, and not in a sentence that sets two
    subjects side by side, where the unused word ("앞쪽") may be what says which."""
    from assistant.verdict import statement_verdict

    chunk = Chunk("t#a/prose0", "t", "A", "a", "prose", "")

    def verdict(question: str, sentence: str):
        found = statement_verdict(question, None, [(chunk, sentence)], assistant.terms)
        return found and found.verdict

    linux = "Docker는 리눅스 기반 기술입니다."
    assert verdict("도커는 태생적으로 리눅스 기반 기술인가요?", linux) == "yes"
    assert verdict("도커는 태생적으로 무거운 리눅스 기반 기술인가요?", linux) is None
    assert verdict("도커는 리눅스 기반 기술을 희생하나요?", linux) is None
    assert verdict("도커는 리눅스 기반 솔루션인가요?", linux) is None  # what it is said to be
    assert verdict("도커는 태생적으로 원조 리눅스 기반 기술인가요?", linux) is None
    paths = "/host/data는 호스트 측 경로이고 /app/data는 컨테이너 내부 경로입니다."
    assert verdict("앞쪽 경로가 컨테이너 내부 경로인가요?", paths) is None
    # English has no word classes to read here: nothing is set aside ("pedigree" is no word of the posts)
    assert verdict("Is Docker a Linux-based technology by pedigree?", "Docker is a Linux-based technology.") is None


def test_a_condition_is_no_claim_however_its_ending_is_written():
    """"원한다면" ends in ㄴ다면, which mecab-ko writes with the final-consonant jamo (ᆫ다면): still a condition, so
    "if you want VM-level isolation, consider Kata Containers" says nothing about whether anything is isolated."""
    from assistant.claims import is_condition_ending

    assert is_condition_ending("ᆫ다면", "EC") and is_condition_ending("으면", "EC") and not is_condition_ending("면서", "EC")
    assert clause_claims("VM 수준의 격리를 원한다면 Kata Containers를 고려해야 합니다.", LEXICON) == []


def test_a_predicate_that_only_describes_a_noun_is_not_asked_when_the_question_ends_in_its_own_verb():
    asked = read_question("복잡한 서비스도 도커 컴포즈만으로 충분하다고 권하나요?", LEXICON)
    assert asked is None  # it asks what the post recommends, not whether something is complex
    # A light verb, a confirmation or a verb the lexicon knows at the end: the describing predicate is the one asked.
    assert read_question("gVisor는 사용자 공간 커널로 격리하는 방식이야?", LEXICON).predicate == "separate"
    assert read_question("컴포즈 파일 하나로 띄우면 커널 공유하는 거 맞죠?", LEXICON).predicate == "share"
    assert read_question("컨테이너마다 독립된 네트워크 인터페이스가 있나요?", LEXICON).predicate == "separate"
    # A verb of a noun and 하다 is a verb of the question's own; an English word in a Korean sentence is no predicate then.
    assert read_question("alpine이나 distroless 같은 lightweight 이미지를 권장하나요?", LEXICON) is None
    assert read_question("같은 네트워크에 있으면 서로 통신이 공유되나요?", LEXICON).predicate == "share"


def test_a_korean_verb_of_prevention_asks_the_negation():
    assert read_question("compose 파일을 나누면 커널 공유를 피할 수 있나요?", LEXICON).prevented
    assert read_question("compose 파일을 나누면 kernel sharing을 막을 수 있나요?", LEXICON).prevented
    assert not read_question("compose 파일을 나누면 커널을 공유하나요?", LEXICON).prevented


def test_what_a_question_sets_aside_is_not_what_it_asks():
    """"a separate kernel instead of the shared one" asks about separation; "공유 안 하는" is a negated question."""
    assert read_question("Does gVisor give each container a separate kernel instead of the shared one?", LEXICON).predicate == "separate"
    assert read_question("VM 두 대에 나눠서 올리면 커널 공유 안 하는 거죠?", LEXICON).negated


def test_all_is_answered_partly_by_most(assistant):
    """A question about all of something is answered "partly" by evidence that it holds of most of it."""
    from assistant.verdict import qualifiers

    assert qualifiers("Can all of Docker's drawbacks be solved with tools?").whole
    assert qualifiers("도커의 단점은 도구로 전부 해결되나요?").whole
    assert assistant.ask("도커 단점은 도구랑 아키텍처로 전부 해결할 수 있나요?").verdict == "partial"
    assert assistant.ask("도커 단점은 도구랑 아키텍처로 대부분 해결할 수 있나요?").verdict == "yes"


def test_a_weight_does_not_depend_on_the_order_of_its_keys(assistant):
    keys = sorted(assistant.terms.keys("컨테이너 보안 정책으로 seccomp 같은 커널 격리 기술도 나와?"))
    assert assistant.terms.weight(keys) == assistant.terms.weight(list(reversed(keys))) == assistant.terms.weight(frozenset(keys))


def test_weak_claims_leave_the_statements_to_settle_a_question(assistant):
    """A claim matching under MIN_MATCH neither settles nor contradicts; a statement of the question's words that a
    risk may happen answers a question about the risk yes."""
    from assistant.claims import Claim
    from assistant.verdict import MIN_MATCH, judge, score_claims

    question = "커널 취약점 공격이면 다른 컨테이너도 영향 받아요?"
    asked = read_question(question, LEXICON)
    chunk = Chunk("t#a/prose0", "t", "A", "a", "prose", "")
    row = Chunk("t#b/row0", "t", "B", "b", "row", "", header=("상황", "영향 여부"), cells=("날씨 서비스 메모리 폭주", "O"))
    weak = [Claim(row, "affect", "yes", own="날씨 서비스 메모리 폭주 영향 여부", context="", key="날씨 서비스 메모리 폭주", column=1)]
    assert all(score < MIN_MATCH for score, _, _ in score_claims(question, asked, weak, assistant.terms, LEXICON))
    sentences = [(chunk, "커널에 취약점이 존재할 경우 다른 컨테이너도 영향을 받을 수 있습니다.")]
    found = judge(question, asked, weak, sentences, assistant.terms, LEXICON)
    assert found is not None and found.verdict == "yes"


def test_a_definition_list_entry_speaks_only_of_its_term(assistant):
    """"Kata Containers: 경량 VM 구조 …" is one entry of a list of sandboxes: it does not say gVisor is a lightweight VM."""
    from assistant.claims import definition_term

    assert definition_term("gVisor: 사용자 공간에서 실행되는 커널을 통해 격리") == "gVisor"
    assert definition_term("Use image caching: minimize redundant builds") == "Use image caching"
    assert definition_term("컨테이너는 커널을 공유합니다.") == ""
    assert definition_term("Note that this is long enough to be a sentence: not a term") == ""
    for question in ("Is gVisor basically a lightweight VM?", "gVisor는 경량 VM 구조인가요?"):
        assert assistant.ask(question).verdict != "yes"


def _claims_where(assistant, keep) -> list:
    """Every claim of the bundled index that `keep` accepts."""
    return [c for claims in assistant.claims.values() for c in claims if keep(c)]


def test_a_summary_row_reads_the_section_its_case_names(assistant):
    """The row "서로 다른 VM에서 실행" of the summary table sums up the section "실행 방식 3: 서로 다른 VM에서 실행"."""
    rows = _claims_where(assistant, lambda c: c.column >= 0 and c.chunk.cells[0] == "서로 다른 VM에서 실행")
    section = [c.text for c in assistant.index.chunks if c.section.endswith("실행 방식 3: 서로 다른 VM에서 실행") and not c.draft]
    assert rows and section
    assert all(section[0] in row.context for row in rows)
    others = _claims_where(assistant, lambda c: c.column >= 0 and c.chunk.cells[0] == "docker-compose 하나로 실행")
    assert others and not any(section[0] in row.context for row in others)


def test_a_summary_row_reads_the_enumerated_section_that_says_its_case_in_other_words(assistant):
    """"docker-compose 하나로 실행" is "실행 방식 1: 하나의 docker-compose로 실행" in other words, and "docker-compose
    여러 개로 나눠 실행" is "실행 방식 2: Compose 파일을 2개로 나눠서 실행": each row is read with its own section (and
    named by the words only that section has), one to one; the rows of cases no section enumerates (Kubernetes, Kata
    Containers) with none."""
    def case_of(key):
        rows = _claims_where(assistant, lambda c: c.column >= 0 and c.chunk.cells[0] == key)
        assert rows and len({row.case_text for row in rows}) == 1
        return rows[0].case_text.split()

    assert case_of("docker-compose 하나로 실행") == ["docker-compose.yml"]
    assert case_of("docker-compose 여러 개로 나눠 실행") == ["-f", "docker-compose.todo.yml", "docker-compose.weather.yml"]
    assert case_of("Kubernetes 다른 노드에 배포") == case_of("Kata Containers 등 커널 분리 기술 사용") == []


@pytest.mark.parametrize(
    "question",
    [
        "If I deploy the two services on different EC2 instances, do they still share a kernel?",
        "weather랑 todo를 각각 EC2 인스턴스에 따로 올리면 커널 공유해?",
    ],
)
def test_a_summary_row_is_named_by_the_words_of_the_section_it_sums_up(assistant, question):
    """EC2 instances are how the section "실행 방식 3: 서로 다른 VM에서 실행" runs its case; no other case's section has
    them, so a question about them asks about the row "서로 다른 VM에서 실행"."""
    rows = _claims_where(assistant, lambda c: c.column >= 0 and c.chunk.cells[0] == "서로 다른 VM에서 실행")
    assert rows and all("ec2" in row.case_text.split() for row in rows)
    assert assistant.ask(question).verdict == "no"
    # A general question is still settled by the general statement, not by this case
    assert assistant.ask("Do containers on one host share the kernel?").verdict == "yes"


@pytest.mark.parametrize(
    "question, right",
    [
        ("컨테이너끼리는 서로 격리되어 있나요?", "partial"),
        ("Are containers isolated from one another?", "partial"),
        ("Aren't containers fully isolated from each other?", "no"),
        ("Are containers isolated from each other as strongly as VMs are?", "no"),
    ],
)
def test_a_statement_and_the_contrast_after_it_say_yes_but_not_fully(assistant, question, right):
    """"Namespace로 … 논리적으로 격리합니다. 하지만 VM처럼 커널까지 완전히 분리하지 않기 때문에 …" is one concession."""
    assert assistant.ask(question).verdict == right


@pytest.mark.parametrize(
    "question, predicate",
    [
        ("컨테이너들은 커널을 같이 쓰나요?", "share"),
        ("컨테이너끼리 파일시스템을 함께 사용하나요?", "share"),
        ("compose 파일 두개로 나누면 커널 따로 써?", "separate"),
        ("두 컨테이너가 볼륨을 같이 쓰면 서로 영향을 주나요?", "affect"),  # the phrase is in the condition
        ("컨테이너마다 루트 파일시스템이 각각 따로 있나요?", "separate"),  # each has its own
        ("컨테이너끼리 root 파일시스템은 같이 안 쓰는 거 맞죠?", "share"),  # a negation between adverb and verb
    ],
)
def test_a_korean_adverb_with_a_verb_of_use_says_share_or_separate(question, predicate):
    assert read_question(question, LEXICON).predicate == predicate
    assert read_question("컨테이너끼리 root 파일시스템은 같이 안 쓰는 거 맞죠?", LEXICON).negated
    assert read_question("컨테이너 하나가 죽으면 다른 컨테이너도 같이 죽어요?", LEXICON).predicate == "affect"  # 같이 is no "same"


def test_an_english_predicate_is_known_in_every_inflection():
    assert LEXICON.english_predicate("affecting") == "affect" and LEXICON.english_predicate("isolating") == "separate"
    assert LEXICON.english_predicate("restricting") == "limit" and LEXICON.english_predicate("running") is None
    assert read_question("Can a kernel exploit inside one container end up affecting the host OS itself?", LEXICON).predicate == "affect"


def test_a_stem_the_stemmer_ends_in_i_is_looked_up_as_its_word():
    from assistant.terms import general_zipf

    assert general_zipf("everi") > 5 and general_zipf("librari") > 4  # every, library: everyday words, light weights


def test_a_possibility_answers_a_can_question(assistant):
    """"이미지 크기가 커질 가능성이 있습니다" (they may get large) answers "can images get large?" yes."""
    assert assistant.ask("Can Docker images get large because they bundle every library the application needs?").verdict == "yes"


def test_an_adverb_of_manner_the_statement_leaves_out_is_not_missing(assistant):
    """"Because Docker is a Linux-based technology, ..." settles "Is Docker fundamentally a Linux-based technology?";
    an adverb the statement does hold ("directly") still counts, and one of degree ("completely") is never optional."""
    assert assistant.ask("Is Docker fundamentally a Linux-based technology?").verdict == "yes"
    from assistant.verdict import _manner_keys

    keys = _manner_keys("Are containers really completely isolated, and only on one host?", assistant.terms)
    assert keys == assistant.terms.keys("really")


@pytest.mark.parametrize("question, right", [("Are containers stateful by default?", "no"), ("Is a container stateless by default?", "yes")])
def test_the_suffixes_ful_and_less_make_opposites(assistant, question, right):
    """"Containers are volatile (Stateless) by default." denies "stateful" and asserts "stateless"."""
    assert assistant.ask(question).verdict == right


@pytest.mark.parametrize(
    "question",
    [
        "If the weather container crashes hard, will the todo container go down with it?",
        "could that take the other container down?",
        "If two containers share a volume, can trouble in one spill over to the other?",
    ],
)
def test_english_phrasal_verbs_of_harm_ask_whether_something_is_affected(question):
    assert read_question(question, LEXICON).predicate == "affect"
    assert LEXICON.english_phrase("does performance go down?") is None  # "go down" alone is no "go down with"


def test_still_being_there_asks_whether_something_is_kept(assistant):
    """"is the data still there?" asks whether it is kept: "컨테이너가 삭제되면 데이터도 같이 사라집니다" holds its other
    words and says the opposite, so it is no yes (as a statement holding the words it had been read)."""
    assert read_question("If I delete the container, is the data still there?", LEXICON).predicate == "keep"
    assert read_question("볼륨 쓰면 컨테이너 지워도 데이터 그대로 있어?", LEXICON).predicate == "keep"
    assert read_question("If I delete the container, does the data go away?", LEXICON).predicate == "lose"
    assert assistant.ask("If I delete the container, is the data still there?").verdict != "yes"
    assert assistant.ask("With a volume, is the data still there after I delete the container?").verdict == "yes"
    # "stick around" is no such idiom: "nothing sticks around" says, with "nothing", what "stateless" says
    assert LEXICON.english_phrase("so nothing sticks around after that?") is None


def test_own_after_a_nouns_possessive_says_whose_the_thing_is():
    """"the container's own filesystem" names whose filesystem; "its own kernel" says the subject has one of its own."""
    assert read_question("Is a volume stored inside the container's own filesystem?", LEXICON) is None
    assert read_question("Does each container get its own kernel?", LEXICON).predicate == "separate"


def test_korean_verbs_of_going_down_together_ask_whether_something_is_affected():
    assert read_question("날씨 서비스가 죽으면 투두 서비스도 같이 죽어?", LEXICON).predicate == "affect"
    assert read_question("다른 컨테이너도 같이 다운되나요?", LEXICON).predicate == "affect"


@pytest.mark.parametrize(
    "question, right",
    [
        ("Does Docker solve every problem of development and deployment?", "no"),
        ("도커 단점은 도구와 아키텍처로 대부분 극복할 수 있나요?", "yes"),
        ("By default, does Docker's bridge network go through NAT to reach the outside?", "yes"),
    ],
)
def test_the_articles_verbs_of_solving_and_of_the_network_path_are_predicates(assistant, question, right):
    """해결 (solve) is the verb of the article's title and conclusion; 거치다 and 생략하다 say whether traffic goes
    through NAT or skips it."""
    assert assistant.ask(question).verdict == right


def test_a_purpose_is_no_claim(assistant):
    """"이를 극복하기 위한 도구" (tools to overcome them) says what the tools are for, not that anything is overcome."""
    from assistant.claims import clause_claims

    assert clause_claims("이를 극복하기 위한 다양한 도구와 기술이 존재합니다.", assistant.lexicon) == []
    assert clause_claims("이러한 단점들은 도구를 통해 대부분 해결할 수 있습니다.", assistant.lexicon)


def test_what_can_be_done_does_not_deny_what_holds_by_default(assistant):
    """"NAT can be skipped with --network host" does not say that traffic does not go through NAT."""
    from assistant.question import read_question
    from assistant.verdict import claim_answer

    skip = _claims_where(assistant, lambda c: c.predicate == "skip" and c.value == "can")[0]
    asked = read_question("Does traffic go through NAT?", assistant.lexicon)
    assert asked.predicate == "traverse" and claim_answer(skip, asked, assistant.lexicon) is None
    assert claim_answer(skip, read_question("Does --network host skip NAT?", assistant.lexicon), assistant.lexicon) == "yes"


def test_a_korean_compound_noun_also_gives_its_nouns(assistant):
    """"해결책" (a solution) is found through 해결, as "docker-compose" is through its parts; a one-syllable part
    (책) is a suffix, not a word of its own."""
    from assistant.lexical import tokenize

    assert tokenize("해결책은요?") == ["해결책", "해결"]
    answer = assistant.ask("도커 보안 문제의 해결책은?")
    assert not answer.refused and "gVisor" in answer.answer


def test_a_noun_misread_as_a_modifier_in_context_is_read_alone(assistant):
    """mecab-ko reads "파일시스템" after "컨테이너끼리" as 팔 + ㄹ (a modifier) glued to 시스템; Korean spacing never glues
    a modifier to the noun after it, so the word is read alone. A modifier before a bound noun ("쓰는거") stays."""
    from assistant.lexical import tagged_morphemes, tokenize

    assert tokenize("컨테이너끼리 파일시스템을 공유하나요?") == ["컨테이너", "파일", "시스템", "공유"]
    assert ("는", "ETM") in tagged_morphemes("언제 쓰는거임?")
    assert assistant.ask("컨테이너끼리 파일시스템을 공유하나요?").verdict == "no"


@pytest.mark.parametrize(
    "question", ["Can I skip NAT?", "Is there a docker run option that lets you bypass NAT?", "--network host 쓰면 NAT 생략 가능한가요?"]
)
def test_what_holds_by_default_does_not_deny_what_can_be_done(assistant, question):
    """"NAT can be skipped with --network host" answers a question of possibility; "traffic goes through NAT by
    default" says what holds, not what cannot be done. "is there an option that lets you ...?" asks a possibility."""
    assert assistant.ask(question).verdict == "yes"
    # a plain statement still denies a possibility nothing else grants
    assert assistant.ask("Can a container run its own kernel?").verdict == "no"


@pytest.mark.parametrize(
    "question, right",
    [
        ("Kata Containers 쓰면 kernel이 분리되나요?", "yes"),
        ("Kata Containers 쓰면 같은 host에서도 kernel 분리됨?", "yes"),
        ("Does Kata Containers keep workloads off the host's shared kernel?", "yes"),
        ("Do containers share the kernel?", "yes"),
    ],
)
def test_the_row_of_the_case_a_question_names_settles_it(assistant, question, right):
    """A question that names what only one row's case has ("Kata") is settled by that row; a statement that does not
    speak of the case ("같은 Host OS 위에서 실행되면 커널은 항상 공유됩니다") is about the others. A general question
    names no case."""
    assert assistant.ask(question).verdict == right


def test_a_verb_of_prevention_that_is_the_asked_predicate_prevents_nothing():
    """"keep workloads off the shared kernel" asks whether it is not shared; "keep data out of the container" asks
    whether the data is kept."""
    assert read_question("Does Kata Containers keep workloads off the host's shared kernel?", LEXICON).prevented
    asked = read_question("Does a volume keep data out of the container?", LEXICON)
    assert asked.predicate == "keep" and not asked.prevented


def test_a_sentence_without_a_subject_speaks_of_the_case_its_heading_enumerates(assistant):
    """"커널을 공유하지 않습니다" under "실행 방식 3: 서로 다른 VM에서 실행" is about that case: it does not answer a general
    question, and a question naming the case is answered by it."""
    from assistant.claims import scenario_case

    claims = _claims_where(assistant, lambda c: c.column < 0 and c.text.startswith("커널을 공유하지 않습니다"))
    assert claims and all(c.key.startswith("서로 다른 VM에서 실행") for c in claims)
    assert scenario_case(claims[0].chunk) == "서로 다른 VM에서 실행"
    assert assistant.ask("컨테이너들끼리 커널은 각자 따로 쓰나요?").verdict == "no"
    assert assistant.ask("If I split my services into two separate compose files on the same server, does each one get its own kernel?").verdict == "no"


def test_a_clipped_word_is_covered_by_the_word_it_clips(assistant):
    """"auth" is a clipped "authentication", "infra" a clipped "infrastructure": the post mentions them."""
    assert assistant.key_subjects.covered("auth") and assistant.key_subjects.covered("infra")
    assert not assistant.ask("How do I secure containers for a bank or an auth server?").refused
    assert assistant.key_subjects.uncovered("How do I set up ingress?").all == ("ingress",)


def test_evidence_must_say_the_means_a_question_names(assistant):
    """"경량 VM을 띄워서 격리하나요?" (does it isolate by running a lightweight VM?) is not settled by evidence that it
    isolates some other way; "by running …" is how, not what, the question asks."""
    from assistant.verdict import qualifiers

    assert qualifiers("gVisor는 경량 VM을 띄워서 격리하는 방식인가요?").means == ("경량 VM",)
    assert qualifiers("Does gVisor isolate containers by running a lightweight VM?").means == ("a lightweight vm",)
    assert read_question("Does gVisor isolate containers by running a lightweight VM?", LEXICON).predicate == "separate"
    assert assistant.ask("Does gVisor isolate containers by running a lightweight VM?").verdict is None
    # (asked as what gVisor is, it is answered by what the post says it is: test_what_the_post_says_a_thing_is_…)
    assert assistant.ask("gVisor는 경량 VM을 띄워서 격리하는 방식인가요?").verdict == "no"
    assert assistant.ask("Can I keep data by using a volume?").verdict == "yes"


def test_the_means_a_question_names_is_its_own_words_not_the_posts_topic(assistant):
    """"by running the container with `--network host`" is done with --network host: every passage runs containers,
    so the evidence need not say "container" ("--network host 옵션을 사용해 NAT를 생략할 수 있습니다"), and a quoted
    option is words of the phrase, as unquoted."""
    from assistant.verdict import qualifiers

    assert qualifiers("Can you skip NAT by running the container with `--network host`?").means == (
        "the container with --network",
    )
    for question in (
        "Can you skip NAT by running the container with `--network host`?",
        "Can you skip NAT by running the container with --network host?",
    ):
        assert assistant.ask(question).verdict == "yes", question
    # the means still has to be said: a lightweight VM is not how gVisor isolates
    assert assistant.ask("Does gVisor isolate containers by running a lightweight VM?").verdict is None


def test_a_question_naming_the_things_of_two_rows_that_answer_differently_gets_no_verdict(assistant):
    """"Do namespaces isolate the kernel?" names the row "네트워크 네임스페이스 — 격리" and the row "Host OS의 커널 —
    공유" of one column: neither settles it. A question naming one of them still is."""
    assert assistant.ask("Do namespaces isolate the kernel?").verdict is None
    assert assistant.ask("Do Linux namespaces separate the kernel too?").verdict is None
    assert assistant.ask("Do containers on one host share the kernel?").verdict == "yes"
    assert assistant.ask("Are CPU and memory shared among containers on the same host?").verdict == "partial"


@pytest.mark.parametrize(
    "question",
    ["is /app/data the host path in a mount?", "/app/data가 호스트 쪽 경로예요?"],
)
def test_words_of_clauses_about_different_subjects_make_no_statement_together(assistant, question):
    """"/host/data is the path on the host side, and /app/data is the path inside the container" holds "/app/data",
    "host" and "path", each clause of its own subject: it does not say that /app/data is the host path."""
    assert assistant.ask(question).verdict != "yes"
    # one subject going on through its clauses still makes a statement
    assert assistant.ask("Does Docker solve every deployment problem on its own?").verdict == "no"


def test_contrasted_clauses():
    from assistant.verdict import _contrasted, statement_clauses

    assert _contrasted(statement_clauses("/host/data is the path on the host side, and /app/data is the path inside the container."))
    assert _contrasted(statement_clauses("/host/data는 호스트 측 경로이고 /app/data는 컨테이너 내부 경로입니다."))
    assert not _contrasted(statement_clauses("Docker has played a major role, but it does not perfectly solve every problem."))
    assert not _contrasted(statement_clauses("도커는 큰 역할을 했지만 모든 문제를 완벽히 해결하는 것은 아닙니다."))


@pytest.mark.parametrize(
    "question, right",
    [
        ("If the weather and todo services come up from one docker-compose.yml, do they share the kernel?", "yes"),
        ("With docker-compose.weather.yml and docker-compose.todo.yml on the same host, is the kernel shared?", "yes"),
        ("날씨 서비스와 투두 서비스를 EC2 인스턴스 두 대에 나눠 올리면 커널을 공유하나요?", "no"),
        # Named by the own words of two cases ("own EC2 instance", "a single docker-compose.yml"): neither settles it.
        ("If each service runs on its own EC2 instance, do containers started from a single docker-compose.yml share the same kernel?", None),
    ],
)
def test_a_sentence_keyed_by_an_enumerated_case_is_named_by_its_sections_own_words(assistant, question, right):
    """"커널을 공유합니다" under "실행 방식 1: 하나의 docker-compose로 실행" is the case whose section alone runs
    docker-compose.yml; "여전히 커널을 공유합니다" under "실행 방식 2" the one of docker-compose.weather.yml and
    docker-compose.todo.yml; "커널을 공유하지 않습니다" under "실행 방식 3" the one of the EC2 instances."""
    assert assistant.ask(question).verdict == right


def test_everyday_words_of_a_section_describe_no_case(assistant):
    """"still" is only in "실행 방식 2"'s translation ("they still share the kernel"), yet names no case."""
    described = {c.key: c.case_text.split() for claims in assistant.claims.values() for c in claims if c.case_text}
    assert described["Compose 파일을 2개로 나눠서 실행"] == ["-f", "docker-compose.todo.yml", "docker-compose.weather.yml"]
    assert "ec2" in described["서로 다른 VM에서 실행"] and all("still" not in words for words in described.values())


@pytest.mark.parametrize(
    "question, right",
    [
        ("With no CPU limits configured, can a container running an endless loop hog all of the host's CPU?", "yes"),
        ("cgroup 제한이 없으면 한 컨테이너의 메모리 폭주가 다른 컨테이너 메모리에도 영향을 주나요?", "yes"),
        ("If the weather service crashes, are the other containers affected?", "no"),
        # Every row of the impact table is a weather-service case: naming the weather service names none of them.
        ("날씨 서비스와 투두 서비스를 한 호스트에서 돌리면 서로 영향을 주나요?", None),
    ],
)
def test_a_tables_sentence_cells_speak_of_their_rows_case(assistant, question, right):
    """The "이유" column of the impact table says what each case does ("리소스 제한 안 하면 시스템 전체 CPU를 점유"):
    its sentences are claims about their row's case, or words of the row's mark on the same predicate."""
    assert assistant.ask(question).verdict == right


@pytest.mark.parametrize(
    "question, right",
    [
        ("Can AppArmor be used to restrict the system calls of a container?", "yes"),
        ("마운트를 쓰면 컨테이너를 지워도 데이터가 유지되나요?", "yes"),
        # "이를 통해 컨테이너를 삭제해도 데이터는 유지되며" holds through a mount, which this question does not name.
        ("Without any setup, do files written inside a container outlive the container?", None),
    ],
)
def test_a_sentence_that_points_back_speaks_of_the_sentence_before(assistant, question, right):
    """"이를 통해 … 제한할 수 있습니다" follows "SELinux / AppArmor: … 시스템 콜을 제어하는 … 시스템입니다": it says what
    SELinux and AppArmor can do, and only a question naming them (or the mount of "이를 통해 … 유지되며") is answered by it."""
    assert assistant.ask(question).verdict == right


@pytest.mark.parametrize(
    "question, right",
    [
        ("Once two containers join one Docker network, can they communicate directly?", "yes"),
        ("같은 도커 네트워크에 있는 컨테이너끼리 직접 연결이 되나요?", "yes"),
    ],
)
def test_containers_reaching_each_other_is_a_predicate_of_the_article(assistant, question, right):
    """"컨테이너 간 통신은 같은 Docker 네트워크에 속하게 하여 직접 연결할 수 있습니다": connect, and its second clause
    speaks of the first clause's topic (컨테이너 간 통신), which Korean leaves out."""
    assert assistant.ask(question).verdict == right


def test_a_korean_clause_without_a_subject_carries_the_one_before():
    own = [own for _, _, own, _ in clause_claims("컨테이너 간 통신은 같은 Docker 네트워크에 속하게 하여 직접 연결할 수 있습니다.", LEXICON)]
    assert "컨테이너" in own[-1] and "연결" in own[-1]


@pytest.mark.parametrize(
    "question, right",
    [("Is a container volatile by default?", "yes"), ("컨테이너는 기본적으로 휘발성인가요?", "yes"), ("Are containers stateful out of the box?", "no")],
)
def test_the_articles_word_for_losing_data_is_a_predicate(assistant, question, right):
    """"컨테이너는 기본적으로 휘발성(Stateless)입니다": 휘발성, volatile and stateless say that data is lost."""
    assert assistant.ask(question).verdict == right


def test_section_titles_name_one_part_of_the_posts():
    """A title of two words or more that one heading holds and the text never says is a section's name; a one-word
    title, a title two parts share and a phrase of the text are ordinary language."""
    from assistant.ingest import Chunk
    from assistant.retrieve import section_titles

    def chunk(n, section, text, kind="prose", translated=""):
        return Chunk(f"c{n}", "post", section, section.rsplit(" > ", 1)[-1].replace(" ", "-"), kind, text,
                     section_translated=translated)

    chunks = [
        chunk(0, "요약 테이블", "| 문제 | 해결 |", "row", ""),
        chunk(1, "요약 테이블", "| problem | fix |", "row", "Summary Table"),
        chunk(2, "보안 > 해결 방안", "격리를 강화합니다."),
        chunk(3, "데이터 > 해결 방안", "볼륨을 씁니다."),
        chunk(4, "개요", "이 글은 도커를 다룹니다."),
        chunk(5, "전체 구조 > 그림", "커널을 공유합니다."),
        chunk(6, "이미지 관리", "이미지 관리는 어렵습니다."),
    ]
    content = {(c.document, c.anchor) for c in chunks}
    titles = section_titles(chunks, content)
    assert titles["요약 테이블"] == titles["summary table"] == {("post", "요약-테이블")}
    assert titles["전체 구조"] == {("post", "그림")}  # the sections under the heading
    assert "해결 방안" not in titles and "개요" not in titles and "이미지 관리" not in titles


def test_a_question_naming_a_heading_is_answered_from_that_part(assistant):
    """"In the summary table ..." and "전체 구조 그림에서 ..." point at a part of the post: it is cited first, and a
    question so pointed at the post is not refused as off its subjects; the same words with something the post
    never names still are."""
    for question, heading in (
        ("What remedy does the summary table give for the image size problem?", "요약 테이블"),
        ("전체 구조 그림에서 사용자 요청은 어떤 경로로 들어와요?", "전체 구조"),
    ):
        answer = assistant.ask(question)
        assert not answer.refused and answer.citations[0].section.endswith(heading), (question, answer.citations)
    assert assistant.ask("What does the summary table say about GPU passthrough with nvidia-container-toolkit?").refused
    # "the conclusion", "the wrap-up", "결론" point at the section the post closes with ("마무리"), found or not
    for question in ("What's the bottom line of the post?", "이 글의 결론만 짧게 알려줘", "According to the wrap-up, what handles complex services?"):
        answer = assistant.ask(question)
        assert not answer.refused and answer.citations[0].section == "마무리", (question, answer.citations)
    earlier = assistant.ask("How is the security problem solved?")
    answer = assistant.ask("What does the summary table list for networking?", history=[{"question": earlier.question, "answer": earlier}])
    assert answer.citations[0].section == "요약 테이블"


def test_a_name_in_code_form_the_article_never_writes_is_a_key_subject(assistant):
    """depends_on, daemon.json: an identifier or a file name the post never writes names something of its own, though
    its parts ("depend", "daemon") are the post's words; a near spelling of the post's own file and a hyphenated word
    of general English are not names."""
    subjects = assistant.key_subjects
    for question, name in (
        ("compose 파일에서 depends_on 옵션은 어떻게 써요?", "depends_on"),
        ("What should I put in daemon.json to change the default bridge?", "daemon.json"),
    ):
        assert subjects.uncovered(question).names == (name,)
        assert assistant.ask(question).refused
    for question in ("Do the two services in my docker-compose.yaml share the kernel?", "Can containers on a user-defined network reach each other?"):
        assert not subjects.uncovered(question).names, question
        assert not assistant.ask(question).refused, question


def test_a_property_said_to_hold_weakly_is_a_partial_answer(assistant):
    """"컨테이너는 커널을 공유하므로 보안적 격리가 약함": containers are isolated, weakly. "Are they isolated?" is partly
    so, "fully isolated?" is not, and a question about the kernel the same sentence says is shared keeps its no."""
    assert assistant.ask("Does Docker isolate containers from one another?").verdict == "partial"
    assert assistant.ask("Are containers fully isolated from one another?").verdict == "no"
    assert assistant.ask("Does every container get a separate kernel of its own?").verdict == "no"


def test_a_statement_of_the_questions_phrase_about_another_thing_settles_nothing(assistant):
    """"리눅스 기반 기술이기 때문에 Windows 컨테이너는 …" holds every word of "윈도우 기반 기술인가요?", but says the
    phrase of Linux: no verdict, while the question about Linux is answered yes. A phrase that is no compound
    ("이미지를 빌드", "캐시도 활용") is left alone."""
    from assistant.verdict import _modified_words, _substituted

    for question in ("도커는 원래 윈도우 기반 기술인가요?", "Is Docker a Windows-based technology?"):
        assert assistant.ask(question).verdict is None, question
    for question in ("도커는 리눅스 기반 기술인가요?", "Is Docker a Linux-based technology?"):
        assert assistant.ask(question).verdict == "yes", question
    asked = _modified_words("빌드 캐시도 활용할 수 있나요?", assistant.terms)
    assert not _substituted(asked, "이미지 캐싱 활용하여 docker build --cache-from 옵션을 사용합니다.", assistant.terms)


def test_a_question_whether_a_concern_is_absent_gets_no_verdict_from_what_the_way_does(assistant):
    """"a risk-free way to skip NAT?" asks whether the risk is absent; that host networking skips NAT (yes) does not
    answer it. The plain question keeps its verdict."""
    for question in ("Is --network host a worry-free way to avoid the NAT overhead?", "host 네트워크로 NAT 생략하면 보안 걱정 없이 써도 되나요?"):
        assert assistant.ask(question).verdict is None, question
    assert assistant.ask("Can --network host skip NAT?").verdict == "yes"


def test_a_clause_does_not_hold_a_word_its_sentence_says_of_another_subject(assistant):
    """"/host/data is the path on the host side, and /app/data is the path inside the container": the second clause
    leaves out "host", which the first says of /host/data, so it does not say that /app/data is on the host."""
    assert assistant.ask("Is /app/data the path on the host?").verdict != "yes"
    assert assistant.ask("Is /host/data the path on the host side?").verdict == "yes"
    assert assistant.ask("Is /app/data the path inside the container?").verdict == "yes"


def test_a_question_of_what_to_do_is_answered_by_the_remedy_beside_the_problem(assistant):
    """"문제 요약" and "해결 방안" are the two halves of "데이터 영속성 문제와 해결": a question of what happens cites the
    problem, one of what to do about it ("어떻게 막아요?", "how do I keep it?") the remedy beside it, also when the
    problem ranks first; "어떻게 되나요?" (what happens) and "다 해결되죠?" (is it solved) ask no remedy."""
    from dataclasses import replace

    from assistant.question import asks_for_remedy

    found = assistant.retrieve("컨테이너를 지우면 데이터는 어떻게 되나요?")
    assert found.sections[0][0][1].startswith("문제-요약")
    assert assistant.retriever.remedy_first(found) == found
    for question in ("그럼 어떻게 막아요?", "so how do I keep it?", "해결 방법은 뭐예요?"):
        moved = assistant.retriever.remedy_first(replace(found, question=question))
        assert moved.sections[0][0][1].startswith("해결-방안"), question
        assert sorted(moved.sections, key=lambda s: s[0]) == sorted(found.sections, key=lambda s: s[0])
    assert not any(asks_for_remedy(q) for q in ("데이터는 어떻게 되는 건지", "도커면 다 해결되는 거죠?", "does Docker solve it all?"))
    # what is suggested, recommended or advised is what to do, in either language, and so is the spoken "어케"
    assert all(
        asks_for_remedy(q)
        for q in ("What does the post suggest?", "what's recommended for that?", "뭘 추천해?", "권장하는 방법은?", "어케 해결함?", "뭘로 하는 게 좋을까요?")
    )
    assert not asks_for_remedy("어케 돼?")
    # in a conversation, the earlier answer's section (the problem) is preferred, and the remedy beside it comes first
    first_question = "컨테이너를 지우면 안에 있던 데이터는 어떻게 되나요?"
    first = assistant.ask(first_question)
    assert first.citations[0].section == "데이터 영속성 문제와 해결 > 문제 요약"
    follow_up = assistant.ask("그거 막으려면 어떻게 해요?", history=[Turn(first_question, first)])
    assert follow_up.citations[0].section == "데이터 영속성 문제와 해결 > 해결 방안"


def test_a_question_naming_one_case_by_its_own_words_cites_that_case_first(assistant):
    """"docker-compose.yml" is written only in "실행 방식 1", "EC2" only in "실행 방식 3": a question that names one of
    them is about that case, whose section comes first when it scores close to the best (NAMED_CASE_MARGIN)."""
    from assistant.retrieve import NAMED_CASE_MARGIN

    words = {key[1]: words for key, words in assistant.retriever._case_words.items()}
    assert words["실행-방식-1-하나의-docker-compose로-실행"] == {"docker-compose.yml"} and "ec2" in words["실행-방식-3-서로-다른-vm에서-실행"]
    question = "날씨랑 투두를 docker-compose.yml 하나로 돌리면 둘이 같은 kernel 쓰는 거 맞아요?"
    found = assistant.retrieve(question)
    assert found.sections[0][0][1] == "실행-방식-1-하나의-docker-compose로-실행"
    scores = {key[1]: score for key, score, _ in found.sections}
    assert max(scores.values()) - scores["실행-방식-1-하나의-docker-compose로-실행"] <= NAMED_CASE_MARGIN
    assert assistant.ask(question).verdict == "yes"


def test_a_question_of_the_full_degree_is_denied_by_a_partial_answer(assistant):
    """"perfect", "complete" and "absolute" ask the full degree as "perfectly" does: isolation that holds but not
    fully answers them no."""
    assert assistant.ask("Is isolation between containers perfect?").verdict == "no"
    assert assistant.ask("Are containers perfectly isolated?").verdict == "no"
    # likened to another thing, a question asks whether it holds as it does there
    assert assistant.ask("Are containers isolated at the kernel level like VMs?").verdict == "no"
    assert assistant.ask("컨테이너도 VM처럼 격리되나요?").verdict == "no"
    assert assistant.ask("Are containers isolated?").verdict == "partial"
    # a table cell that says it can be either ("공유 가능") holds in part: not fully
    assert assistant.ask("Are CPU and memory isolated between containers?").verdict == "partial"
    assert assistant.ask("Are CPU and memory completely isolated between containers?").verdict == "no"
    assert assistant.ask("컨테이너끼리 CPU랑 메모리는 완전히 격리돼?").verdict == "no"


def test_evidence_without_a_thing_does_not_answer_a_question_with_it(assistant):
    """"cgroup으로 제한하지 않으면 전체 메모리 영향 가능" speaks of the case without a limit: it answers a question
    that says the limit is absent, not one that names the limit as set."""
    from assistant.verdict import qualifiers

    assert qualifiers("cgroup으로 제한하지 않으면 전체 메모리 영향 가능").absent == ("제한",)
    assert assistant.ask("even with a cgroup limit, is the whole host memory at risk?").verdict is None
    assert assistant.ask("메모리 제한을 걸어두면 다른 컨테이너도 영향받나요?").verdict is None
    assert assistant.ask("With no resource limits configured, can an infinite loop hog the CPU of the host?").verdict == "yes"
    assert assistant.ask("메모리 제한을 안 걸어두면 컨테이너 하나가 메모리 폭주할 때 호스트 전체가 영향을 받을 수 있나요?").verdict == "yes"


def test_a_table_row_says_each_cell_under_its_own_header(assistant):
    """The summary table's row "수작업 배포의 한계" gives Kubernetes under "대표적인 해결 방법" (a fix), not under
    "도커 단점": the post does not list Kubernetes as a drawback. A drawback in the first column is one."""
    assert assistant.ask("Is Kubernetes listed as one of Docker's drawbacks?").verdict is None
    assert assistant.ask("쿠버네티스가 도커 단점으로 나와요?").verdict is None
    assert assistant.ask("Is network complexity listed as one of Docker's drawbacks?").verdict == "yes"


def test_a_misspelled_word_of_the_posts_is_searched_as_that_word(assistant):
    """A word neither the posts nor general English know, one edit from one word of the posts with the same first
    letter, is a typo of it; a word of the posts with letters added at its end, or another first letter, is a name
    of its own."""
    respelled = assistant.retriever.respelled
    assert respelled("can I run it with --privilaged in prod?") == "can I run it with --privileged in prod?"
    assert respelled("kubernets or swarm?") == "kubernetes or swarm?"
    assert respelled("what about dockerd, runsc and kompose?") == "what about dockerd, runsc and kompose?"
    assert respelled("Is the kernel shared?") == "Is the kernel shared?"


def test_a_hangul_spelling_of_a_name_of_the_posts_is_searched_as_that_name(assistant):
    """"테라폼", "앤서블", "셀리눅스" spell names the posts write in Latin letters: the question is searched and judged
    with the names as written, their particles kept. A word of the posts ("커널"), a name they also spell in Hangul
    ("두개" sounds like 도커), a syllable with its particle ("개도") and a word whose skeleton several words share stay."""
    respelled = assistant.retriever.respelled
    assert respelled("테라폼이나 앤서블 같은 걸로 배포 자동화해?") == "terraform이나 ansible 같은 걸로 배포 자동화해?"
    assert respelled("셀리눅스도 이미지 취약점 검사해줘?") == "selinux도 이미지 취약점 검사해줘?"
    assert respelled("알파인이나 디스트로리스 쓰면 작아져?") == "alpine이나 distroless 쓰면 작아져?"
    for question in ("커널 공유해?", "compose 파일 두개로 나누면?", "수천 개도 관리해줘?", "root filesystem 따로 가지는 거야?"):
        assert respelled(question) == question
    assert assistant.ask("테라폼이나 앤서블 같은 걸로 컨테이너 배포를 자동화하는 방법도 나와 있어?").verdict == "yes"


@pytest.mark.parametrize(
    ("question", "points"),
    [
        ("what does the fix diagram map each weakness to?", True),
        ("According to the recap table, which fix goes with OS limits?", True),
        ("in these two tables, what differs?", True),
        ("요약표에서 보안은 뭘로 해결해?", True),
        ("다이어그램 기준으로 설명해줘", True),
        ("표 보면 뭐가 공유돼?", True),
        ("How do I package my app as a Helm chart?", False),
        ("what does AppArmor bring to the table?", False),
        ("every time the container is recreated the tables vanish", False),
        ("대표적인 해결 방법이 뭐야?", False),
        ("피벗 테이블 만드는 법", False),
    ],
)
def test_a_definite_figure_or_table_points_at_the_post(question, points):
    from assistant.question import points_at_figure

    assert points_at_figure(question, ("diagram", "row")) is points


def test_a_question_pointing_at_a_diagram_reads_a_section_that_shows_one(assistant):
    """"the diagram" is one the asker sees: when the first section shows none, the section whose diagram matches the
    question best comes first; a question pointing at a figure is read as about the post, not refused as off it."""
    retriever = assistant.retriever
    for question in ("In the overall architecture diagram, how do the containers reach the kernel?", "구조 다이어그램에서 컨테이너가 커널이랑 어떻게 연결돼?"):
        found = retriever.retrieve(question)
        assert not found.named and found.sections[0][0][1] == "전체-구조", question
    # without pointing at the diagram, a section that shows none leads (in Korean; the English diagram's translated
    # labels, "Container A - weather service → (Syscall) Linux Kernel: shared", match the English question by themselves)
    plain = retriever.retrieve("구조 보면 컨테이너가 커널이랑 어떻게 연결돼?")
    assert plain.sections[0][0] not in retriever._figures["diagram"]
    answer = assistant.ask("What does the summary table say about networking?")
    assert not answer.refused and answer.citations[0].section == "요약 테이블"


@pytest.mark.parametrize(
    ("question", "kind", "name"),
    [
        ("Which tool does the fix diagram pair with data loss?", "diagram", "fix"),
        ("per the diagram, what is isolated?", "diagram", ""),
        ("단점 해결 다이어그램에서 보안은 뭐로 풀어?", "diagram", "단점 해결"),
        ("요약표 기준으로 뭐가 남아?", "row", "요약"),
        ("what does this table say?", "row", ""),
    ],
)
def test_a_figure_is_named_by_the_words_before_its_noun(question, kind, name):
    from assistant.question import figure_name

    assert figure_name(question, kind) == name


def test_a_question_naming_a_figure_by_its_heading_reads_that_figure(assistant):
    """"the fix diagram" is the one figure whose heading holds the word it is named by ("단점 해결 다이어그램"), even
    where another section that shows a diagram (Kubernetes' cluster, under "운영 관리 복잡성 … > 해결 방안") matches the
    rest of the question better; a name several headings hold ("summary" table) or none ("security diagram") moves
    nothing."""
    retriever = assistant.retriever
    for question in ("Per the fix diagram, what handles the complexity of operating containers?", "해결 다이어그램 보면 운영 복잡성은 어떤 도구로 풀어?"):
        assert retriever.retrieve(question).sections[0][0][1] == "단점-해결-다이어그램", question
    assert retriever.retrieve("What handles the complexity of operating containers?").sections[0][0][1] != "단점-해결-다이어그램"
    assert retriever.retrieve("In the security diagram, where do both containers point?").sections[0][0][1] == "문제-요약"


def test_a_statement_of_only_the_subject_of_a_korean_question_does_not_settle_it(assistant):
    """What a Korean question says of its subject comes after its topic or subject particle: "윈도우 컨테이너는 | 곧장
    실행돼?" asks whether Windows containers run as they are, which "Windows 컨테이너는 별도의 설정이 필요합니다" (they need
    separate configuration) does not say, whatever share of the question's words it holds. The particle of a bound
    noun ("…는 것이 맞아?") or of a complement ("방법이 되나요?") marks no subject."""
    from assistant.verdict import _korean_predicate_keys

    terms = assistant.terms
    assert _korean_predicate_keys("윈도우 컨테이너는 그냥 돼?", terms) == frozenset()
    assert _korean_predicate_keys("컨테이너는 커널을 공유해?", terms) == terms.keys("커널을 공유해?")
    assert _korean_predicate_keys("Kata를 고려하는 게 맞아?", terms) is None
    assert _korean_predicate_keys("Ansible로 자동화하는 것도 방법이 되나요?", terms) is None
    assert assistant.ask("윈도우 컨테이너는 그냥 돼?").verdict is None
    assert assistant.ask("Docker는 리눅스 기반 기술이야?").verdict == "yes"


def test_evidence_that_something_is_used_in_place_of_what_is_asked_does_not_say_yes_to_it(assistant):
    """"Docker uses OS-level virtualization instead of hypervisor-based virtualization (VM)" says what Docker is not: it
    does not answer "is Docker a lightweight VM?" yes, while it still answers what it says Docker uses."""
    from assistant.verdict import _replaced

    assert _replaced("Docker uses OS-level virtualization instead of hypervisor-based virtualization (VM).") == ["hypervisor-based virtualization (VM)"]
    assert _replaced("Docker는 경량화를 위해 하이퍼바이저 기반 가상화(VM) 대신 운영체제 수준의 가상화를 사용합니다.") == ["하이퍼바이저 기반 가상화(VM)"]
    assert assistant.ask("Is Docker lightweight because it uses OS-level virtualization?").verdict == "yes"


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Is Docker a lightweight VM?", "no"),
        ("Does Docker use hypervisor-based virtualization?", "no"),
        ("도커는 VM이야?", "no"),
        # it asks what can be: the sentence does not answer no
        ("Can Docker use a hypervisor?", None),
        # it weighs the same two things itself: the sentence's way round is a yes, the other way round a no
        ("Does Docker use OS-level virtualization instead of a hypervisor?", "yes"),
        ("Does Docker lean on Linux namespaces and cgroups instead of a hypervisor?", "yes"),
        ("도커는 하이퍼바이저 대신 namespace랑 cgroups로 가상화하는 거죠?", "yes"),
        ("Does Docker use a hypervisor instead of namespaces and cgroups?", "no"),
        ("도커는 namespace 대신 하이퍼바이저를 쓰나요?", "no"),
    ],
)
def test_a_statement_of_what_is_used_instead_answers_no_to_what_it_replaces(assistant, question, verdict):
    """"Docker uses OS-level virtualization instead of hypervisor-based virtualization (VM)": asked whether Docker uses
    (or is) what the sentence says it uses in place of, the sentence says no; asked whether Docker uses one of the two
    in place of the other, it answers by which way round the question puts them."""
    assert assistant.ask(question).verdict == verdict


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Is Docker Compose limited to a single server?", "yes"),
        ("Is Docker Compose restricted to one server?", "yes"),
        ("Docker Compose는 단일 서버로 한정돼?", "yes"),
        # a restriction to something the statement does not restrict to
        ("Is Docker Compose limited to multiple servers?", None),
    ],
)
def test_limited_to_asks_about_a_restriction_as_only_does(assistant, question, verdict):
    """"limited to", "restricted to" and 한정 say a restriction as "only" and 만 do: "Docker Compose only works on a single
    server" answers whether it is limited to one, and the word "limited" is no word the statement must hold."""
    assert assistant.ask(question).verdict == verdict


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # it asks whether deploying alone does it: the row holds only on other nodes, which it does not name
        ("쿠버네티스에 올리기만 하면 컨테이너끼리 커널이 분리되나요?", None),
        ("Does merely deploying on Kubernetes give separate kernels?", None),
        # ... naming the row's whole case, or asking without "alone", the row answers
        ("쿠버네티스에서 서로 다른 노드에 배포하면 커널이 분리돼?", "yes"),
        ("Kata Containers 쓰면 커널이 분리되나요?", "yes"),
    ],
)
def test_a_row_of_a_narrower_case_does_not_say_that_what_the_question_names_suffices(assistant, question, verdict):
    """"Kubernetes 다른 노드에 배포 | 커널 공유 여부: 분리" says the kernel is separate when deployed to other nodes; it does
    not say that deploying to Kubernetes by itself ("-기만 하면", "merely") separates it."""
    assert assistant.ask(question).verdict == verdict


def test_a_replacement_is_the_same_pair_only_by_the_words_that_set_its_sides_apart(assistant):
    """Words both sides share ("가상화" of "하이퍼바이저 기반 가상화" and "운영체제 수준의 가상화") and words said of
    anything ("기반") decide nothing; a question of another pair gets no orientation."""
    from assistant.verdict import _same_replacement

    sentence = "Docker는 경량화를 위해 하이퍼바이저 기반 가상화(VM) 대신 운영체제 수준의 가상화(Linux Namespace + Cgroups)를 사용합니다."
    assert _same_replacement("도커가 VM 대신 네임스페이스+cgroups 기반 OS 수준 가상화를 쓰는 거 맞아요?", sentence, assistant.terms) is True
    assert _same_replacement("도커는 namespace 대신 하이퍼바이저를 쓰나요?", sentence, assistant.terms) is False
    assert _same_replacement("도커는 쿠버네티스 대신 Swarm을 쓰나요?", sentence, assistant.terms) is None


def test_a_because_clause_and_its_main_clause_say_each_of_their_own_subject(assistant):
    """"Because Docker is a Linux-based technology, Windows containers require separate configuration" does not say
    that Docker is a Windows technology, in either language; each clause still answers what it says."""
    from assistant.verdict import statement_clauses

    assert len(statement_clauses("Docker는 리눅스 기반 기술이기 때문에 Windows 컨테이너는 별도의 설정이 필요합니다.")) == 2
    for question in ("Is Docker a Windows technology?", "도커는 윈도우 기술이야?"):
        assert assistant.ask(question).verdict is None, question
    assert assistant.ask("Is Docker a Linux-based technology?").verdict == "yes"
    assert assistant.ask("Do Windows containers require separate configuration?").verdict == "yes"
    # a question that gives the cause itself asks the two clauses as one statement
    assert assistant.ask("도커가 리눅스 기반이라서 윈도우 컨테이너는 별도 설정이 필요해?").verdict == "yes"


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("every container has its own network interface, right?", "Do every container has its own network interface?"),
        ("We split the compose file. The kernel is still shared, correct?", "We split the compose file. Is The kernel still shared?"),
        ("The kernel is shared, isn't it?", "The kernel is shared, isn't it?"),  # its tag already asks as a yes/no question
        ("Is the kernel shared, right?", "Is the kernel shared, right?"),  # already a yes/no question
        ("what is shared, right?", "what is shared, right?"),
        ("커널 공유하지, right?", "커널 공유하지, right?"),
        # it asks to confirm a negation ("yes, they aren't"), the other way round from "aren't they …?"
        ("containers aren't fully isolated, right?", "containers aren't fully isolated, right?"),
        ("containers arent fully isolated, right?", "containers aren't fully isolated, right?"),
        # a statement with a question mark: a subject, then its auxiliary or copula
        # its auxiliary or copula goes before its subject, as a question puts it
        ("so containerA can reach containerB's port directly?", "Can containerA reach containerB's port directly?"),
        ("ok so it's built on namespaces?", "Is it built on namespaces?"),
        ("the todo container is safe, right?", "Is the todo container safe?"),
        ("they have to be on the same network?", "Do they have to be on the same network?"),  # "have" as a main verb
        ("and the file system?", "and the file system?"),  # names a subject only
        ("and the containers that are on one host?", "and the containers that are on one host?"),  # a case
        ("so containers aren't isolated at all?", "so containers aren't isolated at all?"),  # a negation, as above
    ],
)
def test_a_tag_question_is_read_as_the_yes_no_question_it_asks(question, read):
    from assistant.question import auxiliaries_spelled, confirmation, is_yes_no

    assert confirmation(question) == read
    if read != auxiliaries_spelled(question):
        assert is_yes_no(read)


def test_a_tag_question_gets_the_verdict_of_its_statement(assistant):
    assert assistant.ask("every container has its own network interface, right?").verdict == "yes"
    assert assistant.ask("the file system is shared between containers, correct?").verdict == "no"


def test_a_statement_with_a_question_mark_gets_the_verdict_of_its_statement(assistant):
    assert assistant.ask("so each container has its own network interface?").verdict == "yes"
    assert assistant.ask("so the file system is shared between containers?").verdict == "no"
    # its modal before its subject: "can containerA …?" asks what is possible, as "containerA can …?" does
    assert assistant.ask("so containerA can hit containerB's port directly?").verdict == assistant.ask("can containerA hit containerB's port directly?").verdict == "yes"
    # a misspelt opening auxiliary; an opening "ok" that asks nothing of its own
    assert assistant.ask("dose each container have its own network interface?").verdict == "yes"
    assert assistant.ask("ok back to docker: do containers on the same host share a kernel?").verdict == "yes"


@pytest.mark.parametrize(
    ("question", "predicate"),
    [
        ("복잡한 서비스도 컴포즈로 충분하다고 하나요?", None),  # "complex" only describes the services
        ("NFS 같은 외부 스토리지랑 연동해도 돼요?", None),  # "NFS 같은": such as NFS, not "the same"
        ("둘 다 같은 커널로 시스템 콜을 보내는 거죠?", "share"),  # the same kernel
        ("같은 브리지 네트워크에 두면 이름으로 찾을 수 있어?", None),  # the same network is the condition, not what is asked
        ("이미지 캐시로 같은 작업 반복하는 걸 줄일 수 있나?", "small"),  # whether it can reduce, of the same work (not share)
        ("같은 설정 파일 고치는 일을 줄일 수 있어?", "small"),
        ("디스크 볼륨은 기본적으로 공유되는 거야?", "share"),  # a dependent noun: the clause is what is asked
        ("컨테이너는 기본적으로 상태를 유지하는 구조인가요?", "keep"),  # a noun the sentence predicates
        ("도커 이미지는 용량이 커질 걱정은 없는 건가요?", "large"),  # the worry that it grows: the clause is its content
        ("Are containers still logically independent even though they share a kernel?", "separate"),
        ("Although they share a kernel, are containers logically independent?", "separate"),
        ("is plain docker on a shared host good enough?", None),  # "shared" describes the host
        ("Is the kernel shared?", "share"),
    ],
)
def test_the_asked_predicate_is_the_main_clauses(assistant, question, predicate):
    """A predicate in a clause that only describes a noun, or in a concession, is not what a yes/no question asks."""
    from assistant.question import read_question

    asked = read_question(question, assistant.lexicon)
    assert (asked.predicate if asked else None) == predicate


def test_a_concession_does_not_turn_the_verdict(assistant):
    assert assistant.ask("Are containers still logically independent even though they share a kernel?").verdict == "yes"


def test_the_background_gap_is_measured_against_the_posts_own_passages(assistant):
    """An English question whose nearest passages are all the English translation's still has its gap measured
    against the post's own passages, not against nothing (which made it -0.8 and refused it)."""
    features = assistant.retrieve("is logging/monitoring listed as one of the pain points?").features
    assert features["background_gap"] > -0.2


def test_a_question_spelling_out_an_option_of_the_posts_reads_the_section_that_writes_it(assistant):
    """"--network host" is written in one section (the NAT FAQ), though "host" and "security" match the kernel-sharing
    FAQ better; "--network" alone is written in two (with "my_network" in the networking FAQ), so it names neither,
    and an option the posts never write ("--restart") names nothing."""
    retriever = assistant.retriever
    nat = "natnetwork-address-translation가-네트워크-성능에-영향을-주는-이유는"
    for question in ("Should I worry about host kernel security if I turn on --network host for my database?", "`--network host` 켜면 호스트 보안은 괜찮아?"):
        assert retriever.optioned(question) and retriever.retrieve(question).sections[0][0][1] == nat, question
    assert retriever.optioned("what does the --network flag do?") == frozenset()
    assert retriever.optioned("--network my-network 만들면?") == frozenset()
    assert retriever.optioned("--restart always 써도 돼?") == frozenset()


@pytest.mark.parametrize(
    ("question", "about"),
    [
        ("So what is this article about, in short?", True),
        ("what's the gist of this post?", True),
        ("이 포스트의 요지가 뭐야?", True),
        ("What does this article say about pizza?", False),  # it names what it might be about
        ("Is this post about Rust?", False),  # whether it is about something
        ("what is the purpose of namespaces?", False),  # not of the post
    ],
)
def test_an_open_question_asks_what_the_post_itself_is_about(question, about):
    from assistant.question import asks_what_post_is_about

    assert asks_what_post_is_about(question) is about


def test_a_question_of_what_the_post_is_about_is_answered_whatever_its_framing_words(assistant):
    """"in a nutshell", "gist", "목적" name no subject of the post's own; the question is about the post, however far
    from the contrast subjects' its framing words sit. One that names what it might be about still is not."""
    for question in ("So what is this article about, in a nutshell?", "이 포스트를 쓴 목적이 뭐예요?"):
        assert not assistant.ask(question).refused, question
    assert assistant.ask("What does this article say about pizza?").refused


def test_a_question_naming_the_faq_reads_the_section_whose_subheadings_are_questions(assistant):
    """"궁금증들" is the post's FAQ by its shape (every subheading a question), not by its words: "FAQ" and "Q&A" name it
    and are no subject the post never mentions; a question about some other FAQ is still refused."""
    faqs = assistant.retriever._faqs
    assert {key[1] for key in faqs} >= {"mount는-무엇이며-왜-사용할까", "컨테이너-간-통신은-어떻게-구성할까"}
    assert not {key[1] for key in faqs} & {"개요", "마무리", "요약-테이블"}
    for question in ("What questions are in the FAQ?", "Q&A 부분엔 무슨 질문들이 있나요?"):
        answer = assistant.ask(question)
        assert not answer.refused and answer.citations[0].section.startswith("궁금증들"), question
    assert assistant.ask("Where can I find the FAQ for my bank account?").refused


def test_a_plural_compound_of_everyday_words_is_no_subject_the_posts_never_mention(assistant):
    """"trade-offs" is not in the word list as such, but its singular's parts are everyday words: it names nothing of
    its own, so a question about --network host's trade-offs is answered; "json-files" (a rarer part) still is no
    everyday word."""
    from assistant.answerability import zipf

    assert zipf("trade-offs", "en") > 0 and zipf("json-files", "en") == 0
    assert not assistant.ask("Does --network host come with any trade-offs?").refused


def test_an_everyday_korean_verb_need_not_be_said_by_the_statement_but_a_permission_asked_for_must(assistant):
    """"쓰다" (to use) is as common as a function word: "브리지 네트워크를 쓰나요?" is settled by "브리지 네트워크를
    사용하며"; "써도 돼?" asks permission to do just that, which "--privileged 옵션을 사용할 경우 … 접근할 수
    있습니다" does not grant."""
    from assistant.verdict import _korean_verbs

    assert _korean_verbs("도커는 기본적으로 브리지 네트워크를 쓰나요?") == frozenset()
    assert _korean_verbs("--privileged 옵션 써도 돼?") == {"쓰"}
    assert _korean_verbs("컨테이너를 여러 서버에 돌릴 수 있나요?") == {"돌리"}
    assert assistant.ask("도커는 기본적으로 브리지 네트워크를 쓰나요?").verdict == "yes"
    assert assistant.ask("--privileged 옵션 써도 돼?").verdict != "yes"


def test_a_restriction_the_question_asks_about_does_not_hedge_the_statement_that_makes_it(assistant):
    """"only"/"만" hedges a statement ("단일 서버에서만 동작" settles no plain "does Compose work?"), but a question
    that asks about that very restriction is settled by it; one about another restriction is not ("다중 서버에서만?"),
    nor a question whose own "만" restricts something else ("도커 하나만 가지고 …")."""
    from assistant.verdict import _restricted_to, _same_restriction

    statement = "Docker Compose는 단일 서버에서만 동작하므로 다중 서버 환경에서는 Kubernetes 같은 추가 도구가 필요합니다."
    terms = assistant.terms

    def same(question):
        return _same_restriction(_restricted_to(question, terms), statement, terms)

    assert same("docker compose는 서버 한 대에서만 동작하나요?")
    assert not same("Docker Compose는 다중 서버에서만 동작하나요?")
    assert not same("Docker Compose는 동작하나요?")
    assert assistant.ask("Does Docker Compose only work on a single server?").verdict == "yes"
    assert assistant.ask("docker compose는 서버 한 대에서만 동작하나요?").verdict == "yes"
    assert assistant.ask("Docker Compose는 다중 서버에서만 동작하나요?").verdict != "yes"


def test_evidence_that_puts_the_case_on_the_other_side_does_not_settle_a_question_of_inside_or_outside(assistant):
    """"inside the container" and "outside the container" (내부/외부) are opposites: "a volume stores data outside the
    container" says nothing yes to "does a volume keep the data inside the container?", and still settles the
    question that asks about outside."""
    from assistant.verdict import _place

    assert _place("does a volume keep data inside the container?") == "in"
    assert _place("Volume은 컨테이너 외부에서 데이터를 저장하여") == "out"
    assert _place("/host/data is on the host side, /app/data inside the container, not outside") == ""
    assert assistant.ask("Does a volume keep the data inside the container itself?").verdict != "yes"
    assert assistant.ask("볼륨은 데이터를 컨테이너 외부에 저장하나요?").verdict == "yes"


def test_free_of_a_concern_is_asked_like_its_hyphenated_form(assistant):
    """"Is X free of overhead?" asks, as "overhead-free" does, whether a concern is absent; evidence that X has the
    overhead does not answer it yes."""
    answer = assistant.ask("Is the NAT on Docker's default bridge network free of performance overhead?")
    assert answer.verdict != "yes"
    assert assistant.ask("Does Docker's default bridge network go through NAT?").verdict == "yes"


def test_whether_something_is_advisable_is_answered_from_what_the_article_advises(assistant):
    """"Is it OK to X in production?" and "should I avoid X?" are settled by a clause that advises for or against X
    in that case ("일반적으로 테스트 용도에서만 사용하고, 운영 환경에서는 지양해야 합니다", under the heading of the
    --privileged option); a purpose ("to avoid including unnecessary files") is no advice, a question that names
    neither case gets both pieces of advice and no verdict (nor does advice for a case the question does not name), and
    undoing the thing is not what the advice is about."""
    from assistant.verdict import _advice, _advice_case, _asks_advice

    assert _advice_case("should be avoided in production environments.") == "production environments"
    assert _advice_case("운영 환경에서는 지양해야 합니다.") == "운영 환경"
    assert _advice("should be avoided in production environments.") == "no"
    assert _advice("운영 환경에서는 지양해야 합니다.") == "no"
    assert _advice("일반적으로 테스트 용도에서만 사용하고") == "yes"
    assert _advice("separate the build and the runtime in the Dockerfile to avoid including unnecessary files.") is None
    assert _advice("충돌을 피하기 위해 네트워크를 분리합니다") is None
    assert _asks_advice("Should I avoid it in production?") == "avoid"
    assert _asks_advice("운영 서버에서 써도 되나요?") == "advisable"
    assert _asks_advice("Does Docker use a bridge network by default?") is None
    assert assistant.ask("Is it OK to use the --privileged option in a production environment?").verdict == "no"
    assert assistant.ask("운영 환경에서 --privileged 옵션을 켜도 괜찮을까요?").verdict == "no"
    assert assistant.ask("Should I avoid the --privileged option in production?").verdict == "yes"
    assert assistant.ask("Is it okay to use --privileged for testing?").verdict == "yes"
    assert assistant.ask("Is the --privileged option OK to use?").verdict is None
    assert assistant.ask("Is it OK to disable --privileged in production?").verdict is None


def test_whether_something_is_free_of_a_concern_is_denied_by_a_statement_of_the_concern(assistant):
    """"Is X free of security concerns?" ("보안은 신경 안 써도 돼?", "totally safe?") is answered no by a clause about X
    that says there is something to be concerned about in that respect ("단, 보안 측면에서 주의가 필요합니다" in the
    section that names --network host); never yes for want of such a clause, and not when the question puts the
    concern beside another claim."""
    from assistant.verdict import _asks_carefree, _concern_aspect, _states_concern

    assert _asks_carefree("보안적으로 신경 쓸 건 없어?") and _asks_carefree("Is it completely safe?")
    assert not _asks_carefree("신경 써야 하나요?")
    assert _concern_aspect("Is it free of any security concerns?") == "security"
    assert _concern_aspect("--network host 쓰면 보안은 신경 안 써도 돼?") == "보안"
    assert _states_concern("However, caution is needed from a security standpoint.")
    assert not _states_concern("이 방식은 위험하지 않습니다.")
    assert assistant.ask("Does the --network host option come free of security concerns?").verdict == "no"
    assert assistant.ask("--network host 옵션 쓰면 보안 걱정은 할 필요 없나요?").verdict == "no"
    assert assistant.ask("--network host 옵션을 쓰면 보안 걱정 없이 속도만 빨라지나요?").verdict is None
    assert assistant.ask("Is the --network host option free of performance overhead?").verdict is None


def test_a_good_fix_with_a_stated_caveat_is_a_partial_yes(assistant):
    """"Is X a good choice for Y?" answered yes by what X does (--network host skips NAT) is partial when a clause
    about X states a concern ("단, 보안 측면에서 주의가 필요합니다"); the concern the question itself names (the NAT
    overhead) and what a statement says it solves ("OS dependency issues can be addressed …") are not such caveats."""
    from assistant.verdict import _asks_advice, _states_concern

    assert _asks_advice("Is it a good choice for skipping NAT?") == "advisable"
    assert _asks_advice("NAT를 생략하는 게 좋은 방법인가요?") == "advisable"
    assert not _states_concern("OS dependency issues can be addressed through standardized lightweight images.")
    assert not _states_concern("performance overhead exists", besides=frozenset({"overhead"}))
    assert assistant.ask("Is it a good choice to skip NAT with --network host?").verdict == "partial"
    assert assistant.ask("--network host 옵션으로 NAT를 건너뛰는 게 좋은 선택인가요?").verdict == "partial"
    # A question of the option as a fix for the overhead is not answered yes by a claim of NAT's overhead, which does
    # not name the option (test_a_long_option_the_question_names_is_what_its_evidence_must_name)
    assert assistant.ask("Is the --network host option a good fix for the NAT overhead?").verdict != "yes"
    assert assistant.ask("Is Docker's default network a bridge network?").verdict == "yes"


def test_of_claims_that_disagree_those_that_speak_of_what_the_question_names_settle_it(assistant):
    """"Does a VM fully separate the kernel?" is settled by the row "VM 사용 (커널 완전 분리)", which names both the
    VM and the kernel, not contradicted by a sentence of containers sharing the kernel, which names only the kernel;
    claims that name as much of the question and disagree still give no verdict."""
    answer = assistant.ask("Does a VM separate the kernel completely?")
    assert answer.verdict == "yes" and "VM" in answer.answer
    assert assistant.ask("Kata Containers로 실행해도 호스트 커널을 공유하나요?").verdict == "no"
    assert assistant.ask("Do containers share the kernel?").verdict == "yes"
    assert assistant.ask("Do namespaces isolate the kernel?").verdict is None


def test_a_korean_likeness_of_the_comitative_and_a_word_of_equality_is_read_as_likeness(assistant):
    """"VM과 같은 수준", "VM이랑 똑같이", "VM과 동등한가요?" liken the subject to the VM (general Korean: the comitative
    particle, then a word of equality), as "처럼" and "만큼" do; "같은" there is "the same as", not the predicate of
    sharing, so "is container isolation at the VM's level?" is answered from "VM처럼 커널까지 완전히 분리하지 않기
    때문에 …", not from the rows of what is shared."""
    from assistant.verdict import qualifiers

    assert qualifiers("격리 수준이 VM과 동등한가요?").likeness == ("VM",)
    assert qualifiers("컨테이너 격리 수준이 VM이랑 똑같다고 봐도 되나요?").likeness == ("VM",)
    assert qualifiers("컨테이너랑 VM이 같은 커널을 써?").likeness == ()
    assert assistant.ask("컨테이너 격리가 VM과 같은 수준인가요?").verdict == "no"


def test_a_korean_negation_is_read_by_where_it_stands(assistant):
    """As the question's last predicate a Korean negation frames a presumption ("P 아닌가요?", "P지 않나요?": whether P
    holds, as "isn't it P?"); before the predicate it asks of, it is part of what is asked ("P 안 하지?", "P하지 않는
    거죠?": whether not-P holds); 없다 as the question's own predicate asks whether none exists ("보안 문제 없어?": its
    content); 없다 or a negation in an earlier clause is read neither way."""
    from assistant.question import korean_negation

    assert korean_negation("컨테이너들이 커널을 각자 따로 쓰는 거 아닌가요?") == "frame"
    assert korean_negation("컨테이너끼리 커널이 공유되지 않나요?") == "frame"
    assert korean_negation("서로 다른 VM에 올리면 커널은 공유 안 하지?") == "content"
    assert korean_negation("컨테이너끼리 커널을 공유하지 않는 거죠?") == "content"
    assert korean_negation("NAT 안 거치고 바로 나가는 거지?") == "unclear"
    assert korean_negation("보안 문제 없어?") == "content"
    assert korean_negation("보안 문제 없으면 써도 돼?") == "unclear"
    assert korean_negation("커널을 공유하나요?") == ""
    # P "each container uses its own kernel" is false; not-P "different VMs share the kernel" is false
    assert assistant.ask("컨테이너들이 커널을 각자 따로 쓰는 거 아닌가요?").verdict == "no"
    assert assistant.ask("서로 다른 VM에 올리면 커널은 공유 안 하지?").verdict == "yes"


@pytest.mark.parametrize(
    "question, changes",
    [
        ("compose 파일 개수에 따라 커널 공유 여부가 달라져?", True),
        ("파일 두 개로 나누면 결과가 달라졌어?", True),
        ("커널 공유 여부가 달라지나요?", True),
        ("설정이 바뀌어요?", True),
        ("compose 파일을 나누면 커널을 공유하나요?", False),
        ("VM이랑 다르지 않아?", False),
    ],
)
def test_a_korean_question_of_change_is_read_however_its_verb_is_inflected(question, changes):
    """"달라져?" is 달라지다 contracted, which the analyzer reads as 다르- with the auxiliary 지-; "다르지 않아?" is not."""
    from assistant.lexical import tagged_morphemes
    from assistant.question import _korean_change

    assert _korean_change(question, tagged_morphemes(question)) is changes


def test_a_question_of_whether_something_changes_is_not_answered_by_what_holds(assistant):
    """"커널은 항상 공유됩니다" says what holds, not yes to "does the number of compose files change it?"."""
    assert assistant.ask("compose 파일 개수에 따라 커널 공유 여부가 달라져?").verdict != "yes"


def test_evidence_of_the_default_case_does_not_answer_a_question_whose_condition_names_another(assistant):
    """"Docker는 기본적으로 브리지 네트워크를 사용하며 외부와 통신 시 NAT를 거칩니다" says what holds by default: it
    does not answer "if I use --network host, does traffic still go through NAT?", whose condition it does not name,
    but it does answer a question of the default case itself."""
    assert assistant.ask("If I use --network host, does traffic still go through NAT?").verdict != "yes"
    assert assistant.ask("--network host 쓰면 NAT 거치나요?").verdict != "yes"
    assert assistant.ask("Does Docker's default bridge network go through NAT to reach the outside?").verdict == "yes"
    # A sentence of a passage that opens with what holds by default speaks of that case too: "컨테이너가 삭제되면 데이터도
    # 같이 사라집니다" after "컨테이너는 기본적으로 휘발성(Stateless)입니다" does not answer "볼륨 쓰면 …?" (the volume keeps it).
    assert assistant.ask("볼륨 쓰면 컨테이너 삭제해도 데이터 남아있어요?").verdict != "no"
    assert assistant.ask("NAT 오버헤드 없앨려고 --network host 쓰면 되는 건가요?").verdict != "yes"
    assert assistant.ask("컨테이너 삭제하면 데이터도 사라져?").verdict == "yes"


def test_a_statement_of_most_of_the_questions_words_settles_it_when_nothing_else_does(assistant):
    """With no claim and no statement of (nearly) all its words, a statement holding most of a yes/no question's words
    settles it: "docker buildx … 여러 플랫폼(AMD64, ARM 등)에서 실행되는 컨테이너 이미지를 빌드 가능" answers whether buildx
    makes images that run on ARM, though it does not say "make"."""
    assert assistant.ask("Can docker buildx make images that run on ARM machines?").verdict == "yes"


def test_a_statement_of_most_of_the_questions_words_does_not_settle_it_of_another_thing(assistant):
    """The statements that hold most of a question's words settle nothing when they lack a name it asks about, its
    heaviest word or the setting it asks about, say what is needed, say it is hard to do, or say what a thing does
    when the question asks what it does by itself."""
    from assistant.verdict import statement_verdict

    chunk = Chunk("t#a/prose0", "t", "A", "a", "prose", "")

    def verdict(question: str, sentence: str):
        found = statement_verdict(question, None, [(chunk, sentence)], assistant.terms)
        return found.verdict if found is not None else None

    scan = "docker scan: 이미지에 포함된 패키지의 보안 취약점을 자동으로 검사합니다."
    assert verdict("docker scan은 이미지 취약점도 검사해 주는 거야?", scan) == "yes"
    assert verdict("AppArmor는 이미지 취약점도 검사해 주는 거야?", scan) is None  # a name the statement does not say
    assert verdict("Is gVisor a lightweight VM structure?", "Kata Containers: a lightweight VM structure") is None
    privileged = "When the --privileged option is used, the container can access almost all resources of the Host OS."
    assert verdict("Can a --privileged container access the resources of the Host OS?", privileged) == "yes"
    assert verdict("Can I use --privileged containers in production?", privileged) is None  # a setting it does not say
    compose = "In a multi-server environment, Docker Compose needs an additional tool such as Kubernetes."
    assert verdict("Does Docker Compose work in a multi-server environment?", compose) is None
    assert verdict("멀티 서버 환경에서 Docker Compose 운영돼?", "멀티 서버 환경에서 Docker Compose는 추가 도구가 필요합니다.") is None
    from assistant.verdict import _says_need

    assert _says_need("Windows 컨테이너는 별도의 설정이 필요합니다.") and not _says_need("불필요한 패키지가 포함되면 이미지가 커집니다.")
    # ... but a need of what the question asks is what it asks: "보완이 필요합니다" says the issues are to be made up for
    assert verdict("보안 이슈는 샌드박스로 보완하나요?", "보안 이슈는 샌드박스 기술로 보완이 필요합니다.") == "yes"
    handles = "Docker takes care of scheduling and load balancing for dozens of containers."
    assert verdict("Does Docker take care of load balancing for dozens of containers?", handles) == "yes"
    assert verdict("Does Docker by itself take care of load balancing for dozens of containers?", handles) is None
    hard = "Docker는 컨테이너 실행만을 담당하며 대규모 운영 환경에서 컨테이너를 관리하기 어렵습니다."
    assert verdict("도커로 대규모 운영 환경에서 컨테이너를 관리할 수 있나요?", hard) is None
    assert verdict("Can Docker manage containers in a large-scale production environment?", "It is difficult to manage containers in a large-scale production environment with Docker.") is None
    # "설정 없이" (without a setting) is a negation of the question's own: not read
    assert verdict("윈도우 컨테이너는 별도 설정 없이 돌아가나요?", "윈도우 컨테이너는 별도 설정으로 돌아갑니다.") is None


def test_a_long_option_the_question_names_is_what_its_evidence_must_name(assistant):
    """"NAT 오버헤드 싫으면 그냥 --network host 쓰면 되는 거죠?" asks about --network host: "이 과정에서 … 성능 오버헤드가
    존재합니다" speaks of NAT, not of the option, and settles nothing; evidence that names the option still does."""
    assert assistant.ask("NAT 오버헤드 싫으면 그냥 --network host 쓰면 되는 거죠?").verdict != "yes"
    assert assistant.ask("Is --network host faster because it skips NAT?").verdict != "no"
    assert assistant.ask("--network host 쓰면 NAT 생략 가능한가요?").verdict == "yes"
    assert assistant.ask("--privileged 옵션을 쓰면 호스트 자원에 거의 다 접근할 수 있나요?").verdict == "yes"


@pytest.mark.parametrize(
    "text, negated",
    [
        ("cgroups를 설정하지 않으면 시스템 자원을 모두 사용 가능", True),
        ("리소스 제한 안 하면 시스템 전체 CPU를 점유", True),
        ("If cgroups are not configured, all system resources can be used", True),
        ("Without resource limits, it hogs the whole system's CPU", True),
        ("설정에 따라 공유할 수도, 안 할 수도 있음", False),
        ("Host 커널이 뚫리면, 다른 컨테이너도 위험", False),
        ("If the Host kernel is breached, other containers are at risk too", False),
    ],
)
def test_a_condition_of_not_doing_something_is_read(text, negated):
    from assistant.verdict import _negated_condition

    assert _negated_condition(text) is negated


def test_a_question_of_the_default_case_is_answered_plainly_by_a_row_of_what_holds_unless_something_is_done(assistant):
    """"CPU / 메모리 / I/O: 공유 가능 — cgroups를 설정하지 않으면 시스템 자원을 모두 사용 가능" answers "shared?" in part, and
    "isolated by default?" no: by default nothing is set. A row that may be either way by setting (디스크 볼륨) stays a
    partial answer."""
    assert assistant.ask("Are CPU and memory isolated between containers by default?").verdict == "no"
    assert assistant.ask("CPU랑 memory는 default로 container별로 격리돼 있나요?").verdict == "no"
    assert assistant.ask("CPU랑 메모리는 기본적으로 공유돼?").verdict == "yes"
    assert assistant.ask("Are CPU and memory shared between containers?").verdict == "partial"
    assert assistant.ask("디스크 볼륨은 기본적으로 공유돼?").verdict == "partial"


def test_a_claim_that_says_the_questions_phrase_of_another_thing_does_not_answer_it(assistant):
    """"Docker는 리눅스 기반 기술이기 때문에 Windows 컨테이너는 별도의 설정이 필요합니다" says "기반 기술" of Linux: it does not
    answer a question that says it of Windows (written in Hangul or in Latin letters before the Korean noun), while the
    question that keeps its roles is answered."""
    assert assistant.ask("도커는 원래 윈도우 기반 기술이라 리눅스 컨테이너 쓸 때 별도 설정이 필요한 건가요?").verdict is None
    assert assistant.ask("Docker가 원래 Windows 기반 기술이라서 Linux container 돌릴 때 별도 설정이 필요한 거야?").verdict is None
    assert assistant.ask("도커는 리눅스 기반이라 윈도우 컨테이너는 별도 설정이 필요해?").verdict == "yes"


def test_a_latin_word_before_a_bare_korean_noun_modifies_it(assistant):
    from assistant.verdict import _modified_words

    words = _modified_words("Windows 기반 기술이라서 Linux container 돌릴 때", assistant.terms)
    assert [bare for _, bare in words] == [True, True, False, False, False, False, True]  # "때" is a bare noun too


def test_a_statement_that_points_back_holds_what_the_sentence_before_it_named(assistant):
    """"이를 통해 … 외부에서 데이터를 접근하거나 백업하는 것도 가능합니다" speaks of the mount the sentence before it
    defines: it answers a question of backing up data through a mount. Korean demonstratives ("이 과정에서") point
    back as "이를" does; a sentence that opens otherwise does not."""
    from assistant.claims import points_back

    assert points_back("이 과정에서 패킷 주소 변환이 발생하므로 성능 오버헤드가 존재합니다.")
    assert points_back("이를 통해 컨테이너를 삭제해도 데이터는 유지됩니다.")
    assert points_back("Through this, data is kept even if the container is deleted.")
    assert not points_back("이미지 크기가 커질 가능성이 있습니다.")
    assert not points_back("Docker uses a bridge network by default.")
    assert assistant.ask("마운트를 해두면 호스트 쪽에서 데이터를 백업하는 것도 가능한가요?").verdict == "yes"
    assert assistant.ask("With a mount, can I back up the data from outside the container?").verdict == "yes"
    answer = assistant.ask("Does mounting make it possible to back up container data from outside?")
    assert answer.verdict == "yes"
    # the answer leads with the sentence pointed back to, then the one that points back
    assert answer.answer.startswith("Yes — A mount connects a host directory or volume to the inside of a container. Through this,")


def test_a_concession_is_no_condition_and_a_hedging_clause_does_not_unsay_another(assistant):
    """"data is kept even if the container is deleted" holds either way ("even if" concedes); in "…, and it is also
    possible to access or back up the data from outside" the hedge of one clause does not unsay the other."""
    from assistant.verdict import statement_polarity

    from assistant.claims import split_sentences
    from assistant.verdict import full_statements

    assert statement_polarity("Data is kept even if the container is deleted.") == "yes"
    assert statement_polarity("Data is kept if the container is stopped.") is None
    question = "would a bind mount fix data?"
    yes_no, asked = assistant._yes_no(question)
    found = [
        polarity
        for chunk in assistant.index.chunks
        if chunk.kind == "prose"
        for sentence in split_sentences(chunk.text)
        if sentence.startswith("Through this, data is kept")
        for polarity, _, _ in full_statements(yes_no, asked, [(chunk, sentence)], assistant.terms, assistant.lexicon)
    ]
    assert found == ["yes"]


def test_inside_between_two_nouns_is_no_negation(assistant):
    """"이미지 안 패키지들" is the packages inside the image: 안 between two nouns, the second not made a verb, is the
    noun "inside", not the adverb that negates a predicate ("데이터 안 저장해?")."""
    from assistant.lexical import tagged_morphemes

    assert ("안", "NNG") in tagged_morphemes("컨테이너 안 데이터는 사라지나요?")
    assert ("안", "MAG") in tagged_morphemes("데이터 안 저장해?")
    assert ("안", "MAG") in tagged_morphemes("캐시 안 써?")
    assert assistant.ask("docker scan이 이미지 안 패키지들의 보안 취약점을 자동으로 검사해 주나요?").verdict == "yes"


def test_a_question_of_whether_something_exists_is_answered_by_a_statement_that_it_exists(assistant):
    """"오버헤드가 전혀 없나요?" says of its subject only whether it exists: "성능 오버헤드가 존재합니다" answers it no.
    A word a statement holds inside a glossary phrase ("변환" of "주소 변환") is one it holds."""
    from assistant.question import korean_negation

    assert korean_negation("성능 저하는 없어?") == "content"
    assert korean_negation("문제 없는데 써도 돼?") == "unclear"  # 없다 in a clause before the question's own predicate
    assert assistant.ask("NAT 변환은 성능 오버헤드가 전혀 없나요?").verdict == "no"


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("도커 스웜이 쿠버네티스보다 간단한 편이야?", "yes"),
        ("Is Swarm simpler than Kubernetes?", "yes"),
        ("쿠버네티스가 스웜보다 더 간단한가요?", "no"),
        ("Is Kubernetes simpler than Docker Swarm?", "no"),
        # a property no statement compares, and one of what can be: no verdict
        ("Docker Swarm이 쿠버네티스보다 보안이 더 강해?", None),
        ("Docker Swarm을 쿠버네티스보다 간단한 오케스트레이션 도구로 쓸 수 있나요?", None),
    ],
)
def test_a_comparison_is_answered_by_a_statement_of_the_same_comparison(assistant, question, verdict):
    """"A가 B보다 P?" is yes when a statement says A is P-er than B ("Docker Swarm 활용으로 Kubernetes보다 간단한 …"), no
    when it says B is, in the same words."""
    assert assistant.ask(question).verdict == verdict


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # "Docker Swarm 활용으로 Kubernetes보다 간단한 오케스트레이션 도구로 사용 가능합니다. (단, 기능이 제한적)"
        ("Docker Swarm이 쿠버네티스보다 기능이 더 많아?", "no"),
        ("스웜이 쿠버네티스만큼 기능이 풍부한가요?", "no"),
        ("Is Docker Swarm as feature-rich as Kubernetes?", "no"),
        ("Does Docker Swarm offer the same feature set as Kubernetes?", "no"),
        ("Does Kubernetes have more features than Docker Swarm?", "yes"),
        ("Does Docker Swarm have fewer features than Kubernetes?", "yes"),
        ("Is Docker Swarm both simpler and more feature-rich than Kubernetes?", "no"),
        ("Could Docker Swarm stand in for Kubernetes?", "partial"),
        ("도커 스웜으로 쿠버네티스를 완전히 대체할 수 있나요?", "partial"),
        ("Swarm을 쿠버네티스 대신 써도 되나요?", "partial"),
        ("Could I just use Docker Swarm instead of Kubernetes for orchestration?", "partial"),
        # the other way round, a respect the concession does not name, a respect asked beside the place: no verdict
        ("Can Kubernetes replace Docker Swarm?", None),
        ("Is Docker Swarm as secure as Kubernetes?", None),
        ("Is Swarm a simpler alternative to Kubernetes?", None),
        ("Is Swarm pitched as a lighter-weight alternative to Kubernetes?", None),
        ("What about Swarm instead of Kubernetes, is it just as capable?", None),
        ("Kubernetes 말고 좀 더 간단한 오케스트레이션 툴 있나요?", None),
    ],
)
def test_a_comparison_with_a_concession_answers_how_much_of_that_respect_each_side_has(assistant, question, verdict):
    """A comparison that concedes what the compared thing lacks ("simpler than Kubernetes (but its features are
    limited)") says it has less of that than the other: no to "as many features as" / "more features than", yes to
    "fewer"; and to "can it take the other's place?" a partial yes."""
    assert assistant.ask(question).verdict == verdict


def test_a_conceded_comparison_is_read_in_any_post(assistant):
    """The concession is read from the words of comparison and of lack in general English, in the comparison's
    sentence or opening the next one, with a pronoun subject standing for what the section's heading names."""
    from assistant.verdict import comparison, comparison_verdict, conceded_comparisons, concession_verdict

    terms = assistant.terms
    chunk = Chunk("d#mesh/p0", "d", "Service Mesh > Linkerd", "mesh", "prose", "")
    sentences = [(chunk, "It is simpler and faster than Istio, but it has fewer features."), (chunk, "Teams like it.")]
    [(stated, respect, _, _)] = conceded_comparisons(sentences, terms)
    assert terms.keys("Linkerd") <= stated.a and stated.b == terms.keys("Istio") and terms.keys("features") <= respect
    assert concession_verdict("Does Linkerd have as many features as Istio?", sentences, terms).verdict == "no"
    assert concession_verdict("Does Istio have more features than Linkerd?", sentences, terms).verdict == "yes"
    assert concession_verdict("Can Linkerd replace Istio?", sentences, terms).verdict == "partial"
    assert concession_verdict("Is Linkerd as fast as Istio?", sentences, terms) is None
    # a comparison with no concession of lack concedes nothing
    assert conceded_comparisons([(chunk, "It is simpler than Istio, but teams like it.")], terms) == []
    # "less P than" is the other way round from "more P than"
    assert comparison("Containers use less memory than VMs.", terms).less
    assert not comparison("Do containers use more memory than VMs?", terms).less
    said = [(Chunk("d#c/p0", "d", "Containers", "c", "prose", ""), "Containers use far less memory than VMs.")]
    assert comparison_verdict("Do containers use more memory than VMs?", None, said, terms).verdict == "no"
    assert comparison_verdict("Do containers use less memory than VMs?", None, said, terms).verdict == "yes"
    # each side by the names it holds: the verb left on the asked side ("do VMs use …") is no part of it
    said = [(Chunk("d#c/p1", "d", "Containers", "c", "prose", ""), "It shares the kernel, which is why containers start fast and use far less memory than virtual machines.")]
    assert comparison_verdict("Do virtual machines use more memory than containers?", None, said, terms).verdict == "yes"
    assert comparison_verdict("Do containers use more memory than virtual machines?", None, said, terms).verdict == "no"


def test_a_comparison_is_read_into_its_two_sides_and_property(assistant):
    from assistant.verdict import comparison

    terms = assistant.terms
    found = comparison("가상머신이 컨테이너보다 격리 수준이 더 높은가요?", terms)
    assert found.a == terms.keys("가상머신") and found.b == terms.keys("컨테이너") and terms.keys("격리") <= found.p
    found = comparison("Is a container lighter than a VM?", terms)
    assert found.a == terms.keys("container") and found.b == terms.keys("VM") and found.p == terms.keys("lighter")
    assert comparison("compose 두 개로 나눠 돌리는 게 Kata Containers 쓰는 것보다 커널 격리가 더 강한가요?", terms) is None
    assert comparison("Docker uses a bridge network by default.", terms) is None


def test_a_default_passage_does_not_answer_a_question_that_names_a_thing_it_leaves_out(assistant):
    """"Containers are volatile (Stateless) by default. When a container is deleted, its data disappears along with
    it." speaks of the default case: it does not answer a question about a volume or a bind mount, whatever
    condition they share; a question of containers themselves is still answered. The posts' topic words (in a third
    of the passages or more: "Docker", "container") are said of every passage."""
    # (the default passage would say yes; the Volume's own sentence, "Volume은 … 삭제 시에도 보존이 가능합니다", names
    # the question's condition and says no)
    answer = assistant.ask("Does a Volume get wiped out when the container using it is deleted?")
    assert answer.verdict == "no" and "Volume" in answer.citations[0].quote
    assert assistant.ask("Does a bind mount keep the data when the container is deleted?").verdict is None
    assert assistant.ask("Do containers lose their data when they are deleted?").verdict == "yes"
    terms = assistant.terms
    assert terms.passage_share(next(iter(terms.keys("container")))) >= 1 / 3 > terms.passage_share(next(iter(terms.keys("volume"))))


def test_a_verb_of_remedy_before_the_asked_noun_asks_of_its_negation(assistant):
    """"fix data loss" asks whether the data is not lost: "data is kept even if the container is deleted" answers it
    yes. "does a volume keep the data?" asks of keeping itself."""
    from assistant.question import _english_prevents

    assert _english_prevents("would a bind mount fix data loss?", "loss")
    assert _english_prevents("does a volume prevent the data loss?", "loss")
    assert not _english_prevents("does a volume keep the data?", "keep")
    assert assistant.ask("Would a bind mount fix data loss?").verdict == "yes"


def test_what_a_question_likens_its_subject_to_is_not_what_it_asks(assistant):
    """"the same way a VM does" likens (its "same" is no predicate of sharing); a negation after the predicate's
    particle negates it ("커널 공유는 안 하죠?")."""
    from assistant.question import read_question

    lexicon = assistant.lexicon
    assert read_question("Does Docker separate the kernel between containers the same way a VM does?", lexicon).predicate == "separate"
    assert assistant.ask("Does Docker separate the kernel between containers the same way a VM does?").verdict == "no"
    assert read_question("서로 다른 EC2에 올리면 둘이 커널 공유는 안 하죠?", lexicon).negated
    assert assistant.ask("날씨 서비스는 EC2 A, 투두 서비스는 EC2 B에 각각 올리면 둘이 커널 공유는 안 하죠?").verdict == "yes"


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("According to the post, does Kubernetes support rolling updates?", "yes"),
        ("Does the article say that Docker is a Linux-based technology?", "yes"),
        ("도커 컴포즈는 단일 서버에서만 동작한다고 나와 있나요?", "yes"),
    ],
)
def test_a_question_framed_as_what_the_post_says_asks_what_it_reports(assistant, question, verdict):
    """"According to the post", "does the article say", "…다고 나와?": the post and the verb that reports it frame the
    question; a statement of what they report settles it."""
    assert assistant.ask(question).verdict == verdict


def test_the_words_of_reported_speech_are_the_frame(assistant):
    from assistant.verdict import _reported_keys

    terms = assistant.terms
    assert _reported_keys("Does the article say distroless images help?", terms) == terms.keys("article say")
    assert _reported_keys("이 글에서 쿠버네티스가 롤링 업데이트를 지원한다고 나와?", terms) == terms.keys_of(["글", "나오"])
    assert _reported_keys("Does Kubernetes support rolling updates?", terms) == frozenset()
    assert _reported_keys("쿠버네티스가 롤링 업데이트를 지원하나요?", terms) == frozenset()


def test_a_korean_noun_made_a_verb_is_a_predicate_a_statement_must_hold(assistant):
    """"속도를 포기하는 구조라고 나와?" asks whether speed is given up: "보안과 속도 모두 확보" holds its other words,
    not that."""
    assert assistant.ask("Kata Containers는 보안을 위해 속도를 희생하는 구조라고 나와?").verdict is None
    assert assistant.ask("Kata Containers는 보안 때문에 속도를 포기하는 구조라고 나와?").verdict is None


def test_a_dash_between_spaces_sets_off_a_clause():
    """"… is fully self-hosted — no data sent to third parties …": the "no" of the clause after the dash does not deny
    what the clause before it states."""
    from assistant.verdict import statement_clauses

    assert statement_clauses("Docker uses a bridge network by default — no extra setup is needed.") == (
        ("", "Docker uses a bridge network by default"),
        ("", "no extra setup is needed."),
    )


def _statement_verdict(assistant, question: str, sentence: str, asked=None):
    """The verdict one sentence of prose gives a question on its own (statement_verdict), or None."""
    from assistant.verdict import statement_verdict

    chunk = Chunk("t#a/prose0", "t", "A", "a", "prose", "")
    found = statement_verdict(question, asked, [(chunk, sentence)], assistant.terms)
    return None if found is None else found.verdict


def test_a_statement_after_a_dash_clause_is_read_by_its_own_clause(assistant):
    sentence = "Docker uses a bridge network by default — no extra setup is needed."
    assert _statement_verdict(assistant, "Does Docker use a bridge network by default?", sentence) == "yes"


def test_evidence_that_says_the_prevention_answers_a_question_of_prevention_as_it_stands(assistant):
    """"Does a volume prevent data loss?" asks whether data is not lost: evidence of loss ("data is lost when …") is
    read reversed, but evidence that says the prevention itself ("A volume prevents data loss …") answers as it
    stands; evidence of both kinds at once is read two ways and settles nothing."""
    from assistant.verdict import _flips

    question = "Does a volume prevent data loss?"
    asked = read_question(question, assistant.lexicon)
    assert asked.prevented
    assert _flips(question, asked) is True
    assert _flips(question, asked, ("A volume prevents data loss.",)) is False
    assert _flips(question, asked, ("데이터 손실을 방지합니다.",)) is False
    assert _flips(question, asked, ("A volume prevents data loss.", "Data is lost when the container is deleted.")) is None
    assert _statement_verdict(assistant, question, "A volume prevents data loss when the container is deleted.", asked) == "yes"


def test_a_word_ending_in_s_is_a_plural_only_of_a_word_the_posts_use(assistant):
    """"vms", "cgroups", "vulns" are plurals of words the post uses (or clips); "rootless" is no plural of a near
    spelling of "root", so a question about rootless Docker names something the post never mentions."""
    subjects = assistant.key_subjects
    assert subjects.covered("vms") and subjects.covered("cgroups") and subjects.covered("vulns")
    assert not subjects.covered("rootless")
    assert assistant.ask("How do I set up rootless Docker?").refused


def test_a_word_the_posts_use_through_its_translation_is_no_subcommand(assistant):
    """"docker drawbacks" is Docker's drawbacks (단점, which the post uses), not a subcommand the article never runs;
    "docker logs" still is one."""
    assert assistant.key_subjects.uncovered("What are the main docker drawbacks?").operations == ()
    assert not assistant.ask("What are the main docker drawbacks?").refused
    assert assistant.key_subjects.uncovered("How do I use docker logs to debug?").operations == ("docker logs",)


def test_words_that_only_ask_for_something_do_not_count_in_lexical_coverage(assistant):
    """"명령어 알려줘", "show me the command": the request says nothing of what the question is about."""
    from assistant.lexical import tokenize

    coverage = assistant.retriever.lexical_coverage
    assert coverage(tokenize("compose 파일 두 개로 나눠서 띄우는 명령어 알려줘")) == coverage(tokenize("compose 파일 두 개로 나눠서 띄우는"))
    assert coverage(tokenize("show me the command for a bind mount")) == coverage(tokenize("a bind mount"))


@pytest.mark.parametrize(
    "question, asks",
    [
        ("With a volume, can I keep the logs?", True),
        ("Are there images that can run anywhere?", True),
        ("Does a volume let me share files between containers?", True),
        ("볼륨으로 로그를 보관할 수도 있나요?", True),
        ("볼륨으로 로그를 보관할 수는 있어?", True),
        ("Does a volume keep the logs?", False),
        ("볼륨이 로그를 보관하나요?", False),
    ],
)
def test_a_question_of_possibility_in_any_of_its_forms(question, asks):
    """"할 수도 있나요", "that can …", "lets me …" ask what can be, as "can …?" does: a statement of what is possible
    answers them yes, whichever of the question's readings (a predicate read or not) asks."""
    from assistant.question import asks_possibility

    assert asks_possibility(question) is asks


def test_a_statement_of_what_is_possible_answers_a_question_of_possibility(assistant):
    question, sentence = "볼륨을 쓰면 컨테이너 밖에서 로그를 보관할 수도 있나요?", "볼륨을 쓰면 컨테이너 밖에서 로그를 보관하는 것도 가능합니다."
    assert _statement_verdict(assistant, question, sentence) == "yes"


def test_of_two_clauses_of_a_sentence_the_one_that_names_what_is_asked_answers(assistant):
    """"각 컨테이너는 논리적으로 독립되어 있으나 동일한 커널을 공유하며 동작합니다": the first clause speaks of the
    containers, the second of their kernel; a question about the kernel is answered by the second alone."""
    from assistant.question import read_question
    from assistant.verdict import score_claims

    question = "Do containers on one host use the same kernel?"
    asked = read_question(question, assistant.lexicon)
    claims = [c for found in assistant.claims.values() for c in found if "logically independent" in c.text or "논리적으로 독립" in c.text]
    scored = score_claims(question, asked, claims, assistant.terms, assistant.lexicon)
    assert scored and {value for _, value, _ in scored} == {"yes"}


def test_an_inflection_of_a_general_word_is_no_key_subject(assistant):
    """"reusing", "hardening", "reboots" are inflections of general English words (reuse, harden, reboot) that the
    word lists leave out: no names of something the post never mentions. An acronym is inflected only by a small s
    ("GPUs" as "GPU"), so "CORS" and "CVEs" stay what they are, and a name stays a name ("LXC")."""
    from assistant.answerability import RARE_ZIPF, base_forms, inflected_zipf

    assert "reuse" in base_forms("reusing") and "stop" in base_forms("stopped") and "library" in base_forms("libraries")
    assert "box" in base_forms("boxes") and "cv" not in base_forms("cves")
    assert all(inflected_zipf(word, word) >= RARE_ZIPF for word in ("reusing", "hardening", "reboots"))
    assert inflected_zipf("gpus", "GPUs") == inflected_zipf("gpu", "GPU")
    assert all(inflected_zipf(word.lower(), word) < RARE_ZIPF for word in ("CORS", "CVEs", "LXC"))
    assert not assistant.key_subjects.uncovered("Which docker build option avoids reusing stale layers?").words
    assert assistant.key_subjects.uncovered("How do I enable CORS for the API container?").words == ("cors",)


@pytest.mark.parametrize(
    "question, likened",
    [
        ("Can tools like Terraform be used to roll out containers?", ()),
        ("Can I keep the data on something like an NFS share?", ()),
        ("Are those suggested for places like banks?", ()),
        ("my image is like 900MB, is that normal for Docker?", ()),
        ("Are containers like VMs?", ("vms",)),
        ("Are containers isolated like VMs?", ("vms",)),
        ("Is gVisor a sandbox like Kata?", ("kata",)),
        ("Are the containers as isolated as VMs?", ("vms",)),
        ("Can the data live on external storage like an NFS share or S3?", ()),
        ("Are containers isolated like VMs, or not?", ("vms",)),
    ],
)
def test_like_that_gives_examples_is_no_likeness(question, likened):
    """"tools like Terraform", "something like an NFS share", "storage like an NFS share or S3", "like 900MB" give
    examples or a figure; "are containers like VMs?", "isolated like VMs (, or not)", "a sandbox like Kata" liken the
    subject to another thing."""
    from assistant.verdict import qualifiers

    assert qualifiers(question).likeness == likened


@pytest.mark.parametrize(
    "question, likened",
    [
        ("Can docker buildx produce images that run on ARM as well as AMD64?", ()),
        ("Can I build images for it as well as amd64?", ()),
        ("As long as everything is on one host, do containers share the kernel?", ()),
        ("Is the data kept as soon as it is written?", ()),
        ("Does Docker isolate as well as a VM?", ("vm",)),
        ("Does Swarm cover that as well as Kubernetes?", ("kubernetes",)),
        ("Does it run on Linux as well as a VM does?", ("vm does",)),
        ("Is it as strong as a VM?", ("vm",)),
    ],
)
def test_as_well_as_that_joins_and_as_long_as_are_no_likeness(question, likened):
    """"as long as" and "as soon as" open a condition or a time, and "as well as" after a prepositional phrase joins
    two things of a kind ("for ARM as well as AMD64"); after a verb or its object it likens ("isolate as well as a VM")."""
    from assistant.verdict import _asks_equal_degree, qualifiers

    assert qualifiers(question).likeness == likened
    assert _asks_equal_degree(question) == bool(likened)


def test_a_question_of_two_joined_things_is_answered_by_a_statement_of_both(assistant):
    """"ARM as well as AMD64" asks of both platforms, not whether ARM is as good as AMD64: the sentence that builds
    images for "여러 플랫폼(AMD64, ARM 등)" says yes; "as long as …" is the question's condition, not what it asks, so
    "the same host" in it does not make it a question of sharing."""
    answer = assistant.ask("Can docker buildx produce images that run on ARM as well as AMD64?")
    assert answer.verdict == "yes"
    assert answer.citations[0].section.endswith("운영체제 종속성과 해결")
    from assistant.question import read_question

    assert read_question("As long as everything's on the same host, does splitting into more compose files ever split the kernel?", assistant.lexicon) is None
    assert assistant.ask("As long as everything's on the same host, does splitting into more compose files ever split the kernel?").verdict != "yes"


def test_is_it_true_that_asks_its_clause(assistant):
    """"Is it true that S?" asks whether S holds: its "it" is no pronoun whose subject an earlier turn must supply, so
    the question gets the verdict S asked plainly gets."""
    assert assistant.ask("Is it true that Docker containers share the host kernel?").verdict == "yes"
    assert assistant.ask("Is it true containers are stateless?").verdict == assistant.ask("Are containers stateless?").verdict == "yes"


def test_a_condition_after_a_discourse_word_is_the_questions_condition(assistant):
    """"And if each one runs on its own EC2 instance, is the kernel still shared?": the opening "and" leaves the
    condition a condition, as it is without it."""
    from assistant.question import read_question

    asked = read_question("And if each one runs on its own EC2 instance, is the kernel still shared?", assistant.lexicon)
    assert asked is not None and asked.predicate == "share"
    assert assistant.ask("And if each one runs on its own EC2 instance, is the kernel still shared?").verdict == "no"
    assert assistant.ask("so if I split them into two compose files, is the kernel still shared?").verdict == "yes"
    # a premise ("since …,") is no condition set before the question: its words are not read past
    assert assistant.ask("So since namespaces split PID, network and filesystem, is everything fully separated?").verdict != "yes"


def test_questions_a_plain_verdict_does_not_answer(assistant):
    """"Is it false that …?" asks the other way round; "less isolated" asks a degree that evidence of isolation, or of a
    shared kernel, does not give; "…, they don't share a kernel anymore, right?" asks to confirm a negation, which
    "don't they …?" asks the other way round: none of them gets the verdict of the plain question."""
    from assistant.question import read_question

    assert assistant.ask("Is it false that the host OS kernel is shared by every container on that host?").verdict != "yes"
    assert assistant.ask("Is it right that containers are less isolated security-wise since they all run on top of the host's kernel?").verdict != "no"
    question = "So if weather runs on EC2 instance A and todo on instance B, they don't share a kernel anymore, right?"
    assert read_question(question, assistant.lexicon) is None
    assert assistant.ask(question).verdict != "no"


def test_a_dash_between_spaces_sets_off_a_claim_of_its_own(assistant):
    """"There is no lightweight parser for it — libclang is heavy": the "no" of the first clause does not deny that
    libclang is heavy, in the claims as in the statements (statement_clauses)."""
    from assistant.claims import english_clause_claims

    claims = english_clause_claims("There is no lightweight parser for it — libclang is heavy.", assistant.lexicon)
    assert ("large", "yes", "libclang is heavy.", "") in claims
    assert all(value == "no" for _, value, own, _ in claims if "lightweight" in own)


def _restriction_verdict(assistant, question: str, sentence: str):
    """The verdict one sentence's restriction to one of a thing gives a question (restriction_verdict), or None."""
    from assistant.verdict import restriction_verdict

    chunk = Chunk("t#a/prose0", "t", "A", "a", "prose", "")
    found = restriction_verdict(question, read_question(question, assistant.lexicon), [(chunk, sentence)], assistant.terms)
    return None if found is None else found.verdict


@pytest.mark.parametrize(
    "question",
    [
        "Does docker compose work across multiple servers?",
        "i've got 40 containers spread over 3 servers, is docker compose enough to manage them?",
        "도커 컴포즈는 여러 서버에 걸쳐서도 동작하나요?",
        "서버 여러 대면 Compose만으로 운영 충분할까요?",
    ],
)
def test_a_restriction_to_one_server_answers_a_question_of_several_no(assistant, question):
    """"Docker Compose only works on a single server": general language reads a restriction to one as excluding
    more than one, so a question of Compose across several servers is answered no, in either language."""
    answer = assistant.ask(question)
    assert answer.verdict == "no"
    assert "Compose" in answer.citations[0].quote or "Compose" in answer.answer


def test_a_restriction_to_one_does_not_answer_what_it_does_not_exclude(assistant):
    """The restriction answers only a question of its subject with more than one of its head noun: not one of one
    of it, not one of the need the sentence names, not one about another subject."""
    sentence = "Docker Compose only works on a single server, so in a multi-server environment an additional tool such as Kubernetes is needed."
    assert _restriction_verdict(assistant, "Does Docker Compose work across multiple servers?", sentence) == "no"
    assert _restriction_verdict(assistant, "Does Docker Compose work on one server?", sentence) is None
    assert _restriction_verdict(assistant, "Does Docker Compose need an additional tool for multiple servers?", sentence) is None
    assert _restriction_verdict(assistant, "Does Kubernetes work across multiple servers?", sentence) is None
    assert assistant.ask("Is Docker Compose limited to a single server?").verdict == "yes"


def test_a_restriction_to_one_is_read_in_any_post(assistant):
    """Nothing of the rule is this article's: a sentence of another domain restricts the same way."""
    sentence = "SQLite only allows a single writer at a time."
    assert _restriction_verdict(assistant, "Can SQLite have multiple writers at once?", sentence) == "no"
    assert _restriction_verdict(assistant, "Can't SQLite have several writers?", sentence) == "no"
    assert _restriction_verdict(assistant, "Can SQLite have one writer?", sentence) is None
    assert _restriction_verdict(assistant, "Is SQLite limited to multiple writers?", sentence) is None
    assert _restriction_verdict(assistant, "Can PostgreSQL have multiple writers?", sentence) is None


@pytest.mark.parametrize(
    "question",
    [
        "Does plain Docker on its own handle scheduling and load balancing for a big fleet of containers?",
        "도커 혼자서 대규모 환경 스케줄링이랑 로드밸런싱까지 다 해줌?",
    ],
)
def test_a_restriction_to_one_task_answers_whether_the_subject_alone_does_more(assistant, question):
    """"Docker is only responsible for running containers": a question of whether Docker by itself does something
    else that its section names (scheduling, load balancing) is answered no."""
    assert assistant.ask(question).verdict == "no"


def test_a_restriction_to_one_task_answers_only_questions_of_what_its_section_names(assistant):
    """Only a question of sufficiency ("by itself", "혼자서"), of the sentence's subject, about terms that the other
    sentences of its section say: not one of what the subject is restricted to, nor of another subject, nor one
    without "by itself", nor one that names a term the section does not say; and a restriction of manner ("only runs
    on one core") restricts no task."""
    from assistant.verdict import restriction_verdict

    def verdict(question, sentence):
        section = [
            (Chunk("t#a/prose0", "t", "A", "a", "prose", ""), sentence),
            (Chunk("t#a/prose1", "t", "A", "a", "prose", ""), "At scale, scheduling and load balancing are needed."),
        ]
        found = restriction_verdict(question, read_question(question, assistant.lexicon), section, assistant.terms)
        return None if found is None else found.verdict

    role = "Docker is only responsible for running containers."
    assert verdict("Does Docker by itself handle scheduling?", role) == "no"
    assert verdict("Does Docker by itself handle scheduling?", "Docker only runs on one core at a time.") is None
    for question in (
        "Does Docker by itself handle running containers?",
        "Does Docker handle scheduling?",
        "Does Kubernetes by itself handle scheduling?",
        "Does Docker by itself handle scheduling of volumes?",
    ):
        assert verdict(question, role) is None, question


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("멀티스테이지 빌드 쓰면 불필요한 파일이 이미지에 포함되나요?", "no"),
        ("Does a multi-stage build include unnecessary files in the image?", "no"),
        ("Does a multi-stage build avoid including unnecessary files?", "yes"),
    ],
)
def test_a_statement_of_prevention_answers_the_prevented_predicate_reversed(assistant, question, verdict):
    """"불필요한 파일 포함을 방지합니다" / "to avoid including unnecessary files" say the files are not included: a
    question whether they are included is answered no, one whether their inclusion is avoided yes."""
    assert assistant.ask(question).verdict == verdict


def test_the_words_a_verb_of_prevention_governs():
    from assistant.claims import prevented as _prevented

    assert _prevented("separate the build process to avoid including unnecessary files") == [("including", "including")]
    assert _prevented("불필요한 파일 포함을 방지합니다.") == [("포함", "파일 포함")]
    assert _prevented("Overlap keeps chunks from losing context.") == [("losing", "losing")]
    assert _prevented("Overlap prevents information loss at chunk boundaries.") == [("loss", "information loss")]
    assert _prevented("It runs containers.") == []


def test_a_claim_of_prevention_answers_a_question_of_the_predicate_reversed(assistant):
    """"Overlap prevents information loss" (a post nobody here wrote) claims loss as prevented: "does overlap lose
    information?" is answered from it reversed, "does overlap prevent losing information?" as it stands."""
    from assistant.claims import prose_claims
    from assistant.verdict import _flips

    chunk = Chunk("t#a/prose0", "t", "A", "a", "prose", "Overlap prevents information loss at chunk boundaries.")
    claims = [claim for claim in prose_claims(chunk, assistant.lexicon) if claim.prevented]
    assert claims
    evidence = (claims[0].text,)
    plain = "Does overlap lose information at chunk boundaries?"
    assert _flips(plain, read_question(plain, assistant.lexicon), evidence, (True,)) is True
    assert _flips(plain, read_question(plain, assistant.lexicon), evidence, (True, False)) is None
    asked = "Does overlap prevent losing information at chunk boundaries?"
    assert _flips(asked, read_question(asked, assistant.lexicon), evidence, (True,)) is False


@pytest.mark.parametrize(
    "question",
    [
        "윈도우 컨테이너는 별도 설정 없이 그냥 바로 돌아가?",
        "윈도우 컨테이너는 따로 설정 안 해도 그냥 돌아가나요?",
        "Do Windows containers just work in Docker without any additional configuration?",
    ],
)
def test_a_statement_of_need_answers_whether_its_subject_works_without_it(assistant, question):
    """"Windows 컨테이너는 별도의 설정이 필요합니다": general language reads a need as the thing not functioning
    without it, so a question of whether Windows containers run without that setup is answered no."""
    answer = assistant.ask(question)
    assert answer.verdict == "no"
    assert "Windows" in answer.answer


def _need_verdict(assistant, question: str, sentence: str):
    """The verdict one sentence's statement of need gives a question (need_verdict), or None."""
    from assistant.verdict import need_verdict

    chunk = Chunk("t#a/prose0", "t", "A", "a", "prose", sentence)
    found = need_verdict(question, read_question(question, assistant.lexicon), [(chunk, sentence)], assistant.terms)
    return None if found is None else found.verdict


def test_a_statement_of_need_answers_only_what_it_needs_its_subject_for(assistant):
    """Only a question of whether the same subject functions without what the sentence says it needs: not one of
    another subject, of another thing gone without, of a need itself, of another verb than functioning, nor one
    the sentence hedges or denies the need of; and the rule is no article's own (a sentence of another domain)."""
    sentence = "Because Docker is a Linux-based technology, Windows containers require separate configuration."
    assert _need_verdict(assistant, "Can I run Windows containers without any extra configuration?", sentence) == "no"
    assert _need_verdict(assistant, "Can I run Linux containers without any extra configuration?", sentence) is None
    assert _need_verdict(assistant, "Can I run Windows containers without a volume?", sentence) is None
    assert _need_verdict(assistant, "Do Windows containers need extra configuration?", sentence) is None
    assert _need_verdict(assistant, "Are Windows containers slower without extra configuration?", sentence) is None
    hedged = "Windows containers may require separate configuration."
    assert _need_verdict(assistant, "Can I run Windows containers without any extra configuration?", hedged) is None
    denied = "Server-sent events require no library."
    assert _need_verdict(assistant, "Do server-sent events work without a library?", denied) is None
    other = "The pg_cron extension requires superuser privileges."
    assert _need_verdict(assistant, "Does the pg_cron extension work without superuser privileges?", other) == "no"
    assert _need_verdict(assistant, "Is the pg_cron extension slower without superuser privileges?", other) is None
    assert _need_verdict(assistant, "윈도우 컨테이너는 설정 없이는 안 돌아가?", "Windows 컨테이너는 별도의 설정이 필요합니다.") is None


@pytest.mark.parametrize(
    "question, verdict",
    [
        ("Does the author recommend Kubernetes for running just a single container?", "no"),
        ("Does the wrap-up recommend Kubernetes for running complex services?", "yes"),
        ("For running a complex set of services, is plain Docker Compose the recommended route?", "no"),
        ("single container 정도 운영이면 그냥 Docker Compose로 충분한가요?", "yes"),
    ],
)
def test_a_list_pairing_cases_with_choices_answers_which_goes_with_which(assistant, question, verdict):
    """"단일 컨테이너 운영은 Docker Compose로 / 복잡한 서비스 운영은 Kubernetes로": each case goes with its own choice,
    so a recommendation of one choice for the other case is answered no."""
    answer = assistant.ask(question)
    assert answer.verdict == verdict
    assert answer.citations[0].section in ("마무리", "Wrapping Up")


def _pairing_verdict(assistant, question: str, items: list[str], lang: str):
    """The verdict a list of pairings (one prose chunk per item, as a Markdown list is indexed) gives a question."""
    from assistant.verdict import pairing_verdict

    sentences = [(Chunk(f"t#a/prose{i}", "t", "A", "a", "prose", item, lang=lang), item) for i, item in enumerate(items)]
    found = pairing_verdict(question, sentences, assistant.terms)
    return None if found is None else found.verdict


def test_a_list_pairing_answers_only_a_question_of_choosing_one_named_case(assistant):
    """The pairing reader is no article's own (a list of another domain), answers only a question of what to choose,
    needs one case and one choice of the list named, and a number against the case's is no match."""
    from assistant.verdict import pairing

    assert pairing("단일 컨테이너 운영은 Docker Compose로") == ("단일 컨테이너 운영", "Docker Compose")
    assert pairing("Complex service operation with Kubernetes") == ("Complex service operation", "Kubernetes")
    assert pairing("Security issues need to be complemented with sandbox or VM isolation technologies.") is None
    assert pairing("보안 이슈는 샌드박스나 VM 격리 기술로 보완이 필요합니다.") is None
    english = ["Prototyping with SQLite", "Production with PostgreSQL"]
    assert _pairing_verdict(assistant, "Does the author recommend SQLite for production?", english, "en") == "no"
    assert _pairing_verdict(assistant, "Is PostgreSQL recommended for production?", english, "en") == "yes"
    assert _pairing_verdict(assistant, "Is SQLite enough for prototyping?", english, "en") == "yes"
    assert _pairing_verdict(assistant, "Should I use MySQL for production?", english, "en") is None  # no choice of the list
    assert _pairing_verdict(assistant, "Is SQLite slow in production?", english, "en") is None  # not a question of choosing
    assert _pairing_verdict(assistant, "Should I use SQLite for prototyping and production?", english, "en") is None  # two cases
    assert _pairing_verdict(assistant, "Does the author recommend SQLite for production?", english[:1], "en") is None  # one pairing is no list
    korean = ["개발 환경은 SQLite로", "운영 환경은 PostgreSQL로"]
    assert _pairing_verdict(assistant, "운영 환경에는 PostgreSQL을 추천하나요?", korean, "ko") == "yes"
    assert _pairing_verdict(assistant, "개발할 때는 SQLite로 충분해?", korean, "ko") == "yes"
    docker = ["단일 컨테이너 운영은 Docker Compose로", "복잡한 서비스 운영은 Kubernetes로"]
    # "Compose 하나만으로" says one Compose, not one container; "many containers" is neither case
    assert _pairing_verdict(assistant, "Docker Compose 하나만으로 컨테이너 오케스트레이션 충분함?", docker, "ko") is None
    assert _pairing_verdict(assistant, "여러 컨테이너 운영에도 Docker Compose로 충분한가요?", docker, "ko") is None


@pytest.mark.parametrize(
    "question, verdict",
    [
        ("is it ok to run containers w/ --privileged in prod?", "no"),
        ("is it ok to run with --privilaged in prod", "no"),
        ("Does plain dokcer handle scheduling and load balancing for a big fleet on its own?", "no"),
    ],
)
def test_the_verdict_reads_clipped_and_misspelled_words_of_the_posts_whole(assistant, question, verdict):
    """"prod" is production, "--privilaged" is --privileged, "dokcer" is docker: the verdict stage reads the question
    with them written as the posts write them, as retrieval already searches it."""
    assert assistant.ask(question).verdict == verdict


def test_a_clipped_word_is_written_whole_only_when_it_stands_for_one_word_of_the_posts(assistant):
    unclipped = assistant.key_subjects.unclipped
    assert unclipped("is it ok in prod?") == "is it ok in production?"
    assert unclipped("does auth need it?") == "does authentication need it?"
    assert unclipped("is the perf hit big?") == "is the perf hit big?"  # performance or perfect: no one word
    assert unclipped("host mode in prod") == "host mode in production"  # "mode" is a word of its own, not "modern"
    assert unclipped("--network host") == "--network host"


def test_a_sentence_under_a_heading_that_compares_two_things_speaks_of_the_one_it_names(assistant):
    """Under "What is RAG and why is it better than fine-tuning?" (a post nobody here wrote), "fine-tuning would
    require retraining" is of fine-tuning: it does not answer "Does RAG require retraining?". A heading that
    compares nothing leaves the rule out."""
    from assistant.verdict import of_the_other_subject

    sentence = "My data changes frequently (new uploads) — fine-tuning would require retraining"
    compared = Chunk("t#a/prose0", "t", "What is RAG and why is it better than fine-tuning?", "a", "prose", sentence)
    plain = Chunk("t#b/prose0", "t", "Why RAG and fine-tuning", "b", "prose", sentence)
    assert of_the_other_subject("Does RAG require retraining when my uploads change?", sentence, compared, assistant.terms)
    assert not of_the_other_subject("Does fine-tuning require retraining?", sentence, compared, assistant.terms)
    assert not of_the_other_subject("Does RAG require retraining when my uploads change?", sentence, plain, assistant.terms)


def test_a_question_of_whether_there_is_a_way_is_not_answered_no_by_the_default(assistant):
    """"When a container is deleted, its data disappears" says what happens without a volume: it answers "does the data
    survive?" no, but not "is there a way to keep it?"; a statement of a way answers that yes."""
    from assistant.question import asks_for_a_way

    assert asks_for_a_way("is there any way to keep data after the container is deleted?")
    assert asks_for_a_way("컨테이너 삭제해도 데이터 유지하는 방법 있어?")
    assert not asks_for_a_way("Does data survive deleting the container?")
    assert assistant.ask("Does data survive deleting the container?").verdict == "no"
    assert assistant.ask("is there any way to keep data after the container is deleted?").verdict is None
    assert assistant.ask("is there a way to skip NAT?").verdict == "yes"


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("pids isolated as well?", "Are pids isolated as well?"),
        ("so the kernel shared by default?", "Are the kernel shared by default?"),
        ("what about the root filesystem, shared too?", "Are the root filesystem shared too?"),
        ("two containers with a shared volume?", "two containers with a shared volume?"),  # a case, not a predicate
        ("and shared volumes?", "and shared volumes?"),
        ("network not isolated?", "network not isolated?"),  # a negation is left unread, as in a tag question
        ("Is the network isolated?", "Is the network isolated?"),
    ],
)
def test_a_question_without_its_copula_is_read_with_it(question, read):
    from assistant.lexicon import load_lexicon
    from assistant.question import elided_copula

    assert elided_copula(question, load_lexicon()) == read


def test_a_compound_the_posts_never_write_is_read_through_its_parts(assistant):
    """"OS-level" is not a word of the posts ("operating-system-level", "운영체제 수준의"): a statement that holds its
    parts answers the question as it answers "OS level" written apart."""
    assert assistant.ask("Does Docker use OS level virtualization?").verdict == "yes"
    assert assistant.ask("Does Docker use OS-level virtualization?").verdict == "yes"


def test_korean_predicates_include_the_general_synonyms_of_the_english_ones(assistant):
    """잃다 (lose), 날아가다 (gone, of data), 번지다 (spread), 무겁다 (heavy), 단순 (simple), … name the same predicates
    as their English synonyms in predicates.yml."""
    for word, predicate in [("잃", "lose"), ("날아가", "lose"), ("살아남", "keep"), ("번지", "affect"), ("손상", "affect"), ("단순", "simple"), ("무겁", "large"), ("가볍", "small"), ("고치", "solve")]:
        assert LEXICON.korean_predicate(word) == predicate, word
    assert assistant.ask("컨테이너를 삭제하면 그 안의 데이터를 잃나요?").verdict == "yes"
    # "읽기 전용" is read-only, so "전용" (dedicated) names no predicate
    assert LEXICON.korean_predicate("전용") is None


def test_how_easy_doing_something_is_makes_no_claim_of_the_subject():
    """"N+1을 숨기기 쉽다" (prone to hide N+1) and "관리하기 어렵습니다" (hard to manage) say how easy the verb before
    "-기" is, not that the API is simple or Docker complex; a comparison of ease still compares."""
    assert clause_claims("Drizzle의 SQL-like API는 직관적이지만 over-fetching과 N+1을 숨기기 쉽다.", LEXICON) == []
    assert clause_claims("대규모 운영 환경에서 컨테이너를 관리하기가 어렵습니다.", LEXICON) == []
    assert [(p, v) for p, v, _, _ in english_clause_claims("it is difficult to manage containers at scale.", LEXICON)] == []
    assert [(p, v) for p, v, _, _ in english_clause_claims("Swarm is easier to set up than Kubernetes.", LEXICON)] == [("simple", "yes")]
    assert [(p, v) for p, v, _, _ in english_clause_claims("The setup is simple.", LEXICON)] == [("simple", "yes")]


def test_english_predicates_include_more_general_synonyms():
    """hurt (affect), stay and intact (keep), wipe (lose), eat up and grab (occupy), capped and throttled (limit),
    huge and bulky (large), tiny (small), tricky (complex), sluggish (slow), tackle (solve)."""
    for word, predicate in [("hurt", "affect"), ("stays", "keep"), ("intact", "keep"), ("wipe", "lose"), ("grab", "occupy"), ("capped", "limit"), ("throttled", "limit"), ("huge", "large"), ("bulky", "large"), ("tiny", "small"), ("tricky", "complex"), ("sluggish", "slow"), ("tackle", "solve")]:
        assert LEXICON.english_predicate(word) == predicate, word
    assert LEXICON.english_phrase("can it eat up all the cpu?") == "occupy"
    assert LEXICON.korean_predicate("잡아먹") == "occupy"


def test_a_denial_that_something_exists_makes_no_claim_of_its_description():
    """"there's no equivalent lightweight parser" says no such parser exists, not that some parser is not lightweight."""
    assert english_clause_claims("For C++, there's no equivalent lightweight parser.", LEXICON) == []
    assert [(p, v) for p, v, _, _ in english_clause_claims("The parser is not lightweight.", LEXICON)] == [("small", "no")]


@pytest.mark.parametrize(
    "question, verdict",
    [
        # a word of general language the posts never use is the asker's wording ("rollout", "tighten")
        ("Does the post mention Terraform or Ansible for automating container rollout?", "yes"),
        ("is seccomp mentioned as a way to tighten container security", "yes"),
        ("Is Seccomp mentioned as a way to harden containers?", "yes"),
        # a Korean compound the posts never write is said by its nouns ("해결책": 해결)
        ("Overlay 네트워크가 해결책으로 언급되나요?", "yes"),
        # not for advice, nor for "only"
        ("is Compose recommended for multi-server setups?", None),
        ("is only gVisor mentioned?", None),
        ("보안 해결책으로는 gVisor 하나만 언급돼?", None),
        # nor when the word the posts never use is the Korean predicate itself
        ("Kata Containers는 보안 때문에 속도를 포기하는 구조라고 나와?", None),
    ],
)
def test_a_mention_is_read_past_the_askers_own_words(assistant, question, verdict):
    assert assistant.ask(question).verdict == verdict


@pytest.mark.parametrize(
    "question, verdict",
    [
        ("Does docker scan restrict which syscalls a container can make?", None),
        ("SELinux도 이미지 취약점 검사해주는 거야?", None),
        ("SELinux랑 AppArmor가 system call 접근도 control함?", "yes"),
        ("Does docker scan check images for vulnerabilities?", "yes"),
    ],
)
def test_what_a_definition_list_says_of_one_term_is_not_said_of_another(assistant, question, verdict):
    """"- docker scan: 이미지 … 취약점 … 검사" beside "- SELinux / AppArmor: … 시스템 콜을 제어": a question that asks of one
    term what the list says of the other is not settled by what the section says of all of them ("이를 통해 …
    제한할 수 있습니다"); a term of alternatives names each of them."""
    assert assistant.ask(question).verdict == verdict


@pytest.mark.parametrize(
    "question",
    [
        "Can bundling unnecessary packages make builds longer and slow down image transfer over the network?",
        "쓸데없는 패키지 잔뜩 넣으면 빌드도 오래 걸리고 이미지 전송도 느려지나요?",
    ],
)
def test_a_claim_of_ability_agrees_with_its_translations_possibility(assistant, question):
    """"네트워크 전송 속도가 저하될 수 있습니다" (can) and its translation "network transfer speed may decrease" (may)
    say the same: the claim stands and answers."""
    assert assistant.ask(question).verdict == "yes"


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # a row whose own case the question names takes part however weakly it matches, and settles it
        ("Even with Kata Containers, the containers still share the host kernel, right?", "no"),
        ("Kata Containers 써도 컨테이너끼리 커널은 공유하지?", "no"),
        ("Do containers share the kernel?", "yes"),
        # a question that names the cases of two rows of one column ("volume", "filesystem") that answer differently
        ("Does a Docker volume live inside the container's own filesystem?", None),
    ],
)
def test_a_row_the_question_names_settles_it(assistant, question, verdict):
    assert assistant.ask(question).verdict == verdict


def test_a_weak_row_is_named_only_by_a_name_of_its_own(assistant):
    """A row that matches the question weakly takes part only when the question names its case by a word rare in
    general language that is no glossary concept: "Kata" names "Kata Containers 등 …", "서버" (the concept server/node)
    does not name "Kubernetes 다른 노드에 배포"."""
    from assistant.verdict import _own_name

    terms = assistant.terms
    assert _own_name(terms.keys("Kata Containers"))
    assert not _own_name(terms.keys("같은 서버")) and not _own_name(terms.keys("노드")) and not _own_name(terms.keys("컨테이너"))


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # evidence that the subject has the property does not say it has as much as what it is likened to
        ("컨테이너 격리 수준이 VM이랑 똑같이 강력한 거 아니에요?", None),
        # "처럼" of an example ("places such as an auth server") asks no degree
        ("인증 서버처럼 보안이 생명인 곳이면 아예 VM으로 커널 분리하는 게 권장되나요?", "yes"),
    ],
)
def test_a_question_of_equal_degree_needs_evidence_that_compares(assistant, question, verdict):
    assert assistant.ask(question).verdict == verdict


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # "--network host 옵션을 사용해 NAT를 생략할 수 있습니다" says what that option does
        ("--network host 쓰면 NAT 안 거치죠?", "yes"),
        ("--network host 쓰면 NAT 거쳐?", "no"),
        # without the condition, what can be skipped says nothing of the default ("외부와 통신 시 NAT를 거칩니다" does)
        ("Docker는 NAT 안 거쳐?", "no"),
    ],
)
def test_what_a_condition_can_do_answers_a_question_of_that_condition(assistant, question, verdict):
    assert assistant.ask(question).verdict == verdict


@pytest.mark.parametrize(
    ("question", "sentence", "polarity"),
    [
        # an aside in parentheses with a negation of its own sets something against the sentence, denying nothing
        ("Should I pin base image versions?", "Pin base image versions (node:22-bookworm, not node:latest) for reproducible builds.", "yes"),
        # a verb of removal says that what it takes away does not remain
        (
            "If I use a managed offering, do I still do control-plane work?",
            "Managed offerings (EKS, GKE, AKS and others) take away the control-plane work but not the learning curve.",
            "no",
        ),
        # ", which …" opens a clause of its own: the comparison in it does not hedge the clause before
        (
            "Do containers share the host's kernel?",
            "It shares the host's kernel, which is why containers start in milliseconds and use far less memory than virtual machines.",
            "yes",
        ),
    ],
)
def test_english_statements_of_any_post_are_read_by_their_main_clause(assistant, question, sentence, polarity):
    from assistant.verdict import full_statements

    chunk = Chunk("d#x/p0", "d", "Orchestrators", "x", "prose", "")
    found = full_statements(question, assistant._yes_no(question)[1], [(chunk, sentence)], assistant.terms, assistant.lexicon)
    assert [value for value, _, _ in found] == [polarity]


def test_a_fronted_purpose_is_no_claim():
    """"For … access, X is recommended" aims at access; it does not say that anything gives it."""
    lexicon = load_lexicon()
    assert english_clause_claims("For optimal performance and full feature access, configuring rules with nft is recommended.", lexicon) == []
    assert [c[:2] for c in english_clause_claims("It gives full feature access.", lexicon)] == [("access", "yes")]


def test_identifiers_are_names_not_words():
    """An option joined with underscores ("cap_drop") holds no verb ("cap" would be one), a hyphenated name that opens
    with "no" ("no-new-privileges") negates nothing, and an English word glued to Korean is still a word."""
    from assistant.lexicon import english_words

    lexicon = load_lexicon()
    assert english_words("Docker는 cap_drop을 쓰나요? stateful한가요") == ["docker", "stateful"]
    assert english_clause_claims("Docker applies cap_drop and no-new-privileges.", lexicon) == []
    assert [c[:2] for c in english_clause_claims("The runtime does not cap memory.", lexicon)] == [("limit", "no")]


@pytest.mark.parametrize("question", ["What is a volume?", "볼륨이 뭐야?", "Volume이 정확히 뭐야?"])
def test_a_question_of_what_a_defined_term_is_is_answered_by_its_definition(assistant, question):
    """"A Volume is an external directory managed directly by Docker …" defines the term: a question of what it is
    asks what the post says, however common the word ("volume" alone sits near no passage)."""
    answer = assistant.ask(question)
    assert not answer.refused
    assert answer.citations[0].section == "데이터 영속성 문제와 해결 > 해결 방안"


@pytest.mark.parametrize("question", ["What is seccomp?", "What is love?", "오늘 날씨 뭐야?"])
def test_a_question_of_what_an_undefined_term_is_is_refused_as_before(assistant, question):
    """Seccomp is only named in a list, never defined; love and the weather are not the posts' at all."""
    assert assistant.ask(question).refused


def test_definitions_and_questions_of_them_are_read_in_both_languages():
    from assistant.claims import copular_term as defined_term
    from assistant.question import asked_term

    assert defined_term("A Volume is an external directory managed directly by Docker.") == "Volume"
    assert defined_term("마운트(Mount)는 호스트의 디렉토리 또는 볼륨을 컨테이너 내부와 연결하는 것입니다.") == "마운트(Mount)"
    assert defined_term("Because Docker is a Linux-based technology, Windows containers need more.") == ""
    assert asked_term("So what's a bind mount exactly?") == "bind mount"
    assert asked_term("what does NAT mean?") == "NAT"
    assert asked_term("볼륨이 뭐예요?").startswith("볼륨")
    assert asked_term("What is the difference between a volume and a bind mount in practice?") == ""


@pytest.mark.parametrize("question", ["-v 옵션 예시 보여줘", "Show me how -v is used"])
def test_a_short_option_written_in_one_section_names_that_section(assistant, question):
    """"-v" is written in one section's command ("docker run -v /host/data:/app/data my_image"): a question that spells
    it out is about that section, as one that spells out "--network host" is, however far its other words sit."""
    answer = assistant.ask(question)
    assert not answer.refused
    assert answer.citations[0].section == "궁금증들 > Mount는 무엇이며 왜 사용할까?"


def test_short_options_are_a_hyphen_and_one_letter_standing_alone():
    from assistant.question import options_in

    assert options_in("docker run -d --name a --network my_network -v /x:/y img") == [("--name", "a"), ("--network", "my_network"), ("-d", ""), ("-v", "")]
    assert options_in("e-mail, -it, |---|, A-->>B, - item") == []
    assert options_in("-v로 연결하면?") == [("-v", "")]


def test_cardinal_numbers_count_the_noun_phrase_beside_them():
    from assistant.question import counts_in

    assert counts_in("실행 방식 1: 하나의 docker-compose로 실행") == ((1, "docker - compose"),)  # "방식 1" is a label
    assert counts_in("실행 방식 2: Compose 파일을 2개로 나눠서 실행") == ((2, "Compose 파일"),)
    assert counts_in("compose 파일 하나로 두 서비스 띄우면") == ((1, "compose 파일"), (2, "서비스"))
    assert counts_in("한 개의 compose yaml로 띄우면") == ((1, "compose yaml"),)
    assert counts_in("If I run two services from one docker-compose file, do they share the kernel?") == (
        (2, "services"),
        (1, "docker-compose file"),
    )
    assert counts_in("Execution Method 1: Running with a single docker-compose") == ((1, "docker-compose"),)
    assert counts_in("EC2 인스턴스에 올리면?") == ()  # a digit written against a name counts nothing


@pytest.mark.parametrize(
    "question, heading, verdicts",
    [
        ("compose 파일 하나로 날씨랑 투두 서비스 같이 띄우면 커널 공유해?", "실행 방식 1: 하나의 docker-compose로 실행", ("yes", None)),
        (
            "If I run my weather and todo services from one docker-compose file, do they share the host kernel?",
            "실행 방식 1: 하나의 docker-compose로 실행",
            ("yes",),
        ),
        ("compose 파일 두 개로 나누면 커널 분리돼?", "실행 방식 2: Compose 파일을 2개로 나눠서 실행", ("no",)),
    ],
)
def test_a_question_counting_a_thing_reads_the_section_whose_heading_counts_it_the_same(assistant, question, heading, verdicts):
    """"one docker-compose file" is the case "하나의 docker-compose로 실행", not "Compose 파일을 2개로 나눠서 실행" (which
    also says that the kernel is shared, and so holds the evidence of the verdict): the heading's count decides."""
    answer = assistant.ask(question)
    assert answer.citations[0].section.endswith(heading), [c.section for c in answer.citations]
    assert answer.verdict in verdicts


@pytest.mark.parametrize(
    "question, right",
    [
        ("our flask app in one container blew up with an unhandled exception. could that take down the other container running on the same host?", "no"),
        ("Does Kata Containers give workloads their own kernel instead of the host's shared one?", "yes"),
    ],
)
def test_a_row_the_question_names_by_a_name_of_its_own_settles_it_however_little_else_it_matches(assistant, question, right):
    """A row whose case the question names by a word no other row has and general language hardly uses ("Flask",
    "Kata") settles the question even when the question's other words (a story of what happened) leave its match
    low: the row is the one the question is about."""
    assert assistant.ask(question).verdict == right


@pytest.mark.parametrize(
    "question, right",
    [
        ("Could hooking the containers up to NFS be one way to keep their data around?", "yes"),
        ("Would a multi-stage Dockerfile help keep junk files out of the image I ship?", "yes"),
        ("포트 충돌 같은 네트워크 설정 문제에 overlay 네트워크가 도움이 되나요?", "yes"),
        # a remedy of another problem, or one offered with a reservation, says nothing of the question
        ("Would Kata Containers help with data persistence?", None),
        ("Would gVisor help with image size?", None),
        ("Is Docker Swarm a way to run containers on many servers?", None),
    ],
)
def test_a_remedy_the_post_offers_for_the_problem_answers_whether_it_helps(assistant, question, right):
    """"does X help with Y?" / "is X a way to …?" is answered yes by a passage that offers X as the remedy of the problem
    the question names: a list item under a remedy's heading ("영속 스토리지 시스템과 연동 (ex. AWS EBS, NFS 등)"
    under "데이터 영속성 문제와 해결 > 해결 방안") or a cell of a table's remedy column with its row; a remedy of
    another problem, or one with a reservation ("(단, 기능이 제한적)"), gives no verdict."""
    assert assistant.ask(question).verdict == right


def test_a_verb_that_makes_its_object_small_is_answered_by_what_makes_it_small():
    """"can X reduce Y?" asks what X does to Y: "중복된 빌드를 최소화합니다" (minimize) answers it, "이미지 크기가 커질
    가능성이 있습니다" (Y may grow) does not; asking for tips asks for a way, which is there or gets no verdict."""
    from assistant.question import asks_for_a_way

    asked = read_question("Can --cache-from reduce duplicate builds?", LEXICON)
    assert asked.predicate == "small" and asked.causative
    assert read_question("--cache-from 쓰면 중복 빌드를 줄일 수 있어?", LEXICON).causative
    assert not read_question("Are alpine images smaller?", LEXICON).causative
    assert asks_for_a_way("any tips to slim my images down?") and asks_for_a_way("이미지 용량 줄이는 팁 있어?")


@pytest.mark.parametrize(
    "question, right",
    [
        ("빌드 캐시 옵션(--cache-from)을 주면 반복되는 빌드를 줄일 수 있어요?", "yes"),
        ("Can the --cache-from option reduce the number of repeated builds?", "yes"),
        ("Docker image sizes keep growing; any tips to shrink them?", None),
    ],
)
def test_reducing_is_answered_by_what_the_post_minimizes(assistant, question, right):
    assert assistant.ask(question).verdict == right


def test_korean_performance_dropping_asks_whether_it_is_slow(assistant):
    """"성능이 떨어지다" (performance drops), with its particle or without, is general Korean for the article's "성능
    저하": it asks whether something is slow."""
    for question in ("NAT 때문에 성능이 떨어지나요?", "성능 떨어져?", "전송 속도도 떨어지나요?"):
        assert read_question(question, LEXICON).predicate == "slow", question
    assert read_question("성능이 안 떨어져?", LEXICON).negated
    assert assistant.ask("컨테이너끼리 통신이 많으면 NAT 때문에 성능이 떨어질 수 있나요?").verdict == "yes"



def test_an_adverb_of_all_with_a_verb_of_use_says_occupying():
    """"자원을 모두 사용" (to use all of the resources) is the article's way of saying that something occupies them: an
    adverb with its verb is read in the post's sentences as in questions, and "eat all", "다 먹다", "전부 쓰다" ask it."""
    assert [(p, v) for p, v, _, _ in clause_claims("설정이 없으면 메모리를 모두 사용 가능", LEXICON)] == [("occupy", "can")]
    for question in ("디스크를 다 먹을 수 있나요?", "한 프로세스가 CPU를 전부 쓸 수 있어?", "Can one job eat all the RAM?"):
        assert read_question(question, LEXICON).predicate == "occupy", question


def test_can_asks_what_is_possible_wherever_it_opens_the_clause():
    """"can" after a condition or before its subject asks what is possible, with no comma to mark it."""
    for question in ("if nothing is configured can a container hog the cpu?", "And memory — can one container eat all of it?"):
        assert read_question(question, LEXICON).modal, question


def test_a_clause_of_cause_is_not_what_a_korean_question_asks():
    """"메모리를 다 먹어서 옆 서비스도 …?" asks of what follows the cause, not whether it eats the memory."""
    assert read_question("메모리를 다 먹어서 옆 컨테이너도 멈춰?", LEXICON) is None
    assert read_question("NAT를 거쳐서 느려지나요?", LEXICON).predicate == "slow"


@pytest.mark.parametrize(
    "question, right",
    [
        ("cgroups를 안 잡아두면 컨테이너 한 개가 서버 자원을 전부 쓸 수 있나요?", "yes"),
        ("With no cgroups set, could a single container eat all the memory of the machine?", "yes"),
        # the other case: what holds without cgroups says nothing of what holds with them
        ("If cgroups are configured, can one container still use all the host's memory?", None),
        ("cgroups를 설정해 두면 컨테이너 하나가 자원을 다 먹을 수 있어?", None),
        # nor one that states no case: what holds depends on it
        ("Can a single container eat all the CPU of its host?", None),
    ],
)
def test_what_holds_without_a_thing_answers_a_question_without_it(assistant, question, right):
    """The row "CPU / 메모리 / I/O | 공유 가능 | cgroups를 설정하지 않으면 시스템 자원을 모두 사용 가능" says what one
    container can do when cgroups are not set: it answers a question of that case (its cell of free text names the
    row's case in its own words, "시스템 자원"; its other cell, "공유 가능", hedges sharing, not this), and not one of
    the case with cgroups nor one that states no case."""
    assert assistant.ask(question).verdict == right


@pytest.mark.parametrize(
    "question, right",
    [
        # 쓰다 and 사용하다 are one verb of use; what is used in place of a thing answers whether that thing is used
        ("도커는 하이퍼바이저 기반 가상화를 쓰는 건가요?", "no"),
        ("Does Docker use a hypervisor the way VMs do?", "no"),
        # what the question likens its subject to is what the sentence sets aside, but the question names the used thing
        ("Does Docker use OS-level virtualization like a VM does?", None),
    ],
)
def test_what_is_used_in_place_of_a_thing_answers_whether_it_is_used(assistant, question, right):
    """"Docker는 … 하이퍼바이저 기반 가상화(VM) 대신 운영체제 수준의 가상화를 사용합니다" answers "does it use a
    hypervisor?" no, whichever verb of use the question says and also when it likens Docker to the VM that the sentence
    sets aside ("like a VM does")."""
    assert assistant.ask(question).verdict == right


def test_what_a_question_likens_its_subject_to_is_read_as_its_term(assistant):
    """The stemmer leaves "VMs" as it is; what "the way VMs do" likens a subject to is the glossary's "VM"."""
    from assistant.verdict import _likeness_keys

    terms = assistant.terms
    assert _likeness_keys("vms", terms) == _likeness_keys("vm", terms) == {terms.key("vm")} != {"vm"}


def test_the_names_an_example_gives_are_its_rare_words_and_the_words_that_set_its_identifiers_apart():
    from assistant.claims import _names_given

    assert _names_given("날씨 서비스 (weather-service) - 포트 5001\n투두 서비스 (todo-service) - 포트 5002").split() == [
        "weather", "5001", "투두", "todo", "5002",
    ]


@pytest.mark.parametrize(
    "question, right",
    [
        # the example's services named in a question of how they are run: the rows and sections of that example answer
        ("If the weather app runs on one EC2 instance and the todo app on a second one, do they share a kernel?", "no"),
        ("날씨 서비스와 투두 서비스를 compose 파일 하나로 실행하면 커널을 공유하나요?", "yes"),
        # "no longer" is what the question asks, not its frame
        ("With two compose files, do the containers no longer share the kernel?", "no"),
        # whether containers alone are enough is not said by a claim of VMs
        ("보안이 중요한 금융 서비스는 컨테이너만으로 충분히 격리되나요?", None),
    ],
)
def test_a_claim_is_read_with_the_example_its_part_of_the_post_sets_up(assistant, question, right):
    """The FAQ sets up an example ("예시 시나리오 > 서비스 구성": the weather and todo services) that its tables and
    sections speak of: the names it gives are part of their claims' surroundings, so a question that tells the example
    in its own names is matched to them; its everyday words ("서비스") are not, which any question says."""
    assert assistant.ask(question).verdict == right


def test_a_sentence_of_two_subjects_says_one_thing_of_each():
    from assistant.verdict import contrast_pair

    assert contrast_pair("/host/data는 호스트 측 경로이고 /app/data는 컨테이너 내부 경로입니다.") == (
        ("/host/data", "/host/data 호스트 측 경로"), ("/app/data", "/app/data 컨테이너 내부 경로")
    )
    assert contrast_pair("/host/data is the path on the host side, and /app/data is the path inside the container.") == (
        ("/host/data", "/host/data the path on the host side"), ("/app/data", "/app/data the path inside the container")
    )
    assert contrast_pair("Redis is an in-memory store while Postgres is a relational database.")[1] == (
        "Postgres", "Postgres a relational database"
    )
    for sentence in (
        "컨테이너는 커널을 공유합니다.", "A volume is a directory that Docker manages.", "It is fast and it is small.",
        # (how two things are, not what they are; and a pronoun, which is no second subject)
        "Communication between containers is complex and logging/monitoring is difficult.",
        "Docker is only responsible for running containers, and it is difficult to manage them.",
    ):
        assert contrast_pair(sentence) is None, sentence


@pytest.mark.parametrize(
    "question, identity",
    [
        ("is gVisor basically a lightweight VM?", True),
        ("In `docker run -v /host/data:/app/data`, is /app/data the path on the host?", True),
        ("gVisor는 경량 VM 방식이야?", True),
        ("/app/data가 host 쪽 경로인가요?", True),
        ("gvisor는 유저 스페이스에서 커널 돌리는 방식 맞죠?", True),
        ("SELinux도 이미지 취약점 검사해주는 거야?", False),
        # (an English complement that says how it is, not what it is)
        ("Is the raw table rarely configured manually?", False),
        ("Is gVisor fast?", False),
        ("is gVisor the one the post tells me to go with?", False),
        ("Does gVisor use a lightweight VM?", False),
        ("gVisor로 격리를 강화할 수 있나요?", False),
    ],
)
def test_a_question_of_what_a_thing_is_is_told_by_its_copula(question, identity):
    from assistant.verdict import asks_identity

    assert asks_identity(question) is identity


@pytest.mark.parametrize(
    "question, right",
    [
        # what the post says the asked thing is, beside what it says another is instead
        ("is gVisor basically a lightweight VM?", "no"),
        ("gVisor가 경량 VM 구조인가요?", "no"),
        ("In `docker run -v /host/data:/app/data`, is /app/data the path on the host machine?", "no"),
        ("/app/data가 host 쪽 경로인가요?", "no"),
        ("Is /app/data the path inside the container?", "yes"),
        # (the other term, as the question writes it, says nothing of what the asked one is)
        ("In docker run -v /host/data:/app/data, is /app/data the path inside the container?", None),
        # ... but not what a passage elsewhere says of it too ("gVisor, Kata Containers는 사용자 공간 샌드박스를 제공")
        ("Is Kata Containers a user-space sandbox?", "yes"),
        # ... nor of a question that makes neither its subject
        ("gvisor랑 kata 둘 다 경량 VM 방식인 거죠?", None),
    ],
)
def test_what_the_post_says_a_thing_is_answers_whether_it_is_what_it_says_another_is(assistant, question, right):
    assert assistant.ask(question).verdict == right


def test_a_heading_says_what_the_passages_under_it_are_of(assistant):
    """"컨테이너 간 통신이 복잡하고 로깅/모니터링 어려움" sits under "도커의 단점 요약": it is one of the drawbacks. A
    heading only says where a passage is: the passage holds what is asked of."""
    assert assistant.ask("Is logging and monitoring mentioned as one of Docker's pain points?").verdict == "yes"
    assert assistant.ask("Is Docker Swarm listed in the summary table as a representative solution?").verdict != "yes"
    # what the post advises is named by the passage that advises it, not by the heading it sits under ("It is generally
    # recommended to use it only for testing …" under "--privileged 옵션은 어떤 위험이 있을까?")
    assert assistant.ask("Does the article recommend using --privileged in production environments?").verdict != "yes"


def test_a_participle_after_its_noun_asks_no_mention():
    from assistant.verdict import _asks_mention

    assert not _asks_mention("Can every Docker image run on any operating system, Windows included?")
    assert _asks_mention("Is Seccomp included?") and _asks_mention("Does the list include Seccomp?")


def test_an_abbreviation_does_not_end_a_sentence():
    from assistant.claims import split_sentences

    assert split_sentences("영속 스토리지 시스템과 연동 (ex. AWS EBS, NFS 등)") == ["영속 스토리지 시스템과 연동 (ex. AWS EBS, NFS 등)"]
    assert split_sentences("Use a store, e.g. NFS. Then go.") == ["Use a store, e.g. NFS.", "Then go."]


def test_a_later_sentence_of_a_definition_entry_speaks_of_its_term_when_it_names_no_subject_of_its_own():
    from assistant.claims import entry_term

    def entry(text):
        return Chunk("d#t/prose0", "d", "Tables", "t", "prose", text)

    nat = entry("nat: Stands for Network Address Translation. This table is used for rewriting addresses.")
    assert entry_term(nat, "nat: Stands for Network Address Translation.") == "nat"
    assert entry_term(nat, "This table is used for rewriting addresses.") == "nat"
    priority = entry("Priority: Determines the order of chains. nftables allows multiple chains at one hook.")
    assert entry_term(priority, "nftables allows multiple chains at one hook.") == ""
    gvisor = entry("gVisor: 사용자 공간 커널로 격리. 성능 오버헤드 있음.")
    assert entry_term(gvisor, "성능 오버헤드 있음.") == "gVisor"
    assert entry_term(entry("컨테이너는 커널을 공유합니다. 이를 통해 가볍습니다."), "이를 통해 가볍습니다.") == ""


def test_handling_a_feature_is_supporting_it(assistant):
    """"자동 배포, 로드 밸런싱, 롤링 업데이트 등 지원" (of Kubernetes) answers whether Kubernetes handles, provides or
    takes care of them."""
    for question in ("Does Kubernetes handle rolling updates?", "Does Kubernetes handle load balancing?"):
        assert assistant.ask(question).verdict == "yes", question
    for question in ("Does gVisor provide a user-space sandbox?", "Will Kubernetes take care of load balancing?"):
        assert read_question(question, LEXICON).predicate == "support", question


def test_evidence_without_a_word_of_rarity_does_not_say_that_something_seldom_happens(assistant):
    from assistant.verdict import fits, qualifiers

    form = qualifiers("Is the raw table rarely configured manually?")
    assert form.rarely and qualifiers("보안 테이블은 드물게 설정하나요?").rarely
    assert not qualifiers("Is the raw table configured manually?").rarely
    assert not fits(form, "raw: Primarily used for configuring exceptions to connection tracking.", "", assistant.terms)
    assert fits(form, "security: Rarely configured manually by users.", "", assistant.terms)


def test_a_sentence_without_a_subject_of_its_own_speaks_of_the_last_one_named(assistant):
    """"It is generally used only for testing …" after "This includes …" (a paragraph of its own) after "When the
    --privileged option is used, …" speaks of the option. A Korean sentence without a subject ("운영 환경에서는" is a
    topic phrase, not a noun) speaks of what its paragraph named before it, not of another paragraph or list item."""
    from assistant.claims import antecedent

    english = ["When the --privileged option is used, the container can access all.", "This includes kernel settings.", "It is used only for testing."]
    assert antecedent(english, 2, frozenset({0, 1})) == " ".join(english[:2])
    assert antecedent(english, 1, frozenset({0, 1})) == english[0] and antecedent(english, 0) == ""
    korean = ["--privileged 옵션을 사용할 경우 해당 컨테이너는 모든 리소스에 접근할 수 있습니다.", "고급 권한까지 포함되며 위험할 수 있습니다.", "일반적으로 테스트 용도에서만 사용하고,운영 환경에서는 지양해야 합니다."]
    assert antecedent(korean, 2) == " ".join(korean[:2])
    assert antecedent(korean, 2, frozenset({0, 1})) == korean[1]  # no subject at the start of its paragraph: not past it
    assert antecedent(["Docker uses a bridge network.", "Compose runs on one server."], 1) == ""
    assert antecedent(["컨테이너는 가볍습니다.", "- `docker scan`: 이미지를 검사합니다."], 1) == ""  # a definition line names its term
    assert assistant.ask("Is --privileged used only for testing?").verdict == "yes"
    assert assistant.ask("Can every docker image run on windows?").verdict != "yes"
    assert assistant.ask("글쓴이는 도커를 혁신적인 도구라고 보나?").verdict == "yes"  # "그러나 …" holds only the name


def test_a_restriction_is_to_what_follows_its_words_of_ability_and_functioning(assistant):
    """"only able to run on a single server" and "limited to running on a single server" restrict to a single server,
    as the post's "only works on a single server" does: the question asks about the restriction the post makes."""
    from assistant.verdict import _restricted_to

    said = _restricted_to("Docker Compose only works on a single server.", assistant.terms)
    for question in ("Is Docker Compose only able to run on a single server?", "Is Docker Compose limited to running on a single server?"):
        assert _restricted_to(question, assistant.terms) == said, question
        assert assistant.ask(question).verdict == "yes", question
    assert _restricted_to("Does Compose run only on multiple servers?", assistant.terms) != said


def test_rather_than_says_a_replacement_not_a_comparison(assistant):
    """"Does Docker use namespaces and cgroups rather than a hypervisor?" asks what the post says with "대신" /
    "instead of": "rather than" weighs nothing ("simpler than" does), and a statement that says a replacement holds the
    question's words of replacement in whichever words it says it."""
    from assistant.question import compares

    assert not compares("Does Docker use namespaces rather than a hypervisor?")
    assert not compares("Is there anything other than Volume?")
    assert compares("Is Swarm simpler than Kubernetes?")
    assert assistant.ask("Does Docker use namespaces and cgroups rather than a hypervisor?").verdict == "yes"
    assert assistant.ask("Does Docker use a hypervisor rather than namespaces?").verdict == "no"
    # the statement says its replacement with "instead of" / "대신": it holds the question's words of replacement
    assert assistant.ask("does Docker rely on namespaces and cgroups instead of a hypervisor?").verdict == "yes"


@pytest.mark.parametrize(
    "question, linking",
    [
        ("can docker images get big?", ["get"]),
        ("does the volume get deleted with the container?", ["get"]),
        ("does each container get its own kernel?", ["get"]),
        ("do they end up on the same kernel?", ["end"]),
        ("can images become large?", ["become"]),
        ("do images grow large over time?", ["grow"]),
        ("do images grow large", ["grow"]),
        ("does it turn bad?", ["turn"]),
        ("should I turn it on?", []),
        ("does Kata give up speed to get that security?", []),
        ("does the registry grow new layers?", []),
        ("do containers become part of the host?", ["become"]),
    ],
)
def test_verbs_that_only_link_a_subject_to_a_state(question, linking):
    """"get" is a light verb (the get-passive, "gets big", "get its own": has), "become" and "end up" link always,
    "grow" and "turn" only before an adjective that ends the clause: a statement need not hold them. An infinitive of
    purpose ("to get") is no linking verb."""
    from assistant.verdict import _linking_words

    assert _linking_words(question) == linking


def test_a_possibility_said_with_may_answers_a_question_of_possibility(assistant):
    """"Can docker images get large?": "이미지 크기가 커질 가능성이 있습니다" (may become large) says yes, in whichever
    linking verb the question says it; a claim of what a remedy does ("--cache-from … 중복된 빌드를 최소화") does not
    say that it cannot happen."""
    assert assistant.ask("Can docker images get large?").verdict == "yes"
    assert assistant.ask("Can docker images become large?").verdict == "yes"


def test_a_statement_silent_on_the_questions_case_does_not_answer_it(assistant):
    """"서로 다른 VM에 띄우면 도커 컨테이너는 호스트 커널을 공유해?" names a case (different VMs) that a row of the table has
    ("서로 다른 VM에서 실행 — 분리"): "각 컨테이너는 … 동일한 커널을 공유하며 동작합니다" says what holds in general and names
    nothing of it, so it gives no yes."""
    assert assistant.ask("서로 다른 VM에 띄우면 도커 컨테이너는 호스트 커널을 공유해?").verdict != "yes"
    assert assistant.ask("도커 컨테이너는 호스트 커널을 공유해?").verdict == "yes"
