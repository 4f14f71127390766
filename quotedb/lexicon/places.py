"""Named places a speaker's description may carry: `Ohio Governor X`, `mayor of Lyon`.

Without these, a capitalised word before a title reads as an organisation (`Ohio`) and
`of <Y>` after a name cannot tell a state from a company. Written by hand: sovereign
countries (with the short forms news uses), their adjectives, US states, and capitals
and other cities often named in the news. An organisation's own name still wins where it
holds an organisation word (`Ministry of Foreign Affairs of China`).
"""

from __future__ import annotations


def _names(*groups: str) -> frozenset[str]:
    return frozenset(n.strip() for g in groups for n in g.split(",") if n.strip())


COUNTRIES: frozenset[str] = _names(
    "Afghanistan, Albania, Algeria, Andorra, Angola, Antigua and Barbuda, Argentina, Armenia, Australia,"
    "Austria, Azerbaijan, Bahamas, Bahrain, Bangladesh, Barbados, Belarus, Belgium, Belize, Benin, Bhutan,"
    "Bolivia, Bosnia and Herzegovina, Bosnia, Botswana, Brazil, Brunei, Bulgaria, Burkina Faso, Burundi,"
    "Cambodia, Cameroon, Canada, Cape Verde, Central African Republic, Chad, Chile, China, Colombia, Comoros,"
    "Congo, Costa Rica, Ivory Coast, Croatia, Cuba, Cyprus, Czech Republic, Czechia, Denmark, Djibouti,"
    "Dominica, Dominican Republic, East Timor, Ecuador, Egypt, El Salvador, Equatorial Guinea, Eritrea,"
    "Estonia, Eswatini, Ethiopia, Fiji, Finland, France, Gabon, Gambia, Georgia, Germany, Ghana, Greece,"
    "Grenada, Guatemala, Guinea, Guinea-Bissau, Guyana, Haiti, Honduras, Hungary, Iceland, India, Indonesia,"
    "Iran, Iraq, Ireland, Israel, Italy, Jamaica, Japan, Jordan, Kazakhstan, Kenya, Kiribati, Kosovo, Kuwait,"
    "Kyrgyzstan, Laos, Latvia, Lebanon, Lesotho, Liberia, Libya, Liechtenstein, Lithuania, Luxembourg,"
    "Madagascar, Malawi, Malaysia, Maldives, Mali, Malta, Marshall Islands, Mauritania, Mauritius, Mexico,"
    "Micronesia, Moldova, Monaco, Mongolia, Montenegro, Morocco, Mozambique, Myanmar, Burma, Namibia, Nauru,"
    "Nepal, Netherlands, Holland, New Zealand, Nicaragua, Niger, Nigeria, North Korea, North Macedonia,"
    "Macedonia, Norway, Oman, Pakistan, Palau, Palestine, Panama, Papua New Guinea, Paraguay, Peru,"
    "Philippines, Poland, Portugal, Qatar, Romania, Russia, Rwanda, Saint Lucia, Samoa, San Marino,"
    "Saudi Arabia, Senegal, Serbia, Seychelles, Sierra Leone, Singapore, Slovakia, Slovenia, Solomon Islands,"
    "Somalia, South Africa, South Korea, Korea, South Sudan, Spain, Sri Lanka, Sudan, Suriname, Sweden,"
    "Switzerland, Syria, Taiwan, Tajikistan, Tanzania, Thailand, Togo, Tonga, Trinidad and Tobago, Tunisia,"
    "Turkey, Turkmenistan, Tuvalu, Uganda, Ukraine, United Arab Emirates, UAE, United Kingdom, UK, U.K.,"
    "Britain, Great Britain, England, Scotland, Wales, Northern Ireland, United States, US, U.S., USA,"
    "America, Uruguay, Uzbekistan, Vanuatu, Vatican, Venezuela, Vietnam, Yemen, Zambia, Zimbabwe,"
    "Hong Kong, Macau, Gaza, West Bank, Puerto Rico, Greenland, Crimea, Kashmir, Tibet, Xinjiang",
)

