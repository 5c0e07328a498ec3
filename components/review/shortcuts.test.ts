import { describe, expect, it } from "vitest";
import { focusAfterDecision, isTypingTarget, neighbourId, shortcutFor } from "./shortcuts.ts";

const idle = { typing: false, inQueue: true };

describe("shortcutFor", () => {
  it.each([
    ["j", "next"],
    ["k", "previous"],
    ["ArrowDown", "next"],
    ["ArrowUp", "previous"],
    ["a", "approve"],
    ["r", "reject"],
    ["e", "request_evidence"],
    ["?", "help"],
    ["x", "select"],
    ["X", null],
    ["z", null],
    ["Enter", null],
    ["Escape", null],
  ] as const)("%s → %s", (key, action) => {
    expect(shortcutFor({ key }, idle)).toBe(action);
  });

  it("does nothing while typing in a field", () => {
    for (const key of ["j", "k", "a", "r", "e", "x", "ArrowDown", "?"]) {
      expect(shortcutFor({ key }, { typing: true, inQueue: true })).toBeNull();
    }
  });

  it("leaves Ctrl, Cmd and Alt combinations to the browser and the screen reader", () => {
    expect(shortcutFor({ key: "a", ctrlKey: true }, idle)).toBeNull();
    expect(shortcutFor({ key: "r", metaKey: true }, idle)).toBeNull();
    expect(shortcutFor({ key: "j", altKey: true }, idle)).toBeNull();
  });

  it("never approves on a capital A (Shift or Caps Lock)", () => {
    expect(shortcutFor({ key: "A" }, idle)).toBeNull();
    expect(shortcutFor({ key: "R" }, idle)).toBeNull();
  });

  it("lets the arrow keys scroll the page when focus is outside the queue", () => {
    expect(shortcutFor({ key: "ArrowDown" }, { typing: false, inQueue: false })).toBeNull();
    expect(shortcutFor({ key: "ArrowUp" }, { typing: false, inQueue: false })).toBeNull();
    expect(shortcutFor({ key: "j" }, { typing: false, inQueue: false })).toBe("next");
  });
});

describe("isTypingTarget", () => {
  it("is true in fields and editable text, false elsewhere", () => {
    expect(isTypingTarget({ tagName: "INPUT" })).toBe(true);
    expect(isTypingTarget({ tagName: "textarea" })).toBe(true);
    expect(isTypingTarget({ tagName: "SELECT" })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: "BUTTON" })).toBe(false);
    expect(isTypingTarget({ tagName: "SECTION" })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe("moving focus", () => {
  const ids = ["a", "b", "c"];

  it("starts at the first item, and stops at either end", () => {
    expect(neighbourId(ids, null, 1)).toBe("a");
    expect(neighbourId(ids, null, -1)).toBe("a");
    expect(neighbourId(ids, "a", 1)).toBe("b");
    expect(neighbourId(ids, "b", -1)).toBe("a");
    expect(neighbourId(ids, "c", 1)).toBe("c");
    expect(neighbourId(ids, "a", -1)).toBe("a");
    expect(neighbourId(ids, "gone", 1)).toBe("a");
    expect(neighbourId([], null, 1)).toBeNull();
  });

  it("goes to the next item after a decision, else the previous, else nowhere", () => {
    expect(focusAfterDecision(ids, "a")).toBe("b");
    expect(focusAfterDecision(ids, "c")).toBe("b");
    expect(focusAfterDecision(["a"], "a")).toBeNull();
  });
});
