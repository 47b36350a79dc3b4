/**
 * Reading task-level cpu and memory literals with the API's unit conversion ("1 vCPU", "2 GB"), for
 * each alternative a CloudFormation parameter or `Fn::If` allows.
 */
import { alternatives, type AstNode, type LiteralNode } from '../../documents/ast';
import { parseCpu, parseMemory } from './cpuMemory';

export interface SizeAlt {
  node: AstNode;
  literal: LiteralNode;
  via?: string;
  /** The raw literal as written ("1 vCPU"). */
  raw: string;
  /** Normalised value (cpu units or MiB); undefined when the literal does not parse. */
  value?: number;
}

function read(node: AstNode | undefined, parse: (v: string | number) => number | undefined): SizeAlt[] {
  return alternatives(node)
    .filter((a) => a.value.type === 'string' || a.value.type === 'number')
    .map((a) => {
      const v = a.value.value as string | number;
      return { node: a.node, literal: a.value, via: a.via, raw: String(v), value: parse(v) };
    });
}

export function cpuAlternatives(node: AstNode | undefined): SizeAlt[] {
  return read(node, parseCpu);
}

export function memoryAlternatives(node: AstNode | undefined): SizeAlt[] {
  return read(node, parseMemory);
}

/** The single known value of a node, when it has exactly one literal alternative that parses. */
export function single(alts: SizeAlt[]): number | undefined {
  return alts.length === 1 ? alts[0].value : undefined;
}

/** Writes a new size in the style of the original literal: a number stays a number, else a plain string. */
export function sizeValue(original: LiteralNode, value: number): string | number {
  return original.type === 'number' ? value : String(value);
}
