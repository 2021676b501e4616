// Runs once when the server starts. The Node.js part lives in its own file so the Edge bundle
// never sees Node APIs.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/server-start");
}
