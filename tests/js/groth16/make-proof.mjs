// Builds a tiny circuit end to end with circom2 + snarkjs and writes verification_key.json, proof.json and
// public.json into the given work directory (relative to tests/js; circom2 runs under WASI and needs relative
// paths). Prints {"jsVerify": true|false} so the caller knows snarkjs itself accepts the proof.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as snarkjs from "snarkjs";

const workDir = process.argv[2];
if (!workDir || path.isAbsolute(workDir)) {
  console.error("usage: node groth16/make-proof.mjs <relative work dir>");
  process.exit(2);
}
const jsDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dir = path.join(jsDir, workDir);
mkdirSync(dir, { recursive: true });

// Four public signals (three public inputs and one output) and one private input.
writeFileSync(path.join(dir, "tiny.circom"), `pragma circom 2.0.0;
template Tiny() {
    signal input a;
    signal input b;
    signal input c;
    signal input x;
    signal output out;
    signal t;
    signal u;
    t <== x * x;
    u <== b * c;
    out <== t * a + u;
}
component main {public [a, b, c]} = Tiny();
`);

const circomCli = path.relative(dir, path.join(jsDir, "node_modules", "circom2", "cli.js"));
execFileSync(process.execPath, [circomCli, "tiny.circom", "--r1cs", "--wasm", "-o", "."], { cwd: dir, stdio: "pipe" });

const f = (n) => path.join(dir, n);
const quiet = undefined;
await snarkjs.powersOfTau.newAccumulator(await snarkjs.curves.getCurveFromName("bn128"), 6, f("pot0.ptau"), quiet);
await snarkjs.powersOfTau.contribute(f("pot0.ptau"), f("pot1.ptau"), "test", "entropy-one", quiet);
await snarkjs.powersOfTau.preparePhase2(f("pot1.ptau"), f("pot.ptau"), quiet);
await snarkjs.zKey.newZKey(f("tiny.r1cs"), f("pot.ptau"), f("tiny0.zkey"), quiet);
await snarkjs.zKey.contribute(f("tiny0.zkey"), f("tiny.zkey"), "test", "entropy-two", quiet);
const vk = await snarkjs.zKey.exportVerificationKey(f("tiny.zkey"), quiet);
const { proof, publicSignals } = await snarkjs.groth16.fullProve(
  { a: "3", b: "5", c: "7", x: "11" }, f(path.join("tiny_js", "tiny.wasm")), f("tiny.zkey"), quiet);
writeFileSync(f("verification_key.json"), JSON.stringify(vk, null, 1));
writeFileSync(f("proof.json"), JSON.stringify(proof, null, 1));
writeFileSync(f("public.json"), JSON.stringify(publicSignals, null, 1));
const ok = await snarkjs.groth16.verify(vk, publicSignals, proof, quiet);
process.stdout.write(JSON.stringify({ jsVerify: ok }));
process.exit(0);
