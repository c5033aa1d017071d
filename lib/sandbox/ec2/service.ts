import type { ServiceSpec } from "../core/operation";
import { describeInstanceAttribute, getConsoleOutput } from "./operations/console";
import { describeImages } from "./operations/images";
import { describeInstances, runInstances, terminateInstances } from "./operations/instances";

/**
 * EC2, as far as the chapter's integrations need it: launching an instance
 * with an instance profile and user data, and seeing what the user data did
 * (console output). See state.ts and boot.ts for what is simplified.
 *
 * NOTE: EC2 speaks AWS's EC2 Query protocol (XML); the sandbox keeps JSON
 * like the other services (the CLI prints the same either way).
 */
export const ec2Service: ServiceSpec = {
  id: "ec2",
  eventSource: "ec2.amazonaws.com",
  errorMessageKey: "message",
  operations: {
    RunInstances: runInstances,
    DescribeInstances: describeInstances,
    TerminateInstances: terminateInstances,
    GetConsoleOutput: getConsoleOutput,
    DescribeInstanceAttribute: describeInstanceAttribute,
    DescribeImages: describeImages,
  },
};
