"""Find the people, places and organisations named in a sentence, and give every variant of a name one id.

``extract_entities`` reads one sentence; ``link_entities`` joins the mentions of both articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from itertools import combinations
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from unidecode import unidecode

from articles.engine.names import (
    GIVEN_NAMES,
    US_STATE_ABBREVIATIONS,
    US_STATE_NAMES,
    name_key,
    same_but_middle,
    same_but_number,
    same_but_one_letter,
    same_keys,
    same_words_reordered,
    token_shape,
    tokens_equivalent,
)
from articles.engine.types import Entity, EntityKind

__all__ = ["extract_entities", "link_entities"]


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# --- world knowledge -------------------------------------------------------------------------------------

# "kind|canonical|alias|alias...". Aliases of four characters or fewer are matched with their exact case
# ("US", "IS", "WHO", "Isis"); longer ones case-insensitively.
_KNOWN = """
org|islamic-state|Islamic State|ISIS|Isis|ISIL|Isil|IS|Daesh|Daish|Da'esh|Islamic State in Iraq and Syria
  |Islamic State of Iraq and Syria|Islamic State in Iraq and the Levant|Islamic State of Iraq and the Levant
  |Islamic State of Iraq and al-Sham|Islamic State of Iraq and ash-Sham
org|al-qaeda|al-Qaeda|al-Qaida|al Qaeda|al Qaida|Qaeda|Qaida|Al-Qaeda|Al-Qaida|Al Qaeda|Al Qaida
org|al-qaeda-in-the-arabian-peninsula|al-Qaeda in the Arabian Peninsula|AQAP
org|al-qaeda-in-the-islamic-maghreb|al-Qaeda in the Islamic Maghreb|AQIM
org|al-shabab|al-Shabab|al-Shabaab|al Shabab|Shabab|Shabaab|Al-Shabab|Al-Shabaab
  |Harakat al-Shabaab al-Mujahideen
org|boko-haram|Boko Haram|Jama'atu Ahlis Sunna Lidda'awati wal-Jihad
org|islamic-state-west-africa-province|Islamic State West Africa Province
  |Islamic State in West Africa Province|ISWAP
org|islamic-state-khorasan-province|Islamic State Khorasan Province|Islamic State Khorasan|ISIS-K|IS-K|ISKP
org|hezbollah|Hezbollah|Hizbollah|Hizbullah|Hizballah|Hezbullah
org|kataib-hezbollah|Kataib Hezbollah|Kata'ib Hezbollah|Kataib Hizbollah
org|hamas|Hamas|Islamic Resistance Movement
org|palestinian-islamic-jihad|Palestinian Islamic Jihad|Islamic Jihad|PIJ
org|taliban|Taliban
org|tehrik-i-taliban-pakistan|Tehrik-i-Taliban Pakistan|Tehreek-e-Taliban Pakistan|Pakistani Taliban|TTP
org|tehreek-e-labbaik-pakistan|Tehreek-e-Labbaik Pakistan|TLP
org|haqqani-network|Haqqani network
org|lashkar-e-taiba|Lashkar-e-Taiba|Lashkar-e-Tayyiba|LeT
org|jaish-e-mohammed|Jaish-e-Mohammed|JeM
org|hizbul-mujahideen|Hizbul Mujahideen|Hizb-ul-Mujahideen
org|balochistan-liberation-army|Balochistan Liberation Army|Baloch Liberation Army|BLA
org|jnim|Jama'at Nusrat al-Islam wal-Muslimin|Jamaat Nusrat al-Islam wal-Muslimin|JNIM
org|farc|FARC|Farc|Revolutionary Armed Forces of Colombia
org|m23|M23|March 23 Movement
org|rapid-support-forces|Rapid Support Forces
org|lords-resistance-army|Lord's Resistance Army|LRA
org|ahrar-al-sham|Ahrar al-Sham
org|nusra-front|Nusra Front|al-Nusra Front|Jabhat al-Nusra|al-Nusra|Al-Nusra|Al-Nusra Front
org|hayat-tahrir-al-sham|Hayat Tahrir al-Sham|Hayat Tahrir al-Cham|Hay'at Tahrir al-Sham|Tahrir al-Sham|HTS
org|free-syrian-army|Free Syrian Army|FSA
org|syrian-democratic-forces|Syrian Democratic Forces|SDF
org|syrian-observatory-for-human-rights|Syrian Observatory for Human Rights|SOHR
org|ypg|YPG|People's Protection Units
org|pkk|PKK|Kurdistan Workers' Party|Kurdistan Workers Party|Partiya Karkeren Kurdistane
org|muslim-brotherhood|Muslim Brotherhood
org|houthis|Houthis|Houthi|Huthis|Huthi|Ansar Allah|Ansarallah
org|wagner-group|Wagner Group
org|united-nations|United Nations|UN|U.N.
org|un-security-council|UN Security Council|U.N. Security Council|United Nations Security Council
  |Security Council
org|un-human-rights-council|UN Human Rights Council|United Nations Human Rights Council|Human Rights Council
org|unesco|Unesco|UNESCO|United Nations Educational, Scientific and Cultural Organization
org|unicef|Unicef|UNICEF|United Nations Children's Fund
org|unhcr|UNHCR|UN Refugee Agency|United Nations High Commissioner for Refugees
org|unrwa|UNRWA|Unrwa
org|ocha|OCHA
org|world-health-organization|World Health Organization|World Health Organisation|WHO
org|world-food-programme|World Food Programme|World Food Program|WFP
org|international-monetary-fund|International Monetary Fund|IMF
org|world-bank|World Bank
org|world-trade-organization|World Trade Organization|World Trade Organisation|WTO
org|opec|OPEC|Opec|Organization of the Petroleum Exporting Countries
org|nato|NATO|Nato|North Atlantic Treaty Organization|North Atlantic Treaty Organisation
org|european-union|European Union|EU|E.U.
org|european-commission|European Commission
org|european-parliament|European Parliament
org|european-central-bank|European Central Bank|ECB
org|european-court-of-human-rights|European Court of Human Rights|ECHR
org|african-union|African Union|AU
org|arab-league|Arab League|League of Arab States
org|international-criminal-court|International Criminal Court|ICC
org|international-court-of-justice|International Court of Justice|ICJ
org|red-cross|Red Cross|International Committee of the Red Cross|ICRC|IFRC
  |International Federation of Red Cross and Red Crescent Societies
org|red-crescent|Red Crescent
org|medecins-sans-frontieres|Doctors Without Borders|Médecins Sans Frontières|Medecins Sans Frontieres|MSF
org|amnesty-international|Amnesty International|Amnesty
org|human-rights-watch|Human Rights Watch|HRW
org|agence-france-presse|Agence France-Presse|Agence France Presse|AFP
org|associated-press|Associated Press|AP
org|reuters|Reuters|Thomson Reuters
org|bbc|BBC|British Broadcasting Corporation
org|cnn|CNN
org|sky-news|Sky News
org|al-jazeera|Al Jazeera|Al-Jazeera|Aljazeera
org|xinhua|Xinhua
org|tass|Tass|TASS
org|ria-novosti|RIA Novosti
org|interfax|Interfax
org|sana|SANA
org|new-york-times|New York Times
org|washington-post|Washington Post
org|wall-street-journal|Wall Street Journal|WSJ
org|bloomberg|Bloomberg
org|fbi|FBI|Federal Bureau of Investigation
org|cia|CIA|Central Intelligence Agency
org|nsa|NSA|National Security Agency
org|department-of-homeland-security|Department of Homeland Security|Homeland Security|DHS
org|pentagon|Pentagon|Department of Defense|Defense Department|US Department of Defense
org|state-department|State Department|Department of State|US State Department
org|justice-department|Justice Department|Department of Justice|DOJ
org|white-house|White House
org|kremlin|Kremlin
org|us-congress|US Congress|U.S. Congress|United States Congress
org|scotland-yard|Scotland Yard|New Scotland Yard|Metropolitan Police|Metropolitan Police Service|Met Police
org|met-office|Met Office
org|dc-metropolitan-police-department|Metropolitan Police Department|DC Metropolitan Police Department
org|metropolitan-museum-of-art|Metropolitan Museum of Art|Metropolitan Museum|Met Museum
org|metropolitan-opera|Metropolitan Opera|Met Opera
org|met-gala|Met Gala
org|police-scotland|Police Scotland
org|nypd|NYPD|New York Police Department|New York City Police Department
org|lapd|LAPD|Los Angeles Police Department
org|royal-canadian-mounted-police|Royal Canadian Mounted Police|RCMP|Mounties
org|national-crime-agency|National Crime Agency|NCA
org|serious-fraud-office|Serious Fraud Office|SFO
org|crown-prosecution-service|Crown Prosecution Service
org|financial-conduct-authority|Financial Conduct Authority
org|independent-office-for-police-conduct|Independent Office for Police Conduct|IOPC
org|companies-house|Companies House
org|national-health-service|National Health Service|NHS
org|office-for-national-statistics|Office for National Statistics|ONS
org|interpol|Interpol
org|europol|Europol
org|internal-revenue-service|Internal Revenue Service|IRS|US Internal Revenue Service
  |U.S. Internal Revenue Service
org|hmrc|HMRC|HM Revenue and Customs|HM Revenue & Customs|Her Majesty's Revenue and Customs
  |His Majesty's Revenue and Customs
org|securities-and-exchange-commission|Securities and Exchange Commission|SEC
  |US Securities and Exchange Commission|U.S. Securities and Exchange Commission
org|us-secret-service|Secret Service|US Secret Service|U.S. Secret Service|United States Secret Service
org|us-marshals-service|US Marshals Service|U.S. Marshals Service|United States Marshals Service
  |US Marshals|U.S. Marshals
org|immigration-and-customs-enforcement|Immigration and Customs Enforcement|ICE
  |US Immigration and Customs Enforcement|U.S. Immigration and Customs Enforcement
org|customs-and-border-protection|Customs and Border Protection|CBP|US Customs and Border Protection
  |U.S. Customs and Border Protection
org|transportation-security-administration|Transportation Security Administration|TSA
org|us-coast-guard|US Coast Guard|U.S. Coast Guard|United States Coast Guard
org|environmental-protection-agency|Environmental Protection Agency|EPA
org|food-and-drug-administration|Food and Drug Administration|FDA
org|federal-trade-commission|Federal Trade Commission|FTC
org|federal-communications-commission|Federal Communications Commission|FCC
org|noaa|National Oceanic and Atmospheric Administration|NOAA
org|national-weather-service|National Weather Service|NWS
org|national-hurricane-center|National Hurricane Center|NHC
org|federal-reserve|Federal Reserve|Fed|US Federal Reserve
org|bank-of-england|Bank of England
org|us-geological-survey|US Geological Survey|U.S. Geological Survey|United States Geological Survey|USGS
org|atf|ATF|Bureau of Alcohol, Tobacco, Firearms and Explosives|Bureau of Alcohol, Tobacco and Firearms
org|dea|DEA|Drug Enforcement Administration|US Drug Enforcement Administration
  |U.S. Drug Enforcement Administration
org|nasa|NASA|Nasa
org|mi5|MI5
org|mi6|MI6|Secret Intelligence Service
org|iaea|IAEA|International Atomic Energy Agency
org|opcw|OPCW|Organisation for the Prohibition of Chemical Weapons
  |Organization for the Prohibition of Chemical Weapons
org|osce|OSCE|Organization for Security and Co-operation in Europe
  |Organisation for Security and Co-operation in Europe
org|islamic-revolutionary-guard-corps|Islamic Revolutionary Guard Corps|Revolutionary Guards
  |Revolutionary Guard|IRGC
org|mossad|Mossad
org|israel-defense-forces|Israel Defense Forces|Israeli Defence Forces|Israel Defence Forces|IDF
org|palestine-liberation-organization|Palestine Liberation Organization|Palestine Liberation Organisation|PLO
org|fatah|Fatah
org|irish-republican-army|Irish Republican Army|IRA
org|fifa|Fifa|FIFA
org|international-olympic-committee|International Olympic Committee|IOC
org|world-economic-forum|World Economic Forum|WEF
org|national-transportation-safety-board|National Transportation Safety Board|NTSB
org|federal-aviation-administration|Federal Aviation Administration|FAA
org|centers-for-disease-control-and-prevention|Centers for Disease Control and Prevention
  |Centers for Disease Control|CDC
org|federal-emergency-management-agency|Federal Emergency Management Agency|FEMA
org|general-motors|General Motors
org|general-electric|General Electric
org|google|Google
org|microsoft|Microsoft
org|facebook|Facebook
place|united-states|United States|US|U.S.|USA|U.S.A.|America|United States of America
place|united-kingdom|United Kingdom|UK|U.K.|Britain|Great Britain
place|russia|Russia|Russian Federation
place|china|China|People's Republic of China|PRC
place|north-korea|North Korea|DPRK|Democratic People's Republic of Korea
place|south-korea|South Korea|Republic of Korea
place|democratic-republic-of-congo|Democratic Republic of Congo|Democratic Republic of the Congo|DR Congo|DRC
place|republic-of-congo|Republic of Congo|Republic of the Congo|Congo-Brazzaville
place|united-arab-emirates|United Arab Emirates|UAE
place|czech-republic|Czech Republic|Czechia
place|ivory-coast|Ivory Coast|Côte d'Ivoire|Cote d'Ivoire
place|myanmar|Myanmar|Burma
place|netherlands|Netherlands|Holland
place|east-timor|East Timor|Timor-Leste
place|bosnia-and-herzegovina|Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia
place|eswatini|Eswatini|Swaziland
place|north-macedonia|North Macedonia|Macedonia
place|vatican|Vatican|Vatican City|Holy See
place|gaza|Gaza|Gaza Strip
place|the-hague|The Hague|Hague
place|new-york|New York|New York City|NYC
place|washington|Washington|Washington DC|Washington D.C.|Washington, D.C.|Washington, DC
place|los-angeles|Los Angeles|LA
place|kyiv|Kyiv|Kiev
place|beijing|Beijing|Peking
place|mumbai|Mumbai|Bombay
place|kolkata|Kolkata|Calcutta
place|yangon|Yangon|Rangoon
place|sao-paulo|São Paulo|Sao Paulo
place|bogota|Bogotá|Bogota
place|sanaa|Sanaa|Sana'a
place|saint-petersburg|Saint Petersburg|St Petersburg
"""

# Single-word countries, also read after a brand's name as its national arm ("Garuda Indonesia").
_COUNTRIES = """
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain
Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Botswana Brazil Brunei Bulgaria Burundi
Cambodia Cameroon Canada Chad Chile Colombia Comoros Congo Croatia Cuba Cyprus Denmark Djibouti Dominica
Ecuador Egypt Eritrea Estonia Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece
Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel
Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon
Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta
Mauritania Mauritius Mexico Moldova Monaco Mongolia Montenegro Morocco Mozambique Namibia Nepal Nicaragua
Niger Nigeria Norway Oman Pakistan Palau Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar
Romania Rwanda Samoa Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname
Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey Turkmenistan
Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe Scotland England
Wales
"""

_PLACES = (
    _COUNTRIES
    + """
