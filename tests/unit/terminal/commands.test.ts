import { describe, expect, it } from "vitest";
import { colouredPrompt, promptText, splitCommands } from "@/lib/terminal/commands";
import { displayWidth } from "@/lib/terminal/render";

const continues = (text: string) => /\\$/.test(text);

describe("splitting a code block into the commands it runs", () => {
  it("keeps backslash-continued lines together and skips blank lines", async () => {
    const block = 'echo "Hello, KMS!" > plaintext.txt\naws kms encrypt \\\n    --key-id alias/my-key \\\n    --plaintext fileb://plaintext.txt\n\nls\n';
    expect(await splitCommands(block, continues)).toEqual(['echo "Hello, KMS!" > plaintext.txt', "aws kms encrypt \\\n    --key-id alias/my-key \\\n    --plaintext fileb://plaintext.txt", "ls"]);
  });

  it("runs an unfinished last command as it is (the shell reports it)", async () => {
    expect(await splitCommands("echo a \\", continues)).toEqual(["echo a \\"]);
  });
});

describe("the prompt", () => {
  it("shows home as ~ and other directories in full", () => {
    expect(promptText("/home/learner", "/home/learner")).toBe("learner@sandbox:~$ ");
    expect(promptText("/home/learner/keys", "/home/learner")).toBe("learner@sandbox:~/keys$ ");
    expect(promptText("/tmp", "/home/learner")).toBe("learner@sandbox:/tmp$ ");
  });

  it("has the same width in colour", () => {
    expect(displayWidth(colouredPrompt("/tmp", "/home/learner"))).toBe(promptText("/tmp", "/home/learner").length);
  });
});
