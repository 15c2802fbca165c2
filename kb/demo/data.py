"""The facts of the demo knowledge base, drawn from the project's seed article.

Plain declarations, applied by ``kb.demo.loader``; every row is found again by its slug
or natural key, so editing a value here and re-running ``load_demo`` updates it.

Conventions:

* Dates are strings in the site's partial-date syntax ("13 May 2015", "May 2015",
  "2018", "c. 2014") under the model's partial-date name (``founded_date``,
  ``occurred_date``, ``started_date`` ...).
* Other entries, places and sources are named by slug; GTD categories by their names.
* ``cite`` lists ``(locator, quote)`` pairs from the seed article, whose paragraphs are
  counted from "Following the killing ..." (para. 1); a third item names the one field
  the quote supports. Quotes are verbatim, with straight apostrophes. A relation has one
  ``cite`` pair.
* ``gtd`` on an attack is the locator of the Global Terrorism Database record that
  gives its exact date (cited on ``occurred_on``); the article dates attacks only to
  the month or year.
* An attack with a ``coordinate_precision`` takes its coordinates from its place.
* Only facts the article states are recorded, plus the exact attack dates, the date of
  al-Baghdadi's death and the GTD categories evident from the article. No casualty
  figures: the article gives none.
"""

from accounts.roles import Role
from kb.choices import (
    AliasKind,
    AttributionBy,
    Certainty,
    Confidence,
    CoordinatePrecision,
    GroupRelationKind,
    GroupStatus,
    Ideology,
    PersonAttackRoleKind,
    PersonGroupRoleKind,
    PersonRelationKind,
    PersonStatus,
    PlaceKind,
    Reliability,
    Script,
    SourceKind,
)

ARTICLE = "seed-article-islamic-state-balochistan-2019"
GTD = "global-terrorism-database"

SOURCES = [
    {
        "slug": ARTICLE,
        "title": (
            "Seed article: news analysis of Islamic State activity in Pakistan's Balochistan "
            "after al-Baghdadi's death"
        ),
        "kind": SourceKind.NEWS,
        "language": "en",
        "published_date": "November 2019",
        "reliability": Reliability.B,
        "note": (
            "The project's seed article (seed/source-article.txt), an English-language news "
            "analysis. The copy carries no headline, publisher, author or date, so this title "
            "describes the article rather than quoting it. The date is inferred: the article "
            "says al-Baghdadi was killed \"last month\", and he was killed on 27 October 2019. "
            "Locators count the paragraphs of its body from \"Following the killing ...\" "
            "(para. 1)."
        ),
    },
    {
        "slug": GTD,
        "title": "Global Terrorism Database",
        "kind": SourceKind.DATASET,
        "publisher": "START, University of Maryland",
        "url": "https://www.start.umd.edu/gtd/",
        "language": "en",
        "reliability": Reliability.B,
        "note": "Cited only for the exact dates of attacks the seed article dates more loosely.",
    },
]

_COUNTRY, _PROVINCE, _DISTRICT, _CITY = (
    PlaceKind.COUNTRY, PlaceKind.PROVINCE, PlaceKind.DISTRICT, PlaceKind.CITY,
)

# (slug, name, kind, parent slug, ISO 3166 code, latitude, longitude); parents come first.
PLACES = [
    ("pakistan", "Pakistan", _COUNTRY, None, "PK", None, None),
    ("balochistan", "Balochistan", _PROVINCE, "pakistan", "", None, None),
    ("quetta", "Quetta", _CITY, "balochistan", "", "30.1798", "66.9750"),
    ("mastung", "Mastung", _CITY, "balochistan", "", "29.7997", "66.8450"),
    ("gwadar", "Gwadar", _CITY, "balochistan", "", "25.1264", "62.3225"),
    ("dadhar", "Dadhar", _CITY, "balochistan", "", "29.4747", "67.6514"),
    ("sindh", "Sindh", _PROVINCE, "pakistan", "", None, None),
    ("karachi", "Karachi", _CITY, "sindh", "", "24.8607", "67.0011"),
    ("sehwan", "Sehwan", _CITY, "sindh", "", "26.4231", "67.8613"),
    ("punjab-pakistan", "Punjab", _PROVINCE, "pakistan", "", None, None),
    ("sialkot", "Sialkot", _CITY, "punjab-pakistan", "", "32.4945", "74.5229"),
    ("khyber-pakhtunkhwa", "Khyber Pakhtunkhwa", _PROVINCE, "pakistan", "", None, None),
    ("india", "India", _COUNTRY, None, "IN", None, None),
    ("jammu-and-kashmir", "Jammu and Kashmir", _PROVINCE, "india", "", None, None),
    ("shopian", "Shopian", _DISTRICT, "jammu-and-kashmir", "", "33.7167", "74.8333"),
    ("sri-lanka", "Sri Lanka", _COUNTRY, None, "LK", None, None),
    ("western-province-sri-lanka", "Western Province", _PROVINCE, "sri-lanka", "", None, None),
    ("colombo", "Colombo", _CITY, "western-province-sri-lanka", "", "6.9271", "79.8612"),
    ("negombo", "Negombo", _CITY, "western-province-sri-lanka", "", "7.2083", "79.8358"),
    ("eastern-province-sri-lanka", "Eastern Province", _PROVINCE, "sri-lanka", "", None, None),
    ("batticaloa", "Batticaloa", _CITY, "eastern-province-sri-lanka", "", "7.7102", "81.6924"),
    ("afghanistan", "Afghanistan", _COUNTRY, None, "AF", None, None),
    ("iraq", "Iraq", _COUNTRY, None, "IQ", None, None),
    ("syria", "Syria", _COUNTRY, None, "SY", None, None),
]

_LATN, _ARAB = Script.LATIN, Script.ARABIC
_SALAFI = Ideology.SALAFI_JIHADIST