Kurdistan Crimea Chechnya Tibet Xinjiang Kashmir Europe Africa Asia Antarctica Balkans Caucasus
Sahel Mediterranean Caribbean Scandinavia Siberia Sinai Kabul Tirana Algiers Luanda Yerevan Canberra
Sydney Melbourne Vienna Baku Manama Dhaka Minsk Brussels Brasilia Sofia Ottawa Toronto Montreal
Vancouver Santiago Shanghai Havana Nicosia Prague Copenhagen Cairo Alexandria Helsinki Paris Marseille
Lyon Berlin Munich Frankfurt Hamburg Athens Budapest Delhi Jakarta Tehran Baghdad Basra Dublin Jerusalem
Rome Milan Naples Tokyo Osaka Amman Astana Nairobi Pristina Bishkek Beirut Tripoli Benghazi Vilnius Riga
Tallinn Chisinau Rabat Casablanca Kathmandu Amsterdam Rotterdam Wellington Auckland Abuja Lagos
Pyongyang Oslo Muscat Islamabad Karachi Lahore Lima Manila Warsaw Lisbon Doha Bucharest Moscow Riyadh
Jeddah Mecca Medina Dakar Belgrade Bratislava Ljubljana Mogadishu Johannesburg Pretoria Seoul Juba
Madrid Barcelona Colombo Khartoum Stockholm Bern Geneva Zurich Damascus Aleppo Taipei Dushanbe Dodoma
Bangkok Tunis Ankara Istanbul Kampala Kharkiv Odesa Odessa Dubai London Manchester Birmingham Edinburgh
Glasgow Cardiff Belfast Liverpool Montevideo Tashkent Caracas Hanoi Lusaka Harare Chicago Houston Boston
Miami Dallas Atlanta Seattle Philadelphia Detroit Denver Kandahar Peshawar Ramallah Hong_Kong
Burkina_Faso Cape_Verde Central_African_Republic Costa_Rica Dominican_Republic El_Salvador
Equatorial_Guinea Guinea-Bissau New_Zealand Papua_New_Guinea San_Marino Saudi_Arabia Sierra_Leone
South_Africa South_Sudan Sri_Lanka Trinidad_and_Tobago Antigua_and_Barbuda Northern_Ireland West_Bank
Middle_East Latin_America South_America North_America Central_America Golan_Heights Persian_Gulf
Red_Sea Black_Sea Indian_Ocean Buenos_Aires Rio_de_Janeiro Addis_Ababa New_Delhi Tel_Aviv Kuwait_City
Kuala_Lumpur Mexico_City Panama_City Cape_Town Dar_es_Salaam Abu_Dhabi Ho_Chi_Minh_City San_Francisco
Las_Vegas New_Orleans Gaza_City Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware
Florida Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico
North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania Rhode_Island South_Carolina South_Dakota
Tennessee Texas Utah Vermont Virginia West_Virginia Wisconsin Wyoming
"""
)

# Nationality, regional and religious adjectives (and their plurals): never a name on their own.
_DEMONYMS = _words(
    """
afghan albanian algerian american angolan argentine argentinian armenian australian austrian azerbaijani
azeri bahraini bangladeshi belarusian belgian bolivian bosnian brazilian british briton bulgarian burmese
cambodian cameroonian canadian chadian chilean chinese colombian congolese croatian croat cuban cypriot
czech danish dutch ecuadorian egyptian emirati english eritrean estonian ethiopian european filipino
finnish french gabonese georgian german ghanaian greek guatemalan haitian honduran hungarian icelandic
indian indonesian iranian iraqi irish israeli italian ivorian jamaican japanese jordanian kazakh kenyan
korean kosovar kuwaiti kyrgyz laotian latvian lebanese liberian libyan lithuanian macedonian malagasy
malawian malaysian malian maltese mauritanian mexican moldovan mongolian montenegrin moroccan mozambican
namibian nepalese nepali nicaraguan nigerian nigerien norwegian omani pakistani palestinian panamanian
paraguayan persian peruvian polish portuguese qatari romanian russian rwandan saudi scottish scots
senegalese serbian serb singaporean slovak slovenian somali sudanese spanish swedish swiss syrian
taiwanese tajik tanzanian thai tibetan togolese tunisian turkish turkmen ugandan ukrainian uruguayan
uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean kurdish kurd arab arabic pashtun baloch
uyghur uighur hindu sikh muslim christian jewish jew islamic islamist sunni shia shiite shi'ite alawite
druze yazidi catholic protestant orthodox buddhist western eastern northern southern african asian
latin hispanic caribbean scandinavian balkan caucasian soviet roman greco anglo franco sino afro indo
russo austro byzantine ottoman jihadist salafist wahhabi yankee aussie kiwi
"""
)
_DEMONYMS = _DEMONYMS | frozenset(w + "s" for w in _DEMONYMS) | frozenset(w + "es" for w in _DEMONYMS)

_MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_DAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday christmas easter ramadan eid thanksgiving "
    "hanukkah diwali passover"
)

# Words that start sentences with a capital only because they start them.
_FUNCTION = _words(
    """
the a an on in at during after before elsewhere however meanwhile but and or so yet for with without from
to by as if when while although though because since until despite earlier later then now today
yesterday tomorrow tonight this that these those there here it its he she they we i you his her their
our my your who whom whose what which where why how some many most more several all both each every no
not none one two three four five six seven eight nine ten other another such also even still only just
about around over under among between into through across against amid following according last next
first second third further finally instead indeed overall nearly almost few much once again already
recently currently eventually initially previously separately similarly additionally moreover
furthermore nevertheless nonetheless otherwise thus therefore hence unlike like including within beyond
near inside outside toward towards upon via whether unless whereas either neither nor do does did is are
was were be been has have had will would could should might must can cannot let please yes oh well
asked speaking having being given officially reportedly allegedly apparently hopefully unfortunately
sadly fortunately clearly obviously certainly perhaps maybe nor up down off out if what's it's that's half
there's here's let's don't we're they're i'm i've dear hello thanks
"""
)
# Common nouns often capitalised only at a sentence start; dropped when they stand alone there.
_COMMON_INITIAL = _words(
    """
officials official police authorities witnesses residents troops soldiers rescuers firefighters
protesters investigators prosecutors doctors drone drones video footage images photos pictures reports
report sources source critics analysts experts lawmakers militants rebels fighters gunmen survivors
victims families relatives neighbours neighbors locals students workers shares prices sales profits
revenue damage emergency security state government people children women men hundreds thousands dozens
millions scores airstrikes strikes clashes fighting violence tensions talks negotiations trade oil gold
markets stocks investors companies banks hospitals schools voters citizens refugees migrants civilians
casualties deaths injuries news breaking update updated photo watch read related advertisement top latest
live exclusive analysis opinion editorial comment feature share follow click subscribe sign bodies
officers detectives paramedics mourners supporters opponents members leaders diplomats ministers
judges lawyers jurors juries documents records data figures estimates tax taxes inflation growth
unemployment earthquake earthquakes aftershocks tremors shooting shootings bombing bombings explosion
explosions attack attacks blast blasts fire fires floods flooding storm heavy rain snow winds water food
aid help medical rescue search evacuation evacuations crowds traffic roads flights trains buses robbers
thieves attackers assailants burglars suspects hackers gunman shooter bomber bombers passengers air rail
flight
"""
)

_ORG_WORDS = _words(
    """
ministry army observatory council court agency party police university group committee organisation
organization inc ltd llc plc corp corporation bank company co service services department forces force
front brigade brigades battalion battalions regiment commission authority office bureau institute
institution foundation association union federation league movement network center centre hospital
school college academy church mosque synagogue trust fund society board tribunal parliament assembly
senate congress administration guard guards navy airlines airways times post news press television tv
radio club fc unit units coalition alliance cabinet secretariat directorate prison militia holdings
industries partners media agency defence defense ag sa gmbh nv bv spa llp lp air airline aviation railway
railways rail utd univ dept intl assn afc
"""
)
# The word for an organisation's office, which its short name leaves out ("Austin Police Department").
_OFFICE_HEADS = _words("department dept office bureau service services division")
# Generic heads that, after "the", refer back to an organisation named earlier ("the ministry").
_HEAD_REFS = _words(
    """
observatory ministry agency council committee commission court tribunal university department bank
company foundation institute organisation organization embassy parliament senate bureau authority
coalition alliance corporation
"""
)
_PLACE_WORDS = _words(
    """
street st road rd avenue ave square bridge river lake mountain mountains mount mt valley island islands
isle province governorate region district county village desert sea ocean gulf bay strait straits
peninsula coast airport park heights hills hill canal plain plains basin delta city town cape fort port
harbour harbor beach falls forest highway motorway boulevard lane parkway expressway freeway turnpike
republic kingdom emirate oblast prefecture municipality neighbourhood neighborhood quarter camp hotel mall
stadium station arena plaza
"""
)
# Lower-case nouns read as the end of the name before them ("Juwata airport", "Kenton hospital").
_FACILITY_WORDS = _words("airport station hospital university")
_HONORIFICS = _words("mr mrs ms miss mx dr sir dame lord lady mme mlle messrs madam")
_TITLE_CORE = _words(
    """
president premier chancellor minister secretary secretary-general king queen prince princess emperor
empress sheikh sheik emir sultan ayatollah imam pope cardinal archbishop bishop rev reverend father rabbi
pastor senator sen rep representative congressman congresswoman governor gov mayor judge justice
magistrate general gen lieutenant lt colonel col major maj captain capt sergeant sgt corporal cpl
private pte admiral adm commander cmdr brigadier marshal officer detective det inspector insp
superintendent supt chief constable sheriff ambassador commissioner coach agent attorney prosecutor
speaker chairman chairwoman director spokesman spokeswoman spokesperson ceo leader professor prof
director-general president-elect di dci dsi treasurer comptroller clerk coroner undersheriff councilman
councilwoman councillor councilor councilmember alderman alderwoman democrat republican
"""
)
# What an office is "of" when it follows its title ("Chief of Staff", "Director of Communications").
_OFFICE_DOMAINS = _words("staff police communications operations intelligence public affairs")
# Offices held over a town, county or state: a name just before one is the office's seat ("Harvey County
# Sheriff", "Bridgeport Mayor"), read into the title rather than as a place of the story.
_SEATED_OFFICES = _words(
    "mayor sheriff undersheriff governor gov councilman councilwoman councillor councilor councilmember "
    "alderman alderwoman member"
)
_TITLE_MODIFIERS = _words(
    """
prime vice deputy foreign defence defense interior finance health home trade justice education energy
economy crown supreme chief former acting assistant associate executive attorney police fire state
senior grand opposition district county federal first lord high general national security lance
staff master late then democratic republican
"""
)
# What "police" may describe after a place's name, other than the force itself ("Brixton police station").
_POLICE_THINGS = _words(
    "station stations headquarters precinct car cars vehicle vehicles tape report records"
)
_NICKNAME_QUOTES = frozenset('"“”')
# A nickname in quotes inside a name, left out of the name's key: 'William "Mo" Cowan'.
_QUOTED_NICKNAME = re.compile(r'\s*["“]([^"“”]+)["”]\s*')
# Generations after a name, as name keys read them ("III" and "II" collapse to "i").
_GENERATION_KEYS = frozenset(name_key(word) for word in ("Jr", "Sr", "II", "III", "IV"))
_ABBREVIATIONS = _HONORIFICS | _words(
    "prof gen col lt sgt capt maj sen rep gov st mt ft jr sr rev det insp supt cpl pte adm cmdr hon"
)
# Roles written in lower case before a name ("Observatory director Rami Abdulrahman").
_LOWER_ROLES = _words(
    """
director spokesman spokeswoman spokesperson president minister leader chief head commander official
chairman chairwoman secretary governor mayor judge prosecutor lawyer attorney analyst expert researcher
professor correspondent reporter journalist editor coach manager founder executive ceo owner actor
actress singer player striker captain general colonel officer detective sheriff inspector ambassador
envoy negotiator senator candidate activist resident witness survivor victim suspect defendant mother
father son daughter wife husband brother sister teacher student nurse doctor pilot driver gunman shooter
boyfriend girlfriend partner friend colleague neighbour neighbor uncle aunt cousin grandmother grandfather
widow lawmaker mp congressman premier chancellor boss chef artist writer author novelist director-general
secretary-general photographer filmmaker musician rapper star billionaire businessman businesswoman
entrepreneur economist scientist historian archaeologist curator cleric preacher soldier
"""
)
# Every word that says what a person is before their name: "Capt.", "Lt.", "spokeswoman", "sister".
ROLE_WORDS = _TITLE_CORE | _HONORIFICS | _ABBREVIATIONS | _LOWER_ROLES
# Titles that identify one person when used alone ("the governor").
_TITLE_REFS = _words(
    """
president premier governor mayor judge director spokesman spokeswoman spokesperson minister chancellor
senator sheriff prosecutor king queen pope commander ceo chairman chairwoman ambassador secretary-general
emir sultan prince princess coroner coach director-general president-elect
"""
)
# "the high court": what American news calls its Supreme Court.
_SUPREME_COURT_REFS = frozenset({("high", "court"), ("highest", "court")})
_TITLE_REFS_2 = frozenset(
    {
        ("prime", "minister"),
        ("chief", "executive"),
        ("police", "chief"),
        ("attorney", "general"),
        ("foreign", "minister"),
        ("defence", "minister"),
        ("defense", "minister"),
        ("interior", "minister"),
        ("finance", "minister"),
        ("health", "minister"),
        ("secretary", "general"),
        ("fire", "chief"),
    }
)
# Extra words that make a different office ("vice president" is not "the president").
_OTHER_OFFICE = _words("vice deputy assistant associate former acting late then")

_SAID = _words(
    "said says told added stated explained wrote tweeted asked insisted claimed denied admitted warned "
    "noted recalled testified argued replied"
)
_PLACE_PREPS = _words("in near outside inside across around towards toward into throughout via within")
_PLACE_OF = _words(
    """
city cities town towns village villages province provinces region district districts capital suburb
suburbs outskirts north south east west northeast northwest southeast southwest centre center heart
heartland residents people mayor governor streets parts area areas port state country island coast
"""
)
_PLACE_BEFORE = _words("capital city town village province region district suburb port")
_PLACE_AFTER = _words(
    "province governorate region district county countryside neighbourhood neighborhood suburb village "
    "town city"
)
# Connectors inside personal and place names ("Osama bin Laden", "Charles de Gaulle").
_PLACE_PREFIXES = _words("mount lake cape fort port")
# Lower-case heads after a name that make it an organisation's ("the Civil Protection agency").
_ORG_AFTER = _words(
    "agency department ministry service party militia brigade commission committee council authority bureau"
)
_PLACE_MODIFIERS = _words("county district state city")
# Lower-case nouns that mark two names joined by "and" as one firm ("Loxley and Finch, a jeweller").
_COMPANY_NOUNS = _words(
    """
