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

/** The server's label table (assistant/labels.py): the words around an answer, per answer language. */
const LABELS = readLabels();

let inFlight = null; // {turn, text, controller} while a question is being answered
// This tab's conversation: the earlier turns, oldest first, sent with each question as `history` (the server keeps
// no state). Each answer is cut to what the server reads from it (how it was read, refused, the first cited
// section), so twenty turns stay well inside the request body limit.
const MAX_HISTORY = 20;
let history = [];
let waitingForKey = null; // {turn, text} held back until an API key is entered

/** An error to show on the page: a code for the program, a readable message for the person. */
class PageError extends Error {
  constructor(code, message, status = 0) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

// --- the words around an answer ----------------------------------------------------------

/** The table the server wrote into the page (script#labels, JSON data that never runs). */
function readLabels() {
  try {
    const table = JSON.parse($("labels").textContent);
    if (table && typeof table === "object") return table;
  } catch {
    // The server always writes the table; without one the answers are still shown, with fewer words around them.
  }
  return {};
}

/** The words to frame an answer in `language` with (English for a language or a word without a table entry). */
function labelsFor(language) {
  return { ...LABELS.en, ...(Object.hasOwn(LABELS, language) ? LABELS[language] : {}) };
}

/** A label with its {name} places filled in. */
function fill(template, values) {
  return String(template || "").replace(/\{(\w+)\}/g, (match, name) => (Object.hasOwn(values, name) ? String(values[name]) : match));
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

function externalLink(href, words, attrs, ...children) {
  return h("a", { href, target: "_blank", rel: "noopener noreferrer", ...attrs }, ...children,
    h("span", { class: "visually-hidden", text: ` (${words.opens_new_tab})` }));
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
async function postQuestion(text, signal, earlier = []) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  const key = currentKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  let response;
  try {
    response = await fetch(ASK_URL, {
      method: "POST",
      headers,
      body: JSON.stringify(earlier.length ? { question: text, history: earlier } : { question: text }),
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

/** An earlier turn as sent back in `history`: the question, and the answer cut to what the server reads. */
function historyTurn(text, answer) {
  const first = (answer.citations || [])[0];
  return {
    question: text,
    answer: {
      question: String(answer.question || text),
      language: answer.language,
      answer: "",
      verdict: answer.verdict ?? null,
      refused: Boolean(answer.refused),
      confidence: typeof answer.confidence === "number" ? answer.confidence : 0,
      citations: first ? [{ section: String(first.section), anchor: String(first.anchor || ""), quote: "", score: 0 }] : [],
      standalone_question: answer.standalone_question || null,
    },
  };
}

/** Ask `text` in `turn` (a new turn when none is given) and show the answer or the error there. */
async function runTurn(text, turn = null) {
  if (inFlight) {
    announce("Still answering the previous question.");
    return;
  }
  turn = turn || addTurn(text);
  if (!turn.earlier) turn.earlier = history.slice(-MAX_HISTORY); // a retry asks with the same conversation
  const controller = new AbortController();
  inFlight = { turn, text, controller };
  setBusy(true);
  showInReply(turn, pendingCard("Looking in the article…"));
  announce("Looking in the article…");
  reveal(turn, "end");
  try {
    const answer = await postQuestion(text, controller.signal, turn.earlier);
    history.push(historyTurn(text, answer));
    showInReply(turn, renderAnswer(answer));
    announce(spokenSummary(answer, labelsFor(answer.language)));
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

/** What the status region says when an answer arrives, in the answer's language. */
function spokenSummary(answer, words) {
  if (answer.refused) return `${words.refused}.`;
  const verdict = VERDICTS.has(answer.verdict) ? `${words.verdict}: ${words[answer.verdict]}. ` : "";
  return `${words.answer_ready} ${verdict}${answer.answer.split(/\n{2,}/)[0]}`;
}

function clearConversation() {
  if (inFlight) {
    inFlight.controller.abort();
    inFlight = null;
    setBusy(false);
  }
  waitingForKey = null;
  history = [];
  els.keyForm.hidden = true;
  els.conversation.replaceChildren();
  updateEmptyState();
  announce("New conversation.");
  els.question.focus();
}

// --- rendering an answer -----------------------------------------------------------------

const VERDICTS = new Set(["yes", "no", "partial"]);

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

/** The answer as plain text to copy: the text, then each cited section (as the card names it) with its link. */
function answerAsText(answer, words) {
  const lines = [String(answer.answer).trim()];
  const citations = answer.citations || [];
  if (citations.length) {
    lines.push("", `${words.sources}:`);
    for (const citation of citations) {
      lines.push(`- ${citation.section_translated || citation.section}${citation.url ? ` (${citation.url})` : ""}`);
    }
  }
  return lines.join("\n");
}

/** "Copy answer" and the helpful / not helpful votes under an answer (a refusal included). */
function renderAnswerActions(answer, words) {
  const answerId = randomId();
  const copy = h("button", { type: "button", class: "ghost copy-answer", text: words.copy_answer });
  copy.addEventListener("click", async () => {
    const copied = await writeClipboard(answerAsText(answer, words));
    copy.focus();
    copy.textContent = copied ? words.copied : words.copy_failed;
    announce(copied ? words.answer_copied : words.copy_by_hand);
    window.setTimeout(() => { copy.textContent = words.copy_answer; }, 2000);
  });
  const note = h("span", { class: "vote-note" });
  // Words rather than emoji, which some systems lack a font for.
  const up = h("button", { type: "button", class: "ghost vote", "aria-pressed": "false", text: words.helpful });
  const down = h("button", { type: "button", class: "ghost vote", "aria-pressed": "false", text: words.not_helpful });
  const vote = async (helpful) => {
    up.disabled = down.disabled = true;
    note.removeAttribute("title");
    try {
      const counts = await postVote(answer.question, helpful, answerId);
      up.setAttribute("aria-pressed", String(helpful));
      down.setAttribute("aria-pressed", String(!helpful));
      note.textContent = `${words.thanks}! ${words.helpful}: ${counts.helpful} · ${words.not_helpful}: ${counts.not_helpful}`;
    } catch (error) {
      note.textContent = words.vote_not_saved;
      // The server's own reason (in English), for whoever looks closer.
      note.title = error.message;
    } finally {
      announce(note.textContent);
      up.disabled = down.disabled = false;
    }
  };
  up.addEventListener("click", () => vote(true));
  down.addEventListener("click", () => vote(false));
  return h("div", { class: "answer-actions" }, copy,
    h("span", { class: "votes", role: "group", "aria-label": words.was_helpful }, up, down), note);
}

/** An answer's card, every word around it in the answer's language (the question's). */
function renderAnswer(answer) {
  const words = labelsFor(answer.language);
  const card = renderAnswerCard(answer, words);
  if (Object.hasOwn(LABELS, answer.language)) card.lang = answer.language;
  card.append(renderAnswerActions(answer, words));
  return card;
}

/** "Read as: ..." when a follow-up was read in the light of the conversation. */
function renderReadAs(answer, words) {
  if (!answer.standalone_question) return null;
  const text = String(answer.standalone_question);
  return h("p", { class: "read-as" }, h("span", { class: "read-as-label", text: `${words.read_as}: ` }),
    h("span", { class: "read-as-question", lang: langOf(text), text }));
}

/** Buttons that ask a question next: the suggested follow-ups (under a heading), or a refusal's topics. */
function renderAskButtons(items, heading, className, showHeading = true) {
  if (!items.length) return null;
  const list = h("ul", { class: "ask-next-list" });
  for (const { label, question } of items) {
    const button = h("button", { type: "button", class: "ghost ask-next", lang: langOf(label), text: label,
      title: question !== label ? question : null });
    button.addEventListener("click", () => {
      if (inFlight) return;
      runTurn(question);
    });
    list.append(h("li", {}, button));
  }
  return h("nav", { class: className, "aria-label": heading }, showHeading ? h("h3", { text: heading }) : null, list);
}

function renderSuggestions(answer, words) {
  const items = (answer.suggestions || []).filter((s) => typeof s === "string" && s.trim()).map((s) => ({ label: s, question: s }));
  return renderAskButtons(items, words.suggestions, "suggestions");
}

function renderAnswerCard(answer, words) {
  if (answer.refused) return renderRefusal(answer, words);
  const card = h("article", { class: "card answer", "aria-label": words.answer });
  const readAs = renderReadAs(answer, words);
  if (readAs) card.append(readAs);
  const head = h("div", { class: "answer-head" });
  if (VERDICTS.has(answer.verdict)) {
    head.append(h("span", { class: `verdict verdict-${answer.verdict}`, "data-verdict": answer.verdict },
      h("span", { class: "visually-hidden", text: `${words.verdict}: ` }), words[answer.verdict]));
  }
  if (typeof answer.confidence === "number") {
    head.append(h("span", { class: "confidence", text: `${words.confidence} ${Math.round(answer.confidence * 100)}%` }));
  }
  card.append(head, renderText(answer.answer));
  if (answer.citations && answer.citations.length) card.append(renderCitations(answer.citations, words, answer.posts > 1));
  if (answer.snippets && answer.snippets.length) card.append(renderSnippets(answer.snippets, words));
  const suggestions = renderSuggestions(answer, words);
  if (suggestions) card.append(suggestions);
  return card;
}

/** A refusal: the reason, and the topics the article does cover as a list when the text names them. */
function renderRefusal(answer, words) {
  // With several posts indexed, the refusal says the posts (and lists their titles), not "the article".
  const title = Number(answer.posts) > 1 ? words.refused_posts : words.refused;
  const card = h("article", { class: "card answer refusal", "aria-label": title }, h("h3", { text: title }));
  const text = String(answer.answer);
  const colon = text.lastIndexOf(": ");
  // The answer lists what the index covers: headings, or post titles on an index of several posts.
  const topics = Array.isArray(answer.topics) ? answer.topics.filter((t) => typeof t === "string" && t.trim()) : [];
  if (topics.length >= 2) {
    const lead = text.slice(0, colon + 1);
    // Each topic is a button asking about it.
    const asks = topics.map((topic) => ({ label: topic, question: fill(words.about_topic, { topic }) }));
    card.append(h("p", { lang: langOf(lead), text: lead }),
      renderAskButtons(asks, words.topics, "topics", false),
      h("p", { class: "hint", text: words.try_topic }));
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

/**
 * The cited sections, each under its heading path in the answer's language; the post's own (Korean) path stays the
 * heading's title, and a translated quote keeps the post's own sentence one click away.
 */
function renderCitations(citations, words, namePosts) {
  const list = h("ol", { class: "citations" });
  for (const citation of citations) {
    const href = safeUrl(citation.url);
    const shown = citation.section_translated || citation.section;
    // The post's own heading path names the citation; shown in another language, it is the heading's title.
    const original = citation.section_translated ? { title: citation.section } : {};
    // With several posts in the index, the post's title leads the section path.
    const crumbs = sectionPath(namePosts && citation.post && citation.anchor ? `${citation.post} > ${shown}` : shown);
    const heading = h("p", { class: "section-path", lang: langOf(shown), ...(href ? {} : original) },
      href ? externalLink(href, words, original, crumbs) : crumbs);
    const item = h("li", { class: "citation", "data-section": citation.section }, heading);
    // A quote already shown in the answer text is not shown twice; its original still is, under it.
    if (!citation.in_answer) item.append(h("blockquote", { class: "quote", lang: langOf(citation.quote), text: citation.quote }));
    if (citation.quote_original) {
      item.append(h("details", { class: "original" },
        h("summary", { text: words.show_original }),
        h("blockquote", { class: "quote", lang: "ko", text: citation.quote_original })));
    }
    list.append(item);
  }
  return h("section", { class: "sources", "aria-label": words.sources }, h("h3", { text: words.sources_in_article }), list);
}

function renderSnippets(snippets, words) {
  const section = h("section", { class: "snippets", "aria-label": words.snippets }, h("h3", { text: words.snippets }));
  snippets.forEach((snippet) => section.append(renderSnippet(snippet, words)));
  return section;
}

function renderSnippet(snippet, words) {
  const language = String(snippet.language || "text");
  const code = String(snippet.code || "");
  const reference = safeUrl(snippet.reference);
  const copy = h("button", { type: "button", class: "copy", "aria-label": fill(words.copy_code, { title: snippet.title }),
    text: words.copy });
  copy.addEventListener("click", () => copyCode(copy, code, words));
  const tags = h("span", { class: "tags" },
    h("span", { class: "tag", text: language }),
    h("span", { class: "tag", text: snippet.source === "article" ? words.article : words.catalog }));
  const caption = h("figcaption", {},
    h("span", { class: "snippet-title", lang: langOf(snippet.title), text: snippet.title }),
    h("span", { class: "snippet-actions" },
      tags,
      reference ? externalLink(reference, words, {}, words.docs) : null,
      copy));
  const codeNode = h("code", { class: isHighlighted(language) ? `language-${language.toLowerCase()}` : null });
  codeNode.append(highlight(code, language));
  const figure = h("figure", { class: "snippet" }, caption);
  if (snippet.explanation) figure.append(h("p", { class: "explanation", lang: langOf(snippet.explanation), text: snippet.explanation }));
  // Focusable so the keyboard can scroll long lines sideways.
  figure.append(h("pre", { tabindex: "0", "aria-label": fill(words.code_of, { language, title: snippet.title }) }, codeNode));
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

async function copyCode(button, code, words) {
  const copied = await writeClipboard(code);
  button.focus();
  button.textContent = copied ? words.copied : words.copy_failed;
  button.classList.toggle("done", copied);
  announce(copied ? words.code_copied : words.copy_by_hand);
  window.setTimeout(() => {
    button.textContent = words.copy;
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
