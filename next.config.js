import createNextIntlPlugin from "next-intl/plugin";

// next-intl without locale routing: the request config reads the NEXT_LOCALE cookie.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  },
];

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
