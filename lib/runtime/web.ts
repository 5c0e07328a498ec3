import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { todayInCaracas } from "../dates.ts";
import { webServerPoolSize } from "../db/client.ts";
import { changeStamp } from "../tally/cache.ts";
import { answerDirectly, directRouteFor } from "./direct-routes.ts";
import { keepable, publicCache, type Filled, type Variant } from "./public-cache.ts";

/**
 * The web server of `npm start`: Next's production server (the app as built)
 * behind the public cache of lib/runtime/public-cache.ts, which answers the
 * anonymous public tally and reconciliation page while the record is
 * unchanged, and that answers the public search itself through its own route
 * handler (lib/runtime/direct-routes.ts). Everything else is Next's, as
 * `next start` would serve it.
 *
 *   tsx lib/runtime/web.ts --hostname localhost --port 3000
 */
// Next's production server; the launcher sets it too, this holds when the file is run by hand.
(process.env as Record<string, string>).NODE_ENV = "production";
// Read at the first query, by Next's routes and this file's alike (one client per process).
process.env.CONSTANCIA_DB_POOL ??= String(webServerPoolSize());
const { values } = parseArgs({ options: { hostname: { type: "string", default: "localhost" }, port: { type: "string", default: "3000" } } });
const hostname = values.hostname;
const port = Number(values.port);

/** Marks the server's own requests for a fresh answer, so that they go straight to Next. */
const FILL_HEADER = "x-constancia-fill";
const fillSecret = randomBytes(16).toString("hex");

async function main(): Promise<void> {
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer();
  const origin = `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`;
  const fill = (variant: Variant) => askNext(server, variant);
  const cache = publicCache({ fill, stamp: changeStamp, today: () => todayInCaracas() });
  server.on("request", (request: http.IncomingMessage, response: http.ServerResponse) => {
    const pass = () => void handle(request, response);
    if (request.headers[FILL_HEADER] === fillSecret) return pass();
    const direct = directRouteFor(request);
    if (direct) return void answerDirectly(direct, request, response, origin);
    void cache.handle(request, response, pass);
  });

  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void app.close().finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** Next's answer for the variant, as an anonymous visitor in its language would get it; null when it must not be kept. */
function askNext(server: http.Server, variant: Variant): Promise<Filled | null> {
  const address = server.address() as AddressInfo;
  const headers: http.OutgoingHttpHeaders = { [FILL_HEADER]: fillSecret, "accept-encoding": "identity", host: `${hostname}:${port}` };
  if (variant.locale) {
    headers.cookie = `NEXT_LOCALE=${variant.locale}`;
    headers["accept-language"] = variant.locale;
  }
  return new Promise((resolve, reject) => {
    const request = http.get({ host: address.address, family: address.family === "IPv6" ? 6 : 4, port: address.port, path: variant.url, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const pairs = Object.entries(response.headers).flatMap(([name, value]) =>
          value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((one) => [name, one] as [string, string]),
        );
        resolve(keepable(response.statusCode ?? 0, pairs, Buffer.concat(chunks)));
      });
    });
    request.on("error", reject);
    request.setTimeout(60_000, () => request.destroy(new Error("Next did not answer the cache's request within 60 s.")));
  });
}

main().catch((error: unknown) => {
  console.error(`[constancia] the web server could not start: ${(error as Error).message ?? String(error)}`);
  process.exit(1);
});
