/**
 * Small invented articles for the corpus tests: two earthquakes (same kind of event, different
 * place, day, magnitude and people), and two celebrity rehab stories. Written for these tests;
 * no real article text.
 */
import type { CorpusDoc } from "../../src/corpus/index.js";

export const QUAKE_A: CorpusDoc[] = [
  {
    id: "a1",
    title: "Magnitude 6.4 earthquake strikes near Padang, Sumatra",
    text: `PADANG, Indonesia, March 3, 2011 - A magnitude 6.4 earthquake struck off the coast of western Sumatra on Thursday, killing at least 41 people and trapping dozens under collapsed buildings in Padang, officials said.
The quake hit at 5:16 pm local time at a depth of 24 kilometres, the Indonesian Meteorology and Geophysics Agency said. Rescue workers searched the rubble of a collapsed hotel in the city centre through the night.
"We are still pulling people out of the Ambacang Hotel," said Rustam Effendi, head of the West Sumatra disaster agency. A tsunami warning was issued and lifted an hour later.`,
  },
  {
    id: "a2",
    title: "Death toll in Sumatra quake rises to 58",
    text: `The death toll from Thursday's earthquake in western Sumatra rose to 58 on Friday as rescuers in Padang dug through the remains of the Ambacang Hotel, Indonesian officials said.
Rustam Effendi of the West Sumatra disaster agency said more than 300 people were injured. The magnitude 6.4 quake struck at a depth of 24 kilometres off the coast on March 3.
"We are still pulling people out of the Ambacang Hotel," Effendi told reporters. President Susilo Bambang Yudhoyono flew to Padang to inspect the damage.`,
  },
  {
    id: "a3",
    text: `Indonesia's President Susilo Bambang Yudhoyono visited Padang on Saturday, two days after a magnitude 6.4 earthquake killed 58 people in West Sumatra.
Aid agencies sent tents and water to families whose homes collapsed. The Ambacang Hotel, where most of the victims died, will be demolished, the mayor of Padang, Fauzi Bahar, said.
Seismologists said the quake, centred 24 kilometres under the sea floor, was one of the strongest to hit Sumatra since 2009.`,
  },
];

export const QUAKE_B: CorpusDoc[] = [
  {
    id: "b1",
    title: "Magnitude 5.9 earthquake rattles Bakersfield, California",
    text: `BAKERSFIELD, Calif., October 14, 2014 - A magnitude 5.9 earthquake struck near Bakersfield on Tuesday morning, killing two people and damaging dozens of buildings across Kern County, officials said.
The quake hit at 6:42 am at a depth of 11 kilometres, the US Geological Survey said. Firefighters searched a collapsed warehouse on the edge of the city.
"This is the strongest shaking Kern County has felt in decades," said Sheriff Donny Youngblood. Power was cut to 40,000 homes.`,
  },
  {
    id: "b2",
    title: "Bakersfield quake: two dead, 40,000 without power",
    text: `Crews restored power on Wednesday to most of the 40,000 Kern County homes left dark by Tuesday's magnitude 5.9 earthquake near Bakersfield, the utility said.
Sheriff Donny Youngblood said two people died when a warehouse wall collapsed. The US Geological Survey said the quake struck 11 kilometres deep on October 14.
"This is the strongest shaking Kern County has felt in decades," Youngblood told reporters. Governor Jerry Brown declared a state of emergency in the county.`,
  },
  {
    id: "b3",
    text: `Governor Jerry Brown toured Bakersfield on Thursday, two days after a magnitude 5.9 earthquake killed two people in Kern County.
Inspectors from the city checked schools and bridges for cracks. The warehouse where both victims died belonged to a fruit packer, Kern County officials said.
Seismologists at the US Geological Survey said aftershocks of magnitude 4 or more could follow for weeks.`,
  },
];

