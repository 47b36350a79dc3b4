import type { TaskDefRule, LaunchRule } from '../types';
import { misspelledKeys } from './spelling';

const docs = (what: string) => ({
  what,
  why: "CloudFormation property names are case-sensitive and some differ from the ECS API's: `EFSVolumeConfiguration`, `FilesystemId`, `AuthorizationConfig.IAM`, `ProxyConfigurationProperties`, and `AwsvpcConfiguration` (Service, Scheduler, Pipes) vs `AwsVpcConfiguration` (TaskSet, Events rule). A property spelled the API way is unknown to CloudFormation and the template fails validation; even published examples get `FileSystemId` wrong.",
  fix: 'Rename the property to the CloudFormation spelling (quick fix).',
});

/** A task-definition property spelled the ECS API way (or in the wrong case) in a template. */
export const propertySpelling: TaskDefRule = {
  id: 'cfn/property-spelling',
  scope: 'taskdef',
  severity: 'error',
  title: 'CloudFormation spelling of a task-definition property',
  docs: docs('An `AWS::ECS::TaskDefinition` property is not spelled the way CloudFormation spells it.'),
  check({ td, doc }) {
    return td.shape === 'cfn' ? misspelledKeys(this.id, td.root, 'task-definition', doc) : [];
  },
};

const WHERE: Partial<Record<string, string>> = {
  'cfn-service': 'AWS::ECS::Service',
  'cfn-taskset': 'AWS::ECS::TaskSet',
  'cfn-events-rule': 'Events rule EcsParameters',
  'cfn-scheduler': 'Scheduler EcsParameters',
  'cfn-pipes': 'Pipes EcsTaskParameters',
};

/** A property of a launching resource (Service, TaskSet, Events/Scheduler/Pipes ECS target) misspelled. */
export const launchPropertySpelling: LaunchRule = {
  id: 'cfn/launch-property-spelling',
  scope: 'launch',
  severity: 'error',
  title: 'CloudFormation spelling of a service or ECS target property',
  docs: docs('A property of an `AWS::ECS::Service`, `AWS::ECS::TaskSet` or an Events / Scheduler / Pipes ECS target is not spelled the way CloudFormation spells it for that resource type.'),
  check({ launch, doc }) {
    const where = WHERE[launch.kind];
    return where ? misspelledKeys(this.id, launch.node, where, doc) : [];
  },
};
