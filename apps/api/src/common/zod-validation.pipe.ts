import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { parseInput } from '@capacites/domain';
import { RefusalException, ValidationException } from './app.exception';
import { isZodDtoClass } from './zod-dto';

/**
 * The one global validation pipe: bodies typed by a zod DTO are parsed (transformed,
 * unknown fields rejected) and every bad field is named in the error.
 */
@Injectable()
export class ZodValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!isZodDtoClass(metadata.metatype)) return value;
    const result = parseInput(metadata.metatype.schema, value ?? {});
    if (!result.ok) {
      // A well-formed input that breaks a rule its schema cannot state (fields that contradict
      // each other, a reference to a criterion the template lacks): 409 with the fields.
      if (result.rules)
        throw new RefusalException(
          'conflict',
          'INPUT_RULES',
          { fields: result.errors.map((e) => e.field) },
          result.errors,
        );
      throw new ValidationException(result.errors);
    }
    return result.value;
  }
}
