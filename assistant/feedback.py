"""Helpful / not-helpful votes from every surface (Slack, the web page) in one SQLite database, and their uses:
a report per surface and cited section, and an export of the answers voted down as a question file to label."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .errors import FeedbackStoreError

NO_CITATION = "(no citation)"
SURFACES = ("slack", "web")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    channel    TEXT NOT NULL,
    message_ts TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    question   TEXT NOT NULL,
    section    TEXT NOT NULL,
    helpful    INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    voted_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (channel, message_ts, user_id)
)
"""
# Columns added after the first release; a database from then gains them (with these defaults) when opened.
_ADDED_COLUMNS = {
    "surface": "TEXT NOT NULL DEFAULT 'slack'",
    "answer": "TEXT NOT NULL DEFAULT ''",
    "sections": "TEXT NOT NULL DEFAULT '[]'",
}


@dataclass(frozen=True)
class Vote:
    """One click on a feedback button: on Slack `channel` + `message_ts` name the answer, on the web page
    channel is "web" and message_ts the answer's id in the page; `user_id` is the voter."""

    channel: str
    message_ts: str
    user_id: str
    question: str
    section: str | None
    helpful: bool
    surface: str = "slack"
    answer: str = ""
    sections: Sequence[str] = field(default_factory=tuple)


@dataclass(frozen=True)
class ReportRow:
    """Votes on answers from one surface whose first citation is `section`."""

    surface: str
    section: str
    helpful: int
    not_helpful: int


@dataclass(frozen=True)
class VotedDown:
    """A question whose answers got at least one 👎, with what was answered and cited."""

    question: str
    answer: str
    sections: list[str]
    not_helpful: int
    helpful: int
    surfaces: list[str]


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=10)
    try:
        connection.execute(_SCHEMA)
        present = {row[1] for row in connection.execute("PRAGMA table_info(feedback)")}
        for name, definition in _ADDED_COLUMNS.items():
            if name not in present:
                connection.execute(f"ALTER TABLE feedback ADD COLUMN {name} {definition}")
    except BaseException:
        connection.close()
        raise
    return connection


@contextmanager
def _store_errors(path: Path):
    """SQLite and file system errors as FeedbackStoreError, one line naming the database and the reason."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise FeedbackStoreError(
            f"the feedback database {path} cannot be used ({reason}); fix its permissions or move it aside"
        ) from None


def record_vote(settings, vote: Vote) -> tuple[int, int]:
    """Store a vote (replacing the user's earlier vote on that answer); return the answer's (helpful, not) counts.

    Raises FeedbackStoreError when the database is damaged, read-only or not a database."""
    sections = list(vote.sections) or ([vote.section] if vote.section else [])
    with _store_errors(settings.feedback_path), closing(_connect(settings.feedback_path)) as connection, connection:
        connection.execute(
            """
            INSERT INTO feedback (channel, message_ts, user_id, question, section, helpful, surface, answer, sections)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (channel, message_ts, user_id) DO UPDATE SET
                question = excluded.question,
                section = excluded.section,
                helpful = excluded.helpful,
                surface = excluded.surface,
                answer = excluded.answer,
                sections = excluded.sections,
                voted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
            """,
            (
                vote.channel, vote.message_ts, vote.user_id, vote.question, vote.section or "", int(vote.helpful),
                vote.surface, vote.answer, json.dumps(sections, ensure_ascii=False),
            ),
        )
        helpful, not_helpful = connection.execute(
            "SELECT COALESCE(SUM(helpful), 0), COALESCE(SUM(1 - helpful), 0) FROM feedback"
            " WHERE channel = ? AND message_ts = ?",
            (vote.channel, vote.message_ts),
        ).fetchone()
    return int(helpful), int(not_helpful)


def report_rows(settings) -> list[ReportRow]:
    """Votes per surface and first cited section, most voted first within a surface; empty before any vote."""
    path = Path(settings.feedback_path)
    if not path.exists():
        return []
    with _store_errors(path), closing(_connect(path)) as connection:
        rows = connection.execute(
            """
            SELECT surface, section, SUM(helpful), SUM(1 - helpful) FROM feedback
            GROUP BY surface, section ORDER BY surface, COUNT(*) DESC, section = '', section
            """
        ).fetchall()
    return [ReportRow(surface, section or NO_CITATION, int(up), int(down)) for surface, section, up, down in rows]


def voted_down(settings) -> list[VotedDown]:
    """Every question with at least one 👎, most 👎 first; the answer and citations are the latest voted down."""
    path = Path(settings.feedback_path)
    if not path.exists():
        return []
    with _store_errors(path), closing(_connect(path)) as connection:
        rows = connection.execute(
            "SELECT question, answer, sections, helpful, surface FROM feedback ORDER BY voted_at, rowid"
        ).fetchall()
    found: dict[str, dict] = {}
    for question, answer, sections, helpful, surface in rows:
        entry = found.setdefault(question.strip(), {"answer": "", "sections": [], "up": 0, "down": 0, "surfaces": []})
        if surface not in entry["surfaces"]:
            entry["surfaces"].append(surface)
        if helpful:
            entry["up"] += 1
            continue
        entry["down"] += 1
        entry["answer"] = answer
        entry["sections"] = json.loads(sections or "[]")
    down = [
        VotedDown(question, e["answer"], e["sections"], e["down"], e["up"], e["surfaces"])
        for question, e in found.items()
        if e["down"]
    ]
    return sorted(down, key=lambda item: -item.not_helpful)


def export_question_file(settings, path: Path) -> tuple[int, Path]:
    """Write the questions voted down to `path` as a question file for `docker-qa eval` with `gold` left null
    (eval refuses the file, naming the line, until a person fills each one in), and beside it a review sheet
    (PATH.review.md) with each question's answer, cited sections and votes; return (questions, review sheet)."""
    items = voted_down(settings)
    path = Path(path)
    review = path.with_name(path.name + ".review.md")
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"q": item.question, "gold": None}, ensure_ascii=False) for item in items]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    sheet = [
        f"# Answers voted down: fill in `gold` in {path.name}",
        "",
        "For each line of the question file, set `gold` to the heading(s) of the article that answer the question",
        '(substrings of the section path), add `"verdict": "yes"|"no"|"partial"` for a yes/no question the article',
        'settles, or set `"gold": [], "offtopic": true` when the article does not answer it. Then run',
        f"`docker-qa eval {path.name} --show`.",
        "",
    ]
    for number, item in enumerate(items, 1):
        sheet += [
            f"## {number}. {item.question}",
            "",
            f"- votes: 👎 {item.not_helpful} · 👍 {item.helpful} ({', '.join(item.surfaces)})",
            "- cited: " + ("; ".join(f"`{section}`" for section in item.sections) or "nothing (refused)"),
            "",
            *(f"> {line}" if line else ">" for line in (item.answer or "(no answer text stored)").splitlines()),
            "",
        ]
    review.write_text("\n".join(sheet), encoding="utf-8")
    return len(items), review
