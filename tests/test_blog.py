"""A whole Jekyll blog, generated here: URLs from _config.yml and front matter, kramdown anchors with emoji, posts
that are not mixed, snippets gated to their post, refusals naming posts, duplicate file names; the real embedder."""

import json
import shutil
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.ingest import kramdown_anchor, load_articles, parse_article
from assistant.site import Site, post_path, slugify
from conftest import ARTICLE, ROOT

CONFIG = """\
title: Notes
url: "https://blog.test"
baseurl: "/b"
defaults:
  - scope:
      path: ""
      type: posts
    values:
      layout: post
      permalink: /posts/:title/
"""

NTP = """\
---
title: 리눅스 시간 동기화 정리
date: 2024-03-01 10:00:00 +0900
categories: [Linux, Time]
lang: ko-KR
---

서버 시계가 어긋나면 인증서 검증과 로그 분석이 실패한다. 이 글은 chrony로 시간을 맞추는 방법을 정리한다.

## ⚙️ chrony 설정

chrony는 /etc/chrony.conf 파일의 server 줄로 NTP 서버를 지정한다. iburst 옵션을 붙이면 시작할 때 빠르게 동기화한다.

```bash
sudo systemctl enable --now chronyd
chronyc sources -v
```

## ☁️ 클라우드 환경의 시간 서버

AWS 인스턴스는 169.254.169.123 주소의 Amazon Time Sync Service를 NTP 서버로 쓰면 된다.

## 🛠️ 동기화 상태 확인

chronyc tracking 명령은 시스템 시계와 기준 시계의 차이(offset)를 보여 준다.
"""

SPRING = """\
---
title: Spring AOP proxies in practice
date: 2024-04-02
categories: [Java]
permalink: /spring/aop-proxies/
---

## 🛠️ How proxies work

Spring AOP wraps a bean in a JDK dynamic proxy when the bean implements an interface, and in a CGLIB subclass
proxy otherwise. Advice such as @Transactional runs only when a call goes through the proxy.

## Self-invocation pitfalls

A method that calls another method of the same class with this bypasses the proxy, so the @Transactional advice
of the called method never runs. Move the called method to another bean or inject the proxy itself.

## Ordering advice -- with @Order

Several aspects on one join point run in the order of their @Order values, lowest first.
"""

NOTES_2023 = """\
---
title: Weekly notes on PostgreSQL vacuum
---

## Autovacuum thresholds

Autovacuum runs on a table when dead tuples exceed autovacuum_vacuum_threshold plus the scale factor times the table
size.
"""

NOTES_2024 = """\
---
title: Weekly notes on Redis eviction
permalink: /notes/redis-eviction/
---

## Eviction policies

With maxmemory reached, Redis evicts keys by the maxmemory-policy setting, for example allkeys-lru.
"""

NTP_NAME = "2024-03-01-시간-동기화"
NTP_URL = "https://blog.test/b/posts/" + quote("시간-동기화") + "/"
SPRING_URL = "https://blog.test/b/spring/aop-proxies/"


def write_blog(root):
    posts = root / "_posts"
    (posts / "2023").mkdir(parents=True)
    (posts / "2024").mkdir()
    (root / "_config.yml").write_text(CONFIG, encoding="utf-8")
    (posts / f"{NTP_NAME}.md").write_text(NTP, encoding="utf-8")
    (posts / "2024-04-02-spring-aop.md").write_text(SPRING, encoding="utf-8")
    (posts / "2023" / "2023-05-05-notes.md").write_text(NOTES_2023, encoding="utf-8")
    (posts / "2024" / "2023-05-05-notes.md").write_text(NOTES_2024, encoding="utf-8")
    shutil.copy(ARTICLE, posts / "2024-01-01-docker-disadvantages.md")
    return root


