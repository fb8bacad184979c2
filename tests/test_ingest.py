"""The chunker on the real article: sections, anchors, table rows, code, diagrams, drafts and metadata."""

from pathlib import Path

import pytest

from assistant.errors import IngestError
from assistant.ingest import chunk_article, kramdown_anchor, load_articles, mermaid_edges, parse_article
from conftest import ARTICLE


@pytest.fixture(scope="module")
def article():
    return chunk_article(ARTICLE)


def visible_headings(text: str) -> list[str]:
    """Headings of the published page: ATX lines outside fenced code and outside HTML comments."""
    titles, in_fence, in_comment = [], False, False
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text  # skip the YAML front matter
    for line in body.splitlines():
        stripped = line.strip()
        if not in_fence and "<!--" in stripped:
            in_comment = "-->" not in stripped.split("<!--", 1)[1]
            continue
        if in_comment:
            in_comment = "-->" not in stripped
            continue
        if stripped.startswith("```"):
            in_fence = not in_fence
            continue
        if not in_fence and stripped.startswith("#") and " " in stripped:
            marks, title = stripped.split(" ", 1)
            if set(marks) == {"#"} and len(marks) <= 6:
                titles.append(title.replace("`", "").strip())
    return titles


def test_every_visible_heading_is_a_section(article):
    expected = visible_headings(ARTICLE.read_text(encoding="utf-8"))
    assert [s.title for s in article.sections] == expected
    assert len(expected) == 38


def test_sections_carry_full_heading_paths(article):
    labels = {s.label for s in article.sections}
    assert "궁금증들 > Docker 컨테이너는 무엇을 공유하고 무엇을 격리할까? > 커널 공유 여부 정리 표" in labels
    assert "보안 문제와 해결 > 해결 방안" in labels
    assert "궁금증들 > Docker 컨테이너는 무엇을 공유하고 무엇을 격리할까? > 예시 시나리오 > 서비스 구성" in labels


@pytest.mark.parametrize(
    "title, anchor",
    [
        ("--privileged 옵션은 어떤 위험이 있을까?", "--privileged-옵션은-어떤-위험이-있을까"),
        ("NAT(Network Address Translation)가 네트워크 성능에 영향을 주는 이유는?", "natnetwork-address-translation가-네트워크-성능에-영향을-주는-이유는"),
        ("Docker Scan, SELinux, AppArmor는 어떻게 보안에 도움이 될까?", "docker-scan-selinux-apparmor는-어떻게-보안에-도움이-될까"),
        ("실행 방식 1: 하나의 docker-compose로 실행", "실행-방식-1-하나의-docker-compose로-실행"),
        ("Docker 컨테이너는 왜 Host OS의 커널을 공유할까?", "docker-컨테이너는-왜-host-os의-커널을-공유할까"),
        ("커널 공유 여부 정리 표", "커널-공유-여부-정리-표"),
    ],
)
def test_kramdown_anchor_rule(title, anchor):
    assert kramdown_anchor(title) == anchor


def test_repeated_headings_get_numbered_anchors(article):
    anchors = [s.anchor for s in article.sections if s.title == "문제 요약"]
    assert anchors == ["문제-요약", "문제-요약-1", "문제-요약-2"]
    assert [s.anchor for s in article.sections if s.title == "설명"] == ["설명", "설명-1"]
    assert kramdown_anchor("a  b\tc") == "a--b-c"  # one hyphen per space or tab, no collapsing


def test_each_table_row_is_a_chunk_with_its_header(article):
    rows = [c for c in article.chunks if c.kind == "row"]
    assert len(rows) == 5 + 6 + 6 + 5  # the four visible tables
    split = next(c for c in rows if c.cells[0] == "docker-compose 여러 개로 나눠 실행")
    assert split.header == ("실행 조건", "커널 공유 여부")
    assert split.cells == ("docker-compose 여러 개로 나눠 실행", "공유")
    assert split.section.endswith("> 커널 공유 여부 정리 표")
    assert "실행 조건: docker-compose 여러 개로 나눠 실행" in split.text and "커널 공유 여부: 공유" in split.text
    assert all(len(c.cells) == len(c.header) for c in rows)


def test_draft_table_in_html_comment_is_left_out_by_default(article):
    text = "\n".join(c.text for c in article.chunks)
    assert "Service Mesh" not in text and "도커 단점별 해결 방법 정리" not in text
    assert "보안적으로 VM보다 약합니다" not in text
    assert not any(c.draft for c in article.chunks)


