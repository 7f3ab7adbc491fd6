/**
 * Where the article sits in the page: Readability's content scoring, done in linear time on the
 * bounded tree. Every paragraph of running text votes for the elements above it (its parent fully,
 * its grandparent half, further ancestors less), votes weigh commas and length, candidates are
 * weighed by their class names and discounted by their link density, and the winner's siblings
 * join it when they look like more of the same. Thresholds and patterns are Readability's, which
 * are tuned on years of real pages; what differs is that nothing here re-reads the DOM, so a page
 * costs one pass however it nests.
 */
import { attr, type HElement, type ParsedHtml, type Run } from "./dom.js";
import { type ElementStats, linkDensity } from "./stats.js";

/** Paragraphs shorter than this (characters) do not vote: labels, buttons, bylines. */
const MIN_PARAGRAPH_CHARS = 25;
/** A paragraph's length adds a point per this many characters, up to LENGTH_POINTS_MAX. */
const LENGTH_POINT_CHARS = 100;
const LENGTH_POINTS_MAX = 3;
/** How many ancestors a paragraph votes for. */
const VOTED_ANCESTORS = 5;
/** A class or id naming content (or furniture) is worth this many points either way. */
const CLASS_WEIGHT = 25;
/** Candidates kept for the "is the article their common ancestor?" check. */
const TOP_CANDIDATES = 5;
/** Alternatives scoring this close to the winner, at least MIN_ALTERNATIVES of them, pull it up to their common ancestor. */
const ALTERNATIVE_SHARE = 0.75;
const MIN_ALTERNATIVES = 3;
/** A sibling joins the article when it scores this share of the winner (and at least SIBLING_MIN_SCORE). */
const SIBLING_SHARE = 0.2;
const SIBLING_MIN_SCORE = 10;
/** A paragraph sibling joins on its own when longer than this with low link density… */
const SIBLING_PARAGRAPH_CHARS = 80;
const SIBLING_MAX_LINK_DENSITY = 0.25;
/** …and a scored sibling only when under a third of its text is links: more is a teaser list ("Most popular"). */
const SIBLING_MAX_LINK_DENSITY_SCORED = 0.33;

/**
 * Adjacent prose may lift the winner this many levels a step (a paragraph wrapped in div, p, span
 * and an inline tag is four; what follows the winner must be nearer), in at most this many steps.
 */
const ADJACENT_MAX_LEVELS = 4;
const ADJACENT_AFTER_MAX_LEVELS = 2;
const ADJACENT_MAX_STEPS = 5;

/**
 * Class and id fragments of page parts that are never the article (Readability's
 * unlikelyCandidates), unless another fragment says content (MAYBE_CANDIDATE).
 */
const UNLIKELY_CANDIDATE =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE_CANDIDATE = /and|article|body|column|content|main|mathjax|shadow/i;
const UNLIKELY_ROLES = new Set([
  "menu",
  "menubar",
  "complementary",
  "navigation",
  "alert",
  "alertdialog",
  "dialog",
]);
const POSITIVE_CLASS = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE_CLASS =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;

/** Containers whose text is a paragraph that votes (Readability's tags to score, and divs used as paragraphs). */
const VOTING_CONTAINERS = new Set([
  "p",
  "pre",
  "td",
  "section",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "div",
  "article",
  "main",
  "blockquote",
  "center",
  // List items of prose vote too: articles made of bullet points are common, and menus, whose
  // items are links, lose their votes to link density anyway.
  "li",
]);

/** Text inside these is a form's controls and labels, never article prose, whatever its length. */
const CONTROL_TAGS = new Set(["form", "select", "option", "button", "label", "textarea"]);

/** Base score of a candidate by its tag: what kinds of element usually hold articles. */
const TAG_BASE: Readonly<Record<string, number>> = {
  div: 5,
  pre: 3,
  td: 3,
  blockquote: 3,
  address: -3,
  ol: -3,
  ul: -3,
  dl: -3,
  dd: -3,
  dt: -3,
  li: -3,
  form: -3,
  h1: -5,
  h2: -5,
  h3: -5,
  h4: -5,
  h5: -5,
  h6: -5,
  th: -5,
};

export interface ScoreOptions {
  /** Skip page parts whose class says furniture (first attempt); off when that left too little. */
  skipUnlikely: boolean;
  /** Weigh candidates by class names; off when the site's class names mislead. */
  weighClasses: boolean;
}

