"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton({ label, className }: { label: string; className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={className}
      data-testid="sign-out"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/" }).catch(() => setPending(false));
      }}
    >
      {label}
    </button>
  );
}
