"""The benchmark: each stage of the pipeline against its floors, in one run.

Tooling beside the product, not part of it: `make bench` and `make bench-growth` run it from the
project root (`python -m benchmarks`); the installed `thidua` package never imports it. It reads the
product only through public interfaces: the loader, the build, the generator, the quality gate and
the dashboard's query list (`thidua.query.dashboard.pages.page_queries`).
"""