export const REHAB: CorpusDoc[] = [
  {
    id: "r1",
    text: `Actress Maren Holloway has checked into the Silverpine Recovery Center in Malibu, her publicist Dana Whitcombe said on Tuesday.
"Maren asks for privacy while she focuses on her health," Whitcombe said in a statement. Holloway, 31, starred in the comedy series Second Avenue.`,
  },
  {
    id: "r2",
    text: `Maren Holloway is in rehab. The Second Avenue star entered the Silverpine Recovery Center in Malibu this week, according to her publicist, Dana Whitcombe.
"Maren asks for privacy while she focuses on her health," the statement read. Holloway, 31, was arrested for drunk driving in March.`,
  },
];

/** A long article and a repost of it with a new headline line, a changed word and a footer. */
export const ORIGINAL: CorpusDoc = {
  id: "orig",
  text: `The city council of Norrvik voted on Monday to close the old harbour bridge to cars from next spring, after engineers found cracks in two of its six steel girders.
Mayor Ingrid Solberg said the decision was painful but necessary. "We cannot wait for a bridge to fall before we act," she told the council. The bridge carries about 9,000 cars a day.
Buses and bicycles will still be allowed across, and a temporary ferry will run every twenty minutes during rush hours. The council set aside 14 million kroner for repairs, which are expected to take two years.
Shop owners on the north bank said they feared losing customers. "Half of my trade comes over that bridge," said Per Lindqvist, who runs a bakery on Harbour Street.
Engineers will begin a full survey of the girders in January, and the council will review the closure once the results are in.`,
};

export const REPOST: CorpusDoc = {
  id: "repost",
  text: `Norrvik shuts harbour bridge to cars
The city council of Norrvik voted on Monday to close the old harbour bridge to cars from next spring, after engineers found cracks in two of its six steel girders.
Mayor Ingrid Solberg said the decision was painful but necessary. "We cannot wait for a bridge to fall before we act," she told the council. The bridge carries about 9,000 vehicles a day.
Buses and bicycles will still be allowed across, and a temporary ferry will run every twenty minutes during rush hours. The council set aside 14 million kroner for repairs, which are expected to take two years.
Shop owners on the north bank said they feared losing customers. "Half of my trade comes over that bridge," said Per Lindqvist, who runs a bakery on Harbour Street.
Engineers will begin a full survey of the girders in January, and the council will review the closure once the results are in.
Share this article. Follow us for more local news.`,
};

/**
 * A report of the Bakersfield quake that recalls the Sumatra one as background. Arriving after
 * the Sumatra articles and before any other Bakersfield one, it has only the Sumatra story to
 * join, and its background words are enough to join it.
 */
export const QUAKE_B_RECALL: CorpusDoc = {
  id: "b0",
  text: `A magnitude 5.9 earthquake struck near Bakersfield in Kern County on Tuesday, killing two people when a warehouse collapsed, Sheriff Donny Youngblood said. The US Geological Survey said the quake hit 11 kilometres deep. It was the deadliest quake since the magnitude 6.4 earthquake that killed 58 people in Padang, Sumatra, where rescuers dug through the Ambacang Hotel for days.`,
};

/**
 * Two sibling events: two players of one team arrested on suspicion of drunken driving, three
 * weeks apart. The reports share the team, the city, the coach and the vocabulary of an arrest;
 * the second event's reports recall the first arrest as background, and name a player in their
 * lead that no report of the first event names.
 */
export const ARREST_A: CorpusDoc[] = [
  {
    id: "da1",
    text: `Harbor City Gulls receiver Dale Okafor arrested on suspicion of drunken driving
Harbor City Gulls wide receiver Dale Okafor was arrested early Tuesday on suspicion of drunken driving, police said. Officers stopped his car on the coastal highway at 2:30 am after it was seen weaving between lanes, and Okafor failed a field sobriety test.
He was booked into the county jail and released on bail later that morning. "We are aware of the situation and are gathering information," the Gulls said in a statement. Coach Luis Reyes said the team would handle the matter internally.`,
  },
  {
    id: "da2",
    text: `Gulls' Okafor arrested on DUI suspicion
Dale Okafor, the Harbor City Gulls' leading receiver, was arrested on suspicion of drunken driving early Tuesday, five days before the team's playoff game, police said.
Okafor failed a field sobriety test after officers stopped him on the coastal highway, and he was booked into the county jail before being released on bail. Coach Luis Reyes said Okafor would play on Sunday. "He made a mistake and he knows it," Reyes said.`,
  },
  {
    id: "da3",
    text: `Okafor says he will fight drunken driving charge
Harbor City Gulls receiver Dale Okafor said on Wednesday that he was not drunk when police arrested him on suspicion of drunken driving on the coastal highway.
"I expect to be cleared," Okafor said in a statement released by his agent. Police said he failed a field sobriety test after his car was seen weaving at 2:30 am. Coach Luis Reyes said Okafor would start in Sunday's playoff game.`,
  },
];

