"""Criteria tables: 6–12 criteria in 2–4 groups whose maxima add up to 100 or 1000 points.

A cluster keeps its table from year to year and revises it now and then; the group maxima bound
their criteria's maxima, as in published scoring rules.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from thidua.generate.layout import Theme

_TASKS: dict[Theme, tuple[str, ...]] = {
    "district": (
        "Tốc độ tăng trưởng kinh tế (GRDP) so với kế hoạch",
        "Thu ngân sách nhà nước trên địa bàn",
        "Xây dựng nông thôn mới, đô thị văn minh",
        "Giảm nghèo bền vững, giải quyết việc làm",
        "Thu hút đầu tư, phát triển doanh nghiệp",
        "Bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội",
        "Phát triển văn hóa, giáo dục, y tế",
    ),
    "agency": (
        "Kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao",
        "Tham mưu ban hành cơ chế, chính sách",
        "Thực hiện các chương trình, đề án trọng tâm",
        "Công tác thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo",
        "Chất lượng giải quyết công việc cho tổ chức, công dân",
        "Phối hợp với các cơ quan, đơn vị trong thực hiện nhiệm vụ",
    ),
    "enterprise": (
        "Doanh thu, lợi nhuận so với kế hoạch",
        "Nộp ngân sách nhà nước",
        "Việc làm, thu nhập của người lao động",
        "An toàn, vệ sinh lao động",
        "Chất lượng sản phẩm, dịch vụ",
        "Bảo toàn và phát triển vốn",
    ),
    "service": (
        "Chất lượng dịch vụ sự nghiệp công",
        "Kết quả thực hiện kế hoạch năm",
        "Tự chủ tài chính, huy động nguồn lực",
        "Nghiên cứu, ứng dụng tiến bộ khoa học kỹ thuật",
        "Mức độ hài lòng của người dân",
        "Phát triển đội ngũ viên chức",
    ),
}
_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Công tác thi đua, khen thưởng",
        (
            "Tổ chức phát động, triển khai các phong trào thi đua",
            "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến",
            "Thực hiện giao ước thi đua của Cụm, Khối",
            "Công tác khen thưởng kịp thời, đúng quy định",
            "Tham gia hoạt động của Cụm, Khối thi đua",
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
        ),
    ),
    (
        "Xây dựng Đảng, đoàn thể và công tác xã hội",
        (
            "Xây dựng tổ chức Đảng trong sạch, vững mạnh",
            "Hoạt động của Công đoàn, Đoàn Thanh niên",
            "Tham gia các hoạt động an sinh xã hội, nhân đạo, từ thiện",
            "Công tác thông tin, tuyên truyền",
            "Thực hiện chế độ thông tin, báo cáo",
        ),
    ),
)
_TASK_GROUP = "Thực hiện nhiệm vụ chính trị, chuyên môn"
SCALES = (100, 1000)


@dataclass(frozen=True)
class Criterion:
    code: str  # "TC1.2": group 1, criterion 2
    group: str
    name: str
    max_points: int


def _split(rng: random.Random, tokens: int, weights: list[float], minimums: list[int]) -> list[int]:
    """`tokens` shared out in proportion to `weights`, each part at least its minimum."""
    shares = list(minimums)
    spare = tokens - sum(minimums)
    if spare < 0:
        raise ValueError("minimums exceed the total")
    total_weight = sum(weights)
    for index, weight in enumerate(weights):
        shares[index] += int(spare * weight / total_weight)
    for _ in range(tokens - sum(shares)):
        shares[rng.randrange(len(shares))] += 1
    return shares


def criteria_table(rng: random.Random, theme: Theme, scale: int) -> tuple[Criterion, ...]:
    group_count = rng.randint(2, 4)
    groups = [(_TASK_GROUP, _TASKS[theme]), *_GROUPS[: group_count - 1]]
    if group_count == 3 and rng.random() < 0.5:
        groups[2] = _GROUPS[2]  # some clusters weigh party work over administration
    criterion_count = rng.randint(max(6, group_count), 12)
    counts = _split(
        rng,
        criterion_count,
        [2.0 if i == 0 else 1.0 for i in range(group_count)],
        [1] * group_count,
    )
    counts = [min(count, len(pool)) for count, (_, pool) in zip(counts, groups, strict=True)]
    while sum(counts) < 6:
        spare = [i for i, (_, pool) in enumerate(groups) if counts[i] < len(pool)]
        counts[rng.choice(spare)] += 1
    # Group maxima come in fives (tens of points on the 1000 scale), criterion maxima in whole
    # points (tens): the round numbers real tables use.
    group_unit, criterion_unit = (5, 1) if scale == 100 else (50, 10)
    criterion_min = 2 if scale == 100 else 20
    group_minimums = [
        -(-count * criterion_min // group_unit) for count in counts
    ]  # ceil: room for every criterion's minimum
    weights = [
        rng.uniform(1.6, 2.6) if i == 0 else rng.uniform(0.8, 1.2) for i in range(group_count)
    ]
    group_maxima = [
        share * group_unit for share in _split(rng, scale // group_unit, weights, group_minimums)
    ]
    table: list[Criterion] = []
    for g, ((group_name, pool), count, group_max) in enumerate(
        zip(groups, counts, group_maxima, strict=True), start=1
    ):
        names = rng.sample(pool, count)
        maxima = _split(
            rng,
            group_max // criterion_unit,
            [rng.uniform(0.7, 1.3) for _ in names],
            [criterion_min // criterion_unit] * count,
        )
        for k, (name, share) in enumerate(zip(names, maxima, strict=True), start=1):
            table.append(Criterion(f"TC{g}.{k}", group_name, name, share * criterion_unit))
    return tuple(table)
