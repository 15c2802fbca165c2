"""The memory of moderators' decisions: nearest lesson by shared word pairs."""

from kb.spam.features import shingles
from kb.spam.lessons import LessonIndex


def test_nearest_lesson_and_its_similarity():
    index = LessonIndex()
    index.put(1, "spam", shingles("buy cheap followers now at our shop"))
    index.put(2, "ham", shingles("the quetta attack date is wrong"))
    match = index.nearest(shingles("buy cheap followers now at my shop"))
    assert match.label == "spam" and 0.5 <= match.similarity < 1
    assert index.nearest(shingles("nothing in common here")) is None


def test_a_changed_decision_replaces_the_lesson():
    index = LessonIndex()
    index.put(1, "spam", shingles("subscribe to the report"))
    index.put(1, "ham", shingles("subscribe to the report"))
    assert len(index) == 1
    assert index.nearest(shingles("subscribe to the report")).label == "ham"
    index.remove(1)
    assert index.nearest(shingles("subscribe to the report")) is None
    assert not index.index


def test_ties_go_to_the_honest_reading():
    index = LessonIndex()
    index.put(1, "spam", shingles("same words here"))
    index.put(2, "ham", shingles("same words here"))
    assert index.nearest(shingles("same words here")).label == "ham"
