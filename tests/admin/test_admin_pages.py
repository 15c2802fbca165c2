"""The admin panel: every page of every model answers, lists stay cheap, forms validate.

The persona is ``admin_user``, a staff member holding the administrator role (not a
superuser), so the pages are tested with the permissions the role really grants.
"""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent, User
from kb import models
from kb.choices import CommentState, DatePrecision, IdentifierScheme, PlaceKind, Script
from kb.paginators import EstimatedCountPaginator
from tests.factories import (
    AliasFactory,
    AttackFactory,
    AttributionFactory,
    CitationFactory,
    CityFactory,
    ClaimFactory,
    CommentFactory,
    GroupFactory,
    GroupRelationFactory,
    PersonAttackRoleFactory,
    PersonFactory,
    PersonGroupRoleFactory,
    PersonRelationFactory,
    PlaceFactory,
    RevisionFactory,
    SourceFactory,
    UserFactory,
)

REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)


def _label(model) -> str:
    return model._meta.label


# One object per registered model, for its change page. Models without a factory in
# tests/factories.py are built here.
BUILDERS = {
    models.Entry: lambda: models.Entry.objects.get(pk=GroupFactory().pk),
    models.Group: GroupFactory,
    models.Person: lambda: PersonFactory(nationality=PlaceFactory()),
    models.Attack: lambda: AttackFactory(place=CityFactory()),
    models.Alias: AliasFactory,
    models.ExternalIdentifier: lambda: models.ExternalIdentifier.objects.create(
        entry=GroupFactory(), scheme=IdentifierScheme.WIKIDATA, value="Q4680412"
    ),
    models.Designation: lambda: models.Designation.objects.create(
        group=GroupFactory(), authority="United Nations Security Council",
        designated_on=dt.date(2015, 5, 1), designated_on_precision=DatePrecision.MONTH,
    ),
    models.SizeEstimate: lambda: models.SizeEstimate.objects.create(
        group=GroupFactory(), year=2017, low=500, best=1000, high=3000
    ),
    models.Place: CityFactory,
    models.Source: SourceFactory,
    models.Citation: CitationFactory,
    models.GroupRelation: GroupRelationFactory,
    models.PersonGroupRole: PersonGroupRoleFactory,
    models.PersonAttackRole: PersonAttackRoleFactory,
    models.PersonRelation: PersonRelationFactory,
    models.Claim: ClaimFactory,
    models.Attribution: AttributionFactory,
    models.AttackType: lambda: models.AttackType.objects.get(code=3),
    models.TargetType: lambda: models.TargetType.objects.get(code=15),
    models.WeaponType: lambda: models.WeaponType.objects.get(code=6),
    models.Revision: lambda: RevisionFactory(data={"name": "Group", "aliases": []}),
    models.Comment: lambda: CommentFactory(spam_score=0.2, spam_reasons=["two links"]),
    User: lambda: UserFactory(display_name="Sam"),
    AuthGroup: lambda: AuthGroup.objects.get(name="editor"),
    AuditEvent: lambda: AuditEvent.objects.create(action="sign_in", actor_name="ada"),
    AccessAttempt: lambda: AccessAttempt.objects.create(
        username="ada", ip_address="192.0.2.1", failures_since_start=5
    ),
}


def _build(model):
    assert model in BUILDERS, f"Add a builder for {model._meta.label} to BUILDERS."
    return BUILDERS[model]()