export const ARREST_B: CorpusDoc[] = [
  {
    id: "db1",
    text: `Gulls lineman Marcus Brandt held after crash near harbour bridge
Defensive lineman Marcus Brandt spent Sunday night in jail after his pickup hit a parked van near the harbour bridge, and officers said he smelled of alcohol, the second arrest of a Gulls player in less than a month.
Brandt refused a breath test at the scene and was taken to the county jail, police said. Nobody was hurt in the crash, and the van's owner said the pickup had been going fast.
The team said it was aware of the arrest. Last month receiver Dale Okafor was arrested on suspicion of drunken driving.`,
  },
  {
    id: "db2",
    text: `Brandt refused breath test after pickup crash, police say
Marcus Brandt, the Gulls' defensive lineman, refused a breath test after his pickup struck a parked van near the harbour bridge late on Sunday, according to the police report.
The van's owner, Teresa Maldonado, said the pickup was going fast. Brandt was released on Monday. His lawyer, Owen Pike, said Brandt would plead not guilty.`,
  },
  {
    id: "db3",
    text: `Prosecutors weigh charges against Marcus Brandt
The county prosecutor is deciding whether to charge Gulls lineman Marcus Brandt after the crash near the harbour bridge, in which his pickup struck a parked van.
His lawyer, Owen Pike, said Brandt had not been drinking and refused the breath test on advice. Van owner Teresa Maldonado has asked for damages.`,
  },
];

/**
 * Two drunken-driving arrests of one team a month apart, told in the same words: the same team,
 * highway, jail and charge, so that the second arrest's reports join the first arrest's story
 * online. Each report leads with its own player; the second arrest's reports recall the first
 * player in their background, the first arrest's never name the second.
 */
export const DUI_FIRST: CorpusDoc[] = [
  {
    id: "dc1",
    text: `Pelicans guard Derek Whitlock arrested on suspicion of drunken driving
Bayport Pelicans guard Derek Whitlock was arrested on suspicion of drunken driving early Sunday on the coastal highway, the state patrol said. Whitlock was stopped for speeding, failed a sobriety test and was booked into the county jail.
He was released on bail. The Pelicans said they were aware of the arrest and would not comment further.`,
  },
  {
    id: "dc2",
    text: `Pelicans' Whitlock arrested for DUI
Bayport Pelicans guard Derek Whitlock was arrested for drunken driving early Sunday after the state patrol stopped him for speeding on the coastal highway.
Whitlock failed a sobriety test and spent the night in the county jail before he was released on bail, a patrol spokesman said. The Pelicans declined to comment.`,
  },
  {
    id: "dc3",
    text: `Pelicans guard Derek Whitlock faces DUI charge
The county prosecutor will decide this week whether to charge Bayport Pelicans guard Derek Whitlock with drunken driving after his arrest on the coastal highway on Sunday.
Whitlock was stopped by the state patrol for speeding and failed a sobriety test, then spent the night in the county jail. The Pelicans said he would play on Friday.`,
  },
];

