// Data files in YAML (tweets, topics), read with the YAML 1.2 core schema so
// values mean the same here as in our validation.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { parse } from "yaml";

export default function dataPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addDataExtension("yaml", (contents: string) => parse(contents, { schema: "core" }));
}
