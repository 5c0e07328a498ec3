import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env.ts";
import { mailFileName, writeEmlAtomically } from "./eml-file.ts";
import type { MailMessage } from "./message.ts";

/**
 * Sends one message: through SMTP when SMTP_URL is set, otherwise written as
 * an .eml file under <data dir>/mail, so that the demo and the tests can read
 * what would have been sent. Throws when the message could not be handed over
 * (the caller's job is then retried).
 */
export interface SentMail {
  messageId: string;
  /** The .eml file written, when there is no SMTP server. */
  file: string | null;
}

export function mailFolder(): string {
  return path.join(env.dataDir(), "mail");
}

export async function sendMail(message: MailMessage): Promise<SentMail> {
  const smtpUrl = env.smtpUrl();
  const envelope = {
    from: env.mailFrom(),
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
  };
  if (smtpUrl) {
    const info = await smtpTransport(smtpUrl).sendMail(envelope);
    return { messageId: info.messageId, file: null };
  }
  const info = await fileTransport.sendMail(envelope);
  const file = await writeEmlAtomically(mailFolder(), mailFileName(message.kind, message.ref, new Date()), info.message as Buffer);
  return { messageId: info.messageId, file };
}

// Builds the whole message in memory (buffer), as SMTP would send it.
const fileTransport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

let smtp: { url: string; transporter: Transporter } | null = null;

function smtpTransport(url: string): Transporter {
  if (smtp?.url !== url) {
    smtp = {
      url,
      // Short timeouts: a job that hangs on a dead server would outlive its queue's expiry and be retried while still running.
      transporter: nodemailer.createTransport({ url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 }),
    };
  }
  return smtp.transporter;
}
