// MDN HTTP Observatory's own analyzer tests and grader, fed our response
// headers and HTML instead of a live site: the score https://developer.mozilla.org/observatory
// would give, computed offline. The scan itself (`scan()`) fetches over the
// network, so this mirrors its scoring over a hand-built request record, the
// way the package's own tests build theirs (test/helpers.js).
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const PACKAGE_ROOT = path.dirname(require.resolve("@mdn/mdn-http-observatory/package.json"));

/**
 * The package's install script downloads Chromium's HSTS preload list into
 * conf/hsts-preload.json, and its HSTS and redirection tests cannot load
 * without that file. We install with --ignore-scripts (no network during
 * installs), so give it an empty list: no domain counts as preloaded, which
 * is also the truth for a new blog. A list downloaded by other means is kept.
 */
function ensureHstsPreloadList(): void {
  const file = path.join(PACKAGE_ROOT, "conf", "hsts-preload.json");
  if (!existsSync(file)) writeFileSync(file, "{}\n");
}

export interface ObservatoryInput {
  /** The site's host, e.g. `blog.example.com`. */
  hostname: string;
  /** Path of the page scored, e.g. `/posts/x/`. */
  path: string;
  /** Response headers of the page. */
  headers: Record<string, string>;
  /** The page's HTML (the Observatory reads `<meta http-equiv>` and scripts from it). */
  html: string;
}

export interface ObservatoryResult {
  score: number;
  grade: string;
  /** Each test's outcome and score change, by test name. */
  tests: Record<string, { result: string | null; scoreModifier: number | null; pass: boolean | null }>;
}

interface TestOutput {
  result: string | null;
  scoreModifier: number | null;
  scoreDescription: string | null;
  pass: boolean | null;
  constructor: { name: string };
}

export async function observatoryScore(input: ObservatoryInput): Promise<ObservatoryResult> {
  ensureHstsPreloadList();
  const [{ ALL_TESTS }, { getGradeForScore, getScoreDescription, getScoreModifier }, { MINIMUM_SCORE_FOR_EXTRA_CREDIT }, { Requests }, { Session }, { parseHttpEquivHeaders }] =
    await Promise.all([
      import("@mdn/mdn-http-observatory/src/constants.js"),
      import("@mdn/mdn-http-observatory/src/grader/grader.js"),
      import("@mdn/mdn-http-observatory/src/grader/charts.js"),
      import("@mdn/mdn-http-observatory/src/types.js"),
      import("@mdn/mdn-http-observatory/src/retriever/session.js"),
      import("@mdn/mdn-http-observatory/src/retriever/utils.js"),
    ]);

  const pageUrl = new URL(input.path, `https://${input.hostname}`);
  const response = () => ({
    headers: { "content-type": "text/html; charset=utf-8", ...lowerCaseKeys(input.headers) },
    request: { headers: {} },
    status: 200,
    statusText: "OK",
    verified: true,
    data: input.html,
    config: { headers: {} },
    httpEquiv: undefined as Map<string, string[]> | undefined,
  });

  const requests = new Requests(input.hostname);
  requests.resources.path = input.html;
  const auto = response();
  auto.httpEquiv = parseHttpEquivHeaders(input.html, pageUrl.href);
  Object.assign(requests.responses, {
    auto,
    cors: response(),
    http: response(),
    https: response(),
    // Netlify answers http:// with a 301 to the same path on https://.
    httpRedirects: [
      { url: new URL(pageUrl.href.replace(/^https:/, "http:")), status: 301 },
      { url: pageUrl, status: 200 },
    ],
    httpsRedirects: [{ url: pageUrl, status: 200 }],
  });
  requests.session = new Session(pageUrl);

  const results = (ALL_TESTS as Array<(r: unknown) => TestOutput>).map((test) => test(requests));
  let withExtraCredit = 100;
  let uncurved = 100;
  for (const result of results) {
    if (!result.result) continue;
    result.scoreDescription = getScoreDescription(result.result);
    result.scoreModifier = getScoreModifier(result.result);
    withExtraCredit += result.scoreModifier;
    if (result.scoreModifier < 0) uncurved += result.scoreModifier;
  }
  // As scan(): bonus points count only once the score without them reaches an A.
  const total = uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtraCredit : uncurved;
  const { score, grade } = getGradeForScore(total);
  return {
    score,
    grade,
    tests: Object.fromEntries(
      results.map((result) => [result.constructor.name, { result: result.result, scoreModifier: result.scoreModifier, pass: result.pass }]),
    ),
  };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
