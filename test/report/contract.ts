/**
 * A structural validator for the `triangulate/story@1` JSON contract (SPEC.md), written from
 * the spec rather than from our types, so a report that type-checks but breaks the contract
 * (a wrong enum, an offset past the body, a quote span that does not hold the quote) fails.
 */

type Json = unknown;

const RELATIONS = ["identical", "trimmed", "extended", "altered", "paraphrased"];
const VERDICTS = ["supported", "partly", "unsupported", "contradicted"];
const DIRECTIONS = ["a->b", "b->a", null];
const ROLES = ["headline", "body"];

// Quote marks a span may include around the quoted words ("…" „…“ «…» '…').
const QUOTE_MARKS = /^[\s"'“”‘’„‚«»‹›]+|[\s"'“”‘’„‚«»‹›]+$/g;

class Checker {
  readonly errors: string[] = [];

  fail(path: string, message: string): void {
    this.errors.push(`${path}: ${message}`);
  }

  object(value: Json, path: string): Record<string, Json> | null {
    if (typeof value === "object" && value !== null && !Array.isArray(value))
      return value as Record<string, Json>;
    this.fail(path, "expected an object");
    return null;
  }

  array(value: Json, path: string): Json[] {
    if (Array.isArray(value)) return value;
    this.fail(path, "expected an array");
    return [];
  }

  string(value: Json, path: string, nullable = false): void {
    if (typeof value === "string" || (nullable && value === null)) return;
    this.fail(path, `expected a string${nullable ? " or null" : ""}, got ${JSON.stringify(value)}`);
  }

  number(value: Json, path: string): void {
    if (typeof value !== "number" || !Number.isFinite(value))
      this.fail(path, `expected a finite number, got ${JSON.stringify(value)}`);
  }

  boolean(value: Json, path: string): void {
    if (typeof value !== "boolean") this.fail(path, "expected a boolean");
  }

  oneOf(value: Json, allowed: readonly Json[], path: string): void {
    if (!allowed.includes(value))
      this.fail(path, `expected one of ${JSON.stringify(allowed)}, got ${JSON.stringify(value)}`);
  }

  span(o: Record<string, Json>, body: string, path: string): void {
    const { start, end } = o;
    if (
      typeof start !== "number" ||
      typeof end !== "number" ||
      !Number.isInteger(start) ||
      !Number.isInteger(end)
    ) {
      this.fail(path, "start/end must be integers");
      return;
    }
    if (start < 0 || end > body.length || start > end)
      this.fail(path, `span [${start}, ${end}) outside body of ${body.length}`);
  }
}

function checkArticle(c: Checker, value: Json, path: string): void {
  const a = c.object(value, path);
  if (!a) return;
  c.string(a.id, `${path}.id`);
  c.string(a.source, `${path}.source`);
  c.string(a.outlet, `${path}.outlet`, true);
  c.string(a.title, `${path}.title`, true);
  c.string(a.published, `${path}.published`, true);
  if (
    typeof a.published === "string" &&
    !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(a.published)
  ) {
    c.fail(`${path}.published`, `not ISO 8601: ${a.published}`);
  }
  c.string(a.body, `${path}.body`);
  const body = typeof a.body === "string" ? a.body : "";
  c.array(a.removed, `${path}.removed`).forEach((r, i) => {
    const o = c.object(r, `${path}.removed[${i}]`);
    if (!o) return;
    c.string(o.kind, `${path}.removed[${i}].kind`);
    c.string(o.text, `${path}.removed[${i}].text`);
  });
  c.array(a.quotes, `${path}.quotes`).forEach((q, i) => {
    const p = `${path}.quotes[${i}]`;
    const o = c.object(q, p);
    if (!o) return;
    c.string(o.id, `${p}.id`);
    c.string(o.text, `${p}.text`);
    c.string(o.speaker, `${p}.speaker`, true);
    c.string(o.cue, `${p}.cue`, true);
    c.boolean(o.partial, `${p}.partial`);
    c.span(o, body, p);
    if (typeof o.start === "number" && typeof o.end === "number" && typeof o.text === "string") {
      const inBody = body.slice(o.start, o.end).replace(QUOTE_MARKS, "");
      const text = o.text.replace(QUOTE_MARKS, "");
      if (inBody !== text)
        c.fail(p, `body.slice(start, end) is ${JSON.stringify(inBody)}, quote text ${JSON.stringify(text)}`);
    }
  });
  c.array(a.figures, `${path}.figures`).forEach((f, i) => {
    const p = `${path}.figures[${i}]`;
    const o = c.object(f, p);
    if (!o) return;
    c.string(o.text, `${p}.text`);
    c.number(o.value, `${p}.value`);
    c.string(o.unit, `${p}.unit`, true);
    c.span(o, body, p);
    if (typeof o.start === "number" && typeof o.end === "number" && body.slice(o.start, o.end) !== o.text) {
      c.fail(p, "figure span does not hold the figure text");
    }
  });
  c.array(a.dates, `${path}.dates`).forEach((d, i) => {
    const p = `${path}.dates[${i}]`;
    const o = c.object(d, p);
    if (!o) return;
    c.string(o.text, `${p}.text`);
    c.string(o.value, `${p}.value`, true);
    c.span(o, body, p);
  });
  c.array(a.claims, `${path}.claims`).forEach((cl, i) => {
    const p = `${path}.claims[${i}]`;
    const o = c.object(cl, p);
    if (!o) return;
    c.string(o.id, `${p}.id`);
    c.string(o.text, `${p}.text`);
    c.oneOf(o.role, ROLES, `${p}.role`);
  });
}

/** Every contract violation in `value`, as "path: message"; empty when the report is valid. */
export function validateReport(value: Json): string[] {
  const c = new Checker();
  const r = c.object(value, "$");
  if (!r) return c.errors;
  c.oneOf(r.schema, ["triangulate/story@1"], "$.schema");
  const articles = c.array(r.articles, "$.articles");
  articles.forEach((a, i) => {
    checkArticle(c, a, `$.articles[${i}]`);
  });
  const articleIds = new Set(articles.map((a) => (a as { id?: unknown }).id));
  const quoteIds = new Set(
    articles.flatMap((a) => ((a as { quotes?: { id: unknown }[] }).quotes ?? []).map((q) => q.id)),
  );
  const claimIds = new Set(
    articles.flatMap((a) => ((a as { claims?: { id: unknown }[] }).claims ?? []).map((q) => q.id)),
  );
  const knownArticle = (id: Json, path: string) => {
    if (!articleIds.has(id)) c.fail(path, `unknown article ${JSON.stringify(id)}`);
  };

  c.array(r.quoteGroups, "$.quoteGroups").forEach((g, i) => {
    const p = `$.quoteGroups[${i}]`;
    const o = c.object(g, p);
    if (!o) return;
    c.string(o.id, `${p}.id`);
    c.string(o.speaker, `${p}.speaker`, true);
    c.string(o.text, `${p}.text`);
    c.array(o.members, `${p}.members`).forEach((m, j) => {
      const mp = `${p}.members[${j}]`;
      const mo = c.object(m, mp);
      if (!mo) return;
      knownArticle(mo.article, `${mp}.article`);
      if (!quoteIds.has(mo.quote)) c.fail(`${mp}.quote`, `unknown quote ${JSON.stringify(mo.quote)}`);
      c.oneOf(mo.relation, RELATIONS, `${mp}.relation`);
    });
  });
  c.array(r.figureGroups, "$.figureGroups").forEach((g, i) => {
    const p = `$.figureGroups[${i}]`;
    const o = c.object(g, p);
    if (!o) return;
    c.string(o.id, `${p}.id`);
    c.string(o.measure, `${p}.measure`);
    c.boolean(o.conflict, `${p}.conflict`);
    c.array(o.members, `${p}.members`).forEach((m, j) => {
      const mp = `${p}.members[${j}]`;
      const mo = c.object(m, mp);
      if (!mo) return;
      knownArticle(mo.article, `${mp}.article`);
      c.string(mo.text, `${mp}.text`);
      c.number(mo.value, `${mp}.value`);
      c.string(mo.unit, `${mp}.unit`, true);
    });
  });
  c.array(r.reuse, "$.reuse").forEach((x, i) => {
    const p = `$.reuse[${i}]`;
    const o = c.object(x, p);
    if (!o) return;
    knownArticle(o.a, `${p}.a`);
    knownArticle(o.b, `${p}.b`);
    for (const side of ["shareOfA", "shareOfB"] as const) {
      c.number(o[side], `${p}.${side}`);
      if (typeof o[side] === "number" && (o[side] < 0 || o[side] > 1))
        c.fail(`${p}.${side}`, "share outside 0..1");
    }
    c.oneOf(o.direction, DIRECTIONS, `${p}.direction`);
    c.array(o.passages, `${p}.passages`).forEach((pa, j) => {
      const po = c.object(pa, `${p}.passages[${j}]`);
      if (!po) return;
      c.string(po.a, `${p}.passages[${j}].a`);
      c.string(po.b, `${p}.passages[${j}].b`);
    });
  });
  c.array(r.claimSupport, "$.claimSupport").forEach((x, i) => {
    const p = `$.claimSupport[${i}]`;
    const o = c.object(x, p);
    if (!o) return;
    knownArticle(o.article, `${p}.article`);
    if (!claimIds.has(o.claim)) c.fail(`${p}.claim`, `unknown claim ${JSON.stringify(o.claim)}`);
    c.oneOf(o.verdict, VERDICTS, `${p}.verdict`);
    c.array(o.evidence, `${p}.evidence`).forEach((e, j) => {
      c.string(e, `${p}.evidence[${j}]`);
    });
    c.array(o.reasons, `${p}.reasons`).forEach((e, j) => {
      c.string(e, `${p}.reasons[${j}]`);
    });
  });
  return c.errors;
}
