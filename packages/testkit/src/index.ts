export * from "./fake-resend.js";
export * from "./test-env.js";
export * from "./redis-server.js";
export { default as prepareTemplateDatabase } from "./global-setup.js";
export * from "./inbound-requests.js";
export * from "./fake-openai.js";
export * from "./clock.js";
export * from "./world.js";
export * from "./tcp-proxy.js";
