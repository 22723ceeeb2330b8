import { isTheme, THEME_LABELS, verifyToken } from "@rebound/domain";
import { Hono } from "hono";
import { html } from "hono/html";
import type { PlainRouteDoc } from "../documented.js";
import type { ApiEnv } from "../env.js";
import { page } from "../html-page.js";

export const logDocs: PlainRouteDoc[] = [
  {
    method: "get",
    path: "/log/:token",
    summary: "The candidate's own interview log, behind a signed link from every email",
    tags: ["public"],
    responses: {
      200: { description: "The log", type: "text/html" },
      404: { description: "Link expired", type: "text/html" },
    },
  },
];

/**
 * The candidate's own log behind a signed magic link (`/log/<token>`, from the
 * footer of every email): their interviews, replies and themes. Nothing else is
 * reachable from it.
 */
export const logRoutes = new Hono<ApiEnv>().get("/log/:token", async (c) => {
  const ctx = c.get("ctx");
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  const check = verifyToken("log", c.req.param("token"), ctx.config.APP_SECRET, ctx.clock.now());
  const candidate = check.ok ? await ctx.db.candidate.findUnique({ where: { id: check.value.subject } }) : null;
  if (!candidate || candidate.status === "erased") {
    return c.html(
      page(
        "Link expired",
        html`<h1>This link has expired</h1><p>Open the link in a more recent Rebound email to read your log.</p>`,
      ),
      404,
    );
  }
  const interviews = await ctx.db.interview.findMany({
    where: { candidateId: candidate.id },
    orderBy: { createdAt: "desc" },
    include: { reflections: { orderBy: { receivedAt: "asc" } } },
  });
  const themeCounts = new Map<string, number>();
  for (const i of interviews)
    for (const r of i.reflections) for (const t of r.themes) themeCounts.set(t, (themeCounts.get(t) ?? 0) + 1);
  const label = (t: string) => (isTheme(t) ? THEME_LABELS[t] : t);
  const fmt = (d: Date) => d.toISOString().slice(0, 10);
  return c.html(
    page(
      "Your interview log",
      html`<h1>Your interview log</h1>
        <p class="muted">${candidate.name ?? candidate.email} · ${interviews.length} interview(s)</p>
        ${
          themeCounts.size
            ? html`<p>Themes across your interviews: ${[...themeCounts].sort((a, b) => b[1] - a[1]).map(([t, n]) => html`<span class="theme">${label(t)} × ${n}</span>`)}</p>`
            : ""
        }
        ${interviews.map(
          (i) => html`<section>
            <h2>${i.company}${i.role ? html` · ${i.role}` : ""}</h2>
            <p class="muted">${fmt(i.createdAt)} · ${i.outcome.replace("_", " ")}${i.offerAt ? " · offer 🎉" : ""}</p>
            ${
              i.reflections.length === 0
                ? html`<p class="muted">No replies yet. Answer any Rebound email to add to your log.</p>`
                : i.reflections.map(
                    (r) => html`<p class="muted">${fmt(r.receivedAt)} · ${r.prompt.split("\n")[0] ?? r.step}</p>
                    <blockquote>${r.text ?? ""}</blockquote>
                    ${r.themes.map((t) => html`<span class="theme">${label(t)}</span>`)}`,
                  )
            }
          </section>`,
        )}`,
      true,
    ),
  );
});
