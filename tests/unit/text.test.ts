// Text measures count what a reader sees, on the fast ASCII path and the
// grapheme path alike.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { graphemeLength, truncateAtWord } from "../../lib/content/text.ts";

describe("graphemeLength", () => {
  it("counts an emoji with a skin tone, a family emoji and a combining accent as one character each", () => {
    assert.equal(graphemeLength("ok 👍🏽 👨‍👩‍👧 e\u0301"), 8);
    assert.equal(graphemeLength("plain ascii"), 11);
  });
});

describe("truncateAtWord", () => {
  it("returns text that fits unchanged, with its whitespace collapsed", () => {
    assert.equal(truncateAtWord("  short\n text ", 20), "short text");
    assert.equal(truncateAtWord("👍🏽👍🏽👍🏽", 3), "👍🏽👍🏽👍🏽");
  });

  it("cuts long text at the last word that fits and adds an ellipsis", () => {
    assert.equal(truncateAtWord("one two three four five six", 15), "one two three…");
    assert.equal(truncateAtWord("café crème brûlée, s’il vous plaît", 20), "café crème brûlée…");
  });

  it("never splits an emoji when it has to cut inside a long word", () => {
    assert.equal(truncateAtWord("a 👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽", 5), "a 👍🏽👍🏽…");
  });
});
