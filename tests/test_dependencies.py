"""Every third-party module the code imports is declared in pyproject.toml.

An import that works only because some other package pulled it in breaks the day that package
drops it; the runtime code (src/, app/) must name its own dependencies, the tests and the
benchmark (tooling beside the product) may also use the dev group.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from thidua.paths import PROJECT_ROOT

FIRST_PARTY = {"thidua", "app", "benchmarks", "tests"}


def _declared(requirements: list[str]) -> set[str]:
    return {_canonical(re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0]) for r in requirements}


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _local_modules() -> set[str]:
    """Modules that live in the project itself (the app's flat modules, the test helpers)."""
    names = set(FIRST_PARTY)
    for folder in ("app", "tests"):
        names |= {p.stem for p in (PROJECT_ROOT / folder).rglob("*.py")}
    return names


def _imported(folders: list[str]) -> dict[str, Path]:
    """Top-level module name -> the first file importing it, for absolute imports only."""
    found: dict[str, Path] = {}
    for folder in folders:
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    found.setdefault(name.split(".")[0], path)
    return found


def _undeclared(folders: list[str], declared: set[str]) -> list[str]:
    local = _local_modules()
    distributions = packages_distributions()
    missing = []
    for module, path in sorted(_imported(folders).items()):
        if module in sys.stdlib_module_names or module in local or module.startswith("_"):
            continue
        owners = {_canonical(d) for d in distributions.get(module, [module])}
        if not owners & declared:
            missing.append(f"{module} (imported in {path.relative_to(PROJECT_ROOT)})")
    return missing


def _pyproject() -> dict[str, object]:
    return tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_runtime_code_declares_every_package_it_imports() -> None:
    project = _pyproject()["project"]
    assert isinstance(project, dict)
    declared = _declared(project["dependencies"])
    assert _undeclared(["src", "app"], declared) == []


def test_the_tests_and_the_benchmark_import_only_runtime_or_dev_packages() -> None:
    data = _pyproject()
    project, groups = data["project"], data["dependency-groups"]
    assert isinstance(project, dict) and isinstance(groups, dict)
    declared = _declared(project["dependencies"]) | _declared(groups["dev"])
    assert _undeclared(["tests", "benchmarks"], declared) == []


def test_the_check_sees_an_undeclared_import() -> None:
    """The check itself: with altair left out of the declared set, the charts are reported."""
    project = _pyproject()["project"]
    assert isinstance(project, dict)
    declared = _declared(project["dependencies"]) - {"altair"}
    assert any(m.startswith("altair ") for m in _undeclared(["app"], declared))
