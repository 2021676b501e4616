"use client";
import { useActionState } from "react";
import { insertOne, noop } from "./actions";

export function Forms() {
  const [a, noopAction] = useActionState(noop, { ok: false });
  const [b, insertAction] = useActionState(insertOne, { ok: false });
  return (
    <>
      <form action={noopAction}><button>noop</button>{a.message}</form>
      <form action={insertAction}><input name="user" defaultValue="u1" /><input name="choice" defaultValue="YES" /><button>insert</button>{b.message}</form>
    </>
  );
}
