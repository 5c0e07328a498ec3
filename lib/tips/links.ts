/**
 * How many links a tip's text carries. Spam is mostly links, and a family's
 * tip rarely needs more than one or two (a post, a news item), so the text
 * may hold at most MAX_TIP_LINKS. Pure and client-safe: the form checks it
 * before sending, and the server with the same function.
 *
 * Counted as a link: anything with a scheme (http://, https://, ftp://),
 * anything starting with "www.", and a bare domain with a top-level domain
 * that spam uses ("casino.com", "bit.ly/x"). Not counted: e-mail addresses
 * (a contact is welcome in a tip), cédulas ("V-12.345.678"), abbreviations
 * ("Sr.Pérez", "p.ej."), times and numbers.
 */
export const MAX_TIP_LINKS = 2;

const SCHEME = /(?:https?|ftp):\/\//gi;
const WWW = /^www\.[a-z0-9-]/i;
/** Common generic and spam-heavy TLDs, plus Venezuela's; enough to catch bare domains without flagging prose. */
const BARE_DOMAIN =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|info|biz|io|co|ly|me|tv|cc|xyz|ru|cn|top|site|online|club|shop|store|link|click|live|app|vip|win|bet|ve|gl|gd|to|us)(?:[/:?#].*)?$/i;

/** Number of links in `text`. */
export function countLinks(text: string): number {
  let count = 0;
  for (const raw of text.split(/\s+/)) {
    // Brackets, quotes and sentence punctuation around a link are not part of it.
    const token = raw.replace(/^[("'«<[{¿¡]+|[)"'»>\]}.,;:!?]+$/g, "");
    if (token === "") continue;
    const schemes = token.match(SCHEME)?.length ?? 0;
    if (schemes > 0) {
      // "http://a.com,http://b.com" is two links in one token.
      count += schemes;
      continue;
    }
    if (token.includes("@")) continue;
    if (WWW.test(token) || BARE_DOMAIN.test(token)) count += 1;
  }
  return count;
}
