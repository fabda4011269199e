// The Nu Html Checker (the W3C validator) from npm's vnu-jar, run with the
// machine's Java. Its install script, which would download a JDK, stays
// blocked: the jar ships in the package. One Java start checks every file.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import { PROJECT_ROOT } from "./site.ts";

const VNU_JAR = path.join(PROJECT_ROOT, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

export interface NuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/**
 * Why the checker cannot run here, or undefined when it can. Throws in CI
 * (CI=true), where a missing Java must fail the run rather than skip it.
 */
export function nuCheckerSkipReason(): string | undefined {
  let reason: string | undefined;
  if (!existsSync(VNU_JAR)) reason = `${VNU_JAR} is missing: run npm install`;
  else if (spawnSync("java", ["-version"], { stdio: "ignore" }).error) {
    reason = "Java not found: HTML validity check skipped (install Debian's default-jre-headless)";
  }
  if (reason && process.env.CI === "true") throw new Error(`${reason}. CI requires it.`);
  return reason;
}

/** Errors the checker finds in `files` (HTML documents). */
export function nuErrors(files: string[]): NuMessage[] {
  const result = spawnSync(
    "java",
    ["-Xss4m", "-jar", VNU_JAR, "--format", "json", "--errors-only", "--no-langdetect", "--exit-zero-always", "--stdout", ...files],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`vnu exited with ${result.status}: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { messages: NuMessage[] }).messages;
}
