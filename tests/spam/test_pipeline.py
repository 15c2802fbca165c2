"""The layers of the filter, each with its score and reason, and how they add up."""

import pytest

from kb.spam import features
from kb.spam import pipeline as p
from kb.spam.classifier import Classifier, Counts
from kb.spam.lessons import LessonIndex
from kb.spam.pipeline import Outcome, Submission, TokenStatus

TH = p.Thresholds()


def knowledge(**kwargs):
    counts = Counts()
    for _ in range(30):
        counts.add({"casino", "bonus", "subscribe", "channel"}, spam=True)
        counts.add({"attack", "quetta", "source", "date", "report"}, spam=False)
    defaults = {
        "classifier": Classifier([counts]),
        "cited_domains": frozenset({"dawn.com"}),
        "site_terms": frozenset({"quetta", "balochistan"}),
        "topic_words": frozenset({"attack", "quetta", "balochistan", "claimed"}),
    }
    return p.Knowledge(**{**defaults, **kwargs})


def decide(text="The attack in Quetta: which source gives the date?", **sub):
    return p.decide(Submission(text, **sub), knowledge(), TH)


def reasons(decision, layer):
    return [s for s in decision.signals if s.layer == layer]


def test_an_honest_comment_is_published_with_its_reasons():
    decision = decide()
    assert decision.outcome == Outcome.PUBLISH
    assert decision.score < 0
    assert reasons(decision, "site vocabulary")[0].reason == "speaks of quetta"
    assert "classifier: spam probability 0.0" in decision.reasons[-1]


def test_honeypot_files_as_spam_whatever_the_text():
    decision = decide(honeypot="http://x.example")
    assert decision.outcome == Outcome.SPAM
    assert str(reasons(decision, "honeypot")[0]) == (
        "honeypot: filled in the field that people never see (+20.0)")


@pytest.mark.parametrize(("status", "age", "outcome", "words"), [
    (TokenStatus.MISSING, None, Outcome.SPAM, "missing"),
    (TokenStatus.FORGED, None, Outcome.SPAM, "forged"),
    (TokenStatus.REPLAYED, 30.0, Outcome.SPAM, "already used"),
    (TokenStatus.TOO_FAST, 0.4, Outcome.HOLD, "sent 0.4 s after"),
    (TokenStatus.EXPIRED, 3 * 86400.0, Outcome.PUBLISH, "loaded 72 h before"),
])
def test_form_timing_token(status, age, outcome, words):
    decision = decide(token=status, token_age=age)
    assert decision.outcome == outcome
    assert words in reasons(decision, "form timing")[0].reason


def test_honest_words_do_not_offset_a_robots_behaviour():
    decision = decide(token=TokenStatus.TOO_FAST, token_age=0.1)
    assert sum(s.score for s in decision.signals) < TH.hold
    assert decision.outcome == Outcome.HOLD


def test_rate_adds_score_beyond_the_soft_limit():
    assert not reasons(decide(recent_from_ip=3), "rate")
    signal = reasons(decide(recent_from_ip=5, recent_from_user=4), "rate")
    assert [s.score for s in signal] == [4.0, 2.0]
    assert signal[0].reason == "comment 6 from this address within an hour"


def test_repeated_text():
    assert reasons(decide(duplicates=2), "repeated text")[0].score == p.DUPLICATE
    assert decide(duplicate_spam=1).outcome == Outcome.SPAM


def test_links_to_cited_sites_count_for_a_comment():
    decision = decide("The Quetta attack date: https://www.dawn.com/news/1 and dawn.com/2")
    assert str(reasons(decision, "links")[0]) == (
        "links: links to sites the knowledge base cites (dawn.com) (-1.0)")


def test_shorteners_unknown_and_spammy_domains():
    decision = decide("Look https://bit.ly/x and http://cheap.shop/y and http://a.example/z")
    found = {s.reason.split(" (")[0]: s.score for s in reasons(decision, "links")}
    assert found == {
        "link through a URL shortener": 5.0,
        "links to domains the site does not cite": 4.5,
        "domains under top-level domains spam favours": 1.5,
        "3 links in one comment": 1.0,
    }
    assert decision.outcome == Outcome.SPAM


