// Cross-check for Maci.Crypto.Cosmos (Secp256k1, CosmosAddress) against CosmJS 0.39.
// Reads one JSON request on stdin and writes one JSON response on stdout:
//   { prefix,
//     sign:      [{ privkey, bodyBytes, authInfoBytes, chainId, accountNumber }],  (hex / string)
//     verify:    [{ pubkey, hash, signature }],                                      (hex, 64-byte r||s)
//     addresses: [pubkeyHex] }
// → { sign: [{ pubkey, address, signBytes, hash, walletSignature, rawSignature }], verify: [bool], addresses: [bech32] }
// `walletSignature` comes from DirectSecp256k1Wallet.signDirect (the SIGN_MODE_DIRECT path a client uses),
// `rawSignature` from Secp256k1.createSignature over sha256(signBytes).
import { DirectSecp256k1Wallet, makeSignBytes, makeSignDoc } from "@cosmjs/proto-signing";
import { pubkeyToAddress, encodeSecp256k1Pubkey } from "@cosmjs/amino";
import { Secp256k1, Secp256k1Signature, sha256 } from "@cosmjs/crypto";
import { fromHex, toHex, fromBase64 } from "@cosmjs/encoding";

const readStdin = async () => {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
};

const req = await readStdin();
const prefix = req.prefix ?? "cosmos";

const sign = [];
for (const item of req.sign ?? []) {
  const privkey = fromHex(item.privkey);
  const wallet = await DirectSecp256k1Wallet.fromKey(privkey, prefix);
  const [account] = await wallet.getAccounts();
  const signDoc = makeSignDoc(fromHex(item.bodyBytes), fromHex(item.authInfoBytes), item.chainId, BigInt(item.accountNumber));
  const signBytes = makeSignBytes(signDoc);
  const hash = sha256(signBytes);
  const { signature } = await wallet.signDirect(account.address, signDoc);
  const raw = await Secp256k1.createSignature(hash, privkey);
  sign.push({
    pubkey: toHex(account.pubkey),
    address: account.address,
    signBytes: toHex(signBytes),
    hash: toHex(hash),
    walletSignature: toHex(fromBase64(signature.signature)),
    rawSignature: toHex(raw.toFixedLength().slice(0, 64)),
  });
}

const verify = [];
for (const item of req.verify ?? []) {
  const sig = Secp256k1Signature.fromFixedLength(fromHex(item.signature));
  verify.push(await Secp256k1.verifySignature(sig, fromHex(item.hash), fromHex(item.pubkey)));
}

const addresses = (req.addresses ?? []).map((pk) => pubkeyToAddress(encodeSecp256k1Pubkey(fromHex(pk)), prefix));

process.stdout.write(JSON.stringify({ sign, verify, addresses }));
