"""Run the platform API and the store in-process, on free loopback ports, in daemon threads.

Used by `artreview-desktop --demo`, by `artreview-platform serve`, and by tests, which also get
the injected clock, the fault plan, the SMS dev inbox and the store's operation counters.
"""

from __future__ import annotations

import json
import os
import secrets
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import artreview_desktop
from artreview_desktop.core.fileutil import atomic_write_json
from artreview_platform.api import ApiContext
from artreview_platform.api import make_handler as make_api_handler
from artreview_platform.clock import Clock
from artreview_platform.crash_reports import CrashReportStore, OperationLogStore
from artreview_platform.db import Database
from artreview_platform.faults import FaultPlan
from artreview_platform.httpbase import QuietThreadingServer
from artreview_platform.oss_auth import Credential, SignatureVerifier
from artreview_platform.oss_server import OssContext
from artreview_platform.oss_server import make_handler as make_oss_handler
from artreview_platform.oss_store import ObjectStore
from artreview_platform.policy_texts import PolicyRelease
from artreview_platform.releases import ReleaseStore
from artreview_platform.service_account import AccountService, Core
from artreview_platform.service_exams import ExamService
from artreview_platform.sessions import SessionService
from artreview_platform.sms import CodeService, DevInboxGateway, InboxMessage

DEFAULT_BUCKET = "artreview-exams"
DEFAULT_REGION = "cn-hangzhou"
DEMO_CENTRE_CODE = "DEMO-CENTRE"


def _load_or_create(path: Path, make: dict[str, str]) -> dict[str, str]:
    """Secrets that must survive a restart of the same data folder (0600, written atomically)."""
    if path.exists():
        loaded: dict[str, str] = json.loads(path.read_text("utf-8"))
        return loaded
    atomic_write_json(path, make)
    return make