export const DUI_SECOND: CorpusDoc[] = [
  {
    id: "dd1",
    text: `Pelicans forward Andre Castellano arrested on suspicion of drunken driving
Bayport Pelicans forward Andre Castellano was arrested on suspicion of drunken driving early Saturday on the coastal highway, the state patrol said, the team's second such arrest in a month. Castellano was stopped for speeding, failed a sobriety test and was booked into the county jail.
He was released on bail. Guard Derek Whitlock was arrested on the same highway last month.`,
  },
  {
    id: "dd2",
    text: `Pelicans' Castellano arrested for DUI
Bayport Pelicans forward Andre Castellano was arrested for drunken driving early Saturday after the state patrol stopped him for speeding on the coastal highway.
Castellano failed a sobriety test and spent the night in the county jail before he was released on bail. The Pelicans declined to comment. Derek Whitlock was arrested last month.`,
  },
  {
    id: "dd3",
    text: `Pelicans forward Andre Castellano faces DUI charge
The county prosecutor will decide this week whether to charge Bayport Pelicans forward Andre Castellano with drunken driving after his arrest on the coastal highway on Saturday.
Castellano was stopped by the state patrol for speeding and failed a sobriety test, then spent the night in the county jail. Guard Derek Whitlock faces the same charge.`,
  },
];

/**
 * One title fight told from either corner: three reports lead with the champion, three with the
 * challenger, and each side's reports name the other fighter further down.
 */
export const FIGHT: CorpusDoc[] = [
  {
    id: "f1",
    text: `Champion Victor Salgado keeps his belt in Reno
Victor Salgado defended his middleweight title on Saturday night at the Silver Dome in Reno, winning a unanimous decision after twelve rounds. The champion was cut above the left eye in the fourth round but controlled the fight from the middle rounds on, landing the heavier punches and pushing forward.
Salgado said afterwards that it was the hardest defence of his career. His opponent, the challenger Kenji Moriyama, had never lost a professional fight before Saturday.`,
  },
  {
    id: "f2",
    text: `Salgado outpoints challenger to retain middleweight crown
Middleweight champion Victor Salgado retained his title with a unanimous decision at the Silver Dome in Reno on Saturday, the judges scoring the bout 116-112, 115-113 and 117-111. A crowd of 9,000 watched him walk through a cut and a heavy third round to take the last four rounds clearly.
Salgado now has 31 wins. Kenji Moriyama, who took the first three rounds on two cards, said he wanted a rematch.`,
  },
  {
    id: "f3",
    text: `Victor Salgado: 'I had to dig deep'
Speaking after his title defence at the Silver Dome in Reno on Saturday, champion Victor Salgado said the cut he suffered in the fourth round changed his plans for the fight. "I had to dig deep and go to the body," he said. The judges gave him a unanimous decision after twelve rounds of a fight that was close until the ninth.
Salgado praised his opponent. "Kenji Moriyama is a real fighter and he will be champion one day," Salgado said.`,
  },
  {
    id: "f4",
    text: `Kenji Moriyama falls short in first title shot
Challenger Kenji Moriyama lost his first professional fight on Saturday night, beaten on points by the middleweight champion at the Silver Dome in Reno after twelve rounds. The unbeaten Japanese fighter took the early rounds with his jab and opened a cut in the fourth, but faded badly after the eighth round.
Moriyama said he had no excuses. He asked for a rematch with Victor Salgado before the end of the year.`,
  },
  {
    id: "f5",
    text: `Moriyama wants rematch after losing title fight in Reno
Kenji Moriyama said on Sunday he wanted a second fight with the champion after losing a unanimous decision in his middleweight title fight at the Silver Dome in Reno on Saturday. The challenger's trainer said the judges' scores of 116-112, 115-113 and 117-111 did not reflect how close the twelve rounds had been.
Moriyama, now 22 wins and one loss, said Victor Salgado was the strongest man he had faced.`,
  },
  {
    id: "f6",
    text: `Moriyama's corner protests scoring of Reno title bout
The trainer of Kenji Moriyama lodged a formal complaint on Sunday over the judging of Saturday's middleweight title fight at the Silver Dome in Reno, which the challenger lost by unanimous decision after twelve rounds. The complaint says one judge had scored the early rounds for the champion despite Moriyama's clear lead.
The commission said it would review the cards. Victor Salgado's promoter called the complaint sour grapes.`,
  },
];

