"use client";

import en from "@/lib/i18n/messages/en.json" with { type: "json" };
import es from "@/lib/i18n/messages/es.json" with { type: "json" };

/**
 * The root layout itself failed: no translation provider is available here,
 * so the message is shown in both languages, Spanish first.
 */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="es">
      <body style={{ fontFamily: "system-ui, sans-serif", lineHeight: 1.6, margin: "2rem auto", maxWidth: "40rem", padding: "0 1rem", color: "#1b2430" }}>
        <h1>{es.errors.errorTitle}</h1>
        <p>{es.errors.errorText}</p>
        <div lang="en">
          <h2>{en.errors.errorTitle}</h2>
          <p>{en.errors.errorText}</p>
        </div>
        <button type="button" onClick={() => retry()} style={{ font: "inherit", padding: "0.5rem 1rem" }}>
          {es.errors.retry} / <span lang="en">{en.errors.retry}</span>
        </button>
      </body>
    </html>
  );
}
