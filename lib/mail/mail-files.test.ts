import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mailFileName, writeEmlAtomically } from "./eml-file.ts";
import { redactAddresses } from "./message.ts";
import { decodeQuotedPrintable } from "./read-eml.ts";

describe("mail files", () => {
  it("are named <time>-<kind>-<ref>.eml, and sort by the time they were written", () => {
    const earlier = mailFileName("notification", "0193F0C2-ab", new Date("2026-01-12T15:00:00.123Z"));
    const later = mailFileName("confirmation", "0193f0c2-aa", new Date("2026-01-12T15:00:01.000Z"));
    expect(earlier).toBe("20260112T150000123Z-notification-0193f0c2-ab.eml");
    expect([later, earlier].sort()).toEqual([earlier, later]);
    expect(mailFileName("a/../b", "x y", new Date(0))).toBe("19700101T000000000Z-a----b-x-y.eml");
  });

  it("are written whole: under a temporary name first, then renamed, leaving nothing else behind", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "constancia-mail-"));
    try {
      const file = await writeEmlAtomically(path.join(dir, "mail"), "a.eml", Buffer.from("Subject: x\n\nhola\n"));
      expect(file).toBe(path.join(dir, "mail", "a.eml"));
      expect(await fs.readdir(path.join(dir, "mail"))).toEqual(["a.eml"]);
      expect(await fs.readFile(file, "utf8")).toBe("Subject: x\n\nhola\n");
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe("redactAddresses", () => {
  it("takes addresses out of error texts", () => {
    expect(redactAddresses("550 5.1.1 <madre.perez@example.org>: Recipient address rejected")).toBe(
      "550 5.1.1 <[address]>: Recipient address rejected",
    );
    expect(redactAddresses("connect ECONNREFUSED 127.0.0.1:25")).toBe("connect ECONNREFUSED 127.0.0.1:25");
  });
});

describe("decodeQuotedPrintable", () => {
  it("joins soft line breaks and decodes UTF-8 bytes", () => {
    expect(decodeQuotedPrintable("Liberaci=C3=B3n verifi=\ncada =3D s=C3=AD")).toBe("Liberación verificada = sí");
  });
});
