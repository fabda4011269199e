import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { autop } from "../../lib/wordpress/autop.ts";
import { wpDay, wpIsoTimestamp } from "../../lib/wordpress/dates.ts";
import { contentHtml, excerptDescription, importSlug, importTags, plainText, stripBlockComments } from "../../lib/wordpress/import.ts";
import { createConverter, htmlToMarkdown } from "../../lib/wordpress/markdown.ts";
import { attachmentRelativePath, OldSite, pathKey } from "../../lib/wordpress/old-site.ts";
import { expandShortcodes, type Shortcode } from "../../lib/wordpress/shortcodes.ts";
import { parseWxr, WxrError, type WxrItem } from "../../lib/wordpress/wxr.ts";

const converter = createConverter({ rewriteUrl: (url) => url.replace("https://old.example.com/2019/a/", "/posts/a/") });
const markdown = (html: string) => htmlToMarkdown(html, converter);
const noAttachments = { postId: 1, attachmentsOf: () => [], attachment: () => undefined };

describe("WordPress auto-paragraphs", () => {
  it("makes blank lines paragraphs and single newlines line breaks", () => {
    assert.equal(autop("One\ntwo\n\nThree"), "<p>One<br />\ntwo</p>\n<p>Three</p>");
  });

  it("leaves block elements and preformatted text unwrapped", () => {
    assert.equal(autop("Intro\n<h2>Head</h2>\n<pre>a\n\nb</pre>"), "<p>Intro</p>\n<h2>Head</h2>\n<pre>a\n\nb</pre>");
  });
});

describe("HTML to Markdown", () => {
  it("converts headings, emphasis, lists and quotes", () => {
    assert.equal(
      markdown("<h3>Title</h3><p>Some <strong>bold</strong> and <em>em</em>.</p><ul><li>a<ul><li>b</li></ul></li><li>c</li></ul><blockquote><p>Quoted</p></blockquote>"),
      "### Title\n\nSome **bold** and _em_.\n\n- a\n  - b\n- c\n\n> Quoted",
    );
  });

  it("rewrites links through the given function and shows bare URLs as autolinks", () => {
    assert.equal(markdown('<p><a href="https://old.example.com/2019/a/">A</a> <a href="https://x.example/">https://x.example/</a></p>'), "[A](/posts/a/) <https://x.example/>");
  });

  it("keeps a captioned figure as a figure around Markdown", () => {
    assert.equal(
      markdown('<figure><img src="/a.jpg" alt="Alt"><figcaption>Cap <em>x</em></figcaption></figure>'),
      "<figure>\n\n![Alt](/a.jpg)\n\n<figcaption>\n\nCap _x_\n\n</figcaption>\n\n</figure>",
    );
  });

  it("turns embeds and iframes into links", () => {
    assert.equal(
      markdown('<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=a_b\n</div></figure><iframe src="https://player.vimeo.com/video/1"></iframe>'),
      "<https://www.youtube.com/watch?v=a_b>\n\n<https://player.vimeo.com/video/1>",
    );
  });

  it("makes tables GitHub tables and leaves Tweet mentions as text", () => {
    assert.equal(markdown("<table><tr><th>A</th><th>B</th></tr><tr><td>1|2</td><td>3</td></tr></table>"), "| A | B |\n| --- | --- |\n| 1\\|2 | 3 |");
    assert.equal(markdown("<p>As Tweet 12 says.</p>"), "As Tweet 12 says.");
  });
});

describe("shortcodes", () => {
  const expand = (text: string) => {
    const unknown: Shortcode[] = [];
    return { html: expandShortcodes(text, noAttachments, (s) => unknown.push(s)), unknown: unknown.map((s) => s.name) };
  };

  it("turns [caption] into a figure with the text after the image as caption", () => {
    const { html } = expand('[caption id="a" width="3"]<a href="/b.jpg"><img src="/s.jpg" alt="A"></a> The caption[/caption]');
    assert.equal(html.trim(), '<figure><a href="/b.jpg"><img src="/s.jpg" alt="A"></a><figcaption>The caption</figcaption></figure>');
  });

  it("turns [embed] into a link and keeps unknown shortcodes as written", () => {
    const { html, unknown } = expand('[embed]https://youtu.be/x[/embed] and [contact-form id="1"] but not [sic]');
    assert.match(html, /<a href="https:\/\/youtu\.be\/x">/);
    assert.match(html, /\[contact-form id="1"\] but not \[sic\]$/);
    assert.deepEqual(unknown, ["contact-form"]);
  });

  it("reads [[escaped]] shortcodes as literal text", () => {
    assert.equal(expand("[[gallery]]").html, "[gallery]");
  });
});

