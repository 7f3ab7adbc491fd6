/** The command-line program: argument parsing, exit codes, and the one-line error handler. */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { StageError } from "../pipeline.js";
import { AUTO_REFINE_MAX_ARTICLES, AUTO_REFINE_STALE_SHARE } from "../store/refine-policy.js";
import {
  type AnalyzeFlags,
  analyzeCommand,
  type CliIO,
  EXIT_INPUT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
} from "./analyze.js";
import { type CleanFlags, cleanCommand } from "./clean.js";
import { type ClusterFlags, clusterCommand } from "./cluster.js";
import { UsageError } from "./output.js";
import { type ReadFlags, readCommand } from "./read.js";
import { type StanceFlags, stanceCommand } from "./stance.js";

const EXAMPLES = `
Examples:
  $ triangulate analyze ./story/                      summary of every .txt/.html version in story/
  $ triangulate analyze a.html b.txt --html story.html
  $ triangulate analyze ./story --json story.json --html story.html
  $ triangulate analyze https://example.org/news/1 ./copy.txt --json -   (JSON on stdout)
  $ triangulate clean ./pages/ --jsonl clean.jsonl    one line per page: title, date, body, removed
  $ triangulate read --raw ./texts/ --jsonl read.jsonl  quotes, speakers, entities per text file

Exit status: 0 all inputs analysed; 1 some input could not be read (each named on stderr,
the others still analysed); 2 bad usage.`;

function packageVersion(): string {
  // dist/src/cli/program.js and src/cli/program.ts both sit three levels below the package root.
  const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as {
    version?: string;
  };
  return pkg.version ?? "0.0.0";
}

