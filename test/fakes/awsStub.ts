/**
 * A local AWS endpoint for the exec flow, in front of moto: ECS calls go to moto, except
 * ExecuteCommand (moto does not implement it), which returns a session on the fake agent; DescribeTasks
 * and DescribeClusters are patched with what moto leaves out (managedAgents, runtimeId,
 * enableExecuteCommand, exec configuration, service and task counts), and DescribeServices with the
 * service's enableExecuteCommand, which moto drops from CreateService/UpdateService (ECS API_Service:
 * `enableExecuteCommand`, default false; the stub keeps what those calls asked for). KMS GenerateDataKey uses the FakeKms, SSM TerminateSession
 * is recorded, SSM StartSession asks `startSession` (port forwarding), SSM ResumeSession asks `resumeSession` (no token without it; an error it throws is
 * answered as that AWS error), and STS GetCallerIdentity / IAM SimulatePrincipalPolicy answer in the query protocol.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeKms } from './fakeKms';

type Json = Record<string, any>;

export interface StubOptions {
  upstream: string;
  kms: FakeKms;
  /** The session ExecuteCommand returns; given the request (cluster, task, container, command). */
  session: (input: Json) => { sessionId: string; streamUrl: string; tokenValue: string };
  patchTask?: (task: Json) => void;
  patchCluster?: (cluster: Json) => void;
  callerArn?: string;
  /** IAM actions the simulation denies. */
  deny?: string[];
  /**
   * ssm:StartSession (port forwarding documents): given {Target, DocumentName, Parameters}, the session to
   * return; throw an Error named like the AWS error to refuse. Without it StartSession is refused.
   */
  startSession?: (input: Json) => { sessionId: string; streamUrl: string; tokenValue: string };
  /**
   * When true, SimulatePrincipalPolicy answers as IAM does to a caller without iam:SimulatePrincipalPolicy:
   * HTTP 403 with the query-protocol error code AccessDenied (IAM API Reference, "Common Errors").
   */
  simulationRefused?: () => boolean;
  /** ssm:ResumeSession (e.g. FakeAgent.resumeSession); throw an Error named like the AWS error to refuse. */
  resumeSession?: (sessionId: string) => { tokenValue?: string; streamUrl?: string };
}

