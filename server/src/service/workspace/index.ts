/**
 * The workspace index: every ECS document of the workspace (or every file given to the CLI), with
 * the links from launch inputs (service, run-task, CloudFormation launching resources) to task
 * definitions by family, family:revision or ARN. Open editors replace the disk version of a file.
 */
import { str } from '../documents/ast';
import type { DocumentModel } from '../shapes/document';
import type { LaunchModel, TaskDefModel } from '../shapes/model';
import type { LinkedLaunch, LinkedTaskDef } from '../rules/types';

/** `family`, `family:3` or `arn:aws:ecs:region:acct:task-definition/family:3` -> `family`. */
export function familyOfReference(ref: string): string | undefined {
  const arn = /^arn:aws[-a-z]*:ecs:[^:]*:[^:]*:task-definition\/([^:/]+)(:\d+)?$/.exec(ref);
  if (arn) return arn[1];
  const m = /^([A-Za-z0-9_-]{1,255})(:\d+)?$/.exec(ref);
  return m ? m[1] : undefined;
}

export class WorkspaceIndex {
  private readonly docs = new Map<string, DocumentModel>();
  private readonly tdByFamily = new Map<string, Set<string>>();
  private readonly launchByFamily = new Map<string, Set<string>>();

  get size(): number {
    return this.docs.size;
  }

  get(uri: string): DocumentModel | undefined {
    return this.docs.get(uri);
  }

  uris(): string[] {
    return [...this.docs.keys()];
  }

  /** Adds or replaces a document. Returns the URIs whose cross-file findings may have changed. */
  set(doc: DocumentModel): string[] {
    const before = this.affected(doc.uri);
    this.remove(doc.uri);
    if (doc.dialect === 'none') return before;
    this.docs.set(doc.uri, doc);
    for (const td of doc.taskDefs) if (td.family) add(this.tdByFamily, td.family, doc.uri);
    for (const l of doc.launches) {
      const fam = launchFamily(l);
      if (fam) add(this.launchByFamily, fam, doc.uri);
    }
    return unique([...before, ...this.affected(doc.uri)]);
  }

  /** Removes a document. Returns the URIs whose cross-file findings may have changed. */
  delete(uri: string): string[] {
    const before = this.affected(uri);
    this.remove(uri);
    return before;
  }

  /** Task definitions (in any indexed file) a launch input refers to by family/ARN. */
  taskDefsForLaunch(launch: LaunchModel): LinkedTaskDef[] {
    const fam = launchFamily(launch);
    if (!fam) return [];
    const out: LinkedTaskDef[] = [];
    for (const uri of this.tdByFamily.get(fam) ?? []) {
      for (const td of this.docs.get(uri)?.taskDefs ?? []) if (td.family === fam) out.push({ uri, td });
    }
    return out;
  }

  /** Launch inputs (in any indexed file) that refer to this task definition's family. */
  launchesForTaskDef(td: TaskDefModel): LinkedLaunch[] {
    if (!td.family) return [];
    const out: LinkedLaunch[] = [];
    for (const uri of this.launchByFamily.get(td.family) ?? []) {
      for (const launch of this.docs.get(uri)?.launches ?? []) if (launchFamily(launch) === td.family) out.push({ uri, launch });
    }
    return out;
  }

  private affected(uri: string): string[] {
    const doc = this.docs.get(uri);
    if (!doc) return [];
    const out: string[] = [];
    for (const td of doc.taskDefs) if (td.family) out.push(...(this.launchByFamily.get(td.family) ?? []));
    for (const l of doc.launches) {
      const fam = launchFamily(l);
      if (fam) out.push(...(this.tdByFamily.get(fam) ?? []));
    }
    return unique(out.filter((u) => u !== uri));
  }

  private remove(uri: string): void {
    const doc = this.docs.get(uri);
    if (!doc) return;
    for (const td of doc.taskDefs) if (td.family) drop(this.tdByFamily, td.family, uri);
    for (const l of doc.launches) {
      const fam = launchFamily(l);
      if (fam) drop(this.launchByFamily, fam, uri);
    }
    this.docs.delete(uri);
  }
}

export function launchFamily(l: LaunchModel): string | undefined {
  const ref = str(l.taskDefinition);
  return ref ? familyOfReference(ref) : undefined;
}

function add(map: Map<string, Set<string>>, key: string, uri: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(uri);
}

/** Removes a URI and the family's entry once empty: every family name ever typed would stay otherwise. */
function drop(map: Map<string, Set<string>>, key: string, uri: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(uri);
  if (set.size === 0) map.delete(key);
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
