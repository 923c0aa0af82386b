"""A test installer: a real process that records how it was started and what file it was given.

Usage: python record_installer.py RECORD_JSON [args...] PACKAGE
"""

import hashlib
import json
import os
import sys
from pathlib import Path

record, *args = sys.argv[1:]
package = Path(args[-1])
data = package.read_bytes()
body = {"args": args, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "pid": os.getpid()}
tmp = Path(record + ".tmp")
tmp.write_text(json.dumps(body), encoding="utf-8")
os.replace(tmp, record)