@pytest.fixture(scope="module")
def blog(tmp_path_factory):
    """The generated site, indexed by `docker-qa index build SITE_DIR` (embeddings of the article reused)."""
    root = write_blog(tmp_path_factory.mktemp("site"))
    out = tmp_path_factory.mktemp("indexes") / "blog-index"
    shutil.copytree(ROOT / "index", out)  # an earlier index at --out: its embeddings are reused
    result = CliRunner().invoke(main, ["index", "build", str(root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return root, out


@pytest.fixture(scope="module")
def blog_assistant(blog):
    from assistant.core import Assistant
    from assistant.settings import Settings

    return Assistant.load(Settings(index_dir=blog[1]))


def titles(assistant):
    return {post.document: post.title for post in assistant.posts.values()}


# --- anchors and URLs, without an index -------------------------------------------------------------------

@pytest.mark.parametrize(
    "raw, anchor",
    [
        ("⚙️ chrony 설정", "\ufe0f-chrony-설정"),  # the emoji goes, its variation selector U+FE0F stays
        ("☁️ Cloud", "\ufe0f-cloud"),
        ("🛠️ How proxies work", "\ufe0f-how-proxies-work"),
        ("🚀 Launch", "-launch"),
        ("1️⃣ Step", "1\ufe0f\u20e3-step"),  # the keycap's enclosing mark is a Mark too
        ("👩\u200d💻 Dev", "-dev"),  # the zero-width joiner is a format character, not a word character
        ("x² and ½", "x-and-"),  # other numbers are not \p{Word} in Ruby
    ],
)
def test_anchors_follow_kramdown_word_characters(raw, anchor):
    assert kramdown_anchor(raw) == anchor


def test_typographic_dashes_in_text_are_dropped_but_code_keeps_them():
    article = parse_article("## Ordering advice -- with `--order`\n\ntext\n")
    assert article.sections[0].anchor == "ordering-advice--with---order"


def test_jekyll_slugify_and_permalinks():
    assert slugify("Hello, World_x!", pretty=True, cased=True) == "Hello,-World_x!"
    assert slugify("Hello World_x") == "hello-world-x"
    article = parse_article("---\ntitle: T\ncategories: [Dev Notes, Go]\n---\n## A\n\nb\n")

    class Named:
        name, permalink, slug, date, categories = "2024-02-03-my-post", "", "", "", ("Dev", "Go")

    assert post_path(Named, "/posts/:title/") == "/posts/my-post/"
    assert post_path(Named, "pretty") == "/dev/go/2024/02/03/my-post/"
    assert post_path(Named, "date") == "/dev/go/2024/02/03/my-post.html"
    assert post_path(Named, "/:year/:i_month/:title:output_ext") == "/2024/2/my-post.html"
    assert article.categories == ("Dev Notes", "Go")
    assert Site(ROOT).permalink == "/posts/:title/"


def test_site_posts_get_their_urls_and_duplicate_names_distinct_ids(tmp_path):
    articles = {a.document: a for a in load_articles(write_blog(tmp_path))}
    assert articles[NTP_NAME].url == NTP_URL
    assert articles[NTP_NAME].lang == "ko"  # `lang: ko-KR`
    assert articles["2024-04-02-spring-aop"].url == SPRING_URL
    assert articles["2024/2023-05-05-notes"].url == "https://blog.test/b/notes/redis-eviction/"
    assert articles["2023/2023-05-05-notes"].url == "https://blog.test/b/posts/notes/"
    chunk_ids = [c.id for a in articles.values() for c in a.chunks]
    assert len(chunk_ids) == len(set(chunk_ids))
    lead = articles[NTP_NAME].sections[0]
    assert (lead.level, lead.anchor, lead.label) == (0, "", "리눅스 시간 동기화 정리")


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda root: (root / "_config.yml").write_text("url: [unclosed\n", encoding="utf-8"), "not valid YAML"),
        (lambda root: (root / "_config.yml").write_text("- a list\n", encoding="utf-8"), "expected a mapping"),
        (lambda root: (root / "_config.yml").write_text("url: https://x.test\n", encoding="utf-8"), "without a _posts/ folder"),
    ],
)
def test_bad_sites_are_one_line_errors(tmp_path, setup, message):
    root = tmp_path / "site"
    root.mkdir()
    setup(root)
    if message == "not valid YAML" or message == "expected a mapping":
        (root / "_posts").mkdir()
        (root / "_posts" / "2024-01-01-a.md").write_text("## A\n\nb\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["index", "build", str(root), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
    assert not (tmp_path / "out").exists()


# --- the indexed blog -------------------------------------------------------------------------------------

def test_index_info_lists_each_post_and_the_general_refusal_model(blog):
    result = CliRunner().invoke(main, ["index", "info", "--index", str(blog[1])])
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    posts = {post["document"]: post for post in info["posts"]}
    assert set(posts) == {NTP_NAME, "2024-04-02-spring-aop", "2023/2023-05-05-notes", "2024/2023-05-05-notes",
                          "2024-01-01-docker-disadvantages"}
    assert posts["2024-04-02-spring-aop"] | {"chunks": 0} == {
        "document": "2024-04-02-spring-aop", "title": "Spring AOP proxies in practice", "url": SPRING_URL,
        "language": "en", "translations": [], "sections": 3, "chunks": 0}
    assert posts["2024-04-02-spring-aop"]["chunks"] > 3
    assert posts[NTP_NAME]["language"] == "ko" and posts[NTP_NAME]["sections"] == 3
    assert info["refusal_model"].startswith("general")


def test_citations_carry_the_post_its_url_and_kramdown_anchor(blog_assistant):
    answer = blog_assistant.ask("How do I see the offset between the system clock and the reference with chronyc?")
    assert not answer.refused and answer.posts == 5
    first = answer.citations[0]
    assert first.post == "리눅스 시간 동기화 정리" and first.post_url == NTP_URL
    assert first.section == "🛠️ 동기화 상태 확인"
    assert first.url == NTP_URL + "#\ufe0f-동기화-상태-확인"


def test_the_text_before_the_first_heading_is_the_posts_own_section(blog_assistant):
    answer = blog_assistant.ask("서버 시계가 어긋나면 무엇이 실패하나요?")
    first = answer.citations[0]
    assert not answer.refused
    assert (first.section, first.anchor, first.url) == ("리눅스 시간 동기화 정리", "", NTP_URL)


def test_answers_quote_one_post_and_get_no_docker_snippets(blog_assistant):
    chunks = {}
    for chunk in blog_assistant.index.chunks:
        chunks.setdefault(chunk.document, []).append(chunk.text)
    for question, document in [
        ("Why does @Transactional not run when a method calls another method of the same class?", "2024-04-02-spring-aop"),
        ("When does Spring use a CGLIB proxy instead of a JDK dynamic proxy?", "2024-04-02-spring-aop"),
        ("AWS에서는 어떤 NTP 서버를 쓰면 되나요?", NTP_NAME),
    ]:
        answer = blog_assistant.ask(question)
        assert not answer.refused, question
        assert answer.citations[0].post == titles(blog_assistant)[document], question
        for paragraph in answer.answer.split("\n\n"):
            if paragraph.startswith(("```", "(")):
                continue
            assert any(paragraph in text for text in chunks[document]), (question, paragraph)
        assert all(c.post == answer.citations[0].post for c in answer.citations if c.in_answer)
        assert not [s for s in answer.snippets if s.source == "catalog"], question
        assert all(c.url.startswith(c.post_url) for c in answer.citations)


def test_an_english_post_without_translation_answers_a_korean_question_in_english(blog_assistant):
    # The general refusal model weighs the question's words found in the posts: Korean developers name the
    # English terms, and a question in Korean words alone about an English post may be refused (README).
    answer = blog_assistant.ask("같은 class에서 this로 method를 호출하면 @Transactional advice가 왜 안 되나요?")
    assert not answer.refused and answer.language == "ko"
    assert answer.citations[0].post == "Spring AOP proxies in practice"
    assert "번역이 없어" in answer.answer


def test_the_docker_post_keeps_its_catalog_snippets_in_a_blog(blog_assistant):
    answer = blog_assistant.ask("How do I keep data when a container is deleted?")
    assert answer.citations[0].post == "도커 단점과 해결 방법"
    assert answer.citations[0].post_url == "https://blog.test/b/posts/docker-disadvantages/"
    assert [s for s in answer.snippets if s.source == "catalog"]


def test_a_refusal_names_the_posts_not_their_headings(blog_assistant):
    answer = blog_assistant.ask("What is the best pizza topping in Naples?")
    assert answer.refused and not answer.citations and not answer.snippets
    assert answer.answer.startswith("The indexed posts do not")
    for title in titles(blog_assistant).values():
        assert f"“{title}”" in answer.answer
    assert "Self-invocation" not in answer.answer and "보안 문제" not in answer.answer
    korean = blog_assistant.ask("나폴리 피자의 가장 좋은 토핑은?")
    assert korean.refused and korean.answer.startswith("색인된 글들") and "“Spring AOP proxies in practice”" in korean.answer


def test_surfaces_name_the_post_with_the_section(blog, blog_assistant):
    from integrations.slack import render

    question = "Why does @Transactional not run when a method calls another method of the same class?"
    result = CliRunner().invoke(main, ["ask", "--index", str(blog[1]), question])
    assert result.exit_code == 0, result.output
    assert "Spring AOP proxies in practice > Self-invocation pitfalls" in result.output
    blocks = json.dumps(render.answer_message(blog_assistant.ask(question))["blocks"], ensure_ascii=False)
    assert "Spring AOP proxies in practice &gt; Self-invocation pitfalls" in blocks
    refusal = blog_assistant.ask("What is the best pizza topping in Naples?")
    blocks = json.dumps(render.answer_message(refusal, blog_assistant.topics("en"))["blocks"], ensure_ascii=False)
    assert "indexed posts" in blocks and "• Spring AOP proxies in practice" in blocks
    result = CliRunner().invoke(main, ["ask", "--index", str(blog[1]), "What is the best pizza topping in Naples?"])
    assert result.exit_code == 0 and "Not in the posts" in result.output
    result = CliRunner().invoke(main, ["search", "--index", str(blog[1]), "-k", "1", "CGLIB subclass proxy"])
    assert result.exit_code == 0 and "Spring AOP proxies in practice > 🛠️ How proxies work" in result.output


def test_eval_reads_the_index_it_is_given(blog, tmp_path):
    questions = tmp_path / "q.jsonl"
    questions.write_text(json.dumps({"q": "Which Redis setting decides which keys are evicted?", "gold": ["Eviction policies"]}) + "\n",
                         encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--index", str(blog[1]), str(questions), "--markdown"])
    assert result.exit_code == 0, result.output
    assert "| hybrid | 1 | 1.000 |" in result.output


def test_calibrating_a_users_index_writes_beside_it_and_survives_a_rebuild(tmp_path):
    """`calibrate --index` stores the model in the index folder (never in the bundled corpus); a rebuild of the same
    posts keeps it, and the assistant on that index uses it instead of the general model."""
    from assistant.core import Assistant
    from assistant.settings import Settings
    from conftest import build_post_index

    post = "\n\n".join(
        f"## {name} cache\n\n{name} keeps a cache of {thing} so that repeated reads are fast; evictions happen when memory runs low."
        for name, thing in (("Redis", "keys"), ("Varnish", "pages"), ("Memcached", "objects"), ("Nginx", "responses"))
    )
    index = build_post_index(tmp_path, "caches.md", f"---\ntitle: Caches\n---\n\n{post}\n")
    questions = tmp_path / "labelled.jsonl"
    lines = [{"q": f"How does {n} keep its cache?", "gold": [f"{n} cache"]} for n in ("Redis", "Varnish", "Memcached", "Nginx")]
    lines += [{"q": q, "gold": [], "offtopic": True} for q in ("How do I bake bread?", "Who won the football match?", "What is the capital of Peru?")]
    questions.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    bundled = (ROOT / "corpus" / "refusal.json").read_bytes()
    general = CliRunner().invoke(main, ["calibrate", "--floor", str(questions), "--index", str(index)])
    assert general.exit_code == 2 and "refusal model fitted for this corpus" in general.output and "Traceback" not in general.output
    result = CliRunner().invoke(main, ["calibrate", str(questions), "--index", str(index)])
    assert result.exit_code == 0, result.output
    assert str(index / "refusal.json") in result.output
    assert (ROOT / "corpus" / "refusal.json").read_bytes() == bundled
    assert not Assistant.load(Settings(index_dir=index)).refusal.general
    # the floor is set on labelled questions for the fitted model, keeping its weights; the general model has none
    floored = CliRunner().invoke(main, ["calibrate", "--floor", str(questions), "--index", str(index)])
    assert floored.exit_code == 0, floored.output
    fitted = Assistant.load(Settings(index_dir=index)).refusal
    assert fitted.floor is not None and fitted.floor_on == ["labelled.jsonl"] and fitted.floor <= fitted.threshold
    assert (ROOT / "corpus" / "refusal.json").read_bytes() == bundled
    rebuilt = CliRunner().invoke(main, ["index", "build", str(tmp_path / "caches.md"), "--out", str(index)])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert (index / "refusal.json").is_file() and not Assistant.load(Settings(index_dir=index)).refusal.general


def _post_assistant(tmp_path, name: str, post: str):
    """The assistant over one small post built into an index under tmp_path."""
    from assistant.core import Assistant
    from assistant.settings import Settings
    from conftest import build_post_index

    return Assistant.load(Settings(index_dir=build_post_index(tmp_path, name, post)))


def test_a_quoted_phrase_is_mentioned_not_asserted(tmp_path):
    """"the common phrase “Redis is single-threaded” needs care" does not say that Redis is single-threaded: no verdict;
    a plain statement of the same post still settles its question."""
    post = (
        "---\ntitle: Redis internals\n---\n\n## The event loop\n\nThis is where the common phrase “Redis is single-threaded”"
        " needs care. Command execution is predominantly serialized, and background work can use threads.\n\n"
        "## Replication\n\nReplication is asynchronous by default. A replica applies the stream of changes the primary sends.\n"
    )
    assistant = _post_assistant(tmp_path, "redis.md", post)
    assert assistant.ask("Is Redis single-threaded?").verdict is None
    assert assistant.ask("Is replication asynchronous by default?").verdict == "yes"


def test_a_negation_typeset_or_said_by_lack_and_a_fronted_contrast_settle_no_yes(tmp_path):
    """"doesn’t" (a typeset apostrophe) and "lacks" deny what they say; "While Docker focuses on application
    containers, LXD specializes in system containers" says each clause of its own subject."""
    post = (
        "---\ntitle: Container tools\n---\n\n## LXD\n\nWhile Docker focuses on application containers, LXD specializes in"
        " system containers. LXD doesn’t natively support Windows.\n\n## Buildah\n\nBuildah lacks swarm mode for"
        " clustering. Buildah builds OCI images without a daemon.\n"
    )
    assistant = _post_assistant(tmp_path, "tools.md", post)
    assert assistant.ask("Is LXD focused on application containers?").verdict is None
    assert assistant.ask("Does LXD natively support Windows?").verdict != "yes"
    assert assistant.ask("Does Buildah have swarm mode for clustering?").verdict == "no"


def test_a_wrapped_definition_list_answers_each_entry_of_its_own_term(tmp_path):
    """A definition list written over wrapped lines (as documentation sources are): each line break inside a sentence
    joins it, an entry is read past its term ("none: Completely isolate …" is no negation), and what one entry says
    answers no question about another entry's term."""
    post = (
        "---\ntitle: Network drivers\n---\n\n## Drivers\n\nSeveral drivers exist by default:\n\n"
        "- `overlay`: Overlay networks connect multiple Docker daemons together and\n  enable services to communicate"
        " across nodes.\n\n"
        "- `ipvlan`: IPvlan networks give users total control over both IPv4 and IPv6\n  addressing.\n\n"
        "- `macvlan`: Macvlan networks allow you to assign a MAC address to a container,\n  making it appear as a"
        " physical device on your network.\n\n"
        "- `none`: Completely isolate a container from the host and other containers.\n"
        "  `none` is not available for Swarm services.\n"
    )
    assistant = _post_assistant(tmp_path, "drivers.md", post)
    from assistant.claims import split_sentences

    entry = next(chunk for chunk in assistant.index.chunks if chunk.text.startswith("ipvlan:"))
    assert split_sentences(entry.text) == ["ipvlan: IPvlan networks give users total control over both IPv4 and IPv6 addressing."]
    isolating = [c for claims in assistant.claims.values() for c in claims if c.key == "none" and c.predicate == "separate"]
    assert isolating and all(c.value == "yes" for c in isolating)
    assert assistant.ask("Does ipvlan give users total control over IPv4 and IPv6 addressing?").verdict == "yes"
    assert assistant.ask("Does macvlan give users total control over IPv4 and IPv6 addressing?").verdict is None
    assert assistant.ask("Does the overlay driver connect multiple Docker daemons together?").verdict == "yes"


def test_what_a_post_recommends_is_said_as_advice_and_not_denied(tmp_path):
    """"is X recommended?" is settled yes only by a passage that advises X or sits under a heading of solutions: the
    story of an old answer ("the old answer was --link") recommends nothing, and "not the default bridge" names the
    bridge only to deny it."""
    post = (
        "---\ntitle: Service discovery\n---\n\n## The old way\n\nDocker's old answer was `--link`, a flag that wrote a"
        " static hosts entry when a container started. It solved name resolution for the linked containers only.\n\n"
        "## The solution\n\nCreate a user-defined network: its embedded DNS server resolves each container's name on"
        " every lookup. The fix is a user-defined network, not the default bridge.\n"
    )
    assistant = _post_assistant(tmp_path, "discovery.md", post)
    assert assistant.ask("Does the post recommend a user-defined network?").verdict == "yes"
    assert assistant.ask("Is --link recommended?").verdict is None
    assert assistant.ask("Does the post recommend the default bridge?").verdict is None


def test_a_feature_matrix_answers_each_subject_by_its_column(tmp_path):
    """A table whose value columns are headed by subjects ("| Feature | Runc | Gvisor | Firecracker |" with Yes/No)
    says whether each subject supports each row's feature: a question naming both is settled by that one cell, one
    naming no subject (where the columns disagree) is not; an identifier joined with underscores ("cap_drop") is a
    name, not words ("cap" no verb), and "no-new-privileges" no negation."""
    post = (
        "---\ntitle: Sandboxes compared\n---\n\n## Options\n\nThe hardening flags are no-new-privileges and cap_drop for"
        " every runtime.\n\n## Support matrix\n\n| Feature | Runc | Gvisor | Firecracker |\n|---|---|---|---|\n"
        "| seccomp | Yes | Yes | No |\n| rootless | No | Yes | Yes |\n| cap_drop | Yes | Yes | No |\n"
        "| checkpointing | Yes | No | Yes |\n"
    )
    expected = {
        "Does Gvisor support seccomp?": "yes",
        "Does Firecracker support seccomp?": "no",
        "Is rootless supported by Runc?": "no",
        "Is checkpointing available in Firecracker?": "yes",
        "Does Runc support cap_drop?": "yes",
        "Is seccomp supported?": None,
    }
    assistant = _post_assistant(tmp_path, "sandboxes.md", post)
    assert {question: assistant.ask(question).verdict for question in expected} == expected
