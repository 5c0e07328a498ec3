import { describe, expect, it } from "vitest";
import { tokenResponseSchema, userResponseSchema } from "../../auth/schema.ts";
import { tokenView, userView } from "../../auth/views.ts";
import { AppError, ERROR_STATUS, errors, type ErrorCode } from "../../errors.ts";
import { describeError } from "../guard.ts";
import { errorResponseSchema } from "./schemas.ts";

// The published response schemas are strict: these hold them to what the code builds today.
describe("response schemas", () => {
  const at = new Date("2026-01-12T10:30:00.000Z");

  it("match userView as GET /api/v1/users lists users", () => {
    const view = userView({
      id: "01990000-0000-7000-8000-000000000001",
      email: "ana@example.org",
      name: "Ana",
      role: "moderator",
      disabledAt: null,
      version: 3,
      organization: { id: "01990000-0000-7000-8000-000000000002", name: "Principal", slug: "principal" },
      lastSignInAt: null,
    });
    expect(userResponseSchema.parse(view)).toEqual(view);
    expect(userResponseSchema.parse({ ...view, lastSignInAt: at.toISOString() })).toBeTruthy();
  });

  it("match tokenView", () => {
    const view = tokenView({
      id: "01990000-0000-7000-8000-000000000003",
      name: "API",
      prefix: "cst_abcd",
      createdAt: at,
      lastUsedAt: null,
      expiresAt: at,
      revokedAt: at,
    });
    expect(tokenResponseSchema.parse(view)).toEqual(view);
  });

  it("describe every error describeError builds, for every code", () => {
    const samples: unknown[] = [
      errors.invalidInput("Invalid body: name: Too short", [{ path: "name", message: "Too short" }]),
      errors.staleVersion({ currentVersion: 4 }),
      errors.rateLimited(30),
      new Error("a bug"),
      ...(Object.keys(ERROR_STATUS) as ErrorCode[]).map((code) => new AppError(code, `A ${code} error.`)),
    ];
    const original = console.error;
    console.error = () => {};
    try {
      for (const sample of samples) {
        const { status, body } = describeError(sample);
        expect(errorResponseSchema.parse(body)).toEqual(body);
        expect(ERROR_STATUS[body.error.code as ErrorCode]).toBe(status);
      }
    } finally {
      console.error = original;
    }
  });
});