def test_drafts_are_included_only_when_asked():
    with_drafts = chunk_article(ARTICLE, include_drafts=True)
    drafts = [c for c in with_drafts.chunks if c.draft]
    assert any("Service Mesh" in c.text for c in drafts)
    assert any("Macvlan" in c.text for c in drafts)
    # Draft headings are not on the page, so they do not shift the anchors of visible ones.
    visible = [s.anchor for s in with_drafts.sections if not s.draft]
    assert visible == [s.anchor for s in chunk_article(ARTICLE).sections]


def test_code_blocks_are_whole_snippets_with_language(article):
    code = [c for c in article.chunks if c.kind == "code"]
    split = next(c for c in code if "docker-compose -f docker-compose.weather.yml up -d" in c.text)
    assert split.language == "bash"
    assert split.text == "docker-compose -f docker-compose.weather.yml up -d\ndocker-compose -f docker-compose.todo.yml up -d"
    compose = next(c for c in code if c.language == "yaml")
    assert compose.text.startswith("# docker-compose.yml\nservices:") and "todo-service" in compose.text
    assert not any(c.language == "mermaid" for c in code)


def test_mermaid_diagrams_become_edge_text(article):
    diagrams = [c.text for c in article.chunks if c.kind == "diagram"]
    assert "도커 단점 → 보안 문제" in diagrams[0]
    assert any("컨테이너 A → (공유된 커널) Host OS" in d for d in diagrams)
    assert any("User → Container: 실행" in d for d in diagrams)
    assert not any("flowchart" in d or "-->" in d or "config" in d for d in diagrams)


def test_kramdown_attributes_and_html_are_removed(article):
    for chunk in article.chunks:
        assert "{:" not in chunk.text and "prompt-info" not in chunk.text
        assert "<br" not in chunk.text and "**" not in chunk.text


def test_front_matter_is_metadata(article):
    assert article.title == "도커 단점과 해결 방법"
    assert article.description == "장점이 있다면 단점도 있다"
    assert article.tags == ("typography",)
    assert not any("typography" in c.text for c in article.chunks)


def test_prose_never_crosses_a_heading(article):
    by_anchor = {s.anchor: s.label for s in article.sections}
    for chunk in article.chunks:
        assert by_anchor[chunk.anchor] == chunk.section
    quote = next(c for c in article.chunks if c.text.startswith("여전히 커널을 공유합니다"))
    assert quote.section.endswith("실행 방식 2: Compose 파일을 2개로 나눠서 실행")


def test_chunk_ids_are_stable_and_unique(article):
    again = chunk_article(ARTICLE)
    assert [c.id for c in again.chunks] == [c.id for c in article.chunks]
    assert len({c.id for c in article.chunks}) == len(article.chunks)


def test_folder_of_posts(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: A\n---\n## One\n\nalpha text\n", encoding="utf-8")
    sub = tmp_path / "more"
    sub.mkdir()
    (sub / "b.md").write_text("## Two\n\n| k | v |\n|---|---|\n| x | 1 |\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    articles = load_articles(tmp_path)
    assert [a.document for a in articles] == ["a", "b"]
    assert articles[0].title == "A"
    assert [c.kind for c in articles[1].chunks if c.kind == "row"] == ["row"]
    assert articles[0].chunks[0].id == "a#one/heading0"


def test_bad_sources_are_clear_errors(tmp_path):
    with pytest.raises(IngestError, match="no such file or folder"):
        load_articles(tmp_path / "missing")
    with pytest.raises(IngestError, match="no Markdown"):
        load_articles(tmp_path)
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"## \xff\xfe title\n")
    with pytest.raises(IngestError, match="not UTF-8"):
        load_articles(bad)
    with pytest.raises(IngestError, match="front matter"):
        parse_article("---\ntitle: [unclosed\n---\n## A\n")


def test_mermaid_edges_handles_labels_and_sequences():
    text = mermaid_edges("flowchart LR\n  A[빌드] -->|단계| B(런타임)\n  B -.-> C{끝}\n")
    assert text.splitlines() == ["빌드 → (단계) 런타임", "런타임 → 끝"]


def test_a_table_of_contents_is_not_indexed_as_content():
    """Entries that only link to the page's own headings are navigation: indexed, they would outrank the sections they
    point at with their titles alone. A line that links elsewhere or says something besides is prose."""
    article = parse_article(
        "# Post\n\n## Contents\n\n- [Why Swarm?](#why-swarm)\n- [Setup](#setup), [Scaling](#scaling)\n\n"
        "## Why Swarm?\n\nSee [the guide](https://example.com/guide) first.\n\nSwarm is simple; [scaling](#scaling) is manual.\n",
        "post",
    )
    assert [c.text for c in article.chunks if c.kind == "prose"] == ["See the guide first.", "Swarm is simple; scaling is manual."]
