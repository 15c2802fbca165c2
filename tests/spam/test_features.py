"""Reading a comment: links, contact handles, script, language, classifier tokens."""

import pytest

from kb.spam import features


def test_normalise_undoes_the_corpora_markup():
    assert features.normalise("It&#39;s great<br />really\ufeff") == "It's great\nreally"


def test_links_with_and_without_scheme_and_trailing_punctuation():
    found = features.links(
        "See https://www.dawn.com/news/1 (and www.Reuters.com/x), or bit.ly/abc. "
        "Not e.g. or attack.The end."
    )
    assert [link.host for link in found] == ["dawn.com", "reuters.com", "bit.ly"]
    assert found[1].url == "www.Reuters.com/x"


def test_subdomains_match_their_domain():
    assert features.host_matches("edition.cnn.com", {"cnn.com"})
    assert features.host_matches("cnn.com", {"cnn.com"})
    assert not features.host_matches("notcnn.com", {"cnn.com"})
    assert not features.host_matches("com", {"com"})


@pytest.mark.parametrize(("text", "phones"), [
    ("WhatsApp +1 (415) 555-0143 now", ["+1 (415) 555-0143"]),
    ("call 0300 1234567 anytime", ["0300 1234567"]),
    ("attacks in 2014 2015 2016 and 2017", []),
    ("killed 46, wounded 100 on 12.05.2019", []),
    ("GTD record 201702160001", ["201702160001"]),
])
def test_phone_numbers_but_not_years_or_figures(text, phones):
    assert features.phone_numbers(text) == phones


def test_contacts():
    found = features.contacts("Message her on Telegram @Forex_Queen or mail x.y@gmail.com, "
                              "t.me/hackrecovery")
    assert found.handles == ("@Forex_Queen",)
    assert found.emails == ("x.y@gmail.com",)
    assert found.messenger_links == ("t.me/hackrecovery",)
    assert found.messenger_named
    assert not features.contacts("The claim appeared on Telegram first.").handles


def test_scripts_and_language():
    assert next(iter(features.scripts("بہت اچھا مضمون ہے"))) == "Arab"
    assert next(iter(features.scripts("Отличная статья"))) == "Cyrl"
    assert features.language("Este artigo irá ensinar-lhe como construir relações com os "
                             "clientes e expandir o seu público") == "pt"
    assert features.language("The attack was claimed by the group in a statement") == "en"
    assert features.language("Quetta, 2016") == ""


def test_tokens_hold_words_pairs_and_character_ngrams_but_no_links():
    found = features.tokens("Subscribe to my CHANNEL http://spam.example")
    assert {"subscribe", "my channel", "~subs", "~nel "} <= found
    assert not any("spam.example" in t for t in found)


def test_shouting_is_a_token():
    assert "shouting" in features.tokens("PLEASE SUBSCRIBE TO MY CHANNEL NOW")


def test_fingerprint_ignores_case_and_spacing():
    assert features.fingerprint("Buy  NOW\n") == features.fingerprint("buy now")
    assert features.fingerprint("buy now") != features.fingerprint("buy later")


def test_shingles_of_similar_texts_overlap():
    a = features.shingles("The Quetta attack was in August 2016")
    b = features.shingles("the quetta attack was in august 2017")
    assert len(a & b) / len(a | b) > 0.6


def test_boilerplate_and_sales_talk():
    assert features.boilerplate("Nice post, I bookmarked your blog!") == [
        "blog", "bookmarked", "nice post"]
    assert "cheapest" in features.sales_pitch("Cheapest followers, 50% off")[0]
    assert features.sales_pitch("The attack was claimed by ISKP") == []
