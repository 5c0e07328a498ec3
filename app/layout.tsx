import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/SiteFooter.tsx";
import { SiteHeader } from "@/components/layout/SiteHeader.tsx";
import { QueryProvider } from "@/components/providers/QueryProvider.tsx";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: t("title"), template: `%s · ${t("title")}` },
    description: t("description"),
    applicationName: t("title"),
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0b5a66",
};

/**
 * Catalogue namespaces that client components ("use client" + useTranslations) read.
 * Only these are sent to the browser; a client component using another namespace
 * must be added here, or it shows its message keys instead of text.
 */
const CLIENT_NAMESPACES = [
  "names",
  "announcementForm",
  "reconciliation",
  "imports",
  "exports",
  "signIn",
  "errors",
  "forms",
  "account",
  "admin",
  "roles",
  "audit",
  "secondFactor",
  "invitation",
  "status",
  "conditions",
  "evidence",
  "history",
  "merge",
  "person",
  "record",
  "review",
  "search",
  "publicPerson",
  "subscriptions",
  "tips",
];

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations("layout")]);
  const clientMessages = Object.fromEntries(
    CLIENT_NAMESPACES.filter((ns) => ns in messages).map((ns) => [ns, (messages as Record<string, unknown>)[ns]]),
  );

  return (
    <html lang={locale}>
      <body>
        <a href="#contenido" className="skip-link">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider locale={locale} messages={clientMessages}>
          <SiteHeader />
          <QueryProvider>
            <main id="contenido">{children}</main>
          </QueryProvider>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
