import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { readEml } from "../mail/read-eml.ts";
import type { MailMessage } from "../mail/message.ts";
import { confirmationMail, noticeMail } from "./mail.ts";

const CONFIRM = "https://constancia.example/avisos/confirmar?token=c0nf1rm_T0ken-abcdefghijklmnopqrstuvwxyz0123";
const UNSUBSCRIBE = "https://constancia.example/avisos/baja?token=unsub_T0ken-abcdefghijklmnopqrstuvwxyz012345";
const PAGE = "https://constancia.example/persona/0193f0c2-5b1e-7a00-8c3d-2f6e9a4b1c07";

/** The message as the .eml file would hold it, read back. */
async function roundTrip(message: MailMessage) {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transport.sendMail({ from: "Constancia <avisos@constancia.invalid>", ...message });
  return readEml((info.message as Buffer).toString("utf8"));
}

describe("the confirmation mail", () => {
  it("in Spanish: who it is about, the confirmation link, the unsubscribe link in the text and in List-Unsubscribe", async () => {
    const message = confirmationMail({
      to: "madre@example.org",
      locale: "es",
      subject: { kind: "person", personId: "p", name: "José Luis Pérez Rodríguez" },
      confirmUrl: CONFIRM,
      unsubscribeUrl: UNSUBSCRIBE,
      ref: "sub-1",
    });
    expect(message).toMatchObject({ kind: "confirmation", ref: "sub-1", to: "madre@example.org" });
    expect(message.subject).toBe("Confirme su aviso sobre José Luis Pérez Rodríguez");
    expect(message.text).toContain("cuando se verifique la liberación de José Luis Pérez Rodríguez");
    expect(message.text).toContain(CONFIRM);
    expect(message.text).toContain(UNSUBSCRIBE);
    expect(message.headers).toMatchObject({ "List-Unsubscribe": `<${UNSUBSCRIBE}>`, "Content-Language": "es" });

    const read = await roundTrip(message);
    expect(read.headers.subject).toBe(message.subject);
    expect(read.headers["list-unsubscribe"]).toBe(`<${UNSUBSCRIBE}>`);
    expect(read.text).toBe(message.text);
    expect(read.html).toContain(`href="${CONFIRM}"`);
    expect(read.html).toContain(`href="${UNSUBSCRIBE}"`);
    expect(read.html).toContain('<html lang="es">');
  });

  it("in English, for a search, with the subscriber's own words", () => {
    const message = confirmationMail({
      to: "a@example.org",
      locale: "en",
      subject: { kind: "search", query: "jose luis perez" },
      confirmUrl: CONFIRM,
      unsubscribeUrl: UNSUBSCRIBE,
      ref: "sub-2",
    });
    expect(message.subject).toBe("Confirm your notice about “jose luis perez”");
    expect(message.text).toContain("someone who matches the search “jose luis perez”");
    expect(message.text).toContain("Unsubscribe: " + UNSUBSCRIBE);
  });

  it("falls back to Spanish for a language it does not have", () => {
    const message = confirmationMail({
      to: "a@example.org",
      locale: "fr",
      subject: { kind: "search", query: "ana" },
      confirmUrl: CONFIRM,
      unsubscribeUrl: UNSUBSCRIBE,
      ref: "x",
    });
    expect(message.subject).toBe("Confirme su aviso sobre «ana»");
  });
});

describe("the notice of a verified release", () => {
  const base = { to: "madre@example.org", unsubscribeUrl: UNSUBSCRIBE, ref: "delivery-1", person: { name: "J. L. P. R.", pageUrl: PAGE } };

  it("says the name as disclosed, the status and the public page, and nothing else about the person", () => {
    const message = noticeMail({ ...base, locale: "es", search: null });
    expect(message.kind).toBe("notification");
    expect(message.subject).toBe("Liberación verificada: J. L. P. R.");
    expect(message.text).toContain("La liberación de J. L. P. R. fue verificada");
    expect(message.text).toContain("Estado: Liberación verificada.");
    expect(message.text).toContain(PAGE);
    expect(message.text).toContain(UNSUBSCRIBE);
    expect(message.headers!["List-Unsubscribe"]).toBe(`<${UNSUBSCRIBE}>`);
  });

  it("for a search subscription, in English, names the search and asks to check the page", () => {
    const message = noticeMail({ ...base, locale: "en", search: "V-12.345.678" });
    expect(message.subject).toBe("Release verified: J. L. P. R.");
    expect(message.text).toContain("who matches your search “V-12.345.678”");
    expect(message.text).toContain("Check on the public page");
  });

  it("escapes everything it puts in the HTML", () => {
    const message = noticeMail({ ...base, locale: "es", search: '<script>alert("x")</script>', person: { name: "Ana <b>& Co</b>", pageUrl: `${PAGE}?a=1&b="2"` } });
    expect(message.html).not.toContain("<script>");
    expect(message.html).not.toContain("<b>");
    expect(message.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(message.html).toContain("Ana &lt;b&gt;&amp; Co&lt;/b&gt;");
    expect(message.html).toContain(`href="${PAGE}?a=1&amp;b=&quot;2&quot;"`);
  });
});