# Aliases are (name, kind, language, script).
GROUPS = [
    {
        "slug": "islamic-state",
        "name": "Islamic State",
        "abbreviation": "ISIS",
        "ideology": _SALAFI,
        "status": GroupStatus.ACTIVE,
        "founded_date": "c. 2014",
        "areas": [
            "iraq", "syria", "afghanistan", "balochistan", "khyber-pakhtunkhwa",
            "punjab-pakistan", "sindh", "jammu-and-kashmir",
        ],
        "aliases": [
            ("ISIL", AliasKind.ACRONYM, "en", _LATN),
            ("IS", AliasKind.ACRONYM, "en", _LATN),
            ("Daesh", AliasKind.ACRONYM, "ar", _LATN),
            ("الدولة الإسلامية", AliasKind.NATIVE, "ar", _ARAB),
        ],
        "summary": (
            "Salafi-jihadist group founded in Iraq and Syria that has claimed numerous attacks "
            "in Pakistan since 2015, most of them in Balochistan."
        ),
        "body": (
            "The Islamic State (ISIS), also known by its Arabic acronym Daesh, was founded in "
            "Iraq and Syria. After its chief Abu Bakr al-Baghdadi was killed in Syria in "
            "October 2019, officials in the region described it as eyeing Pakistan's former "
            "tribal areas and Balochistan to enhance its presence in South Asia."
        ),
        "history": (
            "- **January 2015**: the Islamic State Khorasan Province (ISKP) is announced; the "
            "Islamic State underlines its presence in Pakistan immediately afterwards.\n"
            "- **May 2015**: its first attack in Pakistan targets the Ismaili Shia community "
            "near Safoora Chowrangi, Karachi.\n"
            "- **Since 2015**: it claims numerous attacks in Pakistan, a vast majority in "
            "Balochistan, among them the Quetta hospital bombing (August 2016), the Bethel "
            "Memorial Methodist Church attack (December 2017) and the suicide bombing of an "
            "election rally in Mastung (2018).\n"
            "- **April 2019**: affiliates carry out the Easter bombings in Sri Lanka, which "
            "the Islamic State claims.\n"
            "- **May 2019**: after gun raids in Shopian district of Indian-administered "
            "Kashmir, it unveils new provinces (wilayah) for India and Pakistan within the "
            "then-ISKP.\n"
            "- **October 2019**: al-Baghdadi is killed in Syria."
        ),
        "leadership": (
            "Abu Bakr al-Baghdadi led the group until he was killed in Syria in October 2019. "
            "In Balochistan, the researcher Muhammad Amir Rana links the decrease in the "
            "group's attacks to the death of its former leader Hafeez Pindrani Brohi in a "
            "police raid in the Dadhar area, which left what Rana calls a \"leadership "
            "crisis\"."
        ),
        "ideology_and_goals": (
            "The group propagates a hardline Salafist brand of Islam; its ideology helps its "
            "recruitment and shapes its targets. Experts note that its ideals are flexible "
            "enough to allow alliances with jihadist groups of a differing Islamist ideology. "
            "A senior security official from Balochistan says the new South Asian provinces "
            "were meant to separate them from the group's regional base in Afghanistan and to "
            "seek jihadist allies in Balochistan, the former FATA and Indian-administered "
            "Kashmir."
        ),
        "size_and_resources": (
            "The group provides resources and training to its affiliates in the region: at "
            "least one of the Sri Lanka Easter bombers, from Jammiyathul Millathu Ibrahim, "
            "was trained in Syria by the Islamic State. In 2018 the Karachi police busted a "
            "kidnapping syndicate associated with the group that sent ransom money to fund "
            "ISK operations. Anwar-ul-Haq Kakar, Balochistan government spokesperson from "
            "2015 to 2018, says as few as two to four operatives can launch the deadliest "
            "attacks."
        ),
        "geography": (
            "Sleeper cells, not yet located, exist in the former Federally Administered "
            "Tribal Areas (FATA) and in Balochistan, predominantly in its border areas; Rana "
            "says they are also present in Punjab. Security forces have busted cells "
            "affiliated with the group in Punjab and Sindh."
        ),
        "targets_and_tactics": (
            "The group has targeted Sufi shrines and the Shia population of Pakistan, notably "
            "the Ismailis in Sindh and the Hazaras in Balochistan. In South Asia it deploys "
            "local foot-soldiers from affiliated groups to attack and then claims the "
            "attacks, the modus operandi of the 2019 Easter bombings in Sri Lanka."
        ),
        "relationships": (
            "Its provinces in the region are the Islamic State Khorasan Province and, since "
            "May 2019, the Pakistan and India provinces. National Thowheeth Jama'ath and "
            "Jammiyathul Millathu Ibrahim are its affiliates in Sri Lanka. In Balochistan "
            "Lashkar-e-Jhangvi al-Alami and splinters of the Tehrik-e-Taliban Pakistan work "
            "in tandem with it. A Jamaat-ud-Dawa cell affiliated with the Islamic State was "
            "busted in Sialkot in December 2015."
        ),
        "cite": [
            ("para. 1", "the Islamic State (ISIS), also known by its Arabic acronym Daesh"),
            ("para. 11", "Less than a year after the Islamic State was founded in Iraq and Syria"),
            ("para. 22", "Propagating a hardline Salafist brand of Islam"),
        ],
    },
    {
        "slug": "islamic-state-khorasan-province",
        "name": "Islamic State Khorasan Province",
        "abbreviation": "ISKP",
        "ideology": _SALAFI,
        "status": GroupStatus.ACTIVE,
        "founded_date": "January 2015",
        "areas": ["afghanistan", "pakistan"],
        "aliases": [
            ("ISK", AliasKind.ACRONYM, "en", _LATN),
            ("Islamic State of Khorasan Province", AliasKind.OTHER, "en", _LATN),
        ],
        "summary": (
            "The Islamic State's province for the Afghanistan-Pakistan region, announced in "
            "January 2015 and based along the Af-Pak border."
        ),
        "body": (
            "The Islamic State Khorasan Province (ISKP, also ISK) was announced in January 2015 "
            "and had been based along the Afghanistan-Pakistan border. In May 2019 the Islamic "
            "State unveiled new provinces for India and Pakistan within the then-ISKP."
        ),
        "size_and_resources": (
            "In 2018 the Karachi police busted a kidnapping syndicate associated with the "
            "Islamic State that sent ransom money to fund ISK operations."
        ),
        "cite": [
            ("para. 3", "within the then-Islamic State of Khorasan Province (ISKP), which had been "
                        "based along the Af-Pak border"),
            ("para. 11", "immediately after the ISKP was announced in January 2015"),
            ("para. 17", "which was sending the ransom money to fund ISK operations"),
        ],
    },
    {
        "slug": "islamic-state-pakistan-province",
        "name": "Islamic State Pakistan Province",
        "ideology": _SALAFI,
        "status": GroupStatus.ACTIVE,
        "founded_date": "May 2019",
        "areas": ["pakistan"],
        "summary": (
            "The Islamic State's province (wilayah) for Pakistan, unveiled in May 2019 within "
            "the then-Islamic State Khorasan Province."
        ),
        "body": (
            "The Islamic State unveiled its Pakistan province in May 2019, within the "
            "then-Islamic State Khorasan Province, immediately after gun raids in Shopian "
            "district of Indian-administered Kashmir. In the month before the announcement "
            "the Islamic State claimed two attacks in Balochistan, in Mastung and Quetta."
        ),
        "ideology_and_goals": (
            "A senior security official from Balochistan says the province was created to "
            "separate it from the Islamic State's regional base in Afghanistan, for a group "
            "focused solely on South Asia and eyeing jihadist allies in Balochistan, the "
            "former FATA and Indian-administered Kashmir."
        ),
        "cite": [
            ("para. 3", "the Islamic State unveiled its new wilayah (provinces) in India and "
                        "Pakistan"),
            ("para. 5", "The idea behind creating the new wilayah was to separate it from "
                        "Daesh's base in the region, which is Afghanistan."),
        ],
    },
    {
        "slug": "islamic-state-hind-province",
        "name": "Islamic State Hind Province",
        "ideology": _SALAFI,
        "status": GroupStatus.ACTIVE,
        "founded_date": "May 2019",
        "areas": ["india", "jammu-and-kashmir"],
        "aliases": [("Islamic State India Province", AliasKind.TRANSLATION, "en", _LATN)],
        "summary": (
            "The Islamic State's province (wilayah) for India, unveiled in May 2019 within the "
            "then-Islamic State Khorasan Province."
        ),
        "body": (
            "The Islamic State unveiled its India province in May 2019, together with its "
            "Pakistan province and within the then-Islamic State Khorasan Province. The "
            "announcement came immediately after the group led gun raids in Shopian district "
            "of Indian-administered Kashmir."
        ),
        "cite": [
            ("para. 3", "the Islamic State unveiled its new wilayah (provinces) in India and "
                        "Pakistan"),
            ("para. 4", "The announcement came immediately after the group led gun raids in "
                        "Shopian district of Indian-administered Kashmir."),
        ],
    },
    {
        "slug": "lashkar-e-jhangvi-al-alami",
        "name": "Lashkar-e-Jhangvi al-Alami",
        "abbreviation": "LeJA",
        "ideology": Ideology.SECTARIAN,
        "status": GroupStatus.ACTIVE,
        "areas": ["balochistan"],
        "aliases": [("Lashkar-i-Jhangvi al-Alami", AliasKind.TRANSLITERATION, "en", _LATN)],
        "summary": "Jihadist group working in tandem with the Islamic State in Balochistan.",
        "body": (
            "Lashkar-e-Jhangvi al-Alami (LeJA) is one of the fragmented groups with "
            "overlapping interests through which, according to Maj Gen (retd) Saad Khattak, "
            "the Islamic State works in Balochistan. Local security officials say its "
            "militants take part in camps in Afghanistan."
        ),
        "relationships": (
            "Factions within the Pakistan Army have for long deployed local jihadist groups, "
            "including LeJA, against the Baloch separatists. Experts say the strategy has "
            "weakened the separatists but gives refuge to groups that have recently emerged "
            "as allies of the Islamic State in Balochistan."
        ),
        "cite": [
            ("para. 8", "In the case of Balochistan this includes groups like Lashkar-e-Jhangvi "
                        "Al-Alami (LeJA)"),
            ("para. 10", "the militants are participating in camps in Afghanistan"),
            ("para. 33", "deployed local jihadist groups, including the LeJA, against the "
                         "Baloch separatists"),
        ],
    },
    {
        "slug": "tehrik-e-taliban-pakistan",
        "name": "Tehrik-e-Taliban Pakistan",
        "abbreviation": "TTP",
        "ideology": Ideology.JIHADIST,
        "status": GroupStatus.ACTIVE,
        "areas": ["balochistan"],
        "aliases": [("Pakistan Taliban", AliasKind.OTHER, "en", _LATN)],
        "summary": (
            "The Pakistan Taliban, whose splinters work in tandem with the Islamic State in "
            "Balochistan."
        ),
        "body": (
            "Splinters of the Tehrik-e-Taliban Pakistan (TTP), the Pakistan Taliban, work in "
            "tandem with the Islamic State in Balochistan; local security officials say their "
            "militants take part in camps in Afghanistan."
        ),
        "cite": [
            ("para. 10", "splinters of the Tehrik-e-Taliban Pakistan (TTP), which are working in "
                         "tandem with the Islamic State in Balochistan"),
        ],
    },
    {
        "slug": "jamaat-ud-dawa",
        "name": "Jamaat-ud-Dawa",
        "abbreviation": "JuD",
        "ideology": Ideology.JIHADIST,
        "status": GroupStatus.ACTIVE,
        "areas": ["pakistan"],
        "summary": "Kashmir-focused charity front for Lashkar-e-Taiba, led by Hafiz Saeed.",
        "body": (
            "Jamaat-ud-Dawa (JuD) is a Kashmir-focused charity front for Lashkar-e-Taiba. A "
            "JuD cell affiliated with the Islamic State was busted in Sialkot in December 2015."
        ),
        "leadership": (
            "Its chief, Hafiz Saeed, also leads Lashkar-e-Taiba and established the Milli "
            "Muslim League."
        ),
        "ideology_and_goals": (
            "Conversations with its members and its literature show the belief that Pakistan "
            "was founded on the principle of establishing an Islamic state. While the group "
            "may disagree with the methods and operations of the Islamic State, it says that "
            "upholding jihad has been a state policy of Pakistan over the past decade."
        ),
        "cite": [
            ("para. 26", "whose cell affiliated with the Islamic State was busted in Sialkot in "
                         "December 2015"),
            ("para. 27", "JuD, a charity front for the Lashkar-e-Taiba (LeT)"),
        ],
    },
    {
        "slug": "lashkar-e-taiba",
        "name": "Lashkar-e-Taiba",
        "abbreviation": "LeT",
        "ideology": Ideology.JIHADIST,
        "status": GroupStatus.ACTIVE,
        "areas": ["pakistan"],
        "summary": (
            "Jihadist group with Jamaat-ud-Dawa as its charity front; its chief is Hafiz Saeed."
        ),
        "body": (
            "Jamaat-ud-Dawa is a charity front for Lashkar-e-Taiba (LeT). Hafiz Saeed, the "
            "chief of both, established the Milli Muslim League."
        ),
        "cite": [
            ("para. 27", "JuD, a charity front for the Lashkar-e-Taiba (LeT)"),
            ("para. 28", "established by JuD and LeT chief Hafiz Saeed"),
        ],
    },
    {
        "slug": "milli-muslim-league",
        "name": "Milli Muslim League",
        "abbreviation": "MML",
        "ideology": Ideology.ISLAMIST_POLITICAL,
        "status": GroupStatus.UNKNOWN,
        "areas": ["pakistan"],
        "summary": (
            "Islamist party established by Hafiz Saeed; barred from the 2018 elections, it "
            "resurfaced as Allah-o-Akbar Tehreek."
        ),
        "body": (
            "The Milli Muslim League (MML) is an Islamist party established by Hafiz Saeed, "
            "the chief of Jamaat-ud-Dawa and Lashkar-e-Taiba. The Election Commission of "
            "Pakistan barred it from contesting the 2018 elections owing to its terror ties; "
            "it resurfaced as Allah-o-Akbar Tehreek, which did take part in the 2018 polls."
        ),
        "ideology_and_goals": (
            "Ehsan Ullah, one of its leaders, says that Pakistan was created as an Islamic "
            "state and that jihad for the liberation of Kashmir has been, and still is, the "
            "official policy of the military."
        ),
        "cite": [
            ("para. 28", "a leader of the Milli Muslim League (MML), an Islamist party "
                         "established by JuD and LeT chief Hafiz Saeed"),
            ("para. 29", "While the MML was barred by the Election Commission of Pakistan from "
                         "contesting last year's elections owing to its terror ties"),
        ],
    },
    {
        "slug": "allah-o-akbar-tehreek",
        "name": "Allah-o-Akbar Tehreek",
        "abbreviation": "AAT",
        "ideology": Ideology.ISLAMIST_POLITICAL,
        "status": GroupStatus.UNKNOWN,
        "areas": ["pakistan"],
        "summary": (
            "Party under which the Milli Muslim League resurfaced to take part in the 2018 "
            "elections."
        ),
        "body": (
            "Barred from contesting the 2018 elections, the Milli Muslim League resurfaced as "
            "Allah-o-Akbar Tehreek (AAT), which did participate in the 2018 polls."
        ),
        "cite": [
            ("para. 29", "it resurfaced as the Allah-o-Akbar Tehreek (AAT), which did "
                         "participate in the 2018 polls"),
        ],
    },
    {
        "slug": "baloch-liberation-army",
        "name": "Baloch Liberation Army",
        "abbreviation": "BLA",
        "ideology": Ideology.ETHNONATIONALIST,
        "status": GroupStatus.ACTIVE,
        "areas": ["balochistan", "sindh"],
        "summary": (
            "Leading Baloch separatist group; it raided a five-star hotel in Gwadar in May 2019 "
            "and attacked the Chinese consulate in Karachi in 2018."
        ),
        "body": (
            "The Baloch Liberation Army (BLA) leads the separatist outfits among Balochistan's "
            "militant groups. It seeks to exploit local resentment against the state and "
            "unease over Chinese influence in the province."
        ),
        "relationships": (
            "Factions within the Pakistan Army have for long deployed local jihadist groups, "
            "including Lashkar-e-Jhangvi al-Alami, against the Baloch separatists; experts "
            "say the strategy has weakened the separatist militants."
        ),
        "cite": [
            ("para. 32", "the separatist outfits led by the Baloch Liberation Army (BLA)"),
            ("para. 33", "exploit the local resentment against the state and the unease over "
                         "Chinese influence in the province"),
        ],
    },
    {
        "slug": "national-thowheeth-jamaath",
        "name": "National Thowheeth Jama'ath",
        "abbreviation": "NTJ",
        "ideology": _SALAFI,
        "status": GroupStatus.UNKNOWN,
        "areas": ["sri-lanka"],
        "summary": (
            "Sri Lankan jihadist group, an affiliate of the Islamic State, that carried out "
            "the 2019 Easter bombings with Jammiyathul Millathu Ibrahim."
        ),
        "body": (
            "National Thowheeth Jama'ath is one of the two jihadist groups, both affiliates "
            "of the Islamic State in Sri Lanka, that carried out the Easter bombings of April "
            "2019, which the Islamic State claimed."
        ),
        "cite": [
            ("para. 6", "While the attacks were carried out by National Thowheeth Jama'ath and "
                        "Jammiyathul Millathu Ibrahim"),
        ],
    },
    {
        "slug": "jammiyathul-millathu-ibrahim",
        "name": "Jammiyathul Millathu Ibrahim",
        "abbreviation": "JMI",
        "ideology": _SALAFI,
        "status": GroupStatus.UNKNOWN,
        "areas": ["sri-lanka"],
        "summary": (
            "Sri Lankan jihadist group, an affiliate of the Islamic State, that carried out "
            "the 2019 Easter bombings with National Thowheeth Jama'ath."
        ),
        "body": (
            "Jammiyathul Millathu Ibrahim is one of the two jihadist groups, both affiliates "
            "of the Islamic State in Sri Lanka, that carried out the Easter bombings of April "
            "2019."
        ),
        "size_and_resources": (
            "At least one bomber from the Sri Lanka attacks, a member of the group, was "
            "trained in Syria by the Islamic State."
        ),
        "cite": [
            ("para. 6", "both of these jihadist groups are affiliates of ISIS in Sri Lanka"),
            ("para. 9", "At least one bomber from the Sri Lanka attacks, belonging to "
                        "Jammiyathul Millathu Ibrahim, was trained in Syria by the Islamic State."),
        ],
    },
]

