"""Answer quality on the real article and embedder: verdict logic, extractive text, refusal, snippets, eval targets."""

from pathlib import Path

import pytest

from assistant.errors import InvalidQuestion
from assistant.evaluate import evaluate, read_questions
from assistant.ingest import Chunk
from assistant.verdict import Polarity, chunk_verdict, is_yes_no, question_polarity
from conftest import DATA, EXAMPLE


def row(header, cells, section="표"):
    text = " | ".join(f"{h}: {c}" for h, c in zip(header, cells))
    return Chunk("d#x/row0", "d", section, "x", "row", text, header=tuple(header), cells=tuple(cells))


def prose(text, section="절"):
    return Chunk("d#x/prose0", "d", section, "x", "prose", text)


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
    ],
)
def test_yes_no_detection(question, expected):
    assert is_yes_no(question) is expected


@pytest.mark.parametrize(
    "question, concept, positive",
    [
        ("Is the PID space shared?", "share", True),
        ("Are processes isolated between containers?", "share", False),
        ("Does running services on separate hosts share the kernel?", "share", True),
        ("분리된 compose 파일로 실행하면 커널을 공유하나요?", "share", True),
        ("네트워크 네임스페이스는 격리되나요?", "share", False),
        ("Will the other containers be affected if two containers share a volume?", "affect", True),
        ("If the weather service crashes, are the other containers safe?", "affect", False),
    ],
)
def test_question_polarity(question, concept, positive):
    assert question_polarity(question) == Polarity(concept, positive)


def test_table_values_with_polarity():
    share, isolate = Polarity("share", True), Polarity("share", False)
    kernel = ("실행 조건", "커널 공유 여부")
    assert chunk_verdict(row(kernel, ("docker-compose 여러 개로 나눠 실행", "공유")), share) == "yes"
    assert chunk_verdict(row(kernel, ("Kubernetes 다른 노드에 배포", "분리")), share) == "no"
    assert chunk_verdict(row(kernel, ("Kubernetes 다른 노드에 배포", "분리")), isolate) == "yes"
    areas = ("영역", "공유 여부", "설명")
    assert chunk_verdict(row(areas, ("프로세스 공간 (PID)", "격리", "...")), share) == "no"
    assert chunk_verdict(row(areas, ("디스크 볼륨", "공유 가능", "...")), share) == "partial"
    impact = ("상황", "영향 여부", "이유")
    affect = Polarity("affect", True)
    assert chunk_verdict(row(impact, ("CPU 점유", "O", "...")), affect) == "yes"
    assert chunk_verdict(row(impact, ("Flask 코드 에러", "X", "...")), affect) == "no"
    assert chunk_verdict(row(impact, ("Volume을 공유", "△", "...")), affect) == "partial"
    assert chunk_verdict(row(impact, ("CPU 점유", "O", "...")), Polarity("affect", False)) == "no"
    # An O/X column about another concept says nothing about sharing.
    assert chunk_verdict(row(impact, ("CPU 점유", "O", "...")), share) is None


def test_statements_with_negation():
    share = Polarity("share", True)
    assert chunk_verdict(prose("여전히 커널을 공유합니다. (같은 Host에서 실행 중이므로)"), share) == "yes"
    assert chunk_verdict(prose("커널을 공유하지 않습니다"), share) == "no"
    assert chunk_verdict(prose("설정에 따라 공유할 수도, 안 할 수도 있음"), share) == "partial"
    assert chunk_verdict(prose("다른 컨테이너에는 영향 없음"), Polarity("affect", True)) == "no"


@pytest.mark.parametrize(
    "question, verdict",
    [
        (EXAMPLE, "yes"),
        ("Do containers on different Kubernetes nodes share the kernel?", "no"),
        ("Is the PID space shared?", "no"),
        ("If one container eats all the CPU, are the others affected?", "yes"),
        ("Does a Flask bug in one container affect the others?", "no"),
        ("Can disk volumes be shared between containers?", "partial"),
        ("분리된 compose 파일로 실행하면 커널을 공유하나요?", "yes"),
        ("서로 다른 VM에서 실행하면 커널을 공유하나요?", "no"),
    ],
)
def test_verdicts_on_the_article(assistant, question, verdict):
    answer = assistant.ask(question)
    assert answer.verdict == verdict
    lead = {"yes": ("Yes — ", "네, "), "no": ("No — ", "아니요, "), "partial": ("Partly — ", "경우에 따라 다릅니다. ")}[verdict]
    assert answer.answer.startswith(lead)


def test_answer_text_is_extractive(assistant):
    """Every line of an answer is a sentence, list item or table row of the article, after the verdict lead."""
    from assistant.core import render_chunk
    from assistant.verdict import LEADS

    units = {render_chunk(c) for c in assistant.index.chunks if c.kind in ("prose", "row")}
    leads = tuple(lead for by_verdict in LEADS.values() for lead in by_verdict.values())
    for question in [EXAMPLE, "Why does NAT hurt network performance?", "이미지 크기를 줄이는 방법", "Is the PID space shared?"]:
        answer = assistant.ask(question)
        lines = answer.answer.split("\n\n")
        assert 1 <= len(lines) <= 3
        for line in lines:
            for lead in leads:
                line = line.removeprefix(lead)
            assert line in units, (question, line)
        for citation in answer.citations:
            assert citation.quote in units and citation.anchor


@pytest.mark.parametrize(
    "question",
    ["How do I bake sourdough bread?", "Who painted the Mona Lisa?", "오늘 저녁 메뉴 추천해줘", "What is a monad in Haskell?"],
)
def test_off_topic_questions_are_refused(assistant, question):
    answer = assistant.ask(question)
    assert answer.refused and answer.citations == [] and answer.snippets == [] and answer.verdict is None
    assert "보안 문제와 해결" in answer.answer  # the refusal lists the article's topics


def test_refusal_speaks_the_question_language(assistant):
    assert assistant.ask("오늘 저녁 메뉴 추천해줘").answer.startswith("이 글에는")
    assert assistant.ask("Who painted the Mona Lisa?").answer.startswith("The article does not answer")


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
    """hit@1 >= 0.97 and hit@3 = 1 in English and Korean, every verdict right, every off-topic refused, none falsely."""
    questions = read_questions(DATA / "dev_questions.jsonl")
    for language in ("en", "ko"):
        subset = [q for q in questions if q.offtopic or (("ko" if any("\uac00" <= c <= "\ud7a3" for c in q.q) else "en") == language)]
        metrics = evaluate(assistant, subset).metrics()
        assert metrics["hit@1"] >= 0.97, (language, metrics)
        assert metrics["hit@3"] == 1.0, (language, metrics)
    metrics = evaluate(assistant, questions).metrics()
    assert metrics["verdict_acc"] == 1.0 and metrics["offtopic_refusal"] == 1.0 and metrics["false_refusal"] == 0.0


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
