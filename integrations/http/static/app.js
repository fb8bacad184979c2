// The chat page: sends questions to POST /v1/ask and renders each answer with DOM nodes (never as HTML).
import { highlight, isHighlighted } from "./syntax.js";

// Relative, so the page also works behind a proxy that serves the app under a path prefix.
const ASK_URL = "v1/ask";
const FEEDBACK_URL = "v1/feedback";
const KEY_STORAGE = "docker-qa.api-key";
const VOTER_STORAGE = "docker-qa.voter";
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

const $ = (id) => document.getElementById(id);
const els = {
  welcome: $("welcome"),
  conversation: $("conversation"),
  askForm: $("ask-form"),
  question: $("question"),
  send: $("send"),
  clear: $("clear"),
  status: $("status"),
  keyForm: $("key-form"),
  keyInput: $("api-key"),
  keyReason: $("key-reason"),
  forgetKey: $("forget-key"),
};

let inFlight = null; // {turn, text, controller} while a question is being answered
let waitingForKey = null; // {turn, text} held back until an API key is entered

/** An error to show on the page: a code for the program, a readable message for the person. */
class PageError extends Error {
  constructor(code, message, status = 0) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

// --- small DOM helpers -------------------------------------------------------------------

/** An element with attributes and children; strings become text nodes. */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) node.append(child);
  }
  return node;
}

/** "ko" for text with Hangul in it, so screen readers pick a Korean voice. */
function langOf(text) {
  return HANGUL.test(text) ? "ko" : undefined;
}

