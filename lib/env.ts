import path from "node:path";

/**
 * Every setting Constancia reads from the environment, in one place, with its default.
 * Read lazily (functions, not constants) so that tests and the launcher can set
 * variables before the first read.
 */
export const env = {
  port: () => intFrom("PORT", 3000, 1, 65535),
  databaseUrl: () => nonEmpty(process.env.DATABASE_URL),
  // turbopackIgnore: a runtime folder of data, not source to trace into the build.
  dataDir: () => path.resolve(/*turbopackIgnore: true*/ nonEmpty(process.env.CONSTANCIA_DATA_DIR) ?? ".data"),
  demo: () => process.env.CONSTANCIA_DEMO !== "0",
  approvalsRequired: () => intFrom("CONSTANCIA_APPROVALS_REQUIRED", 2, 1, 10),
  maxUploadBytes: () => intFrom("CONSTANCIA_MAX_UPLOAD_BYTES", 25 * 1024 * 1024, 1024, 500 * 1024 * 1024),
  /** Public base URL, used in links sent by e-mail and in PFIF record ids. */
  publicUrl: () => nonEmpty(process.env.CONSTANCIA_PUBLIC_URL) ?? `http://localhost:${env.port()}`,
  /** SMTP server for outgoing mail (smtp://user:pass@host:port); unset: mail is written as .eml files under dataDir/mail. */
  smtpUrl: () => nonEmpty(process.env.SMTP_URL),
  mailFrom: () => nonEmpty(process.env.CONSTANCIA_MAIL_FROM) ?? "Constancia <avisos@constancia.invalid>",
  /** Public searches one client may make per minute (search-as-you-type sends one per pause in typing). */
  searchRateLimit: () => intFrom("CONSTANCIA_SEARCH_RATE_LIMIT", 120, 1, 1_000_000),
  /** Cédula searches one client may make an hour (a cédula finds even initials-only people). */
  cedulaSearchRateLimit: () => intFrom("CONSTANCIA_CEDULA_SEARCH_RATE_LIMIT", 30, 1, 1_000_000),
  isProduction: () => process.env.NODE_ENV === "production",
};

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== "" ? value.trim() : undefined;
}

function intFrom(name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(process.env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return value;
}
