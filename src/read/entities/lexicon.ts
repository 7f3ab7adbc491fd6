/**
 * Closed word classes the name finder leans on. These are general English news vocabulary (titles,
 * organisation head nouns, countries), not names from any particular story.
 */

/** Lower-case, trailing full stop removed: "Mr." → "mr", "U.S." → "u.s". */
export function normTitle(word: string): string {
  return (word.endsWith(".") ? word.slice(0, -1) : word).toLowerCase();
}

/** Words before a title that qualify it without naming anyone ("Former President", "Acting Attorney General"). */
export const ROLE_MODIFIERS = new Set([
  "former",
  "then",
  "acting",
  "interim",
  "retired",
  "late",
  "assistant",
  "associate",
  "senior",
  "junior",
  "executive",
  "press",
  "national",
  "foreign",
  "defense",
  "defence",
  "homeland",
  "security",
  "state",
  "first",
  "majority",
  "minority",
  "top",
  "managing",
  "founding",
]);

/** Capitalised titles that precede a person's name and are not part of it. */
export const PERSON_TITLES = new Set([
  "mr",
  "mrs",
  "ms",
  "miss",
  "mx",
  "dr",
  "prof",
  "professor",
  "sir",
  "dame",
  "lord",
  "lady",
  "president",
  "vice",
  "secretary",
  "minister",
  "prime",
  "premier",
  "chancellor",
  "senator",
  "sen",
  "rep",
  "representative",
  "congressman",
  "congresswoman",
  "gov",
  "governor",
  "mayor",
  "gen",
  "general",
  "lt",
  "lieutenant",
  "col",
  "colonel",
  "maj",
  "major",
  "capt",
  "captain",
  "cmdr",
  "commander",
  "adm",
  "admiral",
  "sgt",
  "sergeant",
  "king",
  "queen",
  "prince",
  "princess",
  "sheikh",
  "emir",
  "pope",
  "ayatollah",
  "imam",
  "rabbi",
  "rev",
  "reverend",
  "father",
  "judge",
  "justice",
  "ambassador",
  "envoy",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "chairman",
  "chairwoman",
  "director",
  "chief",
  "deputy",
  "leader",
  "speaker",
  "attorney",
  "sec",
  "amb",
  "supt",
  "superintendent",
  "inspector",
  "detective",
  "officer",
  "coach",
  "dean",
  "commissioner",
  "moderator",
  "anchor",
  "chairperson",
  "treasurer",
  "solicitor",
]);

/**
 * Lower-case role nouns that introduce a name ("State Department spokesman John Kirby", "a civil
 * engineer named Mustafa Alsyofi"): the words before the name become a role.
 */
export const ROLE_NOUNS = new Set([
  ...PERSON_TITLES,
  "official",
  "officials",
  "adviser",
  "advisor",
  "analyst",
  "engineer",
  "activist",
  "journalist",
  "reporter",
  "correspondent",
  "lawyer",
  "researcher",
  "doctor",
  "lawmaker",
  "diplomat",
  "negotiator",
  "editor",
  "founder",
  "ceo",
  "executive",
  "head",
  "member",
  "resident",
  "student",
  "teacher",
  "worker",
  "witness",
  "expert",
  "economist",
  "scientist",
  "woman",
  "man",
  "mother",
  "father",
  "son",
  "daughter",
  "wife",
  "husband",
  "owner",
  "manager",
  "candidate",
  "politician",
  "commentator",
  "author",
  "writer",
  "blogger",
  "nurse",
  "surgeon",
  "physician",
  "pilot",
  "soldier",
  "fighter",
  "commander",
  "colleague",
  "friend",
  "participant",
]);

