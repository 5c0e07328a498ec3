/**
 * The review queue's keyboard shortcuts, as pure functions: which key does
 * what, when a key press is typing rather than a command, and where focus
 * goes. The component only wires them to the DOM.
 */
export type ShortcutAction = "next" | "previous" | "approve" | "reject" | "request_evidence" | "select" | "help";

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

const LETTERS: Record<string, ShortcutAction> = {
  j: "next",
  k: "previous",
  a: "approve",
  r: "reject",
  e: "request_evidence",
  x: "select",
  "?": "help",
};

/**
 * The action of a key press, or null. Nothing while typing in a field; nothing
 * with Ctrl, Cmd or Alt (the browser's and the screen reader's own
 * shortcuts); letters only in lower case, so Shift+A or Caps Lock never
 * approves by accident. The arrow keys move between items only when focus is
 * already in the queue: elsewhere they keep scrolling the page.
 */
export function shortcutFor(press: KeyPress, context: { typing: boolean; inQueue: boolean }): ShortcutAction | null {
  if (context.typing || press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === "ArrowDown") return context.inQueue ? "next" : null;
  if (press.key === "ArrowUp") return context.inQueue ? "previous" : null;
  return LETTERS[press.key] ?? null;
}

/** Whether key presses on this element are text being typed (or a choice being made) rather than commands. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean } | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? "").toUpperCase();
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

/**
 * The item to move to from `current` (`step` 1 = next, -1 = previous): the
 * first one when nothing is focused yet; the same one at either end.
 */
export function neighbourId(ids: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index < 0) return ids[0]!;
  const next = Math.min(ids.length - 1, Math.max(0, index + step));
  return ids[next]!;
}

/** Where focus goes after a decision on `decided`: the next item, else the previous one, else nowhere. */
export function focusAfterDecision(ids: readonly string[], decided: string): string | null {
  const index = ids.indexOf(decided);
  if (index < 0) return ids[0] ?? null;
  return ids[index + 1] ?? ids[index - 1] ?? null;
}
