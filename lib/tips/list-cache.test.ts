import { describe, expect, it } from "vitest";
import { tipFiltersFrom, tipKeys, tipSearchParams, tipsPageHref } from "./keys.ts";
import { restoreTip, tipsOf, withoutTip, type TipListData } from "./list-cache.ts";
import type { TipItem } from "./schema.ts";

const tip = (id: string, createdAt: string): TipItem => ({
  id,
  status: "pending",
  text: `Pista ${id}`,
  contact: null,
  createdAt,
  reviewedAt: null,
  reviewedBy: null,
  person: null,
  file: null,
});

const a = tip("0000000a-0000-7000-8000-000000000000", "2026-01-14T10:00:00.000Z");
const b = tip("0000000b-0000-7000-8000-000000000000", "2026-01-13T10:00:00.000Z");
const c = tip("0000000c-0000-7000-8000-000000000000", "2026-01-12T10:00:00.000Z");
const data: TipListData = {
  pages: [
    { tips: [a, b], nextCursor: "next" },
    { tips: [c], nextCursor: null },
  ],
  pageParams: [null, "next"],
};

describe("the tips list cache", () => {
  it("takes a tip out of whichever page holds it, and leaves the data alone when it is not there", () => {
    const without = withoutTip(data, b.id)!;
    expect(tipsOf(without).map((t) => t.id)).toEqual([a.id, c.id]);
    expect(without.pages[1]).toBe(data.pages[1]);
    expect(withoutTip(data, "unknown")).toBe(data);
    expect(withoutTip(undefined, a.id)).toBeUndefined();
  });

  it("puts a refused tip back in its place, keeping other changes", () => {
    const bothGone = withoutTip(withoutTip(data, b.id), a.id);
    const restored = restoreTip(bothGone, data, b.id)!;
    // b comes back; a stays out (its own mark is still on its way).
    expect(tipsOf(restored).map((t) => t.id)).toEqual([b.id, c.id]);
    expect(tipsOf(restoreTip(withoutTip(data, c.id), data, c.id)).map((t) => t.id)).toEqual([a.id, b.id, c.id]);
  });

  it("restores from the snapshot when the cache was emptied meanwhile", () => {
    expect(restoreTip(undefined, data, a.id)).toBe(data);
    expect(restoreTip(data, undefined, a.id)).toBe(data);
  });

  it("lists each tip once", () => {
    const duplicated: TipListData = { ...data, pages: [...data.pages, { tips: [c], nextCursor: null }] };
    expect(tipsOf(duplicated).map((t) => t.id)).toEqual([a.id, b.id, c.id]);
  });
});

describe("the tips page filters", () => {
  it("reads the status and person from the URL, dropping what the API would refuse", () => {
    expect(tipFiltersFrom({})).toEqual({ status: "pending" });
    expect(tipFiltersFrom({ status: "reviewed" })).toEqual({ status: "reviewed" });
    expect(tipFiltersFrom({ status: "all", personId: "nope" })).toEqual({ status: "pending" });
    expect(tipFiltersFrom(new URLSearchParams("status=dismissed&personId=0190F0A0-0000-7000-8000-000000000001"))).toEqual({
      status: "dismissed",
      personId: "0190f0a0-0000-7000-8000-000000000001",
    });
  });

  it("writes the URL and the API query, leaving the default out", () => {
    expect(tipsPageHref({ status: "pending" })).toBe("/pistas");
    expect(tipsPageHref({ status: "reviewed", personId: "p" })).toBe("/pistas?status=reviewed&personId=p");
    expect(tipSearchParams({ status: "pending" }, { cursor: "x", limit: 20 }).toString()).toBe("cursor=x&limit=20");
  });

  it("gives equal filters equal keys", () => {
    expect(tipKeys.list({ status: "pending", personId: undefined })).toEqual(tipKeys.list({ status: "pending" }));
    expect(tipKeys.list({ status: "pending" }).slice(0, 2)).toEqual(tipKeys.lists());
  });
});
