/**
 * Plain text and simple HTML from the same blocks, so that both parts of a
 * message always say the same. The HTML is deliberately plain (no images, no
 * remote content, no tracking): it reads the same in every mail client and
 * on a cracked phone. Every value is escaped.
 */
export type MailBlock =
  | { kind: "paragraph"; text: string }
  /** A button-like link in HTML; the label, then the address on its own line, in text. */
  | { kind: "link"; label: string; url: string }
  /** Small print at the end (why you get this, how to stop it). */
  | { kind: "footer"; text: string; link?: { label: string; url: string } };

export function renderText(blocks: readonly MailBlock[]): string {
  const parts = blocks.map((block) => {
    switch (block.kind) {
      case "paragraph":
        return block.text;
      case "link":
        return `${block.label}:\n${block.url}`;
      case "footer":
        return block.link ? `-- \n${block.text}\n${block.link.label}: ${block.link.url}` : `-- \n${block.text}`;
    }
  });
  return `${parts.join("\n\n")}\n`;
}

export function renderHtml(blocks: readonly MailBlock[], options: { lang: string; title: string }): string {
  const body = blocks
    .map((block) => {
      switch (block.kind) {
        case "paragraph":
          return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
        case "link":
          return (
            `<p style="margin:0 0 16px"><a href="${escapeHtml(block.url)}" ` +
            `style="display:inline-block;padding:10px 18px;background:#1f5f8b;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">` +
            `${escapeHtml(block.label)}</a></p>` +
            `<p style="margin:0 0 16px;font-size:13px;color:#555555;word-break:break-all">${escapeHtml(block.url)}</p>`
          );
        case "footer":
          return (
            `<p style="margin:24px 0 0;font-size:13px;color:#555555">${escapeHtml(block.text)}` +
            (block.link ? ` <a href="${escapeHtml(block.link.url)}" style="color:#1f5f8b">${escapeHtml(block.link.label)}</a>` : "") +
            `</p>`
          );
      }
    })
    .join("\n");
  return (
    `<!doctype html>\n<html lang="${escapeHtml(options.lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(options.title)}</title></head>\n` +
    `<body style="margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">\n` +
    `<div style="max-width:560px">\n${body}\n</div>\n</body></html>\n`
  );
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
