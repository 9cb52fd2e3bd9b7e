"""Criteria tables of the national tier: about 20 criteria (16–24) in 3–5 groups whose maxima
add up to 100 or 1000 points.

As in published scoring rules, a group's maximum bounds its criteria (their maxima add up to
it), maxima are round numbers (group maxima in fives, or fifties on the 1000 scale; criterion
maxima in whole points, or tens), and a cluster keeps its table from year to year.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

Theme = Literal["district", "agency", "enterprise", "service", "branch"]
SCALES = (100, 1000)
MIN_CRITERIA, MAX_CRITERIA = 16, 24

TASK_GROUP = "Thực hiện nhiệm vụ chính trị, chuyên môn"
EMULATION_GROUP = "Công tác thi đua, khen thưởng"

_TASKS: dict[Theme, tuple[str, ...]] = {
    "district": (
        "Tốc độ tăng trưởng kinh tế (GRDP) so với kế hoạch",
        "Thu ngân sách nhà nước trên địa bàn",
        "Xây dựng nông thôn mới, đô thị văn minh",
        "Giảm nghèo bền vững, giải quyết việc làm",
        "Thu hút đầu tư, phát triển doanh nghiệp",
        "Bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội",
        "Phát triển văn hóa, giáo dục, y tế",
        "Quản lý đất đai, tài nguyên và môi trường",
        "Chỉ số hài lòng của người dân về sự phục vụ của chính quyền",
        "Phát triển kết cấu hạ tầng",
    ),
    "agency": (
        "Kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao",
        "Tham mưu ban hành cơ chế, chính sách",
        "Thực hiện các chương trình, đề án trọng tâm",
        "Công tác thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo",
        "Chất lượng giải quyết công việc cho tổ chức, công dân",
        "Phối hợp với các cơ quan, đơn vị trong thực hiện nhiệm vụ",
        "Thực hiện nhiệm vụ đột xuất được giao",
        "Quản lý, sử dụng ngân sách, tài sản công",
        "Công tác tổng hợp, báo cáo, thống kê",
    ),
    "enterprise": (
        "Doanh thu, lợi nhuận so với kế hoạch",
        "Nộp ngân sách nhà nước",
        "Việc làm, thu nhập của người lao động",
        "An toàn, vệ sinh lao động",
        "Chất lượng sản phẩm, dịch vụ",
        "Bảo toàn và phát triển vốn",
        "Đổi mới, sắp xếp doanh nghiệp",
        "Bảo vệ môi trường trong sản xuất, kinh doanh",
    ),
    "service": (
        "Chất lượng dịch vụ sự nghiệp công",
        "Kết quả thực hiện kế hoạch năm",
        "Tự chủ tài chính, huy động nguồn lực",
        "Nghiên cứu, ứng dụng tiến bộ khoa học kỹ thuật",
        "Mức độ hài lòng của người dân",
        "Phát triển đội ngũ viên chức",
        "Đầu tư cơ sở vật chất, trang thiết bị",
    ),
    "branch": (
        "Hoàn thành chỉ tiêu, kế hoạch ngành giao",
        "Thực hiện chế độ, chính sách của ngành",
        "Công tác chuyên môn, nghiệp vụ trọng tâm",
        "Kiểm tra, giám sát nội bộ",
        "Ứng dụng công nghệ thông tin trong nghiệp vụ",
        "Phối hợp với cấp ủy, chính quyền địa phương",
        "Tuyên truyền, phổ biến chính sách của ngành",
        "Công tác thống kê, báo cáo định kỳ",
        "Xử lý tồn đọng, vướng mắc",
    ),
}
_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        EMULATION_GROUP,
        (
            "Tổ chức phát động, triển khai các phong trào thi đua",
            "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến",
            "Thực hiện giao ước thi đua của Cụm, Khối",
            "Công tác khen thưởng kịp thời, đúng quy định",
            "Tham gia hoạt động của Cụm, Khối thi đua",
            "Tuyên truyền gương người tốt, việc tốt",
        ),
    ),
    (
        "Cải cách hành chính, chuyển đổi số",
        (
            "Cải cách thủ tục hành chính",
            "Ứng dụng công nghệ thông tin, chuyển đổi số",
            "Thực hành tiết kiệm, chống lãng phí",
            "Phòng, chống tham nhũng, tiêu cực",
            "Chấp hành kỷ luật, kỷ cương hành chính",
            "Sắp xếp tổ chức bộ máy, tinh giản biên chế",
        ),
    ),
    (
        "Xây dựng Đảng, đoàn thể",
        (
            "Xây dựng tổ chức Đảng trong sạch, vững mạnh",
            "Hoạt động của Công đoàn, Đoàn Thanh niên",
            "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "Công tác thông tin, tuyên truyền",
            "Thực hiện chế độ thông tin, báo cáo",
            "Công tác cán bộ, đào tạo, bồi dưỡng",
        ),
    ),
    (
        "Công tác xã hội và hoạt động chung",
        (
            "Tham gia các hoạt động an sinh xã hội, nhân đạo, từ thiện",
            "Hưởng ứng các cuộc vận động do Trung ương phát động",
            "Phong trào văn hóa, văn nghệ, thể dục thể thao",
            "Bảo đảm an ninh, trật tự cơ quan",
            "Thực hiện quy chế dân chủ ở cơ sở",
        ),
    ),
)


def all_criterion_texts() -> tuple[str, ...]:
    """Every group and criterion name a table can hold (for the writers' string tables)."""
    texts = [TASK_GROUP, *(g for g, _ in _GROUPS)]
    for names in _TASKS.values():
        texts += names
    for _, names in _GROUPS:
        texts += names
    return tuple(dict.fromkeys(texts))


@dataclass(frozen=True, eq=False)
class CriteriaTable:
    scale: int
    codes: tuple[str, ...]  # "TC1.2": group 1, criterion 2
    groups: tuple[str, ...]  # group name, per criterion
    names: tuple[str, ...]
    maxima: np.ndarray  # float64, per criterion; sums to `scale`
    bonus_index: int  # where bonus points are written: the emulation group's first criterion

    @property
    def step(self) -> float:
        """Scorers give halves on a 100-point table, whole points on a 1000-point one."""
        return 0.5 if self.scale == 100 else 1.0


def _split(
    rng: np.random.Generator, tokens: int, weights: np.ndarray, minimums: np.ndarray
) -> np.ndarray:
    """`tokens` shared out in proportion to `weights`, each part at least its minimum."""
    spare = tokens - int(minimums.sum())
    if spare < 0:
        raise ValueError("minimums exceed the total")
    shares: np.ndarray = minimums + np.floor(spare * weights / weights.sum()).astype(np.int64)
    for index in rng.integers(0, len(shares), size=tokens - int(shares.sum())):
        shares[index] += 1
    return shares


def criteria_table(rng: np.random.Generator, theme: Theme, scale: int) -> CriteriaTable:
    group_count = int(rng.integers(3, 6))
    groups = [(TASK_GROUP, _TASKS[theme]), *_GROUPS[: group_count - 1]]
    capacity = np.array([len(pool) for _, pool in groups])
    wanted = min(int(rng.integers(MIN_CRITERIA, MAX_CRITERIA + 1)), int(capacity.sum()))
    # the task group carries about twice the criteria of any other group
    weights = np.array([2.0] + [1.0] * (group_count - 1))
    counts = np.minimum(_split(rng, wanted, weights, np.full(group_count, 2)), capacity)
    while counts.sum() < min(wanted, MIN_CRITERIA):
        counts[int(np.argmax(capacity - counts))] += 1
    group_unit, criterion_unit, criterion_min = (5, 1, 2) if scale == 100 else (50, 10, 20)
    group_minimums = -(-counts * criterion_min // group_unit)  # ceil: room for every minimum
    group_weights = np.concatenate(
        [rng.uniform(1.6, 2.6, 1), rng.uniform(0.8, 1.2, group_count - 1)]
    )
    group_maxima = group_unit * _split(rng, scale // group_unit, group_weights, group_minimums)
    codes: list[str] = []
    group_names: list[str] = []
    names: list[str] = []
    maxima: list[int] = []
    for g, ((group, pool), count, group_max) in enumerate(
        zip(groups, counts, group_maxima, strict=True), start=1
    ):
        picked = [pool[int(i)] for i in rng.choice(len(pool), size=int(count), replace=False)]
        shares = _split(
            rng,
            int(group_max) // criterion_unit,
            rng.uniform(0.7, 1.3, int(count)),
            np.full(int(count), criterion_min // criterion_unit),
        )
        for k, (name, share) in enumerate(zip(picked, shares, strict=True), start=1):
            codes.append(f"TC{g}.{k}")
            group_names.append(group)
            names.append(name)
            maxima.append(int(share) * criterion_unit)
    bonus_index = group_names.index(EMULATION_GROUP)  # every table has the emulation group
    return CriteriaTable(
        scale,
        tuple(codes),
        tuple(group_names),
        tuple(names),
        np.array(maxima, dtype=np.float64),
        bonus_index,
    )