def _url(model, view: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


@pytest.fixture
def admin_client(client, admin_user):
    """The administrator persona, signed in (replaces pytest-django's superuser client)."""
    client.force_login(admin_user)
    return client


def _inline_management_data(response) -> dict:
    """Management form data saying "no inline rows" for every inline of an admin form."""
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        prefix = inline.formset.prefix
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    return data


def _attack_form(admin_client, **fields) -> dict:
    response = admin_client.get(_url(models.Attack, "add"))
    assert response.status_code == 200
    return {
        "name": "Quetta Civil Hospital bombing",
        "slug": "quetta-civil-hospital-bombing",
        "occurred_on": "2016-08-08",
        "occurred_on_precision": DatePrecision.DAY,
        **_inline_management_data(response),
        **fields,
    }


# Every model, every page -------------------------------------------------------------


def test_every_model_of_the_project_is_registered():
    project_models = {*apps.get_app_config("kb").get_models(), User}
    assert project_models - set(admin.site._registry) == set()


@pytest.mark.parametrize("model", REGISTERED, ids=_label)
@pytest.mark.parametrize("query", ["", "?q=a", "?q=Quetta+al-Alami"])
def test_changelist_answers(admin_client, model, query):
    obj = _build(model)
    response = admin_client.get(_url(model, "changelist") + query)
    assert response.status_code == 200
    if not query:
        assert obj.pk in {row.pk for row in response.context["cl"].result_list}


@pytest.mark.parametrize("model", REGISTERED, ids=_label)
def test_add_page_answers_or_is_refused_for_read_only_lists(admin_client, model):
    response = admin_client.get(_url(model, "add"))
    request = response.wsgi_request
    allowed = admin.site._registry[model].has_add_permission(request)
    assert response.status_code == (200 if allowed else 403)


@pytest.mark.parametrize("model", REGISTERED, ids=_label)
def test_change_page_answers(admin_client, model):
    obj = _build(model)
    response = admin_client.get(_url(model, "change", obj.pk))
    assert response.status_code == 200


@pytest.mark.parametrize("model", REGISTERED, ids=_label)
def test_every_admin_can_be_searched(model):
    # Autocomplete widgets pointing at a model need its admin to be searchable.
    assert admin.site._registry[model].search_fields


def test_read_only_lists_refuse_add_change_and_delete(admin_client):
    category = models.AttackType.objects.get(code=1)
    assert admin_client.get(_url(models.AttackType, "add")).status_code == 403
    assert admin_client.get(_url(models.AttackType, "delete", category.pk)).status_code == 403
    admin_client.post(_url(models.AttackType, "change", category.pk), {"name": "Renamed"})
    category.refresh_from_db()
    assert category.name == "Assassination"


def test_approved_revision_cannot_be_edited(admin_client, admin_user):
    revision = RevisionFactory(state="approved", reviewer=admin_user, reviewed_at=timezone.now())
    response = admin_client.post(
        _url(models.Revision, "change", revision.pk), {"summary": "Rewritten history"}
    )
    assert response.status_code == 403
    revision.refresh_from_db()
    assert revision.summary == "First version"


def test_index_tells_militant_groups_from_roles(admin_client):
    response = admin_client.get(reverse("admin:index"))
    assert response.status_code == 200
    names = {
        (app["app_label"], model["name"])
        for app in response.context["app_list"] for model in app["models"]
    }
    assert {("kb", "Militant groups"), ("auth", "Groups"), ("accounts", "Users")} <= names


def test_researcher_is_sent_to_the_login_page(client, researcher):
    client.force_login(researcher)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


# Lists --------------------------------------------------------------------------------


def test_groups_are_found_by_alias(admin_client):
    wanted = GroupFactory(name="Lashkar-e-Jhangvi al-Alami")
    AliasFactory(entry=wanted, name="LeJ-A")
    GroupFactory(name="Jamaat-ud-Dawa")
    response = admin_client.get(_url(models.Group, "changelist") + "?q=LeJ-A")
    assert list(response.context["cl"].result_list) == [wanted]


def test_searching_by_alias_does_not_make_the_list_distinct(admin_client):
    AliasFactory(entry=AttackFactory(name="Mastung rally bombing"), name="Siraj Raisani attack")
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(_url(models.Attack, "changelist") + "?q=raisani")
    assert [a.name for a in response.context["cl"].result_list] == ["Mastung rally bombing"]
    assert not [q["sql"] for q in queries if "DISTINCT" in q["sql"].upper()]


def test_citation_autocomplete_finds_an_entry_of_any_kind_by_alias(admin_client):
    attack = AttackFactory(name="Bethel Memorial Methodist Church attack")
    AliasFactory(entry=attack, name="Quetta church bombing")
    GroupFactory(name="Quetta Shura")
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "kb", "model_name": "citation", "field_name": "entry",
         "term": "church bombing"},
    )
    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [str(attack.pk)]


def test_groups_are_found_by_alias_written_without_vowel_marks(admin_client):
    wanted = GroupFactory(name="Lashkar-e-Jhangvi")
    AliasFactory(entry=wanted, name="لَشْکَرِ جھنگوی", script=Script.ARABIC, language="ur")
    GroupFactory(name="Balochistan Liberation Army")
    response = admin_client.get(_url(models.Group, "changelist") + "?q=لشکر جھنگوی")
    assert list(response.context["cl"].result_list) == [wanted]


