"""The practice history: sessions and attempts in one SQLite file, and the recordings they reference.

Durability choices, each for a reason:
- WAL journal with `synchronous=FULL`: a crash or power cut never loses a committed attempt, and readers (the
  history screen) never block the writer (a worker saving an answer).
- One transaction per write: an attempt row is either fully there or not at all.
- `PRAGMA user_version` is the schema version; `MIGRATIONS[i]` moves a database from version i to i + 1, so a
  database from an older release upgrades in place and one from a newer release is refused, not damaged.
- The file is created 0600 (SQLite gives its -wal and -shm files the same mode): answers are personal.

The database path is `data_dir()/history.sqlite3`; INTERVIEW_PRACTICE_HOME moves the whole data folder and
INTERVIEW_PRACTICE_DB moves only this file. One connection is shared by the UI thread and workers, guarded by
lock, which is simpler than a pool and plenty for a few writes a minute.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from feedback.voice_model import VoiceProfile
from practice.core.errors import PracticeError
from practice.core.job_choices import choices_from_dict, choices_to_dict
from practice.core.records import (
    SCORE_KEYS,
    AttemptRecord,
    DeleteResult,
    SessionRecord,
    SessionSummary,
    TrendPoint,
    WorkedTip,
    checks_from,
)
from practice.storage.paths import data_dir

log = logging.getLogger(__name__)

ENV_DB = "INTERVIEW_PRACTICE_DB"
DB_NAME = "history.sqlite3"

# Append only: never edit a migration that has shipped, add the next one.
MIGRATIONS: list[tuple[str, ...]] = [
    (
        """CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            started_at TEXT NOT NULL,
            bank_id TEXT NOT NULL,
            bank_name TEXT NOT NULL,
            job_title TEXT,
            job_text TEXT,
            settings TEXT NOT NULL DEFAULT '{}'
        )""",
        """CREATE TABLE attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            question_text TEXT NOT NULL,
            attempt_no INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            recording_path TEXT,
            transcript TEXT,
            words TEXT,
            duration_s REAL,
            feedback TEXT,
            overall INTEGER,
            examples INTEGER,
            enthusiasm INTEGER,
            alignment INTEGER,
            error TEXT,
            source TEXT NOT NULL DEFAULT 'spoken',
            UNIQUE (session_id, question_id, attempt_no)
        )""",
        "CREATE INDEX attempts_by_session ON attempts (session_id, id)",
        "CREATE INDEX attempts_by_time ON attempts (created_at)",
    ),
    # Panel mode: who asked the question (NULL for sessions with one interviewer and for older rows).
    ("ALTER TABLE attempts ADD COLUMN interviewer TEXT",),
    # The person's corrections to the job as read (JSON, practice.core.job_choices); NULL: none, or older rows.
    ("ALTER TABLE sessions ADD COLUMN job_choices TEXT",),
    # A retry's tip and whether it was followed (JSON, practice.core.records.WorkedTip); NULL: not a retry
    # that worked on a tip, or older rows.
    ("ALTER TABLE attempts ADD COLUMN worked_tip TEXT",),
    # Follow-up questions: the attempt an answer follows up (NULL for answers to the question itself, and for
    # older rows) and why the interviewer asked it; the follow-up's own words are its question_text.
    (
        "ALTER TABLE attempts ADD COLUMN follow_up_of INTEGER",
        "ALTER TABLE attempts ADD COLUMN follow_up_reason TEXT",
    ),
    # What the person ticked on a session's second-round readiness list (JSON {"references": true, ...},
    # practice.prep.readiness); NULL: nothing ticked, or older rows.
    ("ALTER TABLE sessions ADD COLUMN checks TEXT",),
]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(PracticeError, RuntimeError):
    """The history database cannot be used; the message says where it is and what to do."""


def default_path() -> Path:
    override = os.environ.get(ENV_DB)
    return Path(override) if override else data_dir() / DB_NAME


def _ts(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _loads(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError:  # a hand-edited or damaged row must not take the history screen down
        return None


def _session(row: sqlite3.Row) -> SessionRecord:
    return SessionRecord(
        row["id"],
        datetime.fromisoformat(row["started_at"]),
        row["bank_id"],
        row["bank_name"],
        row["job_title"],
        row["job_text"],
        _loads(row["settings"]) or {},
        choices_from_dict(_loads(row["job_choices"])),
        checks_from(_loads(row["checks"])),
    )


def _attempt(row: sqlite3.Row) -> AttemptRecord:
    return AttemptRecord(
        session_id=row["session_id"],
        question_id=row["question_id"],
        question_text=row["question_text"],
        attempt_no=row["attempt_no"],
        created_at=datetime.fromisoformat(row["created_at"]),
        recording_path=Path(row["recording_path"]) if row["recording_path"] else None,
        transcript=row["transcript"],
        words=_loads(row["words"]),
        duration_s=row["duration_s"],
        feedback=_loads(row["feedback"]),
        error=row["error"],
        source=row["source"],
        id=row["id"],
        interviewer=row["interviewer"],
        worked_tip=WorkedTip.from_dict(_loads(row["worked_tip"])),
        follow_up_of=row["follow_up_of"],
        follow_up_reason=row["follow_up_reason"],
    )


def _create_private(path: Path) -> None:
    """Create the database file 0600 before SQLite opens it (SQLite would use the umask, often 0644)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))


