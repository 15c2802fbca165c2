"""Every address of the site and the API, for every role and object state: the answer.

The table below (``RULES``) says what each role gets at each address, for entries in
each state (draft, pending, published, archived, merged), revisions in each state
(own or another's), comments, and each admin page. The cells are generated from the
URL configuration: an address without a rule fails ``test_every_address_has_a_rule``,
a rule whose address is gone fails ``test_every_rule_names_an_address``. Each cell is
one request and one test, named ``<address>|<role>|<state>|<method>``.

A cell fails on any server error, on any answer that lets through a role the table
refuses ("unexpected allow"), and on any answer other than the expected one. Where a
rule conceals something (an unpublished entry's name in a list, a search or a place's
attacks; who wrote a revision), it must not appear in the page either, and, as a
control, must appear where it may be seen.

The admin panel is covered by kind of page, for every model ``admin.site`` registers.
The world (``tests.security.matrix.build_world``) is built once for the module inside
a transaction; each cell runs in a savepoint, so a POST that succeeds changes nothing
for the next cell.

Outcomes are written as in ``tests.security.matrix``: ``302→login`` is the sign-in
page, ``allowed`` any answer that went through (2xx, a redirect elsewhere, 400, 409).
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from kb.models import Group
from tests.security.matrix import (
    ALLOWED,
    CONFLICT,
    DENIED,
    DONE,
    EDITORS,
    ENTRY_STATES,
    HIDDEN,
    INVALID,
    LOGIN,
    MOVED,
    OK,
    PUBLIC,
    REFUSALS,
    TEAM,
    WRONG_METHOD,
    Rule,
    Target,
    build_world,
    cells_of,
    classify,
    everyone,
    gate,
    gated,
    hidden_from_all,
    hidden_from_public,
    matches,
    only_once,
    post_only,
    read_only_api,
    signed_in,
    site_routes,
    staff,
    team_only,
)

# Every address is tried with GET; those that change things with POST too.
WITH_POST = ("GET", "POST")
# Entry states seen through a list, a search or a page that lists entries.
LISTED = ("draft", "pending", "published", "archived")
# A group in each state, then the published group with a member in each state.
MEMBERS = (*ENTRY_STATES, *(f"member:{state}" for state in LISTED))
# Entry states of the addresses that take an entry's id.
BY_ID = ("draft", "pending", "published", "archived", "merged")
REVISION_STATES = (
    "own-draft", "own-pending", "other-draft", "other-pending", "other-rejected",
    "approved", "new-entry-draft", "new-entry-pending", "archived-approved",
)
PENDING_REVISIONS = frozenset({"own-pending", "other-pending", "new-entry-pending"})


# Expectations ----------------------------------------------------------------------


def profile(role, state, method) -> str:
    """A profile page: readers see published entries, the team every entry."""
    if state.startswith("member:"):  # a published group, with a member in that state
        return OK
    if state == "merged":
        return MOVED
    if state == "merged-into-draft":  # the draft it points to is no reader's business
        return HIDDEN if role in PUBLIC else MOVED
    return OK if state == "published" or role in TEAM else HIDDEN


def entry_page(role, state, method) -> str:
    """A page about an entry by id (history, compare): merged entries are nobody's."""
    if state == "merged":
        return HIDDEN
    return OK if state == "published" or role in TEAM else HIDDEN


def api_record(role, state, method) -> str:
    if method == "POST":
        return WRONG_METHOD
    return {"published": OK, "merged": MOVED}.get(state, HIDDEN)


def attack_list(role, state, method) -> str:
    """Attacks, optionally of one group: a group one may not see is one that is not there.

    The filter refuses an unknown group with 400 (kb/views/browse.py); a group's name
    given for its slug is redirected to the slug, for those who may see the group.
    """
    if state == "by-group-name:draft":
        return DONE if role in TEAM else INVALID
    if not state.startswith("by-group:"):
        return OK
    group = state.removeprefix("by-group:")
    if group == "published" or (role in TEAM and group in LISTED):
        return OK
    return INVALID


def revision_page(role, state, method) -> str:
    return OK if state == "approved" or role in TEAM else HIDDEN


def revision_edit(role, state, method) -> str:
    # The author check comes before the state check.
    return gate(role) or {"own-draft": OK, "own-pending": CONFLICT}.get(state, DENIED)


def revision_submit(role, state, method) -> str:
    return gate(role) or {"own-draft": DONE, "own-pending": CONFLICT}.get(state, DENIED)


