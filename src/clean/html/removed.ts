/**
 * Everything visible on the page that is not in the article, labelled, so a reader can check that
 * nothing real was dropped: each text block of the page that the article (or its metadata) does
 * not account for becomes a removed part, named by its place in the markup, else by its words,
 * else "boilerplate". Neighbouring parts of one kind are merged, and the whole is bounded.
 */
import type { Removed } from "../../model/index.js";
import type { Kind } from "../text/patterns.js";
import { TRUNCATED_KIND } from "../text/prepare.js";
import { ContextKinds, textKind } from "./context.js";
import type { HElement, ParsedHtml, Run } from "./dom.js";

/**
 * Removed text listed per page at most: a reader checks what was dropped on the scale of a page,
 * and a 30 MB page of junk must not become a 30 MB report.
 */
export const MAX_REMOVED_CHARS = 500_000;

/** How much of text that was not analysed is shown, so a reader sees what it was. */
export const PREVIEW_CHARS = 300;

/** What the article took from the page, by the page element each text came from. */
export class KeptText {
  private readonly segments = new Map<number, { texts: string[]; next: number }>();
  private readonly anywhere = new Set<string>();

  add(sourceId: number | null, text: string): void {
    this.anywhere.add(text);
    if (sourceId === null) return;
    let entry = this.segments.get(sourceId);
    if (entry === undefined) {
      entry = { texts: [], next: 0 };
      this.segments.set(sourceId, entry);
    }
    entry.texts.push(text);
  }

  sourceIds(): Iterable<number> {
    return this.segments.keys();
  }

  /**
   * What of a page block is not kept: "" when all of it is, the rest when the article kept part of
   * it (Readability drops buttons and the like inside paragraphs), or the whole text. The
   * article's pieces of one element come in page order, so a cursor per element finds them.
   */
  leftover(run: Run): string {
    const entry = this.segments.get(run.container.id);
    if (this.anywhere.has(run.text)) {
      if (entry !== undefined && entry.texts[entry.next] === run.text) entry.next += 1;
      return "";
    }
    if (entry === undefined) return run.text;
    // Readability splits a block at <br><br> or wraps its loose text: consecutive pieces make it up.
    let joined = "";
    for (let i = entry.next; i < entry.texts.length; i++) {
      joined = joined === "" ? entry.texts[i]! : `${joined} ${entry.texts[i]!}`;
      if (joined === run.text) {
        entry.next = i + 1;
        return "";
      }
      if (!run.text.startsWith(joined)) break;
    }
    const piece = entry.texts[entry.next];
    if (piece !== undefined && piece.length > 0 && run.text.includes(piece)) {
      entry.next += 1;
      return run.text.replace(piece, " ").replace(/\s+/g, " ").trim();
    }
    return run.text;
  }
}

export interface RemovedInput {
  parsed: ParsedHtml;
  runs: readonly Run[];
  kept: KeptText;
  /** Blocks that are the article's metadata (title, byline, date line) where the page shows them. */
  isMetadata: (text: string, run: Run) => boolean;
  /** Page position from which text was not analysed (cost or body bound), or null. */
  analysedEnd: number | null;
}

export function labelRemoved(input: RemovedInput): Removed[] {
  const { parsed, runs, kept } = input;
  // An element holding kept article text is the article's container: its class says nothing about its parts.
  const articleAncestors = new Set<HElement>();
  for (const id of kept.sourceIds()) {
    for (
      let e: HElement | null = parsed.elements[id] ?? null;
      e !== null && !articleAncestors.has(e);
      e = e.parent
    ) {
      articleAncestors.add(e);
    }
  }
  const contexts = new ContextKinds((e) => articleAncestors.has(e));
  const out = new RemovedList();
  let notAnalysed = 0;
  let notAnalysedPreview = "";
  for (const run of runs) {
    const text = kept.leftover(run);
    if (text === "") continue;
    // A block the cut runs through (or lies beyond) was not analysed, whatever part of it was kept.
    if (input.analysedEnd !== null && run.lastPos >= input.analysedEnd) {
      if (notAnalysedPreview.length < PREVIEW_CHARS) notAnalysedPreview += `${text} `;
      notAnalysed += text.length;
      continue;
    }
    // Past the bound only the count matters: skip the (costly) labelling.
    if (out.full()) out.omit(text);
    else if (!input.isMetadata(text, run)) out.add(kindOf(text, run.container, contexts), text);
  }
  const entries = out.finish();
  if (notAnalysed > 0) {
    entries.push({
      kind: TRUNCATED_KIND,
      text: `[${notAnalysed} characters of page text were not analysed (page too large); they begin:] ${notAnalysedPreview.slice(0, PREVIEW_CHARS).trim()}`,
    });
  }
  return entries;
}

function kindOf(text: string, container: HElement, contexts: ContextKinds): Kind {
  const byPlace = contexts.kindOf(container);
  if (byPlace === "comments") return textKind(text) === "reply-form" ? "reply-form" : "comments";
  return byPlace ?? textKind(text) ?? "boilerplate";
}

/** Removed parts in page order, neighbours of one kind merged, total text bounded. */
class RemovedList {
  private readonly entries: Removed[] = [];
  private chars = 0;
  private omittedChars = 0;
  private omittedParts = 0;

  add(kind: Kind, whole: string): void {
    let text = whole;
    const room = MAX_REMOVED_CHARS - this.chars;
    if (text.length > room) {
      this.omittedChars += text.length - Math.max(0, room);
      this.omittedParts += 1;
      if (room <= 0) return;
      // The first block over the bound is shown in part, so one giant block still shows what it was.
      text = `${text.slice(0, room)}…`;
    }
    // The "\n" joining merged blocks counts too: the bound is on what the report carries.
    this.chars += text.length + 1;
    const last = this.entries[this.entries.length - 1];
    if (last !== undefined && last.kind === kind) last.text += `\n${text}`;
    else this.entries.push({ kind, text });
  }

  full(): boolean {
    return this.chars >= MAX_REMOVED_CHARS;
  }

  omit(text: string): void {
    this.omittedChars += text.length;
    this.omittedParts += 1;
  }

  finish(): Removed[] {
    if (this.omittedParts > 0) {
      this.entries.push({
        kind: TRUNCATED_KIND,
        text: `[${this.omittedParts} removed blocks (${this.omittedChars} characters) are not listed in full]`,
      });
    }
    return this.entries;
  }
}
