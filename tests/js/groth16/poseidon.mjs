// Poseidon hashes (circomlibjs) for Groth16 fixture tests that need a word derived with Poseidon
// (aMACI add-new-key hashes H2(newPubKey)). Input on stdin: JSON array of arrays of decimal strings.
// Output: JSON array of decimal strings.
import { buildPoseidon } from "circomlibjs";

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const inputs = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const poseidon = await buildPoseidon();
const out = inputs.map((xs) => poseidon.F.toString(poseidon(xs.map((x) => BigInt(x)))));
process.stdout.write(JSON.stringify(out));
process.exit(0);
