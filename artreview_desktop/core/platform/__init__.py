"""The typed client for the exam platform, its token store and the device hash."""