/** Parses argv (without node and script) and runs; resolves to the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const debug = argv.includes("--debug");
  let exitCode = EXIT_OK;
  const program = new Command()
    .name("triangulate")
    .description(
      "Line up the scraped versions of one news story: clean each page, read who said what, " +
        "and show where the versions agree and part.",
    )
    .version(packageVersion(), "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText("after", EXAMPLES);

  program
    .command("analyze")
    .description("treat the inputs as one story; print a summary, or write the JSON/HTML report")
    .argument("<inputs...>", "files, directories (searched for .txt/.text/.html/.htm/.xhtml) or http(s) URLs")
    .option("--json <file>", 'write the JSON report (schema "triangulate/story@1"); "-" for stdout')
    .option("--html <file>", 'write the self-contained HTML report; "-" for stdout')
    .option("-q, --quiet", "no progress on stderr (unreadable inputs are still named)")
    .option("--allow-private-network", "let URLs reach loopback/private/link-local addresses")
    .option("--debug", "print stack traces on errors")
    .addHelpText("after", EXAMPLES)
    .action(async (inputs: string[], flags: AnalyzeFlags) => {
      exitCode = await analyzeCommand(inputs, flags, io);
    });

  program
    .command("clean")
    .description("clean each input on its own: one JSON line per input (article fields and removed parts)")
    .argument("<inputs...>", "files, directories or http(s) URLs, as for analyze")
    .requiredOption("--jsonl <file>", 'where the JSON lines go; "-" for stdout')
    .option("-q, --quiet", "no progress on stderr (unreadable inputs are still named)")
    .option("--allow-private-network", "let URLs reach loopback/private/link-local addresses")
    .option("--debug", "print stack traces on errors")
    .action(async (inputs: string[], flags: CleanFlags) => {
      exitCode = await cleanCommand(inputs, flags, io);
    });

  program
    .command("read")
    .description(
      "read each input on its own: one JSON line per input (quotes, speakers, entities, figures, dates, claims)",
    )
    .argument("<inputs...>", "files, directories or http(s) URLs, as for analyze")
    .requiredOption("--jsonl <file>", 'where the JSON lines go; "-" for stdout')
    .option("--raw", "take each file's text as the article, uncleaned; offsets point into that text")
    .option("-q, --quiet", "no progress on stderr (unreadable inputs are still named)")
    .option("--allow-private-network", "let URLs reach loopback/private/link-local addresses")
    .option("--debug", "print stack traces on errors")
    .action(async (inputs: string[], flags: ReadFlags) => {
      exitCode = await readCommand(inputs, flags, io);
    });

  program
    .command("stance")
    .description(
      "FNC-1 stance of each headline toward its body (agree, disagree, discuss, unrelated), as claim support judges it",
    )
    .requiredOption("--bodies <file>", "bodies CSV: Body ID, articleBody")
    .requiredOption("--stances <file>", "pairs CSV: Headline, Body ID (a Stance column is ignored)")
    .requiredOption(
      "--out <file>",
      'where the Headline,Body ID,Stance rows go, in input order; "-" for stdout',
    )
    .option("--model <file>", "a stance model file other than the shipped models/stance.json")
    .option("-q, --quiet", "no progress on stderr (bad input is still named)")
    .option("--debug", "print stack traces on errors")
    .action(async (flags: StanceFlags) => {
      exitCode = await stanceCommand(flags, io);
    });

  // The corpus commands load the store (a native SQLite module) only when one of them runs.
  program
    .command("ingest")
    .description(
      "add pages, JSON lines, WARC files or URLs to the corpus store and group them into stories; safe to interrupt and rerun",
    )
    .argument(
      "[inputs...]",
      "files, directories (searched for .jsonl/.ndjson[.gz], .warc[.gz], .txt/.html), or http(s) URLs",
    )
    .option("--db <path>", "the corpus store (an SQLite file, created if missing)", "triangulate.db")
    .option("--workers <n>", "threads that clean pages (default: one per core; 0 cleans on the main thread)")
    .option(
      "--batch <n>",
      "records per transaction: fewer lose less work to a kill, more ingest faster",
      "1000",
    )
    .option(
      "--refine",
      "refine the stories at the end whatever the store's size (alone, without inputs: refine what is stored)",
    )
    .option("--no-refine", "leave the stories as the online pass gave them")
    .option("-q, --quiet", "no progress on stderr (the summary still names every bad record)")
    .option("--allow-private-network", "let URLs reach loopback/private/link-local addresses")
    .option("--debug", "print stack traces on errors")
    .addHelpText(
      "after",
      `
Stories: each article joins a story as it arrives (the online pass). Then, as \`triangulate
cluster\` does, the stories are refined: every stored article weighed again against all the
stories, stories split and merged; \`stories\` and \`story\` read the refined stories. By default
the refinement runs at the end of an ingest when the stories were never refined or at least
${Math.round(100 * AUTO_REFINE_STALE_SHARE)}% of the articles arrived since, and the store holds at most ${AUTO_REFINE_MAX_ARTICLES.toLocaleString("en-US")} articles
(beyond, it takes longer than the ingest: use --refine). Articles added without a refinement
join the refined story their online story went to; \`stories\` says how many there are.
A refinement killed midway leaves the previous stories; the next run refines again.`,
    )
    .action(async (inputs: string[], flags: import("./ingest.js").IngestFlags) => {
      const { ingestCommand } = await import("./ingest.js");
      exitCode = await ingestCommand(inputs, flags, io);
    });

  program
    .command("stories")
    .description("list the stories in the corpus store: size, outlets, dates and a headline, largest first")
    .option("--db <path>", "the corpus store", "triangulate.db")
    .option("--json", "print the listing as JSON")
    .option("--sort <order>", "size (largest first) or newest (latest publication first)", "size")
    .option("--limit <n>", "stories per page", "50")
    .option("--page <n>", "which page of the listing", "1")
    .option(
      "--search <query>",
      'only stories with articles matching a full-text query: words, "a phrase", OR, NOT, prefix*',
    )
    .option("--debug", "print stack traces on errors")
    .action(async (flags: import("./stories.js").StoriesFlags) => {
      const { storiesCommand } = await import("./stories.js");
      exitCode = await storiesCommand(flags, io);
    });

  program
    .command("story")
    .description("one story of the corpus store as a report: print a summary, or write the JSON/HTML report")
    .argument("<id>", "the story's id, as `triangulate stories` lists it")
    .option("--db <path>", "the corpus store", "triangulate.db")
    .option("--json <file>", 'write the JSON report (schema "triangulate/story@1"); "-" for stdout')
    .option("--html <file>", 'write the self-contained HTML report; "-" for stdout')
    .option(
      "--max-versions <n>",
      "line up at most this many of the story's articles (independent ones first)",
      "200",
    )
    .option("-q, --quiet", "no progress on stderr")
    .option("--debug", "print stack traces on errors")
    .action(async (id: string, flags: import("./story.js").StoryFlags) => {
      const { storyCommand } = await import("./story.js");
      exitCode = await storyCommand(id, flags, io);
    });

  program
    .command("cluster")
    .description(
      "group a JSON-lines file of articles into stories, without a database: one { id, story } line per article",
    )
    .argument(
      "<input>",
      'JSON lines with id (or doc_id), text, and optional title, published, url; "-" for stdin',
    )
    .requiredOption("--out <file>", 'where the { id, story } lines go; "-" for stdout')
    .option(
      "--online",
      "one pass: each line written as soon as its article is clustered, without the refinement rounds at the end",
    )
    .option("-q, --quiet", "no progress on stderr (bad lines are still named)")
    .option("--debug", "print stack traces on errors")
    .action(async (input: string, flags: ClusterFlags) => {
      exitCode = await clusterCommand(input, flags, io);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (err) {
    return handleError(err, io, debug);
  }
}

function handleError(err: unknown, io: CliIO, debug: boolean): number {
  if (err instanceof CommanderError) {
    // Commander has already printed its message; help and --version end with code 0.
    return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (err instanceof UsageError) {
    io.stderr.write(`triangulate: ${err.message}\n`);
    return EXIT_USAGE;
  }
  const message =
    err instanceof StageError ? err.message : `internal error: ${(err as Error)?.message ?? err}`;
  io.stderr.write(`triangulate: ${message}\n`);
  if (debug) io.stderr.write(`${(err as Error)?.stack ?? ""}\n`);
  else io.stderr.write("triangulate: (run with --debug for the stack trace)\n");
  return EXIT_INPUT_FAILED;
}
