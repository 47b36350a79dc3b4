/**
 * The deploy settings decide which AWS calls are made on their own (the code lens reads the account when
 * a file opens), so, like the AWS settings, they are application-scoped and read at user level only: a
 * workspace can neither switch the lens on nor raise its call budget.
 */
import { userLevel } from '../explorer/settings';

export function lensEnabled(): boolean {
  return userLevel<boolean>('deploy.registeredRevisionLens', true);
}

export function lensCallBudget(): number {
  return Math.max(2, Math.min(200, userLevel<number>('deploy.callBudget', 20)));
}
