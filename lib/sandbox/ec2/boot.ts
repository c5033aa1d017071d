import { fromBase64, utf8 } from "../core/encoding";
import type { OperationContext } from "../core/operation";
import { credentialVariables, issueRoleSession } from "../sts/credentials";
import { privateDnsName } from "./network";
import type { InstanceRecord } from "./state";

/**
 * An instance's first boot: cloud-init runs the user data once, as root,
 * when it is a shell script (it starts with "#!"). Its programs reach AWS
 * with the instance profile's role: on EC2 the CLI finds temporary
 * credentials of that role in the instance metadata service.
 *
 * NOTE: the sandbox hands the credentials to the script in
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN (there is no
 * metadata service), and AWS_DEFAULT_REGION (the CLI v2 on EC2 reads the
 * Region from the metadata too). The console shows only cloud-init's lines
 * about the user data, not a whole Linux boot log. #cloud-config and other
 * MIME parts are not run.
 */
export const USER_DATA_PATH = "/var/lib/cloud/instance/scripts/part-001";
/** CPU time a user data script may use in the sandbox. */
const USER_DATA_BUDGET_MS = 3_000;
/** Instance profile credentials last six hours. */
const INSTANCE_CREDENTIALS_SECONDS = 6 * 3600;

function stamp(ms: number): string {
  // cloud-init's final message: "Thu, 04 Dec 2026 23:00:00 +0000"
  return new Date(ms).toUTCString().replace("GMT", "+0000");
}

export function bootInstance(ctx: OperationContext, instance: InstanceRecord): void {
  const lines: string[] = [`cloud-init: booting ${instance.instanceId} (${instance.imageId})`];
  const script = instance.userData === undefined ? "" : decodeUserData(instance.userData);
  if (script === "") {
    lines.push("cloud-init: no user data");
  } else if (!script.startsWith("#!")) {
    lines.push(
      script.startsWith("#cloud-config")
        ? "cloud-init: #cloud-config user data is not run by the sandbox (only shell scripts that start with #!)"
        : "cloud-init: Unhandled non-multipart (text/x-not-multipart) userdata: 'b'" + JSON.stringify(script.slice(0, 20)).slice(1, -1) + "'...'",
    );
  } else {
    const env: Record<string, string> = {
      HOME: "/root",
      USER: "root",
      LOGNAME: "root",
      SHELL: "/bin/bash",
      PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin",
      PWD: "/",
      LANG: "C.UTF-8",
      HOSTNAME: privateDnsName(instance.privateIpAddress, ctx.region).split(".")[0] ?? "localhost",
      AWS_DEFAULT_REGION: ctx.region,
    };
    const role = roleOfProfile(ctx, instance);
    if (role) Object.assign(env, credentialVariables(issueRoleSession(ctx, ctx.accountId, role, instance.instanceId, INSTANCE_CREDENTIALS_SECONDS)));
    const result = ctx.runScript({
      program: script,
      name: USER_DATA_PATH,
      args: [],
      files: { [USER_DATA_PATH]: utf8.encode(script) },
      cwd: "/",
      env,
      budgetMs: USER_DATA_BUDGET_MS,
    });
    if (!result) {
      lines.push("cloud-init: the user data was not run: this sandbox has no shell (programs run only in the terminal's sandbox)");
    } else {
      const text = utf8.decode(result.output);
      for (const line of text.split("\n").slice(0, text.endsWith("\n") ? -1 : undefined)) lines.push(`cloud-init[2110]: ${line}`);
      if (result.timedOut) lines.push(`cloud-init[2110]: the sandbox stopped the script after ${USER_DATA_BUDGET_MS / 1000} s of CPU time`);
      if (result.exitCode !== 0) {
        lines.push(`cloud-init[2110]: util.py[WARNING]: Failed running ${USER_DATA_PATH} [${result.exitCode}]`);
        lines.push("cloud-init[2110]: cc_scripts_user.py[WARNING]: Failed to run module scripts_user (scripts in /var/lib/cloud/instance/scripts)");
      }
    }
  }
  lines.push(`Cloud-init v. sandbox finished at ${stamp(ctx.now)}. Datasource DataSourceEc2.  Up 1.00 seconds`);
  instance.consoleOutput = lines.join("\n") + "\n";
  instance.consoleUpdatedAt = ctx.now;
}

function decodeUserData(base64: string): string {
  try {
    return utf8.decode(fromBase64(base64));
  } catch {
    return "";
  }
}

/** The role of the instance's profile now (a profile's role can change after launch). */
function roleOfProfile(ctx: OperationContext, instance: InstanceRecord): string | undefined {
  if (!instance.iamInstanceProfile) return undefined;
  const iam = ctx.iamState(ctx.accountId);
  const role = iam?.instanceProfiles[instance.iamInstanceProfile.name]?.roles[0];
  return role && iam?.roles[role] ? role : undefined;
}