def test_publication_filter_separates_drafts(admin_client):
    published = GroupFactory(name="Published group")
    draft = GroupFactory(name="Draft group", published_at=None)
    url = _url(models.Group, "changelist")
    drafts = admin_client.get(url + "?publication=unpublished").context["cl"].result_list
    assert list(drafts) == [draft]
    live = admin_client.get(url + "?publication=published").context["cl"].result_list
    assert list(live) == [published]


def test_attack_list_shows_partial_dates_as_written(admin_client):
    AttackFactory(occurred_on=dt.date(2015, 5, 1), occurred_on_precision=DatePrecision.MONTH)
    response = admin_client.get(_url(models.Attack, "changelist"))
    assert "May 2015" in response.content.decode()


def _attacks(count: int) -> None:
    city = CityFactory(name="Quetta")
    country = city.ancestor_of_kind(PlaceKind.COUNTRY)
    bombing = models.AttackType.objects.get(code=3)
    for _ in range(count):
        attack = AttackFactory(place=city, country=country, killed=3, wounded=10)
        attack.attack_types.add(bombing)
        AliasFactory(entry=attack)


def _attack_list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(_url(models.Attack, "changelist"))
    assert response.status_code == 200
    return len(queries)


def test_attack_list_query_count_does_not_grow_with_rows(admin_client):
    _attacks(3)
    with_three = _attack_list_queries(admin_client)
    _attacks(27)
    with_thirty = _attack_list_queries(admin_client)
    assert with_thirty == with_three
    assert with_thirty <= 12