class Store:
    """The history database. Safe to share between the UI thread and worker threads."""

    def __init__(self, path: Path | None = None, clock: Callable[[], datetime] | None = None) -> None:
        self.path = path or default_path()
        self.clock = clock or (lambda: datetime.now().astimezone())
        self._lock = threading.RLock()
        try:
            _create_private(self.path)
            # Autocommit mode: transactions are opened explicitly below, so their scope is visible.
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=5.0)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(
                f"The history database {self.path} cannot be opened ({error}). Move the file away "
                "to start a fresh history, or set INTERVIEW_PRACTICE_DB to another path."
            ) from error
        except OSError as error:
            raise StoreError(f"The history database {self.path} cannot be created: {error}") from error

    # --- plumbing ----------------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    @property
    def schema_version(self) -> int:
        return int(self._query("PRAGMA user_version")[0][0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"The history database {self.path} is from a newer version of interview-practice "
                f"(schema {version}, this version knows {SCHEMA_VERSION}). Upgrade the app."
            )
        for target, statements in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._transaction() as db:
                for statement in statements:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {target}")  # inside the transaction: all or nothing
            log.info("history %s upgraded to schema %d", self.path, target)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- writing -----------------------------------------------------------------------------------------

    def ensure_session(self, session: SessionRecord) -> None:
        """Record a session once (the first attempt does it, so an abandoned setup leaves no empty row)."""
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO sessions"
                " (id, started_at, bank_id, bank_name, job_title, job_text, settings, job_choices)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session.id,
                    _ts(session.started_at),
                    session.bank_id,
                    session.bank_name,
                    session.job_title,
                    session.job_text,
                    _json(session.settings) or "{}",
                    _json(choices_to_dict(session.job_choices)),
                ),
            )

    def set_check(self, session_id: str, name: str, done: bool) -> dict[str, bool]:
        """Tick (or untick) an item of a session's readiness list, read and written in one transaction; returns
        all its ticks. LookupError when the session is not in the history."""
        with self._transaction() as db:
            row = db.execute("SELECT checks FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row is None:
                raise LookupError(f"no session {session_id!r} in the history")
            checks = {**checks_from(_loads(row["checks"])), name: done}
            db.execute("UPDATE sessions SET checks = ? WHERE id = ?", (_json(checks), session_id))
        return checks

    def save_attempt(self, attempt: AttemptRecord) -> AttemptRecord:
        """Insert (no id yet) or update (id set) one attempt in one transaction; returns it with its id."""
        scores = {key: attempt.score(key) for key in ("overall", *SCORE_KEYS)}
        values = (
            attempt.session_id,
            attempt.question_id,
            attempt.question_text,
            attempt.attempt_no,
            _ts(attempt.created_at),
            str(attempt.recording_path) if attempt.recording_path else None,
            attempt.transcript,
            _json(attempt.words),
            attempt.duration_s,
            _json(attempt.feedback),
            scores["overall"],
            scores["examples"],
            scores["enthusiasm"],
            scores["alignment"],
            attempt.error,
            attempt.source,
            attempt.interviewer,
            _json(attempt.worked_tip.to_dict()) if attempt.worked_tip else None,
            attempt.follow_up_of,
            attempt.follow_up_reason,
        )
        columns = (
            "session_id, question_id, question_text, attempt_no, created_at, recording_path, transcript, "
            "words, duration_s, feedback, overall, examples, enthusiasm, alignment, error, source, interviewer, "
            "worked_tip, follow_up_of, follow_up_reason"
        )
        with self._transaction() as db:
            if attempt.id is None:
                cursor = db.execute(
                    f"INSERT INTO attempts ({columns}) VALUES ({', '.join('?' * len(values))})", values
                )
                return replace(attempt, id=cursor.lastrowid)
            assignments = ", ".join(f"{name.strip()} = ?" for name in columns.split(","))
            cursor = db.execute(f"UPDATE attempts SET {assignments} WHERE id = ?", (*values, attempt.id))
            if cursor.rowcount != 1:
                raise StoreError(f"attempt {attempt.id} is not in the history (was its session deleted?)")
            return attempt

    def save_voice(self, attempt_id: int, voice: dict[str, Any]) -> AttemptRecord | None:
        """Put how the voice sounded into an attempt's stored feedback (`delivery.voice`), and nothing else.

        The voice is measured after the review opens (practice.answers.voice), so the row is read and written
        in one transaction instead of saving a copy that may be older than the row. None when the attempt is
        gone or has no feedback to add to."""
        with self._transaction() as db:
            row = db.execute("SELECT feedback FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
            feedback = _loads(row["feedback"]) if row else None
            delivery = feedback.get("delivery") if isinstance(feedback, dict) else None
            if not isinstance(feedback, dict) or not isinstance(delivery, dict):
                return None
            delivery["voice"] = voice
            db.execute("UPDATE attempts SET feedback = ? WHERE id = ?", (_json(feedback), attempt_id))
        return self.attempt(attempt_id)

    def delete_session(self, session_id: str) -> DeleteResult:
        """Delete a session, its attempts and their recording files.

        Rows go first, in one transaction: if removing a file then fails, the worst case is an orphaned file,
        never a history row pointing at audio that is gone.
        """
        with self._transaction() as db:
            paths = [
                Path(row[0])
                for row in db.execute(
                    "SELECT recording_path FROM attempts WHERE session_id = ? AND recording_path IS NOT NULL",
                    (session_id,),
                ).fetchall()
            ]
            db.execute("DELETE FROM attempts WHERE session_id = ?", (session_id,))
            db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
        removed: list[Path] = []
        failed: list[tuple[Path, str]] = []
        for path in paths:
            try:
                path.unlink(missing_ok=True)
                removed.append(path)
            except OSError as error:
                failed.append((path, error.strerror or str(error)))
        return DeleteResult(removed, failed)

    # --- reading -----------------------------------------------------------------------------------------

    def session(self, session_id: str) -> SessionRecord | None:
        rows = self._query("SELECT * FROM sessions WHERE id = ?", (session_id,))
        return _session(rows[0]) if rows else None

    def sessions(self, limit: int | None = None) -> list[SessionSummary]:
        """Newest first, with counts and average scores (for the history table)."""
        rows = self._query(
            "SELECT s.*, COUNT(a.id) AS attempt_count, COUNT(DISTINCT a.question_id) AS question_count,"
            " AVG(a.overall) AS avg_overall, AVG(a.examples) AS avg_examples,"
            " AVG(a.enthusiasm) AS avg_enthusiasm, AVG(a.alignment) AS avg_alignment"
            " FROM sessions s LEFT JOIN attempts a ON a.session_id = s.id"
            " GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC" + (" LIMIT ?" if limit else ""),
            (limit,) if limit else (),
        )
        return [
            SessionSummary(
                _session(row),
                row["attempt_count"],
                row["question_count"],
                {key: row[f"avg_{key}"] for key in ("overall", *SCORE_KEYS)},
            )
            for row in rows
        ]

    def attempts(self, session_id: str) -> list[AttemptRecord]:
        return [
            _attempt(row)
            for row in self._query("SELECT * FROM attempts WHERE session_id = ? ORDER BY id", (session_id,))
        ]

    def attempt(self, attempt_id: int) -> AttemptRecord | None:
        rows = self._query("SELECT * FROM attempts WHERE id = ?", (attempt_id,))
        return _attempt(rows[0]) if rows else None

    def trend(self, limit: int = 500) -> list[TrendPoint]:
        """Scored attempts, oldest first (the most recent `limit`), for the score-over-time chart."""
        rows = self._query(
            "SELECT * FROM (SELECT created_at, id, overall, examples, enthusiasm, alignment FROM attempts"
            " WHERE overall IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT ?) ORDER BY created_at, id",
            (limit,),
        )
        return [
            TrendPoint(
                datetime.fromisoformat(row["created_at"]), {key: row[key] for key in ("overall", *SCORE_KEYS)}
            )
            for row in rows
        ]

    def voice_profiles(self, before: AttemptRecord | None = None, limit: int = 30) -> list[VoiceProfile]:
        """How the voice sounded in the latest `limit` answers before `before` (all answers when None), newest
        first: the person's own yardstick (practice.core.voice_compare)."""
        # The key only voice figures have, so rows without them are not parsed at all.
        where = "feedback LIKE '%\"pitch_sd_st\"%'"
        params: tuple[Any, ...] = ()
        if before is not None:
            where += " AND (created_at < ? OR (created_at = ? AND id < ?))"
            params = (_ts(before.created_at), _ts(before.created_at), before.id or 0)
        rows = self._query(
            f"SELECT feedback FROM attempts WHERE {where} ORDER BY created_at DESC, id DESC LIMIT ?",
            (*params, limit),
        )
        profiles: list[VoiceProfile] = []
        for row in rows:
            feedback = _loads(row["feedback"])
            delivery = feedback.get("delivery") if isinstance(feedback, dict) else None
            profile = VoiceProfile.from_dict(delivery.get("voice")) if isinstance(delivery, dict) else None
            if profile is not None:
                profiles.append(profile)
        return profiles

    def session_interviewers(self, session_id: str) -> list[tuple[str, str]]:
        """The panel of a session as (name, role) pairs, in asking order; [] for a one-interviewer session.

        The panel lives in the session's settings JSON (`"panel": [{"name", "role", "voice"}]`), so no table
        change was needed; follow-up drafts read the names from here."""
        session = self.session(session_id)
        panel = (session.settings or {}).get("panel") if session else None
        if not isinstance(panel, list):
            return []
        return [
            (str(member["name"]), str(member.get("role") or ""))
            for member in panel
            if isinstance(member, dict) and member.get("name")
        ]

    def last_job_text(self) -> str | None:
        """The job description of the newest session that had one: setup offers it again."""
        rows = self._query(
            "SELECT job_text FROM sessions WHERE job_text IS NOT NULL AND job_text != ''"
            " ORDER BY started_at DESC LIMIT 1"
        )
        return rows[0][0] if rows else None
