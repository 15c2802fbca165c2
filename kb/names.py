"""Normalised names: the form in which names and aliases are compared and searched."""

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_'’‘`ʼʻ.,/()\[\]]+")
# Arabic-script marks that vary between spellings of one name: harakat, tatweel.
_ARABIC_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")


def normalize_name(name: str) -> str:
    """Fold case, accents, punctuation and spacing so that spelling variants meet.

    "Lashkar-e-Jhangvi" and "lashkar e jhangvi" become the same string; Arabic-script
    text keeps its letters and loses only its optional vowel marks.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch) or _is_arabic(ch))
    text = _ARABIC_MARKS.sub("", text)
    text = _SEPARATORS.sub(" ", text.casefold())
    return unicodedata.normalize("NFC", text).strip()


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff"


def is_right_to_left(text: str) -> bool:
    """Whether the text is written mostly in a right-to-left script."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    rtl = sum(1 for ch in letters if unicodedata.bidirectional(ch) in ("R", "AL"))
    return rtl * 2 > len(letters)
