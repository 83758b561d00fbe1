"""Which language a report is written in, from its function words, and so how it writes its numbers.

English wire copy carries Vietnamese names and "VNĐ", so a Vietnamese letter says nothing: the
words that glue sentences together do ("the", "of", "and" against "của", "và", "các"). Only the
first LOOK characters are read.
"""

from __future__ import annotations

import re

from ictgoals.numbers import Convention

LOOK = 20_000

_ENGLISH_WORDS = (
    "the of and to in is was were are has have had for with on at by from that which this its it as "
    "per cent percent million billion said will would than up"
)
_VIETNAMESE_WORDS = (
    "của và các được có đã trong với là cho đạt những này năm theo tại đến từ một về người số tỷ lệ "
    "trên cả nước sẽ đang như khi"
)
_ENGLISH = frozenset(_ENGLISH_WORDS.split())
_VIETNAMESE = frozenset(_VIETNAMESE_WORDS.split())
_WORD = re.compile(r"[^\W\d_]+")


def language(text: str) -> Convention:
    """Vietnamese or English: whichever language's function words the text uses more."""
    english = vietnamese = 0
    for match in _WORD.finditer(text, 0, LOOK):
        word = match.group().casefold()
        if word in _ENGLISH:
            english += 1
        elif word in _VIETNAMESE:
            vietnamese += 1
    return Convention.ENGLISH if english > vietnamese else Convention.VIETNAMESE


#: English word numbers as press copy writes them ("ninety per cent", "placed fifth").
_CARDINAL_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
)
_ORDINAL_WORDS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
_TENS = "thirty forty fifty sixty seventy eighty ninety"
CARDINALS = {word: value for value, word in enumerate(_CARDINAL_WORDS.split())}
CARDINALS |= {word: 10 * value for value, word in enumerate(_TENS.split(), start=3)} | {"hundred": 100}
ORDINALS = {word: value for value, word in enumerate(_ORDINAL_WORDS.split())}


def word_number(words: str) -> float | None:
    """The value of an English cardinal in words ("ninety", "twenty-five", "a hundred"), or None."""
    parts = words.casefold().replace("-", " ").split()
    if not parts or any(part not in CARDINALS and part != "a" for part in parts):
        return None
    total = 0
    for part in parts:
        if part == "hundred":
            total = max(total, 1) * 100
        elif part != "a":
            total += CARDINALS[part]
    return float(total)
