/**
 * The sandbox engine: a simulated AWS KMS, Secrets Manager and Parameter
 * Store in pure TypeScript. No React, Next.js, DOM or Node-only APIs: the
 * same engine runs in the browser, in tests, in the headless runner and
 * behind the local endpoint.
 */
export { createEngine, services } from "./engine";

export { Sandbox, type SandboxOptions, type CallOptions } from "./sandbox";
export { AwsServiceError, SandboxUsageError, isAwsServiceError } from "./core/errors";
export type { ServiceId, WireObject, Json, EngineNotice } from "./core/operation";
export type { SandboxState, CallerRef } from "./state";
export type { TrailEvent, TrailQuery } from "./trail/trail";
export { LEARNER_ACCOUNT, PARTNER_ACCOUNT, DEFAULT_REGION } from "./world";

// Lifecycle machines, for interfaces that draw them (the picture and the behaviour share one definition).
export { keyLifecycleMachine } from "./kms/key.machine";
export { keyRotationMachine } from "./kms/rotation.machine";
export { rotationMachine as secretRotationMachine } from "./secrets-manager/rotation.machine";
export { secretLifecycleMachine } from "./secrets-manager/secret.machine";

// Scenario set-up: simulated rotation functions and databases.
export { putRotationFunction, setRotationFunctionFault } from "./lambda";
export { putDatabase, databaseLogin, setDatabaseAvailable } from "./rds";
export { DAY, HOUR, MINUTE, parseDuration } from "./core/time";

// The sandbox session: engine + the learner's files + the shell (terminals, the headless runner, tests).
export { createSandbox } from "./create-sandbox";
export { sessionTools } from "./tools";
export { SandboxSession, SESSION_FORMAT, SESSION_VERSION, type SessionTools, type CreateSandboxOptions, type CommandOutput, type SessionRunResult, type SessionSnapshot, type SessionRunOptions, type Completion, type ScenarioName } from "./session";
export { SCENARIOS } from "./scenarios";
export { CLEAR_SCREEN } from "./shell";
export { putKey } from "./kms/world";