/** An http(s) URL, or null for anything else (a link must never run script). */
function safeUrl(value) {
  if (!value) return null;
  try {
    const url = new URL(value, window.location.href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function externalLink(href, ...children) {
  return h("a", { href, target: "_blank", rel: "noopener noreferrer" }, ...children,
    h("span", { class: "visually-hidden", text: " (opens in a new tab)" }));
}

let announcement = 0;

/** Say something to screen readers through the status region (emptied first, so a repeat is spoken again). */
function announce(message) {
  window.clearTimeout(announcement);
  els.status.textContent = "";
  announcement = window.setTimeout(() => { els.status.textContent = message; }, 50);
}

function prefersReducedMotion() {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

function reveal(node, block = "nearest") {
  node.scrollIntoView({ block, behavior: prefersReducedMotion() ? "auto" : "smooth" });
}

// --- the API key (session storage only) --------------------------------------------------

function storedKey() {
  try {
    return window.sessionStorage.getItem(KEY_STORAGE) || "";
  } catch {
    return "";
  }
}

function storeKey(key) {
  try {
    if (key) window.sessionStorage.setItem(KEY_STORAGE, key);
    else window.sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // Storage is off in this browser: the key lasts until the page is left.
  }
  memoryKey = key;
  els.forgetKey.hidden = !key;
}

let memoryKey = storedKey();

function currentKey() {
  return storedKey() || memoryKey;
}

function askForKey(reason) {
  els.keyReason.textContent = reason;
  els.keyForm.hidden = false;
  els.keyInput.value = "";
  els.keyInput.focus();
}

// --- talking to the API ------------------------------------------------------------------

/** The answer to `text`, or a PageError with a message fit to show. */
async function postQuestion(text, signal) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  const key = currentKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  let response;
  try {
    response = await fetch(ASK_URL, {
      method: "POST",
      headers,
      body: JSON.stringify({ question: text }),
      signal,
      cache: "no-store",
      credentials: "same-origin",
    });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new PageError("unreachable",
      "Could not reach the server. Check that it is running and that you are online, then try again.");
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.ok) {
    if (body && typeof body.answer === "string") return body;
    throw new PageError("bad_response", "The server sent a reply this page cannot read.", response.status);
  }
  const detail = body && body.error && typeof body.error.message === "string" ? body.error : null;
  const message = detail ? detail.message : `The server answered ${response.status} ${response.statusText}`.trim() + ".";
  throw new PageError(detail && detail.code ? String(detail.code) : `http_${response.status}`, message, response.status);
}

/** A random id of letters and digits (for an answer on this page, or for this tab's voter). */
function randomId() {
  const bytes = new Uint8Array(12);
  window.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

let memoryVoter = "";

/** This tab's voter id (session storage), so a second vote on an answer replaces the first. */
function voterId() {
  try {
    let id = window.sessionStorage.getItem(VOTER_STORAGE);
    if (!id) {
      id = randomId();
      window.sessionStorage.setItem(VOTER_STORAGE, id);
    }
    return id;
  } catch {
    memoryVoter = memoryVoter || randomId();
    return memoryVoter;
  }
}

/** Store a vote on an answer; the answer's counts, or a PageError. */
async function postVote(question, helpful, answerId) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  const key = currentKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  let response;
  try {
    response = await fetch(FEEDBACK_URL, {
      method: "POST",
      headers,
      body: JSON.stringify({ question, helpful, answer_id: answerId, voter: voterId() }),
      cache: "no-store",
      credentials: "same-origin",
    });
  } catch {
    throw new PageError("unreachable", "Could not reach the server to record the vote.");
  }
  const body = await response.json().catch(() => null);
  if (response.ok && body && typeof body.helpful === "number") return body;
  const message = body && body.error && typeof body.error.message === "string" ? body.error.message : `The server answered ${response.status}.`;
  throw new PageError(`http_${response.status}`, message, response.status);
}

// --- the conversation --------------------------------------------------------------------

function setBusy(busy) {
  els.send.disabled = busy;
  els.send.textContent = busy ? "Asking…" : "Ask";
  els.askForm.setAttribute("aria-busy", busy ? "true" : "false");
}

function updateEmptyState() {
  const empty = els.conversation.childElementCount === 0;
  els.welcome.hidden = !empty;
  els.clear.disabled = empty;
}

/** A new turn on the page: the question as the reader typed it, and a place for the answer. */
function addTurn(text) {
  const turn = h("li", { class: "turn" },
    h("div", { class: "question" },
      h("span", { class: "visually-hidden", text: "You asked: " }),
      h("p", { lang: langOf(text), text })),
    h("div", { class: "reply" }));
  els.conversation.append(turn);
  updateEmptyState();
  return turn;
}

function showInReply(turn, node) {
  turn.querySelector(".reply").replaceChildren(node);
}

function pendingCard(message) {
  return h("div", { class: "card pending", "aria-hidden": "true" },
    h("span", { class: "spinner" }), h("span", { text: message }));
}

/** Ask `text` in `turn` (a new turn when none is given) and show the answer or the error there. */
async function runTurn(text, turn = null) {
  if (inFlight) {
    announce("Still answering the previous question.");
    return;
  }
  turn = turn || addTurn(text);
  const controller = new AbortController();
  inFlight = { turn, text, controller };
  setBusy(true);
  showInReply(turn, pendingCard("Looking in the article…"));
  announce("Looking in the article…");
  reveal(turn, "end");
  try {
    const answer = await postQuestion(text, controller.signal);
    showInReply(turn, renderAnswer(answer));
    announce(spokenSummary(answer));
    reveal(turn, "start");
  } catch (error) {
    if (error.name === "AbortError") return;
    if (error.status === 401) {
      const hadKey = Boolean(currentKey());
      storeKey("");
      waitingForKey = { turn, text };
      showInReply(turn, pendingCard("Waiting for an API key…"));
      askForKey(hadKey ? "The API key was not accepted. Enter another key."
        : "This server needs an API key to answer. Enter it to continue.");
      return;
    }
    showInReply(turn, renderError(error, () => runTurn(text, turn)));
    if (!els.question.value.trim()) els.question.value = text;
  } finally {
    if (inFlight && inFlight.controller === controller) {
      inFlight = null;
      setBusy(false);
      if (els.keyForm.hidden) els.question.focus();
    }
  }
}

function spokenSummary(answer) {
  if (answer.refused) return "The article does not cover that question.";
  const verdict = answer.verdict ? `Verdict: ${answer.verdict}. ` : "";
  return `Answer ready. ${verdict}${answer.answer.split(/\n{2,}/)[0]}`;
}

function clearConversation() {
  if (inFlight) {
    inFlight.controller.abort();
    inFlight = null;
    setBusy(false);
  }
  waitingForKey = null;
  els.keyForm.hidden = true;
  els.conversation.replaceChildren();
  updateEmptyState();
  announce("Conversation cleared.");
  els.question.focus();
}

// --- rendering an answer -----------------------------------------------------------------

const VERDICT_LABELS = { yes: "Yes", no: "No", partial: "Partial" };

/** Markdown-light text: paragraphs, line breaks, `code` and **bold** spans; everything else stays text. */
function renderText(markdown, className = "answer-text") {
  const container = h("div", { class: className });
  for (const paragraph of String(markdown).split(/\n{2,}/)) {
    if (!paragraph.trim()) continue;
    const p = h("p", { lang: langOf(paragraph) });
    for (const part of paragraph.split(/(`[^`\n]+`|\*\*[^*\n]+\*\*)/)) {
      if (!part) continue;
      if (part.startsWith("`") && part.endsWith("`") && part.length > 2) p.append(h("code", { text: part.slice(1, -1) }));
      else if (part.startsWith("**") && part.endsWith("**") && part.length > 4) p.append(h("strong", { text: part.slice(2, -2) }));
      else p.append(part);
    }
    container.append(p);
  }
  return container;
}

/** The answer as plain text to copy: the text, then each cited section with its link when there is one. */
function answerAsText(answer) {
  const lines = [String(answer.answer).trim()];
  const citations = answer.citations || [];
  if (citations.length) {
    lines.push("", "Sources:");
    for (const citation of citations) lines.push(`- ${citation.section}${citation.url ? ` (${citation.url})` : ""}`);
  }
  return lines.join("\n");
}

/** "Copy answer" and the helpful / not helpful votes under an answer (a refusal included). */
function renderAnswerActions(answer) {
  const answerId = randomId();
  const copy = h("button", { type: "button", class: "ghost copy-answer", text: "Copy answer" });
  copy.addEventListener("click", async () => {
    const copied = await writeClipboard(answerAsText(answer));
    copy.focus();
    copy.textContent = copied ? "Copied" : "Copy failed";
    announce(copied ? "Answer copied to the clipboard." : "Could not copy; select the answer and copy it by hand.");
    window.setTimeout(() => { copy.textContent = "Copy answer"; }, 2000);
  });
  const note = h("span", { class: "vote-note" });
  // Words rather than emoji, which some systems lack a font for.
  const up = h("button", { type: "button", class: "ghost vote", "aria-pressed": "false", text: "Helpful" });
  const down = h("button", { type: "button", class: "ghost vote", "aria-pressed": "false", text: "Not helpful" });
  const vote = async (helpful) => {
    up.disabled = down.disabled = true;
    try {
      const counts = await postVote(answer.question, helpful, answerId);
      up.setAttribute("aria-pressed", String(helpful));
      down.setAttribute("aria-pressed", String(!helpful));
      note.textContent = `Thanks for the feedback! Helpful: ${counts.helpful} · not helpful: ${counts.not_helpful}`;
    } catch (error) {
      note.textContent = `The vote was not recorded: ${error.message}`;
    } finally {
      announce(note.textContent);
      up.disabled = down.disabled = false;
    }
  };
  up.addEventListener("click", () => vote(true));
  down.addEventListener("click", () => vote(false));
  return h("div", { class: "answer-actions" }, copy,
    h("span", { class: "votes", role: "group", "aria-label": "Was this answer helpful?" }, up, down), note);
}

function renderAnswer(answer) {
  const card = renderAnswerCard(answer);
  card.append(renderAnswerActions(answer));
  return card;
}

function renderAnswerCard(answer) {
  if (answer.refused) return renderRefusal(answer);
  const card = h("article", { class: "card answer", "aria-label": "Answer" });
  const head = h("div", { class: "answer-head" });
  if (answer.verdict && VERDICT_LABELS[answer.verdict]) {
    head.append(h("span", { class: `verdict verdict-${answer.verdict}`, "data-verdict": answer.verdict },
      h("span", { class: "visually-hidden", text: "Verdict: " }), VERDICT_LABELS[answer.verdict]));
  }
  if (typeof answer.confidence === "number") {
    head.append(h("span", { class: "confidence", text: `confidence ${Math.round(answer.confidence * 100)}%` }));
  }
  card.append(head, renderText(answer.answer));
  if (answer.citations && answer.citations.length) card.append(renderCitations(answer.citations, answer.posts > 1));
  if (answer.snippets && answer.snippets.length) card.append(renderSnippets(answer.snippets));
  return card;
}

/** A refusal: the reason, and the topics the article does cover as a list when the text names them. */
function renderRefusal(answer) {
  const card = h("article", { class: "card answer refusal", "aria-label": "Not covered by the article" },
    h("h3", { text: "Not covered by the article" }));
  const text = String(answer.answer);
  const colon = text.lastIndexOf(": ");
  const topics = colon > 0 ? text.slice(colon + 2).replace(/\.\s*$/, "").split(/,\s*/).filter(Boolean) : [];
  if (topics.length >= 2) {
    const lead = text.slice(0, colon + 1);
    card.append(h("p", { lang: langOf(lead), text: lead }),
      h("ul", { class: "topics" }, topics.map((topic) => h("li", { lang: langOf(topic), text: topic }))),
      h("p", { class: "hint", text: "Try a question about one of these topics." }));
  } else {
    card.append(renderText(text));
  }
  return card;
}

/** "A > B > C" as a breadcrumb with the last heading in bold. */
function sectionPath(section) {
  const parts = String(section).split(" > ");
  const nodes = [];
  parts.forEach((part, index) => {
    if (index) nodes.push(h("span", { class: "sep", "aria-hidden": "true", text: " › " }), h("span", { class: "visually-hidden", text: ", " }));
    nodes.push(index === parts.length - 1 ? h("strong", { text: part }) : h("span", { text: part }));
  });
  return nodes;
}

function renderCitations(citations, namePosts) {
  const list = h("ol", { class: "citations" });
  for (const citation of citations) {
    const href = safeUrl(citation.url);
    // With several posts in the index, the post's title leads the section path.
    const crumbs = sectionPath(namePosts && citation.post && citation.anchor ? `${citation.post} > ${citation.section}` : citation.section);
    const heading = h("p", { class: "section-path", lang: langOf(citation.section) },
      href ? externalLink(href, crumbs) : crumbs);
    // A quote already shown in the answer text is not shown twice.
    list.append(citation.in_answer ? h("li", { class: "citation" }, heading) : h("li", { class: "citation" },
      heading,
      h("blockquote", { class: "quote", lang: langOf(citation.quote), text: citation.quote })));
  }
  return h("section", { class: "sources", "aria-label": "Sources" }, h("h3", { text: "Sources in the article" }), list);
}

function renderSnippets(snippets) {
  const section = h("section", { class: "snippets", "aria-label": "Snippets" }, h("h3", { text: "Snippets" }));
  snippets.forEach((snippet) => section.append(renderSnippet(snippet)));
  return section;
}

function renderSnippet(snippet) {
  const language = String(snippet.language || "text");
  const code = String(snippet.code || "");
  const reference = safeUrl(snippet.reference);
  const copy = h("button", { type: "button", class: "copy", "aria-label": `Copy code: ${snippet.title}`, text: "Copy" });
  copy.addEventListener("click", () => copyCode(copy, code));
  const tags = h("span", { class: "tags" },
    h("span", { class: "tag", text: language }),
    h("span", { class: "tag", text: snippet.source === "article" ? "from the article" : "catalog" }));
  const caption = h("figcaption", {},
    h("span", { class: "snippet-title", lang: langOf(snippet.title), text: snippet.title }),
    h("span", { class: "snippet-actions" },
      tags,
      reference ? externalLink(reference, "Reference") : null,
      copy));
  const codeNode = h("code", { class: isHighlighted(language) ? `language-${language.toLowerCase()}` : null });
  codeNode.append(highlight(code, language));
  const figure = h("figure", { class: "snippet" }, caption);
  if (snippet.explanation) figure.append(h("p", { class: "explanation", lang: langOf(snippet.explanation), text: snippet.explanation }));
  // Focusable so the keyboard can scroll long lines sideways.
  figure.append(h("pre", { tabindex: "0", "aria-label": `${language} code: ${snippet.title}` }, codeNode));
  return figure;
}

function renderError(error, retry) {
  const unreachable = error.code === "unreachable";
  const retryButton = h("button", { type: "button", class: "ghost", text: "Try again" });
  retryButton.addEventListener("click", retry);
  return h("div", { class: "card error", role: "alert" },
    h("h3", { text: unreachable ? "The server is not reachable" : "The question could not be answered" }),
    h("p", { class: "error-message", text: error.message }),
    error.code && !unreachable ? h("p", { class: "hint", text: `Error code: ${error.code}` }) : null,
    retryButton);
}

// --- copying code ------------------------------------------------------------------------

async function writeClipboard(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused: fall back to a selection and the copy command.
    }
  }
  const buffer = h("textarea", { class: "copy-buffer", readonly: true, "aria-hidden": "true", tabindex: "-1" });
  buffer.value = text;
  document.body.append(buffer);
  buffer.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  buffer.remove();
  return copied;
}

async function copyCode(button, code) {
  const copied = await writeClipboard(code);
  button.focus();
  button.textContent = copied ? "Copied" : "Copy failed";
  button.classList.toggle("done", copied);
  announce(copied ? "Code copied to the clipboard." : "Could not copy; select the code and copy it by hand.");
  window.setTimeout(() => {
    button.textContent = "Copy";
    button.classList.remove("done");
  }, 2000);
}

// --- wiring ------------------------------------------------------------------------------

function submitQuestion() {
  const text = els.question.value.trim();
  if (!text) {
    announce("Type a question first.");
    els.question.focus();
    return;
  }
  if (inFlight) {
    announce("Still answering the previous question.");
    return;
  }
  els.question.value = "";
  runTurn(text);
}

els.askForm.addEventListener("submit", (event) => {
  event.preventDefault();
  submitQuestion();
});

els.question.addEventListener("keydown", (event) => {
  // Enter sends; Shift+Enter adds a line; Enter that ends an IME composition (Korean input) does neither.
  if (event.key !== "Enter" || event.shiftKey || event.isComposing || event.keyCode === 229) return;
  event.preventDefault();
  submitQuestion();
});

for (const button of document.querySelectorAll("button.example")) {
  button.addEventListener("click", () => {
    if (inFlight) return;
    els.question.value = "";
    runTurn(button.textContent.trim());
  });
}

els.clear.addEventListener("click", clearConversation);

els.keyForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const key = els.keyInput.value.trim();
  if (!key) {
    els.keyInput.focus();
    return;
  }
  storeKey(key);
  els.keyInput.value = "";
  els.keyForm.hidden = true;
  announce("API key saved for this tab.");
  const waiting = waitingForKey;
  waitingForKey = null;
  if (waiting) runTurn(waiting.text, waiting.turn);
  else els.question.focus();
});

els.forgetKey.addEventListener("click", () => {
  storeKey("");
  announce("API key forgotten.");
  els.question.focus();
});

els.forgetKey.hidden = !currentKey();
updateEmptyState();
