"""PyInstaller entry script: the frozen app starts exactly as `artreview-desktop` does."""

from artreview_desktop.app import main

raise SystemExit(main())
