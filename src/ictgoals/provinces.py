"""Vietnam's provinces before and after 1 July 2025: names, official codes, and which province succeeded which.

Sources (docs/regions.md): the 34 provincial units and the merger map are those of Nghị quyết
202/2025/QH15 of the National Assembly (12 June 2025) on rearranging provincial-level units,
in force for the new local governments from 1 July 2025. The province of Thừa Thiên Huế became
the centrally-run city of Huế on 1 January 2025 (Nghị quyết 175/2024/QH15): a change of status
on the same territory and code, not a merger. Codes are the General Statistics Office's
administrative codes: the 63 former ones (Quyết định 124/2004/QĐ-TTg) and the 34 current ones,
checked against the PyPI package `vietnam-provinces` 2025.10.1.

A unit is a name with a period of validity: Vĩnh Long before 1 July 2025 and the Vĩnh Long formed
that day with Bến Tre and Trà Vinh share a name and a code but not a territory. Figures for years
up to 2024 are taken to be for the unit before, from 2025 for the unit after, unless an entry
says otherwise (`territory`); a code means the unit that held it on the day asked about.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ictgoals.i18n import tr
from ictgoals.model import NATIONAL, Territory, region_key
from ictgoals.values import Value

MERGED_ON = "2025-07-01"
MERGED_UNTIL = "2025-06-30"
#: The last year whose figures are taken to be for the provinces as they were before MERGED_ON.
LAST_YEAR_BEFORE = 2024
HUE = "Huế"
HUE_ON = "2025-01-01"  # Nghị quyết 175/2024/QH15: Thừa Thiên Huế becomes the centrally-run city of Huế
HUE_FORMERLY = "Thừa Thiên Huế"
HCMC = "Thành phố Hồ Chí Minh"

#: The 34 provincial units from 1 July 2025: code, name.
CURRENT: tuple[tuple[str, str], ...] = (
    ("01", "Hà Nội"), ("04", "Cao Bằng"), ("08", "Tuyên Quang"), ("11", "Điện Biên"), ("12", "Lai Châu"),
    ("14", "Sơn La"), ("15", "Lào Cai"), ("19", "Thái Nguyên"), ("20", "Lạng Sơn"), ("22", "Quảng Ninh"),
    ("24", "Bắc Ninh"), ("25", "Phú Thọ"), ("31", "Hải Phòng"), ("33", "Hưng Yên"), ("37", "Ninh Bình"),
    ("38", "Thanh Hóa"), ("40", "Nghệ An"), ("42", "Hà Tĩnh"), ("44", "Quảng Trị"), ("46", "Huế"),
    ("48", "Đà Nẵng"), ("51", "Quảng Ngãi"), ("52", "Gia Lai"), ("56", "Khánh Hòa"), ("66", "Đắk Lắk"),
    ("68", "Lâm Đồng"), ("75", "Đồng Nai"), ("79", "Thành phố Hồ Chí Minh"), ("80", "Tây Ninh"), ("82", "Đồng Tháp"),
    ("86", "Vĩnh Long"), ("91", "An Giang"), ("92", "Cần Thơ"), ("96", "Cà Mau"),
)  # fmt: skip

#: The 63 provincial units before: code, name, the current unit it became part of (or continues as).
FORMER: tuple[tuple[str, str, str], ...] = (
    ("01", "Hà Nội", "Hà Nội"), ("02", "Hà Giang", "Tuyên Quang"), ("04", "Cao Bằng", "Cao Bằng"),
    ("06", "Bắc Kạn", "Thái Nguyên"), ("08", "Tuyên Quang", "Tuyên Quang"), ("10", "Lào Cai", "Lào Cai"),
    ("11", "Điện Biên", "Điện Biên"), ("12", "Lai Châu", "Lai Châu"), ("14", "Sơn La", "Sơn La"),
    ("15", "Yên Bái", "Lào Cai"), ("17", "Hòa Bình", "Phú Thọ"), ("19", "Thái Nguyên", "Thái Nguyên"),
    ("20", "Lạng Sơn", "Lạng Sơn"), ("22", "Quảng Ninh", "Quảng Ninh"), ("24", "Bắc Giang", "Bắc Ninh"),
    ("25", "Phú Thọ", "Phú Thọ"), ("26", "Vĩnh Phúc", "Phú Thọ"), ("27", "Bắc Ninh", "Bắc Ninh"),
    ("30", "Hải Dương", "Hải Phòng"), ("31", "Hải Phòng", "Hải Phòng"), ("33", "Hưng Yên", "Hưng Yên"),
    ("34", "Thái Bình", "Hưng Yên"), ("35", "Hà Nam", "Ninh Bình"), ("36", "Nam Định", "Ninh Bình"),
    ("37", "Ninh Bình", "Ninh Bình"), ("38", "Thanh Hóa", "Thanh Hóa"), ("40", "Nghệ An", "Nghệ An"),
    ("42", "Hà Tĩnh", "Hà Tĩnh"), ("44", "Quảng Bình", "Quảng Trị"), ("45", "Quảng Trị", "Quảng Trị"),
    ("46", "Thừa Thiên Huế", "Huế"), ("48", "Đà Nẵng", "Đà Nẵng"), ("49", "Quảng Nam", "Đà Nẵng"),
    ("51", "Quảng Ngãi", "Quảng Ngãi"), ("52", "Bình Định", "Gia Lai"), ("54", "Phú Yên", "Đắk Lắk"),
    ("56", "Khánh Hòa", "Khánh Hòa"), ("58", "Ninh Thuận", "Khánh Hòa"), ("60", "Bình Thuận", "Lâm Đồng"),
    ("62", "Kon Tum", "Quảng Ngãi"), ("64", "Gia Lai", "Gia Lai"), ("66", "Đắk Lắk", "Đắk Lắk"),
    ("67", "Đắk Nông", "Lâm Đồng"), ("68", "Lâm Đồng", "Lâm Đồng"), ("70", "Bình Phước", "Đồng Nai"),
    ("72", "Tây Ninh", "Tây Ninh"), ("74", "Bình Dương", "Thành phố Hồ Chí Minh"), ("75", "Đồng Nai", "Đồng Nai"),
    ("77", "Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh"),
    ("79", "Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"), ("80", "Long An", "Tây Ninh"),
    ("82", "Tiền Giang", "Đồng Tháp"), ("83", "Bến Tre", "Vĩnh Long"), ("84", "Trà Vinh", "Vĩnh Long"),
    ("86", "Vĩnh Long", "Vĩnh Long"), ("87", "Đồng Tháp", "Đồng Tháp"), ("89", "An Giang", "An Giang"),
    ("91", "Kiên Giang", "An Giang"), ("92", "Cần Thơ", "Cần Thơ"), ("93", "Hậu Giang", "Cần Thơ"),
    ("94", "Sóc Trăng", "Cần Thơ"), ("95", "Bạc Liêu", "Cà Mau"), ("96", "Cà Mau", "Cà Mau"),
)  # fmt: skip

#: Other ways people write a region, folded by `_key` (case, accents, dots, dashes and the prefixes
#: "Tỉnh", "Thành phố", "TP" ignored), to its catalogue name.
ALIASES: dict[str, str] = {
    "vietnam": NATIONAL, "viet nam": NATIONAL, "toan quoc": NATIONAL, "ca nuoc": NATIONAL, "national": NATIONAL,
    "hcm": HCMC, "tphcm": HCMC, "hcmc": HCMC, "ho chi minh city": HCMC, "sai gon": HCMC, "saigon": HCMC,
    "ba ria vung tau": "Bà Rịa - Vũng Tàu", "brvt": "Bà Rịa - Vũng Tàu", "br vt": "Bà Rịa - Vũng Tàu",
    "bac can": "Bắc Kạn", "dak lac": "Đắk Lắk", "daklak": "Đắk Lắk", "dak nong": "Đắk Nông", "kontum": "Kon Tum",
    "thua thien": HUE_FORMERLY, "tth": HUE_FORMERLY, "thu do ha noi": "Hà Nội", "hn": "Hà Nội",
}  # fmt: skip

#: Dots and dashes people write in names ("TP.HCM", "Bà Rịa – Vũng Tàu"): read as spaces.
_PUNCTUATION = str.maketrans(dict.fromkeys(".-–—", " "))
#: Administrative words people put before a province's name.
_PREFIXES = ("thanh pho ", "tp ", "tinh ", "thu do ")


@dataclass(frozen=True, eq=False, repr=False)
class Region(Value):
    """A province, city or the nation: its name, code, and, for a former one, what succeeded it and when."""

    name: str
    code: str
    current: bool
    merged_into: str | None = None
    since: str | None = None
    formed_from: tuple[str, ...] = ()
    became: str | None = None  # a name the same unit took without a merger (Thừa Thiên Huế: Huế)
    valid_from: str | None = None  # the first day of this unit under this name, when it has one
    valid_until: str | None = None  # the last day of it, when it has one

    def valid_on(self, day: str) -> bool:
        """Whether this unit, under this name, existed on `day` (YYYY-MM-DD)."""
        return (self.valid_from or "") <= day and (self.valid_until is None or day <= self.valid_until)


@functools.cache
def catalogue() -> tuple[Region, ...]:
    """The nation, the 34 current provinces and the 63 former ones, in that order."""
    absorbed: dict[str, list[str]] = {}
    for _, name, successor in FORMER:
        if name != successor and name != HUE_FORMERLY:
            absorbed.setdefault(successor, []).append(name)
    current = []
    for code, name in CURRENT:
        joined = tuple(absorbed.get(name, ()))
        start = HUE_ON if name == HUE else MERGED_ON if joined else None
        current.append(Region(name, code, True, formed_from=joined, valid_from=start))
    former = []
    for code, name, successor in FORMER:
        if name == HUE_FORMERLY:  # a change of status on the same territory and code, not a merger
            former.append(Region(name, code, False, since=HUE_ON, became=HUE, valid_until="2024-12-31"))
            continue
        changed = successor != name or bool(absorbed.get(successor))
        until = MERGED_UNTIL if changed else None
        former.append(Region(name, code, False, successor if changed else None, MERGED_ON if changed else None,
                             valid_until=until))  # fmt: skip
    return (Region(NATIONAL, "VN", True), *current, *former)


@functools.lru_cache(maxsize=4096)
def _key(name: str) -> str:
    """A region name folded for matching: case, accents, dots, dashes and administrative prefixes ignored."""
    folded = " ".join(region_key(name).translate(_PUNCTUATION).split())
    for prefix in _PREFIXES:
        if folded.startswith(prefix) and len(folded) > len(prefix):
            return folded[len(prefix) :]
    return folded


@functools.cache
def _names() -> dict[str, str]:
    names = {_key(r.name): r.name for r in catalogue()}
    names.update({_key(alias): name for alias, name in ALIASES.items()})
    return names


def canonical(name: str) -> str | None:
    """The catalogue's spelling of `name`, as people write it ("TP.HCM", "Tỉnh Trà Vinh", "tra vinh"),
    or None if it is not there."""
    return _names().get(_key(name))


def suggestions(name: str) -> list[str]:
    """Catalogue names close to `name`, for a "did you mean"."""
    import difflib

    names = _names()
    close = difflib.get_close_matches(_key(name), list(names), n=5, cutoff=0.75)
    return list(dict.fromkeys(names[key] for key in close))[:3]


def did_you_mean(name: str) -> str:
    """ "Did you mean 'Trà Vinh'?" for a name close to catalogue names; "" when none is."""
    close = suggestions(name)
    return tr("Did you mean {names}?", names=tr(" or ").join(repr(c) for c in close)) if close else ""


def former(name: str) -> Region | None:
    """The former province of that name, if it merged into another or took another name."""
    wanted = _key(name)
    return next(
        (r for r in catalogue() if not r.current and (r.merged_into or r.became) and _key(r.name) == wanted), None
    )


@functools.cache
def _changed_names() -> frozenset[str]:
    """The names of the provinces whose territory changed on 1 July 2025 while the name went on (Vĩnh Long)."""
    return frozenset(_key(r.name) for r in catalogue() if r.current and r.formed_from)


def entries(name: str) -> tuple[Region, ...]:
    """The region catalogue's entries for a name: a former province, a current one, or both (Vĩnh Long is the
    name of one before 1 July 2025 and of the province formed then); none for the nation or a region of the
    data's own."""
    if name == NATIONAL:
        return ()
    wanted = region_key(name)
    return tuple(r for r in catalogue() if region_key(r.name) == wanted)


