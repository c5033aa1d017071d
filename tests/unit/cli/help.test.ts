import { describe, expect, it } from "vitest";
import { commandText, SERVICE_TEXTS } from "@/lib/sandbox/cli/descriptions";
import { supportedOperations } from "@/lib/sandbox/cli";
import { recordingCli } from "./helpers";

const supported = supportedOperations().filter((operation) => operation.supported);

/** Words of a command line with '...' and "..." quoting (enough for the examples). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]!);
}

describe("help in the project's own words", () => {
  const sandbox = recordingCli();

  it("aws help lists the simulated services and the global options", () => {
    const result = sandbox.aws("help");
    expect(result.exitCode).toBe(0);
    for (const service of ["kms", "secretsmanager", "ssm", "sts"]) expect(result.stdout).toContain(`  ${service} `);
    for (const option of ["--output", "--query", "--region", "--cli-binary-format", "--endpoint-url", "--profile", "--debug", "--no-verify-ssl", "--color"]) expect(result.stdout).toContain(option);
  });

  it.each(["kms", "secretsmanager", "ssm", "sts"])("aws %s help lists its commands and how the sandbox differs", (service) => {
    const result = sandbox.aws(service, "help");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("HOW THE SANDBOX DIFFERS FROM AWS");
    for (const operation of supported.filter((entry) => entry.service === service)) expect(result.stdout).toContain(`  ${operation.command}\n`);
  });

  it.each(supported.map((operation) => [operation.service, operation.command, operation.operation]))("aws %s %s help", (service, command, operation) => {
    const result = sandbox.aws(service, command, "help");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`aws ${service} ${command}`);
    expect(result.stdout).toContain("EXAMPLE");
    expect(result.stdout).toContain(commandText(service, operation)!.summary.split(" ").slice(0, 3).join(" "));
    // Required options are marked as such.
    for (const line of result.stdout.split("\n").filter((text) => /^ {2}--[a-z-]+ \(.*required\)/.test(text))) expect(line).toMatch(/required/);
  });

  it("describes every simulated operation, with an example that the parser accepts", () => {
    for (const operation of supported) {
      const text = commandText(operation.service, operation.operation);
      expect(text, `${operation.service} ${operation.operation}`).toBeDefined();
      const argv = shellWords(text!.example).slice(1);
      const result = sandbox.aws(...argv);
      expect(result.stderr, text!.example).not.toMatch(/^\nusage:/);
    }
  });

  it("has a summary and simplifications for every simulated service", () => {
    for (const service of Object.values(SERVICE_TEXTS)) {
      expect(service.summary.length).toBeGreaterThan(20);
      expect(service.simplifications.length).toBeGreaterThan(0);
    }
  });
});

describe("supportedOperations(): the site's list of every operation", () => {
  const rows = supportedOperations();
  it("lists every operation of the models, supported or not, with a note for those not simulated", () => {
    expect(rows.filter((row) => row.service === "kms").length).toBe(54);
    expect(rows.find((row) => row.operation === "Encrypt")).toMatchObject({ service: "kms", command: "encrypt", supported: true });
    expect(rows.find((row) => row.operation === "CreateGrant")).toMatchObject({ supported: true, command: "create-grant" });
    expect(rows.find((row) => row.operation === "ReplicateKey")).toMatchObject({ supported: true, command: "replicate-key" });
    expect(rows.find((row) => row.operation === "DeriveSharedSecret")).toMatchObject({ supported: false });
    expect(rows.filter((row) => !row.supported).every((row) => row.note)).toBe(true);
    expect(rows.filter((row) => row.supported).every((row) => row.summary)).toBe(true);
  });
});
