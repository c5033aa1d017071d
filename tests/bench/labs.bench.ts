/**
 * The server's replay of a lab's command log (lib/labs/replay.ts): a
 * 500-command log of the secrets-rotation lab, and one of the integrations
 * lab (whose invocations and launches run programs), each run from its scenario and
 * seed with the current step's check on a copy of the sandbox after every
 * command, as the server does before it records a completion. The log is
 * what a learner who explores a lot would send: the lab's solution, with
 * 480 other commands (reading, encrypting, listing, mistakes) spread
 * through it. Target: under 1 s. Prints one JSON line for scripts/bench.mjs.
 */
import { loadLabs } from "../../lib/labs/catalog";
import { replayLab } from "../../lib/labs/replay";

const labs = await loadLabs();
/** What a learner who explores a lot types between the solution's commands, per lab. */
const EXPLORING: Record<string, string[]> = {
  "secrets-rotation": [
    "aws secretsmanager list-secrets --query 'SecretList[].Name'",
    "aws kms list-keys",
    "aws kms encrypt --key-id 1234abcd-12ab-34cd-56ef-1234567890ab --plaintext fileb://plaintext.txt --query CiphertextBlob --output text > blob.b64",
    "aws secretsmanager describe-secret --secret-id prod/db",
    "aws secretsmanager list-secret-version-ids --secret-id prod/db",
    "aws ssm get-parameter --name /app/db/password --with-decryption",
    "aws secretsmanager get-secret-value --secret-id does/not/exist",
    "echo checking; ls -l",
  ],
  // Heavier: invocations and launches run the learner's programs in the sandbox's shell.
  integrations: [
    "aws ec2 describe-instances --query 'Reservations[].Instances[].[InstanceId,State.Name]' --output text",
    "aws lambda invoke --function-name orders-api --log-type Tail out.json --query LogResult --output text | base64 -d",
    "aws ssm get-parameters-by-path --path /orders --recursive --query 'Parameters[].Name'",
    "aws cloudformation describe-stacks --query 'Stacks[].StackStatus'",
    "cat user-data.sh function.sh",
    "aws kms describe-key --key-id alias/orders --query KeyMetadata.KeyState",
    "aws secretsmanager describe-secret --secret-id prod/orders/db",
    "aws sts get-caller-identity",
  ],
};
const COMMANDS = 500;

function logOf(labId: string): string[] {
  const lab = labs.find((candidate) => candidate.id === labId)!;
  const exploring = EXPLORING[labId]!;
  const solution = lab.steps.flatMap((step) => step.solution);
  const commands: string[] = [];
  const between = Math.floor((COMMANDS - solution.length) / solution.length);
  for (const command of solution) {
    for (let index = 0; index < between; index++) commands.push(exploring[(commands.length + index) % exploring.length]!);
    commands.push(command);
  }
  while (commands.length < COMMANDS) commands.push(exploring[commands.length % exploring.length]!);
  return commands;
}

async function measure(labId: string) {
  const lab = labs.find((candidate) => candidate.id === labId)!;
  const commands = logOf(labId);
  const times: number[] = [];
  let completed = true;
  for (let run = 0; run < 6; run++) {
    const started = performance.now();
    const replay = await replayLab(lab, { startedAt: Date.parse("2026-03-01T12:00:00Z"), commands });
    if (run > 0) times.push(performance.now() - started);
    completed &&= replay.completed;
  }
  times.sort((a, b) => a - b);
  return { lab: labId, commands: commands.length, runs: times.length, medianMs: Number(times[Math.floor(times.length / 2)]!.toFixed(0)), maxMs: Number(times.at(-1)!.toFixed(0)), completed };
}

const rotation = await measure("secrets-rotation");
const integrations = await measure("integrations");
console.log(
  JSON.stringify({
    ...rotation,
    integrations,
    targets: [rotation, integrations].map((result) => ({
      name: `labs: replay of a 500-command log on the server < 1 s (${result.lab})`,
      value: `median ${result.medianMs} ms, slowest ${result.maxMs} ms (${result.runs} runs)`,
      met: result.maxMs < 1000 && result.completed,
    })),
  }),
);
