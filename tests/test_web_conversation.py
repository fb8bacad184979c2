"""A conversation on the web page in Chromium: history sent with each question, Read as, suggestions, New conversation."""

import json

import pytest

from assistant.labels import LABELS
from test_web import ask, browser, last_reply, live, needs_chromium, page  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow
EN, KO = LABELS["en"], LABELS["ko"]


def sent_bodies(page):
    """The JSON bodies of every POST /v1/ask the page sends, as they are sent."""
    bodies = []
    page.on("request", lambda request: bodies.append(json.loads(request.post_data))
            if request.url.endswith("/v1/ask") and request.method == "POST" else None)
    return bodies


@needs_chromium
def test_three_turns_with_a_topic_switch_and_an_off_topic_follow_up(page):
    bodies = sent_bodies(page)
    ask(page, "Do containers share the host OS kernel?")
    first = last_reply(page)
    assert first.locator(".verdict").get_attribute("data-verdict") == "yes"
    assert first.locator(".read-as").count() == 0
    assert bodies[-1] == {"question": "Do containers share the host OS kernel?"}

    ask(page, "what about the file system?")
    follow_up = last_reply(page)
    read_as = follow_up.locator(".read-as")
    assert read_as.inner_text().startswith(f"{EN['read_as']}: ") and "file system" in read_as.inner_text()
    assert follow_up.locator(".verdict").get_attribute("data-verdict") == "no"
    [earlier] = bodies[-1]["history"]
    assert earlier["question"] == "Do containers share the host OS kernel?"
    assert earlier["answer"]["refused"] is False and earlier["answer"]["citations"][0]["section"]

    ask(page, "How do I make Docker images smaller?")
    switch = last_reply(page)
    assert switch.locator(".read-as").count() == 0 and "alpine" in switch.inner_text()
    assert len(bodies[-1]["history"]) == 2

    ask(page, "what about pizza?")
    off_topic = last_reply(page)
    assert off_topic.locator(".refusal").is_visible() and off_topic.locator(".read-as").count() == 0
    assert len(bodies[-1]["history"]) == 3


@needs_chromium
def test_suggestions_and_topics_are_buttons_that_ask(page, assistant):
    ask(page, "Is the PID space shared?")
    reply = last_reply(page)
    buttons = reply.locator("nav.suggestions button.ask-next")
    expected = assistant.ask("Is the PID space shared?").suggestions
    assert buttons.all_inner_texts() == expected and len(expected) >= 2
    assert reply.locator("nav.suggestions h3").inner_text() == EN["suggestions"]
    buttons.first.click()
    turns = page.locator("#conversation > li.turn")
    assert turns.count() == 2
    follow_up = last_reply(page)
    assert turns.last.locator(".question p").inner_text() == expected[0]
    assert follow_up.locator(".read-as").count() == 1 and follow_up.locator(".refusal").count() == 0

    ask(page, "What is the best pizza topping?")
    refusal = last_reply(page).locator(".refusal")
    topics = refusal.locator(".topics button.ask-next")
    assert topics.all_inner_texts() == assistant.topics("en")
    topics.nth(2).click()
    assert turns.count() == 4
    assert turns.last.locator(".question p").inner_text() == EN["about_topic"].format(topic=assistant.topics("en")[2])
    assert last_reply(page).locator(".refusal").count() == 0


@needs_chromium
def test_new_conversation_forgets_the_history(page):
    bodies = sent_bodies(page)
    ask(page, "컨테이너끼리 커널을 공유하나요?")
    last_reply(page)
    ask(page, "CPU는요?")
    reply = last_reply(page)
    assert reply.locator(".read-as").inner_text().startswith(f"{KO['read_as']}: ")
    assert reply.locator(".suggestions h3").count() in (0, 1)
    page.get_by_role("button", name="New conversation").click()
    ask(page, "CPU는요?")
    assert last_reply(page).locator(".read-as").count() == 0
    assert "history" not in bodies[-1]