PEOPLE = [
    {
        "slug": "abu-bakr-al-baghdadi",
        "name": "Abu Bakr al-Baghdadi",
        "status": PersonStatus.KILLED,
        "died_date": "October 2019",
        "aliases": [("أبو بكر البغدادي", AliasKind.NATIVE, "ar", _ARAB)],
        "summary": "Chief of the Islamic State, killed in Syria in October 2019.",
        "body": (
            "Abu Bakr al-Baghdadi was the chief of the Islamic State. He was killed in Syria "
            "in October 2019; officials in the region then saw the group eyeing Pakistan's "
            "former tribal areas and Balochistan."
        ),
        "cite": [
            ("para. 1", "Following the killing of its chief Abu Bakr al-Baghdadi in Syria last "
                        "month"),
            ("para. 1", "in Syria last month", "died_on"),
        ],
    },
    {
        "slug": "hafeez-pindrani-brohi",
        "name": "Hafeez Pindrani Brohi",
        "status": PersonStatus.KILLED,
        "summary": (
            "Former leader of the Islamic State in Balochistan, killed in a police raid in the "
            "Dadhar area."
        ),
        "body": (
            "Hafeez Pindrani Brohi led the Islamic State in Balochistan until he was killed in "
            "a police raid in the Dadhar area of the province. The researcher Muhammad Amir "
            "Rana attributes the decrease in the group's attacks in Balochistan to his death, "
            "which left what Rana calls a \"leadership crisis\"."
        ),
        "cite": [
            ("para. 16", "the death of the group's former leader Hafeez Pindrani Brohi, who was "
                         "killed in a police raid in the Dadhar area of Balochistan"),
        ],
    },
    {
        "slug": "syed-badini",
        "name": "Syed Badini",
        "summary": (
            "Mastermind, with his first cousin Suleman Badini, of the 2016 Quetta hospital "
            "bombing."
        ),
        "body": (
            "According to Anwar-ul-Haq Kakar, then the Balochistan government spokesperson, "
            "the 2016 Quetta hospital attack targeting lawyers was masterminded by Syed Badini "
            "and his first cousin Suleman Badini, an example of the brothers or first cousins "
            "who worked in tandem in many attacks."
        ),
        "cite": [
            ("para. 20", "masterminded by Syed Badini and Suleman Badini, who were first "
                         "cousins"),
        ],
    },
    {
        "slug": "suleman-badini",
        "name": "Suleman Badini",
        "summary": (
            "Mastermind, with his first cousin Syed Badini, of the 2016 Quetta hospital "
            "bombing."
        ),
        "body": (
            "According to Anwar-ul-Haq Kakar, then the Balochistan government spokesperson, "
            "the 2016 Quetta hospital attack targeting lawyers was masterminded by Suleman "
            "Badini and his first cousin Syed Badini."
        ),
        "cite": [
            ("para. 20", "masterminded by Syed Badini and Suleman Badini, who were first "
                         "cousins"),
        ],
    },
    {
        "slug": "hafiz-saeed",
        "name": "Hafiz Saeed",
        "summary": (
            "Chief of Jamaat-ud-Dawa and Lashkar-e-Taiba, who established the Milli Muslim "
            "League."
        ),
        "body": (
            "Hafiz Saeed is the chief of Jamaat-ud-Dawa and of Lashkar-e-Taiba, for which "
            "Jamaat-ud-Dawa is a charity front. He established the Milli Muslim League, an "
            "Islamist party."
        ),
        "cite": [("para. 28", "an Islamist party established by JuD and LeT chief Hafiz Saeed")],
    },
    {
        "slug": "ehsan-ullah",
        "name": "Ehsan Ullah",
        "summary": "A leader of the Milli Muslim League.",
        "body": (
            "Ehsan Ullah, a leader of the Milli Muslim League, says that Pakistan was created "
            "as an Islamic state and that jihad for the liberation of Kashmir has been, and "
            "still is, the official policy of the military."
        ),
        "cite": [("para. 28", "says Ehsan Ullah, a leader of the Milli Muslim League (MML)")],
    },
    {
        "slug": "muhammad-amir-rana",
        "name": "Muhammad Amir Rana",
        "summary": (
            "Director of the Pakistan Institute for Peace Studies (PIPS) and author of The "
            "Militant: Development of a Jihadi Character in Pakistan."
        ),
        "body": (
            "Muhammad Amir Rana directs the Pakistan Institute for Peace Studies (PIPS), whose "
            "2018 security report underlined the Islamic State's growing presence in "
            "Balochistan and Sindh. He says the group extended its presence in Pakistan in "
            "2019 although its attacks became less frequent, and that its sleeper cells are "
            "still present, Punjab included."
        ),
        "cite": [
            ("para. 14", "Muhammad Amir Rana, PIPS director and author of The Militant: "
                         "Development of a Jihadi Character in Pakistan"),
        ],
    },
    {
        "slug": "anwar-ul-haq-kakar",
        "name": "Anwar-ul-Haq Kakar",
        "summary": (
            "Co-founder of the Balochistan Awami Party (BAP) and Balochistan government "
            "spokesperson from 2015 to 2018."
        ),
        "body": (
            "Anwar-ul-Haq Kakar co-founded the Balochistan Awami Party (BAP) and was the "
            "Balochistan government spokesperson from 2015 to 2018. He says that as few as "
            "two to four operatives can launch the deadliest attacks, and that in many attacks "
            "of his time as spokesperson brothers or first cousins worked in tandem."
        ),
        "cite": [
            ("para. 19", "Balochistan Awami Party (BAP) cofounder Anwar-ul-Haq Kakar, who was "
                         "the Balochistan government spokesperson from 2015 to 2018"),
        ],
    },
]

