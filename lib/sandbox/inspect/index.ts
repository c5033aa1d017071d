/**
 * Read-only views of the engine's state for the workspace's panes and
 * visualisers. Pure functions over `Sandbox.peek()`: they copy what they
 * return and never change the state.
 */
export { describeResources, machineStateName, type ResourcesView, type ResourceScope, type KeyView, type KeyMaterialView, type SecretView, type SecretVersionView, type ParameterView, type ParameterVersionView, type FunctionView, type DatabaseView, type InstanceView, type CodeFunctionView, type StackView } from "./resources";
export { queryActivity, isDenied, type ActivityQuery, type ActivityPage, type ActivityOutcome } from "./activity";
export { describeClock, scheduledLabel, resourceShortName, type ClockView, type ScheduledView } from "./clock";
