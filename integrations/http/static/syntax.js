// Syntax highlighting for the snippets' languages (shell, Dockerfile, YAML/Compose/Kubernetes, JSON).
// Tokens become <span> elements holding text nodes, so code is never parsed as HTML.

const LANGUAGES = {
  bash: "shell", sh: "shell", shell: "shell", console: "shell", zsh: "shell",
  dockerfile: "dockerfile", docker: "dockerfile",
  yaml: "yaml", yml: "yaml", compose: "yaml", kubernetes: "yaml", k8s: "yaml",
  json: "json",
};

const DOCKERFILE_INSTRUCTIONS = new Set([
  "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
  "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR", "AS",
]);

// One shell token per match; the group that matched names its kind.
const SHELL_TOKEN = new RegExp(
  [
    /(#[^\n]*)/.source, // 1 comment (a word starting with #)
    /("(?:\\[\s\S]|[^"\\])*"?|'[^']*'?)/.source, // 2 string
    /(\$\{[^}\n]*\}|\$[A-Za-z_]\w*|\$[0-9@#?*$!-])/.source, // 3 variable
    /(\\\n)/.source, // 4 line continuation
    /(\n)/.source, // 5 end of a command
    /(&&|\|\||[|;])/.source, // 6 operator
    /([ \t\r]+)/.source, // 7 blank
    /([^\s"'$|;&\\#][^\s"'$|;&\\]*|[\s\S])/.source, // 8 a word, or any other single character
  ].join("|"),
  "y",
);

/** Shell tokens: commands (first word of each command), flags, strings, variables, comments. */
function shellTokens(code, expectCommand = true) {
  const tokens = [];
  SHELL_TOKEN.lastIndex = 0;
  let match;
  while (SHELL_TOKEN.lastIndex < code.length && (match = SHELL_TOKEN.exec(code))) {
    const [text, comment, string, variable, continuation, newline, operator, , word] = match;
    if (comment) tokens.push(["comment", text]);
    else if (string) tokens.push(["string", text]);
    else if (variable) tokens.push(["variable", text]);
    else if (continuation) tokens.push(["operator", text]);
    else if (newline || operator) {
      tokens.push([operator ? "operator" : null, text]);
      expectCommand = true;
    } else if (word && expectCommand && /^[A-Za-z_]\w*=/.test(word)) {
      tokens.push(["variable", word]); // VAR=value before a command
    } else if (word && expectCommand && /^[\w./~-]/.test(word)) {
      tokens.push(["command", word]);
      expectCommand = false;
    } else if (word && /^--?[A-Za-z]/.test(word)) {
      const equals = word.indexOf("=");
      if (equals > 0) tokens.push(["flag", word.slice(0, equals + 1)], [null, word.slice(equals + 1)]);
      else tokens.push(["flag", word]);
    } else {
      tokens.push([null, text]);
    }
  }
  return tokens;
}

/** Dockerfile tokens: instructions as keywords, the rest of each line as shell. */
function dockerfileTokens(code) {
  const tokens = [];
  let inRun = false; // inside a RUN that continues with a backslash
  for (const line of code.split(/(?<=\n)/)) {
    const comment = /^(\s*)(#.*)(\n?)$/.exec(line);
    if (comment && !inRun) {
      tokens.push([null, comment[1]], ["comment", comment[2]], [null, comment[3]]);
      continue;
    }
    const instruction = /^(\s*)([A-Za-z]+)(?=\s|$)/.exec(line);
    let rest = line;
    if (!inRun && instruction && DOCKERFILE_INSTRUCTIONS.has(instruction[2].toUpperCase())) {
      tokens.push([null, instruction[1]], ["keyword", instruction[2]]);
      rest = line.slice(instruction[0].length);
      const isRun = instruction[2].toUpperCase() === "RUN";
      tokens.push(...shellTokens(rest, isRun).map(markAs(/^AS$/i, "keyword")));
      inRun = isRun && /\\\n?$/.test(line);
    } else {
      tokens.push(...shellTokens(rest, false));
      inRun = inRun && /\\\n?$/.test(line);
    }
  }
  return tokens;
}

function markAs(pattern, kind) {
  return ([cls, text]) => (cls === null && pattern.test(text) ? [kind, text] : [cls, text]);
}

const YAML_VALUE_RULES = [
  ["comment", /(?<=^|\s)#.*/y],
  ["string", /"(?:\\.|[^"\\])*"?|'(?:''|[^'])*'?/y],
  ["literal", /(?<![\w.:/-])(?:true|false|null|~|-?\d+(?:\.\d+)?)(?![\w.:/-])/y],
  ["operator", /[|>][-+]?(?=\s*$)|[[\]{},]|&\w+|\*\w+/y],
  [null, /[\w./@$-]+/y],
];

/** YAML tokens (Compose files, Kubernetes manifests): keys, strings, literals, comments. */
function yamlTokens(code) {
  const tokens = [];
  for (const line of code.split(/(?<=\n)/)) {
    const comment = /^(\s*)(#.*)(\n?)$/.exec(line);
    if (comment) {
      tokens.push([null, comment[1]], ["comment", comment[2]], [null, comment[3]]);
      continue;
    }
    if (/^(---|\.\.\.)\s*$/.test(line)) {
      tokens.push(["operator", line]);
      continue;
    }
    const keyed = /^(\s*)((?:-\s+)*)("[^"]*"|'[^']*'|[^\s#'"\-:][^:#\n]*?|-[^\s:#][^:#\n]*?)(:)(?=\s|$)/.exec(line);
    const listed = /^(\s*)((?:-\s+)*)/.exec(line);
    let rest;
    if (keyed) {
      tokens.push([null, keyed[1]], ["operator", keyed[2]], ["key", keyed[3]], [null, keyed[4]]);
      rest = line.slice(keyed[0].length);
    } else {
      tokens.push([null, listed[1]], ["operator", listed[2]]);
      rest = line.slice(listed[0].length);
    }
    tokens.push(...scan(rest, YAML_VALUE_RULES));
  }
  return tokens;
}

const JSON_RULES = [
  ["key", /"(?:\\.|[^"\\])*"(?=\s*:)/y],
  ["string", /"(?:\\.|[^"\\])*"?/y],
  ["literal", /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y],
  ["operator", /[{}[\],:]/y],
];

/** Tokens by the first rule that matches at each position; what no rule matches stays plain text. */
function scan(text, rules) {
  const tokens = [];
  let plain = "";
  let i = 0;
  next: while (i < text.length) {
    for (const [kind, pattern] of rules) {
      pattern.lastIndex = i;
      const match = pattern.exec(text);
      if (match && match[0]) {
        if (plain) tokens.push([null, plain]);
        plain = "";
        tokens.push([kind, match[0]]);
        i += match[0].length;
        continue next;
      }
    }
    plain += text[i];
    i += 1;
  }
  if (plain) tokens.push([null, plain]);
  return tokens;
}

const TOKENIZERS = {
  shell: (code) => shellTokens(code),
  dockerfile: dockerfileTokens,
  yaml: yamlTokens,
  json: (code) => scan(code, JSON_RULES),
};

/** True when `language` (a snippet's language name) has highlighting. */
export function isHighlighted(language) {
  return Object.hasOwn(LANGUAGES, String(language || "").toLowerCase());
}

/** The code as a fragment of text nodes and <span class="tok-KIND"> elements; plain text for other languages. */
export function highlight(code, language) {
  const fragment = document.createDocumentFragment();
  const kind = LANGUAGES[String(language || "").toLowerCase()];
  if (!kind) {
    fragment.append(code);
    return fragment;
  }
  for (const [cls, text] of TOKENIZERS[kind](code)) {
    if (!text) continue;
    if (cls) {
      const span = document.createElement("span");
      span.className = `tok-${cls}`;
      span.textContent = text;
      fragment.append(span);
    } else {
      fragment.append(text);
    }
  }
  return fragment;
}
