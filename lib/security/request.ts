// The current request's client address, for server actions (route handlers read their Request).
import "server-only";
import { headers } from "next/headers";
import { clientAddress } from "./client-address";

export async function requestAddress(): Promise<string> {
  return clientAddress(await headers());
}
