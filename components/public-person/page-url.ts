import { headers } from "next/headers";

/**
 * The absolute address of a page of this site, as people reach it: the
 * configured public address (CONSTANCIA_PUBLIC_URL) when there is one, else
 * the host of this request (behind a proxy, the one it forwarded).
 */
export async function pageUrl(path: string): Promise<string> {
  const configured = process.env.CONSTANCIA_PUBLIC_URL?.trim();
  if (configured) return new URL(path, configured).toString();
  const request = await headers();
  const host = request.get("x-forwarded-host")?.split(",")[0]?.trim() || request.get("host") || "localhost";
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  const proto = request.get("x-forwarded-proto")?.split(",")[0]?.trim() || (local ? "http" : "https");
  return `${proto}://${host}${path}`;
}
