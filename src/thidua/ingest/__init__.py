"""Reading raw files into typed, resolved records and landing them in raw.duckdb (or quarantine)."""
