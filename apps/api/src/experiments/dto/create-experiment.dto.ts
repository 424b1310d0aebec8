import { createExperimentSchema } from '@capacites/domain';
import { createZodDto } from '../../common/zod-dto';

export class CreateExperimentDto extends createZodDto(createExperimentSchema) {}
