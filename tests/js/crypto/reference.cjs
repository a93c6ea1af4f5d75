// Reference oracle for the C# crypto tests: reads a JSON array of operations on stdin, runs each one with the
// pinned npm reference libraries, and writes a JSON array of results (same order) on stdout.
// Numbers travel as decimal strings, byte strings as hex. A failing operation yields {"error": "..."}.
//
// Operations:
//   {op:"blake512", data:hex}                        -> hex (blake-hash, the BLAKE-1 512-bit hash)
//   {op:"poseidon", inputs:[n]}                      -> n   (circomlibjs buildPoseidon)
//   {op:"perm", state:[n]}                           -> [n] (@zk-kit/poseidon-cipher poseidonPerm)
//   {op:"derive", key:hex}                           -> {scalar:n, pub:[x,y], packed:n} (@zk-kit/eddsa-poseidon)
//   {op:"sign", key:hex, msg:n}                      -> {r8:[x,y], s:n}
//   {op:"verify", msg:n, r8:[x,y], s:n, pub:[x,y]}   -> bool
//   {op:"pack", point:[x,y]}                         -> n   (@zk-kit/baby-jubjub packPoint)
//   {op:"unpack", packed:n}                          -> [x,y] | null
//   {op:"mul", point:[x,y], scalar:n}                -> [x,y]
//   {op:"add", p:[x,y], q:[x,y]}                     -> [x,y]
//   {op:"ecdh", key:hex, pub:[x,y]}                  -> [x,y] (secret scalar of key times pub)
//   {op:"encrypt", msg:[n], key:[x,y], nonce:n}      -> [n]
//   {op:"decrypt", ct:[n], key:[x,y], nonce:n, length:k} -> [n] | {error}
"use strict";

const createBlakeHash = require("blake-hash");
const { buildPoseidon } = require("circomlibjs");
const eddsa = require("@zk-kit/eddsa-poseidon");
const bjj = require("@zk-kit/baby-jubjub");
const cipher = require("@zk-kit/poseidon-cipher");

const big = (v) => BigInt(v);
const str = (v) => v.toString();
const point = (p) => [big(p[0]), big(p[1])];
const pointOut = (p) => (p === null ? null : [str(p[0]), str(p[1])]);

async function main() {
  const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const poseidon = await buildPoseidon();
  const ops = {
    blake512: (o) => createBlakeHash("blake512").update(Buffer.from(o.data, "hex")).digest("hex"),
    poseidon: (o) => poseidon.F.toString(poseidon(o.inputs.map(big))),
    perm: (o) => cipher.poseidonPerm(o.state.map(big)).map(str),
    derive: (o) => {
      const key = Buffer.from(o.key, "hex");
      const pub = eddsa.derivePublicKey(key);
      return { scalar: str(eddsa.deriveSecretScalar(key)), pub: pointOut(pub), packed: str(eddsa.packPublicKey(pub)) };
    },
    sign: (o) => {
      const sig = eddsa.signMessage(Buffer.from(o.key, "hex"), big(o.msg));
      return { r8: pointOut(sig.R8), s: str(sig.S) };
    },
    verify: (o) => eddsa.verifySignature(big(o.msg), { R8: point(o.r8), S: big(o.s) }, point(o.pub)),
    pack: (o) => str(bjj.packPoint(point(o.point))),
    unpack: (o) => pointOut(bjj.unpackPoint(big(o.packed))),
    mul: (o) => pointOut(bjj.mulPointEscalar(point(o.point), big(o.scalar))),
    add: (o) => pointOut(bjj.addPoint(point(o.p), point(o.q))),
    ecdh: (o) => pointOut(bjj.mulPointEscalar(point(o.pub), eddsa.deriveSecretScalar(Buffer.from(o.key, "hex")))),
    encrypt: (o) => cipher.poseidonEncrypt(o.msg.map(big), point(o.key), big(o.nonce)).map(str),
    decrypt: (o) => cipher.poseidonDecrypt(o.ct.map(big), point(o.key), big(o.nonce), o.length).map(str),
  };
  const results = input.map((o) => {
    const run = ops[o.op];
    if (!run) return { error: `unknown op ${o.op}` };
    try {
      return run(o);
    } catch (e) {
      return { error: String(e && e.message ? e.message : e) };
    }
  });
  process.stdout.write(JSON.stringify(results));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
