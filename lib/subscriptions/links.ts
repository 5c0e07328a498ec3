import { env } from "../env.ts";

/** Absolute addresses for mails, on the configured public address (CONSTANCIA_PUBLIC_URL). */
const absolute = (path: string) => new URL(path, env.publicUrl()).toString();

export const confirmUrl = (token: string) => absolute(`/avisos/confirmar?token=${encodeURIComponent(token)}`);
export const unsubscribeUrl = (token: string) => absolute(`/avisos/baja?token=${encodeURIComponent(token)}`);
export const personPageUrl = (personId: string) => absolute(`/persona/${encodeURIComponent(personId)}`);
