"""The article's title and example questions come from the loaded index, on the web page, in the OpenAPI document
and in Slack's help; an index of another post names that post."""

import json

from fastapi.testclient import TestClient

from assistant.article import DEFAULT_ARTICLE, article_info
from assistant.core import Assistant
from assistant.settings import Settings
from conftest import build_post_index
from integrations.http.app import create_app
from integrations.slack import render

TITLE = "도커 단점과 해결 방법"


def test_title_and_examples_of_the_bundled_index(assistant):
    info = article_info(assistant)
    assert info.title == TITLE
    assert info.examples[0] == "Docker 컨테이너는 무엇을 공유하고 무엇을 격리할까?"
    assert len(info.examples) == 4 and all(q.endswith("?") for q in info.examples)
    headings = {s.title for s in assistant.index.sections}
    assert set(info.examples) <= headings
    assert info.url is None
    assert article_info(object()) == DEFAULT_ARTICLE  # no index loaded: the defaults


def test_another_post_names_itself_everywhere(tmp_path):
    out = build_post_index(
        tmp_path,
        "post.md",
        "---\ntitle: Volumes <in> practice & more\n---\n\n## Keeping data\n\nVolumes keep data.\n\n"
        "## Why do bind mounts break on macOS?\n\nFile sharing is slow.\n",
    )
    settings = Settings(index_dir=out, base_url="https://blog.example.com/volumes")
    assistant = Assistant.load(settings)
    info = article_info(assistant)
    assert info.title == "Volumes <in> practice & more"
    assert info.examples == ("Why do bind mounts break on macOS?",)
    assert info.url == "https://blog.example.com/volumes"

    with TestClient(create_app(settings, assistant=assistant)) as client:
        page = client.get("/").text
        assert '<a href="https://blog.example.com/volumes" target="_blank" rel="noopener noreferrer">' in page
        assert '<cite lang="en">Volumes &lt;in&gt; practice &amp; more</cite>' in page
        assert '<button type="button" class="example" lang="en">Why do bind mounts break on macOS?</button>' in page
        assert 'placeholder="e.g. Why do bind mounts break on macOS?"' in page
        assert "{{" not in page
        assert client.get("/static/index.html").status_code == 404  # the template is not served raw
        assert '"Volumes <in> practice & more"' in client.get("/openapi.json").json()["info"]["description"]

    usage = render.usage_message(assistant.topics(), info)
    text = json.dumps(usage, ensure_ascii=False)
    assert "Volumes &amp;lt;in&amp;gt; practice &amp;amp; more" not in text  # escaped once, not twice
    assert "*Volumes &lt;in&gt; practice &amp; more*" in usage["blocks"][0]["text"]["text"]
    assert "/ask Why do bind mounts break on macOS?" in usage["blocks"][0]["text"]["text"]


def test_the_page_names_the_bundled_article_before_and_after_loading(assistant):
    with TestClient(create_app(Settings(), assistant=assistant)) as client:
        page = client.get("/").text
        assert f'<cite lang="ko">{TITLE}</cite>' in page and "<a href" not in page.split("tagline")[1].split("</p>")[0]
        assert page.count('class="example"') == 4
        head = client.head("/")
        assert head.status_code == 200 and head.content == b""
        assert int(head.headers["content-length"]) == len(page.encode("utf-8"))
