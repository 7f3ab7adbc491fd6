/** Word lists of the corpus features: function words, and the calendar. */

/**
 * English function words and the most generic news verbs. They carry no story; leaving them
 * out of the term vector keeps it small (IDF would weigh them near zero anyway). A capitalised
 * function word ("The", "But", "He") is not a name either.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above across after afterwards again against all almost alone along already also although always am
among amongst an and another any anyhow anyone anything anyway anywhere are around as at back be became because
become becomes becoming been before beforehand behind being below beside besides between beyond both but by can
cannot could did do does doing done down during each either else elsewhere enough etc even ever every everyone
everything everywhere except few for former formerly from further had has have having he hence her here
hereafter hereby herein hers herself him himself his how however i if in indeed into is it its itself just
last latter latterly least less many may me meanwhile might mine more moreover most mostly much must my myself
namely neither never nevertheless next no nobody none noone nor not nothing now nowhere of off often on once
one only onto or other others otherwise our ours ourselves out over own per perhaps please rather re same
seem seemed seeming seems several she should since so some somehow someone something sometime sometimes
somewhere still such than that the their theirs them themselves then thence there thereafter thereby therefore
therein thereupon these they this those though through throughout thru thus to together too toward towards
under until up upon us very via was we well were what whatever when whence whenever where whereafter whereas
whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will with
within without would yet you your yours yourself yourselves said says say saying told tell tells according
also just like get got going go goes went make made makes s t don didn doesn isn wasn aren weren won wouldn
couldn shouldn ve ll d m o y ago yes oh mr mrs ms dr st`.split(/\s+/),
);

/** Month names and their usual abbreviations → month number. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ["january", 1],
  ["jan", 1],
  ["february", 2],
  ["feb", 2],
  ["march", 3],
  ["mar", 3],
  ["april", 4],
  ["apr", 4],
  ["may", 5],
  ["june", 6],
  ["jun", 6],
  ["july", 7],
  ["jul", 7],
  ["august", 8],
  ["aug", 8],
  ["september", 9],
  ["sep", 9],
  ["sept", 9],
  ["october", 10],
  ["oct", 10],
  ["november", 11],
  ["nov", 11],
  ["december", 12],
  ["dec", 12],
]);

/** Days of the week and other calendar words: capitalised, but not names of anything in a story. */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  `monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
today yesterday tomorrow tonight am pm a.m p.m edt est pdt pst cdt cst gmt utc bst cet et pt`.split(/\s+/),
);
