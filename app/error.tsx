"use client";
// Shown when a page fails unexpectedly; the details stay in the server log.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto max-w-md space-y-3">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="text-stone-700">This page could not be shown. Nothing you submitted was lost or changed by this error.</p>
      <button onClick={reset} className="rounded-md border border-stone-300 bg-white px-4 py-2 font-semibold">Try again</button>
    </div>
  );
}
