import * as z from "zod";
import { inputs } from "../../contracts/ec2";
import { toBase64, utf8 } from "../../core/encoding";
import { defineOperation } from "../../core/operation";
import { authorizeEc2 } from "../access";
import * as errors from "../errors";
import { instanceArn } from "../view";
import { findInstance } from "./instances";

/**
 * What an instance printed (GetConsoleOutput) and its user data
 * (DescribeInstanceAttribute): both are base64 on the wire. The CLI decodes
 * the console output for you (botocore's decode_console_output), not the
 * user data. Anyone allowed ec2:DescribeInstanceAttribute can read user
 * data, which is why secrets do not belong in it.
 */
export const getConsoleOutput = defineOperation({
  name: "GetConsoleOutput",
  input: inputs.GetConsoleOutput,
  readOnly: true,
  handler(ctx, input) {
    const instance = findInstance(ctx, input.InstanceId);
    authorizeEc2(ctx, "ec2:GetConsoleOutput", instanceArn(ctx.region, ctx.accountId, instance.instanceId));
    return {
      InstanceId: instance.instanceId,
      Timestamp: (instance.consoleUpdatedAt ?? ctx.now) / 1000,
      ...(instance.consoleOutput ? { Output: toBase64(utf8.encode(instance.consoleOutput)) } : {}),
    };
  },
});

/** The attributes the model lists (InstanceAttributeName). */
const ATTRIBUTES: readonly string[] = inputs.DescribeInstanceAttribute.shape.Attribute.options;
type Attribute = z.output<typeof inputs.DescribeInstanceAttribute>["Attribute"];
const isAttribute = (name: string): name is Attribute => ATTRIBUTES.includes(name);

/**
 * The model's Attribute is an enum, but EC2 does not answer a value outside it with a ValidationException: it says
 * InvalidParameterValue "Value (enaSupport) for parameter attribute is invalid. Unknown attribute." (recorded,
 * https://github.com/aws/aws-cli/issues/4273). So the contract's request is taken with Attribute as any string,
 * and the handler checks it against the model's list in EC2's words.
 */
export const describeInstanceAttribute = defineOperation({
  name: "DescribeInstanceAttribute",
  input: inputs.DescribeInstanceAttribute.extend({ Attribute: z.string() }),
  readOnly: true,
  handler(ctx, input) {
    const attribute = input.Attribute;
    if (!isAttribute(attribute)) throw errors.invalidParameterValue(`Value (${attribute}) for parameter attribute is invalid. Unknown attribute.`);
    const instance = findInstance(ctx, input.InstanceId);
    authorizeEc2(ctx, "ec2:DescribeInstanceAttribute", instanceArn(ctx.region, ctx.accountId, instance.instanceId));
    const value = (() => {
      switch (attribute) {
        case "userData":
          return { UserData: instance.userData === undefined ? {} : { Value: instance.userData } };
        case "instanceType":
          return { InstanceType: { Value: instance.instanceType } };
        case "disableApiTermination":
          return { DisableApiTermination: { Value: false } };
        case "disableApiStop":
          return { DisableApiStop: { Value: false } };
        case "instanceInitiatedShutdownBehavior":
          return { InstanceInitiatedShutdownBehavior: { Value: "stop" } };
        case "rootDeviceName":
          return { RootDeviceName: { Value: "/dev/xvda" } };
        case "sourceDestCheck":
          return { SourceDestCheck: { Value: true } };
        case "ebsOptimized":
          return { EbsOptimized: { Value: false } };
        case "enaSupport":
          return { EnaSupport: { Value: true } };
        case "blockDeviceMapping":
          return { BlockDeviceMappings: [] };
        case "productCodes":
          return { ProductCodes: [] };
        case "groupSet":
          return { Groups: [] };
        default:
          // kernel, ramdisk, sriovNetSupport, enclaveOptions: nothing set on the sandbox's images.
          return {};
      }
    })();
    return { InstanceId: instance.instanceId, ...value };
  },
});
