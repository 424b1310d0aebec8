import 'reflect-metadata';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ValidationException } from '../../common/app.exception';
import { isZodDtoClass } from '../../common/zod-dto';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { ImportsController } from '../imports.controller';

/** The metatype of the handler's @Body() or @Query() (the whole object, no property). */
function inputType(handler: 'dryRun' | 'model', kind: RouteParamtypes): unknown {
  const args: Record<string, { index: number; data?: unknown }> =
    Reflect.getMetadata(ROUTE_ARGS_METADATA, ImportsController, handler) ?? {};
  const entry = Object.entries(args).find(([key, arg]) => key.startsWith(`${kind}:`) && arg.data === undefined);
  if (!entry) throw new Error(`${handler} has no such parameter`);
  const types: unknown[] = Reflect.getMetadata('design:paramtypes', ImportsController.prototype, handler);
  return types[entry[1].index];
}

const pipe = new ZodValidationPipe();
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('not refused');
};

describe('The import routes check their input through the common validation path', () => {
  it('types the upload and the model query by zod DTOs, which the global pipe validates (a rule: 409 INPUT_RULES)', () => {
    const upload = inputType('dryRun', RouteParamtypes.BODY);
    const query = inputType('model', RouteParamtypes.QUERY);
    expect(isZodDtoClass(upload)).toBe(true);
    expect(isZodDtoClass(query)).toBe(true);

    const bad = refusal(() => pipe.transform({ organizationId: 'nope', other: 1 }, { type: 'body', metatype: upload as never }));
    expect(bad).toBeInstanceOf(ValidationException);
    expect((bad as ValidationException).fields?.map((f) => f.field).sort()).toEqual(['organizationId', 'other']);
    expect(pipe.transform({}, { type: 'query', metatype: query as never })).toEqual({ format: 'xlsx' });
    const format = refusal(() => pipe.transform({ format: 'pdf' }, { type: 'query', metatype: query as never }));
    expect((format as ValidationException).fields).toEqual([{ field: 'format', message: 'format must be xlsx or csv' }]);
  });

  it('leaves no controller parsing its input by hand (parseInput belongs to the global pipe)', () => {
    const root = join(__dirname, '..', '..');
    const controllers: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (name !== '__tests__') walk(path);
        } else if (name.endsWith('.controller.ts')) controllers.push(path);
      }
    };
    walk(root);
    expect(controllers.length).toBeGreaterThan(20);
    const byHand = controllers.filter((path) => /\bparseInput\s*\(/.test(readFileSync(path, 'utf8')));
    expect(byHand.map((path) => path.slice(root.length + 1))).toEqual([]);
  });
});