/** Words that make a capitalised phrase an organisation ("State Department", "New York Times"). */
export const ORG_CUES = new Set([
  "times",
  "post",
  "news",
  "journal",
  "tribune",
  "herald",
  "guardian",
  "telegraph",
  "gazette",
  "press",
  "monitor",
  "observer",
  "chronicle",
  "daily",
  "magazine",
  "network",
  "broadcasting",
  "radio",
  "television",
  "tv",
  "media",
  "agency",
  "department",
  "ministry",
  "office",
  "administration",
  "government",
  "party",
  "university",
  "college",
  "school",
  "institute",
  "institution",
  "foundation",
  "association",
  "society",
  "council",
  "committee",
  "commission",
  "congress",
  "senate",
  "parliament",
  "assembly",
  "court",
  "house",
  "bank",
  "fund",
  "group",
  "company",
  "corporation",
  "inc",
  "corp",
  "co",
  "ltd",
  "llc",
  "plc",
  "airlines",
  "army",
  "navy",
  "forces",
  "force",
  "police",
  "guard",
  "brigade",
  "brigades",
  "front",
  "movement",
  "coalition",
  "alliance",
  "union",
  "federation",
  "organization",
  "organisation",
  "opposition",
  "service",
  "services",
  "bureau",
  "authority",
  "board",
  "center",
  "centre",
  "hospital",
  "church",
  "club",
  "league",
  "nations",
  "state",
  "states",
  "command",
  "team",
  "watch",
  "international",
  "leaks",
  "foundation",
  "trust",
  "project",
  "initiative",
  "campaign",
  "cabinet",
  "pentagon",
  "kremlin",
  "caucus",
  "consortium",
  "institution",
  "academy",
  "museum",
  "library",
  "laboratory",
  "systems",
  "industries",
  "holdings",
  "partners",
  "associates",
  "program",
  "programme",
  "endowment",
  "forum",
  "marines",
  "corps",
  "legion",
]);

/** Organisation head nouns that name a news outlet ("the newspaper reported"). */
export const MEDIA_NOUNS = new Set([
  "newspaper",
  "paper",
  "daily",
  "outlet",
  "broadcaster",
  "network",
  "channel",
  "agency",
  "website",
  "site",
  "magazine",
  "publication",
  "tabloid",
  "station",
]);

/** Country abbreviations that are places, unlike most acronyms (which are organisations). */
export const PLACE_ACRONYMS = new Set([
  "us",
  "u.s",
  "usa",
  "u.s.a",
  "uk",
  "u.k",
  "uae",
  "u.a.e",
  "drc",
  "prc",
  "ussr",
]);

/**
 * Countries and a few regions, lower-case. Place names are otherwise only guessed from the
 * preposition before them; countries are the places news mentions most and their names are
 * a closed, stable list.
 */
export const COUNTRIES = new Set(
  (
    "afghanistan,albania,algeria,andorra,angola,argentina,armenia,australia,austria,azerbaijan," +
    "bahamas,bahrain,bangladesh,barbados,belarus,belgium,belize,benin,bhutan,bolivia,bosnia,botswana," +
    "brazil,brunei,bulgaria,burkina faso,burundi,cambodia,cameroon,canada,chad,chile,china,colombia," +
    "comoros,congo,costa rica,croatia,cuba,cyprus,czech republic,czechia,denmark,djibouti,dominica," +
    "dominican republic,ecuador,egypt,el salvador,eritrea,estonia,eswatini,ethiopia,fiji,finland," +
    "france,gabon,gambia,georgia,germany,ghana,greece,grenada,guatemala,guinea,guyana,haiti,honduras," +
    "hungary,iceland,india,indonesia,iran,iraq,ireland,israel,italy,ivory coast,jamaica,japan,jordan," +
    "kazakhstan,kenya,kosovo,kuwait,kyrgyzstan,laos,latvia,lebanon,lesotho,liberia,libya,lithuania," +
    "luxembourg,madagascar,malawi,malaysia,maldives,mali,malta,mauritania,mauritius,mexico,moldova," +
    "monaco,mongolia,montenegro,morocco,mozambique,myanmar,burma,namibia,nepal,netherlands,new zealand," +
    "nicaragua,niger,nigeria,north korea,north macedonia,norway,oman,pakistan,palestine,panama," +
    "papua new guinea,paraguay,peru,philippines,poland,portugal,qatar,romania,russia,rwanda," +
    "saudi arabia,senegal,serbia,seychelles,sierra leone,singapore,slovakia,slovenia,somalia," +
    "south africa,south korea,south sudan,spain,sri lanka,sudan,suriname,sweden,switzerland,syria," +
    "taiwan,tajikistan,tanzania,thailand,togo,tonga,tunisia,turkey,turkmenistan,uganda,ukraine," +
    "united arab emirates,united kingdom,united states,america,britain,great britain,england,scotland," +
    "wales,uruguay,uzbekistan,venezuela,vietnam,yemen,zambia,zimbabwe,europe,africa,asia,middle east," +
    "latin america,gaza,west bank,crimea,kurdistan,hong kong,central african republic,democratic republic of congo," +
    "south america,north america,central america,caribbean,balkans,scandinavia,sahel,levant,west,east," +
    "pacific,atlantic,arctic,antarctica,pacific rim,persian gulf,south china sea,mediterranean,siberia,darfur," +
    "north,south,n korea,s korea,n. korea,s. korea"
  ).split(","),
);

