import type { Reading, Story } from "../model/index.js";
import { supportClaims } from "./claims.js";
import { findCoverage } from "./coverage.js";
import { mergeStoryEntities } from "./entities.js";
import { groupFigures } from "./figures.js";
import { groupQuotes } from "./quotes.js";
import { findReuse } from "./reuse.js";
import { buildTimeline } from "./timeline.js";
import { findWitnesses } from "./witnesses.js";

/** Pure: the readings of one story in, the versions lined up out. */
export function triangulate(readings: readonly Reading[]): Story {
  const entities = mergeStoryEntities(readings.map((r) => ({ article: r.article.id, entities: r.entities })));
  const quoteGroups = groupQuotes(readings, entities);
  const figureGroups = groupFigures(readings);
  const reuse = findReuse(readings);
  const witnesses = findWitnesses(readings, reuse);
  const timeline = buildTimeline(readings, reuse);
  const claimSupport = supportClaims(readings, { quoteGroups, figureGroups, witnesses });
  const coverage = findCoverage(readings, { quoteGroups, reuse, witnesses });
  return {
    readings: [...readings],
    entities,
    quoteGroups,
    figureGroups,
    reuse,
    witnesses,
    claimSupport,
    coverage,
    timeline,
  };
}
