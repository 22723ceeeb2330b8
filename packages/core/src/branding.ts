import type { Config } from "@rebound/config";
import type { Db } from "@rebound/db";
import type { EmailBrand } from "@rebound/emails";

/** What a program's emails are branded with: the From header and what the templates show. */
export interface Brand extends EmailBrand {
  /** The whole From header: `"Career Centre X via Rebound" <coach@rebound.example>`. */
  from: string;
}

export interface BrandedProgram {
  name: string;
  senderName: string | null;
  fromEmail: string | null;
  signature: string | null;
  replyFooter: string | null;
}

const BRAND_COLUMNS = {
  id: true,
  name: true,
  senderName: true,
  fromEmail: true,
  signature: true,
  replyFooter: true,
} as const;

/** The address part of MAIL_FROM ("Rebound <coach@x.io>" or a bare "coach@x.io"). */
export function mailFromAddress(config: Pick<Config, "MAIL_FROM">): string {
  const m = /<([^<>\s]+@[^<>\s]+)>/.exec(config.MAIL_FROM);
  return (m?.[1] ?? config.MAIL_FROM).trim();
}

const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/** The domains mail may come from: MAIL_FROM's own and VERIFIED_SENDER_DOMAINS. */
export function verifiedSenderDomains(config: Pick<Config, "MAIL_FROM" | "VERIFIED_SENDER_DOMAINS">): string[] {
  return [...new Set([domainOf(mailFromAddress(config)), ...config.VERIFIED_SENDER_DOMAINS])];
}

export function isVerifiedSender(
  config: Pick<Config, "MAIL_FROM" | "VERIFIED_SENDER_DOMAINS">,
  email: string,
): boolean {
  return verifiedSenderDomains(config).includes(domainOf(email));
}

/** An RFC 5322 quoted display name (settings refuse quotes and backslashes; escaped anyway). */
const quoted = (name: string) => `"${name.replace(/[\r\n]+/g, " ").replace(/(["\\])/g, "\\$1")}"`;

/**
 * The From header of a program's mail: its own verified address under its sender name, or
 * Rebound's address as "<sender name> via Rebound". An address whose domain is no longer
 * verified falls back to Rebound's, so mail never goes out from a domain the provider refuses.
 */
export function fromHeader(config: Pick<Config, "MAIL_FROM" | "VERIFIED_SENDER_DOMAINS">, p: BrandedProgram): string {
  const name = (p.senderName ?? p.name).trim();
  if (p.fromEmail && isVerifiedSender(config, p.fromEmail)) return `${quoted(name)} <${p.fromEmail}>`;
  return `${quoted(`${name} via Rebound`)} <${mailFromAddress(config)}>`;
}

export function brandOf(config: Pick<Config, "MAIL_FROM" | "VERIFIED_SENDER_DOMAINS">, p: BrandedProgram): Brand {
  return {
    from: fromHeader(config, p),
    programName: p.name,
    signature: p.signature,
    replyFooter: p.replyFooter,
  };
}

/** Rebound's own brand, for mail without a program (none today) and as the fallback. */
export const reboundBrand = (config: Pick<Config, "MAIL_FROM">): Brand => ({
  from: config.MAIL_FROM,
  programName: null,
  signature: null,
  replyFooter: null,
});

/** The brands of the programs a batch of mail belongs to, in one query. */
export async function loadBrands(
  db: Pick<Db, "program">,
  config: Pick<Config, "MAIL_FROM" | "VERIFIED_SENDER_DOMAINS">,
  programIds: readonly string[],
): Promise<Map<string, Brand>> {
  const ids = [...new Set(programIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.program.findMany({ where: { id: { in: ids } }, select: BRAND_COLUMNS });
  return new Map(rows.map((p) => [p.id, brandOf(config, p)]));
}

export async function loadBrand(
  db: Pick<Db, "program">,
  config: Pick<Config, "MAIL_FROM" | "VERIFIED_SENDER_DOMAINS">,
  programId: string,
): Promise<Brand> {
  return (await loadBrands(db, config, [programId])).get(programId) ?? reboundBrand(config);
}