/**
 * Two claims about one product, five short reports each: the maker's first smartwatch will need
 * charging every night (a blog's testers), and its gold edition will cost up to $8,000 (an
 * analyst's note). Every report names the maker, the watch, its chief executive and its
 * launch; beyond that, each claim's reports share only their own claim, in varied words.
 */
export const WATCH_BATTERY: CorpusDoc[] = [
  {
    id: "wb1",
    text: `Corvel Band smartwatch will need charging every night
The Corvel Band, the smartwatch Corvel launches in the spring, will need charging every night, testers told the blog Circuitry. Chief executive Ines Varga has said owners will charge the Corvel Band daily.`,
  },
  {
    id: "wb2",
    text: `Corvel Band battery falls short of a full day
Corvel's smartwatch will not last a day of heavy use, Circuitry reported, citing testers of Corvel Band prototypes. Corvel is still working on battery life before the spring launch, and Ines Varga, its chief executive, expects nightly charging.`,
  },
  {
    id: "wb3",
    text: `Testers say the Corvel Band drains its battery by bedtime
People who wore Corvel Band prototypes told Circuitry the smartwatch runs flat by evening. Corvel launches the Corvel Band in the spring; chief executive Ines Varga said owners would charge it overnight.`,
  },
  {
    id: "wb4",
    text: `Corvel smartwatch battery lasts less than a day, blog says
The Corvel Band's battery gives out before the day ends, the blog Circuitry said, citing testers. Corvel, which launches the smartwatch in the spring, declined to comment; chief executive Ines Varga has said daily charging is expected.`,
  },
  {
    id: "wb5",
    text: `Corvel Band owners face a nightly charge
Testers told Circuitry that Corvel Band prototypes need a recharge each night. Corvel engineers hope to stretch battery life before the smartwatch's spring launch, and chief executive Ines Varga has said owners will charge the Corvel Band as they do their phones.`,
  },
];

export const WATCH_PRICE: CorpusDoc[] = [
  {
    id: "wp1",
    text: `Gold Corvel Band smartwatch could cost $8,000, analyst says
The gold edition of the Corvel Band, the smartwatch Corvel launches this year, could sell for as much as $8,000, Halden Brothers analyst Tomas Reuter wrote to clients. Chief executive Ines Varga has given no price for the Corvel Band.`,
  },
  {
    id: "wp2",
    text: `Analyst: Corvel's gold smartwatch to top $8,000
Halden Brothers analyst Tomas Reuter says the gold Corvel Band will be priced at up to $8,000, according to a note to investors. Corvel, which launches the smartwatch this year, has not discussed prices, and chief executive Ines Varga has named no figure.`,
  },
  {
    id: "wp3",
    text: `Corvel Band gold edition priced up to $8,000, says Halden Brothers
Tomas Reuter of Halden Brothers puts the gold Corvel Band at as much as $8,000. Chief executive Ines Varga will announce the smartwatch's prices before its launch.`,
  },
  {
    id: "wp4",
    text: `How much for a gold Corvel Band? Up to $8,000
An 18-karat gold Corvel Band may cost up to $8,000, Halden Brothers analyst Tomas Reuter wrote. Corvel will launch the smartwatch this year; chief executive Ines Varga has named no price.`,
  },
  {
    id: "wp5",
    text: `Halden Brothers' Reuter sees $8,000 gold Corvel Band
The most expensive Corvel Band, in gold, will cost as much as $8,000, Tomas Reuter of Halden Brothers said. Corvel launches the smartwatch this year, and Ines Varga, the chief executive, has kept the Corvel Band's prices quiet.`,
  },
];

/**
 * One event told in two waves that share few words: the first reports of an undersea cable cut,
 * and reports of the repair filed the same day. Every lead gives the day.
 */
