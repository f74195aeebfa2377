"""Drafts written independently of the rules, each with a reviewer's judgement.

Twenty settings, each with a strong, a middling and a formalistic draft, were written
from DOMAIN.md and the source article alone, by writers who never saw the rules. Next
to each draft, ``*.expected.yaml`` holds the writer's judgement per criterion (good /
partial / poor), the overall grade, the stage and, from the third round on, the task
list with each owner as written.

They came in rounds, and each round first served as a held-out set before any rule
was changed for it:

* rounds 1 and 2 (8 settings, .md): a hospital ward, a company workshop, a
  residential quarter, a mountain school, a Mekong delta hamlet, a district office, a
  commune health station, a shrimp-farming cooperative;
* round 3 (12 settings; .md, .txt and Word files with assignment tables): a
  border-guard post, a commune police, a university faculty, a retirees' cell, a
  forest board, a kindergarten, a customs branch, a power-plant workshop, a Hmong
  village, an Ê Đê village, an infantry company, a fishing village;
* round 4 (8 settings): a high school, a bank branch, an island commune, a tea
  cooperative, a wholesale market board, a research institute, a township quarter,
  a bus-station company;
* round 5 (8 settings): a garment workshop, a fishing-port board, a provincial
  library, a university dormitory, an industrial park board, a vocational college,
  a military kitchen, a vegetable cooperative;
* round 6 (8 settings), held out, then partly fixed for: a water-supply branch, a
  district court, an ethnic boarding school, a rubber plantation team, a tax
  sub-department, a coal-mining team, a pottery village, a railway station;
* round 7 (8 settings), held out, then fixed for: a district procuracy, a salt
  cooperative, a highland primary school, a logistics company, a fire-and-rescue
  police team, a commune military command, a coffee-farm team, an irrigation company;
* round 8 (8 settings), held out: a district hospital's paediatrics ward, a technical
  university's students' office, a mountain village cluster, a garment workshop, an
  economic-defence corps unit, a district treasury, a provincial Red Cross office, a
  bamboo-and-rattan craft village;
* round 9 (8 settings), held out: a district post office, a district radio station, a
  market surveillance team, a district culture-and-sports centre, a private
  construction company, a district project management board, a vocational and
  continuing education centre, a resettlement village by a hydropower reservoir;
* round 10 (8 settings), held out: a forest-ranger station, an urban primary school, a
  traditional-medicine hospital ward, a beekeeping cooperative, a ward police station,
  a town market board, a social-policy bank branch, a coastal fishing village;
* round 11 (8 settings), held out: a midland hill commune, a semi-boarding mountain
  school, an urban environment company, a district traffic police team, an
  agricultural services cooperative, a district health centre, a district military
  command, an apartment block's residents' group;
* round 12 (8 settings), held out: a civil judgment enforcement office, a rural
  kindergarten, a seafood processing plant, a Jrai village, a district natural
  resources office, a commune polyclinic, an army engineer company, a tourism craft
  village.
* rounds 13 and 14 (8 settings each), held out: a district social-insurance office, a
  newspaper, an airport, a weather station, a relic-site board, a transport
  cooperative, a sanatorium, an agricultural extension centre; a political school, a
  fuel company, a rehabilitation centre, a national park, a vehicle-inspection centre,
  a children's house, a children's hospital, a citizens' reception office;
* round 15 (8 settings), held out: a container terminal's yard team, a Khmer hamlet, a
  provincial CDC department, a coast-guard flotilla, a cement kiln workshop, a district
  education office, a publishing house, a brocade-weaving cooperative;
* round 16 (8 settings), held out: a psychiatric hospital ward, a Chăm village, a
  district electricity branch, a bay management board, a district inspectorate, a
  public administration service centre, a sugar mill, a drug-crime police team;
* round 17 (8 settings), held out: a district veterinary station, a printing company,
  a state forestry team, a dermatology hospital, a provincial Youth Union office, a
  coastal village in the centre, an agricultural bank branch, a kindergarten by an
  industrial park;
* round 18 (8 settings), held out: a military hospital department, a Hà Nhì village,
  a border-gate economic zone board, a city bus company, a silk-weaving village, a
  state hotel, a district mass-mobilisation office, a drug-testing centre;
* round 19 (8 settings), held out: a delivery ward, a people's credit fund, a
  shipyard's hull workshop, an irrigation pumping station cluster, a provincial
  radio-television newsroom, a lotus village, an agriculture-forestry faculty, a
  prison sub-camp;
* round 20 (8 settings), held out: a river ferry company, a provincial museum, a
  traditional-arts troupe, a social protection centre, a seed farm, a pharmaceutical
  factory, a flood-prone village, a sports talent school;
* round 21 (8 settings), held out: a road-maintenance company, a martyrs'
  cemetery board, a centre for children with disabilities, an emergency ambulance
  centre, a district labour federation, a reservoir board, a wood-furniture craft
  village, an environmental monitoring station;
* round 22 (8 settings), held out, then fixed for three owner forms: a blood transfusion
  centre, a solar plant's operation team, a peri-urban hamlet (one adopted), a medical
  vocational school, an organic rice cooperative, a city park board, a rehabilitation
  centre, an employment services centre.

The figures of each round, before and after its fixes, are in the README. Here they
are kept as a regression set: what the tool says must not drift away from what an
experienced reader says. Rounds 1 and 2 are held to the bar they reached; round 3 to
the figures it reached in this change, so that no later change loses ground.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from agreement import band, compare, drafts_in, expected_of  # noqa: E402

FOLDER = Path(__file__).resolve().parent / "drafts" / "independent"
DRAFTS = drafts_in(FOLDER)
EARLY_SETTINGS = {
    "benh-vien",
    "co-quan",
    "cong-ty",
    "htx-thuy-san",
    "khu-pho",
    "tram-y-te",
    "truong-thcs",
    "xa-nong-thon",
}
ROUND_4_SETTINGS = {
    "truong-thpt",
    "ngan-hang",
    "xa-dao",
    "htx-che",
    "cho-dau-moi",
    "vien-nghien-cuu",
    "thi-tran",
    "ben-xe",
}
ROUND_5_SETTINGS = {
    "det-may",
    "cang-ca",
    "thu-vien",
    "ky-tuc-xa",
    "khu-cong-nghiep",
    "cao-dang-nghe",
    "bep-an-quan-doi",
    "htx-rau",
}
ROUND_6_SETTINGS = {
    "cap-nuoc",
    "toa-an",
    "ptdtnt",
    "cao-su",
    "chi-cuc-thue",
    "mo-than",
    "lang-gom",
    "ga-duong-sat",
}
ROUND_7_SETTINGS = {
    "vien-kiem-sat",
    "htx-muoi",
    "tieu-hoc-vung-cao",
    "cong-ty-logistics",
    "pccc",
    "quan-su-xa",
    "nong-truong-ca-phe",
    "thuy-loi",
}
ROUND_8_SETTINGS = {
    "benh-vien-huyen",
    "truong-dai-hoc-ky-thuat",
    "ban-dan-toc-xa",
    "xi-nghiep-may",
    "doan-kinh-te-quoc-phong",
    "kho-bac",
    "hoi-chu-thap-do",
    "lang-nghe-may-tre",
}
ROUND_9_SETTINGS = {
    "buu-dien-huyen",
    "dai-truyen-thanh-huyen",
    "doi-quan-ly-thi-truong",
    "trung-tam-van-hoa-the-thao",
    "doanh-nghiep-xay-dung",
    "ban-quan-ly-du-an",
    "trung-tam-gdnn-gdtx",
    "thon-tai-dinh-cu",
}
ROUND_10_SETTINGS = {
    "tram-kiem-lam",
    "truong-tieu-hoc-do-thi",
    "benh-vien-y-hoc-co-truyen",
    "htx-nuoi-ong",
    "cong-an-phuong",
    "ban-quan-ly-cho",
    "chi-nhanh-ngan-hang-chinh-sach",
    "xa-vung-bien",
}
ROUND_11_SETTINGS = {
    "xa-mien-nui-trung-du",
    "truong-thcs-ban-tru",
    "cong-ty-moi-truong-do-thi",
    "doi-canh-sat-giao-thong",
    "htx-dich-vu-nong-nghiep",
    "trung-tam-y-te-huyen",
    "ban-chi-huy-quan-su-huyen",
    "to-dan-pho-chung-cu",
}
ROUND_12_SETTINGS = {
    "chi-cuc-thi-hanh-an",
    "truong-mau-giao-nong-thon",
    "nha-may-che-bien-thuy-san",
    "buon-jrai",
    "phong-tai-nguyen-moi-truong",
    "benh-xa-phong-kham",
    "lu-doan-cong-binh",
    "lang-van-hoa-du-lich",
}
ROUND_13_SETTINGS = {
    "bao-hiem-xa-hoi-huyen",
    "toa-soan-bao",
    "cang-hang-khong",
    "dai-khi-tuong-thuy-van",
    "ban-quan-ly-di-tich",
    "htx-van-tai",
    "trung-tam-dieu-duong",
    "trung-tam-khuyen-nong",
}
ROUND_14_SETTINGS = {
    "truong-chinh-tri",
    "cong-ty-xang-dau",
    "co-so-cai-nghien",
    "vuon-quoc-gia",
    "trung-tam-dang-kiem",
    "nha-thieu-nhi",
    "benh-vien-nhi",
    "ban-tiep-cong-dan",
}
ROUND_15_SETTINGS = {
    "cang-container",
    "ap-khmer",
    "cdc-tinh",
    "hai-doi-canh-sat-bien",
    "nha-may-xi-mang",
    "phong-giao-duc-huyen",
    "nha-xuat-ban",
    "htx-det-tho-cam",
}
ROUND_16_SETTINGS = {
    "benh-vien-tam-than",
    "lang-cham",
    "dien-luc-huyen",
    "ban-quan-ly-vinh",
    "thanh-tra-huyen",
    "trung-tam-hanh-chinh-cong",
    "nha-may-duong",
    "doi-canh-sat-ma-tuy",
}
ROUND_17_SETTINGS = {
    "tram-thu-y",
    "xi-nghiep-in",
    "lam-truong",
    "benh-vien-da-lieu",
    "tinh-doan",
    "thon-ven-bien-mien-trung",
    "ngan-hang-nong-nghiep",
    "mam-non-khu-cong-nghiep",
}
ROUND_18_SETTINGS = {
    "benh-vien-quan-y",
    "ban-ha-nhi",
    "ban-quan-ly-khu-kinh-te",
    "xe-buyt",
    "lang-nghe-lua",
    "khach-san",
    "ban-dan-van-huyen",
    "vien-kiem-nghiem",
}
ROUND_19_SETTINGS = {
    "benh-vien-phu-san",
    "quy-tin-dung",
    "dong-tau",
    "tram-bom",
    "dai-phat-thanh-tinh",
    "lang-sen",
    "truong-dai-hoc-nong-lam",
    "trai-giam",
}
ROUND_20_SETTINGS = {
    "ben-pha",
    "bao-tang-tinh",
    "doan-nghe-thuat",
    "trung-tam-bao-tro-xa-hoi",
    "trai-giong-cay-trong",
    "cong-ty-duoc",
    "thon-vung-lu",
    "truong-nang-khieu-the-thao",
}
ROUND_21_SETTINGS = {
    "ban-quan-ly-ho-chua",
    "cong-ty-cong-trinh-giao-thong",
    "lang-nghe-go",
    "lien-doan-lao-dong-huyen",
    "nghia-trang-liet-si",
    "tram-quan-trac-moi-truong",
    "trung-tam-cap-cuu-115",
    "trung-tam-giao-duc-khuyet-tat",
}
ROUND_22_SETTINGS = {
    "ban-quan-ly-cong-vien",
    "htx-lua-huu-co",
    "nha-may-dien-mat-troi",
    "trung-tam-dich-vu-viec-lam",
    "trung-tam-phuc-hoi-chuc-nang",
    "trung-tam-truyen-mau",
    "truong-trung-cap-y",
    "xa-ven-do",
}
EARLY = [d for d in DRAFTS if d.parent.name in EARLY_SETTINGS]
ROUND_4 = [d for d in DRAFTS if d.parent.name in ROUND_4_SETTINGS]
ROUND_5 = [d for d in DRAFTS if d.parent.name in ROUND_5_SETTINGS]
ROUND_6 = [d for d in DRAFTS if d.parent.name in ROUND_6_SETTINGS]
ROUND_7 = [d for d in DRAFTS if d.parent.name in ROUND_7_SETTINGS]
ROUND_8 = [d for d in DRAFTS if d.parent.name in ROUND_8_SETTINGS]
ROUND_9 = [d for d in DRAFTS if d.parent.name in ROUND_9_SETTINGS]
ROUND_10 = [d for d in DRAFTS if d.parent.name in ROUND_10_SETTINGS]
ROUND_11 = [d for d in DRAFTS if d.parent.name in ROUND_11_SETTINGS]
ROUND_12 = [d for d in DRAFTS if d.parent.name in ROUND_12_SETTINGS]
ROUND_13 = [d for d in DRAFTS if d.parent.name in ROUND_13_SETTINGS]
ROUND_14 = [d for d in DRAFTS if d.parent.name in ROUND_14_SETTINGS]
ROUND_15 = [d for d in DRAFTS if d.parent.name in ROUND_15_SETTINGS]
ROUND_16 = [d for d in DRAFTS if d.parent.name in ROUND_16_SETTINGS]
ROUND_17 = [d for d in DRAFTS if d.parent.name in ROUND_17_SETTINGS]
ROUND_18 = [d for d in DRAFTS if d.parent.name in ROUND_18_SETTINGS]
ROUND_19 = [d for d in DRAFTS if d.parent.name in ROUND_19_SETTINGS]
ROUND_20 = [d for d in DRAFTS if d.parent.name in ROUND_20_SETTINGS]
ROUND_21 = [d for d in DRAFTS if d.parent.name in ROUND_21_SETTINGS]
ROUND_22 = [d for d in DRAFTS if d.parent.name in ROUND_22_SETTINGS]
LATER = (
    (ROUND_4 + ROUND_5 + ROUND_6 + ROUND_7 + ROUND_8 + ROUND_9 + ROUND_10 + ROUND_11 + ROUND_12)
    + ROUND_13
    + ROUND_14
    + ROUND_15
    + ROUND_16
    + ROUND_17
    + ROUND_18
    + ROUND_19
    + ROUND_20
    + ROUND_21
    + ROUND_22
)
ROUND_3 = [d for d in DRAFTS if d not in EARLY and d not in LATER]
GRADES = ["Yếu", "Trung bình", "Khá", "Tốt"]


@pytest.fixture(scope="module")
def reports(assessor):
    return {draft: assessor.assess_path(draft) for draft in DRAFTS}


def _totals(reports, drafts):
    total = {}
    for draft in drafts:
        for key, value in compare(draft, reports[draft])["counts"].items():
            total[key] = total.get(key, 0) + value
    return total


def test_the_set_is_complete():
    assert (len(EARLY), len(ROUND_3), len(LATER)) == (24, 36, 456)
    assert len({d.parent.name for d in DRAFTS}) >= 60
    assert sum(d.suffix == ".docx" for d in ROUND_3) >= 10
    for draft in DRAFTS:
        expected = expected_of(draft)
        assert expected["overall"] in GRADES
        assert len(expected["criteria"]) == 9
    assert all(expected_of(d).get("tasks") for d in ROUND_3 + LATER)


# Grades still two steps from the reader's, each found held out and not yet read right;
# strict: the test fails as soon as one is fixed, so that it leaves this list.
KNOWN_GRADE_MISSES = {
    # reader: Trung bình; 82 (Tốt). Procedure is read as whole though the draft names
    # no meeting date, and the tasks to collectives leave assignments at 81; readers'
    # grades of middling drafts run one step below the mean of their own levels.
    "vuon-quoc-gia/middling.docx",
}


def _grade_cases():
    for draft in DRAFTS:
        name = f"{draft.parent.name}/{draft.name}"
        marks = (
            [pytest.mark.xfail(strict=True, reason="two grades off, held out (round 14)")]
            if name in KNOWN_GRADE_MISSES
            else []
        )
        yield pytest.param(draft, id=name, marks=marks)


@pytest.mark.parametrize("draft", list(_grade_cases()))
def test_grade_is_the_readers_or_next_to_it(reports, draft):
    report = reports[draft]
    expected = expected_of(draft)["overall"]
    assert report.error is None
    if draft in EARLY and draft.stem in ("strong", "formalistic"):
        assert report.grade == expected, report.score  # the clear cases exactly
    else:
        assert abs(GRADES.index(report.grade) - GRADES.index(expected)) <= 1, report.score


@pytest.mark.parametrize("draft", EARLY, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_criterion_contradicts_the_reader(reports, draft):
    """A criterion the reader calls good never scores below 50; one the reader calls
    poor never scores 80 or more."""
    scores = {c.id: c.score for c in reports[draft].criteria}
    for criterion, judgement in expected_of(draft)["criteria"].items():
        level, score = judgement["level"], scores[criterion]
        assert score is not None, criterion
        if level == "good":
            assert score >= 50, (criterion, score, judgement["why"])
        if level == "poor":
            assert score < 80, (criterion, score, judgement["why"])


def test_criterion_levels_agree_with_the_reader(reports):
    """Nine levels per draft: at least 92 % of rounds 1-2 fall in the reader's band."""
    pairs = [
        (band(scores[criterion]), judgement["level"])
        for draft in EARLY
        for scores in [{c.id: c.score for c in reports[draft].criteria}]
        for criterion, judgement in expected_of(draft)["criteria"].items()
    ]
    agreed = sum(got == want for got, want in pairs)
    assert len(pairs) == 216
    assert agreed / len(pairs) >= 0.92, f"{agreed}/{len(pairs)}"


