"""What the spam filter reads in a text: tokens, links, contact handles, script, language.

Pure functions shared by training (``train_spam``), the live filter and ``spam_eval``,
so a comment is read the same way wherever it is judged. Nothing here touches the
database or the network.
"""

import hashlib
import html
import re
import unicodedata
import zlib
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import urlsplit

# Longer texts are cut before analysis: the form refuses them anyway, and the cost of a
# decision must not grow with what an attacker sends.
MAX_ANALYSED_CHARS = 6000

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def normalise(text: str) -> str:
    """Undo HTML escaping, drop byte-order marks, fold compatibility characters.

    The public corpora keep the YouTube API's entities, ``<br />`` and a trailing U+FEFF
    whose presence differs between classes (a collection artefact); training and
    prediction normalise alike so that none of it becomes evidence.
    """
    text = html.unescape(text[:MAX_ANALYSED_CHARS]).replace("\ufeff", "")
    text = _BR.sub("\n", text)
    return unicodedata.normalize("NFKC", text).strip()


def fingerprint(text: str) -> str:
    """A digest of the text in which case and spacing do not count: repeats match."""
    folded = " ".join(normalise(text).casefold().split())
    return hashlib.sha256(folded.encode()).hexdigest()


def shingles(text: str) -> frozenset[int]:
    """Hashes of the text's overlapping word pairs (single words for very short texts).

    Two comments that share most of them say nearly the same thing; ``zlib.crc32``
    rather than ``hash`` so that every process agrees.
    """
    folded = URL_RE.sub(" url ", normalise(text)).casefold()
    words = [w[:MAX_WORD] for w in _TOKEN.findall(folded)]
    units = words if len(words) < 3 else [f"{a} {b}" for a, b in pairwise(words)]
    return frozenset(zlib.crc32(u.encode()) for u in units)


# Links ----------------------------------------------------------------------------

# Bare domains are recognised only under common top-level domains, so that "e.g." or
# "attack.The" are not taken for links.
_TLDS = (
    "com|net|org|info|biz|xyz|top|shop|store|site|online|live|club|io|co|me|ly|gl|gd|"
    "ws|cc|tk|ml|ga|cf|gq|ru|br|in|pk|uk|ae|ng|id|vn|win|bet|casino|link|click|loan|"
    "pharmacy|finance|travel|blog|news|tv|fm|us|de|fr|es|it|nl|pl|cn|jp|kr|au|ca"
)
URL_RE = re.compile(
    r"(?i)\b(?:https?://[^\s<>\"'\]\[]+|www\.[^\s<>\"'\]\[]+"
    rf"|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS})\b(?:/[^\s<>\"'\]\[]*)?)"
)
_TRAILING = ".,;:!?)»”’'\""

# Services that hide where a link leads.
SHORTENERS = frozenset({
    "bit.ly", "goo.gl", "tinyurl.com", "t.co", "ow.ly", "is.gd", "buff.ly", "cutt.ly",
    "rebrand.ly", "shorturl.at", "rb.gy", "tiny.cc", "bl.ink", "s.id", "v.gd", "t.ly",
    "lnkd.in", "adf.ly", "shorte.st", "bitly.com", "linktr.ee",
})


@dataclass(frozen=True)
class Link:
    url: str
    host: str


def strip_trailing(url: str) -> str:
    """A URL without the punctuation that ends the sentence around it."""
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def host_of(url: str) -> str:
    """The lower-case host of a URL, without ``www.`` or a port; "" if there is none."""
    if "://" not in url:
        url = "http://" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def links(text: str) -> list[Link]:
    found = []
    for match in URL_RE.finditer(text):
        url = strip_trailing(match.group(0))
        host = host_of(url)
        if host:
            found.append(Link(url, host))
    return found


def host_matches(host: str, domains) -> bool:
    """Whether ``host`` is one of ``domains`` or a subdomain of one."""
    parts = host.split(".")
    return any(".".join(parts[i:]) in domains for i in range(len(parts) - 1))


# Contact handles ------------------------------------------------------------------

_PHONE = re.compile(r"(?<![\w/.=-])\+?\(?\d[\d ().-]{7,20}\d(?![\w/-])")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_EMAIL = re.compile(r"(?i)\b[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b")
_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z][A-Za-z0-9_.]{3,}")
_MESSENGER_LINK = re.compile(r"(?i)\b(?:wa\.me|t\.me|telegram\.me|chat\.whatsapp\.com)/\S+")
_MESSENGER = re.compile(r"(?i)\b(?:whats\s?app|telegram|viber|wechat|signal app|imo)\b")


def phone_numbers(text: str) -> list[str]:
    """Runs of 9 to 15 digits that read as a telephone number, not as years or figures."""
    numbers = []
    for match in _PHONE.finditer(text):
        raw = match.group(0)
        digits = re.sub(r"\D", "", raw)
        if not 9 <= len(digits) <= 15:
            continue
        groups = re.findall(r"\d+", raw)
        if all(_YEAR.match(g) or len(g) <= 2 for g in groups):
            continue  # "2014 2015 2016", "12.05.2019"
        if re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", raw.strip()):
            continue
        numbers.append(raw.strip())
    return numbers


