import { createHash } from "node:crypto";
import { AppError, enforceRateLimit, signUpToCohort, signupCohort } from "@rebound/core";
import { emailSchema, OUTCOMES, timezoneSchema } from "@rebound/domain";
import { Hono } from "hono";
import { html, raw } from "hono/html";
import { z } from "zod";
import { clientIp } from "../../client-ip.js";
import type { PlainRouteDoc } from "../../documented.js";
import type { ApiEnv } from "../../env.js";
import { page } from "../../html-page.js";

// The one script of the page: the browser's time zone, so emails land in the candidate's day.
const TZ_SCRIPT =
  "var t=document.getElementById('tz');try{t.value=Intl.DateTimeFormat().resolvedOptions().timeZone||''}catch(e){}var s=document.getElementById('tz-shown');if(s&&t.value)s.textContent=t.value;";
const TZ_HASH = createHash("sha256").update(TZ_SCRIPT).digest("base64");
const SIGNUP_CSP = `default-src 'none'; script-src 'sha256-${TZ_HASH}'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number], string> = {
  rejected: "I was turned down",
  no_response: "I have not heard back",
  withdrawn: "I withdrew",
  offer: "I got an offer",
  pending: "I am still waiting",
};

const FormSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(120).optional(),
  company: z.string().trim().min(1, "company: tell us where you interviewed").max(160),
  role: z.string().trim().max(160).optional(),
  outcome: z.enum(OUTCOMES),
  timezone: z.union([timezoneSchema, z.literal("")]).optional(),
});

export const signupDocs: PlainRouteDoc[] = [
  {
    method: "get",
    path: "/join/{cohortId}",
    summary: "A cohort's public signup page (the link coaches share)",
    tags: ["public"],
    responses: {
      200: { description: "The signup form", type: "text/html" },
      404: { description: "No such cohort, or it is archived", type: "text/html" },
    },
  },
  {
    method: "post",
    path: "/join/{cohortId}",
    summary: "Sign up from a cohort's page: double opt-in (a confirmation email; nothing is enrolled before it)",
    tags: ["public"],
    request: {
      contentType: "application/x-www-form-urlencoded",
      description: "email, name, company, role, outcome, timezone",
    },
    responses: {
      200: { description: "Check your inbox", type: "text/html" },
      400: { description: "The form again, with what to fix", type: "text/html" },
      429: { description: "Too many signups", type: "application/json" },
    },
  },
];

type Values = Partial<Record<"email" | "name" | "company" | "role" | "outcome", string>>;

const form = (cohort: { programName: string; name: string }, values: Values, problem?: string) =>
  page(
    `Join ${cohort.programName}`,
    html`<h1>Coaching after your interview</h1>
<p>${cohort.programName} (${cohort.name}) sends a short series of emails after a job interview: what to do next, a feedback request you can send, a self-review. You answer by replying; you can pause or stop at any time.</p>
${problem ? html`<p role="alert" style="color:#b42318"><strong>Please check:</strong> ${problem}</p>` : ""}
<form method="post">
<p><label>Email<br><input name="email" type="email" required autocomplete="email" value="${values.email ?? ""}"></label></p>
<p><label>Your name (optional)<br><input name="name" autocomplete="given-name" value="${values.name ?? ""}"></label></p>
<p><label>Company you interviewed with<br><input name="company" required value="${values.company ?? ""}"></label></p>
<p><label>Role (optional)<br><input name="role" value="${values.role ?? ""}"></label></p>
<p><label>How did it go?<br><select name="outcome">${OUTCOMES.map(
      (o) => html`<option value="${o}" ${values.outcome === o ? "selected" : ""}>${OUTCOME_LABELS[o]}</option>`,
    )}</select></label></p>
<input type="hidden" name="timezone" id="tz" value="">
<p class="muted">Emails arrive in your daytime: time zone <span id="tz-shown">UTC</span>.</p>
<button type="submit">Send me the coaching emails</button>
</form>
<p class="muted">We first send one email asking you to confirm. Nothing else arrives unless you press its button.</p>
<script>${raw(TZ_SCRIPT)}</script>`,
    false,
    "label{display:block}input:not([type=hidden]),select{box-sizing:border-box;width:100%;margin-top:.25rem;border:1px solid #cbd2d9;border-radius:.4rem}",
  );

/** The public signup page of a cohort: the form (GET) and the signup (POST), double opt-in. */
export const signupPageRoutes = new Hono<ApiEnv>()
  .get("/join/:cohortId", async (c) => {
    const cohort = await pageCohort(c.get("ctx"), c.req.param("cohortId"));
    if (!cohort) return c.html(notFoundPage, 404);
    c.header("Content-Security-Policy", SIGNUP_CSP);
    return c.html(form(cohort, { outcome: "rejected" }));
  })
  .post("/join/:cohortId", async (c) => {
    const ctx = c.get("ctx");
    const cohort = await pageCohort(ctx, c.req.param("cohortId"));
    if (!cohort) return c.html(notFoundPage, 404);
    c.header("Content-Security-Policy", SIGNUP_CSP);
    const body = await c.req.parseBody();
    const values: Values = Object.fromEntries(
      Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"),
    );
    const parsed = FormSchema.safeParse({
      ...values,
      name: values.name || undefined,
      role: values.role || undefined,
      outcome: values.outcome || "rejected",
    });
    if (!parsed.success) {
      const problem = parsed.error.issues.map((i) => `${String(i.path[0] ?? "form")}: ${i.message}`).join("; ");
      return c.html(form(cohort, values, problem), 400);
    }
    await enforceRateLimit(ctx, "subscribe-ip", clientIp(c));
    await enforceRateLimit(ctx, "subscribe-address", parsed.data.email);
    const { timezone, ...rest } = parsed.data;
    await signUpToCohort(ctx, cohort.id, {
      ...rest,
      ...(rest.name ? { name: rest.name } : {}),
      ...(rest.role ? { role: rest.role } : {}),
      ...(timezone ? { timezone } : {}),
    });
    return c.html(
      page(
        "Check your inbox",
        html`<h1>Check your inbox</h1><p>We sent a confirmation email to ${parsed.data.email}. Press its button to start your coaching emails.</p><p class="muted">Nothing arrives? Look in your spam folder, or sign up again in an hour.</p>`,
      ),
    );
  });

const notFoundPage = page(
  "Signup closed",
  html`<h1>This signup link is closed</h1><p>Ask your careers team for the current link.</p>`,
);

async function pageCohort(ctx: ApiEnv["Variables"]["ctx"], cohortId: string) {
  try {
    return await signupCohort(ctx.db, cohortId);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return null;
    throw err;
  }
}
