/** Limits of a spreadsheet import, shared by the reader and the screens (pure: safe in the browser). */
export const MAX_ROWS = 200_000;
export const MAX_CELL_CHARS = 10_000;

/** Why a whole file is refused: `details.reason` of the error, for the screens to say it in the user's language. */
export const FILE_REFUSALS = [
  "empty",
  "only_header",
  "binary",
  "unreadable",
  "too_many_rows",
  "zip_bomb",
  "no_sheet",
  "unknown_sheet",
  "no_known_columns",
  "duplicate_headers",
  "missing_columns",
] as const;
export type FileRefusal = (typeof FILE_REFUSALS)[number];
