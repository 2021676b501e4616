// What a page shows while its data streams in: a labelled, polite status and a few grey bars in
// the shape of the content, so a slow phone connection never looks like a frozen page.
export function PageLoading({ label = "Loading…" }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true" className="space-y-4" data-testid="page-loading">
      <p className="sr-only">{label}</p>
      <div aria-hidden="true" className="h-4 w-40 animate-pulse rounded bg-stone-200 motion-reduce:animate-none" />
      <div aria-hidden="true" className="h-8 w-3/4 animate-pulse rounded bg-stone-200 motion-reduce:animate-none" />
      <div aria-hidden="true" className="h-32 w-full animate-pulse rounded-lg bg-stone-100 motion-reduce:animate-none" />
      <div aria-hidden="true" className="h-24 w-full animate-pulse rounded-lg bg-stone-100 motion-reduce:animate-none" />
    </div>
  );
}
