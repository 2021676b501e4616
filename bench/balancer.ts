// A small round-robin HTTP load balancer for the stateless proof: each request goes to the next
// backend in turn, over keep-alive connections, with the Host and Origin headers passed through
// unchanged (server actions compare them). Usage: tsx bench/balancer.ts PORT BACKEND_URL...
import http from "node:http";

const [portArg, ...backends] = process.argv.slice(2);
if (!portArg || backends.length === 0) {
  console.error("usage: tsx bench/balancer.ts PORT BACKEND_URL...");
  process.exit(2);
}
const targets = backends.map((b) => new URL(b));
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let next = 0;
const served = targets.map(() => 0);

const server = http.createServer((req, res) => {
  const i = next;
  next = (next + 1) % targets.length;
  served[i]!++;
  const target = targets[i]!;
  const upstream = http.request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(upstream);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(portArg), "127.0.0.1");
process.on("SIGTERM", () => {
  console.log(`served ${served.map((n, i) => `${n} by ${backends[i]}`).join(", ")}`);
  server.close();
  agent.destroy();
  process.exit(0);
});
