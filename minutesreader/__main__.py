from minutesreader.cli import main

raise SystemExit(main())
