"""Vietnam's provinces before and after 1 July 2025: names, official codes, and which province succeeded which.

Sources (docs/regions.md): the 34 provincial units and the merger map are those of Nghị quyết
202/2025/QH15 of the National Assembly (12 June 2025) on rearranging provincial-level units,
in force for the new local governments from 1 July 2025; the city of Huế replaced the province
of Thừa Thiên Huế on 1 January 2025 (Nghị quyết 1314/NQ-UBTVQH15). Codes are the General
Statistics Office's administrative codes: the 63 former ones (Quyết định 124/2004/QĐ-TTg) and
the 34 current ones, checked against the PyPI package `vietnam-provinces` 2025.10.1.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ictgoals.i18n import tr
from ictgoals.model import NATIONAL, region_key

MERGED_ON = "2025-07-01"
HUE_ON = "2025-01-01"

#: The 34 provincial units from 1 July 2025: code, name.
CURRENT: tuple[tuple[str, str], ...] = (
    ("01", "Hà Nội"), ("04", "Cao Bằng"), ("08", "Tuyên Quang"), ("11", "Điện Biên"), ("12", "Lai Châu"),
    ("14", "Sơn La"), ("15", "Lào Cai"), ("19", "Thái Nguyên"), ("20", "Lạng Sơn"), ("22", "Quảng Ninh"),
    ("24", "Bắc Ninh"), ("25", "Phú Thọ"), ("31", "Hải Phòng"), ("33", "Hưng Yên"), ("37", "Ninh Bình"),
    ("38", "Thanh Hóa"), ("40", "Nghệ An"), ("42", "Hà Tĩnh"), ("44", "Quảng Trị"), ("46", "Huế"),
    ("48", "Đà Nẵng"), ("51", "Quảng Ngãi"), ("52", "Gia Lai"), ("56", "Khánh Hòa"), ("66", "Đắk Lắk"),
    ("68", "Lâm Đồng"), ("75", "Đồng Nai"), ("79", "Hồ Chí Minh"), ("80", "Tây Ninh"), ("82", "Đồng Tháp"),
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
    ("72", "Tây Ninh", "Tây Ninh"), ("74", "Bình Dương", "Hồ Chí Minh"), ("75", "Đồng Nai", "Đồng Nai"),
    ("77", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh"), ("79", "Hồ Chí Minh", "Hồ Chí Minh"), ("80", "Long An", "Tây Ninh"),
    ("82", "Tiền Giang", "Đồng Tháp"), ("83", "Bến Tre", "Vĩnh Long"), ("84", "Trà Vinh", "Vĩnh Long"),
    ("86", "Vĩnh Long", "Vĩnh Long"), ("87", "Đồng Tháp", "Đồng Tháp"), ("89", "An Giang", "An Giang"),
    ("91", "Kiên Giang", "An Giang"), ("92", "Cần Thơ", "Cần Thơ"), ("93", "Hậu Giang", "Cần Thơ"),
    ("94", "Sóc Trăng", "Cần Thơ"), ("95", "Bạc Liêu", "Cà Mau"), ("96", "Cà Mau", "Cà Mau"),
)  # fmt: skip

#: Other ways people write a region, folded (case, accents and spaces ignored) to its name.
ALIASES: dict[str, str] = {
    "vietnam": NATIONAL, "viet nam": NATIONAL, "toan quoc": NATIONAL, "ca nuoc": NATIONAL, "national": NATIONAL,
    "tp ho chi minh": "Hồ Chí Minh", "thanh pho ho chi minh": "Hồ Chí Minh", "tp hcm": "Hồ Chí Minh",
    "hcm": "Hồ Chí Minh", "ho chi minh city": "Hồ Chí Minh", "sai gon": "Hồ Chí Minh", "hue": "Huế",
    "thanh pho hue": "Huế", "ba ria vung tau": "Bà Rịa - Vũng Tàu", "ba ria - vung tau": "Bà Rịa - Vũng Tàu",
    "thanh hoa": "Thanh Hóa", "thanh hoá": "Thanh Hóa", "khanh hoa": "Khánh Hòa", "hoa binh": "Hòa Bình",
}  # fmt: skip


@dataclass(frozen=True)
class Region:
    """A province, city or the nation: its name, code, and, for a former one, what succeeded it and when."""

    name: str
    code: str
    current: bool
    merged_into: str | None = None
    since: str | None = None
    formed_from: tuple[str, ...] = ()


@functools.cache
def catalogue() -> tuple[Region, ...]:
    """The nation, the 34 current provinces and the 63 former ones, in that order."""
    absorbed: dict[str, list[str]] = {}
    for _, name, successor in FORMER:
        if name != successor:
            absorbed.setdefault(successor, []).append(name)
    current = [Region(name, code, True, formed_from=tuple(absorbed.get(name, ()))) for code, name in CURRENT]
    former = []
    for code, name, successor in FORMER:
        changed = successor != name or bool(absorbed.get(successor))
        since = HUE_ON if successor == "Huế" else MERGED_ON
        former.append(Region(name, code, False, successor if changed else None, since if changed else None))
    return (Region(NATIONAL, "VN", True), *current, *former)


@functools.cache
def _names() -> dict[str, str]:
    names = {region_key(r.name): r.name for r in catalogue()}
    names.update({region_key(alias): name for alias, name in ALIASES.items()})
    return names


def canonical(name: str) -> str | None:
    """The catalogue's spelling of `name` (case, accents and spacing ignored), or None if it is not there."""
    return _names().get(region_key(name))


def suggestions(name: str) -> list[str]:
    """Catalogue names close to `name`, for a "did you mean"."""
    import difflib

    names = _names()
    close = difflib.get_close_matches(region_key(name), list(names), n=5, cutoff=0.75)
    return list(dict.fromkeys(names[key] for key in close))[:3]


def did_you_mean(name: str) -> str:
    """ "Did you mean 'Trà Vinh'?" for a name close to catalogue names; "" when none is."""
    close = suggestions(name)
    return tr("Did you mean {names}?", names=tr(" or ").join(repr(c) for c in close)) if close else ""


def former(name: str) -> Region | None:
    """The former province of that name, if it merged into another or was renamed."""
    wanted = region_key(name)
    return next((r for r in catalogue() if not r.current and r.merged_into and region_key(r.name) == wanted), None)
