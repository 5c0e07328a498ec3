import { describe, expect, it } from "vitest";
import { listFileType } from "./client.ts";
import { queueFilterFrom, queueHref, queueSearchParams } from "./keys.ts";
import { linesOf, pendingOf, restoreLine, withoutLine, type QueueData } from "./queue-cache.ts";
import type { QueueItem } from "./schema.ts";

const A = "00000000-0000-7000-8000-00000000000a";
const line = (id: string, position: number, announcementId = A): QueueItem => ({
  id,
  announcement: { id: announcementId, claimant: "Asamblea", statedOn: "2026-01-13" },
  position,
  nameAsPrinted: `NOMBRE ${position}`,
  identifierAsPrinted: null,
  linkMethod: "pending",
  suggestedPersonId: null,
  candidates: [],
  split: { givenNames: "Nombre", surnames: String(position) },
  createdAt: "2026-01-16T14:30:00.000Z",
});
const data = (...pages: QueueItem[][]): QueueData => ({
  pages: pages.map((items, index) => ({ items, nextCursor: index < pages.length - 1 ? `c${index}` : null, pending: 10 })),
  pageParams: pages.map((_, index) => (index === 0 ? null : `c${index - 1}`)),
});

describe("the queue's optimistic updates", () => {
  const one = line("00000000-0000-7000-8000-000000000001", 1);
  const two = line("00000000-0000-7000-8000-000000000002", 2);
  const three = line("00000000-0000-7000-8000-000000000003", 3);

  it("takes a line out (and one off the count), and leaves the cache alone for an unknown line", () => {
    const before = data([one, two], [three]);
    const after = withoutLine(before, two.id)!;
    expect(linesOf(after).map((item) => item.id)).toEqual([one.id, three.id]);
    expect(pendingOf(after)).toBe(9);
    expect(withoutLine(before, "nope")).toBe(before);
    expect(withoutLine(undefined, one.id)).toBeUndefined();
  });

  it("puts a refused line back in its place, keeping other changes", () => {
    const before = data([one, two], [three]);
    const current = withoutLine(withoutLine(before, two.id), one.id);
    const restored = restoreLine(current, before, two.id)!;
    expect(linesOf(restored).map((item) => item.id)).toEqual([two.id, three.id]);
    expect(pendingOf(restored)).toBe(9);
    expect(restoreLine(current, before, "nope")).toBe(current);
    expect(restoreLine(undefined, before, two.id)).toBe(before);
  });

  it("lists every line once, in order", () => {
    expect(linesOf(data([one, two], [two, three])).map((item) => item.position)).toEqual([1, 2, 3]);
    expect(linesOf(undefined)).toEqual([]);
  });
});

describe("the queue's address and keys", () => {
  it("reads the announcement from ?anuncio=, dropping what is not an id", () => {
    expect(queueFilterFrom({ anuncio: A.toUpperCase() })).toEqual({ announcementId: A });
    expect(queueFilterFrom(new URLSearchParams("anuncio=x"))).toEqual({});
    expect(queueHref({ announcementId: A })).toBe(`/cotejo?anuncio=${A}`);
    expect(queueHref({})).toBe("/cotejo");
    expect(queueSearchParams({ announcementId: A }, { cursor: "c", limit: 20 }).toString()).toBe(`announcementId=${A}&cursor=c&limit=20`);
  });

  it("sends a chosen file as a list type by its name", () => {
    expect(listFileType("Lista Oficial.CSV")).toBe("text/csv");
    expect(listFileType("lista.txt")).toBe("text/plain");
    expect(listFileType("lista.tsv")).toBe("text/tab-separated-values");
    expect(listFileType("lista.xlsx")).toBeNull();
  });
});
