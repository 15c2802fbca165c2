"""The Django admin panel of the knowledge base: one module per family of models.

Importing this package registers every model; ``admin.autodiscover`` does so at start-up.
"""

from kb.admin.base import AdminModelForm, PublishedListFilter
from kb.admin.catalog import (
    AliasAdmin,
    CitationAdmin,
    DesignationAdmin,
    ExternalIdentifierAdmin,
    GtdCategoryAdmin,
    PlaceAdmin,
    SizeEstimateAdmin,
    SourceAdmin,
)
from kb.admin.editorial import CommentAdmin, RevisionAdmin
from kb.admin.entries import AttackAdmin, AttackAdminForm, EntryAdmin, GroupAdmin, PersonAdmin
from kb.admin.relations import (
    AttributionAdmin,
    ClaimAdmin,
    GroupRelationAdmin,
    PersonAttackRoleAdmin,
    PersonGroupRoleAdmin,
    PersonRelationAdmin,
)

__all__ = [
    "AdminModelForm", "AliasAdmin", "AttackAdmin", "AttackAdminForm", "AttributionAdmin",
    "CitationAdmin", "ClaimAdmin", "CommentAdmin", "DesignationAdmin", "EntryAdmin",
    "ExternalIdentifierAdmin", "GroupAdmin", "GroupRelationAdmin",
    "GtdCategoryAdmin", "PersonAdmin", "PersonAttackRoleAdmin", "PersonGroupRoleAdmin",
    "PersonRelationAdmin", "PlaceAdmin", "PublishedListFilter", "RevisionAdmin",
    "SizeEstimateAdmin", "SourceAdmin",
]
