import { afterAll, inject } from "vitest";
import { disconnectDb } from "../db/client.ts";

// Every integration test file talks to the run's real database.
process.env.DATABASE_URL = inject("databaseUrl");

afterAll(async () => {
  await disconnectDb();
});
