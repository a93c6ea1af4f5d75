// @grpc/grpc-js against macid's maci.rounds.v1.Query (and maci.insurance.v1.Query), the services loaded from the repository's
// protos with @grpc/proto-loader. Usage: node grpc/rounds-query.mjs <host:port> <roundId> <unknownRoundId>
// Prints one JSON line of observations; the C# test asserts on it.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const here = path.dirname(fileURLToPath(import.meta.url));
const protoRoot = path.resolve(here, '../../../proto');
const [target, roundId, unknownId] = process.argv.slice(2);
if (!target || !roundId || !unknownId) {
  console.error('usage: node grpc/rounds-query.mjs <host:port> <roundId> <unknownRoundId>');
  process.exit(2);
}

const load = (file) => grpc.loadPackageDefinition(protoLoader.loadSync(path.join(protoRoot, file),
  { includeDirs: [protoRoot], keepCase: true, longs: String, enums: String, defaults: true }));
const rounds = load('maci/rounds/v1/query.proto').maci.rounds.v1;
const roundsTx = load('maci/rounds/v1/tx.proto').maci.rounds.v1;
const insurance = load('maci/insurance/v1/query.proto').maci.insurance.v1;
const insuranceTx = load('maci/insurance/v1/tx.proto').maci.insurance.v1;

const query = new rounds.Query(target, grpc.credentials.createInsecure());
const insuranceQuery = new insurance.Query(target, grpc.credentials.createInsecure());
const call = (client, method, request) => new Promise((resolve) =>
  client[method](request, (err, reply) => resolve(err ? { error: { code: err.code, details: err.details } } : { reply })));

const out = {};
const params = await call(query, 'Params', {});
out.params = params.error ?? { denom: params.reply.params.denom, circuits: params.reply.params.circuits.map((c) => c.size) };

const round = await call(query, 'Round', { round_id: roundId });
out.round = round.error ?? {
  id: round.reply.round.id, kind: round.reply.round.kind, operator: round.reply.round.operator,
  period: round.reply.state.period, stateRoot: round.reply.state_root, voting: round.reply.voting,
  voteOptions: round.reply.round.vote_options,
};

const list = await call(query, 'Rounds', { pagination: { limit: 10, count_total: true } });
out.rounds = list.error ?? { ids: list.reply.rounds.map((r) => r.round.id), total: list.reply.pagination.total };
// proto3 optional: an explicit PERIOD_PENDING (0) is a filter, not "any period".
const pending = await call(query, 'Rounds', { period: 'PERIOD_PENDING' });
out.pendingRounds = pending.error ?? pending.reply.rounds.length;
const ended = await call(query, 'Rounds', { period: 'PERIOD_ENDED' });
out.endedRounds = ended.error ?? ended.reply.rounds.length;

out.unknown = (await call(query, 'Round', { round_id: unknownId })).error ?? 'no error';
const badFilter = await call(query, 'Rounds', { operator: 'not-an-address' });
out.badFilter = badFilter.error ?? 'no error';

const ip = await call(insuranceQuery, 'Params', {});
out.insuranceDenom = ip.error ?? ip.reply.params.denom;

// The Msg services load and name the module's messages; they are reached through cosmos.tx.v1beta1.Service/BroadcastTx.
out.roundsMsgMethods = Object.keys(roundsTx.Msg.service);
out.insuranceMsgMethods = Object.keys(insuranceTx.Msg.service);

console.log(JSON.stringify(out));
