"""Entries named as the issue's search cases are: spellings, aliases, scripts."""

import pytest

from kb.choices import AliasKind, Script
from tests.factories import AliasFactory, AttackFactory, ClaimFactory, GroupFactory, PersonFactory


@pytest.fixture
def named(db):
    """Groups, a person and attacks whose names search must find in other spellings."""
    isis = GroupFactory(
        name="Islamic State", abbreviation="IS",
        summary="A Salafi-jihadist group founded in Iraq and Syria.",
    )
    AliasFactory(entry=isis, name="Daesh", kind=AliasKind.ACRONYM)
    AliasFactory(entry=isis, name="ISIL", kind=AliasKind.ACRONYM)
    AliasFactory(
        entry=isis, name="الدولة الإسلامية", kind=AliasKind.NATIVE, script=Script.ARABIC,
        language="ar",
    )
    leja = GroupFactory(
        name="Lashkar-e-Jhangvi al-Alami", abbreviation="LeJA",
        summary="A sectarian group active in Balochistan.",
    )
    baghdadi = PersonFactory(
        name="Abu Bakr al-Baghdadi", summary="Chief of the Islamic State until 2019."
    )
    AliasFactory(
        entry=baghdadi, name="أبو بكر البغدادي", kind=AliasKind.NATIVE, script=Script.ARABIC,
    )
    mastung = AttackFactory(
        name="Mastung election rally bombing",
        summary="Suicide bombing of an election rally in Mastung.",
        body="The bomber detonated his vest among the crowd.",
    )
    ClaimFactory(attack=mastung, group=isis)
    GroupFactory(name="Lashkar-e-Taiba", summary="A group based in Punjab.")
    GroupFactory(name="Islamic State draft", published_at=None)
    return {"isis": isis, "leja": leja, "baghdadi": baghdadi, "mastung": mastung}


def names(results) -> list[str]:
    return [entry.name for entry in results]
