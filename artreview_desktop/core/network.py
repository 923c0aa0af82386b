"""The start-up network check: can the exam platform be reached?"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import Enum

import requests


class NetworkState(Enum):
    ONLINE = "online"
    TIMEOUT = "timeout"
    UNREACHABLE = "unreachable"  # DNS failure, refused connection, no route
    SERVER_ERROR = "server_error"  # reached, but the platform answered with an error


@dataclass(frozen=True)
class NetworkStatus:
    state: NetworkState
    latency_ms: float | None = None
    detail: str = ""
    policy_version: str = ""  # the privacy policy the platform currently publishes ("" if unknown)
    children_policy_version: str = ""  # and its children's statement

    @property
    def online(self) -> bool:
        return self.state is NetworkState.ONLINE


def health_url(api_url: str) -> str:
    return api_url.rstrip("/") + "/health"


def check_platform(
    api_url: str, session: requests.Session | None = None, timeout_s: float = 5.0
) -> NetworkStatus:
    """GET the platform's health endpoint once; never raises for network trouble."""
    http = session or requests.Session()
    started = time.monotonic()
    try:
        response = http.get(health_url(api_url), timeout=timeout_s)
    except requests.Timeout:
        return NetworkStatus(NetworkState.TIMEOUT, detail=f"no answer in {timeout_s:g} s")
    except requests.RequestException as exc:
        return NetworkStatus(NetworkState.UNREACHABLE, detail=type(exc).__name__)
    finally:
        if session is None:
            http.close()
    latency = (time.monotonic() - started) * 1000.0
    if response.status_code != 200:
        return NetworkStatus(NetworkState.SERVER_ERROR, latency, f"HTTP {response.status_code}")
    try:
        body = response.json()
        fields = body if isinstance(body, dict) else {}
    except ValueError:
        fields = {}
    return NetworkStatus(NetworkState.ONLINE, latency, policy_version=str(fields.get("policy_version") or ""),
                         children_policy_version=str(fields.get("children_policy_version") or ""))
