import type { StepKey } from "@rebound/domain";
import { createElement } from "react";
import { type EmailBrand, normaliseBrand, withBrand } from "./components/brand.js";
import { escapeHtml } from "./escape-html.js";
import { type RenderedEmail, renderParts } from "./render-email.js";
import type { StepEmailProps } from "./step-props.js";
import { SLOT_KEYS, type SlotKey, SlotOverride, type StepSlots, stepSlots } from "./step-slots.js";
import { stepSubject } from "./step-subjects.js";
import { STEP_TEMPLATES } from "./step-templates.js";

export interface CompiledStepEmail {
  step: StepKey;
  fill(props: StepEmailProps): RenderedEmail;
}

// Letters, digits and underscores only: React's escaping and html-to-text leave them alone.
const placeholder = (key: SlotKey) => `__RB_${key}__`;
const PLACEHOLDER = /__RB_([A-Za-z]+)__/g;
const SLOT_SET: ReadonlySet<string> = new Set(SLOT_KEYS);

const PLACEHOLDER_SLOTS = Object.fromEntries(SLOT_KEYS.map((key) => [key, placeholder(key)])) as Record<
  SlotKey,
  string
>;

// Raw props a template must never print: slots exist so every personal value passes through one place.
const RAW_PROPS: StepEmailProps = {
  firstName: "__RBRAW_firstName__",
  company: "__RBRAW_company__",
  role: "__RBRAW_role__",
  feedbackMailto: "mailto:__RBRAW_feedbackMailto__",
  unsubscribeUrl: "https://__RBRAW_unsubscribeUrl__",
  preferencesUrl: "https://__RBRAW_preferencesUrl__",
  logUrl: "https://__RBRAW_logUrl__",
};

interface Skeleton {
  /** Constant text; slots[i] goes between parts[i] and parts[i + 1]. */
  parts: string[];
  slots: SlotKey[];
}

function isSlotKey(name: string): name is SlotKey {
  return SLOT_SET.has(name);
}

function skeleton(step: StepKey, part: "html" | "text", rendered: string): Skeleton {
  const parts: string[] = [];
  const slots: SlotKey[] = [];
  let last = 0;
  for (const match of rendered.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!isSlotKey(name)) throw new Error(`${step} ${part}: unknown placeholder ${match[0]}`);
    parts.push(rendered.slice(last, match.index));
    slots.push(name);
    last = match.index + match[0].length;
  }
  parts.push(rendered.slice(last));
  // A placeholder the renderer altered (case, wrapping, escaping) would silently
  // stay in every email; refuse to compile instead.
  for (const text of parts) {
    if (text.includes("__RB")) {
      throw new Error(`${step} ${part}: a placeholder was altered by rendering or a raw prop was printed`);
    }
  }
  return { parts, slots };
}

function join(skel: Skeleton, values: Record<SlotKey, string>): string {
  const { parts, slots } = skel;
  let out = parts[0] ?? "";
  for (let i = 0; i < slots.length; i++) {
    out += values[slots[i] as SlotKey] + (parts[i + 1] ?? "");
  }
  return out;
}

function escapeSlots(slots: StepSlots): Record<SlotKey, string> {
  const escaped = {} as Record<SlotKey, string>;
  for (const key of SLOT_KEYS) escaped[key] = escapeHtml(slots[key]);
  return escaped;
}

/**
 * Renders a step template once with placeholders; `fill` then only validates the
 * props and joins precomputed strings. Output is identical to renderStepEmail().
 */
async function compile(step: StepKey, brand: EmailBrand | null): Promise<CompiledStepEmail> {
  const element = withBrand(
    createElement(SlotOverride.Provider, { value: PLACEHOLDER_SLOTS }, createElement(STEP_TEMPLATES[step], RAW_PROPS)),
    brand,
  );
  const { html, text } = await renderParts(element);
  const htmlSkeleton = skeleton(step, "html", html);
  const textSkeleton = skeleton(step, "text", text);
  return {
    step,
    fill(props) {
      const slots = stepSlots(props);
      return {
        subject: stepSubject(step, props),
        html: join(htmlSkeleton, escapeSlots(slots)),
        text: join(textSkeleton, slots),
      };
    },
  };
}

const compiled = new Map<string, Promise<CompiledStepEmail>>();
/** Programs with their own branding each get their compilations; a bound keeps a process's memory flat. */
const MAX_COMPILED = 1000;

/**
 * Compiled once per step and brand (a program's name, signature and reply footer are constant
 * text in the skeleton) and process; concurrent callers share the same compilation.
 */
export function compileStepEmail(step: StepKey, brand?: EmailBrand | null): Promise<CompiledStepEmail> {
  const b = normaliseBrand(brand);
  const key = b ? `${step}\u0000${b.programName ?? ""}\u0000${b.signature ?? ""}\u0000${b.replyFooter ?? ""}` : step;
  let pending = compiled.get(key);
  if (!pending) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    pending = compile(step, b);
    compiled.set(key, pending);
    pending.catch(() => compiled.delete(key));
  }
  return pending;
}
