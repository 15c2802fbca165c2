"""The spam filter's decision: layers of evidence, each with a score and a reason.

Pure: ``decide`` reads a ``Submission`` (what is known about one comment, gathered by
``kb.comments``) and ``Knowledge`` (what the site knows: the domains it cites, its own
vocabulary, the classifier) and returns a ``Decision``. Positive scores point to spam,
negative ones to an honest reader. No layer alone decides, except the ones only a
robot trips (honeypot, a forged or replayed form token); the language of a comment is
a signal and can never hold a comment by itself. A missed spam costs a moderator a
click, a hidden honest comment costs a reader, so the classifier, trained mostly on
other kinds of text, can hold a comment but needs another layer's agreement to file
one as spam; and what a comment says never offsets how it was sent (a honeypot
filled in, a form sent in a second).
"""

from dataclasses import dataclass, field
from enum import StrEnum

from kb.spam import features
from kb.spam.classifier import Classifier
from kb.spam.lessons import LessonIndex


class Outcome(StrEnum):
    PUBLISH = "publish"
    HOLD = "hold"
    SPAM = "spam"


class TokenStatus(StrEnum):
    OK = "ok"
    MISSING = "missing"
    FORGED = "forged"
    REPLAYED = "replayed"
    TOO_FAST = "too_fast"
    EXPIRED = "expired"


@dataclass(frozen=True)
class Signal:
    layer: str
    score: float
    reason: str

    def __str__(self):
        return f"{self.layer}: {self.reason} ({self.score:+.1f})"


@dataclass(frozen=True)
class Submission:
    """One comment as the filter sees it; the defaults describe an unremarkable post."""

    text: str
    honeypot: str = ""
    token: TokenStatus = TokenStatus.OK
    token_age: float | None = None
    recent_from_ip: int = 0
    recent_from_user: int = 0
    duplicates: int = 0
    duplicate_spam: int = 0
    page_language: str = "en"
    page_scripts: frozenset[str] = frozenset({"Latn"})


@dataclass(frozen=True)
class Knowledge:
    """What the site knows: the domains its sources cite, its vocabulary, its classifier."""

    classifier: Classifier
    cited_domains: frozenset[str] = frozenset()
    site_terms: frozenset[str] = frozenset()
    topic_words: frozenset[str] = frozenset()
    expected_scripts: frozenset[str] = frozenset({"Latn"})
    lessons: LessonIndex | None = None


@dataclass(frozen=True)
class Thresholds:
    hold: float = 4.0
    spam: float = 8.0
    # Comments per hour from one address or account beyond which each one adds score.
    rate_soft: int = 3


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    score: float
    signals: tuple[Signal, ...] = field(default_factory=tuple)
    probability: float | None = None

    @property
    def reasons(self) -> list[str]:
        return [str(s) for s in self.signals]


# Scores ---------------------------------------------------------------------------

BEHAVIOUR_LAYERS = frozenset({"honeypot", "form timing", "rate", "repeated text"})

ROBOT = 20.0
TOKEN_SCORES = {
    TokenStatus.MISSING: (ROBOT, "the form's timing token is missing"),
    TokenStatus.FORGED: (ROBOT, "the form's timing token is forged"),
    TokenStatus.REPLAYED: (12.0, "the form's timing token was already used"),
    TokenStatus.TOO_FAST: (6.0, "sent {age:.1f} s after the form was loaded"),
    TokenStatus.EXPIRED: (3.0, "the form was loaded {hours:.0f} h before it was sent"),
}
SHORTENER = 5.0
UNKNOWN_DOMAIN = 3.0
MORE_UNKNOWN = 1.5
CITED_DOMAIN = -1.0
RISKY_TLD = 1.5
RISKY_TLDS = frozenset({
    "xyz", "top", "shop", "store", "site", "online", "live", "win", "bet", "casino",
    "loan", "click", "pharmacy", "finance", "link", "club", "tk", "ml", "ga", "cf", "gq",
})
MARKUP = 4.0
MANY_LINKS = 3
PHONE = 4.0
MESSENGER_LINK = 5.0
MESSENGER_WITH_CONTACT = 2.0
EMAIL = 3.0
HANDLE = 1.5
LANGUAGE = 2.0
SCRIPT = 2.0
SIGNAL_CAP = 2.0
BOILERPLATE = 2.0
BOILERPLATE_CAP = 5.0
OFF_TOPIC = 2.0
OFF_TOPIC_WORDS = 15
PITCH = 1.5
PITCH_CAP = 4.5
UNFAMILIAR = 2.0
UNFAMILIAR_COVERAGE = 0.35
UNFAMILIAR_LETTERS = 15
# A comment this much like one a moderator judged (share of word pairs) follows it.
LESSON_SIMILARITY = 0.5
LESSON_HAM = -5.0
LESSON_SPAM = 6.0
SITE_TERM = -0.75
SITE_TERMS_CAP = -3.0
DUPLICATE = 3.0
DUPLICATE_OF_SPAM = 8.0
RATE_STEP = 2.0
RATE_CAP = 6.0
# The classifier's share: from HAM_CREDIT for a sure ham to SPAM_CAP for a sure spam,
# which alone reaches "hold" but never "spam".
CLASSIFIER_SPAM_CAP = 5.5
CLASSIFIER_HAM_CREDIT = -1.5
FULL_SAY_WORDS = 5