/** Prepositions after which a capitalised name is usually a place ("in Aleppo", "from Damascus"). */
export const PLACE_PREPOSITIONS = new Set([
  "in",
  "from",
  "at",
  "near",
  "across",
  "into",
  "outside",
  "inside",
  "throughout",
  "toward",
  "towards",
  "around",
  "via",
]);

/** Months and weekdays: never names on their own (a month may end a name, as in "Theresa May"). */
export const CALENDAR_WORDS = new Set([
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
]);

/** Capitalised words that are never names: pronouns, determiners, sentence glue, page furniture. */
export const NEVER_NAMES = new Set([
  "i",
  "we",
  "he",
  "she",
  "they",
  "it",
  "you",
  "the",
  "a",
  "an",
  "this",
  "that",
  "these",
  "those",
  "there",
  "here",
  "but",
  "and",
  "or",
  "if",
  "so",
  "yet",
  "also",
  "although",
  "however",
  "meanwhile",
  "read",
  "click",
  "share",
  "advertisement",
  "photo",
  "video",
  "update",
  "updated",
  "breaking",
  "god",
  "none",
  "nobody",
  "everyone",
  "everybody",
  "everything",
  "someone",
  "somebody",
  "something",
  "anyone",
  "anybody",
  "anything",
  "nothing",
  "each",
  "both",
  "all",
  "many",
  "most",
  "some",
  "several",
  "few",
  "either",
  "neither",
  "his",
  "her",
  "their",
  "our",
  "my",
  "your",
  "its",
  "me",
  "him",
  "them",
  "yes",
  "no",
  "not",
  "oh",
  "okay",
  "ok",
]);

/** Lower-case words that may join capitalised name parts ("Secretary of State", "Bashar al-Assad"). */
export const NAME_CONNECTORS = new Set([
  "of",
  "de",
  "del",
  "della",
  "da",
  "dos",
  "van",
  "von",
  "der",
  "den",
  "bin",
  "ibn",
  "al",
  "el",
  "la",
  "le",
  "du",
  "&",
]);

/** Lower case, trailing full stop removed, curly apostrophes straightened: "Sept." → "sept", "O’Neill" → "o'neill". */
export function normWord(word: string): string {
  let w = word.endsWith(".") ? word.slice(0, -1) : word;
  if (w.includes("’") || w.includes("‘")) w = w.replace(/[’‘]/g, "'");
  return w.toLowerCase();
}

/**
 * US states and the AP-style abbreviations datelines use ("FLINT, Mich.", "Staunton Va."), lower-case
 * with inner dots kept and the final dot dropped (as normWord gives them). News datelines and
 * locatives name these more than any other places after countries; the list is closed.
 */
export const US_STATES = new Set(
  (
    "alabama,alaska,arizona,arkansas,california,colorado,connecticut,delaware,florida,hawaii,idaho,illinois," +
    "indiana,iowa,kansas,kentucky,louisiana,maine,maryland,massachusetts,michigan,minnesota,mississippi," +
    "missouri,montana,nebraska,nevada,new hampshire,new jersey,new mexico,new york,north carolina," +
    "north dakota,ohio,oklahoma,oregon,pennsylvania,rhode island,south carolina,south dakota,tennessee,texas," +
    "utah,vermont,virginia,washington,west virginia,wisconsin,wyoming,district of columbia," +
    "ala,ariz,ark,calif,colo,conn,del,fla,ga,ill,ind,kan,kans,ky,la,md,mass,mich,minn,miss,mo,mont,neb,nev," +
    "n.h,n.j,n.m,n.y,n.c,n.d,okla,ore,pa,r.i,s.c,s.d,tenn,tex,vt,va,wash,w.va,wis,wyo,d.c"
  ).split(","),
);

/**
 * Cities news copy names most (world capitals and the largest US and world cities), lower-case.
 * Other places are typed by what surrounds them ("in Aleppo", "the Chelsea neighborhood").
 */
