// CosmJS 0.39 against a running macid: queries, a fee "auto" send with inclusion wait, getTx,
// a second client, and a failing tx. Prints one JSON line of observations.
// usage: node node/cosmjs-node.mjs http://127.0.0.1:PORT
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient, StargateClient } from "@cosmjs/stargate";
import { toBech32 } from "@cosmjs/encoding";

const [url] = process.argv.slice(2);
const m0 = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
const wallet = await DirectSecp256k1HdWallet.fromMnemonic(m0, { prefix: "maci" });
const [{ address: sender }] = await wallet.getAccounts();
const recipient = "maci1am058pdux3hyulcmfgj4m3hhrlfn8nzm20tsfc";

const out = {};
const client = await StargateClient.connect(url);
out.chainId = await client.getChainId();
out.height = await client.getHeight();
const account = await client.getAccount(sender);
out.accountNumber = account.accountNumber;
out.sequenceBefore = account.sequence;
out.missingAccountIsNull = (await client.getAccount(toBech32("maci", new Uint8Array(20).fill(7)))) === null;
out.balancesBefore = await client.getAllBalances(recipient);

const signer = await SigningStargateClient.connectWithSigner(url, wallet, {
  gasPrice: GasPrice.fromString("0.0025umaci"),
  broadcastPollIntervalMs: 100,
  broadcastTimeoutMs: 20000,
});
const sent = await signer.sendTokens(sender, recipient, [{ denom: "umaci", amount: "4242" }], "auto", "cosmjs node test");
out.sendCode = sent.code;
out.sendHeight = sent.height;
out.sendGasUsed = Number(sent.gasUsed);
out.sendGasWanted = Number(sent.gasWanted);
out.sendMsgResponses = sent.msgResponses.map((r) => r.typeUrl);
out.transferEvent = sent.events.some((e) => e.type === "transfer");

const tx = await client.getTx(sent.transactionHash);
out.getTxHeight = tx.height;
out.getTxHashMatches = tx.hash === sent.transactionHash;

const second = await StargateClient.connect(url);
out.balancesAfterSecondClient = await second.getAllBalances(recipient);
out.balanceAfterFirstClient = await client.getBalance(recipient, "umaci");
out.sequenceAfter = (await second.getSequence(sender)).sequence;

// A tx whose message fails: more than the sender has (explicit gas, so no simulation).
try {
  const bad = await signer.sendTokens(sender, recipient, [{ denom: "umaci", amount: "999999999999999999" }],
    { amount: [{ denom: "umaci", amount: "500" }], gas: "200000" });
  out.badCode = bad.code;
  out.badLog = bad.rawLog;
  out.badThrew = false;
} catch (e) {
  out.badThrew = true;
  out.badCode = e.code;
  out.badLog = e.log ?? String(e.message);
}
// A fee below the minimum gas price: refused in CheckTx, CosmJS throws BroadcastTxError with the node's code.
try {
  await signer.sendTokens(sender, recipient, [{ denom: "umaci", amount: "1" }], { amount: [{ denom: "umaci", amount: "1" }], gas: "200000" });
  out.lowFeeThrew = false;
} catch (e) {
  out.lowFeeThrew = true;
  out.lowFeeCode = e.code;
  out.lowFeeLog = e.log ?? String(e.message);
}
console.log(JSON.stringify(out, (_, v) => (typeof v === "bigint" ? Number(v) : v)));
