/**
 * What bash's `time` prints after the pipeline it timed, following
 * TIMEFORMAT: %[p][l]R, U and S (real, user and system seconds, with p
 * decimals, 0 to 3, and l for the MmS.FFFs form), %P (CPU percentage) and
 * %%. bash's default and `time -p`'s POSIX format are below.
 */

export const DEFAULT_TIME_FORMAT = "\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS";
export const POSIX_TIME_FORMAT = "real %2R\nuser %2U\nsys %2S";

/** Milliseconds. */
export interface Times {
  real: number;
  user: number;
  sys: number;
}

/** `0.000`, or with `long` `0m0.000s`: fractions are cut, not rounded, to `precision` digits, as bash does. */
function seconds(ms: number, precision: number, long: boolean): string {
  const whole = Math.floor(ms / 1000);
  const fraction = precision === 0 ? "" : `.${String(Math.floor(ms % 1000)).padStart(3, "0").slice(0, precision)}`;
  return long ? `${Math.floor(whole / 60)}m${whole % 60}${fraction}s` : `${whole}${fraction}`;
}

/** The report with its final newline; "" for an empty format. An invalid format gives only bash's warning, as bash does. */
export function timeReport(format: string, times: Times): string {
  if (format === "") return "";
  let text = "";
  for (let index = 0; index < format.length; index++) {
    const char = format[index] as string;
    if (char !== "%") {
      text += char;
      continue;
    }
    let next = format[++index];
    if (next === undefined || next === "%") {
      text += "%";
      continue;
    }
    if (next === "P") {
      // With no time passed there is nothing to divide by: 0.
      const percent = times.real === 0 ? 0 : Math.min(100, ((times.user + times.sys) * 100) / times.real);
      text += percent.toFixed(2);
      continue;
    }
    let precision = 3;
    if (next >= "0" && next <= "9") {
      precision = Math.min(3, Number(next));
      next = format[++index];
    }
    const long = next === "l";
    if (long) next = format[++index];
    if (next !== "R" && next !== "U" && next !== "S") return `bash: TIMEFORMAT: \`${next ?? "\0"}': invalid format character\n`;
    text += seconds(next === "R" ? times.real : next === "U" ? times.user : times.sys, precision, long);
  }
  return `${text}\n`;
}
