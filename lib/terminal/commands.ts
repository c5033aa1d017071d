/**
 * Splits a block of shell text into the command lines a terminal would run
 * one after another, keeping a command that continues over several lines
 * (trailing backslash, open quote, unfinished `if`) together.
 */
export async function splitCommands(text: string, needsMoreInput: (text: string) => boolean | Promise<boolean>): Promise<string[]> {
  const commands: string[] = [];
  let pending: string[] = [];
  for (const line of text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n")) {
    pending.push(line);
    const command = pending.join("\n");
    if (command.trim() === "") {
      pending = [];
      continue;
    }
    if (!(await needsMoreInput(command))) {
      commands.push(command);
      pending = [];
    }
  }
  if (pending.length > 0) commands.push(pending.join("\n"));
  return commands;
}

/** The prompt bash would show for this working directory: ~ for home, as in `learner@sandbox:~$ `. */
export function promptText(cwd: string, home: string): string {
  const path = cwd === home ? "~" : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
  return `learner@sandbox:${path}$ `;
}

/** The same prompt in colour for the terminal (bold green user@host, bold blue path, as Debian's bashrc). */
export function colouredPrompt(cwd: string, home: string): string {
  const plain = promptText(cwd, home);
  const [userHost, rest] = [plain.slice(0, plain.indexOf(":")), plain.slice(plain.indexOf(":") + 1, -2)];
  return `\x1b[1;32m${userHost}\x1b[0m:\x1b[1;34m${rest}\x1b[0m$ `;
}
