"""The editorial contract, run against every kind of entry.

Add a kind with a snapshot declaration and it inherits these tests.
"""

import pytest
from django.core.exceptions import ValidationError

from kb.choices import RevisionState
from kb.editorial import workflow
from kb.editorial.snapshot import capture
from kb.models import Entry, Revision
from tests.editorial.aggregates import KINDS, make_aggregate

pytestmark = pytest.mark.django_db


@pytest.fixture(params=KINDS)
def entry(request, admin_user):
    """A published entry with its first revision recorded, as the demo loader leaves it."""
    entry = make_aggregate(request.param)
    workflow.record_direct_edit(entry=entry, user=admin_user, summary="Imported", publish=True)
    entry.refresh_from_db()
    return entry


def edited(entry, **fields):
    data = capture(entry)
    data["fields"].update(fields)
    return data


def live(entry):
    return Entry.objects.get(pk=entry.pk).specific


def test_the_first_revision_is_in_the_history(entry):
    assert entry.revisions.approved().count() == 1
    assert entry.live_revision.data == capture(entry)


def test_pending_edits_are_invisible_until_approved(entry, researcher, editor):
    revision = workflow.propose(
        entry=entry, author=researcher, data=edited(entry, summary="Proposed"),
        summary="Clarify", base=entry.live_revision, submit=True,
    )
    assert live(entry).summary != "Proposed"
    workflow.approve(revision=revision, reviewer=editor)
    assert live(entry).summary == "Proposed"
    assert live(entry).live_revision_id == revision.pk


def test_a_new_entry_is_unpublished_until_its_first_approval(researcher, editor):
    from tests.factories import GroupFactory

    template = GroupFactory.build(name="Jamaat-ul-Ahrar")
    data = {"kind": "group", "fields": {"name": template.name, "summary": "A TTP splinter."}}
    revision = workflow.create_entry(
        kind="group", author=researcher, data=data, summary="New group", submit=True
    )
    assert not Entry.objects.published().filter(pk=revision.entry_id).exists()
    workflow.approve(revision=revision, reviewer=editor)
    assert Entry.objects.published().filter(pk=revision.entry_id).exists()


def test_a_stale_proposal_with_disjoint_changes_merges(entry, researcher, editor):
    base = entry.live_revision
    first = workflow.propose(entry=entry, author=researcher, data=edited(entry, summary="A"),
                             summary="first", base=base, submit=True)
    second = workflow.propose(entry=entry, author=researcher, data=edited(entry, body="B"),
                              summary="second", base=base, submit=True)
    workflow.approve(revision=first, reviewer=editor)
    workflow.approve(revision=second, reviewer=editor)
    assert (live(entry).summary, live(entry).body) == ("A", "B")
    second.refresh_from_db()
    assert "Merged" in second.review_note


def test_overlapping_changes_conflict_and_overwrite_nothing(entry, researcher, editor):
    base = entry.live_revision
    first = workflow.propose(entry=entry, author=researcher, data=edited(entry, summary="A"),
                             summary="first", base=base, submit=True)
    second = workflow.propose(entry=entry, author=researcher, data=edited(entry, summary="B"),
                              summary="second", base=base, submit=True)
    workflow.approve(revision=first, reviewer=editor)
    with pytest.raises(workflow.MergeConflict) as caught:
        workflow.approve(revision=second, reviewer=editor)
    assert [c.id for c in caught.value.result.conflicts] == ["fields:summary"]
    assert live(entry).summary == "A"
    assert Revision.objects.get(pk=second.pk).state == RevisionState.PENDING


def test_the_reviewer_resolves_a_conflict_field_by_field(entry, researcher, editor):
    base = entry.live_revision
    first = workflow.propose(entry=entry, author=researcher, data=edited(entry, summary="A"),
                             summary="first", base=base, submit=True)
    second = workflow.propose(entry=entry, author=researcher,
                              data=edited(entry, summary="B", body="C"),
                              summary="second", base=base, submit=True)
    workflow.approve(revision=first, reviewer=editor)
    workflow.approve(revision=second, reviewer=editor, resolutions={"fields:summary": "proposed"})
    assert (live(entry).summary, live(entry).body) == ("B", "C")


