// Runs snarkjs groth16.verify in-process. Input on stdin: {"vk": <verification_key.json>, "proof": <proof.json>,
// "publicSignals": [...], "iterations": n (optional, default 1), "warmup": n (optional, default 0)}.
// Output: {"ok": bool, "medianMs": wall-clock median, "medianCpuMs": process CPU-time median, "samples": n}. Timing excludes the warm-up calls (the first call builds
// the curve). Alternatively {"cases": [{vk, proof, publicSignals}, ...]} returns {"results": [bool, ...]}.
import * as snarkjs from "snarkjs";

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const req = JSON.parse(Buffer.concat(chunks).toString("utf8"));
if (Array.isArray(req.cases)) {
  const results = [];
  for (const c of req.cases) results.push(await snarkjs.groth16.verify(c.vk, c.publicSignals, c.proof));
  process.stdout.write(JSON.stringify({ results }));
  process.exit(0);
}
const iterations = req.iterations ?? 1;
const warmup = req.warmup ?? 0;
let ok = true;
for (let i = 0; i < warmup; i++) ok = (await snarkjs.groth16.verify(req.vk, req.publicSignals, req.proof)) && ok;
const times = [];
const cpu = [];
for (let i = 0; i < iterations; i++) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const r = await snarkjs.groth16.verify(req.vk, req.publicSignals, req.proof);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1e3);
  ok = r && ok;
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
process.stdout.write(JSON.stringify({ ok, medianMs: median(times), medianCpuMs: median(cpu), samples: times.length }));
process.exit(0);