export const CITIES = new Set(
  (
    "new york,new york city,los angeles,chicago,houston,phoenix,philadelphia,san antonio,san diego,dallas," +
    "san jose,austin,jacksonville,san francisco,columbus,charlotte,indianapolis,seattle,denver,boston," +
    "detroit,nashville,memphis,portland,las vegas,baltimore,milwaukee,albuquerque,tucson,atlanta,miami," +
    "oakland,minneapolis,tulsa,cleveland,new orleans,pittsburgh,cincinnati,st. louis,orlando,tampa," +
    "sacramento,honolulu,anchorage,buffalo,newark,brooklyn,manhattan,queens,the bronx,staten island," +
    "london,paris,berlin,moscow,beijing,shanghai,tokyo,seoul,pyongyang,delhi,new delhi,mumbai,karachi," +
    "islamabad,kabul,tehran,baghdad,damascus,aleppo,beirut,jerusalem,tel aviv,amman,cairo,riyadh,doha," +
    "dubai,abu dhabi,ankara,istanbul,athens,rome,madrid,lisbon,brussels,amsterdam,the hague,geneva," +
    "vienna,warsaw,prague,budapest,kiev,kyiv,minsk,stockholm,oslo,copenhagen,helsinki,dublin,edinburgh," +
    "ottawa,toronto,montreal,vancouver,mexico city,havana,caracas,bogota,lima,santiago,buenos aires," +
    "brasilia,rio de janeiro,sao paulo,nairobi,lagos,johannesburg,cape town,addis ababa,khartoum,tripoli," +
    "tunis,algiers,rabat,bangkok,hanoi,manila,jakarta,kuala lumpur,singapore,sydney,melbourne,canberra," +
    "wellington,taipei,hong kong,mosul,raqqa,idlib,homs,sanaa,aden,gaza city,kandahar,benghazi"
  ).split(","),
);

/** Capitalised last words that make a name a place: "Colorado Springs", "West 23rd Street", "Nassau County". */
export const PLACE_HEADS = new Set([
  "street",
  "st",
  "avenue",
  "ave",
  "road",
  "boulevard",
  "square",
  "county",
  "city",
  "springs",
  "beach",
  "island",
  "islands",
  "valley",
  "river",
  "mountains",
  "lake",
  "bay",
  "heights",
  "hills",
  "falls",
  "province",
  "peninsula",
  "strait",
  "gulf",
  "sea",
  "ocean",
]);

/** Lower-case nouns right after a name that make it a place: "the Chelsea neighborhood", "Idlib province". */
export const PLACE_FOLLOWERS = new Set([
  "neighborhood",
  "neighbourhood",
  "county",
  "province",
  "region",
  "district",
  "suburb",
  "borough",
  "township",
  "village",
  "city",
  "town",
  "state",
  "area",
]);

/**
 * Lower-case nouns right after a name that make it an organisation: "Cosmopolitan magazine", "the
 * Gannett newspaper chain". Deliberately not "campaign" or "administration": "the Trump campaign"
 * names a person's campaign.
 */
export const ORG_FOLLOWERS = new Set([
  ...MEDIA_NOUNS,
  "newspapers",
  "company",
  "firm",
  "corporation",
  "conglomerate",
  "chain",
  "organization",
  "organisation",
  "group",
  "union",
  "university",
  "party",
  "bank",
  "airline",
  "network",
]);

/**
 * Organisations news names without any organisation word in the name: social networks and
 * technology firms, wire services and outlets, fact-checkers and pollsters, armed groups. A
 * closed gazetteer of the most cited; lower-case, spaces between words.
 */
export const KNOWN_ORGANISATIONS = new Set(
  (
    "twitter,facebook,google,youtube,instagram,snapchat,whatsapp,linkedin,reddit,tiktok,microsoft,apple," +
    "amazon,netflix,uber,wikileaks,wikipedia,reuters,bloomberg,politico,breitbart,axios,buzzfeed,vox," +
    "politifact,snopes,factcheck.org,gallup,rasmussen,quinnipiac,ipsos,yougov,pew,marist,morning consult," +
    "al qaeda,al-qaeda,al-qaida,al qaida,hamas,hezbollah,hizbollah,taliban,isis,isil,daesh,boko haram," +
    "al-shabab,al shabab,al-nusra,nusra"
  ).split(","),
);

/**
 * Capitalised words naming a group of people by faith, party, generation or origin, singular or
 * plural: "Muslims", "Democrats", "Millennials", "African-Americans". They name no one entity.
 */
export const GROUP_WORDS = new Set(
  (
    "muslim,muslims,christian,christians,catholic,catholics,protestant,protestants,jew,jews,jewish,hindu," +
    "hindus,sikh,sikhs,buddhist,buddhists,sunni,sunnis,shia,shiite,shiites,shi'ite,orthodox,evangelical," +
    "evangelicals,mormon,mormons,islamist,islamists,jihadist,jihadists,democrat,democrats,republican," +
    "republicans,conservative,conservatives,liberal,liberals,progressive,progressives,libertarian," +
    "libertarians,independents,millennial,millennials,boomers,latino,latinos,latina,latinas,hispanic," +
    "hispanics,african-american,african-americans,asian-american,asian-americans,arab,arabs,kurd,kurds," +
    "houthi,houthis,alawite,alawites,greek,french,dutch,swiss,thai,welsh,czech,white,black,lgbt,lgbtq," +
    "democratic,african american,african americans,asian american,asian americans,native american,native americans"
  ).split(","),
);

