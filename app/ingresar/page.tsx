import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/SignInForm.tsx";
import { safeLocalPath } from "@/lib/navigation/safe-path.ts";
import { firstParam } from "@/lib/navigation/search-params.ts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title"), robots: { index: false } };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> }) {
  const [params, headerList, t] = await Promise.all([searchParams, headers(), getTranslations("signIn")]);
  const host = headerList.get("host");
  const proto = headerList.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  // Only a path of this site: a callbackUrl pointing elsewhere is dropped (no open redirect).
  const callbackUrl = safeLocalPath(firstParam(params.callbackUrl), host ? `${proto}://${host}` : null) ?? "/";

  // next-auth sends failed sign-ins without JavaScript back here with ?error=.
  const error = firstParam(params.error);
  const initialProblem = !error ? null : error === "RateLimited" ? "rateLimited" : error === "CredentialsSignin" ? "invalid" : "failed";

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="prose">{t("intro")}</p>
      <SignInForm callbackUrl={callbackUrl} initialProblem={initialProblem} />
    </>
  );
}
