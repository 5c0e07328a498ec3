import { describe, expect, it } from "vitest";
import { TIP_MESSAGES } from "../../lib/tips/schema.ts";
import { checkTipBeforeSending, tipProblemOf } from "./tip-problems.ts";

const LIMIT = 25 * 1024 * 1024;
const TEXT = "Lo vi salir el 12 de enero por la tarde.";
const refused = (status: number, error: { code: string; issues?: { path: string; message: string }[]; details?: Record<string, unknown> }) =>
  ({ ok: false, kind: "refused", status, error }) as const;

describe("checkTipBeforeSending", () => {
  it.each([
    [{ text: "", contact: "", file: null }, { key: "textRequired", field: "text" }],
    [{ text: "   ", contact: "", file: null }, { key: "textRequired", field: "text" }],
    [{ text: "corto", contact: "", file: null }, { key: "textTooShort", field: "text" }],
    [{ text: "x".repeat(5001), contact: "", file: null }, { key: "textTooLong", field: "text" }],
    [{ text: `${TEXT} https://a.example https://b.example https://c.example`, contact: "", file: null }, { key: "tooManyLinks", field: "text" }],
    [{ text: `${TEXT}\u0007`, contact: "", file: null }, { key: "notText", field: "text" }],
    [{ text: TEXT, contact: "9".repeat(301), file: null }, { key: "contactTooLong", field: "contact" }],
    [{ text: TEXT, contact: "", file: { size: 0 } }, { key: "fileEmpty", field: "file" }],
    [{ text: TEXT, contact: "", file: { size: LIMIT + 1 } }, { key: "fileTooLarge", field: "file", values: { limitMb: 25 } }],
  ])("%j → %j", (input, expected) => {
    expect(checkTipBeforeSending(input, LIMIT)).toEqual(expected);
  });

  it("lets a good tip through, with or without contact and file", () => {
    expect(checkTipBeforeSending({ text: TEXT, contact: "", file: null }, LIMIT)).toBeNull();
    expect(checkTipBeforeSending({ text: TEXT, contact: "maria@example.org", file: { size: 1000 } }, LIMIT)).toBeNull();
  });
});

describe("tipProblemOf", () => {
  it.each([
    [{ ok: false, kind: "network" } as const, { key: "connectionLost", field: null }],
    [{ ok: false, kind: "aborted" } as const, { key: "cancelled", field: null }],
    [refused(413, { code: "too_large", details: { limitBytes: 10 * 1024 * 1024 } }), { key: "fileTooLarge", field: "file", values: { limitMb: 10 } }],
    [refused(415, { code: "unsupported_media_type", details: { reason: "type" } }), { key: "fileType", field: "file" }],
    [refused(415, { code: "unsupported_media_type", details: { reason: "heic" } }), { key: "heicNotReadable", field: "file" }],
    [refused(422, { code: "unprocessable", details: { reason: "damaged_image" } }), { key: "damagedImage", field: "file" }],
    [refused(422, { code: "unprocessable", details: { reason: "form_too_fast", waitSeconds: 2 } }), { key: "tooFast", field: null, values: { seconds: 2 } }],
    [refused(422, { code: "unprocessable", details: { reason: "form_expired" } }), { key: "expired", field: null, renew: true }],
    [refused(409, { code: "conflict", details: { reason: "form_used" } }), { key: "used", field: null, renew: true }],
    [refused(400, { code: "invalid_input", details: { reason: "form_token_invalid" } }), { key: "tokenInvalid", field: null, renew: true }],
    [refused(400, { code: "invalid_input", issues: [{ path: "text", message: TIP_MESSAGES.tooManyLinks }] }), { key: "tooManyLinks", field: "text" }],
    [refused(400, { code: "invalid_input", issues: [{ path: "contact", message: TIP_MESSAGES.contactTooLong }] }), { key: "contactTooLong", field: "contact" }],
    [refused(400, { code: "invalid_input", issues: [{ path: "formToken", message: TIP_MESSAGES.formTokenRequired }] }), { key: "tokenInvalid", field: null, renew: true }],
    [refused(429, { code: "rate_limited", details: { retryAfterSeconds: 125 } }), { key: "rateLimited", field: null, values: { minutes: 3 } }],
    [refused(404, { code: "not_found" }), { key: "personGone", field: null }],
    [refused(500, { code: "internal" }), { key: "failed", field: null }],
  ])("%j → %j", (result, expected) => {
    expect(tipProblemOf(result, LIMIT)).toEqual(expected);
  });
});
