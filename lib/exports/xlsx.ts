import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { INTERNAL_COLUMNS, type InternalExportRow } from "./schema.ts";

/**
 * The internal export as an XLSX workbook, written by exceljs's streaming
 * WorkbookWriter: each row is committed (and leaves memory) as soon as it is
 * added; after each batch the writer waits while the client has not taken
 * what was sent, so memory stays at about one batch whatever the size.
 *
 * Text cells are written as text, never as formulas, so no neutralising is
 * needed here (unlike CSV). Dates are written as the import reads them
 * (YYYY-MM-DD text), so that the workbook loads back.
 */
export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function xlsxStream(batches: AsyncGenerator<InternalExportRow[], void, undefined>, sheetName = "Constancia"): ReadableStream<Uint8Array> {
  const output = new PassThrough({ highWaterMark: 256 * 1024 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);

  const write = async () => {
    try {
      sheet.addRow([...INTERNAL_COLUMNS]).commit();
      for await (const rows of batches) {
        for (const row of rows) sheet.addRow(INTERNAL_COLUMNS.map((column) => row[column] ?? null)).commit();
        // Let the zip writer take the rows, then wait for the client if it is behind.
        await new Promise((resolve) => setImmediate(resolve));
        if (output.destroyed) return;
        if (output.writableNeedDrain) await Promise.race([once(output, "drain"), once(output, "close")]);
        if (output.destroyed) return;
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      console.error("[constancia] XLSX export failed", error);
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    } finally {
      // The client went away, or something failed: stop reading the database.
      await batches.return(undefined);
    }
  };
  void write();
  return Readable.toWeb(output) as unknown as ReadableStream<Uint8Array>;
}
