/**
 * The workspace index: every ECS document of the workspace (or every file given to the CLI), with
 * the links from launch inputs (service, run-task, CloudFormation launching resources) to task
 * definitions by family, family:revision or ARN. Open editors replace the disk version of a file.
 */
import { str } from '../documents/ast';
import { parseDocument, type DocumentModel, type ParseOptions } from '../shapes/document';
import type { LaunchModel, TaskDefModel } from '../shapes/model';
import type { LinkedLaunch, LinkedTaskDef } from '../rules/types';
import { mayDrivePipeline, pipelineLinks, type PipelineLink } from '../pipeline/links';

/** URIs compared as decoded paths: editors and the CLI percent-encode differently. */
const uriKey = (uri: string): string => {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
};

/** `family`, `family:3` or `arn:aws:ecs:region:acct:task-definition/family:3` -> `family`. */
export function familyOfReference(ref: string): string | undefined {
  const arn = /^arn:aws[-a-z]*:ecs:[^:]*:[^:]*:task-definition\/([^:/]+)(:\d+)?$/.exec(ref);
  if (arn) return arn[1];
  const m = /^([A-Za-z0-9_-]{1,255})(:\d+)?$/.exec(ref);
  return m ? m[1] : undefined;
}

interface Entry {
  text: string;
  opts: ParseOptions;
  /** Families of the task definitions in the file, and of the task definitions its launches run. */
  families: string[];
  launchFamilies: string[];
  /** Open editors keep their model; files read from disk are re-parsed on demand (see MODEL_CACHE). */
  pinned?: DocumentModel;
}

/**
 * Parsed models of unpinned (disk) files kept for cross-file lookups. The index itself keeps only
 * text and families per file, so a large workspace costs little memory (measured in bench/).
 */
export const MODEL_CACHE = 256;