# Layers ---------------------------------------------------------------------------


def honeypot_layer(sub: Submission) -> list[Signal]:
    if sub.honeypot.strip():
        return [Signal("honeypot", ROBOT, "filled in the field that people never see")]
    return []


def token_layer(sub: Submission) -> list[Signal]:
    if sub.token == TokenStatus.OK:
        return []
    score, template = TOKEN_SCORES[sub.token]
    age = sub.token_age or 0.0
    return [Signal("form timing", score, template.format(age=age, hours=age / 3600))]


def rate_layer(sub: Submission, thresholds: Thresholds) -> list[Signal]:
    signals = []
    for who, count in (("address", sub.recent_from_ip), ("account", sub.recent_from_user)):
        extra = count - thresholds.rate_soft
        if extra > 0:
            score = min(RATE_CAP, RATE_STEP * extra)
            signals.append(Signal(
                "rate", score, f"comment {count + 1} from this {who} within an hour"
            ))
    return signals


def duplicate_layer(sub: Submission) -> list[Signal]:
    if sub.duplicate_spam:
        return [Signal("repeated text", DUPLICATE_OF_SPAM, "the same text was filed as spam")]
    if sub.duplicates:
        return [Signal("repeated text", DUPLICATE,
                       f"the same text was posted {sub.duplicates} time(s) before")]
    return []


def link_layer(text: str, knowledge: Knowledge) -> list[Signal]:
    found = features.links(text)
    signals = []
    lowered = text.lower()
    if ("<a " in lowered and "href" in lowered) or "[url" in lowered or "[link" in lowered:
        signals.append(Signal("links", MARKUP, "HTML or BBCode link markup"))
    if not found:
        return signals
    hosts = list(dict.fromkeys(link.host for link in found))
    shorteners = [h for h in hosts if h in features.SHORTENERS]
    cited = [h for h in hosts if h not in shorteners
             and features.host_matches(h, knowledge.cited_domains)]
    unknown = [h for h in hosts if h not in shorteners and h not in cited]
    if shorteners:
        signals.append(Signal("links", SHORTENER * len(shorteners),
                              f"link through a URL shortener ({', '.join(shorteners)})"))
    if unknown:
        score = UNKNOWN_DOMAIN + MORE_UNKNOWN * (len(unknown) - 1)
        signals.append(Signal("links", score,
                              f"links to domains the site does not cite ({', '.join(unknown)})"))
        risky = [h for h in unknown if h.rsplit(".", 1)[-1] in RISKY_TLDS]
        if risky:
            signals.append(Signal("links", RISKY_TLD * len(risky),
                                  f"domains under top-level domains spam favours "
                                  f"({', '.join(risky)})"))
    if len(found) >= MANY_LINKS:
        signals.append(Signal("links", float(len(found) - MANY_LINKS + 1),
                              f"{len(found)} links in one comment"))
    if cited and not unknown and not shorteners:
        signals.append(Signal("links", max(2 * CITED_DOMAIN, CITED_DOMAIN * len(cited)),
                              f"links to sites the knowledge base cites ({', '.join(cited)})"))
    return signals


def contact_layer(text: str) -> list[Signal]:
    found = features.contacts(text)
    signals = []
    if found.phones:
        signals.append(Signal("contact", PHONE, f"telephone number ({found.phones[0]})"))
    if found.messenger_links:
        signals.append(Signal("contact", MESSENGER_LINK,
                              f"messenger link ({found.messenger_links[0]})"))
    if found.emails:
        signals.append(Signal("contact", EMAIL, "e-mail address in the text"))
    if found.handles:
        signals.append(Signal("contact", HANDLE, f"account handle ({found.handles[0]})"))
    has_contact = found.phones or found.handles or found.messenger_links
    if found.messenger_named and has_contact:
        signals.append(Signal("contact", MESSENGER_WITH_CONTACT,
                              "asks to be contacted on WhatsApp, Telegram or the like"))
    return signals


def language_layer(text: str, sub: Submission, knowledge: Knowledge) -> list[Signal]:
    """The comment's script and language against the page's: a signal, never a verdict."""
    shares = features.scripts(text)
    if not shares:
        return []
    signals = []
    main_script = next(iter(shares))
    allowed = sub.page_scripts | knowledge.expected_scripts
    if main_script not in allowed:
        signals.append(Signal("language", SCRIPT, f"written in {main_script} script, "
                              f"which the page does not use"))
    elif main_script == "Latn":
        lang = features.language(text)
        if lang and sub.page_language and lang != sub.page_language:
            signals.append(Signal("language", LANGUAGE,
                                  f"written in '{lang}' on a page in '{sub.page_language}'"))
    total = sum(s.score for s in signals)
    if total > SIGNAL_CAP:
        signals = [Signal("language", SIGNAL_CAP, "; ".join(s.reason for s in signals))]
    return signals


