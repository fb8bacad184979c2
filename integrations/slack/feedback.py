"""Helpful / not-helpful votes on Slack answers, kept in SQLite: one vote per user per message."""

import sqlite3
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import FeedbackStoreError

NO_CITATION = "(no citation)"

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


@dataclass(frozen=True)
class Vote:
    """One click on a feedback button."""

    channel: str
    message_ts: str
    user_id: str
    question: str
    section: str | None
    helpful: bool


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=10)
    try:
        connection.execute(_SCHEMA)
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
    """Store a vote (replacing the user's earlier vote on that message); return the message's (helpful, not) counts.

    Raises FeedbackStoreError when the database is damaged, read-only or not a database."""
    with _store_errors(settings.feedback_path), closing(_connect(settings.feedback_path)) as connection, connection:
        connection.execute(
            """
            INSERT INTO feedback (channel, message_ts, user_id, question, section, helpful)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (channel, message_ts, user_id) DO UPDATE SET
                question = excluded.question,
                section = excluded.section,
                helpful = excluded.helpful,
                voted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
            """,
            (vote.channel, vote.message_ts, vote.user_id, vote.question, vote.section or "", int(vote.helpful)),
        )
        helpful, not_helpful = connection.execute(
            "SELECT COALESCE(SUM(helpful), 0), COALESCE(SUM(1 - helpful), 0) FROM feedback"
            " WHERE channel = ? AND message_ts = ?",
            (vote.channel, vote.message_ts),
        ).fetchone()
    return int(helpful), int(not_helpful)


def report_rows(settings) -> list[tuple[str, int, int]]:
    """Votes per cited section as (section, helpful, not_helpful), most voted first; empty before any vote."""
    path = Path(settings.feedback_path)
    if not path.exists():
        return []
    with _store_errors(path), closing(_connect(path)) as connection:
        rows = connection.execute(
            """
            SELECT section, SUM(helpful), SUM(1 - helpful) FROM feedback
            GROUP BY section ORDER BY COUNT(*) DESC, section = '', section
            """
        ).fetchall()
    return [(section or NO_CITATION, int(helpful), int(not_helpful)) for section, helpful, not_helpful in rows]
