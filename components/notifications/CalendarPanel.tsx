"use client";
// The private calendar address: shown with a copy-friendly field, replaceable and revocable.
import { ActionButton, type FormActionFn } from "@/components/ui/form";

export function CalendarPanel({ url, reset, revoke }: { url: string | null; reset: FormActionFn; revoke: FormActionFn }) {
  return (
    <div className="space-y-3">
      {url ? (
        <>
          <label htmlFor="calendar-url" className="block text-sm font-medium">Your private calendar address</label>
          <input id="calendar-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()}
            className="block w-full rounded-md border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-sm" />
          <p className="text-sm text-stone-600">
            Add it to your calendar app as a subscription (“From URL”). Anyone with this address sees your voting deadlines:
            keep it to yourself, and make a new one if it leaks.
          </p>
          <div className="flex flex-wrap gap-3">
            <ActionButton action={reset} fields={{}} label="Make a new address" variant="secondary" confirm="The current address will stop working. Continue?" />
            <ActionButton action={revoke} fields={{}} label="Turn the calendar off" variant="danger" />
          </div>
        </>
      ) : (
        <ActionButton action={reset} fields={{}} label="Create my calendar address" />
      )}
    </div>
  );
}
