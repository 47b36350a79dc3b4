/**
 * The ECS Exec chunk (dist/exec.js), loaded when an exec command first runs: the session client, `ws`,
 * the terminal, pre-flight and the lazily built SDK-backed ExecApi (itself in dist/aws.js).
 */
import * as vscode from 'vscode';
import { createLazyExecApiFactory } from '../aws/lazyExecApi';
import { execCommandHandlers } from '../exec';
import type { ApiTarget } from '../exec/ports';
import { clientOptions } from '../explorer/settings';

export function startExec(defaultTarget: () => ApiTarget): {
  commands: ReturnType<typeof execCommandHandlers>;
  disposables: vscode.Disposable[];
} {
  const output = vscode.window.createOutputChannel('Fargate Lens: ECS Exec');
  return {
    commands: execCommandHandlers({ apiFor: createLazyExecApiFactory(clientOptions), defaultTarget, output }),
    disposables: [output],
  };
}
