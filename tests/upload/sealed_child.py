"""Run by test_sealed_queue.py as a separate process: the queue runner uploading a sealed take.

When `fraction` of the bytes are reported it prints ``PARKED`` and blocks every thread that reports
progress, so the parent can SIGKILL it at a known point (no sleeps, no timing guesses). Keys come
from `FileTakeKeys`, a test double that survives the kill the way the OS keyring would.
"""

from __future__ import annotations

import base64
import json
import sys
import threading
from pathlib import Path

from artreview_desktop.core.fileutil import atomic_write_json
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.models import TokenPair
from artreview_desktop.core.platform.tokens import MemoryTokenStore
from artreview_desktop.core.settings import UploadSettings
from artreview_desktop.core.upload.queue import UploadQueue
from artreview_desktop.core.upload.runner import ItemProgress, QueueRunner
from artreview_desktop.core.upload.takekeys import TakeKeys
from artreview_desktop.core.upload.transfer import RetryPolicy

THREADS = 3
PART = 100 * 1024


class FileTakeKeys(TakeKeys):
    """Keys in a JSON file: only for tests that kill a process and need its keys afterwards."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def _all(self) -> dict[str, str]:
        try:
            data: dict[str, str] = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        return data

    def put(self, seal_id: str, key: bytes) -> None:
        with self._lock:
            atomic_write_json(self.path, {**self._all(), seal_id: base64.b64encode(key).decode()})

    def get(self, seal_id: str) -> bytes | None:
        with self._lock:
            value = self._all().get(seal_id)
        return None if value is None else base64.b64decode(value)

    def delete(self, seal_id: str) -> None:
        with self._lock:
            keys = self._all()
            keys.pop(seal_id, None)
            atomic_write_json(self.path, keys)


def main() -> None:
    queue_path, checkpoints, keys_path, api_url, tokens_path, fraction = sys.argv[1:7]
    tokens = MemoryTokenStore()
    tokens.save(TokenPair(**json.loads(Path(tokens_path).read_text("utf-8"))))
    client = PlatformClient(api_url, tokens, retries=1, backoff_s=0.01)
    queue = UploadQueue(Path(queue_path), keys=FileTakeKeys(Path(keys_path)))
    runner = QueueRunner(queue, client, Path(checkpoints), UploadSettings(threads=THREADS, keep_uploaded_days=7),
                         allow_loopback=True, part_size=PART, retry=RetryPolicy(attempts=6, base_s=0.01, cap_s=0.05))
    parked = threading.Event()
    announce = threading.Lock()

    def listener(progress: ItemProgress) -> None:
        if progress.phase == "uploading" and progress.fraction >= float(fraction):
            with announce:
                if not parked.is_set():
                    print("PARKED", flush=True)
                    parked.set()
            threading.Event().wait()  # park this thread until the parent kills us

    runner.progress_listeners.append(listener)
    runner.run_until_idle()
    print("FINISHED", flush=True)  # never reached when the test works as intended


if __name__ == "__main__":
    main()
