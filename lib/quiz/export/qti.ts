/**
 * The question bank as an IMS QTI 2.1 content package (a zip), for an LMS
 * that imports QTI: `imsmanifest.xml` listing one `assessmentItem` file per
 * question. Each item is a `choiceInteraction` with its correct response,
 * a SCORE of 1 or 0, and the explanation as modal feedback shown after
 * answering. (Exam points are not carried: QTI would need LOM metadata for
 * them; GIFT and JSON carry them.)
 */
import { strToU8, zipSync } from "fflate";
import type { BankQuestion } from "../bank";

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

export function assessmentItem(question: BankQuestion): string {
  const choice = (index: number) => `C${index + 1}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<assessmentItem xmlns="${QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${QTI_NS} ${QTI_XSD}" identifier="${xmlText(qtiIdentifier(question.id))}" title="${xmlText(question.id)}" adaptive="false" timeDependent="false">`,
    '  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">',
    `    <correctResponse><value>${choice(question.answer)}</value></correctResponse>`,
    "  </responseDeclaration>",
    '  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"><defaultValue><value>0</value></defaultValue></outcomeDeclaration>',
    '  <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>',
    "  <itemBody>",
    '    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">',
    `      <prompt>${xmlText(question.question)}</prompt>`,
    ...question.choices.map((text, index) => `      <simpleChoice identifier="${choice(index)}">${xmlText(text)}</simpleChoice>`),
    "    </choiceInteraction>",
    "  </itemBody>",
    "  <responseProcessing>",
    "    <responseCondition>",
    '      <responseIf><match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match><setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue></responseIf>',
    '      <responseElse><setOutcomeValue identifier="SCORE"><baseValue baseType="float">0</baseValue></setOutcomeValue></responseElse>',
    "    </responseCondition>",
    '    <setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">EXPLANATION</baseValue></setOutcomeValue>',
    "  </responseProcessing>",
    `  <modalFeedback outcomeIdentifier="FEEDBACK" showHide="show" identifier="EXPLANATION">${xmlText(question.explanation)}</modalFeedback>`,
    "</assessmentItem>",
    "",
  ].join("\n");
}

export const itemPath = (question: BankQuestion) => `items/${question.id}.xml`;

export function manifest(questions: readonly BankQuestion[]): string {
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

/** The package's bytes (zip): the manifest and one file per question. */
export function toQtiPackage(questions: readonly BankQuestion[]): Uint8Array {
  const files: Record<string, Uint8Array> = { "imsmanifest.xml": strToU8(manifest(questions)) };
  for (const question of questions) files[itemPath(question)] = strToU8(assessmentItem(question));
  return zipSync(files, { level: 9, mtime: new Date("2026-01-01T00:00:00Z") });
}
