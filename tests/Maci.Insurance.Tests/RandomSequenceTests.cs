using Maci.Insurance.Tests.Support;
using Maci.Modules.Insurance.Keeper;
using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;

namespace Maci.Insurance.Tests;

/// <summary>
/// Property test: random sequences of registrations, deposits, withdrawals, deregistrations, purchases, round hooks
/// and blocks. After every step all invariants hold (module account = deposits + escrowed premiums, locks within
/// deposits, policy parts, key index, bank supply), supply is conserved, and failed messages change nothing.
/// </summary>
public class RandomSequenceTests
{
    private const int Steps = 500;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_sequences_keep_every_invariant(int seed)
    {
        var p = InsuranceChain.TestParams();
        p.TallyTimeoutSeconds = 3_000;
        p.UnbondingPeriodSeconds = 500;
        using var chain = new InsuranceChain(p);
        var rng = new Random(seed);
        var ops = Enumerable.Range(0, 3).Select(i => InsuranceChain.Address($"op{i}")).ToArray();
        var owners = Enumerable.Range(0, 3).Select(i => InsuranceChain.Address($"owner{i}")).ToArray();
        foreach (var a in ops.Concat(owners)) chain.Fund(a, 20_000);
        var supply = chain.Supply;
        var everyone = ops.Concat(owners).Append(chain.Keeper.ModuleAddress).ToArray();
        ulong nextRound = 1;
        var rounds = new List<ulong>();
        int ok = 0, refused = 0;
        var okByType = new SortedDictionary<string, int>(StringComparer.Ordinal);

        for (var step = 0; step < Steps; step++)
        {
            var op = ops[rng.Next(ops.Length)];
            var owner = owners[rng.Next(owners.Length)];
            var action = rng.Next(13);
            Google.Protobuf.IMessage? msg = null;
            switch (action)
            {
                case 0:
                    msg = chain.Register(op, (ulong)rng.Next(1, 6), (UInt128)rng.Next(0, 6_000),
                        InsuranceChain.Terms((ulong)rng.Next(1, 5), (ulong)rng.Next(5, 30), (UInt128)rng.Next(0, 3), (UInt128)rng.Next(3, 3_000)));
                    break;
                case 1:
                    msg = new MsgDeposit { Operator = chain.Bech(op), Amount = InsuranceChain.C((UInt128)rng.Next(0, 3_000)) };
                    break;
                case 2:
                    msg = new MsgWithdraw { Operator = chain.Bech(op), Amount = InsuranceChain.C((UInt128)rng.Next(0, 4_000)) };
                    break;
                case 3:
                    if (rng.Next(8) == 0) msg = new MsgDeregisterOperator { Operator = chain.Bech(op) };
                    else msg = new MsgUpdateOperator { Operator = chain.Bech(op), PubKey = InsuranceChain.Key((ulong)rng.Next(1, 8)) };
                    break;
                case 4:
                {
                    var start = chain.Now + rng.Next(500, 4_000);
                    chain.Rounds.Add(new RoundInfo(nextRound, owner, op, start, start + rng.Next(700, 2_000), RoundStatus.Pending,
                        (ulong)rng.Next(0, 20), (ulong)rng.Next(0, 50), new RoundDelays(20, 1, 2, 60)));
                    rounds.Add(nextRound++);
                    break;
                }
                case 5:
                case 6:
                case 7:
                    if (rounds.Count == 0) break;
                    var r = rounds[rng.Next(rounds.Count)];
                    var info = chain.Rounds.GetRound(chain.Ctx(), r)!;
                    var buyer = rng.Next(8) == 0 ? owner : info.Owner;
                    var seller = rng.Next(8) == 0 ? op : info.Operator;
                    msg = chain.Buy(buyer, r, seller, (UInt128)rng.Next(0, 150));
                    break;
                case 8:
                case 9:
                    RandomHook(chain, rng, rounds);
                    break;
                default:
                    chain.Now += rng.Next(0, 400);
                    chain.EndBlock();
                    break;
            }
            if (msg is not null)
            {
                var before = chain.Dump();
                var result = chain.Deliver(msg);
                if (result.IsOk)
                {
                    ok++;
                    okByType[msg.Descriptor.Name] = okByType.GetValueOrDefault(msg.Descriptor.Name) + 1;
                }
                else
                {
                    refused++;
                    Assert.Equal(before, chain.Dump());
                }
            }
            chain.AssertInvariants();
            Assert.Equal(supply, chain.Supply);
            var held = UInt128.Zero;
            foreach (var a in everyone) held += chain.Balance(a);
            Assert.Equal(supply, held);
            foreach (var o in chain.Keeper.AllOperators(chain.Ctx()))
            {
                var locked = Amounts.Read(o.Locked);
                Assert.True(locked <= Amounts.Read(o.Deposit), $"{o.Address} locks {locked} of {o.Deposit}");
                Assert.True(InsuranceKeeper.Available(o) <= Amounts.Read(o.Deposit));
            }
        }
        var stats = string.Join(", ", okByType.Select(kv => $"{kv.Key}={kv.Value}"));
        var settled = chain.Keeper.AllPolicies(chain.Ctx()).Count(x => x.Status == PolicyStatus.Settled);
        // The sequence must have exercised the interesting paths, not only refusals.
        Assert.True(ok >= 40 && refused >= 40, $"ok {ok}, refused {refused}: {stats}");
        Assert.True(okByType.GetValueOrDefault(nameof(MsgBuyInsurance)) >= 5, stats);
        Assert.True(settled >= 3, $"only {settled} policies settled");
    }

    private static void RandomHook(InsuranceChain chain, Random rng, List<ulong> rounds)
    {
        if (rounds.Count == 0) return;
        var r = rounds[rng.Next(rounds.Count)];
        var hooks = chain.Hooks;
        var before = chain.Dump();
        var policy = chain.Keeper.GetPolicy(chain.Ctx(), r);
        Maci.Sdk.Errors.SdkError? err;
        switch (rng.Next(4))
        {
            case 0:
                err = hooks.Published(r, (ulong)rng.Next(0, 5));
                break;
            case 1:
                var pending = policy?.PendingDeactivations ?? 0;
                err = hooks.Processed(r, (ulong)rng.Next(0, (int)pending + 2));
                break;
            case 2:
                err = hooks.Tally(r);
                break;
            default:
                err = hooks.Ended(r);
                if (err is null) chain.Rounds.Update(r, x => x with { Status = RoundStatus.Ended });
                break;
        }
        if (err is not null)
        {
            Assert.Equal(InsuranceErrors.InvalidHookCall, err.Code);
            Assert.Equal(before, chain.Dump());
        }
    }
}
