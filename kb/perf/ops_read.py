"""Operations that read: the API (O1-O5), profile pages (O6), history (O10), admin (O13).

Each is an in-process request through ``django.test.Client``, so middleware, views,
serialisers and templates all count, as they do for a reader. An operation whose
address does not exist yet reports "n/a" instead of failing the run.
"""

from __future__ import annotations

import json
import math
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import Client
from django.urls import NoReverseMatch, reverse

from kb.perf.bench import Case, NotAvailable, Target
from kb.perf.subjects import Subjects
from kb.perf.world import GROUP_PATTERNS

DEEP_PAGES = 20

O1 = Target(p50=20, p95=50, queries=4, ratio=3,
            text="p50<=20 p95<=50 q<=4 ratio<=3 deep<=1.5x")
O2 = Target(p95=60, queries=3, text="p95<=60 q<=3")
O3 = Target(p95=30, queries=6, text="p95<=30 q<=6 (any size)")
O4_RARE = Target(p95=20, text="p95<=20, no to_tsvector")
O4_COMMON = Target(p95=150, text="p95<=150, no to_tsvector")
O5 = Target(p95=25, text="p95<=25")
O6 = Target(p95=120, queries=10, text="p95<=120 q<=10, none from templates")
O6_CACHED = Target(p95=5, text="cached p95<=5")
O10 = Target(p95=40, queries=2, text="p95<=40 q<=2")
O13 = Target(p95=300, text="p95<=300, no exact COUNT(*) of 100k rows")


class Web:
    """In-process clients, one per user, and requests as benchmark cases."""

    def __init__(self):
        self.clients: dict[object, Client] = {}

    def client(self, user=None) -> Client:
        key = getattr(user, "pk", None)
        if key not in self.clients:
            client = Client()
            if user is not None:
                client.force_login(user)
            self.clients[key] = client
        return self.clients[key]

    def case(self, op, name, url, target, *, user=None, uncached=False, **extra) -> Case:
        client = self.client(user)
        return Case(
            op, name, lambda: client.get(url), target, check=_expect_ok,
            before=cache.clear if uncached else None, **extra,
        )

    def json(self, url: str, user=None) -> dict:
        response = self.client(user).get(url)
        problem = _expect_ok(response)
        if problem:
            raise RuntimeError(f"{url}: {problem}")
        return json.loads(response.content)


def _expect_ok(response) -> str | None:
    if response.status_code != 200:
        return f"HTTP {response.status_code} for {response.request['PATH_INFO']}"
    return None


def _url(name: str, *args, what: str, **kwargs) -> str:
    try:
        return reverse(name, args=args, kwargs=kwargs or None)
    except NoReverseMatch:
        raise NotAvailable(f"{what} does not exist yet") from None


