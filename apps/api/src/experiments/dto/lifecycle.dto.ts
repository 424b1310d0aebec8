import { z } from 'zod';
import {
  checkInSchema,
  consentOnBehalfSchema,
  criteriaAmendmentSchema,
  decisionBodySchema,
  evaluationBodySchema,
  extensionRequestSchema,
  optionalReasonSchema,
  reasonSchema,
  updateExperimentSchema,
} from '@capacites/domain';
import { createZodDto } from '../../common/zod-dto';

export class UpdateExperimentDto extends createZodDto(updateExperimentSchema) {}
export class CheckInDto extends createZodDto(checkInSchema) {}
export class ExtensionRequestDto extends createZodDto(extensionRequestSchema) {}
export class ReasonDto extends createZodDto(reasonSchema) {}
export class OptionalReasonDto extends createZodDto(optionalReasonSchema) {}
export class EvaluationDto extends createZodDto(evaluationBodySchema) {}
export class DecisionDto extends createZodDto(decisionBodySchema) {}
export class CriteriaAmendmentDto extends createZodDto(criteriaAmendmentSchema) {}
export class EmptyDto extends createZodDto(z.object({}).strict()) {}
export class ConsentDto extends createZodDto(
  z
    .object({
      consent: z.boolean(),
      /** The version of the information notice the person read (the back-office sends it). */
      noticeVersion: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    })
    .strict(),
) {}
export class ConsentOnBehalfDto extends createZodDto(consentOnBehalfSchema) {}
