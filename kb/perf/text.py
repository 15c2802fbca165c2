"""Synthetic prose whose word frequencies follow Zipf's law, as real prose does.

Full-text search cost depends on how often each word occurs: a small, uniform vocabulary
makes every term "common" and search look far slower than on real text. The vocabulary
here has over 20,000 invented words ranked below English function words and the real
words of the field (places, weapons, targets), and words are drawn with probability
proportional to ``1 / rank ** ZIPF_EXPONENT``.

Drawing each word costs a bisection, so a pool of sentences is drawn once and texts
are assembled from randomly chosen sentences: the word distribution is unchanged and
a 5,000-word profile costs a few hundred list look-ups.
"""

from __future__ import annotations

import random
from itertools import accumulate

from kb.perf.world import CITY_WORDS, COUNTRY_NAMES

ZIPF_EXPONENT = 1.05
SYNTHETIC_WORDS = 20_500
POOL_SENTENCES = 40_000


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FUNCTION_WORDS = _words(
    "the of and to in a was were by that for on with at from as his their it is an which "
    "had have be this its not or after they who he are been also but has said into more "
    "than other over while during when two three one against about between under later "
    "before most many first some near since according these those"
)
DOMAIN_WORDS = _words(
    "attack attacks militants killed wounded group groups police security forces "
    "government army soldiers civilians province district city leader leaders members "
    "claimed responsibility suspected arrested fighters commander operation operations "
    "bombing explosion blast gunmen insurgents officials authorities statement report "
    "network faction splinter affiliate alliance movement organisation recruitment "
    "funding training camp border region village checkpoint convoy patrol ambush raid "
    "kidnapping hostages assassination attacker attackers casualties victims injured dead "
    "death funeral election rally protest sectarian minority shia sunni jihadist "
    "separatist insurgency campaign offensive ceasefire negotiations court sentenced "
    "trial prison escaped emir spokesman propaganda video claim amaq telegram"
)
WEAPON_WORDS = _words(
    "explosives firearms grenade grenades rifle rifles rocket rockets mortar ied vest "
    "detonator pistol kalashnikov machine gun truck bomb car motorcycle landmine "
    "incendiary knife arson"
)
TARGET_WORDS = _words(
    "police station military base school university mosque shrine church temple bus "
    "market bazaar hotel consulate embassy hospital airport pipeline railway bridge "
    "polling journalists workers pilgrims tribal elders checkpoint courthouse"
)

# Mostly single letters, so invented words average about five letters, as English ones do.
_ONSETS = [*"bdfghjklmnprstvwz", *"bdklmnrst", "sh", "kh", "th", "ch", "br", "st"]
_VOWELS = [*"aeiou", *"aaeiou", "ai", "ou"]
_CODAS = ["", "", "", "", "", "", "n", "r", "l", "m", "s", "t", "k", "h"]


def _synthetic_words(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    words: list[str] = []
    seen = set(taken)
    while len(words) < count:
        syllables = rng.choice((1, 2, 2, 2, 2, 3, 3, 4))
        word = "".join(
            rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
            for _ in range(syllables)
        )
        if len(word) > 2 and word not in seen:
            seen.add(word)
            words.append(word)
    return words


def ranked_vocabulary(rng: random.Random) -> list[str]:
    """Every word, most frequent first: function words, then field words among invented ones."""
    real = list(dict.fromkeys(
        [*DOMAIN_WORDS, *WEAPON_WORDS, *TARGET_WORDS, *CITY_WORDS, *COUNTRY_NAMES]
    ))
    real = [w for w in real if w not in FUNCTION_WORDS]
    invented = _synthetic_words(rng, SYNTHETIC_WORDS, set(real) | set(FUNCTION_WORDS))
    # Frequent words are short in every language (Zipf's law of abbreviation).
    invented.sort(key=len)
    ranked = list(FUNCTION_WORDS)
    # Field words take ranks between 80 and a few thousand, as in a specialised corpus.
    spacing = 6
    for i, word in enumerate(real):
        ranked.extend(invented[i * spacing:(i + 1) * spacing])
        ranked.append(word)
    ranked.extend(invented[len(real) * spacing:])
    return ranked


class TextPool:
    """Zipf-distributed sentences, and texts of a requested length built from them."""

    def __init__(self, seed: int, sentences: int = POOL_SENTENCES):
        rng = random.Random(seed)
        self.vocabulary = ranked_vocabulary(rng)
        cum = list(accumulate(1.0 / (rank + 1) ** ZIPF_EXPONENT
                              for rank in range(len(self.vocabulary))))
        lengths = [rng.randint(6, 24) for _ in range(sentences)]
        words = rng.choices(self.vocabulary, cum_weights=cum, k=sum(lengths))
        self.sentences: list[str] = []
        self.lengths = lengths
        at = 0
        for n in lengths:
            chunk = words[at:at + n]
            at += n
            chunk[0] = chunk[0].capitalize()
            self.sentences.append(" ".join(chunk) + ".")
        self.rare_words = self.vocabulary[-2000:]

    def sentence_run(self, rng: random.Random, n_words: int) -> tuple[list[str], int]:
        out, total = [], 0
        pick, size = rng.randrange, len(self.sentences)
        while total < n_words:
            i = pick(size)
            out.append(self.sentences[i])
            total += self.lengths[i]
        return out, total

    def text(self, rng: random.Random, n_words: int) -> str:
        """About ``n_words`` words in one paragraph."""
        return " ".join(self.sentence_run(rng, n_words)[0])

    def markdown(self, rng: random.Random, n_words: int) -> str:
        """About ``n_words`` words in paragraphs of three to seven sentences."""
        sentences, _ = self.sentence_run(rng, n_words)
        paragraphs, at = [], 0
        while at < len(sentences):
            n = rng.randint(3, 7)
            paragraphs.append(" ".join(sentences[at:at + n]))
            at += n
        return "\n\n".join(paragraphs)


def words_in(text: str) -> int:
    return len(text.split())
