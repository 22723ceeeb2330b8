import type { AdminApi } from "@rebound/api/admin-api";
import { type ClientResponse, hc } from "hono/client";

/** The CSRF token of the current session (from GET /admin/api/session); sent on every state-changing request. */
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
export const csrfHeaders = (): Record<string, string> => (csrfToken ? { "X-CSRF-Token": csrfToken } : {});

/** An error of the API, with its `{ error: { code, message } }` body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const withCsrf: typeof fetch = (input, init = {}) => {
  const method = (init.method ?? "GET").toUpperCase();
  const headers = new Headers(init.headers);
  if (method !== "GET" && method !== "HEAD") for (const [k, v] of Object.entries(csrfHeaders())) headers.set(k, v);
  return fetch(input, { ...init, headers, credentials: "same-origin" });
};

/**
 * The typed client of the admin API: paths, parameters and answers come from the API's route
 * types (apps/api/src/routes/admin), never from shapes copied here.
 */
export const api = hc<AdminApi>(window.location.origin, { fetch: withCsrf });

type Ok = 200 | 201 | 202;
/** The JSON of a client response's success statuses. */
export type OkJson<R> = R extends ClientResponse<infer T, infer S, "json"> ? (S extends Ok ? T : never) : never;

/** Awaits a client call and returns its JSON, or throws an ApiError with the API's message. */
export async function call<R extends ClientResponse<unknown, number, string>>(request: Promise<R>): Promise<OkJson<R>> {
  const res = await request;
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) {
    throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? res.statusText);
  }
  return body as OkJson<R>;
}
