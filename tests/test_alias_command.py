"""`thidua aliases add|export|list` through the real CLI: an alias is stored cleaned (NFC,
spaces collapsed), scoped to the unit's organiser or the one named, optionally to a cluster, and
comes back in the export file; mistakes (unknown unit, organiser, cluster) are said in words."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import polars as pl
import pytest

from thidua.cli import main

NFD_ALIAS = unicodedata.normalize("NFD", "Sở  Giáo dục và Đào tạo Thanh Hoá")
NFC_ALIAS = unicodedata.normalize("NFC", "Sở Giáo dục và Đào tạo Thanh Hoá")


def _cli(home: Path, *args: str) -> int:
    return main(["--home", str(home), "aliases", *args])


def _export(home: Path, capsys: pytest.CaptureFixture[str]) -> pl.DataFrame:
    target = home / "aliases.csv"
    assert _cli(home, "export", "--out", str(target)) == 0
    capsys.readouterr()
    return pl.read_csv(target, infer_schema=False)


def test_list_before_any_load_says_nothing_is_loaded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(tmp_path, "list") == 0
    assert "nothing loaded yet" in capsys.readouterr().out


def test_added_alias_is_cleaned_scoped_and_exported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(tmp_path, "add", NFD_ALIAS, "th-so-gddt", "--note", "báo Thanh Hóa") == 0
    out = capsys.readouterr().out
    assert f"‘{NFC_ALIAS}’ → th-so-gddt" in out
    assert "within th-ubnd" in out  # the unit's own organiser

    exported = _export(tmp_path, capsys)
    assert exported.height == 1
    row = exported.row(0, named=True)
    assert row["alias"] == NFC_ALIAS
    assert row["unit_id"] == "th-so-gddt"
    assert row["organizer_id"] == "th-ubnd"
    assert row["cluster_id"] is None
    assert row["note"] == "báo Thanh Hóa"
    assert row["source_note"].startswith("thidua aliases add, ")


def test_alias_scoped_to_a_cluster_by_its_vietnamese_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["add", "Sở GD&ĐT", "th-so-gddt", "--organizer", "UBND tỉnh Thanh Hoá"]
    assert _cli(tmp_path, *args, "--cluster", "Cụm thi đua số 8", "--from-year", "2021") == 0
    assert "within th-ubnd:cum-08" in capsys.readouterr().out
    row = _export(tmp_path, capsys).row(0, named=True)
    assert (row["organizer_id"], row["cluster_id"]) == ("th-ubnd", "th-ubnd:cum-08")
    assert row["valid_from_year"] == "2021"
    assert row["valid_to_year"] is None


def test_the_same_alias_added_twice_is_exported_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(tmp_path, "add", "Sở GD&ĐT", "th-so-gddt") == 0
    assert _cli(tmp_path, "add", "Sở GD&ĐT", "th-so-gddt") == 0
    assert _export(tmp_path, capsys)["alias"].to_list() == ["Sở GD&ĐT"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["th-khong-co"], "no unit with id ‘th-khong-co’"),
        (
            ["th-so-gddt", "--organizer", "UBND tỉnh Atlantis"],
            "unknown organiser ‘UBND tỉnh Atlantis’",
        ),
        (["th-so-gddt", "--cluster", "Phòng họp lớn"], "cannot read the cluster ‘Phòng họp lớn’"),
    ],
)
def test_mistakes_are_refused_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert _cli(tmp_path, "add", "Sở GD&ĐT", *extra) == 1
    assert message in capsys.readouterr().err
    # nothing was stored
    assert _export(tmp_path, capsys).height == 0


def test_export_before_any_load_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(tmp_path, "export") == 1
    assert "nothing loaded yet" in capsys.readouterr().err


def test_export_to_a_missing_folder_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(tmp_path, "add", "Sở GD&ĐT", "th-so-gddt") == 0
    missing = tmp_path / "khong-co" / "aliases.csv"
    assert _cli(tmp_path, "export", "--out", str(missing)) == 1
    assert "no folder" in capsys.readouterr().err
