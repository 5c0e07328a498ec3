"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeLocalPath } from "../navigation/safe-path.ts";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "./locale.ts";

/**
 * The language switch's action: remembers the chosen language for a year and
 * shows the same page again in it. Works as a plain form post without JavaScript.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const requested = formData.get("locale");
  if (!isLocale(requested)) return;

  const cookieStore = await cookies();
  cookieStore.set(LOCALE_COOKIE, requested, {
    maxAge: LOCALE_COOKIE_MAX_AGE,
    path: "/",
    sameSite: "lax",
    httpOnly: true,
  });
  revalidatePath("/", "layout");

  // Back to the page the form was on (post/redirect/get without JavaScript).
  const headerList = await headers();
  const host = headerList.get("host");
  const proto = headerList.get("x-forwarded-proto") ?? "http";
  const origin = host ? `${proto.split(",")[0]!.trim()}://${host}` : null;
  const back = safeLocalPath(headerList.get("referer"), origin);
  if (back) redirect(back);
}
