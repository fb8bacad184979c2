"""Translated posts: alignment with the original at ingestion, and answers in the asker's language."""

import json
import re

import pytest

from assistant.errors import IngestError
from assistant.ingest import load_articles
from conftest import ROOT, build_post_index

ORIGINAL = """---
title: 원문
---
## 첫째

커널을 공유합니다.

| 항목 | 공유 |
|---|---|
| 커널 | O |
| 네트워크 | X |

```bash
docker run -d app
```
"""

TRANSLATION = """---
title: Original
lang: en
ref: post
---
## First

They share the kernel.

| Item | Shared |
|---|---|
| Kernel | O |
| Network | X |

```bash
docker run -d app
```
"""


def write(folder, original=ORIGINAL, translation=TRANSLATION):
    (folder / "post.md").write_text(original, encoding="utf-8")
    (folder / "post.en.md").write_text(translation, encoding="utf-8")
    return folder


def test_a_translation_becomes_chunks_of_its_original(tmp_path):
    [post] = load_articles(write(tmp_path))
    assert post.document == "post" and post.lang == "ko" and post.translations == ("en",)
    own = [c for c in post.chunks if not c.original]
    translated = [c for c in post.chunks if c.original]
    assert len(own) == len(translated)
    by_id = {c.id: c for c in own}
    for chunk in translated:
        original = by_id[chunk.original]
        # Citations stay the original's: same section path and anchor; the text is the translation's.
        assert chunk.id == f"{original.id}@en" and chunk.lang == "en"
        assert (chunk.section, chunk.anchor, chunk.kind) == (original.section, original.anchor, original.kind)
        assert chunk.section_translated == "First"
    rows = {c.cells[0]: c for c in translated if c.kind == "row"}
    assert by_id[rows["Network"].original].cells == ("네트워크", "X")


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda t: t.replace("## First", "### First"), r"heading 1 'First' is level 3 but the original's '첫째' is level 2"),
        (lambda t: t + "\n## Extra\n\nmore\n", r"2 headings against the original's 1; first unmatched in the translation: 'Extra'"),
        (lambda t: t.replace("| Network | X |\n", ""), r"under 'First', 2 blocks against the original's 3|row"),
        (lambda t: t.replace("They share the kernel.", "They share\n\nthe kernel."), r"under 'First'"),
    ],
)
def test_a_translation_that_does_not_line_up_is_named(tmp_path, change, message):
    write(tmp_path, translation=change(TRANSLATION))
    with pytest.raises(IngestError, match=message):
        load_articles(tmp_path)


def test_versions_must_say_which_is_the_original(tmp_path):
    write(tmp_path, original=ORIGINAL.replace("title: 원문", "title: 원문\nlang: ko\nref: post"))
    with pytest.raises(IngestError, match="name no `lang`"):
        load_articles(tmp_path)
    write(tmp_path, translation=TRANSLATION.replace("lang: en", "lang: ko"))
    with pytest.raises(IngestError, match="repeats the language"):
        load_articles(tmp_path)


def test_posts_without_translations_keep_their_language(tmp_path):
    (tmp_path / "a.md").write_text("## One\n\nContainers share the host kernel.\n", encoding="utf-8")
    [post] = load_articles(tmp_path)
    assert post.lang == "en" and post.translations == () and all(c.lang == "en" for c in post.chunks)


def test_the_bundled_translation_lines_up_and_keeps_code():
    [post] = load_articles(ROOT / "corpus")
    assert post.translations == ("en",)
    own = {c.id: c for c in post.chunks if not c.original}
    translated = [c for c in post.chunks if c.original]
    assert {c.original for c in translated} == {i for i, c in own.items() if not c.draft}
    for chunk in translated:
        if chunk.kind == "code":
            assert chunk.text == own[chunk.original].text
        if chunk.kind in ("prose", "row", "diagram"):  # a diagram's labels are translated too
            assert not re.search(r"[\uac00-\ud7a3]", chunk.text), chunk.text


