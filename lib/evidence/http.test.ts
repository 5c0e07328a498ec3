import { describe, expect, it } from "vitest";
import { fileResponseHeaders } from "./http.ts";

describe("stored file response headers", () => {
  it("shows a public photo inline, cacheable, sandboxed and never sniffed", () => {
    const headers = fileResponseHeaders({ contentType: "image/jpeg", size: 1234, fileName: "evidencia-abc.jpg", isPublic: true });
    expect(Object.fromEntries(headers)).toEqual({
      "content-type": "image/jpeg",
      "content-length": "1234",
      "content-disposition": `inline; filename="evidencia-abc.jpg"; filename*=UTF-8''evidencia-abc.jpg`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "public, max-age=3600",
    });
  });

  it("sends a private PDF as a download, never cached, with its name encoded", () => {
    const headers = fileResponseHeaders({
      contentType: "application/pdf",
      size: 10,
      fileName: 'Declaración "José" (1).pdf',
      isPublic: false,
    });
    expect(headers.get("content-disposition")).toBe(
      `attachment; filename="Declaracion _Jose_ (1).pdf"; filename*=UTF-8''Declaraci%C3%B3n%20%22Jos%C3%A9%22%20%281%29.pdf`,
    );
    expect(headers.get("cache-control")).toBe("private, no-store");
  });
});
