// A placeholder for a section still loading inside <Suspense>: grey lines where the content will
// be, and a status with the (translated) label for screen readers. Pages stream these after their
// access checks, so a forbidden or missing page still answers 403 or 404, not an early 200.
const WIDTHS = ["w-full", "w-11/12", "w-3/4", "w-5/6", "w-2/3"];

export function Skeleton({ label, lines = 3, className = "" }: {
  /** Read to screen readers while loading, e.g. "Loading the discussion…". */
  label: string;
  lines?: number;
  className?: string;
}) {
  return (
    <div role="status" aria-busy="true" className={`space-y-2 rounded-lg border border-stone-200 bg-white p-4 ${className}`}>
      <span className="sr-only">{label}</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} aria-hidden="true" className={`h-4 rounded bg-stone-200 motion-safe:animate-pulse ${WIDTHS[i % WIDTHS.length]}`} />
      ))}
    </div>
  );
}
