/**
 * The task-definition and launch views of a template's resources: `AWS::ECS::TaskDefinition` becomes a
 * TaskDefModel; `AWS::ECS::Service`, `AWS::ECS::TaskSet`, `AWS::Events::Rule` ECS targets,
 * `AWS::Scheduler::Schedule` and `AWS::Pipes::Pipe` ECS targets become LaunchModels, linked to their
 * task definition by logical id when the reference is a `Ref` / `Fn::GetAtt` to a template resource.
 */
import { child, isObject, objects, prop, str, type AstNode, type ObjectNode, type Property } from '../../documents/ast';
import { taskDefFromObject, type LaunchKind, type LaunchModel, type TaskDefModel } from '../model';
import type { NameCtx } from './names';
import { normalise, refTarget, type CfnEnv } from './normalise';

export interface CfnResource {
  logicalId: string;
  /** The member `LogicalId: {...}` in Resources. */
  member: Property;
  type: string;
  typeNode: AstNode;
  /** Raw (CloudFormation-named) Properties object, if present. */
  properties?: ObjectNode;
  /** The resource's own `Condition`, if any. */
  condition?: string;
}

export function resourcesOf(root: ObjectNode): CfnResource[] {
  const out: CfnResource[] = [];
  const res = child(root, 'Resources');
  if (!isObject(res)) return out;
  for (const member of res.properties) {
    const typeNode = child(member.value, 'Type');
    const type = str(typeNode);
    if (!type || !typeNode) continue;
    const props = child(member.value, 'Properties');
    out.push({
      logicalId: member.key,
      member,
      type,
      typeNode,
      properties: isObject(props) ? props : undefined,
      condition: str(child(member.value, 'Condition')),
    });
  }
  return out;
}

export function taskDefOf(r: CfnResource, env: CfnEnv): TaskDefModel | undefined {
  if (r.type !== 'AWS::ECS::TaskDefinition' || !r.properties) return undefined;
  const root = normalise(r.properties, 'plain', env) as ObjectNode;
  return taskDefFromObject(root, 'cfn', { label: r.logicalId, logicalId: r.logicalId, span: r.member.span });
}

export function launchesOf(r: CfnResource, env: CfnEnv): LaunchModel[] {
  if (!r.properties) return [];
  const props = r.properties;
  const anchor = { offset: r.typeNode.offset, length: r.typeNode.length };
  switch (r.type) {
    case 'AWS::ECS::Service':
      return [launch('cfn-service', props, 'plain', 'taskDefinition', `service '${r.logicalId}'`, anchor, env)];
    case 'AWS::ECS::TaskSet':
      return [
        launch('cfn-taskset', props, 'launch-vpc-upper', 'taskDefinition', `task set '${r.logicalId}'`, anchor, env),
      ];
    case 'AWS::Events::Rule':
      return objects(child(props, 'Targets')).flatMap((t, i) => {
        const p = prop(t, 'EcsParameters');
        if (!p || !isObject(p.value)) return [];
        const id = str(child(t, 'Id')) ?? `#${i + 1}`;
        return [
          launch(
            'cfn-events-rule',
            p.value,
            'launch-vpc-upper',
            'taskDefinitionArn',
            `Events rule '${r.logicalId}' target '${id}'`,
            p.keySpan,
            env,
          ),
        ];
      });
    case 'AWS::Scheduler::Schedule': {
      const p = prop(child(props, 'Target'), 'EcsParameters');
      return p && isObject(p.value)
        ? [launch('cfn-scheduler', p.value, 'plain', 'taskDefinitionArn', `schedule '${r.logicalId}'`, p.keySpan, env)]
        : [];
    }
    case 'AWS::Pipes::Pipe': {
      const p = prop(child(props, 'TargetParameters'), 'EcsTaskParameters');
      return p && isObject(p.value)
        ? [launch('cfn-pipes', p.value, 'plain', 'taskDefinitionArn', `pipe '${r.logicalId}'`, p.keySpan, env)]
        : [];
    }
    default:
      return [];
  }
}

function launch(
  kind: LaunchKind,
  raw: ObjectNode,
  ctx: NameCtx,
  tdKey: string,
  label: string,
  anchor: { offset: number; length: number },
  env: CfnEnv,
): LaunchModel {
  const node = normalise(raw, ctx, env) as ObjectNode;
  const taskDefinition = child(node, tdKey);
  const target = refTarget(taskDefinition);
  const network = child(node, 'networkConfiguration');
  return {
    kind,
    node,
    label,
    taskDefinition,
    taskDefinitionLogicalId: target && env.resources.has(target) ? target : undefined,
    platformVersion: child(node, 'platformVersion'),
    launchType: child(node, 'launchType'),
    capacityProviderStrategy: child(node, 'capacityProviderStrategy'),
    // An intrinsic NetworkConfiguration is present but unknown: hand the unknown node to the rules.
    networkConfiguration: network?.unknown ? network : child(network, 'awsvpcConfiguration'),
    enableExecuteCommand: child(node, 'enableExecuteCommand'),
    taskRoleOverride: child(child(node, 'overrides'), 'taskRoleArn'),
    anchor,
  };
}
