"""One router per resource: questions, search, sections, snippets, and health."""