def revision_approve(role, state, method) -> str:
    # workflow.approve checks the state before the reviewer.
    if refused := gate(role):
        return refused
    if state not in PENDING_REVISIONS:
        return CONFLICT
    if role == "researcher" or (role == "editor" and state == "own-pending"):
        return DENIED  # four eyes: an editor does not approve their own proposal
    return DONE


def revision_close(role, state, method) -> str:
    """Reject or send back: any editor, own proposals included; pending ones only."""
    if refused := gate(role):
        return refused
    if state not in PENDING_REVISIONS:
        return CONFLICT
    return DONE if role in EDITORS else DENIED


def entry_edit(role, state, method) -> str:
    return gate(role) or (HIDDEN if state == "merged" else OK)


def entry_revert(role, state, method) -> str:
    if refused := gate(role):
        return refused
    # A never-published entry has no approved version to restore.
    return {"merged": HIDDEN, "draft": INVALID, "pending": INVALID}.get(state, DONE)


def entry_archive(role, state, method) -> str:
    return gate(role, EDITORS) or (HIDDEN if state == "merged" else DONE)


def comment_post(role, state, method) -> str:
    # An empty comment is refused by the form (400) once the entry accepts comments.
    return INVALID if state == "published" else HIDDEN


def moderation(role, state, method) -> str:
    if role == "anonymous":
        return LOGIN
    if role not in EDITORS:
        return DENIED
    return OK if method == "GET" else DONE


def entry_create(role, state, method) -> str:
    return gate(role) or (HIDDEN if state == "place" else OK)


def autocomplete(role, state, method) -> str:
    # JSON for a script, so a refusal even for the anonymous visitor, not a redirect.
    if method == "POST":
        return WRONG_METHOD
    return OK if role in TEAM else DENIED


# Targets ---------------------------------------------------------------------------


def listing(kind: str):
    def target(world, role, state):
        return Target(secret=world.entry(kind, state).name)

    return target


def searching(kind: str):
    # Not the name itself: a search page repeats its query.
    def target(world, role, state):
        return Target(query={"q": "Matrix", "kind": kind}, secret=world.entry(kind, state).name)

    return target


def by_slug(kind: str, argument: str = "slug"):
    def target(world, role, state):
        if state == "draft-by-id":
            return Target(kwargs={argument: str(world.entry(kind, "draft").pk)})
        return Target(kwargs={argument: world.entry(kind, state).slug})

    return target


def group_profile(world, role, state):
    """A group in ``state``, or the published group with a member in ``member:<state>``."""
    if state.startswith("member:"):
        member = world.entry("person", state.removeprefix("member:"))
        return Target(kwargs={"slug": world.entry("group", "published").slug},
                      secret=member.name)
    return by_slug("group")(world, role, state)


def by_entry_id(**data):
    # The secret is the name of the researcher who wrote the entry's revisions.
    def target(world, role, state):
        return Target(kwargs={"pk": world.entry("group", state).pk}, data=data,
                      secret=str(world.other))

    return target


def by_revision_id(**data):
    def target(world, role, state):
        revision = world.revision(role, state)
        form = {"proposal-base": revision.base_id or "", **data}
        author = str(revision.author) if revision.author_id == world.other.pk else ""
        return Target(kwargs={"pk": revision.pk}, data=form, secret=author)

    return target


def attacks_by_group(world, role, state):
    if state == "by-group:no-such-group":
        return Target(query={"group": "no-such-group"})
    if state == "by-group-name:draft":
        return Target(query={"group": world.entry("group", "draft").name})
    if state.startswith("by-group:"):
        group = world.entry("group", state.removeprefix("by-group:"))
        return Target(query={"group": group.slug})
    return listing("attack")(world, role, state)


def compared(world, role, state):
    revisions = world.revisions
    if state == "published":
        pair = revisions["first-approved"], revisions["approved"]
    elif state == "published-with-proposal":
        pair = revisions["approved"], revisions["other-pending"]
    else:
        only = world.entry("group", state).revisions.order_by("pk").last()
        pair = only, only
    entry = pair[0].entry_id
    return Target(kwargs={"pk": entry}, query={"from": pair[0].pk, "to": pair[1].pk})


def reverted(world, role, state):
    entry = world.entry("group", state)
    to = entry.revisions.order_by("pk").first()
    return Target(kwargs={"pk": entry.pk}, data={"revision": to.pk, "summary": "Restore."})


def archived(world, role, state):
    restore = state == "archived"
    return Target(kwargs={"pk": world.entry("group", state).pk},
                  data={"archived": "0" if restore else "1", "summary": "Duplicate."})


def commented(world, role, state):
    return Target(kwargs={"pk": world.entry("group", state).pk}, data={"body": ""})


