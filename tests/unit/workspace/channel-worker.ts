import { expose } from "comlink";
import { MessageChannel } from "node:worker_threads";
import { createSandbox, type CreateSandboxOptions, type SandboxSession } from "@/lib/sandbox";
import { MemorySessionStore } from "@/lib/workspace/memory-store";
import { SandboxService } from "@/lib/workspace/sandbox-service";
import type { SessionStore } from "@/lib/workspace/session-store";
import type { WorkerHandle } from "@/lib/workspace/worker-client";

/**
 * A stand-in for the sandbox's Web Worker in unit tests: the real service on
 * the far end of a real message channel. Terminating it closes the channel;
 * every "worker" shares one store, as a page's workers share IndexedDB.
 */
export function channelWorkers(options: { store?: SessionStore; adjust?(session: SandboxSession): void } = {}) {
  const store = options.store ?? new MemorySessionStore();
  const services: SandboxService[] = [];
  const spawn = (): WorkerHandle => {
    const channel = new MessageChannel();
    const service = new SandboxService({
      openStore: async () => store,
      fallbackStore: () => new MemorySessionStore(),
      createSession: (settings: CreateSandboxOptions) => {
        const session = createSandbox(settings);
        options.adjust?.(session);
        return session;
      },
    });
    services.push(service);
    expose(service, channel.port1 as never);
    return Object.assign(channel.port2 as unknown as WorkerHandle, {
      terminate() {
        channel.port1.close();
        channel.port2.close();
      },
    });
  };
  return { spawn, store, services };
}

/** Makes a command containing `marker` change the sandbox and then never end, like a runaway loop (which cannot run on the test's own thread). */
export function hangOn(marker: string) {
  return (session: SandboxSession) => {
    const run = session.run.bind(session);
    session.run = async (line: string) => {
      if (!line.includes(marker)) return run(line);
      await run("echo half-done > partial.txt");
      return new Promise(() => undefined);
    };
  };
}
