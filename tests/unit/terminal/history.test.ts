import { describe, expect, it } from "vitest";
import { CommandHistory, HISTORY_STORAGE_KEY } from "@/lib/terminal/history";

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

describe("command history for the arrow keys", () => {
  it("goes back with Up and forward with Down, then returns to the line being typed", () => {
    const history = new CommandHistory(["ls", "pwd"]);
    expect(history.previous("ec")).toBe("pwd");
    expect(history.previous("pwd")).toBe("ls");
    expect(history.previous("ls")).toBeUndefined();
    expect(history.next()).toBe("pwd");
    expect(history.next()).toBe("ec");
    expect(history.next()).toBeUndefined();
  });

  it("leaves out blank lines and immediate repeats, as bash's ignoredups does", () => {
    const history = new CommandHistory();
    for (const command of ["ls", "ls", "  ", "pwd", "ls"]) history.add(command);
    expect(history.list()).toEqual(["ls", "pwd", "ls"]);
  });

  it("keeps at most its limit, dropping the oldest", () => {
    const history = new CommandHistory([], 3);
    for (const command of ["a", "b", "c", "d"]) history.add(command);
    expect(history.list()).toEqual(["b", "c", "d"]);
  });

  it("is saved to and read back from storage", () => {
    const storage = memoryStorage();
    CommandHistory.persisted(storage).add("aws kms list-keys");
    expect(JSON.parse(storage.values.get(HISTORY_STORAGE_KEY)!)).toEqual(["aws kms list-keys"]);
    expect(CommandHistory.persisted(storage).previous("")).toBe("aws kms list-keys");
  });

  it("starts empty from a corrupt value and survives storage that refuses writes", () => {
    const storage = { ...memoryStorage({ [HISTORY_STORAGE_KEY]: "{not json" }), setItem: () => { throw new Error("QuotaExceededError"); } };
    const history = CommandHistory.persisted(storage);
    expect(history.list()).toEqual([]);
    history.add("ls");
    expect(history.list()).toEqual(["ls"]);
  });
});
