"""Run by test_resumable.py as a separate process: a resumable upload that stops itself half-way.

When half the bytes are reported, it prints ``HALF <bytes>`` and blocks every upload thread in the
progress callback, so the parent can SIGKILL it at a known point (no sleeps, no timing guesses).
"""

from __future__ import annotations

import sys
import threading

import oss2


def main() -> None:
    endpoint, bucket_name, key_id, secret, key, filename, store_dir, part_size = sys.argv[1:9]
    bucket = oss2.Bucket(oss2.Auth(key_id, secret), endpoint, bucket_name)
    halted = threading.Event()
    announce = threading.Lock()

    def progress(consumed: int, total: int | None) -> None:
        if total and consumed * 2 >= total:
            with announce:
                if not halted.is_set():
                    print(f"HALF {consumed}", flush=True)
                    halted.set()
            threading.Event().wait()  # park this thread until the parent kills us

    oss2.resumable_upload(bucket, key, filename, store=oss2.ResumableStore(root=store_dir),
                          multipart_threshold=int(part_size), part_size=int(part_size), num_threads=4,
                          progress_callback=progress)
    print("FINISHED", flush=True)  # never reached when the test works as intended


if __name__ == "__main__":
    main()
