"""Write a synthetic but realistic ictgoals dataset with N actuals, for the scale benchmarks.

    python bench/generate.py N [--seed S] [--out DIR] [--all-targets]

writes DIR/targets.toml and DIR/actuals.toml (DIR defaults to bench/out/N). The data has the
shape of the real thing: ~150 indicators in six units and both directions, "VN" plus 33
provinces, yearly series over 2011–2025, targets for 2025 and 2030 in all four ops, a few
sources with TOML dates, estimates, conflicting reports and stated changes. The same N and
seed always give the same bytes.

Actuals come as per-(indicator, region) series so that status and diff have trends to work on.
Targets are written for every indicator–region pair that has figures (every pair once N is
large, ~20,000+); `--all-targets` writes them for all 150 × 34 pairs whatever N is.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

FIRST_YEAR, LAST_YEAR = 2011, 2025
MAX_SERIES_LENGTH = LAST_YEAR - FIRST_YEAR + 1
TARGET_YEARS = (2025, 2030)
NATIONAL = "VN"
PROVINCES = (
    "Hà Nội",
    "Hồ Chí Minh",
    "Đà Nẵng",
    "Hải Phòng",
    "Cần Thơ",
    "An Giang",
    "Bắc Giang",
    "Bắc Kạn",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Dương",
    "Cà Mau",
    "Cao Bằng",
    "Đắk Lắk",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Tĩnh",
    "Khánh Hòa",
    "Kiên Giang",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nghệ An",
    "Ninh Bình",
    "Quảng Nam",
    "Quảng Ninh",
    "Sóc Trăng",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Trà Vinh",
)
REGIONS = (NATIONAL, *PROVINCES)

# (area, id prefix, [(slug, name, unit, lower-is-better)]); rank indicators are listed apart
# because a "rural" variant of an international ranking would not make sense.
AREAS: tuple[tuple[str, str, tuple[tuple[str, str, str, bool], ...]], ...] = (
    (
        "digital-government",
        "dg",
        (
            ("online_procedures", "Administrative procedures offered fully online", "%", False),
            ("online_dossiers", "Dossiers processed fully online", "%", False),
            ("eservice_users", "Online public-service users", "count", False),
            ("shared_platform", "Agencies connected to the shared data platform", "%", False),
            ("paper_dossiers", "Dossiers still requiring paper copies", "%", True),
            ("late_dossiers", "Dossiers resolved late", "%", True),
        ),
    ),
    (
        "digital-economy",
        "de",
        (
            ("gdp_share", "Digital economy share of GDP", "%", False),
            ("revenue", "Digital economy revenue", "USD bn", False),
            ("ecommerce", "E-commerce retail sales", "USD bn", False),
            ("cashless", "Cashless payment value", "VND bn", False),
            ("einvoice", "Enterprises using e-invoices", "%", False),
            ("tech_firms", "Digital technology enterprises", "count", False),
        ),
    ),
    (
        "digital-society",
        "ds",
        (
            ("signatures", "Adults with a digital signature", "%", False),
            ("internet_users", "Internet users", "per 100 people", False),
            ("smartphones", "Smartphone subscriptions", "per 100 people", False),
            ("bank_accounts", "Adults with a bank account", "%", False),
            ("offline_households", "Households without fixed broadband", "%", True),
            ("skills_trainees", "Digital skills training participants", "count", False),
        ),
    ),
    (
        "ict-industry",
        "ict",
        (
            ("revenue", "ICT industry revenue", "USD bn", False),
            ("exports", "Hardware and electronics exports", "USD bn", False),
            ("software", "Software and IT services revenue", "VND bn", False),
            ("enterprises", "ICT enterprises", "count", False),
            ("local_value", "Domestic value added in ICT products", "%", False),
        ),
    ),
    (
        "cybersecurity",
        "cs",
        (
            ("classified_systems", "Information systems classified by security level", "%", False),
            ("attacks", "Cyber attacks on government systems", "count", True),
            ("malware_sites", "Government websites with malware found", "%", True),
            ("soc_agencies", "Agencies monitored by a security operations centre", "%", False),
        ),
    ),
    (
        "telecom",
        "tel",
        (
            ("fixed_broadband", "Fixed broadband subscriptions", "per 100 people", False),
            ("coverage_4g", "Population covered by 4G", "%", False),
            ("coverage_5g", "Population covered by 5G", "%", False),
            ("revenue", "Telecom revenue", "VND bn", False),
            ("uncovered_villages", "Villages without mobile coverage", "%", True),
            ("data_traffic", "Mobile data traffic (PB)", "count", False),
        ),
    ),
    (
        "postal",
        "post",
        (
            ("revenue", "Postal revenue", "VND bn", False),
            ("parcels", "Parcels delivered (thousands)", "count", False),
            ("growth", "Postal revenue growth", "%", False),
            ("communes", "Communes with a postal service point", "%", False),
        ),
    ),
    (
        "data",
        "data",
        (
            ("open_datasets", "Open datasets published", "count", False),
            ("databases", "National databases connected", "%", False),
            ("dc_capacity", "Data-centre capacity (MW)", "count", False),
        ),
    ),
    (
        "human-resources",
        "hr",
        (
            ("graduates", "ICT graduates", "count", False),
            ("skilled_workforce", "Workforce with basic digital skills", "%", False),
            ("it_workforce", "IT workforce", "count", False),
            ("women_in_ict", "Women among ICT graduates", "%", False),
            ("vacancies", "Unfilled IT vacancies", "per 100 people", True),
        ),
    ),
)
RANKINGS = (
    ("dg", "digital-government", "egdi", "E-Government Development Index"),
    ("dg", "digital-government", "osi", "Online Service Index"),
    ("dg", "digital-government", "epi", "E-Participation Index"),
    ("cs", "cybersecurity", "gci", "Global Cybersecurity Index"),
    ("ict", "ict-industry", "gii", "Global Innovation Index"),
    ("tel", "telecom", "idi", "ICT Development Index"),
    ("tel", "telecom", "mci", "GSMA Mobile Connectivity Index"),
    ("de", "digital-economy", "nri", "Network Readiness Index"),
    ("de", "digital-economy", "b2c", "UNCTAD B2C E-commerce Index"),
    ("de", "digital-economy", "wdci", "IMD World Digital Competitiveness"),
    ("ds", "digital-society", "dqli", "Digital Quality of Life Index"),
    ("ds", "digital-society", "iii", "Inclusive Internet Index"),
    ("data", "data", "odb", "Open Data Barometer"),
    ("data", "data", "air", "Government AI Readiness Index"),
    ("hr", "human-resources", "gtci", "Global Talent Competitiveness Index"),
)
SCOPES = (("", ""), ("urban", " (urban areas)"), ("rural", " (rural areas)"))
N_INDICATORS = 150
ABSOLUTE_UNITS = ("USD bn", "VND bn", "count")

CONFLICT_SHARE = 0.02  # reports that disagree with an earlier report of the same figure
EXTRA_SHARE = 0.05  # all repeated reports (agreeing or conflicting); more when N outgrows the slots
ESTIMATE_SHARE, LATEST_ESTIMATE_SHARE = 0.03, 0.25
CHANGE_SHARE, CHANGE_MISMATCH_SHARE = 0.06, 0.1


@dataclass(frozen=True, slots=True)
class Indicator:
    """One catalogue entry."""

    id: str
    name: str
    unit: str
    lower: bool
    area: str


@dataclass(frozen=True, slots=True)
class SourceDef:
    """A declared source; `year` is the first year whose figures it can report on."""

    id: str
    title: str
    published: str

    @property
    def year(self) -> int:
        return int(self.published[:4])


@dataclass(slots=True)
class Actual:
    """One [[actuals]] entry before formatting."""

    indicator: int
    region: int
    year: int
    value: float
    source: str
    estimate: bool = False
    change: tuple[float, str, int | None] | None = None  # value, unit, change_from (None: the year before)


@dataclass(slots=True)
class Series:
    """A figure's trajectory for one indicator and region: a model to draw values and targets from."""

    indicator: Indicator
    region: int
    start: float
    slope: float  # per year, additive for %, rank and per-100 units, multiplicative growth otherwise
    values: dict[int, float] = field(default_factory=dict)

    def model(self, year: float) -> float:
        """The noiseless value in `year`, clamped to what the unit allows."""
        t = year - FIRST_YEAR
        if self.indicator.unit in ABSOLUTE_UNITS:
            growth: float = (1.0 + self.slope) ** t  # float ** float is typed Any (it may be complex)
            return self.start * growth
        value = self.start + self.slope * t
        if self.indicator.unit == "%":
            return min(max(value, 0.1), 99.9)
        if self.indicator.unit == "rank":
            return max(value, 1.0)
        return max(value, 0.1)


