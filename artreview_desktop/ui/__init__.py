"""PySide6 user interface: widgets display state and forward intent to the core."""
