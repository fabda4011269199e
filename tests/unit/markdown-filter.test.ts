import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type UserConfig from "@11ty/eleventy/UserConfig";
import type { MarkdownIt } from "markdown-it";

import markdownPlugin from "../../lib/markdown/plugin.ts";

/** The parts of Eleventy's configuration the plugin uses, recording what it registers. */
function fakeConfig() {
  const filters = new Map<string, (value: unknown) => string>();
  const handlers = new Map<string, () => void>();
  let library: MarkdownIt | undefined;
  const config = {
    setLibrary: (_name: string, md: MarkdownIt) => (library = md),
    addFilter: (name: string, filter: (value: unknown) => string) => filters.set(name, filter),
    on: (event: string, handler: () => void) => handlers.set(event, handler),
  };
  markdownPlugin(config as unknown as UserConfig);
  return { filter: filters.get("markdown")!, startBuild: () => handlers.get("eleventy.before")!(), library: library! };
}

describe("the markdown filter", () => {
  it("renders author Markdown such as a P.S. with the posts' Markdown rules", () => {
    const { filter } = fakeConfig();
    assert.equal(filter("P.S. Tweet 12 says *more*."), '<p>P.S. <a href="/tweets/12/" class="tweet-mention">Tweet 12</a> says <em>more</em>.</p>\n');
    assert.equal(filter(undefined), "");
  });

  it("renders each text once per build, however many posts end with it", () => {
    const { filter, startBuild, library } = fakeConfig();
    let renders = 0;
    const render = library.render.bind(library);
    library.render = (src, env) => (renders++, render(src, env));
    const first = filter("P.S. Ask me for a free book.");
    for (let post = 0; post < 50; post++) assert.equal(filter("P.S. Ask me for a free book."), first);
    assert.notEqual(filter("P.S. Another one."), first);
    assert.equal(renders, 2);
    startBuild();
    filter("P.S. Ask me for a free book.");
    assert.equal(renders, 3, "a new build renders again");
  });
});