# Adjectives of country names, as written before a title (`French President X`), mapped
# to the country they name.
ADJECTIVES: dict[str, str] = {
    adj.strip(): country.strip()
    for pair in (
        "Afghan:Afghanistan, Albanian:Albania, Algerian:Algeria, Angolan:Angola, Argentine:Argentina,"
        "Argentinian:Argentina, Armenian:Armenia, Australian:Australia, Austrian:Austria,"
        "Azerbaijani:Azerbaijan, Bahraini:Bahrain, Bangladeshi:Bangladesh, Belarusian:Belarus,"
        "Belgian:Belgium, Bolivian:Bolivia, Bosnian:Bosnia and Herzegovina, Brazilian:Brazil,"
        "British:United Kingdom, Bulgarian:Bulgaria, Burmese:Myanmar, Cambodian:Cambodia,"
        "Cameroonian:Cameroon, Canadian:Canada, Chadian:Chad, Chilean:Chile, Chinese:China,"
        "Colombian:Colombia, Congolese:Congo, Croatian:Croatia, Cuban:Cuba, Cypriot:Cyprus, Czech:Czech Republic,"
        "Danish:Denmark, Dutch:Netherlands, Ecuadorian:Ecuador, Egyptian:Egypt, Emirati:United Arab Emirates,"
        "English:England, Eritrean:Eritrea, Estonian:Estonia, Ethiopian:Ethiopia, Filipino:Philippines,"
        "Finnish:Finland, French:France, Georgian:Georgia, German:Germany, Ghanaian:Ghana, Greek:Greece,"
        "Guatemalan:Guatemala, Haitian:Haiti, Honduran:Honduras, Hungarian:Hungary, Icelandic:Iceland,"
        "Indian:India, Indonesian:Indonesia, Iranian:Iran, Iraqi:Iraq, Irish:Ireland, Israeli:Israel,"
        "Italian:Italy, Jamaican:Jamaica, Japanese:Japan, Jordanian:Jordan, Kazakh:Kazakhstan, Kenyan:Kenya,"
        "Korean:Korea, Kosovan:Kosovo, Kuwaiti:Kuwait, Kyrgyz:Kyrgyzstan, Lao:Laos, Latvian:Latvia,"
        "Lebanese:Lebanon, Liberian:Liberia, Libyan:Libya, Lithuanian:Lithuania, Malagasy:Madagascar,"
        "Malawian:Malawi, Malaysian:Malaysia, Malian:Mali, Maltese:Malta, Mexican:Mexico, Moldovan:Moldova,"
        "Mongolian:Mongolia, Moroccan:Morocco, Mozambican:Mozambique, Namibian:Namibia, Nepalese:Nepal,"
        "Nepali:Nepal, Nicaraguan:Nicaragua, Nigerian:Nigeria, Nigerien:Niger, North Korean:North Korea,"
        "Norwegian:Norway, Omani:Oman, Pakistani:Pakistan, Palestinian:Palestine, Panamanian:Panama,"
        "Paraguayan:Paraguay, Peruvian:Peru, Polish:Poland, Portuguese:Portugal, Qatari:Qatar,"
        "Romanian:Romania, Russian:Russia, Rwandan:Rwanda, Saudi:Saudi Arabia, Scottish:Scotland,"
        "Senegalese:Senegal, Serbian:Serbia, Singaporean:Singapore, Slovak:Slovakia, Slovenian:Slovenia,"
        "Somali:Somalia, South African:South Africa, South Korean:South Korea, South Sudanese:South Sudan,"
        "Spanish:Spain, Sri Lankan:Sri Lanka, Sudanese:Sudan, Swedish:Sweden, Swiss:Switzerland,"
        "Syrian:Syria, Taiwanese:Taiwan, Tajik:Tajikistan, Tanzanian:Tanzania, Thai:Thailand,"
        "Tunisian:Tunisia, Turkish:Turkey, Turkmen:Turkmenistan, Ugandan:Uganda, Ukrainian:Ukraine,"
        "Uruguayan:Uruguay, Uzbek:Uzbekistan, Venezuelan:Venezuela, Vietnamese:Vietnam, Welsh:Wales,"
        "Yemeni:Yemen, Zambian:Zambia, Zimbabwean:Zimbabwe, American:United States"
    ).split(",")
    for adj, country in [pair.split(":")]
}

