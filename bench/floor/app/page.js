import { Forms } from "./forms";
export const dynamic = "force-dynamic";
export default function Page() {
  return <main><Forms /></main>;
}
