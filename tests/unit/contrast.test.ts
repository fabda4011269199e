import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { composite, contrastRatio, parseComputedColor } from "../support/contrast.ts";

describe("contrast ratios for the design tests", () => {
  it("gives black on white the WCAG maximum of 21 and a colour on itself 1", () => {
    const black = parseComputedColor("rgb(0, 0, 0)");
    const white = parseComputedColor("rgb(255, 255, 255)");
    assert.equal(contrastRatio(black, white), 21);
    assert.equal(contrastRatio(white, black), 21);
    assert.equal(contrastRatio(white, white), 1);
  });

  it("matches the published ratio of WCAG's mid grey on white", () => {
    // #767676 on white is the classic lightest grey that passes AA: 4.54:1.
    const ratio = contrastRatio(parseComputedColor("rgb(118, 118, 118)"), parseComputedColor("rgb(255, 255, 255)"));
    assert.equal(ratio.toFixed(2), "4.54");
  });

  it("reads alpha from rgba() and paints a translucent colour over its background", () => {
    const half = parseComputedColor("rgba(0, 0, 0, 0.5)");
    assert.equal(half.a, 0.5);
    assert.deepEqual(composite(half, parseComputedColor("rgb(255, 255, 255)")), { r: 127.5, g: 127.5, b: 127.5, a: 1 });
  });

  it("refuses colours it cannot read rather than guessing", () => {
    assert.throws(() => parseComputedColor("color(srgb 1 0 0)"), /Not a computed rgb\(\) colour/);
  });
});
