import { SandboxSession, type CreateSandboxOptions } from "./session";
import { sessionTools } from "./tools";

/** A new sandbox session with its tools (see CreateSandboxOptions). */
export function createSandbox(options: CreateSandboxOptions = {}): SandboxSession {
  return new SandboxSession(options, sessionTools());
}
