/**
 * Members ECS sets itself on a task definition: DescribeTaskDefinition returns them, and
 * RegisterTaskDefinition does not take them (ECS API Reference, TaskDefinition vs
 * RegisterTaskDefinitionRequest). One list for shape detection, the schema, the read-only-fields
 * rules and the client's register and compare code.
 */
export const DESCRIBE_ONLY_TASKDEF_FIELDS: readonly string[] = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
];
