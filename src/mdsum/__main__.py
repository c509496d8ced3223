from mdsum.cli import main

raise SystemExit(main())