def _local(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def _no_tsvector(statements: list[str]) -> list[str]:
    if any("to_tsvector(" in sql for sql in statements):
        return ["computes to_tsvector inside the query"]
    return []


def _counts(statements: list[str]) -> list[str]:
    found = [sql for sql in statements if "COUNT(*)" in sql.upper()]
    unfiltered = [sql for sql in found if " WHERE " not in sql.upper()]
    if unfiltered:
        return [f"{len(unfiltered)} exact COUNT(*) without a filter"]
    return [f"{len(found)} COUNT(*) over a filtered set"] if found else []


def api_lists(s: Subjects, web: Web) -> list[Case]:
    """O1: attacks filtered by country and years, and by group; page 1 and a deep page."""
    base = _url("api:attack-list", what="the attacks API (/api/v1/attacks/)")
    filters = {
        "country+years": f"?country={s.busiest_country}&date_from=2000&date_to=2020",
        "group": f"?group={s.largest_group.slug}",
    }
    cases = []
    for label, query in filters.items():
        first = base + query
        deep, page = first, 1
        while page < DEEP_PAGES:
            following = web.json(deep).get("next")
            if not following:
                break
            deep, page = _local(following), page + 1
        cases.append(web.case("O1", f"{label}, page 1", first, O1))
        if page > 1:
            cases.append(web.case("O1", f"{label}, page {page}", deep, O1))
    return cases


def api_groups(s: Subjects, web: Web) -> list[Case]:
    """O2: the groups list with attack counts."""
    url = _url("api:group-list", what="the groups API (/api/v1/groups/)")
    return [web.case("O2", "groups, page 1", url, O2)]


def api_attack(s: Subjects, web: Web) -> list[Case]:
    """O3: an attack with many sources, groups and people, and an ordinary one."""
    _url("api:attack-list", what="the attacks API (/api/v1/attacks/)")
    rich, plain = s.rich_attack, s.plain_attack
    return [
        web.case("O3", f"{rich.citations.count()} sources", _url(
            "api:attack-detail", key=rich.slug, what="attack detail"), O3),
        web.case("O3", "1 source", _url("api:attack-detail", key=plain.slug,
                                        what="attack detail"), O3),
    ]


def _core_word(name: str) -> str:
    """The word of a group's name that is its own, not the pattern's ("Lashkar-e-…")."""
    pattern = {w.strip("{}").lower() for p in GROUP_PATTERNS for w in p.replace("-", " ").split()}
    words = name.replace("-", " ").split()
    return next((w for w in words if w.lower() not in pattern), words[-1])


def search(s: Subjects, web: Web) -> list[Case]:
    """O4: the search page, ranked top 20, for a rare, a common and a two-word query.

    The page ranks names and aliases, then full-text matches of summaries and
    narratives: the whole of what "search" means here.
    """
    url = _url("kb:search", what="the search page (/search/)")
    rare = _core_word(s.median_group.name).lower()
    queries = {"rare": (rare, O4_RARE), "common": ("bombing", O4_COMMON),
               "two-term": ("armed assault", O4_RARE)}
    return [
        web.case("O4", f"{label} ({q!r})", f"{url}?q={q}", target,
                 inspect=_no_tsvector)
        for label, (q, target) in queries.items()
    ]


def autocomplete(s: Subjects, web: Web) -> list[Case]:
    """O5: the editor's name autocomplete: prefix, transliteration variant, typo."""
    url = _url("kb:autocomplete", what="autocomplete (/autocomplete/)")
    name = s.median_group.name
    variant = name.replace("-e-", "-i-").replace(" al-", " al ").replace("-ul-", "-al-")
    core = _core_word(name)
    typo = core[:-2] + core[-1] + core[-2] if len(core) > 3 else core + "x"
    researcher = s.user("researcher")
    queries = {"prefix": name[:5], "transliteration": variant, "typo": typo}
    return [
        web.case("O5", f"{label} ({q!r})", f"{url}?type=entry&q={q}", O5, user=researcher)
        for label, q in queries.items()
    ]


def profiles(s: Subjects, web: Web) -> list[Case]:
    """O6: the largest and the median group's page, anonymous and signed in."""
    cases = []
    researcher = s.user("researcher")
    for label, group in (("largest", s.largest_group), ("median", s.median_group)):
        url = _url("kb:group-detail", slug=group.slug, what="the group page")
        cases += [
            web.case("O6", f"{label} group, anonymous", url, O6, uncached=True),
            web.case("O6", f"{label} group, signed in", url, O6, user=researcher,
                     uncached=True),
            web.case("O6", f"{label} group, anonymous, cached", url, O6_CACHED),
        ]
    return cases


def history(s: Subjects, web: Web) -> list[Case]:
    """O10: the history of the entry with the most revisions, first and last page."""
    from kb.views.editorial_common import visible_revisions

    entry = s.hot_entry
    url = _url("kb:entry-history", pk=entry.pk, what="the history page")
    shown = visible_revisions(AnonymousUser()).filter(entry=entry).count()
    last = max(1, math.ceil(shown / settings.KB["PAGE_SIZE"]))
    return [
        web.case("O10", f"{shown:,} revisions, page 1", url, O10),
        web.case("O10", f"{shown:,} revisions, page {last}", f"{url}?page={last}", O10),
        web.case("O10", "signed in, page 1", url, O10, user=s.user("researcher")),
    ]


def admin_lists(s: Subjects, web: Web) -> list[Case]:
    """O13: the admin list of attacks, plain, searched and filtered."""
    url = _url("admin:kb_attack_changelist", what="the attack admin")
    admin = s.user("administrator")
    city = s.rich_attack.place.name if s.rich_attack.place_id else "a"
    country = s.rich_attack.country_id
    return [
        web.case("O13", "plain", url, O13, user=admin, inspect=_counts),
        web.case("O13", f"searched ({city!r})", f"{url}?q={city}", O13, user=admin,
                 inspect=_counts),
        web.case("O13", "filtered by country", f"{url}?country__id__exact={country}", O13,
                 user=admin, inspect=_counts),
    ]
