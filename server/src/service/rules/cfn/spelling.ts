/**
 * Shared check of the two spelling rules: every CloudFormation key in a task definition or launching
 * resource must be spelled the CloudFormation way for where it sits (PascalCase, plus
 * `EFSVolumeConfiguration`, `FilesystemId`, `IAM`, `ProxyConfigurationProperties`, and
 * `AwsvpcConfiguration` vs `AwsVpcConfiguration` by resource type). Map keys (`Options`, labels) are data.
 */
import type { AstNode, Property } from '../../documents/ast';
import { PROP_CTX } from '../../shapes/cfn/normalise';
import { toCfnKey } from '../../shapes/cfn/names';
import type { DocumentModel } from '../../shapes/document';
import type { Finding } from '../../types';
import { finding, fix } from '../util';

/** Keys whose API spelling differs from CloudFormation's own: the usual mistake is the API form. */
const API_FORMS: Record<string, string> = {
  FileSystemId: 'the ECS API spelling',
  Iam: 'the ECS API spelling',
  EfsVolumeConfiguration: 'the ECS API spelling',
  FsxWindowsFileServerVolumeConfiguration: 'the ECS API spelling',
  Properties: 'the ECS API name',
  AwsvpcConfiguration: 'the spelling of other resource types',
  AwsVpcConfiguration: 'the spelling of other resource types',
};

export function misspelledKeys(ruleId: string, root: AstNode | undefined, where: string, doc: DocumentModel): Finding[] {
  const out: Finding[] = [];
  const visit = (n: AstNode | undefined): void => {
    if (!n) return;
    if (n.unknown) {
      n.branches?.forEach(visit);
      return;
    }
    if (n.type === 'array') n.items.forEach(visit);
    if (n.type !== 'object') return;
    for (const p of n.properties) {
      check(p);
      visit(p.value);
    }
  };
  const check = (p: Property): void => {
    const ctx = PROP_CTX.get(p);
    if (!ctx || ctx === 'map') return;
    const expected = toCfnKey(ctx, p.key);
    if (p.rawKey === expected) return;
    const why = API_FORMS[p.rawKey] ? ` ('${p.rawKey}' is ${API_FORMS[p.rawKey]})` : '';
    out.push(finding(ruleId, p, `CloudFormation spells this ${where} property '${expected}', not '${p.rawKey}'${why}. CloudFormation rejects properties it does not know when it validates the template, so the stack fails to create or update. Rename it to '${expected}'.`, {
      fixes: [fix(`Rename to ${expected}`, [doc.edits.replaceKey(p, p.key)], true)],
    }));
  };
  visit(root);
  return out;
}