def moderated(world, role, state):
    action = {"pending": "publish", "spam": "ham"}[state]
    return Target(query={"queue": state},
                  data={"queue": state, "action": f"{action}:{world.comments[state].pk}"})


def cited_source(world, role, state):
    return Target(kwargs={"slug": world.source.slug}, secret=world.entry("group", state).name)


def attacked_place(world, role, state):
    return Target(kwargs={"slug": world.place.slug}, secret=world.entry("attack", state).name)


def api_source(world, role, state):
    return Target(kwargs={"key": world.source.slug})


def api_place(world, role, state):
    return Target(kwargs={"key": world.place.slug})


# The table: the site ---------------------------------------------------------------

SITE_RULES = {
    "kb:home": Rule(everyone(OK), listing("group"), LISTED, conceals=hidden_from_public),
    "kb:group-list": Rule(everyone(OK), listing("group"), LISTED, conceals=hidden_from_public),
    "kb:person-list": Rule(everyone(OK), listing("person"), LISTED,
                           conceals=hidden_from_public),
    "kb:attack-list": Rule(
        attack_list, attacks_by_group,
        (*LISTED, *(f"by-group:{state}" for state in (*BY_ID, "no-such-group")),
         "by-group-name:draft"),
        conceals=hidden_from_public,
    ),
    "kb:source-list": Rule(everyone(OK)),
    "kb:source-detail": Rule(everyone(OK), cited_source, LISTED, conceals=hidden_from_public),
    "kb:place-detail": Rule(everyone(OK), attacked_place, LISTED, conceals=hidden_from_public),
    "kb:group-detail": Rule(profile, group_profile, MEMBERS, conceals=hidden_from_public),
    "kb:group-people": Rule(profile, group_profile, MEMBERS, conceals=hidden_from_public),
    "kb:person-detail": Rule(profile, by_slug("person"), ENTRY_STATES),
    "kb:attack-detail": Rule(profile, by_slug("attack"), ENTRY_STATES),
    "kb:comment-post": Rule(post_only(comment_post), commented, BY_ID, WITH_POST,
                            skip=only_once("GET", "published")),
    "kb:moderation": Rule(moderation, moderated, ("pending", "spam"), WITH_POST),
    "kb:search": Rule(everyone(OK), searching("group"), LISTED, conceals=hidden_from_public),
    "kb:search-suggest": Rule(everyone(OK), searching("group"), LISTED,
                              conceals=hidden_from_public),
    # Editing and review.
    "kb:entry-create": Rule(
        entry_create, lambda world, role, state: Target(kwargs={"kind": state}),
        ("group", "person", "attack", "place"), WITH_POST,
    ),
    "kb:entry-edit": Rule(entry_edit, by_entry_id(), BY_ID, WITH_POST),
    # Who wrote or reviewed a revision is shown to the team only (kb/views/history.py).
    "kb:entry-history": Rule(entry_page, by_entry_id(), BY_ID, conceals=team_only),
    "kb:revision-compare": Rule(
        entry_page, compared,
        ("published", "published-with-proposal", "draft", "pending", "archived", "merged"),
    ),
    "kb:entry-revert": Rule(post_only(entry_revert), reverted, BY_ID, WITH_POST,
                            skip=only_once("GET", "published")),
    "kb:entry-archive": Rule(post_only(entry_archive), archived, BY_ID, WITH_POST,
                             skip=only_once("GET", "published")),
    "kb:revision-detail": Rule(revision_page, by_revision_id(), REVISION_STATES,
                               conceals=team_only),
    "kb:revision-edit": Rule(revision_edit, by_revision_id(), REVISION_STATES, WITH_POST),
    "kb:revision-submit": Rule(post_only(revision_submit), by_revision_id(), REVISION_STATES,
                               WITH_POST, skip=only_once("GET", "own-draft")),
    "kb:revision-approve": Rule(post_only(revision_approve), by_revision_id(),
                                REVISION_STATES, WITH_POST, skip=only_once("GET", "other-pending")),
    "kb:revision-reject": Rule(post_only(revision_close), by_revision_id(**{
        "reject-note": "Unsourced."}), REVISION_STATES, WITH_POST,
        skip=only_once("GET", "other-pending")),
    "kb:revision-send-back": Rule(post_only(revision_close), by_revision_id(**{
        "send_back-note": "Cite a source."}), REVISION_STATES, WITH_POST,
        skip=only_once("GET", "other-pending")),
    "kb:review-queue": Rule(gated(OK, EDITORS)),
    "kb:my-work": Rule(gated(OK)),
    "kb:autocomplete": Rule(
        autocomplete, lambda world, role, state: Target(query={"type": "group", "q": "Matrix"}),
        methods=WITH_POST,
    ),
    "kb:search-similar": Rule(
        autocomplete, lambda world, role, state: Target(query={"kind": "group", "name": "Matrix"}),
        methods=WITH_POST,
    ),
}

