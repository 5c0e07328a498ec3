import sharp from "sharp";

/**
 * Small, real file headers and images for the evidence tests: made here, in
 * code, so that no binary fixture needs to be checked in.
 */

/**
 * A JPEG photo as a phone writes it: EXIF with GPS position, camera make, orientation "rotate 90°" (6).
 * The stored copy keeps only the pixels, so its hash follows `color`: give each test its own.
 */
export async function jpegWithGps(options: { width?: number; height?: number; color?: string } = {}): Promise<Buffer> {
  return sharp({
    create: { width: options.width ?? 16, height: options.height ?? 8, channels: 3, background: options.color ?? "#c33" },
  })
    .jpeg()
    .withExif({
      IFD0: { Make: "TestPhone", Model: "Model X" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "10/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "66/1 55/1 0/1" },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

export async function pngBytes(): Promise<Buffer> {
  return sharp({ create: { width: 4, height: 4, channels: 4, background: "#3c3c" } }).png().toBuffer();
}

/** A minimal PDF; a `tag` makes its bytes (and hash) differ from other tests' PDFs. */
export function pdfBytes(tag = ""): Buffer {
  return Buffer.from(
    `%PDF-1.4\n${tag ? `% ${tag}\n` : ""}1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
      "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
      "trailer << /Root 1 0 R >>\n%%EOF\n",
    "latin1",
  );
}

/** The first page of an Ogg Opus stream (a WhatsApp voice note starts like this). */
export function oggOpusBytes(): Buffer {
  const head = Buffer.alloc(19);
  head.write("OpusHead", 0, "latin1");
  head[8] = 1; // version
  head[9] = 1; // channels
  head.writeUInt32LE(48_000, 12);
  const page = Buffer.alloc(27 + 1);
  page.write("OggS", 0, "latin1");
  page[5] = 0x02; // beginning of stream
  page.writeUInt32LE(0x1234, 14); // serial
  page[26] = 1; // one segment
  page[27] = head.length;
  return Buffer.concat([page, head, Buffer.alloc(64)]);
}

/** The start of a Linux executable. */
export function elfBytes(): Buffer {
  const bytes = Buffer.alloc(128);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]).copy(bytes);
  bytes.writeUInt16LE(2, 16); // executable
  bytes.writeUInt16LE(0x3e, 18); // x86-64
  return bytes;
}

/** A ZIP archive holding one stored (uncompressed) text file. */
export function zipBytes(): Buffer {
  const name = Buffer.from("nota.txt");
  const data = Buffer.from("hola\n");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  return Buffer.concat([local, name, data]);
}

/** The tags of the GPS IFD of an EXIF block (as sharp's `metadata().exif` gives it), or null when there is none. */
export function gpsTagsOf(exif: Buffer | undefined): number[] | null {
  if (!exif) return null;
  const tiff = exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? exif.subarray(6) : exif;
  const little = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const entries = (at: number) => Array.from({ length: u16(at) }, (_, i) => ({ tag: u16(at + 2 + i * 12), value: u32(at + 10 + i * 12) }));
  const gps = entries(u32(4)).find((entry) => entry.tag === 0x8825);
  return gps ? entries(gps.value).map((entry) => entry.tag) : null;
}

/** Whether a JPEG has an APP1 segment (EXIF or XMP) anywhere before its image data. */
export function jpegHasApp1(bytes: Buffer): boolean {
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xda) return false; // start of scan: no more metadata segments
    if (marker === 0xe1) return true;
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return false;
}
