// Loaded by path (Temporal's `failureConverterPath`): in the workflow sandbox, where it is
// bundled, and by the worker for activity failures. Messages and stack traces of failures
// go into an encoded attribute, a payload that the payload codec encrypts: an error that
// quotes a test's text is then no more readable in Temporal than the test's payloads.
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
