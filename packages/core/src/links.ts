import type { Config } from "@rebound/config";
import { signReplyToken, signToken, unsubscribeToken } from "@rebound/domain";

type LinkConfig = Pick<Config, "APP_SECRET" | "PUBLIC_URL" | "INBOUND_DOMAIN">;
const DAY = 86_400_000;

export function replyAddress(config: LinkConfig, messageId: string, issuedAt: Date): string {
  return `reply+${signReplyToken(messageId, config.APP_SECRET, issuedAt)}@${config.INBOUND_DOMAIN}`;
}

export function unsubscribeUrl(config: LinkConfig, candidateId: string): string {
  return `${config.PUBLIC_URL}/unsubscribe/${unsubscribeToken(candidateId, config.APP_SECRET)}`;
}

export function preferencesUrl(config: LinkConfig, candidateId: string, now: Date): string {
  return `${config.PUBLIC_URL}/preferences/${signToken("prefs", candidateId, config.APP_SECRET, new Date(now.getTime() + 90 * DAY))}`;
}

export function logUrl(config: LinkConfig, candidateId: string, now: Date): string {
  return `${config.PUBLIC_URL}/log/${signToken("log", candidateId, config.APP_SECRET, new Date(now.getTime() + 30 * DAY))}`;
}