_BOMBING, _ARMED_ASSAULT = "Bombing/Explosion", "Armed Assault"
_EXPLOSIVES, _FIREARMS = "Explosives", "Firearms"
_RELIGIOUS, _CITIZENS = "Religious Figures/Institutions", "Private Citizens & Property"
_CITY_CENTRE = CoordinatePrecision.CITY

_EASTER_CITE = ("para. 6", "this year's Easter bombings in Sri Lanka")

# Parent events come before their sub-attacks.
ATTACKS = [
    {
        "slug": "safoora-chowrangi-bus-attack",
        "name": "Safoora Chowrangi bus attack",
        "occurred_date": "13 May 2015",
        "gtd": "Incident of 13 May 2015, Karachi",
        "place": "karachi",
        "coordinate_precision": _CITY_CENTRE,
        "attack_types": [_ARMED_ASSAULT],
        "target_types": [_CITIZENS],
        "summary": (
            "Attack on the Ismaili Shia community near Safoora Chowrangi, Karachi: the "
            "Islamic State's first attack in Pakistan."
        ),
        "body": (
            "Less than a year after the Islamic State was founded, and soon after the Islamic "
            "State Khorasan Province was announced, the group launched its first attack in "
            "Pakistan, targeting the Ismaili Shia community near Karachi's Safoora Chowrangi."
        ),
        "cite": [
            ("para. 11", "the group launched its first attack in Pakistan in May 2015, targeting "
                         "the Ismaili Shia community near Karachi's Safoora Chowrangi"),
        ],
    },
    {
        "slug": "quetta-civil-hospital-bombing",
        "name": "Quetta Civil Hospital bombing",
        "occurred_date": "8 August 2016",
        "gtd": "Incident of 8 August 2016, Quetta",
        "place": "quetta",
        "coordinate_precision": _CITY_CENTRE,
        "attack_types": [_BOMBING],
        "weapon_types": [_EXPLOSIVES],
        "summary": "Bombing at a Quetta hospital targeting lawyers, claimed by the Islamic State.",
        "body": (
            "The Quetta hospital bombing of August 2016 targeted lawyers. The Islamic State "
            "claimed it. According to Anwar-ul-Haq Kakar, then the Balochistan government "
            "spokesperson, it was masterminded by the first cousins Syed Badini and Suleman "
            "Badini."
        ),
        "cite": [
            ("para. 12", "These include the Quetta hospital bombing in August 2016"),
            ("para. 20", "the Quetta hospital attack targeting the lawyers [in 2016]"),
        ],
    },
    {
        "slug": "sehwan-shrine-bombing",
        "name": "Sehwan shrine bombing",
        "occurred_date": "16 February 2017",
        "gtd": "Incident of 16 February 2017, Sehwan",
        "place": "sehwan",
        "coordinate_precision": _CITY_CENTRE,
        "attack_types": [_BOMBING],
        "weapon_types": [_EXPLOSIVES],
        "target_types": [_RELIGIOUS],
        "aliases": [("Lal Shahbaz Qalandar shrine bombing", AliasKind.OTHER, "en", _LATN)],
        "summary": "Bombing of the Sufi shrine of Lal Shahbaz Qalandar at Sehwan, Sindh.",
        "body": (
            "Reporting a 2018 security report by the Pakistan Institute for Peace Studies "
            "(PIPS) on the Islamic State's growing presence in Balochistan and Sindh, the seed "
            "article says the group targeted the revered Lal Shahbaz Sufi shrine at Sehwan."
        ),
        "cite": [
            ("para. 13", "in Sindh, where the group targeted the revered Lal Shahbaz Sufi shrine "
                         "at Sehwan"),
        ],
    },
    {
        "slug": "bethel-memorial-methodist-church-attack",
        "name": "Bethel Memorial Methodist Church attack",
        "occurred_date": "17 December 2017",
        "gtd": "Incident of 17 December 2017, Quetta",
        "place": "quetta",
        "coordinate_precision": _CITY_CENTRE,
        "target_types": [_RELIGIOUS],
        "summary": (
            "Attack on the Bethel Memorial Methodist Church in Quetta, claimed by the Islamic "
            "State."
        ),
        "body": (
            "The Islamic State claimed the attack on the Bethel Memorial Methodist Church in "
            "Quetta, one of the numerous attacks it claimed in Pakistan, most of them in "
            "Balochistan."
        ),
        "cite": [
            ("para. 12", "the Bethel Memorial Methodist Church attack in December 2017"),
        ],
    },
    {
        "slug": "hazara-gun-attacks-balochistan-2018",
        "name": "Gun attacks on the Hazara community in Balochistan",
        "occurred_date": "April 2018",
        "place": "balochistan",
        "attack_types": [_ARMED_ASSAULT],
        "weapon_types": [_FIREARMS],
        "target_types": [_CITIZENS],
        "summary": (
            "Multiple gun attacks on Balochistan's Hazara community in April 2018, many of "
            "them claimed by the Islamic State."
        ),
        "body": (
            "In April 2018 multiple gun attacks targeted Balochistan's Hazara community; many "
            "of them were claimed by the Islamic State. A hunger strike by the community, led "
            "by the lawyer and human rights activist Jalila Haider, followed, demanding "
            "protection. Asia Times reported that the community maintained there was "
            "collaboration between Islamic State militants and rogue elements in the Pakistan "
            "military, which the Army Chief, Gen Qamar Javed Bajwa, did not rule out."
        ),
        "cite": [
            ("para. 23", "In April 2018, multiple gun attacks targeted Balochistan's Hazara "
                         "community. Many of those attacks were claimed by ISIS."),
            ("para. 24", "who led last year's Hazara hunger strike"),
        ],
    },
    {
        "slug": "mastung-election-rally-bombing",
        "name": "Mastung election rally bombing",
        "occurred_date": "13 July 2018",
        "gtd": "Incident of 13 July 2018, Mastung",
        "place": "mastung",
        "coordinate_precision": _CITY_CENTRE,
        "attack_types": [_BOMBING],
        "weapon_types": [_EXPLOSIVES],
        "target_types": ["Government (General)"],
        "suicide": True,
        "summary": (
            "Suicide bombing of an election rally in Mastung, Balochistan, claimed by the "
            "Islamic State: the second deadliest attack in Pakistan's history."
        ),
        "body": (
            "The suicide bombing targeting an election rally in Mastung was the second "
            "deadliest attack in Pakistan's history. The Islamic State claimed it."
        ),
        "cite": [
            ("para. 12", "last year's suicide bombing targeting an election rally in Mastung, "
                         "the second deadliest attack in Pakistan's history"),
            ("para. 12", "last year's suicide bombing", "suicide"),
        ],
    },
    {
        "slug": "karachi-chinese-consulate-attack",
        "name": "Chinese consulate attack, Karachi",
        "occurred_date": "23 November 2018",
        "gtd": "Incident of 23 November 2018, Karachi",
        "place": "karachi",
        "coordinate_precision": _CITY_CENTRE,
        "target_types": ["Government (Diplomatic)"],
        "summary": "Attack by the Baloch Liberation Army on the Chinese consulate in Karachi.",
        "body": (
            "The Baloch Liberation Army attacked the Chinese consulate in Karachi. The group "
            "seeks to exploit local unease over Chinese influence in Balochistan."
        ),
        "cite": [
            ("para. 32", "attacked the Chinese consulate in Karachi last year"),
        ],
    },
    {
        "slug": "sri-lanka-easter-bombings",
        "name": "Sri Lanka Easter bombings",
        "occurred_date": "21 April 2019",
        "gtd": "Incidents of 21 April 2019, Sri Lanka",
        "place": "sri-lanka",
        "attack_types": [_BOMBING],
        "weapon_types": [_EXPLOSIVES],
        "target_types": [_RELIGIOUS],
        "summary": (
            "Coordinated bombings in Sri Lanka, carried out by National Thowheeth Jama'ath and "
            "Jammiyathul Millathu Ibrahim and claimed by the Islamic State."
        ),
        "body": (
            "Experts say the Easter bombings deployed the Islamic State's modus operandi for "
            "South Asia, a month before the group announced its new provinces for India and "
            "Pakistan: local foot-soldiers from affiliated groups attack, and the Islamic "
            "State claims the attack. They were carried out by National Thowheeth Jama'ath "
            "and Jammiyathul Millathu Ibrahim, both affiliates of the Islamic State, which "
            "claimed them. At least one bomber, from Jammiyathul Millathu Ibrahim, was "
            "trained in Syria by the Islamic State."
        ),
        "cite": [
            ("para. 6", "which simultaneously claimed the attack"),
            ("para. 9", "At least one bomber from the Sri Lanka attacks, belonging to "
                        "Jammiyathul Millathu Ibrahim, was trained in Syria by the Islamic State."),
        ],
    },
    {
        "slug": "st-anthonys-shrine-bombing",
        "name": "St Anthony's Shrine bombing, Kochchikade",
        "occurred_date": "21 April 2019",
        "gtd": "Incident of 21 April 2019, Colombo",
        "parent_event": "sri-lanka-easter-bombings",
        "place": "colombo",
        "coordinate_precision": _CITY_CENTRE,
        "attack_types": [_BOMBING],
        "weapon_types": [_EXPLOSIVES],
        "target_types": [_RELIGIOUS],
        "summary": (
            "Bombing of St Anthony's Shrine, Kochchikade, Colombo, one of the Easter bombings."
        ),
        "cite": [_EASTER_CITE],
    },
    {
        "slug": "st-sebastians-church-bombing",
        "name": "St Sebastian's Church bombing, Negombo",
        "occurred_date": "21 April 2019",
        "gtd": "Incident of 21 April 2019, Negombo",
        "parent_event": "sri-lanka-easter-bombings",
        "place": "negombo",
        "coordinate_precision": _CITY_CENTRE,
        "attack_types": [_BOMBING],
        "weapon_types": [_EXPLOSIVES],
        "target_types": [_RELIGIOUS],
        "summary": "Bombing of St Sebastian's Church, Negombo, one of the Easter bombings.",
        "cite": [_EASTER_CITE],
    },
    {
        "slug": "zion-church-bombing",
        "name": "Zion Church bombing, Batticaloa",
        "occurred_date": "21 April 2019",
        "gtd": "Incident of 21 April 2019, Batticaloa",
        "parent_event": "sri-lanka-easter-bombings",
        "place": "batticaloa",
        "coordinate_precision": _CITY_CENTRE,
        "attack_types": [_BOMBING],
        "weapon_types": [_EXPLOSIVES],
        "target_types": [_RELIGIOUS],
        "summary": "Bombing of Zion Church, Batticaloa, one of the Easter bombings.",
        "cite": [_EASTER_CITE],
    },
    {
        "slug": "gwadar-pearl-continental-hotel-attack",
        "name": "Pearl Continental hotel attack, Gwadar",
        "occurred_date": "11 May 2019",
        "gtd": "Incident of 11 May 2019, Gwadar",
        "place": "gwadar",
        "coordinate_precision": _CITY_CENTRE,
        "attack_types": [_ARMED_ASSAULT],
        "weapon_types": [_FIREARMS],
        "target_types": ["Business"],
        "summary": "Gun raid by the Baloch Liberation Army on a five-star hotel in Gwadar.",
        "body": (
            "The Baloch Liberation Army launched a gun raid in the Pearl Continental, a "
            "five-star hotel in Gwadar."
        ),
        "cite": [
            ("para. 32", "which launched a gun raid in a five-star hotel in Gwadar in May this "
                         "year"),
        ],
    },
    {
        "slug": "shopian-gun-raids",
        "name": "Shopian gun raids",
        "occurred_date": "May 2019",
        "place": "shopian",
        "coordinate_precision": CoordinatePrecision.DISTRICT,
        "attack_types": [_ARMED_ASSAULT],
        "weapon_types": [_FIREARMS],
        "summary": (
            "Gun raids led by the Islamic State in Shopian district of Indian-administered "
            "Kashmir, just before it announced its India and Pakistan provinces."
        ),
        "body": (
            "The Islamic State led gun raids in Shopian district of Indian-administered "
            "Kashmir. Its announcement of new provinces for India and Pakistan came "
            "immediately afterwards, in May 2019."
        ),
        "cite": [
            ("para. 4", "The announcement came immediately after the group led gun raids in "
                        "Shopian district of Indian-administered Kashmir."),
        ],
    },
]