firm firms company companies business retailer retailers store stores shop shops chain brand label maker
makers manufacturer manufacturers supplier suppliers publisher publishers jeweller jewellers jeweler
jewelers solicitors solicitor lawyers attorneys accountants auditors auctioneers auction partnership
partners practice bank bankers brewer brewers brewery distillery bakery restaurant hotel boutique outfitter
outfitters tailor tailors dealer dealers dealership insurer insurers lender broker brokers brokerage
agency agents consultancy consultants builder builders developer developers contractor contractors
carmaker automaker airline carrier studio studios wholesaler distributor importer group holdings ltd llp
plc inc llc limited co corp corporation
"""
)
# Capitalised pairs joined by "&" that are common nouns, not firms.
_AMPERSAND_NOUNS = _words("q&a r&d m&a b&b r&b p&l f&b")
# Words after "X and Y" that show the pair is one thing ("Loxley and Finch is...").
_SINGULAR_VERBS = _words("is has was does")
_NAME_LINKS = _words("bin ibn bint de da di du del della der den van von la le dos das al el")
# Lower-case prefixes and suffixes split off hyphenated words ("non-ISIS", "Britain-based").
_HYPHEN_PREFIXES = _words(
    "non anti pro ex post pre mid pan neo trans un all inter intra sub super counter semi multi quasi ultra"
)
_HYPHEN_SUFFIXES = _words(
    """
based backed led held controlled run owned born style era bound made funded linked affiliated allied
listed registered speaking related inspired sponsored friendly aligned occupied dominated type like wide
themed focused centred centered headquartered educated trained supported armed area bred
"""
)
_ARTICLE_PREFIXES = _words("al el ad ar as az ash at ez es ed an en ul ud ut")
# Words that are never names on their own: the pronoun "I", time zones.
_NOT_NAMES = _words("i gmt utc bst est edt cst cdt pst pdt cet cest eet eest ist jst aest am pm")
# Letters after a name that are not part of it ("Ian Smith QC").
_POST_NOMINALS = _words("qc kc mp mep msp obe mbe cbe kbe dbe phd md esq")
# Objects after a sentence-initial "-ing" word mark it as a verb ("Sentencing him, the judge said").
_OBJECT_WORDS = _words("him her them it us me the a an his its their this that these those")

_FIRST_NAMES = GIVEN_NAMES | _words(
    """
aaron adam adrian ahmad ahmed ahmet aisha alan alejandro alexei ali alicia amir amit amr amy ana andrea
andrei angela anwar ashley ayman barack bashar bernard bilal boris brandon brian bruce carl carlos
carmen cheryl christian claire claude craig dalia diana diego dylan elena emily emma emmanuel eric erik
fadi faisal fatima fernando fouad francois gary george ghassan gordon hafez haider hamid hamza hana hani
hannah hans hassan heather hillary hiroshi hisham hussein ibrahim igor imad imran issa ivan jacques
jalal jamal jamil jane janet jason javier jean jeremy joan jorge juan julia julie jurgen justin kamal
karen karim kevin khaled khalid klaus laura layla leila linda lucia luis mahmoud maher majid marco maria
mariam marie marine mark martin marwan maryam mehmet michel michelle miguel mohamed mohammad mohammed
muhammad mustafa nabil narendra nasser natalia nizar noor nour olaf olga omar osama pablo paul pedro
philippe pierre priya qassem rachel rahul raj rami rania rashid recep reem riad rodrigo rosa ryan saad
salah salim salma salman sami samir sanjay scott sergei sergey sharif shinzo simon sofia sophie
svetlana talal tarek tarik tariq tatiana usama waleed walid wolfgang yasir yasmin yasser youssef yuki
yuri yusuf zaid zainab ziad abdel abdul abdullah abu
"""
)

# Ordinary words that start many names ("Central Bank", "Black Sea", "Grand Valley"): never a name's only
# distinctive word.
_COMMON_NAME_WORDS = _words(
    """
