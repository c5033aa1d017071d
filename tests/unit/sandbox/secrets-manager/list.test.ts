import { describe, expect, it } from "vitest";
import { expectError, sandbox, sm } from "./helpers";

function catalogue() {
  const box = sandbox();
  sm(box, "CreateSecret", { Name: "prod/db/password", SecretString: "a", Description: "Database Password", Tags: [{ Key: "env", Value: "prod" }] });
  box.advanceClock(1000);
  sm(box, "CreateSecret", { Name: "prod/api-key", SecretString: "b", Tags: [{ Key: "env", Value: "prod" }, { Key: "team", Value: "payments" }] });
  box.advanceClock(1000);
  sm(box, "CreateSecret", { Name: "dev/db/password", SecretString: "c", Description: "dev database", Tags: [{ Key: "env", Value: "dev" }] });
  box.advanceClock(1000);
  sm(box, "CreateSecret", { Name: "Prod/legacy", SecretString: "d" });
  return box;
}

const names = (out: Record<string, unknown>) => (out["SecretList"] as { Name: string }[]).map((secret) => secret.Name);

describe("ListSecrets", () => {
  it("lists secrets without their values, with SecretVersionsToStages", () => {
    const box = catalogue();
    const entry = (sm(box, "ListSecrets")["SecretList"] as Record<string, unknown>[]).find((secret) => secret["Name"] === "prod/api-key");
    expect(entry).toBeDefined();
    expect(Object.keys(entry ?? {})).toEqual(["ARN", "Name", "LastChangedDate", "Tags", "SecretVersionsToStages", "CreatedDate"]);
  });

  it("sorts by creation date, newest first unless SortOrder is asc", () => {
    const box = catalogue();
    expect(names(sm(box, "ListSecrets"))).toEqual(["Prod/legacy", "dev/db/password", "prod/api-key", "prod/db/password"]);
    expect(names(sm(box, "ListSecrets", { SortOrder: "asc" }))).toEqual(["prod/db/password", "prod/api-key", "dev/db/password", "Prod/legacy"]);
    expect(names(sm(box, "ListSecrets", { SortBy: "name", SortOrder: "asc" }))).toEqual(["Prod/legacy", "dev/db/password", "prod/api-key", "prod/db/password"]);
  });

  it("filters names by case-sensitive prefix, descriptions by case-insensitive word prefixes", () => {
    const box = catalogue();
    expect(names(sm(box, "ListSecrets", { Filters: [{ Key: "name", Values: ["prod/"] }] }))).toEqual(["prod/api-key", "prod/db/password"]);
    expect(names(sm(box, "ListSecrets", { Filters: [{ Key: "description", Values: ["database"] }] }))).toEqual(["dev/db/password", "prod/db/password"]);
    expect(names(sm(box, "ListSecrets", { Filters: [{ Key: "description", Values: ["data pass"] }] }))).toEqual(["prod/db/password"]);
    expect(names(sm(box, "ListSecrets", { Filters: [{ Key: "description", Values: ["dev", "PASS"] }] }))).toEqual(["dev/db/password", "prod/db/password"]);
  });

  it("combines the words of a description filter as AWS does (LocalStack's test_list_secrets_filtering, validated against AWS)", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "testing1/one", SecretString: "secret", Description: "a secret" });
    sm(box, "CreateSecret", { Name: "/testing2/two", SecretString: "secret", Description: "an secret" });
    sm(box, "CreateSecret", { Name: "testing3/three", SecretString: "secret", Description: "asecret" });
    sm(box, "CreateSecret", { Name: "/testing4/four", SecretString: "secret", Description: "thesecret" });
    const filtered = (filters: { Key: string; Values: string[] }[]) => names(sm(box, "ListSecrets", { Filters: filters, SortBy: "name", SortOrder: "asc" }));
    expect(filtered([{ Key: "name", Values: ["/"] }])).toEqual(["/testing2/two", "/testing4/four"]);
    expect(filtered([{ Key: "name", Values: ["!/"] }])).toEqual(["testing1/one", "testing3/three"]);
    expect(filtered([{ Key: "name", Values: ["testing1 one"] }])).toEqual([]);
    expect(filtered([{ Key: "description", Values: ["a"] }])).toEqual(["/testing2/two", "testing1/one", "testing3/three"]);
    expect(filtered([{ Key: "description", Values: ["!a"] }])).toEqual(["/testing4/four"]);
    expect(filtered([{ Key: "description", Values: ["a secret"] }])).toEqual(["/testing2/two", "testing1/one"]);
    expect(filtered([{ Key: "description", Values: ["!c"] }])).toHaveLength(4);
    expect(filtered([{ Key: "description", Values: ["a"] }, { Key: "name", Values: ["secret"] }])).toEqual([]);
    expect(filtered([{ Key: "description", Values: ["a"] }, { Key: "name", Values: ["an"] }])).toEqual([]);
  });

  it("filters by tag keys and values, all filters together", () => {
    const box = catalogue();
    expect(names(sm(box, "ListSecrets", { Filters: [{ Key: "tag-key", Values: ["team"] }] }))).toEqual(["prod/api-key"]);
    expect(names(sm(box, "ListSecrets", { Filters: [{ Key: "tag-value", Values: ["prod"] }, { Key: "name", Values: ["prod/db"] }] }))).toEqual(["prod/db/password"]);
  });

  it("negates a value that starts with !", () => {
    const box = catalogue();
    expect(names(sm(box, "ListSecrets", { Filters: [{ Key: "name", Values: ["!prod/"] }] }))).toEqual(["Prod/legacy", "dev/db/password"]);
    expect(names(sm(box, "ListSecrets", { Filters: [{ Key: "tag-value", Values: ["!dev"] }, { Key: "tag-key", Values: ["env"] }] }))).toEqual(["prod/api-key", "prod/db/password"]);
  });

  it("searches all attributes word by word with the all filter, ignoring case", () => {
    const box = catalogue();
    expect(names(sm(box, "ListSecrets", { Filters: [{ Key: "all", Values: ["payments"] }] }))).toEqual(["prod/api-key"]);
    expect(names(sm(box, "ListSecrets", { Filters: [{ Key: "all", Values: ["DB password"] }] }))).toEqual(["dev/db/password", "prod/db/password"]);
  });

  it("pages with MaxResults and NextToken", () => {
    const box = catalogue();
    const first = sm(box, "ListSecrets", { MaxResults: 3 });
    expect(names(first)).toHaveLength(3);
    const second = sm(box, "ListSecrets", { MaxResults: 3, NextToken: first["NextToken"] });
    expect(names(second)).toEqual(["prod/db/password"]);
    expect(second["NextToken"]).toBeUndefined();
  });

  it("hides secrets scheduled for deletion unless IncludePlannedDeletion", () => {
    const box = catalogue();
    sm(box, "DeleteSecret", { SecretId: "Prod/legacy" });
    expect(names(sm(box, "ListSecrets"))).not.toContain("Prod/legacy");
    const all = sm(box, "ListSecrets", { IncludePlannedDeletion: true });
    expect(names(all)).toContain("Prod/legacy");
    expect((all["SecretList"] as Record<string, unknown>[]).find((secret) => secret["Name"] === "Prod/legacy")?.["DeletedDate"]).toEqual(expect.any(Number));
  });

  it("refuses an unknown filter key with AWS's ValidationException", () => {
    expectError(
      () => sm(sandbox(), "ListSecrets", { Filters: [{ Key: "colour", Values: ["red"] }] }),
      "ValidationException",
      "1 validation error detected: Value 'colour' at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set: [description, name, tag-key, tag-value, primary-region, owning-service, all]",
    );
  });

  it("refuses a filter without Key or without Values as the service does (moto's texts; the model requires neither)", () => {
    expectError(() => sm(sandbox(), "ListSecrets", { Filters: [{ Values: ["prod"] }] }), "InvalidParameterException", "Invalid filter key");
    expectError(() => sm(sandbox(), "ListSecrets", { Filters: [{ Key: "name" }] }), "InvalidParameterException", "Invalid filter values for key: name");
    expectError(() => sm(sandbox(), "BatchGetSecretValue", { Filters: [{ Key: "tag-key" }] }), "InvalidParameterException", "Invalid filter values for key: tag-key");
  });

  it("checks filter values against the model's pattern", () => {
    expect(names(sm(catalogue(), "ListSecrets", { Filters: [{ Key: "name", Values: ["!prod/db", "prod"] }] }))).toEqual(["prod/api-key"]);
    expectError(
      () => sm(sandbox(), "ListSecrets", { Filters: [{ Key: "name", Values: ["a#b"] }] }),
      "ValidationException",
      "1 validation error detected: Value 'a#b' at 'filters.1.member.values.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: ^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$",
    );
  });

  it("checks MaxResults against 1-100", () => {
    expectError(() => sm(sandbox(), "ListSecrets", { MaxResults: 101 }), "ValidationException", /'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100/);
  });
});
