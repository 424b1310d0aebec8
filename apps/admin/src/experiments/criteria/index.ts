export { CriteriaAmendments, amendmentChanges } from './CriteriaAmendments';
export { criterionNames, useExperimentCriteria } from './useExperimentCriteria';
