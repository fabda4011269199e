// Synthetic posts for the benchmark: front matter and Markdown bodies shaped
// like the real ones (headings, lists, links, emphasis, quotes, tweet mentions
// and cards), the same for the same seed, with an exact body word count.
import { seededRandom, type Random } from "./random.ts";

export interface GeneratePostsOptions {
  count: number;
  seed?: number;
  /** Body words per post, both ends included. Default 600..900. */
  minWords?: number;
  maxWords?: number;
  /** Tweets run 1..tweetCount. Default 140. */
  tweetCount?: number;
  /** Posts are dated in these years, both included. Default 2011..2025 (15 years). */
  firstYear?: number;
  lastYear?: number;
}

export interface GeneratedPost {
  /** Site-relative path: `posts/2019/some-title-12.md`. */
  file: string;
  slug: string;
  text: string;
  /** Words in the body, as the content index counts them. */
  words: number;
}

export const BENCH_TAGS = [
  "networking", "interviews", "feedback", "personal-brand", "first-90-days",
  "leadership", "communication", "learning", "resilience", "career-planning",
  "negotiation", "remote-work", "management", "mentoring", "job-search",
] as const;

const WORDS = (
  "career mentor manager team project goal skill habit meeting feedback interview offer salary promotion " +
  "network contact coffee question answer story result plan week month year review growth lesson mistake " +
  "success habit role company leader peer colleague client customer product deadline estimate priority " +
  "calendar email message note draft outline summary decision trade risk option chance value impact " +
  "confidence courage patience curiosity honesty clarity focus energy attention time trust respect " +
  "write speak listen ask learn teach share build ship finish start practice prepare follow notice " +
  "improve change choose decide measure track reflect explain propose negotiate mentor coach support " +
  "small clear simple honest quiet early late next first last better specific useful practical " +
  "careful steady remote new hard good real short long weekly daily monthly often always rarely " +
  "really simply usually gently directly slowly quickly openly together alone again still"
).split(" ");

const CAPITALIZED = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/** The posts of a synthetic blog; the same options always give the same posts. */
export function generatePosts(options: GeneratePostsOptions): GeneratedPost[] {
  const random = seededRandom(options.seed ?? 20_240_611);
  const posts: GeneratedPost[] = [];
  for (let index = 0; index < options.count; index++) posts.push(generatePost(random, index, options));
  return posts;
}

function generatePost(random: Random, index: number, options: GeneratePostsOptions): GeneratedPost {
  const tweetCount = options.tweetCount ?? 140;
  const firstYear = options.firstYear ?? 2011;
  const lastYear = options.lastYear ?? 2025;
  const title = CAPITALIZED(words(random, random.int(3, 8)).join(" "));
  const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${index + 1}`;
  const year = random.int(firstYear, lastYear);
  const date = `${year}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
  const tags = random.sample(BENCH_TAGS, random.int(1, 3));
  const tweets = random.sample(range(1, tweetCount), random.int(0, 2));

  const frontMatter = [
    "---",
    `title: ${JSON.stringify(title)}`,
    `date: ${date}`,
    `tags: [${tags.join(", ")}]`,
  ];
  if (tweets.length > 0) frontMatter.push(`tweets: [${tweets.join(", ")}]`);
  if (random.chance(0.5)) frontMatter.push(`description: ${JSON.stringify(sentence(random, random.int(10, 20)))}`);
  frontMatter.push("---", "");

  const target = random.int(options.minWords ?? 600, options.maxWords ?? 900);
  const body = generateBody(random, target, tweets, tweetCount);
  return { file: `posts/${year}/${slug}.md`, slug, text: `${frontMatter.join("\n")}\n${body.blocks.join("\n\n")}\n`, words: body.words };
}

interface Block {
  text: string;
  words: number;
}

function generateBody(random: Random, target: number, tweets: number[], tweetCount: number): { blocks: string[]; words: number } {
  const blocks: string[] = [];
  let total = 0;
  const add = (block: Block) => {
    blocks.push(block.text);
    total += block.words;
  };
  add(paragraph(random, Math.min(target, random.int(30, 60)), tweets, tweetCount));
  if (tweets.length > 0 && random.chance(0.5)) blocks.push(`{% tweet ${tweets[0]} %}`);
  while (total < target) {
    const budget = target - total;
    const kind = random.next();
    if (budget < 12) add(paragraph(random, budget, tweets, tweetCount));
    else if (kind < 0.15) add(heading(random, Math.min(budget, random.int(2, 5))));
    else if (kind < 0.3) add(list(random, budget));
    else if (kind < 0.38) add(quote(random, Math.min(budget, random.int(8, 25))));
    else add(paragraph(random, Math.min(budget, random.int(30, 90)), tweets, tweetCount));
  }
  return { blocks, words: total };
}

function heading(random: Random, count: number): Block {
  return { text: `## ${CAPITALIZED(words(random, count).join(" "))}`, words: count };
}

function list(random: Random, budget: number): Block {
  const ordered = random.chance(0.4);
  const items: string[] = [];
  let used = 0;
  for (let item = 0; item < random.int(3, 6) && budget - used >= 3; item++) {
    const count = Math.min(budget - used, random.int(3, 12));
    const text = random.chance(0.3) ? `**${sentence(random, count)}**` : sentence(random, count);
    items.push(`${ordered ? `${item + 1}.` : "-"} ${text}`);
    used += count;
  }
  return { text: items.join("\n"), words: used };
}

function quote(random: Random, count: number): Block {
  return { text: `> ${sentence(random, count)}`, words: count };
}

/** Sentences with emphasis, links and tweet mentions; exactly `count` words. */
function paragraph(random: Random, count: number, tweets: number[], tweetCount: number): Block {
  const sentences: string[] = [];
  let left = count;
  while (left > 0) {
    if (left >= 8 && random.chance(0.12)) {
      const number = tweets.length > 0 && random.chance(0.7) ? random.pick(tweets) : random.int(1, tweetCount);
      const rest = Math.min(left - 3, random.int(5, 14));
      sentences.push(`Tweet ${number} says ${words(random, rest).join(" ")}.`);
      left -= 3 + rest;
      continue;
    }
    const length = Math.min(left, random.int(6, 18));
    const parts = words(random, length);
    if (length >= 4 && random.chance(0.25)) {
      const at = random.int(1, length - 2);
      parts[at] = random.chance(0.5) ? `*${parts[at]}*` : `**${parts[at]} ${parts[at + 1]}**`;
      if (parts[at]!.startsWith("**")) parts.splice(at + 1, 1);
    }
    if (length >= 5 && random.chance(0.15)) {
      const at = random.int(1, length - 3);
      const href = random.chance(0.5) ? `https://example.com/reading/${parts[0]!.replace(/\W/g, "")}` : "/about/";
      const text = parts.splice(at, 2).join(" ");
      parts.splice(at, 0, `[${text}](${href})`);
    }
    sentences.push(`${CAPITALIZED(parts.join(" "))}.`);
    left -= length;
  }
  return { text: sentences.join(" "), words: count };
}

function sentence(random: Random, count: number): string {
  return `${CAPITALIZED(words(random, count).join(" "))}.`;
}

function words(random: Random, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(random.pick(WORDS));
  return out;
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