new old great grand big little small long high low upper lower inner outer middle mid central north south
east west northern southern eastern western northeast northwest southeast southwest red white black blue
green yellow golden gold silver grey gray brown dark bright clear dead salt rocky sandy stony royal
national international federal state city general united union first commonwealth reserve standard global
pacific atlantic holy saint st free public people peoples rural metro greater lesser twin fair home
summer winter spring autumn fall river lake mount sea bay island valley park garden castle bridge
"""
)
_NOT_DISTINCTIVE = (
    _COMMON_NAME_WORDS
    | _FUNCTION
    | _COMMON_INITIAL
    | _ORG_WORDS
    | _PLACE_WORDS
    | _MONTHS
    | _DAYS
    | _FIRST_NAMES
    | _TITLE_CORE
    | _TITLE_MODIFIERS
    | _HONORIFICS
    | _LOWER_ROLES
    | _NOT_NAMES
)


def _distinctive(word: str) -> bool:
    """A word that names one thing by itself: no common word, given name, demonym or name in the table."""
    low = _fold(word)
    return (
        len(low) >= 3
        and low.isalpha()
        and low not in _NOT_DISTINCTIVE
        and not _is_demonym(low)
        and name_key(word) not in _TABLE_BY_KEY
    )


# --- tokens ----------------------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?P<acr>(?:[A-Z]\.){2,})"
    r"|(?P<word>[^\W\d_](?:[^\W_]|['’](?=[^\W\d_])|-(?=[^\W_]))*)"
    r"|(?P<num>\d+(?:[.,:]\d+)*)"
    r"|(?P<punct>[^\w\s])"
)
_OPENERS = frozenset('“"‘«(:—–-[.!?;')
_QUOTE_CHARS = frozenset("'’")
_CLOSERS = frozenset('"”’)]')
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")
_DESIGNATOR = re.compile(r"[A-Z]{2}\d{1,4}")  # an airline's two-letter code and a flight number ("SN512")
_AIRLINE_CODE = re.compile(r"[A-Z]{2}")
_FLIGHT_DIGITS = re.compile(r"\d{1,4}")
_NOT_FLIGHT_UNITS = _words(
    "hours hour hrs minutes minute mins seconds km kilometres kilometers miles mile feet ft metres meters "
    "times percent per am pm"
)
# "Sixteen-year-old" before a name at the start of a sentence: an age, not part of the name.
_AGE_COMPOUND = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)*-(?:year|month|week)s?-old")
_SLUG_BAD = re.compile(r"[^a-z0-9]+")


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    low: str  # case-folded, accents removed
    word: bool
    cap: bool  # starts with a capital (or "al-" + capital)
    upper: bool  # an all-capitals word of two letters or more
    poss: bool = False  # followed by a possessive "'s" / "'" (excluded from the span)
    initial: bool = False  # first word of the sentence, a quotation or a clause after a colon
    joined: bool = False  # separated from the previous token by spaces only, on the same line
    gap_ok: bool = False  # nothing but spaces (or a possessive) between it and the previous token
    weak: bool = False  # capitalised only because the whole line is in title case ("Gunman Kills 12 At...")


@lru_cache(maxsize=16384)
def _fold(text: str) -> str:
    return (text if text.isascii() else unidecode(text)).casefold().replace("`", "'")


def _make_tok(text: str, start: int, end: int, word: bool) -> _Tok:
    piece = text[start:end]
    if not word:
        return _Tok(start, end, piece, piece, False, False, False)
    cap = piece[:1].isupper() and not _AGE_COMPOUND.fullmatch(piece)
    if not cap and "-" in piece:
        head, _, rest = piece.partition("-")
        cap = head.lower() in _ARTICLE_PREFIXES and rest[:1].isupper()
    upper = piece.isupper() and sum(c.isalpha() for c in piece) >= 2
    return _Tok(start, end, piece, _fold(piece), True, cap, upper)


def _split_word(text: str, start: int, end: int) -> list[_Tok]:
    """One word, with hyphenated lower-case prefixes and suffixes made tokens of their own."""
    piece = text[start:end]
    if "-" not in piece:
        return [_make_tok(text, start, end, True)]
    out: list[_Tok] = []
    parts = piece.split("-")
    pos = start
    if (parts[0] in _HYPHEN_PREFIXES or parts[0] == "Ex") and parts[1][:1].isupper():
        prefix = _make_tok(text, pos, pos + len(parts[0]), True)
        prefix.cap = False
        out.append(prefix)
        pos += len(parts[0]) + 1
        parts = parts[1:]
    for k in range(1, len(parts)):
        if parts[k].islower() and parts[k] in _HYPHEN_SUFFIXES:
            head_end = pos + len("-".join(parts[:k]))
            out.append(_make_tok(text, pos, head_end, True))
            out.append(_make_tok(text, head_end + 1, end, True))
            return out
    out.append(_make_tok(text, pos, end, True))
    return out


def _tokenise(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        start, end = m.span()
        if kind != "word":
            toks.append(_make_tok(text, start, end, kind == "acr"))
            continue
        pieces = _split_word(text, start, end) if "-" in m.group() else [_make_tok(text, start, end, True)]
        last = pieces[-1]
        if len(last.text) > 2 and last.text[-2] in _QUOTE_CHARS and last.text[-1] in "sS":
            last.end -= 2
            last.text = last.text[:-2]
            last.low = _fold(last.text)
            last.poss = True
        elif (
            last.text[-1:] in ("s", "S")
            and end < len(text)
            and text[end] in _QUOTE_CHARS
            and not text[end + 1 : end + 2].isalpha()
        ):
            last.poss = True
        toks.extend(pieces)
    prev: _Tok | None = None
    for tok in toks:
        if prev is None:
            tok.initial = tok.word
            prev = tok
            continue
        gap = text[prev.end : tok.start]
        newline = "\n" in gap
        if tok.word and ((not prev.word and prev.text in _OPENERS) or (newline and prev.text != ",")):
            tok.initial = True
        if gap:
            spaces = gap.isspace()
            tok.joined = spaces and not newline and not prev.poss
            if prev.poss and gap[0] in _QUOTE_CHARS:
                bare = gap[2:]
                tok.gap_ok = "\n" not in bare and (not bare or bare.isspace())
            else:
                tok.gap_ok = spaces and not newline
        else:
            tok.gap_ok = True
        prev = tok
    return toks


def _slug(text: str) -> str:
    slug = _SLUG_BAD.sub("-", _fold(text)).strip("-")
    return slug or "u" + "-".join(f"{ord(c):x}" for c in text.strip()[:4])


# --- the known-names table ---------------------------------------------------------------------------------

_Known = tuple[str, EntityKind]
_TABLE_EXACT: dict[tuple[str, ...], _Known] = {}
_TABLE_FOLDED: dict[tuple[str, ...], _Known] = {}
_TABLE_BY_KEY: dict[str, _Known] = {}
_TABLE_FIRST: dict[str, int] = {}  # first word of an alias -> its longest alias, in tokens
_TABLE_ALIAS_KEYS: list[tuple[str, int, _Known]] = []  # long aliases, for near-miss spellings
_TABLE_ALIAS_FULL: list[str] = []  # ... and their keys, word by word


def _add_known(kind: EntityKind, canonical: str, alias: str) -> None:
    toks = _tokenise(alias)
    if not toks:
        return
    known: _Known = (canonical, kind)
    if len(alias.replace(".", "")) <= 4:
        _TABLE_EXACT.setdefault(tuple(t.text for t in toks), known)
        _TABLE_FIRST[toks[0].text] = max(len(toks), _TABLE_FIRST.get(toks[0].text, 0))
    else:
        _TABLE_FOLDED.setdefault(tuple(t.low for t in toks), known)
        _TABLE_FIRST[toks[0].low] = max(len(toks), _TABLE_FIRST.get(toks[0].low, 0))
    key = name_key(alias)
    _TABLE_BY_KEY.setdefault(key, known)
    compact = key.replace(" ", "")
    if len(compact) >= 10:
        _TABLE_ALIAS_KEYS.append((compact, len(key.split()), known))
        _TABLE_ALIAS_FULL.append(key)


def _build_table() -> None:
    for line in _KNOWN.strip().replace("\n  |", "|").splitlines():
        kind, canonical, *aliases = line.split("|")
        for alias in aliases:
            _add_known("org" if kind == "org" else "place", canonical, alias)
    for raw in _PLACES.split():
        name = raw.replace("_", " ")
        _add_known("place", _slug(name), name)


_build_table()
_ALIAS_COMPACTS = [a[0] for a in _TABLE_ALIAS_KEYS]
_ALIAS_BY_FIRST: dict[str, list[int]] = {}  # first key word of a long alias -> its places in the lists above
for _index, _key in enumerate(_TABLE_ALIAS_FULL):
    _ALIAS_BY_FIRST.setdefault(_key.split(" ", 1)[0], []).append(_index)
_COUNTRY_LOWS = frozenset(_fold(w) for w in _COUNTRIES.split())


# --- side information kept for linking -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Meta:
    title: str | None = None  # the office named before a person ("governor")
    honorific: bool = False  # "Mr"/"Mrs"/"Dr": the name is a surname
    uncertain: bool = False  # a lone capitalised first word of a sentence, with no other cue
    the: bool = False  # written after "the" ("the Lamone")


# ``Entity`` has no field for these, so the reader leaves them here for ``link_entities``; bounded so a
# long-running process does not grow without limit.
_META: dict[Entity, _Meta] = {}
_META_LIMIT = 50_000


def _remember(ent: Entity, meta: _Meta) -> None:
    if len(_META) >= _META_LIMIT:
        for old in list(_META)[: _META_LIMIT // 4]:
            del _META[old]
    _META[ent] = meta


def meta_of(ent: Entity) -> dict[str, Any] | None:
    """What was read with a mention besides its fields (an office before a name, "Mr", ...), as plain data to
    store with it."""
    meta = _META.get(ent)
    return None if meta is None else asdict(meta)


def restore_meta(ent: Entity, data: dict[str, Any] | None) -> None:
    """Give a stored mention back what was read with it, so that names link as they did when it was read."""
    if data:
        _remember(ent, _Meta(**data))


# --- reading one sentence --------------------------------------------------------------------------------


class _Reader:
    def __init__(self, text: str, base: int) -> None:
        self.text = text
        self.base = base
        self.toks = _tokenise(text)
        self.title_case = _mark_title_case(self.toks)
        self.out: list[Entity] = []
        self.place_chain_end = -1  # token index just after the last place found by context
        self.known_at: dict[int, tuple[int, _Known] | None] = {}
        self.company_links: set[int] = set()  # "&"/"and" tokens read as inside one firm's name
        self.facility_tails: set[int] = set()  # lower-case "airport"/"hospital" read as the end of a name
        self.flights = self.find_flights()  # first token -> end of each flight number ("Sunda Flight 512")

    # helpers over token positions

    def capword(self, k: int) -> bool:
        return 0 <= k < len(self.toks) and self.toks[k].word and self.toks[k].cap

    def prev_word(self, k: int, skip_the: bool = True) -> int:
        k -= 1
        while k >= 0 and self.toks[k].word and skip_the and self.toks[k].low == "the":
            k -= 1
        return k if k >= 0 and self.toks[k].word else -1

    def low(self, k: int) -> str:
        return self.toks[k].low if 0 <= k < len(self.toks) else ""

    def table_match(self, i: int) -> tuple[int, _Known] | None:
        """The longest known name starting at token ``i``: its end and (canonical, kind)."""
        if i in self.known_at:
            return self.known_at[i]
        toks = self.toks
        first = toks[i]
        found: tuple[int, _Known] | None = None
        longest = max(_TABLE_FIRST.get(first.low, 0), _TABLE_FIRST.get(first.text, 0))
        if first.word and first.cap and longest:
            for length in range(min(longest, len(toks) - i), 0, -1):
                seg = toks[i : i + length]
                if length > 1 and not all(t.gap_ok for t in seg[1:]):
                    continue
                hit = _TABLE_EXACT.get(tuple(t.text for t in seg)) or _TABLE_FOLDED.get(
                    tuple(t.low for t in seg)
                )
                if hit:
                    found = (i + length, hit)
                    break
        self.known_at[i] = found
        return found

    # flight numbers

    def find_flights(self) -> dict[int, int]:
        """'flight SN512', 'Sunda Flight 512', 'SN512': a flight's number, with the airline when it leads a
        capitalised 'Flight'; a bare designator needs two letters and at least two digits ("CO2" is none)."""
        toks = self.toks
        found: dict[int, int] = {}
        taken = 0
        for f, tok in enumerate(toks):
            if not tok.word or f < taken:
                continue
            if tok.low == "flight":
                end = self.flight_number_end(f + 1)
                if not end:
                    continue
                start = f
                if tok.text == "Flight":
                    while start > 0 and toks[start].joined and self.airline_word(start - 1):
                        start -= 1
                found[start] = end
                taken = end
            elif (
                _DESIGNATOR.fullmatch(tok.text)
                and len(tok.text) >= 4
                and tok.low[:2] not in _NOT_NAMES
                and not (f + 1 < len(toks) and toks[f + 1].text == "-")
            ):
                found[f] = f + 1
        return found

    def flight_number_end(self, k: int) -> int:
        toks = self.toks
        n = len(toks)
        if k >= n or not toks[k].joined:
            return 0
        tok = toks[k]
        if (not tok.word and _FLIGHT_DIGITS.fullmatch(tok.text)) or (
            tok.word and _DESIGNATOR.fullmatch(tok.text)
        ):
            end = k + 1
        elif (
            tok.word
            and _AIRLINE_CODE.fullmatch(tok.text)
            and k + 1 < n
            and toks[k + 1].joined
            and not toks[k + 1].word
            and _FLIGHT_DIGITS.fullmatch(toks[k + 1].text)
        ):
            end = k + 2  # "flight SN 512"
        else:
            return 0
        if end < n and (toks[end].low in _NOT_FLIGHT_UNITS or toks[end].text in ("%", "-")):
            return 0  # "a flight 40 minutes long"
        return end

    def airline_word(self, k: int) -> bool:
        tok = self.toks[k]
        return (
            self.capword(k)
            and not tok.poss
            and not tok.weak
            and tok.low not in _FUNCTION
            and tok.low not in _TITLE_CORE
            and tok.low not in _MONTHS
            and tok.low not in _DAYS
            and not _is_demonym(tok.low)
        )

    # the main loop

    def read(self) -> list[Entity]:
        toks = self.toks
        n = len(toks)
        i = 0
        while i < n:
            tok = toks[i]
            if i in self.flights:
                end = self.flights[i]
                self.emit(i, end - 1, "other")
                i = end
                continue
            if not tok.word:
                if self.numbered_street(i):
                    self.emit(i, i + 2, "place")  # "6th street"
                    i += 3
                    continue
                i += 1
                continue
            if tok.low == "the" and i + 1 < n and not toks[i + 1].cap:
                after = self.lower_reference(i + 1)
                if after:
                    i = after
                    continue
            if not tok.cap:
                i += 1
                continue
            known = self.table_match(i)
            filler = tok.weak or (
                tok.initial and (tok.low in _FUNCTION or (tok.upper and tok.low in _COMMON_INITIAL))
            )
            if not known and filler:
                i += 1
                continue
            if known:
                end, (canonical, kind) = known
                police = self.state_police(end) if kind == "place" else 0
                if police:
                    self.emit(i, police, "org")
                    i = police + 1
                    continue
                if kind == "place" and self.local_police(end):
                    self.emit(i, end, "org")  # "Bridgeport police": the city's police, an organisation
                    i = end + 1
                    continue
                if not (kind == "place" and self.capword(end) and toks[end].joined):
                    last = end - 1
                    if kind == "org" and end < n and toks[end].low == "group" and toks[end].joined:
                        last = end
                    self.emit(i, last, kind, canonical)
                    i = last + 1
                    continue
            end = self.extend_run(i)
            police = self.state_police(end) if self.place_like(i, end) else 0
            if police:
                self.emit(i, police, "org")
                i = police + 1
                continue
            if self.local_police(end) and not toks[end - 1].poss and self.place_like(i, end):
                self.emit(i, end, "org")
                i = end + 1
                continue
            self.resolve([k for k in range(i, end)])
            i = end
        return self.out

    def numbered_street(self, k: int) -> bool:
        """ "6th street" in lower case: an ordinal in figures and a street word, a street's name."""
        toks = self.toks
        return (
            k + 2 < len(toks)
            and toks[k + 2].word
            and not toks[k + 2].cap
            and toks[k + 2].low in _STREET_WORDS
            and self.ordinal_before(k + 2)
        )

    def ordinal_before(self, k: int) -> bool:
        """An ordinal in figures ("67th", read as "67" and "th") just before the word at ``k``."""
        toks = self.toks
        if k < 2 or not toks[k].joined:
            return False
        number, suffix = toks[k - 2], toks[k - 1]
        return suffix.text in _ORDINAL_SUFFIXES and number.text.isdigit() and number.end == suffix.start

    def state_police(self, k: int) -> int:
        """ "Bristol, Tenn. police": after a place at ``k - 1``, a state's abbreviation and that place's police;
        the index of "police", or 0."""
        toks = self.toks
        if k + 3 >= len(toks) or toks[k].text != "," or not self.capword(k + 1):
            return 0
        state, stop = toks[k + 1], toks[k + 2]
        if state.low in US_STATE_NAMES:  # "Dallas, Texas police"
            return k + 2 if self.local_police(k + 2) else 0
        if state.low not in US_STATE_ABBREVIATIONS or stop.text != ".":
            return 0
        return k + 3 if self.local_police(k + 3) else 0

    def local_police(self, k: int) -> bool:
        """ "police" in lower case right after a name ("Bridgeport police said"): that place's police, unless
        a title and a name follow ("Austin police Chief Art Acevedo")."""
        toks = self.toks
        if not (k < len(toks) and toks[k].word and toks[k].joined and toks[k].text == "police"):
            return False
        if k + 1 < len(toks) and toks[k + 1].word and toks[k + 1].joined:
            nxt = toks[k + 1]
            # "Brixton police station", "Austin police Chief Art Acevedo": a place or a title, not the force
            return not nxt.cap and nxt.low not in _FACILITY_WORDS and nxt.low not in _POLICE_THINGS
        return True

    def place_like(self, i: int, end: int) -> bool:
        """A run of one or two capitalised words that is not a person's name ("Bridgeport", "Palm Beach")."""
        toks = self.toks
        words = [toks[k] for k in range(i, end) if toks[k].word]
        return 0 < len(words) <= 2 and all(t.cap and not t.upper and t.low not in _FIRST_NAMES for t in words)

    def lower_reference(self, k: int) -> int:
        """'the ministry', 'the governor': a reference to a name given earlier; returns the end or 0."""
        toks = self.toks
        n = len(toks)
        if not toks[k].word or toks[k].cap:
            return 0
        pair = (toks[k].low, toks[k + 1].low) if k + 1 < n and toks[k + 1].joined else None
        if pair in _TITLE_REFS_2:
            end, kind = k + 2, "person"
        elif pair in _SUPREME_COURT_REFS:
            end, kind = k + 2, "org"
        elif toks[k].low in _TITLE_REFS:
            end, kind = k + 1, "person"
        elif toks[k].low in _HEAD_REFS:
            end, kind = k + 1, "org"
        else:
            return 0
        if self.capword(end) and toks[end].joined:
            return 0  # "the governor Jane Roe": the title belongs to the name that follows
        if not toks[end - 1].poss and end < n and toks[end].word and toks[end].low in _ORG_WORDS:
            return 0  # "the university hospital": a description, not a reference
        self.emit(k, end - 1, "person" if kind == "person" else "org")
        return end

    def extend_run(self, i: int) -> int:
        """The end of a run of capitalised words starting at ``i``, with connectors inside names."""
        toks = self.toks
        n = len(toks)
        j = i
        tail = False
        while True:
            cur = toks[j]
            if cur.poss:
                return j + 1
            k = j + 1
            if k >= n:
                return j + 1
            nxt = toks[k]
            if k in self.flights:
                return j + 1
            if (
                nxt.text == "."
                and not nxt.word
                and (cur.low in _ABBREVIATIONS or (len(cur.text) == 1 and cur.text.isupper()))
                and self.capword(k + 1)
                and toks[k + 1].joined
            ):
                j = k + 1
                continue
            if nxt.word and nxt.cap and nxt.joined and not nxt.weak and self.may_continue(i, j, k):
                j = k
                continue
            if self.nickname_at(j, k):
                j = k + 3  # William "Mo" Cowan: a nickname in quotes inside a person's name
                continue
            if not (nxt.word and nxt.joined) and nxt.text != "&":
                return j + 1
            if nxt.low in _FACILITY_WORDS and nxt.text.islower() and self.facility_head(i, j):
                self.facility_tails.add(k)  # "Juwata airport"
                return k + 1
            after = k + 1
            if after in self.flights:
                return j + 1
            if self.company_link(i, j, k):
                self.company_links.add(k)
                j = after
                continue
            if nxt.low in _NAME_LINKS:
                last = after  # "von der Leyen", "van der Berg": two particles before the surname
                if last + 1 < n and toks[last].low in _NAME_LINKS and toks[last].joined:
                    last += 1
                if self.capword(last) and toks[last].joined:
                    j = last
                    continue
            if nxt.low in ("of", "for", "on", "des") and self.of_head(i, j):
                if after < n and toks[after].low == "the" and toks[after].joined:
                    after += 1
                if self.capword(after) and toks[after].joined:
                    j = after
                    tail = True
                    continue
            if (
                nxt.low in ("and", "&")
                and tail
                and self.capword(after)
                and toks[after].joined
                and not self.table_match(after)
                and toks[after].low not in _FIRST_NAMES
            ):
                j = after
                continue
            return j + 1

    def nickname_at(self, j: int, k: int) -> bool:
        """A quoted capitalised word at ``k`` between a first name at ``j`` and a surname: 'William "Mo"
        Cowan'."""
        toks = self.toks
        if k + 3 >= len(toks) or toks[j].low not in _FIRST_NAMES:
            return False
        opening, word, closing, surname = toks[k], toks[k + 1], toks[k + 2], toks[k + 3]
        return (
            opening.text in _NICKNAME_QUOTES
            and opening.joined
            and word.word
            and word.cap
            and closing.text in _NICKNAME_QUOTES
            and surname.word
            and surname.cap
            and surname.joined
        )

    def facility_head(self, i: int, j: int) -> bool:
        """Whether the run ``i``..``j`` names the airport, station, hospital or university after it."""
        toks = self.toks
        if self.title_case:
            return False
        lows = [toks[m].low.rstrip(".") for m in range(i, j + 1) if toks[m].word]
        if not lows or lows[-1] in _MONTHS or lows[-1] in _DAYS:
            return False
        if any(low in _TITLE_CORE or low in _HONORIFICS or low in _ORG_WORDS for low in lows):
            return False  # "Mr Smith hospital visit", "the Fox News station": a description
        if len(lows) == 1 and toks[i].upper:
            return False  # "an IDF hospital"
        if toks[i].initial and len(lows) == 1 and (lows[0] in _FUNCTION or lows[0] in _COMMON_INITIAL):
            return False  # "Police station officers…"
        return not all(
            _is_demonym(low) or low in _FUNCTION or low in _COMMON_INITIAL or low in _HONORIFICS
            for low in lows
        )

    def company_link(self, i: int, j: int, k: int) -> bool:
        """Whether "&"/"and" at ``k`` joins the run ending at ``j`` and the next word into a firm's name.

        "Marks & Spencer" always; "Loxley and Finch" only with a sign that the pair is one business: a
        business noun before or after it, an appositive naming one ("…, a jeweller"), a singular verb, or
        "said … its" (two people would be "their").
        """
        toks = self.toks
        nxt, after = toks[k], k + 1
        if not self.capword(after):
            return False
        right = toks[after]
        if nxt.text == "&":
            pair = f"{toks[j].low}&{right.low}"
            return nxt.gap_ok and right.gap_ok and pair not in _AMPERSAND_NOUNS
        if nxt.low != "and" or i != j or not right.joined:
            return False
        if not (self.surname_like(i) and self.surname_like(after)):
            return False
        beyond = after + 1
        before = self.prev_word(i)
        if (self.capword(beyond) and toks[beyond].joined and toks[beyond].low in _COMPANY_NOUNS) or (
            before >= 0 and not toks[before].cap and toks[before].low in _COMPANY_NOUNS
        ):
            return True  # "Slater and Gordon Lawyers", "the law firm Slater and Gordon"
        if self.capword(beyond) and toks[beyond].joined:
            return False
        # Weaker signs, so given names ("Tom and Jerry") are left apart.
        if toks[i].low in _FIRST_NAMES or right.low in _FIRST_NAMES:
            return False
        return self.one_business_after(beyond, self.low(before) in _PLACE_PREPS)

    def surname_like(self, k: int) -> bool:
        tok = self.toks[k]
        low = tok.low
        return (
            not tok.upper
            and len(tok.text) > 1
            and low not in _FUNCTION
            and low not in _COMMON_INITIAL
            and low not in _ORG_WORDS
            and low not in _PLACE_WORDS
            and low not in _MONTHS
            and low not in _DAYS
            and not _is_demonym(low)
            and not self.table_match(k)
        )

    def one_business_after(self, k: int, after_place_prep: bool) -> bool:
        """What follows "X and Y" (from token ``k``) speaks of them as one business.

        After "in"/"into" only an appositive counts: "in Kadkan and Rivash was..." may be two villages.
        """
        toks = self.toks
        n = len(toks)
        if k >= n:
            return False
        if toks[k].text == ",":
            # An appositive: ", a family-owned jeweller", ", the London jeweller"
            for m in range(k + 1, min(k + 6, n)):
                tok = toks[m]
                if tok.poss or (not tok.word and tok.text != "-"):
                    return False  # ", the shop's owners"
                if tok.low in _COMPANY_NOUNS and not tok.cap:
                    return True
            return False
        if after_place_prep:
            return False
        if toks[k].low in _COMPANY_NOUNS and toks[k].joined:
            return True  # "Loxley and Finch jewellers"
        if toks[k].low in _SINGULAR_VERBS:
            return True
        if toks[k].low in _SAID:
            # "Loxley and Finch said in a statement that its staff…"
            for m in range(k + 1, min(k + 12, n)):
                tok = toks[m]
                if tok.low == "its":
                    return True
                if tok.cap or tok.low in ("their", "they", "them") or tok.low in _COMPANY_NOUNS:
                    return False
                if tok.low in _HEAD_REFS:
                    return False
        return False

    def may_continue(self, i: int, j: int, k: int) -> bool:
        """In a title-case headline only a first name, a title or "al-" reaches over to the next word."""
        if not self.title_case:
            return True
        low = self.toks[j].low.rstrip(".")
        if low in _TITLE_CORE or low in _HONORIFICS or low in _TITLE_MODIFIERS:
            return True
        return (j == i and low in _FIRST_NAMES) or not self.toks[k].text[:1].isupper()

    def of_head(self, i: int, j: int) -> bool:
        """Whether the run can take an "of"/"for" complement ("Ministry of Defence", "Gulf of Aden")."""
        last = self.toks[j].low
        if last in _ORG_WORDS or last in _PLACE_WORDS or last == "secretary":
            return True
        return any(self.toks[k].low in _ORG_WORDS for k in range(i, j + 1))

    # deciding what a run is

    def resolve(self, idxs: list[int], title: str | None = None, honorific: bool = False) -> None:
        toks = self.toks
        words = [k for k in idxs if toks[k].word]
        while words and (
            toks[words[0]].low in ("the", "a", "an")
            or (toks[words[0]].initial and toks[words[0]].low in _FUNCTION)
            or not toks[words[0]].cap
        ):
            words = words[1:]
        while words and not toks[words[-1]].cap and not (len(words) > 1 and words[-1] in self.facility_tails):
            words = words[:-1]
        if not words:
            return
        # Months and weekdays split a run, unless a first name or title makes them a surname ("Theresa May").
        for pos, k in enumerate(words):
            if toks[k].low in _MONTHS or toks[k].low in _DAYS:
                prev = toks[words[pos - 1]].low.rstrip(".") if pos else ""
                if prev and (prev in _FIRST_NAMES or prev in _HONORIFICS or prev in _TITLE_CORE):
                    continue
                if not pos and (title or honorific):
                    continue  # "Mrs May", after the title was cut off
                self.resolve(words[:pos], title, honorific)
                self.resolve(words[pos + 1 :])
                return
        if title is None and not honorific and self.title_split(words):
            return
        self.emit_name(words, title, honorific)

    def title_split(self, words: list[int]) -> bool:
        """Cut titles out of a run ("Syrian President Bashar al-Assad"); False when it has none."""
        toks = self.toks
        lows = [toks[k].low.rstrip(".") for k in words]
        start = -1
        for pos, low in enumerate(lows):
            if low == "member" and pos and lows[pos - 1] == "council":
                start = pos - 1  # "City Council Member Jane Roe"
                break
            if (low in _TITLE_CORE or low in _HONORIFICS) and not (pos and lows[pos - 1] == "of"):
                start = pos  # "U.S. Department of Justice": a title word after "of" names the office's domain
                break
            if pos and low in _PLACE_MODIFIERS:
                continue  # "Wilson County Sheriff Joe Tackitt": the county belongs to the place before
            if low in _TITLE_MODIFIERS and any(x in _TITLE_CORE for x in lows[pos + 1 : pos + 4]):
                start = pos
                break
        if start < 0 and len(lows) > 1 and (lows[0] in _TITLE_MODIFIERS or lows[0] in _OFFICE_DOMAINS):
            # "Chief of Staff William Cowan", "Chief of Police Mary Smith": the run goes on an office
            before = self.prev_word(words[0], skip_the=False)
            if self.low(before) == "of" and self.low(self.prev_word(before, skip_the=False)) in _TITLE_CORE:
                start = 0
        # "Office Matthew Cousins" for "Officer Matthew Cousins": a title one letter off, before a full name
        misspelt = (
            _misspelt_title(lows[0]) if start < 0 and len(lows) >= 3 and lows[1] in _FIRST_NAMES else None
        )
        if misspelt:
            lows = [misspelt, *lows[1:]]
            start = 0
        if start < 0:
            return False
        end = start + 2 if lows[start] == "council" else start
        while end < len(lows) and (
            lows[end] in _TITLE_CORE
            or lows[end] in _HONORIFICS
            or lows[end] in _TITLE_MODIFIERS
            or (end == 0 and lows[end] in _OFFICE_DOMAINS)
            or (lows[end] in ("of", "the") and end > start)
        ):
            end += 1
        while end > start and lows[end - 1] in ("of", "the"):
            end -= 1
        name = words[end:]
        if any(toks[k].low in _ORG_WORDS for k in name):
            return False  # "Judge Business School" is an organisation, not a judge
        seat = start > 0 and bool(name) and self.office_seat(words[:start], lows[start:end])
        if start > 0 and not seat:
            self.resolve(words[:start])
        phrase = [lw for lw in lows[start:end] if lw not in ("of", "the")]
        honorific = any(lw in _HONORIFICS for lw in phrase)
        office = " ".join(lw for lw in phrase if lw not in _HONORIFICS) or None
        if name:
            self.resolve(name, office, honorific)
        elif office and start == 0 and self.low(self.prev_word(words[0], skip_the=False)) == "the":
            self.emit(words[start], words[end - 1], "person")
        return True

    def office_seat(self, before: list[int], office: list[str]) -> bool:
        """Whether the words before a seated office name its seat ("Harvey County Sheriff T. Walton"): a
        name outside the table, so no country or known organisation is lost."""
        if not any(low in _SEATED_OFFICES for low in office):
            return False
        if any(k in self.company_links or self.toks[k].poss for k in before):
            return False
        return all(self.toks[k].cap and not self.table_match(k) for k in before)

    def emit_name(self, words: list[int], title: str | None, honorific: bool) -> None:
        toks = self.toks
        first, last = words[0], words[-1]
        lows = [toks[k].low for k in words]
        if all(_is_demonym(low) for low in lows):
            return
        if len(words) == 1:
            tok = toks[first]
            if len(tok.text) == 1 or tok.low in _NOT_NAMES:
                return
            if tok.initial and tok.low in _COMMON_INITIAL | _FUNCTION and not tok.upper:
                return
            if tok.initial and tok.low.endswith("ing") and self.low(first + 1) in _OBJECT_WORDS:
                return
        while len(words) > 1 and lows[-1].rstrip(".") in _POST_NOMINALS:
            words = words[:-1]
            lows = lows[:-1]
            last = words[-1]
        if len(words) == 2 and _is_demonym(lows[0]) and toks[words[1]].upper:
            first = words[1]  # "Kurdish YPG"
            words = words[1:]
            lows = lows[1:]
        known = None
        if title is None and not honorific:
            whole = self.table_match(first)
            if whole and whole[0] == last + 1:
                known = whole[1]
            elif whole and whole[1][1] == "place" and whole[0] <= last:
                # "U.S. Department of Justice", "British Foreign Office": a known body under its country's name
                body = self.table_match(whole[0])
                if body and body[0] == last + 1 and body[1][1] == "org":
                    known = body[1]
        nxt = last + 1
        group = nxt < len(toks) and toks[nxt].low == "group" and toks[nxt].joined and not toks[last].poss
        if known:
            kind: EntityKind = known[1]
        else:
            kind = self.kind_of(words, title, honorific, group)
        if group and kind == "org":
            last = nxt
        if title is None and kind == "person":
            role = self.low(self.prev_word(first, skip_the=False))
            two = self.prev_word(self.prev_word(first, skip_the=False), skip_the=False)
            pair = (self.low(two), role)
            if pair in _TITLE_REFS_2 and toks[first].joined:
                title = " ".join(pair)
            elif role in _TITLE_REFS and toks[first].joined:
                title = role
        uncertain = (known is None and self.title_case) or (
            len(words) == 1
            and toks[first].initial
            and kind == "other"
            and not known
            and not self.said_after(last)
        )
        the = self.low(first - 1) == "the" and toks[first].joined
        self.emit(first, last, kind, known[0] if known else None, _Meta(title, honorific, uncertain, the))
        if kind == "place" and not known:
            self.place_chain_end = last + 1

    def kind_of(self, words: list[int], title: str | None, honorific: bool, group: bool) -> EntityKind:
        toks = self.toks
        lows = [toks[k].low for k in words]
        first, last = words[0], words[-1]
        if title or honorific:
            return "person"
        if any(k in self.company_links for k in range(first, last)):
            return "org"  # "Marks & Spencer"
        for pos, k in enumerate(words[1:], 1):
            tail = self.table_match(k)
            if tail and tail[0] == last + 1:
                if self.national_arm(words, k):
                    return "org"
                if tail[1][1] != "place":
                    return tail[1][1]  # "Syrian Arab Red Crescent"
                if any(low in _ORG_WORDS for low in lows[:pos]):
                    return "org"  # "University of Texas", "Bank Indonesia"
                if not (len(words) == 2 and lows[0] in _FIRST_NAMES):
                    return "place"
                break  # "Michael Jordan"
        if group or any(low in _ORG_WORDS for low in lows):
            return "org"
        if any(low in _PLACE_WORDS for low in lows[1:]) or lows[0] in _PLACE_PREFIXES:
            return "place"
        if len(words) == 1 and toks[first].upper:
            return "org"
        prev = self.prev_word(first, skip_the=False)
        if toks[first].joined and self.low(prev) in _LOWER_ROLES and not toks[prev].cap:
            return "person"
        if lows[0] in _FIRST_NAMES and (len(words) >= 2 or self.said_after(last)):
            return "person"
        if self.place_context(first, last):
            return "place"
        after = last + 1
        if after < len(toks) and toks[after].joined and toks[after].low in _ORG_AFTER and not toks[last].poss:
            return "org"  # "the Civil Protection agency"
        if self.said_after(last) or self.appositive_after(last):
            return "person"
        return "other"

    def national_arm(self, words: list[int], k: int) -> bool:
        """'Brightline Logistics UK': a country code after a name that is no place is a firm's national arm."""
        toks = self.toks
        if k != words[-1] or self.table_match(words[0]):
            return False
        if not toks[k].upper:
            # "Garuda Indonesia": one distinctive word before a country's name
            return len(words) == 2 and toks[k].low in _COUNTRY_LOWS and _distinctive(toks[words[0]].text)
        lows = [toks[m].low for m in words[:-1]]
        return not any(low in _PLACE_WORDS or _is_demonym(low) for low in lows)

    def place_context(self, first: int, last: int) -> bool:
        toks = self.toks
        prev = self.prev_word(first)
        low = self.low(prev)
        if low in _PLACE_PREPS or low in _PLACE_BEFORE:
            return True
        if low == "of" and self.low(self.prev_word(prev)) in _PLACE_OF:
            return True
        if low == "of" and prev > 0 and toks[prev - 1].text == ",":
            return True  # "John Smith, 45, of Leeds"
        nxt = last + 1
        if nxt < len(toks) and toks[nxt].joined and toks[nxt].low in _PLACE_AFTER and not toks[last].poss:
            return True
        if 0 <= self.place_chain_end <= first and not self.title_case:
            # "the towns of Sukhnah, Raqqa and Deir Ezzor": a list continues the place cue.
            between = [t.low for t in toks[self.place_chain_end : first]]
            listed = any(w in (",", "and", "or") for w in between)
            return listed and all(w in (",", "and", "or", "the") for w in between)
        return False

    def said_after(self, last: int) -> bool:
        toks = self.toks
        k = last + 1
        if k < len(toks) and toks[k].text == ",":
            k += 1
        return k < len(toks) and toks[k].low in _SAID and not toks[last].poss

    def appositive_after(self, last: int) -> bool:
        toks = self.toks
        k = last + 1
        if k + 1 >= len(toks) or toks[k].text != "," or toks[last].poss:
            return False
        nxt = toks[k + 1]
        if nxt.low in ("who", "aged"):
            return True
        return not nxt.word and nxt.text.isdigit() and k + 2 < len(toks) and toks[k + 2].text == ","

    def emit(
        self, first: int, last: int, kind: EntityKind, canonical: str | None = None, meta: _Meta | None = None
    ) -> None:
        if (
            kind != "person"
            and self.ordinal_before(first)
            and any(self.toks[k].low in _NUMBERED_HEADS for k in range(first, last + 1))
        ):
            first -= 2  # "the 67th Precinct", "101st Airborne Division": the number is part of the name
        start, end = self.toks[first].start, self.toks[last].end
        if end <= start:
            return
        text = self.text[start:end]
        ent = Entity(self.base + start, self.base + end, text, canonical or _slug(text), kind)
        self.out.append(ent)
        if meta is not None and meta != _Meta():
            _remember(ent, meta)


