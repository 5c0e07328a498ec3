import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { catalogues as loaded } from "./catalogue.ts";

const { es, en } = loaded;

type Tree = { [key: string]: string | Tree };

/** "a.b.c" → message, for every leaf of a catalogue. */
function flatten(tree: Tree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object") {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

/** Names of the ICU arguments a message uses ({name}, {count, plural, …}). */
function argumentNames(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentNames(option.value, into);
    }
    if (element.type === TYPE.tag) argumentNames(element.children, into);
  }
  return into;
}

const catalogues = { es: flatten(es as Tree), en: flatten(en as Tree) };

describe("message catalogues", () => {
  it.each([
    ["es", "en"],
    ["en", "es"],
  ] as const)("every key of %s exists in %s", (from, to) => {
    const missing = [...catalogues[from].keys()].filter((key) => !catalogues[to].has(key));
    expect(missing).toEqual([]);
  });

  it.each(["es", "en"] as const)("%s has no empty or non-text value", (locale) => {
    const bad = [...catalogues[locale]].filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it.each(["es", "en"] as const)("%s messages are valid ICU", (locale) => {
    for (const [key, value] of catalogues[locale]) {
      expect(() => parse(String(value)), key).not.toThrow();
    }
  });

  it("both languages use the same arguments in each message", () => {
    const differing = [...catalogues.es.keys()]
      .filter((key) => catalogues.en.has(key))
      .filter((key) => {
        const a = [...argumentNames(parse(String(catalogues.es.get(key))))].sort();
        const b = [...argumentNames(parse(String(catalogues.en.get(key))))].sort();
        return a.join() !== b.join();
      });
    expect(differing).toEqual([]);
  });
});
