// Data file formats beyond JSON: YAML (tweets, topics) with the YAML 1.2 core
// schema, so values mean the same here as in our validation; and TypeScript
// templates (`*.11ty.ts`) through the tsx loader the build runs under.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { parse } from "yaml";

export default function dataPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addDataExtension("yaml", (contents: string) => parse(contents, { schema: "core" }));
  eleventyConfig.addExtension("11ty.ts", { key: "11ty.js" });
}
