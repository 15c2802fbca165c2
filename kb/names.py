"""Normalised names: the form in which names and aliases are compared and searched."""

import re
import unicodedata

# Anything but a letter or a digit separates words: hyphens, apostrophes, quotes, dots.
_SEPARATORS = re.compile(r"[\W_]+")
# Arabic-script marks that vary between spellings of one name: harakat, tatweel.
_ARABIC_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")
# Letters written one way in Arabic and another in Persian, Urdu or Pashto, or with
# and without a hamza: one name typed on different keyboards. Folded to one form each.
_ARABIC_LETTERS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",  # alef with hamza or madda, alef wasla
    "ى": "ي", "ی": "ي", "ې": "ي", "ے": "ي",  # alef maqsura, Farsi / Pashto / Urdu yeh
    "ك": "ک", "ګ": "گ",  # Arabic kaf, Pashto gaf
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه",  # ta marbuta, heh goal, heh doachashmee
    "ؤ": "و", "ئ": "ي",  # hamza on a seat
})


def normalize_name(name: str) -> str:
    """Fold case, accents, punctuation and spacing so that spelling variants meet.

    "Lashkar-e-Jhangvi" and "lashkar e jhangvi" become the same string; Arabic-script
    text keeps its letters, loses its optional vowel marks and writes each letter that
    Arabic, Persian and Urdu spell differently (kaf, yeh, heh, alef with hamza) one way.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch) or _is_arabic(ch))
    text = unicodedata.normalize("NFC", text)
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)
    return _SEPARATORS.sub(" ", text.casefold()).strip()


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff"


def is_right_to_left(text: str) -> bool:
    """Whether the text is written mostly in a right-to-left script."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    rtl = sum(1 for ch in letters if unicodedata.bidirectional(ch) in ("R", "AL"))
    return rtl * 2 > len(letters)


# Transliteration keys ------------------------------------------------------------
#
# Names from Arabic, Urdu, Pashto and Persian reach English in many spellings: Lashkar-e-
# Jhangvi, Lashkar-i-Jhangvi, Lashkar e Jhangavi; al-Baghdadi, Baghdadi. What survives
# every spelling is the consonants. A name's key is its words' consonant skeletons,
# without the particles that come and go (al-, -e-, -ul-), so spellings of one name share
# a key and a name's key holds the keys of its shorter forms as whole words.

# Joining words and articles that transliterations add, drop or attach differently.
_PARTICLES = frozenset({
    "a", "ad", "al", "an", "ar", "as", "ash", "at", "az", "e", "el", "i", "ud", "ul",
    "ut", "wa", "wal", "y", "ye", "of", "the", "and", "de", "la",
})
# Pairs of letters written for one sound, and letters that stand in for each other.
_DIGRAPHS = (("ph", "f"), ("ck", "k"), ("q", "k"), ("w", "v"), ("z", "s"))
# An h after a consonant marks aspiration or a sound English spells with two letters
# (kh, gh, sh, jh, dh, bh …), and transliterations keep or drop it at will.
_ASPIRATED = re.compile(r"(?<=[bcdfgjklmnprstvxz])h")
_VOWELS = re.compile(r"[aeiouy]+")
_REPEATS = re.compile(r"(.)\1+")
_LATIN_WORD = re.compile(r"^[a-z]+$")


def name_key(name: str) -> str:
    """The transliteration key of a name: consonant skeletons of its words.

    ``name_key("Lashkar-e-Jhangvi") == name_key("Lashkar i Jhangavi") == "lskr jhngv"``.
    Words in other scripts, and words with digits, are kept as ``normalize_name`` has
    them. A word that starts with a vowel keeps one ``a`` for it, so "Islam" and "Eslam"
    meet but "Islam" and "Salam" do not. The key is empty when nothing is left.
    """
    words = []
    for word in normalize_name(name).split():
        if word in _PARTICLES:
            continue
        if not _LATIN_WORD.match(word):
            words.append(word)
            continue
        for written, sound in _DIGRAPHS:
            word = word.replace(written, sound)
        word = _ASPIRATED.sub("", word)
        head, tail = word[0], word[1:]
        if head in "aeiouy":
            head = "a"
        skeleton = _REPEATS.sub(r"\1", head + _VOWELS.sub("", tail))
        words.append(skeleton)
    return " ".join(words)
