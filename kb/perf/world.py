"""Real countries, provinces and cities for the synthetic data set.

Weights follow the share of incidents per country in the Global Terrorism Database
(1970-2020, rounded to thousands), so country filters meet the same skew as on the real
data: a filter on Iraq matches a tenth of all attacks, one on Chile a few hundred.
Each province lists real cities; the generator adds invented districts and towns.
"""

# (name, ISO code, latitude, longitude, weight, {province: [cities]})
COUNTRIES = [
    ("Iraq", "IQ", 33.2, 43.7, 24, {
        "Baghdad": ["Baghdad", "Sadr City"], "Nineveh": ["Mosul", "Tal Afar", "Sinjar"],
        "Al Anbar": ["Ramadi", "Fallujah", "Hit"], "Diyala": ["Baqubah", "Muqdadiyah"],
        "Kirkuk": ["Kirkuk", "Hawija"], "Salah ad Din": ["Tikrit", "Samarra", "Baiji"],
        "Babil": ["Hillah", "Iskandariyah"],
    }),
    ("Pakistan", "PK", 30.0, 69.3, 15, {
        "Balochistan": ["Quetta", "Gwadar", "Mastung", "Turbat", "Khuzdar"],
        "Khyber Pakhtunkhwa": ["Peshawar", "Bannu", "Dera Ismail Khan", "Swat", "Mardan"],
        "Sindh": ["Karachi", "Hyderabad", "Sehwan", "Larkana"],
        "Punjab": ["Lahore", "Rawalpindi", "Multan", "Faisalabad"],
    }),
    ("Afghanistan", "AF", 33.9, 67.7, 13, {
        "Kabul": ["Kabul"], "Nangarhar": ["Jalalabad", "Achin"],
        "Helmand": ["Lashkar Gah", "Sangin"], "Kandahar": ["Kandahar", "Spin Boldak"],
        "Kunduz": ["Kunduz"], "Herat": ["Herat"], "Ghazni": ["Ghazni"],
    }),
    ("India", "IN", 22.0, 79.0, 12, {
        "Jammu and Kashmir": ["Srinagar", "Anantnag", "Pulwama"], "Manipur": ["Imphal"],
        "Chhattisgarh": ["Raipur", "Dantewada", "Sukma"], "Assam": ["Guwahati", "Kokrajhar"],
        "Maharashtra": ["Mumbai", "Gadchiroli"],
    }),
    ("Colombia", "CO", 4.6, -74.1, 8, {
        "Antioquia": ["Medellin"], "Cauca": ["Popayan"], "Bogota": ["Bogota"],
        "Arauca": ["Arauca"],
    }),
    ("Philippines", "PH", 12.9, 121.8, 7, {
        "Sulu": ["Jolo"], "Maguindanao": ["Cotabato"], "Lanao del Sur": ["Marawi"],
        "Metro Manila": ["Manila"], "Basilan": ["Isabela"],
    }),
    ("Peru", "PE", -9.2, -75.0, 6, {
        "Ayacucho": ["Ayacucho"], "Lima": ["Lima"], "Junin": ["Huancayo"],
    }),
    ("El Salvador", "SV", 13.8, -88.9, 5, {"San Salvador": ["San Salvador"]}),
    ("United Kingdom", "GB", 54.6, -5.9, 5, {
        "Northern Ireland": ["Belfast", "Londonderry", "Newry"], "England": ["London"],
    }),
    ("Somalia", "SO", 5.2, 46.2, 4.6, {
        "Banaadir": ["Mogadishu"], "Lower Shabelle": ["Merca", "Afgoye"], "Bay": ["Baidoa"],
    }),
    ("Nigeria", "NG", 9.1, 8.7, 4.5, {
        "Borno": ["Maiduguri", "Gwoza", "Konduga"], "Yobe": ["Damaturu"],
        "Adamawa": ["Yola", "Mubi"], "Kano": ["Kano"],
    }),
    ("Turkey", "TR", 39.0, 35.2, 4.3, {
        "Diyarbakir": ["Diyarbakir"], "Istanbul": ["Istanbul"], "Hakkari": ["Hakkari"],
    }),
    ("Thailand", "TH", 15.9, 100.9, 4, {
        "Yala": ["Yala"], "Pattani": ["Pattani"], "Narathiwat": ["Narathiwat"],
    }),
    ("Yemen", "YE", 15.6, 48.5, 3.8, {
        "Aden": ["Aden"], "Sanaa": ["Sanaa"], "Abyan": ["Zinjibar"],
    }),
    ("Spain", "ES", 40.4, -3.7, 3.2, {
        "Basque Country": ["Bilbao", "San Sebastian", "Vitoria"], "Madrid": ["Madrid"],
    }),
    ("Sri Lanka", "LK", 7.9, 80.8, 3, {
        "Western": ["Colombo", "Negombo"], "Eastern": ["Batticaloa", "Trincomalee"],
        "Northern": ["Jaffna"],
    }),
    ("United States", "US", 38.9, -77.0, 3, {"New York": ["New York"], "California": ["Berkeley"]}),
    ("Algeria", "DZ", 28.0, 1.7, 2.7, {"Algiers": ["Algiers"], "Boumerdes": ["Boumerdes"]}),
    ("France", "FR", 46.2, 2.2, 2.6, {"Ile-de-France": ["Paris"], "Corsica": ["Ajaccio"]}),
    ("Egypt", "EG", 26.8, 30.8, 2.5, {"North Sinai": ["Arish", "Rafah"], "Cairo": ["Cairo"]}),
    ("Syria", "SY", 34.8, 39.0, 2.5, {
        "Aleppo": ["Aleppo"], "Raqqa": ["Raqqa"], "Idlib": ["Idlib"], "Damascus": ["Damascus"],
    }),
    ("Lebanon", "LB", 33.9, 35.5, 2.4, {"Beirut": ["Beirut"], "North": ["Tripoli"]}),
    ("Chile", "CL", -33.4, -70.6, 2.3, {"Santiago": ["Santiago"]}),
    ("Libya", "LY", 26.3, 17.2, 2.2, {
        "Cyrenaica": ["Benghazi", "Derna"], "Tripolitania": ["Tripoli"],
    }),
    ("Israel", "IL", 31.8, 35.2, 2.2, {"Jerusalem": ["Jerusalem"], "Tel Aviv": ["Tel Aviv"]}),
    ("West Bank and Gaza Strip", "PS", 31.9, 35.2, 2.2, {
        "Gaza": ["Gaza City"], "West Bank": ["Hebron", "Nablus"],
    }),
    ("South Africa", "ZA", -26.2, 28.0, 2, {
        "Gauteng": ["Johannesburg"], "KwaZulu-Natal": ["Durban"],
    }),
    ("Russia", "RU", 43.3, 45.7, 2, {"Chechnya": ["Grozny"], "Dagestan": ["Makhachkala"]}),
    ("Bangladesh", "BD", 23.7, 90.4, 1.7, {"Dhaka": ["Dhaka"], "Chittagong": ["Chittagong"]}),
    ("Nepal", "NP", 27.7, 85.3, 1.6, {"Bagmati": ["Kathmandu"]}),
    ("Democratic Republic of the Congo", "CD", -1.7, 29.2, 1.5, {"North Kivu": ["Beni", "Goma"]}),
    ("Sudan", "SD", 13.5, 25.3, 1.4, {"North Darfur": ["El Fasher"]}),
    ("Mali", "ML", 16.3, -0.1, 1.3, {"Gao": ["Gao"], "Timbuktu": ["Timbuktu"], "Mopti": ["Mopti"]}),
    ("Guatemala", "GT", 14.6, -90.5, 1.2, {"Guatemala": ["Guatemala City"]}),
    ("Ukraine", "UA", 48.0, 37.8, 1.2, {"Donetsk": ["Donetsk"], "Luhansk": ["Luhansk"]}),
    ("Greece", "GR", 37.98, 23.7, 1.2, {"Attica": ["Athens"]}),
    ("Italy", "IT", 41.9, 12.5, 1.1, {"Lazio": ["Rome"], "Lombardy": ["Milan"]}),
    ("Germany", "DE", 52.5, 13.4, 1.1, {"Berlin": ["Berlin"], "Bavaria": ["Munich"]}),
    ("Kenya", "KE", -1.3, 36.8, 1, {
        "Nairobi": ["Nairobi"], "North Eastern": ["Garissa", "Mandera"],
    }),
    ("Cameroon", "CM", 10.6, 14.3, 1, {"Far North": ["Kolofata", "Mora"]}),
    ("Burkina Faso", "BF", 12.4, -1.5, 1, {"Sahel": ["Djibo"], "Centre": ["Ouagadougou"]}),
    ("Niger", "NE", 13.5, 2.1, 0.8, {"Diffa": ["Diffa"], "Tillaberi": ["Tillaberi"]}),
    ("Mozambique", "MZ", -11.3, 40.4, 0.7, {"Cabo Delgado": ["Mocimboa da Praia", "Palma"]}),
    ("Indonesia", "ID", -1.4, 120.8, 0.7, {"Central Sulawesi": ["Poso"], "Jakarta": ["Jakarta"]}),
    ("Saudi Arabia", "SA", 24.7, 46.7, 0.4, {"Riyadh": ["Riyadh"], "Eastern": ["Qatif"]}),
    ("Iran", "IR", 29.5, 60.9, 0.4, {"Sistan and Baluchestan": ["Zahedan", "Chabahar"]}),
    ("China", "CN", 39.5, 76.0, 0.3, {"Xinjiang": ["Kashgar", "Urumqi"]}),
]

