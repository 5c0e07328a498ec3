/**
 * The limits of a name list and the messages of lines skipped, apart from
 * parse.ts so that the screens (client code) can use them too.
 */
export const NAME_LIST_MAX_LINES = 20_000;
export const NAME_MAX_LENGTH = 400;
export const IDENTIFIER_MAX_LENGTH = 40;
/** 20,000 lines of a long name and a cédula fit well within this. */
export const NAME_LIST_MAX_BYTES = 8 * 1024 * 1024;

/** The messages of skipped lines (English, like every API message; the screens translate them by this table). */
export const ROW_MESSAGES = {
  tooLong: `The name is longer than ${NAME_MAX_LENGTH} characters; the line was skipped.`,
  noLetters: "The name has no letters; the line was skipped.",
  identifierTooLong: `The identifier is longer than ${IDENTIFIER_MAX_LENGTH} characters; the line was skipped.`,
  unknownColumn: "Unknown column, ignored.",
} as const;
