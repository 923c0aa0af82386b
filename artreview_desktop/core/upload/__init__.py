"""Uploads to OSS: checksums, the resumable uploader and the upload queue."""
