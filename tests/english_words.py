"""English words that must not show in the Vietnamese dashboard, and the check that finds them.

Shared by the AppTest walk (tests/test_vietnamese_ui.py) and the browser walk
(tests/test_e2e_language.py). The list holds the English a label, a status, a code of the marts
or a developer's note would bring in ("exposure", "no-op", "model", "decided", "regimes where …
is true", "expect_column_values_to_be_between"). It leaves out English words that are also
Vietnamese syllables written without marks ("do", "so", "hay", "an", "to", "in", "no", "can",
"than", "sang", "long", "ban", "bao", "chi", "tin", "mang", "hai", "con", "may"), which unit
names and sentences use. "Ngôn ngữ / Language" and "English" (the language switch, bilingual on
purpose so that either reader finds it) use none of the listed words.

Exempt, because a user types or recognises them as they are: URLs, file names, `code` spans,
Material icon names, tokens with a digit (hashes, document numbers), upper-case codes and
acronyms (CSV, XLSX, SQL, UBND, VARCHAR, SELECT), the proper nouns below, and the identifiers
the caller names (the warehouse's tables and columns and dbt's node names: what the SQL page's
schema browser and the build table list for people who write SQL).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORDS = """
    the and of or is are was were be been with without for not by from when where which this that
    these those there their its it as at into over under per than then else also only each every
    all any both either neither none one two three first last next previous same other others
    more most less many much some yes ok true false null nan unknown
    year years results result cluster clusters block blocks unit units rank ranks ranked ranking
    rankings share score scores scored points maximum max min mean median average total
    member members membership memberships leader leaders leadership deputy deputies role roles
    award awards event events status stage proposed approved decided decision pending
    exposure exposures model models seed seeds test tests snapshot source sources synthetic real
    mixed generated generator article articles official record records row rows column columns
    table tables file files sheet load loads loaded loading quarantine quarantined rejected
    skipped duplicate pass passed fail failed failure error errors warning warnings warn success
    no-op noop enterprise department board office media district hospital school agency party
    province provincial organiser organizer organisers organizers regime regimes rule rules
    finding findings flag flags government ministry certificate merit emulation compliance review
    covenant signing campaign launch morning afternoon evening download upload search filter
    filters chart charts overview compare changes change quality intake expect expected
    expectation expectations between unique value values check checks checked description type
    kind name names date dates summary detail details note show hide select query view click
    reference references link links because reading project practice law decree fact facts
    domain brief fullscreen copy copied spec clear sort ascending descending pin unpin hide
    autosize print rerun running settings choose option options browse drag drop
"""
ENGLISH_WORDS = frozenset(_WORDS.split())

PROPER_NOUNS = ("Great Expectations", "DuckDB", "Streamlit", "Excel", "Word", "Parquet", "JSON")

_EXEMPT = re.compile(
    r"https?://\S+"  # URLs
    r"|\b[a-z][\w-]*\?[\w=&%:.+-]+"  # the dashboard's own relative links (don-vi?unit=…)
    r"|`[^`]*`"  # code the user types
    r"|:material/[a-z_]+:"  # Material icon names
    r"|[\w.\-/*]+\.(?:csv|xlsx|xls|json|jsonl|parquet|txt|html?|docx|pdf|ya?ml|duckdb|po)\b"
)
_RUN = re.compile(r"[\w'’.-]+")
_PART = re.compile(r"[^\W\d_]+")


def english_words(text: str, identifiers: Iterable[str] = ()) -> list[str]:
    """The listed English words in `text`, in order (an empty list when it is clean)."""
    known = identifiers if isinstance(identifiers, (set, frozenset)) else set(identifiers)
    for noun in PROPER_NOUNS:
        text = text.replace(noun, " ")
    text = _EXEMPT.sub(" ", text)
    found: list[str] = []
    for run in _RUN.findall(text):
        run = run.strip(".'’-")
        if not run or any(ch.isdigit() for ch in run) or run in known:
            continue
        if run.isupper() and len(run) > 1 and run != "OK":
            continue  # an acronym or a code (CSV, SQL, UBND, VARCHAR)
        if run.lower() in ENGLISH_WORDS:  # "no-op" as a whole
            found.append(run)
            continue
        for part in _PART.findall(run):
            if not part.isascii() or (part.isupper() and len(part) > 1 and part != "OK"):
                continue  # a Vietnamese word, or an acronym or code
            if part.lower() in ENGLISH_WORDS:
                found.append(part)
    return found


_ID_RUN = re.compile(r"[\w:.=-]+")


def raw_ids(text: str, ids: Iterable[str]) -> list[str]:
    """The ids in `text` (cluster, unit, organiser ids; a generator's reference) where a reader
    expects a name. `ids`: the warehouse's ids; URLs and `code` are exempt as above."""
    known = ids if isinstance(ids, (set, frozenset)) else set(ids)
    text = _EXEMPT.sub(" ", text)
    return [
        run
        for run in (r.strip(".:-") for r in _ID_RUN.findall(text))
        if run in known or run.startswith("synthetic:")
    ]
