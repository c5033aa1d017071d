import type * as YamlModule from "yaml";

/**
 * YAML templates, read with the `yaml` package and CloudFormation's
 * short-form tags (`!Ref`, `!Sub`, `!GetAtt a.b`, `!Join [...]`, ...), each
 * turned into its long form (`{ "Ref": ... }`, `{ "Fn::Sub": ... }`).
 *
 * The package is the tools' (tools.ts provides it, as it provides re2js to
 * the shell): the browser's sandbox worker opens a session without YAML
 * (tests/unit/workspace/worker-bundle.test.ts keeps `node_modules/yaml` out of
 * its first load), and every command, CreateStack included, runs after the
 * tools are attached. An engine used without the tools reads JSON templates
 * and answers that it cannot read YAML until `provideYaml` is called.
 *
 * NOTE: CloudFormation reads YAML 1.1; the sandbox reads YAML 1.2 (core
 * schema), so unquoted `yes`/`no`/`on`/`off` stay strings and octal-looking
 * numbers are decimal.
 */

let loaded: typeof YamlModule | undefined;

/** Gives the engine its YAML reader (tools.ts does, with the package the CLI uses too). */
export function provideYaml(module: typeof YamlModule): void {
  loaded = module;
}

/** Long forms of the short-form tags (user guide, "Intrinsic function reference"; Condition and Ref are not Fn::). */
const SHORT_FORMS: Record<string, string> = {
  Ref: "Ref",
  Condition: "Condition",
  Sub: "Fn::Sub",
  GetAtt: "Fn::GetAtt",
  Join: "Fn::Join",
  Base64: "Fn::Base64",
  Select: "Fn::Select",
  Split: "Fn::Split",
  GetAZs: "Fn::GetAZs",
  If: "Fn::If",
  Equals: "Fn::Equals",
  And: "Fn::And",
  Or: "Fn::Or",
  Not: "Fn::Not",
  FindInMap: "Fn::FindInMap",
  ImportValue: "Fn::ImportValue",
  Cidr: "Fn::Cidr",
  ToJsonString: "Fn::ToJsonString",
  Length: "Fn::Length",
};

function customTags(): YamlModule.Tags {
  const tags: YamlModule.Tags = [];
  for (const [short, long] of Object.entries(SHORT_FORMS)) {
    tags.push({
      tag: `!${short}`,
      // !GetAtt Resource.Attribute: the first dot separates the two (attributes may contain dots).
      resolve: (text: string) => ({ [long]: short === "GetAtt" ? splitGetAtt(text) : text }),
    } as YamlModule.ScalarTag);
    tags.push({ tag: `!${short}`, collection: "seq", resolve: (seq: YamlModule.YAMLSeq) => ({ [long]: seq.toJSON() }) } as unknown as YamlModule.CollectionTag);
    tags.push({ tag: `!${short}`, collection: "map", resolve: (map: YamlModule.YAMLMap) => ({ [long]: map.toJSON() }) } as unknown as YamlModule.CollectionTag);
  }
  return tags;
}

function splitGetAtt(text: string): string[] {
  const dot = text.indexOf(".");
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

export type YamlParseResult = { ok: true; value: unknown } | { ok: false; line: number; column: number } | { ok: false; notLoaded: true };

export function parseYaml(text: string): YamlParseResult {
  if (!loaded) return { ok: false, notLoaded: true };
  const document = loaded.parseDocument(text, { customTags: customTags(), prettyErrors: true });
  // An unknown tag (`!Nope`) is only a warning to the package; CloudFormation cannot read such a template.
  const problem = document.errors[0] ?? document.warnings.find((warning) => warning.code === "TAG_RESOLVE_FAILED");
  if (problem) {
    const position = problem.linePos?.[0];
    return { ok: false, line: position?.line ?? 1, column: position?.col ?? 1 };
  }
  return { ok: true, value: document.toJS({ maxAliasCount: 100 }) };
}