@dataclass(frozen=True)
class Contacts:
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    messenger_links: tuple[str, ...] = ()
    messenger_named: bool = False


def contacts(text: str) -> Contacts:
    emails = tuple(_EMAIL.findall(text))
    without_emails = _EMAIL.sub(" ", text)
    return Contacts(
        phones=tuple(phone_numbers(without_emails)),
        emails=emails,
        handles=tuple(_HANDLE.findall(without_emails)),
        messenger_links=tuple(_MESSENGER_LINK.findall(text)),
        messenger_named=bool(_MESSENGER.search(text)),
    )


# Script and language --------------------------------------------------------------

_SCRIPT_PREFIXES = (
    ("LATIN", "Latn"), ("ARABIC", "Arab"), ("CYRILLIC", "Cyrl"), ("DEVANAGARI", "Deva"),
    ("CJK", "Hani"), ("HIRAGANA", "Jpan"), ("KATAKANA", "Jpan"), ("HANGUL", "Kore"),
    ("THAI", "Thai"), ("HEBREW", "Hebr"), ("GREEK", "Grek"), ("SINHALA", "Sinh"),
    ("TAMIL", "Taml"), ("BENGALI", "Beng"), ("GURMUKHI", "Guru"),
)


def _script_of(char: str) -> str:
    name = unicodedata.name(char, "")
    for prefix, code in _SCRIPT_PREFIXES:
        if name.startswith(prefix):
            return code
    return "Zyyy"


def scripts(text: str) -> dict[str, float]:
    """The share of letters in each script (ISO 15924 codes), largest first."""
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            code = "Latn" if char.isascii() else _script_of(char)
            counts[code] = counts.get(code, 0) + 1
    total = sum(counts.values()) or 1
    return dict(sorted(((k, v / total) for k, v in counts.items()), key=lambda kv: -kv[1]))


