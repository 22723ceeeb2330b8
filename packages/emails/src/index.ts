import type { StepKey } from "@rebound/domain";
import { createElement } from "react";
import { type EmailBrand, withBrand } from "./components/brand.js";
import { type RenderedEmail, renderParts } from "./render-email.js";
import type { StepEmailProps } from "./step-props.js";
import { stepSubject } from "./step-subjects.js";
import { STEP_TEMPLATES } from "./step-templates.js";
import AdminAccessEmail, { type AdminAccessProps, adminAccessSubject } from "./templates/admin-access.js";
import AnalysisEmail, { type AnalysisEmailProps, analysisSubject } from "./templates/analysis.js";
import NoticeEmail, { type NoticeProps, noticeSubject } from "./templates/notice.js";
import SubscribeConfirmEmail, {
  type SubscribeConfirmProps,
  subscribeConfirmSubject,
} from "./templates/subscribe-confirm.js";

export { type CompiledStepEmail, compileStepEmail } from "./compile-step-email.js";
export type { EmailBrand } from "./components/brand.js";
export { firstName, greeting } from "./names.js";
export type { RenderedEmail } from "./render-email.js";
export type { StepEmailProps } from "./step-props.js";
export { stepPrompts } from "./step-prompts.js";
export { stepSubject } from "./step-subjects.js";
export type { AnalysisEmailProps, AnalysisTheme } from "./templates/analysis.js";
export type { SubscribeConfirmProps } from "./templates/subscribe-confirm.js";
export type { NoticeKind, NoticeProps } from "./templates/notice.js";
export type { AdminAccessProps } from "./templates/admin-access.js";

/** Renders one drip step with React Email (HTML and plain text). For volume, use compileStepEmail(). */
export async function renderStepEmail(
  step: StepKey,
  props: StepEmailProps,
  brand?: EmailBrand | null,
): Promise<RenderedEmail> {
  const subject = stepSubject(step, props);
  const parts = await renderParts(withBrand(createElement(STEP_TEMPLATES[step], props), brand));
  return { subject, ...parts };
}

/** The personal summary sent after a reflection has been analysed. */
export async function renderAnalysisEmail(
  props: AnalysisEmailProps,
  brand?: EmailBrand | null,
): Promise<RenderedEmail> {
  const subject = analysisSubject(props);
  return { subject, ...(await renderParts(withBrand(createElement(AnalysisEmail, props), brand))) };
}

/** The double opt-in confirmation for public sign-ups. */
export async function renderSubscribeConfirmEmail(
  props: SubscribeConfirmProps,
  brand?: EmailBrand | null,
): Promise<RenderedEmail> {
  const subject = subscribeConfirmSubject(props);
  return { subject, ...(await renderParts(withBrand(createElement(SubscribeConfirmEmail, props), brand))) };
}

/** A notice about the service itself: a command waiting for the candidate's confirmation, a reply that was not stored. */
export async function renderNoticeEmail(props: NoticeProps, brand?: EmailBrand | null): Promise<RenderedEmail> {
  return { subject: noticeSubject(props), ...(await renderParts(withBrand(createElement(NoticeEmail, props), brand))) };
}

/** Mail to program admins: a sign-in link or an invitation to a program. */
export async function renderAdminAccessEmail(props: AdminAccessProps): Promise<RenderedEmail> {
  return { subject: adminAccessSubject(props), ...(await renderParts(createElement(AdminAccessEmail, props))) };
}
