export { routeInbound, type InboundRoute } from "./route-inbound.js";
export { isAutoReply } from "./auto-reply.js";
export { parseCommand, type ReplyCommand } from "./commands.js";
export { extractForwardedCompany } from "./forwarded.js";
export { type InboundAttachment, type InboundEmail, InboundParseError } from "./inbound-email.js";
export { MAX_RAW_BYTES, parseMime } from "./parse-mime.js";
export { findReplyToken, findStartAddress } from "./reply-address.js";
export { fromResendReceived } from "./resend-received.js";
export { extractReply } from "./strip-quotes.js";
