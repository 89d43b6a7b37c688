from vecnn.bench.cli import main

raise SystemExit(main())
