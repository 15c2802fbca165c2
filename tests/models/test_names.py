import pytest

from kb.names import is_right_to_left, normalize_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lashkar-e-Jhangvi", "lashkar e jhangvi"),
        ("al-Baghdadi", "Al Baghdadi"),
        ("Jama’ath", "Jama'ath"),
        ("Thowheeth  Jama'ath", "thowheeth jama ath"),
        ("Çelik", "celik"),
    ],
)
def test_spelling_variants_fold_to_one_name(a, b):
    assert normalize_name(a) == normalize_name(b)


def test_arabic_letters_survive_and_optional_vowel_marks_go():
    assert normalize_name("الدَّوْلَة الإسلامية") == normalize_name("الدولة الإسلامية")
    assert normalize_name("الدولة الإسلامية").startswith("ال")


def test_right_to_left_detection():
    assert is_right_to_left("أبو بكر البغدادي")
    assert is_right_to_left("لشکر طیبہ")
    assert not is_right_to_left("Lashkar-e-Taiba")
    assert not is_right_to_left("123")
