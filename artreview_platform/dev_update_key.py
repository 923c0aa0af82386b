"""DEVELOPMENT ONLY: the Ed25519 key the reference platform signs its demo update packages with.

This private key is published in the source tree, so anyone can sign anything with it. The app
trusts its public half (resources/update-keys/dev-2026.pub) only in demo mode or when
ARTREVIEW_TRUST_DEV_UPDATE_KEY=1 is set, and release builds leave that file out. A real platform
signs with a release key kept offline (see README, "How update signing works").
"""

from __future__ import annotations

import base64

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

DEV_KEY_ID = "dev-2026"
_DEV_ONLY_PRIVATE_KEY_B64 = "wTL26laR3mAXJn4DIqR8J5YuSiuR42Z1aNM0ipYN7Bc="  # public by design: development only


def dev_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(_DEV_ONLY_PRIVATE_KEY_B64))
