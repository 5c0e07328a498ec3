import type { ColumnMapping } from "./columns.ts";
import type { Spreadsheet, SheetRow } from "./read.ts";
import { validateRow, type ValidatedRow } from "./rows.ts";

/**
 * The rows of a file validated one after the other, with what rows say about
 * earlier rows of the same file: an external_id already used is an error on
 * the later row (the first still loads); a cédula given by an earlier row
 * under another external_id is noted (a dry run counts the later row as a
 * possible duplicate, having written nothing for the earlier one). Only the
 * ids and cédulas seen are kept, never the rows: the job walks a file row by
 * row (process.ts), and walks it again from the start when it resumes, so
 * the result must be the same every time.
 */
export class ImportPlanner {
  private readonly firstWithExternalId = new Map<string, number>();
  private readonly firstWithCedula = new Map<string, number>();
  /** Valid rows whose cédula an earlier valid row (another external_id) already has: row → that row. */
  readonly cedulaRepeats = new Map<number, number>();

  constructor(
    private readonly headers: readonly string[],
    private readonly mapping: ColumnMapping,
    private readonly today?: string,
  ) {}

  next(sheetRow: SheetRow): ValidatedRow {
    const row = validateRow(sheetRow, this.headers, this.mapping, this.today);
    if (!row.record) return row;
    const key = row.record.externalId;
    const first = this.firstWithExternalId.get(key);
    if (first !== undefined) {
      return {
        row: row.row,
        record: null,
        problems: [{ column: "external_id", code: "repeated_external_id", message: `external_id "${key}" is already used by row ${first} of this file.` }],
      };
    }
    this.firstWithExternalId.set(key, row.row);
    const cedula = row.record.cedula;
    if (cedula) {
      const earlier = this.firstWithCedula.get(cedula);
      if (earlier === undefined) this.firstWithCedula.set(cedula, row.row);
      else this.cedulaRepeats.set(row.row, earlier);
    }
    return row;
  }
}

export interface ImportPlan {
  rows: ValidatedRow[];
  cedulaRepeats: Map<number, number>;
}

/** A whole sheet planned at once (tests, small files). */
export function planImport(sheet: Spreadsheet, mapping: ColumnMapping, today?: string): ImportPlan {
  const planner = new ImportPlanner(sheet.headers, mapping, today);
  const rows = sheet.rows.map((row) => planner.next(row));
  return { rows, cedulaRepeats: planner.cedulaRepeats };
}