class EmbeddedPlatform:
    """The reference platform + store; a context manager that stops both servers on exit."""

    def __init__(self, data_dir: Path, *, dev_credentials: bool = False, host: str = "127.0.0.1",
                 clock: Clock | None = None, bucket: str = DEFAULT_BUCKET, region: str = DEFAULT_REGION,
                 api_port: int = 0, oss_port: int = 0) -> None:
        data_dir = Path(data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(data_dir, 0o700)
        self.data_dir = data_dir
        self.clock = clock or Clock()
        self.faults = FaultPlan()
        self.bucket = bucket
        self.region = region
        secrets_file = _load_or_create(data_dir / "server-secrets.json", {
            "server_key": secrets.token_hex(32),
            "dev_access_key_id": "LTAIdev" + secrets.token_hex(8),
            "dev_access_key_secret": secrets.token_urlsafe(30),
            "demo_centre_password": secrets.token_urlsafe(12),
        })
        self.dev_access_key_id: str | None = secrets_file["dev_access_key_id"] if dev_credentials else None
        self.dev_access_key_secret: str | None = secrets_file["dev_access_key_secret"] if dev_credentials else None
        self.demo_centre_code = DEMO_CENTRE_CODE
        self.demo_centre_password = secrets_file["demo_centre_password"]

        self.db = Database(data_dir / "platform.sqlite3")
        self.inbox = DevInboxGateway(self.clock)
        self.codes = CodeService(self.db, self.clock, self.inbox, bytes.fromhex(secrets_file["server_key"]))
        self.sessions = SessionService(self.db, self.clock)
        self.store = ObjectStore(data_dir / "oss", [bucket], self.clock)

        verifier = SignatureVerifier(self._lookup_credential, region, self.clock.now, self._request_clock)
        self._oss_context = OssContext(self.store, verifier, self.faults)
        self._oss_server = QuietThreadingServer((host, oss_port), make_oss_handler(self._oss_context))
        self.oss_endpoint = f"http://{host}:{self._oss_server.server_address[1]}"
        core = Core(self.db, self.clock, self.sessions, self.codes, self.store, bucket)
        self.accounts = AccountService(core)
        self.exams = ExamService(core, self.faults, self.oss_endpoint, region)
        self.releases = ReleaseStore()
        self.releases.publish_demo(artreview_desktop.__version__)  # a signed demo update, one version up
        self.crash_reports = CrashReportStore(data_dir / "crash-reports")
        self.operation_logs = OperationLogStore(data_dir / "operation-logs")
        self._api_context = ApiContext(self.accounts, self.exams, self.sessions, self.inbox, self.faults, self.clock,
                                       releases=self.releases, crash_reports=self.crash_reports,
                                       operation_logs=self.operation_logs)
        self._api_server = QuietThreadingServer((host, api_port), make_api_handler(self._api_context))
        self.api_url = f"http://{host}:{self._api_server.server_address[1]}/api/v1"
        self._api_context.api_url = self.api_url
        self._ensure_demo_centre()

        self._threads = [
            threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True,
                             name=f"artreview-platform-{name}")
            for name, server in (("api", self._api_server), ("oss", self._oss_server))
        ]
        for thread in self._threads:
            thread.start()
        self._stopped = False

    # --- wiring ----------------------------------------------------------------------------
    def _request_clock(self) -> float:
        """Real time (what clients sign with) plus injected skew; the injected clock is for expiry."""
        return time.time() + self.faults.clock_skew_s

    def _lookup_credential(self, access_key_id: str) -> Credential | None:
        if self.dev_access_key_id and self.dev_access_key_secret and access_key_id == self.dev_access_key_id:
            return Credential(access_key_id, self.dev_access_key_secret)
        if access_key_id.startswith("STS."):
            return self.exams.sts_credential(access_key_id)
        return None

    def _ensure_demo_centre(self) -> None:
        with self.db.tx() as conn:
            exists = conn.execute("SELECT 1 FROM centres WHERE code = ?", (DEMO_CENTRE_CODE,)).fetchone()
        if not exists:
            # The demo password is 96 random bits, so a light scrypt cost is as safe and starts faster.
            self.exams.create_centre(DEMO_CENTRE_CODE, "演示考点 Demo centre", self.demo_centre_password, work=2**10)

    @property
    def oss_counters(self) -> dict[str, int]:
        """How many of each store operation were served (tests assert resumes skip finished parts)."""
        return self._oss_context.snapshot()

    # --- demo helpers ----------------------------------------------------------------------
    def sms_messages(self, phone: str | None = None) -> list[InboxMessage]:
        """The dev inbox (newest first), as GET {api_url}/dev/sms-inbox shows it."""
        return self.inbox.messages(phone)

    def latest_sms_code(self, phone: str, purpose: str = "login") -> str:
        return self.inbox.latest_code(phone, purpose)

    def settle_payment(self, order_id: str) -> dict[str, Any]:
        """Mark an order paid, as POST {api_url}/dev/payment-orders/{id}/settle does."""
        return self.exams.settle_order(order_id)

    def update_exam_rules(self, exam_id: str, **rules: Any) -> None:
        """Change a registered exam's rules (tests and demos use short takes)."""
        self.exams.update_exam_rules(exam_id, **rules)

    def publish_policy(self, release: PolicyRelease) -> None:
        """Roll out a new privacy policy version (clients must show it and ask again)."""
        self._api_context.policy.publish(release)

    def describe(self) -> dict[str, Any]:
        """The JSON line `artreview-platform serve` prints."""
        info: dict[str, Any] = {"api_url": self.api_url, "oss_endpoint": self.oss_endpoint, "bucket": self.bucket,
                                "region": self.region, "sms_inbox_url": f"{self.api_url}/dev/sms-inbox"}
        if self.dev_access_key_id:
            info.update(access_key_id=self.dev_access_key_id, access_key_secret=self.dev_access_key_secret,
                        centre_code=self.demo_centre_code, centre_password=self.demo_centre_password)
        return info

    # --- lifecycle -------------------------------------------------------------------------
    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        servers = (self._api_server, self._oss_server)
        stoppers = [threading.Thread(target=server.shutdown, daemon=True) for server in servers]
        for stopper in stoppers:  # both at once: each waits for its serve loop's next poll
            stopper.start()
        for stopper in stoppers:
            stopper.join(timeout=10)
        for server in servers:
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=10)
        self.db.close()

    def __enter__(self) -> EmbeddedPlatform:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def start_embedded(data_dir: Path, *, dev_credentials: bool = False, host: str = "127.0.0.1") -> EmbeddedPlatform:
    """Start the platform and the store on free ports of `host`; call `.stop()` (or use `with`)."""
    return EmbeddedPlatform(data_dir, dev_credentials=dev_credentials, host=host)
