"""The knowledge base's models; import them from here."""

from kb.models.attributes import Alias, Designation, ExternalIdentifier, SizeEstimate
from kb.models.categories import AttackType, TargetType, WeaponType
from kb.models.comments import Comment
from kb.models.entries import Attack, Entry, EntryQuerySet, Group, Person
from kb.models.places import Place
from kb.models.relations import (
    Attribution,
    Claim,
    GroupRelation,
    PersonAttackRole,
    PersonGroupRole,
    PersonRelation,
    Relation,
)
from kb.models.revisions import Revision
from kb.models.sources import Citation, Source

__all__ = [
    "Alias", "Attack", "AttackType", "Attribution", "Citation", "Claim", "Comment",
    "Designation", "Entry", "EntryQuerySet", "ExternalIdentifier", "Group",
    "GroupRelation", "Person", "PersonAttackRole", "PersonGroupRole", "PersonRelation",
    "Place", "Relation", "Revision", "SizeEstimate", "Source", "TargetType", "WeaponType",
]