def catalogue() -> list[Indicator]:
    """The 150 indicators: 15 international rankings, then each area's measures in three scopes."""
    indicators = [
        Indicator(f"{prefix}.{slug}_rank", f"{name} rank", "rank", True, area) for prefix, area, slug, name in RANKINGS
    ]
    for scope_slug, scope_name in SCOPES:
        for area, prefix, measures in AREAS:
            for slug, name, unit, lower in measures:
                suffix = f"_{scope_slug}" if scope_slug else ""
                indicators.append(Indicator(f"{prefix}.{slug}{suffix}", name + scope_name, unit, lower, area))
    return indicators[:N_INDICATORS]


def declare_sources() -> list[SourceDef]:
    """Yearly reviews (each reports its own year, the first also back-data) and three 2025 publications."""
    sources = [
        SourceDef(f"review-{y}", f"Digital transformation review {y}", f"{y}-12-{20 + y % 9:02d}")
        for y in range(2014, LAST_YEAR + 1)
    ]
    sources += [
        SourceDef("gso-yearbook-2025", "Statistical yearbook 2025 (ICT chapter)", "2025-06-30"),
        SourceDef("provinces-2025", "Provincial digital transformation index 2025", "2025-09-15"),
        SourceDef("itu-2025", "ITU country profile 2025", "2025-11-03"),
    ]
    return sources


