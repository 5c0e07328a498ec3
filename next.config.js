import createNextIntlPlugin from "next-intl/plugin";
// Every answer's security headers; the web server's direct routes (lib/runtime/direct-routes.ts) send the same.
import securityHeaders from "./lib/security-headers.json" with { type: "json" };

// next-intl without locale routing: the request config reads the NEXT_LOCALE cookie.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole tree (tests included) with tsc; checking
  // again inside every `npm start` build only slows the first start down.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  // Spreadsheet readers and writers (lib/imports, lib/exports) run on the server only, as Node packages.
  serverExternalPackages: ["exceljs", "yauzl"],
  experimental: {
    // The announcement forms send an archived copy (a PDF or an image of the statement) through a
    // server action: allow the upload limit (CONSTANCIA_MAX_UPLOAD_BYTES, as lib/env.ts reads it) plus the form's fields.
    serverActions: { bodySizeLimit: (Number(process.env.CONSTANCIA_MAX_UPLOAD_BYTES) || 25 * 1024 * 1024) + 1024 * 1024 },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
