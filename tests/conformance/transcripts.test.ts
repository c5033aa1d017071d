import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { caseFiles, CONFORMANCE_NOW, CONFORMANCE_SEED, loadCase, maskChoices, serialiseCase } from "./transcript";

/**
 * The transcripts themselves: complete, recorded under the agreed seed and
 * time, and covering every `aws` command of the seed chapter in its order.
 */

const cases = caseFiles().map((file) => ({ file, data: loadCase(file) }));

describe("conformance transcripts", () => {
  it.each(cases.map(({ file, data }) => [data.name, file, data] as const))("%s is recorded in full under the agreed seed and start time", (_name, file, data) => {
    expect(file.endsWith(`${data.name}.yaml`)).toBe(true);
    expect(data.recorded).toMatchObject({ seed: CONFORMANCE_SEED, now: CONFORMANCE_NOW });
    expect(data.recorded?.cli).toMatch(/^aws-cli\/2\./);
    for (const command of data.commands.filter((line) => !line.sandbox)) {
      expect(typeof command.exitCode, command.run).toBe("number");
      expect(typeof command.stdout, command.run).toBe("string");
      expect(typeof command.stderr, command.run).toBe("string");
    }
    // Re-serialising gives the file back: transcripts are only ever written by the recorder.
    expect(serialiseCase(data)).toBe(readFileSync(file, "utf8"));
  });

  it("cover every aws command of the seed chapter, verbatim and in the seed's order, in the chapter-27 scenario", () => {
    const seed = readFileSync(new URL("../fixtures/seed-aws-commands.txt", import.meta.url), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("#"));
    const transcript = cases.find(({ data }) => data.name === "seed-chapter-27")?.data;
    expect(transcript?.scenario).toBe("chapter-27");
    const runs = transcript?.commands.map((command) => command.run) ?? [];
    let position = -1;
    for (const line of seed) {
      const next = runs.indexOf(line, position + 1);
      expect(next, `seed command missing or out of order: ${line}`).toBeGreaterThan(position);
      position = next;
    }
  });

  it("cover the error paths of the CLI and each service", () => {
    const stderr = cases.flatMap(({ data }) => data.commands.map((command) => command.stderr ?? "")).join("\n");
    for (const expected of [
      "Unknown options: --bogus",
      "the following arguments are required: --key-id",
      "expected one argument",
      "argument operation: Invalid choice",
      "argument command: Invalid choice",
      "argument --output: Invalid choice",
      "Bad value for --query",
      "Invalid base64",
      "invalid literal for int() with base 10",
      "Unable to load paramfile fileb://",
      "Parameter validation failed",
      "(NotFoundException)",
      "(DisabledException)",
      "(KMSInvalidStateException)",
      "(InvalidCiphertextException) when calling the Decrypt operation: \n",
      "(ValidationException)",
      "(AlreadyExistsException)",
      "(AccessDeniedException)",
      "(ResourceNotFoundException)",
      "(ResourceExistsException)",
      "marked for deletion",
      "(InvalidParameterException)",
      "(ParameterNotFound) when calling the GetParameter operation: \n",
      "(ParameterAlreadyExists)",
      "(ParameterVersionNotFound)",
    ]) {
      expect(stderr, expected).toContain(expected);
    }
  });
});

describe("maskChoices", () => {
  it("hides only the list of valid choices of an Invalid choice error, which differs between CLI versions", () => {
    const error = "aws: error: argument command: Invalid choice, valid choices are:\n\nacm | kms\nssm | sts\n\n\nInvalid choice: 'kmss', maybe you meant:\n\n  * kms\n\n";
    expect(maskChoices(error)).toBe("aws: error: argument command: Invalid choice, valid choices are:\n\n<the CLI's services>\n\n\nInvalid choice: 'kmss', maybe you meant:\n\n  * kms\n\n");
  });
});
