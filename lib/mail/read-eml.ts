/**
 * Reads back the .eml files this app writes (nodemailer's output: one part,
 * or multipart/alternative with text and HTML), for the tests, the demo and
 * anyone checking what was sent. Not a general MIME parser.
 */
export interface ReadMail {
  /** Header names in lower case, values unfolded and decoded. */
  headers: Record<string, string>;
  text: string;
  html: string;
}

export function readEml(raw: string): ReadMail {
  const { headers, body } = splitEntity(raw.replace(/\r\n/g, "\n"));
  const found = { text: "", html: "" };
  collectParts(headers, body, found);
  return { headers, ...found };
}

function collectParts(headers: Record<string, string>, body: string, into: { text: string; html: string }): void {
  const type = (headers["content-type"] ?? "text/plain").toLowerCase();
  if (type.startsWith("multipart/")) {
    const boundary = /boundary="?([^";]+)"?/i.exec(headers["content-type"] ?? "")?.[1];
    if (!boundary) return;
    const sections = body.split(`--${boundary}`).slice(1);
    for (const section of sections) {
      if (section.startsWith("--")) break; // the closing delimiter
      // The line break before each delimiter belongs to the delimiter (RFC 2046), not to the part.
      const part = splitEntity(section.replace(/^\n/, "").replace(/\n$/, ""));
      collectParts(part.headers, part.body, into);
    }
    return;
  }
  const decoded = decodeBody(body, headers["content-transfer-encoding"] ?? "7bit");
  if (type.startsWith("text/html")) into.html ||= decoded;
  else if (type.startsWith("text/plain")) into.text ||= decoded;
}

function splitEntity(entity: string): { headers: Record<string, string>; body: string } {
  const end = entity.indexOf("\n\n");
  const head = end === -1 ? entity : entity.slice(0, end);
  const body = end === -1 ? "" : entity.slice(end + 2);
  const headers: Record<string, string> = {};
  // Folded header lines start with white space and continue the line before.
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    headers[line.slice(0, colon).trim().toLowerCase()] = decodeEncodedWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string): string {
  switch (encoding.trim().toLowerCase()) {
    case "quoted-printable":
      return decodeQuotedPrintable(body);
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    default:
      return body;
  }
}

export function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\n/g, ""); // soft line breaks
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === "=" ? joined.slice(i + 1, i + 3) : "";
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** "=?UTF-8?Q?Aviso_de_liberaci=C3=B3n?=" → "Aviso de liberación" (RFC 2047), for Subject and friends. */
function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?") // white space between two encoded words is not part of the text
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}
