"""The OpenAPI 3.0 description of /api/v1, served at /api/v1/openapi.json (the API's reference)."""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]


def _obj(required: list[str], **props: Schema) -> Schema:
    return {"type": "object", "required": required, "properties": props}


STR: Schema = {"type": "string"}
INT: Schema = {"type": "integer"}
NUM: Schema = {"type": "number"}
BOOL: Schema = {"type": "boolean"}
PHONE: Schema = {"type": "string", "example": "+8613800138000", "description": "+86 mobile number"}

ERROR = _obj(
    ["error"], error=_obj(["code", "message"], code=STR, message=STR, retry_after=INT, details={"type": "object"})
)
TOKENS = _obj(
    ["access_token", "token_type", "expires_in", "account_id"],
    access_token=STR,
    token_type=STR,
    expires_in=INT,
    refresh_token=STR,
    refresh_expires_in=INT,
    account_id=STR,
)
PROFILE = _obj(
    ["account_id", "phone", "phone_masked", "name", "created_at"],
    account_id=STR,
    phone=STR,
    phone_masked=STR,
    name=STR,
    created_at=NUM,
)
PIECE = _obj(["id", "title", "kind"], id=STR, title=STR, kind=STR)
EXAM = _obj(
    [
        "id",
        "subject",
        "level",
        "pieces",
        "min_duration_s",
        "max_duration_s",
        "attempts_allowed",
        "practice_available",
        "identity_rule",
        "id_photo_spec",
        "fee_status",
        "ticket_number",
    ],
    id=STR,
    subject=STR,
    subject_name=STR,
    level=INT,
    pieces={"type": "array", "items": PIECE},
    min_duration_s=INT,
    max_duration_s=INT,
    attempts_allowed=INT,
    practice_available=BOOL,
    identity_rule={"type": "string", "enum": ["announce_and_show_id", "show_nothing"]},
    id_photo_spec=STR,
    id_photo_spec_detail={"type": "object"},
    fee_status={"type": "string", "enum": ["unpaid", "paid", "exempt"]},
    fee_fen=INT,
    ticket_number=STR,
    window_opens_at=NUM,
    window_closes_at=NUM,
)
ORDER = _obj(
    ["order_id", "exam_id", "amount_fen", "currency", "channel", "status", "qr_payload", "expires_at"],
    order_id=STR,
    exam_id=STR,
    amount_fen=INT,
    currency=STR,
    channel=STR,
    status={"type": "string", "enum": ["pending", "paid", "expired"]},
    qr_payload=STR,
    created_at=NUM,
    expires_at=NUM,
    paid_at={"type": "number", "nullable": True},
)
CREDENTIALS = _obj(
    [
        "access_key_id",
        "access_key_secret",
        "security_token",
        "expiration",
        "expires_in",
        "bucket",
        "endpoint",
        "region",
        "key_prefix",
    ],
    access_key_id=STR,
    access_key_secret=STR,
    security_token=STR,
    expiration=STR,
    expires_in=INT,
    bucket=STR,
    endpoint=STR,
    region=STR,
    key_prefix=STR,
)
FOUND = _obj(["exists"], exists=BOOL, size=INT, crc64=STR, sha256=STR)
SUBMISSION_RESULT = _obj(
    ["submission_id", "exam_id", "status", "mismatches", "found"],
    submission_id=STR,
    exam_id=STR,
    status={"type": "string", "enum": ["accepted", "rejected"]},
    mismatches={"type": "array", "items": STR},
    found=FOUND,
    created_at=NUM,
)
SUBMISSION_REQUEST = _obj(
    ["object_key", "size", "sha256", "crc64", "duration_s"],
    object_key=STR,
    size={"type": "integer", "minimum": 0},
    sha256={"type": "string", "pattern": "^[0-9a-fA-F]{64}$"},
    crc64={"type": "string", "pattern": "^[0-9]{1,20}$", "description": "CRC-64/XZ (crc64ecma), decimal"},
    duration_s={"type": "number", "minimum": 0},
    stats={"type": "object"},
    kind={"type": "string", "enum": ["take", "id_photo"], "default": "take",
          "description": "an exam video (its duration is checked) or the ID photo (it must be a JPEG)"},
)
BINARY: Schema = {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
APP_MANIFEST = _obj(
    ["version", "url", "size", "sha256", "signature", "signature_algorithm", "format", "platform", "file_name", "kind",
     "key_id", "notes", "mandatory"],
    format={"type": "string", "enum": ["artreview-update/1"]},
    platform={"type": "string", "enum": ["linux", "windows", "macos"]},
    version=STR,
    file_name=STR,
    kind={"type": "string", "enum": ["linux-bundle-tar.gz", "linux-installer", "windows-installer", "macos-pkg",
                                     "macos-dmg", "macos-installer"]},
    size={"type": "integer", "minimum": 1},
    sha256={"type": "string", "pattern": "^[0-9a-f]{64}$"},
    notes={"type": "object", "additionalProperties": STR, "description": "what's new, per language (zh_CN, en)"},
    mandatory=BOOL,
    url={"type": "string", "description": "where to download the package (not signed: mirrors may differ)"},
    key_id=STR,
    signature_algorithm={"type": "string", "enum": ["ed25519"]},
    signature={"type": "string", "description": "base64 Ed25519 signature of the statement"},
    published_at=STR,
)
CRASH_REPORT = _obj(
    ["report_id", "summary"],
    report_id={"type": "string", "pattern": "^[A-Za-z0-9_-]{8,64}$"},
    time=STR,
    app_version=STR,
    python=STR,
    os=STR,
    origin=STR,
    summary={"type": "string", "minLength": 1, "maxLength": 2000},
    traceback={"type": "string", "maxLength": 48000},
)
CONSENT_REQUEST = _obj(
    ["policy_version", "scopes"],
    policy_version=STR,
    scopes={"type": "array", "items": STR, "minItems": 1},
    accepted=BOOL,
    age_band={"type": "string", "enum": ["adult", "14-17", "under14"]},
    guardian={
        "type": "object",
        "nullable": True,
        "required": ["name", "relation", "phone", "code"],
        "properties": {"name": STR, "relation": STR, "phone": PHONE, "code": STR},
    },
)


def _ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _op(
    summary: str,
    ok: int,
    ok_schema: Schema,
    *,
    body: Schema | None = None,
    auth: bool = True,
    errors: tuple[int, ...] = (400,),
    params: list[Schema] | None = None,
) -> Schema:
    responses: dict[str, Any] = {
        str(ok): {"description": "success", "content": {"application/json": {"schema": ok_schema}}}
    }
    for status in (*errors, *((401,) if auth else ())):
        responses[str(status)] = {"description": "error", "content": {"application/json": {"schema": _ref("Error")}}}
    operation: Schema = {"summary": summary, "responses": responses}
    if auth:
        operation["security"] = [{"bearer": []}]
    if body is not None:
        operation["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    if params:
        operation["parameters"] = params
    return operation


def _path_param(name: str) -> Schema:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}


EXAM_ID = [_path_param("exam_id")]


def document(api_url: str = "") -> Schema:
    paths: dict[str, dict[str, Schema]] = {
        "/health": {
            "get": _op(
                "Liveness: the client's start-up network check",
                200,
                _obj(["status"], status=STR, policy_version=STR, children_policy_version=STR),
                auth=False,
                errors=(),
            )
        },
        "/auth/sms-code": {
            "post": _op(
                "Send a 6-digit code (valid 5 min; 1 per 60 s and 10 per day per number and per address). "
                "purpose=login needs no session; change_phone, delete_account and guardian (a code to the "
                "guardian's phone, for a minor's consent) do.",
                202,
                _obj(["sent"], sent=BOOL, expires_in=INT, resend_after=INT),
                body=_obj(
                    [], phone=PHONE,
                    purpose={"type": "string", "enum": ["login", "change_phone", "delete_account", "guardian"]},
                ),
                auth=False,
                errors=(400, 401, 403, 429),
            )
        },
        "/auth/login": {
            "post": _op(
                "Log in with number + code + device hash; creates the account on first login",
                200,
                _ref("Tokens"),
                body=_obj(["phone", "code", "device_hash"], phone=PHONE, code=STR, device_hash=STR),
                auth=False,
            )
        },
        "/auth/refresh": {
            "post": _op(
                "Rotate the token pair",
                200,
                _ref("Tokens"),
                body=_obj(["refresh_token"], refresh_token=STR),
                auth=False,
                errors=(400, 401),
            )
        },
        "/auth/logout": {"post": _op("End this session", 200, _obj(["logged_out"], logged_out=BOOL), errors=())},
        "/me": {
            "get": _op("Profile", 200, _ref("Profile"), errors=(403,)),
            "patch": _op("Correct the profile", 200, _ref("Profile"), body=_obj(["name"], name=STR), errors=(400, 403)),
        },
        "/me/phone": {
            "post": _op(
                "Change the phone number (code sent to the new number)",
                200,
                _ref("Profile"),
                body=_obj(["new_phone", "code"], new_phone=PHONE, code=STR),
                errors=(400, 403, 409),
            )
        },
        "/me/export": {"get": _op("Everything held about me", 200, {"type": "object"}, errors=(403,))},
        "/me/delete": {
            "post": _op(
                "Delete my account, uploads and their metadata (irreversible)",
                200,
                _obj(["deleted"], deleted=BOOL, deleted_objects=INT),
                body=_obj(["code"], code=STR),
                errors=(400, 403),
            )
        },
        "/me/consents": {
            "get": _op("Consents recorded", 200, _obj(["consents"], consents={"type": "array"}), errors=(403,)),
            "post": _op(
                "Record a consent (policy version, scopes, guardian for minors)",
                201,
                {"type": "object"},
                body=_ref("ConsentRequest"),
                errors=(400, 403),
            ),
        },
        "/exams": {
            "get": _op(
                "My registered exams",
                200,
                _obj(["exams"], exams={"type": "array", "items": _ref("Exam")}),
                errors=(403,),
            )
        },
        "/exams/{exam_id}": {"get": _op("One exam", 200, _ref("Exam"), errors=(403, 404), params=EXAM_ID)},
        "/exams/{exam_id}/payment-orders": {
            "post": _op(
                "Create a fee payment order (QR payload; expires in 15 min)",
                201,
                _ref("PaymentOrder"),
                body=_obj(["channel"], channel={"type": "string", "enum": ["wechat", "alipay"]}),
                errors=(400, 403, 404, 409),
                params=EXAM_ID,
            )
        },
        "/payment-orders/{order_id}": {
            "get": _op("Poll an order", 200, _ref("PaymentOrder"), errors=(403, 404), params=[_path_param("order_id")])
        },
        "/exams/{exam_id}/upload-credentials": {
            "post": _op(
                "Temporary STS-style credentials limited to candidates/<account>/<exam>/",
                201,
                _ref("UploadCredentials"),
                errors=(402, 403, 404),
                params=EXAM_ID,
            )
        },
        "/exams/{exam_id}/submissions": {
            "post": _op(
                "Submit an uploaded take; the platform checks the stored object",
                201,
                _ref("SubmissionResult"),
                body=_ref("SubmissionRequest"),
                errors=(400, 403, 404),
                params=EXAM_ID,
            ),
            "get": _op(
                "Submissions of an exam",
                200,
                _obj(["submissions"], submissions={"type": "array"}),
                errors=(403, 404),
                params=EXAM_ID,
            ),
        },
        "/policy": {
            "get": _op(
                "Current privacy policy version",
                200,
                _obj(["version", "text_url"], version=STR, children_version=STR, text_url=STR,
                     children_text_url=STR, published_at=STR,
                     changes={"type": "object", "additionalProperties": {"type": "array", "items": STR}}),
                auth=False,
                errors=(),
            )
        },
        "/policy/texts/{document}/{language}": {
            "get": _op(
                "A policy text (Markdown) in one language",
                200,
                _obj(["document", "language", "version", "markdown"], document=STR, language=STR, version=STR,
                     markdown=STR),
                auth=False,
                params=[_path_param("document"), _path_param("language")],
                errors=(404,),
            )
        },
        "/app/latest": {
            "get": _op(
                "Latest app version manifest for one OS. The Ed25519 signature (base64) covers "
                "'ArtReview update manifest v1\\n' + canonical JSON (sorted keys, no spaces) of format, platform, "
                "version, file_name, kind, size, sha256, notes and mandatory; key_id names the signing key.",
                200,
                _ref("AppManifest"),
                auth=False,
                errors=(400, 404),
                params=[
                    {
                        "name": "platform",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "string", "enum": ["linux", "windows", "macos"]},
                    }
                ],
            )
        },
        "/app/download/{file_name}": {
            "get": {
                "summary": "An app package's bytes; supports 'Range: bytes=N-' (206) so downloads resume",
                "parameters": [_path_param("file_name")],
                "responses": {
                    "200": {"description": "the whole package", "content": BINARY},
                    "206": {"description": "the requested range", "content": BINARY},
                    "404": {"description": "error", "content": {"application/json": {"schema": _ref("Error")}}},
                    "416": {"description": "error", "content": {"application/json": {"schema": _ref("Error")}}},
                },
            }
        },
        "/crash-reports": {
            "post": _op(
                "A crash report the user agreed to send (already redacted; redacted again on arrival). "
                "No session: reports are not tied to an account. Sending the same report_id twice stores it once.",
                201,
                _obj(["report_id", "received"], report_id=STR, received=BOOL, duplicate=BOOL),
                body=_ref("CrashReport"),
                auth=False,
                errors=(400,),
            )
        },
        "/me/operation-log": {
            "post": _op(
                "The local operation log, sent by the user's explicit choice (already redacted; redacted again)",
                201,
                _obj(["received"], received=INT),
                body=_obj(["entries"], entries={"type": "array", "maxItems": 5000, "items": {
                    "type": "object", "required": ["action"], "additionalProperties": STR}}),
                errors=(400, 403),
            )
        },
        "/centre/login": {
            "post": _op(
                "Exam-centre (invigilator) login",
                200,
                _ref("Tokens"),
                body=_obj(["centre_code", "password"], centre_code=STR, password=STR),
                auth=False,
                errors=(400, 401),
            )
        },
        "/centre/check-ins": {
            "post": _op(
                "Check a candidate in by admission-ticket number",
                201,
                {"type": "object"},
                body=_obj(["ticket_number"], ticket_number=STR),
                errors=(400, 403, 404),
            ),
            "get": _op("Check-ins at this centre", 200, {"type": "object"}, errors=(403,)),
        },
        "/dev/sms-inbox": {
            "get": _op(
                "Reference platform only: the demo SMS inbox",
                200,
                _obj(["messages"], messages={"type": "array"}),
                auth=False,
                params=[{"name": "phone", "in": "query", "required": False, "schema": STR}],
            )
        },
        "/dev/payment-orders/{order_id}/settle": {
            "post": _op(
                "Reference platform only: settle an order as the payment provider would",
                200,
                _ref("PaymentOrder"),
                auth=False,
                errors=(404, 409),
                params=[_path_param("order_id")],
            )
        },
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "ArtReview exam platform API",
            "version": "1.0.0",
            "description": "Reference API for ArtReview Desktop. Errors are JSON {error: {code, message}}.",
        },
        "servers": [{"url": api_url or "/api/v1"}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": ERROR,
                "Tokens": TOKENS,
                "Profile": PROFILE,
                "Exam": EXAM,
                "PaymentOrder": ORDER,
                "UploadCredentials": CREDENTIALS,
                "SubmissionRequest": SUBMISSION_REQUEST,
                "SubmissionResult": SUBMISSION_RESULT,
                "ConsentRequest": CONSENT_REQUEST,
                "AppManifest": APP_MANIFEST,
                "CrashReport": CRASH_REPORT,
            },
        },
        "paths": paths,
    }