# what each round reached with the fixes so far (README: "How we check"): levels in
# the reader's band (of 324 for round 3, 216 for the others), contradictions at most,
# owners read whole; rounds 3 and 4, held out before their fixes, were 250, 14, 97
# (of 213) and 169, 17, 97 (of 151)
REACHED = {
    "round 3": (ROUND_3, 304, 0, 209),
    "round 4": (ROUND_4, 204, 0, 146),
    # held out 178 levels and 85 owners (of 216 and 129) before its fixes
    "round 5": (ROUND_5, 203, 0, 121),
    # held out 176 levels and 103 owners (of 216 and 157) before its first fixes
    "round 6": (ROUND_6, 207, 0, 150),
    # held out: 190 levels (of 216), 2 contradictions, 120 owners (of 161), stage 21/24
    "round 7": (ROUND_7, 208, 0, 158),
    # held out: 184 levels (of 216), 2 contradictions, 120 owners (of 148), stage 24/24
    "round 8": (ROUND_8, 205, 0, 142),
    # held out: 196 levels (of 216), 5 contradictions, 128 owners (of 141), stage 23/24
    "round 9": (ROUND_9, 202, 0, 140),
    # held out: 199 levels (of 216), no contradiction, 132 owners (of 148), stage 24/24
    "round 10": (ROUND_10, 206, 0, 142),
    # held out: 203 levels (of 216), no contradiction, 148 owners (of 160), stage 24/24
    "round 11": (ROUND_11, 210, 0, 150),
    # held out: 181 levels (of 216), 1 contradiction, 117 owners (of 137), stage 23/24
    "round 12": (ROUND_12, 195, 0, 127),
    # held out: 185 levels (of 216), no contradiction, 123 owners (of 135), stage 21/24
    "round 13": (ROUND_13, 197, 0, 132),
    # held out: 176 levels (of 216), 2 contradictions, 125 owners (of 134), stage 24/24,
    # two grades two steps off (one left: KNOWN_GRADE_MISSES)
    "round 14": (ROUND_14, 189, 1, 131),
    # held out: 198 levels (of 216), 1 contradiction, 150 owners (of 155), stage 24/24,
    # every grade within one
    "round 15": (ROUND_15, 202, 0, 155),
    # held out: 198 levels (of 216), 2 contradictions, 147 owners (of 168), stage 24/24,
    # every grade within one
    "round 16": (ROUND_16, 206, 0, 165),
    # held out: 201 levels (of 216), no contradiction, 166 owners (of 176), stage 24/24,
    # every grade within one
    "round 17": (ROUND_17, 205, 0, 173),
    # held out: 203 levels (of 216), 4 contradictions, 170 owners (of 172), stage 23/24,
    # every grade within one
    "round 18": (ROUND_18, 207, 2, 170),
    # held out: 196 levels (of 216), 0 contradictions, 118 owners, stage 24/24
    "round 19": (ROUND_19, 200, 0, 130),
    # held out: 199 levels (of 216), no contradiction, 169 owners (of 175), stage 23/24,
    # every grade within one
    "round 20": (ROUND_20, 208, 0, 173),
    # held out: 204 levels (of 216), no contradiction, 186 owners (of 187), stage 24/24,
    # every grade within one: the goal met on all five counts
    "round 21": (ROUND_21, 207, 0, 187),
    # held out: 193 levels (of 216), 2 contradictions, 164 owners (of 181), stage 24/24,
    # every grade within one; then posts written after "chức vụ:", unit names that run
    # on in lower case to their label's colon and collectives joined by "và" read whole
    "round 22": (ROUND_22, 193, 2, 172),
}


@pytest.mark.parametrize("name", REACHED)
def test_later_rounds_keep_what_they_reached(reports, name):
    """Each round, held out before its fixes, is held to what the fixes reached, every
    grade within one (but the known misses) and every stage right: no later change may
    lose ground."""
    drafts, agreed, contradictions, owners_whole, *stage = REACHED[name]
    total = _totals(reports, drafts)
    assert total["levels"] == 9 * len(drafts)
    assert total["agreed"] >= agreed, total
    assert total["contradictions"] <= contradictions, total
    known = sum(f"{d.parent.name}/{d.name}" in KNOWN_GRADE_MISSES for d in drafts)
    assert total.get("grade_off_2", 0) == known, total
    assert total["owners_whole"] >= owners_whole, total
    assert total["stage_right"] >= (stage[0] if stage else len(drafts)), total
