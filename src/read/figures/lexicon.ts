/**
 * Word lists the figure reader needs: number words, units, qualifiers and the closed-class words
 * that end a noun phrase. Kept apart from the scanner so each list can be read and extended alone.
 */

/** Number words below one hundred, as news copy spells counts ("four Syrian groups"). */
export const SMALL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ["zero", 0],
  ["one", 1],
  ["two", 2],
  ["three", 3],
  ["four", 4],
  ["five", 5],
  ["six", 6],
  ["seven", 7],
  ["eight", 8],
  ["nine", 9],
  ["ten", 10],
  ["eleven", 11],
  ["twelve", 12],
  ["thirteen", 13],
  ["fourteen", 14],
  ["fifteen", 15],
  ["sixteen", 16],
  ["seventeen", 17],
  ["eighteen", 18],
  ["nineteen", 19],
  ["twenty", 20],
  ["thirty", 30],
  ["forty", 40],
  ["fifty", 50],
  ["sixty", 60],
  ["seventy", 70],
  ["eighty", 80],
  ["ninety", 90],
]);

/** Multipliers that follow a number ("4.8 million", "two hundred", "a dozen"). */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ["dozen", 12],
  ["hundred", 100],
  ["thousand", 1_000],
  ["million", 1_000_000],
  ["billion", 1_000_000_000],
  ["trillion", 1_000_000_000_000],
  ["bn", 1_000_000_000],
  ["bln", 1_000_000_000],
  ["mn", 1_000_000],
]);

/** Scale letters glued to a money amount ("$5m", "£2bn", "$300k"). */
export const MONEY_SUFFIX_SCALES: ReadonlyMap<string, number> = new Map([
  ["k", 1_000],
  ["m", 1_000_000],
  ["mn", 1_000_000],
  ["b", 1_000_000_000],
  ["bn", 1_000_000_000],
  ["bln", 1_000_000_000],
  ["tn", 1_000_000_000_000],
]);

/** Currency marks written before the amount, longest first so "US$" wins over "$". */
export const CURRENCY_PREFIXES: readonly (readonly [string, string])[] = [
  ["US$", "USD"],
  ["US $", "USD"],
  ["USD", "USD"],
  ["EUR", "EUR"],
  ["GBP", "GBP"],
  ["$", "USD"],
  ["€", "EUR"],
  ["£", "GBP"],
  ["¥", "JPY"],
  ["₹", "INR"],
  ["₽", "RUB"],
];

/** Currency words written after the amount ("2.5 billion dollars"). */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ["dollar", "USD"],
  ["dollars", "USD"],
  ["euro", "EUR"],
  ["euros", "EUR"],
  ["yen", "JPY"],
  ["yuan", "CNY"],
  ["rouble", "RUB"],
  ["roubles", "RUB"],
  ["ruble", "RUB"],
  ["rubles", "RUB"],
  ["rupee", "INR"],
  ["rupees", "INR"],
  ["usd", "USD"],
  ["eur", "EUR"],
]);

/**
 * Units of measure, plural or abbreviated form → singular unit. A figure with one of these is a
 * measurement ("35 minute conversation": unit minute, measure conversation), not a head count.
 */
export const UNITS: ReadonlyMap<string, string> = new Map(
  (
    [
      ["second", "seconds", "secs"],
      ["minute", "minutes", "mins", "min"],
      ["hour", "hours", "hrs", "hr"],
      ["day", "days"],
      ["week", "weeks"],
      ["month", "months"],
      ["year", "years", "yrs"],
      ["decade", "decades"],
      ["century", "centuries"],
      ["mile", "miles", "mi"],
      ["kilometre", "kilometres", "kilometer", "kilometers", "km", "kms"],
      ["metre", "metres", "meter", "meters"],
      ["centimetre", "centimetres", "centimeter", "centimeters", "cm"],
      ["millimetre", "millimetres", "millimeter", "millimeters", "mm"],
      ["foot", "feet", "ft"],
      ["inch", "inches"],
      ["yard", "yards"],
      ["kilogram", "kilograms", "kg", "kgs", "kilo", "kilos"],
      ["gram", "grams"],
      ["tonne", "tonnes", "ton", "tons"],
      ["pound", "pounds", "lb", "lbs"],
      ["ounce", "ounces", "oz"],
      ["acre", "acres"],
      ["hectare", "hectares"],
      ["litre", "litres", "liter", "liters"],
      ["gallon", "gallons"],
      ["barrel", "barrels"],
      ["degree", "degrees"],
      ["mph", "mph"],
      ["kph", "kph"],
      ["megawatt", "megawatts", "mw"],
    ] as const
  ).flatMap(([unit, ...forms]) => [[unit, unit] as const, ...forms.map((f) => [f, unit] as const)]),
);

