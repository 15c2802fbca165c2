"""Two editors approving at the same moment never both apply on the same base.

Row locks need a server database: these tests run on PostgreSQL (CI runs the suite on
both databases); SQLite serialises every write anyway.
"""

import threading

import pytest
from django.db import connection, connections

from kb.choices import RevisionState
from kb.editorial import workflow
from kb.editorial.snapshot import capture
from kb.models import Entry, Revision
from tests import factories

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def run_together(*actions):
    """Start every action at once in its own thread and connection; return the outcomes."""
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def run(i, action):
        try:
            barrier.wait()
            outcomes[i] = action()
        except Exception as exc:  # the outcome is what the test checks
            outcomes[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.fixture
def group(admin_user):
    group = factories.GroupFactory(name="Tehrik-e-Taliban Pakistan")
    workflow.record_direct_edit(entry=group, user=admin_user, summary="Imported", publish=True)
    group.refresh_from_db()
    return group


def proposal(group, author, **fields):
    data = capture(group)
    data["fields"].update(fields)
    return workflow.propose(entry=group, author=author, data=data, summary="edit",
                            base=group.live_revision, submit=True)


def test_one_revision_approved_twice_at_once_is_applied_once(group, researcher, editor,
                                                            admin_user):
    revision = proposal(group, researcher, summary="Once")
    outcomes = run_together(
        lambda: workflow.approve(revision=revision, reviewer=editor),
        lambda: workflow.approve(revision=revision, reviewer=admin_user),
    )
    assert sorted(type(o).__name__ for o in outcomes) == ["Revision", "WrongState"]
    assert group.revisions.filter(state=RevisionState.APPROVED).count() == 2  # import + this


def test_two_proposals_approved_at_once_both_land(group, researcher, editor, admin_user):
    first = proposal(group, researcher, summary="From the first")
    second = proposal(group, researcher, body="From the second")
    outcomes = run_together(
        lambda: workflow.approve(revision=first, reviewer=editor),
        lambda: workflow.approve(revision=second, reviewer=admin_user),
    )
    assert all(isinstance(o, Revision) for o in outcomes), outcomes
    live = Entry.objects.get(pk=group.pk).specific
    assert (live.summary, live.body) == ("From the first", "From the second")
