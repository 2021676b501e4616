// Preloaded into the bench's servers (bench/lib/server.ts): on SIGUSR2, two full garbage collections,
// then the heap still in use is written to plenum-heap-<pid>.json in the system's temporary folder.
// The bench compares it before and after serving pages, to tell memory kept from garbage not yet
// collected (decision 011, fourth pass: a leak there kept about 100 KB a page).
const { setFlagsFromString } = require("node:v8");
const { runInNewContext } = require("node:vm");
const { writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");

process.on("SIGUSR2", () => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc");
  gc();
  gc();
  writeFileSync(path.join(tmpdir(), `plenum-heap-${process.pid}.json`), JSON.stringify({ heapUsed: process.memoryUsage().heapUsed }));
});
