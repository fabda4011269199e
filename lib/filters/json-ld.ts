// JSON-LD for search engines. Built as data and serialized here, so a title
// like `</script>` can never end the script element early.

/** JSON made safe to sit inside `<script type="application/ld+json">`. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export interface BlogPostingInput {
  url: string;
  title: string;
  description: string;
  date: Date;
  updated: Date | undefined;
  tags: string[];
  image: string | undefined;
  authorName: string;
  authorUrl: string;
  siteTitle: string;
  siteUrl: string;
  language: string;
}

export function blogPosting(input: BlogPostingInput): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: input.title,
    description: input.description,
    url: input.url,
    mainEntityOfPage: { "@type": "WebPage", "@id": input.url },
    datePublished: input.date.toISOString(),
    dateModified: (input.updated ?? input.date).toISOString(),
    inLanguage: input.language,
    ...(input.tags.length > 0 && { keywords: input.tags.join(", ") }),
    ...(input.image !== undefined && { image: input.image }),
    author: { "@type": "Person", name: input.authorName, url: input.authorUrl },
    publisher: { "@type": "Organization", name: input.siteTitle, url: input.siteUrl },
  };
}

/** The whole `<script>` element; a shortcode returns it so templates never mark JSON as safe. */
export function jsonLdScript(value: unknown): string {
  return `<script type="application/ld+json">${scriptSafeJson(value)}</script>`;
}

