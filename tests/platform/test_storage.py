"""The platform's SQLite schema migrations and the data folder's secrets."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from artreview_platform.db import MIGRATIONS, Database
from artreview_platform.embedded import start_embedded


def test_migrations_run_once_and_record_the_version(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    db = Database(path)
    assert db.schema_version == len(MIGRATIONS)
    with db.tx() as conn:
        conn.execute("INSERT INTO accounts (id, phone, created_at) VALUES ('a', '+8613800138000', 0)")
    db.close()
    again = Database(path)  # reopening must not re-run (and so must not wipe) anything
    with again.tx() as conn:
        assert conn.execute("SELECT COUNT(*) FROM accounts").fetchone()[0] == 1
    again.close()
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    raw.close()


def test_secrets_file_is_private_and_stable_across_restarts(tmp_path: Path) -> None:
    data = tmp_path / "d"
    with start_embedded(data, dev_credentials=True) as first:
        key = first.dev_access_key_id
    secrets_file = data / "server-secrets.json"
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    with start_embedded(data, dev_credentials=True) as second:
        assert second.dev_access_key_id == key
