from kb.models import AttackType, TargetType, WeaponType


def test_gtd_category_lists_are_loaded_by_migration(db):
    assert (AttackType.objects.count(), TargetType.objects.count(), WeaponType.objects.count()) == (
        9,
        22,
        13,
    )
