/**
 * Hostile inputs by class, each with an ordinary file of the same format and size to compare against:
 * the inputs that once took quadratic time or worse (thousands of YAML aliases and merge keys, long
 * digit and space runs in cpu/memory, thousands of unknown keys, unclosed template tokens, a template
 * with thousands of load-balanced services), prototype-named keys, and long single tokens. Used by the
 * linear-time test, the fuzz suite and `npm run bench` (section hostile).
 */
import type { LanguageService } from '../../../server/src/service/languageService';

/**
 * The best of `runs` timings of checking `text` as the server does per version (parse, rules, schema),
 * in ms: the run least disturbed by other work on a shared machine.
 */
export async function bestCheckMs(
  ls: Pick<LanguageService, 'parse' | 'validateAll'>,
  uri: string,
  text: string,
  runs: number,
): Promise<number> {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    await ls.validateAll(ls.parse(uri, text));
    min = Math.min(min, performance.now() - started);
  }
  return min;
}

export interface HostileCase {
  /** Short stable name (bench row, test name). */
  name: string;
  uri: string;
  /** The hostile text, about `bytes` long. */
  text: string;
  /** An ordinary file of the same format, about as long: the baseline for time ratios. */
  ordinary: string;
  /**
   * The ratio to the ordinary file that is still linear. Aliases take the yaml library's path, ~20-100x
   * slower per byte than the fast path the ordinary file takes, and unknown keys give one finding each
   * (~50x a clean file); a quadratic class was 1,000-10,000x at 100 KB.
   */
  maxRatio: number;
}

/** Repeats `unit(i)` after `head` until the text is at least `bytes` long, then appends `tail`. */
function fill(bytes: number, head: string, unit: (i: number) => string, tail = ''): string {
  const parts = [head];
  let length = head.length + tail.length;
  for (let i = 0; length < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    length += u.length;
  }
  parts.push(tail);
  return parts.join('');
}

/** A valid Fargate task definition padded with environment variables to about `bytes`. */
export function ordinaryTaskDef(bytes: number): string {
  const head =
    '{\n  "family": "web",\n  "requiresCompatibilities": ["FARGATE"],\n  "networkMode": "awsvpc",\n  "cpu": "256",\n  "memory": "512",\n' +
    '  "containerDefinitions": [\n    {\n      "name": "app",\n      "image": "nginx:1.27",\n      "essential": true,\n      "environment": [\n';
  return fill(
    bytes,
    head,
    (i) => `${i ? ',\n' : ''}        { "name": "SETTING_${i}", "value": "value-${i}" }`,
    '\n      ]\n    }\n  ]\n}\n',
  );
}

/** Compose-style YAML with plain services, about `bytes`. */
export function ordinaryCompose(bytes: number): string {
  return fill(bytes, 'services:\n', (i) => `  s${i}:\n    image: nginx\n    cpu: 256\n`);
}

/** A CloudFormation template with load-balanced services, about `bytes` (no finding per service). */
export function ordinaryTemplate(bytes: number): string {
  return fill(
    bytes,
    'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n',
    (i) => cfnService(i, 'traffic-port'),
    CFN_TD,
  );
}

const CFN_TD =
  '  Td:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      NetworkMode: bridge\n      ContainerDefinitions:\n' +
  '        - Name: app\n          Image: nginx\n          Memory: 512\n          PortMappings:\n            - ContainerPort: 80\n              HostPort: 0\n';

function cfnService(i: number, healthPort: string): string {
  return (
    `  Svc${i}:\n    Type: AWS::ECS::Service\n    Properties:\n      Cluster: c\n      TaskDefinition: !Ref Td\n` +
    `      LoadBalancers:\n        - TargetGroupArn: !Ref Tg${i}\n          ContainerName: app\n          ContainerPort: 80\n` +
    `  Tg${i}:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n      Port: 80\n` +
    `      Protocol: HTTP\n      HealthCheckPort: ${healthPort}\n      VpcId: vpc-1\n`
  );
}

/** A task definition whose `key` holds `value` verbatim (JSON text), padded to about `bytes` by `value` itself. */
function taskDefWith(members: string): string {
  return (
    '{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", ' +
    members +
    ', "containerDefinitions": [{"name": "app", "image": "nginx", "essential": true}]}\n'
  );
}

const TD = 'file:///ws/task-definition.json';

