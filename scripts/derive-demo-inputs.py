#!/usr/bin/env python3
"""Derive the demo's bundled sample inputs (data/demo/) from the framework, the registry and the seed fixtures.

Run once from the repository root; the outputs are committed and read by `goveval inputs import`:

    python3 scripts/derive-demo-inputs.py

Python 3 standard library only; deterministic (every random draw comes from random.Random(SEED + salt)), so a
second run writes byte-identical files.

Reads
  data/registry/units-2020.tsv                                  the 2020 registry (codes, names, kinds, tags)
  tests/GovEval.Tests/fixtures/seed-2020/capability-2020-totals.csv   the 64 capability totals of the 2020 release
  tests/GovEval.Tests/fixtures/seed-2020/capability-2019-grades.csv   their 2019 grades
  tests/GovEval.Tests/fixtures/seed-2020/website-2020-totals.csv      website totals (only to correlate quality)

Writes (all values synthetic)
  data/demo/capability-2020-inputs.csv   one row per leaf of digital-gov-capability-2020 for each of the 64 units of
                                         the provincial and key-city cohorts, such that the framework's total equals
                                         the seed total rounded to one decimal (half away from zero)
  data/demo/capability-2019-inputs.csv   the same 64 units and leaves; totals inside each unit's 2019 grade band
  data/demo/website-sample.txt           the website sample: every unit of the six small website cohorts, 160
                                         prefecture cities and 200 counties drawn with a seeded RNG
  data/demo/website-2020-inputs.csv      the expert leaves of gov-website-performance-2020 for the sample
  data/demo/website-2019-check-inputs.csv  the bonus.* leaves of gov-website-check-2019 for part of the sample (a run
                                         refuses indicators its framework lacks, so the two website frameworks get
                                         separate files)

Capability method. Every leaf score is a multiple of 0.1 here, so totals are exact. For each unit: a quality
level q from its target total; each option leaf takes the option whose share of the points is nearest q plus
seeded noise (yes/no leaves: 是 with a probability growing with q). The remainder (target minus the options)
is absorbed by the continuous leaves: provision.website (0–14, one decimal), satisfaction.survey (a
satisfaction rate; 8 × (rate − 60) / 40 points, rates in steps of 0.5 so points stay in tenths) and
innovation.cases (0–10 bonus, one decimal). When the remainder falls outside the plausible range of those
leaves (website 3–13.8, rate 70–98 %, cases 0–9), one option leaf at a time moves one step up or down.
"""

import csv
import random
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

SEED = 20201130
ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "tests" / "GovEval.Tests" / "fixtures" / "seed-2020"
OUT = ROOT / "data" / "demo"

# ---------------------------------------------------------------------------------------------- registry


