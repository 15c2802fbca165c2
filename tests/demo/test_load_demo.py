"""``manage.py load_demo``: the demo knowledge base drawn from the seed article."""

import io
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.roles import Role
from kb.choices import (
    GroupRelationKind,
    PersonAttackRoleKind,
    PersonRelationKind,
    Script,
)
from kb.demo import data
from kb.editorial.snapshot import capture
from kb.models import (
    Alias,
    Attack,
    Attribution,
    Citation,
    Claim,
    Entry,
    Group,
    GroupRelation,
    Person,
    PersonAttackRole,
    PersonGroupRole,
    PersonRelation,
    Revision,
    Source,
)

pytestmark = pytest.mark.django_db

PASSWORD = "demo-password-for-tests"
DEMO_USERNAMES = ["researcher", "editor", "admin"]
RELATION_MODELS = [
    GroupRelation, PersonGroupRole, PersonRelation, PersonAttackRole, Claim, Attribution,
]


@pytest.fixture
def demo_settings(settings):
    settings.DEBUG = True
    settings.KB = {**settings.KB, "DEMO_PASSWORD": PASSWORD}
    # A fast hasher: each load hashes and checks the three demo passwords.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return settings


@pytest.fixture
def loaded(demo_settings):
    return load()


def load(*args) -> str:
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def dump() -> dict[str, list[dict]]:
    """Every row of the kb and accounts tables, bar the timestamp each save refreshes."""
    tables = {}
    for app in ("kb", "accounts"):
        for model in apps.get_app_config(app).get_models(include_auto_created=True):
            rows = model._default_manager.order_by("pk").values()
            tables[model._meta.label] = [
                {k: v for k, v in row.items() if k != "updated_at"} for row in rows
            ]
    return tables


def article() -> Source:
    return Source.objects.get(slug=data.ARTICLE)


def test_demo_holds_the_groups_attacks_and_people_of_the_article(loaded):
    assert Group.objects.published().count() >= 12
    assert Attack.objects.published().count() >= 10
    assert Person.objects.published().count() >= 8


def test_every_entry_is_published_with_its_first_revision_in_the_history(loaded):
    assert not Entry.objects.filter(published_at__isnull=True).exists()
    for entry in Entry.objects.select_related("live_revision"):
        revision = entry.live_revision
        assert revision.state == "approved"
        assert revision.author.username == "demo-import" and not revision.author.is_active
        assert revision.data == capture(entry.specific)
    assert Revision.objects.count() == Entry.objects.count()


def test_iskp_is_an_affiliate_of_the_islamic_state(loaded):
    relation = GroupRelation.objects.get(
        subject__slug="islamic-state-khorasan-province", kind=GroupRelationKind.AFFILIATE_OF
    )
    assert relation.object.slug == "islamic-state"
    assert str(relation.started_date) == "January 2015"


def test_badini_cousins_masterminded_the_quetta_hospital_bombing(loaded):
    assert PersonRelation.objects.filter(
        person__slug="syed-badini", kind=PersonRelationKind.COUSIN, other__slug="suleman-badini"
    ).exists()
    masterminds = PersonAttackRole.objects.filter(
        attack__slug="quetta-civil-hospital-bombing", role=PersonAttackRoleKind.MASTERMIND
    )
    assert sorted(masterminds.values_list("person__slug", flat=True)) == [
        "suleman-badini", "syed-badini",
    ]


def test_allah_o_akbar_tehreek_succeeds_the_milli_muslim_league(loaded):
    assert GroupRelation.objects.filter(
        subject__abbreviation="AAT", kind=GroupRelationKind.SUCCESSOR_OF,
        object__abbreviation="MML",
    ).exists()


def test_jamaat_ud_dawa_is_a_front_for_lashkar_e_taiba(loaded):
    assert GroupRelation.objects.filter(
        subject__slug="jamaat-ud-dawa", kind=GroupRelationKind.FRONT_FOR,
        object__slug="lashkar-e-taiba",
    ).exists()


def test_islamic_state_claims_the_mastung_rally_bombing(loaded):
    claim = Claim.objects.get(attack__slug="mastung-election-rally-bombing")
    assert claim.group.slug == "islamic-state"
    assert claim.attack.suicide is True


def test_easter_bombings_are_a_parent_event_of_three_church_attacks(loaded):
    easter = Attack.objects.get(slug="sri-lanka-easter-bombings")
    subs = easter.sub_attacks.all()
    assert subs.count() == 3
    assert {a.place.slug for a in subs} == {"colombo", "negombo", "batticaloa"}
    assert {a.occurred_on for a in subs} == {easter.occurred_on}
    assert set(easter.attributions.values_list("group__abbreviation", flat=True)) == {
        "NTJ", "JMI",
    }
    assert easter.claims.get().group.slug == "islamic-state"


