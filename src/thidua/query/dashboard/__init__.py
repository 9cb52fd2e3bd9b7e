"""The dashboard's SQL, one module per page; no Streamlit here.

Each query is built by a `q_*` function that returns a `Query` (name, SQL, parameters), in the
module of the page that shows it (`sidebar` and `search` for what every page shows, `common` for
what the queries share). The app runs it through its cached reader of the same name
(app/data_access.py). `pages.page_queries()` lists, per page, the queries that page runs with
representative parameters, so `make bench` can time every page's SQL at the national tier without
Streamlit (tests/test_app.py checks that the list matches what each page really runs).

Rules every query here keeps, because the national tier has tens of millions of criterion-score
rows and millions of unit-years:

- filter first (results years, organiser, cluster, unit) and aggregate in SQL;
- return only what one visual shows (a few hundred rows at most, or a capped detail table);
- one query per visual, never a whole fact table into Python.

How the sidebar's filters and the "show synthetic data" switch reach every query is told in
`common`.
"""
