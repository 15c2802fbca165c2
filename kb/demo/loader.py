"""Apply ``kb.demo.data`` to the database: validated like a form, idempotent, all or nothing.

Every row is found again by its slug or natural key and updated in place, so a second
run changes nothing. Every row is validated with ``full_clean()`` before it is saved, so
a mistake in the data stops the load with the field's own message, and the single
transaction leaves nothing half-saved. The demo stands for content already reviewed:
each entry's content is then recorded as an approved revision (by an inactive import
account), so its history starts with the demo and the editorial workflow takes over.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils import timezone

from accounts.roles import Role
from kb.demo import data
from kb.editorial.workflow import record_direct_edit
from kb.models import (
    Alias,
    Attack,
    AttackType,
    Attribution,
    Citation,
    Claim,
    Group,
    GroupRelation,
    Person,
    PersonAttackRole,
    PersonGroupRole,
    PersonRelation,
    Place,
    Revision,
    Source,
    TargetType,
    WeaponType,
)

OUTCOMES = ("created", "updated", "unchanged")

# The inactive account that authors the demo's first revisions; nobody signs in as it.
IMPORT_USER = "demo-import"

# Keys of an entry's data that are not plain model fields.
_ENTRY_KEYS = {
    "aliases", "cite", "areas", "place", "parent_event", "gtd",
    "attack_types", "target_types", "weapon_types",
}

# (data list, model, fields named by slug and the model they name, natural key)
_RELATIONS = (
    ("GROUP_RELATIONS", GroupRelation, {"subject": Group, "object": Group},
     ("subject", "kind", "object")),
    ("PERSON_GROUP_ROLES", PersonGroupRole, {"person": Person, "group": Group},
     ("person", "group", "role", "started_on")),
    ("PERSON_RELATIONS", PersonRelation, {"person": Person, "other": Person},
     ("person", "kind", "other")),
    ("PERSON_ATTACK_ROLES", PersonAttackRole, {"attack": Attack, "person": Person},
     ("attack", "person", "role")),
    ("CLAIMS", Claim, {"attack": Attack, "group": Group}, ("attack", "group", "mode")),
    ("ATTRIBUTIONS", Attribution, {"attack": Attack, "group": Group},
     ("attack", "group", "attributed_by", "attributed_by_name")),
)

_CATEGORIES = {"attack_types": AttackType, "target_types": TargetType, "weapon_types": WeaponType}


class DemoDataError(Exception):
    """An item of the demo data is invalid; the message names the item and its fields."""


@dataclass
class Report:
    """What a load did: outcomes per kind of row, and the demo users it set up."""

    counts: dict[str, Counter] = field(default_factory=dict)
    users: list[tuple[str, str]] = field(default_factory=list)

    def count(self, model: type[models.Model], outcome: str) -> None:
        self.counts.setdefault(str(model._meta.verbose_name_plural), Counter())[outcome] += 1

    def total(self, outcome: str) -> int:
        return sum(counter[outcome] for counter in self.counts.values())


def load_demo(*, password: str | None) -> Report:
    """Load the demo knowledge base; with a password, also one demo user per role."""
    loader = _Loader()
    with transaction.atomic():
        loader.load_data()
        loader.record_revisions()
        if password is not None:
            loader.load_users(password)
    return loader.report


class _Loader:
    """One load: the rows found or made so far, by slug, for later items to refer to."""

    def __init__(self):
        self.now = timezone.now()
        self.report = Report()
        self.places: dict[str, Place] = {}
        self.sources: dict[str, Source] = {}
        self.entries: dict[type, dict[str, models.Model]] = {Group: {}, Person: {}, Attack: {}}
        self.categories = {
            key: {c.name: c for c in model.objects.all()} for key, model in _CATEGORIES.items()
        }

    def load_data(self) -> None:
        for slug, name, kind, parent, code, latitude, longitude in data.PLACES:
            self.places[slug] = self.upsert(Place, ("slug",), {
                "slug": slug, "name": name, "kind": kind, "country_code": code,
                "parent": self.ref(self.places, parent, "place") if parent else None,
                "latitude": latitude, "longitude": longitude,
            })
        for item in data.SOURCES:
            self.sources[item["slug"]] = self.upsert(Source, ("slug",), item)
        for item in data.GROUPS:
            areas = [self.ref(self.places, slug, "place") for slug in item.get("areas", ())]
            self.load_entry(Group, item, m2m={"areas": areas})
        for item in data.PEOPLE:
            self.load_entry(Person, item)
        for item in data.ATTACKS:
            self.load_attack(item)
        for list_name, model, named, key in _RELATIONS:
            for item in getattr(data, list_name):
                self.load_relation(model, named, key, item)

    def record_revisions(self) -> None:
        """Record each entry as an approved revision, so its history starts with the demo.

        A re-run records nothing: the content equals the live revision.
        """
        author, created = get_user_model().objects.get_or_create(
            username=IMPORT_USER, defaults={"is_active": False, "display_name": "Demo import"}
        )
        if created:
            author.set_unusable_password()
            author.save(update_fields=["password"])
        for entries in self.entries.values():
            for entry in entries.values():
                revision = record_direct_edit(
                    entry=entry, user=author, summary="Loaded from the seed article", publish=True
                )
                self.report.count(Revision, "created" if revision else "unchanged")

    def load_entry(self, model, item: dict, *, m2m=None, **fields) -> models.Model:
        values = {k: v for k, v in item.items() if k not in _ENTRY_KEYS} | fields
        entry = self.upsert(model, ("slug",), values, m2m=m2m, publish=True)
        self.entries[model][entry.slug] = entry
        for name, kind, language, script in item.get("aliases", ()):
            self.upsert(Alias, ("entry", "name"), {
                "entry": entry, "name": name, "kind": kind, "language": language,
                "script": script,
            })
        for locator, quote, *cited_field in item["cite"]:
            self.cite(entry, data.ARTICLE, locator, quote,
                      field=cited_field[0] if cited_field else "")
        return entry

    def load_attack(self, item: dict) -> None:
        place = self.ref(self.places, item["place"], "place") if "place" in item else None
        parent = item.get("parent_event")
        fields = {
            "place": place,
            "parent_event": self.ref(self.entries[Attack], parent, "attack") if parent else None,
        }
        if item.get("coordinate_precision") and place is not None:
            fields |= {"latitude": place.latitude, "longitude": place.longitude}
        m2m = {}
        for key, by_name in self.categories.items():
            names = item.get(key, ())
            if len(names) > Attack.MAX_TYPES:
                raise DemoDataError(
                    f"Demo attack “{item['slug']}” is invalid: {key}: "
                    f"at most {Attack.MAX_TYPES}, as in the GTD."
                )
            m2m[key] = [self.ref(by_name, name, key.replace("_", " ")[:-1]) for name in names]
        attack = self.load_entry(Attack, item, m2m=m2m, **fields)
        if "gtd" in item:
            self.cite(attack, data.GTD, item["gtd"], field="occurred_on")

    def load_relation(self, model, named: dict, key: tuple, item: dict) -> None:
        values = {k: v for k, v in item.items() if k != "cite"}
        for name, target in named.items():
            values[name] = self.ref(self.entries[target], values[name], target._meta.verbose_name)
        relation = self.upsert(model, key, values)
        locator, quote = item["cite"]
        self.cite(relation.owner, data.ARTICLE, locator, quote, target=relation)

    def load_users(self, password: str) -> None:
        """One user per role; the password is reset only when it no longer matches."""
        roles = {group.name: group for group in AuthGroup.objects.filter(name__in=Role.values)}

        def set_password(user):
            if not user.check_password(password):
                user.set_password(password)

        for item in data.USERS:
            role = Role(item["role"])
            if role not in roles:
                raise DemoDataError(
                    f"The auth group of the {role.label} role is missing; run "
                    "`manage.py migrate` first."
                )
            self.upsert(
                get_user_model(), ("username",),
                {
                    "username": item["username"], "display_name": item["display_name"],
                    "is_active": True, "is_staff": role == Role.ADMINISTRATOR,
                    "is_superuser": False,
                },
                m2m={"groups": [roles[role]]}, prepare=set_password,
            )
            self.report.users.append((item["username"], role.label))

    def cite(self, entry, source: str, locator: str, quote: str = "", *, target=None,
             field: str = "") -> None:
        self.upsert(
            Citation, ("entry", "source", "target_type", "target_id", "field", "locator"),
            {
                "entry": entry, "source": self.ref(self.sources, source, "source"),
                "target_type": ContentType.objects.get_for_model(target) if target else None,
                "target_id": target.pk if target else None,
                "field": field, "locator": locator, "quote": quote,
            },
        )

    def upsert(self, model, key: tuple, values: dict, *, m2m=None, publish=False,
               prepare=None) -> models.Model:
        """Find the row by its natural ``key``, set ``values``, validate, save if changed."""
        probe = model()
        _assign(probe, values)
        lookup = {name: getattr(probe, name) for name in key}
        obj = model._default_manager.filter(**lookup).first()
        created = obj is None
        if created:
            obj, before = probe, None
        else:
            before = _state(obj)
            _assign(obj, values)
        if publish and obj.published_at is None:
            obj.published_at = self.now
        if prepare:
            prepare(obj)
        _validate(obj)
        changed = created or _state(obj) != before
        if changed:
            obj.save()
        for name, targets in (m2m or {}).items():
            manager = getattr(obj, name)
            if set(manager.values_list("pk", flat=True)) != {t.pk for t in targets}:
                manager.set(targets)
                changed = True
        self.report.count(model, "created" if created else "updated" if changed else "unchanged")
        return obj

    @staticmethod
    def ref(table: dict, key: str, what: str):
        """The row ``key`` names; a typo in the data gets a message, not a KeyError."""
        try:
            return table[key]
        except KeyError:
            raise DemoDataError(f"The demo data names an unknown {what}: “{key}”.") from None


def _assign(obj: models.Model, values: dict) -> None:
    for name, value in values.items():
        setattr(obj, name, value)


def _state(obj: models.Model) -> dict:
    """The stored values a save would write, bar the timestamp every save refreshes."""
    return {
        f.attname: getattr(obj, f.attname)
        for f in obj._meta.concrete_fields
        if not getattr(f, "auto_now", False)
    }


def _validate(obj: models.Model) -> None:
    """``full_clean()`` as a model form runs it: derived, non-editable fields left out."""
    exclude = [
        f.name for f in obj._meta.fields
        if not f.editable or (f.one_to_one and f.remote_field.parent_link)
    ]
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as exc:
        name = getattr(obj, "slug", "") or getattr(obj, "username", "") or str(obj)
        problems = "; ".join(
            f"{'(row)' if field == NON_FIELD_ERRORS else field}: {' '.join(messages)}"
            for field, messages in exc.message_dict.items()
        )
        raise DemoDataError(
            f"Demo {obj._meta.verbose_name} “{name}” is invalid: {problems}"
        ) from exc
