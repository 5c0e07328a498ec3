import { describe, expect, it } from "vitest";
import { fileKind, formatSize } from "./file-label.ts";

describe("file labels", () => {
  it.each([
    ["image/jpeg", "image"],
    ["application/pdf", "pdf"],
    ["audio/ogg", "audio"],
    ["video/mp4", "video"],
    ["application/octet-stream", "other"],
  ])("%s is %s", (type, kind) => expect(fileKind(type)).toBe(kind));

  it("says sizes in kB and MB, in the reader's language", () => {
    expect(formatSize("es", 340_000)).toBe("340\u00a0kB");
    expect(formatSize("es", 120)).toBe("1\u00a0kB");
    expect(formatSize("es", 1_234_567)).toBe("1,2\u00a0MB");
    expect(formatSize("en", 1_234_567)).toBe("1.2\u00a0MB");
  });
});
