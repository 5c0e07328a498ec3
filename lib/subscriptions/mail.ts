import { createTranslator } from "next-intl";
import { catalogues } from "../i18n/catalogue.ts";
import { isLocale, type AppLocale } from "../i18n/locale.ts";
import { renderHtml, renderText, type MailBlock } from "../mail/layout.ts";
import type { MailMessage } from "../mail/message.ts";
import type { SubscriptionSubject } from "./data.ts";

/**
 * The two mails of a subscription, in the subscriber's language. They say no
 * more than the public page: the name as disclosed, the status, the link to
 * /persona/{id}; and the subscriber's own search words. Every mail has the
 * unsubscribe link, in the text and in the List-Unsubscribe header.
 */
export interface ConfirmationMailInput {
  to: string;
  locale: string;
  subject: SubscriptionSubject;
  confirmUrl: string;
  unsubscribeUrl: string;
  /** Names the .eml file: the subscription id. */
  ref: string;
}

export interface NoticeMailInput {
  to: string;
  locale: string;
  /** What the subscriber asked about: this person, or a search that finds them. */
  search: string | null;
  person: { name: string; pageUrl: string };
  unsubscribeUrl: string;
  /** Names the .eml file: the delivery id. */
  ref: string;
}

export function confirmationMail(input: ConfirmationMailInput): MailMessage {
  const { t, locale } = translator(input.locale);
  const [subject, intro] =
    input.subject.kind === "person"
      ? [t("confirmSubjectPerson", { name: input.subject.name }), t("confirmIntroPerson", { name: input.subject.name })]
      : [t("confirmSubjectSearch", { query: input.subject.query }), t("confirmIntroSearch", { query: input.subject.query })];
  return message(input, "confirmation", locale, subject, [
    { kind: "paragraph", text: intro },
    { kind: "paragraph", text: t("confirmAction") },
    { kind: "link", label: t("confirmButton"), url: input.confirmUrl },
  ], t);
}

export function noticeMail(input: NoticeMailInput): MailMessage {
  const { t, locale, status } = translator(input.locale);
  const { name } = input.person;
  const intro = input.search === null ? t("noticeIntroPerson", { name }) : t("noticeIntroSearch", { name, query: input.search });
  return message(input, "notification", locale, t("noticeSubject", { status, name }), [
    { kind: "paragraph", text: intro },
    { kind: "paragraph", text: t("noticeStatus", { status }) },
    { kind: "link", label: t("noticeButton"), url: input.person.pageUrl },
  ], t);
}

type MailTranslator = ReturnType<typeof translator>["t"];

function message(
  input: { to: string; ref: string; unsubscribeUrl: string },
  kind: string,
  locale: AppLocale,
  subject: string,
  blocks: MailBlock[],
  t: MailTranslator,
): MailMessage {
  const all: MailBlock[] = [...blocks, { kind: "footer", text: t("footer"), link: { label: t("unsubscribe"), url: input.unsubscribeUrl } }];
  return {
    kind,
    ref: input.ref,
    to: input.to,
    subject,
    text: renderText(all),
    html: renderHtml(all, { lang: locale, title: subject }),
    headers: {
      "List-Unsubscribe": `<${input.unsubscribeUrl}>`,
      // Tells mail servers and auto-responders that no person wrote this (RFC 3834): no vacation replies.
      "Auto-Submitted": "auto-generated",
      "Content-Language": locale,
    },
  };
}

function translator(requested: string) {
  const locale: AppLocale = isLocale(requested) ? requested : "es";
  const messages = catalogues[locale];
  return {
    locale,
    t: createTranslator({ locale, messages, namespace: "subscriptions.mail" }),
    status: createTranslator({ locale, messages, namespace: "status" })("verified"),
  };
}
