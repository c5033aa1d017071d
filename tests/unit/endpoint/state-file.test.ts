import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadStateFile, saveStateFile, StateFileError } from "@/lib/endpoint";
import { createEngine } from "@/lib/sandbox";

/**
 * `npm run endpoint -- --state FILE` keeps the endpoint's sandbox between
 * runs; a file it cannot read back is reported and never overwritten.
 */
const folder = mkdtempSync(join(tmpdir(), "endpoint-state-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("the state file", () => {
  it("restores what was saved", () => {
    const path = join(folder, "roundtrip.json");
    const first = createEngine({ seed: 1 });
    const keyId = (first.call("kms", "CreateKey", { Description: "kept" }) as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
    expect(loadStateFile(first, path)).toBe("new");
    saveStateFile(first, path);
    const second = createEngine({ seed: 2 });
    expect(loadStateFile(second, path)).toBe("restored");
    expect((second.call("kms", "DescribeKey", { KeyId: keyId }) as { KeyMetadata: { Description: string } }).KeyMetadata.Description).toBe("kept");
  });

  it("refuses a file that is not JSON, or not a sandbox, with a message, and leaves it as it was", () => {
    for (const [name, content, words] of [
      ["broken.json", '{"format": "keystone-sandbox", "vers', /is not JSON/],
      ["foreign.json", '{"hello": "world"}', /cannot be used: This is not a sandbox snapshot/],
    ] as const) {
      const path = join(folder, name);
      writeFileSync(path, content);
      const engine = createEngine({ seed: 1 });
      expect(() => loadStateFile(engine, path)).toThrow(StateFileError);
      expect(() => loadStateFile(engine, path)).toThrow(words);
      expect(() => loadStateFile(engine, path)).toThrow(/left as it is/);
      expect(readFileSync(path, "utf8")).toBe(content);
    }
  });
});

/** Starts `npm run endpoint` (tsx scripts/endpoint.ts) and resolves with its URL, or with its exit status and stderr if it stops first. */
function startScript(args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/endpoint.ts", "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
  const ready = new Promise<{ url: string } | { status: number; stderr: string }>((resolve) => {
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) resolve({ url });
    });
    void exited.then((status) => resolve({ status, stderr }));
  });
  return { child, ready, exited };
}

async function call(url: string, target: string, body: object) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": target, authorization: "AWS4-HMAC-SHA256 Credential=test/20260115/us-east-1/kms/aws4_request, SignedHeaders=host, Signature=0" }, body: JSON.stringify(body) });
  return JSON.parse(await response.text()) as Record<string, unknown>;
}

describe("npm run endpoint -- --state FILE", () => {
  it("writes the sandbox on Ctrl-C and starts from it next time; a damaged file stops it with a message", async () => {
    const path = join(folder, "endpoint.json");
    const first = startScript(["--scenario", "empty", "--state", path]);
    const started = await first.ready;
    expect(started).toHaveProperty("url");
    const { url } = started as { url: string };
    const created = await call(url, "TrentService.CreateKey", { Description: "survives a restart" });
    const keyId = (created["KeyMetadata"] as { KeyId: string }).KeyId;
    first.child.kill("SIGINT");
    expect(await first.exited).toBe(0);

    const second = startScript(["--state", path]);
    const again = (await second.ready) as { url: string };
    const described = await call(again.url, "TrentService.DescribeKey", { KeyId: keyId });
    expect((described["KeyMetadata"] as { Description: string }).Description).toBe("survives a restart");
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    writeFileSync(path, "not json at all");
    const third = startScript(["--state", path]);
    expect(await third.ready).toEqual({ status: 1, stderr: expect.stringMatching(/^The state file .* is not JSON .*left as it is/) });
    expect(readFileSync(path, "utf8")).toBe("not json at all");
  }, 60_000);

  it("also writes a change within a few seconds while it runs, so a crash loses at most those seconds", async () => {
    const path = join(folder, "interval.json");
    const running = startScript(["--scenario", "empty", "--state", path]);
    try {
      const { url } = (await running.ready) as { url: string };
      const created = await call(url, "TrentService.CreateKey", { Description: "written while running" });
      const keyId = (created["KeyMetadata"] as { KeyId: string }).KeyId;
      // The endpoint saves at most every 5 seconds; look for the key for up to 20 without stopping it.
      let saved = "";
      for (let waited = 0; waited < 20_000 && !saved.includes(keyId); waited += 250) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        saved = readFileSync(path, "utf8");
      }
      expect(saved).toContain(keyId);
      expect(loadStateFile(createEngine({ seed: 9 }), path)).toBe("restored");
    } finally {
      running.child.kill("SIGKILL");
    }
  }, 60_000);
});
