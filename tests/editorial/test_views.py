"""The editing, review and history pages: who may do what, bad input, and query counts."""

import pytest
from django.http import QueryDict
from django.test import Client
from django.urls import reverse

from kb.choices import RevisionState
from kb.editorial import workflow
from kb.editorial.snapshot import capture
from kb.models import Entry, Revision
from tests import factories
from tests.editorial.aggregates import KINDS, make_aggregate
from tests.editorial.form_data import editor_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(admin_user):
    """A published group with its first revision, as the demo loader leaves it."""
    entry = make_aggregate("group")
    workflow.record_direct_edit(entry=entry, user=admin_user, summary="Imported", publish=True)
    entry.refresh_from_db()
    return entry


def as_query(data: dict) -> QueryDict:
    query = QueryDict(mutable=True)
    for name, value in data.items():
        query.setlist(name, value) if isinstance(value, list) else query.__setitem__(name, value)
    return query


def form_of(client, url, **changes) -> dict:
    """The edit form at ``url`` as the browser would post it, with ``changes``."""
    page = client.get(url)
    assert page.status_code == 200
    base = page.context["proposal"]["base"].value() or ""
    return editor_data(page.context["editor"], base=base, **changes)


def post(client, url, data):
    return client.post(url, as_query(data))


def edit_url(entry):
    return reverse("kb:entry-edit", kwargs={"pk": entry.pk})


def propose(entry, author, **fields):
    data = capture(Entry.objects.get(pk=entry.pk).specific)
    data["fields"].update(fields)
    return workflow.propose(entry=entry, author=author, data=data, summary="Change",
                            base=Entry.objects.get(pk=entry.pk).live_revision, submit=True)


def live(entry):
    return Entry.objects.get(pk=entry.pk)


# Who may open what ---------------------------------------------------------------------


def team_urls(group):
    return [
        reverse("kb:entry-create", kwargs={"kind": "group"}), edit_url(group),
        reverse("kb:my-work"),
    ]


def test_anonymous_visitors_are_sent_to_sign_in_for_team_pages(client, group):
    for url in [*team_urls(group), reverse("kb:review-queue")]:
        response = client.get(url)
        assert response.status_code == 302 and reverse("login") in response["Location"]


def test_readers_are_refused_team_pages_with_a_message(client, reader, group):
    client.force_login(reader)
    for url in [*team_urls(group), reverse("kb:review-queue")]:
        response = client.get(url)
        assert response.status_code == 403
        body = response.content.decode()
        assert "research team" in body or "editors" in body


def test_researchers_are_refused_the_review_queue(client, researcher):
    client.force_login(researcher)
    assert client.get(reverse("kb:review-queue")).status_code == 403


def test_an_unknown_kind_of_entry_cannot_be_created(client, researcher):
    client.force_login(researcher)
    assert client.get(reverse("kb:entry-create", kwargs={"kind": "place"})).status_code == 404


def test_posts_without_a_csrf_token_are_refused(researcher, group):
    client = Client(enforce_csrf_checks=True)
    client.force_login(researcher)
    response = client.post(edit_url(group), {"action": "draft"})
    assert response.status_code == 403 and group.revisions.count() == 1


# Creating and editing ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_a_researcher_creates_an_entry_of_each_kind_for_review(client, researcher, kind):
    client.force_login(researcher)
    url = reverse("kb:entry-create", kwargs={"kind": kind})
    data = form_of(client, url, name="Jamaat-ul-Ahrar", occurred_on="May 2017",
                   action="submit", edit_summary="New entry")
    response = post(client, url, data)
    assert response.status_code == 302
    revision = Revision.objects.get(author=researcher)
    assert revision.state == RevisionState.PENDING and revision.entry.kind == kind
    assert not revision.entry.is_published
    assert client.get(reverse("kb:my-work")).context["revisions"][0] == revision


def test_creating_an_entry_under_an_existing_name_asks_for_confirmation(client, researcher, group):
    factories.AliasFactory(entry=group, name="Daesh")
    client.force_login(researcher)
    url = reverse("kb:entry-create", kwargs={"kind": "group"})
    data = form_of(client, url, name="DAESH", edit_summary="New")
    response = post(client, url, data)
    assert response.status_code == 409
    assert [e.pk for e in response.context["duplicates"]] == [group.pk]
    assert not Revision.objects.filter(author=researcher).exists()
    assert post(client, url, {**data, "duplicate_ok": "1"}).status_code == 302


