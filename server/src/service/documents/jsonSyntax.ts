/**
 * JSON syntax pieces off the fast path's hot loop (fastPaths/jsonFastParser.ts): the value of a string with escape
 * sequences, and the json/syntax findings for comments and trailing commas (also used by json.ts).
 */
import type { Finding } from '../types';

/** The value of a string body with escapes (`from` to `to`, quotes excluded), or undefined when one is invalid. */
export function unescape(text: string, from: number, to: number): string | undefined {
  let out = '';
  let start = from;
  for (let j = from; j < to; j++) {
    if (text.charCodeAt(j) !== 92) continue;
    out += text.slice(start, j);
    const e = text.charCodeAt(++j);
    switch (e) {
      case 34:
        out += '"';
        break;
      case 92:
        out += '\\';
        break;
      case 47:
        out += '/';
        break;
      case 98:
        out += '\b';
        break;
      case 102:
        out += '\f';
        break;
      case 110:
        out += '\n';
        break;
      case 114:
        out += '\r';
        break;
      case 116:
        out += '\t';
        break;
      case 117: {
        let code = 0;
        for (let k = 1; k <= 4; k++) {
          const h = hexValue(text.charCodeAt(j + k));
          if (h < 0 || j + k >= to) return undefined;
          code = code * 16 + h;
        }
        out += String.fromCharCode(code);
        j += 4;
        break;
      }
      default:
        return undefined;
    }
    start = j + 1;
  }
  return out + text.slice(start, to);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

export function commentFinding(offset: number, length: number): Finding {
  return {
    ruleId: 'json/syntax',
    message:
      'Comments are not valid JSON: the AWS CLI (--cli-input-json) and the ECS API reject this file. Remove the comment before using it.',
    span: { offset, length },
    severity: 'warning',
  };
}

export function trailingComma(offset: number): Finding {
  return {
    ruleId: 'json/syntax',
    message: 'Trailing comma: not valid JSON, the AWS CLI and the ECS API reject it. Remove the comma.',
    span: { offset, length: 1 },
    severity: 'warning',
    fixes: [{ title: 'Remove trailing comma', isPreferred: true, edits: [{ offset, length: 1, newText: '' }] }],
  };
}
