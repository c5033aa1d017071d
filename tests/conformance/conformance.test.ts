import { beforeAll, describe, expect, it } from "vitest";
import { createSandbox, type SandboxSession, type ScenarioName } from "@/lib/sandbox";
import { caseFiles, CONFORMANCE_NOW, CONFORMANCE_SEED, loadCase, maskChoices } from "./transcript";

/**
 * The sandbox prints what the real AWS CLI v2 prints. Each transcript in
 * cases/ was recorded with the real CLI against the engine behind the local
 * endpoint (scripts/record-conformance.ts); here every command line is run
 * again, in order, by the sandbox's own shell and CLI in a fresh session of
 * the same scenario, seed and start time, and stdout, stderr and the exit
 * code must be the same, byte for byte. Nothing is normalised: the recorder
 * gives the engine the ClientRequestTokens the sandbox's CLI would draw
 * (see scripts/record-conformance.ts), so ids, ciphertexts and dates match.
 */

const cases = caseFiles().map(loadCase);

describe("the sandbox's CLI replays the real AWS CLI's transcripts", () => {
  for (const data of cases) {
    describe(data.name, () => {
      let session: SandboxSession;
      beforeAll(() => {
        session = createSandbox({ scenario: data.scenario as ScenarioName, seed: CONFORMANCE_SEED, now: CONFORMANCE_NOW });
      });
      data.commands.forEach((command, index) => {
        it(`${index + 1}. ${command.run}`, async () => {
          const { exitCode, stdout, stderr } = await session.run(command.run);
          if (command.sandbox) {
            // `clock advance`: the sandbox's own builtin, not part of what the real CLI printed.
            expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: "" });
            return;
          }
          // `aws kmss ...` lists the CLI's services, which only the current CLI itself could record.
          const mask = command.versionDependent === "service-list" ? maskChoices : (text: string) => text;
          expect({ exitCode, stdout, stderr: mask(stderr) }).toEqual({ exitCode: command.exitCode, stdout: command.stdout, stderr: mask(command.stderr ?? "") });
        });
      });
    });
  }
});
