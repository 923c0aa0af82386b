"""Contract test: schemathesis fuzzes every operation of the served OpenAPI; no answer may be a 5xx.

Bounded on purpose (a few examples per operation) so it stays well under a minute on two cores.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from artreview_platform.embedded import EmbeddedPlatform
from tests.platform.conftest import Candidate


def test_no_operation_answers_with_a_server_error(platform: EmbeddedPlatform, candidate: Candidate) -> None:
    """Every documented operation, positive and negative inputs, with a valid candidate session."""
    schema = schemathesis.openapi.from_url(f"{platform.api_url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 25
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=6, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def fuzz(case: Any) -> None:
            case.call_and_validate(headers=candidate.headers, checks=[not_a_server_error], timeout=10)

        fuzz()


def test_the_document_describes_the_routes_the_server_has(platform: EmbeddedPlatform) -> None:
    import requests

    document = requests.get(f"{platform.api_url}/openapi.json", timeout=10).json()
    assert document["servers"] == [{"url": platform.api_url}]
    assert {"/auth/sms-code", "/auth/login", "/auth/refresh", "/exams/{exam_id}/upload-credentials",
            "/exams/{exam_id}/submissions", "/me/export", "/me/delete", "/centre/check-ins"} <= document["paths"].keys()


def test_the_contract_check_does_catch_a_server_error(platform: EmbeddedPlatform) -> None:
    """Guards the test above against passing vacuously: an injected 500 must fail the same check."""
    schema = schemathesis.openapi.from_url(f"{platform.api_url}/openapi.json")
    policy = schema["/policy"]["GET"]
    platform.faults.fail_next(100, status=500, path_prefix="/api/v1/policy")

    @given(case=policy.as_strategy())
    @settings(max_examples=1, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
    def fuzz(case: Any) -> None:
        case.call_and_validate(checks=[not_a_server_error], timeout=10)

    with pytest.raises(BaseExceptionGroup) as failures:
        fuzz()
    assert any(isinstance(e, schemathesis.core.failures.ServerError) for e in failures.value.exceptions)


def test_the_shipped_openapi_file_is_current() -> None:
    """artreview_platform/openapi.json is the readable reference; it must match what the server serves."""
    import json
    from pathlib import Path

    from artreview_platform.openapi import document

    shipped = Path(__file__).parents[2] / "artreview_platform" / "openapi.json"
    assert json.loads(shipped.read_text("utf-8")) == json.loads(json.dumps(document())), (
        "regenerate it: python -c 'import json; from artreview_platform.openapi import document; "
        "print(json.dumps(document(), ensure_ascii=False, indent=2, sort_keys=True))' > artreview_platform/openapi.json"
    )