def primary_source(year: int) -> str:
    """The review that first reports a year's figure (the 2014 review carries the earlier years)."""
    return f"review-{max(year, 2014)}"


def new_series(rng: random.Random, indicator: Indicator, region: int) -> Series:
    """Draw a plausible start value and trend for the indicator's unit and direction."""
    national = region == 0
    unit, sign = indicator.unit, -1.0 if indicator.lower else 1.0
    if unit in ABSOLUTE_UNITS:
        start = {
            "USD bn": rng.uniform(1, 40),
            "VND bn": rng.uniform(2_000, 80_000),
            "count": rng.uniform(200, 200_000),
        }[unit]
        if not national:  # a province is a small slice of the national figure
            start *= rng.uniform(0.004, 0.08)
        return Series(indicator, region, start, sign * rng.uniform(0.02, 0.14))
    if unit == "rank":
        return Series(indicator, region, rng.uniform(40, 130), -rng.uniform(0.5, 4))
    low, high = (15.0, 60.0) if indicator.lower else (5.0, 60.0)
    start = rng.uniform(low, high) + (0.0 if national else rng.uniform(-5, 5))
    return Series(indicator, region, max(start, 1.0), sign * rng.uniform(0.3, 3.5))


def observe(rng: random.Random, series: Series, year: int) -> float:
    """The model value with reporting noise, rounded the way such a figure is printed."""
    unit, value = series.indicator.unit, series.model(year)
    if unit == "rank":
        return float(max(1, round(value + rng.gauss(0, 1.5))))
    if unit in ABSOLUTE_UNITS:
        noisy = value * (1.0 + rng.gauss(0, 0.02))
        return max(round(noisy, 2), 0.01) if unit == "USD bn" else float(max(round(noisy), 1))
    noisy = round(value + rng.gauss(0, 0.8), 1)
    return min(max(noisy, 0.1), 99.9) if unit == "%" else max(noisy, 0.1)


def series_lengths(rng: random.Random, pairs: int, total: int) -> list[int]:
    """Split `total` figures over `pairs` series, at least one and at most 15 years each."""
    lengths = [1] * pairs
    open_ = list(range(pairs))
    for _ in range(total - pairs):
        k = rng.randrange(len(open_))
        i = open_[k]
        lengths[i] += 1
        if lengths[i] == MAX_SERIES_LENGTH:  # swap-remove keeps each draw O(1)
            open_[k] = open_[-1]
            open_.pop()
    return lengths


