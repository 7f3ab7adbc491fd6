import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root, whether tests run from source or from dist/. */
export const REPO_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("test/paths: package.json not found above the test file");
    dir = up;
  }
  return dir;
})();

/** The shared example story; tests that need it skip cleanly when it is absent. */
export const SEEDS_DIR = resolve(REPO_ROOT, "..", "shared", "seeds");
export const HAVE_SEEDS = existsSync(SEEDS_DIR);

export const FIXTURES_DIR = join(REPO_ROOT, "test", "fixtures");