/** Every hostile class at about `bytes` (each ≥ 1 KB). */
export function hostileCases(bytes: number): HostileCase[] {
  const run = (s: string, n = bytes) => s.repeat(Math.max(1, Math.floor(n / s.length)));
  const half = Math.floor(bytes / 2);
  const compose = ordinaryCompose(bytes);
  const td = ordinaryTaskDef(bytes);
  return [
    {
      name: 'yaml aliases',
      uri: 'file:///ws/docker-compose.yml',
      text: fill(bytes, 'x-base: &base\n  image: nginx\n  cpu: 256\nservices:\n', (i) => `  s${i}: *base\n`),
      ordinary: compose,
      maxRatio: 500,
    },
    {
      name: 'yaml merge keys',
      uri: 'file:///ws/docker-compose.yml',
      text: fill(
        bytes,
        'x-base: &base\n  image: nginx\n  cpu: 256\nservices:\n',
        (i) => `  s${i}:\n    <<: *base\n    ports: ["80"]\n`,
      ),
      ordinary: compose,
      maxRatio: 500,
    },
    {
      name: 'cpu/memory digit runs',
      uri: TD,
      text: taskDefWith(`"cpu": "${run('9', half - 64)}x", "memory": "${run('9', half - 64)}x"`),
      ordinary: td,
      maxRatio: 100,
    },
    {
      name: 'cpu/memory space runs',
      uri: TD,
      text: taskDefWith(`"cpu": "1${run(' ', half - 64)}x", "memory": "1${run(' ', half - 64)}x"`),
      ordinary: td,
      maxRatio: 100,
    },
    {
      name: 'unknown keys',
      uri: TD,
      text: taskDefWith(fill(bytes, '"k": 0', (i) => `, "unknownKey${i}": ${i}`)),
      ordinary: td,
      maxRatio: 500,
    },
    {
      name: 'unknown container keys',
      uri: TD,
      text:
        '{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx"' +
        fill(bytes, '', (i) => `, "unknownKey${i}": ${i}`) +
        '}]}\n',
      ordinary: td,
      maxRatio: 500,
    },
    {
      name: 'unclosed template tokens in a string',
      uri: TD,
      text: taskDefWith(`"family2": "${run('{{', bytes / 4)}${run('${', bytes / 4)}${run('#{', bytes / 4)}"`),
      ordinary: td,
      maxRatio: 100,
    },
    {
      name: 'unclosed template tokens outside strings',
      uri: TD,
      text: `{"family": "web", "cpu": ${run('{{', bytes / 3)}${run('${', bytes / 3)}, "containerDefinitions": []}\n`,
      ordinary: td,
      maxRatio: 300,
    },
    {
      name: 'placeholder-like words',
      uri: TD,
      text: taskDefWith(`"family2": "${run('YOUR_', bytes / 3)}x", "image2": "${run('__A', bytes / 3)}_x"`),
      ordinary: td,
      maxRatio: 100,
    },
    {
      // Every line is scanned for a quoted value continued left of its indentation (yamlQuoted.ts) once
      // the library reports the unclosed quote at the end; nested list dashes once made that scan quadratic.
      name: 'yaml dash runs before an unclosed quote',
      uri: 'file:///ws/template.yaml',
      text: `Resources:\n${'- '.repeat(300)}${run('word ', bytes - 700)}\nz: 'never closed\n`,
      ordinary: compose,
      maxRatio: 500,
    },
    {
      name: 'CloudFormation services behind target groups',
      uri: 'file:///ws/template.yaml',
      text: fill(bytes, 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n', (i) => cfnService(i, '8080'), CFN_TD),
      ordinary: ordinaryTemplate(bytes),
      maxRatio: 100,
    },
  ];
}

/** Keys that are Object.prototype members: a plain-object lookup finds an inherited function for them. */
export const PROTOTYPE_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
];

/** Task definitions, templates and compose files whose keys and values are prototype names. */
export function prototypeCases(): { uri: string; text: string }[] {
  const keys = (indent: string) => PROTOTYPE_NAMES.map((k) => `${indent}"${k}": "${k}"`).join(',\n');
  const yamlKeys = (indent: string) => PROTOTYPE_NAMES.map((k) => `${indent}${k}: ${k}`).join('\n');
  return [
    {
      uri: TD,
      text: `{\n  "family": "constructor",\n${keys('  ')},\n  "containerDefinitions": [{\n    "name": "toString",\n    "image": "x",\n${keys('    ')},\n    "dependsOn": [{"containerName": "constructor", "condition": "START"}],\n    "logConfiguration": {"logDriver": "awslogs", "options": {${PROTOTYPE_NAMES.map((k) => `"${k}": "x"`).join(', ')}}}\n  }],\n  "volumes": [{"name": "__proto__"}]\n}\n`,
    },
    {
      uri: 'file:///ws/template.yaml',
      text:
        'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  constructor:\n    Type: String\nResources:\n  toString:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n' +
        `${yamlKeys('      ')}\n      ContainerDefinitions:\n        - Name: valueOf\n          Image: !Ref constructor\n${yamlKeys('          ')}\n` +
        '  hasOwnProperty:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref toString\n      constructor: 1\n',
    },
    {
      uri: 'file:///ws/docker-compose.yml',
      text: `services:\n  constructor:\n    image: x\n${yamlKeys('    ')}\n  __proto__:\n    image: y\n`,
    },
  ];
}
