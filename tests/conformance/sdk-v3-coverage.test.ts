import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TARGET_PREFIXES } from "@/lib/endpoint";
import { services, type ServiceId } from "@/lib/sandbox";

/**
 * Every operation the endpoint serves is run through the real AWS SDK for
 * JavaScript v3 by some test in this folder: the files are read for the
 * commands (`new KMS.EncryptCommand(`, `new EncryptCommand(`) and paginators
 * (`paginateListKeys(`) they send with each client package. An operation
 * added to the engine without an SDK test fails here by name.
 */
const FOLDER = "tests/conformance";
const PACKAGES: Record<string, ServiceId> = {
  "@aws-sdk/client-kms": "kms",
  "@aws-sdk/client-secrets-manager": "secretsmanager",
  "@aws-sdk/client-ssm": "ssm",
  "@aws-sdk/client-sts": "sts",
  "@aws-sdk/client-cloudtrail": "cloudtrail",
};

/** service → operations some file sends through the SDK. */
function operationsSent(): Map<ServiceId, Set<string>> {
  const sent = new Map<ServiceId, Set<string>>();
  const add = (service: ServiceId, operation: string) => (sent.get(service) ?? sent.set(service, new Set()).get(service)!).add(operation);
  for (const file of readdirSync(FOLDER).filter((name) => name.endsWith(".test.ts"))) {
    const source = readFileSync(join(FOLDER, file), "utf8");
    for (const [, clause = "", pkg = ""] of source.matchAll(/^import\s+([^;]+?)\s+from\s+"(@aws-sdk\/client-[a-z-]+)";/gm)) {
      const service = PACKAGES[pkg];
      if (!service) continue;
      const namespace = /^\*\s+as\s+(\w+)$/.exec(clause)?.[1];
      const names = namespace ? [] : clause.replace(/[{}]/g, "").split(",").map((name) => name.trim().replace(/^type\s+/, ""));
      const used = (name: string) => (namespace ? `${namespace}.${name}` : names.includes(name) ? name : undefined);
      const prefix = namespace ? `${namespace}\\.` : "";
      for (const [, operation = ""] of source.matchAll(new RegExp(`new ${prefix}(\\w+)Command\\(`, "g"))) if (used(`${operation}Command`)) add(service, operation);
      for (const [, operation = ""] of source.matchAll(new RegExp(`${prefix}paginate(\\w+)\\(`, "g"))) if (used(`paginate${operation}`)) add(service, operation);
    }
  }
  return sent;
}

describe("the AWS SDK for JavaScript v3 runs every operation the endpoint serves", () => {
  const served = new Set<ServiceId>([...Object.values(TARGET_PREFIXES), "sts"]);
  const sent = operationsSent();
  for (const spec of services.filter((candidate) => served.has(candidate.id))) {
    it(`${spec.id}: all ${Object.keys(spec.operations).length} operations`, () => {
      const missing = Object.keys(spec.operations).filter((operation) => !sent.get(spec.id)?.has(operation));
      expect(missing).toEqual([]);
    });
  }

  it("reads the files it is meant to (a sanity check of the scan itself)", () => {
    expect(sent.get("kms")?.has("Encrypt")).toBe(true);
    expect(sent.get("kms")?.has("ListKeys")).toBe(true); // through paginateListKeys
    expect(sent.get("ssm")?.has("Encrypt")).toBe(false);
  });
});
