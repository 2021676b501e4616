import { PageLoading } from "@/components/ui/Loading";

export default function Loading() {
  return <PageLoading />;
}