_REPORTED, _CONFIRMED = Confidence.REPORTED, Confidence.CONFIRMED
_PROVINCES_CITE = (
    "para. 3", "the Islamic State unveiled its new wilayah (provinces) in India and Pakistan "
               "within the then-Islamic State of Khorasan Province (ISKP)",
)
_EASTER_AFFILIATES_CITE = (
    "para. 6", "both of these jihadist groups are affiliates of ISIS in Sri Lanka",
)

GROUP_RELATIONS = [
    {
        "subject": "islamic-state-khorasan-province",
        "kind": GroupRelationKind.AFFILIATE_OF,
        "object": "islamic-state",
        "started_date": "January 2015",
        "confidence": _CONFIRMED,
        "note": "The Islamic State's province for the Afghanistan-Pakistan region.",
        "cite": _PROVINCES_CITE,
    },
    {
        "subject": "islamic-state-pakistan-province",
        "kind": GroupRelationKind.AFFILIATE_OF,
        "object": "islamic-state",
        "started_date": "May 2019",
        "confidence": _CONFIRMED,
        "note": "A province (wilayah) of the Islamic State.",
        "cite": _PROVINCES_CITE,
    },
    {
        "subject": "islamic-state-pakistan-province",
        "kind": GroupRelationKind.FACTION_OF,
        "object": "islamic-state-khorasan-province",
        "started_date": "May 2019",
        "confidence": _CONFIRMED,
        "note": "Unveiled in May 2019 as a new province within the then-ISKP.",
        "cite": _PROVINCES_CITE,
    },
    {
        "subject": "islamic-state-hind-province",
        "kind": GroupRelationKind.AFFILIATE_OF,
        "object": "islamic-state",
        "started_date": "May 2019",
        "confidence": _CONFIRMED,
        "note": "A province (wilayah) of the Islamic State.",
        "cite": _PROVINCES_CITE,
    },
    {
        "subject": "islamic-state-hind-province",
        "kind": GroupRelationKind.FACTION_OF,
        "object": "islamic-state-khorasan-province",
        "started_date": "May 2019",
        "confidence": _CONFIRMED,
        "note": "Unveiled in May 2019 as a new province within the then-ISKP.",
        "cite": _PROVINCES_CITE,
    },
    {
        "subject": "national-thowheeth-jamaath",
        "kind": GroupRelationKind.AFFILIATE_OF,
        "object": "islamic-state",
        "confidence": _REPORTED,
        "cite": _EASTER_AFFILIATES_CITE,
    },
    {
        "subject": "jammiyathul-millathu-ibrahim",
        "kind": GroupRelationKind.AFFILIATE_OF,
        "object": "islamic-state",
        "confidence": _REPORTED,
        "cite": _EASTER_AFFILIATES_CITE,
    },
    {
        "subject": "lashkar-e-jhangvi-al-alami",
        "kind": GroupRelationKind.ALLIED_WITH,
        "object": "islamic-state",
        "confidence": _REPORTED,
        "note": "Works in tandem with the Islamic State in Balochistan, local security "
                "officials say.",
        "cite": ("para. 10", "In the case of LeJA and splinters of the Tehrik-e-Taliban Pakistan "
                             "(TTP), which are working in tandem with the Islamic State"),
    },
    {
        "subject": "tehrik-e-taliban-pakistan",
        "kind": GroupRelationKind.ALLIED_WITH,
        "object": "islamic-state",
        "confidence": _REPORTED,
        "note": "Splinters of the TTP, not the TTP as a whole, work in tandem with the Islamic "
                "State in Balochistan.",
        "cite": ("para. 10", "splinters of the Tehrik-e-Taliban Pakistan (TTP), which are "
                             "working in tandem with the Islamic State in Balochistan"),
    },
    {
        "subject": "lashkar-e-jhangvi-al-alami",
        "kind": GroupRelationKind.RIVAL_OF,
        "object": "baloch-liberation-army",
        "confidence": _REPORTED,
        "note": "Factions within the Pakistan Army have for long deployed local jihadist "
                "groups, including LeJA, against the Baloch separatists.",
        "cite": ("para. 33", "factions within the Pakistan Army have for long deployed local "
                             "jihadist groups, including the LeJA, against the Baloch "
                             "separatists"),
    },
    {
        "subject": "jamaat-ud-dawa",
        "kind": GroupRelationKind.FRONT_FOR,
        "object": "lashkar-e-taiba",
        "confidence": _CONFIRMED,
        "note": "A charity front.",
        "cite": ("para. 27", "JuD, a charity front for the Lashkar-e-Taiba (LeT)"),
    },
    {
        "subject": "milli-muslim-league",
        "kind": GroupRelationKind.SUPPORTED_BY,
        "object": "jamaat-ud-dawa",
        "confidence": _REPORTED,
        "note": "Established by JuD and LeT chief Hafiz Saeed.",
        "cite": ("para. 28", "an Islamist party established by JuD and LeT chief Hafiz Saeed"),
    },
    {
        "subject": "allah-o-akbar-tehreek",
        "kind": GroupRelationKind.SUCCESSOR_OF,
        "object": "milli-muslim-league",
        "started_date": "2018",
        "confidence": _CONFIRMED,
        "note": "Barred from contesting the 2018 elections, the MML resurfaced as the AAT, "
                "which took part in the 2018 polls.",
        "cite": ("para. 29", "it resurfaced as the Allah-o-Akbar Tehreek (AAT), which did "
                             "participate in the 2018 polls"),
    },
]

