from artreview_desktop.cli import main

raise SystemExit(main())
