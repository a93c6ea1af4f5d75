using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Maci.Crypto.Amaci;
using Maci.Crypto.BabyJubjub;
using Maci.Modules.Auth.Keeper;
using Maci.Modules.Bank.Keeper;
using Maci.Modules.Insurance.Types;
using Maci.Modules.Rounds.Keeper;
using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Addresses;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;
using Maci.Storage;
using Keys = Maci.Modules.Rounds.Types.Keys;

namespace Maci.Bench;

/// <summary>
/// The "keeper only" part of suite "rounds": the rounds keeper over an in-memory commit store with the real auth and bank
/// keepers, no tx decoding, signatures, ante chain or RocksDB. (1) publish-message transactions per second: one 10-element
/// message each, decimal parsing, fee escrow, chain update (Poseidon) and storage, each on its own branch written on
/// success, a commit every 1000 transactions; (2) the time to verify and apply one proof-carrying transaction of Dora's
/// 2-1-1-5 round (process messages, tally, deactivate), each on a discarded branch. Informational: the goals are judged
/// on the full-app figures of <see cref="RoundsBench"/>.
/// </summary>
public static class RoundsKeeperBench
{
    public static void Run(int messages, int proofs)
    {
        using (var h = new Harness())
        {
            var rate = h.PublishRate(messages);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  keeper only: {"publishMessage",-20} {rate.PerSecond,10:0} tx/s  (cpu {rate.CpuMicros:0.0} µs/tx, wall {rate.WallMicros:0.0} µs/tx, {messages} messages)"));
        }
        using (var h = new Harness())
        {
            foreach (var (name, cpuMs, wallMs) in h.ProofTimes(proofs))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  keeper only: {name,-20} {cpuMs,10:0.00} ms cpu  (wall {wallMs:0.00} ms, median of {proofs})"));
        }
    }

    private sealed class Harness : IDisposable
    {
        private const string Denom = "umaci";
        private readonly CommitStore _store = CommitStore.InMemory();
        private readonly AddressCodec _codec = new("maci");
        private readonly BankKeeper _bank;
        private readonly RoundsKeeper _rounds;
        private readonly List<(string Type, JsonElement Data)> _fixture;
        private readonly byte[] _sender = Enumerable.Repeat((byte)7, 20).ToArray();
        private readonly byte[] _operator = Enumerable.Repeat((byte)8, 20).ToArray();
        private long _height = 1;

