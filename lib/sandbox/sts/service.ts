import * as z from "zod";
import { defineOperation, type ServiceSpec } from "../core/operation";

/**
 * STS, just enough to answer "who am I?": the call learners run first when
 * a request is denied. Any identity may call it; it needs no permission.
 */
const getCallerIdentity = defineOperation({
  name: "GetCallerIdentity",
  input: z.object({}),
  readOnly: true,
  handler(ctx) {
    return { UserId: ctx.callerId, Account: ctx.caller.accountId, Arn: ctx.caller.arn };
  },
});

export const stsService: ServiceSpec = {
  id: "sts",
  eventSource: "sts.amazonaws.com",
  errorMessageKey: "message",
  operations: { GetCallerIdentity: getCallerIdentity },
};
