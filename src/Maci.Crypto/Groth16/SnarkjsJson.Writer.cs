using System.Text;
using System.Text.Json;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Groth16;

public static partial class SnarkjsJson
{
    /// <summary>Writes a key in snarkjs verification_key.json form (without vk_alphabeta_12).</summary>
    public static string WriteVerifyingKey(VerifyingKey vk) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("protocol", "groth16");
        w.WriteString("curve", "bn128");
        w.WriteNumber("nPublic", vk.PublicInputCount);
        w.WritePropertyName("vk_alpha_1"); WriteG1(w, vk.Alpha1);
        w.WritePropertyName("vk_beta_2"); WriteG2(w, vk.Beta2);
        w.WritePropertyName("vk_gamma_2"); WriteG2(w, vk.Gamma2);
        w.WritePropertyName("vk_delta_2"); WriteG2(w, vk.Delta2);
        w.WritePropertyName("IC");
        w.WriteStartArray();
        foreach (var p in vk.IC) WriteG1(w, p);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static string WriteProof(Proof proof) => Write(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("pi_a"); WriteG1(w, proof.A);
        w.WritePropertyName("pi_b"); WriteG2(w, proof.B);
        w.WritePropertyName("pi_c"); WriteG1(w, proof.C);
        w.WriteString("protocol", "groth16");
        w.WriteString("curve", "bn128");
        w.WriteEndObject();
    });

    public static string WritePublicSignals(ReadOnlySpan<Fr> signals)
    {
        var copy = signals.ToArray();
        return Write(w =>
        {
            w.WriteStartArray();
            foreach (var s in copy) w.WriteStringValue(s.ToString());
            w.WriteEndArray();
        });
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true })) body(w);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WriteG1(Utf8JsonWriter w, in G1Affine p)
    {
        w.WriteStartArray();
        if (p.IsInfinity) { w.WriteStringValue("0"); w.WriteStringValue("1"); w.WriteStringValue("0"); }
        else { w.WriteStringValue(p.X.ToString()); w.WriteStringValue(p.Y.ToString()); w.WriteStringValue("1"); }
        w.WriteEndArray();
    }

    private static void WriteG2(Utf8JsonWriter w, in G2Affine q)
    {
        w.WriteStartArray();
        if (q.IsInfinity)
        {
            WritePair(w, "0", "0"); WritePair(w, "1", "0"); WritePair(w, "0", "0");
        }
        else
        {
            WritePair(w, q.X.C0.ToString(), q.X.C1.ToString());
            WritePair(w, q.Y.C0.ToString(), q.Y.C1.ToString());
            WritePair(w, "1", "0");
        }
        w.WriteEndArray();
    }

    private static void WritePair(Utf8JsonWriter w, string a, string b)
    {
        w.WriteStartArray();
        w.WriteStringValue(a);
        w.WriteStringValue(b);
        w.WriteEndArray();
    }
}
