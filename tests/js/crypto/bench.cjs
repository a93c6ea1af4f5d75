// Times the reference implementations of the operations in the C# "zk" bench suite and prints
// {"name": medianMicroseconds, ...} on stdout (process CPU time, as the C# side measures thread CPU time). Run by bench/Maci.Bench (suite "zk") in the same session.
//   circomlibjs 0.1.7: Poseidon (wasm-backed buildPoseidon), EdDSA-Poseidon sign/verify, Baby Jubjub scalar mul (ECDH)
//   @zk-kit/poseidon-cipher 0.3.2: encryption of a 7-element aMACI command (circomlibjs has no cipher)
//   tree insert: a depth-9 quinary path (9 circomlibjs Poseidon-5 calls), as the C# tree does per insert
"use strict";

const { buildPoseidon, buildEddsa } = require("circomlibjs");
const cipher = require("@zk-kit/poseidon-cipher");

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn, budgetMs) {
  // Warm up, then pick an iteration count that takes ~budget/7 per sample.
  let iterations = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms > budgetMs / 14 || iterations > 1 << 20) break;
    iterations *= 2;
  }
  const samples = [];
  for (let s = 0; s < 7; s++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < iterations; i++) fn();
    const c = process.cpuUsage(c0);
    samples.push((c.user + c.system) / iterations);
  }
  return median(samples);
}

async function main() {
  const budget = Number(process.argv[2] || 600);
  const poseidon = await buildPoseidon();
  const eddsa = await buildEddsa();
  const F = eddsa.babyJub.F;
  const prv = Buffer.from("0001020304050607080900010203040506070809000102030405060708090001", "hex");
  const msg = F.e(1234567890123456789n);
  const pub = eddsa.prv2pub(prv);
  const sig = eddsa.signPoseidon(prv, msg);
  if (!eddsa.verifyPoseidon(msg, sig, pub)) throw new Error("reference signature does not verify");
  const scalar = 2736030358979909402780800718157159386076813972158567259200215660948447373040n;
  const key = [123456789n, 987654321n];
  const command = [1n, 2n, 3n, 4n, 5n, 6n, 7n];
  const x = [11n, 22n, 33n, 44n, 55n];

  const out = {
    poseidon2: time(() => poseidon([x[0], x[1]]), budget),
    poseidon5: time(() => poseidon(x), budget),
    eddsaSign: time(() => eddsa.signPoseidon(prv, msg), budget),
    eddsaVerify: time(() => eddsa.verifyPoseidon(msg, sig, pub), budget),
    ecdh: time(() => eddsa.babyJub.mulPointEscalar(pub, scalar), budget),
    cipherEncrypt7: time(() => cipher.poseidonEncrypt(command, key, 0n), budget),
    treeInsertDepth9: time(() => {
      let node = x[0];
      for (let level = 0; level < 9; level++) node = poseidon([node, x[1], x[2], x[3], x[4]]);
      return node;
    }, budget),
  };
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
