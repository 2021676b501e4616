// A leak between React's server renderer and Node's timers, closed from the app's side.
//
// When a server render completes, React aborts the render's cache signal with an Error ("This
// render completed successfully…"). V8 keeps an Error's stack unformatted until something reads it,
// and the unformatted stack holds the frames' receivers — here the Node `Immediate` the render's
// last step ran in. Node does not clear an Immediate's link to the next one in its queue after
// running it, and each Immediate carries the async context of the request that scheduled it. So
// once anything long-lived holds one render's context (a database connection opened during a
// render does), every later request is chained to it: render → Error → Immediate → next Immediate
// → its render → … and nothing is ever collected. Under steady page traffic the heap grew by about
// 100 KB a page until the process hit its limit (decision 011, fourth pass).
//
// Reading the Error's stack once it is made formats it into a string and drops those references.
import { cacheSignal } from "react";

/** Call during a server render (the root layout does): breaks the chain when the render completes. */
export function releaseRenderOnCompletion(): void {
  const signal = cacheSignal();
  signal?.addEventListener("abort", () => void (signal.reason as { stack?: unknown } | undefined)?.stack, { once: true });
}
