// Every post body would otherwise be parsed twice: once for the content index
// before anything renders (description, words, tweet citations), and again by
// Eleventy to render it. Parsing is most of markdown-it's cost, so the index's
// token stream is kept and rendered by the same instance when Eleventy asks
// for that exact body. Only renderer rules see Eleventy's page data as `env`;
// parse rules run with the index's env, so they must not read page data.
import type { MarkdownIt, Token } from "markdown-it";

type Env = NonNullable<Parameters<MarkdownIt["render"]>[1]>;

const stashes = new WeakMap<MarkdownIt, Map<string, Token[]>>();

/** Makes `md.render(body)` render the tokens `parseForRender` kept for that body, once. */
export function reuseParsedTokens(md: MarkdownIt): void {
  if (stashes.has(md)) return;
  const stash = new Map<string, Token[]>();
  stashes.set(md, stash);
  const render = md.render.bind(md);
  md.render = (src: string, env?: Env) => {
    const tokens = stash.get(src);
    if (!tokens) return render(src, env);
    stash.delete(src);
    return md.renderer.render(tokens, md.options, env ?? {});
  };
}

/** `md.parse`, keeping the tokens for the next render of `src` when `md` reuses them. */
export function parseForRender(md: MarkdownIt, src: string, env: Env): Token[] {
  const tokens = md.parse(src, env);
  stashes.get(md)?.set(src, tokens);
  return tokens;
}

/**
 * Renders `src` as `md.render` would, and keeps its tokens for Eleventy's own
 * render (search indexes post bodies before Eleventy renders them). Parses
 * only when no tokens were kept: the dev server's post cache skips the parse
 * for unchanged posts.
 */
export function renderWithoutTaking(md: MarkdownIt, src: string, env: Env): string {
  const tokens = stashes.get(md)?.get(src) ?? parseForRender(md, src, env);
  return md.renderer.render(tokens, md.options, env);
}

/** Forgets kept tokens no render asked for (posts left out of the build), so they never outlive a build. */
export function forgetParsedTokens(md: MarkdownIt): void {
  stashes.get(md)?.clear();
}
