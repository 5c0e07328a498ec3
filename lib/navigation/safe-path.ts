/**
 * A path on this site to send someone back to, or null. Used for the sign-in
 * `callbackUrl` and for the language switch's return to the page it was on:
 * anything pointing elsewhere (another host, "//evil.example", "javascript:")
 * is refused, so neither can become an open redirect.
 *
 * `origin` (e.g. "http://localhost:3000") lets an absolute URL of this very
 * site through, reduced to its path.
 */
export function safeLocalPath(value: string | null | undefined, origin?: string | null): string | null {
  if (!value) return null;
  const text = value.trim();
  if (text === "" || /[\u0000-\u001f\u007f]/.test(text)) return null;
  const base = "http://constancia.invalid";
  let url: URL;
  try {
    if (text.startsWith("/")) {
      // "//host" and "/\host" are protocol-relative in browsers: not local.
      if (text.startsWith("//") || text.startsWith("/\\")) return null;
      url = new URL(text, base);
      if (url.origin !== base) return null;
    } else {
      if (!origin) return null;
      url = new URL(text);
      if (url.origin !== new URL(origin).origin) return null;
    }
  } catch {
    return null;
  }
  return `${url.pathname}${url.search}${url.hash}`;
}
