import { describe, expect, it } from "vitest";
import { countLinks } from "./links.ts";

describe("countLinks", () => {
  it.each([
    ["", 0],
    ["Lo vi salir de El Rodeo el 12 de enero, con su hermana.", 0],
    ["Vea https://example.org/nota", 1],
    ["Vea (https://example.org/nota).", 1],
    ["http://a.com,http://b.com", 2],
    ["https://a.org https://b.org https://c.org", 3],
    ["www.ejemplo.com y WWW.OTRO.NET", 2],
    ["casino.com", 1],
    ["entre a bit.ly/abc123 ya", 1],
    ["«noticias.com.ve/liberados»", 1],
    ["[url=http://spam.example]x[/url]", 1],
    ["<a href=\"https://spam.example\">x</a>", 1],
    ["ftp://files.example.net/a", 1],
  ])("%j → %i", (text, expected) => {
    expect(countLinks(text)).toBe(expected);
  });

  it.each([
    "Escríbame a maria.perez@gmail.com o al 0414-123.45.67",
    "Su cédula es V-12.345.678",
    "El Sr.Pérez y la Sra.González lo confirmaron, p.ej. a las 3.30",
    "Salió el 12.01.2026 a las 10.15",
    "Me lo dijo Ana M. Rodríguez.",
    "... y eso fue todo.",
  ])("does not count prose: %s", (text) => {
    expect(countLinks(text)).toBe(0);
  });
});
