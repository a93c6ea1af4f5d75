// Real-client interop for the Maci.Grpc server: @grpc/grpc-js calls maci.grpc.test.EchoService.
// Usage: node grpc/echo-client.mjs <host:port> <scenario>
// Prints one JSON object describing what the client observed; the C# tests assert on it.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const here = path.dirname(fileURLToPath(import.meta.url));
const protoPath = path.resolve(here, '../../Maci.Grpc.Tests/Protos/echo_test.proto');
const [target, scenario] = process.argv.slice(2);
if (!target || !scenario) {
  console.error('usage: node grpc/echo-client.mjs <host:port> <scenario>');
  process.exit(2);
}

const definition = protoLoader.loadSync(protoPath, { keepCase: false, longs: Number, defaults: true });
const EchoService = grpc.loadPackageDefinition(definition).maci.grpc.test.EchoService;

function newClient(options = {}) {
  return new EchoService(target, grpc.credentials.createInsecure(), options);
}

function deadlineIn(ms) {
  return new Date(Date.now() + ms);
}

// Resolves with { reply } or { error: {code, details, trailers} } and never rejects.
function unary(client, method, request, { metadata = new grpc.Metadata(), deadline } = {}) {
  return new Promise((resolve) => {
    const options = deadline ? { deadline } : {};
    client[method](request, metadata, options, (err, reply) => {
      resolve(err ? { error: describeError(err) } : { reply });
    });
  });
}

function describeError(err) {
  const trailers = {};
  for (const [k, v] of Object.entries(err.metadata?.getMap() ?? {})) {
    trailers[k] = Buffer.isBuffer(v) ? [...v] : v;
  }
  return { code: err.code, details: err.details, trailers };
}

function stream(client, request, { deadline, onData } = {}) {
  return new Promise((resolve) => {
    const call = client.count(request, new grpc.Metadata(), deadline ? { deadline } : {});
    const indices = [];
    let status = null;
    let error = null;
    call.on('data', (m) => { indices.push(m.index); onData?.(call, indices); });
    call.on('status', (s) => { status = { code: s.code, details: s.details }; });
    call.on('error', (e) => { error = describeError(e); });
    call.on('close', () => resolve({ indices, status, error }));
  });
}

// A normal call on the same client after the scenario: the server must still serve.
async function followUp(client) {
  const r = await unary(client, 'echo', { text: 'follow-up' });
  return r.reply?.text ?? `failed: ${JSON.stringify(r.error)}`;
}

const scenarios = {
  async unary() {
    const client = newClient();
    const metadata = new grpc.Metadata();
    metadata.set('x-test', 'from-grpc-js');
    metadata.set('x-data-bin', Buffer.from([0, 1, 254, 255]));
    const r = await unary(client, 'echo', { text: 'héllo ✓', payload: Buffer.from([5, 6, 7]) }, { metadata, deadline: deadlineIn(10000) });
    const r2 = await unary(client, 'echo', { text: '' });
    const { text, payload, hasDeadline, metadataValue, binaryMetadataValue } = r.reply ?? {};
    return {
      error: r.error ?? r2.error ?? null,
      text, payload: payload ? [...payload] : null, hasDeadline, metadataValue,
      binaryMetadataValue: binaryMetadataValue ? [...binaryMetadataValue] : null,
      emptyText: r2.reply?.text, emptyHasDeadline: r2.reply?.hasDeadline,
    };
  },

  async stream() {
    const client = newClient();
    return { ...(await stream(client, { count: 25 })), followUp: await followUp(client) };
  },

  async 'stream-error'() {
    const client = newClient();
    return { ...(await stream(client, { count: 10, failAfter: 3 })), followUp: await followUp(client) };
  },

  async deadline() {
    const client = newClient();
    const started = Date.now();
    const r = await unary(client, 'slow', { delayMs: 20000, tag: process.argv[4] ?? '' }, { deadline: deadlineIn(300) });
    return { error: r.error ?? null, elapsedMs: Date.now() - started, followUp: await followUp(client) };
  },

  async 'deadline-ignored'() {
    const client = newClient();
    const started = Date.now();
    const r = await unary(client, 'slow', { delayMs: 20000, ignoreCancellation: true }, { deadline: deadlineIn(300) });
    return { error: r.error ?? null, elapsedMs: Date.now() - started, followUp: await followUp(client) };
  },

  async unimplemented() {
    const client = newClient();
    const raw = (method) => new Promise((resolve) => {
      client.makeUnaryRequest(method, (x) => x, (x) => x, Buffer.alloc(0), (err) => resolve(err ? describeError(err) : null));
    });
    return {
      method: await raw('/maci.grpc.test.EchoService/DoesNotExist'),
      service: await raw('/maci.grpc.test.NoSuchService/Echo'),
      followUp: await followUp(client),
    };
  },

  async malformed() {
    const client = newClient();
    const raw = (bytes) => new Promise((resolve) => {
      client.makeUnaryRequest('/maci.grpc.test.EchoService/Echo', () => Buffer.from(bytes), (x) => x, null,
        (err) => resolve(err ? describeError(err) : null));
    });
    return {
      invalidTag: await raw([0xff, 0xff, 0xff]),
      truncatedField: await raw([0x0a, 0x10, 0x41]),
      followUp: await followUp(client),
    };
  },

  async 'error-message'() {
    const client = newClient();
    const message = process.argv[4];
    const r = await unary(client, 'fail', { code: 9, message });
    return { error: r.error ?? null, followUp: await followUp(client) };
  },

  async cancel() {
    const client = newClient();
    const tag = process.argv[4] ?? '';
    const r = await stream(client, { count: 100000, delayMs: 10, tag }, {
      onData: (call, indices) => { if (indices.length === 3) call.cancel(); },
    });
    return { ...r, followUp: await followUp(client) };
  },

  async oversized() {
    const client = newClient();
    const r = await unary(client, 'echo', { text: 'big', payload: Buffer.alloc(Number(process.argv[4])) });
    return { error: r.error ?? null, followUp: await followUp(client) };
  },

  async gzip() {
    const client = newClient({ 'grpc.default_compression_algorithm': 2 });
    const payload = Buffer.alloc(20000, 7);
    const r = await unary(client, 'echo', { text: 'zipped', payload });
    return {
      error: r.error ?? null,
      text: r.reply?.text,
      payloadMatches: r.reply ? Buffer.compare(r.reply.payload, payload) === 0 : false,
      requestEncoding: r.reply?.requestEncoding,
    };
  },
};

const run = scenarios[scenario];
if (!run) {
  console.error(`unknown scenario ${scenario}; known: ${Object.keys(scenarios).join(', ')}`);
  process.exit(2);
}
const result = await run();
process.stdout.write(JSON.stringify(result) + '\n');
process.exit(0);
