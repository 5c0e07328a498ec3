/**
 * A web ReadableStream over an async generator of text chunks, pull-based:
 * the next chunk (the next batch read from the database) is asked for only
 * when the client has taken what was sent, so a slow client slows the reads
 * down instead of filling memory. A client that goes away stops the
 * generator (its `finally` blocks run).
 */
export function textStream(chunks: AsyncGenerator<string, void, undefined>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          // Skip empty chunks: an enqueue of nothing would not count as progress.
          for (;;) {
            const next = await chunks.next();
            if (next.done) {
              controller.close();
              return;
            }
            if (next.value !== "") {
              // Buffer.from encodes UTF-8 markedly faster than TextEncoder in Node (a Buffer is a Uint8Array).
              controller.enqueue(Buffer.from(next.value, "utf8"));
              return;
            }
          }
        } catch (error) {
          // Headers are gone already: the only way left to say "this failed" is to cut the body short.
          console.error("[constancia] export stream failed", error);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    // One chunk ahead: the next batch is read while the previous one is on its way.
    { highWaterMark: 1 },
  );
}