def _mark_title_case(toks: list[_Tok]) -> bool:
    """Flag a headline written in title case; there a capital says nothing, so only known words count."""
    # A sentence full of names ("Prime Minister Theresa May met US President Barack Obama.") still ends
    # like a sentence; a headline does not, and leaves no long word in lower case.
    last = next((t.text for t in reversed(toks) if t.text not in _CLOSERS), "")
    long_words = [t for t in toks[1:] if t.word and len(t.text) >= 4 and t.text[0].isalpha()]
    lower = sum(not t.cap for t in long_words)
    if last in (".", "!", "?") or len(long_words) < 3 or lower > len(long_words) // 6:
        return False
    for tok in toks:
        if tok.word and (tok.low in _FUNCTION or tok.low in _COMMON_INITIAL or _is_demonym(tok.low)):
            tok.weak = True
    return True


def _is_demonym(low: str) -> bool:
    return low in _DEMONYMS or ("-" in low and all(p in _DEMONYMS for p in low.split("-")))


def _extract(text: str, base: int) -> list[Entity]:
    return [_state_named(text, base, e) for e in _Reader(text, base).read()]


# A state's abbreviation after a place or in a lawmaker's party tag: "Bristol, Tenn.", "(R-Ark.)".
_PARTY_STATE = re.compile(r"[RDI]-(?P<state>[A-Z][a-z]{1,4})")


def _state_named(text: str, base: int, ent: Entity) -> Entity:
    """A US state written as its abbreviation ("Tenn." after "Bristol,", "Ark." in "R-Ark.") is that state; the
    party letter of a tag is left out of the mention."""
    start, written = ent.start, ent.text
    tag = _PARTY_STATE.fullmatch(written)
    if tag:
        start, written = ent.start + tag.start("state"), tag["state"]
    state = US_STATE_ABBREVIATIONS.get(written.lower())
    at, end = start - base, ent.end - base
    if state is None or not written[:1].isupper() or text[end : end + 1] != ".":
        return ent
    before = text[:at].rstrip()[-1:]
    if not (tag or before == ","):
        return ent
    return Entity(start, ent.end, written, _slug(state), "place")