def read_registry():
    units = []
    header = None
    with open(ROOT / "data" / "registry" / "units-2020.tsv", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
            row["tags"] = set(t for t in row.get("tags", "").split(",") if t)
            units.append(row)
    return units  # in file order = official order


COHORTS = {
    "provincial": lambda u: u["kind"] in ("municipality", "province", "autonomous-region", "corps") and u["code"] != "710000",
    "key-city": lambda u: bool(u["tags"] & {"capital", "plan-listed"}),
    "ministry-constituent": lambda u: u["kind"] == "state-council-body" and "constituent" in u["tags"],
    "ministry-other": lambda u: u["kind"] == "state-council-body" and "constituent" not in u["tags"],
    "municipality": lambda u: u["kind"] == "municipality",
    "province": lambda u: u["kind"] in ("province", "autonomous-region") and u["code"] != "710000",
    "sub-provincial-city": lambda u: "sub-provincial" in u["tags"],
    "provincial-capital": lambda u: "capital" in u["tags"],
    "prefecture-city": lambda u: u["level"] == "prefecture" and not (u["tags"] & {"capital", "sub-provincial"}),
    "county": lambda u: u["level"] == "county",
}


def members(units, *cohorts):
    return [u for u in units if any(COHORTS[c](u) for c in cohorts)]


def resolver(pool):
    """Maps a code, full name or short name to a unit of the pool; ambiguous names map to None."""
    index = {}
    for u in pool:
        for key in {u["code"], u["name"], u["short"]}:
            index.setdefault(key, []).append(u)
    return lambda text: (lambda found: found[0] if len(found) == 1 else None)(index.get(text.strip(), []))


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def half_up(value, places=1):
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------------------------------------- capability

# (leaf, [(option, points)] best first) — digital-gov-capability-2020's option leaves, points in tenths.
OPTION_LEAVES = [
    ("integration.websites", [("已完成", 60), ("推进中", 35), ("未开展", 0)]),
    ("integration.newmedia", [("统一建设管理运维", 50), ("统一管理", 30), ("分散运营", 10)]),
    ("integration.search", [("是", 40), ("否", 0)]),
    ("integration.platform", [("全面对接", 60), ("部分对接", 30), ("未对接", 0)]),
    ("provision.services", [("优", 140), ("良", 105), ("中", 70), ("差", 35)]),
    ("provision.public-services", [("优", 100), ("良", 75), ("中", 50), ("差", 25)]),
    ("provision.app", [("优秀", 60), ("良好", 45), ("一般", 30), ("无", 0)]),
    ("provision.wechat", [("优秀", 50), ("良好", 35), ("一般", 20), ("无", 0)]),
    ("provision.weibo", [("优秀", 50), ("良好", 35), ("一般", 20), ("无", 0)]),
    ("data.agency", [("是", 30), ("否", 0)]),
    ("data.plan", [("是", 30), ("否", 0)]),
    ("data.portal", [("优", 40), ("良", 30), ("中", 20), ("差", 10), ("无", 0)]),
    ("data.use", [("优", 30), ("良", 20), ("中", 10), ("无", 0)]),
    ("satisfaction.rating", [("按月公开", 40), ("已建立", 25), ("未建立", 0)]),
]
LEAF_ORDER = [
    "integration.websites", "integration.newmedia", "integration.search", "integration.platform",
    "provision.website", "provision.services", "provision.public-services", "provision.app", "provision.wechat", "provision.weibo",
    "data.agency", "data.plan", "data.portal", "data.use",
    "satisfaction.survey", "satisfaction.rating", "innovation.cases",
]
ASSESSOR = {"integration": "专家组A", "provision": "专家组B", "data": "专家组C", "satisfaction": "调查组", "innovation": "专家组A"}

# Plausible ranges of the continuous leaves, in tenths of a point.
WEBSITE = (30, 138)
SURVEY = (20, 76)  # points ×10; rate = 60 + points/2 ⇒ 70 %–98 %
CASES = (0, 90)


def choose_options(q, rng):
    choice = {}
    for leaf, options in OPTION_LEAVES:
        best = options[0][1]
        if len(options) == 2:
            choice[leaf] = 0 if rng.random() < min(0.97, 0.35 + 0.7 * q) else 1
            continue
        aim = q + rng.gauss(0, 0.15)
        choice[leaf] = min(range(len(options)), key=lambda i: (abs(options[i][1] / best - aim), i))
    return choice


def discrete_sum(choice):
    return sum(dict(OPTION_LEAVES)[leaf][i][1] for leaf, i in choice.items())


def solve_unit(target_tenths, rng):
    """Options and continuous leaves (tenths) whose sum is target_tenths exactly."""
    q = max(0.05, min(1.0, (target_tenths / 10 - 35) / 60))
    choice = choose_options(q, rng)
    w0 = round(140 * (0.35 + 0.55 * q) + rng.gauss(0, 6))
    s0 = round(10 * (8 * (72 + 24 * q - 60) / 40) + rng.gauss(0, 3))
    i0 = round(max(0, rng.gauss(10 * (8 * q - 2.5), 8)))
    # Move option leaves one step at a time until the continuous leaves can stay near their own aims.
    aims = sum(min(max(v, b[0]), b[1]) for v, b in zip([w0, s0, i0], [WEBSITE, SURVEY, (0, min(CASES[1], 30 + round(60 * q)))]))
    table = dict(OPTION_LEAVES)
    for _ in range(200):
        gap = target_tenths - discrete_sum(choice) - aims
        if abs(gap) <= 10:
            break
        up = gap > 0
        leaves = [leaf for leaf, options in OPTION_LEAVES
                  if (choice[leaf] > 0 if up else choice[leaf] < len(options) - 1)
                  and abs(table[leaf][choice[leaf] + (-1 if up else 1)][1] - table[leaf][choice[leaf]][1]) <= abs(gap) + 10]
        if not leaves:
            break
        leaf = rng.choice(leaves)
        choice[leaf] += -1 if up else 1
    lo, hi = WEBSITE[0] + SURVEY[0] + CASES[0], WEBSITE[1] + SURVEY[1] + min(CASES[1], 30 + round(60 * q))
    for _ in range(200):
        rest = target_tenths - discrete_sum(choice)
        if lo <= rest <= hi:
            break
        leaves = [leaf for leaf, options in OPTION_LEAVES
                  if (rest < lo and choice[leaf] < len(options) - 1) or (rest > hi and choice[leaf] > 0)]
        leaf = rng.choice(leaves)
        choice[leaf] += 1 if rest < lo else -1
    else:
        raise SystemExit(f"cannot reach {target_tenths / 10}")

    cases_hi = min(CASES[1], 30 + round(60 * q))
    bounds = [WEBSITE, SURVEY, (CASES[0], cases_hi)]
    values = [min(max(v, b[0]), b[1]) for v, b in zip([w0, s0, i0], bounds)]
    delta = rest - sum(values)
    while delta != 0:
        step = 1 if delta > 0 else -1
        room = [i for i in range(3) if bounds[i][0] <= values[i] + step <= bounds[i][1]]
        # Website and survey carry most of the adjustment; cases move less.
        i = rng.choices(room, weights=[3 if r < 2 else 1 for r in room])[0]
        move = step * min(abs(delta), max(1, abs(delta) // 4))
        move = max(bounds[i][0] - values[i], min(bounds[i][1] - values[i], move))
        values[i] += move
        delta -= move
    return choice, values, q


EVIDENCE = {
    "integration.websites": {"已完成": "{n}政府网站集约化平台已上线，统一信息资源库投入运行", "推进中": "{n}政府网站集约化平台建设推进中，部分部门网站已迁移",
                             "未开展": "{n}未开展政府网站集约化建设"},
    "integration.newmedia": {"统一建设管理运维": "{n}政务新媒体统一建设、统一管理、统一运维", "统一管理": "{n}政务新媒体已纳入统一管理",
                             "分散运营": "{n}政务新媒体由各部门分散运营"},
    "integration.search": {"是": "{n}门户网站实现全网统一搜索", "否": "{n}门户网站搜索仅覆盖本站"},
    "integration.platform": {"全面对接": "{n}政务服务平台已与全国一体化在线政务服务平台全面对接", "部分对接": "{n}政务服务平台部分事项与国家平台对接",
                             "未对接": "{n}政务服务平台尚未与国家平台对接"},
    "provision.website": "{n}门户网站信息发布、解读回应、办事服务、互动交流评议得分{v}",
    "provision.services": "{n}一网通办、跨省通办、一件事一次办抽查：{v}",
    "provision.public-services": "{n}教育、医疗、社保、疫情防控等公共服务在线提供情况：{v}",
    "provision.app": "{n}政务App下载、登录与办事抽测：{v}",
    "provision.wechat": "{n}政务微信公众号更新与服务功能评议：{v}",
    "provision.weibo": "{n}政务微博更新与互动评议：{v}",
    "data.agency": {"是": "{n}已明确政务数据统筹管理机构", "否": "{n}未明确政务数据统筹管理机构"},
    "data.plan": {"是": "{n}已出台并公开数字政府建设规划或实施方案", "否": "{n}未公开数字政府建设规划"},
    "data.portal": "{n}公共数据开放平台目录下载、搜索与更新评议：{v}",
    "data.use": "{n}数据开发利用场景评议：{v}",
    "satisfaction.survey": "{n}政务服务满意度调查，满意率{v}%",
    "satisfaction.rating": {"按月公开": "{n}政务服务好差评结果按月公开", "已建立": "{n}已建立政务服务好差评制度，结果未按月公开",
                            "未建立": "{n}尚未建立政务服务好差评制度"},
    "innovation.cases": "{n}报送创新实践案例评审得分{v}",
}


def fmt(tenths):
    return str(Decimal(tenths) / 10).rstrip("0").rstrip(".") if tenths % 10 else str(tenths // 10)


def capability_rows(unit, choice, values):
    website, survey, cases = values
    # rate = 60 + points × 5 (points = survey / 10), in tenths of a percent: 600 + survey × 5
    out = {}
    for leaf, options in OPTION_LEAVES:
        out[leaf] = options[choice[leaf]][0]
    out["provision.website"] = fmt(website)
    out["satisfaction.survey"] = fmt(600 + survey * 5)
    out["innovation.cases"] = fmt(cases)
    rows = []
    for leaf in LEAF_ORDER:
        value = out[leaf]
        template = EVIDENCE[leaf]
        text = (template[value] if isinstance(template, dict) else template).format(n=unit["short"], v=value)
        if leaf == "innovation.cases" and value == "0":
            text = f"{unit['short']}未有创新案例入选"
        rows.append([unit["code"], leaf, value, text, ASSESSOR[leaf.split(".")[0]]])
    return rows


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["unit", "indicator", "value", "evidence", "assessor"])
        w.writerows(rows)


BANDS = {"优秀": (850, 1000), "良好": (750, 849), "发展": (600, 749), "起步": (380, 599)}


def grade_of(tenths):
    return "优秀" if tenths >= 850 else "良好" if tenths >= 750 else "发展" if tenths >= 600 else "起步"


def capability(units):
    pool = members(units, "provincial", "key-city")
    find = resolver(pool)
    totals = {}
    for row in read_csv(SEED_DIR / "capability-2020-totals.csv"):
        unit = find(row["unit"])
        if unit is None:
            raise SystemExit(f"capability-2020-totals.csv: cannot resolve {row['unit']}")
        totals[unit["code"]] = int(half_up(row["total"]) * 10)
    grades19 = {}
    for row in read_csv(SEED_DIR / "capability-2019-grades.csv"):
        unit = find(row["unit"])
        if unit is None:
            raise SystemExit(f"capability-2019-grades.csv: cannot resolve {row['unit']}")
        grades19[unit["code"]] = row["grade"].strip().removesuffix("级")
    assert len(totals) == 64 and set(totals) == {u["code"] for u in pool}, "seed 2020 totals must cover the 64 units"

    rng = random.Random(SEED)
    rows20, rows19 = [], []
    summary = {"2020": {}, "2019": {}}
    for unit in pool:
        code = unit["code"]
        t20 = totals[code]
        choice, values, _ = solve_unit(t20, rng)
        rows20 += capability_rows(unit, choice, values)
        summary["2020"][grade_of(t20)] = summary["2020"].get(grade_of(t20), 0) + 1

        grade = grades19.get(code) or grade_of(max(380, t20 - 25))
        lo, hi = BANDS[grade]
        t19 = t20 - rng.randint(5, 40)
        t19 = min(max(t19, lo + 3), hi - 3)
        choice19, values19, _ = solve_unit(t19, rng)
        rows19 += capability_rows(unit, choice19, values19)
        assert grade_of(t19) == grade
        summary["2019"][grade] = summary["2019"].get(grade, 0) + 1
    write_csv(OUT / "capability-2020-inputs.csv", rows20)
    write_csv(OUT / "capability-2019-inputs.csv", rows19)
    return summary


# ---------------------------------------------------------------------------------------------- website

SMALL = ["ministry-constituent", "ministry-other", "municipality", "province", "sub-provincial-city", "provincial-capital"]
SAMPLED = [("prefecture-city", 160), ("county", 200)]

WEBSITE_LEAVES = [
    ("publishing.disclosure", {"优": "7", "良": "5.5", "中": "4", "差": "1.5", "无": "0"}, "专家组A",
     {"优": "政府信息公开指南、目录、年报及法定主动公开内容完整，更新及时", "良": "法定主动公开内容基本完整，个别栏目更新不及时",
      "中": "政府信息公开年报或部分法定内容缺失", "差": "政府信息公开专栏内容大量缺失或长期未更新", "无": "未设置政府信息公开专栏"}),
    ("response.interpretation", {"优": "8", "良": "6", "中": "4", "差": "2", "无": "0"}, "专家组A",
     {"优": "重要政策文件均有多形式解读，解读与文件相互关联", "良": "主要政策文件有解读，形式以文字为主",
      "中": "部分政策文件有解读，关联不完整", "差": "政策解读数量少且多为转载", "无": "未发布政策解读"}),
    ("response.concerns", {"优": "7", "良": "5", "中": "3.5", "差": "1.5", "无": "0"}, "专家组A",
     {"优": "对社会关切和热点舆情回应及时、针对性强", "良": "能够回应主要社会关切", "中": "回应关切不够及时", "差": "回应关切内容空泛", "无": "未见回应关切内容"}),
    ("services.experience", {"优": "8", "良": "6", "中": "4", "差": "2", "无": "0"}, "专家组B",
     {"优": "办事指南要素完整，在线办理深度高，体验顺畅", "良": "办事指南较完整，多数事项可在线办理", "中": "办事指南部分要素缺失，在线办理深度一般",
      "差": "办事入口不清晰，指南要素缺失较多", "无": "未提供办事服务"}),
    ("interaction.consultation", {"优": "6", "良": "4.5", "中": "3", "差": "1.5", "无": "0"}, "专家组C",
     {"优": "在线访谈、意见征集常态开展并公开采纳情况", "良": "定期开展在线访谈和意见征集", "中": "在线访谈或意见征集开展较少",
      "差": "意见征集未反馈结果", "无": "未开展在线访谈与调查征集"}),
]
# Cut points on a standard-normal latent: ~15 % 优, ~40 % 良, ~35 % 中, ~8 % 差, ~2 % 无.
CUTS = [(1.04, "优"), (0.0, "良"), (-1.4, "中"), (-2.05, "差")]
BONUS_LEAVES = [("bonus.disclosure", 10, "信息发布与解读回应工作获评加分：{v}"), ("bonus.services", 10, "办事服务特色做法获评加分：{v}"),
                ("bonus.interaction", 5, "互动交流创新做法获评加分：{v}"), ("bonus.innovation", 5, "网站创新发展实践获评加分：{v}")]


def website(units):
    rng = random.Random(SEED + 1)
    sample = members(units, *SMALL)
    listed = {u["code"] for u in sample}
    for cohort, size in SAMPLED:
        pool = [u for u in members(units, cohort) if u["code"] not in listed]
        picked = {u["code"] for u in rng.sample(pool, size)}
        sample += [u for u in pool if u["code"] in picked]
        listed |= picked
    order = {u["code"]: i for i, u in enumerate(units)}
    sample.sort(key=lambda u: order[u["code"]])

    with open(OUT / "website-sample.txt", "w", encoding="utf-8") as f:
        f.write("# GovEval demo: the website sample (抽查名单) for 'goveval runs create --units data/demo/website-sample.txt'.\n")
        f.write("# Every unit of ministry-constituent, ministry-other, municipality, province, sub-provincial-city and\n")
        f.write(f"# provincial-capital, plus {SAMPLED[0][1]} prefecture-city and {SAMPLED[1][1]} county units drawn with a seeded RNG\n")
        f.write("# by scripts/derive-demo-inputs.py. One registry code a line (2020 registry), in official order.\n")
        for u in sample:
            f.write(u["code"] + "\n")

    # Quality from the seed's website totals where a unit resolves unambiguously, so the demo's good sites stay good.
    find = resolver(members(units, *SMALL, "prefecture-city", "county"))
    seed = {}
    for row in read_csv(SEED_DIR / "website-2020-totals.csv"):
        unit = find(row["unit"])
        if unit is not None:
            seed[unit["code"]] = float(row["total"])
    known = [seed[u["code"]] for u in sample if u["code"] in seed]
    mean = sum(known) / len(known)
    sd = (sum((x - mean) ** 2 for x in known) / len(known)) ** 0.5

    rows, bonus_rows = [], []
    counts = {}
    for u in sample:
        z = (seed[u["code"]] - mean) / sd if u["code"] in seed else rng.gauss(0, 1)
        for leaf, options, assessor, texts in WEBSITE_LEAVES:
            latent = 0.6 * z + 0.8 * rng.gauss(0, 1)
            grade = next((g for cut, g in CUTS if latent > cut), "无")
            counts[grade] = counts.get(grade, 0) + 1
            rows.append([u["code"], leaf, grade, f"{u['short']}：{texts[grade]}", assessor])
        if 0.5 * z + 0.87 * rng.gauss(0, 1) > 1.04:  # ~15 % have a reviewed innovation case
            value = half_up(min(5.0, max(0.5, rng.gauss(2.5 + 0.6 * z, 1.0))))
            rows.append([u["code"], "innovation.case", str(value).rstrip("0").rstrip("."), f"{u['short']}网站创新案例经专家评议", "专家组C"])
        if 0.5 * z + 0.87 * rng.gauss(0, 1) > 0.67:  # ~25 % earn bonus points in the 2019 check
            for leaf, top, text in BONUS_LEAVES:
                if rng.random() < 0.6:
                    value = half_up(min(top, max(0.5, rng.gauss(top * (0.3 + 0.08 * z), top * 0.15))))
                    v = str(value).rstrip("0").rstrip(".")
                    bonus_rows.append([u["code"], leaf, v, f"{u['short']}{text.format(v=v)}", "专家组B"])
    write_csv(OUT / "website-2020-inputs.csv", rows)
    write_csv(OUT / "website-2019-check-inputs.csv", bonus_rows)
    return len(sample), counts, sum(1 for r in rows if r[1] == "innovation.case"), len({r[0] for r in bonus_rows})


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    units = read_registry()
    summary = capability(units)
    for year in ("2019", "2020"):
        print(year, " ".join(f"{g}{summary[year].get(g, 0)}" for g in BANDS))
    size, counts, cases, bonus = website(units)
    print(f"website sample {size} units; expert grades {counts}; innovation.case {cases}; units with bonus {bonus}")


if __name__ == "__main__":
    main()
