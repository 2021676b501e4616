// The message namespaces the browser needs: those read by client components (and the shared
// components they import). Only these are sent with each page; the whole catalogue was 57 KB of
// every page's payload in English, most of it read only on the server. tests/unit/i18n-client-messages.test.ts
// fails when a client component reads a namespace missing here.
export const CLIENT_NAMESPACES = [
  "amendments", "auth", "charterForm", "common", "councilForm", "delegations", "discussion", "election",
  "electionForm", "enums", "errors", "federation", "layout", "password", "proposalForm", "settings",
  "unsubscribe", "vote",
] as const;

export function clientMessages(messages: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(CLIENT_NAMESPACES.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]));
}
