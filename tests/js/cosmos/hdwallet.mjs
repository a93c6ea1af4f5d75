// Cross-check for Maci.Crypto.Cosmos (Bip39, Bip32, CosmosHdWallet) against CosmJS 0.39.
// Reads one JSON request on stdin, writes one JSON response on stdout:
//   { wallets:   [{ mnemonic, prefix, bip39Password?, hdPath? }]   → DirectSecp256k1HdWallet.fromMnemonic
//     seeds:     [{ mnemonic, bip39Password? }]                    → Bip39.mnemonicToSeed (hex)
//     entropies: [entropyHex]                                      → Bip39.encode (mnemonic)
//     slip10:    [{ seed, path }]                                  → Slip10 secp256k1 (= BIP-32) privkey/chainCode
//     random:    n }                                               → n fresh 24-word CosmJS mnemonics
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { Bip39, EnglishMnemonic, Random, Slip10, Slip10Curve, stringToPath } from "@cosmjs/crypto";
import { fromHex, toHex } from "@cosmjs/encoding";

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const req = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const wallets = [];
for (const w of req.wallets ?? []) {
  const options = { prefix: w.prefix ?? "cosmos", bip39Password: w.bip39Password ?? "" };
  if (w.hdPath) options.hdPaths = [stringToPath(w.hdPath)];
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(w.mnemonic, options);
  const [account] = await wallet.getAccounts();
  wallets.push({ address: account.address, pubkey: toHex(account.pubkey) });
}

const seeds = [];
for (const s of req.seeds ?? [])
  seeds.push(toHex(await Bip39.mnemonicToSeed(new EnglishMnemonic(s.mnemonic), s.bip39Password ?? "")));

const entropies = (req.entropies ?? []).map((e) => Bip39.encode(fromHex(e)).toString());

const slip10 = (req.slip10 ?? []).map((s) => {
  const r = Slip10.derivePath(Slip10Curve.Secp256k1, fromHex(s.seed), stringToPath(s.path));
  return { privkey: toHex(r.privkey), chainCode: toHex(r.chainCode) };
});

const random = [];
for (let i = 0; i < (req.random ?? 0); i++) random.push(Bip39.encode(Random.getBytes(32)).toString());

process.stdout.write(JSON.stringify({ wallets, seeds, entropies, slip10, random }));
