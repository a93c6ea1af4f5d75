using System.Security.Cryptography;
using Maci.Node.Chain;

namespace Maci.Node.Tests.Chain;

public class ValidatorKeyTests
{
    [Fact]
    public void Rfc8032_test_vector_1_public_key_and_signature()
    {
        // RFC 8032 §7.1 TEST 1 (empty message).
        var key = new ValidatorKey(Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        Assert.Equal("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", Convert.ToHexString(key.PubKey).ToLowerInvariant());
        var sig = key.Sign([]);
        Assert.Equal("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            Convert.ToHexString(sig).ToLowerInvariant());
        Assert.True(ValidatorKey.Verify(key.PubKey, [], sig));
        Assert.False(ValidatorKey.Verify(key.PubKey, [1], sig));
    }

    [Fact]
    public void Address_is_first_20_bytes_of_sha256_of_pubkey()
    {
        var key = ValidatorKey.Generate();
        Assert.Equal(SHA256.HashData(key.PubKey)[..20], key.Address);
    }

    [Fact]
    public void Wrong_seed_length_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new ValidatorKey(new byte[31]));
}
