using System.Security.Cryptography;
using Google.Protobuf;
using Maci.Proto.Cosmos.Tx.V1Beta1;
using Maci.Sdk.Tx;

namespace Maci.Sdk.Tests;

public class SignDocHasherTests
{
    [Theory]
    [InlineData("maci-devnet-1", 0ul)]
    [InlineData("maci-devnet-1", 1ul)]
    [InlineData("", 300ul)]
    [InlineData("x", ulong.MaxValue)]
    public void Hash_equals_sha256_of_the_protobuf_sign_doc(string chainId, ulong accountNumber)
    {
        var rng = new Random(5);
        foreach (var (bodyLen, authLen) in new[] { (0, 0), (5, 0), (200, 130), (20000, 3) })
        {
            var body = new byte[bodyLen];
            var auth = new byte[authLen];
            rng.NextBytes(body);
            rng.NextBytes(auth);
            var doc = new SignDoc
            {
                BodyBytes = ByteString.CopyFrom(body),
                AuthInfoBytes = ByteString.CopyFrom(auth),
                ChainId = chainId,
                AccountNumber = accountNumber,
            };
            var hash = new byte[32];
            SignDocHasher.Hash(body, auth, chainId, accountNumber, hash);
            Assert.Equal(SHA256.HashData(doc.ToByteArray()), hash);
        }
    }
}
