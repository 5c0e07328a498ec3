import { consumeRateLimit } from "../rate-limit/mutations.ts";
import { findUserForSignIn } from "./data.ts";
import { consumeTotpCode, recordSuccessfulSignIn } from "./mutations.ts";
import { verifyAgainstDecoy, verifyPassword } from "./password.ts";
import { signInSchema } from "./schema.ts";

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  sessionVersion: number;
}

/** The password was right and this account needs its authenticator code (or the code given was wrong). */
export class SecondFactorNeeded extends Error {
  override name = "SecondFactorNeeded";
  constructor(readonly reason: "TotpRequired" | "TotpInvalid") {
    super(reason);
  }
}

/** Thrown (and shown as its own message) when too many attempts came from one place or for one e-mail. */
export class SignInRateLimited extends Error {
  override name = "SignInRateLimited";
  constructor() {
    super("RateLimited");
  }
}

const WINDOW_SECONDS = 15 * 60;
// Guessing is stopped per e-mail. The per-client limit is only a flood guard:
// a whole NGO office can sign in from one address, so it is generous.
const PER_EMAIL = 10;
const PER_CLIENT = 200;

/**
 * E-mail and password → the user, or null. A wrong e-mail and a wrong password
 * are refused the same way and in about the same time (the decoy hash), so the
 * answer never tells which was wrong. Limits count per e-mail whether or not
 * the account exists, for the same reason.
 */
export async function authenticateWithPassword(
  credentials: unknown,
  clientKey: string,
): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success || parsed.data.email === "" || parsed.data.password === "") return null;
  const { email, password, code } = parsed.data;

  const [byClient, byEmail] = await Promise.all([
    consumeRateLimit(`signin:client:${clientKey}`, PER_CLIENT, WINDOW_SECONDS),
    consumeRateLimit(`signin:email:${email}`, PER_EMAIL, WINDOW_SECONDS),
  ]);
  if (!byClient.allowed || !byEmail.allowed) throw new SignInRateLimited();

  const user = await findUserForSignIn(email);
  if (!user) return verifyAgainstDecoy(password).then(() => null);
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid || user.disabledAt || user.organization.deletedAt) return null;
  // Only someone who knows the password learns that a code is needed.
  if (user.totpEnabledAt && user.totpSecret) {
    if (!code) throw new SecondFactorNeeded("TotpRequired");
    if (!(await consumeTotpCode(user.id, user.totpSecret, user.totpLastStep, code))) throw new SecondFactorNeeded("TotpInvalid");
  }
  await recordSuccessfulSignIn(user.id);
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}
