"""Data stays in mainland China: storage endpoints outside the allowed regions are refused."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

LOOPBACK = "loopback"
_OSS_HOST = re.compile(r"(?:^|\.)(oss-[a-z0-9-]+?)(?:-internal|-accelerate)?\.aliyuncs\.com$")


class EndpointNotAllowed(ValueError):
    """The endpoint's region is not in the allowed list (or cannot be determined)."""

    def __init__(self, endpoint: str, region: str | None) -> None:
        super().__init__(f"storage endpoint {endpoint!r} is outside the allowed regions (region: {region})")
        self.endpoint = endpoint
        self.region = region


def endpoint_region(endpoint: str) -> str | None:
    """'oss-cn-hangzhou' for an Alibaba Cloud OSS host, 'loopback' for this machine, else None."""
    host = urlsplit(endpoint if "//" in endpoint else f"//{endpoint}").hostname or ""
    host = host.lower().rstrip(".")
    if host == "localhost":
        return LOOPBACK
    try:
        if ipaddress.ip_address(host).is_loopback:
            return LOOPBACK
    except ValueError:
        pass
    match = _OSS_HOST.search(host)
    return match.group(1) if match else None


def check_endpoint(endpoint: str, allowed_regions: list[str] | tuple[str, ...], allow_loopback: bool) -> str:
    """Return the endpoint's region, or raise EndpointNotAllowed."""
    region = endpoint_region(endpoint)
    if region == LOOPBACK and allow_loopback:
        return region
    if region is None or region not in allowed_regions:
        raise EndpointNotAllowed(endpoint, region)
    return region
