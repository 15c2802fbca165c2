"""The filter's knowledge on the live site: site text, cited domains, lessons, versions."""

import pytest

from kb.spam import store
from kb.spam.models import FilterState, LearnedFeature, Lesson
from tests.factories import AliasFactory, CitationFactory, GroupFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_the_sites_sources_and_text_are_known():
    group = GroupFactory(name="Lashkar-e-Jhangvi al-Alami",
                         body="The group claimed attacks on the Hazara community in Quetta.")
    AliasFactory(entry=group, name="Lashkar-e-Jhangvi")
    CitationFactory(entry=group, source=SourceFactory(
        url="https://tribune.com.pk/story/1", archived_url="https://archive.ph/abc"),
        quote="The deadliest of these attacks took place in Mastung.")
    GroupFactory(name="Secret Draft Group", published_at=None, body="Hidden Zhobistan text.")
    k = store.knowledge()
    assert {"tribune.com.pk", "archive.ph"} <= k.cited_domains
    assert "dawn.com" in k.cited_domains  # a reference site, cited or not
    assert {"jhangvi", "alami", "hazara", "quetta", "mastung"} <= k.site_terms
    assert "zhobistan" not in k.topic_words
    assert k.classifier.counts("hazara")[1] > 0


def test_trusted_domains_and_scripts_are_settings(settings):
    settings.KB = {**settings.KB, "SPAM": {**settings.KB["SPAM"],
                                           "TRUSTED_DOMAINS": ["Example.ORG"],
                                           "EXPECTED_SCRIPTS": ["Latn", "Cyrl"]}}
    k = store.knowledge()
    assert "example.org" in k.cited_domains
    assert k.expected_scripts == frozenset({"Latn", "Cyrl"})


def test_teaching_counts_and_remembers(settings):
    version = store.teach("Cheap pills here", label="spam", comment_id=5)
    weight = store.spam_settings()["LEARN_WEIGHT"]
    assert LearnedFeature.objects.get(feature="pills").spam == weight
    assert FilterState.objects.get().version == version
    assert Lesson.objects.get(comment_id=5).label == "spam"
    store.teach("Cheap pills here", label="ham", previous="spam", comment_id=5)
    pills = LearnedFeature.objects.get(feature="pills")
    assert (pills.spam, pills.ham) == (0, weight)
    assert Lesson.objects.get(comment_id=5).label == "ham"
    assert (FilterState.objects.get().spam_docs, FilterState.objects.get().ham_docs) == (
        0, weight)


def test_a_process_catches_up_with_lessons_taught_elsewhere():
    store.knowledge()
    seen = store._live.version
    store.teach("Cheap pills here", label="spam", comment_id=9)
    k = store.knowledge()
    assert store._live.version > seen
    assert k.classifier.counts("pills")[0] >= store.spam_settings()["LEARN_WEIGHT"]
    assert len(k.lessons) == 1


def test_a_fresh_installation_knows_no_lessons():
    store.teach("Cheap pills here", label="spam", comment_id=9)
    fresh = store.fresh_knowledge()
    assert fresh.lessons is None
    expected = tuple(store.base_counts().features.get("pills", (0.0, 0.0)))
    assert fresh.classifier.counts("pills") == expected


def test_the_knowledge_is_reused_between_comments(django_assert_num_queries):
    first = store.knowledge()
    with django_assert_num_queries(0):
        assert store.knowledge() is first
