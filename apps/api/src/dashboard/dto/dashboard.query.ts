import { z } from 'zod';
import { createZodDto } from '../../common/zod-dto';

// Narrows the dashboard to one of the caller's organisations.
export const dashboardQuerySchema = z
  .object({ organizationId: z.uuid({ message: 'organizationId must be a UUID' }).optional() })
  .strict();

export class DashboardQueryDto extends createZodDto(dashboardQuerySchema) {}
