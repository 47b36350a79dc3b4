/**
 * Strings written as YAML scalars: plain when the text reads back as the same string (under YAML 1.2
 * and the YAML 1.1 booleans and sexagesimals older parsers still apply), otherwise single-quoted.
 * `'256'` stays a string, as CloudFormation's Cpu and Memory take it.
 */
import { parseDocument } from 'yaml';

/** Obviously plain: starts with a letter or `/`, no `: `, no ` #`, no flow indicators. */
const SAFE = /^[A-Za-z/][\w./@:+()-]*$/;
const YAML11 =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|true|True|TRUE|false|False|FALSE|null|Null|NULL|~)$|^[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?$/;
const FLOW = /[,[\]{}]/;

export function yamlScalar(s: string, inFlow = false): string {
  if (!needsQuotes(s, inFlow)) return s;
  return `'${s.replace(/'/g, "''")}'`;
}

function needsQuotes(s: string, inFlow: boolean): boolean {
  if (s.length === 0 || s.length > 200 || /^\s|\s$|[\n\r\t]/.test(s) || YAML11.test(s) || (inFlow && FLOW.test(s)))
    return true;
  if (SAFE.test(s) && !s.endsWith(':')) return false;
  try {
    const doc = parseDocument(s, { logLevel: 'silent' });
    return doc.errors.length > 0 || doc.warnings.length > 0 || doc.toJS() !== s;
  } catch {
    return true;
  }
}
