"""Privacy by construction: consent, permission decisions, deletion, and log redaction."""
