"""The statistical layer: how spam-like a text's features are, from counted evidence.

Evidence is a set of ``Counts``: how many spam and ham documents held each feature. The
shipped base model, the site's own published text (ham) and moderators' decisions are
separate ``Counts`` read together, so learning from a decision is adding to counts and
never retraining. The combiner is Gary Robinson's: each feature's smoothed spam
probability, the strongest clues combined by Fisher's chi-square method (as in
SpamBayes and bogofilter). Unlike naive Bayes it reports doubt: a text whose clues
disagree, or that has none, scores near 0.5, which is what sends it to a moderator
instead of guessing. ``spam_eval`` and the README compare it with multinomial naive
Bayes over the same counts (``combiner="nb"``).
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

# Robinson's prior: an unseen feature is neutral (x) with the weight of s documents.
PRIOR_STRENGTH = 0.45
PRIOR = 0.5
# Clues closer to neutral than this are ignored; at most this many are combined.
MIN_STRENGTH = 0.1
MAX_CLUES = 60


@dataclass
class Counts:
    """Document counts: how many spam and ham documents contained each feature."""

    spam_docs: float = 0.0
    ham_docs: float = 0.0
    features: dict[str, list[float]] = field(default_factory=dict)

    def add(self, features: Iterable[str], *, spam: bool, weight: float = 1.0) -> None:
        index = 0 if spam else 1
        if spam:
            self.spam_docs += weight
        else:
            self.ham_docs += weight
        table = self.features
        for feature in features:
            pair = table.get(feature)
            if pair is None:
                pair = table[feature] = [0.0, 0.0]
            pair[index] += weight

    def to_json(self) -> dict:
        return {"spam_docs": self.spam_docs, "ham_docs": self.ham_docs,
                "features": self.features}

    @classmethod
    def from_json(cls, data: dict) -> "Counts":
        return cls(data["spam_docs"], data["ham_docs"],
                   {k: list(v) for k, v in data["features"].items()})


@dataclass(frozen=True)
class Verdict:
    """The classifier's answer: a spam probability and the clues that weighed most."""

    probability: float
    spam_clues: tuple[str, ...] = ()
    ham_clues: tuple[str, ...] = ()


def chi2q(x2: float, v: int) -> float:
    """P(chi-square with v degrees of freedom >= x2), for even v."""
    m = x2 / 2.0
    term = total = math.exp(-m)
    for i in range(1, v // 2):
        term *= m / i
        total += term
    return min(total, 1.0)


class Classifier:
    """Scores feature sets against one or more layers of counts."""

    def __init__(self, layers: Iterable[Counts], *, combiner: str = "fisher"):
        self.layers = [layer for layer in layers if layer.features or layer.spam_docs
                       or layer.ham_docs]
        self.combiner = combiner

    @property
    def spam_docs(self) -> float:
        return sum(layer.spam_docs for layer in self.layers)

    @property
    def ham_docs(self) -> float:
        return sum(layer.ham_docs for layer in self.layers)

    def counts(self, feature: str) -> tuple[float, float]:
        spam = ham = 0.0
        for layer in self.layers:
            pair = layer.features.get(feature)
            if pair is not None:
                spam += pair[0]
                ham += pair[1]
        return spam, ham

    def coverage(self, features: Iterable[str]) -> float | None:
        """The share of whole words the evidence has seen; None for a text without words."""
        words = [f for f in features if " " not in f and f[0] not in "~#"]
        if not words:
            return None
        return sum(1 for w in words if self.counts(w) != (0.0, 0.0)) / len(words)

    def feature_probability(self, spam: float, ham: float, nspam: float, nham: float):
        """Robinson's smoothed probability that a text holding the feature is spam."""
        spam_ratio = min(spam / nspam, 1.0) if nspam else 0.0
        ham_ratio = min(ham / nham, 1.0) if nham else 0.0
        if spam_ratio + ham_ratio == 0:
            return PRIOR
        p = spam_ratio / (spam_ratio + ham_ratio)
        n = spam + ham
        return (PRIOR_STRENGTH * PRIOR + n * p) / (PRIOR_STRENGTH + n)

    def classify(self, features: Iterable[str]) -> Verdict:
        nspam, nham = self.spam_docs, self.ham_docs
        if not nspam or not nham:
            return Verdict(0.5)
        if self.combiner == "nb":
            return self._naive_bayes(features, nspam, nham)
        clues = []
        for feature in features:
            spam, ham = self.counts(feature)
            if not spam and not ham:
                continue
            prob = self.feature_probability(spam, ham, nspam, nham)
            strength = abs(prob - 0.5)
            if strength >= MIN_STRENGTH:
                clues.append((strength, prob, feature))
        clues.sort(reverse=True)
        clues = clues[:MAX_CLUES]
        if not clues:
            return Verdict(0.5)
        log_ham = sum(math.log(prob) for _, prob, _ in clues)
        log_spam = sum(math.log1p(-prob) for _, prob, _ in clues)
        n = len(clues)
        spamminess = 1.0 - chi2q(-2.0 * log_spam, 2 * n)
        hamminess = 1.0 - chi2q(-2.0 * log_ham, 2 * n)
        return Verdict(
            (spamminess - hamminess + 1.0) / 2.0,
            spam_clues=_readable(f for _, p, f in clues if p > 0.5),
            ham_clues=_readable(f for _, p, f in clues if p < 0.5),
        )

    def _naive_bayes(self, features, nspam: float, nham: float) -> Verdict:
        """Bernoulli naive Bayes over present features, add-one smoothed, even prior."""
        log_odds = 0.0
        scored = []
        for feature in features:
            spam, ham = self.counts(feature)
            if not spam and not ham:
                continue
            weight = math.log((spam + 1) / (nspam + 2)) - math.log((ham + 1) / (nham + 2))
            log_odds += weight
            scored.append((weight, feature))
        scored.sort()
        log_odds = max(-50.0, min(50.0, log_odds))
        return Verdict(
            1.0 / (1.0 + math.exp(-log_odds)),
            spam_clues=_readable(f for w, f in reversed(scored) if w > 0),
            ham_clues=_readable(f for w, f in scored if w < 0),
        )


def _readable(features, limit: int = 4) -> tuple[str, ...]:
    """The first few whole-word clues, the ones a moderator can read."""
    words = []
    for feature in features:
        if feature.startswith("~") or feature.startswith("#"):
            continue
        words.append(feature)
        if len(words) == limit:
            break
    return tuple(words)