def extract_entities(text: str, base: int = 0) -> list[Entity]:
    """Mentions of people, places and organisations in one sentence; ``base`` is the sentence's offset."""
    try:
        return _extract(text, base)
    except Exception:  # one unreadable sentence must not sink the comparison of two articles
        return []


# --- linking ---------------------------------------------------------------------------------------------

# Words that make a capitalised run something other than a person's name.
_NOT_PERSON_WORDS = _ORG_WORDS | _PLACE_WORDS | _MONTHS | _DAYS | _TITLE_CORE
_CONTENT_SKIP = _words("of for and the in on at de du des la le al el a an to &")
_GROUP_SUFFIX = re.compile(r"\s+group$")  # the lower-case "group" the reader adds to an organisation
_PLACE_SUFFIX = re.compile(r"\s+(?:province|governorate|region|district|county)$", re.IGNORECASE)
# A building or grounds named after what it houses, in lower case ("the 67th Precinct station", "the Trumbull
# Gardens housing complex"): the key leaves the common noun out when two words of name remain, so that it meets
# the bare name; a capitalised one is part of the name ("Penn Station").
_FACILITY_SUFFIX = re.compile(
    r"\s+(?:housing\s+)?(?:station|station\s+house|headquarters|complex|compound|campus)$"
)
# A country code or legal form after a firm's name ("Brightline Logistics UK", "Acme Widgets Ltd"): the key
# leaves it out when at least two words of name remain, so the bare name and the suffixed one meet.
_ORG_SUFFIX = re.compile(
    r",?\s+(?:UK|U\.K\.|US|U\.S\.|USA|SA|S\.A\.|AG|GmbH|Ltd\.?|Limited|Inc\.?|PLC|plc|LLC|L\.L\.C\.|Corp\.?|Co\.?"
    r"|NV|N\.V\.|BV|B\.V\.|SpA|S\.p\.A\.|LLP|LP|Pty)$"
)
# Legal forms after a firm's own name: "Siemens AG" is Siemens, where "Toledo Police Department" is no Toledo.
_LEGAL_FORMS = _words(
    "ag sa gmbh ltd limited inc plc llc corp co nv bv spa llp lp pty holdings group uk us usa"
)
_ORDINAL_SUFFIXES = frozenset(("st", "nd", "rd", "th"))
_STREET_WORDS = _words("street avenue road boulevard")
# Names that take an ordinal in figures ("67th Precinct", "5th Avenue", "101st Airborne Division").
_NUMBERED_HEADS = _ORG_WORDS | _words(
    "precinct street avenue road district ward division corps fleet squadron wing amendment circuit"
)
# Words after a firm's own name that say it is a business: its first word alone is the firm ("Excel" for
# "Excel Industries"), where before "Police" or "University" it would be a place.
_BUSINESS_FORMS = _LEGAL_FORMS | _words("industries partners company corporation")
# Short names that mean a known organisation only beside a full name of it in the same articles: "the Met"
# is London's police next to "Scotland Yard", but may be New York's museum elsewhere.
_CONTEXT_ALIASES: dict[str, str] = {"Met": "scotland-yard", "Yard": "scotland-yard"}
# A flight as the reader writes it: "flight SN512", "Sunda Flight 512", "Flight 512", "SN512".
_FLIGHT_TEXT = re.compile(r"(?:(?P<name>.+?)\s+)?[Ff]light\s+(?:(?P<code>[A-Z]{2})\s?)?(?P<num>\d{1,4})")
_DESIGNATOR_TEXT = re.compile(r"(?P<code>[A-Z]{2})(?P<num>\d{2,4})")
# Words after an airline's or a bank's own name ("Sunda Airlines", "Sunda Air"): the name alone may stand for
# it; words of one class name one firm ("Sunda Air" is "Sunda Airlines", not "Sunda Bank").
_BRAND_CLASS = {
    "air": "air",
    "airline": "air",
    "airlines": "air",
    "airways": "air",
    "aviation": "aviation",
    "rail": "rail",
    "railway": "rail",
    "railways": "rail",
    "bank": "bank",
    "group": "group",
}
# Type words of natural features and areas: "the Lamone" is the "Lamone River", "River Lamone".
_GEO_TYPES = frozenset(
    name_key(w)
    for w in (
        "river lake mount mountain sea bay island islands isle valley province region county district governorate"
    ).split()
)
# Waters often named after the land beside them ("Java Sea", "Lake Como"): the bare name means the water only
# with "the" ("the Caspian").
_WATER_TYPES = frozenset(name_key(w) for w in ("sea", "bay", "lake"))
# Words between a facility's own name and its type that writers drop ("Juwata International Airport").
_FACILITY_MODIFIERS = frozenset(
    name_key(w) for w in "international regional municipal domestic general".split()
)


@dataclass(slots=True)
class _Node:
    ent: Entity
    sent: int
    role: str  # "name", "acronym", "head" (the Observatory) or "title" (the governor)
    key: str
    compact: str
    known: _Known | None
    words: tuple[str, ...]  # surface words, split at spaces and hyphens
    meta: _Meta
    flight: tuple[str, str, str] | None = None  # (number, airline code, airline's first key token)
    article: int = 0


# "Bristol, Tenn. police": a state's abbreviation after a place, read as the state's name in the key.
_STATE_AFTER_PLACE = re.compile(r",\s+([A-Z][a-z]{1,4})\.(?=\s)|,(?=\s+[A-Z])")


def _state_name(match: re.Match[str]) -> str:
    if match.group(1) is None:
        return ""  # "Dallas, Texas police": the comma says nothing
    state = US_STATE_ABBREVIATIONS.get(match.group(1).lower())
    return f" {state.title()}" if state else match.group(0)


def _node(ent: Entity, sent: int) -> _Node:
    text = _QUOTED_NICKNAME.sub(" ", ent.text.strip()).strip()
    text = _STATE_AFTER_PLACE.sub(_state_name, text)
    base = _PLACE_SUFFIX.sub("", _GROUP_SUFFIX.sub("", text)) or text
    facility = _FACILITY_SUFFIX.sub("", base)
    if facility != base and ent.kind != "person" and len(facility.split()) >= 2:
        base = facility
    state = US_STATE_ABBREVIATIONS.get(text.lower()) if ent.kind == "place" else None
    if state and ent.canonical == _slug(state):
        base = state  # "Tenn." read as Tennessee, so that it meets the state's name
    if ent.kind in ("org", "other"):
        short = _ORG_SUFFIX.sub("", base)
        if short != base and sum(w[:1].isalpha() and w.lower() != "and" for w in short.split()) >= 2:
            base = short.rstrip(" &,")
    words = tuple(w for w in re.split(r"[\s\-]+", text) if w)
    match = (
        (_FLIGHT_TEXT.fullmatch(text) or _DESIGNATOR_TEXT.fullmatch(text)) if text[-1:].isdigit() else None
    )
    if match:
        name = match.groupdict().get("name") or ""
        airline = name_key(name).split()[:1] if name else []
        flight = (match["num"], match["code"] or "", airline[0] if airline else "")
        meta = _META.get(ent, _Meta())
        return _Node(ent, sent, "flight", "", "", None, words, meta, flight)
    key = name_key(base)
    known = _TABLE_BY_KEY.get(key)
    folded = _fold(text)
    if known:
        role = "name"
    elif ent.kind == "person" and (folded in _TITLE_REFS or tuple(folded.split()) in _TITLE_REFS_2):
        role = "title"
    elif len(words) == 1 and folded in _ORG_WORDS:
        role = "head"
    elif _ACRONYM.fullmatch(text):
        role = "acronym"
    else:
        role = "name"
    return _Node(ent, sent, role, key, key.replace(" ", ""), known, words, _META.get(ent, _Meta()))


class _Sets:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The earlier mention stays the root, so the first reading wins ties.
            self.parent[max(ra, rb)] = min(ra, rb)


# Titles long enough that one letter off still reads as the title ("Office" for "Officer"), and how common in
# English (wordfreq's Zipf scale) the word written must be.
_EVERYDAY_ZIPF = 4.0
_LONG_TITLES = tuple(sorted(t for t in _TITLE_CORE if len(t) >= 6 and "-" not in t))


@lru_cache(maxsize=4096)
def _misspelt_title(low: str) -> str | None:
    """The title a word is one letter off from ("office" -> "officer"), if any and if only one. Only an
    everyday word counts: a spelling checker passes a typo that makes another word, and a rarer word here is
    more likely a name ("Justine Marie Smith")."""
    from wordfreq import zipf_frequency

    if (
        len(low) < 5
        or low in _TITLE_CORE
        or low in _FIRST_NAMES
        or zipf_frequency(low, "en") < _EVERYDAY_ZIPF
    ):
        return None
    close = [t for t in _LONG_TITLES if t[0] == low[0] and Levenshtein.distance(low, t, score_cutoff=1) <= 1]
    return close[0] if len(close) == 1 else None


def _initials(words: Iterable[str], skip: bool) -> str:
    return "".join(
        w[0] for w in words if w and w[0].isalpha() and not (skip and w.lower() in _CONTENT_SKIP)
    ).upper()


def _flights_agree(x: tuple[str, str, str], y: tuple[str, str, str]) -> bool:
    """Two readings of one flight number that name no two different airlines (codes or first words)."""
    if x[1] and y[1] and x[1] != y[1]:
        return False
    return not (x[2] and y[2] and not tokens_equivalent(x[2], y[2]))


def _brand_class(words: Sequence[str]) -> tuple[str, str] | None:
    """('sunda', 'air') for "Sunda Airlines": an own name with a distinctive word, then only a brand word and
    legal forms."""
    lows = [_fold(w).rstrip(".") for w in words]
    cut = next((k for k, low in enumerate(lows) if low in _BRAND_CLASS), 0)
    if cut < 1 or not all(low in _BRAND_CLASS or low in _LEGAL_FORMS for low in lows[cut:]):
        return None
    if not any(_distinctive(w) for w in words[:cut]):
        return None
    return name_key(" ".join(words[:cut])), _BRAND_CLASS[lows[cut]]


def _nearest(candidates: Sequence[int], here: int) -> int | None:
    """The latest candidate before ``here``, else the first one after it."""
    before = [c for c in candidates if c < here]
    if before:
        return before[-1]
    after = [c for c in candidates if c > here]
    return after[0] if after else None


