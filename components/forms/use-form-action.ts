"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/api/action.ts";

/**
 * A server action behind a form that keeps what was typed when the action
 * refuses it (React resets a form posted through `action={…}`, which would
 * make someone on a bad connection type everything again).
 */
export function useFormAction<T>(run: (form: FormData) => Promise<ActionResult<T>>) {
  const [result, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>((_, form) => run(form), null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
  return { result, onSubmit, pending };
}
