/** `%`, `_` and `\` are LIKE wildcards (backslash the escape): escape them so text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** A LIKE pattern matching strings that begin with `prefix`, taken literally (use with ESCAPE '\'). */
export function likePrefix(prefix: string): string {
  return `${escapeLike(prefix)}%`;
}
