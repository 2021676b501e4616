import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md space-y-3">
      <h1 className="text-2xl font-bold">Members only</h1>
      <p className="text-stone-700">This page belongs to a council you are not an active member of. Ask to join the council to see its proposals and votes.</p>
      <Link href="/councils" className="text-emerald-800 underline">Browse councils</Link>
    </div>
  );
}
