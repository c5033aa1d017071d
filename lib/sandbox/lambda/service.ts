import type { ServiceSpec } from "../core/operation";
import { createFunction, deleteFunction, getFunction, getFunctionConfiguration, listFunctions, updateFunctionCode, updateFunctionConfiguration } from "./operations/functions";
import { invoke } from "./operations/invoke";

/**
 * Lambda: the learner's own functions (shell handlers, see code.ts) beside
 * the rotation functions Secrets Manager uses.
 *
 * NOTE: versions, aliases, layers, resource policies (add-permission),
 * event source mappings and CloudWatch Logs are not simulated.
 */
export const lambdaService: ServiceSpec = {
  id: "lambda",
  eventSource: "lambda.amazonaws.com",
  errorMessageKey: "Message",
  operations: {
    CreateFunction: createFunction,
    GetFunction: getFunction,
    GetFunctionConfiguration: getFunctionConfiguration,
    ListFunctions: listFunctions,
    UpdateFunctionConfiguration: updateFunctionConfiguration,
    UpdateFunctionCode: updateFunctionCode,
    DeleteFunction: deleteFunction,
    Invoke: invoke,
  },
};
