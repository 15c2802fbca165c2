"""The audit log: who did what, when and from where, readable by administrators only."""

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.urls import reverse

from accounts import audit
from accounts.models import AuditEvent
from kb.editorial import workflow
from kb.editorial.snapshot import capture
from tests.factories import GroupFactory, UserFactory

pytestmark = pytest.mark.django_db


def events(action):
    return list(
        AuditEvent.objects.filter(action=action).order_by("pk")
        .values_list("actor_name", "target_repr", "detail")
    )


def test_record_writes_who_what_where_and_refuses_unknown_actions(rf, editor):
    request = rf.get("/", REMOTE_ADDR="192.0.2.5")
    request.user = editor
    target = UserFactory(username="nadia")
    event = audit.record("comment_moderated", actor=None, target=target, request=request,
                         detail="spam")
    assert (event.actor, event.actor_name, event.ip_address) == (editor, "eddie", "192.0.2.5")
    assert (event.target_type, event.target_id, event.target_repr) == (
        "accounts.user", str(target.pk), "nadia"
    )
    assert event.created_at is not None
    with pytest.raises(ValueError):
        audit.record("comment_deleted_by_typo", actor=editor)


def test_roles_granted_and_revoked_from_either_side_are_recorded():
    nadia = UserFactory(username="nadia")
    editor_role = AuthGroup.objects.get(name="editor")
    nadia.groups.add(editor_role)
    nadia.groups.remove(editor_role)
    editor_role.user_set.add(nadia)
    nadia.groups.clear()
    assert events("role_granted") == [("", "nadia", "role: editor")] * 2
    assert events("role_revoked") == [("", "nadia", "role: editor")] * 2


def test_changing_roles_in_the_admin_is_recorded_with_the_administrator_and_address(
    client, admin_user
):
    nadia = UserFactory(username="nadia")
    client.force_login(admin_user)
    url = reverse("admin:accounts_user_change", args=[nadia.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update({
        "groups": [AuthGroup.objects.get(name="researcher").pk], "user_permissions": [],
        "date_joined_0": "2026-01-01", "date_joined_1": "10:00:00", "last_login_0": "",
        "last_login_1": "", "is_active": "on",
    })
    response = client.post(url, data, REMOTE_ADDR="198.51.100.8")
    assert response.status_code == 302, response.context["adminform"].form.errors
    granted = AuditEvent.objects.get(action="role_granted", target_repr="nadia")
    assert (granted.actor, granted.ip_address, granted.detail) == (
        admin_user, "198.51.100.8", "role: researcher"
    )
    change = AuditEvent.objects.get(action="admin_change")
    assert (change.actor, change.target_type, change.target_id) == (
        admin_user, "accounts.user", str(nadia.pk)
    )
    assert change.detail.startswith("changed user “nadia”")


def test_approvals_rejections_and_send_backs_are_recorded(researcher, editor):
    entry = GroupFactory(name="Lashkar-e-Jhangvi")

    def proposal(summary):
        data = capture(entry)
        data["fields"]["summary"] = summary
        return workflow.propose(entry=entry, author=researcher, data=data, summary=summary,
                                base=None, submit=True)

    workflow.approve(revision=proposal("first"), reviewer=editor, note="Well sourced.")
    workflow.reject(revision=proposal("second"), reviewer=editor, note="No source.")
    workflow.send_back(revision=proposal("third"), reviewer=editor, note="Cite the report.")
    assert [e[0::2] for e in events("revision_approved")] == [("eddie", "Well sourced.")]
    assert [e[0::2] for e in events("revision_rejected")] == [("eddie", "No source.")]
    assert [e[0::2] for e in events("revision_sent_back")] == [("eddie", "Cite the report.")]
    assert "Lashkar-e-Jhangvi" in events("revision_approved")[0][1]


def test_only_administrators_hold_the_permission_to_read_the_log(
    reader, researcher, editor, admin_user
):
    assert admin_user.has_perm("accounts.view_auditevent")
    for user in (reader, researcher, editor):
        assert not user.has_perm("accounts.view_auditevent")
    administrators = AuthGroup.objects.get(name="administrator")
    assert set(
        administrators.permissions.filter(content_type__model="auditevent")
        .values_list("codename", flat=True)
    ) == {"view_auditevent"}


def test_the_admin_list_is_read_only_and_filters_by_action_actor_and_date(
    client, admin_user, editor
):
    AuditEvent.objects.create(action="sign_in", actor=editor, actor_name="eddie")
    event = AuditEvent.objects.create(action="sign_in_failed", detail="username: x")
    client.force_login(admin_user)
    changelist = reverse("admin:accounts_auditevent_changelist")
    response = client.get(changelist, {"action": "sign_in", "actor__id__exact": editor.pk})
    assert [e.actor_name for e in response.context["cl"].result_list] == ["eddie"]
    assert {f.title for f in response.context["cl"].filter_specs} >= {"action", "created at"}
    assert client.get(reverse("admin:accounts_auditevent_add")).status_code == 403
    delete = reverse("admin:accounts_auditevent_delete", args=[event.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    change = reverse("admin:accounts_auditevent_change", args=[event.pk])
    client.post(change, {"detail": "rewritten"})
    event.refresh_from_db()
    assert event.detail == "username: x"


def test_team_members_without_the_permission_cannot_open_the_log(client, editor):
    editor.is_staff = True
    editor.save()
    client.force_login(editor)
    response = client.get(reverse("admin:accounts_auditevent_changelist"))
    assert response.status_code == 403