def series_years(rng: random.Random, length: int) -> range:
    """Consecutive years ending in the latest reported year (mostly 2024, the last review's year)."""
    ends = [e for e in (2023, 2024, 2024, 2024, 2025) if e - length + 1 >= FIRST_YEAR]
    end = rng.choice(ends)
    return range(end - length + 1, end + 1)


def stated_change(rng: random.Random, series: Series, year: int) -> tuple[float, str, int | None] | None:
    """A change on an earlier year as a report would print it; one in ten deliberately disagrees."""
    from_year = year - 2 if rng.random() < 0.2 and (year - 2) in series.values else year - 1
    before, after = series.values.get(from_year), series.values[year]
    if before is None or before == 0:
        return None
    unit = series.indicator.unit
    if unit == "rank":
        value, change_unit = before - after, "places"  # positive means it climbed
    elif unit == "%" and rng.random() < 0.7:
        value, change_unit = round(after - before, 1), "pp"
    else:
        value, change_unit = round(100.0 * (after - before) / before, 1), "%"
    if rng.random() < CHANGE_MISMATCH_SHARE:
        value = round(value + rng.choice((-1, 1)) * rng.uniform(2, 6), 1)
    return value, change_unit, (from_year if from_year != year - 1 else None)


def build_series(rng: random.Random, indicators: list[Indicator], n: int, unique: int) -> list[tuple[Series, range]]:
    """Choose which indicator–region pairs have figures and over which years."""
    all_pairs = [(i, r) for r in range(len(REGIONS)) for i in range(len(indicators))]
    national, provincial = all_pairs[: len(indicators)], all_pairs[len(indicators) :]
    rng.shuffle(provincial)
    wanted = min(len(all_pairs), unique, max(200, n // 8))  # a few figures per series even when N is small
    pairs = (national + provincial)[:wanted]
    lengths = series_lengths(rng, len(pairs), unique)
    return [
        (new_series(rng, indicators[i], r), series_years(rng, length))
        for (i, r), length in zip(pairs, lengths, strict=True)
    ]


def make_actuals(
    rng: random.Random, indicators: list[Indicator], sources: list[SourceDef], n: int
) -> tuple[list[Actual], list[Series]]:
    """N actuals: one first report per series year, then repeated reports, some of them conflicting."""
    index = {ind.id: k for k, ind in enumerate(indicators)}
    extras = max(round(n * EXTRA_SHARE), n - len(indicators) * len(REGIONS) * MAX_SERIES_LENGTH)
    extras = min(extras, n - 1)
    plan = build_series(rng, indicators, n, n - extras)
    actuals: list[Actual] = []
    for series, years in plan:
        for year in years:
            series.values[year] = observe(rng, series, year)
        for year in years:
            share = LATEST_ESTIMATE_SHARE if year == LAST_YEAR else ESTIMATE_SHARE
            change = stated_change(rng, series, year) if rng.random() < CHANGE_SHARE else None
            actuals.append(
                Actual(
                    index[series.indicator.id],
                    series.region,
                    year,
                    series.values[year],
                    primary_source(year),
                    rng.random() < share,
                    change,
                )
            )
    actuals += repeated_reports(rng, actuals, sources, extras, min(extras, round(n * CONFLICT_SHARE)))
    actuals.sort(key=lambda a: (a.indicator, a.region, a.year))
    return actuals, [series for series, _ in plan]


def repeated_reports(
    rng: random.Random, firsts: list[Actual], sources: list[SourceDef], count: int, conflicts: int
) -> list[Actual]:
    """Later sources repeating a figure: the same value, or (for the first `conflicts`) a different one."""
    used: dict[int, set[str]] = {}
    repeats: list[Actual] = []
    while len(repeats) < count:
        k = rng.randrange(len(firsts))
        first = firsts[k]
        taken = used.setdefault(k, {first.source})
        candidates = [s.id for s in sources if s.year >= first.year and s.id not in taken]
        if not candidates:
            continue
        source = rng.choice(candidates)
        taken.add(source)
        value = first.value if len(repeats) >= conflicts else disagreeing(rng, first.value)
        repeats.append(Actual(first.indicator, first.region, first.year, value, source))
    return repeats


def disagreeing(rng: random.Random, value: float) -> float:
    """A figure 2–10 % off, rounded like the original, and never equal to it; a figure up to 100 stays
    up to 100 (a share over 100 is no figure: `validate` flags it, `import` refuses it)."""
    decimals = 2 if value != int(value) else 0
    off = rng.choice((-1, 1)) * rng.uniform(0.02, 0.1)
    if value <= 100 < value * (1.0 + off):
        off = -off
    other = round(value * (1.0 + off), decimals)
    return other if other != value and other > 0 else value + 1.0


def make_targets(
    rng: random.Random, series: list[Series], all_pairs: bool, indicators: list[Indicator]
) -> Iterator[tuple[Series, int, str, float | tuple[float, float] | None, str]]:
    """Targets for each series in 2025 and 2030: the direction's op mostly, some ranges and maintains."""
    if all_pairs:
        have = {(s.indicator.id, s.region) for s in series}
        series = series + [
            new_series(rng, ind, r) for r in range(len(REGIONS)) for ind in indicators if (ind.id, r) not in have
        ]
    announced = [f"review-{y}" for y in range(2019, LAST_YEAR + 1)]
    for s in series:
        for year in TARGET_YEARS:
            source = rng.choice(announced)
            roll = rng.random()
            directional = "<=" if s.indicator.lower else ">="
            if roll < 0.65:
                yield s, year, directional, ambitious(rng, s, year), source
            elif roll < 0.8:
                yield s, year, "between", band(rng, s, year), source
            elif roll < 0.9:
                yield s, year, "maintain", None, source
            else:  # a goal to reach and a floor to keep, declared together: two ops, never the same one
                yield s, year, directional, ambitious(rng, s, year), source
                yield s, year, "maintain", None, source


def ambitious(rng: random.Random, series: Series, year: int) -> float:
    """A target a little beyond the trend, in the better direction."""
    factor = rng.uniform(0.85, 1.0) if series.indicator.lower else rng.uniform(1.0, 1.15)
    return tidy(series, series.model(year) * factor)


def band(rng: random.Random, series: Series, year: int) -> tuple[float, float]:
    """A range around the trend; the low end is never above the high end."""
    centre, width = series.model(year), rng.uniform(0.03, 0.1)
    return tidy(series, centre * (1 - width)), max(tidy(series, centre * (1 + width)), tidy(series, centre))


def tidy(series: Series, value: float) -> float:
    """Round a target the way targets are announced."""
    unit = series.indicator.unit
    if unit == "rank":
        return float(max(1, round(value)))
    if unit == "%":
        return min(float(round(value)), 100.0)
    if unit == "USD bn":
        return max(round(value, 1), 0.1)
    return float(max(round(value), 1))


def num(value: float) -> str:
    """A TOML number: integral values without a fraction, others in their shortest form."""
    return str(int(value)) if value.is_integer() else repr(value)


def quoted(text: str) -> str:
    """A TOML basic string (our texts hold no control characters)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def region_line(region: int, names: Sequence[str] = REGIONS) -> str:
    """The region key, left out for national entries since "VN" is the default."""
    return "" if region == 0 else f"region = {quoted(names[region])}\n"


def targets_text(
    indicators: list[Indicator],
    sources: list[SourceDef],
    targets: list[tuple[Series, int, str, float | tuple[float, float] | None, str]],
    names: Sequence[str] = REGIONS,
) -> str:
    """targets.toml: sources, the indicator catalogue, then the targets."""
    parts = ["schema = 1\n\n# Synthetic benchmark data written by bench/generate.py; not real figures.\n\n"]
    for src in sources:
        parts.append(f"[sources.{src.id}]\ntitle = {quoted(src.title)}\npublished = {src.published}\n\n")
    for ind in indicators:
        better = 'better = "lower"\n' if ind.lower and ind.unit != "rank" else ""
        parts.append(
            f"[indicators.{quoted(ind.id)}]\nname = {quoted(ind.name)}\nunit = {quoted(ind.unit)}\n"
            f"{better}area = {quoted(ind.area)}\n\n"
        )
    for s, year, op, value, source in targets:
        if value is None:
            value_line = ""
        elif isinstance(value, tuple):
            value_line = f"value = [{num(value[0])}, {num(value[1])}]\n"
        else:
            value_line = f"value = {num(value)}\n"
        parts.append(
            f"[[targets]]\nindicator = {quoted(s.indicator.id)}\nyear = {year}\nop = {quoted(op)}\n"
            f"{value_line}{region_line(s.region, names)}source = {quoted(source)}\n\n"
        )
    return "".join(parts)


def actuals_text(indicators: list[Indicator], actuals: list[Actual], names: Sequence[str] = REGIONS) -> str:
    """actuals.toml: one [[actuals]] table per figure."""
    parts = ["schema = 1\n\n# Synthetic benchmark data written by bench/generate.py; not real figures.\n\n"]
    for a in actuals:
        extra = "estimate = true\n" if a.estimate else ""
        if a.change is not None:
            value, unit, from_year = a.change
            extra += f"change = {num(value)}\nchange_unit = {quoted(unit)}\n"
            extra += f"change_from = {from_year}\n" if from_year is not None else ""
        parts.append(
            f"[[actuals]]\nindicator = {quoted(indicators[a.indicator].id)}\nyear = {a.year}\n"
            f"value = {num(a.value)}\n{region_line(a.region, names)}source = {quoted(a.source)}\n{extra}\n"
        )
    return "".join(parts)


# ---------------------------------------------------------------- shapes (issue 25)

#: The 34 provincial units from 1 July 2025, for shaped datasets: regions beyond them are the user's own.
CURRENT_PROVINCES = (
    "Hà Nội", "Cao Bằng", "Tuyên Quang", "Điện Biên", "Lai Châu", "Sơn La", "Lào Cai", "Thái Nguyên", "Lạng Sơn",
    "Quảng Ninh", "Bắc Ninh", "Phú Thọ", "Hải Phòng", "Hưng Yên", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
    "Quảng Trị", "Huế", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Đắk Lắk", "Lâm Đồng", "Đồng Nai",
    "Hồ Chí Minh", "Tây Ninh", "Đồng Tháp", "Vĩnh Long", "An Giang", "Cần Thơ", "Cà Mau",
)  # fmt: skip
#: The last year of a series shorter than the years: mostly 2024, the last yearly review's year.
ENDS = (LAST_YEAR - 2, LAST_YEAR - 1, LAST_YEAR - 1, LAST_YEAR)
SHAPED_UNITS = ("%", "count", "%", "USD bn", "per 100 people", "VND bn", "rank")


@dataclass(frozen=True, slots=True)
class Shape:
    """A dataset's size in each dimension the growth benchmark varies (the defaults are issue 25's shape)."""

    actuals: int = 100_000
    indicators: int = 1_000
    targets: int = 4_400
    sources: int = 1
    regions: int = 35  # "VN", then the 34 provinces, then regions of the user's own ("Vùng 0035", …)
    years: int = 15  # ending in 2025

    @property
    def name(self) -> str:
        """A folder name that says the shape: a100000-i1000-t4400-s1-r35-y15."""
        return f"a{self.actuals}-i{self.indicators}-t{self.targets}-s{self.sources}-r{self.regions}-y{self.years}"


def shaped_catalogue(count: int) -> list[Indicator]:
    """`count` indicators over the nine areas and seven units; one in eleven is lower-is-better, ranks always."""
    found = []
    for k in range(count):
        area, prefix, _ = AREAS[k % len(AREAS)]
        unit = SHAPED_UNITS[k % len(SHAPED_UNITS)]
        name = f"Synthetic measure {k + 1}" + (" rank" if unit == "rank" else "")
        found.append(Indicator(f"{prefix}.m{k + 1:05d}", name, unit, unit == "rank" or k % 11 == 3, area))
    return found


def shaped_regions(count: int) -> list[str]:
    """The nation, then the current provinces, then regions of the user's own."""
    names = [NATIONAL, *CURRENT_PROVINCES][:count]
    return names + [f"Vùng {k:04d}" for k in range(len(names), count)]


def shaped_sources(count: int, years: int) -> list[SourceDef]:
    """`count` reports published over the shape's years (dates repeat once there are more reports than days)."""
    first = LAST_YEAR - years + 1
    dates = [f"{first + k % years}-{1 + k % 12:02d}-{1 + k % 28:02d}" for k in range(count)]
    return [SourceDef(f"report-{k + 1:05d}", f"Synthetic report {k + 1}", dates[k]) for k in range(count)]


def shaped_pairs(rng: random.Random, shape: Shape, firsts: int) -> list[tuple[int, int]]:
    """The (indicator, region) pairs that have figures: every indicator's national one first, then provinces'."""
    total = shape.indicators * shape.regions
    wanted = min(total, max(min(shape.indicators, firsts), -(-firsts // shape.years)))
    pairs = [(i, 0) for i in range(min(wanted, shape.indicators))]
    provincial = shape.indicators * (shape.regions - 1)
    for k in rng.sample(range(provincial), min(provincial, wanted - len(pairs))):
        pairs.append((k % shape.indicators, 1 + k // shape.indicators))
    return pairs


def shaped_actuals(
    rng: random.Random, shape: Shape, indicators: list[Indicator], sources: list[SourceDef]
) -> tuple[list[Actual], dict[tuple[int, int], Series]]:
    """`shape.actuals` figures: series over consecutive years, one figure a year, then the same figures reported
    again by other reports (5 %, 2 % of all of them disagreeing) when there are several, or when the figures
    outnumber the (indicator, region, year) slots."""
    firsts = shape.actuals if shape.sources == 1 else max(1, shape.actuals - round(shape.actuals * EXTRA_SHARE))
    pairs = shaped_pairs(rng, shape, firsts)
    base, extra = divmod(firsts, len(pairs))
    lengths = [min(shape.years, base + (k < extra)) for k in range(len(pairs))]
    first_year = LAST_YEAR - shape.years + 1
    series: dict[tuple[int, int], Series] = {}
    actuals: list[Actual] = []
    for (i, r), length in zip(pairs, lengths, strict=True):
        one = series[i, r] = new_series(rng, indicators[i], r)
        ends = [end for end in ENDS if end - length + 1 >= first_year]
        end = rng.choice(ends)  # a full series ends in 2025
        span = range(end - length + 1, end + 1)
        for year in span:
            one.values[year] = observe(rng, one, year)
        for year in span:
            change = stated_change(rng, one, year) if rng.random() < CHANGE_SHARE else None
            source = sources[rng.randrange(len(sources))].id
            estimate = rng.random() < (LATEST_ESTIMATE_SHARE if year == LAST_YEAR else ESTIMATE_SHARE)
            actuals.append(Actual(i, r, year, one.values[year], source, estimate, change))
    conflicts = round(shape.actuals * CONFLICT_SHARE) if shape.sources > 1 else 0
    count = len(actuals)
    for k in range(shape.actuals - count):
        first = actuals[rng.randrange(count)]
        source = first.source
        while source == first.source and shape.sources > 1:
            source = sources[rng.randrange(len(sources))].id
        value = disagreeing(rng, first.value) if k < conflicts else first.value
        actuals.append(Actual(first.indicator, first.region, first.year, value, source))
    actuals.sort(key=lambda a: (a.year, a.region, a.indicator))  # as yearly reviews append them
    return actuals, series


def shaped_targets(
    rng: random.Random, shape: Shape, indicators: list[Indicator], series: dict[tuple[int, int], Series],
    sources: list[SourceDef],
) -> list[tuple[Series, int, str, float | tuple[float, float] | None, str]]:  # fmt: skip
    """One national target per indicator for 2025 first, then targets in the provinces (those with figures first),
    then for 2030, 2035, … once every pair has one; never two with the same (indicator, region, year, op)."""
    provincial = [pair for pair in series if pair[1] != 0]
    rng.shuffle(provincial)
    pairs = [(i, 0) for i in range(shape.indicators)] + provincial
    if len(pairs) < shape.targets:  # pairs without figures, as many as needed
        others = shape.indicators * (shape.regions - 1)
        have = set(provincial)
        for k in rng.sample(range(others), min(others, shape.targets - len(pairs) + len(have))):
            pair = (k % shape.indicators, 1 + k // shape.indicators)
            if pair not in have:
                pairs.append(pair)
    found: list[tuple[Series, int, str, float | tuple[float, float] | None, str]] = []
    for k in range(shape.targets):
        i, r = pairs[k % len(pairs)]
        year = TARGET_YEARS[0] + 5 * (k // len(pairs))
        s = series.get((i, r)) or new_series(rng, indicators[i], r)
        source = sources[rng.randrange(len(sources))].id
        roll, directional = rng.random(), "<=" if s.indicator.lower else ">="
        if roll < 0.75:
            found.append((s, year, directional, ambitious(rng, s, min(year, 2100)), source))
        elif roll < 0.9:
            found.append((s, year, "between", band(rng, s, min(year, 2100)), source))
        else:
            found.append((s, year, "maintain", None, source))
    return found


def generate_shaped(shape: Shape, seed: int, out: Path) -> tuple[Path, Path]:
    """Write both files of a dataset of the given shape and return their paths."""
    if min(shape.actuals, shape.indicators, shape.sources, shape.regions, shape.years) < 1 or shape.targets < 0:
        raise ValueError("every dimension must be at least 1 (targets at least 0)")
    rng = random.Random(seed)
    indicators, names = shaped_catalogue(shape.indicators), shaped_regions(shape.regions)
    sources = shaped_sources(shape.sources, shape.years)
    actuals, series = shaped_actuals(rng, shape, indicators, sources)
    targets = shaped_targets(rng, shape, indicators, series, sources)
    out.mkdir(parents=True, exist_ok=True)
    targets_path, actuals_path = out / "targets.toml", out / "actuals.toml"
    targets_path.write_text(targets_text(indicators, sources, targets, names), encoding="utf-8")
    actuals_path.write_text(actuals_text(indicators, actuals, names), encoding="utf-8")
    return targets_path, actuals_path


def generate(n: int, seed: int, out: Path, all_targets: bool = False) -> tuple[Path, Path]:
    """Write both files for N actuals and return their paths."""
    if n < 1:
        raise ValueError("N must be at least 1")
    rng = random.Random(seed)
    indicators, sources = catalogue(), declare_sources()
    actuals, series = make_actuals(rng, indicators, sources, n)
    targets = list(make_targets(rng, series, all_targets, indicators))
    out.mkdir(parents=True, exist_ok=True)
    targets_path, actuals_path = out / "targets.toml", out / "actuals.toml"
    targets_path.write_text(targets_text(indicators, sources, targets), encoding="utf-8")
    actuals_path.write_text(actuals_text(indicators, actuals), encoding="utf-8")
    return targets_path, actuals_path


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and write the dataset."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, metavar="N", help="number of actuals to write")
    parser.add_argument("--seed", type=int, default=2025, help="random seed (default: 2025)")
    parser.add_argument("--out", type=Path, help="output folder (default: bench/out/N, or bench/out/SHAPE)")
    parser.add_argument(
        "--all-targets",
        action="store_true",
        help="targets for all 150 × 34 indicator–region pairs, not only those with figures",
    )
    shaped = parser.add_argument_group(
        "shape", "any of these writes a shaped dataset (issue 25); the others then take these defaults"
    )
    defaults = Shape()
    for name, help_ in (
        ("indicators", "indicators in the catalogue"),
        ("targets", "targets: one national per indicator for 2025 first, then in the provinces"),
        ("sources", "sources declared in targets.toml, each figure citing one at random"),
        ("regions", 'regions: "VN", the 34 provinces, then regions of the user\'s own'),
        ("years", "years of figures, ending in 2025"),
    ):
        shaped.add_argument(f"--{name}", type=int, help=f"{help_} (default {getattr(defaults, name):,})")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    given = {name: getattr(args, name) for name in ("indicators", "targets", "sources", "regions", "years")}
    if any(value is not None for value in given.values()):
        shape = Shape(args.n, **{name: value for name, value in given.items() if value is not None})
        out = args.out or Path(__file__).resolve().parent / "out" / shape.name
        try:
            targets_path, actuals_path = generate_shaped(shape, args.seed, out)
        except ValueError as e:
            parser.error(str(e))
    else:
        out = args.out or Path(__file__).resolve().parent / "out" / str(args.n)
        targets_path, actuals_path = generate(args.n, args.seed, out, args.all_targets)
    print(f"wrote {targets_path} and {actuals_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