_SAEED_CITE = ("para. 28", "an Islamist party established by JuD and LeT chief Hafiz Saeed")

PERSON_GROUP_ROLES = [
    {
        "person": "abu-bakr-al-baghdadi",
        "group": "islamic-state",
        "role": PersonGroupRoleKind.LEADER,
        "title": "Chief",
        "ended_date": "October 2019",
        "confidence": _CONFIRMED,
        "note": "Until he was killed in Syria.",
        "cite": ("para. 1", "Following the killing of its chief Abu Bakr al-Baghdadi in Syria"),
    },
    {
        "person": "hafeez-pindrani-brohi",
        "group": "islamic-state",
        "role": PersonGroupRoleKind.LEADER,
        "title": "Leader in Balochistan",
        "confidence": _REPORTED,
        "note": "Called the group's former leader by Muhammad Amir Rana, speaking of "
                "Balochistan; his death caused a leadership crisis there.",
        "cite": ("para. 16", "the death of the group's former leader Hafeez Pindrani Brohi"),
    },
    {
        "person": "hafiz-saeed",
        "group": "jamaat-ud-dawa",
        "role": PersonGroupRoleKind.LEADER,
        "title": "Chief",
        "confidence": _CONFIRMED,
        "cite": _SAEED_CITE,
    },
    {
        "person": "hafiz-saeed",
        "group": "lashkar-e-taiba",
        "role": PersonGroupRoleKind.LEADER,
        "title": "Chief",
        "confidence": _CONFIRMED,
        "cite": _SAEED_CITE,
    },
    {
        "person": "hafiz-saeed",
        "group": "milli-muslim-league",
        "role": PersonGroupRoleKind.FOUNDER,
        "confidence": _CONFIRMED,
        "cite": _SAEED_CITE,
    },
    {
        "person": "ehsan-ullah",
        "group": "milli-muslim-league",
        "role": PersonGroupRoleKind.LEADER,
        "title": "One of its leaders",
        "confidence": _REPORTED,
        "cite": ("para. 28", "says Ehsan Ullah, a leader of the Milli Muslim League (MML)"),
    },
]

