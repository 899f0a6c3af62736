import sys

from digesthub.cli.main import main

sys.exit(main())
