// Builds bank-send transactions exactly as CosmJS 0.39 does, for the app's compatibility tests.
// Reads one JSON request on stdin:
//   { mnemonic, prefix, chainId, accountNumber, sequence, to, amount, denom, feeAmount, gas, memo }
// and writes { address, txRaw, simulateTx } (base64): txRaw from SigningStargateClient.sign (SIGN_MODE_DIRECT),
// simulateTx the Tx that StargateClient's simulate() sends (UNSPECIFIED mode, empty fee, one empty signature).
import { DirectSecp256k1HdWallet, Registry, encodePubkey } from "@cosmjs/proto-signing";
import { SigningStargateClient, defaultRegistryTypes } from "@cosmjs/stargate";
import { encodeSecp256k1Pubkey } from "@cosmjs/amino";
import { toBase64 } from "@cosmjs/encoding";
import { TxRaw, Tx, TxBody, AuthInfo, Fee } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const req = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const wallet = await DirectSecp256k1HdWallet.fromMnemonic(req.mnemonic, { prefix: req.prefix });
const [account] = await wallet.getAccounts();
const client = await SigningStargateClient.offline(wallet);
const msg = {
  typeUrl: "/cosmos.bank.v1beta1.MsgSend",
  value: { fromAddress: account.address, toAddress: req.to, amount: [{ denom: req.denom, amount: String(req.amount) }] },
};
const fee = { amount: [{ denom: req.denom, amount: String(req.feeAmount) }], gas: String(req.gas) };
const signed = await client.sign(account.address, [msg], fee, req.memo ?? "", {
  accountNumber: req.accountNumber,
  sequence: req.sequence,
  chainId: req.chainId,
});

const registry = new Registry(defaultRegistryTypes);
const simulate = Tx.fromPartial({
  authInfo: AuthInfo.fromPartial({
    fee: Fee.fromPartial({}),
    signerInfos: [{
      publicKey: encodePubkey(encodeSecp256k1Pubkey(account.pubkey)),
      sequence: BigInt(req.sequence),
      modeInfo: { single: { mode: SignMode.SIGN_MODE_UNSPECIFIED } },
    }],
  }),
  body: TxBody.fromPartial({ messages: [registry.encodeAsAny(msg)], memo: req.memo ?? "" }),
  signatures: [new Uint8Array()],
});

process.stdout.write(JSON.stringify({
  address: account.address,
  txRaw: toBase64(TxRaw.encode(signed).finish()),
  simulateTx: toBase64(Tx.encode(simulate).finish()),
}));
