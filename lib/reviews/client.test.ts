import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { problemOf } from "./client.ts";

describe("problemOf: the server's refusal, in words the screen translates", () => {
  it.each([
    [403, "forbidden", "You reported this release: someone else must review it.", "own_report"],
    [403, "forbidden", "You are not allowed to do this.", "forbidden"],
    [409, "conflict", "You have already decided on this release.", "already_decided"],
    [409, "conflict", "This release is not waiting for review any more.", "not_under_review"],
    [422, "unprocessable", "A release without evidence cannot be approved: add evidence first.", "no_evidence"],
    [400, "invalid_input", "Say why.", "reason_required"],
    [403, "second_factor_required", "…", "second_factor_required"],
    [401, "unauthenticated", "…", "unauthenticated"],
    [404, "not_found", "Release not found.", "not_found"],
    [429, "rate_limited", "…", "rate_limited"],
    [0, "network", "…", "network"],
    [500, "internal", "…", "internal"],
    [502, "whatever", "Bad gateway", "internal"],
  ] as const)("%i %s %j → %s", (status, code, message, expected) => {
    expect(problemOf(status, code, message)).toBe(expected);
  });

  it("relies on wording that lib/reviews/mutations.ts really uses", () => {
    // 403 and 409 each cover two refusals that only the message tells apart.
    const source = readFileSync(new URL("./mutations.ts", import.meta.url), "utf8");
    expect(source).toMatch(/You reported this release/);
    expect(source).toMatch(/already decided on this release/);
  });
});
