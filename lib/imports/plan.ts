import { completeMapping, type ColumnMapping } from "./columns.ts";
import type { Spreadsheet } from "./read.ts";
import { markRepeatedExternalIds, validateRow, type ValidatedRow } from "./rows.ts";

/**
 * A whole file → every row validated, in file order, with what rows say
 * about each other. Pure: the job plans the file again on every run (a
 * resumed run skips the rows already processed), so the plan must be the
 * same each time.
 */
export interface ImportPlan {
  rows: ValidatedRow[];
  /** Valid rows whose cédula an earlier valid row (another external_id) already has: row → that row. */
  cedulaRepeats: Map<number, number>;
}

export function planImport(sheet: Spreadsheet, mapping: ColumnMapping, today?: string): ImportPlan {
  const rows = markRepeatedExternalIds(sheet.rows.map((row) => validateRow(row, sheet.headers, mapping, today)));
  const firstWithCedula = new Map<string, number>();
  const cedulaRepeats = new Map<number, number>();
  for (const row of rows) {
    const cedula = row.record?.cedula;
    if (!cedula) continue;
    const first = firstWithCedula.get(cedula);
    if (first === undefined) firstWithCedula.set(cedula, row.row);
    else cedulaRepeats.set(row.row, first);
  }
  return { rows, cedulaRepeats };
}

export { completeMapping };