/** Group words that are also common given names: "Christian Bale" is a person, "Christian voters" a group. */
export const GIVEN_NAME_GROUP_WORDS = new Set(["christian"]);

/** Group words that are also common surnames: "Betty White", "Jack Black". */
export const SURNAME_GROUP_WORDS = new Set(["white", "black"]);

/**
 * Capitalised words that are neither people nor organisations nor places: programmes, holidays,
 * events named by one word. Closed list of the frequent ones.
 */
export const NOT_ENTITY_WORDS = new Set(
  (
    "medicare,medicaid,obamacare,trumpcare,brexit,internet,christmas,easter,ramadan,thanksgiving,hanukkah," +
    "passover,eid,halloween,sequestration,article,chapter,tv"
  ).split(","),
);

/** Last words of the names of laws, treaties and plans: "Affordable Care Act", "Second Amendment". */
export const LAW_HEADS = new Set([
  "act",
  "acts",
  "law",
  "amendment",
  "treaty",
  "convention",
  "agreement",
  "accord",
  "accords",
  "partnership",
  "doctrine",
  "protocol",
  "resolution",
  "charter",
]);

/**
 * Kinship nouns: a person introduced by one ("his wife Hillary Clinton", "daughter Chelsea
 * Clinton") is named relative to another bearer of the surname, who keeps the bare surname.
 */
export const KINSHIP_NOUNS = new Set([
  "wife",
  "husband",
  "daughter",
  "son",
  "mother",
  "father",
  "brother",
  "sister",
  "widow",
  "widower",
  "niece",
  "nephew",
  "cousin",
  "grandson",
  "granddaughter",
  "grandmother",
  "grandfather",
  "aunt",
  "uncle",
  "stepson",
  "stepdaughter",
  "ex-wife",
  "ex-husband",
  "spouse",
  "sons",
  "daughters",
]);

/**
 * Organisation words after which "for" or "on" continues the name: "Center for American Progress",
 * "Commission on Presidential Debates", "Council on Foreign Relations".
 */
export const ORG_CONNECTOR_HEADS = new Set([
  "center",
  "centre",
  "commission",
  "council",
  "committee",
  "institute",
  "campaign",
  "alliance",
  "foundation",
  "coalition",
  "association",
  "society",
  "league",
  "office",
  "bureau",
  "fund",
  "citizens",
  "americans",
  "partnership",
  "project",
  "network",
  "movement",
  "union",
  "conference",
  "federation",
  "board",
  "agency",
  "department",
  "ministry",
  "endowment",
  "program",
]);

/** Lower-case words inside names that are not name parts elsewhere: "Ban Ki-moon", "Lashkar-e-Taiba". */
export const HYPHEN_NAME_PARTICLES = new Set([
  "e",
  "i",
  "ul",
  "ud",
  "al",
  "el",
  "ad",
  "as",
  "ur",
  "bin",
  "ibn",
  "de",
]);

/** Lower-case second parts of hyphenated modifiers that are never name parts ("Saudi-led", "U.S.-backed"). */
export const MODIFIER_SUFFIXES = new Set([
  "led",
  "based",
  "backed",
  "born",
  "style",
  "made",
  "owned",
  "run",
  "funded",
  "supported",
  "allied",
  "aligned",
  "bound",
  "controlled",
  "held",
  "linked",
  "friendly",
  "era",
  "like",
  "type",
  "designated",
  "elect",
]);

/** Lower-case particles that begin a surname ("Bill de Blasio" is "de Blasio"; "Ursula von der Leyen"). */
export const SURNAME_PARTICLES = new Set([
  "de",
  "del",
  "della",
  "da",
  "di",
  "du",
  "van",
  "von",
  "der",
  "den",
  "le",
  "la",
]);

/** Nationalities ending in "-i", whose plurals end in "-is" like many surnames ("Iraqis" but "Davis"). */
export const DEMONYMS_IN_I = new Set(
  (
    "iraqi,israeli,pakistani,saudi,yemeni,kuwaiti,omani,qatari,emirati,bangladeshi,somali,nepali,bahraini," +
    "azeri,afghani,kashmiri,punjabi,bengali,iraqi,hindi,sindhi,baluchi,gujarati,marathi,tamil"
  ).split(","),
);
