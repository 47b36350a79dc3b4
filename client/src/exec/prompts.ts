/**
 * Texts the command layer shows before any exec code is loaded (kept free of imports, so the
 * extension entry does not pull in the session client).
 */

/** For the Run Command input box: how the command will run (runCommand.ts, commandLine.ts). */
export const RUN_COMMAND_PROMPT = 'Command to run in the container (through its /bin/sh: pipes, && and $VAR work)';
