import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md space-y-3">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="text-stone-700">There is nothing at this address. The address may have been mistyped, or what it pointed to no longer exists.</p>
      <Link href="/councils" className="text-emerald-800 underline">Browse councils</Link>
    </div>
  );
}