export interface Scored {
  /** Candidate scores by element id (link density applied); 0 where an element got no votes. */
  scores: Float64Array;
  /** The winner and the siblings that join it, in document order. */
  article: HElement[];
  top: HElement;
}

/** Readability's class weight: +25 for a content-like class or id, −25 for a furniture-like one. */
export function classWeight(e: HElement): number {
  let weight = 0;
  const cls = attr(e, "class");
  if (cls) {
    if (NEGATIVE_CLASS.test(cls)) weight -= CLASS_WEIGHT;
    if (POSITIVE_CLASS.test(cls)) weight += CLASS_WEIGHT;
  }
  const id = attr(e, "id");
  if (id) {
    if (NEGATIVE_CLASS.test(id)) weight -= CLASS_WEIGHT;
    if (POSITIVE_CLASS.test(id)) weight += CLASS_WEIGHT;
  }
  return weight;
}

/**
 * Elements never considered: furniture by class or role, unless they hold what marks the main
 * content (the h1, an <article>, itemprop=articleBody), which a page-wide wrapper with a class
 * like "has-comments" does.
 */
export function unlikelyElements(parsed: ParsedHtml): Uint8Array {
  const n = parsed.elements.length;
  const holdsMain = new Uint8Array(n);
  for (const e of parsed.elements) {
    const main = e.tag === "h1" || e.tag === "article" || /articlebody/i.test(attr(e, "itemprop") ?? "");
    if (!main) continue;
    for (let a: HElement | null = e; a !== null && holdsMain[a.id] === 0; a = a.parent) holdsMain[a.id] = 1;
  }
  const unlikely = new Uint8Array(n);
  for (const e of parsed.elements) {
    if (e.tag === "body" || e.tag === "a" || e.tag === "html" || e.tag === "#root") continue;
    if (holdsMain[e.id] === 1) continue;
    const role = attr(e, "role");
    const names = `${attr(e, "class") ?? ""} ${attr(e, "id") ?? ""}`;
    if (
      (role !== null && UNLIKELY_ROLES.has(role)) ||
      (UNLIKELY_CANDIDATE.test(names) && !MAYBE_CANDIDATE.test(names) && !insideTableOrCode(e))
    ) {
      unlikely[e.id] = 1;
    }
  }
  // Inside an unlikely element is unlikely too: parents precede children in id order.
  for (const e of parsed.elements) {
    if (e.parent !== null && unlikely[e.parent.id] === 1) unlikely[e.id] = 1;
  }
  return unlikely;
}

function insideTableOrCode(e: HElement): boolean {
  for (let a = e.parent; a !== null; a = a.parent) if (a.tag === "table" || a.tag === "code") return true;
  return false;
}

/** The paragraph a run stands for, and the first element it votes for. */
function voter(run: Run, stats: ElementStats): HElement | null {
  const c = run.container;
  if (!VOTING_CONTAINERS.has(c.tag)) return null;
  for (let a: HElement | null = c; a !== null; a = a.parent) if (CONTROL_TAGS.has(a.tag)) return null;
  // Loose text in a div beside blocks is a paragraph of its own inside the div (Readability wraps it in a <p>).
  return stats.blockChildren[c.id]! > 0 && c.tag !== "p" ? c : c.parent;
}

export function scoreCandidates(
  parsed: ParsedHtml,
  runs: readonly Run[],
  stats: ElementStats,
  unlikely: Uint8Array | null,
  options: ScoreOptions,
): Scored | null {
  const n = parsed.elements.length;
  const votes = new Float64Array(n);
  const initialised = new Uint8Array(n);
  for (const run of runs) {
    if (unlikely !== null && unlikely[run.container.id] === 1) continue;
    if (run.text.length < MIN_PARAGRAPH_CHARS) continue;
    const first = voter(run, stats);
    if (first === null) continue;
    const points =
      1 +
      countCommasIn(run.text) +
      Math.min(Math.floor(run.text.length / LENGTH_POINT_CHARS), LENGTH_POINTS_MAX);
    let level = 0;
    for (let e: HElement | null = first; e !== null && level < VOTED_ANCESTORS; e = e.parent, level++) {
      if (e.tag === "#root" || e.tag === "html") break;
      if (initialised[e.id] === 0) {
        initialised[e.id] = 1;
        votes[e.id] = (TAG_BASE[e.tag] ?? 0) + (options.weighClasses ? classWeight(e) : 0);
      }
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      votes[e.id]! += points / divider;
    }
  }
  const scores = new Float64Array(n);
  const top: HElement[] = [];
  for (let id = 0; id < n; id++) {
    if (initialised[id] === 0) continue;
    const e = parsed.elements[id]!;
    scores[id] = votes[id]! * (1 - linkDensity(stats, e));
    insertTop(top, e, scores);
  }
  let winner = top[0];
  if (winner === undefined) return null;
  winner = pullUpToCommonAncestor(winner, top, scores);
  winner = climbWhileParentScoresHigher(winner, scores);
  winner = gatherSameClassSections(winner, parsed, scores);
  winner = takeInAdjacentProse(winner, runs, stats, unlikely);
  while (winner.parent !== null && isOnlyElementChild(winner) && !isPageWrapper(winner.parent))
    winner = winner.parent;
  return { scores, article: withSiblings(winner, scores, stats), top: winner };
}

