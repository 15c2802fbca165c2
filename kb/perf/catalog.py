"""What entries point at: the team's accounts, the place hierarchy and the cited sources."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import accumulate

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group as AuthGroup
from django.utils.text import slugify

from accounts.models import User
from accounts.roles import Role
from kb.choices import DatePrecision, PlaceKind, Reliability, SourceKind
from kb.models import Place, Source
from kb.perf.world import COUNTRIES

USER_PREFIX = "bench-"
TEAM = {"researcher": 40, "editor": 10, "administrator": 2, "reader": 200}
PUBLISHERS = (
    ("Dawn", "dawn.com"), ("The Express Tribune", "tribune.com.pk"), ("Reuters", "reuters.com"),
    ("Associated Press", "apnews.com"), ("BBC News", "bbc.co.uk"),
    ("Al Jazeera", "aljazeera.com"), ("The New York Times", "nytimes.com"),
    ("The Guardian", "theguardian.com"), ("Long War Journal", "longwarjournal.org"),
    ("START", "start.umd.edu"), ("UN Security Council", "un.org"),
    ("US Department of State", "state.gov"), ("The Hindu", "thehindu.com"),
    ("Agence France-Presse", "afp.com"), ("Pakistan Institute for Peace Studies", "pakpips.com"),
    ("International Crisis Group", "crisisgroup.org"), ("ACLED", "acleddata.com"),
    ("CTC Sentinel", "ctc.westpoint.edu"), ("The Diplomat", "thediplomat.com"),
)
SOURCE_KINDS = [
    (SourceKind.NEWS, 60), (SourceKind.REPORT, 15), (SourceKind.ACADEMIC, 8),
    (SourceKind.OFFICIAL_STATEMENT, 6), (SourceKind.CLAIM, 4), (SourceKind.COURT_RECORD, 4),
    (SourceKind.DATASET, 1), (SourceKind.OTHER, 2),
]


def create_users(ctx) -> None:
    """The research team and some registered readers; none can sign in with a password."""
    roles = {g.name: g for g in AuthGroup.objects.filter(name__in=[r.value for r in Role])}
    password = make_password(None)
    users = [
        User(username=f"{USER_PREFIX}{role}-{i}", email=f"{role}{i}@bench.example.org",
             password=password, is_staff=role == "administrator")
        for role, count in TEAM.items() for i in range(1, count + 1)
    ]
    User.objects.bulk_create(users, batch_size=1000)
    users = User.objects.filter(username__startswith=USER_PREFIX).order_by("pk")
    through = User.groups.through
    memberships = []
    for user in users:
        role = user.username[len(USER_PREFIX):].rsplit("-", 1)[0]
        ctx.users.setdefault(role, []).append(user.pk)
        if role in roles:
            memberships.append(through(user_id=user.pk, group_id=roles[role].pk))
    through.objects.bulk_create(memberships)
    ctx.progress.count("accounts_user", len(users))
    ctx.progress.say("users")


def _coordinate(value: float, limit: int) -> Decimal:
    return Decimal(f"{max(-limit, min(limit, value)):.6f}")


def create_places(ctx) -> None:
    """Countries > provinces > districts > cities: the real ones plus invented towns."""
    rng, writer = ctx.rng, ctx.writer
    taken: set[str] = set()
    rows: list[dict] = []

    def add(name, kind, parent, lat, lon, code=""):
        pid = writer.allocate(Place, 1)[0]
        slug = slugify(name) or "place"
        if slug in taken:
            slug = f"{slug}-{pid}"
        taken.add(slug)
        rows.append({
            "id": pid, "name": name, "slug": slug, "kind": kind, "parent_id": parent,
            "country_code": code, "latitude": _coordinate(lat, 90),
            "longitude": _coordinate(lon, 180),
        })
        return pid

    invented = iter(ctx.pool.vocabulary[400:])
    for name, code, lat, lon, weight, provinces in COUNTRIES:
        country = add(name, PlaceKind.COUNTRY, None, lat, lon, code)
        ctx.place_names[country] = name
        ctx.countries.append((country, weight))
        cities = ctx.cities_by_country.setdefault(country, [])
        for province_name, real_cities in provinces.items():
            plat, plon = lat + rng.uniform(-3, 3), lon + rng.uniform(-3, 3)
            province = add(province_name, PlaceKind.PROVINCE, country, plat, plon)
            ctx.provinces_by_country.setdefault(country, []).append(province)
            for d in range(rng.randint(2, 4)):
                stem = real_cities[d] if d < len(real_cities) else next(invented).capitalize()
                dlat, dlon = plat + rng.uniform(-1, 1), plon + rng.uniform(-1, 1)
                district = add(f"{stem} District", PlaceKind.DISTRICT, province, dlat, dlon)
                towns = [real_cities[d]] if d < len(real_cities) else []
                towns += [next(invented).capitalize() for _ in range(rng.randint(1, 4))]
                for town in towns:
                    clat, clon = dlat + rng.uniform(-0.3, 0.3), dlon + rng.uniform(-0.3, 0.3)
                    city = add(town, PlaceKind.CITY, district, clat, clon)
                    cities.append((city, province, float(clat), float(clon), town))
    writer.write(Place, rows)
    ctx.country_cum = list(accumulate(w for _, w in ctx.countries))
    ctx.progress.say("places")


def create_sources(ctx, total: int, batch: int) -> None:
    """Cited documents; a few (data sets, wire services) are cited far more than the rest."""
    rng, writer, pool = ctx.rng, ctx.writer, ctx.pool
    kinds = [k for k, _ in SOURCE_KINDS]
    kind_cum = list(accumulate(w for _, w in SOURCE_KINDS))
    reliability = list(Reliability.values)
    ids = writer.allocate(Source, total)
    ctx.source_ids = list(ids)
    ctx.source_cum = list(accumulate(1.0 / (r + 2) ** 0.9 for r in range(total)))
    rows = []
    for i, sid in enumerate(ids):
        title = pool.text(rng, rng.randint(6, 14)).rstrip(".")[:480]
        publisher, domain = rng.choice(PUBLISHERS)
        slug = f"{slugify(title)[:150]}-{sid}"
        precision = DatePrecision.DAY if rng.random() < 0.85 else DatePrecision.MONTH
        year = rng.randint(1975, 2023)
        published = dt.date(year, rng.randint(1, 12),
                            rng.randint(1, 28) if precision == DatePrecision.DAY else 1)
        rows.append({
            "id": sid, "title": title, "slug": slug,
            "kind": rng.choices(kinds, cum_weights=kind_cum)[0], "publisher": publisher,
            "author": pool.text(rng, 2).rstrip(".").title() if rng.random() < 0.6 else "",
            "published_on": published, "published_on_precision": precision,
            "language": "en" if rng.random() < 0.85 else rng.choice(("ur", "ar", "fr", "es")),
            "url": f"https://www.{domain}/{year}/{slug[:120]}",
            "reliability": rng.choice(reliability),
            "note": pool.text(rng, 12) if rng.random() < 0.1 else "",
        })
        if len(rows) >= batch or i == total - 1:
            writer.write(Source, rows)
            rows = []
    ctx.progress.say(f"sources {total:,}")
