"""The speed benchmark (issue 5): `python -m tests.bench` from the repository root.

Not part of the test suite (no `test_*.py` here, so pytest collects nothing): timings depend on
the machine, so speed is reported as medians beside targets rather than asserted.
"""
