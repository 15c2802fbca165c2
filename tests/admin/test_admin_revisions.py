"""Edits through the admin panel become approved revisions by the administrator."""

import pytest
from django.urls import reverse

from kb import models
from kb.choices import AliasKind, DatePrecision, RevisionState, Script
from kb.editorial.snapshot import capture
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def _management(response) -> dict:
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        data[f"{inline.formset.prefix}-TOTAL_FORMS"] = "0"
        data[f"{inline.formset.prefix}-INITIAL_FORMS"] = "0"
    return data


def test_adding_an_attack_records_its_first_revision(admin_client, admin_user):
    url = reverse("admin:kb_attack_add")
    data = {
        "name": "Sehwan shrine bombing", "slug": "sehwan-shrine-bombing",
        "occurred_on": "2017-02-16", "occurred_on_precision": DatePrecision.DAY,
        **_management(admin_client.get(url)),
        "aliases-TOTAL_FORMS": "1", "aliases-0-name": "Lal Shahbaz Qalandar bombing",
        "aliases-0-kind": AliasKind.OTHER, "aliases-0-script": Script.LATIN,
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302
    attack = models.Attack.objects.get()
    revision = attack.live_revision
    assert (revision.state, revision.author, revision.reviewer) == (
        RevisionState.APPROVED, admin_user, admin_user
    )
    assert revision.self_approved
    assert revision.summary.startswith("Edited in the admin panel")
    assert revision.data == capture(attack)
    assert [a["name"] for a in revision.data["rows"]["aliases"]] == ["Lal Shahbaz Qalandar bombing"]


def test_editing_an_owned_row_records_a_revision_of_its_entry(admin_client):
    alias = factories.AliasFactory(name="ISIL")
    response = admin_client.post(
        reverse("admin:kb_alias_change", args=[alias.pk]),
        {"entry": alias.entry_id, "name": "ISIS", "kind": AliasKind.ACRONYM,
         "script": Script.LATIN, "language": "en"},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = models.Entry.objects.get(pk=alias.entry_id)
    assert [a["name"] for a in entry.live_revision.data["rows"]["aliases"]] == ["ISIS"]


def test_deleting_an_owned_row_records_a_revision_of_its_entry(admin_client):
    alias = factories.AliasFactory(name="ISIL")
    admin_client.post(reverse("admin:kb_alias_delete", args=[alias.pk]), {"post": "yes"})
    entry = models.Entry.objects.get(pk=alias.entry_id)
    assert entry.live_revision.data["rows"]["aliases"] == []
    assert entry.live_revision.summary.startswith("Edited in the admin panel: Deleted")


def test_saving_without_changes_records_nothing_new(admin_client, admin_user):
    from kb.editorial.workflow import record_direct_edit

    group = factories.GroupFactory()
    record_direct_edit(entry=group, user=admin_user, summary="Imported")
    assert record_direct_edit(entry=group, user=admin_user, summary="Again") is None
    assert group.revisions.count() == 1
