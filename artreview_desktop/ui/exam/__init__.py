"""The exam flow: my exams, payment, instructions, recording and review."""
