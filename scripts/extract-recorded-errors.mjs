/**
 * Maintainer script: collects the errors real AWS answered in LocalStack's
 * @aws_validated snapshot tests (recorded against AWS; Apache License 2.0)
 * for the services the sandbox simulates, as tests/fixtures/aws-recorded-errors.json:
 * one entry per distinct (service, code, message), with the snapshot test that
 * recorded it. tests/conformance/recorded-errors.test.ts reproduces each in the
 * sandbox (or says why it cannot), so the engine's texts come from AWS, not
 * from the engine.
 *
 *   npx tsx scripts/extract-recorded-errors.mjs [LOCALSTACK_GIT_DIR]
 *
 * The default is the snapshot fetched into /work/.mirror; CI never runs this.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const gitDir = process.argv[2] ?? "/work/.mirror/localstack+localstack/repo";
const git = (...args) => execFileSync("git", ["--git-dir", gitDir, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

const SERVICES = { kms: "tests/aws/services/kms/test_kms.snapshot.json", secretsmanager: "tests/aws/services/secretsmanager/test_secretsmanager.snapshot.json", ssm: "tests/aws/services/ssm/test_ssm.snapshot.json" };
const commit = git("rev-parse", "HEAD").trim();
const entries = new Map();

function walk(node, service, test, recordedDate, key) {
  if (Array.isArray(node)) return node.forEach((child) => walk(child, service, test, recordedDate, key));
  if (node === null || typeof node !== "object") return;
  if (node.Error && typeof node.Error === "object" && typeof node.Error.Code === "string") {
    const id = `${service}|${node.Error.Code}|${node.Error.Message ?? ""}`;
    if (!entries.has(id)) entries.set(id, { service, code: node.Error.Code, message: node.Error.Message ?? "", test, snapshotKey: key, recorded: recordedDate });
    return;
  }
  for (const [childKey, child] of Object.entries(node)) walk(child, service, test, recordedDate, key ?? childKey);
}

for (const [service, file] of Object.entries(SERVICES)) {
  const snapshots = JSON.parse(git("show", `HEAD:${file}`));
  for (const [test, snapshot] of Object.entries(snapshots)) {
    for (const [key, value] of Object.entries(snapshot["recorded-content"] ?? {})) walk(value, service, test.split("::").slice(1).join("::"), snapshot["recorded-date"], key);
  }
}

const out = {
  source: { repository: "localstack/localstack", commit, files: Object.values(SERVICES), license: "Apache-2.0", note: "Responses recorded from real AWS by LocalStack's snapshot tests (@markers.aws.validated); placeholders such as <key-arn> are LocalStack's transformers." },
  errors: [...entries.values()],
};
writeFileSync(path.join(root, "tests/fixtures/aws-recorded-errors.json"), `${JSON.stringify(out, null, 1)}\n`);
console.log(`${out.errors.length} recorded errors from ${commit.slice(0, 12)}`);
