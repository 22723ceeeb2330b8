import { describe, expect, it } from "vitest";
import { renderSubscribeConfirmEmail, type SubscribeConfirmProps } from "../src/index.js";
import { reactEscaped } from "./fixtures.js";

const props: SubscribeConfirmProps = {
  firstName: "Maya",
  company: "Northwind Labs",
  confirmUrl: "https://rebound.test/v1/subscribe/confirm?token=abc&x=1",
  unsubscribeUrl: "https://rebound.test/unsubscribe/abc",
};

describe("the subscription confirmation email", () => {
  it("asks the candidate to confirm with a button to the confirmation URL", async () => {
    const email = await renderSubscribeConfirmEmail(props);
    expect(email.subject).toBe("Please confirm your Rebound coaching emails"); // fixed: anyone can type the company
    expect(email.html).toContain(`href="${reactEscaped(props.confirmUrl)}"`);
    expect(email.text).toContain(`Yes, start my coaching ${props.confirmUrl}`);
    expect(email.text).toContain("Hi Maya,");
    expect(email.text).toContain("Northwind Labs");
  });

  it("tells people who did not sign up that ignoring it is enough, and offers unsubscribe", async () => {
    const email = await renderSubscribeConfirmEmail(props);
    expect(email.text).toContain("ignore this email");
    expect(email.html).toContain(`href="${reactEscaped(props.unsubscribeUrl)}"`);
    expect(email.html).not.toContain("Preferences");
  });

  it("refuses a confirmation link that is not a web URL", async () => {
    await expect(renderSubscribeConfirmEmail({ ...props, confirmUrl: "javascript:void(0)" })).rejects.toThrow(
      /confirmUrl/,
    );
  });
});
