import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/course";
import { questionBank, type BankQuestion } from "@/lib/quiz/bank";
import { toQtiPackage } from "@/lib/quiz/export/qti";
import { sampleQuestion } from "./sample-question";

/**
 * The QTI 2.1 package, read back by Python's own zip and XML libraries (not
 * by this project's code): every file parses, the manifest lists one item
 * per question, and each item's correct response is the choice the MDX marks
 * right, with its text intact.
 */
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

const READ_PACKAGE = String.raw`
import json, sys, zipfile
import xml.etree.ElementTree as ET
QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
archive = zipfile.ZipFile(sys.argv[1])
manifest = ET.fromstring(archive.read("imsmanifest.xml"))
resources = [(r.get("identifier"), r.get("type"), r.get("href"), [f.get("href") for f in r.findall(CP + "file")]) for r in manifest.iter(CP + "resource")]
items = {}
for identifier, kind, href, files in resources:
    item = ET.fromstring(archive.read(href))
    correct = item.find(f"{QTI}responseDeclaration/{QTI}correctResponse/{QTI}value").text
    interaction = item.find(f"{QTI}itemBody/{QTI}choiceInteraction")
    choices = {c.get("identifier"): c.text for c in interaction.findall(QTI + "simpleChoice")}
    items[identifier] = {"kind": kind, "files": files, "prompt": interaction.find(QTI + "prompt").text, "maxChoices": interaction.get("maxChoices"),
        "right": choices[correct], "choices": list(choices.values()), "feedback": item.find(QTI + "modalFeedback").text,
        "rp": [e.tag.replace(QTI, "") for e in item.find(QTI + "responseProcessing")]}
print(json.dumps({"names": archive.namelist(), "resources": [r[0] for r in resources], "items": items}))
`;

function readPackage(questions: BankQuestion[]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "qti-"));
  temporary.push(dir);
  const file = path.join(dir, "bank.zip");
  writeFileSync(file, toQtiPackage(questions));
  return JSON.parse(execFileSync("python3", ["-c", READ_PACKAGE, file], { encoding: "utf8" })) as {
    names: string[];
    resources: string[];
    items: Record<string, { kind: string; files: string[]; prompt: string; maxChoices: string; right: string; choices: string[]; feedback: string; rp: string[] }>;
  };
}

describe("the question bank as a QTI 2.1 package", () => {
  it("has a manifest and one single-choice item per question, whose correct response is the MDX's right choice", async () => {
    const bank = questionBank(await loadCourse());
    const read = readPackage(bank);
    expect(read.names).toEqual(["imsmanifest.xml", ...bank.map((question) => `items/${question.id}.xml`)]);
    expect(read.resources).toEqual(bank.map((question) => question.id));
    for (const question of bank) {
      const item = read.items[question.id]!;
      expect(item.kind).toBe("imsqti_item_xmlv2p1");
      expect(item.files).toEqual([`items/${question.id}.xml`]);
      expect(item.prompt).toBe(question.question);
      expect(item.maxChoices).toBe("1");
      expect(item.choices).toEqual(question.choices);
      expect(item.right).toBe(question.choices[question.answer]);
      expect(item.feedback).toBe(question.explanation);
      expect(item.rp).toEqual(["responseCondition", "setOutcomeValue"]);
    }
  });

  it("keeps XML's special characters as text", () => {
    const tricky = sampleQuestion({
      id: "3-policy",
      question: 'Which statement allows <kms:Decrypt> when "aws:SourceIp" & the key match?',
      choices: ['{"Effect": "Allow"} & <more>', "None"],
      answer: 0,
      explanation: "A < B & C > D",
    });
    const read = readPackage([tricky]);
    // An identifier cannot start with a digit in XML: the item's is prefixed, its file keeps the id.
    expect(read.resources).toEqual(["Q_3-policy"]);
    expect(read.items["Q_3-policy"]).toMatchObject({ prompt: tricky.question, right: tricky.choices[0], feedback: tricky.explanation });
  });
});
