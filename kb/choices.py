"""Fixed vocabularies of the knowledge base, and the GTD category lists.

The GTD lists follow the Global Terrorism Database codebook (START, University of
Maryland): the code is GTD's own number, so records reconcile with GTD exports.
"""

from django.db import models


class EntryKind(models.TextChoices):
    GROUP = "group", "Group"
    PERSON = "person", "Person"
    ATTACK = "attack", "Attack"


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    CIRCA = "circa", "Circa (approximate year)"


class AliasKind(models.TextChoices):
    ACRONYM = "acronym", "Acronym"
    FORMER_NAME = "former", "Former name"
    TRANSLITERATION = "transliteration", "Transliteration"
    NATIVE = "native", "Native script"
    TRANSLATION = "translation", "Translation"
    NICKNAME = "nickname", "Nickname / nom de guerre"
    OTHER = "other", "Other"


class Script(models.TextChoices):
    """ISO 15924 script codes of the names the field meets most."""

    LATIN = "Latn", "Latin"
    ARABIC = "Arab", "Arabic (incl. Urdu, Pashto, Persian)"
    CYRILLIC = "Cyrl", "Cyrillic"
    DEVANAGARI = "Deva", "Devanagari"
    SINHALA = "Sinh", "Sinhala"
    TAMIL = "Taml", "Tamil"
    HEBREW = "Hebr", "Hebrew"
    OTHER = "Zyyy", "Other"

    @property
    def is_rtl(self) -> bool:
        return self in (Script.ARABIC, Script.HEBREW)


class GroupStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    INACTIVE = "inactive", "Inactive"
    DISSOLVED = "dissolved", "Dissolved"
    MERGED = "merged", "Merged"
    UNKNOWN = "unknown", "Unknown"


class Ideology(models.TextChoices):
    SALAFI_JIHADIST = "salafi_jihadist", "Salafi-jihadist"
    JIHADIST = "jihadist", "Jihadist"
    SECTARIAN = "sectarian", "Sectarian"
    ISLAMIST_POLITICAL = "islamist_political", "Islamist (political)"
    ETHNONATIONALIST = "ethnonationalist", "Ethno-nationalist / separatist"
    LEFT_WING = "left_wing", "Left-wing"
    RIGHT_WING = "right_wing", "Right-wing"
    OTHER = "other", "Other"
    UNKNOWN = "unknown", "Unknown"


class PersonStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    KILLED = "killed", "Killed"
    ARRESTED = "arrested", "Arrested"
    IMPRISONED = "imprisoned", "Imprisoned"
    DECEASED = "deceased", "Deceased"
    UNKNOWN = "unknown", "Unknown"


class PlaceKind(models.TextChoices):
    COUNTRY = "country", "Country"
    PROVINCE = "province", "Province / state"
    DISTRICT = "district", "District"
    CITY = "city", "City / town"
    SITE = "site", "Site"

    @classmethod
    def depth(cls, kind: str) -> int:
        return [c.value for c in cls].index(kind)


class CoordinatePrecision(models.IntegerChoices):
    """GTD's geographic specificity scale."""

    EXACT = 1, "Exact location"
    CITY = 2, "City or village centroid"
    DISTRICT = 3, "District centroid"
    PROVINCE = 4, "Province centroid"
    UNKNOWN = 5, "Unknown / country"