_BADINI_CITE = (
    "para. 20", "the Quetta hospital attack targeting the lawyers [in 2016] was masterminded "
                "by Syed Badini and Suleman Badini, who were first cousins",
)

PERSON_RELATIONS = [
    {
        "person": "syed-badini",
        "kind": PersonRelationKind.COUSIN,
        "other": "suleman-badini",
        "confidence": _REPORTED,
        "note": "First cousins, who planned the 2016 Quetta hospital attack together.",
        "cite": _BADINI_CITE,
    },
]

PERSON_ATTACK_ROLES = [
    {
        "attack": "quetta-civil-hospital-bombing",
        "person": "syed-badini",
        "role": PersonAttackRoleKind.MASTERMIND,
        "confidence": _REPORTED,
        "note": "According to Anwar-ul-Haq Kakar, then the Balochistan government spokesperson.",
        "cite": _BADINI_CITE,
    },
    {
        "attack": "quetta-civil-hospital-bombing",
        "person": "suleman-badini",
        "role": PersonAttackRoleKind.MASTERMIND,
        "confidence": _REPORTED,
        "note": "According to Anwar-ul-Haq Kakar, then the Balochistan government spokesperson.",
        "cite": _BADINI_CITE,
    },
]

_IS_CLAIMS_CITE = (
    "para. 12", "ISIS has claimed numerous attacks in Pakistan, with a vast majority of them "
                "being in Balochistan",
)

