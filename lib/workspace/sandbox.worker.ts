/**
 * The Web Worker the sandbox runs in, so the page never waits on it: a long
 * command, an RSA-4096 key or a runaway loop keeps this thread busy, not the
 * page's. The page talks to it through Comlink (see worker-client.ts).
 */
import { expose } from "comlink";
import { SandboxSession } from "@/lib/sandbox/session";
import { IndexedDbSessionStore } from "./indexeddb-store";
import { MemorySessionStore } from "./memory-store";
import { SandboxService } from "./sandbox-service";

// The session opens without its tools and aws command, which come in a chunk of their own (most of the
// engine's code): the first prompt shows while they load, and the first command waits for them.
const service = new SandboxService({
  openStore: () => IndexedDbSessionStore.open(),
  fallbackStore: () => new MemorySessionStore(),
  createSession: (options) => new SandboxSession(options),
  loadTools: () => import("@/lib/sandbox/tools").then((tools) => tools.sessionTools()),
});

expose(service);
