import { env } from "@/lib/env.ts";
import { issueTipFormToken } from "@/lib/tips/spam-guard.ts";
import { TipForm } from "./TipForm.tsx";

/**
 * The tip form on a public person page, with its form token rendered in: a
 * visitor's form works without asking for anything first, and the token's
 * issue time is when the page was served. The page shows it only for persons
 * the public may see (the endpoint checks again).
 */
export async function TipSection({ personId }: { personId: string }) {
  const { token } = await issueTipFormToken(personId);
  return <TipForm personId={personId} initialToken={token} maxUploadBytes={env.maxUploadBytes()} />;
}