export const CABLE_CUT: CorpusDoc[] = [
  {
    id: "c1",
    text: `ALEXANDRIA, Egypt, August 16, 2011 - An undersea fibre-optic cable was cut off the coast of Alexandria on Tuesday, slowing internet access across Egypt and cutting some mobile data links, Deltanet said.
The break hit the Hala link between Alexandria and Marseille, the company said. Users in Cairo reported pages loading slowly or not at all.`,
  },
  {
    id: "c2",
    text: `CAIRO, August 16, 2011 - Internet users across Egypt faced slow connections on Tuesday after a submarine cable was severed near Alexandria, Deltanet said.
The company said the Hala link to Marseille was damaged, possibly by a ship's anchor. Mobile operators said some data services were cut.`,
  },
  {
    id: "c3",
    text: `Slow internet in Egypt: the Hala cable off Alexandria was cut on August 16, 2011, Deltanet confirmed, and an investigation into a ship's anchor was under way.
Cairo users complained of pages that would not load.`,
  },
];

export const CABLE_REPAIR: CorpusDoc[] = [
  {
    id: "p1",
    text: `CAIRO, August 16, 2011 - Egyptian operators rerouted traffic through other systems on Tuesday while a repair vessel sailed from Crete toward the damaged Hala line, an executive of Nilecom said.
Engineers expected the splice to take about ten days. Banks and airlines were asked to limit large transfers.`,
  },
  {
    id: "p2",
    text: `August 16, 2011 - A repair vessel left Crete for the stretch of the Hala line that broke off Alexandria, Nilecom said, and its engineers expect about ten days of work.
Operators moved traffic onto other routes, and banks were told to hold back large transfers.`,
  },
  {
    id: "p3",
    text: `Nilecom says repairs to the Hala line need about ten days once the vessel from Crete arrives (August 16, 2011). Egyptian operators are sending traffic over other routes.`,
  },
];

/**
 * Two editions of one recurring event in one country: the 2010 parliamentary election, told by
 * undated reports whose only years are 2010 and before, and the 2015 one, told by dated reports
 * that recall the 2010 vote. Same words, same places, no person in any lead.
 */
export const ELECTION_2010: CorpusDoc[] = [
  {
    id: "e1",
    text: `Voters in Veldania elect a new parliament
Voters in Veldania cast ballots on Sunday in a parliamentary election for the 150 seats of the National Assembly in Port Arlen, the first since the 2009 constitution. The Central Election Commission said turnout was high at polling stations across the country.
Observers from the regional security body said the campaign was calm but that opposition parties had little access to state television.`,
  },
  {
    id: "e2",
    text: `Veldania parliamentary election ends
Polling stations closed on Sunday evening in Veldania's parliamentary election, the Central Election Commission said in Port Arlen. Turnout reached 78 percent of the 3.1 million registered voters, up from the 2005 vote.
Preliminary results for the 150 seats of the National Assembly are expected on Tuesday, the commission said.`,
  },
  {
    id: "e3",
    text: `Ruling party leads in Veldania parliamentary election
The ruling party took an early lead in the count of Veldania's parliamentary election on Monday, the Central Election Commission in Port Arlen said, as observers criticised the 2010 campaign for the 150-seat National Assembly.
Opposition parties said polling stations had opened late in the north of the country.`,
  },
  {
    id: "e4",
    text: `Observers fault Veldania parliamentary vote
Observers from the regional security body said on Monday that Sunday's parliamentary election in Veldania fell short of standards, pointing to the state television coverage of the campaign. The vote for the 150 seats of the National Assembly in Port Arlen was the country's third since 2001.
The Central Election Commission rejected the criticism and said turnout was high.`,
  },
  {
    id: "e5",
    text: `Veldania counts votes after parliamentary election
Officials of the Central Election Commission in Port Arlen counted ballots on Monday after Veldania's parliamentary election for the 150 seats of the National Assembly.
The ruling party is expected to keep its majority, while opposition parties complained about polling stations in the north of the country.`,
  },
];

