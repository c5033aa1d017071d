import { describe, expect, it } from "vitest";
import { newSession, sh } from "../helpers";

const out = (text: string) => sh(text).stdout;

describe("echo", () => {
  it("prints its arguments separated by spaces", () => {
    expect(out("echo a  b   'c  d'")).toBe("a b c  d\n");
  });

  it("-n leaves out the newline; -e reads escapes; -E does not", () => {
    expect(out("echo -n a; echo b; echo -e 'x\\ty\\x41\\0102'; echo -E 'x\\ty'; echo -ne 'z\\n'")).toBe("ab\nx\tyAB\nx\\ty\nz\n");
  });

  it("stops at \\c", () => {
    expect(out("echo -e 'before\\cafter'; echo next")).toBe("beforenext\n");
  });

  it("prints an option it does not know as text", () => {
    expect(out("echo -x -- -n")).toBe("-x -- -n\n");
  });

  it("writes the bytes of \\x escapes", () => {
    const session = newSession();
    sh("echo -ne '\\xff\\x00' > b", session);
    expect(Array.from(session.fs.readFile("b"))).toEqual([0xff, 0x00]);
  });
});

describe("printf", () => {
  it("formats strings, integers, hexadecimal, octal, floating point and %", () => {
    expect(out("printf '%s|%5s|%-5s|%.2s|%d|%05d|%+d|%x|%X|%#x|%o|%.2f|%e|%g|%g|%%\\n' a b c xyz 42 42 42 255 255 255 8 3.14159 12345.678 0.0001 1e10")).toBe(
      "a|    b|c    |xy|42|00042|+42|ff|FF|0xff|10|3.14|1.234568e+04|0.0001|1e+10|%\n",
    );
  });

  it("reuses the format while arguments remain, and fills missing ones with empty or 0", () => {
    expect(out("printf '%s=%d\\n' a 1 b 2 c")).toBe("a=1\nb=2\nc=0\n");
  });

  it("reads escapes in the format and in %b arguments", () => {
    expect(out("printf 'a\\tb\\101\\n'; printf '%b\\n' 'x\\ty' 'stop\\cnever'")).toBe("a\tbA\nx\ty\nstop");
  });

  it("quotes for the shell with %q", () => {
    expect(out("printf '%q\\n' 'a b' \"it's\" plain")).toBe("a\\ b\nit\\'s\nplain\n");
  });

  it("reads numbers as bash does: hex, octal, characters", () => {
    expect(out("printf '%d %d %d\\n' 0x10 010 \"'A\"")).toBe("16 8 65\n");
  });

  it("reports bad numbers and formats", () => {
    expect(sh("printf '%d\\n' abc")).toMatchObject({ stdout: "0\n", stderr: "bash: printf: abc: invalid number\n", exitCode: 1 });
    expect(sh("printf '%y'")).toMatchObject({ stderr: "bash: printf: `y': invalid format character\n", exitCode: 1 });
    expect(sh("printf")).toMatchObject({ stderr: "printf: usage: printf [-v var] format [arguments]\n", exitCode: 2 });
  });

  it("stores into a variable with -v", () => {
    expect(out("printf -v v '%03d' 7; echo $v")).toBe("007\n");
  });
});
