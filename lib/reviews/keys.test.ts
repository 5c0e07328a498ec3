import { describe, expect, it } from "vitest";
import { activeFilterCount, queueFiltersFrom, queueHref, queueSearchParams, reviewKeys, waitingOfKey } from "./keys.ts";

const ORG = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";

describe("queue filters in the URL", () => {
  it("default to what waits for me, with no filter", () => {
    expect(queueFiltersFrom({})).toEqual({ waiting: "mine" });
    expect(queueSearchParams({ waiting: "mine" }).toString()).toBe("");
  });

  it("read every filter, and write them back the same", () => {
    const params = new URLSearchParams({
      organizationId: ORG,
      facility: "Rodeo I",
      releasedFrom: "2026-01-08",
      releasedTo: "2026-01-14",
      evidenceKind: "none",
      waiting: "all",
    });
    const filters = queueFiltersFrom(params);
    expect(filters).toEqual({
      organizationId: ORG,
      facility: "Rodeo I",
      releasedFrom: "2026-01-08",
      releasedTo: "2026-01-14",
      evidenceKind: "none",
      waiting: "all",
    });
    expect(queueFiltersFrom(queueSearchParams(filters))).toEqual(filters);
    expect(activeFilterCount(filters)).toBe(5);
  });

  it("drop values the API would refuse instead of failing the page", () => {
    expect(
      queueFiltersFrom({ organizationId: "not-a-uuid", releasedFrom: "12/01/2026", evidenceKind: "rumour", waiting: "everything", facility: "  " }),
    ).toEqual({ waiting: "mine" });
  });

  it("take the first of repeated values (Next's string[])", () => {
    expect(queueFiltersFrom({ facility: ["El Helicoide", "Tocorón"] }).facility).toBe("El Helicoide");
  });

  it("put a reversed date range the right way round", () => {
    expect(queueFiltersFrom({ releasedFrom: "2026-01-14", releasedTo: "2026-01-08" })).toMatchObject({
      releasedFrom: "2026-01-08",
      releasedTo: "2026-01-14",
    });
  });

  it("add the page's cursor and size for the API", () => {
    const params = queueSearchParams({ waiting: "mine", facility: "Rodeo I" }, { cursor: "abc", limit: 20 });
    expect(Object.fromEntries(params)).toEqual({ facility: "Rodeo I", cursor: "abc", limit: "20" });
  });
});

describe("the import filter", () => {
  const IMPORT = "0194a5c2-7d3e-7b1a-9f00-3c2b1a0d9e8f";

  it("reads ?importacion= (the import screen's link) and shows all its releases by default", () => {
    expect(queueFiltersFrom({ importacion: IMPORT })).toEqual({ importId: IMPORT, waiting: "all" });
    expect(queueFiltersFrom({ importacion: IMPORT, waiting: "mine" })).toEqual({ importId: IMPORT, waiting: "mine" });
    expect(queueFiltersFrom({ importacion: "not-an-id" })).toEqual({ waiting: "mine" });
    expect(queueFiltersFrom({ importacion: IMPORT.toUpperCase() }).importId).toBe(IMPORT);
  });

  it("writes the page's URL with importacion, and the API's with importId", () => {
    expect(queueHref({ importId: IMPORT, waiting: "all" })).toBe(`/revision?importacion=${IMPORT}`);
    expect(queueHref({ importId: IMPORT, waiting: "mine" })).toBe(`/revision?importacion=${IMPORT}&waiting=mine`);
    expect(queueHref({ waiting: "mine" })).toBe("/revision");
    expect(queueHref({ waiting: "all", facility: "Rodeo I" })).toBe("/revision?facility=Rodeo+I&waiting=all");
    expect(Object.fromEntries(queueSearchParams({ importId: IMPORT, waiting: "all" }))).toEqual({ importId: IMPORT, waiting: "all" });
    expect(Object.fromEntries(queueSearchParams({ importId: IMPORT, waiting: "mine" }))).toEqual({ importId: IMPORT });
    for (const filters of [{ importId: IMPORT, waiting: "all" as const }, { importId: IMPORT, waiting: "mine" as const, facility: "Tocorón" }]) {
      expect(queueFiltersFrom(new URL(queueHref(filters), "http://x").searchParams)).toEqual(filters);
    }
  });

  it("is not counted among the form's filters, and makes its own query key", () => {
    expect(activeFilterCount({ importId: IMPORT, waiting: "all" })).toBe(0);
    expect(reviewKeys.queue({ importId: IMPORT, waiting: "all" })).not.toEqual(reviewKeys.queue({ waiting: "all" }));
    expect(reviewKeys.decideBatch().slice(0, 2)).toEqual([...reviewKeys.decide()]);
  });
});

describe("query keys", () => {
  it("are equal for equal filters, whatever undefined fields they carry", () => {
    expect(reviewKeys.queue({ waiting: "mine", facility: undefined })).toEqual(reviewKeys.queue({ waiting: "mine" }));
    expect(reviewKeys.queue({ waiting: "all" })).not.toEqual(reviewKeys.queue({ waiting: "mine" }));
  });

  it("nest every queue under one prefix, and tell the waiting mode back", () => {
    const key = reviewKeys.queue({ waiting: "all", facility: "Rodeo I" });
    expect(key.slice(0, 2)).toEqual([...reviewKeys.queues()]);
    expect(waitingOfKey(key)).toBe("all");
    expect(waitingOfKey(reviewKeys.queue({ waiting: "mine" }))).toBe("mine");
  });
});