def test_rows_removed_on_one_side_and_added_on_the_other_both_land(entry, researcher, editor):
    base = entry.live_revision
    without_alias = capture(entry)
    removed = without_alias["rows"]["aliases"].pop(0)
    with_alias = capture(entry)
    with_alias["rows"]["aliases"].append({**removed, "name": "Another name"})
    first = workflow.propose(entry=entry, author=researcher, data=without_alias,
                             summary="drop alias", base=base, submit=True)
    second = workflow.propose(entry=entry, author=researcher, data=with_alias,
                              summary="add alias", base=base, submit=True)
    workflow.approve(revision=first, reviewer=editor)
    workflow.approve(revision=second, reviewer=editor)
    names = set(live(entry).aliases.values_list("name", flat=True))
    assert removed["name"] not in names and "Another name" in names


def test_revert_creates_a_new_revision_with_the_old_content(entry, researcher, editor):
    first_live = entry.live_revision
    change = workflow.propose(entry=entry, author=researcher,
                              data={**capture(entry), "rows": {**capture(entry)["rows"],
                                                               "citations": []}},
                              summary="drop citations", base=first_live, submit=True)
    workflow.approve(revision=change, reviewer=editor)
    assert live(entry).citations.count() == 0
    entry.refresh_from_db()
    revert = workflow.revert(entry=entry, to=first_live, author=researcher)
    assert revert.state == RevisionState.PENDING and revert.pk not in (first_live.pk, change.pk)
    workflow.approve(revision=revert, reviewer=editor)
    assert capture(live(entry)) == first_live.data


def test_archive_is_a_reviewed_revision_and_can_be_restored(entry, editor, admin_user):
    archive = workflow.set_archived(entry=entry, author=editor, archived=True, summary="Duplicate")
    assert Entry.objects.published().filter(pk=entry.pk).exists()
    workflow.approve(revision=archive, reviewer=admin_user)
    assert not Entry.objects.published().filter(pk=entry.pk).exists()
    entry.refresh_from_db()
    restore = workflow.set_archived(entry=entry, author=editor, archived=False, summary="Back")
    workflow.approve(revision=restore, reviewer=admin_user)
    assert Entry.objects.published().filter(pk=entry.pk).exists()


def test_invalid_proposals_are_refused_and_nothing_is_saved(entry, researcher):
    data = edited(entry, name="")
    with pytest.raises(ValidationError) as caught:
        workflow.propose(entry=entry, author=researcher, data=data, summary="Break it",
                         base=entry.live_revision)
    assert "name" in caught.value.message_dict
    assert entry.revisions.count() == 1
    assert live(entry).name == entry.name


def test_a_proposal_needs_a_summary(entry, researcher):
    with pytest.raises(ValidationError, match="what changed"):
        workflow.propose(entry=entry, author=researcher, data=capture(entry), summary=" ",
                         base=entry.live_revision)


def test_twenty_proposals_from_one_base_lose_nothing(entry, researcher, editor):
    base = entry.live_revision
    proposals = []
    for i in range(20):
        data = capture(entry)
        data["rows"]["aliases"].append({**data["rows"]["aliases"][0], "name": f"Variant {i}"})
        if i % 5 == 0:
            data["fields"]["summary"] = f"Summary {i}"
        proposals.append(workflow.propose(entry=entry, author=researcher, data=data,
                                          summary=f"p{i}", base=base, submit=True))
    outcomes = []
    for revision in proposals:
        try:
            workflow.approve(revision=revision, reviewer=editor)
            outcomes.append("merged")
        except workflow.MergeConflict:
            outcomes.append("conflict")
    names = set(live(entry).aliases.values_list("name", flat=True))
    approved = [p for p, o in zip(proposals, outcomes, strict=True) if o == "merged"]
    for revision in approved:
        assert f"Variant {revision.summary[1:]}" in names
    assert outcomes.count("conflict") == 3  # proposals 5, 10 and 15 clash on the summary
    assert live(entry).summary == "Summary 0"
