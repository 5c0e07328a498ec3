import { describe, expect, it } from "vitest";
import { fileSize, fileTypeName, isPreviewableImage, releaseDate } from "./format.ts";

describe("review formatters", () => {
  it("say a release date with its precision", () => {
    expect(releaseDate("es", "2026-01-12")).toEqual({ key: "day", date: "12\u00a0ene\u00a02026" });
    expect(releaseDate("en", "2026-01").key).toBe("month");
    expect(releaseDate("en", "2026-01").date).toMatch(/January/);
    expect(releaseDate("es", null)).toEqual({ key: "unknown", date: "" });
  });

  it("preview only images every browser shows", () => {
    expect(isPreviewableImage("image/jpeg")).toBe(true);
    expect(isPreviewableImage("image/webp")).toBe(true);
    expect(isPreviewableImage("image/heic")).toBe(false);
    expect(isPreviewableImage("application/pdf")).toBe(false);
  });

  it("name file types the way people know them", () => {
    expect(fileTypeName("application/pdf")).toBe("PDF");
    expect(fileTypeName("video/quicktime")).toBe("MOV");
    expect(fileTypeName("audio/ogg; codecs=opus")).toBe("OGG");
    expect(fileTypeName("application/x-something")).toBe("SOMETHING");
  });

  it("give sizes in decimal units, in the reader's language", () => {
    expect(fileSize("es", 850)).toBe("850\u00a0B");
    expect(fileSize("es", 12_500)).toBe("12,5\u00a0KB");
    expect(fileSize("en", 3_400_000)).toBe("3.4\u00a0MB");
  });
});
