import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./database.ts";

// One migrated database for the integration run; tests create their own rows
// (unique e-mails, ids) so that files do not depend on each other's data.
export default async function setup(project: TestProject) {
  const database = await createTestDatabase("integration");
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.drop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