# The table: the API (read-only, published records only, nobody signed in) --------

API_ONCE = only_once("POST", "published")
API_RULES = {"api:not-found": Rule(lambda role, state, method: WRONG_METHOD
                                   if method == "POST" else HIDDEN, methods=WITH_POST)}
for _kind in ("group", "person", "attack"):
    API_RULES[f"api:{_kind}-list"] = Rule(read_only_api, listing(_kind), LISTED, WITH_POST,
                                          skip=API_ONCE, conceals=hidden_from_all)
    API_RULES[f"api:{_kind}-detail"] = Rule(
        api_record, by_slug(_kind, "key"), (*ENTRY_STATES, "draft-by-id"), WITH_POST,
        skip=API_ONCE,
    )
API_RULES.update({
    "api:source-list": Rule(read_only_api, methods=WITH_POST),
    "api:place-list": Rule(read_only_api, methods=WITH_POST),
    # Neither record lists the entries citing or located at it.
    "api:source-detail": Rule(read_only_api, api_source, methods=WITH_POST),
    "api:place-detail": Rule(read_only_api, api_place, methods=WITH_POST),
    "api:search": Rule(read_only_api, searching("group"), LISTED, WITH_POST, skip=API_ONCE,
                       conceals=hidden_from_all),
    "api:schema": Rule(read_only_api, methods=WITH_POST),
    "api:docs": Rule(read_only_api, methods=WITH_POST),
    "api:redoc": Rule(read_only_api, methods=WITH_POST),
})

# The table: signing in and out (django.contrib.auth) ------------------------------

AUTH_RULES = {
    "login": Rule(everyone(OK), methods=WITH_POST),  # an empty form is shown again
    "logout": Rule(lambda role, state, method: WRONG_METHOD if method == "GET" else DONE,
                   methods=WITH_POST),
    "password_change": Rule(signed_in(OK), methods=WITH_POST),
    "password_change_done": Rule(signed_in(OK)),
    "password_reset": Rule(everyone(OK), methods=WITH_POST),
    "password_reset_done": Rule(everyone(OK)),
    "password_reset_confirm": Rule(
        everyone(OK),  # a link that does not verify says so
        lambda world, role, state: Target(kwargs={"uidb64": "MQ", "token": "bad-token"}),
    ),
    "password_reset_complete": Rule(everyone(OK)),
}

# The table: the admin panel, by kind of page --------------------------------------

# Lists that nobody edits through the admin, the administrator included.
ADMIN_READ_ONLY = frozenset({
    "kb.entry", "kb.revision", "kb.attacktype", "kb.targettype", "kb.weapontype",
    "accounts.auditevent",
})
# Rows only the application writes; deleting one (a sign-in lock-out) is allowed.
ADMIN_NO_ADD = frozenset({"axes.accessattempt"})
ADMIN_SITE = "admin/"


def admin_object(label: str, argument: str = "object_id"):
    def target(world, role, state):
        if label not in world.admin_objects:
            pytest.fail(f"no admin object for {label} — add a builder to "
                        "tests/security/matrix.py:_admin_objects")
        return Target(kwargs={argument: world.admin_objects[label].pk})

    return target


def admin_shortcut(label: str):
    """The unnamed ``<object_id>/`` address that redirects to the change page."""
    app, model = label.split(".")

    def target(world, role, state):
        change = reverse(f"admin:{app}_{model}_change",
                         kwargs=admin_object(label)(world, role, state).kwargs)
        return Target(path=change.removesuffix("change/"))

    return target


def view_on_site(world, role, state):
    kind = ContentType.objects.get_for_model(Group)
    return Target(kwargs={"content_type_id": kind.pk,
                          "object_id": world.entry("group", "published").pk})


def per_model_roles(role, state, method) -> bool:
    # AdminSite.admin_view lets staff in and sends everyone else to its sign-in page,
    # whatever the page; admin:index and the other site pages try every role, so a role
    # that became staff shows there. Each model's pages try the visitor, the most
    # trusted role that is not staff, and the administrator.
    return role in ("reader", "researcher")