US_STATES: frozenset[str] = _names(
    "Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida, Georgia,"
    "Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland, Massachusetts,"
    "Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska, Nevada, New Hampshire, New Jersey,"
    "New Mexico, New York, North Carolina, North Dakota, Ohio, Oklahoma, Oregon, Pennsylvania, Rhode Island,"
    "South Carolina, South Dakota, Tennessee, Texas, Utah, Vermont, Virginia, Washington, West Virginia,"
    "Wisconsin, Wyoming, District of Columbia",
)

CITIES: frozenset[str] = _names(
    # Capitals
    "Kabul, Tirana, Algiers, Buenos Aires, Yerevan, Canberra, Vienna, Baku, Manama, Dhaka, Minsk, Brussels,"
    "Sarajevo, Brasilia, Sofia, Phnom Penh, Ottawa, Santiago, Beijing, Bogota, Havana, Nicosia, Prague,"
    "Copenhagen, Cairo, Tallinn, Addis Ababa, Helsinki, Paris, Tbilisi, Berlin, Accra, Athens, Budapest,"
    "Reykjavik, New Delhi, Delhi, Jakarta, Tehran, Baghdad, Dublin, Jerusalem, Rome, Tokyo, Amman, Astana,"
    "Nairobi, Pristina, Kuwait City, Bishkek, Riga, Beirut, Tripoli, Vilnius, Luxembourg, Kuala Lumpur,"
    "Valletta, Mexico City, Chisinau, Ulaanbaatar, Rabat, Maputo, Kathmandu, Amsterdam, The Hague,"
    "Wellington, Managua, Abuja, Pyongyang, Oslo, Muscat, Islamabad, Ramallah, Panama City, Lima, Manila,"
    "Warsaw, Lisbon, Doha, Bucharest, Moscow, Kigali, Riyadh, Dakar, Belgrade, Bratislava, Ljubljana,"
    "Mogadishu, Pretoria, Seoul, Juba, Madrid, Colombo, Khartoum, Stockholm, Bern, Damascus, Taipei,"
    "Dushanbe, Dodoma, Bangkok, Tunis, Ankara, Ashgabat, Kampala, Kyiv, Kiev, Abu Dhabi, London,"
    "Washington, Montevideo, Tashkent, Caracas, Hanoi, Sanaa, Lusaka, Harare, Edinburgh, Cardiff, Belfast,"
    # Other cities often named in the news
    "New York City, Los Angeles, Chicago, Houston, Phoenix, Philadelphia, San Antonio, San Diego, Dallas,"
    "San Francisco, Seattle, Boston, Miami, Atlanta, Denver, Detroit, Baltimore, Cleveland, Las Vegas,"
    "New Orleans, Pittsburgh, Milwaukee, Minneapolis, St. Louis, Orlando, Austin, Nashville, Portland,"
    "Sacramento, Toronto, Montreal, Vancouver, Sydney, Melbourne, Manchester, Birmingham, Liverpool, Glasgow,"
    "Leeds, Bristol, Munich, Frankfurt, Hamburg, Cologne, Milan, Naples, Barcelona, Geneva, Zurich, Lyon,"
    "Marseille, Istanbul, St Petersburg, St. Petersburg, Shanghai, Chongqing, Guangzhou, Shenzhen, Wuhan,"
    "Urumqi, Mumbai, Kolkata, Chennai, Bangalore, Karachi, Lahore, Osaka, Busan, Dubai, Lagos, Johannesburg,"
    "Cape Town, Alexandria, Casablanca, Sao Paulo, Rio de Janeiro, Aleppo, Mosul, Basra, Kandahar, Tel Aviv,"
    "Gaza City, Strasbourg, Davos",
)

PLACES: frozenset[str] = COUNTRIES | US_STATES | CITIES


def place_name(phrase: str) -> str | None:
    """The place a phrase names (`Ohio`, `French` -> `France`); None when it names none."""
    if phrase in PLACES:
        return phrase
    return ADJECTIVES.get(phrase)
