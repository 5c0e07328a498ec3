import { db } from "../db/client.ts";

/**
 * Whether demo data is loaded: the demo loader records itself under the
 * SystemState key "demo". A value of false/null, or `{"loaded": false}`, means
 * it was removed.
 */
export async function isDemoLoaded(): Promise<boolean> {
  const row = await db().systemState.findUnique({ where: { key: "demo" }, select: { value: true } });
  if (!row) return false;
  const value = row.value;
  if (value === null || value === false) return false;
  if (typeof value === "object" && !Array.isArray(value) && "loaded" in value) return value.loaded !== false;
  return true;
}
