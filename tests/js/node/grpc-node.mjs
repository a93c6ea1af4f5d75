// @grpc/grpc-js against macid's gRPC services (cosmos.bank/auth Query, cosmos.tx Service, maci.node.v1.Node).
// usage: node node/grpc-node.mjs <host:port> <simulateTxHex> <address>
// Prints one JSON line of observations.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { QueryBalanceRequest, QueryBalanceResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import { QueryAccountRequest, QueryAccountResponse } from "cosmjs-types/cosmos/auth/v1beta1/query";
import { SimulateRequest, SimulateResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { toBech32, fromHex } from "@cosmjs/encoding";

const require = createRequire(import.meta.url);
const grpc = require("@grpc/grpc-js");
const protoLoader = require("@grpc/proto-loader");
const here = path.dirname(fileURLToPath(import.meta.url));
const protoRoot = path.resolve(here, "../../../proto");
const [target, simulateHex, address] = process.argv.slice(2);

const client = new grpc.Client(target, grpc.credentials.createInsecure());
const describe = (e) => ({ code: e.code, details: e.details });

function unary(method, bytes, deadlineMs) {
  return new Promise((resolve) => {
    const options = deadlineMs ? { deadline: new Date(Date.now() + deadlineMs) } : {};
    client.makeUnaryRequest(method, (b) => Buffer.from(b), (b) => b, bytes, new grpc.Metadata(), options,
      (err, reply) => resolve(err ? { error: describe(err) } : { reply }));
  });
}

const out = {};
const balanceReq = QueryBalanceRequest.encode({ address, denom: "umaci" }).finish();
const balance = await unary("/cosmos.bank.v1beta1.Query/Balance", balanceReq);
out.balance = balance.error ?? QueryBalanceResponse.decode(balance.reply).balance.amount;

const sim = await unary("/cosmos.tx.v1beta1.Service/Simulate", SimulateRequest.encode({ txBytes: fromHex(simulateHex) }).finish());
out.simulateGasUsed = sim.error ?? Number(SimulateResponse.decode(sim.reply).gasInfo.gasUsed);

const missing = await unary("/cosmos.auth.v1beta1.Query/Account",
  QueryAccountRequest.encode({ address: toBech32("maci", new Uint8Array(20).fill(9)) }).finish());
out.missingAccount = missing.error ?? "no error";

out.unknownMethod = (await unary("/cosmos.bank.v1beta1.Query/NoSuchMethod", balanceReq)).error;
out.malformed = (await unary("/cosmos.bank.v1beta1.Query/Balance", Uint8Array.from([0xff, 0xff, 0xff, 0xff]))).error;
const badAddress = await unary("/cosmos.bank.v1beta1.Query/Balance", QueryBalanceRequest.encode({ address: "nope", denom: "umaci" }).finish());
out.badAddress = badAddress.error;

const definition = protoLoader.loadSync(path.join(protoRoot, "maci/node/v1/node.proto"),
  { includeDirs: [protoRoot], keepCase: true, longs: Number, defaults: true });
const Node = grpc.loadPackageDefinition(definition).maci.node.v1.Node;
const node = new Node(target, grpc.credentials.createInsecure());

out.blocks = await new Promise((resolve) => {
  const heights = [];
  const call = node.SubscribeBlocks({});
  call.on("data", (b) => {
    heights.push(b.height);
    if (heights.length === 3) call.cancel();
  });
  call.on("error", (e) => resolve({ heights, endCode: e.code }));
  call.on("end", () => resolve({ heights, endCode: 0 }));
});

out.deadline = await new Promise((resolve) => {
  let received = 0;
  const call = node.SubscribeBlocks({}, { deadline: new Date(Date.now() + 700) });
  call.on("data", () => received++);
  call.on("error", (e) => resolve({ code: e.code, received }));
  call.on("end", () => resolve({ code: 0, received }));
});

out.badQuery = await new Promise((resolve) => {
  const call = node.SubscribeTxs({ query: "this is not a query" });
  call.on("data", () => {});
  call.on("error", (e) => resolve(describe(e)));
  call.on("end", () => resolve({ code: 0 }));
});

out.status = await new Promise((resolve) => node.GetStatus({}, (err, r) => resolve(err ? describe(err) : { chainId: r.chain_id, height: r.latest_height })));

const again = await unary("/cosmos.bank.v1beta1.Query/Balance", balanceReq);
out.balanceAfterErrors = again.error ?? QueryBalanceResponse.decode(again.reply).balance.amount;
console.log(JSON.stringify(out));
client.close();
node.close();
