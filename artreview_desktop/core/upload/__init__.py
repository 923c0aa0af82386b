"""Uploads to OSS: checksums, the resumable uploader and the upload queue.

The GUI and the CLI use the same pieces (import them from their modules; this package stays
import-light because the reference store imports `crc64` from here):
- `uploader.ResumableUploader`: one file, resumable, CRC-checked, on oss2's low-level calls;
- `queue.UploadQueue`: the persisted, ordered list of takes and their states;
- `runner.QueueRunner` (and `runner.app_runner`): uploads each waiting take, has the platform
  verify it, then releases the local file;
- `sealed` + `takekeys`: kiosk takes encrypted at rest with a per-take key kept in the keyring,
  uploaded through `source.UploadSource` (the store still receives the plaintext).
"""
