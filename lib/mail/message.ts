/**
 * One outgoing e-mail, whatever sends it (SMTP or an .eml file). `kind` and
 * `ref` name the file in the mail folder ("notification", a delivery id);
 * neither ever holds the address.
 */
export interface MailMessage {
  kind: string;
  ref: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, such as List-Unsubscribe. */
  headers?: Record<string, string>;
}

/** Error texts may quote the recipient (an SMTP server's "550 <x@y>: no such user"): stored and logged without it. */
export function redactAddresses(text: string): string {
  return text.replace(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g, "[address]");
}
