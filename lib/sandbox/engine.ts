import type { ServiceSpec } from "./core/operation";
import { cloudFormationService } from "./cloudformation/service";
import { cloudTrailService } from "./cloudtrail/service";
import { ec2Service } from "./ec2/service";
import { kmsService } from "./kms/service";
import { lambdaService } from "./lambda/service";
import { Sandbox, type SandboxOptions } from "./sandbox";
import { secretsManagerService } from "./secrets-manager/service";
import { ssmService } from "./ssm/service";
import { stsService } from "./sts/service";

/** The simulated services, each with its operations. */
export const services: readonly ServiceSpec[] = [kmsService, secretsManagerService, ssmService, stsService, ec2Service, lambdaService, cloudFormationService, cloudTrailService];

/** A simulated AWS account world with no session around it (see createSandbox for engine + files + shell). */
export function createEngine(options: SandboxOptions = {}): Sandbox {
  return new Sandbox(services, options);
}
