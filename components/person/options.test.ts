import { describe, expect, it } from "vitest";
import { formatCedula, nationalityChoices } from "./options.ts";

describe("person options", () => {
  it("writes a stored cédula the way Venezuelans do", () => {
    expect(formatCedula("V12345678")).toBe("V-12.345.678");
    expect(formatCedula("E84123456")).toBe("E-84.123.456");
    expect(formatCedula("V123456")).toBe("V-123.456");
    expect(formatCedula(null)).toBe("");
  });
  it("offers Venezuela first and keeps a stored nationality outside the list", () => {
    const es = nationalityChoices("es", "JP");
    expect(es[0]).toEqual({ code: "VE", name: "Venezuela" });
    expect(es.some((choice) => choice.code === "JP")).toBe(true);
    expect(nationalityChoices("en").find((choice) => choice.code === "ES")?.name).toBe("Spain");
  });
});
