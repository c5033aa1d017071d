/**
 * The Web Worker the sandbox runs in, so the page never waits on it: a long
 * command, an RSA-4096 key or a runaway loop keeps this thread busy, not the
 * page's. The page talks to it through Comlink (see worker-client.ts).
 */
import { expose } from "comlink";
import { createSandbox } from "@/lib/sandbox";
import { IndexedDbSessionStore } from "./indexeddb-store";
import { MemorySessionStore } from "./memory-store";
import { SandboxService } from "./sandbox-service";

const service = new SandboxService({
  openStore: () => IndexedDbSessionStore.open(),
  fallbackStore: () => new MemorySessionStore(),
  createSession: (options) => createSandbox(options),
});

expose(service);