def test_attack_list_skips_counting_a_large_table(admin_client, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("the planner's estimate exists on PostgreSQL only")
    _attacks(3)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE kb_attack")
    monkeypatch.setattr(EstimatedCountPaginator, "threshold", 0)
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(_url(models.Attack, "changelist"))
    assert response.status_code == 200
    assert not [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    assert response.context["cl"].result_count == 3


def test_user_list_shows_roles(admin_client, editor):
    response = admin_client.get(_url(User, "changelist"))
    rows = {user.username: user for user in response.context["cl"].result_list}
    assert admin.site._registry[User].roles(rows["eddie"]) == "editor"


# Comments -----------------------------------------------------------------------------


def test_comment_list_never_shows_the_email_address(admin_client):
    CommentFactory(author_email="hidden.reader@example.net", state=CommentState.SPAM)
    response = admin_client.get(_url(models.Comment, "changelist"))
    assert response.status_code == 200
    assert "hidden.reader@example.net" not in response.content.decode()
    assert "email" not in " ".join(map(str, admin.site._registry[models.Comment].list_display))


def test_not_even_a_moderator_sees_the_email_address_on_the_comment(admin_client):
    comment = CommentFactory(author_email="hidden.reader@example.net")
    response = admin_client.get(_url(models.Comment, "change", comment.pk))
    assert "hidden.reader@example.net" not in response.content.decode()
    assert "author_email" not in response.context["adminform"].form.fields


def test_staff_without_moderation_rights_never_sees_the_email_address(db, client):
    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_comment"))
    client.force_login(viewer)
    comment = CommentFactory(author_email="hidden.reader@example.net")
    response = client.get(_url(models.Comment, "change", comment.pk))
    assert response.status_code == 200
    assert "hidden.reader@example.net" not in response.content.decode()


def test_changing_a_comment_state_records_the_moderator(admin_client, admin_user):
    comment = CommentFactory(state=CommentState.PENDING)
    data = {
        "entry": comment.entry_id, "body": comment.body, "state": CommentState.SPAM,
        "user": "", "author_name": comment.author_name, "parent": "",
    }
    response = admin_client.post(_url(models.Comment, "change", comment.pk), data)
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.state, comment.moderated_by) == (CommentState.SPAM, admin_user)
    assert comment.author_email == "reader@example.org"


# The attack form ----------------------------------------------------------------------


def test_attack_form_saves_an_attack_with_its_aliases(admin_client):
    data = _attack_form(
        admin_client,
        killed_low="52", killed="56", killed_high="70",
        attack_types=[models.AttackType.objects.get(code=3).pk],
        **{
            "aliases-TOTAL_FORMS": "1",
            "aliases-0-name": "Civil Hospital attack",
            "aliases-0-kind": "other",
            "aliases-0-script": Script.LATIN,
        },
    )
    response = admin_client.post(_url(models.Attack, "add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    attack = models.Attack.objects.get()
    assert (attack.kind, attack.killed, attack.published_at) == ("attack", 56, None)
    assert [alias.name for alias in attack.aliases.all()] == ["Civil Hospital attack"]
    assert [t.code for t in attack.attack_types.all()] == [3]


def test_attack_add_page_leaves_out_the_publication_block(admin_client):
    response = admin_client.get(_url(models.Attack, "add"))
    titles = [fieldset.name for fieldset in response.context["adminform"]]
    assert titles == [
        "Identity", "When", "Where", "What", "Casualties", "Outcome", "Narrative",
    ]


def test_attack_form_refuses_a_low_figure_above_the_best(admin_client):
    data = _attack_form(admin_client, killed="5", killed_low="10")
    response = admin_client.post(_url(models.Attack, "add"), data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["killed_low"] == ["The low figure cannot exceed the best figure."]
    assert not models.Attack.objects.exists()


def test_attack_form_refuses_four_attack_types(admin_client):
    four = list(models.AttackType.objects.values_list("pk", flat=True)[:4])
    response = admin_client.post(
        _url(models.Attack, "add"), _attack_form(admin_client, attack_types=four)
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["attack_types"]
    assert "at most 3" in errors["attack_types"][0]
    assert not models.Attack.objects.exists()


def test_attack_change_page_shows_owned_rows(admin_client):
    attack = AttackFactory(name="Sehwan shrine bombing")
    claim = ClaimFactory(attack=attack)
    AttributionFactory(attack=attack, group=claim.group)
    PersonAttackRoleFactory(attack=attack)
    CitationFactory(entry=attack, locator="para. 4")
    AliasFactory(entry=attack, name="Lal Shahbaz Qalandar shrine attack")
    response = admin_client.get(_url(models.Attack, "change", attack.pk))
    content = response.content.decode()
    assert "Publication" in content
    assert "Lal Shahbaz Qalandar shrine attack" in content
    assert "para. 4" in content
    counts = {
        inline.formset.prefix: inline.formset.total_form_count()
        for inline in response.context["inline_admin_formsets"]
    }
    assert counts == {
        "aliases": 1, "claims": 1, "attributions": 1, "people_roles": 1,
        "external_ids": 0, "citations": 1,
    }


def test_a_model_error_on_a_field_the_form_lacks_is_shown_not_raised(admin_client):
    comment = CommentFactory(author_email="")
    data = {
        "entry": comment.entry_id, "body": "Edited", "state": CommentState.PUBLISHED,
        "user": "", "author_name": "A reader", "parent": "",
    }
    response = admin_client.post(_url(models.Comment, "change", comment.pk), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert errors == ["Author email: Give an e-mail address (it is never shown)."]


# The paginator ------------------------------------------------------------------------


class EagerPaginator(EstimatedCountPaginator):
    threshold = 0


def test_paginator_counts_filtered_lists_exactly(db):
    _attacks(3)
    AttackFactory(killed=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE kb_attack")
    filtered = models.Attack.objects.filter(killed=3).order_by("pk")
    assert EagerPaginator(filtered, 2).count == 3


def test_paginator_counts_exactly_off_postgresql(db):
    if connection.vendor == "postgresql":
        pytest.skip("PostgreSQL takes the estimate; see the next test")
    _attacks(3)
    with CaptureQueriesContext(connection) as queries:
        assert EagerPaginator(models.Attack.objects.order_by("pk"), 2).count == 3
    assert any("COUNT(" in q["sql"].upper() for q in queries)


def test_paginator_takes_the_planner_estimate_of_a_large_table(db):
    if connection.vendor != "postgresql":
        pytest.skip("the planner's estimate exists on PostgreSQL only")
    _attacks(3)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE kb_attack")
    with CaptureQueriesContext(connection) as queries:
        count = EagerPaginator(models.Attack.objects.order_by("pk"), 2).count
    assert count == 3
    assert not any("COUNT(" in q["sql"].upper() for q in queries)


def test_paginator_counts_a_small_table_exactly(db):
    _attacks(3)
    with CaptureQueriesContext(connection) as queries:
        assert EstimatedCountPaginator(models.Attack.objects.order_by("pk"), 2).count == 3
    assert any("COUNT(" in q["sql"].upper() for q in queries)