def test_english_questions_are_answered_in_english_with_the_original_alongside(assistant):
    answer = assistant.ask("Do containers share the kernel?")
    assert answer.verdict == "yes" and answer.answer.startswith("Yes — ")
    assert not re.search(r"[\uac00-\ud7a3]", answer.answer)
    for citation in answer.citations:
        assert citation.quote_original and re.search(r"[\uac00-\ud7a3]", citation.quote_original)
        assert citation.section_translated and not re.search(r"[\uac00-\ud7a3]", citation.section_translated)
        assert citation.section.startswith("궁금증들") or re.search(r"[\uac00-\ud7a3]", citation.section)


def test_korean_questions_are_answered_in_korean(assistant):
    answer = assistant.ask("컨테이너끼리 커널을 공유하나요?")
    assert answer.verdict == "yes" and answer.answer.startswith("네, ")
    assert all(c.quote_original is None and c.section_translated is None for c in answer.citations)
    assert all(re.search(r"[\uac00-\ud7a3]", c.quote) for c in answer.citations)


@pytest.mark.parametrize("question, korean", [("How do I run a container as a non-root user?", False), ("컨테이너를 root가 아닌 사용자로 실행하려면?", True)])
def test_catalog_snippets_and_refusal_topics_follow_the_question_language(assistant, question, korean):
    answer = assistant.ask(question)
    catalog = [s for s in answer.snippets if s.source == "catalog"]
    assert catalog, "the catalog has a non-root snippet"
    for snippet in catalog:
        hangul = bool(re.search(r"[\uac00-\ud7a3]", snippet.title + snippet.explanation))
        assert hangul == korean, (snippet.title, snippet.explanation)
    topics = assistant.topics("ko" if korean else "en")
    assert any(bool(re.search(r"[\uac00-\ud7a3]", t)) == korean for t in topics)
    assert ("보안 문제와 해결" in topics) == korean


def test_a_post_without_a_translation_answers_in_its_own_language_and_says_so(tmp_path):
    from assistant.core import Assistant
    from assistant.labels import LABELS
    from assistant.settings import Settings
    from integrations.slack import render

    out = build_post_index(
        tmp_path,
        "volumes.md",
        # Korean prose with the English technical words Korean posts often keep (a general refusal model refuses
        # questions whose key words a post never uses).
        "---\ntitle: 볼륨 정리\n---\n\n## Docker volume으로 data 보존\n\ncontainer를 지워도 volume에 저장한 data는 남습니다.\n\n"
        "## Bind mount\n\nbind mount는 host 폴더를 container에 연결합니다.\n",
    )
    assistant = Assistant.load(Settings(_env_file=None, index_dir=out))
    answer = assistant.ask("Is the data in a Docker volume kept when the container is deleted?")
    assert answer.language == "en" and not answer.refused
    assert answer.answer.rstrip().endswith("(The article has no English translation; this answer quotes it in its own language.)")
    assert re.search(r"[\uac00-\ud7a3]", answer.citations[0].quote) and answer.citations[0].quote_original is None
    # The surfaces still frame it in the asker's language.
    text = json.dumps(render.answer_message(answer), ensure_ascii=False)
    assert f"*{LABELS['en']['sources']}*" in text
    korean = assistant.ask("volume에 저장한 data는 container를 지워도 남나요?")
    assert "번역이 없어" not in korean.answer


@pytest.mark.parametrize(
    "question, language",
    [("Do containers share the kernel?", "en"), ("컨테이너끼리 커널을 공유하나요?", "ko"), ("compose 파일 나누면 kernel 공유돼?", "ko")],
)
def test_the_api_answers_in_the_question_language_with_the_original_one_field_away(assistant, question, language):
    from fastapi.testclient import TestClient

    from assistant.settings import Settings
    from integrations.http.app import create_app

    with TestClient(create_app(Settings(_env_file=None), assistant=assistant)) as client:
        body = client.post("/v1/ask", json={"question": question}).json()
    assert body["language"] == language and not body["refused"]
    hangul = len(re.findall(r"[\uac00-\ud7a3]", body["answer"])) / max(1, len(re.findall(r"\w", body["answer"])))
    assert (hangul < 0.05) if language == "en" else (hangul > 0.3)
    for citation in body["citations"]:
        if language == "en":
            assert citation["quote_original"] and citation["section_translated"]
        else:
            assert citation["quote_original"] is None and citation["section_translated"] is None