def admin_rules() -> dict[str, Rule]:
    rules = {
        "admin:index": Rule(staff(OK)),
        # The sign-in page is for everyone; a signed-in administrator goes on to the index.
        "admin:login": Rule(lambda role, state, method: DONE
                            if role == "administrator" and method == "GET" else OK,
                            methods=WITH_POST),
        # Signing out is a WITH_POST; the others are sent to the index, not to the sign-in page.
        "admin:logout": Rule(lambda role, state, method: DONE if role != "administrator"
                             else WRONG_METHOD if method == "GET" else DONE, methods=WITH_POST),
        "admin:password_change": Rule(staff(OK, OK), methods=WITH_POST),
        "admin:password_change_done": Rule(staff(OK)),
        "admin:autocomplete": Rule(staff(OK), lambda world, role, state: Target(query={
            "app_label": "kb", "model_name": "citation", "field_name": "source", "term": "M",
        })),
        "admin:jsi18n": Rule(staff(OK)),
        "admin:view_on_site": Rule(staff(DONE), view_on_site),
        "admin:app_list": Rule(
            staff(OK), lambda world, role, state: Target(kwargs={"app_label": state}),
            tuple(sorted({model._meta.app_label for model in admin.site._registry})),
        ),
        f"{ADMIN_SITE}(?P<url>.*)$": Rule(
            staff(HIDDEN), lambda world, role, state: Target(path="/admin/no-such-page/")
        ),
        "admin:auth_user_password_change": Rule(
            staff(OK, ALLOWED), admin_object("accounts.user", "id"), methods=WITH_POST
        ),
    }
    for model in admin.site._registry:
        label = model._meta.label_lower
        name = f"admin:{label.replace('.', '_')}"
        writes = (DENIED, DENIED) if label in ADMIN_READ_ONLY else (OK, ALLOWED)
        adds = (DENIED, DENIED) if label in ADMIN_NO_ADD else writes
        obj, few = admin_object(label), per_model_roles
        rules.update({
            f"{name}_changelist": Rule(staff(OK), skip=few),
            f"{name}_add": Rule(staff(*adds), methods=WITH_POST, skip=few),
            f"{name}_change": Rule(staff(OK, writes[1]), obj, methods=WITH_POST, skip=few),
            f"{name}_history": Rule(staff(OK), obj, skip=few),
            f"{name}_delete": Rule(staff(*writes), obj, methods=WITH_POST, skip=few),
            f"{ADMIN_SITE}{label.replace('.', '/')}/<path:object_id>/": Rule(
                staff(DONE), admin_shortcut(label), skip=few
            ),
        })
    return rules


RULES = {**SITE_RULES, **API_RULES, **AUTH_RULES, **admin_rules()}
ROUTES = site_routes()
CELLS = [
    cell for key in dict.fromkeys(route.key for route in ROUTES) if key in RULES
    for cell in cells_of(key, RULES[key])
]


# Tests -----------------------------------------------------------------------------


def test_every_address_has_a_rule():
    missing = [route for route in ROUTES if route.key not in RULES]
    assert not missing, "\n".join(
        f"no permission rule for {route.key} (/{route.pattern}) — add one to the matrix"
        for route in missing
    )


def test_every_rule_names_an_address():
    stale = sorted(set(RULES) - {route.key for route in ROUTES})
    assert not stale, "\n".join(
        f"permission rule for {key}, which no URL pattern has — remove it from the matrix"
        for key in stale
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One object in every state, built once; each cell's changes roll back with it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The API throttle and the comment rate limits count in the cache.
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("cell", CELLS, ids=str)
def test_every_cell_answers_as_the_matrix_says(world, db, cell):
    rule = RULES[cell.key]
    target = rule.target(world, cell.role, cell.state)
    url = target.path or reverse(cell.key, kwargs=target.kwargs)
    url += f"?{urlencode(target.query)}" if target.query else ""
    client = world.client(cell.role)
    response = client.get(url) if cell.method == "GET" else client.post(url, target.data)
    actual = classify(response)
    where = f"{cell.method} {url}"

    raised = (getattr(response, "exc_info", None) or (None, None))[1]
    assert not actual.startswith("5"), f"server error {actual} at {where}: {raised!r}"
    if cell.expected in REFUSALS:
        assert actual in REFUSALS, (
            f"unexpected allow: {where} answered {actual} to {cell.role}; "
            f"the matrix says {cell.expected}"
        )
    assert matches(cell.expected, actual), (
        f"{where} answered {actual} to {cell.role}; the matrix says {cell.expected}"
    )
    verdict = rule.conceals(cell.role, cell.state) if rule.conceals and target.secret else None
    shown = target.secret in response.content.decode() if verdict is not None else None
    if verdict is True:
        assert not shown, f"{where} shows “{target.secret}” to {cell.role}"
    elif verdict is False and actual == OK:
        # The control: where the secret may be seen, it is, so the check looks where
        # it would appear.
        assert shown, f"{where} does not show “{target.secret}” to {cell.role}"
