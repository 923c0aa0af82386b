from artreview_desktop.app import main

raise SystemExit(main())