def test_arabic_names_are_aliases_in_arabic_script(loaded):
    alias = Alias.objects.get(entry__slug="islamic-state", script=Script.ARABIC)
    assert alias.name == "الدولة الإسلامية"
    assert alias.language == "ar"
    assert Alias.objects.filter(entry__slug="abu-bakr-al-baghdadi", script=Script.ARABIC).exists()


def test_attack_takes_country_and_province_from_its_place(loaded):
    attack = Attack.objects.get(slug="quetta-civil-hospital-bombing")
    assert (attack.country.slug, attack.province.slug) == ("pakistan", "balochistan")
    assert attack.latitude == attack.place.latitude


def test_every_entry_cites_the_article(loaded):
    uncited = Entry.objects.exclude(citations__source=article())
    assert list(uncited) == []


def test_every_published_attack_has_a_citation(loaded):
    assert not Attack.objects.published().filter(citations__isnull=True).exists()


def test_exact_attack_dates_cite_the_gtd(loaded):
    for attack in Attack.objects.filter(occurred_on_precision="day"):
        assert attack.citations.filter(
            source__slug=data.GTD, field="occurred_on"
        ).exists(), attack.slug
    assert Citation.objects.filter(source__slug=data.GTD).exclude(field="occurred_on").count() == 0


def test_every_relation_and_claim_has_a_citation_targeting_it(loaded):
    for model in RELATION_MODELS:
        content_type = ContentType.objects.get_for_model(model)
        rows = list(model.objects.all())
        assert rows, model
        for relation in rows:
            citation = Citation.objects.get(target_type=content_type, target_id=relation.pk)
            assert citation.source == article()
            assert citation.entry_id == relation.owner.pk


def test_running_twice_leaves_every_table_unchanged(loaded):
    before = dump()
    output = load()
    assert dump() == before
    assert re.search(r"^\s+total\s+0\s+0\s+\d+$", output, re.MULTILINE), output


def test_edited_item_is_updated_in_place(loaded, monkeypatch):
    group = Group.objects.get(slug="baloch-liberation-army")
    edited = [
        {**item, "summary": "Edited summary."} if item["slug"] == group.slug else item
        for item in data.GROUPS
    ]
    monkeypatch.setattr(data, "GROUPS", edited)
    output = load()
    assert Group.objects.get(pk=group.pk).summary == "Edited summary."
    assert Group.objects.filter(slug=group.slug).count() == 1
    unchanged = len(edited) - 1
    assert re.search(rf"^\s+militant groups\s+0\s+1\s+{unchanged}$", output, re.M), output


def test_demo_users_log_in_with_the_password_and_hold_their_roles(loaded, client):
    users = {u.username: u for u in get_user_model().objects.filter(username__in=DEMO_USERNAMES)}
    assert {name: u.role for name, u in users.items()} == {
        "researcher": Role.RESEARCHER, "editor": Role.EDITOR, "admin": Role.ADMINISTRATOR,
    }
    assert users["admin"].is_staff and not users["admin"].is_superuser
    assert not users["editor"].is_staff
    for name in DEMO_USERNAMES:
        assert client.login(username=name, password=PASSWORD), name
    assert PASSWORD not in loaded


def test_generated_password_is_printed_and_replaced_on_each_run(demo_settings, client):
    demo_settings.KB = {**demo_settings.KB, "DEMO_PASSWORD": ""}

    def printed_password(output: str) -> str:
        return re.search(r"^\s+editor\s+Editor\s+(\S+)$", output, re.MULTILINE).group(1)

    first = printed_password(load())
    assert client.login(username="editor", password=first)
    second = printed_password(load())
    assert second != first
    assert not client.login(username="editor", password=first)
    assert client.login(username="editor", password=second)


def test_demo_users_are_refused_when_debug_is_off(demo_settings):
    demo_settings.DEBUG = False
    output = load()
    assert not get_user_model().objects.filter(username__in=DEMO_USERNAMES).exists()
    assert "DEBUG is off" in output
    assert Group.objects.exists()


def test_no_users_option_loads_the_data_only(demo_settings):
    output = load("--no-users")
    assert not get_user_model().objects.filter(username__in=DEMO_USERNAMES).exists()
    assert "DEBUG is off" not in output
    assert Attack.objects.exists()


def test_invalid_item_fails_naming_the_field_and_saves_nothing(demo_settings, monkeypatch):
    broken = {
        **data.ATTACKS[0], "slug": "broken-attack", "name": "Broken attack",
        "killed": 3, "killed_low": 5,
    }
    monkeypatch.setattr(data, "ATTACKS", [*data.ATTACKS, broken])
    before = dump()
    with pytest.raises(CommandError, match=r"broken-attack.*killed_low"):
        load()
    assert dump() == before
