"""What the running app was started with, handed to the UI by constructor (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from artreview_desktop.core.account import MinorRecords
from artreview_desktop.core.exam import ProgressStore
from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.privacy.consent import ConsentLedger, Document
from artreview_desktop.core.privacy.oplog import OperationLog
from artreview_desktop.core.privacy.permissions import PermissionDecisions
from artreview_desktop.core.privacy.policy import PlatformPolicyStore, PolicyBundle, effective_policy
from artreview_desktop.core.resources import resource
from artreview_desktop.core.settings import Settings, SettingsProblem, SettingsStore


@dataclass
class AppContext:
    paths: AppPaths
    settings_store: SettingsStore
    settings: Settings
    api_url: str | None = None  # None: no platform configured or started
    demo: bool = False
    kiosk: bool = False
    settings_problems: list[SettingsProblem] = field(default_factory=list)
    consent_ledger: ConsentLedger = field(init=False)
    permissions: PermissionDecisions = field(init=False)
    policy: PolicyBundle = field(init=False)  # the newer of the bundled and the platform's published one
    published_policy: PlatformPolicyStore = field(init=False)
    oplog: OperationLog = field(init=False)
    minor_records: MinorRecords = field(init=False)
    exam_progress: ProgressStore = field(init=False)

    def __post_init__(self) -> None:
        privacy_dir = self.paths.data_dir / "privacy"
        self.consent_ledger = ConsentLedger(privacy_dir / "consent-ledger.jsonl")
        self.permissions = PermissionDecisions(privacy_dir / "permissions.json")
        self.published_policy = PlatformPolicyStore(self.paths.data_dir / "published-policy")
        self.reload_policy()
        self.oplog = OperationLog(self.paths.data_dir / "operation-log", consented=self.has_current_consent)
        self.minor_records = MinorRecords(self.paths.data_dir / "accounts")
        self.exam_progress = ProgressStore(self.paths.data_dir / "exams")

    def reload_policy(self) -> None:
        """Pick up a policy the platform published (after `published_policy.fetch`)."""
        self.policy = effective_policy(PolicyBundle.load(resource("policy")), self.published_policy.load())

    @property
    def recordings_dir(self) -> Path:
        chosen = self.settings.recording.recordings_dir
        return Path(chosen).expanduser() if chosen else self.paths.recordings_dir

    def save_settings(self) -> None:
        self.settings_store.save(self.settings)

    def has_current_consent(self) -> bool:
        """The policy in force is agreed to — and so is the children's statement in force, once one
        was agreed to at all (a newer statement alone asks again)."""
        ledger = self.consent_ledger
        if not ledger.has_consent(Document.PRIVACY_POLICY, self.policy.privacy_policy.version):
            return False
        children = ledger.agreed_version(Document.CHILDREN_STATEMENT)
        return children is None or children == self.policy.children_statement.version
