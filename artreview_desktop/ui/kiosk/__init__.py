"""Kiosk mode for exam centres: one candidate after another on a locked-down machine."""