export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly models = new Map<string, DocumentModel>();
  private readonly tdByFamily = new Map<string, Set<string>>();
  private readonly launchByFamily = new Map<string, Set<string>>();
  /** Pipeline links (workflows, ecspresso and PipeCD configs) by the file declaring them, and by target. */
  private readonly pipelineBySource = new Map<string, PipelineLink[]>();
  private readonly pipelineByTarget = new Map<string, Set<string>>();
  /**
   * The links of each family, while every file in them is pinned (their models cannot be re-parsed
   * into new objects); cleared on every change. Many task definitions share a family (the CLI links
   * thousands), and each lookup copies the list instead of searching the files again.
   */
  private readonly links = new Map<string, { taskDefs?: LinkedTaskDef[]; launches?: LinkedLaunch[] }>();

  get size(): number {
    return this.entries.size;
  }

  /** The parsed model of an indexed file (re-parsed from the indexed text when not cached). */
  get(uri: string): DocumentModel | undefined {
    const e = this.entries.get(uri);
    if (!e) return undefined;
    if (e.pinned) return e.pinned;
    let model = this.models.get(uri);
    if (model) {
      this.models.delete(uri);
    } else {
      model = parseDocument(uri, e.text, e.opts);
    }
    this.models.set(uri, model);
    if (this.models.size > MODEL_CACHE) this.models.delete(this.models.keys().next().value as string);
    return model;
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * Adds or replaces a document. `pin` keeps the model itself (open editors); otherwise only its
   * text and families are kept. `opts` are the options it was parsed with. Returns the URIs whose
   * cross-file findings may have changed.
   */
  set(doc: DocumentModel, options: { pin?: boolean; opts?: ParseOptions } = {}): string[] {
    const before = this.affected(doc.uri);
    this.put(doc, options);
    return unique([...before, ...this.affected(doc.uri)]);
  }

  /** What the workspace's pipeline does with a file: the links of workflows and configs that read it. */
  pipelineFor(uri: string): PipelineLink[] {
    const sources = this.pipelineByTarget.get(uriKey(uri));
    if (!sources) return NO_LINKS;
    const out: PipelineLink[] = [];
    const key = uriKey(uri);
    for (const s of sources)
      for (const l of this.pipelineBySource.get(s) ?? []) if (uriKey(l.target) === key) out.push(l);
    return out;
  }

  /** set() without working out which documents are affected (the CLI indexes every file before it validates any). */
  put(doc: DocumentModel, options: { pin?: boolean; opts?: ParseOptions } = {}): void {
    this.links.clear();
    this.remove(doc.uri);
    if (mayDrivePipeline(doc.uri, doc.text)) this.putPipeline(doc);
    if (doc.dialect === 'none') return;
    const families = doc.taskDefs.flatMap((td) => (td.family ? [td.family] : []));
    const launchFamilies = doc.launches.flatMap((l) => {
      const fam = launchFamily(l);
      return fam ? [fam] : [];
    });
    this.entries.set(doc.uri, {
      text: doc.text,
      opts: options.opts ?? {},
      families,
      launchFamilies,
      pinned: options.pin ? doc : undefined,
    });
    if (!options.pin) this.models.set(doc.uri, doc);
    if (this.models.size > MODEL_CACHE) this.models.delete(this.models.keys().next().value as string);
    for (const f of families) add(this.tdByFamily, f, doc.uri);
    for (const f of launchFamilies) add(this.launchByFamily, f, doc.uri);
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
    let links = this.links.get(fam);
    if (!links) this.links.set(fam, (links = {}));
    if (!links.taskDefs) {
      const out: LinkedTaskDef[] = [];
      let pinned = true;
      for (const uri of this.tdByFamily.get(fam) ?? []) {
        pinned &&= !!this.entries.get(uri)?.pinned;
        for (const td of this.get(uri)?.taskDefs ?? []) if (td.family === fam) out.push({ uri, td });
      }
      if (!pinned) return out;
      links.taskDefs = out;
    }
    return links.taskDefs.slice();
  }

  /** Launch inputs (in any indexed file) that refer to this task definition's family. */
  launchesForTaskDef(td: TaskDefModel): LinkedLaunch[] {
    const fam = td.family;
    if (!fam) return [];
    let links = this.links.get(fam);
    if (!links) this.links.set(fam, (links = {}));
    if (!links.launches) {
      const out: LinkedLaunch[] = [];
      let pinned = true;
      for (const uri of this.launchByFamily.get(fam) ?? []) {
        pinned &&= !!this.entries.get(uri)?.pinned;
        for (const launch of this.get(uri)?.launches ?? []) if (launchFamily(launch) === fam) out.push({ uri, launch });
      }
      if (!pinned) return out;
      links.launches = out;
    }
    return links.launches.slice();
  }

  private putPipeline(doc: DocumentModel): void {
    const links = pipelineLinks(doc);
    if (links.length === 0) return;
    const source = uriKey(doc.uri);
    this.pipelineBySource.set(source, links);
    for (const l of links) add(this.pipelineByTarget, uriKey(l.target), source);
  }

  private affected(uri: string): string[] {
    const links = this.pipelineBySource.get(uriKey(uri));
    if (links) return unique(links.map((l) => l.target));
    const e = this.entries.get(uri);
    if (!e) return [];
    const out: string[] = [];
    for (const f of e.families) out.push(...(this.launchByFamily.get(f) ?? []));
    for (const f of e.launchFamilies) out.push(...(this.tdByFamily.get(f) ?? []));
    return unique(out.filter((u) => u !== uri));
  }

  private remove(uri: string): void {
    const links = this.pipelineBySource.get(uriKey(uri));
    if (links) {
      for (const l of links) drop(this.pipelineByTarget, uriKey(l.target), uriKey(uri));
      this.pipelineBySource.delete(uriKey(uri));
    }
    const e = this.entries.get(uri);
    if (!e) return;
    this.links.clear();
    for (const f of e.families) drop(this.tdByFamily, f, uri);
    for (const f of e.launchFamilies) drop(this.launchByFamily, f, uri);
    this.entries.delete(uri);
    this.models.delete(uri);
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

const NO_LINKS: PipelineLink[] = [];

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
