import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { systemActor, type Actor } from "../auth/actor.ts";
import { createUser, ensureDefaultOrganization } from "../auth/mutations.ts";
import type { Disclosure, ReleaseStatus } from "../generated/prisma/enums.ts";
import { makeOrganization, makePerson, makeRelease, uniqueWord } from "../persons/test-fixtures.ts";

/**
 * Rows and a data directory for the evidence integration tests: each test
 * makes its own users, persons and releases, and files go to a temporary
 * CONSTANCIA_DATA_DIR, so nothing depends on other tests' data.
 */
export const cli = systemActor("cli");

export async function useTemporaryDataDir(): Promise<{ dir: string; restore: () => Promise<void> }> {
  const previous = process.env.CONSTANCIA_DATA_DIR;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "constancia-evidence-"));
  process.env.CONSTANCIA_DATA_DIR = dir;
  return {
    dir,
    async restore() {
      if (previous === undefined) delete process.env.CONSTANCIA_DATA_DIR;
      else process.env.CONSTANCIA_DATA_DIR = previous;
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Every file under <dataDir>/files (temporary files included), as relative paths. */
export async function filesOnDisk(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, "files");
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

export async function newUser(role: "volunteer" | "moderator" | "admin") {
  const organization = await ensureDefaultOrganization(cli);
  const name = `Evidence ${role} ${uniqueWord("n")}`;
  const user = await createUser(cli, {
    email: `evidence-${role}-${randomUUID().slice(0, 8)}@test.constancia.org`,
    name,
    role,
    organizationId: organization.id,
  });
  const actor: Actor = { kind: "user", userId: user.id, role, organizationId: user.organizationId };
  return { user: { ...user, name }, actor };
}

export async function newRelease(
  options: { disclosure?: Disclosure; status?: ReleaseStatus; releaseDeleted?: boolean; personDeleted?: boolean } = {},
) {
  const organization = await makeOrganization();
  const person = await makePerson(organization.id, {
    givenNames: uniqueWord("Ana"),
    surnames: uniqueWord("Prueba"),
    disclosure: options.disclosure ?? "public",
    deleted: options.personDeleted,
  });
  const release = await makeRelease(organization.id, person.id, {
    history: [{ status: options.status ?? "reported", at: new Date("2026-01-12T15:00:00Z") }],
    releasedOn: new Date("2026-01-12T00:00:00Z"),
    deleted: options.releaseDeleted,
  });
  return { organization, person, release };
}
