"""The machinery of the permission matrix: routes, outcomes, cells and the world.

``test_permission_matrix`` holds the table (what each role may do at each address);
this module walks the URL configuration, builds one object in every state the table
names, and says in the table's words what a response meant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group as AuthGroup
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.models import AuditEvent, User
from kb import models
from kb.choices import CommentState, DatePrecision, IdentifierScheme, RevisionState
from kb.editorial import workflow
from kb.editorial.snapshot import capture
from tests import factories

# Roles, least trusted first; "reader" is signed in with no role.
ROLES = ("anonymous", "reader", "researcher", "editor", "administrator")
PUBLIC = frozenset({"anonymous", "reader"})
TEAM = frozenset({"researcher", "editor", "administrator"})
EDITORS = frozenset({"editor", "administrator"})

# Outcomes: what a response meant, in the words the table uses.
OK = "200"
MOVED = "301"
DONE = "302"  # a redirect somewhere other than a sign-in page
LOGIN = "302→login"
ADMIN_LOGIN = "302→admin-login"
INVALID = "400"
DENIED = "403"
HIDDEN = "404"
WRONG_METHOD = "405"
CONFLICT = "409"
# A status class, not a status: the request went through (2xx, 3xx, 400 or 409).
ALLOWED = "allowed"

REFUSALS = frozenset({LOGIN, ADMIN_LOGIN, DENIED, HIDDEN, WRONG_METHOD})


def classify(response) -> str:
    """The outcome a response stands for."""
    status = response.status_code
    if 300 <= status < 400 and status != 304:
        path = urlsplit(response.headers.get("Location", "")).path
        if path == resolve_url(settings.LOGIN_URL):
            return LOGIN
        if path == reverse("admin:login"):
            return ADMIN_LOGIN
        return MOVED if status == 301 else DONE
    return str(status)


def matches(expected: str, actual: str) -> bool:
    if expected == ALLOWED:
        return actual not in REFUSALS and (actual[0] in "23" or actual in (INVALID, CONFLICT))
    return actual == expected


# Expectations shared by many rules ------------------------------------------------


def everyone(outcome: str):
    return lambda role, state, method: outcome


def gate(role: str, allowed_roles=TEAM) -> str | None:
    """The refusal of ``permission_required`` (kb/views/editorial_common.py), or None."""
    if role == "anonymous":
        return LOGIN
    return None if role in allowed_roles else DENIED


def gated(outcome: str, allowed_roles=TEAM):
    return lambda role, state, method: gate(role, allowed_roles) or outcome


def post_only(expect):
    """``require_POST`` answers a GET before any permission check."""
    return lambda role, state, method: WRONG_METHOD if method == "GET" else expect(
        role, state, method
    )


def read_only_api(role, state, method) -> str:
    return WRONG_METHOD if method == "POST" else OK


def only_once(method: str, state: str):
    """Skip the cells of ``method`` except in ``state``: they would repeat one answer."""
    return lambda role, s, m: m == method and s != state


def shown_entry(state: str) -> str:
    """The state of the entry whose name a cell looks for ("member:draft" → "draft")."""
    return state.rpartition(":")[2]


# A rule's ``conceals(role, state)`` says whether the target's secret must be absent
# (True) or, as a control that the check looks in the right place, present (False) in
# a 200 answer; None asks nothing.


def hidden_from_public(role, state) -> bool | None:
    if shown_entry(state) == "published":
        return False
    return True if role in PUBLIC else None


def hidden_from_all(role, state) -> bool:
    # The API signs nobody in: it shows published records only, to the team too.
    return shown_entry(state) != "published"


def team_only(role, state) -> bool:
    return role in PUBLIC


def signed_in(outcome: str):
    return lambda role, state, method: LOGIN if role == "anonymous" else outcome


def staff(get: str, post: str | None = None):
    """Admin pages: only staff (the administrator) get past ``AdminSite.admin_view``."""
    return lambda role, state, method: (
        ADMIN_LOGIN if role != "administrator" else get if method == "GET" else post
    )


# Routes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """One address of the URL configuration: ``key`` is its name, or its pattern."""

    key: str
    pattern: str


def site_routes() -> list[Route]:
    """Every endpoint of the root URLconf, in its order: named ones by name, others by
    their full pattern."""
    found: list[Route] = []

    def walk(resolver, prefix: str, namespaces: tuple[str, ...]):
        for item in resolver.url_patterns:
            pattern = prefix + str(item.pattern)
            if isinstance(item, URLResolver):
                walk(item, pattern, (*namespaces, item.namespace) if item.namespace else namespaces)
            elif item.name:
                found.append(Route(":".join((*namespaces, item.name)), pattern))
            else:
                found.append(Route(pattern, pattern))

    walk(get_resolver(), "", ())
    return found


# The table's vocabulary -------------------------------------------------------------

Expect = Callable[[str, str, str], str]  # (role, state, method) -> outcome


@dataclass(frozen=True)
class Target:
    """What to send: URL arguments (or a path, for unnamed routes), query and body.

    ``secret`` is text the rule's ``conceals`` looks for in the answer.
    """

    kwargs: dict = field(default_factory=dict)
    path: str = ""
    query: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)
    secret: str = ""


def _no_arguments(world, role, state) -> Target:
    return Target()


@dataclass(frozen=True)
class Rule:
    """The expected answer of one address for every role, state and method.

    States named ``own-…`` are relative to the user asking; the anonymous visitor owns
    nothing, so those cells are not generated for it. ``skip`` leaves out cells that
    would only repeat others; ``conceals`` says where ``Target.secret`` must not show
    (and, as a control, where it must).
    """

    expect: Expect
    target: Callable[[World, str, str], Target] = _no_arguments
    states: tuple[str, ...] = ("-",)
    methods: tuple[str, ...] = ("GET",)
    skip: Callable[[str, str, str], bool] | None = None
    conceals: Callable[[str, str], bool | None] | None = None


@dataclass(frozen=True)
class Cell:
    key: str
    role: str
    state: str
    method: str
    expected: str

    def __str__(self) -> str:
        return f"{self.key}|{self.role}|{self.state}|{self.method}"


def cells_of(key: str, rule: Rule) -> list[Cell]:
    cells = []
    for state in rule.states:
        for role in ROLES:
            if role == "anonymous" and state.startswith("own-"):
                continue
            for method in rule.methods:
                if rule.skip and rule.skip(role, state, method):
                    continue
                cells.append(Cell(key, role, state, method, rule.expect(role, state, method)))
    return cells


# The world: one object in each state ------------------------------------------------

KINDS = ("group", "person", "attack")
ENTRY_STATES = ("draft", "pending", "published", "archived", "merged", "merged-into-draft")
FACTORIES = {
    "group": factories.GroupFactory,
    "person": factories.PersonFactory,
    "attack": factories.AttackFactory,
}
PERSONAS = {  # the usernames of tests/conftest.py
    "reader": ("reader", None),
    "researcher": ("rita", "researcher"),
    "editor": ("eddie", "editor"),
    "administrator": ("ada", "administrator"),
}


@dataclass
class World:
    """One object in every state the table names, and a signed-in session per persona."""

    users: dict = field(default_factory=dict)  # role -> persona
    other: User | None = None  # another researcher, who wrote and published the entries
    sessions: dict = field(default_factory=dict)
    entries: dict = field(default_factory=dict)  # (kind, state) -> Entry
    revisions: dict = field(default_factory=dict)  # state -> Revision
    own: dict = field(default_factory=dict)  # (role, "own-draft" | "own-pending") -> Revision
    comments: dict = field(default_factory=dict)  # state -> Comment
    admin_objects: dict = field(default_factory=dict)  # "app_label.model" -> object
    place: models.Place | None = None
    source: models.Source | None = None

    def entry(self, kind: str, state: str):
        return self.entries[(kind, state)]

    def revision(self, role: str, state: str):
        return self.own[(role, state)] if state.startswith("own-") else self.revisions[state]

    def client(self, role: str) -> Client:
        # A server error is a response to report, not an exception to stop at.
        client = Client(raise_request_exception=False)
        if role != "anonymous":
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[role]
        return client


def entry_name(kind: str, state: str) -> str:
    """A name no other text of the site contains, to look for where it must not show."""
    return f"Matrix {kind} {state}"


def build_world() -> World:
    world = World()
    for role, (username, group) in PERSONAS.items():
        world.users[role] = factories.UserFactory(username=username, role=group)
    other = world.other = factories.UserFactory(
        username="olga", display_name="Olga Matrixova", role="researcher"
    )
    admin_user = world.users["administrator"]
    world.place = factories.CityFactory(name="Matrix city")
    world.source = factories.SourceFactory(title="Matrix report")

    # Another researcher writes and publishes the world's entries: no persona owns them.
    for kind in KINDS:
        _build_entries(world, kind, author=other, publisher=other)
    _build_revisions(world, other=other, reviewer=admin_user)
    published = world.entry("group", "published")
    for state in ("draft", "pending", "published", "archived"):
        factories.PersonGroupRoleFactory(person=world.entry("person", state), group=published)
    for state in (CommentState.PUBLISHED, CommentState.PENDING, CommentState.SPAM):
        world.comments[state] = factories.CommentFactory(entry=published, state=state)
    world.admin_objects = _admin_objects(world)

    for role, user in world.users.items():
        client = Client()
        client.force_login(user)
        world.sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return world


def _build_entries(world: World, kind: str, *, author, publisher) -> None:
    make = FACTORIES[kind]
    extra = {"place": world.place} if kind == "attack" else {}

    def publish(entry, summary="Imported"):
        workflow.record_direct_edit(entry=entry, user=publisher, summary=summary, publish=True)
        entry.refresh_from_db()
        return entry

    published = publish(make(name=entry_name(kind, "published"), **extra))
    if kind == "group":  # a second approved version, to compare with the first
        published.summary = "A militant group, revised."
        published.save()
        publish(published, "Revised")
    entries = {"published": published}
    for state in ("draft", "pending"):
        entry = make(name=entry_name(kind, state), published_at=None, **extra)
        models.Revision.objects.create(
            entry=entry, data=capture(entry), author=author, summary="New entry",
            state=state, submitted_at=timezone.now() if state == "pending" else None,
        )
        entries[state] = entry
    entries["archived"] = publish(make(name=entry_name(kind, "archived"), is_archived=True,
                                       **extra))
    entries["merged"] = publish(make(name=entry_name(kind, "merged"), redirect_to=published,
                                     **extra))
    entries["merged-into-draft"] = publish(make(
        name=entry_name(kind, "merged-into-draft"), redirect_to=entries["draft"], **extra
    ))
    for state, entry in entries.items():
        world.entries[(kind, state)] = entry
        if kind == "group":
            factories.CitationFactory(entry=entry, source=world.source)


def _build_revisions(world: World, *, other, reviewer) -> None:
    group = world.entry("group", "published")
    live = group.live_revision

    def proposal(author, state, **fields):
        data = capture(group)
        data["fields"]["summary"] = f"Proposed by {author.username}."
        return models.Revision.objects.create(
            entry=group, data=data, author=author, summary="Edit", base=live, state=state,
            submitted_at=None if state == RevisionState.DRAFT else timezone.now(), **fields,
        )

    for role, user in world.users.items():
        world.own[(role, "own-draft")] = proposal(user, RevisionState.DRAFT)
        world.own[(role, "own-pending")] = proposal(user, RevisionState.PENDING)
    world.revisions.update({
        "other-draft": proposal(other, RevisionState.DRAFT),
        "other-pending": proposal(other, RevisionState.PENDING),
        "other-rejected": proposal(
            other, RevisionState.REJECTED, reviewer=reviewer, reviewed_at=timezone.now(),
            review_note="Unsourced.",
        ),
        "approved": live,
        "first-approved": group.revisions.filter(pk__lt=live.pk).get(
            state=RevisionState.APPROVED
        ),
        "new-entry-draft": world.entry("group", "draft").revisions.get(),
        "new-entry-pending": world.entry("group", "pending").revisions.get(),
        "archived-approved": world.entry("group", "archived").live_revision,
    })


def _admin_objects(world: World) -> dict:
    """One object of every model the admin panel registers, for its per-object pages."""
    group = world.entry("group", "published")
    person = world.entry("person", "published")
    attack = world.entry("attack", "published")
    built = {
        models.Entry: lambda: models.Entry.objects.get(pk=group.pk),
        models.Group: lambda: group,
        models.Person: lambda: person,
        models.Attack: lambda: attack,
        models.Alias: lambda: factories.AliasFactory(entry=group),
        models.ExternalIdentifier: lambda: models.ExternalIdentifier.objects.create(
            entry=group, scheme=IdentifierScheme.WIKIDATA, value="Q4680412"
        ),
        models.Designation: lambda: models.Designation.objects.create(
            group=group, authority="United Nations Security Council",
            designated_on=dt.date(2015, 5, 1), designated_on_precision=DatePrecision.MONTH,
        ),
        models.SizeEstimate: lambda: models.SizeEstimate.objects.create(
            group=group, year=2017, low=500, best=1000, high=3000
        ),
        models.Place: lambda: world.place,
        models.Source: lambda: world.source,
        models.Citation: lambda: group.citations.first(),
        models.GroupRelation: lambda: factories.GroupRelationFactory(
            subject=group, object=world.entry("group", "archived")
        ),
        models.PersonGroupRole: lambda: group.member_roles.get(person=person),
        models.PersonAttackRole: lambda: factories.PersonAttackRoleFactory(
            person=person, attack=attack
        ),
        models.PersonRelation: lambda: factories.PersonRelationFactory(
            person=person, other=world.entry("person", "archived")
        ),
        models.Claim: lambda: factories.ClaimFactory(attack=attack, group=group),
        models.Attribution: lambda: factories.AttributionFactory(attack=attack, group=group),
        models.AttackType: lambda: models.AttackType.objects.order_by("code").first(),
        models.TargetType: lambda: models.TargetType.objects.order_by("code").first(),
        models.WeaponType: lambda: models.WeaponType.objects.order_by("code").first(),
        models.Revision: lambda: world.revisions["other-pending"],
        models.Comment: lambda: world.comments[CommentState.PUBLISHED],
        User: lambda: factories.UserFactory(username="spare"),
        AuthGroup: lambda: AuthGroup.objects.get(name="editor"),
        AuditEvent: lambda: AuditEvent.objects.create(action="sign_in", actor_name="ada"),
        AccessAttempt: lambda: AccessAttempt.objects.create(
            username="ada", ip_address="192.0.2.1", failures_since_start=1
        ),
    }
    # A model registered without a builder gets no object; its cells say so.
    return {
        model._meta.label_lower: built[model]()
        for model in admin.site._registry if model in built
    }
