import { createEngine, type Sandbox } from "@/lib/sandbox";
import { runAwsCli } from "@/lib/sandbox/cli";
import { FsError, type FileStat, type FileSystem } from "@/lib/sandbox/vfs/types";

/** A minimal in-memory file system for the CLI's file:// and fileb:// (the shell has the real one). */
export class MemoryFs implements FileSystem {
  readonly home = "/home/learner";
  cwd = "/home/learner";
  private files = new Map<string, Uint8Array>();
  private directories = new Set<string>(["/", "/home", "/home/learner"]);

  resolve(path: string): string {
    const absolute = path.startsWith("/") ? path : `${this.cwd}/${path}`;
    const parts: string[] = [];
    for (const part of absolute.split("/")) {
      if (!part || part === ".") continue;
      if (part === "..") parts.pop();
      else parts.push(part);
    }
    return "/" + parts.join("/");
  }

  readFile(path: string): Uint8Array {
    const resolved = this.resolve(path);
    if (this.directories.has(resolved)) throw new FsError("EISDIR", path);
    const data = this.files.get(resolved);
    if (!data) throw new FsError("ENOENT", path);
    return data;
  }

  writeFile(path: string, data: Uint8Array | string, options?: { append?: boolean }): void {
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    const resolved = this.resolve(path);
    const previous = options?.append ? (this.files.get(resolved) ?? new Uint8Array()) : new Uint8Array();
    const joined = new Uint8Array(previous.length + bytes.length);
    joined.set(previous);
    joined.set(bytes, previous.length);
    this.files.set(resolved, joined);
  }

  stat(path: string): FileStat | undefined {
    const resolved = this.resolve(path);
    if (this.directories.has(resolved)) return { type: "directory", size: 0, modifiedAt: 0 };
    const data = this.files.get(resolved);
    return data ? { type: "file", size: data.length, modifiedAt: 0 } : undefined;
  }

  list(): string[] {
    return [];
  }

  mkdir(path: string): void {
    this.directories.add(this.resolve(path));
  }

  remove(path: string): void {
    this.files.delete(this.resolve(path));
  }

  rename(from: string, to: string): void {
    const data = this.readFile(from);
    this.files.delete(this.resolve(from));
    this.files.set(this.resolve(to), data);
  }

  chdir(path: string): void {
    this.cwd = this.resolve(path);
  }
}

export interface Cli {
  engine: Sandbox;
  fs: MemoryFs;
  env: Record<string, string>;
  /** Runs `aws <args>`; returns the texts and the exit code. */
  aws(...args: string[]): { stdout: string; stderr: string; exitCode: number; stdoutBytes: Uint8Array };
}

export function cli(options: { env?: Record<string, string>; engine?: Sandbox } = {}): Cli {
  const engine = options.engine ?? createEngine({ seed: 7, now: "2026-01-01T00:00:00Z" });
  const fs = new MemoryFs();
  const env = { HOME: "/home/learner", ...options.env };
  return {
    engine,
    fs,
    env,
    aws(...args: string[]) {
      const result = runAwsCli(args, { engine, fs, env, stdin: new Uint8Array() });
      const decoder = new TextDecoder();
      return { stdout: decoder.decode(result.stdout), stderr: decoder.decode(result.stderr), exitCode: result.exitCode, stdoutBytes: result.stdout };
    },
  };
}

export interface RecordedCall {
  service: string;
  operation: string;
  input: Record<string, unknown>;
  region: string | undefined;
}

/**
 * An engine stand-in that records what the CLI sends and answers `reply`
 * (an empty response by default): for specifications of argument parsing.
 */
export function recordingCli(reply: (call: RecordedCall) => Record<string, unknown> = () => ({}), options: { env?: Record<string, string> } = {}) {
  const calls: RecordedCall[] = [];
  let tokens = 0;
  const engine = {
    region: "us-east-1",
    newRequestToken: () => `00000000-0000-4000-8000-${String(++tokens).padStart(12, "0")}`,
    call(service: string, operation: string, input: Record<string, unknown> = {}, callOptions: { region?: string } = {}) {
      const call = { service, operation, input, region: callOptions.region };
      calls.push(call);
      return reply(call);
    },
  } as unknown as Sandbox;
  const base = cli({ engine, ...(options.env ? { env: options.env } : {}) });
  return {
    ...base,
    calls,
    /** The request body of the last call. */
    sent(...args: string[]): Record<string, unknown> {
      const result = base.aws(...args);
      if (result.exitCode !== 0) throw new Error(`exit ${result.exitCode}: ${result.stderr}`);
      return calls[calls.length - 1]!.input;
    },
  };
}
