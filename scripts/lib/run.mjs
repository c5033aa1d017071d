import { spawn } from "node:child_process";

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a command and stops this process, with `hint` if given, when it fails. */
export async function mustRun(command, args, options = {}, hint = "") {
  const code = await run(command, args, options);
  if (code !== 0) {
    console.error(`\n✖ ${command} ${args.join(" ")} exited with ${code}${hint ? `\n  ${hint}` : ""}`);
    process.exit(code);
  }
}

export const bin = (name) => `node_modules/.bin/${name}`;
