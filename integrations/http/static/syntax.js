// Syntax highlighting for the snippets' languages (shell, Dockerfile, YAML/Compose/Kubernetes, JSON) with the
// vendored Prism (vendor/prism/prism.js, loaded before this module). Only Prism's tokenizer is used: tokens
// become <span class="token TYPE"> elements holding text nodes, so code is never parsed as HTML.

const GRAMMARS = {
  bash: "bash", sh: "bash", shell: "bash", console: "bash", zsh: "bash",
  dockerfile: "docker", docker: "docker",
  yaml: "yaml", yml: "yaml", compose: "yaml", kubernetes: "yaml", k8s: "yaml",
  json: "json",
};

function grammarFor(language) {
  const prism = window.Prism;
  const name = GRAMMARS[String(language || "").toLowerCase()];
  return prism && name ? prism.languages[name] || null : null;
}

/** Whether `language` is highlighted (else its code is shown as plain text). */
export function isHighlighted(language) {
  return grammarFor(language) !== null;
}

function appendTokens(parent, tokens) {
  for (const token of tokens) {
    if (typeof token === "string") {
      parent.append(token);
      continue;
    }
    const span = document.createElement("span");
    const aliases = token.alias ? [].concat(token.alias) : [];
    span.className = ["token", token.type, ...aliases].join(" ");
    appendTokens(span, Array.isArray(token.content) ? token.content : [token.content]);
    parent.append(span);
  }
}

/** `code` as a fragment of text nodes and token spans whose text is exactly `code`. */
export function highlight(code, language) {
  const fragment = document.createDocumentFragment();
  const text = String(code);
  const grammar = grammarFor(language);
  if (!grammar || !text) {
    fragment.append(text);
    return fragment;
  }
  appendTokens(fragment, window.Prism.tokenize(text, grammar));
  return fragment;
}