COUNTRY_NAMES = [name.lower() for name, *_ in COUNTRIES]
CITY_WORDS = sorted({
    word.lower()
    for *_, provinces in COUNTRIES
    for cities in provinces.values()
    for city in cities
    for word in city.split()
    if len(word) > 3
})

# Given names and honorifics for people; family names are invented from the vocabulary.


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


GIVEN_NAMES = _words(
    "Muhammad Mohammed Abdul Abdullah Ahmad Ali Hassan Hussain Omar Umar Khalid Yusuf "
    "Ibrahim Ismail Hamza Bilal Tariq Zubair Hafiz Syed Suleman Sajid Rashid Imran Farooq "
    "Mullah Maulana Qari Mufti Aziz Karim Jamal Nasir Salim Walid Faisal Mustafa Idris "
    "Aisha Fatima Zainab Maryam Rahim Ghulam Baitullah Hakimullah Noor Wali Shahid"
)
# The same name written by different sources: search must find one through the other.
TRANSLITERATIONS = {
    "Muhammad": "Mohammed", "Mohammed": "Muhammad", "Omar": "Umar", "Umar": "Omar",
    "Hussain": "Husain", "Yusuf": "Yousef", "Suleman": "Sulaiman", "Ahmad": "Ahmed",
    "Abdullah": "Abdallah", "Farooq": "Faruq", "Hafiz": "Hafez", "Syed": "Sayyid",
}
GROUP_PATTERNS = (
    "Lashkar-e-{a}", "Jaish-e-{a}", "Tehrik-e-{a}", "Harakat al-{a}", "Jamaat-ul-{a}",
    "Ansar al-{a}", "Jund al-{a}", "Hizb-ul-{a}", "Katibat {a}", "{a} Liberation Army",
    "{a} Liberation Front", "{a} Revolutionary Army", "{a} People's Front",
    "Popular Front for the Liberation of {a}", "{a} Mujahideen", "{a} Brigade",
    "{a} Resistance Movement", "Islamic State in {a}", "Army of {a}", "{a} Defence League",
)