        public Harness()
        {
            foreach (var m in new[] { "auth", "bank", Keys.ModuleName }) _store.RegisterModule(m);
            var accounts = new AccountKeeper(_codec, new Dictionary<string, string[]> { ["mint"] = ["minter"], [Keys.ModuleAccountName] = [] });
            _bank = new BankKeeper(new BankAccounts(accounts));
            var coordinator = MaciKeypair.FromPrivateKey(111111).PublicKey;
            _rounds = new RoundsKeeper(new Bank(_bank), new Accounts(accounts), new FixedKey(coordinator), new NoHooks());
            var root = Maci.TestSupport.RepoPaths.Root;
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "tests", "fixtures", "dora-amaci", "round-2-1-1-5.json")));
            _fixture = doc.RootElement.EnumerateArray().Select(e => (e.GetProperty("type").GetString()!, e.GetProperty("data").Clone())).ToList();
            var genesis = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "genesis", "rounds-vkeys.json")));
            var p = Google.Protobuf.JsonParser.Default.Parse<Params>(genesis.RootElement.GetProperty("params").GetRawText());
            p.DefaultFees.MessageFee = "10";
            p.DefaultFees.BaseFee = "1000";
            var ctx = Ctx();
            _rounds.SetParams(ctx, p);
            _bank.MintCoins(ctx, "mint", Coins.Of(new Coin(Denom, 1UL << 60)));
            Check(_bank.SendCoinsFromModuleToAccount(ctx, "mint", _sender, Coins.Of(new Coin(Denom, 1UL << 60))));
            var create = new MsgCreateRound
            {
                Creator = _codec.Encode(_sender), Kind = RoundKind.Amaci, Operator = _codec.Encode(_operator),
                Info = new RoundText { Title = "bench" }, VoteOptions = { "a", "b", "c", "d", "e" },
                VotingStart = Now, VotingEnd = Now + 100_000, CircuitType = CircuitType.Quadratic,
                CircuitSize = new CircuitSize { StateTreeDepth = 2, IntStateTreeDepth = 1, VoteOptionTreeDepth = 1, MessageBatchSize = 5 },
                VoiceCreditMode = new VoiceCreditMode { UnifiedAmount = "100" },
                RegistrationMode = new RegistrationMode { StaticWhitelist = new StaticWhitelist() }, DeactivateEnabled = true,
                Fee = new() { Denom = Denom, Amount = "1000" },
            };
            Check(_rounds.CreateRound(ctx, _sender, create, out _));
            _store.Commit(_height++);
        }

        public long Now { get; set; } = 1_700_000_000;

        private Context Ctx() => new() { State = _store.Working, ChainId = "bench-1", BlockHeight = _height, BlockTimeSeconds = Now };

        private IEnumerable<JsonElement> Of(string type) => _fixture.Where(e => e.Type == type).Select(e => e.Data);

        public (double PerSecond, double CpuMicros, double WallMicros) PublishRate(int count)
        {
            var data = Of("publishMessage").First().GetProperty("message").EnumerateArray().Select(x => x.GetString()!).ToArray();
            var key = BabyJubjubPoint.Base8;
            var msgs = new MsgPublishMessage[count];
            for (var i = 0; i < count; i++)
            {
                key += BabyJubjubPoint.Base8;
                msgs[i] = new MsgPublishMessage
                {
                    Sender = _codec.Encode(_sender), RoundId = 1, Messages = { new Message { Data = { data } } },
                    EncPubKeys = { new PubKey { X = key.X.ToString(), Y = key.Y.ToString() } }, Fee = new() { Denom = Denom, Amount = "10" },
                };
            }
            var warm = Math.Min(1000, count / 10);
            var c0 = 0L;
            var sw = new Stopwatch();
            for (var i = 0; i < count; i++)
            {
                if (i == warm)
                {
                    c0 = ThreadCpu.Nanoseconds() ?? 0;
                    sw.Start();
                }
                var branch = Ctx().Branch();
                Check(_rounds.PublishMessage(branch, _sender, msgs[i], out _));
                branch.State.Write();
                if (i % 1000 == 999) _store.Commit(_height++);
            }
            sw.Stop();
            var n = count - warm;
            var cpu = ThreadCpu.Nanoseconds() is { } c1 ? (c1 - c0) / 1000.0 / n : sw.Elapsed.TotalMicroseconds / n;
            return (1e6 / cpu, cpu, sw.Elapsed.TotalMicroseconds / n);
        }

        public List<(string Name, double CpuMs, double WallMs)> ProofTimes(int samples)
        {
            Json(out var signUps, out var dmsgs, out var pd, out var ank, out var pubs, out var pm, out var pt);
            var ctx = Ctx();
            var voters = new[] { Enumerable.Repeat((byte)1, 20).ToArray(), Enumerable.Repeat((byte)2, 20).ToArray() };
            var round = _rounds.GetRound(ctx, 1)!;
            round.RegistrationMode.StaticWhitelist.Users.Add(new WhitelistEntry { Address = _codec.Encode(voters[0]) });
            round.RegistrationMode.StaticWhitelist.Users.Add(new WhitelistEntry { Address = _codec.Encode(voters[1]) });
            round.VotingEnd = Now + 1000;
            _rounds.SetRound(ctx, round);
            for (var i = 0; i < 2; i++)
            {
                Check(_bank.SendCoins(ctx, _sender, voters[i], Coins.Of(new Coin(Denom, 1_000_000_000))));
                Check(_rounds.SignUp(ctx, voters[i], signUps[i], out _));
            }
            foreach (var d in dmsgs) Check(_rounds.PublishDeactivateMessage(ctx, _sender, d, out _));
            var results = new List<(string, double, double)> { ("processDeactivate", 0, 0) };
            results[0] = Time("processDeactivate", samples, c => _rounds.ProcessDeactivateMessage(c, pd));
            Check(_rounds.ProcessDeactivateMessage(Ctx(), pd));
            results.Add(Time("addNewKey", samples, c => _rounds.AddNewKey(c, _sender, 1, ank.Pubkey, ank.Nullifier, ank.D, ank.Proof, ank.Fee, false, out _)));
            Check(_rounds.AddNewKey(Ctx(), _sender, 1, ank.Pubkey, ank.Nullifier, ank.D, ank.Proof, ank.Fee, false, out _));
            foreach (var m in pubs) Check(_rounds.PublishMessage(Ctx(), _sender, m, out _));
            Now += 1001;
            Check(_rounds.StartProcessPeriod(Ctx(), 1));
            results.Add(Time("processMessages", samples, c => _rounds.ProcessMessage(c, pm)));
            Check(_rounds.ProcessMessage(Ctx(), pm));
            Check(_rounds.StopProcessingPeriod(Ctx(), 1));
            results.Add(Time("processTally", samples, c => _rounds.ProcessTally(c, pt)));
            // The pairing check alone, for the share of the per-transaction time that is not verification.
            var keys = _rounds.DecodedKeys(Ctx(), _rounds.GetRound(Ctx(), 1)!)!;
            var proof = Maci.Crypto.Groth16.Proof.FromEvmHex(pt.Proof.A, pt.Proof.B, pt.Proof.C);
            var input = Maci.Crypto.Bn254.Fr.FromUInt64(12345);
            results.Add(Time("groth16Verify only", samples, _ =>
            {
                Maci.Crypto.Groth16.Groth16Verifier.Verify(keys.Tally.Prepared, proof, [input]);
                return null;
            }));
            return results;
        }

        private (string, double, double) Time(string name, int samples, Func<Context, SdkError?> run)
        {
            // Warm up past tiered compilation before sampling.
            for (var w = 0; w < 5; w++) Check(run(Ctx().Branch()));
            var cpu = new double[samples];
            var wall = new double[samples];
            for (var s = 0; s < samples; s++)
            {
                var branch = Ctx().Branch();
                var c0 = ThreadCpu.Nanoseconds();
                var sw = Stopwatch.StartNew();
                Check(run(branch));
                wall[s] = sw.Elapsed.TotalMilliseconds;
                cpu[s] = c0 is { } a && ThreadCpu.Nanoseconds() is { } b ? (b - a) / 1e6 : wall[s];
            }
            Array.Sort(cpu);
            Array.Sort(wall);
            return (name, cpu[samples / 2], wall[samples / 2]);
        }

        private void Json(out MsgSignUp[] signUps, out MsgPublishDeactivateMessage[] dmsgs, out MsgProcessDeactivateMessage pd,
            out MsgAddNewKey ank, out MsgPublishMessage[] pubs, out MsgProcessMessage pm, out MsgProcessTally pt)
        {
            static string[] S(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();
            static PubKey P(JsonElement e) => new() { X = S(e)[0], Y = S(e)[1] };
            static Groth16Proof G(JsonElement d) => new()
            {
                A = d.GetProperty("proof").GetProperty("pi_a").GetString()!, B = d.GetProperty("proof").GetProperty("pi_b").GetString()!,
                C = d.GetProperty("proof").GetProperty("pi_c").GetString()!,
            };
            var sender = _codec.Encode(_sender);
            signUps = Of("setStateLeaf").Take(2).Select(d => new MsgSignUp { RoundId = 1, Pubkey = P(d.GetProperty("pubKey")), Fee = new() { Denom = Denom, Amount = "48000" } }).ToArray();
            dmsgs = Of("publishDeactivateMessage").Select(d => new MsgPublishDeactivateMessage
            {
                Sender = sender, RoundId = 1, Message = new Message { Data = { S(d.GetProperty("message")) } }, EncPubKey = P(d.GetProperty("encPubKey")),
                Fee = new() { Denom = Denom, Amount = "10000000" },
            }).ToArray();
            var x = Of("proofDeactivate").Single();
            pd = new() { RoundId = 1, Size = 2, NewDeactivateCommitment = x.GetProperty("newDeactivateCommitment").GetString(), NewDeactivateRoot = x.GetProperty("newDeactivateRoot").GetString(), Proof = G(x) };
            x = Of("proofAddNewKey").Single();
            ank = new() { RoundId = 1, Pubkey = P(x.GetProperty("pubKey")), Nullifier = x.GetProperty("nullifier").GetString(), D = { S(x.GetProperty("d")) }, Proof = G(x), Fee = new() { Denom = Denom, Amount = "48000" } };
            pubs = Of("publishMessage").Select(d => new MsgPublishMessage
            {
                Sender = sender, RoundId = 1, Messages = { new Message { Data = { S(d.GetProperty("message")) } } }, EncPubKeys = { P(d.GetProperty("encPubKey")) },
                Fee = new() { Denom = Denom, Amount = "10" },
            }).ToArray();
            x = Of("processMessage").Single();
            pm = new() { RoundId = 1, NewStateCommitment = x.GetProperty("newStateCommitment").GetString(), Proof = G(x) };
            x = Of("processTally").Single();
            pt = new() { RoundId = 1, NewTallyCommitment = x.GetProperty("newTallyCommitment").GetString(), Proof = G(x) };
        }

        private static void Check(SdkError? e)
        {
            if (e is not null) throw new InvalidOperationException(e.ToString());
        }

        public void Dispose() => _store.Dispose();
    }

    private sealed class BankAccounts(AccountKeeper a) : Maci.Modules.Bank.Types.IAccountKeeper
    {
        public AddressCodec Codec => a.Codec;
        public bool HasAccount(Context ctx, ReadOnlySpan<byte> address) => a.HasAccount(ctx, address);
        public void CreateAccount(Context ctx, ReadOnlySpan<byte> address) => a.NewAccount(ctx, address);
        public byte[] EnsureModuleAccount(Context ctx, string module) { a.GetOrCreateModuleAccount(ctx, module); return a.ModuleAddress(module); }
        public bool IsModuleAddress(ReadOnlySpan<byte> address) => a.IsModuleAddress(address);
    }

    private sealed class Bank(BankKeeper b) : IRoundsBank
    {
        public UInt128 GetBalance(Context ctx, ReadOnlySpan<byte> address, string denom) => b.GetBalance(ctx, address, denom);
        public SdkError? SendCoinsFromAccountToModule(Context ctx, byte[] sender, string module, Coins amount) => b.SendCoinsFromAccountToModule(ctx, sender, module, amount);
        public SdkError? SendCoinsFromModuleToAccount(Context ctx, string module, byte[] recipient, Coins amount) => b.SendCoinsFromModuleToAccount(ctx, module, recipient, amount);
    }

    private sealed class Accounts(AccountKeeper a) : IRoundsAccounts
    {
        public AddressCodec Codec => a.Codec;
        public byte[] ModuleAddress(string name) => a.ModuleAddress(name);
    }

    private sealed class FixedKey(BabyJubjubPoint key) : IOperatorKeys
    {
        public BabyJubjubPoint? CoordinatorKey(Context ctx, ReadOnlySpan<byte> operatorAddress) => key;
    }

    private sealed class NoHooks : IInsuranceHooks
    {
        public SdkError? DeactivateMessagesPublished(Context ctx, ulong roundId, ulong count, long time) => null;
        public SdkError? DeactivateMessagesProcessed(Context ctx, ulong roundId, ulong count, long time) => null;
        public SdkError? TallyFinished(Context ctx, ulong roundId, long time) => null;
        public SdkError? RoundEnded(Context ctx, ulong roundId, long time) => null;
    }
}
