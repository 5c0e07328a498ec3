import { describe, expect, it } from "vitest";
import { isCurrent, NAV_TABLE, navLinksFor } from "./links.ts";

const ids = (role: Parameters<typeof navLinksFor>[0]) => navLinksFor(role).map((link) => link.id);

/** A moderator's links, in order; an admin's are the same and one more. */
const MODERATOR_LINKS = [
  "inicio",
  "buscar",
  "lista",
  "anuncios",
  "registrar",
  "expedientes",
  "revision",
  "cotejo",
  "importar",
  "pistas",
  "cuenta",
  "auditoria",
];

describe("navLinksFor", () => {
  it("shows the public links to everyone", () => {
    expect(ids(null)).toEqual(["inicio", "buscar", "lista", "anuncios"]);
  });
  it("adds recording, the records and the account for a volunteer, never the review queue", () => {
    expect(ids("volunteer")).toEqual(["inicio", "buscar", "lista", "anuncios", "registrar", "expedientes", "cuenta"]);
  });
  it("adds the review queue, list matching, imports, the tips and the audit trail for a moderator", () => {
    expect(ids("moderator")).toEqual(MODERATOR_LINKS);
  });
  it("adds user management for an admin", () => {
    expect(ids("admin")).toEqual([...MODERATOR_LINKS, "usuarios"]);
  });
  it("points to the agreed paths", () => {
    expect(Object.fromEntries(navLinksFor("admin").map((l) => [l.id, l.href]))).toEqual({
      inicio: "/",
      buscar: "/buscar",
      lista: "/lista",
      anuncios: "/anuncios",
      registrar: "/registrar",
      expedientes: "/expedientes",
      revision: "/revision",
      cotejo: "/cotejo",
      importar: "/importar",
      pistas: "/pistas",
      cuenta: "/cuenta",
      auditoria: "/auditoria",
      usuarios: "/admin/usuarios",
    });
  });
  it("has unique ids and paths", () => {
    expect(new Set(NAV_TABLE.map((l) => l.id)).size).toBe(NAV_TABLE.length);
    expect(new Set(NAV_TABLE.map((l) => l.href)).size).toBe(NAV_TABLE.length);
  });
  it("does not expose the audience table in its output", () => {
    expect(Object.keys(navLinksFor("admin")[0]!).sort()).toEqual(["href", "id", "labelKey"]);
  });
});

describe("isCurrent", () => {
  it.each([
    ["/", "/", true],
    ["/", "/lista", false],
    ["/lista", "/lista", true],
    ["/admin/usuarios", "/admin/usuarios/nuevo", true],
    ["/lista", "/listas", false],
  ])("%s on %s → %s", (href, pathname, expected) => {
    expect(isCurrent(href, pathname)).toBe(expected);
  });
});
