import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { buildBlogIndex, groupByArchive, homePageHead, paginate, relatedPosts, tagLink, tagPageHead, type PostSummary } from "../../lib/content/blog-index.ts";

function post(slug: string, day: string, tags: string[] = [], tweets: number[] = []): PostSummary {
  return {
    file: `posts/${slug}.md`,
    url: `/posts/${slug}/`,
    slug,
    title: slug,
    date: new Date(`${day}T00:00:00Z`),
    day,
    updated: undefined,
    description: "",
    tags: tags.map(tagLink),
    status: "published",
    readingMinutes: 1,
    citedTweets: tweets,
    unplacedTweets: [],
  };
}

describe("pagination", () => {
  it("puts the first page at the base URL and the rest under page/N/", () => {
    const posts = Array.from({ length: 23 }, (_, i) => post(`p${i}`, "2024-01-01"));
    const pages = paginate(posts, 10, "/tags/x/");
    assert.deepEqual(pages.map((p) => [p.url, p.posts.length, p.previousUrl, p.nextUrl]), [
      ["/tags/x/", 10, undefined, "/tags/x/page/2/"],
      ["/tags/x/page/2/", 10, "/tags/x/", "/tags/x/page/3/"],
      ["/tags/x/page/3/", 3, "/tags/x/page/2/", undefined],
    ]);
  });
  it("still has one empty page when there are no posts", () => {
    assert.equal(paginate([], 10, "/").length, 1);
  });
});

describe("the archive", () => {
  it("groups newest-first posts by year and month", () => {
    const years = groupByArchive([post("c", "2024-03-02"), post("b", "2024-03-01"), post("a", "2023-12-31")]);
    assert.deepEqual(
      years.map((y) => [y.year, y.months.map((m) => [m.label, m.posts.map((p) => p.slug)])]),
      [
        ["2024", [["March", ["c", "b"]]]],
        ["2023", [["December", ["a"]]]],
      ],
    );
  });
});

describe("the blog index", () => {
  const posts = [
    post("old", "2020-01-01", ["networking"]),
    post("mid", "2022-01-01", ["networking", "interviews"], [5]),
    post("new", "2024-01-01", ["interviews"], [5]),
    post("other", "2023-01-01", ["feedback"]),
  ];
  const index = buildBlogIndex(posts, { postsPerPage: 2 });

  it("orders posts newest first and links neighbours", () => {
    assert.deepEqual(index.posts.map((p) => p.slug), ["new", "other", "mid", "old"]);
    assert.equal(index.newer.get("/posts/mid/")?.slug, "other");
    assert.equal(index.older.get("/posts/mid/")?.slug, "old");
    assert.equal(index.newer.get("/posts/new/"), undefined);
  });

  it("lists tags alphabetically with counts and paginated pages", () => {
    assert.deepEqual(index.tags.map((t) => [t.name, t.count, t.pages.length]), [
      ["feedback", 1, 1],
      ["interviews", 2, 1],
      ["networking", 2, 1],
    ]);
    assert.equal(index.tagPages.length, 3);
  });

  it("gives each home and tag page the title and description its head shows", () => {
    assert.deepEqual(index.homePages[0]!.head, homePageHead(1));
    assert.deepEqual(index.tagPages.find((page) => page.tag.name === "networking")!.head, tagPageHead("networking", 1));
  });

  it("back-links each cited tweet to its posts, newest first", () => {
    assert.deepEqual(index.tweetBacklinks.get(5)?.map((p) => p.slug), ["new", "mid"]);
  });

  it("prefers posts sharing a tweet over posts sharing a tag", () => {
    assert.deepEqual(index.related.get("/posts/new/")?.map((p) => p.slug), ["mid", "other", "old"]);
  });

  it("fills related posts with neighbours in time when nothing is shared", () => {
    assert.equal(index.related.get("/posts/other/")?.length, 3);
  });
});

describe("page heads of listings", () => {
  it("leave the home page's first page to the site's title and number the later ones", () => {
    assert.deepEqual(homePageHead(1), {});
    assert.deepEqual(homePageHead(3), { title: "Page 3" });
  });

  it("title a tag's pages by the tag's name as written and number the later ones", () => {
    assert.deepEqual(tagPageHead("Q&A <b>", 1), { title: "Posts tagged “Q&A <b>”", description: "Career advice posts about Q&A <b>." });
    assert.equal(tagPageHead("it's", 2).title, "Posts tagged “it's”, page 2");
  });
});

describe("related posts", () => {
  it("rank every candidate as a full sort would: shared tweets count twice, then nearest in time, then newest", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const posts = Array.from({ length: 60 }, (_, i) =>
      post(`p${i}`, `2020-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`, ["a", "b", "c", "d"].filter(() => random() < 0.4), [1, 2, 3].filter(() => random() < 0.2)),
    ).sort((x, y) => y.date.getTime() - x.date.getTime() || x.url.localeCompare(y.url));
    const groups = new Map<string, PostSummary[]>();
    for (const p of posts) {
      for (const key of [...p.tags.map((t) => `tag:${t.slug}`), ...p.citedTweets.map((n) => `tweet:${n}`)]) groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    const related = relatedPosts(posts, groups, 3, posts.length);
    for (const p of posts) {
      const score = (other: PostSummary) =>
        other.tags.filter((t) => p.tags.some((u) => u.slug === t.slug)).length + 2 * other.citedTweets.filter((n) => p.citedTweets.includes(n)).length;
      const distance = (other: PostSummary) => Math.abs(other.date.getTime() - p.date.getTime());
      const expected = posts
        .filter((other) => other !== p && score(other) > 0)
        .sort((x, y) => score(y) - score(x) || distance(x) - distance(y) || y.date.getTime() - x.date.getTime() || x.url.localeCompare(y.url))
        .slice(0, 3);
      assert.deepEqual(related.get(p.url)!.slice(0, expected.length).map((r) => r.slug), expected.map((r) => r.slug), p.slug);
    }
  });

  it("are worked out once for a listed post's URL, and not at all for another URL", () => {
    const posts = [post("a", "2024-01-03", ["x"]), post("b", "2024-01-02", ["x"]), post("c", "2024-01-01")];
    const related = relatedPosts(posts, new Map([["tag:x", posts.slice(0, 2)]]), 2, 8);
    assert.equal(related.get("/posts/nowhere/"), undefined);
    const first = related.get("/posts/a/");
    assert.deepEqual(first?.map((p) => p.slug), ["b", "c"]);
    assert.equal(related.get("/posts/a/"), first);
  });

  it("only looks at a bounded window of each shared tag, so the work stays linear", () => {
    const many = Array.from({ length: 200 }, (_, i) => post(`p${i}`, `2020-01-01`, ["common"]));
    many.forEach((p, i) => (p.date = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000)));
    const sorted = [...many].reverse();
    const related = relatedPosts(sorted, new Map([["tag:common", sorted]]), 3, 2);
    const picks = related.get(sorted[100]!.url)!.map((p) => sorted.indexOf(p));
    for (const pick of picks) assert.ok(Math.abs(pick - 100) <= 2, `picked ${pick}`);
  });
});