/** Words spelling "%" after a number ("45 percent"; "per cent" is matched as two words). */
export const PERCENT_WORDS: ReadonlySet<string> = new Set(["percent", "pct"]);

/** Qualifiers before a number, longest first; each maps to the figure's precision. */
export const QUALIFIERS: readonly (readonly [string, "approximate" | "at-least" | "at-most"])[] = [
  ["no fewer than", "at-least"],
  ["no less than", "at-least"],
  ["no more than", "at-most"],
  ["in excess of", "at-least"],
  ["as many as", "at-most"],
  ["as much as", "at-most"],
  ["an estimated", "approximate"],
  ["more than", "at-least"],
  ["greater than", "at-least"],
  ["upwards of", "at-least"],
  ["at least", "at-least"],
  ["just over", "at-least"],
  ["fewer than", "at-most"],
  ["less than", "at-most"],
  ["at most", "at-most"],
  ["up to", "at-most"],
  ["just under", "at-most"],
  ["close to", "approximate"],
  ["approximately", "approximate"],
  ["estimated", "approximate"],
  ["roughly", "approximate"],
  ["around", "approximate"],
  ["about", "approximate"],
  ["nearly", "approximate"],
  ["almost", "approximate"],
  ["some", "approximate"],
  ["circa", "approximate"],
  ["over", "at-least"],
  ["under", "at-most"],
  ["below", "at-most"],
];

/**
 * Closed-class and light words that end the noun phrase after a number: "the 20 were killed"
 * counts nothing, "three of them" counts nothing.
 */
export const PHRASE_STOPS: ReadonlySet<string> = new Set(
  `a an the of in on at to for from by with without and or but nor that which who whom whose this these
those it its he she they them his her their our we you i me my your us was were is are be been being am
had has have do does did will would could should may might must can shall not no as than then so if
when while after before since until per each every into onto over under about between among during
through against across more most less least also only just all both such there here what where why
how ago later earlier said says say told times others ones percent per cent again too very even still
out up down off away back each either neither yet because though although whether else`.split(/\s+/),
);

/** Words that read as plural but are not the counted thing ("20 news outlets" counts outlets). */
export const NOT_PLURAL: ReadonlySet<string> = new Set([
  "news",
  "series",
  "species",
  "means",
  "status",
  "bus",
  "gas",
  "focus",
  "chaos",
  "thus",
  "plus",
  "bonus",
  "census",
  "campus",
  "virus",
  "crisis",
  "analysis",
  "basis",
  "always",
  "sometimes",
  "perhaps",
  "towards",
]);

/** Irregular plurals → singular: the counted thing is reported in the singular. */
export const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ["people", "person"],
  ["persons", "person"],
  ["men", "man"],
  ["women", "woman"],
  ["children", "child"],
  ["feet", "foot"],
  ["teeth", "tooth"],
  ["mice", "mouse"],
  ["geese", "goose"],
  ["police", "police"],
  ["personnel", "personnel"],
  ["staff", "staff"],
  ["cattle", "cattle"],
  ["livestock", "livestock"],
  ["militia", "militia"],
  ["lives", "life"],
  ["wives", "wife"],
  ["knives", "knife"],
  ["halves", "half"],
  ["thieves", "thief"],
  ["leaves", "leaf"],
  ["shelves", "shelf"],
  ["wolves", "wolf"],
  ["crises", "crisis"],
  ["analyses", "analysis"],
  ["aircraft", "aircraft"],
  ["civilians", "civilian"],
]);

/** Month names and their abbreviations: a number next to one is a date, not a figure. */
export const MONTHS: ReadonlySet<string> = new Set(
  `january february march april may june july august september october november december jan feb mar apr
jun jul aug sep sept oct nov dec`.split(/\s+/),
);

/**
 * Words that make the following number a label, not a quantity: "Resolution 2254 calls",
 * "Article 5 states", "Flight 17 crashed".
 */
export const LABEL_WORDS: ReadonlySet<string> = new Set(
  `article articles resolution resolutions flight route chapter section room no nos number page pages vol
volume paragraph item level phase stage category grade class type version model episode season part act
amendment bill law decree order gate platform terminal block unit lot highway interstate channel line
district ward precinct zone sector tier rank size round question exhibit figure table note
verse psalm step`.split(/\s+/),
);

/** Words before a year that make a four-digit number a year ("in 2016", "since 2012"). */
export const YEAR_LEAD_WORDS: ReadonlySet<string> = new Set(
  `in since by until till during from before after early late mid of around between and through circa
spring summer autumn fall winter year`.split(/\s+/),
);

/** Words after a clock number ("10 a.m.", "7 pm", "6 o'clock"). */
export const CLOCK_WORDS: ReadonlySet<string> = new Set([
  "am",
  "pm",
  "a.m",
  "p.m",
  "o'clock",
  "o’clock",
  "gmt",
  "utc",
]);
