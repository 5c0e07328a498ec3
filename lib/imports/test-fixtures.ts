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
  // yauzl does not check CRC-32: the test leaves it 0.
  const crc = 0;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, data, central, nameBytes, end]));
}
