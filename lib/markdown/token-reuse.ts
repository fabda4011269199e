// Every post body would otherwise be parsed twice: once for the content index
// before anything renders (description, words, tweet citations), and again by
// Eleventy to render it. Parsing is most of markdown-it's cost, so the index's
// token stream is kept and rendered by the same instance. Once the build knows
// which posts it publishes, each of their bodies is rendered ahead, with the
// env Eleventy's render would give it, and its tokens let go: the search index
// reads that HTML, Eleventy's render returns it, and a build never holds the
// token trees of thousands of posts (tens of objects per line of Markdown)
// through its data and layout phases. Only renderer rules see page data as
// `env`; parse rules run with the index's env, so they must not read page data.
import path from "node:path";

import type { MarkdownIt, Token } from "markdown-it";

type Env = NonNullable<Parameters<MarkdownIt["render"]>[1]>;

/** The page data a body's renderer rules read: the tweets (cards) and the page's input path (images). */
export type RenderEnv = Env & {
  tweets?: ReadonlyArray<{ number: number; text: string }>;
  page: { inputPath: string };
};

/** The env Eleventy renders a post's body with, as far as our renderer rules read it. */
export function postRenderEnv(inputDir: string, file: string, tweets: RenderEnv["tweets"]): RenderEnv {
  return { tweets, page: { inputPath: path.join(inputDir, file) } };
}

interface RenderedAhead {
  html: string;
  /** Absolute: the same file however Eleventy spells its input path. */
  inputPath: string;
}

interface Kept {
  tokens: Map<string, Token[]>;
  rendered: Map<string, RenderedAhead>;
}

const kept = new WeakMap<MarkdownIt, Kept>();

const inputPathOf = (env: Env | undefined) => {
  const inputPath = (env as { page?: { inputPath?: unknown } } | undefined)?.page?.inputPath;
  return typeof inputPath === "string" ? path.resolve(inputPath) : undefined;
};

/**
 * Makes `md.render(body)` return the body's HTML rendered ahead for that same
 * page, or else render the tokens `parseForRender` kept for it; either once.
 */
export function reuseParsedTokens(md: MarkdownIt): void {
  if (kept.has(md)) return;
  const stash: Kept = { tokens: new Map(), rendered: new Map() };
  kept.set(md, stash);
  const render = md.render.bind(md);
  md.render = (src: string, env?: Env) => {
    const ahead = stash.rendered.get(src);
    if (ahead && ahead.inputPath === inputPathOf(env)) {
      stash.rendered.delete(src);
      return ahead.html;
    }
    const tokens = stash.tokens.get(src);
    if (!tokens) return render(src, env);
    stash.tokens.delete(src);
    return md.renderer.render(tokens, md.options, env ?? {});
  };
}

/** `md.parse`, keeping the tokens for the next render of `src` when `md` reuses them. */
export function parseForRender(md: MarkdownIt, src: string, env: Env): Token[] {
  const tokens = md.parse(src, env);
  kept.get(md)?.tokens.set(src, tokens);
  return tokens;
}

/**
 * Renders `src` for a page now, as Eleventy's render of that page will, and
 * keeps the HTML for that render instead of the tokens. Parses only when no
 * tokens were kept.
 */
export function renderAhead(md: MarkdownIt, src: string, env: RenderEnv): string {
  const stash = kept.get(md);
  const ahead = stash?.rendered.get(src);
  const inputPath = path.resolve(env.page.inputPath);
  if (ahead && ahead.inputPath === inputPath) return ahead.html;
  const tokens = stash?.tokens.get(src) ?? md.parse(src, {});
  const html = md.renderer.render(tokens, md.options, env);
  if (stash) {
    stash.tokens.delete(src);
    stash.rendered.set(src, { html, inputPath });
  }
  return html;
}

/** Keeps HTML another thread rendered ahead for `src` on the page at `inputPath`, for Eleventy's render of that page. */
export function keepRendered(md: MarkdownIt, src: string, html: string, inputPath: string): void {
  kept.get(md)?.rendered.set(src, { html, inputPath: path.resolve(inputPath) });
}

/**
 * Forgets kept tokens and HTML no render asked for, so they never outlive a
 * build: tokens of posts the build leaves out once the others are rendered
 * ahead, everything before the next build.
 */
export function forgetParsedTokens(md: MarkdownIt, options: { keepRendered?: boolean } = {}): void {
  kept.get(md)?.tokens.clear();
  if (!options.keepRendered) kept.get(md)?.rendered.clear();
}
