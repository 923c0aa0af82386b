"""Qt-free core: everything here is testable without a QApplication."""
