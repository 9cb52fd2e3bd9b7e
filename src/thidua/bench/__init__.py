"""Benchmarks: each stage of the pipeline against its floor, in one run."""
