"""Comment moderation is recorded in the audit log."""

import pytest

from accounts.models import AuditEvent
from kb.choices import CommentState
from kb.comments import moderate_comment
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("action", ["spam", "ham", "publish", "delete"])
def test_every_moderation_action_is_audited(editor, action):
    comment = CommentFactory(state=CommentState.PENDING)
    moderate_comment(comment=comment, action=action, moderator=editor)
    event = AuditEvent.objects.get(action="comment_moderated")
    assert (event.detail, event.actor_id) == (action, editor.pk)