describe("WordPress content", () => {
  it("strips block comments and adds no paragraphs to block content", () => {
    assert.equal(stripBlockComments('<!-- wp:paragraph {"a":1} -->\n<p>x</p>\n<!-- /wp:paragraph -->'), "\n<p>x</p>\n");
    assert.equal(contentHtml("<!-- wp:paragraph --><p>a\nb</p><!-- /wp:paragraph -->", (h) => h), "<p>a\nb</p>");
  });

  it("links a URL alone on its line in classic content", () => {
    assert.match(contentHtml("Intro\n\nhttps://vimeo.com/1\n\nEnd", (h) => h), /<p><a href="https:\/\/vimeo\.com\/1">/);
  });
});

describe("import fields", () => {
  it("decodes titles with markup and entities", () => {
    assert.equal(plainText("Title <em>With</em> &amp; &#8220;quotes&#8221;"), "Title With & “quotes”");
  });

  it("slugs from the percent-encoded post name, else the title", () => {
    assert.equal(importSlug("%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf-2", "x"), "epipedo-2");
    assert.equal(importSlug("", "A draft: idea!"), "a-draft-idea");
  });

  it("cuts the excerpt at a word to fit a description", () => {
    const description = excerptDescription(`<p>${"word ".repeat(60)}</p>`)!;
    assert.ok(description.length <= 200);
    assert.match(description, /word…$/);
    assert.equal(excerptDescription("  "), undefined);
  });

  it("merges categories and tags, skipping Uncategorized and repeats", () => {
    const item = {
      terms: [
        { domain: "category", nicename: "uncategorized", name: "Uncategorized" },
        { domain: "category", nicename: "jobs", name: "Jobs &amp; work" },
        { domain: "post_tag", nicename: "jobs-work", name: "jobs & work" },
        { domain: "post_format", nicename: "post-format-aside", name: "Aside" },
      ],
    } as WxrItem;
    assert.deepEqual(importTags(item), ["Jobs & work"]);
  });
});

describe("dates", () => {
  it("dates a post by its UTC time in the site's time zone", () => {
    assert.equal(wpDay("2019-05-01 22:30:00", "2019-05-02 03:30:00", "America/Chicago"), "2019-05-01");
    assert.equal(wpDay("2019-05-02 12:30:00", "2019-05-02 03:30:00", "Asia/Tokyo"), "2019-05-02");
  });

  it("falls back to the local date when WordPress never set the UTC one", () => {
    assert.equal(wpDay("2020-01-05 10:00:00", "0000-00-00 00:00:00", "America/Chicago"), "2020-01-05");
    assert.equal(wpIsoTimestamp("2019-05-02 09:00:00", "2019-05-02 14:00:00"), "2019-05-02T14:00:00Z");
  });
});

describe("old site addresses", () => {
  const site = new OldSite(["https://old.example.com"]);

  it("recognizes old-site URLs, with or without www, and keeps only WordPress query keys", () => {
    assert.equal(site.pathOf("http://www.old.example.com//2019/05/x/?utm=1"), "/2019/05/x/");
    assert.equal(site.pathOf("https://old.example.com/?p=12"), "/?p=12");
    assert.equal(site.pathOf("https://elsewhere.example/x/"), undefined);
  });

  it("finds the path of an upload and matches paths loosely", () => {
    assert.equal(site.uploadPathOf("https://old.example.com/wp-content/uploads/2019/05/a%20b.jpg?w=300"), "2019/05/a b.jpg");
    assert.equal(pathKey("/Greek/%CE%B5/"), pathKey("/greek/ε"));
    assert.equal(attachmentRelativePath("https://x.files.wordpress.com/2008/06/a.jpg", undefined), "2008/06/a.jpg");
  });
});

describe("WXR parsing", () => {
  it("names the line where a truncated export ends", () => {
    assert.throws(
      () => parseWxr('<?xml version="1.0"?>\n<rss>\n<channel>\n<item>\n<title>x</title>\n', "cut.xml"),
      (error: unknown) => error instanceof WxrError && /^cut\.xml:6:\d+: unclosed tag/.test(error.message),
    );
  });

  it("refuses XML that is not an export", () => {
    assert.throws(() => parseWxr("<html></html>", "page.xml"), /not a WordPress export/);
  });
});
