"""Demo data: every new account gets registered exams, so the demo works with any valid number."""

from __future__ import annotations

import json
import secrets
import sqlite3
import uuid
from typing import Any

DAY = 86400.0

ID_PHOTO_SPECS: dict[str, dict[str, Any]] = {
    "cn-1inch": {"name": "一寸", "width_px": 295, "height_px": 413, "dpi": 300, "background": "white"},
    "cn-2inch-small": {"name": "小二寸", "width_px": 413, "height_px": 531, "dpi": 300, "background": "blue"},
    "ga461": {"name": "GA 461", "width_px": 358, "height_px": 441, "dpi": 350, "background": "white"},
}

_DEMO_EXAMS: tuple[dict[str, Any], ...] = (
    {
        "subject": "piano", "subject_name": "钢琴", "level": 5,
        "pieces": [
            {"id": "p1", "title": "车尔尼 Op.299 No.1", "kind": "etude"},
            {"id": "p2", "title": "克列门蒂 小奏鸣曲 Op.36 No.1 第一乐章", "kind": "sonatina"},
            {"id": "p3", "title": "中国作品《牧童短笛》", "kind": "chinese_work"},
        ],
        "min_duration_s": 60, "max_duration_s": 600, "attempts_allowed": 3, "practice_available": True,
        "identity_rule": "announce_and_show_id", "id_photo_spec": "cn-1inch",
        "fee_fen": 38000, "fee_status": "unpaid",
    },
    {
        "subject": "dance", "subject_name": "中国舞", "level": 3,
        "pieces": [
            {"id": "p1", "title": "基本功组合", "kind": "technique"},
            {"id": "p2", "title": "舞蹈剧目《小雨沙沙》", "kind": "repertoire"},
        ],
        "min_duration_s": 30, "max_duration_s": 300, "attempts_allowed": 2, "practice_available": True,
        "identity_rule": "show_nothing", "id_photo_spec": "cn-2inch-small",
        "fee_fen": 32000, "fee_status": "paid",
    },
    {
        "subject": "art", "subject_name": "美术（素描）", "level": 4,
        "pieces": [{"id": "p1", "title": "静物素描（现场作画）", "kind": "drawing"}],
        "min_duration_s": 600, "max_duration_s": 7200, "attempts_allowed": 1, "practice_available": False,
        "identity_rule": "announce_and_show_id", "id_photo_spec": "ga461",
        "fee_fen": 0, "fee_status": "exempt",
    },
)


def seed_exams(conn: sqlite3.Connection, account_id: str, now: float) -> list[str]:
    """Register the demo exams for a new account; returns their ids."""
    ids = []
    for template in _DEMO_EXAMS:
        exam = dict(template)
        fee_status, fee_fen = exam.pop("fee_status"), exam.pop("fee_fen")
        exam["id_photo_spec_detail"] = ID_PHOTO_SPECS[exam["id_photo_spec"]]
        exam["window_opens_at"] = now - DAY
        exam["window_closes_at"] = now + 30 * DAY
        exam_id = "ex_" + uuid.uuid4().hex[:16]
        ticket = "AR" + "".join(secrets.choice("0123456789") for _ in range(10))
        conn.execute(
            "INSERT INTO exams (id, account_id, data, fee_status, fee_fen, ticket_number, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (exam_id, account_id, json.dumps(exam, ensure_ascii=False), fee_status, fee_fen, ticket, now),
        )
        ids.append(exam_id)
    return ids
