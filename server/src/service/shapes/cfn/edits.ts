/**
 * Edit builders for CloudFormation templates: the rules speak API names (`platformVersion`,
 * `efsVolumeConfiguration`), the template needs CloudFormation's (`PlatformVersion`,
 * `EFSVolumeConfiguration`, `FilesystemId`, map keys untouched). The namer reads the naming context
 * recorded for each normalised node; the JSON builder wraps the core one, YAML uses yamlEdits.ts.
 */
import type { AstNode } from '../../documents/ast';
import { jsonEditBuilder, type EditBuilder } from '../../documents/edits';
import type { KeyNamer } from '../../documents/yamlEdits';
import { childCtx, toCfnKey, toCfnValue, type NameCtx } from './names';
import type { CfnEnv } from './normalise';

export function cfnNamer(env: Pick<CfnEnv, 'ctxOf' | 'propCtx'>): KeyNamer {
  const ctxOf = (n: AstNode | undefined): NameCtx => (n ? env.ctxOf.get(n) : undefined) ?? 'plain';
  return {
    key: (apiKey, container) => toCfnKey(ctxOf(container), apiKey),
    keyOf: (p, apiKey) => toCfnKey(env.propCtx.get(p) ?? 'plain', apiKey),
    value: (value, container, apiKey) => {
      const ctx = ctxOf(container);
      return toCfnValue(value, apiKey === undefined ? ctx : childCtx(ctx, apiKey));
    },
  };
}

/** JSON template edits: the core JSON builder with CloudFormation key spelling. */
export function cfnJsonEditBuilder(text: string, namer: KeyNamer): EditBuilder {
  const base = jsonEditBuilder(text);
  return {
    key: (k) => namer.key(k),
    replaceValue: (node, value) => base.replaceValue(node, namer.value(value, node)),
    replaceKey: (p, k) => base.replaceKey(p, namer.keyOf(p, k)),
    removeProperty: (obj, p) => base.removeProperty(obj, p),
    addProperty: (obj, k, value) => base.addProperty(obj, namer.key(k, obj), namer.value(value, obj, k)),
    removeItem: (arr, i) => base.removeItem(arr, i),
    appendItem: (arr, value) => base.appendItem(arr, namer.value(value, arr)),
  };
}
