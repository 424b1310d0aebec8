export { asRaError, issueMessage, zodResolver, type RaMessage, type ZodResolverOptions } from './zodResolver';
export { DayInput, dayToIso, isoToDay } from './DayInput';
export { useApiErrorNotify } from './useApiErrorNotify';
export { ConfirmButton } from './ConfirmButton';