export class AwsStub extends EventEmitter {
  readonly calls: string[] = [];
  /** enableExecuteCommand per `<cluster name>/<service name>`, as CreateService/UpdateService set it. */
  readonly serviceExec = new Map<string, boolean>();
  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
  ) {
    super();
  }

  static async start(opts: StubOptions): Promise<AwsStub> {
    let stub: AwsStub | undefined;
    // An upstream (moto) that is gone resets the connection, as the fault proxy does.
    const server = createServer((req, res) => void handle(stub!, opts, req, res).catch(() => res.destroy()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stub = new AwsStub(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return stub;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, { 'content-type': type, 'x-amzn-requestid': 'stub-request' });
  res.end(body);
}

const json = (res: ServerResponse, v: unknown, status = 200) =>
  send(res, status, JSON.stringify(v), 'application/x-amz-json-1.1');

async function handle(stub: AwsStub, opts: StubOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const target = String(req.headers['x-amz-target'] ?? '');
  const op = target
    ? target.slice(target.indexOf('.') + 1)
    : (new URLSearchParams(body).get('Action') ?? req.url ?? '');
  stub.calls.push(op);
  stub.emit('call', op, body);
  const input: Json = target && body ? JSON.parse(body) : {};
  switch (op) {
    case 'ExecuteCommand':
      return json(res, {
        clusterArn: input.cluster,
        taskArn: input.task,
        containerName: input.container,
        interactive: true,
        session: opts.session(input),
      });
    case 'GenerateDataKey': {
      const key = await opts.kms.generateDataKey(input.KeyId, input.EncryptionContext ?? {}, input.NumberOfBytes);
      return json(res, {
        KeyId: input.KeyId,
        Plaintext: key.plaintext.toString('base64'),
        CiphertextBlob: key.ciphertextBlob.toString('base64'),
      });
    }
    case 'StartSession': {
      stub.emit('start-session', input);
      try {
        if (!opts.startSession)
          throw Object.assign(new Error('StartSession is not set up in this stub'), { name: 'InvalidDocument' });
        const s = opts.startSession(input);
        return json(res, { SessionId: s.sessionId, StreamUrl: s.streamUrl, TokenValue: s.tokenValue });
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        return json(res, { __type: err.name, message: err.message }, 400);
      }
    }
    case 'TerminateSession':
      stub.emit('terminated', input.SessionId);
      return json(res, { SessionId: input.SessionId });
    case 'ResumeSession': {
      stub.emit('resume', input.SessionId);
      try {
        const r = opts.resumeSession?.(input.SessionId) ?? {};
        return json(res, { SessionId: input.SessionId, TokenValue: r.tokenValue, StreamUrl: r.streamUrl });
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        return json(res, { __type: err.name, message: err.message }, 400);
      }
    }
    case 'GetCallerIdentity':
      return send(
        res,
        200,
        `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${opts.callerArn ?? 'arn:aws:sts::123456789012:assumed-role/Developer/me'}</Arn><UserId>AROAEXAMPLE:me</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        'text/xml',
      );
    case 'SimulatePrincipalPolicy': {
      if (opts.simulationRefused?.())
        return send(
          res,
          403,
          `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:sts::123456789012:assumed-role/Developer/me is not authorized to perform: iam:SimulatePrincipalPolicy</Message></Error><RequestId>stub</RequestId></ErrorResponse>`,
          'text/xml',
        );
      const params = new URLSearchParams(body);
      const actions = [...params.entries()].filter(([k]) => k.startsWith('ActionNames.member.')).map(([, v]) => v);
      const members = actions
        .map(
          (a) =>
            `<member><EvalActionName>${a}</EvalActionName><EvalResourceName>*</EvalResourceName><EvalDecision>${opts.deny?.includes(a) ? 'implicitDeny' : 'allowed'}</EvalDecision></member>`,
        )
        .join('');
      return send(
        res,
        200,
        `<SimulatePrincipalPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults>${members}</EvaluationResults></SimulatePrincipalPolicyResult><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></SimulatePrincipalPolicyResponse>`,
        'text/xml',
      );
    }
  }
  const tail = (v: unknown) => String(v ?? 'default').slice(String(v ?? 'default').lastIndexOf('/') + 1);
  if ((op === 'CreateService' || op === 'UpdateService') && typeof input.enableExecuteCommand === 'boolean')
    stub.serviceExec.set(
      `${tail(input.cluster)}/${tail(input.serviceName ?? input.service)}`,
      input.enableExecuteCommand,
    );
  // Everything else is moto's, with the gaps filled in.
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
  const upstream = await fetch(`${opts.upstream}${req.url ?? '/'}`, {
    method: req.method,
    headers,
    body: body || undefined,
  });
  const text = await upstream.text();
  if (upstream.status !== 200 || !['DescribeTasks', 'DescribeClusters', 'DescribeServices'].includes(op)) {
    return send(res, upstream.status, text, upstream.headers.get('content-type') ?? 'application/json');
  }
  const out = JSON.parse(text) as Json;
  if (op === 'DescribeTasks') for (const t of out.tasks ?? []) opts.patchTask?.(t);
  if (op === 'DescribeClusters')
    for (const c of out.clusters ?? []) {
      // moto never counts services (its Cluster keeps active_services_count at 0) and counts tasks by its own
      // states, not the ones patchTask reports; ECS reports the services "running on the cluster in an ACTIVE
      // state" and the tasks "in the RUNNING state" and "in the PENDING state" (API_Cluster: activeServicesCount,
      // runningTasksCount, pendingTasksCount), so the counts are taken from what this stub answers.
      Object.assign(c, await clusterCounts(opts, headers, c.clusterArn));
      opts.patchCluster?.(c);
    }
  if (op === 'DescribeServices') {
    const tasksOf = new Map<string, Promise<Json[]>>();
    for (const v of out.services ?? []) {
      v.enableExecuteCommand = stub.serviceExec.get(`${tail(v.clusterArn)}/${v.serviceName}`) ?? false;
      if (!tasksOf.has(v.clusterArn)) tasksOf.set(v.clusterArn, runningTasks(opts, headers, v.clusterArn));
      serviceCounts(v, await tasksOf.get(v.clusterArn)!);
    }
  }
  return json(res, out);
}

/**
 * A service's counts as ECS keeps them, from the tasks this stub reports (moto leaves runningCount at 0 and
 * every deployment IN_PROGRESS unless MOTO_ECS_SERVICE_RUNNING is set, while patchTask reports the tasks
 * RUNNING): API_Service runningCount / pendingCount are its tasks in the RUNNING / PENDING state; a
 * deployment counts the tasks of its task definition (API_Deployment runningCount, pendingCount), and its
 * rolloutState is COMPLETED once the service reaches a steady state: the primary deployment runs its desired
 * count and no other deployment runs a task (API_Deployment rolloutState; the reason reads as ECS writes it).
 * A service's tasks carry the group `service:<name>` (API_Task group); moto's ListTasks ignores serviceName.
 */
function serviceCounts(service: Json, tasks: Json[]): void {
  const own = tasks.filter((t) => t.group === `service:${service.serviceName}`);
  const count = (list: Json[], status: string) => list.filter((t) => t.lastStatus === status).length;
  service.runningCount = count(own, 'RUNNING');
  service.pendingCount = count(own, 'PENDING');
  const deployments = (service.deployments as Json[] | undefined) ?? [];
  for (const d of deployments) {
    const of = own.filter((t) => t.taskDefinitionArn === d.taskDefinition);
    d.runningCount = count(of, 'RUNNING');
    d.pendingCount = count(of, 'PENDING');
  }
  for (const d of deployments) {
    const others = deployments.filter((o) => o !== d);
    const steady =
      d.status === 'PRIMARY' &&
      d.runningCount >= d.desiredCount &&
      others.every((o) => o.runningCount === 0 && o.pendingCount === 0);
    if (steady && d.rolloutState === 'IN_PROGRESS') {
      d.rolloutState = 'COMPLETED';
      d.rolloutStateReason = `ECS deployment ${d.id} completed.`;
    }
  }
}

/** The cluster's tasks whose desired status is RUNNING, as this stub answers DescribeTasks for them. */
async function runningTasks(opts: StubOptions, headers: Record<string, string>, cluster: string): Promise<Json[]> {
  const motoCall = upstreamCaller(opts, headers);
  const arns = await listAll(motoCall, 'ListTasks', 'taskArns', { cluster, desiredStatus: 'RUNNING' });
  const tasks: Json[] = [];
  for (let i = 0; i < arns.length; i += 100) {
    const page = await motoCall('DescribeTasks', { cluster, tasks: arns.slice(i, i + 100) });
    for (const t of (page.tasks as Json[] | undefined) ?? []) {
      opts.patchTask?.(t);
      tasks.push(t);
    }
  }
  return tasks;
}

/** Every ARN a List* call returns, page by page (nextToken, 100 a page). */
async function listAll(
  motoCall: ReturnType<typeof upstreamCaller>,
  op: string,
  key: string,
  input: Json,
): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await motoCall(op, { ...input, nextToken, maxResults: 100 });
    arns.push(...((page[key] as string[] | undefined) ?? []));
    nextToken = page.nextToken as string | undefined;
  } while (nextToken);
  return arns;
}

/** An ECS call straight to moto (JSON 1.1), with the caller's headers; an error answers as an empty object. */
function upstreamCaller(opts: StubOptions, headers: Record<string, string>) {
  return async (op: string, input: Json): Promise<Json> => {
    const r = await fetch(`${opts.upstream}/`, {
      method: 'POST',
      headers: { ...headers, 'x-amz-target': `AmazonEC2ContainerServiceV20141113.${op}` },
      body: JSON.stringify(input),
    });
    return r.status === 200 ? ((await r.json()) as Json) : {};
  };
}

/** A cluster's counts, asked of moto as a client would (List*, then Describe* in batches), tasks as patchTask reports them. */
async function clusterCounts(opts: StubOptions, headers: Record<string, string>, cluster: string): Promise<Json> {
  const motoCall = upstreamCaller(opts, headers);
  const services = await listAll(motoCall, 'ListServices', 'serviceArns', { cluster });
  let activeServicesCount = 0;
  for (let i = 0; i < services.length; i += 10) {
    const page = await motoCall('DescribeServices', { cluster, services: services.slice(i, i + 10) });
    activeServicesCount += ((page.services as Json[] | undefined) ?? []).filter((s) => s.status === 'ACTIVE').length;
  }
  const tasks = await runningTasks(opts, headers, cluster);
  return {
    activeServicesCount,
    runningTasksCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
    pendingTasksCount: tasks.filter((t) => t.lastStatus === 'PENDING').length,
  };
}
