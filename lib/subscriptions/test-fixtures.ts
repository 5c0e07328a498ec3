import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "../env.ts";
import { readEml } from "../mail/read-eml.ts";
import { sessionSecret } from "../runtime/secret.ts";
import { recordSubscription, storeUnsubscribeHash, withNewConfirmToken } from "./mutations.ts";
import type { SubscribeInput } from "./schema.ts";
import { unsubscribeToken } from "./tokens.ts";

/**
 * A subscription with working links, made through the real mutations, for
 * tests that need the tokens a mail would carry without reading the mail.
 */
export const testAddress = (label = "familia") => `${label}-${randomUUID().slice(0, 12)}@example.org`;

export async function subscriptionWithLinks(input: Partial<SubscribeInput> & ({ personId: string } | { query: string })) {
  const { subscriptionId } = await recordSubscription({ email: testAddress(), locale: "es", ...input } as SubscribeInput);
  if (!subscriptionId) throw new Error("the address has too many unconfirmed subscriptions");
  const unsubscribe = unsubscribeToken(subscriptionId, await sessionSecret(env.dataDir()));
  let confirmToken = "";
  await withNewConfirmToken(subscriptionId, unsubscribe.hash, async (token) => {
    confirmToken = token;
  });
  await storeUnsubscribeHash(subscriptionId, unsubscribe.hash);
  return { subscriptionId, confirmToken, unsubscribeToken: unsubscribe.token };
}

/** The mails written to `dataDir`/mail for one address (other tests' mails may share the folder), oldest first. */
export async function mailsTo(dataDir: string, address: string, kind?: "confirmation" | "notification") {
  const folder = path.join(dataDir, "mail");
  const names = (await fs.readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith(".eml")).sort();
  const mails = await Promise.all(
    names.map(async (name) => ({ name, mail: readEml(await fs.readFile(path.join(folder, name), "utf8")) })),
  );
  return mails.filter(({ name, mail }) => mail.headers.to === address && (!kind || name.includes(`-${kind}-`)));
}

/** Polls until `check` gives a value (not undefined/null/false), or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The token of a link of ours in a mail's text ("confirmar" or "baja"). */
export function linkToken(text: string, page: "confirmar" | "baja"): string | null {
  return new RegExp(`/avisos/${page}\\?token=([A-Za-z0-9_-]+)`).exec(text)?.[1] ?? null;
}
