export { asRaError, issueMessage, zodResolver, type RaMessage, type ZodResolverOptions } from './zodResolver';
