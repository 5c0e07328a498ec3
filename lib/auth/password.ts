import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (m=19456 KiB, t=2, p=1: OWASP's minimum).
// `algorithm` is left out on purpose: its enum is a `declare const enum`, which
// does not compile under isolatedModules, and argon2id is already the default.

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A real hash of a random string: checked when the e-mail is unknown, so that
// a wrong e-mail and a wrong password take the same time to refuse.
let decoy: Promise<string> | null = null;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hash(`decoy-${Math.random()}`);
  await verifyPassword(await decoy, password);
  return false;
}
