"use client";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: "/" })} className="min-h-11 rounded px-2 text-sm underline-offset-4 hover:underline">
      Sign out
    </button>
  );
}