class _Linker:
    def __init__(self, mentions: list[list[Entity]], articles: Sequence[int] | None = None) -> None:
        self.nodes = [_node(e, s) for s, sent in enumerate(mentions) for e in sent]
        if articles is not None:
            for nd in self.nodes:
                nd.article = articles[nd.sent]
        self.sets = _Sets(len(self.nodes))
        self.hold_shared_surnames()

    def hold_shared_surnames(self) -> None:
        """Keep a bare surname out of every join once its article has named two people with it ("Mark Roe"
        and his son "Tim Roe"): from there on it could be either. Before the second is named, it is the
        first."""
        seen: dict[tuple[int, str], list[str]] = {}
        shared_from: dict[tuple[int, str], int] = {}
        for nd in self.nodes:
            toks = nd.key.split()
            if nd.role != "name" or nd.known or len(toks) < 2 or nd.ent.kind not in ("person", "other"):
                continue
            at = (nd.article, toks[-1])
            keys = seen.setdefault(at, [])
            if at not in shared_from and not all(_one_persons_names(k, nd.key) for k in keys):
                shared_from[at] = nd.sent
            keys.append(nd.key)
        for nd in self.nodes:
            since = shared_from.get((nd.article, nd.key))
            if (
                nd.role == "name"
                and not nd.known
                and since is not None
                and nd.sent >= since
                and not nd.meta.title
            ):
                nd.role = "held"

    def run(self) -> tuple[list[str], list[EntityKind]]:
        self.join_names()
        self.join_near_misses()
        self.join_context_aliases()
        self.join_acronyms()
        self.join_heads()
        self.join_place_prefixes()
        self.join_flights()
        kinds = self.root_kinds()  # one vote for the steps below: their joins rarely change it
        self.join_reordered_places(kinds)
        self.join_geo_types(kinds)
        self.join_facilities()
        self.join_middle_names(kinds)
        self.join_generations(kinds)
        self.join_firm_short_names(kinds)
        self.join_surnames()
        self.join_middle_names(self.root_kinds())  # a surname may have shown a full name to be a person's
        self.join_first_names()
        self.join_nicknames()
        self.join_shortened_words()
        self.join_titles()
        return self.labels()

    def join_shortened_words(self) -> None:
        """ "Mat Maid" for "Matanuska Maid Dairy": a name of two words or more whose words begin the other
        name's first words in order, one of them cut short, the last the same; never when two names fit."""
        nodes, sets = self.nodes, self.sets
        full = [i for i in self.names() if nodes[i].role == "name" and len(nodes[i].words) >= 2]
        folded = {i: [_fold(w) for w in nodes[i].words] for i in full}
        # a shortened name of n words ends on the n-th word of the name it shortens: look only there
        ending: dict[tuple[int, str], list[int]] = {}
        for j in full:
            for n in range(2, len(folded[j]) + 1):
                ending.setdefault((n, folded[j][n - 1]), []).append(j)
        for i in full:
            short = folded[i]
            partners = {
                sets.find(j)
                for j in ending.get((len(short), short[-1]), ())
                if j != i and _shortened(short, folded[j])
            }
            if len(partners) == 1 and sets.find(i) not in partners:
                sets.union(i, next(iter(partners)))

    def join_nicknames(self) -> None:
        """ "Mo" alone for 'William "Mo" Cowan', when one name gives that nickname."""
        nodes, sets = self.nodes, self.sets
        given: dict[str, set[int]] = {}
        for i, nd in enumerate(nodes):
            for nickname in _QUOTED_NICKNAME.findall(nd.ent.text):
                given.setdefault(name_key(nickname), set()).add(sets.find(i))
        for i, nd in enumerate(nodes):
            owners = given.get(nd.key)
            if owners and len(owners) == 1 and nd.role == "name" and len(nd.key.split()) == 1:
                sets.union(next(iter(owners)), i)

    def names(self) -> list[int]:
        return [i for i, nd in enumerate(self.nodes) if nd.role in ("name", "acronym") and nd.compact]

    def join_names(self) -> None:
        nodes, sets = self.nodes, self.sets
        by_known: dict[str, int] = {}
        by_compact: dict[str, int] = {}
        for i in self.names():
            nd = nodes[i]
            if nd.known:
                sets.union(by_known.setdefault(nd.known[0], i), i)
            sets.union(by_compact.setdefault(nd.compact, i), i)
        # Spelling variants: compare distinct keys only within blocks that could match at all.
        blocks: dict[tuple[int, str], list[int]] = {}
        for i in by_compact.values():
            toks = nodes[i].key.split()
            blocks.setdefault((len(toks), token_shape(toks[-1]).skeleton[:1]), []).append(i)
        matched: list[tuple[int, int]] = []
        partners: dict[int, list[int]] = {}
        for members in blocks.values():
            for x, a in enumerate(members):
                for b in members[x + 1 :]:
                    if self.kinds_clash(a, b):
                        continue
                    ka, kb = nodes[a].key, nodes[b].key
                    if ka != kb and _short_words_apart(ka, kb):
                        continue
                    if (
                        same_keys(ka, kb)
                        or (self.both_orgs(a, b) and same_but_number(ka, kb))
                        or (self.both_people(a, b) and same_but_one_letter(ka, kb))
                    ):
                        matched.append((a, b))
                        partners.setdefault(a, []).append(b)
                        partners.setdefault(b, []).append(a)
        # "Chris Hale" beside both "Christopher Hale" and "Christina Hale" could be either, and joins neither.
        ambiguous = {
            a
            for a, found in partners.items()
            if any(not same_keys(nodes[p].key, nodes[q].key) for p in found for q in found if p < q)
        }
        for a, b in matched:
            if a not in ambiguous and b not in ambiguous:
                sets.union(a, b)

    def kinds_clash(self, a: int, b: int) -> bool:
        ka, kb = self.nodes[a].ent.kind, self.nodes[b].ent.kind
        return ka != kb and "other" not in (ka, kb)

    def both_people(self, a: int, b: int) -> bool:
        """Neither read as an organisation or a place, one at least as a person."""
        ka, kb = self.nodes[a].ent.kind, self.nodes[b].ent.kind
        return {ka, kb} <= {"person", "other"} and "person" in (ka, kb)

    def both_orgs(self, a: int, b: int) -> bool:
        """After ``kinds_clash``: one is an organisation, the other one too or unread."""
        return self.nodes[a].ent.kind == "org" or self.nodes[b].ent.kind == "org"

    def join_flights(self) -> None:
        """'flight SN512', 'Sunda Flight 512' and 'Flight 512': one flight when the numbers agree and nothing
        tells the airlines apart; when two airlines fly the same number, only like-named mentions join."""
        nodes, sets = self.nodes, self.sets
        by_number: dict[str, list[int]] = {}
        for i, nd in enumerate(nodes):
            if nd.flight:
                by_number.setdefault(nd.flight[0], []).append(i)
        for members in by_number.values():
            pairs = list(combinations(members, 2))
            flights = [(a, b, nodes[a].flight, nodes[b].flight) for a, b in pairs]
            if all(x and y and _flights_agree(x, y) for _, _, x, y in flights):
                for b in members[1:]:
                    sets.union(members[0], b)
                continue
            for a, b, x, y in flights:
                if x and y and _flights_agree(x, y) and ((x[1] and x[1] == y[1]) or (x[2] and x[2] == y[2])):
                    sets.union(a, b)

    def join_near_misses(self) -> None:
        """'Islamist State group' for 'Islamic State': one or two letters off a long organisation name."""
        nodes, sets = self.nodes, self.sets
        orgs: dict[str, int] = {}  # one mention per spelling
        others: dict[str, int] = {}
        for i in self.names():
            nd = nodes[i]
            if nd.role == "name" and len(nd.compact) >= 10:
                (orgs if nd.ent.kind in ("org", "other") else others).setdefault(nd.compact, i)
        for i in others.values():
            # Read as a person or place, but a spelling of a known name: "Jaish-i-Muhammad denied it".
            nd = nodes[i]
            if nd.known or " " not in nd.key:
                continue
            first = nd.key.split(" ", 1)[0]
            for index in _ALIAS_BY_FIRST.get(first, ()):
                if same_keys(nd.key, _TABLE_ALIAS_FULL[index]):
                    nd.known = _TABLE_ALIAS_KEYS[index][2]
                    break
        for i in orgs.values():
            nd = nodes[i]
            if nd.known:
                continue
            ntok = len(nd.key.split())
            hit = process.extractOne(nd.compact, _ALIAS_COMPACTS, scorer=Levenshtein.distance, score_cutoff=2)
            if hit is not None:
                compact, ntok_alias, known = _TABLE_ALIAS_KEYS[hit[2]]
                if ntok_alias == ntok and compact[0] == nd.compact[0]:
                    nd.known = known
                    continue
            for j in orgs.values():
                other = nodes[j]
                if (
                    j != i
                    and other.ent.kind == "org"
                    and len(other.key.split()) == ntok
                    and other.compact[0] == nd.compact[0]
                    and Levenshtein.distance(nd.compact, other.compact, score_cutoff=2) <= 2
                ):
                    sets.union(i, j)
                    break
        by_known: dict[str, int] = {}
        for i, nd in enumerate(nodes):
            if nd.known:
                sets.union(by_known.setdefault(nd.known[0], i), i)

    def join_context_aliases(self) -> None:
        nodes, sets = self.nodes, self.sets
        anchors: dict[str, int] = {}
        for i, nd in enumerate(nodes):
            if nd.known:
                anchors.setdefault(nd.known[0], i)
        for i, nd in enumerate(nodes):
            canonical = _CONTEXT_ALIASES.get(nd.ent.text.strip())
            anchor = anchors.get(canonical) if canonical else None
            if anchor is not None and not nd.known and nd.role in ("name", "acronym"):
                nd.known = nodes[anchor].known
                sets.union(anchor, i)

    def root_kinds(self) -> list[EntityKind]:
        kinds = self.cluster_kinds()
        return [kinds[self.sets.find(i)] for i in range(len(self.nodes))]

    def join_reordered_places(self, kinds: list[EntityKind]) -> None:
        """'Khorasan Razavi' for 'Razavi Khorasan': a place's words in another order."""
        nodes, sets = self.nodes, self.sets
        blocks: dict[tuple[str, ...], list[int]] = {}
        seen: set[str] = set()
        for i in self.names():
            nd = nodes[i]
            toks = nd.key.split()
            if nd.known or nd.role != "name" or not 2 <= len(toks) <= 4 or kinds[i] not in ("place", "other"):
                continue
            if nd.key not in seen:
                seen.add(nd.key)
                blocks.setdefault(tuple(sorted(token_shape(t).skeleton[:1] for t in toks)), []).append(i)
        for members in blocks.values():
            for x, a in enumerate(members):
                for b in members[x + 1 :]:
                    if "place" in (kinds[a], kinds[b]) and same_words_reordered(nodes[a].key, nodes[b].key):
                        sets.union(a, b)

    def join_geo_types(self, kinds: list[EntityKind]) -> None:
        """'Lamone' for 'Lamone River' or 'River Lamone': a feature's own name without its type word.

        Only a distinctive single word, on place-like mentions, and only when every typed form of it has one
        type ("Tarvo" beside "Lake Tarvo" and "Mount Tarvo" could be either). A sea, bay or lake takes the bare
        name only after "the": "Java" beside the "Java Sea" is the island.
        """
        nodes, sets = self.nodes, self.sets
        typed: dict[str, dict[str, list[int]]] = {}
        bare: dict[str, list[int]] = {}
        for i in self.names():
            nd = nodes[i]
            if nd.known or nd.role != "name" or kinds[i] not in ("place", "other"):
                continue
            toks = nd.key.split()
            if len(toks) == 1 and nd.ent.kind in ("place", "other") and not nd.meta.title:
                bare.setdefault(toks[0], []).append(i)
            elif len(toks) == 2 and len(nd.words) == 2 and "place" in (kinds[i], nd.ent.kind):
                at = 1 if toks[1] in _GEO_TYPES else 0 if toks[0] in _GEO_TYPES else -1
                name = 1 - at
                if at >= 0 and toks[name] not in _GEO_TYPES and _distinctive(nd.words[name]):
                    typed.setdefault(toks[name], {}).setdefault(toks[at], []).append(i)
            elif (
                len(toks) == 3
                and len(nd.words) == 3
                and toks[1] == "of"
                and toks[0] in _GEO_TYPES
                and toks[0] not in _WATER_TYPES
                and toks[2] not in _GEO_TYPES
                and _distinctive(nd.words[2])
            ):
                typed.setdefault(toks[2], {}).setdefault(toks[0], []).append(i)  # "Island of Qeshm"
        for key, by_type in typed.items():
            for members in by_type.values():
                for b in members[1:]:
                    sets.union(members[0], b)
            if len(by_type) == 1:
                kind_key, members = next(iter(by_type.items()))
                for b in bare.get(key, []):
                    if kind_key not in _WATER_TYPES or nodes[b].meta.the:
                        sets.union(members[0], b)

    def join_facilities(self) -> None:
        """'Juwata airport' for 'Juwata International Airport': a facility named without a generic modifier.

        Only when the shorter name can mean one facility of the two articles: "Kenton hospital" beside "Kenton
        General Hospital" and "Kenton Military Hospital" could be either.
        """
        nodes, sets = self.nodes, self.sets
        by_key: dict[tuple[str, ...], int] = {}  # one mention per spelling
        for i in self.names():
            nd = nodes[i]
            toks = tuple(nd.key.split())
            if (
                not nd.known
                and nd.role == "name"
                and len(toks) >= 2
                and _fold(nd.words[-1]) in _FACILITY_WORDS
            ):
                by_key.setdefault(toks, i)
        for short, i in by_key.items():
            head = short[:-1]
            if any(t in _FACILITY_MODIFIERS for t in head):
                continue
            fuller = [
                toks
                for toks in by_key
                if len(toks) > len(short) and toks[-1] == short[-1] and toks[: len(head)] == head
            ]
            if len(fuller) == 1 and all(t in _FACILITY_MODIFIERS for t in fuller[0][len(head) : -1]):
                sets.union(by_key[fuller[0]], i)

    def join_middle_names(self, kinds: list[EntityKind]) -> None:
        """'Travis Odom' for 'Travis Lee Odom': one person's name with and without a middle name."""
        nodes, sets = self.nodes, self.sets
        blocks: dict[str, list[int]] = {}
        seen: set[str] = set()
        for i in self.names():
            nd = nodes[i]
            toks = nd.key.split()
            if nd.known or nd.role != "name" or len(toks) < 2 or kinds[i] not in ("person", "other"):
                continue
            if nd.key not in seen:
                seen.add(nd.key)
                blocks.setdefault(token_shape(toks[-1]).skeleton, []).append(i)
        for members in blocks.values():
            for a in members:
                partners = [
                    b
                    for b in members
                    if b != a
                    and "person" in (kinds[a], kinds[b])
                    and len(nodes[b].key.split()) >= len(nodes[a].key.split())
                    and same_but_middle(nodes[a].key, nodes[b].key)
                ]
                # "Travis Odom" beside both "Travis Lee Odom" and "Travis James Odom" could be either.
                if any(
                    not same_but_middle(nodes[p].key, nodes[q].key)
                    for p in partners
                    for q in partners
                    if p < q
                ):
                    continue
                for b in partners:
                    sets.union(a, b)

    def join_generations(self, kinds: list[EntityKind]) -> None:
        """'Theodore Boutrous' for 'Theodore Boutrous Jr.': a name with and without its generation, unless
        the stories name two generations ('Jr.' and 'Sr.'), when the bare name could be either."""
        nodes, sets = self.nodes, self.sets
        by_base: dict[str, dict[str, list[int]]] = {}
        for i in self.names():
            nd = nodes[i]
            toks = nd.key.split()
            if nd.role != "name" or len(toks) < 2 or kinds[i] not in ("person", "other"):
                continue
            suffix = toks[-1] if len(toks) >= 3 and toks[-1] in _GENERATION_KEYS else ""
            base = " ".join(toks[:-1]) if suffix else nd.key
            by_base.setdefault(base, {}).setdefault(suffix, []).append(i)
        for variants in by_base.values():
            suffixes = [s for s in variants if s]
            if "" not in variants or len(suffixes) != 1:
                continue
            for a in variants[""]:
                for b in variants[suffixes[0]]:
                    sets.union(a, b)

    def join_firm_short_names(self, kinds: list[EntityKind]) -> None:
        """'Brightline' for 'Brightline Logistics': a firm's first word alone, as a surname stands for a person.

        All mentions of the bare word share one id, so one reading must serve them all: the firm named in full
        most recently before the first bare mention (else just after it, if only one firm starts with that
        word), unless another name starting with that word is near that mention.
        """
        nodes, sets = self.nodes, self.sets
        firms: dict[str, list[int]] = {}  # first key token -> mentions of firms named in full
        rivals: dict[str, list[int]] = {}  # ... and of any name that could be what the bare word means
        brands: dict[tuple[str, str], list[int]] = {}  # (own name, class) -> "Sunda Air", "Sunda Airlines"
        surnames: set[str] = set()
        for i, nd in enumerate(nodes):
            toks = nd.key.split()
            if nd.role != "name" or len(toks) < 2 or kinds[i] == "place":
                continue
            if kinds[i] in ("person", "other"):
                surnames.add(toks[-1])
            if kinds[i] in ("org", "other") and nd.words[0][:1].isupper() and len(nd.words[0]) > 1:
                rivals.setdefault(toks[0], []).append(i)
                rest = [_fold(w) for w in nd.words[1:]]
                brand = _brand_class(nd.words) if kinds[i] == "org" and not nd.known else None
                if brand:
                    brands.setdefault(brand, []).append(i)
                if kinds[i] == "org" and (
                    brand or not all(w in _ORG_WORDS and w not in _BUSINESS_FORMS for w in rest)
                ):
                    firms.setdefault(toks[0], []).append(i)
        for members in brands.values():
            for b in members[1:]:
                sets.union(members[0], b)
        if not firms:
            return
        bare: dict[str, list[int]] = {}
        for i, nd in enumerate(nodes):
            if nd.role == "name" and not nd.known and nd.key in firms and kinds[i] != "place":
                bare.setdefault(nd.key, []).append(i)
        for key, mentions in bare.items():
            if key in surnames or any(nodes[i].meta.honorific or nodes[i].meta.title for i in mentions):
                continue  # "Ford" beside "Harrison Ford" may be the actor's surname
            target = self.firm_for(mentions[0], firms[key], rivals[key])
            if target is None:
                continue
            sets.union(target, mentions[0])
            for i in mentions:
                nodes[i].role = "head"  # counts as the firm when the cluster's kind is voted

    def firm_for(self, first: int, firms: list[int], rivals: list[int]) -> int | None:
        nodes, sets = self.nodes, self.sets
        sent = nodes[first].sent
        before = [j for j in firms if j < first]
        if before:
            target = before[-1]
        elif len({sets.find(j) for j in firms}) == 1 and nodes[firms[0]].sent - sent <= 2:
            target = firms[0]  # a headline's "Siemens" before the first paragraph's "Siemens AG"
        else:
            return None
        near = {sets.find(j) for j in rivals if sent - 3 <= nodes[j].sent <= sent}
        return None if near - {sets.find(target)} else target

    def join_acronyms(self) -> None:
        nodes, sets = self.nodes, self.sets
        by_initials: dict[str, int] = {}
        for i, nd in enumerate(nodes):
            # Two capitals are a person's initials by chance far more often than a nickname ("AR-style").
            if nd.role == "name" and len(nd.words) >= (3 if nd.ent.kind == "person" else 2):
                by_initials.setdefault(_initials(nd.words, True), i)
                by_initials.setdefault(_initials(nd.words, False), i)
        for i, nd in enumerate(nodes):
            if nd.role != "acronym" or nd.known:
                continue
            letters = nd.ent.text.replace(".", "")
            prev = nodes[i - 1] if i > 0 else None
            if (
                prev is not None
                and prev.sent == nd.sent
                and prev.role == "name"
                and len(prev.words) >= 2
                and 0 <= nd.ent.start - prev.ent.end <= 3
                and prev.words[0][:1].upper() == letters[:1]
            ):
                sets.union(i - 1, i)  # "Syrian Observatory for Human Rights (SOHR)"
                continue
            target = by_initials.get(letters.upper())
            if target is not None:
                sets.union(target, i)
        self.join_acronym_prefixes()

    def join_acronym_prefixes(self) -> None:
        """'UMC Brackenridge' for 'University Medical Center Brackenridge': leading words by their initials."""
        nodes, sets = self.nodes, self.sets
        by_prefix: dict[tuple[str, str], int] = {}
        for i, nd in enumerate(nodes):
            if nd.role == "name" and not nd.known and len(nd.words) >= 3:
                for k in range(2, len(nd.words)):
                    rest = name_key(" ".join(nd.words[k:]))
                    by_prefix.setdefault((_initials(nd.words[:k], False), rest), i)
        for i, nd in enumerate(nodes):
            if nd.role != "name" or nd.known or len(nd.words) < 2 or not _ACRONYM.fullmatch(nd.words[0]):
                continue
            letters = nd.words[0].replace(".", "").upper()
            target = by_prefix.get((letters, name_key(" ".join(nd.words[1:]))))
            if target is not None and target != i:
                sets.union(target, i)

    def join_heads(self) -> None:
        nodes, sets = self.nodes, self.sets
        by_word: dict[str, list[int]] = {}
        for i, nd in enumerate(nodes):
            if nd.role == "name" and len(nd.words) >= 2 and nd.ent.kind in ("org", "other"):
                for w in {_fold(w) for w in nd.words}:
                    by_word.setdefault(w, []).append(i)
        for i, nd in enumerate(nodes):
            if nd.role == "head":
                target = _nearest(by_word.get(_fold(nd.ent.text), []), i)
                if target is not None:
                    sets.union(target, i)
        # "the high court" for the Supreme Court named in the stories
        for i, nd in enumerate(nodes):
            if tuple(_fold(nd.ent.text).split()) in _SUPREME_COURT_REFS:
                target = _nearest(by_word.get("supreme", []), i)
                if target is not None:
                    sets.union(target, i)
        # "Civil Protection" for "Civil Protection Department": a name without its organisation head noun;
        # "Austin Police" for "Austin Police Department": an organisation without the word for its office.
        stripped: dict[str, tuple[int, str]] = {}
        for i, nd in enumerate(nodes):
            toks = nd.key.split()
            if nd.role == "name" and len(toks) >= 3 and _fold(nd.words[-1]) in _ORG_WORDS and not nd.known:
                stripped.setdefault(" ".join(toks[:-1]), (i, _fold(nd.words[-1])))
        for i, nd in enumerate(nodes):
            if nd.role != "name" or nd.known or nd.key not in stripped or len(nd.key.split()) < 2:
                continue
            fuller, dropped = stripped[nd.key]
            bare = _fold(nd.words[-1]) not in _ORG_WORDS or dropped in _OFFICE_HEADS
            if bare and nd.ent.kind in ("org", "other"):
                sets.union(fuller, i)

    def join_place_prefixes(self) -> None:
        """'Daily News' for 'New York Daily News': an organisation named without the place it starts with."""
        nodes, sets = self.nodes, self.sets
        by_rest: dict[str, list[int]] = {}
        for i, nd in enumerate(nodes):
            if nd.role != "name" or nd.known or nd.ent.kind not in ("org", "other") or len(nd.words) < 3:
                continue
            for k in range(1, len(nd.words) - 1):
                place = _TABLE_BY_KEY.get(name_key(" ".join(nd.words[:k])))
                if place is not None and place[1] == "place":
                    by_rest.setdefault(name_key(" ".join(nd.words[k:])), []).append(i)
        for i, nd in enumerate(nodes):
            fuller = {sets.find(f) for f in by_rest.get(nd.key, []) if f != i}
            if nd.role == "name" and not nd.known and len(nd.words) >= 2 and len(fuller) == 1:
                sets.union(next(iter(fuller)), i)

    def cluster_kinds(self) -> dict[int, EntityKind]:
        votes: dict[int, dict[str, int]] = {}
        fixed: dict[int, EntityKind] = {}
        for i, nd in enumerate(self.nodes):
            root = self.sets.find(i)
            if nd.known:
                fixed.setdefault(root, nd.known[1])
            kind = {"head": "org", "title": "person"}.get(nd.role, nd.ent.kind)
            if kind != "other" and not nd.meta.uncertain:
                tally = votes.setdefault(root, {})
                tally[kind] = tally.get(kind, 0) + 1
        out: dict[int, EntityKind] = {}
        for root in {self.sets.find(i) for i in range(len(self.nodes))}:
            if root in fixed:
                out[root] = fixed[root]
                continue
            tally = votes.get(root, {})
            best: EntityKind = "other"
            for kind in _VOTE_ORDER:
                if tally.get(kind, 0) > tally.get(best, 0):
                    best = kind
            out[root] = best
        return out

    def join_surnames(self) -> None:
        """'Assad' for 'Bashar al-Assad', 'Mr Deng' for 'Deng Xiaoping': a part of a person's full name."""
        nodes, sets = self.nodes, self.sets
        kinds = self.cluster_kinds()
        # Full names by key, so each distinct short name is compared with each distinct full name once.
        people: dict[str, list[int]] = {}
        for i, nd in enumerate(nodes):
            if nd.role == "name" and len(nd.key.split()) >= 2 and kinds[sets.find(i)] in ("person", "other"):
                people.setdefault(nd.key, []).append(i)
        # An unread two- or three-word name made only of name words ("Endicott McCray") reads as a person's
        # when its last word stands alone elsewhere, as reporters refer to people.
        named_like_person = {
            i for members in people.values() for i in members if self.person_shaped(i, kinds[sets.find(i)])
        }
        if not people:
            return
        found: dict[tuple[str, bool, bool], list[int]] = {}
        for i, nd in enumerate(nodes):
            if nd.role not in ("name", "acronym") or nd.known or not nd.key:
                continue
            if kinds[sets.find(i)] in ("place", "org") or nd.ent.kind in ("place", "org"):
                continue
            # A bare unknown name may only join a full name known to be a person; "Mr Deng" may join any.
            any_kind = nd.ent.kind == "person"
            cache_key = (nd.key, nd.meta.honorific, any_kind)
            if cache_key not in found:
                toks = nd.key.split()
                found[cache_key] = sorted(
                    j
                    for key, members in people.items()
                    if self.part_of(toks, nd.compact, key, nd.meta.honorific)
                    for j in members
                    if any_kind or kinds[sets.find(j)] == "person" or j in named_like_person
                )
            candidates = found[cache_key]
            # the person this article has named so far, else one it names later, else the other article's
            here = [j for j in candidates if nodes[j].article == nd.article]
            candidates = [j for j in here if nodes[j].sent <= nd.sent] or here or candidates
            if not self.one_person(candidates):
                continue  # two people share the name ("Mark Roe" and his son "Tim Roe"): it stays alone
            target = _nearest(candidates, i)
            if target is not None:
                for j in candidates:
                    sets.union(target, j)
                sets.union(target, i)

    def person_shaped(self, i: int, kind: EntityKind) -> bool:
        nd = self.nodes[i]
        return (
            kind == "other"
            and nd.ent.kind == "other"
            and 2 <= len(nd.words) <= 3
            and not nd.meta.uncertain
            and all(w[:1].isupper() and w.isalpha() and _fold(w) not in _NOT_PERSON_WORDS for w in nd.words)
            and _fold(nd.words[0]) not in _COMMON_NAME_WORDS  # "Grand Forks"; a surname may be "Gray"
        )

    def one_person(self, candidates: list[int]) -> bool:
        """Whether the full names a short name could stand for are one person's, written with or without a
        middle name ("Ann Lee Cole", "Ann Cole"); "Ann Cole" and "Tom Cole" are two."""
        nodes, sets = self.nodes, self.sets
        if len({sets.find(j) for j in candidates}) <= 1:
            return True
        keys = list(dict.fromkeys(nodes[j].key for j in candidates))
        return all(_one_persons_names(a, b) for a, b in combinations(keys, 2))

    def join_first_names(self) -> None:
        """'Kimani' for 'Kimani Gray': a first name alone, when one person of the articles has it and nobody
        has it as a surname."""
        nodes, sets = self.nodes, self.sets
        kinds = self.cluster_kinds()
        by_first: dict[str, set[int]] = {}
        other_words: set[str] = set()
        for i, nd in enumerate(nodes):
            toks = nd.key.split()
            if nd.role != "name" or len(toks) < 2:
                continue
            other_words.update(toks[1:])
            kind = kinds[sets.find(i)]
            if (kind == "person" and nd.ent.kind in ("person", "other")) or self.person_shaped(i, kind):
                by_first.setdefault(toks[0], set()).add(sets.find(i))
            else:
                other_words.add(toks[0])
        for i, nd in enumerate(nodes):
            root = sets.find(i)
            if nd.role != "name" or nd.known or " " in nd.key or nd.meta.honorific or nd.meta.title:
                continue
            if nd.ent.kind not in ("person", "other") or kinds[root] not in ("person", "other"):
                continue
            people = by_first.get(nd.key, set())
            if len(people) != 1 or nd.key in other_words or len(nd.key) < 3:
                continue
            if any(len(nodes[j].key.split()) > 1 for j in self.members(root)):
                continue  # already part of a full name
            sets.union(next(iter(people)), i)

    def members(self, root: int) -> list[int]:
        return [j for j in range(len(self.nodes)) if self.sets.find(j) == root]

    @staticmethod
    def part_of(toks: list[str], compact: str, full_key: str, honorific: bool) -> bool:
        ftoks = full_key.split()
        if len(toks) >= len(ftoks):
            return False
        tail = ftoks[-len(toks) :]
        if all(tokens_equivalent(a, b) for a, b in zip(toks, tail, strict=True)):
            return True
        if honorific and len(toks) == 1 and tokens_equivalent(toks[0], ftoks[0]):
            return True
        # Joined spellings of a split surname ("Abdulrahman" for "Rami Abdel Rahman").
        return any("".join(ftoks[cut:]) == compact for cut in range(1, len(ftoks)))

    def join_titles(self) -> None:
        nodes, sets = self.nodes, self.sets
        titled = [(i, nd.meta.title) for i, nd in enumerate(nodes) if nd.meta.title and nd.role == "name"]
        for i, nd in enumerate(nodes):
            if nd.role != "title":
                continue
            ref = " ".join(_fold(nd.ent.text).replace("-", " ").split())
            matches = [j for j, title in titled if title and _same_office(ref, title)]
            # Only when the office points at one person: two governors leave "the governor" unresolved.
            if matches and len({sets.find(j) for j in matches}) == 1:
                sets.union(matches[0], i)

    def labels(self) -> tuple[list[str], list[EntityKind]]:
        nodes, sets = self.nodes, self.sets
        kinds = self.cluster_kinds()
        best: dict[int, int] = {}
        known: dict[int, str] = {}
        for i, nd in enumerate(nodes):
            root = sets.find(i)
            if nd.known and root not in known:
                known[root] = nd.known[0]
            if nd.role != "name":
                continue
            current = best.get(root)
            if current is None or _fullness(nd) > _fullness(nodes[current]):
                best[root] = i
        by_root: dict[int, str] = {}
        for root in {sets.find(i) for i in range(len(nodes))}:
            source = nodes[best.get(root, root)].ent.text
            by_root[root] = known.get(root) or _slug(_GROUP_SUFFIX.sub("", source))
        roots = [sets.find(i) for i in range(len(nodes))]
        return [by_root[r] for r in roots], [kinds[r] for r in roots]


