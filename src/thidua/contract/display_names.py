"""How Vietnamese writes the contract's header and sheet-name spellings.

The contract (records.py) keeps its spellings folded (no diacritics, lower case), because that is
how the readers match them. What an analyst is shown (a template's headers and sheet names) is
written properly; each spelling here folds back to a spelling of the contract, so the reader maps
what it writes back to the same column (tests/test_template.py holds every column to that).
"""

from __future__ import annotations

from thidua.contract.records import Column, RecordType
from thidua.normalize import fold

_WRITTEN = (
    # columns
    "Cơ quan tổ chức",
    "Mã tổ chức",
    "Tên",
    "Tên tiếng Anh",
    "Tên viết tắt",
    "Cấp",
    "Tỉnh",
    "Hệ thống khen thưởng",
    "Loại nguồn",
    "Nguồn",
    "Ghi chú",
    "Mã đơn vị",
    "Tên chuẩn",
    "Loại đơn vị",
    "Cùng đơn vị với",
    "Từ ngày",
    "Đến ngày",
    "Mã nguồn",
    "Đường dẫn",
    "Số văn bản",
    "Tiêu đề",
    "Cơ quan đăng",
    "Ngày đăng",
    "Loại",
    "Bí danh",
    "Cụm",
    "Từ năm",
    "Đến năm",
    "Ghi chú nguồn",
    "Mã khen thưởng",
    "Tên khen thưởng",
    "Loại cơ quan khen",
    "Nhóm khen thưởng",
    "Cơ quan khen",
    "Thứ tự",
    "Tên cụm",
    "Chu kỳ",
    "Năm",
    "Đơn vị",
    "Vai trò",
    "Số thành viên",
    "Danh sách đầy đủ",
    "Tiêu chí",
    "Nhóm tiêu chí",
    "Điểm",
    "Điểm tối đa",
    "Điểm thưởng",
    "Đơn vị chấm",
    "Xếp hạng",
    "Phương thức",
    "Xếp loại",
    "Hình thức khen thưởng",
    "Cấp khen",
    "Trạng thái",
    "Số quyết định",
    "Ngày quyết định",
    "Loại sự kiện",
    "Ngày",
    "Ngày kết thúc",
    "Buổi",
    "Đơn vị đăng cai",
    "Ngày bầu",
    # sheets
    "Danh mục đơn vị",
    "Bí danh đơn vị",
    "Cụm, khối",
    "Thành viên",
    "Chấm điểm",
    "Khen thưởng",
    "Sự kiện",
    "Cụm trưởng, cụm phó",
    "Danh mục khen thưởng",
    "Loại khen thưởng",
)
WRITTEN: dict[str, str] = {fold(text): text for text in _WRITTEN}


def column_header(column: Column) -> str:
    """The column's first Vietnamese spelling, written with its diacritics (the first spelling
    when none is known: the reader still maps it)."""
    for header in column.headers:
        written = WRITTEN.get(fold(header))
        if written is not None:
            return written
    return column.headers[0] if column.headers else column.name


def sheet_name(record_type: RecordType) -> str:
    """A Vietnamese sheet name the reader takes for this record type (the type's name when no
    Vietnamese one is known)."""
    for synonym in record_type.sheet_names:
        written = WRITTEN.get(fold(synonym))
        if written is not None:
            return written
    return record_type.name
