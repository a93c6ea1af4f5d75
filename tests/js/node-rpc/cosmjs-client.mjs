// Drives the C# node's CometBFT-compatible RPC with unmodified CosmJS clients and prints a JSON
// summary of what they decoded. Usage: node node-rpc/cosmjs-client.mjs http://127.0.0.1:PORT
// The test host produces blocks in the background and accepts every tx that does not start with "bad".
import { Comet38Client, connectComet, isComet38Client } from "@cosmjs/tendermint-rpc";
import { StargateClient } from "@cosmjs/stargate";
import { toHex } from "@cosmjs/encoding";


const httpUrl = process.argv[2];
const wsUrl = httpUrl.replace(/^http/, "ws");
const out = {};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const hex = (b) => toHex(b).toUpperCase();

async function firstEvent(stream, timeoutMs) {
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no event within " + timeoutMs + " ms")), timeoutMs);
    const sub = stream.subscribe({
      next: (e) => { clearTimeout(timer); sub.unsubscribe(); resolve(e); },
      error: (err) => { clearTimeout(timer); reject(err); },
      complete: () => {},
    });
  });
}

const comet = await connectComet(httpUrl);
out.isComet38 = isComet38Client(comet);
comet.disconnect();

const client = await Comet38Client.connect(httpUrl);
const status = await client.status();
out.chainId = status.nodeInfo.network;
out.statusHeight = status.syncInfo.latestBlockHeight;
out.validatorAddress = hex(status.validatorInfo.address);

const block1 = await client.block(1);
out.block1LastBlockIdIsNull = block1.block.header.lastBlockId === null;
out.block1LastCommitIsNull = block1.block.lastCommit === null;
const block2 = await client.block(2);
// CosmJS's own hashBlock uses pre-0.34 amino field encodings and does not reproduce CometBFT header
// hashes (the C# tests check those against CometBFT's vectors), so only the chain links are checked here.
const block3 = await client.block(3);
out.blocksLinked = hex(block3.block.header.lastBlockId.hash) === hex(block2.blockId.hash)
  && hex(block3.block.lastCommit.blockId.hash) === hex(block2.blockId.hash);
out.block2LastCommitSignatures = block2.block.lastCommit.signatures.length;
out.block2Txs = block2.block.txs.length;

const results = await client.blockResults(1);
out.blockResultsTxs = results.results.length;
out.blockResultsGasUsed = results.results.map((r) => r.gasUsed.toString());
const chain = await client.blockchain(1, 2);
out.blockchainMetas = chain.blockMetas.length;
const commit = await client.commit(1);
out.commitCanonical = commit.canonical;
const validators = await client.validators({});
out.validatorsTotal = validators.total;
const genesis = await client.genesis();
out.genesisChainId = genesis.chainId;
const info = await client.abciInfo();
out.abciInfoHeight = info.lastBlockHeight;
const query = await client.abciQuery({ path: "/cosmos.bank.v1beta1.Query/Balance", data: new Uint8Array([10, 11]) });
out.queryValue = Array.from(query.value);
out.queryHeight = query.height;
await client.health();
const unconfirmed = await client.numUnconfirmedTxs();
out.unconfirmedTotal = unconfirmed.total;

const blockSearch = await client.blockSearchAll({ query: "block.height<=3" });
out.blockSearchHeights = blockSearch.blocks.map((b) => b.block.header.height);
const search = await client.txSearch({ query: "tx.height=1" });
out.txSearchTotal = search.totalCount;
out.txSearchFirstIndex = search.txs[0].index;
out.txSearchEvents = search.txs[0].result.events.map((e) => e.type);
const all = await client.txSearchAll({ query: "tx.height>=1", per_page: 2 });
out.txSearchAllCount = all.txs.length;
out.txSearchAllTotal = all.totalCount;

// Broadcast and wait for inclusion as SigningStargateClient does (poll tx_search by hash).
const tx = new TextEncoder().encode("cosmjs tx " + Date.now());
const broadcast = await client.broadcastTxSync({ tx });
out.broadcastCode = broadcast.code;
const txHashHex = hex(broadcast.hash);
let found = null;
for (let i = 0; i < 100 && !found; i++) {
  const r = await client.txSearch({ query: `tx.hash='${txHashHex}'` });
  if (r.totalCount > 0) found = r.txs[0];
  else await sleep(100);
}
out.broadcastFound = found !== null;
const byHash = await client.tx({ hash: broadcast.hash });
out.txByHashHeight = byHash.height;
out.txByHashMatchesSearch = found !== null && byHash.height === found.height;
const rejected = await client.broadcastTxSync({ tx: new TextEncoder().encode("bad tx " + Date.now()) });
out.rejectedCode = rejected.code;
out.rejectedCodespace = rejected.codespace;
try {
  await client.broadcastTxSync({ tx });
  out.duplicateError = "none";
} catch (e) {
  out.duplicateError = String(e.message ?? e);
}
client.disconnect();

const stargate = await StargateClient.connect(httpUrl);
out.stargateChainId = await stargate.getChainId();
out.stargateHeight = await stargate.getHeight();
const sgBlock = await stargate.getBlock(2);
out.stargateBlockTxs = sgBlock.txs.length;
const sgTx = await stargate.getTx(txHashHex);
out.stargateTxHash = sgTx?.hash;
out.stargateTxGasWanted = sgTx?.gasWanted?.toString();
const sgSearch = await stargate.searchTx("tx.height=2");
out.stargateSearchCount = sgSearch.length;
stargate.disconnect();

const ws = await Comet38Client.connect(wsUrl);
const newBlock = await firstEvent(ws.subscribeNewBlock(), 10000);
out.wsNewBlockHeight = newBlock.header.height;
const txEventPromise = firstEvent(ws.subscribeTx(), 10000);
await sleep(200);
const wsTx = new TextEncoder().encode("ws tx " + Date.now());
const http = await Comet38Client.connect(httpUrl);
await http.broadcastTxSync({ tx: wsTx });
const txEvent = await txEventPromise;
out.wsTxHashMatches = hex(txEvent.hash) === hex(await (async () => { const { sha256 } = await import("@cosmjs/crypto"); return sha256(wsTx); })());
out.wsTxHeight = txEvent.height;
http.disconnect();
ws.disconnect();

console.log(JSON.stringify(out));
process.exit(0);
