/**
 * The question bank as an IMS QTI 2.1 content package (a zip), for an LMS
 * that imports QTI: `imsmanifest.xml` listing one `assessmentItem` file per
 * question. Each type uses QTI's own interaction:
 *
 * - single choice: `choiceInteraction`, maxChoices 1;
 * - multiple response: `choiceInteraction` with cardinality multiple and
 *   maxChoices 0 (the learner decides how many);
 * - ordering: `orderInteraction` (ordered cardinality, shuffled);
 * - matching: `matchInteraction` of prompts to options (directedPair),
 *   an option usable by as many prompts as there are.
 *
 * Scoring is QTI's match_correct written out: SCORE 1 when the whole
 * response equals the correct one, else 0, which is how the exam scores.
 * The explanation and every option's reason are the modal feedback shown
 * after answering. Exam points are not carried (QTI would need LOM metadata);
 * GIFT and JSON carry them. Sandbox tasks need the sandbox and are left out.
 */
import { strToU8, zipSync } from "fflate";
import { isChoiceQuestion, type BankQuestion, type ChoiceQuestion } from "../bank";

const QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1";
const QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd";
const CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1";
const CP_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd";

export function xmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** QTI identifiers are XML names: the bank's kebab-case ids are, unless one starts with a digit. */
export function qtiIdentifier(id: string): string {
  return /^[A-Za-z_]/.test(id) ? id : `Q_${id}`;
}

const choiceId = (index: number) => `C${index + 1}`;
const promptId = (index: number) => `P${index + 1}`;
const optionId = (index: number) => `O${index + 1}`;

interface Parts {
  cardinality: "single" | "multiple" | "ordered";
  baseType: "identifier" | "directedPair";
  correct: string[];
  interaction: string[];
  reasons: { label: string; why: string }[];
}

function parts(question: ChoiceQuestion): Parts {
  const prompt = `      <prompt>${xmlText(question.question)}</prompt>`;
  switch (question.type) {
    case "single-choice":
    case "multiple-response": {
      const single = question.type === "single-choice";
      return {
        cardinality: single ? "single" : "multiple",
        baseType: "identifier",
        correct: (single ? [question.answer] : question.answers).map(choiceId),
        interaction: [
          `    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="${single ? 1 : 0}">`,
          prompt,
          ...question.choices.map((choice, index) => `      <simpleChoice identifier="${choiceId(index)}">${xmlText(choice.text)}</simpleChoice>`),
          "    </choiceInteraction>",
        ],
        reasons: question.choices.map((choice) => ({ label: choice.text, why: choice.why })),
      };
    }
    case "ordering":
      return {
        cardinality: "ordered",
        baseType: "identifier",
        correct: question.items.map((_, index) => choiceId(index)),
        interaction: [
          '    <orderInteraction responseIdentifier="RESPONSE" shuffle="true">',
          prompt,
          ...question.items.map((item, index) => `      <simpleChoice identifier="${choiceId(index)}">${xmlText(item.text)}</simpleChoice>`),
          "    </orderInteraction>",
        ],
        reasons: question.items.map((item) => ({ label: item.text, why: item.why })),
      };
    case "matching":
      return {
        cardinality: "multiple",
        baseType: "directedPair",
        correct: question.prompts.map((entry, index) => `${promptId(index)} ${optionId(entry.answer)}`),
        interaction: [
          `    <matchInteraction responseIdentifier="RESPONSE" shuffle="false" maxAssociations="${question.prompts.length}">`,
          prompt,
          "      <simpleMatchSet>",
          ...question.prompts.map((entry, index) => `        <simpleAssociableChoice identifier="${promptId(index)}" matchMax="1">${xmlText(entry.text)}</simpleAssociableChoice>`),
          "      </simpleMatchSet>",
          "      <simpleMatchSet>",
          ...question.options.map(
            (option, index) => `        <simpleAssociableChoice identifier="${optionId(index)}" matchMax="${question.prompts.length}">${xmlText(option)}</simpleAssociableChoice>`,
          ),
          "      </simpleMatchSet>",
          "    </matchInteraction>",
        ],
        reasons: question.prompts.map((entry) => ({ label: entry.text, why: entry.why })),
      };
  }
}

export function assessmentItem(question: ChoiceQuestion): string {
  const { cardinality, baseType, correct, interaction, reasons } = parts(question);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<assessmentItem xmlns="${QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${QTI_NS} ${QTI_XSD}" identifier="${xmlText(qtiIdentifier(question.id))}" title="${xmlText(question.id)}" adaptive="false" timeDependent="false">`,
    `  <responseDeclaration identifier="RESPONSE" cardinality="${cardinality}" baseType="${baseType}">`,
    `    <correctResponse>${correct.map((value) => `<value>${value}</value>`).join("")}</correctResponse>`,
    "  </responseDeclaration>",
    '  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"><defaultValue><value>0</value></defaultValue></outcomeDeclaration>',
    '  <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>',
    "  <itemBody>",
    ...interaction,
    "  </itemBody>",
    "  <responseProcessing>",
    "    <responseCondition>",
    '      <responseIf><match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match><setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue></responseIf>',
    '      <responseElse><setOutcomeValue identifier="SCORE"><baseValue baseType="float">0</baseValue></setOutcomeValue></responseElse>',
    "    </responseCondition>",
    '    <setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">EXPLANATION</baseValue></setOutcomeValue>',
    "  </responseProcessing>",
    '  <modalFeedback outcomeIdentifier="FEEDBACK" showHide="show" identifier="EXPLANATION">',
    `    <p>${xmlText(question.explanation)}</p>`,
    "    <ul>",
    ...reasons.map((reason) => `      <li><strong>${xmlText(reason.label)}</strong>: ${xmlText(reason.why)}</li>`),
    "    </ul>",
    "  </modalFeedback>",
    "</assessmentItem>",
    "",
  ].join("\n");
}

export const itemPath = (question: BankQuestion) => `items/${question.id}.xml`;

export function manifest(questions: readonly ChoiceQuestion[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest xmlns="${CP_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${CP_NS} ${CP_XSD}" identifier="keystone-question-bank">`,
    "  <metadata><schema>QTIv2.1 Package</schema><schemaversion>1.0.0</schemaversion></metadata>",
    "  <organizations/>",
    "  <resources>",
    ...questions.map((question) =>
      [
        `    <resource identifier="${xmlText(qtiIdentifier(question.id))}" type="imsqti_item_xmlv2p1" href="${xmlText(itemPath(question))}">`,
        `      <file href="${xmlText(itemPath(question))}"/>`,
        "    </resource>",
      ].join("\n"),
    ),
    "  </resources>",
    "</manifest>",
    "",
  ].join("\n");
}

/** The package's bytes (zip): the manifest and one file per question (sandbox tasks left out). */
export function toQtiPackage(bank: readonly BankQuestion[]): Uint8Array {
  const questions = bank.filter(isChoiceQuestion);
  const files: Record<string, Uint8Array> = { "imsmanifest.xml": strToU8(manifest(questions)) };
  for (const question of questions) files[itemPath(question)] = strToU8(assessmentItem(question));
  return zipSync(files, { level: 9, mtime: new Date("2026-01-01T00:00:00Z") });
}
