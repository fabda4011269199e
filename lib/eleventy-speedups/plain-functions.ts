// Eleventy 3.1 calls a permalink function with a fresh copy of every filter
// and shortcode as its `this` (`TemplateContent#_renderFunction` copies them
// all for each call). Our post permalink uses none of them, yet is asked for
// every template, 5,350 at 4,000 posts, in every build and dev rebuild (about
// 75 ms of each rebuild). A function marked `withoutTemplateFunctions` is
// called without the copy; every other function as Eleventy calls it.
import { alreadyPatched } from "../eleventy-internals.ts";

export interface TemplateContentLike {
  _renderFunction(fn: unknown, ...args: unknown[]): Promise<unknown>;
}

const PLAIN = Symbol.for("blog.withoutTemplateFunctions");

/** Marks `fn` as needing no filters or shortcodes as its `this`. */
export function withoutTemplateFunctions<F extends (...args: never[]) => unknown>(fn: F): F {
  return Object.assign(fn, { [PLAIN]: true });
}

/** Calls marked functions directly, as Eleventy would apart from their `this`. */
export function callMarkedPlainly(prototype: TemplateContentLike): void {
  if (alreadyPatched(prototype, "blog.templateContent.plainFunctions")) return;
  const call = prototype._renderFunction;
  prototype._renderFunction = async function (this: TemplateContentLike, fn: unknown, ...args: unknown[]) {
    if (typeof fn !== "function" || !(PLAIN in fn)) return call.call(this, fn, ...args);
    const result: unknown = await (fn as unknown as (...args: unknown[]) => unknown)(...args);
    // As Eleventy does: a Buffer from a permalink function is taken as text.
    return Buffer.isBuffer(result) ? result.toString() : result;
  };
}
