"use client";

import type { Ref } from "react";

/**
 * The 6-digit authenticator code, as phones expect it: numeric keypad,
 * autofill from the SMS/app suggestion bar, a space or dash allowed in the middle.
 */
export function OneTimeCodeInput(props: {
  id: string;
  testId: string;
  ref?: Ref<HTMLInputElement>;
  invalid?: boolean;
  describedBy?: string;
}) {
  return (
    <input
      ref={props.ref}
      id={props.id}
      name="code"
      className="input"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 \-]{6,7}"
      maxLength={7}
      required
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid ? true : undefined}
      data-testid={props.testId}
    />
  );
}
