import type { Role } from '../organization/organization';
import type { ExperimentState } from './experiment-state';

export const LIFECYCLE_ACTIONS = [
  'launch',
  'cancel',
  'recordCheckIn',
  'requestExtension',
  'approveExtension',
  'refuseExtension',
  'stopEarly',
  'amendCriteria',
  'submitEvaluation',
  'decide',
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/** Who may perform each action (the experiment's own pilots and sponsor, see DOMAIN.md "Roles"). */
export const ACTION_ROLES: Record<LifecycleAction, readonly Role[]> = {
  launch: ['hr', 'pilot'],
  cancel: ['hr', 'pilot'],
  recordCheckIn: ['pilot'],
  requestExtension: ['hr', 'pilot'],
  approveExtension: ['sponsor'],
  refuseExtension: ['sponsor'],
  stopEarly: ['hr', 'pilot', 'sponsor'],
  amendCriteria: ['hr', 'pilot'],
  submitEvaluation: ['hr', 'pilot'],
  decide: ['sponsor', 'codir'],
};

export interface AllowedAction {
  action: LifecycleAction;
  roles: readonly Role[];
}

export interface ActionContext {
  state: ExperimentState;
  extensionPending: boolean;
  extensionsLeft: number;
}

/** The actions the lifecycle allows now, whoever asks. */
export function allowedActions(context: ActionContext): AllowedAction[] {
  const allowed: LifecycleAction[] = [];
  switch (context.state) {
    case 'draft':
      allowed.push('launch', 'cancel');
      break;
    case 'running':
      allowed.push('recordCheckIn', 'stopEarly', 'amendCriteria');
      if (context.extensionPending) allowed.push('approveExtension', 'refuseExtension');
      else if (context.extensionsLeft > 0) allowed.push('requestExtension');
      break;
    case 'evaluating':
      allowed.push('submitEvaluation', 'amendCriteria');
      break;
    case 'deciding':
      allowed.push('decide');
      break;
    default:
      break;
  }
  return allowed.map((action) => ({ action, roles: ACTION_ROLES[action] }));
}