# Frequent function words: enough to tell the common languages of comment spam apart.
_STOPWORDS = {
    "en": "the and of to in is that it for was on with as by this are be have not but "
          "you they from at his an or which their has were had been we what there who",
    "pt": "de que não em um uma os no na para com por se mais como mas ao dos das seu sua "
          "você muito também isso este esta pelo pela foi ser são está aqui leia e o a as nosso "
          "nossa hoje mesmo seus suas",
    "es": "el la de que y en los las del por con una para es se lo como más pero sus le "
          "muy también este esta desde aquí tu tus haz",
    "fr": "le la les de des et est une en du que pour dans qui pas sur au avec ce cette "
          "vous nous votre vos sont",
    "de": "der die das und ist nicht ein eine zu den mit von sie auch auf für sich dem "
          "des wir ihr",
    "it": "il lo la di che non una per con del della sono gli le ma anche questo ora",
    "id": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke bisa ada "
          "kami sekarang kunjungi situs",
    "nl": "de het een en van in is dat op te zijn niet met voor",
    "tr": "ve bir bu da de için ile çok ne daha gibi ama",
}
_STOPWORD_SETS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def language(text: str) -> str:
    """A best guess at the language of Latin-script text, or "" when unsure."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < 4:
        return ""
    hits = sorted(
        ((sum(w in stop for w in words), lang) for lang, stop in _STOPWORD_SETS.items()),
        reverse=True,
    )
    (best, lang), (second, _) = hits[0], hits[1]
    if best >= 2 and best >= 1.5 * second and best / len(words) >= 0.08:
        return lang
    return ""


# Classifier tokens ----------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*|[$€£₹]|!{2,}|\?{2,}")
MAX_WORD = 24


def _word_token(word: str) -> str:
    if word.isdigit():
        return f"#{len(word) if len(word) < 5 else 'n'}"
    return word[:MAX_WORD]


def tokens(text: str, *, char_ngrams: tuple[int, ...] = (4,)) -> set[str]:
    """The classifier's features of a normalised text, as a set.

    Word unigrams and bigrams (case-folded; numbers by their length), a mark for shouted
    text, and character n-grams of every word padded with spaces, which survive the
    spelling games of spam ("ch3ck", "subscribeee"). Links are left out: the link layer
    judges them against the site's sources, and counting them here too would count
    them twice.
    """
    features: set[str] = set()
    text_wo_links = URL_RE.sub(" ", text)
    letters = [c for c in text_wo_links if c.isalpha()]
    if len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.6:
        features.add("shouting")
    words = [_word_token(w) for w in _TOKEN.findall(text_wo_links.casefold())]
    features.update(words)
    features.update(f"{a} {b}" for a, b in pairwise(words))
    for word in set(words):
        if len(word) < 3 or word.startswith("#"):
            continue
        padded = f" {word} "
        for n in char_ngrams:
            if n < len(padded):
                features.update(f"~{padded[i:i + n]}" for i in range(len(padded) - n + 1))
    return features


# News outlets and reference sites that a research site on political violence cites as
# a matter of course; trusted like the domains of the site's own sources. Extend it with
# the KB["SPAM"]["TRUSTED_DOMAINS"] setting.
REFERENCE_DOMAINS = frozenset({
    "dawn.com", "tribune.com.pk", "thenews.com.pk", "geo.tv", "nation.com.pk",
    "thefridaytimes.com", "brecorder.com", "arynews.tv", "reuters.com", "apnews.com",
    "afp.com", "bbc.co.uk", "bbc.com", "aljazeera.com", "theguardian.com", "nytimes.com",
    "washingtonpost.com", "wsj.com", "ft.com", "economist.com", "independent.co.uk",
    "france24.com", "dw.com", "voanews.com", "rferl.org", "thediplomat.com",
    "thehindu.com", "ndtv.com", "indianexpress.com", "hindustantimes.com",
    "english.alarabiya.net", "asiatimes.com", "longwarjournal.org", "ctc.westpoint.edu",
    "crisisgroup.org", "carnegieendowment.org", "brookings.edu", "rand.org", "hrw.org",
    "amnesty.org", "un.org", "state.gov", "gov.uk", "start.umd.edu", "acleddata.com",
    "ucdp.uu.se", "wikipedia.org", "wikidata.org", "archive.org", "archive.ph",
    "archive.today", "nacta.gov.pk", "ispr.gov.pk", "pakpips.com", "extremism.gwu.edu",
    "cisac.fsi.stanford.edu", "jamestown.org", "csis.org", "icct.nl", "cfr.org",
})


# The stock phrases of comment spam that praises "your blog" to place its author's
# link: about the site as a website, never about its subject.
_BOILERPLATE = [
    r"\bblog(?:s|ger|ging|roll)?\b", r"\bweblog\b", r"\bweb ?site\b",
    r"\byour (?:site|page)\b", r"\bbookmark(?:ed|ing)?\b|\bbook-marked\b", r"\brss\b",
    r"\b(?:your|this) (?:post|posts|write-?up)\b",
    r"\bkeep (?:it|this) (?:up|going)\b|\bkeep (?:up the|on)\b",
    r"\b(?:thanks|thank you) for (?:sharing|putting|the (?:nice|great) )",
    r"\bkeep (?:sharing|posting|writing)\b", r"\binfos?\b", r"\bstumble ?upon\b",
    r"\bwhat i was (?:looking|searching) for\b", r"\bcame across\b|\bfound your\b",
    r"\bsubscrib(?:e|ed|ing) to your\b|\byour feed\b", r"\bgoogle\b",
    r"\bwordpress\b",
    r"\b(?:nice|great|awesome|wonderful|excellent|informative) "
    r"(?:post|blog|site|article|content|read)\b",
]
_BOILERPLATE_RE = [re.compile(p, re.IGNORECASE) for p in _BOILERPLATE]


def boilerplate(text: str) -> list[str]:
    """The stock phrases of blog-comment spam in ``text``, each once."""
    found = []
    for pattern in _BOILERPLATE_RE:
        match = pattern.search(text)
        if match:
            found.append(match.group(0).lower())
    return found


# The sales talk of commercial spam; one hit is a hint, several are a pitch.
_PITCH = [
    r"\bcheap(?:est|ly)?\b", r"\b\d{1,3} ?% (?:off|discount|bonus|commission|profit|apy)\b",
    r"\bdiscount\b", r"\bfree (?:trial|spins?|gift|recharge|entry|consultation|audit|quote)\b",
    r"\b(?:earn|make|making|get paid)\b.{0,20}\b(?:money|income|cash|daily|per day|a day|week)\b",
    r"\bpassive income\b|\bfrom (?:your )?home\b", r"\bclick (?:here|aquí|aqui|below)\b",
    r"\b(?:visit|check out|subscribe to|follow) (?:my|our)\b|\bmy (?:channel|page|blog|site)\b",
    r"\b(?:casino|slots?|jackpot|betting|forex|bitcoin|btc|crypto|viagra|cialis|escort|"
    r"lottery|airdrop|presale|judi|togel)\b",
    r"\bloans?\b.{0,30}\b(?:interest|approved|credit|cash)\b|\binterest rate\b",
    r"\bguaranteed?\b.{0,20}\b(?:results?|returns?|profit|page|visa|accuracy)\b",
    r"\bpromo(?:tion)? code\b|\buse (?:my )?code\b|\breferral\b|\bsign ?up (?:now|today|bonus)\b",
    r"\bour (?:company|agency|services?|products?|website|store|shop|writers|experts?|course)\b",
    r"\b(?:order|buy|shop|register|join|apply|call|sign up) (?:now|today)\b",
    r"\blimited (?:offer|time)\b",
    r"[$€£₹] ?\d[\d,.]*\b|\b\d[\d,.]* ?(?:usd|dollars|aed|btc|eth)\b",
    r"\b(?:ganhar|ganar|guadagna|dinheiro|dinero|gratuito|gratis|grátis|descuento|desconto)\b",
]
_PITCH_RE = [re.compile(p, re.IGNORECASE) for p in _PITCH]


def sales_pitch(text: str) -> list[str]:
    """The phrases of commercial spam in ``text``, each pattern once."""
    found = []
    for pattern in _PITCH_RE:
        match = pattern.search(text)
        if match:
            found.append(match.group(0).lower())
    return found
