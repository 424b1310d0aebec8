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
  // Launch approval (four-eyes, an organisation setting) and reassignment of pilots and sponsor.
  'requestLaunch',
  'approveLaunch',
  'refuseLaunch',
  'withdrawLaunchRequest',
  'reassignPeople',
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
  requestLaunch: ['hr', 'pilot'],
  // The test's sponsor or a CODIR member; never whoever requested it (the workflow checks).
  approveLaunch: ['sponsor', 'codir'],
  refuseLaunch: ['sponsor', 'codir'],
  withdrawLaunchRequest: ['hr', 'pilot'],
  reassignPeople: ['hr'],
};

export interface AllowedAction {
  action: LifecycleAction;
  roles: readonly Role[];
}

export interface ActionContext {
  state: ExperimentState;
  extensionPending: boolean;
  extensionsLeft: number;
  /** A launch request waits for its approval (launch approval setting). */
  launchRequestPending?: boolean;
}

/** The actions the lifecycle allows now, whoever asks. */
export function allowedActions(context: ActionContext): AllowedAction[] {
  const allowed: LifecycleAction[] = [];
  switch (context.state) {
    case 'draft':
      // The API shows requestLaunch instead of launch when the organisation wants an approval.
      if (context.launchRequestPending)
        allowed.push('approveLaunch', 'refuseLaunch', 'withdrawLaunchRequest');
      else allowed.push('launch');
      allowed.push('cancel');
      break;
    case 'running':
      allowed.push('recordCheckIn', 'stopEarly', 'amendCriteria');
      if (context.extensionPending) allowed.push('approveExtension', 'refuseExtension');
      else if (context.extensionsLeft > 0) allowed.push('requestExtension');
      allowed.push('reassignPeople');
      break;
    case 'evaluating':
      allowed.push('submitEvaluation', 'amendCriteria', 'reassignPeople');
      break;
    case 'deciding':
      allowed.push('decide', 'reassignPeople');
      break;
    default:
      break;
  }
  return allowed.map((action) => ({ action, roles: ACTION_ROLES[action] }));
}
