import type { ArgumentMetadata } from '@nestjs/common';
import type { Role } from '@capacites/domain';
import type { AuthUser } from '../../auth/auth-user';
import { ValidationException } from '../../common/app.exception';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { DashboardController } from '../dashboard.controller';
import type { DashboardService } from '../dashboard.service';
import { DashboardQueryDto } from '../dto/dashboard.query';

const ORGANIZATION_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OTHER_ID = '1f8fad5b-d9cb-469f-a165-70867728950e';
const queryMetadata: ArgumentMetadata = { type: 'query', metatype: DashboardQueryDto };
const validate = (query: Record<string, unknown>) => new ZodValidationPipe().transform(query, queryMetadata);

describe('GET /api/dashboard (controller and query validation)', () => {
  const getDashboard = jest.fn().mockResolvedValue({});
  const controller = new DashboardController({ getDashboard } as unknown as DashboardService);

  beforeEach(() => getDashboard.mockClear());

  const user = (role: Role, organizationId = ORGANIZATION_ID): AuthUser => ({
    userId: 'u',
    email: 'u@test',
    displayName: 'U',
    sessionId: 's',
    memberships: [{ organizationId, role }],
  });

  it('scopes the dashboard to the organisation asked for', async () => {
    await controller.get(user('admin', OTHER_ID), { organizationId: ORGANIZATION_ID });
    expect(getDashboard).toHaveBeenCalledWith({ organizationIds: [ORGANIZATION_ID] }, expect.any(Date));
  });

  it('covers every organisation for the platform admin when none is asked for', async () => {
    await controller.get(user('admin'), {});
    expect(getDashboard).toHaveBeenCalledWith({ organizationIds: 'all' }, expect.any(Date));
  });

  it("covers only the caller's own organisation for the CODIR", async () => {
    await controller.get(user('codir'), {});
    expect(getDashboard).toHaveBeenCalledWith({ organizationIds: [ORGANIZATION_ID] }, expect.any(Date));
  });

  it('treats another organisation as unknown, and refuses roles without a dashboard', () => {
    expect(() => controller.get(user('codir'), { organizationId: OTHER_ID })).toThrow(/does not exist/);
    expect(() => controller.get(user('member'), {})).toThrow(/"readDashboard" is for codir or hr/);
    expect(getDashboard).not.toHaveBeenCalled();
  });

  it('accepts a UUID organizationId or none', () => {
    expect(validate({ organizationId: ORGANIZATION_ID })).toEqual({ organizationId: ORGANIZATION_ID });
    expect(validate({})).toEqual({});
  });

  it('rejects an organizationId that is not a UUID (400), naming the field', () => {
    expect.assertions(3);
    try {
      validate({ organizationId: 'nantes' });
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationException);
      expect((error as ValidationException).kind).toBe('invalid');
      expect((error as ValidationException).fields).toEqual([
        { field: 'organizationId', message: 'organizationId must be a UUID' },
      ]);
    }
  });

  it('rejects an unknown query parameter', () => {
    expect(() => validate({ organisation: ORGANIZATION_ID })).toThrow(/unknown field "organisation"/);
  });
});
