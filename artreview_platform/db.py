"""SQLite storage for the reference platform, with numbered migrations.

One connection shared by the server threads behind a lock: SQLite serialises writers anyway, and
the reference platform's load is one desktop client or a test suite.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Each entry moves the schema from version N to N+1; never edit one that has shipped, add another.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE accounts (
        id TEXT PRIMARY KEY, phone TEXT UNIQUE NOT NULL, name TEXT NOT NULL DEFAULT '',
        created_at REAL NOT NULL
    );
    CREATE TABLE sms_codes (
        id INTEGER PRIMARY KEY, phone_hash TEXT NOT NULL, purpose TEXT NOT NULL,
        code_hash TEXT NOT NULL, created_at REAL NOT NULL, expires_at REAL NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL DEFAULT 'active'
    );
    CREATE INDEX sms_codes_phone ON sms_codes (phone_hash, purpose, state);
    CREATE TABLE sms_sends (id INTEGER PRIMARY KEY, subject TEXT NOT NULL, at REAL NOT NULL);
    CREATE INDEX sms_sends_subject ON sms_sends (subject, at);
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, role TEXT NOT NULL,
        access_hash TEXT UNIQUE NOT NULL, refresh_hash TEXT UNIQUE,
        device_hash TEXT NOT NULL DEFAULT '', access_expires REAL NOT NULL,
        refresh_expires REAL NOT NULL, created_at REAL NOT NULL, revoked INTEGER NOT NULL DEFAULT 0,
        exam_id TEXT
    );
    CREATE TABLE consents (
        id INTEGER PRIMARY KEY, account_id TEXT NOT NULL, policy_version TEXT NOT NULL,
        scopes TEXT NOT NULL, guardian TEXT, age_band TEXT NOT NULL, accepted INTEGER NOT NULL,
        recorded_at REAL NOT NULL
    );
    CREATE TABLE exams (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, data TEXT NOT NULL, fee_status TEXT NOT NULL,
        fee_fen INTEGER NOT NULL, ticket_number TEXT UNIQUE NOT NULL, created_at REAL NOT NULL
    );
    CREATE TABLE orders (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, exam_id TEXT NOT NULL, amount_fen INTEGER NOT NULL,
        channel TEXT NOT NULL, status TEXT NOT NULL, created_at REAL NOT NULL, expires_at REAL NOT NULL,
        paid_at REAL
    );
    CREATE TABLE submissions (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, exam_id TEXT NOT NULL, object_key TEXT NOT NULL,
        manifest TEXT NOT NULL, status TEXT NOT NULL, found TEXT NOT NULL, created_at REAL NOT NULL
    );
    CREATE TABLE sts_tokens (
        access_key_id TEXT PRIMARY KEY, secret TEXT NOT NULL, token_hash TEXT NOT NULL,
        account_id TEXT NOT NULL, exam_id TEXT NOT NULL, prefix TEXT NOT NULL,
        issued_at REAL NOT NULL, expires_at REAL NOT NULL
    );
    CREATE TABLE centres (
        id TEXT PRIMARY KEY, code TEXT UNIQUE NOT NULL, name TEXT NOT NULL, password_hash TEXT NOT NULL,
        salt TEXT NOT NULL, created_at REAL NOT NULL
    );
    CREATE TABLE checkins (
        id TEXT PRIMARY KEY, centre_id TEXT NOT NULL, exam_id TEXT NOT NULL, account_id TEXT NOT NULL,
        at REAL NOT NULL
    );
    """,
)


class Database:
    """The platform's SQLite file, migrated to the latest schema when opened."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self.migrate()

    @property
    def schema_version(self) -> int:
        with self._lock:
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Apply every migration newer than the file's `user_version`, each in its own transaction."""
        with self._lock:
            for version in range(self.schema_version, len(MIGRATIONS)):
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    for statement in MIGRATIONS[version].split(";"):
                        if statement.strip():
                            self._conn.execute(statement)
                    self._conn.execute(f"PRAGMA user_version={version + 1}")
                    self._conn.execute("COMMIT")
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """One transaction: committed if the block ends normally, rolled back if it raises."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._conn.close()
