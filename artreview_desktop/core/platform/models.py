"""The API's objects as typed, immutable values (parsed from JSON at the client's edge)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str | None
    access_expires_at: float  # client's wall clock; a hint only, the server decides
    account_id: str

    def __repr__(self) -> str:  # never show tokens, even in a traceback
        return f"TokenPair(account_id={self.account_id!r}, access_expires_at={self.access_expires_at})"


@dataclass(frozen=True)
class Profile:
    account_id: str
    phone: str
    phone_masked: str
    name: str
    created_at: float

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Profile:
        return cls(str(data["account_id"]), str(data["phone"]), str(data["phone_masked"]), str(data["name"]),
                   float(data["created_at"]))


@dataclass(frozen=True)
class Piece:
    id: str
    title: str
    kind: str


@dataclass(frozen=True)
class Exam:
    id: str
    subject: str
    subject_name: str
    level: int
    pieces: tuple[Piece, ...]
    min_duration_s: int
    max_duration_s: int
    attempts_allowed: int
    practice_available: bool
    identity_rule: str  # "announce_and_show_id" | "show_nothing"
    id_photo_spec: str
    fee_status: str  # "unpaid" | "paid" | "exempt"
    fee_fen: int
    ticket_number: str
    id_photo_spec_detail: dict[str, Any] = field(default_factory=dict)

    @property
    def fee_due(self) -> bool:
        return self.fee_status == "unpaid"

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Exam:
        return cls(
            id=str(data["id"]), subject=str(data["subject"]), subject_name=str(data.get("subject_name", "")),
            level=int(data["level"]),
            pieces=tuple(Piece(str(p["id"]), str(p["title"]), str(p["kind"])) for p in data["pieces"]),
            min_duration_s=int(data["min_duration_s"]), max_duration_s=int(data["max_duration_s"]),
            attempts_allowed=int(data["attempts_allowed"]), practice_available=bool(data["practice_available"]),
            identity_rule=str(data["identity_rule"]), id_photo_spec=str(data["id_photo_spec"]),
            fee_status=str(data["fee_status"]), fee_fen=int(data.get("fee_fen", 0)),
            ticket_number=str(data["ticket_number"]), id_photo_spec_detail=dict(data.get("id_photo_spec_detail", {})),
        )


@dataclass(frozen=True)
class PaymentOrder:
    order_id: str
    exam_id: str
    amount_fen: int
    currency: str
    channel: str
    status: str  # "pending" | "paid" | "expired"
    qr_payload: str
    expires_at: float

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PaymentOrder:
        return cls(str(data["order_id"]), str(data["exam_id"]), int(data["amount_fen"]), str(data["currency"]),
                   str(data["channel"]), str(data["status"]), str(data["qr_payload"]), float(data["expires_at"]))


@dataclass(frozen=True)
class UploadCredentials:
    """STS-style temporary credentials, valid only under `key_prefix`."""

    access_key_id: str
    access_key_secret: str
    security_token: str
    expiration: str
    expires_in: int
    bucket: str
    endpoint: str
    region: str
    key_prefix: str

    def __repr__(self) -> str:
        return (f"UploadCredentials(bucket={self.bucket!r}, endpoint={self.endpoint!r}, "
                f"key_prefix={self.key_prefix!r}, expiration={self.expiration!r})")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> UploadCredentials:
        return cls(str(data["access_key_id"]), str(data["access_key_secret"]), str(data["security_token"]),
                   str(data["expiration"]), int(data["expires_in"]), str(data["bucket"]), str(data["endpoint"]),
                   str(data["region"]), str(data["key_prefix"]))


@dataclass(frozen=True)
class SubmissionManifest:
    object_key: str
    size: int
    sha256: str
    crc64: int
    duration_s: float
    stats: dict[str, Any] = field(default_factory=dict)
    kind: str = "take"  # "take" or "id_photo"

    def to_json(self) -> dict[str, Any]:
        return {"object_key": self.object_key, "size": self.size, "sha256": self.sha256, "crc64": str(self.crc64),
                "duration_s": self.duration_s, "stats": self.stats, "kind": self.kind}


@dataclass(frozen=True)
class SubmissionResult:
    submission_id: str
    exam_id: str
    accepted: bool
    mismatches: tuple[str, ...]
    found: dict[str, Any]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SubmissionResult:
        return cls(str(data["submission_id"]), str(data["exam_id"]), data["status"] == "accepted",
                   tuple(str(m) for m in data["mismatches"]), dict(data["found"]))


@dataclass(frozen=True)
class PolicyInfo:
    version: str
    text_url: str
    children_text_url: str
    children_version: str = ""
    published_at: str = ""
    changes: dict[str, list[str]] = field(default_factory=dict)  # language -> summary lines

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PolicyInfo:
        changes = data.get("changes") or {}
        return cls(str(data["version"]), str(data["text_url"]), str(data.get("children_text_url", "")),
                   str(data.get("children_version") or data["version"]), str(data.get("published_at", "")),
                   {str(lang): [str(line) for line in lines] for lang, lines in changes.items()
                    if isinstance(lines, list)} if isinstance(changes, dict) else {})


@dataclass(frozen=True)
class AppVersion:
    """The platform's latest-version manifest; core/update.py checks its Ed25519 signature."""

    version: str
    url: str
    size: int
    sha256: str
    signature: str
    signature_algorithm: str
    format: str = ""
    platform: str = ""
    file_name: str = ""
    kind: str = ""
    key_id: str = ""
    notes: dict[str, str] = field(default_factory=dict)
    mandatory: bool = False
    published_at: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AppVersion:
        raw_notes = data.get("notes")
        notes: dict[Any, Any] = raw_notes if isinstance(raw_notes, dict) else {}
        return cls(str(data["version"]), str(data["url"]), int(data["size"]), str(data["sha256"]),
                   str(data["signature"]), str(data.get("signature_algorithm", "")), format=str(data.get("format", "")),
                   platform=str(data.get("platform", "")), file_name=str(data.get("file_name", "")),
                   kind=str(data.get("kind", "")), key_id=str(data.get("key_id", "")),
                   notes={str(k): str(v) for k, v in notes.items()}, mandatory=data.get("mandatory") is True,
                   published_at=str(data.get("published_at", "")))


@dataclass(frozen=True)
class CheckIn:
    checkin_id: str
    exam: Exam
    candidate_account_id: str
    candidate_name: str
    candidate_phone_masked: str
    candidate_access_token: str

    def __repr__(self) -> str:
        return f"CheckIn(checkin_id={self.checkin_id!r}, exam={self.exam.id!r})"

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CheckIn:
        candidate = data["candidate"]
        return cls(str(data["checkin_id"]), Exam.from_json(data["exam"]), str(candidate["account_id"]),
                   str(candidate["name"]), str(candidate["phone_masked"]), str(data["candidate_access_token"]))
