import { describe, expect, it } from "vitest";
import { linkTokenSchema, subscribeSchema } from "./schema.ts";

const PERSON = "0193f0c2-5b1e-7a00-8c3d-2f6e9a4b1c07";

describe("subscribeSchema", () => {
  it("takes an address and a person, trims and lower-cases the address, and defaults to Spanish", () => {
    expect(subscribeSchema.parse({ email: "  Ana.Perez@Correo.COM ", personId: PERSON })).toEqual({
      email: "ana.perez@correo.com",
      personId: PERSON,
      locale: "es",
    });
  });

  it("takes a search instead of a person, tidied as the search tidies it", () => {
    expect(subscribeSchema.parse({ email: "a@b.org", query: "  jose   luis perez ", locale: "en" })).toMatchObject({ query: "jose luis perez", locale: "en" });
  });

  it.each([
    ["no @", "ana.correo.com"],
    ["nothing before the @", "@correo.com"],
    ["no domain", "ana@"],
    ["no dot in the domain", "ana@correo"],
    ["spaces inside", "ana perez@correo.com"],
    ["two @", "ana@@correo.com"],
    ["empty", ""],
    ["too long", `${"a".repeat(250)}@correo.com`],
  ])("refuses a malformed address (%s) with a message on the email field", (_, email) => {
    const result = subscribeSchema.safeParse({ email, personId: PERSON });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toContain("email");
  });

  it("needs exactly one of personId and query", () => {
    expect(subscribeSchema.safeParse({ email: "a@b.org" }).success).toBe(false);
    expect(subscribeSchema.safeParse({ email: "a@b.org", personId: PERSON, query: "ana" }).success).toBe(false);
  });

  it("refuses searches the public search refuses, unknown languages and unknown fields", () => {
    expect(subscribeSchema.safeParse({ email: "a@b.org", query: "%%" }).success).toBe(false);
    expect(subscribeSchema.safeParse({ email: "a@b.org", query: "a" }).success).toBe(false);
    expect(subscribeSchema.safeParse({ email: "a@b.org", query: "ana\u0000" }).success).toBe(false);
    expect(subscribeSchema.safeParse({ email: "a@b.org", personId: PERSON, locale: "fr" }).success).toBe(false);
    expect(subscribeSchema.safeParse({ email: "a@b.org", personId: PERSON, name: "x" }).success).toBe(false);
    expect(subscribeSchema.safeParse({ email: "a@b.org", personId: "not-a-uuid" }).success).toBe(false);
  });
});

describe("linkTokenSchema", () => {
  it("takes any short token (the lookup decides), trimmed, and refuses an empty or huge one", () => {
    expect(linkTokenSchema.parse({ token: " abc " })).toEqual({ token: "abc" });
    expect(linkTokenSchema.safeParse({ token: "" }).success).toBe(false);
    expect(linkTokenSchema.safeParse({ token: "x".repeat(201) }).success).toBe(false);
  });
});
