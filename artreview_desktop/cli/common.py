"""What every headless command shares: its error type and exit codes."""

from __future__ import annotations

EXIT_FAILURE = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A failure the user can understand: printed as one line on stderr, then a non-zero exit."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.exit_code = exit_code
