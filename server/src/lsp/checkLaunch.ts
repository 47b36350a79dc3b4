/**
 * The `fargateLens/checkLaunch` request: a live service's launch settings are indexed for a moment as
 * a virtual CreateService file, the launch rules and the cross-file task-definition rules run, and the
 * findings that tie the service to the file are returned. The virtual file leaves the index before the
 * reply; open documents it touched are validated again.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { LanguageService } from '../service/languageService';
import { CHECK_LAUNCH_REQUEST, normaliseSettings, type CheckLaunchParams, type CheckLaunchResult } from '../protocol';
import type { Session } from './session';
import type { SettingsCache } from './settings';

let seq = 0;

export function registerCheckLaunch(
  connection: Connection,
  ls: LanguageService,
  session: Session,
  settings: SettingsCache,
): void {
  connection.onRequest(CHECK_LAUNCH_REQUEST, async (params: CheckLaunchParams): Promise<CheckLaunchResult> => {
    if (!params || typeof params.uri !== 'string' || typeof params.launch !== 'object' || params.launch === null)
      return { findings: [] };
    const s = normaliseSettings(await settings.get(params.uri));
    const virtual = `fargate-lens-launch:/live-service-${++seq}.json`;
    const model = ls.parse(virtual, JSON.stringify(params.launch, null, 2), { force: true });
    const touched = ls.index.set(model);
    try {
      const out: CheckLaunchResult['findings'] = [];
      for (const d of await ls.validateAll(model, { rules: s.rules, fold: false })) {
        const aboutFile = !d.related?.length || d.related.some((r) => r.uri === params.uri);
        if (aboutFile && (d.severity === 'error' || d.severity === 'warning'))
          out.push({ ruleId: d.ruleId, severity: d.severity, message: d.message });
      }
      const file = ls.index.get(params.uri);
      if (file) {
        for (const d of await ls.validateAll(file, { rules: s.rules, fold: false })) {
          if (!d.related?.some((r) => r.uri === virtual)) continue;
          if (d.severity === 'error' || d.severity === 'warning')
            out.push({ ruleId: d.ruleId, severity: d.severity, message: d.message });
        }
      }
      return { findings: out };
    } finally {
      const back = ls.index.delete(virtual);
      for (const uri of new Set([...touched, ...back])) if (uri !== virtual) session.schedule(uri, 0);
    }
  });
}
