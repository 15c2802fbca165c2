"""Who may do what to a revision in each state: every allow and every deny."""

import pytest

from kb.choices import RevisionState
from kb.editorial import workflow
from kb.editorial.snapshot import capture
from kb.models import Revision
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = ["reader", "researcher", "editor", "admin_user"]


@pytest.fixture
def published_group(admin_user):
    group = factories.GroupFactory(name="Lashkar-e-Taiba")
    workflow.record_direct_edit(entry=group, user=admin_user, summary="Imported", publish=True)
    group.refresh_from_db()
    return group


def proposal(group, author, state):
    data = capture(group)
    data["fields"]["summary"] = f"by {author.username}"
    revision = Revision.objects.create(
        entry=group, data=data, author=author, summary="edit", base=group.live_revision,
        state=RevisionState.DRAFT if state == "draft" else RevisionState.PENDING,
    )
    if state in ("approved", "rejected"):
        Revision.objects.filter(pk=revision.pk).update(
            state=state, reviewed_at="2020-01-01T00:00:00Z"
        )
        revision.refresh_from_db()
    return revision


# (action, state, who wrote the proposal) -> roles allowed
MATRIX = {
    ("approve", "pending", "other"): {"editor", "admin_user"},
    ("approve", "pending", "self"): {"admin_user"},
    ("approve", "draft", "other"): set(),
    ("approve", "approved", "other"): set(),
    ("approve", "rejected", "other"): set(),
    ("reject", "pending", "other"): {"editor", "admin_user"},
    ("reject", "draft", "other"): set(),
    ("reject", "approved", "other"): set(),
    ("send_back", "pending", "other"): {"editor", "admin_user"},
    ("send_back", "approved", "other"): set(),
    ("submit", "draft", "self"): {"researcher", "editor", "admin_user"},
    ("submit", "draft", "other"): set(),
    ("submit", "pending", "self"): set(),
    ("propose", "-", "self"): {"researcher", "editor", "admin_user"},
    ("archive", "-", "self"): {"editor", "admin_user"},
}


@pytest.mark.parametrize(("action", "state", "whose"), list(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(request, published_group, role, action, state, whose):
    user = request.getfixturevalue(role)
    other = factories.UserFactory(username="someone", role="researcher")
    author = user if whose == "self" else other
    group = published_group
    allowed = role in MATRIX[(action, state, whose)]

    def act():
        if action == "propose":
            return workflow.propose(entry=group, author=user, data=capture(group),
                                    summary="edit", base=group.live_revision)
        if action == "archive":
            return workflow.set_archived(entry=group, author=user, archived=True, summary="dup")
        revision = proposal(group, author, state)
        if action == "approve":
            return workflow.approve(revision=revision, reviewer=user)
        if action == "submit":
            return workflow.submit(revision=revision, user=user)
        return getattr(workflow, action)(revision=revision, reviewer=user, note="Because.")

    before = capture(group)
    if allowed:
        act()
    else:
        with pytest.raises((workflow.NotAllowed, workflow.WrongState)):
            act()
        group.refresh_from_db()
        assert capture(group) == before


def test_an_administrator_approving_their_own_proposal_is_recorded(published_group, admin_user):
    revision = proposal(published_group, admin_user, "pending")
    approved = workflow.approve(revision=revision, reviewer=admin_user)
    assert approved.self_approved


def test_editors_may_publish_their_own_edits_only_where_the_setting_allows(
    published_group, editor, settings
):
    with pytest.raises(workflow.NotAllowed):
        workflow.approve(revision=proposal(published_group, editor, "pending"), reviewer=editor)
    settings.KB = {**settings.KB, "EDITORS_MAY_PUBLISH_DIRECTLY": True}
    published_group.refresh_from_db()
    approved = workflow.approve(
        revision=proposal(published_group, editor, "pending"), reviewer=editor
    )
    assert approved.self_approved


def test_a_rejection_needs_a_note(published_group, editor, researcher):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        workflow.reject(revision=proposal(published_group, researcher, "pending"),
                        reviewer=editor, note="")


def test_a_base_from_another_entry_is_refused(published_group, researcher, admin_user):
    other = factories.GroupFactory()
    workflow.record_direct_edit(entry=other, user=admin_user, summary="x", publish=True)
    other.refresh_from_db()
    with pytest.raises(workflow.EditorialError, match="does not belong"):
        workflow.propose(entry=published_group, author=researcher, data=capture(published_group),
                         summary="edit", base=other.live_revision)
