/**
 * An invented story in four versions: a wire report, a trimmed re-publication, an edited
 * re-publication with its own intro, and an independent report of the same event that quotes the
 * same official. Every version ends with the same newsletter line, as scraped pages often do.
 */
import type { Reading } from "../../src/model/index.js";
import { makeReading } from "./builder.js";

export const BOILERPLATE = "Follow us on Twitter and Facebook for the latest news from the region.";

/** The ten-word quote every version carries. */
export const SHARED_QUOTE = "We will not allow this town to be forgotten again";

export const WIRE = [
  "Engineers at the Kestrel Valley dam began releasing water on Tuesday after three days of heavy rain pushed the reservoir to its highest level in almost two decades, the regional water authority said.",
  "The authority said the controlled release would raise the river by up to half a metre in the low-lying districts of Marrow Bridge and Eastholm, and urged residents near the banks to move cars and valuables to higher ground before nightfall.",
  `“${SHARED_QUOTE},” said Helen Dray, the mayor of Marrow Bridge, speaking at an emergency meeting in the town hall on Tuesday afternoon.`,
  "About 1,200 homes were flooded in the same districts in 2009, when the dam's spillway gates jammed and the river burst its banks overnight, forcing the evacuation of two schools and a care home.",
  "The authority said the gates had been replaced in 2015 and tested again last month, and that engineers would monitor the structure around the clock until the rain eased.",
  "Forecasters expect a further 40 millimetres of rain over the hills on Wednesday before drier weather arrives at the weekend.",
  "Shops in the centre of Marrow Bridge closed early, and the local council opened a sports hall on Mill Lane as a rest centre for anyone who needs to leave their home.",
  BOILERPLATE,
];

export const TRIMMED = [...WIRE.slice(0, 4), BOILERPLATE];

export const EDITED = [
  "Residents of two riverside districts were told to prepare for flooding as a dam upstream opened its gates for the first time in years.",
  "Engineers at the Kestrel Valley dam began releasing water on Tuesday after three days of heavy rain pushed the reservoir to its highest level in nearly two decades, the provincial water authority said.",
  "The authority said the controlled release would raise the river by up to half a metre in the low-lying districts of Marrow Bridge and Eastholm, and urged residents near the banks to move cars and valuables to higher ground.",
  `“${SHARED_QUOTE},” said Helen Dray, the mayor of Marrow Bridge, speaking at an emergency meeting in the town hall on Tuesday afternoon.`,
  "The authority said the gates had been replaced in 2015 and tested again last month, and that engineers would monitor the structure around the clock until the rain eased.",
  BOILERPLATE,
];

export const INDEPENDENT = [
  "Sandbags were stacked outside the bakery on Marrow Bridge high street by lunchtime, as word spread that the dam upstream would open its gates within hours.",
  `Mayor Helen Dray told a packed town hall that the council had learned from the floods of 2009. “${SHARED_QUOTE},” she said to applause.`,
  "Water authority officials at the meeting declined to say how long the release would last, saying it depended on how much more rain fell on the hills.",
  "Tom Ashby, who runs a hardware shop near the river, said he had sold out of pumps and waterproof boards by mid-morning and had a waiting list for more.",
  BOILERPLATE,
];

export function storyReadings(): Reading[] {
  return [
    makeReading("wire", "2023-03-14T09:00:00Z", WIRE, { outlet: "Northern Wire" }),
    makeReading("trimmed", "2023-03-14T15:30:00Z", TRIMMED, { outlet: "Valley Gazette" }),
    makeReading("edited", "2023-03-15", EDITED, { outlet: "Riverside Post" }),
    makeReading("independent", "2023-03-14", INDEPENDENT, { outlet: "Marrow Bridge Echo" }),
  ];
}