def test_link_markup():
    assert reasons(decide('<a href="http://x.example">x</a>'), "links")[0].score == p.MARKUP


def test_contact_handles():
    decision = decide("Earn daily, WhatsApp +1 (415) 555-0143 or Telegram @Forex_Queen")
    found = {s.reason.split(" (")[0] for s in reasons(decision, "contact")}
    assert found == {"telephone number", "account handle",
                     "asks to be contacted on WhatsApp, Telegram or the like"}
    assert not reasons(decide("The claim came on Telegram, not WhatsApp."), "contact")


def test_language_is_a_signal_never_a_verdict():
    text = "Muito obrigado pela informação sobre o ataque, é muito útil para nós"
    readers = Counts()
    readers.add(features.tokens(text), spam=False)
    readers.add({"casino"}, spam=True)
    decision = p.decide(Submission(text), knowledge(classifier=Classifier([readers])), TH)
    assert str(reasons(decision, "language")[0]) == (
        "language: written in 'pt' on a page in 'en' (+2.0)")
    assert decision.outcome == Outcome.PUBLISH
    assert TH.hold > p.SIGNAL_CAP


def test_a_script_the_page_does_not_use():
    decision = decide("Отличная статья, спасибо за информацию")
    assert "Cyrl script" in reasons(decision, "language")[0].reason
    arabic = decide("بہت اچھا مضمون ہے", page_scripts=frozenset({"Latn", "Arab"}))
    assert not reasons(arabic, "language")


def test_an_unreadable_language_is_held_not_guessed():
    decision = decide("Отличная статья! Раскрутка сайтов недорого, пишите нам сегодня")
    assert reasons(decision, "classifier")[0].score == p.UNFAMILIAR
    assert decision.outcome == Outcome.HOLD


def test_the_classifier_alone_can_hold_but_never_file_as_spam():
    decision = decide("subscribe channel casino bonus subscribe channel please")
    assert decision.outcome == Outcome.HOLD
    assert TH.spam > p.CLASSIFIER_SPAM_CAP + p.SIGNAL_CAP


def test_a_short_text_gives_the_classifier_less_say():
    assert decide("casino bonus").score < decide("casino bonus casino bonus subscribe now").score


def test_boilerplate_counts_only_when_the_site_is_not_named():
    generic = decide("Nice post! I bookmarked your blog.")
    assert reasons(generic, "boilerplate")[0].score == 5.0
    assert not reasons(decide("Nice post on Quetta, bookmarked."), "boilerplate")


def test_sales_talk_and_off_topic():
    decision = decide("Our agency offers the cheapest SEO services; visit our website and "
                      "order now for guaranteed results on the first page of search, friends")
    assert reasons(decision, "sales talk")[0].score == p.PITCH_CAP
    assert str(reasons(decision, "topic")[0]) == (
        "topic: says nothing about what the site covers (+2.0)")


def test_lessons_from_moderators():
    lessons = LessonIndex()
    lessons.put(1, "ham", features.shingles("Subscribe to the monthly report, it is free"))
    lessons.put(2, "spam", features.shingles("Best dentist in Lahore, book now"))
    k = knowledge(lessons=lessons)
    ham = p.decide(Submission("Subscribe to the monthly report, it is free!"), k, TH)
    assert reasons(ham, "moderators")[0].score == p.LESSON_HAM
    spam = p.decide(Submission("best dentist in lahore, book now!!"), k, TH)
    assert "like a comment a moderator marked spam" in reasons(spam, "moderators")[0].reason


@pytest.mark.parametrize(("hold", "spam", "outcome"), [
    (4.0, 8.0, Outcome.HOLD), (4.0, 5.0, Outcome.SPAM), (20.0, 30.0, Outcome.PUBLISH),
])
def test_thresholds_decide_the_outcome(hold, spam, outcome):
    sub = Submission("Look https://bit.ly/x", token=TokenStatus.OK)
    decision = p.decide(sub, knowledge(), p.Thresholds(hold=hold, spam=spam))
    assert 5.0 <= decision.score < 8.0
    assert decision.outcome == outcome
