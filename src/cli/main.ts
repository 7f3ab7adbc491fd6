#!/usr/bin/env node
/** The `triangulate` executable. */
import { run } from "./program.js";

// A reader closing the pipe early (`triangulate analyze ... | head`) is not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
