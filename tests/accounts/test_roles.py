"""Roles are auth groups with real permissions, declared once in accounts.roles."""

import io

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.core.management import call_command

from accounts.roles import ROLE_PERMISSIONS, Role

pytestmark = pytest.mark.django_db


def test_the_data_migration_creates_every_role():
    assert set(AuthGroup.objects.values_list("name", flat=True)) >= set(Role.values)


@pytest.mark.parametrize("role", [Role.RESEARCHER, Role.EDITOR])
def test_each_role_holds_exactly_its_declared_permissions(role):
    held = {
        f"{app}.{codename}"
        for app, codename in AuthGroup.objects.get(name=role).permissions.values_list(
            "content_type__app_label", "codename"
        )
    }
    assert held == set(ROLE_PERMISSIONS[role])


def test_the_administrator_holds_every_permission_of_users_roles_and_content():
    codenames = set(
        AuthGroup.objects.get(name=Role.ADMINISTRATOR).permissions.values_list(
            "codename", flat=True
        )
    )
    assert {"change_user", "change_group", "delete_attack", "review_revision"} <= codenames


@pytest.mark.parametrize(
    ("persona", "perm", "allowed"),
    [
        ("reader", "kb.view_unpublished_entry", False),
        ("reader", "kb.add_revision", False),
        ("researcher", "kb.view_unpublished_entry", True),
        ("researcher", "kb.add_revision", True),
        ("researcher", "kb.add_source", True),
        ("researcher", "kb.review_revision", False),
        ("researcher", "kb.moderate_comment", False),
        ("researcher", "kb.change_group", False),
        ("researcher", "accounts.change_user", False),
        ("editor", "kb.review_revision", True),
        ("editor", "kb.moderate_comment", True),
        ("editor", "kb.archive_entry", True),
        ("editor", "accounts.change_user", False),
        ("editor", "auth.change_group", False),
        ("admin_user", "accounts.change_user", True),
        ("admin_user", "auth.change_group", True),
        ("admin_user", "kb.review_revision", True),
        ("admin_user", "kb.delete_attack", True),
    ],
)
def test_permission_matrix_of_roles(request, persona, perm, allowed):
    user = request.getfixturevalue(persona)
    assert user.has_perm(perm) is allowed


def test_role_reports_the_highest_role_held(researcher, editor, admin_user, reader):
    assert reader.role is None
    assert researcher.role == Role.RESEARCHER
    assert editor.role == Role.EDITOR
    assert admin_user.role == Role.ADMINISTRATOR


def test_sync_roles_restores_permissions_removed_by_hand():
    editor_group = AuthGroup.objects.get(name=Role.EDITOR)
    editor_group.permissions.clear()
    call_command("sync_roles", stdout=io.StringIO())
    assert editor_group.permissions.filter(codename="review_revision").exists()
    assert editor_group.permissions.count() == len(ROLE_PERMISSIONS[Role.EDITOR])
