"""The quality gate: Great Expectations suites run on every batch before it lands."""
