"""The web chat page in a real browser (Debian's Chromium via Playwright) against the real app served by uvicorn."""

import json
import os
import re
import socket
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from assistant.settings import Settings
from assistant.article import DEFAULT_ARTICLE, article_info
from assistant.labels import LABELS
from integrations.http.app import create_app
from integrations.http.routers import page as page_module
from integrations.http.routers.page import CONTENT_SECURITY_POLICY, STATIC_DIR, render_page, script_json

pytestmark = pytest.mark.slow  # Chromium: part of the full run, not of the fast tier

CHROMIUM = Path("/usr/bin/chromium")
DOCS = Path(__file__).resolve().parent.parent / "docs"


def screenshot_path(name: str) -> str:
    """docs/NAME when DOCKER_QA_UPDATE_SCREENSHOTS=1 (to refresh the README's pictures), else a file in one temporary
    folder that each run overwrites (no folder left behind per run)."""
    import os
    import tempfile

    folder = DOCS if os.environ.get("DOCKER_QA_UPDATE_SCREENSHOTS") == "1" else Path(tempfile.gettempdir()) / "docker-qa-shots"
    folder.mkdir(exist_ok=True)
    return str(folder / name)
EXAMPLE = "does split compose share the kernel?"
KOREAN = "분리된 compose 파일로 실행하면 커널을 공유하나요?"
OFF_TOPIC = "What is the best pizza topping?"
EXPECTED_SECTIONS = ("실행 방식 2", "커널 공유 여부 정리 표")
EXPECTED_SNIPPET = "docker-compose -f docker-compose.weather.yml up -d"
EN, KO = LABELS["en"], LABELS["ko"]
HANGUL = re.compile(r"[\uac00-\ud7af]")
ANSWER_TIMEOUT_MS = 30_000

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)"
)


class LiveServer:
    """The app served by uvicorn on a loopback port from a background thread."""

    def __init__(self, app, port: int = 0):
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self.thread.start()
        for _ in range(500):
            if self.server.started or not self.thread.is_alive():
                break
            time.sleep(0.02)
        assert self.server.started, "uvicorn did not start"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        assert not self.thread.is_alive(), "uvicorn did not stop"


@pytest.fixture(scope="session")
def live(assistant):
    """The app as `docker-qa serve` runs it, around the session's loaded assistant."""
    server = LiveServer(create_app(Settings(), assistant=assistant))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium, for this module only: the sync Playwright API holds an event loop while it runs."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


