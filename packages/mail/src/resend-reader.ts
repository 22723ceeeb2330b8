import { Resend } from "resend";
import { PermanentSendError, TransientSendError } from "./transport.js";

/**
 * Reads a received email's body: `GET {RESEND_BASE_URL}/emails/receiving/{id}`
 * (the `email.received` webhook carries metadata only). 4xx answers are
 * permanent; anything else may be retried.
 */
export function createResendReader(opts: { apiKey: string; baseUrl: string }): (emailId: string) => Promise<unknown> {
  const client = new Resend(opts.apiKey, { baseUrl: opts.baseUrl.replace(/\/$/, "") });
  return async (emailId) => {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(emailId)) throw new PermanentSendError("malformed email id");
    const { data, error } = await client.emails.receiving.get(emailId);
    if (!error) return data;
    const status = (error as { statusCode?: number | null }).statusCode ?? null;
    const message = `${status ?? "network"} ${error.name}: ${error.message}`;
    if (status !== null && status >= 400 && status < 500 && status !== 429) throw new PermanentSendError(message);
    throw new TransientSendError(message);
  };
}