CLAIMS = [
    {
        "attack": "quetta-civil-hospital-bombing",
        "group": "islamic-state",
        "confidence": _REPORTED,
        "cite": _IS_CLAIMS_CITE,
    },
    {
        "attack": "bethel-memorial-methodist-church-attack",
        "group": "islamic-state",
        "confidence": _REPORTED,
        "cite": _IS_CLAIMS_CITE,
    },
    {
        "attack": "mastung-election-rally-bombing",
        "group": "islamic-state",
        "confidence": _REPORTED,
        "cite": _IS_CLAIMS_CITE,
    },
    {
        "attack": "sri-lanka-easter-bombings",
        "group": "islamic-state",
        "confidence": _REPORTED,
        "cite": ("para. 6", "both of these jihadist groups are affiliates of ISIS in Sri Lanka, "
                            "which simultaneously claimed the attack"),
    },
    {
        "attack": "hazara-gun-attacks-balochistan-2018",
        "group": "islamic-state",
        "confidence": _REPORTED,
        "note": "Many of those attacks were claimed by the Islamic State, not necessarily all.",
        "cite": ("para. 23", "Many of those attacks were claimed by ISIS."),
    },
]

_EXPERTS = "Experts cited in the seed article"
_EASTER_PERPETRATORS_CITE = (
    "para. 6", "While the attacks were carried out by National Thowheeth Jama'ath and "
               "Jammiyathul Millathu Ibrahim",
)

ATTRIBUTIONS = [
    {
        "attack": "safoora-chowrangi-bus-attack",
        "group": "islamic-state",
        "attributed_by": AttributionBy.MEDIA,
        "certainty": Certainty.CONFIRMED,
        "confidence": _REPORTED,
        "note": "The article counts it as the Islamic State's first attack in Pakistan.",
        "cite": ("para. 11", "the group launched its first attack in Pakistan in May 2015"),
    },
    {
        "attack": "sehwan-shrine-bombing",
        "group": "islamic-state",
        "attributed_by": AttributionBy.RESEARCHERS,
        "attributed_by_name": "Pakistan Institute for Peace Studies (PIPS)",
        "certainty": Certainty.SUSPECTED,
        "confidence": _REPORTED,
        "note": "Alongside PIPS's 2018 security report, as reported in the seed article, which "
                "does not say the group claimed the attack.",
        "cite": ("para. 13", "A 2018 security report by the Pakistan Institute for Peace "
                             "Studies (PIPS)"),
    },
    {
        "attack": "sri-lanka-easter-bombings",
        "group": "national-thowheeth-jamaath",
        "attributed_by": AttributionBy.RESEARCHERS,
        "attributed_by_name": _EXPERTS,
        "certainty": Certainty.CONFIRMED,
        "confidence": _REPORTED,
        "cite": _EASTER_PERPETRATORS_CITE,
    },
    {
        "attack": "sri-lanka-easter-bombings",
        "group": "jammiyathul-millathu-ibrahim",
        "attributed_by": AttributionBy.RESEARCHERS,
        "attributed_by_name": _EXPERTS,
        "certainty": Certainty.CONFIRMED,
        "confidence": _REPORTED,
        "cite": _EASTER_PERPETRATORS_CITE,
    },
    {
        "attack": "gwadar-pearl-continental-hotel-attack",
        "group": "baloch-liberation-army",
        "attributed_by": AttributionBy.MEDIA,
        "certainty": Certainty.CONFIRMED,
        "confidence": _REPORTED,
        "cite": ("para. 32", "which launched a gun raid in a five-star hotel in Gwadar"),
    },
    {
        "attack": "karachi-chinese-consulate-attack",
        "group": "baloch-liberation-army",
        "attributed_by": AttributionBy.MEDIA,
        "certainty": Certainty.CONFIRMED,
        "confidence": _REPORTED,
        "cite": ("para. 32", "attacked the Chinese consulate in Karachi last year"),
    },
    {
        "attack": "shopian-gun-raids",
        "group": "islamic-state",
        "attributed_by": AttributionBy.MEDIA,
        "certainty": Certainty.CONFIRMED,
        "confidence": _REPORTED,
        "cite": ("para. 4", "the group led gun raids in Shopian district"),
    },
]

# One demo user per role; the administrator is also staff, so it reaches the admin panel.
USERS = [
    {"username": "researcher", "role": Role.RESEARCHER, "display_name": "Demo researcher"},
    {"username": "editor", "role": Role.EDITOR, "display_name": "Demo editor"},
    {"username": "admin", "role": Role.ADMINISTRATOR, "display_name": "Demo administrator"},
]