export const ELECTION_2015: CorpusDoc[] = [
  {
    id: "n1",
    text: `Veldania sets date for parliamentary election
PORT ARLEN, March 2, 2015 - Veldania will hold its parliamentary election for the 150 seats of the National Assembly on May 17, the Central Election Commission said on Monday. Opposition parties, which boycotted part of the 2010 vote, said they would take part.
Observers from the regional security body will monitor polling stations across the country.`,
  },
  {
    id: "n2",
    text: `Veldania opposition registers for parliamentary election
PORT ARLEN, March 9, 2015 - Three opposition parties registered with the Central Election Commission on Monday for Veldania's parliamentary election, in which the 150 seats of the National Assembly will be contested.
The ruling party won a large majority in the 2010 election, which observers criticised for the state television coverage of the campaign.`,
  },
  {
    id: "n3",
    text: `Veldania to invite observers to parliamentary election
PORT ARLEN, March 11, 2015 - Veldania will invite observers from the regional security body to its parliamentary election for the National Assembly, the Central Election Commission said. Polling stations will open across the country for the 150 seats.
Turnout in the last parliamentary election, in 2010, was 78 percent.`,
  },
];

/**
 * Two floods of one river in one town, four years apart: the 2009 one told by undated reports
 * whose only years are 2009 and before, the 2013 one by dated reports; same places, same words,
 * each led by the mayor of its day.
 */
export const FLOOD_2009: CorpusDoc[] = [
  {
    id: "o1",
    text: `River Aldern bursts its banks in Brenwick
Mayor Tomas Hedlund ordered the evacuation of the lower town of Brenwick on Saturday after the River Aldern burst its banks, flooding streets near the old bridge. Firefighters used boats to reach residents trapped in their homes, and the regional water authority said the river was still rising.
About 2,000 people spent the night in school halls, the town council said. The Aldern last flooded the town in 1997.`,
  },
  {
    id: "o2",
    text: `Brenwick flood: hundreds still out of their homes
Mayor Tomas Hedlund said on Monday that hundreds of Brenwick residents could not yet return to the lower town, where the River Aldern flooded streets and cellars near the old bridge over the weekend. The regional water authority said the river had begun to fall.
Insurers estimated the damage of the 2009 flood at several million euros.`,
  },
  {
    id: "o3",
    text: `Brenwick begins clean-up after Aldern flood
Residents of Brenwick's lower town began clearing mud from their homes and cellars on Tuesday as the River Aldern fell back below its banks, Mayor Tomas Hedlund said. The regional water authority said the old bridge would stay closed until engineers had inspected it.`,
  },
];
export const FLOOD_2013: CorpusDoc[] = [
  {
    id: "w1",
    text: `Brenwick evacuates lower town as Aldern rises
BRENWICK, June 2, 2013 - Mayor Ines Varga ordered the lower town of Brenwick evacuated on Sunday as the River Aldern rose over its banks near the old bridge. Firefighters went from house to house and the regional water authority warned that the river would peak overnight.
Residents were sent to school halls, the town council said.`,
  },
  {
    id: "w2",
    text: `Aldern floods streets of Brenwick
BRENWICK, June 3, 2013 - The River Aldern flooded the streets of Brenwick's lower town on Monday, Mayor Ines Varga said, and firefighters used boats to reach residents who had stayed in their homes. The regional water authority said the river had not yet peaked.
The town council opened more school halls for those evacuated.`,
  },
  {
    id: "w3",
    text: `Brenwick flood waters begin to fall
BRENWICK, June 5, 2013 - Flood waters in the lower town of Brenwick began to fall on Wednesday, the regional water authority said, and Mayor Ines Varga said residents could return to streets near the old bridge within days. The River Aldern had burst its banks on Sunday.
Insurers said the damage would run to several million euros.`,
  },
];

/**
 * A report of the 2009 flood told in the words of the 2013 one's first report: only its last
 * line, with its year, tells it apart.
 */
export const FLOOD_2009_EVACUATION: CorpusDoc = {
  id: "ox",
  text: `Brenwick lower town evacuated as Aldern rises
Firefighters went from house to house in the lower town of Brenwick as the River Aldern rose over its banks near the old bridge, and the regional water authority warned that the river would peak overnight. Residents were sent to school halls, the town council said.
Insurers said the damage of the 2009 flood would run to several million euros.`,
};
