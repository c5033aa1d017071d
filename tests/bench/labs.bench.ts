/**
 * The server's replay of a lab's command log (lib/labs/replay.ts): a
 * 500-command log of the secrets-rotation lab, run from its scenario and
 * seed with the current step's check on a copy of the sandbox after every
 * command, as the server does before it records a completion. The log is
 * what a learner who explores a lot would send: the lab's solution, with
 * 480 other commands (reading, encrypting, listing, mistakes) spread
 * through it. Target: under 1 s. Prints one JSON line for scripts/bench.mjs.
 */
import path from "node:path";
import { compileLabs } from "../../lib/labs/compile-lab";
import { replayLab } from "../../lib/labs/replay";

const labs = await compileLabs(path.join(process.cwd(), "content/labs"), {
  examPointIds: new Set(["secrets-manager.automatic-rotation", "secrets-manager.rotation-steps", "secrets-manager.staging-labels", "secrets-manager.rotation-troubleshooting", "kms.key-types", "kms.customer-managed-key-rotation", "kms.manual-rotation-with-aliases"]),
  errataIds: new Set(),
});
const lab = labs.find((candidate) => candidate.id === "secrets-rotation")!;
const exploring = [
  "aws secretsmanager list-secrets --query 'SecretList[].Name'",
  "aws kms list-keys",
  "aws kms encrypt --key-id 1234abcd-12ab-34cd-56ef-1234567890ab --plaintext fileb://plaintext.txt --query CiphertextBlob --output text > blob.b64",
  "aws secretsmanager describe-secret --secret-id prod/db",
  "aws secretsmanager list-secret-version-ids --secret-id prod/db",
  "aws ssm get-parameter --name /app/db/password --with-decryption",
  "aws secretsmanager get-secret-value --secret-id does/not/exist",
  "echo checking; ls -l",
];
const COMMANDS = 500;
const solution = lab.steps.flatMap((step) => step.solution);
const commands: string[] = [];
const between = Math.floor((COMMANDS - solution.length) / solution.length);
for (const command of solution) {
  for (let index = 0; index < between; index++) commands.push(exploring[(commands.length + index) % exploring.length]!);
  commands.push(command);
}
while (commands.length < COMMANDS) commands.push(exploring[commands.length % exploring.length]!);

const times: number[] = [];
let completed = true;
for (let run = 0; run < 6; run++) {
  const started = performance.now();
  const replay = await replayLab(lab, { startedAt: Date.parse("2026-03-01T12:00:00Z"), commands });
  if (run > 0) times.push(performance.now() - started);
  completed &&= replay.completed;
}
times.sort((a, b) => a - b);
const medianMs = Number(times[Math.floor(times.length / 2)]!.toFixed(0));
const maxMs = Number(times.at(-1)!.toFixed(0));
console.log(
  JSON.stringify({
    lab: lab.id,
    commands: commands.length,
    runs: times.length,
    medianMs,
    maxMs,
    completed,
    targets: [
      { name: "labs: replay of a 500-command log on the server < 1 s", value: `median ${medianMs} ms, slowest ${maxMs} ms (${times.length} runs)`, met: maxMs < 1000 && completed },
    ],
  }),
);
