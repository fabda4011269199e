// Images in post bodies become responsive `<picture>` elements, lazily loaded
// (they sit below the cover and the opening paragraphs). A renderer rule that
// proxies to the default for anything that is not a local raster image.
import type { MarkdownIt, RendererRule } from "markdown-it";

import { localImageFile } from "./local-file.ts";
import type { ImageCache } from "./responsive-image.ts";

export interface MarkdownImagesOptions {
  /** The site's input folder, known once Eleventy starts a build. */
  inputDir: () => string;
  images: Pick<ImageCache, "render">;
}

export function markdownImagesPlugin(md: MarkdownIt, options: MarkdownImagesOptions): void {
  const fallback: RendererRule = md.renderer.rules.image ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));

  md.renderer.rules.image = (tokens, idx, opts, env, self) => {
    const token = tokens[idx]!;
    const page = (env as { page?: { inputPath?: string } } | undefined)?.page;
    const file = localImageFile(String(token.attrGet("src") ?? ""), options.inputDir(), page?.inputPath);
    if (!file) return fallback(tokens, idx, opts, env, self);
    const alt = self.renderInlineAsText(token.children ?? [], opts, env);
    return options.images.render(file, alt).html;
  };
}
