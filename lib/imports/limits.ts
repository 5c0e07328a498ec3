/** Limits of a spreadsheet import, shared by the reader and the screens (pure: safe in the browser). */
export const MAX_ROWS = 200_000;
export const MAX_CELL_CHARS = 10_000;
