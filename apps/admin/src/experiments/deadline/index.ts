export { countdown, currentDeadline, type Countdown, type Deadline, type DeadlineKind } from './deadline';
export { DeadlineCountdown } from './DeadlineCountdown';