function countCommasIn(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 0x60c || c === 0x3001 || c === 0xff0c) n++;
  }
  return n;
}

function insertTop(top: HElement[], e: HElement, scores: Float64Array): void {
  const score = scores[e.id]!;
  let i = top.length;
  while (i > 0 && scores[top[i - 1]!.id]! < score) i--;
  if (i >= TOP_CANDIDATES) return;
  top.splice(i, 0, e);
  if (top.length > TOP_CANDIDATES) top.pop();
}

/** Several near-equal candidates inside one ancestor (an article split into sections) mean the ancestor is the article. */
function pullUpToCommonAncestor(winner: HElement, top: readonly HElement[], scores: Float64Array): HElement {
  const best = scores[winner.id]!;
  const alternatives = top.slice(1).filter((e) => scores[e.id]! / best >= ALTERNATIVE_SHARE);
  if (alternatives.length < MIN_ALTERNATIVES) return winner;
  for (let a = winner.parent; a !== null && !isPageWrapper(a); a = a.parent) {
    let inside = 0;
    for (const alt of alternatives) if (isAncestor(a, alt)) inside++;
    if (inside >= MIN_ALTERNATIVES) return a;
  }
  return winner;
}

/** Readability's climb: a parent that outscores the winner while scores stay above a third of it is the better container. */
function climbWhileParentScoresHigher(winner: HElement, scores: Float64Array): HElement {
  let last = scores[winner.id]!;
  const threshold = last / 3;
  for (let parent = winner.parent; parent !== null && !isPageWrapper(parent); parent = parent.parent) {
    const score = scores[parent.id]!;
    if (score === 0) continue;
    if (score < threshold) break;
    if (score > last) return parent;
    last = score;
  }
  return winner;
}

/**
 * Long articles come as a series of sections that the page marks alike ("post__content" after each
 * figure or pull quote), not always siblings of one another. When other elements with the
 * winner's tag and class score like article text, the article is their common ancestor.
 */
function gatherSameClassSections(winner: HElement, parsed: ParsedHtml, scores: Float64Array): HElement {
  const cls = sectionClass(winner);
  if (cls === "") return winner;
  const threshold = scores[winner.id]! * SIBLING_SHARE;
  let common: HElement | null = winner;
  for (const e of parsed.elements) {
    if (e === winner || e.tag !== winner.tag || scores[e.id]! < threshold || sectionClass(e) !== cls)
      continue;
    if (isAncestor(e, winner) || isAncestor(winner, e)) continue;
    while (common !== null && !isAncestor(common, e)) common = common.parent;
    if (common === null) return winner;
  }
  return common === null || isPageWrapper(common) ? winner : common;
}

/**
 * A paragraph of prose right before (or, nearer, after) the winner is more of the article:
 * a lead paragraph kept apart from the body container ("<div class=lead>" then "<div
 * class=body>"), or tag soup that nests each paragraph inside the previous one. The winner grows
 * to the common ancestor, while that is within ADJACENT_MAX_LEVELS of it.
 */
function takeInAdjacentProse(
  winner: HElement,
  runs: readonly Run[],
  stats: ElementStats,
  unlikely: Uint8Array | null,
): HElement {
  let current = winner;
  for (let step = 0; step < ADJACENT_MAX_STEPS; step++) {
    let first = -1;
    let last = -1;
    for (let i = 0; i < runs.length; i++) {
      if (!isAncestorOrSelf(current, runs[i]!.container)) continue;
      if (first < 0) first = i;
      last = i;
    }
    if (first < 0) return current;
    // What follows must be nearer: after an article often comes the next story of a live feed.
    const before = nearestVotingRun(runs, first - 1, -1, unlikely);
    const after = nearestVotingRun(runs, last + 1, 1, unlikely);
    let grown: HElement | null = null;
    for (const [run, levels] of [
      [before, ADJACENT_MAX_LEVELS],
      [after, ADJACENT_AFTER_MAX_LEVELS],
    ] as const) {
      if (run === null || !isCleanProse(run, stats)) continue;
      const common = commonAncestor(current, run.container);
      if (common === null || isPageWrapper(common) || common.depth < current.depth - levels) continue;
      if (grown === null || common.depth < grown.depth) grown = common;
    }
    if (grown === null || grown === current) return current;
    current = grown;
  }
  return current;
}

