import { beforeAll, describe, expect, it } from "vitest";
import { buildCourse, type Course } from "@/lib/content/course";
import { createSandbox } from "@/lib/sandbox";

/**
 * The course never shows a command the sandbox cannot run: every shell block
 * of every chapter that runs `aws` is run, in reading order, in a fresh
 * session of the chapter's scenario. A service error (exit 254) can be the
 * lesson (a key pending deletion refuses to encrypt); a usage error (252), a
 * client error (255) or an unknown command (127) means the course printed
 * something the sandbox does not understand.
 */
let course: Course;
beforeAll(async () => {
  course = await buildCourse();
});

describe("every aws command the chapters print", () => {
  it("runs in the sandbox's chapter scenario without a usage or client error", async () => {
    const problems: string[] = [];
    let commands = 0;
    for (const chapter of course.chapters) {
      const session = createSandbox({ scenario: "chapter-27", seed: 27, now: "2026-11-28T09:00:00Z" });
      for (const section of chapter.sections) {
        for (const block of section.facts.commandBlocks) {
          // Lines are fed as a terminal would: continuation lines and open
          // blocks accumulate until the command is complete.
          let pending = "";
          for (const line of block.code.split("\n")) {
            pending = pending ? `${pending}\n${line}` : line;
            if (session.needsMoreInput(pending)) continue;
            const command = pending;
            pending = "";
            const result = await session.run(command);
            if (command.trim() && !command.trim().startsWith("#")) commands += 1;
            if ([2, 127, 252, 253, 255].includes(result.exitCode)) {
              problems.push(`${section.file}:${block.line}: exit ${result.exitCode} for \`${command.trim().replace(/\s*\\\n\s*/g, " ")}\`: ${result.stderr.trim().split("\n").slice(-2).join(" ")}`);
            }
          }
          if (pending) problems.push(`${section.file}:${block.line}: the block ends inside an unfinished command`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(commands).toBeGreaterThan(50);
  });
});
