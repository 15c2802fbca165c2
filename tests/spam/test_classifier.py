"""The statistical layer: counts, the Robinson-Fisher combiner, naive Bayes for comparison."""

import pytest

from kb.spam.classifier import Classifier, Counts, chi2q


def model(**kwargs):
    counts = Counts()
    for _ in range(20):
        counts.add({"casino", "bonus", "win"}, spam=True)
        counts.add({"attack", "quetta", "source"}, spam=False)
    return Classifier([counts], **kwargs)


def test_chi2q_is_a_probability():
    assert chi2q(0.0, 4) == pytest.approx(1.0)
    assert chi2q(100.0, 4) < 1e-10


def test_without_evidence_the_answer_is_doubt():
    assert Classifier([]).classify({"anything"}).probability == 0.5
    assert model().classify({"unseen"}).probability == 0.5


@pytest.mark.parametrize("combiner", ["fisher", "nb"])
def test_spam_and_ham_words_point_their_way(combiner):
    clf = model(combiner=combiner)
    assert clf.classify({"casino", "bonus"}).probability > 0.9
    assert clf.classify({"attack", "quetta"}).probability < 0.1


def test_clues_are_readable_words():
    verdict = model().classify({"casino", "~casi", "attack"})
    assert verdict.spam_clues == ("casino",)
    assert verdict.ham_clues == ("attack",)


def test_layers_add_up():
    base = Counts()
    base.add({"subscribe"}, spam=True)
    lesson = Counts()
    lesson.add({"subscribe"}, spam=False, weight=3)
    assert Classifier([base, lesson]).counts("subscribe") == (1.0, 3.0)


def test_coverage_counts_known_words():
    clf = model()
    assert clf.coverage({"casino", "unknown", "~casi"}) == 0.5
    assert clf.coverage({"~casi"}) is None


def test_counts_survive_json():
    counts = Counts()
    counts.add({"a", "b"}, spam=True)
    again = Counts.from_json(counts.to_json())
    assert again.features == counts.features and again.spam_docs == 1
