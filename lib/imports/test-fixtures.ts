import { deflateRawSync } from "node:zlib";

/** Files for the import tests. */

/** A ZIP named like a workbook: one entry of 60 MB of zeros, about 60 KB compressed, a ratio no real sheet has. */
export function zipBomb(): Uint8Array {
  return zipOf("xl/worksheets/sheet1.xml", Buffer.alloc(60 * 1024 * 1024));
}

/** A one-entry ZIP archive (deflate), written by hand for the test: the bytes a bomb would have. */
export function zipOf(name: string, content: Buffer): Uint8Array {
  const data = deflateRawSync(content, { level: 9 });
  const nameBytes = Buffer.from(name);
  const entry = { compressed: data.length, uncompressed: content.length, nameLength: nameBytes.length };
  const local = entryHeader(LOCAL_HEADER, entry);
  // The central entry's offset of the local header (at 42) is 0: the entry is the archive's first bytes.
  const central = entryHeader(CENTRAL_HEADER, entry);
  const centralOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, data, central, nameBytes, end]));
}

/**
 * The two headers of an entry hold the same fields in the same order; the
 * central one has "version made by" before them, so they sit 2 bytes further.
 */
const LOCAL_HEADER = { signature: 0x04034b50, length: 30, shift: 0 };
const CENTRAL_HEADER = { signature: 0x02014b50, length: 46, shift: 2 };

function entryHeader(
  kind: typeof LOCAL_HEADER,
  entry: { compressed: number; uncompressed: number; nameLength: number },
): Buffer {
  const header = Buffer.alloc(kind.length);
  const at = (offset: number) => offset + kind.shift;
  header.writeUInt32LE(kind.signature, 0);
  if (kind.shift > 0) header.writeUInt16LE(20, 4); // version made by
  header.writeUInt16LE(20, at(4)); // version needed
  header.writeUInt16LE(8, at(8)); // deflate
  // yauzl does not check CRC-32: the test leaves it 0 (at(14)).
  header.writeUInt32LE(entry.compressed, at(18));
  header.writeUInt32LE(entry.uncompressed, at(22));
  header.writeUInt16LE(entry.nameLength, at(26));
  return header;
}
