import { describe, expect, it } from "vitest";
import { keepable, keptHeaders, variantOf } from "./public-cache.ts";

const get = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers });

describe("which requests the public cache may answer (variantOf)", () => {
  it("keys the tally by its as-of day only, and the page by its parameters and language", () => {
    expect(variantOf(get("/api/v1/tally"))).toEqual({ key: "/api/v1/tally#-", url: "/api/v1/tally", locale: null });
    expect(variantOf(get("/api/v1/tally?asOf=2026-01-14", { "accept-language": "en" }))?.key).toBe("/api/v1/tally?asOf=2026-01-14#-");
    expect(variantOf(get("/anuncios"))?.key).toBe("/anuncios#es");
    // Parameters in any order are the same answer.
    expect(variantOf(get("/anuncios?pagina=2&asOf=2026-01-14"))?.url).toBe("/anuncios?asOf=2026-01-14&pagina=2");
    expect(variantOf(get("/anuncios?asOf=2026-01-14&pagina=2"))?.key).toBe("/anuncios?asOf=2026-01-14&pagina=2#es");
  });

  it("chooses the page's language as the app does: the cookie, then Accept-Language, then Spanish", () => {
    expect(variantOf(get("/anuncios", { "accept-language": "en-GB,en;q=0.9" }))?.locale).toBe("en");
    expect(variantOf(get("/anuncios", { "accept-language": "en", cookie: "NEXT_LOCALE=es" }))?.locale).toBe("es");
    expect(variantOf(get("/anuncios", { cookie: "theme=dark; NEXT_LOCALE=en" }))?.locale).toBe("en");
    expect(variantOf(get("/anuncios", { cookie: "NEXT_LOCALE=fr", "accept-language": "de" }))?.locale).toBe("es");
  });

  it("never answers a signed-in visitor, a token holder, or anything but GET", () => {
    for (const cookie of [
      "next-auth.session-token=abc",
      "NEXT_LOCALE=en; next-auth.session-token=abc",
      "__Secure-next-auth.session-token=abc",
      "next-auth.session-token.0=abc; next-auth.session-token.1=def",
    ]) {
      expect(variantOf(get("/anuncios", { cookie })), cookie).toBeNull();
    }
    expect(variantOf(get("/api/v1/tally", { authorization: "Bearer cst_x" }))).toBeNull();
    expect(variantOf({ method: "POST", url: "/anuncios", headers: {} })).toBeNull();
    expect(variantOf({ method: "HEAD", url: "/api/v1/tally", headers: {} })).toBeNull();
    // A cookie that only mentions the name in its value is not a session.
    expect(variantOf(get("/anuncios", { cookie: "note=next-auth.session-token" }))).not.toBeNull();
  });

  it("leaves Next's client navigations and server actions to Next", () => {
    for (const header of ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url"]) {
      expect(variantOf(get("/anuncios", { [header]: "1" })), header).toBeNull();
    }
    expect(variantOf(get("/anuncios?_rsc=abc"))).toBeNull();
  });

  it("leaves other paths, undeclared and repeated parameters to Next", () => {
    expect(variantOf(get("/anuncios/"))).toBeNull();
    expect(variantOf(get("/anuncios/cambios"))).toBeNull();
    expect(variantOf(get("/lista"))).toBeNull();
    expect(variantOf(get("/api/v1/tally?asOf=2026-01-14&x=1"))).toBeNull();
    expect(variantOf(get("/api/v1/tally?pagina=2"))).toBeNull();
    expect(variantOf(get("/api/v1/tally?asOf=2026-01-14&asOf=2026-01-15"))).toBeNull();
  });
});

describe("which of Next's headers an answer keeps", () => {
  it("drops what belongs to one connection or one visitor", () => {
    const kept = keptHeaders([
      ["content-type", "application/json"],
      ["ETag", '"abc"'],
      ["set-cookie", "a=b"],
      ["Content-Length", "10"],
      ["content-encoding", "gzip"],
      ["transfer-encoding", "chunked"],
      ["date", "Tue, 24 Nov 2026 20:00:00 GMT"],
      ["connection", "keep-alive"],
      ["x-constancia-cache", "hit"],
      ["x-frame-options", "DENY"],
    ]);
    expect(kept).toEqual([
      ["content-type", "application/json"],
      ["ETag", '"abc"'],
      ["x-frame-options", "DENY"],
    ]);
  });
});

describe("which of Next's answers are kept (keepable)", () => {
  const body = Buffer.from("figures");
  it("keeps a plain 200, without what belongs to one answer", () => {
    expect(keepable(200, [["content-type", "text/html"], ["date", "x"]], body)).toEqual({ headers: [["content-type", "text/html"]], body });
  });
  it("never keeps an error, a redirect, an answer that sets a cookie or one already encoded", () => {
    expect(keepable(400, [], body)).toBeNull();
    expect(keepable(307, [["location", "/ingresar"]], body)).toBeNull();
    expect(keepable(200, [["Set-Cookie", "a=b"]], body)).toBeNull();
    expect(keepable(200, [["content-encoding", "gzip"]], body)).toBeNull();
  });
});
