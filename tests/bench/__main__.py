"""`python -m tests.bench [--runs N]`: print the benchmark table (see run.py)."""

import sys

from tests.bench.run import main

sys.exit(main())
