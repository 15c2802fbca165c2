"""The rows each operation is measured on, found in whatever database the bench runs on.

Chosen by what they are, not by id, so the bench runs on any data set: the group with
the most attacks and the median one, the attack with the most sources, the entry with
the most revisions, the busiest country, proposals made on the live version and on an
older one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count, F

from accounts.models import User
from kb.choices import RevisionState
from kb.models import Attack, Attribution, Citation, Claim, Entry, Group, Revision
from kb.perf.bench import NotAvailable
from kb.perf.catalog import USER_PREFIX


def _first(queryset, what: str):
    found = queryset.first()
    if found is None:
        raise NotAvailable(f"the database holds no {what}; run generate_data first")
    return found


@dataclass
class Subjects:
    """Lazily found, so an operation that fails to find its rows fails alone."""

    @cached_property
    def group_sizes(self) -> list[tuple[int, int]]:
        """(attacks claimed or attributed, group id) of every published group, largest first."""
        counts: dict[int, int] = {}
        for model in (Claim, Attribution):
            for gid, n in model.objects.values_list("group").annotate(n=Count("pk")).order_by():
                counts[gid] = counts.get(gid, 0) + n
        published = Group.objects.published().values_list("pk", flat=True)
        sizes = sorted(((counts.get(pk, 0), pk) for pk in published), reverse=True)
        if not sizes:
            raise NotAvailable("the database holds no published group; run generate_data")
        return sizes

    @cached_property
    def largest_group(self) -> Group:
        return Group.objects.get(pk=self.group_sizes[0][1])

    @cached_property
    def median_group(self) -> Group:
        return Group.objects.get(pk=self.group_sizes[len(self.group_sizes) // 2][1])

    @cached_property
    def busiest_country(self):
        row = _first(
            Attack.objects.published().exclude(country=None).values("country__slug")
            .annotate(n=Count("pk")).order_by("-n"), "attack with a country",
        )
        return row["country__slug"]

    @cached_property
    def rich_attack(self) -> Attack:
        row = _first(
            Citation.objects.filter(entry__kind="attack", entry__published_at__isnull=False)
            .values("entry").annotate(n=Count("pk")).order_by("-n"), "cited attack",
        )
        return Attack.objects.get(pk=row["entry"])

    @cached_property
    def plain_attack(self) -> Attack:
        return _first(
            Attack.objects.published().annotate(n=Count("citations")).filter(n=1)
            .order_by("pk"), "attack with one source",
        )

    @cached_property
    def hot_entry(self) -> Entry:
        row = _first(
            Revision.objects.values("entry").annotate(n=Count("pk")).order_by("-n"),
            "revision",
        )
        return Entry.objects.get(pk=row["entry"])

    def pending(self, *, stale: bool) -> Revision:
        pending = Revision.objects.filter(state=RevisionState.PENDING, base__isnull=False)
        live = F("entry__live_revision")
        pending = pending.exclude(base=live) if stale else pending.filter(base=live)
        # An ordinary attack: the few with dozens of sources are O3's subject.
        ordinary = pending.filter(entry__kind="attack").annotate(
            sources=Count("entry__citations")).filter(sources__lte=5)
        return _first(ordinary.order_by("pk"), f"{'stale' if stale else 'fresh'} pending revision")

    def user(self, role: str) -> User:
        return _first(
            User.objects.filter(username__startswith=f"{USER_PREFIX}{role}-").order_by("pk"),
            f"{role} account of the generated data",
        )