def territory_changed(name: str) -> bool:
    """Whether `name` is a province whose territory changed on 1 July 2025 under the same name."""
    return _key(name) in _changed_names()


def territory_of(name: str, year: int, given: Territory | None = None) -> Territory | None:
    """Which unit a figure or target of `name` for `year` is about: `given`, else by year (up to 2024 the
    province as it was, from 2025 as it is); None for a region whose territory never changed under its name."""
    if not territory_changed(name):
        return None
    if given is not None:
        return given
    return Territory.FORMER if year <= LAST_YEAR_BEFORE else Territory.CURRENT


def same_unit(name: str) -> tuple[str, ...]:
    """Every name one unit has had, `name` first: Huế and Thừa Thiên Huế are one city; others, one name."""
    if _key(name) in (_key(HUE), _key(HUE_FORMERLY)):
        return (name, *(n for n in (HUE, HUE_FORMERLY) if _key(n) != _key(name)))
    return (name,)


def by_code(code: str, when: str | int) -> Region | None:
    """The unit that held an administrative `code` on a day (YYYY-MM-DD), or in a year: up to 2024 the codes
    before 1 July 2025, from 2025 the codes after (code 15 is Yên Bái in 2024, Lào Cai in 2025)."""
    day = when if isinstance(when, str) else f"{when}-12-31" if when <= LAST_YEAR_BEFORE else f"{when}-{MERGED_ON[5:]}"
    found = [r for r in catalogue() if r.code == code and r.valid_on(day)]
    return next((r for r in found if r.current), found[0] if found else None)