class Watch:
    """What a page did that it must not: script errors, dialogs, CSP violations, requests to other origins."""

    def __init__(self, page, origin: str):
        self.errors, self.dialogs, self.foreign = [], [], []
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: None if request.url.startswith(origin) else self.foreign.append(request.url))
        # Runs outside the page's CSP, before any of its scripts.
        page.add_init_script(
            "window.__csp = [];"
            "document.addEventListener('securitypolicyviolation',"
            " (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        self.page = page

    def assert_clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.dialogs == [], self.dialogs
        assert self.foreign == [], self.foreign
        assert self.page.evaluate("window.__csp") == []


def open_page(browser, server: LiveServer, **context_options):
    """A fresh browser context (own session storage) on the page, with clipboard access granted."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **context_options})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = context.new_page()
    page.set_default_timeout(ANSWER_TIMEOUT_MS)
    watch = Watch(page, server.url)
    page.goto(server.url + "/")
    return context, page, watch


@pytest.fixture
def page(browser, live):
    context, page, watch = open_page(browser, live)
    try:
        yield page
        watch.assert_clean()
    finally:
        context.close()


def ask(page, question: str) -> None:
    """Type the question and press Enter, as a person would."""
    page.locator("#question").fill(question)
    page.locator("#question").press("Enter")


def last_reply(page):
    """The reply of the newest turn once it has an answer, a refusal or an error (no longer pending)."""
    reply = page.locator("#conversation > li.turn").last.locator(".reply")
    reply.locator(".answer, .error").wait_for()
    return reply


# --- the page and its headers (no browser needed) ------------------------------------------


def test_page_is_served_with_security_headers(live):
    response = httpx.get(live.url + "/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert csp == CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    head = httpx.head(live.url + "/")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    # No inline script or style the policy would block: every script and sheet is a file under /static/.
    assert "<script>" not in response.text and "<style" not in response.text and "style=" not in response.text
    for name, media_type in (("app.js", "text/javascript"), ("syntax.js", "text/javascript"), ("app.css", "text/css")):
        asset = httpx.get(f"{live.url}/static/{name}")
        assert asset.status_code == 200, name
        assert asset.headers["content-type"].startswith(media_type)
        assert asset.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert asset.headers["x-content-type-options"] == "nosniff"
        assert "innerHTML" not in asset.text and "insertAdjacentHTML" not in asset.text and "eval(" not in asset.text


@pytest.mark.parametrize("path", ["/static/nothing.js", "/static/", "/static/%2e%2e/routers/page.py"])
def test_only_the_page_files_are_served(live, path):
    response = httpx.get(live.url + path)
    assert response.status_code == 404
    assert set(response.json()["error"]) == {"code", "message"}


def test_no_file_outside_static_is_served(live, tmp_path):
    outside = tmp_path / "secret.css"
    outside.write_text("body { color: red }")
    relative = os.path.relpath(outside, STATIC_DIR)
    assert relative.startswith("..")
    # Escaped dots reach the server as "../" segments (a client would fold plain ones away).
    response = httpx.get(f"{live.url}/static/{relative.replace('..', '%2e%2e')}")
    assert response.status_code == 404
    assert "color: red" not in response.text


def test_the_page_is_open_when_the_api_needs_a_key(assistant):
    server = LiveServer(create_app(Settings(api_keys=["k"]), assistant=assistant))
    try:
        assert httpx.get(server.url + "/").status_code == 200
        assert httpx.get(server.url + "/static/app.js").status_code == 200
        assert httpx.post(server.url + "/v1/ask", json={"question": EXAMPLE}).status_code == 401
    finally:
        server.stop()


# --- in the browser ----------------------------------------------------------------------


@needs_chromium
def test_example_questions_and_title_come_from_the_index(page, assistant):
    info = article_info(assistant)
    assert info.title == "도커 단점과 해결 방법" and len(info.examples) == 4
    assert page.locator(".tagline cite").inner_text() == info.title
    assert page.locator("button.example").all_inner_texts() == list(info.examples)
    assert page.locator("#question").get_attribute("placeholder") == f"e.g. {info.example_question}"
    page.get_by_role("button", name=info.example_question).click()
    reply = last_reply(page)
    assert page.locator("#conversation .question p").last.inner_text() == info.example_question
    assert info.example_question in reply.locator(".citation").first.inner_text()


@needs_chromium
def test_example_question_shows_verdict_citation_snippet_and_copies_code(page, assistant):
    expected = assistant.ask(EXAMPLE)
    assert page.locator("#welcome").is_visible()
    ask(page, EXAMPLE)
    reply = last_reply(page)

    assert page.locator("#conversation .question p").last.inner_text() == EXAMPLE
    badge = reply.locator(".verdict")
    assert badge.get_attribute("data-verdict") == "yes"
    assert badge.inner_text().strip().lower().endswith("yes")
    citations = reply.locator(".citation").all_inner_texts()
    assert len(citations) == len(expected.citations)
    sections = reply.locator(".citation").evaluate_all("(items) => items.map((item) => item.dataset.section)")
    assert any(section in text for text in sections for section in EXPECTED_SECTIONS), sections
    assert expected.citations[0].quote in citations[0]
    assert page.locator("#welcome").is_hidden()
    expect(page.locator("#question")).to_be_focused()

    snippet = reply.locator("figure.snippet", has_text=EXPECTED_SNIPPET).first
    assert "docker-compose -f" in snippet.locator("pre").inner_text()
    # Highlighted: the command is its own element, and the text reads exactly as the code.
    assert snippet.locator("pre .token.function").first.inner_text() == "docker-compose"
    assert snippet.locator("pre .token.parameter").first.inner_text() == "-f"
    code = next(s.code for s in expected.snippets if EXPECTED_SNIPPET in s.code)
    assert snippet.locator("pre").inner_text().rstrip("\n") == code.rstrip("\n")

    page.evaluate("navigator.clipboard.writeText('')")
    snippet.get_by_role("button", name="Copy code").click()
    expect(snippet.get_by_role("button", name="Copy code")).to_have_text(EN["copied"])
    assert page.evaluate("navigator.clipboard.readText()") == code
    expect(snippet.get_by_role("button", name="Copy code")).to_be_focused()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=screenshot_path("screenshot-desktop.png"))


@needs_chromium
def test_highlighting_keeps_every_snippet_exactly(page, assistant):
    snippets = [assistant.snippet(snippet_id) for snippet_id in sorted(assistant.catalog)]
    snippets += [s for q in (EXAMPLE, "How do I make Docker images smaller?") for s in assistant.ask(q).snippets]
    assert {s.language for s in snippets} >= {"bash", "compose", "dockerfile", "json", "kubernetes"}
    items = [[s.code, s.language] for s in snippets]
    # Unfinished or hostile code must come out as the same text, never as elements.
    items += [["echo \"unterminated", "bash"], ["RUN a \\", "dockerfile"], ["<script>alert(1)</script>", "yaml"],
              ['{"a": [1, true, "<b>"]', "json"], ["", "bash"], ["<i>plain</i>", "mermaid"]]
    results = page.evaluate(
        """async (items) => {
            const { highlight } = await import("/static/syntax.js");
            return items.map(([code, language]) => {
                const box = document.createElement("code");
                box.append(highlight(code, language));
                return [box.textContent, box.querySelectorAll("span").length, box.querySelectorAll(":not(span)").length];
            });
        }""",
        items,
    )
    for (code, language), (text, spans, others) in zip(items, results):
        assert text == code, (language, code)
        assert others == 0, (language, code)
        if code and language != "mermaid":
            assert spans > 0, (language, code)
    assert results[-1][1] == 0  # a language without highlighting stays plain text


@needs_chromium
def test_korean_question_then_earlier_answers_stay_until_cleared(page):
    ask(page, KOREAN)
    reply = last_reply(page)
    assert reply.locator(".verdict").get_attribute("data-verdict") == "yes"
    assert any(section in reply.inner_text() for section in EXPECTED_SECTIONS)
    assert page.locator("#conversation .question p").last.get_attribute("lang") == "ko"

    ask(page, "How do I keep data when a container is deleted?")
    reply = last_reply(page)
    assert "Volume" in reply.inner_text()
    turns = page.locator("#conversation > li.turn")
    assert turns.count() == 2
    assert turns.first.locator(".question p").inner_text() == KOREAN
    assert turns.first.locator(".verdict").count() == 1

    page.get_by_role("button", name="New conversation").click()
    assert turns.count() == 0
    assert page.locator("#welcome").is_visible()
    assert page.get_by_role("button", name="New conversation").is_disabled()
    assert page.evaluate("document.activeElement.id") == "question"


@needs_chromium
def test_off_topic_question_is_refused_with_the_topics(page, assistant):
    ask(page, OFF_TOPIC)
    reply = last_reply(page)
    refusal = reply.locator(".refusal")
    assert refusal.is_visible()
    assert refusal.locator("h3").inner_text() == EN["refused"]
    assert refusal.get_attribute("lang") == "en"
    assert refusal.locator(".topics li").all_inner_texts() == assistant.topics("en")
    assert reply.locator(".verdict, .citation, figure.snippet").count() == 0


@needs_chromium
def test_server_down_shows_a_readable_error_and_try_again_recovers(browser, assistant):
    server = LiveServer(create_app(Settings(), assistant=assistant))
    context, page, watch = open_page(browser, server)
    try:
        server.stop()
        ask(page, EXAMPLE)
        error = last_reply(page).locator(".error")
        assert error.get_attribute("role") == "alert"
        assert "not reachable" in error.inner_text()
        assert "Could not reach the server" in error.inner_text()
        # The question is kept for another try, and the page is usable again.
        assert page.locator("#question").input_value() == EXAMPLE
        assert page.locator("#send").is_enabled()

        server = LiveServer(create_app(Settings(), assistant=assistant), port=server.port)
        error.get_by_role("button", name="Try again").click()
        reply = last_reply(page)
        reply.locator(".verdict").wait_for()
        assert reply.locator(".error").count() == 0
        assert page.locator("#conversation > li.turn").count() == 1
        # The failed fetch logs a network error, but no script error and nothing else.
        watch.assert_clean()
    finally:
        server.stop()
        context.close()


@needs_chromium
def test_api_error_message_is_shown(page, live):
    too_long = "kernel " * 300  # over MAX_QUESTION_CHARS; the text box stops typing there, filling does not
    expected = httpx.post(live.url + "/v1/ask", json={"question": too_long.strip()}).json()["error"]
    page.locator("#question").evaluate("(box, text) => { box.value = text; }", too_long)
    page.locator("#question").press("Enter")
    error = last_reply(page).locator(".error")
    assert error.locator(".error-message").inner_text() == expected["message"]
    assert expected["code"] in error.inner_text()
    assert "Traceback" not in page.content()


@needs_chromium
def test_question_is_shown_as_text_and_runs_nothing(page, live):
    hostile = "<img src=x onerror=alert(1)> does split compose share the kernel?"
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    ask(page, hostile)
    last_reply(page)
    assert page.locator("#conversation .question p").last.inner_text() == hostile
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert not any(url.endswith("/x") for url in requests), requests
    # The `page` fixture asserts no dialog opened and no script error happened.


@needs_chromium
def test_keyboard_alone_skip_type_newline_and_send(page):
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the question"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "question"

    page.keyboard.type("first line")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("second line")
    assert page.locator("#question").input_value() == "first line\nsecond line"
    assert page.locator("#conversation > li.turn").count() == 0
    # The Enter that ends a Korean IME composition picks the syllable; it does not send.
    page.locator("#question").dispatch_event("keydown", {"key": "Enter", "isComposing": True})
    assert page.locator("#conversation > li.turn").count() == 0

    page.keyboard.press("Control+A")
    page.keyboard.type(EXAMPLE)
    page.keyboard.press("Enter")
    last_reply(page).locator(".verdict").wait_for()
    assert page.locator("#question").input_value() == ""
    expect(page.locator("#question")).to_be_focused()
    spoken = f"{EN['answer_ready']} {EN['verdict']}: {EN['yes']}."
    expect(page.get_by_role("status")).to_have_text(re.compile("^" + re.escape(spoken)))

    # Tab reaches every control of the answer; the code boxes can be focused to scroll them.
    names = []
    for _ in range(40):
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.tagName + ' ' + (document.activeElement.textContent || '')"))
    assert any(name.startswith("BUTTON Copy") for name in names), names
    assert any(name.startswith("PRE ") for name in names), names


@needs_chromium
def test_phone_width_has_no_horizontal_scroll(browser, live):
    context, page, watch = open_page(browser, live, viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                     is_mobile=True, has_touch=True)
    try:
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        ask(page, EXAMPLE)
        last_reply(page).locator(".verdict").wait_for()
        assert page.evaluate("window.innerWidth") == 360
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        # Long code scrolls inside its own box instead of widening the page.
        assert page.evaluate("[...document.querySelectorAll('pre')].some((pre) => pre.scrollWidth > pre.clientWidth)")
        for box in page.locator("pre").all():
            assert box.evaluate("(pre) => pre.getBoundingClientRect().right <= window.innerWidth")
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=screenshot_path("screenshot-phone.png"))
        watch.assert_clean()
    finally:
        context.close()


@needs_chromium
def test_api_key_is_asked_for_and_kept_in_session_storage_only(browser, assistant):
    server = LiveServer(create_app(Settings(api_keys=["k"]), assistant=assistant))
    context, page, watch = open_page(browser, server)
    try:
        ask(page, EXAMPLE)
        key_form = page.locator("#key-form")
        key_form.wait_for()
        assert "needs an API key" in key_form.inner_text()
        assert page.evaluate("document.activeElement.id") == "api-key"

        page.get_by_label("API key").fill("wrong")
        page.get_by_label("API key").press("Enter")
        page.get_by_text("The API key was not accepted").wait_for()

        page.get_by_label("API key").fill("k")
        page.get_by_role("button", name="Use key").click()
        reply = last_reply(page)
        assert reply.locator(".verdict").get_attribute("data-verdict") == "yes"
        assert key_form.is_hidden()
        assert page.locator("#conversation > li.turn").count() == 1
        assert page.evaluate("sessionStorage.getItem('docker-qa.api-key')") == "k"
        assert page.evaluate("localStorage.length") == 0
        assert context.cookies() == []

        # Kept for the tab: a reload asks without prompting again.
        page.reload()
        ask(page, KOREAN)
        assert last_reply(page).locator(".verdict").get_attribute("data-verdict") == "yes"
        assert key_form.is_hidden()

        page.get_by_role("button", name="Forget API key").click()
        assert page.evaluate("sessionStorage.getItem('docker-qa.api-key')") is None
        watch.assert_clean()
    finally:
        context.close()
        server.stop()


@needs_chromium
def test_citations_link_to_the_article_when_a_base_url_is_set(browser):
    base = "https://blog.example.com/docker-disadvantages"
    # The app loads its own assistant, whose citations carry the base URL.
    server = LiveServer(create_app(Settings(base_url=base)))
    context, page, watch = open_page(browser, server)
    try:
        ask(page, EXAMPLE)
        links = last_reply(page).locator(".citation .section-path a")
        assert links.count() == 3
        for link in links.all():
            assert link.get_attribute("href").startswith(base + "#")
            assert link.get_attribute("rel") == "noopener noreferrer"
        # An English answer names the sections in English; the link's title keeps the post's own heading path.
        titles = [link.get_attribute("title") for link in links.all()]
        assert any(section in title for title in titles for section in EXPECTED_SECTIONS), titles
        assert not any(HANGUL.search(text) for text in links.all_inner_texts())
        watch.assert_clean()
    finally:
        context.close()
        server.stop()


# --- votes, copying the answer, the phone layout ------------------------------------------------


@needs_chromium
def test_votes_on_the_page_are_stored_with_the_slack_votes_and_reported_per_surface(browser, assistant, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from assistant.cli import main

    database = tmp_path / "feedback.sqlite3"
    monkeypatch.setenv("DOCKER_QA_FEEDBACK_DB", str(database))
    server = LiveServer(create_app(Settings(), assistant=assistant))
    context, page, watch = open_page(browser, server)
    try:
        ask(page, EXAMPLE)
        reply = last_reply(page)
        first_section = assistant.ask(EXAMPLE).citations[0].section
        reply.get_by_role("button", name=EN["not_helpful"]).click()
        expect(reply.locator(".vote-note")).to_have_text(f"{EN['thanks']}! {EN['helpful']}: 0 · {EN['not_helpful']}: 1")
        assert reply.get_by_role("button", name=EN["not_helpful"]).get_attribute("aria-pressed") == "true"

        report = CliRunner().invoke(main, ["feedback", "report"])
        assert report.exit_code == 0, report.output
        rows = [line.split() for line in report.output.splitlines()[1:]]
        assert rows == [["web", *first_section.split(), "0", "1"]]

        exported = tmp_path / "down.jsonl"
        result = CliRunner().invoke(main, ["feedback", "export", str(exported)])
        assert result.exit_code == 0, result.output
        assert exported.read_text(encoding="utf-8").splitlines() == ['{"q": "%s", "gold": null}' % EXAMPLE]

        # A second vote by the same reader on the same answer replaces the first.
        reply.get_by_role("button", name=EN["helpful"], exact=True).click()
        expect(reply.locator(".vote-note")).to_have_text(f"{EN['thanks']}! {EN['helpful']}: 1 · {EN['not_helpful']}: 0")
        rows = [line.split() for line in CliRunner().invoke(main, ["feedback", "report"]).output.splitlines()[1:]]
        assert rows == [["web", *first_section.split(), "1", "0"]]
        watch.assert_clean()
    finally:
        context.close()
        server.stop()


@needs_chromium
def test_copy_answer_copies_the_text_and_the_cited_sections(page, assistant):
    expected = assistant.ask(EXAMPLE)
    ask(page, EXAMPLE)
    reply = last_reply(page)
    page.evaluate("navigator.clipboard.writeText('')")
    reply.get_by_role("button", name=EN["copy_answer"]).click()
    expect(reply.get_by_role("button", name=EN["copied"])).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(expected.answer.strip())
    # The sections as the card names them, in the answer's language.
    names = [f"- {c.section_translated or c.section}" for c in expected.citations]
    assert copied.endswith("\n".join([f"{EN['sources']}:", *names]))


@needs_chromium
def test_title_links_to_the_article_when_its_url_is_configured(browser, assistant):
    base = "https://blog.example.com/docker-disadvantages"
    server = LiveServer(create_app(Settings(base_url=base), assistant=assistant.__class__.load(Settings(base_url=base))))
    context, page, watch = open_page(browser, server)
    try:
        link = page.locator(".tagline a")
        assert link.get_attribute("href") == base and link.get_attribute("rel") == "noopener noreferrer"
        assert link.locator("cite").inner_text() == "도커 단점과 해결 방법"
        ask(page, EXAMPLE)
        page.evaluate("navigator.clipboard.writeText('')")
        last_reply(page).get_by_role("button", name="Copy answer").click()
        expect(last_reply(page).get_by_role("button", name="Copied")).to_be_visible()
        assert f"({base}#" in page.evaluate("navigator.clipboard.readText()")
        watch.assert_clean()
    finally:
        context.close()
        server.stop()


@needs_chromium
def test_question_box_is_compact_on_a_phone(browser, live):
    context, page, watch = open_page(browser, live, viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                     is_mobile=True, has_touch=True)
    try:
        composer = page.locator("footer.composer")
        # At most a tenth of the phone's height (it was 120 of 740 px), one line of text, the label still named.
        assert composer.bounding_box()["height"] <= 74
        expect(page.get_by_label("Your question")).to_be_visible()
        send = page.locator("#send").bounding_box()
        assert send["x"] + send["width"] <= 360
        # The box grows with the text and stays within a third of the screen.
        page.locator("#question").fill("\n".join(["a line"] * 20))
        assert composer.bounding_box()["height"] <= 740 / 3
        watch.assert_clean()
    finally:
        context.close()


# --- the words around an answer follow the answer's language -----------------------------------


ENGLISH_KERNEL = "Do containers share the kernel?"
KOREAN_KERNEL = "컨테이너끼리 커널을 공유하나요?"
MIXED_KERNEL = "compose 파일 나누면 kernel 공유돼?"


class LabelsBlock(HTMLParser):
    """The start tags of a page and the text of its script#labels element, read as a browser's parser reads them."""

    def __init__(self):
        super().__init__()
        self.tags, self.labels, self._inside = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._inside = tag == "script" and ("id", "labels") in attrs

    def handle_endtag(self, tag):
        self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.labels.append(data)


def test_a_label_cannot_break_out_of_the_labels_data_block(monkeypatch):
    hostile = "</script><script>alert(1)</script><!-- & </SCRIPT >"
    table = {language: {**words, "copy": hostile, "thanks": f"{hostile} {{{{title}}}}"} for language, words in LABELS.items()}
    clean = LabelsBlock()
    clean.feed(render_page(DEFAULT_ARTICLE).decode("utf-8"))
    monkeypatch.setattr(page_module, "LABELS", table)
    render_page.cache_clear()
    try:
        html = render_page(DEFAULT_ARTICLE).decode("utf-8")
    finally:
        monkeypatch.undo()
        render_page.cache_clear()
    parsed = LabelsBlock()
    parsed.feed(html)
    # The same elements as with the real table: nothing in a label opened a tag, and the block holds the whole table.
    assert parsed.tags == clean.tags
    assert json.loads("".join(parsed.labels)) == table
    assert json.loads("".join(clean.labels)) == LABELS
    assert "<" not in script_json(table) and ">" not in script_json(table) and "&" not in script_json(table)
    assert json.loads(script_json(table)) == table


@pytest.fixture
def voting_server(assistant, tmp_path):
    """The app with its own feedback database, so a vote here touches no other test's."""
    server = LiveServer(create_app(Settings(feedback_db=tmp_path / "feedback.sqlite3"), assistant=assistant))
    yield server
    server.stop()


@needs_chromium
@pytest.mark.parametrize(
    ("question", "language"), [(ENGLISH_KERNEL, "en"), (KOREAN_KERNEL, "ko"), (MIXED_KERNEL, "ko")], ids=["en", "ko", "mixed"]
)
def test_the_words_around_an_answer_are_in_its_language(browser, voting_server, assistant, question, language):
    expected = assistant.ask(question)
    assert expected.language == language and expected.verdict == "yes" and expected.snippets
    words, other = LABELS[language], LABELS["en" if language == "ko" else "ko"]
    context, page, watch = open_page(browser, voting_server)
    try:
        assert page.evaluate("JSON.parse(document.getElementById('labels').textContent)") == LABELS
        ask(page, question)
        reply = last_reply(page)
        card = reply.locator("article.answer")
        assert card.get_attribute("lang") == language
        assert card.get_attribute("aria-label") == words["answer"]
        assert reply.locator(".verdict").text_content() == f"{words['verdict']}: {words['yes']}"
        assert reply.locator(".confidence").inner_text().startswith(words["confidence"] + " ")
        assert reply.locator("section.sources").get_attribute("aria-label") == words["sources"]
        assert reply.locator("section.sources h3").inner_text() == words["sources_in_article"]
        assert reply.locator("section.snippets h3").inner_text() == words["snippets"]
        code_copies = reply.locator("figure.snippet button.copy")
        assert code_copies.all_inner_texts() == [words["copy"]] * len(expected.snippets)
        first_title = expected.snippets[0].title
        assert code_copies.first.get_attribute("aria-label") == words["copy_code"].format(title=first_title)
        votes = reply.get_by_role("group", name=words["was_helpful"])
        assert votes.get_by_role("button").all_inner_texts() == [words["helpful"], words["not_helpful"]]
        for key in ("helpful", "not_helpful", "copy_answer", "copy"):
            assert reply.get_by_role("button", name=other[key], exact=True).count() == 0, key
        assert other["sources_in_article"] not in reply.inner_text()
        expect(page.get_by_role("status")).to_have_text(
            re.compile("^" + re.escape(f"{words['answer_ready']} {words['verdict']}: {words['yes']}."))
        )

        page.evaluate("navigator.clipboard.writeText('')")
        code_copies.first.click()
        expect(code_copies.first).to_have_text(words["copied"])
        expect(page.get_by_role("status")).to_have_text(words["code_copied"])
        reply.get_by_role("button", name=words["copy_answer"]).click()
        expect(reply.locator("button.copy-answer")).to_have_text(words["copied"])
        assert f"\n\n{words['sources']}:\n- " in page.evaluate("navigator.clipboard.readText()")
        votes.get_by_role("button", name=words["helpful"], exact=True).click()
        expect(reply.locator(".vote-note")).to_have_text(f"{words['thanks']}! {words['helpful']}: 1 · {words['not_helpful']}: 0")
        watch.assert_clean()
    finally:
        context.close()


@needs_chromium
def test_an_english_answer_names_sections_in_english_and_keeps_the_korean_original_one_click_away(page, assistant):
    expected = assistant.ask(ENGLISH_KERNEL)
    translated = [c for c in expected.citations if c.quote_original]
    assert translated and all(c.section_translated for c in translated)
    # The quote shown in the answer text has its original under the citation all the same.
    assert any(c.in_answer for c in translated)
    ask(page, ENGLISH_KERNEL)
    reply = last_reply(page)
    assert reply.locator(".citation details").count() == len(translated)
    for citation in expected.citations:
        item = reply.locator(f'.citation[data-section="{citation.section}"]')
        heading = item.locator(".section-path")
        shown = citation.section_translated or citation.section
        assert heading.locator("strong").inner_text() == shown.split(" > ")[-1]
        assert heading.get_attribute("title") == (citation.section if citation.section_translated else None)
        assert item.locator(":scope > blockquote.quote").count() == (0 if citation.in_answer else 1)
        if citation.in_answer:
            assert citation.quote in reply.locator(".answer-text").inner_text()
        else:
            assert item.locator(":scope > blockquote.quote").inner_text() == citation.quote
        if not citation.quote_original:
            assert item.locator("details").count() == 0
            continue
        details = item.locator("details.original")
        original = details.locator("blockquote")
        assert details.get_attribute("open") is None and original.is_hidden()
        assert details.locator("summary").inner_text() == EN["show_original"]
        details.locator("summary").click()
        expect(original).to_be_visible()
        assert original.get_attribute("lang") == "ko"
        assert original.inner_text() == citation.quote_original
        assert HANGUL.search(original.inner_text())
    # Opened with the keyboard too: the summary is a control of its own.
    first = reply.locator("details.original").first
    first.locator("summary").click()
    assert first.get_attribute("open") is None
    first.locator("summary").focus()
    page.keyboard.press("Enter")
    assert first.get_attribute("open") == ""


@needs_chromium
@pytest.mark.parametrize("question", [KOREAN_KERNEL, MIXED_KERNEL], ids=["ko", "mixed"])
def test_a_korean_answer_quotes_the_post_itself_with_no_original_to_show(page, assistant, question):
    expected = assistant.ask(question)
    assert not any(c.quote_original or c.section_translated for c in expected.citations)
    ask(page, question)
    reply = last_reply(page)
    assert reply.locator(".citation").count() == len(expected.citations)
    assert reply.locator("details, summary").count() == 0
    assert reply.get_by_text(KO["show_original"]).count() == 0
    for citation in expected.citations:
        heading = reply.locator(f'.citation[data-section="{citation.section}"] .section-path')
        assert heading.locator("strong").inner_text() == citation.section.split(" > ")[-1]
        assert heading.get_attribute("title") is None


@needs_chromium
def test_a_refusal_on_a_blog_index_names_the_posts(browser, tmp_path):
    """With several posts indexed, the refusal card says "Not in the posts" and lists the posts' titles, one button
    each, a title with a comma included."""
    import shutil

    from click.testing import CliRunner

    from assistant.cli import main
    from assistant.core import Assistant

    site = tmp_path / "site"
    shutil.copytree(Path(__file__).parent / "data" / "site", site)
    post = site / "_posts" / "2025-01-10-git-worktrees.md"
    post.write_text(post.read_text(encoding="utf-8").replace("title: Working on two", 'title: "Branches, worktrees: two').replace("git worktree\n", 'git worktree"\n', 1), encoding="utf-8")
    index = tmp_path / "blog-index"
    built = CliRunner().invoke(main, ["index", "build", str(site), "--out", str(index)])
    assert built.exit_code == 0, built.output
    settings = Settings(index_dir=index)
    assistant = Assistant.load(settings)
    server = LiveServer(create_app(settings, assistant=assistant))
    context, page, watch = open_page(browser, server)
    try:
        ask(page, OFF_TOPIC)
        refusal = last_reply(page).locator(".refusal")
        expect(refusal).to_be_visible()
        assert refusal.locator("h3").inner_text() == EN["refused_posts"]
        assert sorted(refusal.locator(".topics li").all_inner_texts()) == sorted(assistant.topics("en"))
        assert "Branches, worktrees: two branches at once with git worktree" in assistant.topics("en")
        watch.assert_clean()
    finally:
        context.close()
        server.stop()