class Confidence(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    PROBABLE = "probable", "Probable"
    REPORTED = "reported", "Reported"
    DISPUTED = "disputed", "Disputed"


class GroupRelationKind(models.TextChoices):
    AFFILIATE_OF = "affiliate_of", "affiliate of"
    SPLINTER_OF = "splinter_of", "splinter of"
    FACTION_OF = "faction_of", "faction of"
    FRONT_FOR = "front_for", "front for"
    SUCCESSOR_OF = "successor_of", "successor of"
    MERGED_INTO = "merged_into", "merged into"
    ALLIED_WITH = "allied_with", "allied with"
    RIVAL_OF = "rival_of", "rival of"
    SUPPORTED_BY = "supported_by", "supported by"


# How a relation reads from the other side, for profiles that show both directions.
GROUP_RELATION_INVERSE = {
    GroupRelationKind.AFFILIATE_OF: "affiliates",
    GroupRelationKind.SPLINTER_OF: "splinters",
    GroupRelationKind.FACTION_OF: "factions",
    GroupRelationKind.FRONT_FOR: "fronts",
    GroupRelationKind.SUCCESSOR_OF: "succeeded by",
    GroupRelationKind.MERGED_INTO: "absorbed",
    GroupRelationKind.ALLIED_WITH: "allied with",
    GroupRelationKind.RIVAL_OF: "rival of",
    GroupRelationKind.SUPPORTED_BY: "supports",
}


class PersonGroupRoleKind(models.TextChoices):
    LEADER = "leader", "Leader"
    FOUNDER = "founder", "Founder"
    COMMANDER = "commander", "Commander"
    MEMBER = "member", "Member"
    SPOKESPERSON = "spokesperson", "Spokesperson"
    FINANCIER = "financier", "Financier"
    RECRUITER = "recruiter", "Recruiter"
    IDEOLOGUE = "ideologue", "Ideologue"
    OTHER = "other", "Other"


class PersonAttackRoleKind(models.TextChoices):
    PERPETRATOR = "perpetrator", "Perpetrator"
    SUICIDE_ATTACKER = "suicide_attacker", "Suicide attacker"
    PLANNER = "planner", "Planner"
    MASTERMIND = "mastermind", "Mastermind"
    FACILITATOR = "facilitator", "Facilitator"
    FINANCIER = "financier", "Financier"
    OTHER = "other", "Other"


class PersonRelationKind(models.TextChoices):
    SIBLING = "sibling", "sibling of"
    COUSIN = "cousin", "cousin of"
    SPOUSE = "spouse", "spouse of"
    PARENT = "parent", "parent of"
    CHILD = "child", "child of"
    RELATIVE = "relative", "relative of"
    ASSOCIATE = "associate", "associate of"


# How a tie between people reads from the other person's side; the rest read the same.
PERSON_RELATION_INVERSE = {
    PersonRelationKind.PARENT: PersonRelationKind.CHILD.label,
    PersonRelationKind.CHILD: PersonRelationKind.PARENT.label,
}


class ClaimMode(models.TextChoices):
    STATEMENT = "statement", "Written statement"
    NEWS_AGENCY = "news_agency", "Through a news agency (e.g. Amaq)"
    SOCIAL_MEDIA = "social_media", "Social media / website"
    VIDEO = "video", "Video"
    CALL = "call", "Telephone call to the media"
    PERSONAL = "personal", "Personal claim by a perpetrator"
    UNKNOWN = "unknown", "Unknown"


class AttributionBy(models.TextChoices):
    AUTHORITIES = "authorities", "Authorities"
    RESEARCHERS = "researchers", "Researchers"
    MEDIA = "media", "Media"
    DATASET = "dataset", "A data set (e.g. GTD)"


class Certainty(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    SUSPECTED = "suspected", "Suspected"


class SourceKind(models.TextChoices):
    NEWS = "news", "News"
    REPORT = "report", "Report"
    ACADEMIC = "academic", "Academic publication"
    COURT_RECORD = "court_record", "Court record"
    OFFICIAL_STATEMENT = "official_statement", "Official statement"
    CLAIM = "claim", "Claim of responsibility"
    DATASET = "dataset", "Data set"
    OTHER = "other", "Other"


class Reliability(models.TextChoices):
    """Source reliability on the Admiralty (NATO) scale."""

    A = "A", "A: completely reliable"
    B = "B", "B: usually reliable"
    C = "C", "C: fairly reliable"
    D = "D", "D: not usually reliable"
    E = "E", "E: unreliable"
    F = "F", "F: reliability cannot be judged"


class IdentifierScheme(models.TextChoices):
    GTD = "gtd", "Global Terrorism Database event id"
    WIKIDATA = "wikidata", "Wikidata"
    UCDP = "ucdp", "UCDP"
    ACLED = "acled", "ACLED"
    OTHER = "other", "Other"


class CommentState(models.TextChoices):
    PUBLISHED = "published", "Published"
    PENDING = "pending", "Pending moderation"
    SPAM = "spam", "Spam"
    REMOVED = "removed", "Removed"


class RevisionState(models.TextChoices):
    DRAFT = "draft", "Draft"
    PENDING = "pending", "Pending review"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


# GTD codebook, "attacktype1": 9 categories.
GTD_ATTACK_TYPES = [
    (1, "Assassination"),
    (2, "Armed Assault"),
    (3, "Bombing/Explosion"),
    (4, "Hijacking"),
    (5, "Hostage Taking (Barricade Incident)"),
    (6, "Hostage Taking (Kidnapping)"),
    (7, "Facility/Infrastructure Attack"),
    (8, "Unarmed Assault"),
    (9, "Unknown"),
]

# GTD codebook, "targtype1": 22 categories.
GTD_TARGET_TYPES = [
    (1, "Business"),
    (2, "Government (General)"),
    (3, "Police"),
    (4, "Military"),
    (5, "Abortion Related"),
    (6, "Airports & Aircraft"),
    (7, "Government (Diplomatic)"),
    (8, "Educational Institution"),
    (9, "Food or Water Supply"),
    (10, "Journalists & Media"),
    (11, "Maritime"),
    (12, "NGO"),
    (13, "Other"),
    (14, "Private Citizens & Property"),
    (15, "Religious Figures/Institutions"),
    (16, "Telecommunication"),
    (17, "Terrorists/Non-State Militia"),
    (18, "Tourists"),
    (19, "Transportation"),
    (20, "Unknown"),
    (21, "Utilities"),
    (22, "Violent Political Party"),
]

# GTD codebook, "weaptype1": 13 categories.
GTD_WEAPON_TYPES = [
    (1, "Biological"),
    (2, "Chemical"),
    (3, "Radiological"),
    (4, "Nuclear"),
    (5, "Firearms"),
    (6, "Explosives"),
    (7, "Fake Weapons"),
    (8, "Incendiary"),
    (9, "Melee"),
    (10, "Vehicle"),
    (11, "Sabotage Equipment"),
    (12, "Other"),
    (13, "Unknown"),
]
