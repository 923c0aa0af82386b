"""The reference exam platform and an OSS-protocol object store, runnable embedded or standalone.

Nothing here is a production service: it exists so the whole client flow (login, exams, upload,
submission) runs on one machine with no cloud account, and so tests talk to real servers.
"""
