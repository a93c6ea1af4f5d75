// CosmJS 0.39 secp256k1 speed, for the ratio printed by `bench secp256k1` (bench/Maci.Bench/Secp256k1Bench.cs).
// Usage: node cosmos/secp256k1-bench.mjs <opsPerRound> <rounds>
// Prints JSON { verify: {wall, cpu}, sign: {wall, cpu} } — medians over rounds of (round time / ops) in
// microseconds, wall-clock and process CPU time (process.cpuUsage).
import { Random, Secp256k1, sha256 } from "@cosmjs/crypto";

const ops = Number(process.argv[2] ?? 200);
const rounds = Number(process.argv[3] ?? 11);

const cases = [];
for (let i = 0; i < ops; i++) {
  const privkey = Random.getBytes(32);
  const { pubkey } = await Secp256k1.makeKeypair(privkey);
  const hash = sha256(Random.getBytes(200));
  const signature = await Secp256k1.createSignature(hash, privkey);
  cases.push({ privkey, pubkey: Secp256k1.compressPubkey(pubkey), hash, signature });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const time = async (fn) => {
  await fn(); // warm-up round
  const wall = [];
  const cpu = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await fn();
    wall.push(Number(process.hrtime.bigint() - t0) / 1000 / ops);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / ops);
  }
  return { wall: median(wall), cpu: median(cpu) };
};

const verify = await time(async () => {
  for (const c of cases)
    if (!(await Secp256k1.verifySignature(c.signature, c.hash, c.pubkey))) throw new Error("verify failed");
});
const sign = await time(async () => {
  for (const c of cases) await Secp256k1.createSignature(c.hash, c.privkey);
});

process.stdout.write(JSON.stringify({ verify, sign, ops, rounds }));
