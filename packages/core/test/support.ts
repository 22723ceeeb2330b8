import { acceptInboundMime, type InboundDeps } from "@rebound/core";
import { offlineAnalyser, signReplyToken } from "@rebound/domain";
import { unique, type World } from "@rebound/testkit";

/** What the inbound worker hands to the processor: the offline analyser, and a reader that must not be called. */
export const inboundDeps: InboundDeps = {
  analyser: offlineAnalyser,
  fetchReceived: () => Promise.reject(new Error("the MIME path does not fetch")),
};

/** A candidate whose `step` email was sent, and the reply token of that email. */
export async function candidateAtStep(world: World, step: string, email = `${unique("at")}@example.com`) {
  const c = await world.createCandidate({ email });
  const first = await world.ctx.db.message.findFirstOrThrow({ where: { enrollmentId: c.enrollmentId } });
  const sentAt = new Date();
  await world.ctx.db.message.update({
    where: { id: first.id },
    data: { step, status: "sent", sentAt, providerId: unique("prov"), toEmail: email },
  });
  return { ...c, messageId: first.id, token: signReplyToken(first.id, world.env.config.APP_SECRET, sentAt) };
}

/** A raw reply from `from` to a reply token, stored through POST /inbound/mime's verb; returns the inbound id. */
export async function storeReply(world: World, token: string, body: string, from: string) {
  const raw = [
    `From: <${from}>`,
    `To: <reply+${token}@${world.env.config.INBOUND_DOMAIN}>`,
    `Message-ID: <${unique("r")}@example.com>`,
    "Subject: Re: your interview",
    "",
    body,
    "",
  ].join("\r\n");
  return (await acceptInboundMime(world.ctx, Buffer.from(raw))).id;
}