# On a tie the earlier kind wins: a title or "said" is better evidence than a preposition.
_VOTE_ORDER: tuple[EntityKind, ...] = ("person", "org", "place")


# A word cut short keeps at least this many letters ("Mat" for "Matanuska").
_MIN_SHORTENED = 3
# ... and at most this share of the word: "Carl" is no cut of "Carla".
_MAX_SHARE = 0.6


def _shortened(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` is ``long`` with words cut short: the same number of words as ``long`` begins with,
    each a beginning of its counterpart, at least one cut and the last of ``short`` whole."""
    if len(short) > len(long) or len(short) < 2 or short[-1] != long[len(short) - 1]:
        return False
    cut = False
    for a, b in zip(short, long, strict=False):
        if a == b:
            continue
        if len(a) < _MIN_SHORTENED or len(a) > _MAX_SHARE * len(b) or not b.startswith(a) or not a.isalpha():
            return False
        if a in _FIRST_NAMES and b in _FIRST_NAMES:
            return False  # "Carl" and "Carla": two given names, not one cut short
        cut = True
    return cut


def _short_words_apart(a: str, b: str) -> bool:
    """Two short one-word names that begin with different consonants are different words, whatever their
    sounds ("Gun" and "Conn"); longer names and vowels ("Omar", "Umar") are left to the spelling keys."""
    if " " in a or " " in b or max(len(a), len(b)) > _SHORT_NAME:
        return False
    x, y = a[:1], b[:1]
    return x != y and x not in _VOWELS and y not in _VOWELS


_SHORT_NAME = 4
_VOWELS = frozenset("aeiou")


def _one_persons_names(ka: str, kb: str) -> bool:
    """Full-name keys that may be one person's: the same name, with or without a middle name, or one letter
    off."""
    return same_keys(ka, kb) or same_but_middle(ka, kb) or same_but_one_letter(ka, kb)


def _fullness(nd: _Node) -> tuple[int, int, int]:
    return (0 if nd.meta.uncertain else 1, len(nd.words), len(nd.ent.text))


def _same_office(ref: str, title: str) -> bool:
    title = " ".join(title.replace("-", " ").split())
    if ref == title:
        return True
    extra = title[: -len(ref)].split() if title.endswith(" " + ref) else None
    return extra is not None and not any(w in _OTHER_OFFICE for w in extra)


def link_entities(mentions: list[list[Entity]], articles: Sequence[int] | None = None) -> list[list[Entity]]:
    """The same mentions with one ``canonical`` id (and one kind) for all variants of each name.

    ``mentions`` holds one list per sentence; ``articles``, when given, the article of each sentence."""
    try:
        canon, kinds = _Linker(mentions, articles).run()
    except Exception:  # unlinked names are still better than no comparison at all
        return [list(sent) for sent in mentions]
    out: list[list[Entity]] = []
    k = 0
    for sent in mentions:
        row: list[Entity] = []
        for ent in sent:
            new = replace(ent, canonical=canon[k], kind=kinds[k])
            meta = _META.get(ent)
            if meta is not None and new != ent:
                _remember(new, meta)
            row.append(new)
            k += 1
        out.append(row)
    return out
