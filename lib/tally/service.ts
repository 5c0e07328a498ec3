import { createHash } from "node:crypto";
import { todayInCaracas } from "../dates.ts";
import { stampedCache } from "./cache.ts";
import { computeTally, type Tally } from "./compute.ts";
import { readTallyFacts } from "./facts.ts";
import { publicTally, type PublicTally } from "./public.ts";

/**
 * The tally as of a day, computed once per change (lib/tally/cache.ts) and
 * shared by the API, the public pages and their downloads: one computation,
 * so that the page and `/api/v1/tally` can never disagree.
 */
interface Computed {
  tally: Tally;
  public: PublicTally;
  /** The API's answer, serialised once… */
  json: string;
  /** …and named by its content, for conditional requests. */
  etag: string;
}

const cache = stampedCache<Computed>(async (asOf) => {
  const tally = computeTally(await readTallyFacts(asOf));
  const view = publicTally(tally);
  const json = JSON.stringify(view);
  return { tally, public: view, json, etag: `"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"` };
});

/** As of the end of `asOf` (Caracas), today when absent. Validate `asOf` first (lib/tally/schema.ts). */
export async function tallyAsOf(asOf: string = todayInCaracas()): Promise<Computed> {
  return cache.get(asOf);
}

/** The public tally (DESIGN.md rule 4 applied): what pages and the API show. */
export async function publicTallyAsOf(asOf?: string): Promise<PublicTally> {
  return (await tallyAsOf(asOf)).public;
}

/** For tests and benchmarks that write below the audit trail. */
export function clearTallyCache(): void {
  cache.clear();
}
