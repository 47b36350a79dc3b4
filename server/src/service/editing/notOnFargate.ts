/**
 * Completion in a Fargate task definition marks the members Fargate does not support: "not on
 * Fargate" next to the label and in the detail, the reason (and the rule that would flag it) first in
 * the documentation, sorted after every other item. The members come from the one list the rules use.
 */
import type { CompletionItem } from 'vscode-languageserver-types';
import { fargateUnsupported } from '../facts/fargateUnsupported';

export const NOT_ON_FARGATE = 'not on Fargate';

/** `item` (a member `member` of API shape `shape`) marked when the file runs on Fargate and Fargate refuses it. */
export function markNotOnFargate(
  item: CompletionItem,
  shape: string | undefined,
  member: string,
  fargate: boolean,
): CompletionItem {
  const u = fargate ? fargateUnsupported(shape, member) : undefined;
  if (!u) return item;
  const note = `**Not on Fargate:** ${u.why} (\`${u.rule}\` flags it).`;
  const doc = item.documentation;
  const text = typeof doc === 'string' ? doc : doc?.value;
  return {
    ...item,
    detail: item.detail ? `${NOT_ON_FARGATE} · ${item.detail}` : NOT_ON_FARGATE,
    labelDetails: { ...item.labelDetails, description: NOT_ON_FARGATE },
    documentation: { kind: 'markdown', value: text ? `${note}\n\n${text}` : note },
    sortText: `~~${item.sortText ?? item.label}`,
  };
}

/**
 * When some items are marked, every other item gets its label as sortText: clients compare sortText
 * only when both items have one, so the marked ones reliably come last.
 */
export function sortMarkedLast(items: CompletionItem[]): CompletionItem[] {
  if (!items.some((i) => i.labelDetails?.description === NOT_ON_FARGATE)) return items;
  return items.map((i) => (i.sortText === undefined ? { ...i, sortText: i.label } : i));
}