def vocabulary_layer(words: set[str], knowledge: Knowledge) -> list[Signal]:
    """Honest readers discuss what the site is about; generic spam names none of it."""
    shared = sorted(w for w in words if w in knowledge.site_terms)
    if not shared:
        return []
    score = max(SITE_TERMS_CAP, SITE_TERM * len(shared))
    return [Signal("site vocabulary", score, f"speaks of {', '.join(shared[:5])}")]


def boilerplate_layer(text: str, mentions_site: bool) -> list[Signal]:
    """Praise of "your blog" that names nothing the site is about."""
    if mentions_site:
        return []
    found = features.boilerplate(text)
    if not found:
        return []
    score = min(BOILERPLATE_CAP, BOILERPLATE * len(found))
    return [Signal("boilerplate", score, f"stock phrases of comment spam: {', '.join(found)}")]


def topic_layer(words: set[str], text: str, knowledge: Knowledge) -> list[Signal]:
    """A long comment that uses none of the words the site's subject is written in."""
    if not knowledge.topic_words or len(text.split()) < OFF_TOPIC_WORDS:
        return []
    if words & knowledge.topic_words:
        return []
    return [Signal("topic", OFF_TOPIC, "says nothing about what the site covers")]


def pitch_layer(text: str) -> list[Signal]:
    found = features.sales_pitch(text)
    if not found:
        return []
    score = min(PITCH_CAP, PITCH * len(found))
    return [Signal("sales talk", score, f"phrases of commercial spam: {', '.join(found)}")]


def lesson_layer(text: str, knowledge: Knowledge) -> list[Signal]:
    if not knowledge.lessons:
        return []
    match = knowledge.lessons.nearest(features.shingles(text))
    if match is None or match.similarity < LESSON_SIMILARITY:
        return []
    if match.label == "ham":
        return [Signal("moderators", LESSON_HAM, f"{match.similarity:.0%} like a comment a "
                       "moderator marked not spam")]
    return [Signal("moderators", LESSON_SPAM, f"{match.similarity:.0%} like a comment a "
                   "moderator marked spam")]


def classifier_layer(tokens: set[str], knowledge: Knowledge, text: str):
    """The classifier's probability as a score.

    A short text gives it less say, and a text in a language it cannot read none: its
    probability there is noise, so the layer says only that it cannot judge.
    """
    verdict = knowledge.classifier.classify(tokens)
    p = verdict.probability
    known = knowledge.classifier.coverage(tokens)
    letters = sum(c.isalpha() for c in text)
    if known is not None and letters >= UNFAMILIAR_LETTERS and known < UNFAMILIAR_COVERAGE:
        return [Signal("classifier", UNFAMILIAR,
                       f"knows only {known:.0%} of the words: a language it cannot read")], p
    if p >= 0.5:
        say = min(1.0, len(text.split()) / FULL_SAY_WORDS)
        score = CLASSIFIER_SPAM_CAP * say * ((p - 0.5) / 0.5) ** 2
        clues = f"; like spam: {', '.join(verdict.spam_clues)}" if verdict.spam_clues else ""
    else:
        score = CLASSIFIER_HAM_CREDIT * (0.5 - p) / 0.5
        clues = f"; like honest comments: {', '.join(verdict.ham_clues)}" \
            if verdict.ham_clues else ""
    return [Signal("classifier", score, f"spam probability {p:.2f}{clues}")], p


def decide(sub: Submission, knowledge: Knowledge, thresholds: Thresholds) -> Decision:
    text = features.normalise(sub.text)
    tokens = features.tokens(text)
    words = {t for t in tokens if " " not in t and not t.startswith("~")}
    vocabulary = vocabulary_layer(words, knowledge)
    signals = [
        *honeypot_layer(sub),
        *token_layer(sub),
        *rate_layer(sub, thresholds),
        *duplicate_layer(sub),
        *link_layer(text, knowledge),
        *contact_layer(text),
        *language_layer(text, sub, knowledge),
        *boilerplate_layer(text, bool(vocabulary)),
        *pitch_layer(text),
        *topic_layer(words, features.URL_RE.sub(" ", text), knowledge),
        *lesson_layer(text, knowledge),
        *vocabulary,
    ]
    classifier_signals, probability = classifier_layer(
        tokens, knowledge, features.URL_RE.sub(" ", text)
    )
    signals.extend(classifier_signals)
    # How a comment was sent is judged on its own as well: honest-sounding text does
    # not excuse a robot's behaviour.
    behaviour = sum(s.score for s in signals if s.layer in BEHAVIOUR_LAYERS)
    total = sum(s.score for s in signals)
    score = round(max(total, behaviour) if behaviour > 0 else total, 2)
    if score >= thresholds.spam:
        outcome = Outcome.SPAM
    elif score >= thresholds.hold:
        outcome = Outcome.HOLD
    else:
        outcome = Outcome.PUBLISH
    return Decision(outcome, score, tuple(signals), probability)