def test_an_edit_is_proposed_and_live_content_waits_for_review(client, researcher, group):
    client.force_login(researcher)
    data = form_of(client, edit_url(group), summary="A clearer summary.", action="submit")
    response = post(client, edit_url(group), data)
    revision = group.revisions.get(author=researcher)
    assert response["Location"] == reverse("kb:revision-detail", kwargs={"pk": revision.pk})
    assert revision.base_id == group.live_revision_id and revision.state == "pending"
    assert revision.data["fields"]["summary"] == "A clearer summary."
    assert live(group).summary == group.summary


def test_bad_input_is_refused_and_the_typed_text_stays(client, researcher, group):
    client.force_login(researcher)
    data = form_of(client, edit_url(group), founded_on="the spring of 2014",
                   summary="Kept text.")
    response = post(client, edit_url(group), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "the spring of 2014" in body and "Kept text." in body and "May 2015" in body
    assert group.revisions.count() == 1


def test_a_model_rule_broken_by_the_proposal_is_shown_on_its_field(client, researcher, group):
    client.force_login(researcher)
    data = form_of(client, edit_url(group), founded_on="2015", dissolved_on="2010")
    response = post(client, edit_url(group), data)
    assert response.status_code == 400
    assert "dissolved before" in str(response.context["editor"].form.errors["dissolved_on"])
    assert group.revisions.count() == 1


def test_the_edit_summary_is_required(client, researcher, group):
    client.force_login(researcher)
    response = post(client, edit_url(group), form_of(client, edit_url(group), edit_summary=""))
    assert response.status_code == 400 and group.revisions.count() == 1


def test_preview_shows_the_published_rendering_and_saves_nothing(client, researcher, group):
    client.force_login(researcher)
    data = form_of(client, edit_url(group), body="**Bold** <script>x()</script>",
                   action="preview")
    response = post(client, edit_url(group), data)
    assert response.status_code == 200
    assert "<strong>Bold</strong>" in response.content.decode()
    assert "<script>x()" not in response.content.decode()
    assert group.revisions.count() == 1


def test_a_row_is_added_by_the_server_when_javascript_is_off(client, researcher, group):
    client.force_login(researcher)
    data = form_of(client, edit_url(group), add="aliases")
    response = post(client, edit_url(group), data)
    aliases = response.context["editor"].formsets[0]
    assert len(aliases.forms) == int(data["aliases-TOTAL_FORMS"]) + 1
    assert group.revisions.count() == 1


def test_a_stale_base_is_warned_about_then_saved_on_request(client, researcher, editor, group):
    client.force_login(researcher)
    data = form_of(client, edit_url(group), body="Another body.")
    landed = workflow.approve(revision=propose(group, editor, summary="Landed"),
                              reviewer=factories.UserFactory(role="administrator"))
    response = post(client, edit_url(group), data)
    assert response.status_code == 409 and response.context["stale"]
    assert "Landed" in response.content.decode()
    assert not group.revisions.filter(author=researcher).exists()
    response = post(client, edit_url(group), {**data, "stale_ok": str(landed.pk)})
    assert response.status_code == 302
    revision = group.revisions.get(author=researcher)
    assert revision.base_id == group.live_revision_id != landed.pk


@pytest.mark.parametrize(("base", "status"), [("other", 409), ("draft", 409), ("x1", 400)])
def test_a_tampered_base_is_refused_and_changes_nothing(
    client, researcher, group, admin_user, base, status
):
    other = factories.GroupFactory(name="Other")
    workflow.record_direct_edit(entry=other, user=admin_user, summary="Imported", publish=True)
    values = {
        "other": Entry.objects.get(pk=other.pk).live_revision_id,
        "draft": propose(group, admin_user).pk,
        "x1": "x1",
    }
    client.force_login(researcher)
    data = form_of(client, edit_url(group))
    response = post(client, edit_url(group), {**data, "proposal-base": str(values[base])})
    assert response.status_code == status
    assert "Nothing was saved" in response.content.decode()
    assert not Revision.objects.filter(author=researcher).exists()


def test_an_author_continues_their_draft_in_the_same_revision(client, researcher, group):
    client.force_login(researcher)
    post(client, edit_url(group), form_of(client, edit_url(group), summary="First go."))
    draft = group.revisions.get(author=researcher)
    url = reverse("kb:revision-edit", kwargs={"pk": draft.pk})
    response = post(client, url, form_of(client, url, summary="Second go.", action="submit"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.state, draft.data["fields"]["summary"]) == ("pending", "Second go.")
    assert group.revisions.filter(author=researcher).count() == 1


def test_only_the_author_edits_a_draft_and_only_while_it_is_a_draft(
    client, researcher, editor, group
):
    pending = propose(group, researcher)
    client.force_login(editor)
    assert client.get(reverse("kb:revision-edit", kwargs={"pk": pending.pk})).status_code == 403
    client.force_login(researcher)
    assert client.get(reverse("kb:revision-edit", kwargs={"pk": pending.pk})).status_code == 409


# Review ---------------------------------------------------------------------------------


def test_the_queue_lists_pending_proposals_oldest_first_with_filters(
    client, editor, researcher, group
):
    person = factories.PersonFactory()
    other = factories.UserFactory(username="sam", role="researcher")
    first, second = propose(group, researcher), propose(person, other)
    client.force_login(editor)
    assert list(client.get(reverse("kb:review-queue")).context["revisions"]) == [first, second]
    by_kind = client.get(reverse("kb:review-queue"), {"kind": "person"}).context["revisions"]
    by_author = client.get(reverse("kb:review-queue"), {"author": "rita"}).context["revisions"]
    assert list(by_kind) == [second] and list(by_author) == [first]


def test_a_proposal_is_shown_against_the_live_version(client, editor, researcher, group):
    revision = propose(group, researcher, summary="Brand new words")
    client.force_login(editor)
    response = client.get(reverse("kb:revision-detail", kwargs={"pk": revision.pk}))
    assert response.context["against"] == "live" and response.context["may_approve"]
    assert [c.name for c in response.context["changes"].fields] == ["summary"]
    assert "<ins>Brand</ins>" in response.content.decode()


def test_a_stale_proposal_can_be_shown_merged_onto_the_live_version(
    client, editor, researcher, group
):
    first = propose(group, researcher, summary="First")
    second = propose(group, researcher, body="Second body")
    workflow.approve(revision=first, reviewer=editor)
    client.force_login(editor)
    url = reverse("kb:revision-detail", kwargs={"pk": second.pk})
    response = client.get(url)
    assert response.context["stale"] and response.context["clashes"] == 0
    assert {c.name for c in response.context["changes"].fields} == {"summary", "body"}
    merged = client.get(url, {"against": "merged"})
    assert [c.name for c in merged.context["changes"].fields] == ["body"]


def test_an_editor_approves_and_the_change_is_published(client, editor, researcher, group):
    revision = propose(group, researcher, summary="Approved words")
    client.force_login(editor)
    url = reverse("kb:revision-approve", kwargs={"pk": revision.pk})
    assert client.post(url, {"approve-note": "Thanks"}).status_code == 302
    assert live(group).summary == "Approved words"
    assert Revision.objects.get(pk=revision.pk).review_note == "Thanks"


@pytest.mark.parametrize(("who", "state", "status"), [
    ("editor", "own", 403), ("researcher", "pending", 403), ("editor", "approved", 409),
])
def test_approval_refusals_carry_their_status_and_change_nothing(
    client, editor, researcher, group, who, state, status
):
    user = {"editor": editor, "researcher": researcher}[who]
    revision = propose(group, editor if state == "own" else researcher, summary="X")
    if state == "approved":
        workflow.approve(revision=revision, reviewer=factories.UserFactory(role="administrator"))
    before = live(group).live_revision_id
    client.force_login(user)
    response = client.post(reverse("kb:revision-approve", kwargs={"pk": revision.pk}))
    assert response.status_code == status
    assert live(group).live_revision_id == before


def test_get_never_changes_state(client, editor, researcher, group):
    revision = propose(group, researcher)
    client.force_login(editor)
    for name in ("approve", "reject", "send-back", "submit"):
        url = reverse(f"kb:revision-{name}", kwargs={"pk": revision.pk})
        assert client.get(url).status_code == 405
    assert Revision.objects.get(pk=revision.pk).state == RevisionState.PENDING


@pytest.mark.parametrize(("action", "state"), [("reject", "rejected"), ("send-back", "draft")])
def test_reject_and_send_back_need_a_note_the_author_then_sees(
    client, editor, researcher, group, action, state
):
    revision = propose(group, researcher)
    client.force_login(editor)
    url = reverse(f"kb:revision-{action}", kwargs={"pk": revision.pk})
    prefix = action.replace("-", "_")
    assert client.post(url, {f"{prefix}-note": " "}).status_code == 400
    assert Revision.objects.get(pk=revision.pk).state == RevisionState.PENDING
    assert client.post(url, {f"{prefix}-note": "Cite the UN list."}).status_code == 302
    assert Revision.objects.get(pk=revision.pk).state == state
    client.force_login(researcher)
    assert "Cite the UN list." in client.get(reverse("kb:my-work")).content.decode()


def test_a_conflict_is_shown_side_by_side_and_resolved_per_field(client, editor, researcher, group):
    first, second = propose(group, researcher, summary="A"), propose(group, researcher, summary="B")
    workflow.approve(revision=first, reviewer=editor)
    client.force_login(editor)
    url = reverse("kb:revision-approve", kwargs={"pk": second.pk})
    response = client.post(url)
    assert response.status_code == 409
    views = response.context["conflicts"]
    assert [(v.id, v.live.text, v.proposed.text) for v in views] == [("fields:summary", "A", "B")]
    response = client.post(url, {"resolving": "1", "conflict-0": "fields:summary"})
    assert response.status_code == 409 and response.context["missing"]
    response = client.post(url, {"conflict-0": "fields:summary", "choice-0": "proposed"})
    assert response.status_code == 302 and live(group).summary == "B"


def test_readers_see_approved_revisions_but_not_proposals(client, reader, researcher, group):
    pending = propose(group, researcher)
    client.force_login(reader)
    assert client.get(reverse("kb:revision-detail", kwargs={"pk": pending.pk})).status_code == 404
    approved = reverse("kb:revision-detail", kwargs={"pk": group.live_revision_id})
    response = client.get(approved)
    assert response.status_code == 200 and "rita" not in response.content.decode()


def test_submitting_a_draft_is_for_its_author(client, researcher, editor, group):
    client.force_login(researcher)
    post(client, edit_url(group), form_of(client, edit_url(group), summary="Draft."))
    draft = group.revisions.get(author=researcher)
    url = reverse("kb:revision-submit", kwargs={"pk": draft.pk})
    client.force_login(editor)
    assert client.post(url).status_code == 403
    client.force_login(researcher)
    assert client.post(url).status_code == 302
    assert Revision.objects.get(pk=draft.pk).state == RevisionState.PENDING


# History ---------------------------------------------------------------------------------


def test_history_shows_readers_the_published_versions_only(client, reader, researcher, group):
    propose(group, researcher)
    url = reverse("kb:entry-history", kwargs={"pk": group.pk})
    client.force_login(reader)
    response = client.get(url)
    assert [r.state for r in response.context["revisions"]] == ["approved"]
    client.force_login(researcher)
    assert len(client.get(url).context["revisions"]) == 2


def test_two_revisions_are_compared_field_by_field(client, editor, researcher, group):
    newer = workflow.approve(revision=propose(group, researcher, summary="Newer"), reviewer=editor)
    url = reverse("kb:revision-compare", kwargs={"pk": group.pk})
    response = client.get(url, {"from": newer.pk, "to": group.live_revision_id})
    assert response.status_code == 200
    assert response.context["pair"][0][1].pk == group.live_revision_id
    assert [c.name for c in response.context["changes"].fields] == ["summary"]
    assert client.get(url, {"from": "x"}).status_code == 400
    other = factories.RevisionFactory(state=RevisionState.APPROVED, reviewed_at="2020-01-01T00:00Z")
    assert client.get(url, {"from": other.pk, "to": newer.pk}).status_code == 404


def test_revert_proposes_an_old_version_for_review(client, editor, researcher, group):
    first = group.live_revision
    workflow.approve(revision=propose(group, researcher, summary="Later"), reviewer=editor)
    client.force_login(researcher)
    response = client.post(reverse("kb:entry-revert", kwargs={"pk": group.pk}),
                           {"revision": first.pk})
    revert = Revision.objects.filter(author=researcher).latest("pk")
    assert response.status_code == 302 and revert.state == RevisionState.PENDING
    assert revert.data["fields"]["summary"] == first.data["fields"]["summary"]
    other = factories.RevisionFactory(state=RevisionState.APPROVED, reviewed_at="2020-01-01T00:00Z")
    response = client.post(reverse("kb:entry-revert", kwargs={"pk": group.pk}),
                           {"revision": other.pk})
    assert response.status_code == 409


def test_archiving_is_proposed_by_editors_with_a_reason(client, editor, researcher, group):
    url = reverse("kb:entry-archive", kwargs={"pk": group.pk})
    client.force_login(researcher)
    assert client.post(url, {"archived": "1", "summary": "Dup"}).status_code == 403
    client.force_login(editor)
    assert client.post(url, {"archived": "1", "summary": ""}).status_code == 400
    assert client.post(url, {"archived": "1", "summary": "Duplicate"}).status_code == 302
    revision = Revision.objects.get(author=editor)
    assert revision.data["fields"]["is_archived"] and live(group).is_published


# Autocomplete and navigation ---------------------------------------------------------------


def test_autocomplete_suggests_entries_by_alias_sources_and_places(client, researcher, group):
    factories.AliasFactory(entry=group, name="Daesh")
    factories.SourceFactory(title="Dawn, 12 May 2019", slug="dawn-2019")
    url = reverse("kb:autocomplete")
    client.force_login(researcher)
    results = client.get(url, {"type": "group", "q": "daesh"}).json()["results"]
    assert results[0]["value"] == group.slug and "Daesh" in results[0]["label"]
    assert client.get(url, {"type": "source", "q": "dawn"}).json()["results"][0]["value"] == (
        "dawn-2019")
    places = client.get(url, {"type": "place", "q": "pak", "kind": "country"}).json()["results"]
    assert [p["value"] for p in places] == ["pakistan"]
    assert client.get(url, {"type": "nonsense", "q": "x"}).status_code == 400


def test_autocomplete_is_for_the_team(client, reader):
    client.force_login(reader)
    assert client.get(reverse("kb:autocomplete"), {"q": "is"}).status_code == 403


def test_the_header_links_to_my_work_and_the_queue_with_its_count(
    client, editor, researcher, group
):
    propose(group, researcher)
    client.force_login(editor)
    body = client.get(reverse("kb:home")).content.decode()
    assert "Review queue (1)" in body and "My work" in body
    client.force_login(researcher)
    body = client.get(group.get_absolute_url()).content.decode()
    assert "Review queue" not in body and "My work" in body and edit_url(group) in body


def test_readers_get_a_history_link_but_no_edit_link(client, group):
    body = client.get(group.get_absolute_url()).content.decode()
    assert reverse("kb:entry-history", kwargs={"pk": group.pk}) in body
    assert edit_url(group) not in body


# Query counts ----------------------------------------------------------------------------


def _queries(client, url, assert_max, limit):
    with assert_max(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(("name", "persona", "limit"), [
    ("kb:review-queue", "editor", 12), ("kb:my-work", "researcher", 12),
    ("kb:entry-history", "researcher", 12),
])
def test_list_pages_cost_the_same_queries_for_few_and_many_rows(
    request, client, django_assert_max_num_queries, group, name, persona, limit
):
    user = request.getfixturevalue(persona)
    author = request.getfixturevalue("researcher")
    kwargs = {"pk": group.pk} if name == "kb:entry-history" else None
    client.force_login(user)
    client.get(reverse(name, kwargs=kwargs))  # warm the process-wide caches
    counts = []
    for n in (2, 8):
        while Revision.objects.filter(author=author).count() < n:
            entry = factories.GroupFactory() if name != "kb:entry-history" else group
            propose(entry, author)
        counts.append(_queries(client, reverse(name, kwargs=kwargs), django_assert_max_num_queries,
                               limit))
    assert counts[0] == counts[1]
