import http from "node:http";

/**
 * The benchmarks' HTTP client: node's own, with keep-alive connections, that
 * reads each answer's bytes without decoding them. The load generator shares
 * the server's cores, and fetch (undici) with its gunzip and JSON work took a
 * large share of them; a browser decompresses on its own machine, not the
 * server's. Clients still send Accept-Encoding as browsers do.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface Answer {
  status: number;
  bytes: number;
  headers: http.IncomingHttpHeaders;
  /** The body, only when asked for (`keep: true`). */
  body?: Buffer;
}

export function httpGet(url: string, options: { headers?: http.OutgoingHttpHeaders; keep?: boolean } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { "accept-encoding": "gzip, deflate, br", ...options.headers } }, (response) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (options.keep) chunks.push(chunk);
      });
      response.on("error", reject);
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, bytes, headers: response.headers, ...(options.keep ? { body: Buffer.concat(chunks) } : {}) }),
      );
    });
    request.on("error", reject);
  });
}

/** Closes the kept-alive connections, so that the process can end. */
export function closeHttpClient(): void {
  agent.destroy();
}
