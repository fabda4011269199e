// The sample site (this repository's own content), built once for the suites
// that check the real thing: production mode, pinned to a fixed day so
// scheduled posts and the tweet of the day do not drift.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { buildSite } from "../../lib/build/atomic-build.ts";
import { PROJECT_ROOT, siteAt, withBuildEnv, type BuiltSite } from "./site.ts";

export const SAMPLE_BUILD_DATE = "2026-11-26T12:00:00Z";

export async function buildSampleSite(): Promise<BuiltSite> {
  const output = path.join(mkdtempSync(path.join(tmpdir(), "blog-sample-")), "_site");
  await withBuildEnv({ mode: "production", buildDate: SAMPLE_BUILD_DATE }, () =>
    buildSite({ input: PROJECT_ROOT, output }),
  );
  return siteAt(output);
}