/** The first run from `from` in direction `step` long enough to vote, skipping furniture. */
function nearestVotingRun(
  runs: readonly Run[],
  from: number,
  step: 1 | -1,
  unlikely: Uint8Array | null,
): Run | null {
  for (let i = from; i >= 0 && i < runs.length; i += step) {
    const run = runs[i]!;
    if (unlikely !== null && unlikely[run.container.id] === 1) continue;
    if (run.text.length >= MIN_PARAGRAPH_CHARS) return run;
  }
  return null;
}

function isCleanProse(run: Run, stats: ElementStats): boolean {
  return (
    run.text.length > SIBLING_PARAGRAPH_CHARS &&
    VOTING_CONTAINERS.has(run.container.tag) &&
    linkDensity(stats, run.container) < SIBLING_MAX_LINK_DENSITY
  );
}

function isAncestorOrSelf(ancestor: HElement, e: HElement): boolean {
  for (let a: HElement | null = e; a !== null; a = a.parent) if (a === ancestor) return true;
  return false;
}

function commonAncestor(a: HElement, b: HElement): HElement | null {
  for (let x: HElement | null = a; x !== null; x = x.parent) if (isAncestorOrSelf(x, b)) return x;
  return null;
}

/** The class with numbers masked: "story-body story-body-2" and "story-body story-body-3" are one kind of section. */
function sectionClass(e: HElement): string {
  return (attr(e, "class") ?? "").trim().replace(/\d+/g, "#");
}

function isPageWrapper(e: HElement): boolean {
  return e.tag === "body" || e.tag === "html" || e.tag === "#root";
}

function isAncestor(ancestor: HElement, e: HElement): boolean {
  for (let a = e.parent; a !== null; a = a.parent) if (a === ancestor) return true;
  return false;
}

function isOnlyElementChild(e: HElement): boolean {
  const parent = e.parent;
  if (parent === null) return false;
  let elements = 0;
  for (const child of parent.children) {
    if (child.type === "element") elements++;
    else if (child.text.trim() !== "") return false;
  }
  return elements === 1;
}

/** The winner and its siblings that score well, share its class, or are clean paragraphs. */
function withSiblings(winner: HElement, scores: Float64Array, stats: ElementStats): HElement[] {
  const parent = winner.parent;
  if (parent === null) return [winner];
  const best = scores[winner.id]!;
  const threshold = Math.max(SIBLING_MIN_SCORE, best * SIBLING_SHARE);
  const winnerClass = attr(winner, "class") ?? "";
  const out: HElement[] = [];
  for (const child of parent.children) {
    if (child.type !== "element" || child.hidden) continue;
    if (child === winner) {
      out.push(child);
      continue;
    }
    const bonus = winnerClass !== "" && attr(child, "class") === winnerClass ? best * SIBLING_SHARE : 0;
    if (
      scores[child.id]! + bonus >= threshold &&
      linkDensity(stats, child) < SIBLING_MAX_LINK_DENSITY_SCORED
    ) {
      out.push(child);
      continue;
    }
    if (child.tag !== "p") continue;
    const density = linkDensity(stats, child);
    const length = stats.chars[child.id]!;
    if (length > SIBLING_PARAGRAPH_CHARS && density < SIBLING_MAX_LINK_DENSITY) out.push(child);
    else if (length > 0 && length <= SIBLING_PARAGRAPH_CHARS && density === 0 && endsSentence(child))
      out.push(child);
  }
  return out;
}

/** Readability's test for a short paragraph worth keeping: it ends a sentence. */
function endsSentence(e: HElement): boolean {
  let last = "";
  for (let i = e.children.length - 1; i >= 0 && last === ""; i--) {
    const c = e.children[i]!;
    if (c.type === "text") last = c.text.trim();
  }
  return /\.(?:\s|$)/.test(last) || last.endsWith(".");
}
